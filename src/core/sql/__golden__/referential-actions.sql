CREATE TABLE parent (
  a integer NOT NULL,
  b integer NOT NULL,
  CONSTRAINT parent_pkey PRIMARY KEY (a, b)
);

CREATE TABLE child_on_delete_no_action (
  parent_a integer DEFAULT 0,
  parent_b integer DEFAULT 0
);

CREATE TABLE child_on_delete_restrict (
  parent_a integer DEFAULT 0,
  parent_b integer DEFAULT 0
);

CREATE TABLE child_on_delete_cascade (
  parent_a integer DEFAULT 0,
  parent_b integer DEFAULT 0
);

CREATE TABLE child_on_delete_set_null (
  parent_a integer DEFAULT 0,
  parent_b integer DEFAULT 0
);

CREATE TABLE child_on_delete_set_default (
  parent_a integer DEFAULT 0,
  parent_b integer DEFAULT 0
);

CREATE TABLE child_unnamed_fk (
  parent_a integer,
  parent_b integer
);

ALTER TABLE child_on_delete_no_action
  ADD CONSTRAINT child_1_parent_fk FOREIGN KEY (parent_a, parent_b) REFERENCES parent (a, b) MATCH FULL ON UPDATE CASCADE;

ALTER TABLE child_on_delete_restrict
  ADD CONSTRAINT child_2_parent_fk FOREIGN KEY (parent_a, parent_b) REFERENCES parent (a, b) ON DELETE RESTRICT ON UPDATE SET NULL DEFERRABLE;

ALTER TABLE child_on_delete_cascade
  ADD CONSTRAINT child_3_parent_fk FOREIGN KEY (parent_a, parent_b) REFERENCES parent (a, b) MATCH FULL ON DELETE CASCADE ON UPDATE SET DEFAULT DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE child_on_delete_set_null
  ADD CONSTRAINT child_4_parent_fk FOREIGN KEY (parent_a, parent_b) REFERENCES parent (a, b) ON DELETE SET NULL;

ALTER TABLE child_on_delete_set_default
  ADD CONSTRAINT child_5_parent_fk FOREIGN KEY (parent_a, parent_b) REFERENCES parent (a, b) MATCH FULL ON DELETE SET DEFAULT ON UPDATE RESTRICT DEFERRABLE;

ALTER TABLE child_unnamed_fk
  ADD FOREIGN KEY (parent_a, parent_b) REFERENCES parent (a, b) DEFERRABLE;
