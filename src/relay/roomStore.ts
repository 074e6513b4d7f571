import sqlite from 'node-sqlite3-wasm';
import * as Y from 'yjs';

/**
 * Where the relay keeps each room's state between restarts: the Yjs state of the room's public
 * document (ciphertext blobs only, see src/collab/encryptedRoom.ts), one row per room.
 */
export interface RoomStore {
  /** Where, for the startup line (never a password). */
  readonly label: string;
  fetch(room: string): Promise<Uint8Array | null>;
  store(room: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** A SQLite file through node-sqlite3-wasm: no native build, one file a team can back up. */
export function sqliteRoomStore(path: string): RoomStore {
  const db = new sqlite.Database(path);
  db.exec(
    'CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL)',
  );
  return {
    label: `SQLite file ${path}`,
    async fetch(room) {
      const row = db.get('SELECT state FROM rooms WHERE name = ?', [room]);
      const state = row?.state;
      return state instanceof Uint8Array ? state : null;
    },
    async store(room, state) {
      db.run(
        'INSERT INTO rooms (name, state, updated_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        [room, state, new Date().toISOString()],
      );
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}

/**
 * PostgreSQL through `pg`, for teams that already run one (and several relays sharing it).
 * Rejects with pg's own error when the database cannot be used (the command line says why).
 */
export async function postgresRoomStore(
  url: string,
  log: (line: string) => void = () => {},
): Promise<RoomStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // A connection the server drops while idle (a restart, a failover, an administrator) is an
  // 'error' event of the pool, which would otherwise end the relay: the next query opens another.
  pool.on('error', (e) =>
    log(`PostgreSQL closed an idle connection of the room store (${e.message}); reconnecting.`),
  );
  try {
    await pool.query(
      'CREATE TABLE IF NOT EXISTS tablewright_rooms (name text PRIMARY KEY, state bytea NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())',
    );
  } catch (thrown) {
    await pool.end().catch(() => undefined);
    throw thrown;
  }
  const where = new URL(url);
  return {
    label: `PostgreSQL ${where.hostname}${where.port ? `:${where.port}` : ''}${where.pathname}`,
    async fetch(room) {
      const { rows } = await pool.query<{ state: Buffer }>(
        'SELECT state FROM tablewright_rooms WHERE name = $1',
        [room],
      );
      return rows[0] ? new Uint8Array(rows[0].state) : null;
    },
    async store(room, state) {
      // Merged with what is stored, not written over it: several relays sharing the database
      // each store the room as they hold it, and one's older state must not undo another's.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The row exists before it is locked: two relays storing a new room at once queue here.
        await client.query(
          'INSERT INTO tablewright_rooms (name, state) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
          [room, Buffer.from(EMPTY_STATE)],
        );
        const { rows } = await client.query<{ state: Buffer }>(
          'SELECT state FROM tablewright_rooms WHERE name = $1 FOR UPDATE',
          [room],
        );
        const merged = rows[0] ? mergeStates(new Uint8Array(rows[0].state), state) : state;
        await client.query(
          'INSERT INTO tablewright_rooms (name, state, updated_at) VALUES ($1, $2, now()) ' +
            'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = now()',
          [room, Buffer.from(merged)],
        );
        await client.query('COMMIT');
      } catch (thrown) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw thrown;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/** Both states in one (Yjs merges are idempotent); the new one alone if the stored one is damaged. */
function mergeStates(stored: Uint8Array, state: Uint8Array): Uint8Array {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    Y.applyUpdate(doc, state);
    return Y.encodeStateAsUpdate(doc);
  } catch {
    return state;
  }
}

/** Nothing kept: for tests and trying things out. */
export function memoryRoomStore(): RoomStore {
  const rooms = new Map<string, Uint8Array>();
  return {
    label: 'memory (rooms are lost when the relay stops)',
    async fetch(room) {
      return rooms.get(room) ?? null;
    },
    async store(room, state) {
      rooms.set(room, state);
    },
    async close() {},
  };
}
