CREATE TABLE booking (
  id        bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  room      int4range NOT NULL,
  during    tstzrange NOT NULL,
  area      box,
  cancelled boolean DEFAULT false NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (NOT cancelled),
  EXCLUDE USING gist (area WITH &&),
  CONSTRAINT booking_room_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);

CREATE TABLE account (
  id         bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  email      text NOT NULL,
  handle     varchar(40),
  first_name text,
  last_name  text,
  score      integer,
  last_seen  timestamptz,
  deleted_at timestamptz,
  tags       text[],
  profile    jsonb,
  ip         inet,
  CONSTRAINT account_pkey PRIMARY KEY (id)
);

CREATE INDEX booking_during_idx ON booking USING gist (during);

CREATE INDEX booking_room_spgist ON booking USING spgist (room);

CREATE UNIQUE INDEX account_email_lower_key ON account (lower(email)) WHERE deleted_at IS NULL;

CREATE INDEX account_full_name_idx ON account ((lower(first_name) || ' ' || lower(last_name)));

CREATE INDEX account_leaderboard_idx ON account (score DESC NULLS LAST, last_seen DESC) INCLUDE (handle);

CREATE INDEX account_seen_nulls_first_idx ON account (last_seen NULLS FIRST);

CREATE INDEX account_score_desc_nulls_first_idx ON account (score DESC NULLS FIRST);

CREATE INDEX account_email_prefix_idx ON account (email text_pattern_ops);

CREATE INDEX ON account (handle varchar_pattern_ops);

CREATE INDEX account_score_plus_idx ON account ((score + 1) DESC);

CREATE INDEX account_email_hash_idx ON account USING hash (email);

CREATE INDEX account_tags_idx ON account USING gin (tags);

CREATE INDEX account_profile_idx ON account USING gin (profile jsonb_path_ops);

CREATE INDEX account_seen_brin ON account USING brin (last_seen);

CREATE INDEX account_ip_gist ON account USING gist (ip inet_ops);

CREATE INDEX account_email_spgist ON account USING spgist (email);

CREATE INDEX account_plan_idx ON account ((profile ->> 'plan'), id) WHERE profile ? 'plan';

CREATE INDEX account_score_coalesce_idx ON account ((COALESCE(score, 0)));
