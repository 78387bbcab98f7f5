import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBaselineFile } from '../shared/config/load.ts';
import { analyzeItem, createFactEngine } from '../shared/facts/analyze.ts';
import type { AnalyzableItem } from '../shared/facts/extract/statement.ts';
import { loadRulesFile } from '../shared/facts/rules.ts';

const ROOT = join(import.meta.dirname, '..');
const FILLER =
  'Analysts in Seoul and Taipei said the agreement reflects a wider push by carmakers to secure advanced chips, while investors weighed the outlook for memory prices and smartphone demand in the second half. ';

const readJsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AnalyzableItem);

/** An item cut or padded with ordinary news prose to 600 characters of title and summary. */
function toSixHundred(item: AnalyzableItem): AnalyzableItem {
  const room = Math.max(0, 600 - item.title.length);
  const summary = `${item.summary ?? ''} ${FILLER}`.padEnd(room, FILLER).slice(0, room);
  return { id: item.id, title: item.title, summary, published: item.published };
}

/**
 * Two kinds of 600-character items:
 * - `story`: every item about the story (the development set), the worst case;
 * - `feed`: the real-news corpus as published (story items and look-alike
 *   distractors), closer to what a poll brings.
 */
function benchItems(kind: 'story' | 'feed'): AnalyzableItem[] {
  const path =
    kind === 'story'
      ? join(ROOT, 'tests', 'fixtures', 'facts', 'dev-set.jsonl')
      : join(ROOT, 'tests', 'fixtures', 'facts', 'news', 'items.jsonl');
  return readJsonl(path).map(toSixHundred);
}

/** analyze.inProcess.<kind>: the fact engine alone, on one core, after a warm-up. */
function inProcess(kind: 'story' | 'feed', seconds: number) {
  const engine = createFactEngine(loadBaselineFile().facts, loadRulesFile());
  const items = benchItems(kind);
  for (let round = 0; round < 20; round++) for (const item of items) analyzeItem(item, engine);
  let analyzed = 0;
  let findings = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const item of items) findings += analyzeItem(item, engine).length;
    analyzed += items.length;
  }
  const elapsed = (performance.now() - started) / 1000;
  return {
    itemsPerSecond: Math.round(analyzed / elapsed),
    findingsPerItem: Number((findings / analyzed).toFixed(2)),
  };
}

/**
 * analyze.cli.<kind>: `factwatch analyze FILE` through the package's declared bin,
 * on `count` items: process start, reading and validating the JSONL, the engine,
 * and writing every finding — what a user waits for.
 */
function throughCli(kind: 'story' | 'feed', count: number) {
  const items = benchItems(kind);
  const dir = mkdtempSync(join(tmpdir(), 'factwatch-bench-analyze-'));
  try {
    const file = join(dir, 'items.jsonl');
    const lines = Array.from({ length: count }, (_, index) =>
      JSON.stringify({ ...items[index % items.length]!, id: `i${index}` }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const bin = join(ROOT, 'bin', 'factwatch.mjs');
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, 'analyze', file], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`factwatch analyze failed: ${run.stderr}`);
    return {
      items: count,
      seconds: Number(seconds.toFixed(2)),
      itemsPerSecond: Math.round(count / seconds),
      findingLines: run.stdout.split('\n').filter(Boolean).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * analyze.hostile: one item whose content is a single 20,000-character run-on sentence
 * (the feed stage's content limit) dense with entities and values — the worst a feed can
 * send. Reading a sentence costs more than its length, so this is where a slow engine
 * would stall a batch; the engine reads it in pieces of at most 800 characters.
 */
function hostile() {
  const engine = createFactEngine(loadBaselineFile().facts, loadRulesFile());
  const content = Array.from(
    { length: 400 },
    (_, index) => `Samsung Tesla AI6 deal worth $${16 + index}.5 billion until ${2030 + (index % 9)}`,
  )
    .join(' ')
    .slice(0, 20_000);
  const started = performance.now();
  const findings = analyzeItem({ id: 'hostile', title: 'A list', content }, engine).length;
  return { chars: content.length, ms: Math.round(performance.now() - started), findings };
}

/**
 * analyze.hostileSpaces: a sentence of a hostile-content review — a run of 600 narrow no-break spaces before
 * "reports differ", which took 90 s when that white space reached a pattern of adjacent \s* unfolded.
 */
function hostileSpaces() {
  const engine = createFactEngine(loadBaselineFile().facts, loadRulesFile());
  const summary = `Samsung's Taylor fab will start production in 2028, ${'\u202F'.repeat(600)}x reports differ.`;
  const started = performance.now();
  const findings = analyzeItem({ id: 'spaces', title: 'Samsung Taylor fab update', summary }, engine).length;
  return { chars: summary.length, ms: Math.round(performance.now() - started), findings };
}

/**
 * analyze.hostilePatterns: the inputs of the 2026-12-02 hostile-content review that made a pattern backtrack
 * exponentially — a title of ", , , …" in a gapped passive list, one of "of The The The …", a content of plan goals
 * "of 1GW 1GW …" — each at the field's limit; the slowest of the three (each was seconds at a fifth of this length).
 */
function hostilePatterns() {
  const engine = createFactEngine(loadBaselineFile().facts, loadRulesFile());
  const goal = (index: number) =>
    `Stargate will invest $${500 + index} billion, a goal of ${'1GW '.repeat(20)}x $${600 + index} billion. `;
  const items = [
    { id: 'gap', title: `AI5 will be built by TSMC, and AI6 by ${', '.repeat(110)}x Samsung.` },
    { id: 'object', title: `AI6 volume production of ${'The '.repeat(110)}x AI5 is due in 2027.` },
    {
      id: 'goals',
      title: 'Stargate investment update',
      content: Array.from({ length: 140 }, (_, index) => goal(index))
        .join('')
        .slice(0, 20_000),
    },
  ];
  const times = items.map((item) => {
    const started = performance.now();
    analyzeItem(item, engine);
    return performance.now() - started;
  });
  return { items: items.length, slowestMs: Math.round(Math.max(...times)) };
}

/** analyze.*: items a second in process and through the CLI, on story-dense and feed-like items. */
export function benchAnalyze(seconds = 3, count = 20_000) {
  return {
    averageChars: 600,
    inProcess: { story: inProcess('story', seconds), feed: inProcess('feed', seconds) },
    cli: { story: throughCli('story', count), feed: throughCli('feed', count) },
    hostile: hostile(),
    hostileSpaces: hostileSpaces(),
    hostilePatterns: hostilePatterns(),
  };
}

// `npx tsx bench/analyze.ts`: this benchmark alone.
if (process.argv[1]?.endsWith(join('bench', 'analyze.ts')))
  console.log(JSON.stringify(benchAnalyze(), null, 2));
