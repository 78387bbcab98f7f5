import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedLocalStore } from '../../apps/cli/session.ts';
import { DEFAULT_BASELINE_FILE, loadBaselineFile } from '../../shared/config/load.ts';
import { analyzeItem } from '../../shared/facts/analyze.ts';
import { findingIdOf } from '../../shared/model/findings.ts';
import { baselineHistory, currentBaselineValues, seedBaseline } from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { saveFinding } from '../../shared/store/findings.ts';
import { cli } from '../support/cli.ts';
import { storyEngine } from '../support/engine.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

const DEV_SET = join(import.meta.dirname, '..', 'fixtures', 'facts', 'dev-set.jsonl');
const tempFile = (name: string, content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'factwatch-analyze-')), name);
  writeFileSync(path, content);
  return path;
};

describe('factwatch analyze', () => {
  it('prints one docs/contracts.md finding a line, exactly its seven fields', async () => {
    const { code, stdout } = await cli('analyze', DEV_SET);

    const findings = stdout.split('\n').map((line) => JSON.parse(line));
    expect(code).toBe(0);
    expect(findings.length).toBeGreaterThan(80);
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual([
        'itemId',
        'factId',
        'status',
        'observed',
        'baseline',
        'evidence',
        'severity',
      ]);
    }
    expect(findings).toContainEqual(
      expect.objectContaining({
        itemId: 'dev-002',
        factId: 'deal.value',
        status: 'changed',
        observed: { kind: 'money', amount: 22e9, currency: 'USD' },
      }),
    );
  });

  it('says on stderr when the input held no items, apart from items with no finding', async () => {
    const empty = await cli('analyze', tempFile('empty.jsonl', '\n\n'));

    expect(empty).toMatchObject({ code: 0, stdout: '' });
    expect(empty.stderr.trim()).toMatch(/^analyze: no items in .*empty\.jsonl \(one JSON object a line\)$/);
  });

  it('prints nothing for items with no finding', async () => {
    const path = tempFile(
      'quiet.jsonl',
      `${JSON.stringify({ id: 'q', title: 'Samsung Galaxy sales rise in Europe' })}\n`,
    );

    expect(await cli('analyze', path)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  // From a hostile-content review: the CLI read fields of any length, the tracker only what a feed item keeps.
  it('reads each field as the tracker stores it: past the cap, a statement is not read, and stderr says so', async () => {
    const statement = 'Intel wins Tesla AI5 order.';
    const filler = 'Markets were calm on Tuesday. '.repeat(700);
    const items = tempFile(
      'long.jsonl',
      [
        { id: 'within', title: 'Chip news', content: `${statement} ${filler}` },
        { id: 'past', title: 'Chip news', content: `${filler}${statement}` },
      ]
        .map((item) => JSON.stringify(item))
        .join('\n'),
    );
    const { code, stdout, stderr } = await cli('analyze', items);

    expect(code).toBe(0);
    const findings = stdout.split('\n').map((line) => JSON.parse(line) as { itemId: string; factId: string });
    expect(findings.map((finding) => finding.itemId)).toEqual(['within']);
    expect(findings[0]).toMatchObject({ factId: 'ai5.foundry' });
    expect(stderr.trim()).toBe(
      'analyze: 2 item(s) had a field longer than the tracker keeps; read as stored (title 500, summary 2,000, content 20,000 characters)',
    );
  });

  it('compares with another fact sheet given by --baseline', async () => {
    const sheet = JSON.parse(readFileSync(DEFAULT_BASELINE_FILE, 'utf8'));
    sheet.facts.find((fact: { id: string }) => fact.id === 'deal.value').value.amount = 22e9;
    const baseline = tempFile('baseline.json', JSON.stringify(sheet));
    const items = tempFile(
      'items.jsonl',
      `${JSON.stringify({ id: 'a', title: 'Tesla and Samsung expand foundry pact to $22 billion' })}\n`,
    );

    const { stdout } = await cli('analyze', items, '--baseline', baseline);

    const findings = stdout.split('\n').map((line) => JSON.parse(line) as { factId: string });
    expect(findings.find((finding) => finding.factId === 'deal.value')).toMatchObject({
      status: 'confirmed',
    });
  });

  it('shows a table with --format table', async () => {
    const items = tempFile(
      'items.jsonl',
      `${JSON.stringify({ id: 'b', title: 'Intel wins Tesla AI5 order' })}\n`,
    );

    const { stdout } = await cli('analyze', items, '--format', 'table');

    const [said, header] = stdout.split('\n');
    expect(said).toBe(
      'Compared with shared/config/stories/tesla-samsung/baseline.json (as of 2025-07-28), rules shared/config/stories/tesla-samsung/rules.json',
    );
    expect(header).toMatch(/^ITEM\s+FACT\s+STATUS/);
    expect(stdout).toContain('TSMC -> Intel+TSMC');
  });

  it.each([
    ['{"id":"1","title":"ok"}\n{not json}\n', /^factwatch: usage: analyze: .*bad\.jsonl:2: not valid JSON/],
    ['{"id":"1","title":"ok"}\n\n{"id":"3"}\n', /bad\.jsonl:3: field "title"/],
  ])('exits 2 naming the line of bad input', async (content, message) => {
    const { code, stderr } = await cli('analyze', tempFile('bad.jsonl', content));

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n')).toHaveLength(1);
  });
});

describe('factwatch analyze on files from elsewhere', () => {
  it('reads a JSONL file that starts with a byte-order mark, as Windows editors save it', async () => {
    const { code, stdout } = await cli(
      'analyze',
      tempFile('bom.jsonl', '\uFEFF{"id":"1","title":"Intel wins Tesla AI5 order"}\n'),
    );

    expect(code).toBe(0);
    expect(JSON.parse(stdout.split('\n')[0]!)).toMatchObject({ itemId: '1', factId: 'ai5.foundry' });
  });

  it('refuses a binary file in one line, its control bytes shown as escapes, never raw', async () => {
    const { code, stderr } = await cli(
      'analyze',
      tempFile('bin.dat', '\u007fELF\u0002\u0001\u0001\u0000\u0000\u001b[2J\n'),
    );

    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^factwatch: usage: analyze: .*bin\.dat:1: not valid JSON/);
    expect(stderr).toContain('\\x7fELF\\x02');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that no control character reaches the terminal.
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('factwatch accept', () => {
  let store: Store;
  beforeAll(async () => {
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint();
    store = await freshStore();
    await seedLocalStore(store, new Date('2025-07-01T00:00:00Z'));
  });

  it('adopts a value given by hand as a new version, keeping the old one and who, when and why', async () => {
    const { code, stdout } = await cli(
      'accept',
      'deal.value',
      '--value',
      '{"kind":"money","amount":22000000000,"currency":"USD"}',
      '--reason',
      'Tesla 8-K',
      '--by',
      'ana',
      '--table',
      store.tableName,
    );

    expect(code).toBe(0);
    expect(stdout).toBe('deal.value: $16.5B (v1) -> $22B (v2)');
    const history = await baselineHistory(store, 'deal.value');
    expect(history.map((version) => [version.version, version.acceptedBy, version.reason])).toEqual([
      [1, 'factwatch', 'seeded from the baseline fact sheet'],
      [2, 'ana', 'Tesla 8-K'],
    ]);
  });

  it('accepting the current value again is a no-op that says so; the new version claims its own value', async () => {
    const again = await cli(
      'accept',
      'deal.value',
      '--value',
      '{"kind":"money","amount":22000000000,"currency":"USD"}',
      '--table',
      store.tableName,
    );

    expect(again).toMatchObject({ code: 0, stdout: 'deal.value: already $22B (v2); nothing changed' });
    const history = await baselineHistory(store, 'deal.value');
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ claim: '$22B: Tesla 8-K' });
    expect(history[1]).not.toHaveProperty('qualifier');
    expect(history[1]).not.toHaveProperty('asOf');
  });

  it('--version N undoes a mistaken accept as a new version, every version still listed', async () => {
    const own = await freshStore();
    await seedLocalStore(own, new Date('2025-07-01T00:00:00Z'));
    const accept = (...argv: string[]) => cli('accept', 'deal.value', ...argv, '--table', own.tableName);

    await accept('--value', '{"kind":"money","amount":22000000000,"currency":"USD"}');
    const typo = await accept('--value', '{"kind":"money","amount":2200000000,"currency":"USD"}');
    const undone = await accept('--version', '2');
    // From a user acceptance review: back to the sheet's v1, its qualifier ("minimum") and claim came back without.
    const backToSheet = await accept('--version', '1');
    const missing = await accept('--version', '9');
    const notANumber = await accept('--version', 'two');

    expect(typo.stdout).toBe('deal.value: $22B (v2) -> $2.2B (v3)');
    expect(undone).toMatchObject({ code: 0, stdout: 'deal.value: $2.2B (v3) -> $22B (v4)' });
    const history = await baselineHistory(own, 'deal.value');
    expect(history.map((version) => [version.version, version.reason])).toEqual([
      [1, 'seeded from the baseline fact sheet'],
      [2, 'set by hand'],
      [3, 'set by hand'],
      [4, 'back to v2'],
      [5, 'back to v1'],
    ]);
    expect(backToSheet.stdout).toBe('deal.value: $22B (v4) -> $16.5B (v5)');
    expect(history[4]).toMatchObject({ qualifier: history[0]!.qualifier, claim: history[0]!.claim });
    expect(history[0]!.qualifier).toBe('minimum');
    // From a code review: the sheet's value typed back by hand lost "minimum"; an undo to v1 brings it back.
    await accept('--value', '{"kind":"money","amount":22000000000,"currency":"USD"}');
    await accept('--value', '{"kind":"money","amount":16500000000,"currency":"USD"}');
    const backAgain = await accept('--version', '1');
    const last = (await baselineHistory(own, 'deal.value')).at(-1)!;
    expect(backAgain.stdout).toBe('deal.value: $16.5B (v7) -> $16.5B (v8)');
    expect(last).toMatchObject({ version: 8, qualifier: 'minimum', claim: history[0]!.claim });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      'factwatch: usage: --version: deal.value has no version 9 (it has 1 to 5; factwatch facts deal.value lists them)',
    );
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toMatch(/--version: "two" is not a version number/);
  }, 120_000);

  it('stores typed foundries sorted and once, as the engine writes entity sets', async () => {
    const result = await cli(
      'accept',
      'ai5.foundry',
      '--value',
      '{"kind":"entities","values":["TSMC","Samsung","TSMC"]}',
      '--table',
      store.tableName,
    );

    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout.trim()).toBe('ai5.foundry: TSMC (v1) -> Samsung+TSMC (v2)');
    expect((await baselineHistory(store, 'ai5.foundry'))[1]!.value).toEqual({
      kind: 'entities',
      values: ['Samsung', 'TSMC'],
    });
  });

  it('facts FACT_ID lists every version of a fact: value, origin, when, who, finding and why', async () => {
    const table = await cli('facts', 'deal.value', '--table', store.tableName);
    const json = await cli('facts', 'deal.value', '--format', 'json', '--table', store.tableName);
    const unknown = await cli('facts', 'no.such', '--table', store.tableName);
    const prefix = await cli('facts', 'ai5', '--table', store.tableName);
    const typo = await cli('facts', 'deal.valu', '--table', store.tableName);

    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^V\s+VALUE\s+ORIGIN\s+AT\s+BY\s+FINDING\s+REASON/);
    expect(lines[1]).toMatch(/^1\s+\$16\.5B.*fact sheet as of 2025-07-28.*factwatch/);
    expect(lines[2]).toMatch(/^2\s+\$22B\s+accept\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+ana\s+-\s+Tesla 8-K/);
    expect(JSON.parse(json.stdout).map((version: { version: number }) => version.version)).toEqual([1, 2]);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr.trim()).toBe(
      'factwatch: usage: facts: no fact "no.such" (factwatch facts lists them)',
    );
    expect(prefix.stderr.trim()).toBe(
      'factwatch: usage: facts: "ai5" names 2 facts (ai5.foundry, ai5.volume_production); give one to list its versions',
    );
    expect(typo.stderr).toContain('no fact "deal.valu" (did you mean "deal.value"?)');
  });

  it("adopts a stored finding's observed value, and later items are diffed against it", async () => {
    const item = { id: 'item-1', title: "Samsung's Taylor fab to begin output in 2027 after delay" };
    const [finding] = analyzeItem(item, storyEngine());
    const findingId = findingIdOf(finding!.factId, item.id, 1);
    await saveFinding(store, {
      ...finding!,
      findingId,
      topic: 'fab',
      observedAt: '2025-08-10T00:00:00.000Z',
      itemVersion: 1,
    });

    const wrongFact = await cli('accept', 'deal.value', '--finding', findingId, '--table', store.tableName);
    const { code, stdout } = await cli(
      'accept',
      'taylor.production_start',
      '--finding',
      findingId,
      '--table',
      store.tableName,
    );

    // An id copied from another fact's row is named as that fact's.
    expect(wrongFact.code).toBe(2);
    expect(wrongFact.stderr.trim()).toBe(
      `factwatch: usage: --finding: "${findingId}" is a finding of taylor.production_start, not of deal.value (factwatch accept taylor.production_start --finding ${findingId})`,
    );
    const later = analyzeItem(
      { id: 'item-2', title: 'Samsung confirms Taylor fab will start production in 2027' },
      storyEngine(),
      await currentBaselineValues(store),
    );

    expect(code).toBe(0);
    expect(stdout).toBe('taylor.production_start: 2026 (v1) -> 2027 (v2)');
    expect(later.filter((found) => found.status !== 'mentioned')).toEqual([
      expect.objectContaining({
        factId: 'taylor.production_start',
        status: 'confirmed',
        baseline: { kind: 'year', value: 2027 },
      }),
    ]);
    expect((await baselineHistory(store, 'taylor.production_start'))[1]).toMatchObject({
      findingId,
      origin: 'accept',
    });
    // history says which change was accepted, and as which version.
    const history = await cli('history', '--fact', 'taylor.production_start', '--table', store.tableName);
    const json = await cli(
      'history',
      '--fact',
      'taylor.production_start',
      '--table',
      store.tableName,
      '--format',
      'json',
    );
    expect(history.stdout).toMatch(/taylor\.production_start\s+changed, accepted v2\s+2026 -> 2027/);
    expect(
      (JSON.parse(json.stdout) as Array<{ findingId: string; acceptedVersion: number | null }>).find(
        (record) => record.findingId === findingId,
      )?.acceptedVersion,
    ).toBe(2);
  });

  it.each([
    [['accept', 'deal.value'], /give one of --finding ID, --value JSON, --from-file or --version N/],
    [
      ['accept', 'deal.value', '--from-file', '--value', '{}'],
      /give one of --finding ID, --value JSON, --from-file or --version N/,
    ],
    [
      ['accept', 'deal.value', '--value', '{"kind":"year","value":2030}'],
      /deal\.value holds money values, not year/,
    ],
    [['accept', 'deal.value', '--value', '{"kind":"money"}'], /--value: field "amount"/],
    [['accept', 'deal.value', '--value', 'nope'], /--value: not valid JSON/],
    [['accept', 'no.such', '--value', '{"kind":"count","value":1}'], /no fact "no\.such"/],
    // The unknown fact is the complaint, not the value checked against it.
    [
      ['accept', 'deal.valu', '--value', '1'],
      /^factwatch: usage: accept: no fact "deal\.valu" \(did you mean "deal\.value"\?\)/,
    ],
    // A user acceptance review stored all of these; "tsmc" then read as a foundry of its own in later findings.
    [
      ['accept', 'deal.value', '--value', '{"kind":"money","amount":-5,"currency":"USD"}'],
      /an amount must be above 0/,
    ],
    [
      ['accept', 'deal.value', '--value', '{"kind":"money","amount":22e9,"currency":"XYZ"}'],
      /"XYZ" is not an ISO 4217 currency code/,
    ],
    [
      ['accept', 'ai5.foundry', '--value', '{"kind":"entities","values":["tsmc","Samsung"]}'],
      /"tsmc" is written "TSMC"/,
    ],
    [
      ['accept', 'ai5.foundry', '--value', '{"kind":"entities","values":["Foo Corp"]}'],
      /"Foo Corp" is not a foundry ai5\.foundry knows \(Samsung, TSMC/,
    ],
    [
      ['accept', 'deal.value', '--value', '{"kind":"money","amount":22e9,"currency":"USD"}', '--by', ' '],
      /--by: give a name/,
    ],
    [['accept', 'deal.value', '--finding', 'feedface'], /no finding "feedface"/],
    // A second review stored these: values the fact's own rules can never read again.
    [
      ['accept', 'taylor.production_start', '--value', '{"kind":"year","value":1900}'],
      /--value: taylor\.production_start reads values from 2024 to 2035, not 1900/,
    ],
    [
      ['accept', 'foundry.tsmc_share', '--value', '{"kind":"percent","value":250}'],
      /--value: foundry\.tsmc_share reads values from 30% to 100%, not 250%/,
    ],
    [
      ['accept', 'ai6.performance', '--value', '{"kind":"quantity","value":6,"unit":"bananas"}'],
      /--value: ai6\.performance is read in EFLOPS, not "bananas"/,
    ],
    [
      ['accept', 'dojo.status', '--value', '{"kind":"status","value":"released"}'],
      /--value: dojo\.status is one of ended, cancelled, restarted, delayed, active, not "released"/,
    ],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const { code, stderr } = await cli(...argv, '--table', store.tableName);

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('the fact sheet and the store', () => {
  let store: Store;
  beforeAll(async () => {
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint();
    store = await freshStore();
    // A store seeded from an earlier sheet: deal.value was $10B then; the sheet says $16.5B now.
    const sheet = loadBaselineFile();
    const earlier = sheet.facts.map((fact) =>
      fact.id === 'deal.value'
        ? { ...fact, value: { kind: 'money' as const, amount: 10e9, currency: 'USD' } }
        : fact,
    );
    await seedBaseline(store, earlier, new Date('2025-07-01T00:00:00Z'), sheet);
  });

  it('say in one line on stderr where they disagree and how to settle it; the store keeps its value', async () => {
    const facts = await cli('facts', '--format', 'json', '--table', store.tableName);
    const history = await cli('history', '--format', 'json', '--table', store.tableName);

    const note = `factwatch: note: shared/config/stories/tesla-samsung/baseline.json and the store disagree on deal.value (the file: $16.5B); the store keeps its values until you adopt the file's with: factwatch accept FACT_ID --from-file --table ${store.tableName}`;
    expect(facts.code).toBe(0);
    expect(facts.stderr.trim()).toBe(note);
    expect(history.stderr.trim()).toBe(note);
    expect(
      JSON.parse(facts.stdout).find((fact: { id: string }) => fact.id === 'deal.value').value.amount,
    ).toBe(10e9);
  });

  it("accept --from-file adopts the sheet's value as a new version, and the note is gone", async () => {
    const accepted = await cli(
      'accept',
      'deal.value',
      '--from-file',
      '--by',
      'ana',
      '--table',
      store.tableName,
    );
    const facts = await cli('facts', '--table', store.tableName);

    expect(accepted).toMatchObject({ code: 0, stdout: 'deal.value: $10B (v1) -> $16.5B (v2)' });
    expect((await baselineHistory(store, 'deal.value'))[1]).toMatchObject({
      reason: 'from shared/config/stories/tesla-samsung/baseline.json',
      acceptedBy: 'ana',
      origin: 'accept',
    });
    expect(facts.stderr).toBe('');
  });
});
