/**
 * The database boundary as the UI sees it: the client and the plain data it returns. The engine,
 * boot and worker modules are not re-exported, so importing this never pulls PGlite into the
 * main bundle (PGlite lives in the worker's bundle).
 */
export { createPgClient, DEFAULT_TIMEOUTS } from './client';
export type * from './clientTypes';
export type {
  CheckSchemaResult,
  ImportSqlResult,
  Interrupted,
  InterruptReason,
  RunSqlResult,
} from './interrupts';
export type {
  BootInfo,
  ImportProgress,
  ImportSqlOptions,
  ImportSqlOutcome,
  PgError,
  PgNotice,
  ResultField,
  SchemaCheckReport,
  SqlRunFailure,
  SqlRunOutcome,
  SqlRunSuccess,
  SqlStatementResult,
  StatementError,
} from './protocol';
