import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LocalStackError } from '../../shared/errors.ts';
import { openStore } from '../../shared/store/client.ts';
import {
  assertJavaAvailable,
  type DownloadProgress,
  dynamoDbLocalCommand,
  ensureDynamoDbLocal,
  type RunningDynamoDb,
  startDynamoDbLocal,
  waitUntilReady,
} from './dynamodb-local.ts';
import { freePort, processAlive } from './paths.ts';

/**
 * A local store's DynamoDB Local kept warm between commands: starting Java costs
 * seconds, so the first command on a data dir starts a server that outlives it,
 * and the next `facts`, `history`, `feeds` or `run` on that dir reuses it. Files in
 * `<dbPath>/`:
 *
 * - `server.json`  {pid, endpoint}: where the running server is (removed when it stops);
 * - `lease`        the epoch second after which the server stops: every command
 *                  using it pushes that back, at open, every HEARTBEAT_MS and at close;
 * - `starting.lock` held while one command starts the server, so two never start two;
 * - `server.log`   the server's output.
 *
 * The server runs under a shell that stops Java once the lease has run out, so it is
 * never left behind for ever, whoever died; `factwatch stop` stops it at once.
 */
const SERVER_FILE = 'server.json';
const LEASE_FILE = 'lease';
const START_LOCK = 'starting.lock';
const HEARTBEAT_MS = 20_000;

/** The default time a warm store waits for the next command before it stops. */
export const DEFAULT_IDLE_SECONDS = 600;

/**
 * The shell that keeps the server: Java in the background; every two seconds, the
 * lease read and compared with the clock (`date +%s` works on GNU and BSD alike).
 * An expired or missing lease (the data dir deleted) stops it; so does SIGTERM.
 */
const IDLE_WATCHDOG = [
  'lease=$1; server=$2; shift 2',
  '"$@" & child=$!',
  'trap \'rm -f "$server"; kill "$child" 2>/dev/null; wait "$child"; exit 143\' TERM INT HUP',
  'while kill -0 "$child" 2>/dev/null; do',
  '  deadline=$(cat "$lease" 2>/dev/null); now=$(date +%s)',
  "  case $deadline in ''|*[!0-9]*) deadline=0 ;; esac",
  '  [ "$now" -gt "$deadline" ] && break',
  '  sleep 2 & wait "$!"',
  'done',
  'rm -f "$server"',
  'kill "$child" 2>/dev/null',
  'wait "$child"',
].join('\n');

interface ServerRecord {
  pid: number;
  endpoint: string;
}

function readServer(dbPath: string): ServerRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dbPath, SERVER_FILE), 'utf8')) as ServerRecord;
    return Number.isInteger(record.pid) && typeof record.endpoint === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole (a temp file renamed), so the watchdog never reads a half-written, empty lease. */
function extendLease(dbPath: string, seconds: number): void {
  const temp = join(dbPath, `${LEASE_FILE}.${process.pid}`);
  writeFileSync(temp, String(Math.ceil(Date.now() / 1000) + seconds));
  renameSync(temp, join(dbPath, LEASE_FILE));
}

/** The recorded server, when its process is alive and it answers within a second and a half. */
async function reachableServer(dbPath: string): Promise<ServerRecord | undefined> {
  const record = readServer(dbPath);
  if (!record || !processAlive(record.pid)) return undefined;
  const store = openStore({ tableName: 'probe', endpoint: record.endpoint });
  const timeout = AbortSignal.timeout(1_500);
  try {
    await store.doc.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: timeout });
    return record;
  } catch {
    return undefined;
  } finally {
    store.doc.destroy();
  }
}

/**
 * DynamoDB Local for the store in `dbPath`, warm: the running server when there is
 * one, else a new one that stays up `idleSeconds` after the last command lets go.
 * `idleSeconds` 0 starts a private server that stops with this process (the old way).
 *
 * @example
 * const db = await openWarmDynamoDb({ dbPath: '.factwatch/dynamodb', idleSeconds: 600 });
 * try { … db.endpoint … } finally { await db.stop(); } // lets go; the server idles on
 */
export async function openWarmDynamoDb(options: {
  dbPath: string;
  idleSeconds: number;
  progress?: DownloadProgress;
}): Promise<RunningDynamoDb> {
  if (options.idleSeconds <= 0 || process.env.DYNAMODB_ENDPOINT)
    return startDynamoDbLocal({ dbPath: options.dbPath, progress: options.progress });
  const { dbPath, idleSeconds } = options;
  mkdirSync(dbPath, { recursive: true });
  // While a command holds the server its lease runs at least a minute ahead, renewed by a heartbeat:
  // written first, so a server about to stop sees it pushed back before we probe it, and Java's
  // start (seconds) never outlasts a short idle time.
  const holding = Math.max(idleSeconds, 60);
  extendLease(dbPath, holding);
  const record = (await reachableServer(dbPath)) ?? (await startServer(dbPath, options.progress));
  const heartbeat = setInterval(() => extendLease(dbPath, holding), HEARTBEAT_MS);
  heartbeat.unref();
  return {
    endpoint: record.endpoint,
    stop: async () => {
      clearInterval(heartbeat);
      extendLease(dbPath, idleSeconds);
    },
  };
}

/** Starts the server under the start lock; a command that loses the race waits for the winner's. */
async function startServer(dbPath: string, progress?: DownloadProgress): Promise<ServerRecord> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const release = takeStartLock(dbPath);
    if (release) {
      try {
        return (await reachableServer(dbPath)) ?? (await launchServer(dbPath, progress));
      } finally {
        release();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    const started = await reachableServer(dbPath);
    if (started) return started;
  }
  throw new LocalStackError(
    `another factwatch command is starting DynamoDB Local in ${dbPath}: gave up waiting`,
  );
}

function takeStartLock(dbPath: string): (() => void) | undefined {
  const path = join(dbPath, START_LOCK);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return () => unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(path, 'utf8'));
    // A lock whose owner died mid-start: remove it, and try again on the next turn.
    if (!Number.isInteger(holder) || holder <= 0 || !processAlive(holder)) unlinkSync(path);
    return undefined;
  }
}

async function launchServer(dbPath: string, progress?: DownloadProgress): Promise<ServerRecord> {
  assertJavaAvailable();
  const emulatorDir = await ensureDynamoDbLocal(progress);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launchOn(await freePort(), emulatorDir, dbPath);
    } catch (error) {
      lastError = error; // most likely the port was taken between probing and binding: try another
    }
  }
  throw lastError;
}

async function launchOn(port: number, emulatorDir: string, dbPath: string): Promise<ServerRecord> {
  const log = openSync(join(dbPath, 'server.log'), 'w');
  const child = spawn(
    'sh',
    [
      '-c',
      IDLE_WATCHDOG,
      'factwatch-dynamodb-local',
      join(dbPath, LEASE_FILE),
      join(dbPath, SERVER_FILE),
      ...dynamoDbLocalCommand(emulatorDir, port, { dbPath }),
    ],
    // Its own session and no pipes to us: it outlives this command, and holds nothing of its terminal.
    { detached: true, stdio: ['ignore', log, log], cwd: dbPath },
  );
  closeSync(log);
  child.unref();
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () =>
      readFileSync(join(dbPath, 'server.log'), 'utf8').slice(-2000),
    );
  } catch (error) {
    killGroup(child.pid!, 'SIGKILL');
    throw error;
  }
  const record = { pid: child.pid!, endpoint };
  // Written whole (a temp file renamed): a command reading it meanwhile sees the old state or the
  // new one, never half a file (it would take the server for gone).
  const temp = join(dbPath, `${SERVER_FILE}.${process.pid}`);
  writeFileSync(temp, JSON.stringify({ ...record, startedAt: new Date().toISOString() }));
  renameSync(temp, join(dbPath, SERVER_FILE));
  return record;
}

/** The watchdog leads its own process group (detached): signalling the group reaches Java too. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {}
}

/**
 * Stops the warm server of `dbPath`, if one runs: SIGTERM to its watchdog and Java,
 * SIGKILL after 10 s. Returns the pid it stopped.
 *
 * @example
 * await stopWarmDynamoDb('.factwatch/dynamodb'); // 48213, or undefined when none ran
 */
export async function stopWarmDynamoDb(dbPath: string): Promise<number | undefined> {
  const record = readServer(dbPath);
  if (!record || !processAlive(record.pid)) return undefined;
  killGroup(record.pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (processAlive(record.pid) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (processAlive(record.pid)) killGroup(record.pid, 'SIGKILL');
  return record.pid;
}

/** The warm server of `dbPath`, if one runs: its pid and endpoint. */
export function warmServerOf(dbPath: string): ServerRecord | undefined {
  const record = readServer(dbPath);
  return record && processAlive(record.pid) ? record : undefined;
}
