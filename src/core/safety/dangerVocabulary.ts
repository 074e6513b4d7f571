/**
 * The names that make a statement dangerous on a real server: functions, extensions, languages,
 * roles, and the words that betray them inside procedural bodies (text to the parser).
 */
import type { Danger } from './classifyDanger';

/** Functions that read or write the server's files. */
export const FILE_FUNCTIONS = new Set([
  'pg_read_file',
  'pg_read_binary_file',
  'pg_stat_file',
  'pg_ls_dir',
  'pg_ls_logdir',
  'pg_ls_waldir',
  'pg_ls_tmpdir',
  'pg_ls_archive_statusdir',
  'pg_ls_logicalsnapdir',
  'pg_ls_logicalmapdir',
  'pg_ls_replslotdir',
  'pg_file_write',
  'pg_file_rename',
  'pg_file_unlink',
  'pg_file_sync',
  'pg_logdir_ls',
  'lo_import',
  'lo_export',
]);
/** Functions that act on the server or other sessions rather than on a schema. */
export const SERVER_FUNCTIONS = new Set([
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_promote',
  'pg_switch_wal',
  'pg_drop_replication_slot',
  'pg_create_physical_replication_slot',
  'pg_create_logical_replication_slot',
  'pg_log_backend_memory_contexts',
]);
/** Extensions that reach other servers, the file system, or run untrusted code. */
export const RISKY_EXTENSIONS: Record<string, Danger> = {
  dblink: { kind: 'connection', reason: 'dblink opens connections to other database servers.' },
  postgres_fdw: { kind: 'connection', reason: 'postgres_fdw connects to other database servers.' },
  file_fdw: { kind: 'file', reason: 'file_fdw reads files (and program output) on the server.' },
  adminpack: { kind: 'file', reason: 'adminpack writes and deletes files on the server.' },
  lo: { kind: 'file', reason: 'lo manages server-side large objects.' },
};
/** Procedural languages that run with the server's operating-system rights. */
export const UNTRUSTED_LANGUAGES = new Set([
  'c',
  'internal',
  'plpythonu',
  'plpython2u',
  'plpython3u',
  'plperlu',
  'pltclu',
  'plsh',
  'pljavau',
  'plr',
  'plv8u',
]);
/** Roles whose membership gives superuser-like powers. */
export const POWERFUL_ROLES = new Set([
  'pg_read_server_files',
  'pg_write_server_files',
  'pg_execute_server_program',
  'pg_signal_backend',
  'pg_checkpoint',
  'pg_maintain',
  'pg_signal_autovacuum_worker',
  'pg_create_subscription',
]);
/** Words in a procedural body (DO, functions) that name a dangerous call: its body is text to the parser. */
const BODY_WORDS = [
  ...FILE_FUNCTIONS,
  ...SERVER_FUNCTIONS,
  'dblink',
  'dblink_exec',
  'dblink_connect',
  'dblink_connect_u',
  'lo_unlink',
  'lo_from_bytea',
  'lo_put',
];
export const BODY_PATTERN = new RegExp(`\\b(${BODY_WORDS.join('|')})\\s*\\(`, 'i');
export const BODY_COPY_PROGRAM = /\bcopy\b[^;]*\bprogram\b/i;
export const BODY_COPY_FILE = /\bcopy\b[^;]*\b(?:to|from)\s+(?:e?')/i;
export const BODY_ROLE =
  /\b(?:alter\s+system|set\s+(?:local\s+|session\s+)?role|session\s+authorization|(?:create|alter|drop)\s+(?:role|user)|drop\s+(?:database|schema))\b/i;
