import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedLocalStore } from '../../apps/cli/session.ts';
import type { StoredFinding } from '../../shared/model/findings.ts';
import { findingIdOf } from '../../shared/model/findings.ts';
import type { Store } from '../../shared/store/client.ts';
import { saveFinding } from '../../shared/store/findings.ts';
import { cli, cliWith, DECLARED_BIN } from '../support/cli.ts';
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

// "What has changed about AI5 since August?" — asked by a user acceptance review, who could not: a first run takes in
// a feed's backlog on one day, --since is when factwatch saw an item, and --fact took one id.

/** The environment of a run with its own DynamoDB Local, not the tests' shared one. */
function ownStoreEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DYNAMODB_ENDPOINT;
  return env;
}

/** An RSS item for a replayed feed file, published at the given time (RFC 822). */
const rssItem = (guid: string, title: string, published = 'Mon, 30 Nov 2026 10:00:00 GMT') =>
  `<item><guid>${guid}</guid><title>${title}</title><link>https://example.org/${guid}</link><pubDate>${published}</pubDate></item>`;

/** A replayed feed file's RSS document. */
const rssFeed = (title: string, ...items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link><description>x</description>${items.join('')}</channel></rss>`;

describe('history: the news about a group of facts, by publication', () => {
  let store: Store;
  beforeAll(async () => {
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint();
    store = await freshStore();
    await seedLocalStore(store, new Date('2025-05-01T00:00:00Z'));
    const backlog = '2025-11-30T10:00:00.000Z';
    for (const [factId, published, status] of [
      ['ai5.foundry', '2025-07-20T08:00:00.000Z', 'changed'],
      ['ai5.foundry', '2025-10-22T08:00:00.000Z', 'changed'],
      ['ai5.volume_production', '2025-11-05T08:00:00.000Z', 'new'],
      ['ai6.foundry', '2025-10-01T08:00:00.000Z', 'confirmed'],
    ] as const) {
      const seen = finding(factId, 'chips', backlog, status);
      await saveFinding(store, {
        ...seen,
        findingId: findingIdOf(factId, `item-${published}`, 1),
        itemId: `item-${published}`,
        published,
      });
    }
  });

  it('--fact ai5 names every ai5 fact, --published-since filters by the item, and the table shows the day', async () => {
    const json = await cli(
      'history',
      '--fact',
      'ai5',
      '--status',
      'changed,new',
      '--published-since',
      '2025-08-01',
      '--format',
      'json',
      '--table',
      store.tableName,
    );
    const table = await cli('history', '--fact', 'ai5.foundry,ai6', '--table', store.tableName);
    const wrong = await cli('history', '--fact', 'ai7', '--table', store.tableName);
    const narrow = await cliWith(
      { env: { ...process.env, COLUMNS: '80' } },
      'history',
      '--fact',
      'ai5.foundry,ai6',
      '--table',
      store.tableName,
    );

    expect(json.code).toBe(0);
    expect(
      JSON.parse(json.stdout).map((row: { factId: string; published: string }) => [
        row.factId,
        row.published,
      ]),
    ).toEqual([
      ['ai5.volume_production', '2025-11-05T08:00:00.000Z'],
      ['ai5.foundry', '2025-10-22T08:00:00.000Z'],
    ]);
    expect(table.stdout.split('\n')[0]).toMatch(/^OBSERVED AT\s+PUBLISHED\s+FACT/);
    expect(table.stdout).toMatch(/2025-11-30 10:00\s+2025-10-22\s+ai5\.foundry/);
    expect(table.stdout.split('\n')).toHaveLength(4);
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.stderr.trim()).toBe('factwatch: usage: --fact: no fact "ai7" (factwatch facts lists them)');
    // From a user acceptance review: at 80 columns every row wrapped; there each finding is three lines that fit.
    const narrowLines = narrow.stdout.split('\n');
    expect(narrowLines.every((line) => line.length <= 80)).toBe(true);
    expect(narrowLines[0]).toBe('2025-10-22 ai5.foundry changed 2026 -> 2027');
    expect(narrowLines[1]).toMatch(
      /^ {2}finding [0-9a-f]{16} · seen 2025-11-30 10:00 UTC · Korea JoongAng Daily$/,
    );
    expect(table.stdout.split('\n').some((line) => line.length > 80)).toBe(true);
  });

  it('the table leaves out mentions without a value and says how many; --status and JSON keep them', async () => {
    await saveFinding(store, {
      ...finding('deal.fab', 'deal', '2025-11-30T11:00:00.000Z', 'mentioned'),
      observed: null,
    });
    await saveFinding(store, finding('deal.term_end', 'deal', '2025-11-30T11:30:00.000Z', 'changed'));
    const read = (...argv: string[]) => cli('history', '--fact', 'deal', '--table', store.tableName, ...argv);

    const table = await read();
    const asked = await read('--status', 'mentioned');
    const json = await read('--format', 'json');

    expect(table.stdout).toMatch(/deal\.term_end\s+changed/);
    expect(table.stdout).not.toMatch(/deal\.fab/);
    expect(table.stdout.split('\n').at(-1)).toBe(
      '1 mention(s) without a value not shown (--status mentioned, or --status confirmed,changed,new,mentioned, lists them).',
    );
    expect(asked.stdout).toMatch(/deal\.fab\s+mentioned/);
    expect(asked.stdout).not.toContain('not shown');
    expect(
      JSON.parse(json.stdout)
        .map((row: { factId: string }) => row.factId)
        .sort(),
    ).toEqual(['deal.fab', 'deal.term_end']);
  });
});

describe('factwatch CLI against a store', () => {
  let store: Store;
  beforeAll(async () => {
    // --table with DYNAMODB_ENDPOINT: the CLI's own store path, pointed at this file's fresh table.
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint();
    store = await freshStore();
    // Seeded before every finding below: no finding is older than its store.
    await seedLocalStore(store, new Date('2025-05-01T00:00:00Z'));
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
    // From a user acceptance review: "which facts now differ from the sheet?" had no answer but the HTML page.
    expect(facts.find((fact) => fact.id === 'ai5.foundry')).toMatchObject({
      latest: { status: 'confirmed' },
    });
    expect(facts.find((fact) => fact.id === 'taylor.production_start')).toMatchObject({
      latest: { status: 'changed', observed: { kind: 'year', value: 2027 } },
    });
    expect(facts.find((fact) => fact.id === 'deal.value')).not.toHaveProperty('latest');
    expect(table.stdout).toMatch(
      /taylor\.production_start\s+fab\s+2026\s+1\s+high\s+changed 2027 \(2025-08-10\)/,
    );
    expect(table.stdout.split('\n')[0]).toMatch(/SEVERITY\s+LATEST NEWS\s+CLAIM$/);
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

  it('history json carries the docs/contracts.md fields', async () => {
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
      'observedAt,factId,topic,status,severity,baseline,observed,evidence,source,link,published,itemId,findingId,acceptedVersion,confidence',
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
    [['history', '--since', '2999-01-01', '--fact', 'deal.value'], /--since: 2999-01-01 is in the future/],
    [['report', '--since', '2999-01-01'], /--since: 2999-01-01 is in the future/],
    [['history', '--format', 'xml'], /--format: "xml" is not one of table, json, csv/],
    [['history', '--status', 'changed,maybe'], /--status: "maybe"/],
    [['facts', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate" \(factwatch --help lists the commands\)/],
    [['histroy'], /unknown command "histroy": did you mean "history"\?/],
    [['hist'], /unknown command "hist": did you mean "history"\?/],
    [['help', 'histroy'], /unknown command "histroy": did you mean "history"\?/],
    [
      ['run', '--demo', '--alerts-out', '/nonexistent-folder/alerts.jsonl'],
      /^factwatch: usage: --alerts-out \/nonexistent-folder\/alerts\.jsonl: cannot be written \(no such file or folder, ENOENT\)$/m,
    ],
    [
      ['history', '--status', ''],
      /^factwatch: usage: --status: give one or more of confirmed, changed, new, mentioned$/m,
    ],
    [['feeds', 'extra'], /feeds: unexpected argument "extra"/],
    [['facts', 'deal.value', 'extra'], /facts: unexpected argument "extra"/],
    [['history', '--since', '7d', 'ai5'], /history: unexpected argument "ai5"/],
    [
      ['history', '--fact', 'deal.value', '--topic', 'chips'],
      /^factwatch: usage: --fact deal\.value and --topic chips select no fact together: deal\.value is in topic deal$/m,
    ],
    [
      ['history', '--topic', 'chip'],
      /--topic: no topic "chip" \(did you mean "chips"\?\); the topics are deal, /,
    ],
    [
      ['accept', 'deal.value', '--value', '22000000000'],
      /--value: a value is a JSON object with its kind, not 22000000000: e\.g\. --value '\{"kind":"money","amount":22000000000,"currency":"USD"\}'/,
    ],
    [['facts', '--table', 'x', '--data-dir', 'y'], /cannot be used together/],
    [
      ['run', '--quiet-hours', '25:00-07:00'],
      /^factwatch: usage: --quiet-hours: must be HH:MM-HH:MM or off$/m,
    ],
    [['run', '--time-zone', 'Mars/Base'], /^factwatch: usage: --time-zone: must be an IANA time zone/m],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const { code, stderr, stdout } = await cli(...argv);

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('refuses a --data-dir that is a file, or under one, at once, naming the folder and the cause', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'factwatch-datadir-')), 'a-file');
    writeFileSync(file, 'not a folder');

    const results = [
      await cli('facts', '--data-dir', file),
      await cli('run', '--data-dir', file),
      await cli('history', '--data-dir', join(file, 'store')),
      await cli('stop', '--data-dir', file),
    ];

    expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2]);
    expect(results[3]!.stderr.trim()).toBe(`factwatch: usage: --data-dir ${file}: is a file, not a folder`);
    expect(results[0]!.stderr.trim()).toBe(`factwatch: usage: --data-dir ${file}: is a file, not a folder`);
    expect(results[1]!.stderr.trim()).toBe(`factwatch: usage: --data-dir ${file}: is a file, not a folder`);
    expect(results[2]!.stderr.trim()).toBe(
      `factwatch: usage: --data-dir ${join(file, 'store')}: cannot be written (part of the path is a file)`,
    );
  });

  it("history --since earlier than the store reads from the store's creation, not from 17,000 BC", async () => {
    const ancient = await cli(
      'history',
      '--table',
      store.tableName,
      '--since',
      '999999w',
      '--format',
      'json',
    );
    const all = await cli('history', '--table', store.tableName, '--format', 'json');

    expect(ancient.code).toBe(0);
    expect(JSON.parse(ancient.stdout)).toEqual(JSON.parse(all.stdout));
  });

  it('history shows each finding id in its table, so accept --finding can be typed from it', async () => {
    const { stdout } = await cli('history', '--table', store.tableName, '--since', '2025-01-01');

    const [header, ...rows] = stdout.split('\n');
    expect(header).toMatch(/\bFINDING\b/);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/\b[0-9a-f]{16}\b/);
  });

  it('asks for AWS_REGION when --table is given without a region', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'factwatch-home-')) };
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'DYNAMODB_ENDPOINT'])
      delete env[name];

    const { code, stderr } = await cliWith({ env }, 'facts', '--table', 'Factwatch-Table');

    expect(code).toBe(2);
    expect(stderr).toMatch(/--table Factwatch-Table: no AWS region is set; set AWS_REGION/);
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

  it('"help COMMAND" prints that command\'s help, as git and npm do', async () => {
    const asked = await cli('help', 'facts');
    const direct = await cli('facts', '--help');

    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe(direct.stdout);
    expect(asked.stdout).toMatch(/^Usage: factwatch facts/);
  });

  it('refuses a feeds file whose topic no fact has, naming file, entry and the nearest topic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-topics-'));
    const feedsFile = join(dir, 'feeds.json');
    writeFileSync(feedsFile, JSON.stringify([{ id: 'a', url: 'https://a.example/feed', topics: ['chip'] }]));

    const { code, stderr } = await cli('run', '--feeds', feedsFile, '--data-dir', join(dir, 'store'));

    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(
      /^factwatch: config: .*feeds\.json: entry 1 \("a"\): field "topics": "chip" is no topic of the fact sheet \(chips, deal, fab, market, policy\); did you mean "chips"\?$/,
    );
  });
});

describe('factwatch on a local store', () => {
  const env = () => {
    const copy = { ...process.env };
    delete copy.DYNAMODB_ENDPOINT;
    return copy;
  };

  it('says so when --data-dir names a folder that held no store (a typo, most likely)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'factwatch-cli-'));
    const typo = join(parent, 'stroe');

    const first = await cliWith({ env: env() }, 'history', '--data-dir', typo);
    const again = await cliWith({ env: env() }, 'history', '--data-dir', typo);

    expect(first.code).toBe(0);
    expect(first.stderr.trim()).toBe(
      `factwatch: note: ${typo} held no store; a new one was started there (is the folder's name right?)`,
    );
    expect(first.stdout).toBe(`No findings in ${typo}.`);
    expect(again.stderr).toBe('');
  }, 120_000);

  it('prints [] for history on a new local store, with nothing on stderr', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'factwatch-cli-'));

    const result = await cliWith({ env: env() }, 'history', '--format', 'json', '--data-dir', dataDir);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('exits 2 with one line for a bad --since, before starting any database', async () => {
    const result = await cliWith({ env: env() }, 'history', '--since', 'nonsense');

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
  });
});

describe('factwatch run', () => {
  it('--demo replays the bundled sample through the whole pipeline and writes the alerts as JSONL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-demo-'));
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    delete env.FACTWATCH_ALLOW_PRIVATE_NETWORKS;

    const result = await cliWith(
      { env, cwd: dir },
      'run',
      '--demo',
      '--alerts-out',
      join(dir, 'alerts.jsonl'),
    );

    // Not a terminal: progress comes as plain lines on stderr, one a feed, and nothing else.
    expect(result.stderr.split('\n')).toEqual(['polled 1/2: demo-news-en', 'polled 2/2: demo-news-zh']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Summary: feeds 2 ok, 0 failed; 8 new item\(s\), 0 edited; \d+ finding\(s\); alerts delivered: 4 email, 3 SMS/,
    );
    expect(result.stdout).toMatch(/^Demo: .*Quiet hours are off/);
    expect(result.stdout).toMatch(/The demo kept nothing/);
    expect(result.stdout).not.toContain('factwatch accept');
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

  it('--demo --data-dir keeps its store for history, accept and report, and never mixes with a real store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-demo-kept-'));
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    delete env.FACTWATCH_ALLOW_PRIVATE_NETWORKS;
    const store = join(dir, 'demo-store');
    const run = (...args: string[]) => cliWith({ env, cwd: dir }, ...args);

    const first = await run('run', '--demo', '--data-dir', store);
    const changes = await run('history', '--data-dir', store, '--status', 'changed', '--format', 'json');
    const dealChange = (JSON.parse(changes.stdout) as Array<{ factId: string; findingId: string }>).find(
      (finding) => finding.factId === 'deal.value',
    );
    const accepted = await run(
      'accept',
      'deal.value',
      '--finding',
      dealChange?.findingId ?? 'none',
      '--data-dir',
      store,
    );
    const again = await run('run', '--demo', '--data-dir', store);
    const real = await run('run', '--data-dir', store);
    mkdirSync(join(dir, 'someone-else'));
    writeFileSync(join(dir, 'someone-else', 'notes.txt'), 'mine');
    const foreign = await run('run', '--demo', '--data-dir', join(dir, 'someone-else'));

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/alerts delivered: 4 email, 3 SMS/);
    expect(first.stdout).toContain(`The demo kept its store in ${store}`);
    // Its emails now carry the accept hint for this store.
    expect(first.stdout).toContain(`--data-dir ${store}`);
    expect(dealChange).toBeDefined();
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/^deal\.value: \$16\.5B \(v1\) -> \$22B \(v2\)/);
    // The same sample again: every item is known, so nothing is new and nothing alerts twice.
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /0 new item\(s\), 0 edited; 0 finding\(s\); alerts delivered: 0 email, 0 SMS/,
    );
    expect(again.stdout).not.toContain('New URL');
    expect(real.code).toBe(2);
    expect(real.stderr.trim()).toBe(
      `factwatch: usage: run: ${store} holds the demo's store, not one that follows the real feeds; give another --data-dir, or delete ${store}`,
    );
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain("holds a store that is not a demo's");
    expect(readFileSync(join(dir, 'someone-else', 'notes.txt'), 'utf8')).toBe('mine');
  }, 180_000);

  it('says when the network safety rules refused feeds, explains the backoff next run, and retries on request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-refused-'));
    const feedsFile = join(dir, 'feeds.json');
    writeFileSync(
      feedsFile,
      JSON.stringify([
        { id: 'loopback', url: 'http://127.0.0.1:9/feed.xml' },
        { id: 'metadata', url: 'http://169.254.169.254/latest/meta-data/' },
      ]),
    );
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    delete env.FACTWATCH_ALLOW_PRIVATE_NETWORKS;
    const run = (...args: string[]) =>
      cliWith({ env, cwd: dir }, 'run', '--feeds', feedsFile, '--data-dir', join(dir, 'store'), ...args);

    const first = await run();
    const again = await run('--all');
    const retried = await run('--retry-failed');

    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      '2 feed(s) refused by the network safety rules (loopback, private, link-local and metadata addresses are never fetched): loopback, metadata',
    );
    expect(first.stdout).not.toContain('offline?');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/No feed was polled: 2 feed\(s\) are held back\./);
    expect(again.stdout).toMatch(
      / {2}loopback until \d{4}-\d\d-\d\d \d\d:\d\d UTC: backing off after 1 error\(s\): fetch: /,
    );
    // The hint names this run's store and feeds: pasted, it polls them, not the default store's shipped feeds.
    expect(again.stdout).toContain(
      `After fixing the cause, poll the backed-off feeds now with: factwatch run --retry-failed --data-dir ${join(dir, 'store')} --feeds ${feedsFile}`,
    );
    expect(again.stdout).not.toContain('No feed was due. Poll every feed now with: factwatch run --all');
    // A --data-dir that did not exist is named once, by the run that started a store there.
    expect(first.stderr).toContain(
      `factwatch: note: ${join(dir, 'store')} held no store; a new one was started there`,
    );
    expect(again.stderr).not.toContain('held no store');
    expect(retried.stdout).toMatch(/Summary: feeds 0 ok, 2 failed/);
  }, 120_000);

  it('retires a feed removed from the feeds file: named once, never polled again (not even with --all), listed as retired', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-retire-'));
    const both = join(dir, 'both.json');
    const one = join(dir, 'one.json');
    const kept = { id: 'kept', url: 'http://127.0.0.1:9/kept.xml' };
    const gone = { id: 'gone', url: 'http://127.0.0.1:9/gone.xml' };
    writeFileSync(both, JSON.stringify([kept, gone]));
    writeFileSync(one, JSON.stringify([kept]));
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    const store = ['--data-dir', join(dir, 'store')];

    const first = await cliWith({ env, cwd: dir }, 'run', '--feeds', both, ...store);
    const second = await cliWith(
      { env, cwd: dir },
      'run',
      '--all',
      '--retry-failed',
      '--feeds',
      one,
      ...store,
    );
    const listed = await cliWith({ env, cwd: dir }, 'feeds', '--format', 'json', ...store);

    expect(first.stdout).toMatch(/Summary: feeds 0 ok, 2 failed/);
    expect(second.stdout).toContain(
      'Retired 1 feed(s) no longer in the feeds file (not polled again; their history is kept): gone',
    );
    expect(second.stdout).toMatch(/Summary: feeds 0 ok, 1 failed/);
    const feeds = JSON.parse(listed.stdout) as Array<{ id: string; retiredAt: string | null }>;
    expect(feeds.find((feed) => feed.id === 'gone')?.retiredAt).toEqual(expect.any(String));
    expect(feeds.find((feed) => feed.id === 'kept')?.retiredAt).toBeNull();
  }, 180_000);

  // From a user acceptance review: "[]" retired every feed and later runs polled nothing, silently.
  it("refuses an empty feeds file with exit 2 and retires none of the store's feeds", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-empty-feeds-'));
    const one = join(dir, 'one.json');
    const empty = join(dir, 'empty.json');
    writeFileSync(one, JSON.stringify([{ id: 'kept', url: 'http://127.0.0.1:9/kept.xml' }]));
    writeFileSync(empty, '[]\n');
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    const store = ['--data-dir', join(dir, 'store')];

    await cliWith({ env, cwd: dir }, 'run', '--feeds', one, ...store);
    const refused = await cliWith({ env, cwd: dir }, 'run', '--feeds', empty, ...store);
    const listed = await cliWith({ env, cwd: dir }, 'feeds', '--format', 'json', ...store);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^factwatch: config: .*empty\.json: lists no feed: .*\n?$/);
    expect(refused.stderr.split('\n')).toHaveLength(1);
    const feeds = JSON.parse(listed.stdout) as Array<{ id: string; retiredAt: string | null }>;
    expect(feeds).toEqual([expect.objectContaining({ id: 'kept', retiredAt: null })]);
  }, 120_000);

  // From a user acceptance review: a user could not rehearse their own feed through run, alerts, history and accept
  // (loopback is refused to real runs, and --demo replays only its own sample).
  it('--replay FILE reads a feed file through the whole pipeline; an edited file alerts its new item on the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-replay-'));
    const feed = join(dir, 'my feed.xml');
    const item = (guid: string, title: string) => rssItem(guid, title);
    const rss = (...items: string[]) => rssFeed('Rehearsal', ...items);
    writeFileSync(feed, rss(item('r1', 'Samsung delays Taylor fab production start to 2027')));
    // Its own DynamoDB Local, not the tests' shared one: its alerts ($16.5B -> $22B) are the demo's too.
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    const replay = () =>
      cliWith({ cwd: dir, env }, 'run', '--replay', feed, '--data-dir', join(dir, 'rehearsal'));

    const first = await replay();
    writeFileSync(
      feed,
      rss(
        item('r1', 'Samsung delays Taylor fab production start to 2027'),
        item('r2', 'Tesla and Samsung expand chip deal to $22 billion'),
      ),
    );
    const second = await replay();
    const history = await cliWith(
      { cwd: dir, env },
      'history',
      '--data-dir',
      join(dir, 'rehearsal'),
      '--status',
      'changed',
      '--format',
      'json',
    );
    const realRun = await cliWith({ cwd: dir, env }, 'run', '--data-dir', join(dir, 'rehearsal'));
    const withFeeds = await cliWith({ cwd: dir, env }, 'run', '--replay', feed, '--feeds', feed);

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Replay: reading 1 feed file\(s\) \(my feed\.xml\)/);
    expect(first.stdout).toContain('Subject: [factwatch] Taylor production start changed: 2026 -> 2027');
    expect(second.stdout).toContain('Subject: [factwatch] Deal value changed: $16.5B -> $22B');
    expect(second.stdout).not.toContain('Taylor production start changed');
    const changes = JSON.parse(history.stdout) as Array<{ factId: string }>;
    expect(changes.map((change) => change.factId).sort()).toEqual(['deal.value', 'taylor.production_start']);
    expect(realRun.code).toBe(2);
    expect(realRun.stderr).toMatch(/holds the replay's store, not one that follows the real feeds/);
    // A replay refused by another live run's lock says so and exits, its feed server not started.
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'rehearsal', 'run.lock'), JSON.stringify({ pid: owner.pid }));
      const busy = await cliWith(
        { cwd: dir, env, timeoutMs: 60_000 },
        'run',
        '--replay',
        feed,
        '--data-dir',
        join(dir, 'rehearsal'),
      );
      expect(busy.code).toBe(2);
      expect(busy.stderr).toMatch(/another factwatch run is using/);
    } finally {
      owner.kill();
    }
    expect(withFeeds.code).toBe(2);
    expect(withFeeds.stderr.trim()).toBe(
      'factwatch: usage: run: --replay reads the feed files it names; leave out --feeds',
    );
  }, 180_000);

  // From a user acceptance review: a replay answered "SMS or email?" with the defaults, not this folder's settings.
  it("--replay rehearses the folder's alert settings: the SMS cap holds, and the intro says whether quiet hours do", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-replay-settings-'));
    writeFileSync(join(dir, 'cdk.json'), JSON.stringify({ context: { smsMonthlyCap: 1 } }));
    const feed = join(dir, 'wire.xml');
    const item = (guid: string, title: string) =>
      `<item><guid>${guid}</guid><title>${title}</title><link>https://example.org/${guid}</link><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>`;
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://example.org/</link><description>x</description>${item('w1', 'Samsung delays Taylor fab production start to 2027')}${item('w2', 'Tesla shuts down Dojo supercomputer project')}</channel></rss>`,
    );
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;

    const capped = await cliWith({ cwd: dir, env }, 'run', '--replay', feed);
    const quiet = await cliWith({ cwd: dir, env }, 'run', '--replay', feed, '--quiet-hours', '00:00-23:59');

    expect(capped.code).toBe(0);
    expect(capped.stdout).toMatch(/alerts delivered: 2 email, 1 SMS/);
    expect(capped.stdout).toMatch(/the SMS cap, confidence and time zone are this folder's settings/);
    expect(capped.stdout).toMatch(/Quiet hours are off and every item may alert/);
    expect(quiet.stdout).toMatch(
      /Every item may alert, as if just published; SMS keep the quiet hours given/,
    );
  }, 180_000);

  // From a user acceptance review: a change and its denial, three hours apart in one feed, still texted the change.
  it('--replay of a change and its later denial in one poll sends one email that tells both, and no SMS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-replay-denial-'));
    const feed = join(dir, 'reuters.xml');
    writeFileSync(
      feed,
      rssFeed(
        'Reuters',
        rssItem(
          'd2',
          'Tesla says AI6 remains with Samsung, denies TSMC switch',
          'Tue, 01 Dec 2026 01:00:00 GMT',
        ),
        rssItem('d1', 'Tesla moves AI6 production to TSMC', 'Mon, 30 Nov 2026 22:00:00 GMT'),
      ),
    );

    const run = await cliWith({ cwd: dir, env: ownStoreEnv() }, 'run', '--replay', feed);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'Subject: [factwatch] AI6 foundry changed (since said otherwise): Samsung -> TSMC',
    );
    expect(run.stdout).toContain('Since then, other news says Samsung (so no SMS was sent)');
    expect(run.stdout).toMatch(/alerts delivered: 1 email, 0 SMS/);
  }, 180_000);

  // From a code review: nothing showed that notify receives confirmed findings at all (the stream filter).
  it('--replay of a denial in a later run sends one follow-up email about the change an earlier run alerted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-replay-followup-'));
    const feed = join(dir, 'reuters.xml');
    const item = rssItem;
    const rss = (...items: string[]) => rssFeed('Reuters', ...items);
    const change = item('f1', 'Tesla moves AI6 production to TSMC', 'Mon, 30 Nov 2026 22:00:00 GMT');
    writeFileSync(feed, rss(change));
    const replay = () =>
      cliWith({ cwd: dir, env: ownStoreEnv() }, 'run', '--replay', feed, '--data-dir', join(dir, 'store'));

    const first = await replay();
    writeFileSync(
      feed,
      rss(
        item(
          'f2',
          'Tesla says AI6 remains with Samsung, denies TSMC switch',
          'Tue, 01 Dec 2026 01:00:00 GMT',
        ),
        change,
      ),
    );
    const second = await replay();

    expect(first.stdout).toContain('Subject: [factwatch] AI6 foundry changed: Samsung -> TSMC');
    expect(second.stdout).toContain(
      'Subject: [factwatch] AI6 foundry: since said Samsung, after the alert Samsung -> TSMC',
    );
    // (the follow-up is told apart in the summary: the second run sent no new alert)
    expect(second.stdout).toMatch(
      /alerts delivered: 0 email, 0 SMS; 1 follow-up email\(s\) to earlier alerts/,
    );
  }, 180_000);

  // From a user acceptance review: Ctrl-C mid-run printed nothing, and the next run's summary read as contradictory.
  it('says, when interrupted mid-run, that nothing is lost and the next run goes on; exit 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-interrupt-'));
    // Its own DynamoDB Local, not the tests' shared one: the demo's alerts must not land in other tests' table.
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    const child = spawn(process.execPath, [DECLARED_BIN, 'run', '--demo', '--data-dir', join(dir, 'demo')], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Once the cycle is under way (the first feed polled), one Ctrl-C.
      if (!sent && /polled 1\/2/.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });

    const code = await exited;
    const again = await cliWith({ cwd: dir, env }, 'run', '--demo', '--data-dir', join(dir, 'demo'));

    expect(code).toBe(130);
    expect(stderr).toContain(
      'factwatch: run interrupted; nothing is lost: the next run continues where this one stopped',
    );
    // The lock was let go by the run itself, not only taken over from a dead process by the next one.
    expect(existsSync(join(dir, 'demo', 'run.lock'))).toBe(false);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(again.code).toBe(0);
  }, 120_000);

  it('refuses a second run on a data dir another live run holds, at once, with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-busy-'));
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'run.lock'), JSON.stringify({ pid: owner.pid }));

      const { code, stdout, stderr } = await cli('run', '--data-dir', dir);

      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim()).toBe(
        `factwatch: store: another factwatch run is using ${dir} (pid ${owner.pid}); wait for it to finish, or stop it`,
      );
    } finally {
      owner.kill();
    }
  });

  it("reads the owner's settings from cdk.json, as the stack does, naming the file and key of a wrong one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-settings-'));
    writeFileSync(join(dir, 'cdk.json'), JSON.stringify({ context: { quietHours: '22-7' } }));

    const { code, stdout, stderr } = await cliWith({ cwd: dir }, 'run', '--demo');

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'factwatch: config: cdk.json: context "quietHours": must be HH:MM-HH:MM or off',
    );
  });

  it('--quiet-hours and --time-zone hold SMS for one run, in that zone', async () => {
    const zone = 'Asia/Tokyo';
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(),
      ),
    );
    const at = (offset: number) => `${String((hour + offset + 24) % 24).padStart(2, '0')}:00`;

    const { code, stdout } = await cli(
      'run',
      '--demo',
      '--quiet-hours',
      `${at(-1)}-${at(2)}`,
      '--time-zone',
      zone,
    );

    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`\\d+ SMS held by quiet hours until ${at(2)} ${zone}`));
    expect(stdout).not.toContain('--- SMS (alert)');
  }, 120_000);

  // From a review: a later run told the held SMS's release by its own quiet hours, not the time each was given.
  it('a later run tells when the SMS held by an earlier one go, whatever its own quiet hours', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-held-later-'));
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    const store = join(dir, 'demo-store');
    const zone = 'Asia/Tokyo';
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(),
      ),
    );
    const at = (offset: number) => `${String((hour + offset + 24) % 24).padStart(2, '0')}:00`;
    const run = (...args: string[]) =>
      cliWith({ env, cwd: dir }, 'run', '--demo', '--data-dir', store, '--time-zone', zone, ...args);

    const first = await run('--quiet-hours', `${at(-1)}-${at(2)}`);
    const later = await run('--quiet-hours', 'off');

    expect(first.stdout).toMatch(new RegExp(`\\d+ SMS held by quiet hours until ${at(2)} ${zone}`));
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(
      new RegExp(`\\d+ SMS of earlier runs still held by quiet hours until ${at(2)} ${zone}`),
    );
  }, 180_000);

  it('refuses --table with one line and exit 2', async () => {
    const { code, stderr } = await cli('run', '--table', 'x');

    expect(code).toBe(2);
    expect(stderr).toMatch(/^factwatch: usage: run: runs locally/);
  });
});
