CREATE SCHEMA crm;

CREATE TYPE crm.tier AS ENUM ('free', 'pro');

CREATE TABLE crm.customer (
  id    integer NOT NULL,
  note  text,
  plain text,
  PRIMARY KEY (id)
);

COMMENT ON SCHEMA crm IS 'Customer relationship data (don''t touch).';

COMMENT ON TYPE crm.tier IS E'Subscription tier; see C:\\docs\\tiers.';

COMMENT ON TABLE crm.customer IS 'People who buy things.
Second line: it''s café time ☕.';

COMMENT ON COLUMN crm.customer.id IS 'The customer''s number.';

COMMENT ON COLUMN crm.customer.note IS E'Free text; may contain \\n and "quotes".';
