export {
  designFromRows,
  readCatalog,
  readCatalogRows,
  readCatalogWithNotes,
  readOtherRows,
  readTableRows,
  serverVersionOf,
  type AllCatalogRows,
} from './readCatalog';
export {
  catalogSqlFor,
  MIN_SERVER_VERSION,
  parseServerVersion,
  versionName,
  type SchemaFilter,
} from './serverVersion';
export { designFromTouched } from './designFromTouched';
export { toDesign, type CatalogRows } from './toDesign';
export type { CatalogNote, CatalogOptions, QueryExecutor } from './types';
