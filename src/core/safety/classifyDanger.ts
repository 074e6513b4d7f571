/**
 * Which statements must not run unseen: reading and writing server files, running programs,
 * destroying what is not the design's, changing roles and privileges, connecting to other
 * servers. Decided from PostgreSQL's own parse tree (libpg-query's JSON, passed in: core stays
 * pure), never from the text, so a column named `program` or a `COPY … FROM STDIN` data section
 * of a pg_dump file is not mistaken for one.
 */

/** What kind of harm a statement can do on a real server. */
export type DangerKind = 'program' | 'file' | 'destructive' | 'privilege' | 'connection' | 'code';

/** One reason a statement is dangerous, written for the person who reads the warning. */
export interface Danger {
  kind: DangerKind;
  reason: string;
}

import { field, listField, names, stringField } from '../import/parseTree';
import {
  BODY_COPY_FILE,
  BODY_COPY_PROGRAM,
  BODY_PATTERN,
  BODY_ROLE,
  FILE_FUNCTIONS,
  POWERFUL_ROLES,
  RISKY_EXTENSIONS,
  SERVER_FUNCTIONS,
  UNTRUSTED_LANGUAGES,
} from './dangerVocabulary';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;
const sval = (node: unknown): string | undefined => stringField(field(node, 'String'), 'sval');

/**
 * The dangers of one statement, from its parse tree (`{ "CopyStmt": { … } }`, one element's
 * `stmt` of libpg-query's `stmts`). Empty when it is an ordinary schema statement.
 */
export function classifyDanger(stmt: unknown): Danger[] {
  if (!isNode(stmt)) return [];
  const entry = Object.entries(stmt)[0];
  if (!entry) return [];
  const [type, fields] = entry;
  const found: Danger[] = [...statementDangers(type, fields)];
  walk(fields, (call) => {
    const danger = callDanger(call);
    if (danger) found.push(danger);
  });
  return dedupe(found);
}

function statementDangers(type: string, f: unknown): Danger[] {
  switch (type) {
    case 'CopyStmt': {
      const filename = stringField(f, 'filename');
      const from = isNode(f) && f.is_from === true;
      if (isNode(f) && f.is_program === true) {
        return [
          {
            kind: 'program',
            reason: `COPY … ${from ? 'FROM' : 'TO'} PROGRAM runs a shell command on the database server (${filename ?? ''}).`,
          },
        ];
      }
      // No file name: STDIN/STDOUT, the client's side (pg_dump data sections): harmless.
      if (filename !== undefined) {
        return [
          {
            kind: 'file',
            reason: `COPY ${from ? 'FROM' : 'TO'} a file ${from ? 'reads' : 'writes'} '${filename}' on the database server.`,
          },
        ];
      }
      return [];
    }
    case 'DropStmt': {
      const removeType = stringField(f, 'removeType') ?? '';
      const cascade = stringField(f, 'behavior') === 'DROP_CASCADE';
      // `DROP TABLE IF EXISTS x CASCADE` before a CREATE is a common idiom of schema files (e.g.
      // listmonk's): only a whole schema is flagged, where CASCADE takes everything in it.
      if (removeType === 'OBJECT_SCHEMA') {
        return [
          {
            kind: 'destructive',
            reason: `DROP SCHEMA${cascade ? ' … CASCADE' : ''} deletes a schema${cascade ? ' and everything in it' : ''}, data included.`,
          },
        ];
      }
      return [];
    }
    case 'DropdbStmt':
      return [{ kind: 'destructive', reason: 'DROP DATABASE deletes a whole database.' }];
    case 'DropOwnedStmt':
      return [
        {
          kind: 'destructive',
          reason: 'DROP OWNED deletes everything a role owns, in any schema.',
        },
      ];
    case 'ReassignOwnedStmt':
      return [
        {
          kind: 'privilege',
          reason: 'REASSIGN OWNED hands every object of a role to another role.',
        },
      ];
    case 'TruncateStmt':
      return [{ kind: 'destructive', reason: 'TRUNCATE deletes every row of the table.' }];
    case 'DeleteStmt':
      return isNode(f) && f.whereClause !== undefined
        ? []
        : [{ kind: 'destructive', reason: 'DELETE without WHERE deletes every row of the table.' }];
    case 'UpdateStmt':
      return isNode(f) && f.whereClause !== undefined
        ? []
        : [{ kind: 'destructive', reason: 'UPDATE without WHERE changes every row of the table.' }];
    case 'CreateRoleStmt':
    case 'AlterRoleStmt':
    case 'AlterRoleSetStmt':
    case 'DropRoleStmt':
      return [
        {
          kind: 'privilege',
          reason:
            'This creates, changes or drops a role (a login of the server), not part of a schema.',
        },
      ];
    case 'GrantRoleStmt': {
      const granted = listField(f, 'granted_roles').map(
        (r) => stringField(isNode(r) ? r.AccessPriv : undefined, 'priv_name') ?? '',
      );
      const powerful = granted.filter((r) => POWERFUL_ROLES.has(r) || r === 'postgres');
      return [
        {
          kind: 'privilege',
          reason: powerful.length
            ? `Role membership ${powerful.join(', ')} gives server-level powers (files, programs, other sessions).`
            : 'GRANT/REVOKE of a role changes who may act as whom on the server.',
        },
      ];
    }
    case 'GrantStmt': {
      const objtype = stringField(f, 'objtype') ?? '';
      const serverLevel = [
        'OBJECT_DATABASE',
        'OBJECT_LANGUAGE',
        'OBJECT_FDW',
        'OBJECT_FOREIGN_SERVER',
        'OBJECT_LARGEOBJECT',
        'OBJECT_PARAMETER_ACL',
        'OBJECT_TABLESPACE',
      ];
      if (serverLevel.includes(objtype))
        return [
          {
            kind: 'privilege',
            reason: `${isNode(f) && f.is_grant === true ? 'GRANT' : 'REVOKE'} on a ${objtype
              .replace(/^OBJECT_/, '')
              .replace(/_/g, ' ')
              .toLowerCase()} changes server-level privileges.`,
          },
        ];
      return [];
    }
    case 'AlterSystemStmt':
      return [{ kind: 'privilege', reason: 'ALTER SYSTEM changes the server configuration file.' }];
    case 'AlterDatabaseStmt':
    case 'AlterDatabaseSetStmt':
    case 'AlterDatabaseRefreshCollStmt':
      return [
        {
          kind: 'privilege',
          reason: 'ALTER DATABASE changes a database of the server, not a schema.',
        },
      ];
    case 'VariableSetStmt': {
      const name = stringField(f, 'name');
      if (name === 'role')
        return [
          {
            kind: 'privilege',
            reason: 'SET ROLE makes the rest of the script run as another role.',
          },
        ];
      if (name === 'session_authorization')
        return [
          {
            kind: 'privilege',
            reason: 'SET SESSION AUTHORIZATION makes the rest of the script run as another user.',
          },
        ];
      return [];
    }
    case 'CreateExtensionStmt': {
      const name = stringField(f, 'extname') ?? '';
      const risky = RISKY_EXTENSIONS[name];
      if (risky) return [risky];
      if (UNTRUSTED_LANGUAGES.has(name))
        return [
          {
            kind: 'code',
            reason: `The extension ${name} is an untrusted language: its functions run with the server's operating-system rights.`,
          },
        ];
      return [];
    }
    case 'CreatePLangStmt': {
      const name = stringField(f, 'plname') ?? '';
      return [
        {
          kind: 'code',
          reason: `CREATE LANGUAGE ${name} installs a procedural language${UNTRUSTED_LANGUAGES.has(name) || (isNode(f) && f.pltrusted !== true) ? " that runs with the server's operating-system rights" : ''}.`,
        },
      ];
    }
    case 'CreateFunctionStmt':
      return functionDangers(f);
    case 'DoStmt':
      return bodyDangers('DO block', optionString(listField(f, 'args'), 'as'), true);
    case 'LoadStmt':
      return [
        {
          kind: 'code',
          reason: `LOAD loads a shared library into the server (${stringField(f, 'filename') ?? ''}).`,
        },
      ];
    case 'CreateTableSpaceStmt':
      return [
        {
          kind: 'file',
          reason: `CREATE TABLESPACE writes to a directory of the server (${stringField(f, 'location') ?? ''}).`,
        },
      ];
    case 'CreateForeignServerStmt':
    case 'CreateUserMappingStmt':
    case 'AlterUserMappingStmt':
      return [
        {
          kind: 'connection',
          reason:
            'Foreign servers and user mappings connect to other database servers (with stored passwords).',
        },
      ];
    case 'CreateSubscriptionStmt':
    case 'AlterSubscriptionStmt':
      return [
        { kind: 'connection', reason: 'A subscription connects to another database server.' },
      ];
    default:
      return [];
  }
}

function optionString(options: unknown[], name: string): string[] {
  for (const option of options) {
    const def = isNode(option) ? option.DefElem : undefined;
    if (stringField(def, 'defname') !== name) continue;
    const arg = isNode(def) ? def.arg : undefined;
    const single = sval(arg);
    if (single !== undefined) return [single];
    return names(listField(isNode(arg) ? arg.List : undefined, 'items'));
  }
  return [];
}

function functionDangers(f: unknown): Danger[] {
  const options = listField(f, 'options');
  const language = (optionString(options, 'language')[0] ?? 'sql').toLowerCase();
  const name = names(listField(f, 'funcname')).join('.');
  // A C function bound to a library installed with the server (`AS '$libdir/unaccent', 'unaccent_dict'`,
  // as musicbrainz wraps unaccent to make it IMMUTABLE) loads nothing from elsewhere: it names code
  // the server already ships. Any other path is a file from the server's disk.
  const shipped =
    language === 'c' &&
    /^\$libdir\/[A-Za-z0-9_.-]+$/.test(optionString(options, 'as')[0] ?? '') &&
    !(optionString(options, 'as')[0] ?? '').includes('..');
  if (UNTRUSTED_LANGUAGES.has(language) && !shipped) {
    return [
      {
        kind: 'code',
        reason: `The function ${name} is written in ${language}: it runs ${language === 'c' || language === 'internal' ? "native code loaded from the server's disk" : "with the server's operating-system rights"}.`,
      },
    ];
  }
  return bodyDangers(`The body of ${name}`, optionString(options, 'as'));
}

/**
 * A procedural body is a string to the parser: its words are read, so a match is only a "may".
 * Role and server words count in DO blocks only, which run at once: a function that manages
 * roles when called (Supabase's `grant_pg_net_access`) is the vendor's business.
 */
function bodyDangers(what: string, bodies: string[], runsNow = false): Danger[] {
  const body = bodies.join('\n');
  if (BODY_COPY_PROGRAM.test(body))
    return [
      { kind: 'program', reason: `${what} may run COPY … PROGRAM, a shell command on the server.` },
    ];
  const call = BODY_PATTERN.exec(body);
  if (call)
    return [
      {
        kind: FILE_FUNCTIONS.has(call[1]!.toLowerCase()) ? 'file' : 'connection',
        reason: `${what} calls ${call[1]}(), which reaches outside the schema (server files, sessions or other servers).`,
      },
    ];
  if (BODY_COPY_FILE.test(body))
    return [{ kind: 'file', reason: `${what} may run COPY to or from a file on the server.` }];
  const role = runsNow ? BODY_ROLE.exec(body) : null;
  if (role) return [{ kind: 'privilege', reason: `${what} runs ${role[0].toUpperCase()}.` }];
  return [];
}

function callDanger(call: Node): Danger | undefined {
  const parts = names(listField(call, 'funcname'));
  const name = (parts[parts.length - 1] ?? '').toLowerCase();
  if (FILE_FUNCTIONS.has(name))
    return { kind: 'file', reason: `${name}() reads or writes files on the database server.` };
  if (name.startsWith('lo_'))
    return {
      kind: 'file',
      reason: `${name}() works on server-side large objects, outside the schema.`,
    };
  if (name.startsWith('dblink'))
    return { kind: 'connection', reason: `${name}() connects to another database server.` };
  if (SERVER_FUNCTIONS.has(name))
    return {
      kind: 'privilege',
      reason: `${name}() acts on the server or other sessions, not on a schema.`,
    };
  if (name === 'set_config') {
    const first = listField(call, 'args')[0];
    const setting = stringField(
      isNode(first) && isNode(first.A_Const) ? first.A_Const.sval : undefined,
      'sval',
    );
    if (setting === 'role' || setting === 'session_authorization')
      return {
        kind: 'privilege',
        reason: `set_config('${setting}', …) switches the role the rest runs as.`,
      };
  }
  return undefined;
}

/** Every FuncCall in the tree (in SELECTs, defaults, views, SQL-standard function bodies…). */
function walk(value: unknown, visit: (call: Node) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (!isNode(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'FuncCall' && isNode(child)) visit(child);
    walk(child, visit);
  }
}

function dedupe(dangers: Danger[]): Danger[] {
  const seen = new Set<string>();
  return dangers.filter((d) => !seen.has(d.reason) && seen.add(d.reason));
}
