/**
 * The part of Prisma's DMMF (the datamodel its schema engine derives from a validated schema, what
 * Prisma Client is generated from) that the import reads. Shapes as `get_dmmf` of
 * `@prisma/prisma-schema-wasm` 8.x returns them.
 */

/** A literal default, or a function call such as `autoincrement()` or `dbgenerated("…")`. */
export type DmmfDefault =
  | string
  | number
  | boolean
  | (string | number | boolean)[]
  | { name: string; args: (string | number)[] };

export interface DmmfField {
  name: string;
  /** The column name when `@map` gives one. */
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  /** `@db.VarChar(200)` as `["VarChar", ["200"]]`. */
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  /** The table name when `@@map` gives one. */
  dbName: string | null;
  /** `@@schema`, with the multiSchema feature; null otherwise. */
  schema: string | null;
  fields: DmmfField[];
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

/** A primary key, unique or plain index, as the DMMF lists them (`@id`, `@@index`, ...). */
export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  /** The constraint or index name `map:` gives. */
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string }[];
}

export interface Dmmf {
  enums: DmmfEnum[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}
