import { resolve } from 'node:path';
import { err, ok, type Result } from '../core/result';
import { DEFAULT_RELAY_LIMITS, startRelay } from '../relay/relay';
import { postgresRoomStore, sqliteRoomStore, type RoomStore } from '../relay/roomStore';
import { maskUrl, parseDatabaseUrl } from './live/databaseUrl';
import { DATABASE_FAILED, describeFailure } from './live/liveDatabase';
import type { Io } from './loadDocument';

/** `tablewright relay`: the collaboration relay a team runs (see README, "Live collaboration"). */
export const RELAY_USAGE = `Usage:
  tablewright relay [--port N] [--host [address]] [--db rooms.sqlite | --postgres <url>]
                    [--max-room-bytes N] [--max-message-bytes N]
      Run the relay that live rooms sync through (Hocuspocus). It stores each room's state,
      end-to-end encrypted (it never sees a design), and tells writers from read-only members.
      --port N               port to listen on (default ${'1234'})
      --host [address]       listen on the network (0.0.0.0, or the address given); by default
                             only this machine (127.0.0.1) can connect
      --db file              SQLite file the rooms are kept in (default tablewright-rooms.sqlite)
      --postgres url         keep the rooms in PostgreSQL instead (postgres://user:pass@host/db)
      --max-room-bytes N     largest room (default ${DEFAULT_RELAY_LIMITS.maxRoomBytes / 1024 / 1024}MB); sizes take K, M or G
      --max-message-bytes N  largest single message (default ${DEFAULT_RELAY_LIMITS.maxMessageBytes / 1024 / 1024}MB)
  Ctrl+C (or SIGTERM) stops it after saving every open room.
`;

export interface RelayCommand {
  port: number;
  host: string;
  db?: string;
  postgres?: string;
  maxRoomBytes: number;
  maxMessageBytes: number;
}

const DEFAULT_PORT = 1234;

/** Reads `relay`'s options (after the word `relay`); a sentence when one is wrong. */
export function parseRelayArgs(argv: readonly string[]): Result<RelayCommand | 'help', string> {
  const command: RelayCommand = {
    port: DEFAULT_PORT,
    host: '127.0.0.1',
    ...DEFAULT_RELAY_LIMITS,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '--help':
      case '-h':
        return ok('help');
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!text || !Number.isInteger(port) || port < 1 || port > 65535)
          return err(`--port needs a port number from 1 to 65535 (not "${text ?? ''}").`);
        command.port = port;
        break;
      }
      case '--host': {
        const next = inline ?? argv[i + 1];
        if (next !== undefined && !next.startsWith('-')) {
          command.host = next;
          if (inline === undefined) i++;
        } else command.host = '0.0.0.0';
        break;
      }
      case '--db': {
        const file = value();
        if (!file) return err('--db needs the path of a SQLite file.');
        command.db = file;
        break;
      }
      case '--postgres': {
        const url = value();
        if (!url)
          return err('--postgres needs a URL such as postgres://user:password@host:5432/database.');
        const parsed = parseDatabaseUrl(url);
        if (!parsed.ok) return err(`--postgres: ${parsed.error}`);
        command.postgres = url;
        break;
      }
      case '--max-room-bytes':
      case '--max-message-bytes': {
        const text = value();
        const bytes = parseSize(text);
        if (bytes === undefined)
          return err(
            `${name} needs a size in bytes, e.g. 65536, 512K or 64M (not "${text ?? ''}").`,
          );
        if (name === '--max-room-bytes') command.maxRoomBytes = bytes;
        else command.maxMessageBytes = bytes;
        break;
      }
      default:
        return err(`relay does not take ${arg}.`);
    }
  }
  if (command.db && command.postgres)
    return err('Give --db or --postgres, not both: the rooms are kept in one place.');
  if (command.maxMessageBytes > command.maxRoomBytes)
    return err(
      '--max-message-bytes is larger than --max-room-bytes: no room could take such a message.',
    );
  return ok(command);
}

function parseSize(text: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[
    match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'
  ];
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes >= 1024 ? bytes : undefined;
}

const megabytes = (n: number) =>
  `${(n / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * Runs the relay until `stopped` resolves (by default: SIGINT or SIGTERM), then saves every open
 * room and closes the store. The exit code: 0 after a clean stop, 1 when it could not start, 3
 * when the PostgreSQL given with --postgres cannot be used (as for the live commands).
 */
export async function runRelayCommand(
  argv: readonly string[],
  io: Io,
  stopped: Promise<unknown> = untilSignal(),
): Promise<number> {
  const parsed = parseRelayArgs(argv);
  if (!parsed.ok) {
    io.stderr(`tablewright: ${parsed.error}\n\n${RELAY_USAGE}`);
    return 1;
  }
  if (parsed.value === 'help') {
    io.stdout(RELAY_USAGE);
    return 0;
  }
  const command = parsed.value;
  const log = (line: string) => io.stderr(`${line}\n`);
  let store: RoomStore;
  try {
    store = command.postgres
      ? await postgresRoomStore(command.postgres, log)
      : sqliteRoomStore(resolve(command.db ?? 'tablewright-rooms.sqlite'));
  } catch (thrown) {
    if (command.postgres) {
      // Named by the masked URL, as the live commands name a database: never the password.
      const masked = maskUrl(command.postgres);
      io.stderr(
        `tablewright: cannot keep the rooms in PostgreSQL: ${describeFailure(thrown, masked, 'connect', 10_000)}\n`,
      );
      return DATABASE_FAILED;
    }
    io.stderr(`tablewright: cannot open the room store: ${(thrown as Error).message}\n`);
    return 1;
  }
  let relay;
  try {
    relay = await startRelay({
      port: command.port,
      host: command.host,
      store,
      maxRoomBytes: command.maxRoomBytes,
      maxMessageBytes: command.maxMessageBytes,
      log,
    });
  } catch (thrown) {
    await store.close();
    const error = thrown as NodeJS.ErrnoException;
    io.stderr(
      error.code === 'EADDRINUSE'
        ? `tablewright: port ${command.port} is in use (another relay?): choose another with --port.\n`
        : `tablewright: the relay could not start: ${error.message}\n`,
    );
    return 1;
  }
  io.stdout(
    `Tablewright relay listening on ${relay.url} — rooms in ${store.label}; rooms up to ${megabytes(command.maxRoomBytes)}, messages up to ${megabytes(command.maxMessageBytes)}.\n` +
      `Set ${relay.url} as the studio's relay URL${command.host === '127.0.0.1' ? ' (this machine only: --host opens it to the network)' : ''}. Ctrl+C stops it.\n`,
  );
  await stopped;
  io.stderr('Stopping the relay: saving open rooms…\n');
  await relay.stop();
  io.stderr('Relay stopped; every room is saved.\n');
  return 0;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
