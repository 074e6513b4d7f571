/** What a DDL statement creates; used to group statements and to find an error's owner. */
export type DdlStatementKind = 'schema' | 'enum' | 'table' | 'foreignKey' | 'index' | 'comment';

/**
 * One statement of generated DDL with its place in the text (0-based, `from` inclusive, `to`
 * exclusive, in UTF-16 code units as JS strings and Monaco count) and the entity it belongs to.
 */
export interface DdlStatement {
  kind: DdlStatementKind;
  sql: string;
  from: number;
  to: number;
  /** The table (or enum, schema) this statement belongs to: errors badge it on the canvas. */
  entityId: string;
}

/** A reason the generator refused part of a design (e.g. a name over 63 bytes). */
export interface DdlProblem {
  /** The table, enum or schema concerned (as in `DdlStatement.entityId`), so the canvas can badge it. */
  entityId: string;
  /** The column, constraint or index inside that entity, when the problem is about one of them. */
  partId?: string;
  message: string;
}

/** Generated DDL text, its statements (the source map) and what could not be generated. */
export interface DdlOutput {
  text: string;
  statements: DdlStatement[];
  problems: DdlProblem[];
}
