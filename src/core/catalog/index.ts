export {
  designFromRows,
  readCatalog,
  readCatalogRows,
  readCatalogWithNotes,
  readOtherRows,
  readTableRows,
  type AllCatalogRows,
} from './readCatalog';
export { toDesign, type CatalogRows } from './toDesign';
export type { CatalogNote, CatalogOptions, QueryExecutor } from './types';
