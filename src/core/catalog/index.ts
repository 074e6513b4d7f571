export { readCatalog, readCatalogWithNotes } from './readCatalog';
export { toDesign, type CatalogRows } from './toDesign';
export type { CatalogNote, CatalogOptions, QueryExecutor } from './types';
