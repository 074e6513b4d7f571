import { createPgClient, type PgClient } from '../db';
import { openDesignRepo } from '../persistence/designRepo';
import { createCheckStore, type CheckStore } from '../state/checkStore';
import { createNoticeStore, type NoticeStore } from '../state/notices';
import { createStudioStore, type StudioStore } from '../state/store';
import { startChecker } from './checker';
import { createDesignSession, type DesignSession } from './designSession';

/** Everything the UI talks to besides the store: made once per studio (one per page). */
export interface Services {
  pg: PgClient;
  check: CheckStore;
  notices: NoticeStore;
  designs: DesignSession;
  /** Run the Postgres check now (after the worker was replaced, for instance). */
  recheck(): void;
}

/** The composition root: store, database worker, checker, persistence. */
export function createStudio(): { store: StudioStore; services: Services } {
  const store = createStudioStore();
  // Start Postgres first: it boots in the background while React renders the canvas.
  const pg = createPgClient();
  const check = createCheckStore();
  const notices = createNoticeStore();
  const checker = startChecker(store, pg, check);
  const designs = createDesignSession(store, notices, () => openDesignRepo());
  pg.onRestart((e) => {
    if (e.reason === 'timeout' || e.reason === 'cancelled') {
      notices.getState().push({ tone: 'info', text: 'The query was stopped and Postgres restarted; the design is being checked again.' });
    } else if (e.reason === 'crashed') {
      notices.getState().push({ tone: 'warning', text: 'The database worker stopped unexpectedly and was restarted.' });
    }
  });
  return { store, services: { pg, check, notices, designs, recheck: checker.recheck } };
}
