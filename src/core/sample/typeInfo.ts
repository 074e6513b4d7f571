import type { Design } from '../model';
import { baseName, parsePgType } from '../model/pgType';
import { quoteIdent } from '../sql/quote';

/**
 * What the generator needs to know of a column's type: the built-in type underneath (through
 * domains), its modifiers, array dimensions, enum labels, and what a domain adds (NOT NULL, a
 * default, CHECKs written with VALUE).
 */
export interface TypeInfo {
  /** The base name as format_type prints it, without modifiers: `character varying`, `numeric`... */
  base: string;
  /** Type modifiers, e.g. [12, 2] for numeric(12,2), [45] for varchar(45). */
  modifiers: number[];
  /** `text[]` has 1. */
  arrayDims: number;
  /** The element type as written (for casts), e.g. `character varying(100)` of `character varying(100)[]`. */
  elementSql: string;
  enumLabels?: string[];
  domainNotNull: boolean;
  domainDefault: boolean;
  /** Domain checks with VALUE standing for the column. */
  domainChecks: string[];
}

interface DomainDef {
  baseType: string;
  notNull: boolean;
  hasDefault: boolean;
  checks: string[];
}

/** Lookups of the design's enums and domains by every spelling a column type may use. */
export interface TypeCatalog {
  enums: Map<string, string[]>;
  domains: Map<string, DomainDef>;
}

function spellings(schemaName: string | undefined, name: string): string[] {
  const out = [name, quoteIdent(name)];
  if (schemaName !== undefined) {
    out.push(`${schemaName}.${name}`, `${quoteIdent(schemaName)}.${quoteIdent(name)}`);
  }
  return out.flatMap((s) => [s, s.toLowerCase()]);
}

/** The domain's parts from the SQL the catalog reader writes (`CREATE DOMAIN n AS t ...`). */
function parseDomain(sql: string): DomainDef | undefined {
  const [first = '', ...rest] = sql.split('\n');
  const head = /^CREATE DOMAIN .+? AS (.+?)(?: COLLATE .+?)?( DEFAULT .*)?;?$/.exec(first.trim());
  if (!head?.[1]) return undefined;
  const checks: string[] = [];
  let notNull = false;
  for (const line of rest) {
    const check = /^\s*CONSTRAINT .+? CHECK \((.*)\);?$/.exec(line);
    if (check?.[1]) checks.push(check[1]);
    else if (/^\s*CONSTRAINT .+ NOT NULL;?$/.test(line)) notNull = true;
  }
  return { baseType: head[1], notNull, hasDefault: head[2] !== undefined, checks };
}

export function typeCatalog(design: Design): TypeCatalog {
  const schemaName = (id: string | undefined) => (id ? design.schemas[id]?.name : undefined);
  const enums = new Map<string, string[]>();
  for (const e of Object.values(design.enums)) {
    for (const key of spellings(schemaName(e.schemaId), e.name)) enums.set(key, e.values);
  }
  const domains = new Map<string, DomainDef>();
  for (const x of design.extras) {
    if (x.kind !== 'domain') continue;
    const def = parseDomain(x.sql);
    if (def) for (const key of spellings(schemaName(x.schemaId), x.name)) domains.set(key, def);
  }
  return { enums, domains };
}

function lookup<T>(map: Map<string, T>, type: string): T | undefined {
  return map.get(type) ?? map.get(type.toLowerCase());
}

/** Resolves a column type through domains (nested ones too) to what the generator needs. */
export function resolveType(catalog: TypeCatalog, type: string): TypeInfo {
  let current = type.trim();
  let domainNotNull = false;
  let domainDefault = false;
  const domainChecks: string[] = [];
  // Domains over domains are allowed; a loop would be a broken design, so stop after a few.
  for (let depth = 0; depth < 8; depth++) {
    const domain = lookup(catalog.domains, current);
    if (!domain) break;
    domainNotNull ||= domain.notNull;
    domainDefault ||= domain.hasDefault;
    domainChecks.push(...domain.checks);
    current = domain.baseType.trim();
  }
  const t = parsePgType(current);
  const enumLabels = lookup(catalog.enums, t.element);
  return {
    base: baseName(t),
    modifiers: [...t.modifiers],
    arrayDims: t.arrayDims,
    elementSql: t.element,
    ...(enumLabels ? { enumLabels } : {}),
    domainNotNull,
    domainDefault,
    domainChecks,
  };
}
