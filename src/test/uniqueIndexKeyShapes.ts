import {
  emptyDesign,
  type Column,
  type Constraint,
  type Design,
  type ForeignKey,
  type Index,
  type Table,
} from '../core/model';

/**
 * Small designs whose foreign keys reference columns unique only through a `CREATE UNIQUE INDEX`
 * (as Rails' structure.sql has them), beside unique indexes no foreign key can use. PostgreSQL
 * refuses such a foreign key (42830) until its index exists: these check the DDL and migrations
 * create the index first. Fixed ids, so tests can find statements by entity.
 */

export function col(id: string, name: string, type: string, nullable = true): Column {
  return { id, name, type, nullable };
}

export function pk(id: string, columnId: string): Constraint {
  return { id, kind: 'primaryKey', columnIds: [columnId], include: [] };
}

export function fk(
  id: string,
  columnIds: string[],
  refTableId: string,
  refColumnIds: string[],
  extra: Partial<ForeignKey> = {},
): ForeignKey {
  return {
    id,
    kind: 'foreignKey',
    columnIds,
    refTableId,
    refColumnIds,
    onDelete: 'noAction',
    onUpdate: 'noAction',
    deferrable: 'notDeferrable',
    ...extra,
  };
}

/** A btree index on columns; `unique` by default. */
export function index(
  id: string,
  name: string | undefined,
  columnIds: string[],
  extra: Partial<Index> = {},
): Index {
  const ix: Index = {
    id,
    unique: true,
    method: 'btree',
    elements: columnIds.map((columnId) => ({ kind: 'column', columnId })),
    include: [],
    ...extra,
  };
  if (name !== undefined) ix.name = name;
  return ix;
}

export function table(
  id: string,
  name: string,
  columns: Column[],
  constraints: Constraint[],
  indexes: Index[] = [],
  extra: Partial<Table> = {},
): Table {
  return {
    id,
    schemaId: 's_public',
    name,
    columns,
    constraints,
    indexes,
    inherits: [],
    storageParameters: [],
    ...extra,
  };
}

export function designOf(name: string, tables: Table[]): Design {
  const design = emptyDesign(name, `d_${name.replace(/\W+/g, '_')}`);
  for (const t of tables) design.tables[t.id] = t;
  return design;
}

/** `login_sessions.login_id` unique only through an index; `user_events` references it. */
export function railsLoginSessions(): Design {
  return designOf('rails login sessions', [
    table(
      't_events',
      'user_events',
      [
        col('c_e_id', 'id', 'bigint', false),
        col('c_e_login', 'login_session_id', 'uuid'),
        col('c_e_user', 'user_id', 'bigint'),
      ],
      [
        pk('k_e_pk', 'c_e_id'),
        fk('k_e_login', ['c_e_login'], 't_sessions', ['c_s_login'], {
          name: 'fk_rails_89475bdf6f',
          onDelete: 'setNull',
        }),
        fk('k_e_user', ['c_e_user'], 't_users', ['c_u_id'], { name: 'fk_rails_0cb5590091' }),
      ],
      [
        index('i_e_login', 'index_user_events_on_login_session_id', ['c_e_login'], {
          unique: false,
        }),
      ],
    ),
    table(
      't_users',
      'users',
      [col('c_u_id', 'id', 'bigint', false), col('c_u_email', 'email', 'text', false)],
      [pk('k_u_pk', 'c_u_id')],
    ),
    table(
      't_sessions',
      'login_sessions',
      [col('c_s_id', 'id', 'bigint', false), col('c_s_login', 'login_id', 'uuid', false)],
      [pk('k_s_pk', 'c_s_id')],
      [index('i_s_login', 'index_login_sessions_on_login_id', ['c_s_login'])],
    ),
  ]);
}

/** A two-column foreign key onto a two-column unique index, naming the columns in another order. */
export function multiColumn(): Design {
  return designOf('multi column', [
    table(
      't_roles',
      'membership_roles',
      [
        col('c_r_id', 'id', 'bigint', false),
        col('c_r_org', 'organization_id', 'bigint', false),
        col('c_r_m', 'membership_id', 'bigint', false),
      ],
      [
        pk('k_r_pk', 'c_r_id'),
        fk('k_r_fk', ['c_r_org', 'c_r_m'], 't_members', ['c_m_org', 'c_m_id'], {
          name: 'membership_role_membership_fk',
        }),
      ],
    ),
    table(
      't_members',
      'memberships',
      [col('c_m_id', 'id', 'bigint', false), col('c_m_org', 'organization_id', 'bigint', false)],
      [pk('k_m_pk', 'c_m_id')],
      [index('i_m_key', 'index_memberships_by_id_and_organization', ['c_m_id', 'c_m_org'])],
    ),
  ]);
}

/**
 * One column with a partial and an expression unique index (neither can be referenced) and a full
 * one with INCLUDE and DESC (which can); a NULLS NOT DISTINCT pair; an exclusion constraint.
 */
export function unreferenceableBeside(): Design {
  return designOf('unreferenceable beside', [
    table(
      't_invoices',
      'invoices',
      [
        col('c_i_id', 'id', 'bigint', false),
        col('c_i_code', 'account_code', 'text'),
        col('c_i_ref', 'account_ref', 'text'),
        col('c_i_region', 'region', 'text'),
      ],
      [
        pk('k_i_pk', 'c_i_id'),
        fk('k_i_code', ['c_i_code'], 't_accounts', ['c_a_code'], { onUpdate: 'cascade' }),
        fk('k_i_ref', ['c_i_ref', 'c_i_region'], 't_accounts', ['c_a_ref', 'c_a_region']),
      ],
    ),
    table(
      't_accounts',
      'accounts',
      [
        col('c_a_id', 'id', 'bigint', false),
        col('c_a_code', 'code', 'text', false),
        col('c_a_ref', 'external_ref', 'text'),
        col('c_a_region', 'region', 'text', false),
        col('c_a_during', 'active_during', 'tstzrange'),
        col('c_a_closed', 'closed_at', 'timestamptz'),
      ],
      [
        pk('k_a_pk', 'c_a_id'),
        {
          id: 'k_a_excl',
          kind: 'exclude',
          name: 'accounts_no_overlap',
          definition: 'USING gist (active_during WITH &&)',
        },
      ],
      [
        index('i_a_open', 'accounts_code_open_key', ['c_a_code'], { where: 'closed_at IS NULL' }),
        {
          id: 'i_a_lower',
          name: 'accounts_lower_code_key',
          unique: true,
          method: 'btree',
          elements: [{ kind: 'expression', expression: 'lower(code)' }],
          include: [],
        },
        {
          ...index('i_a_code', 'accounts_code_key', ['c_a_code'], { include: ['c_a_ref'] }),
          elements: [{ kind: 'column', columnId: 'c_a_code', descending: true }],
        },
        index('i_a_ref', 'accounts_region_ref_key', ['c_a_region', 'c_a_ref'], {
          nullsNotDistinct: true,
        }),
      ],
    ),
  ]);
}

/** A deferrable unique constraint cannot be referenced; the unique index on the same column can. */
export function deferrableBeside(): Design {
  return designOf('deferrable beside', [
    table(
      't_notes',
      'ticket_notes',
      [col('c_n_id', 'id', 'bigint', false), col('c_n_ticket', 'ticket_number', 'integer', false)],
      [
        pk('k_n_pk', 'c_n_id'),
        fk('k_n_fk', ['c_n_ticket'], 't_tickets', ['c_t_number'], {
          deferrable: 'initiallyDeferred',
        }),
      ],
    ),
    table(
      't_tickets',
      'tickets',
      [col('c_t_id', 'id', 'bigint', false), col('c_t_number', 'number', 'integer', false)],
      [
        pk('k_t_pk', 'c_t_id'),
        {
          id: 'k_t_uq',
          kind: 'unique',
          name: 'tickets_number_key',
          columnIds: ['c_t_number'],
          deferrable: 'initiallyDeferred',
          include: [],
        },
      ],
      [index('i_t_number', 'index_tickets_on_number', ['c_t_number'])],
    ),
  ]);
}

/** A table referencing itself through a unique index, and a cycle between two tables. */
export function selfAndCycle(): Design {
  return designOf('self and cycle', [
    table(
      't_cats',
      'categories',
      [
        col('c_c_id', 'id', 'bigint', false),
        col('c_c_path', 'path', 'text', false),
        col('c_c_parent', 'parent_path', 'text'),
        col('c_c_shelf', 'shelf_code', 'text'),
      ],
      [
        pk('k_c_pk', 'c_c_id'),
        fk('k_c_parent', ['c_c_parent'], 't_cats', ['c_c_path']),
        fk('k_c_shelf', ['c_c_shelf'], 't_shelves', ['c_sh_code']),
      ],
      [index('i_c_path', undefined, ['c_c_path'])],
    ),
    table(
      't_shelves',
      'shelves',
      [
        col('c_sh_id', 'id', 'bigint', false),
        col('c_sh_code', 'code', 'text', false),
        col('c_sh_top', 'top_category_path', 'text'),
      ],
      [pk('k_sh_pk', 'c_sh_id'), fk('k_sh_top', ['c_sh_top'], 't_cats', ['c_c_path'])],
      [index('i_sh_code', 'shelves_code_key', ['c_sh_code'])],
    ),
  ]);
}

/**
 * A partitioned table's unique index created ON ONLY the parent and attached partition by
 * partition: only valid, and so only usable by a foreign key, once every partition's is attached.
 */
export function partitioned(): Design {
  const columns = (p: string) => [
    col(`c_${p}_id`, 'id', 'bigint', false),
    col(`c_${p}_on`, 'occurred_on', 'date', false),
  ];
  const bound = (from: string, to: string) => `FOR VALUES FROM ('${from}') TO ('${to}')`;
  return designOf('partitioned', [
    table(
      't_tags',
      'event_tags',
      [
        col('c_g_id', 'id', 'bigint', false),
        col('c_g_event', 'event_id', 'bigint', false),
        col('c_g_on', 'event_on', 'date', false),
      ],
      [
        pk('k_g_pk', 'c_g_id'),
        fk('k_g_fk', ['c_g_on', 'c_g_event'], 't_ev', ['c_ev_on', 'c_ev_id'], {
          onDelete: 'cascade',
        }),
      ],
    ),
    table(
      't_ev',
      'events',
      columns('ev'),
      [],
      [index('i_ev', 'events_id_on_key', ['c_ev_id', 'c_ev_on'])],
      { partitionBy: 'RANGE (occurred_on)' },
    ),
    table(
      't_e25',
      'events_2025',
      columns('e25'),
      [],
      [index('i_e25', 'events_2025_id_on_key', ['c_e25_id', 'c_e25_on'], { attachedTo: 'i_ev' })],
      {
        partitionOf: { tableId: 't_ev', bound: bound('2025-01-01', '2026-01-01') },
      },
    ),
    table(
      't_e26',
      'events_2026',
      columns('e26'),
      [],
      [index('i_e26', 'events_2026_id_on_key', ['c_e26_id', 'c_e26_on'], { attachedTo: 'i_ev' })],
      {
        partitionOf: { tableId: 't_ev', bound: bound('2026-01-01', '2027-01-01') },
      },
    ),
  ]);
}

/** Every shape, by name. */
export const UNIQUE_INDEX_KEY_SHAPES: Record<string, () => Design> = {
  'Rails: fk_rails_... onto index_..._on_login_id': railsLoginSessions,
  'multi-column, referenced columns in another order': multiColumn,
  'partial, expression, INCLUDE and NULLS NOT DISTINCT unique indexes, an exclusion constraint':
    unreferenceableBeside,
  'a deferrable unique constraint beside a unique index': deferrableBeside,
  'a self-reference and a cycle': selfAndCycle,
  'a partitioned table, its index ON ONLY the parent and attached': partitioned,
};
