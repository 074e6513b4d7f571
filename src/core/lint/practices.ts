/**
 * The sources the review cites. /work/shared has no separate practices document; the studio's own
 * statement of the practices it preaches is the example design (src/core/model/example.ts:
 * "identity keys, text over varchar, timestamptz, numeric for money, named constraints, indexed
 * foreign keys with a chosen ON DELETE action") and DESIGN.md ("the practice we preach: name
 * constraints"). The rest come from PostgreSQL's own documentation and wiki.
 */
const DONT = "PostgreSQL wiki, Don't Do This (https://wiki.postgresql.org/wiki/Don't_Do_This)";
const DOCS = 'https://www.postgresql.org/docs/current/';

export const PRACTICE = {
  exampleDesign: 'Tablewright example design practices (src/core/model/example.ts)',
  nameConstraints:
    'Tablewright DESIGN.md, Model decisions: "name constraints"; ' + DOCS + 'ddl-constraints.html',
  primaryKey:
    DOCS +
    'ddl-constraints.html#DDL-CONSTRAINTS-PRIMARY-KEYS ("every table should have a primary key")',
  fkIndex:
    DOCS +
    'ddl-constraints.html#DDL-CONSTRAINTS-FK (declaring a foreign key does not index the referencing columns)',
  undeclaredReference:
    DOCS +
    'ddl-constraints.html#DDL-CONSTRAINTS-FK ("maintains the referential integrity between two related tables"); B. Karwin, SQL Antipatterns: "Keyless Entry"',
  fkActions:
    DOCS +
    'ddl-constraints.html#DDL-CONSTRAINTS-FK (ON DELETE actions); Tablewright example design',
  indexes: DOCS + 'indexes-multicolumn.html and indexes-unique.html',
  serial: DONT + ': "Don\'t use serial"; ' + DOCS + 'sql-createtable.html (GENERATED AS IDENTITY)',
  varchar: DONT + ': "Don\'t use varchar(n) by default"',
  char: DONT + ': "Don\'t use char(n)"',
  timestamp: DONT + ': "Don\'t use timestamp (without time zone)"',
  json: DOCS + 'datatype-json.html ("most applications should prefer to store JSON data as jsonb")',
  money:
    DONT +
    ': "Don\'t use money"; ' +
    DOCS +
    'datatype-numeric.html#DATATYPE-FLOAT (floating point is inexact)',
  naming:
    DONT +
    ': "Don\'t use upper case table or column names"; ' +
    DOCS +
    'sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS',
  identifierLength: DOCS + 'sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS (NAMEDATALEN: 63 bytes)',
  bigintKeys:
    DOCS +
    'datatype-numeric.html#DATATYPE-INT (integer ends at 2147483647); Tablewright example design (bigint identity keys)',
  normalForm:
    'First normal form (E. F. Codd); B. Karwin, SQL Antipatterns: "Jaywalking", "Multicolumn Attributes"',
  polymorphic:
    'B. Karwin, SQL Antipatterns: "Polymorphic Associations"; ' +
    DOCS +
    'ddl-constraints.html#DDL-CONSTRAINTS-FK',
  enumLike:
    DOCS +
    'ddl-constraints.html#DDL-CONSTRAINTS-CHECK-CONSTRAINTS and datatype-enum.html; B. Karwin, SQL Antipatterns: "31 Flavors"',
  nullableUnique:
    DOCS + 'ddl-constraints.html#DDL-CONSTRAINTS-UNIQUE-CONSTRAINTS (NULLS NOT DISTINCT)',
  nullableBoolean:
    DOCS + 'datatype-boolean.html; ' + DOCS + 'functions-comparison.html (three-valued logic)',
  conventions:
    'Tablewright example design (created_at on every table); consistency across a schema',
  comments: DOCS + 'sql-comment.html',
  uuidKeys: DOCS + 'functions-uuid.html (uuidv7: time-ordered, PostgreSQL 18)',
} as const;
