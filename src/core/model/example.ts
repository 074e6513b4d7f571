import { makeDocument, type DesignDocument } from './document';
import { emptyDesign } from './design';
import type { Column, Constraint, Design, Index, Table } from './schema';

/**
 * The first-visit design: a small online shop that follows the practices the review preaches —
 * identity keys, text over varchar, timestamptz, numeric for money, named constraints, indexed
 * foreign keys with a chosen ON DELETE action. Fixed ids keep it reproducible in tests.
 */
export function exampleDocument(): DesignDocument {
  const base = emptyDesign('Online shop', 'd_example');
  const tables: Table[] = [customers(), addresses(), products(), orders(), orderItems()];
  const design: Design = {
    ...base,
    enums: {
      e_order_status: {
        id: 'e_order_status',
        schemaId: 's_public',
        name: 'order_status',
        values: ['pending', 'paid', 'shipped', 'cancelled'],
      },
    },
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
  };
  const positions: Record<string, [number, number, string]> = {
    t_customers: [40, 60, 'blue'],
    t_addresses: [40, 380, 'teal'],
    t_orders: [420, 60, 'amber'],
    t_order_items: [800, 60, 'amber'],
    t_products: [800, 380, 'green'],
  };
  const layoutTables = Object.fromEntries(
    Object.entries(positions).map(([id, [x, y, color]]) => [id, { x, y, color }]),
  );
  // The viewport frames all five tables on a laptop screen beside the inspector.
  return makeDocument(design, {
    tables: layoutTables,
    notes: {},
    viewport: { x: 16, y: 8, zoom: 0.85 },
  });
}

const idCol = (table: string): Column => ({
  id: `c_${table}_id`,
  name: 'id',
  type: 'bigint',
  nullable: false,
  identity: 'always',
});
const createdAt = (table: string): Column => ({
  id: `c_${table}_created_at`,
  name: 'created_at',
  type: 'timestamptz',
  nullable: false,
  default: 'now()',
});
const col = (table: string, name: string, type: string, extra: Partial<Column> = {}): Column => ({
  id: `c_${table}_${name}`,
  name,
  type,
  nullable: false,
  ...extra,
});
const pk = (table: string): Constraint => ({
  id: `k_${table}_pkey`,
  kind: 'primaryKey',
  name: `${table}_pkey`,
  columnIds: [`c_${table}_id`],
  include: [],
});
const fk = (
  table: string,
  column: string,
  ref: string,
  onDelete: 'cascade' | 'restrict',
): Constraint => ({
  id: `k_${table}_${column}_fkey`,
  kind: 'foreignKey',
  name: `${table}_${column}_fkey`,
  columnIds: [`c_${table}_${column}`],
  refTableId: `t_${ref}`,
  refColumnIds: [`c_${ref}_id`],
  onDelete,
  onUpdate: 'noAction',
  deferrable: 'notDeferrable',
});
const fkIndex = (table: string, column: string): Index => ({
  id: `i_${table}_${column}`,
  name: `${table}_${column}_idx`,
  unique: false,
  method: 'btree',
  elements: [{ kind: 'column', columnId: `c_${table}_${column}` }],
  include: [],
});

function customers(): Table {
  return {
    id: 't_customers',
    schemaId: 's_public',
    name: 'customers',
    comment: 'People who can place orders.',
    columns: [
      idCol('customers'),
      col('customers', 'email', 'text'),
      col('customers', 'full_name', 'text'),
      createdAt('customers'),
    ],
    constraints: [
      pk('customers'),
      {
        id: 'k_customers_email_key',
        kind: 'unique',
        name: 'customers_email_key',
        columnIds: ['c_customers_email'],
        include: [],
      },
    ],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
}

function addresses(): Table {
  return {
    id: 't_addresses',
    schemaId: 's_public',
    name: 'addresses',
    comment: 'Where a customer receives orders; a customer may have several.',
    columns: [
      idCol('addresses'),
      col('addresses', 'customer_id', 'bigint'),
      col('addresses', 'line1', 'text'),
      col('addresses', 'city', 'text'),
      col('addresses', 'postal_code', 'text'),
      col('addresses', 'country_code', 'text', { comment: 'ISO 3166-1 alpha-2' }),
    ],
    constraints: [
      pk('addresses'),
      fk('addresses', 'customer_id', 'customers', 'cascade'),
      {
        id: 'k_addresses_country_code_check',
        kind: 'check',
        name: 'addresses_country_code_check',
        expression: "country_code ~ '^[A-Z]{2}$'",
      },
    ],
    indexes: [fkIndex('addresses', 'customer_id')],
    inherits: [],
    storageParameters: [],
  };
}

function products(): Table {
  return {
    id: 't_products',
    schemaId: 's_public',
    name: 'products',
    comment: 'What the shop sells, one row per stock-keeping unit.',
    columns: [
      idCol('products'),
      col('products', 'sku', 'text'),
      col('products', 'name', 'text'),
      col('products', 'price', 'numeric(12,2)'),
      col('products', 'attributes', 'jsonb', { default: "'{}'::jsonb" }),
    ],
    constraints: [
      pk('products'),
      {
        id: 'k_products_sku_key',
        kind: 'unique',
        name: 'products_sku_key',
        columnIds: ['c_products_sku'],
        include: [],
      },
      {
        id: 'k_products_price_check',
        kind: 'check',
        name: 'products_price_check',
        expression: 'price >= 0',
      },
    ],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
}

function orders(): Table {
  return {
    id: 't_orders',
    schemaId: 's_public',
    name: 'orders',
    comment: 'One purchase by a customer; its lines are in order_items.',
    columns: [
      idCol('orders'),
      col('orders', 'customer_id', 'bigint'),
      col('orders', 'shipping_address_id', 'bigint', { nullable: true }),
      col('orders', 'status', 'order_status', { default: "'pending'::order_status" }),
      createdAt('orders'),
    ],
    constraints: [
      pk('orders'),
      fk('orders', 'customer_id', 'customers', 'restrict'),
      fk('orders', 'shipping_address_id', 'addresses', 'restrict'),
    ],
    indexes: [fkIndex('orders', 'customer_id'), fkIndex('orders', 'shipping_address_id')],
    inherits: [],
    storageParameters: [],
  };
}

function orderItems(): Table {
  return {
    id: 't_order_items',
    schemaId: 's_public',
    name: 'order_items',
    comment: 'One product in an order, at the price it was sold for.',
    columns: [
      idCol('order_items'),
      col('order_items', 'order_id', 'bigint'),
      col('order_items', 'product_id', 'bigint'),
      col('order_items', 'quantity', 'integer'),
      col('order_items', 'unit_price', 'numeric(12,2)'),
    ],
    constraints: [
      pk('order_items'),
      fk('order_items', 'order_id', 'orders', 'cascade'),
      fk('order_items', 'product_id', 'products', 'restrict'),
      {
        id: 'k_order_items_quantity_check',
        kind: 'check',
        name: 'order_items_quantity_check',
        expression: 'quantity > 0',
      },
      {
        id: 'k_order_items_order_product_key',
        kind: 'unique',
        name: 'order_items_order_id_product_id_key',
        columnIds: ['c_order_items_order_id', 'c_order_items_product_id'],
        include: [],
      },
    ],
    indexes: [fkIndex('order_items', 'product_id')],
    inherits: [],
    storageParameters: [],
  };
}
