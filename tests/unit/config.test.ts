import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASELINE_FILE, loadBaselineFile, loadFeedsFile } from '../../shared/config/load.ts';
import { checkFeedTopics } from '../../shared/config/story-sheet.ts';
import { ConfigError } from '../../shared/errors.ts';
import { extractFacts } from '../../shared/facts/extract.ts';
import { compileRules, DEFAULT_RULES_FILE, type RulesFile } from '../../shared/facts/rules.ts';

/** docs/contracts.md fixes the shipped story's fact ids: the sheet must carry exactly those. */
const CONTRACTS = join(import.meta.dirname, '..', '..', 'docs', 'contracts.md');

function writeTemp(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'factwatch-config-')), name);
  writeFileSync(path, content);
  return path;
}

function errorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadBaselineFile()', () => {
  it('ships the 25 Tesla–Samsung facts with their values', () => {
    const sheet = loadBaselineFile();

    expect(sheet.facts).toHaveLength(25);
    const byId = new Map(sheet.facts.map((fact) => [fact.id, fact]));
    expect(byId.get('deal.value')?.value).toEqual({ kind: 'money', amount: 16_500_000_000, currency: 'USD' });
    expect(byId.get('ai5.foundry')?.value).toEqual({ kind: 'entities', values: ['TSMC'] });
    expect(byId.get('ai6.volume_production')?.value).toBeNull();
    expect(byId.get('taylor.production_start')).toMatchObject({
      severity: 'high',
      value: { kind: 'year', value: 2026 },
    });
  });

  it('uses exactly the fact ids docs/contracts.md fixes, in their order', () => {
    const section = readFileSync(CONTRACTS, 'utf8')
      .split("shipped story's fact ids")[1]!
      .split('* **rules file**')[0]!;
    const ids = [...section.matchAll(/`([a-z0-9_.]+)`/g)].map((match) => match[1]);

    expect(ids).toHaveLength(25);
    expect(loadBaselineFile().facts.map((fact) => fact.id)).toEqual(ids);
  });

  it('names the file, the fact and the field of a bad value', () => {
    const sheet = JSON.parse(readFileSync(DEFAULT_BASELINE_FILE, 'utf8'));
    sheet.facts[2].value.kind = 'money';
    const path = writeTemp('baseline.json', JSON.stringify(sheet));

    const error = errorOf(() => loadBaselineFile(path));

    expect(error.message).toMatch(/^config: .*baseline\.json: fact 3 \("deal\.fab"\): field "value\./);
    expect(error.exitCode).toBe(2);
  });

  // From a user acceptance review: a new sheet missing three fields took three rounds, "(+3 more)" each time.
  it('names up to four problems on its one line, then how many more', () => {
    const fact = { id: 'x.y', topic: 'fab', label: 'l', claim: 'c', value: null, severity: 'high' };
    const three = writeTemp('baseline.json', JSON.stringify({ facts: [fact] }));
    const six = writeTemp('baseline.json', JSON.stringify({ facts: [fact, { ...fact, id: 'x.z' }, {}] }));

    const message = errorOf(() => loadBaselineFile(three)).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(
      /baseline\.json: field "story": .*; field "title": .*; fact 1 \("x\.y"\): field "kind": /,
    );
    expect(errorOf(() => loadBaselineFile(six)).message).toMatch(/\(\+\d+ more\)$/);
  });

  it('refuses duplicate fact ids', () => {
    const sheet = JSON.parse(readFileSync(DEFAULT_BASELINE_FILE, 'utf8'));
    sheet.facts[1].id = sheet.facts[0].id;
    const path = writeTemp('baseline.json', JSON.stringify(sheet));

    expect(errorOf(() => loadBaselineFile(path)).message).toMatch(
      /fact 2 \("deal\.value"\): field "id": duplicate fact id/,
    );
  });
});

describe('loadFeedsFile()', () => {
  it('ships default feeds with ids, topics and languages', () => {
    const feeds = loadFeedsFile();

    expect(feeds.length).toBeGreaterThanOrEqual(20);
    expect(feeds.every((feed) => feed.topics?.length && feed.language)).toBe(true);
    expect(feeds.map((feed) => feed.id)).toContain('sec-edgar-tesla-8k');
  });

  it.each([
    [
      'not an http URL',
      [{ id: 'a', url: 'ftp://example.org/feed' }],
      /entry 1 \("a"\): field "url": must be an http or https URL/,
    ],
    ['a missing url', [{ id: 'b' }], /entry 1 \("b"\): field "url": /],
    ['an unknown field', [{ id: 'c', url: 'https://x.org/', every: 5 }], /entry 1 \("c"\): .*every/],
    [
      'an interval too short',
      [{ id: 'd', url: 'https://x.org/', intervalMinutes: 1 }],
      /field "intervalMinutes"/,
    ],
    [
      'a duplicate id',
      [
        { id: 'e', url: 'https://x.org/1' },
        { id: 'e', url: 'https://x.org/2' },
      ],
      /entry 2 \("e"\): field "id": duplicate feed id "e"/,
    ],
    ['not an array', { id: 'f' }, /feeds\.json: .*array/],
    ['no feed at all', [], /feeds\.json: lists no feed: factwatch would retire every feed and poll nothing/],
    [
      'a language that is no language tag',
      [{ id: 'g', url: 'https://x.org/', language: 'klingon' }],
      /entry 1 \("g"\): field "language": must be a language tag such as "en", "zh" or "zh-TW"/,
    ],
  ])('reports %s on one line with file, entry and field', (_case, content, expected) => {
    const path = writeTemp('feeds.json', JSON.stringify(content));

    const error = errorOf(() => loadFeedsFile(path));

    expect(error.message).toMatch(expected);
    expect(error.message).toContain('feeds.json');
    expect(error.message).not.toContain('\n');
  });

  it('reads a file saved with a byte-order mark', () => {
    const path = writeTemp('feeds.json', `\uFEFF${JSON.stringify([{ id: 'a', url: 'https://x.org/' }])}`);

    expect(loadFeedsFile(path).map((feed) => feed.id)).toEqual(['a']);
  });

  it('reports bad JSON and a missing file as config errors', () => {
    expect(errorOf(() => loadFeedsFile(writeTemp('feeds.json', '[{"id": '))).message).toMatch(
      /feeds\.json: not valid JSON/,
    );
    expect(errorOf(() => loadFeedsFile('/nonexistent/feeds.json')).message).toMatch(
      /cannot read file \(no such file or folder, ENOENT\)/,
    );
  });
});

describe('checkFeedTopics()', () => {
  const sheet = loadBaselineFile();

  it("accepts the shipped feeds, whose topics are the shipped sheet's", () => {
    expect(checkFeedTopics(loadFeedsFile(), sheet, 'feeds.json')).toHaveLength(loadFeedsFile().length);
  });

  it('names the file, the entry, the topic, the known topics and the nearest one', () => {
    const feeds = [
      { id: 'a', url: 'https://x.org/', topics: ['deal'] },
      { id: 'b', url: 'https://y.org/', topics: ['chip'] },
    ];

    const error = errorOf(() => checkFeedTopics(feeds, sheet, 'my-feeds.json'));

    expect(error.message).toBe(
      'config: my-feeds.json: entry 2 ("b"): field "topics": "chip" is no topic of the fact sheet (chips, deal, fab, market, policy); did you mean "chips"?',
    );
  });
});

describe('compileRules()', () => {
  const shipped = () => JSON.parse(readFileSync(DEFAULT_RULES_FILE, 'utf8')) as RulesFile;

  it('refuses a place fact whose madeFor names no entity, saying which fact and which name', () => {
    const file = shipped();
    file.facts['deal.fab']!.value.madeFor = { chips: ['AI7'], customers: ['Tesla'] };

    const error = errorOf(() => compileRules(loadBaselineFile().facts, file));

    expect(error.message).toContain('deal.fab');
    expect(error.message).toContain('"AI7"');
  });

  it("reads a place for the chips madeFor names, and for no other rule's chip", () => {
    const file = shipped();
    const facts = loadBaselineFile().facts;
    const fabOf = (rules: RulesFile, title: string) =>
      extractFacts({ id: 'x', title }, compileRules(facts, rules)).find(
        (statement) => statement.factId === 'deal.fab',
      )?.observed;
    const title = 'Samsung will make Tesla AI5 chips at its Taylor, Texas fab';

    expect(fabOf(file, title)).toBeFalsy();
    file.facts['deal.fab']!.value.madeFor = { chips: ['AI5'], customers: [] };
    expect(fabOf(file, title)).toEqual({ kind: 'place', value: 'Taylor, Texas' });
  });

  it('refuses a site whose operator names no entity', () => {
    const file = shipped();
    file.entities.find((entity) => entity.id === 'Taylor')!.operator = 'Samsung Foundry Inc';

    expect(errorOf(() => compileRules(loadBaselineFile().facts, file)).message).toContain(
      'entity "Taylor": operator names no entity "Samsung Foundry Inc"',
    );
  });

  it("reads a site's operator as the maker when the sentence names only the site", () => {
    const file = shipped();
    const facts = loadBaselineFile().facts;
    const foundryOf = (rules: RulesFile) =>
      extractFacts(
        { id: 'x', title: "Tesla's AI6 chips will be manufactured at the Taylor, Texas facility" },
        compileRules(facts, rules),
      ).find((statement) => statement.factId === 'ai6.foundry')?.observed;

    expect(foundryOf(file)).toEqual({ kind: 'entities', values: ['Samsung'] });
    delete file.entities.find((entity) => entity.id === 'Taylor')!.operator;
    expect(foundryOf(file)).toBeFalsy();
  });
});
