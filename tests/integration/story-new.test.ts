import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../apps/local/paths.ts';
import { cli, cliWith } from '../support/cli.ts';

/**
 * A second story, the README's guide followed: tests/fixtures/stories/intel-ohio holds a
 * fact sheet, rules and feeds of its own (two entities, two facts) and labelled items. No
 * engine code names it: what it reads comes from its rules.json and the shared classes.
 */
const STORY = join(PROJECT_ROOT, 'tests', 'fixtures', 'stories', 'intel-ohio');
const ITEMS = join(STORY, 'items.jsonl');
const SHEET = join(STORY, 'baseline.json');

/** `npm run eval -- …` as a user types it (through npm, so the script's wiring is tested too). */
function evalScript(...args: string[]) {
  return spawnSync('npm', ['run', '-s', 'eval', '--', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}

describe('a new story, from its own files', () => {
  it('analyze reads it with the rules.json beside its sheet', async () => {
    const { code, stdout } = await cli('analyze', ITEMS, '--baseline', SHEET);

    const findings = stdout.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(code).toBe(0);
    expect(findings).toContainEqual(
      expect.objectContaining({
        itemId: 'o1',
        factId: 'ohio.production_start',
        status: 'changed',
        observed: { kind: 'year', value: 2031 },
        baseline: { kind: 'year', value: 2030 },
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ itemId: 'o5', factId: 'ohio.production_start', status: 'changed' }),
    );
    expect(findings.filter((finding) => finding.itemId === 'o4')).toEqual([]);
  });

  // From a user acceptance review: the guide said eval measured a new story; it read only the shipped one.
  it('npm run eval measures its labelled items, split by --test-from', () => {
    const whole = evalScript('--items', ITEMS, '--baseline', SHEET, '--no-misses');
    const split = evalScript(
      '--items',
      ITEMS,
      '--baseline',
      SHEET,
      '--test-from',
      '2025-04-01',
      '--no-misses',
    );

    expect(whole.status).toBe(0);
    expect(whole.stdout).toMatch(/== items: 5 items/);
    expect(whole.stdout).toMatch(/alerts +P 100\.0% +R 100\.0% +\(tp 3, fp 0, fn 0\)/);
    expect(whole.stdout).toMatch(/ohio\.production_start +alerts/);
    expect(split.stdout).toMatch(/== tune: 2 items — published before 2025-04-01/);
    expect(split.stdout).toMatch(/== test: 3 items — published from 2025-04-01 on/);
  });

  it('npm run eval says what is wrong with its input in one line, exit 2', () => {
    const unknown = evalScript('--bogus');
    const missing = evalScript('--items', join(STORY, 'nope.jsonl'));
    const badDay = evalScript('--items', ITEMS, '--test-from', '2025-13-45');
    const nullLine = join(mkdtempSync(join(tmpdir(), 'factwatch-eval-')), 'null.jsonl');
    writeFileSync(nullLine, 'null\n');
    const notAnItem = evalScript('--items', nullLine, '--baseline', SHEET);
    const sheetAlone = evalScript('--baseline', SHEET);

    for (const run of [unknown, missing, badDay, notAnItem, sheetAlone]) {
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(unknown.stderr).toMatch(/^eval: Unknown option '--bogus' \(usage: npm run eval -- /);
    expect(missing.stderr).toMatch(
      /^eval: .*nope\.jsonl: cannot read file \(no such file or folder, ENOENT\)/,
    );
    expect(badDay.stderr).toMatch(/^eval: --test-from: "2025-13-45" is not a date \(YYYY-MM-DD\)/);
    expect(notAnItem.stderr).toMatch(/null\.jsonl:1: an item is an object with "id", "title" and "expect"/);
    expect(sheetAlone.stderr).toMatch(/^eval: --baseline and --rules measure another story/);
  });

  // It could only be analyzed: run, history, accept and report refused its facts ("its rules know 25").
  it('is tracked end to end: run --replay alerts its change, history and report select its facts, accept adopts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-story-run-'));
    const feed = join(dir, 'ohio.xml');
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Ohio news</title><link>https://example.org/</link><description>x</description><item><guid>o1</guid><title>Intel delays Ohio fab production to 2031</title><link>https://example.org/o1</link><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`,
    );
    // Its own DynamoDB Local, not the tests' shared one.
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    const story = ['--baseline', SHEET, '--data-dir', join(dir, 'store')];
    const inStory = (...args: string[]) => cliWith({ cwd: dir, env }, ...args, ...story);

    const run = await inStory('run', '--replay', feed);
    const history = await inStory('history', '--fact', 'ohio', '--topic', 'fab', '--format', 'json');
    const report = await inStory(
      'report',
      '--fact',
      'ohio.production_start',
      '--out',
      join(dir, 'page.html'),
    );
    const findingId = (JSON.parse(history.stdout) as Array<{ findingId: string; status: string }>).find(
      (finding) => finding.status === 'changed',
    )?.findingId;
    const accept = await inStory('accept', 'ohio.production_start', '--finding', String(findingId));
    const typo = await inStory(
      'accept',
      'ohio.investmnt',
      '--value',
      '{"kind":"money","amount":3e10,"currency":"USD"}',
    );
    await inStory('stop');

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Subject: [factwatch] Ohio fab production start changed: 2030 -> 2031');
    expect(history.code).toBe(0);
    expect(JSON.parse(history.stdout)).toContainEqual(
      expect.objectContaining({ factId: 'ohio.production_start', status: 'changed' }),
    );
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toContain('Intel&#39;s Ohio fab');
    expect(accept).toMatchObject({ code: 0, stdout: expect.stringContaining('2030 (v1) -> 2031 (v2)') });
    expect(typo.code).toBe(2);
    expect(typo.stderr.trim()).toBe(
      'factwatch: usage: accept: no fact "ohio.investmnt" (did you mean "ohio.investment"?) (factwatch facts lists them)',
    );
  }, 180_000);
});
