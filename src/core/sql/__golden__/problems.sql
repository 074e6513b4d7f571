CREATE TABLE ok (
  id      integer NOT NULL,
  long_id integer,
  code    text NOT NULL,
  CONSTRAINT ok_pkey PRIMARY KEY (id)
);

CREATE TABLE referrer (
  ok_code text
);

CREATE INDEX ON ok (id);
