import { createPgClient, type PgClient } from '../db';
import { createLayoutClient } from '../layout/client';
import { placeNewTables } from '../layout/placeNewTables';
import { openDesignRepo } from '../persistence/designRepo';
import { createActivityStore, type ActivityStore } from '../state/activity';
import { createCheckStore, type CheckStore } from '../state/checkStore';
import { createDraftStore, type DraftStore } from '../state/ddlDraft';
import { createNoticeStore, type NoticeStore } from '../state/notices';
import { createStudioStore, type StudioStore } from '../state/store';
import { arrangeTables } from './arrange';
import { startChecker } from './checker';
import { startDdlEditing, type DdlEditing } from './ddlEditing';
import { createDesignSession, type DesignSession } from './designSession';
import { createImporter, type Importer } from './importer';
import { createVersions, type Versions } from './versions';
import { createComparison, type Comparison } from './comparison';
import { createMigrationVerifier } from '../db/verifyClient';
import { createLabClient } from '../db/lab/labClient';
import { createLab, type Lab } from './lab';
import { ddlReaderWith, readSqlWith, type DdlReadMode } from './sqlReaders';
import { createDatabaseRefresh, type DatabaseRefresh } from './databaseRefresh';
import { checkSyntax } from './syntaxCheck';
import { createCollabSession, type CollabSession } from './collabSession';
import { roomVersions } from './roomVersions';
import { studioBaseUrl } from './shareLocation';

/** Everything the UI talks to besides the store: made once per studio (one per page). */
export interface Services {
  pg: PgClient;
  check: CheckStore;
  notices: NoticeStore;
  designs: DesignSession;
  draft: DraftStore;
  ddlEditing: DdlEditing;
  /** How the DDL pane reads typed SQL (a switch for the benchmark's before/after). */
  ddlRead: DdlReadMode;
  importer: Importer;
  /** "Update from database": refresh the design from a pg_dump or a pulled design. */
  refresh: DatabaseRefresh;
  activity: ActivityStore;
  /** Auto-layout of all tables, or of the given ones, as one undo step. */
  arrange(tableIds?: string[]): Promise<void>;
  /** Run the Postgres check now (after the worker was replaced, for instance). */
  recheck(): void;
  /** Resolves when no check waits or runs: the database holds the current design. */
  settleCheck(): Promise<void>;
  versions: Versions;
  comparison: Comparison;
  lab: Lab;
  /** Live rooms: Invite, joining from a link, presence, personal undo. */
  collab: CollabSession;
}

/** The composition root: store, database worker, checker, persistence, layout, import. */
export function createStudio(options: { embed?: boolean } = {}): {
  store: StudioStore;
  services: Services;
} {
  const store = createStudioStore();
  // Start Postgres first: it boots in the background while React renders the canvas. An embedded
  // diagram shows no check, so it never boots Postgres.
  const pg = createPgClient({ deferStart: !!options.embed });
  const check = createCheckStore();
  const notices = createNoticeStore();
  const activity = createActivityStore();
  const checker = options.embed
    ? { recheck: () => {}, settle: async () => {} }
    : startChecker(store, pg, check);
  const designs = createDesignSession(store, notices, () => openDesignRepo());
  const layout = createLayoutClient();
  const draft = createDraftStore();
  const ddlRead: DdlReadMode = { incremental: true };
  const ddlEditing = startDdlEditing({
    store,
    draft,
    toDesign: ddlReaderWith(pg, ddlRead),
    // Tables with no relations appear in the middle of what the user is looking at.
    placeNewTables: (design, l, ids) =>
      placeNewTables(design, l, ids, { anchor: viewportCenter(l.viewport) }),
    persistDraft: (text) => designs.saveDraft(text),
    checkSyntax,
  });
  designs.onDraftRestored((text) => ddlEditing.restore(text));
  const importer = createImporter({
    store,
    readSql: readSqlWith(pg),
    cancelRead: () => pg.cancel(),
    layout,
    openDocument: (doc) => designs.openDocument(doc),
  });
  const versions = createVersions({ store, designs, notices });
  const comparison = createComparison({ store, versions, verifier: createMigrationVerifier() });
  // In a live room, named versions are the room's: the session hands over its document.
  const collab: CollabSession = createCollabSession({
    store,
    notices,
    designs,
    baseUrl: studioBaseUrl,
    onRoom: (room) =>
      versions.useRoom(
        room && roomVersions({ ...room, profile: () => collab.state.getState().profile }),
      ),
  });
  pg.onRestart((e) => {
    if (e.reason === 'timeout' || e.reason === 'cancelled') {
      notices.getState().push({
        tone: 'info',
        text: 'Postgres was stopped and restarted; the design is being checked again.',
      });
    } else if (e.reason === 'crashed') {
      notices.getState().push({
        tone: 'warning',
        text: 'The database worker stopped unexpectedly and was restarted.',
      });
    }
  });
  return {
    store,
    services: {
      pg,
      check,
      notices,
      designs,
      draft,
      ddlEditing,
      ddlRead,
      importer,
      refresh: createDatabaseRefresh({ store, readSql: readSqlWith(pg) }),
      activity,
      arrange: (tableIds) => arrangeTables({ store, layout, activity, notices }, tableIds),
      recheck: checker.recheck,
      settleCheck: checker.settle,
      versions,
      comparison,
      lab: createLab({ store, client: createLabClient() }),
      collab,
    },
  };
}

/** The flow coordinates at the middle of a typical canvas (about 900 x 500 px) for a viewport. */
function viewportCenter(v: { x: number; y: number; zoom: number }) {
  return { x: (450 - v.x) / v.zoom, y: (250 - v.y) / v.zoom };
}
