import sqlite from 'node-sqlite3-wasm';

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

/** PostgreSQL through `pg`, for teams that already run one (and several relays sharing it). */
export async function postgresRoomStore(url: string): Promise<RoomStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS tablewright_rooms (name text PRIMARY KEY, state bytea NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())',
  );
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
      await pool.query(
        'INSERT INTO tablewright_rooms (name, state, updated_at) VALUES ($1, $2, now()) ' +
          'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = now()',
        [room, Buffer.from(state)],
      );
    },
    async close() {
      await pool.end();
    },
  };
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
