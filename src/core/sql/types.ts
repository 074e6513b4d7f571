/**
 * What a DDL statement creates; used to group statements and to find an error's owner.
 * `setting`: a session setting the rest needs; `partition`: ATTACH PARTITION (of a table or an
 * index); `tableOption`: NOT VALID checks, row level security, CLUSTER ON; `extra`: an object
 * kept verbatim (see `RawObject`).
 */
export type DdlStatementKind =
  | 'setting'
  | 'schema'
  | 'enum'
  | 'table'
  | 'partition'
  | 'tableOption'
  | 'foreignKey'
  | 'index'
  | 'comment'
  | 'extra';

/**
 * One statement of generated DDL with its place in the text (0-based, `from` inclusive, `to`
 * exclusive, in UTF-16 code units as JS strings and Monaco count) and the entity it belongs to.
 */
export interface DdlStatement {
  kind: DdlStatementKind;
  sql: string;
  from: number;
  to: number;
  /**
   * The table (or enum, schema, raw object) this statement belongs to: errors badge it on the
   * canvas. A raw object that belongs to a table (a trigger, a policy) gives its table here.
   */
  entityId: string;
  /** The raw object's id, for statements of raw objects that belong to a table. */
  partId?: string;
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
