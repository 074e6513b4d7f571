/** Names of a design's kept playground database, shared by the lab worker and the page's cleanup. */

/** The PGlite `idb://` data directory of a design's playground. */
export const labDataDir = (designId: string) => `tablewright-lab-${designId}`;
/** The IndexedDB database PGlite's IDBFS keeps that data directory in. */
export const labIdbName = (designId: string) => `/pglite/${labDataDir(designId)}`;
/** Held while a page has the design's playground open: another tab gets an in-memory one, and cleanup leaves it be. */
export const labLockName = (designId: string) => `tablewright-lab:${designId}`;
