import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDynamoDbLocal, JAVA_HINT, startDynamoDbLocal } from '../../apps/local/dynamodb-local.ts';
import { PROJECT_ROOT } from '../../apps/local/paths.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { listCurrentBaselines, seedBaseline } from '../../shared/store/baseline.ts';
import { ensureTable, openStore } from '../../shared/store/client.ts';
import { DECLARED_BIN } from '../support/cli.ts';

const runningJavaPids = (port: string) =>
  spawnSync('pgrep', ['-f', `DynamoDBLocal.jar.*-port ${port}`], { encoding: 'utf8' }).stdout.trim();

describe('DynamoDB Local stand-in', () => {
  it('is fetched once, verified, and cached in an ignored folder', async () => {
    const dir = await ensureDynamoDbLocal();

    expect(existsSync(join(dir, 'DynamoDBLocal.jar'))).toBe(true);
    expect(existsSync(join(dir, 'DynamoDBLocal_lib'))).toBe(true);
    expect(dir.startsWith(join(PROJECT_ROOT, '.cache')) || Boolean(process.env.FACTWATCH_CACHE_DIR)).toBe(
      true,
    );
    expect(execFileSync('git', ['check-ignore', '-q', '--no-index', dir], { cwd: PROJECT_ROOT }).length).toBe(
      0,
    );
  });

  it('tells how its first download goes: the size, then bytes as they arrive', async () => {
    const saved = process.env.FACTWATCH_CACHE_DIR;
    process.env.FACTWATCH_CACHE_DIR = mkdtempSync(join(tmpdir(), 'factwatch-cache-'));
    const events: Array<[string, number | undefined]> = [];
    try {
      const dir = await ensureDynamoDbLocal({
        start: (total) => events.push(['start', total]),
        advance: (received) => events.push(['advance', received]),
        done: () => events.push(['done', undefined]),
      });

      expect(existsSync(join(dir, 'DynamoDBLocal.jar'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.FACTWATCH_CACHE_DIR;
      else process.env.FACTWATCH_CACHE_DIR = saved;
    }
    const [start] = events;
    const advances = events.filter(([kind]) => kind === 'advance').map(([, bytes]) => bytes!);
    expect(start![0]).toBe('start');
    expect(start![1]).toBeGreaterThan(50 * 1024 * 1024);
    expect(advances.length).toBeGreaterThan(10);
    expect(advances.every((bytes, index) => index === 0 || bytes > advances[index - 1]!)).toBe(true);
    expect(advances.at(-1)).toBe(start![1]);
    expect(events.at(-1)).toEqual(['done', undefined]);
  }, 120_000);

  it('persists data under a dbPath across a restart, and leaves no process behind', async () => {
    const dbPath = mkdtempSync(join(tmpdir(), 'factwatch-db-'));
    const first = await startDynamoDbLocal({ dbPath });
    const port = new URL(first.endpoint).port;
    const store = openStore({ tableName: 'factwatch', endpoint: first.endpoint });
    await ensureTable(store);
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    store.doc.destroy();
    await first.stop();
    expect(runningJavaPids(port)).toBe('');

    const second = await startDynamoDbLocal({ dbPath });
    const reopened = openStore({ tableName: 'factwatch', endpoint: second.endpoint });
    try {
      expect(await listCurrentBaselines(reopened)).toHaveLength(25);
    } finally {
      reopened.doc.destroy();
      await second.stop();
    }
  });

  it('leaves no DynamoDB Local behind when the CLI is killed with SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'factwatch-killed-'));
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    const javaOf = () =>
      spawnSync('pgrep', ['-f', `DynamoDBLocal.jar.*-dbPath ${dataDir}`], { encoding: 'utf8' }).stdout.trim();
    const cli = spawn(process.execPath, [DECLARED_BIN, 'facts', '--data-dir', dataDir], {
      env,
      stdio: 'ignore',
    });
    const until = async (done: () => boolean, ms: number) => {
      for (const deadline = Date.now() + ms; !done() && Date.now() < deadline; )
        await new Promise((resolve) => setTimeout(resolve, 100));
      return done();
    };

    expect(await until(() => javaOf() !== '', 30_000)).toBe(true);
    cli.kill('SIGKILL');

    // SIGKILL runs no exit handler: the watchdog shell notices its parent is gone and stops Java.
    expect(await until(() => javaOf() === '', 10_000)).toBe(true);
  }, 60_000);

  it('says in one line how to install Java when there is none', () => {
    // A PATH holding only node: the real child process finds no `java`, as on a machine without a JRE.
    const bin = mkdtempSync(join(tmpdir(), 'factwatch-nojava-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = spawnSync(join(bin, 'node'), [DECLARED_BIN, 'facts', '--data-dir', bin], {
      encoding: 'utf8',
      env: {
        PATH: bin,
        HOME: process.env.HOME ?? '/tmp',
        FACTWATCH_CACHE_DIR: join(PROJECT_ROOT, '.cache'),
      },
    });

    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`factwatch: local: ${JAVA_HINT}`);
  });
});
