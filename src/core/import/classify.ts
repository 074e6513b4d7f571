import { isAvailableExtension } from './extensions';
import { field, listField, namedRoles, stringField, type StatementTree } from './parseTree';

/** Why a statement is not run, in groups a report can count. */
export type SkipKind =
  | 'database'
  | 'transaction'
  | 'role'
  | 'tablespace'
  | 'extension'
  | 'data'
  | 'server'
  | 'dependent';

/** What to do with one statement. */
export type Decision =
  | { action: 'run' }
  /** Run `sql` instead of the statement, for the reason in `note`. */
  | { action: 'rewrite'; sql: string; note: string }
  | { action: 'skip'; kind: SkipKind; reason: string; extension?: string };

/** What classification needs to know about the scratch database and the script so far. */
export interface ClassifyContext {
  /** Roles that exist in the scratch database (pg_roles). */
  roles: ReadonlySet<string>;
  /** Extensions skipped so far (PGlite does not ship them). */
  skippedExtensions: ReadonlySet<string>;
}

const RUN: Decision = { action: 'run' };

const DATA_STATEMENTS = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);
const ROLE_STATEMENTS = new Set([
  'CreateRoleStmt',
  'AlterRoleStmt',
  'AlterRoleSetStmt',
  'DropRoleStmt',
  'GrantRoleStmt',
  'DropOwnedStmt',
  'ReassignOwnedStmt',
]);
const DATABASE_STATEMENTS = new Set([
  'CreatedbStmt',
  'DropdbStmt',
  'AlterDatabaseStmt',
  'AlterDatabaseSetStmt',
  'AlterDatabaseRefreshCollStmt',
]);
const TABLESPACE_STATEMENTS = new Set([
  'CreateTableSpaceStmt',
  'DropTableSpaceStmt',
  'AlterTableSpaceOptionsStmt',
  'AlterTableMoveAllStmt',
]);
const SERVER_STATEMENTS = new Set([
  'CreateSubscriptionStmt',
  'AlterSubscriptionStmt',
  'DropSubscriptionStmt',
  'AlterSystemStmt',
]);

/**
 * Decides whether the scratch database should run a statement. What cannot matter to a design
 * (databases, transactions, roles, tablespaces, data) or cannot run in PGlite (extensions it
 * does not ship, roles that do not exist) is skipped with a reason a person can act on.
 */
export function classifyStatement(
  tree: StatementTree,
  text: string,
  ctx: ClassifyContext,
): Decision {
  const { type, fields } = tree;
  if (DATABASE_STATEMENTS.has(type)) {
    return skip(
      'database',
      'A design is one database: creating, dropping or changing databases is not part of it.',
    );
  }
  if (type === 'TransactionStmt') {
    return skip(
      'transaction',
      'Transaction control is not run: each statement runs on its own, so that one failure does not undo the others.',
    );
  }
  if (ROLE_STATEMENTS.has(type)) {
    return skip('role', 'Roles belong to the server, not to a design.');
  }
  if (TABLESPACE_STATEMENTS.has(type)) {
    return skip('tablespace', 'Tablespaces are storage on a server, not part of a design.');
  }
  if (SERVER_STATEMENTS.has(type)) {
    return skip('server', 'This configures a server or replication, not a design.');
  }
  if (DATA_STATEMENTS.has(type)) {
    return skip('data', 'This only changes data; a design keeps no data.');
  }
  if (type === 'CopyStmt') return copy(fields);
  if (type === 'LockStmt')
    return skip(
      'transaction',
      'LOCK only works inside a transaction, and each statement runs on its own.',
    );
  if (type === 'CreateExtensionStmt') return createExtension(fields);
  if (
    type === 'VariableSetStmt' &&
    stringField(fields, 'name') === 'client_encoding' &&
    !isUtf8Setting(fields)
  ) {
    return skip(
      'server',
      'The script was read as text (UTF-8) already: changing the client encoding would garble every non-ASCII character after it.',
    );
  }
  const extension = extensionNamed(tree, ctx);
  if (extension !== undefined) {
    return {
      action: 'skip',
      kind: 'dependent',
      extension,
      reason: `The extension "${extension}" was skipped (PGlite does not ship it).`,
    };
  }
  const missing = missingRoles(tree, ctx);
  if (missing.length > 0) return missingRole(tree, text, missing);
  return RUN;
}

/** `SET client_encoding = 'UTF8'` (in any spelling) changes nothing and may run. */
function isUtf8Setting(fields: Record<string, unknown>): boolean {
  const value = stringField(field(field(listField(fields, 'args')[0], 'A_Const'), 'sval'), 'sval');
  return value !== undefined && /^(utf-?8|unicode)$/i.test(value);
}

function skip(kind: SkipKind, reason: string): Decision {
  return { action: 'skip', kind, reason };
}

function copy(fields: Record<string, unknown>): Decision {
  if (fields.is_from !== true)
    return skip('data', 'COPY TO writes data out; a design keeps no data.');
  if (typeof fields.filename === 'string') {
    return skip(
      'data',
      'COPY FROM a file reads data from the server’s disk; a design keeps no data.',
    );
  }
  return skip(
    'data',
    'COPY FROM stdin loads data; a design keeps no data (its data lines are skipped too).',
  );
}

function createExtension(fields: Record<string, unknown>): Decision {
  const name = stringField(fields, 'extname') ?? '';
  if (isAvailableExtension(name)) return RUN;
  return {
    action: 'skip',
    kind: 'extension',
    extension: name,
    reason: `PGlite does not ship the extension "${name}", so it cannot be created here; statements that need it are skipped too.`,
  };
}

/** COMMENT ON / ALTER / DROP EXTENSION of an extension that was skipped. */
function extensionNamed(tree: StatementTree, ctx: ClassifyContext): string | undefined {
  const { type, fields } = tree;
  let name: string | undefined;
  if (type === 'CommentStmt' && fields.objtype === 'OBJECT_EXTENSION') {
    name = stringField(field(fields.object, 'String'), 'sval');
  } else if (type === 'AlterExtensionStmt' || type === 'AlterExtensionContentsStmt') {
    name = stringField(fields, 'extname');
  } else if (type === 'DropStmt' && fields.removeType === 'OBJECT_EXTENSION') {
    name = listField(fields, 'objects')
      .map((o) => stringField(field(o, 'String'), 'sval'))
      .find((n) => n !== undefined && ctx.skippedExtensions.has(n));
  }
  return name !== undefined && ctx.skippedExtensions.has(name) ? name : undefined;
}

/** Roles a statement names (as owner, grantee, grantor, policy role, SET ROLE) that do not exist. */
function missingRoles(tree: StatementTree, ctx: ClassifyContext): string[] {
  const { type, fields } = tree;
  const named: string[] = [];
  switch (type) {
    case 'AlterOwnerStmt':
      named.push(...namedRoles([fields.newowner]));
      break;
    case 'AlterTableStmt':
      for (const cmd of listField(fields, 'cmds')) {
        const c = field(cmd, 'AlterTableCmd');
        if (stringField(c, 'subtype') === 'AT_ChangeOwner')
          named.push(...namedRoles([field(c, 'newowner')]));
      }
      break;
    case 'GrantStmt':
      named.push(...namedRoles(listField(fields, 'grantees')), ...namedRoles([fields.grantor]));
      break;
    case 'AlterDefaultPrivilegesStmt':
      for (const option of listField(fields, 'options')) {
        const element = field(option, 'DefElem');
        if (stringField(element, 'defname') === 'roles')
          named.push(...namedRoles(listField(field(field(element, 'arg'), 'List'), 'items')));
      }
      named.push(...namedRoles(listField(fields.action, 'grantees')));
      break;
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      named.push(...namedRoles(listField(fields, 'roles')));
      break;
    case 'CreateSchemaStmt':
      named.push(...namedRoles([fields.authrole]));
      break;
    case 'VariableSetStmt': {
      const variable = stringField(fields, 'name');
      if (variable === 'role' || variable === 'session_authorization') {
        const value = stringField(
          field(field(listField(fields, 'args')[0], 'A_Const'), 'sval'),
          'sval',
        );
        if (value !== undefined) named.push(value);
      }
      break;
    }
  }
  return [...new Set(named.filter((role) => role !== '' && !ctx.roles.has(role)))];
}

/**
 * A statement naming roles that do not exist. CREATE SCHEMA ... AUTHORIZATION runs without the
 * AUTHORIZATION clause, since the schema matters and its owner does not; the rest is skipped.
 */
function missingRole(tree: StatementTree, text: string, roles: string[]): Decision {
  const list = roles.map((r) => `"${r}"`).join(', ');
  const plural = roles.length > 1 ? 'Roles' : 'Role';
  const exist = roles.length > 1 ? 'do' : 'does';
  if (tree.type === 'CreateSchemaStmt' && stringField(tree.fields, 'schemaname') !== undefined) {
    const rewritten = text.replace(/\s+AUTHORIZATION\s+("(?:[^"]|"")*"|[^\s;]+)/i, '');
    if (rewritten !== text) {
      return {
        action: 'rewrite',
        sql: rewritten,
        note: `Ran without AUTHORIZATION: ${plural.toLowerCase()} ${list} ${exist} not exist here, and owners are not part of a design.`,
      };
    }
  }
  const what =
    tree.type === 'CreatePolicyStmt' || tree.type === 'AlterPolicyStmt'
      ? 'The policy applies to'
      : tree.type === 'VariableSetStmt'
        ? 'It switches to'
        : 'It names';
  return skip(
    'role',
    `${what} ${list}, which ${exist} not exist in the scratch database (roles belong to the server, not to a design; owners and privileges are not kept).`,
  );
}
