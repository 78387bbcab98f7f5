import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedLocalStore } from '../../shared/cli/session.ts';
import { PROJECT_ROOT } from '../../shared/local/paths.ts';
import type { Store } from '../../shared/store/client.ts';
import { findingIdOf, type StoredFinding, saveFinding } from '../../shared/store/findings.ts';
import { cli } from '../support/cli.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

function finding(
  factId: string,
  topic: string,
  observedAt: string,
  status: StoredFinding['status'],
): StoredFinding {
  return {
    findingId: findingIdOf(factId, `item-${observedAt}`, 1),
    itemId: `item-${observedAt}`,
    factId,
    status,
    topic,
    observed: { kind: 'year', value: 2027 },
    baseline: { kind: 'year', value: 2026 },
    evidence: 'Samsung pushed Taylor output to 2027, "sources" said.',
    severity: 'high',
    observedAt,
    itemVersion: 1,
    source: 'Korea JoongAng Daily',
    link: 'https://example.org/taylor',
  };
}

describe('factwatch CLI against a store', () => {
  let store: Store;
  beforeAll(async () => {
    // --table with DYNAMODB_ENDPOINT: the CLI's own store path, pointed at this file's fresh table.
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint();
    store = await freshStore();
    await seedLocalStore(store, new Date('2025-07-01T00:00:00Z'));
    await saveFinding(
      store,
      finding('taylor.production_start', 'fab', '2025-08-10T08:00:00.000Z', 'changed'),
    );
    await saveFinding(store, finding('ai5.foundry', 'chips', '2025-09-01T08:00:00.000Z', 'confirmed'));
    await saveFinding(store, finding('ai5.foundry', 'chips', '2025-06-01T08:00:00.000Z', 'changed'));
  });

  it('facts lists the 25 baseline facts with ids and values', async () => {
    const table = await cli('facts', '--table', store.tableName);
    const json = await cli('facts', '--table', store.tableName, '--format', 'json');

    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/deal\.value\s+deal\s+\$16\.5B \(minimum\)\s+1\s+high/);
    const facts = JSON.parse(json.stdout) as Array<{
      id: string;
      value: unknown;
      version: number;
      topic: string;
    }>;
    expect(facts).toHaveLength(25);
    expect(facts.find((fact) => fact.id === 'ai5.foundry')).toMatchObject({
      topic: 'chips',
      version: 1,
      value: { values: ['TSMC'] },
    });
  });

  it('history filters by status, topic, fact and since, newest first', async () => {
    const since = await cli(
      'history',
      '--table',
      store.tableName,
      '--since',
      '2025-08-01',
      '--format',
      'json',
    );
    const changed = await cli(
      'history',
      '--table',
      store.tableName,
      '--status',
      'changed',
      '--since',
      '2025-01-01',
      '--format',
      'json',
    );
    const chips = await cli(
      'history',
      '--table',
      store.tableName,
      '--topic',
      'chips',
      '--since',
      '2025-08-01',
      '--format',
      'json',
    );
    const oneFact = await cli(
      'history',
      '--table',
      store.tableName,
      '--fact',
      'ai5.foundry',
      '--since',
      '2025-01-01',
      '--format',
      'json',
    );

    expect(JSON.parse(since.stdout).map((row: { factId: string }) => row.factId)).toEqual([
      'ai5.foundry',
      'taylor.production_start',
    ]);
    expect(JSON.parse(changed.stdout).map((row: { observedAt: string }) => row.observedAt)).toEqual([
      '2025-08-10T08:00:00.000Z',
      '2025-06-01T08:00:00.000Z',
    ]);
    expect(JSON.parse(chips.stdout)).toHaveLength(1);
    expect(JSON.parse(oneFact.stdout)).toHaveLength(2);
  });

  it('history json carries the design.md fields', async () => {
    const { stdout } = await cli(
      'history',
      '--table',
      store.tableName,
      '--fact',
      'taylor.production_start',
      '--since',
      '30d',
      '--format',
      'json',
    );
    const all = await cli(
      'history',
      '--table',
      store.tableName,
      '--fact',
      'taylor.production_start',
      '--since',
      '2025-01-01',
      '--format',
      'json',
    );

    expect(JSON.parse(stdout)).toEqual([]);
    expect(Object.keys(JSON.parse(all.stdout)[0])).toEqual(
      expect.arrayContaining([
        'itemId',
        'factId',
        'status',
        'observed',
        'baseline',
        'evidence',
        'severity',
        'link',
        'source',
        'published',
        'observedAt',
      ]),
    );
  });

  it('history csv quotes evidence with commas and quotes', async () => {
    const { stdout } = await cli(
      'history',
      '--table',
      store.tableName,
      '--status',
      'changed',
      '--since',
      '2025-08-01',
      '--format',
      'csv',
    );

    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'observedAt,factId,topic,status,severity,baseline,observed,evidence,source,link,published,itemId,findingId',
    );
    expect(lines[1]).toContain('"Samsung pushed Taylor output to 2027, ""sources"" said."');
  });

  it('feeds lists the registered default feeds as never polled', async () => {
    const { code, stdout } = await cli('feeds', '--table', store.tableName, '--format', 'json');

    const feeds = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(code).toBe(0);
    expect(feeds.length).toBeGreaterThanOrEqual(20);
    expect(feeds[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        url: expect.any(String),
        healthy: true,
        lastStatus: null,
        lastError: null,
        itemsSeen: 0,
      }),
    );
  });

  it.each([
    [['history', '--since', 'nonsense'], /--since: "nonsense" is neither a duration/],
    [['history', '--format', 'xml'], /--format: "xml" is not one of table, json, csv/],
    [['history', '--status', 'changed,maybe'], /--status: "maybe"/],
    [['facts', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['facts', '--table', 'x', '--data-dir', 'y'], /cannot be used together/],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const { code, stderr, stdout } = await cli(...argv);

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('says plainly that a missing table cannot be reached', async () => {
    const { code, stderr } = await cli('facts', '--table', 'no-such-table');

    expect(code).toBe(1);
    expect(stderr).toMatch(/^factwatch: store: cannot reach table no-such-table: /);
  });

  it('lists every command of the contract in help, with examples', async () => {
    const { code, stdout } = await cli('--help');

    expect(code).toBe(0);
    for (const name of ['run', 'analyze', 'history', 'facts', 'accept', 'feeds', 'check'])
      expect(stdout).toContain(`  ${name} `);
    expect(stdout).toMatch(/Usage:[\s\S]*Options:[\s\S]*Examples:/);
    expect((await cli('history', '--help')).stdout).toMatch(
      /Usage: factwatch history[\s\S]*Options:[\s\S]*Examples:/,
    );
  });
});

describe('factwatch bin', () => {
  const bin = join(PROJECT_ROOT, 'shared/cli/factwatch.mjs');
  const run = (...args: string[]) => {
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  };

  it('prints [] for history on a new local store, with nothing on stderr', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'factwatch-cli-'));

    const result = run('history', '--format', 'json', '--data-dir', dataDir);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('exits 2 with one line for a bad --since, before starting any database', () => {
    const result = run('history', '--since', 'nonsense');

    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
  });
});

describe('factwatch run', () => {
  const bin = join(PROJECT_ROOT, 'shared/cli/factwatch.mjs');

  it('--demo replays the bundled sample through the whole pipeline and writes the alerts as JSONL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-demo-'));
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    delete env.FACTWATCH_ALLOW_PRIVATE_NETWORKS;

    const result = spawnSync(
      process.execPath,
      [bin, 'run', '--demo', '--alerts-out', join(dir, 'alerts.jsonl')],
      { encoding: 'utf8', env, cwd: dir, timeout: 90_000 },
    );

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /Summary: feeds 2 ok, 0 failed; 8 new item\(s\), 0 edited; \d+ finding\(s\); alerts delivered: 4 email, 3 SMS/,
    );
    const alerts = readFileSync(join(dir, 'alerts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(alerts).toHaveLength(7);
    expect(Object.keys(alerts[0])).toEqual(['channel', 'subject', 'body', 'attributes']);
    expect(alerts.filter((alert) => alert.channel === 'sms').map((alert) => alert.body)).toContain(
      'factwatch: Deal value changed: $16.5B -> $22B (Bloomberg)',
    );
  });

  it('refuses --table with one line and exit 2', async () => {
    const { code, stderr } = await cli('run', '--table', 'x');

    expect(code).toBe(2);
    expect(stderr).toMatch(/^factwatch: usage: run: runs locally/);
  });
});
