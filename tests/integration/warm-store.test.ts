import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processAlive } from '../../apps/local/paths.ts';
import { stopWarmDynamoDb } from '../../apps/local/warm-store.ts';
import { cliWith, DECLARED_BIN } from '../support/cli.ts';
import { until } from '../support/wait.ts';

/** A local store kept warm between commands: the CLI as a user types it, with the idle time shortened. */
const dirs: string[] = [];
function storeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factwatch-warm-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await stopWarmDynamoDb(join(dir, 'store', 'dynamodb'));
});

const envWith = (idleSeconds: number) => {
  const env: NodeJS.ProcessEnv = { ...process.env, FACTWATCH_STORE_IDLE_SECONDS: String(idleSeconds) };
  delete env.DYNAMODB_ENDPOINT;
  return env;
};
const serverPid = (dir: string): number | undefined => {
  const file = join(dir, 'store', 'dynamodb', 'server.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid : undefined;
};

describe('a warm local store', () => {
  it('is started by the first command and reused by the next; factwatch stop stops it', async () => {
    const dir = storeDir();
    const run = (...argv: string[]) =>
      cliWith({ env: envWith(120), cwd: dir }, ...argv, '--data-dir', join(dir, 'store'));

    const first = await run('facts', '--format', 'json');
    const pid = serverPid(dir);
    const second = await run('history', '--format', 'json');
    const third = await run('feeds', '--format', 'json');
    const pidAfter = serverPid(dir);
    // A web page the user has open must not reach the warm server through the browser (CORS).
    const endpoint = JSON.parse(readFileSync(join(dir, 'store', 'dynamodb', 'server.json'), 'utf8')).endpoint;
    const preflight = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    const stopped = await run('stop');
    const again = await run('stop');

    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toHaveLength(25);
    expect(pid).toBeGreaterThan(0);
    expect(second.code).toBe(0);
    expect(third.code).toBe(0);
    expect(pidAfter).toBe(pid);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(stopped).toMatchObject({
      code: 0,
      stdout: `Stopped DynamoDB Local for ${join(dir, 'store')} (pid ${pid}); the next command starts it again.`,
    });
    expect(processAlive(pid!)).toBe(false);
    expect(serverPid(dir)).toBeUndefined();
    expect(again.stdout).toBe(`No DynamoDB Local is running for ${join(dir, 'store')}.`);
  }, 90_000);

  it('stops by itself once no command has used it for the idle time, and keeps the data', async () => {
    const dir = storeDir();
    const run = (...argv: string[]) =>
      cliWith({ env: envWith(2), cwd: dir }, ...argv, '--data-dir', join(dir, 'store'));

    const accept = await run(
      'accept',
      'deal.value',
      '--value',
      '{"kind":"money","amount":2e10,"currency":"USD"}',
    );
    const pid = serverPid(dir)!;
    const stoppedAlone = await until(() => !processAlive(pid), 30_000);
    const after = await run('facts', 'deal.value', '--format', 'json');

    expect(accept.code).toBe(0);
    expect(stoppedAlone).toBe(true);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).map((version: { version: number }) => version.version)).toEqual([1, 2]);
  }, 90_000);

  it('replaces a server whose process is gone (server.json left by a killed machine)', async () => {
    const dir = storeDir();
    const run = (...argv: string[]) =>
      cliWith({ env: envWith(120), cwd: dir }, ...argv, '--data-dir', join(dir, 'store'));
    await run('feeds');
    await run('stop');
    writeFileSync(
      join(dir, 'store', 'dynamodb', 'server.json'),
      JSON.stringify({ pid: 2 ** 22 + 17, endpoint: 'http://127.0.0.1:9' }),
    );

    const result = await run('facts', '--format', 'json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(25);
    expect(serverPid(dir)).not.toBe(2 ** 22 + 17);
  }, 90_000);

  it('serves a read started while a run holds the store, from the run’s own server', async () => {
    const dir = storeDir();
    const feedsFile = join(dir, 'feeds.json');
    writeFileSync(feedsFile, JSON.stringify([{ id: 'refused', url: 'http://10.0.0.1/feed.xml' }]));
    const lock = join(dir, 'store', 'run.lock');
    const runner: ChildProcess = spawn(
      process.execPath,
      [DECLARED_BIN, 'run', '--feeds', feedsFile, '--data-dir', join(dir, 'store')],
      { env: envWith(120), cwd: dir, stdio: 'ignore' },
    );
    const runExit = new Promise<number | null>((resolve) => runner.on('exit', resolve));

    const runHoldsTheStore = await until(() => existsSync(lock) && serverPid(dir) !== undefined, 60_000);
    const pid = serverPid(dir);
    const read = await cliWith(
      { env: envWith(120), cwd: dir },
      'facts',
      '--format',
      'json',
      '--data-dir',
      join(dir, 'store'),
    );

    expect(runHoldsTheStore).toBe(true);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toHaveLength(25);
    expect(serverPid(dir)).toBe(pid);
    expect(await runExit).toBe(0);
  }, 90_000);

  it('refuses to stop the server under a live run: one line, exit 2', async () => {
    const dir = storeDir();
    await cliWith({ env: envWith(120), cwd: dir }, 'feeds', '--data-dir', join(dir, 'store'));
    // This test process stands in for the run: the lock names a live pid.
    writeFileSync(join(dir, 'store', 'run.lock'), JSON.stringify({ pid: process.pid }));

    const result = await cliWith({ env: envWith(120), cwd: dir }, 'stop', '--data-dir', join(dir, 'store'));

    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `factwatch: usage: stop: a factwatch run is using ${join(dir, 'store')} (pid ${process.pid}); let it finish first`,
    );
    expect(processAlive(serverPid(dir)!)).toBe(true);
  }, 90_000);
});
