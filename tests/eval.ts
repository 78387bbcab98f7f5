import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_BASELINE_FILE, loadBaselineFile, withoutBom } from '../shared/config/load.ts';
import { fileProblem } from '../shared/errors.ts';
import { createFactEngine } from '../shared/facts/analyze.ts';
import {
  type Evaluation,
  evaluate,
  type GroupScore,
  type LabelledItem,
  wilsonInterval,
} from '../shared/facts/evaluate.ts';
import { loadRulesFile, rulesPathFor } from '../shared/facts/rules.ts';
import { newsCorpus, syntheticSet } from './support/corpus.ts';

/**
 * `npm run eval`: how the fact engine does on the labelled sets, per set and per fact,
 * with every miss. The news corpus is split by date (tests/fixtures/facts/news): rules
 * are written for `tune` only; `test` is the measure. `--set NAME` prints one set,
 * `--no-misses` leaves the misses out.
 *
 * Another story's labelled items: `--items FILE` (JSONL, one item a line with its `expect`,
 * as tests/fixtures/facts/news/LABELLING.md describes), read with `--baseline FILE` and the
 * rules.json beside it (or `--rules FILE`); `--test-from DATE` splits them into `tune` and
 * `test` by publication, else they are one set, `items`.
 */
const USAGE =
  'usage: npm run eval -- [--set NAME]… [--no-misses] [--items FILE.jsonl [--test-from YYYY-MM-DD]] [--baseline FILE] [--rules FILE]';

function options() {
  try {
    return parseArgs({
      options: {
        set: { type: 'string', multiple: true },
        'no-misses': { type: 'boolean' },
        items: { type: 'string' },
        'test-from': { type: 'string' },
        baseline: { type: 'string' },
        rules: { type: 'string' },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '')} (${USAGE})`);
  }
}

/** One line, exit 2: a script's bad input is no stack trace. */
function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(2);
}

/** A labelled JSONL file, each line checked for the fields evaluate reads. */
function labelledItems(path: string): LabelledItem[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`${path}: cannot read file (${fileProblem(error)})`);
  }
  return withoutBom(text)
    .split('\n')
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      let item: LabelledItem | null;
      try {
        item = JSON.parse(line) as LabelledItem | null;
      } catch {
        return fail(`${path}:${index + 1}: not valid JSON`);
      }
      if (
        typeof item !== 'object' ||
        item === null ||
        typeof item.id !== 'string' ||
        typeof item.title !== 'string' ||
        !Array.isArray(item.expect)
      )
        return fail(
          `${path}:${index + 1}: an item is an object with "id", "title" and "expect" (a list, empty for none)`,
        );
      // The split compares days as text: a published that is no YYYY-MM-DD… would land on the wrong side.
      if (values['test-from'] !== undefined && !isDay(item.published?.slice(0, 10)))
        return fail(
          `${path}:${index + 1}: "published" must begin with a day (YYYY-MM-DD) to be split by --test-from`,
        );
      return [item];
    });
}

function labelledSets(): Record<string, { about: string; items: LabelledItem[] }> {
  if (values.items) {
    const items = labelledItems(values.items);
    const from = values['test-from'];
    if (from === undefined) return { items: { about: `labelled items of ${values.items}`, items } };
    if (!isDay(from)) fail(`--test-from: "${from}" is not a date (YYYY-MM-DD)`);
    const published = (item: LabelledItem) => item.published ?? '';
    return {
      tune: { about: `published before ${from}`, items: items.filter((item) => published(item) < from) },
      test: { about: `published from ${from} on`, items: items.filter((item) => published(item) >= from) },
    };
  }
  const { tune, test, testFrom } = newsCorpus();
  return {
    tune: { about: `real news published before ${testFrom} (rules may be written for it)`, items: tune },
    test: { about: `real news published from ${testFrom} on (no rule is written for it)`, items: test },
    dev: { about: 'invented development items (tuning data)', items: syntheticSet('dev-set') },
    holdout: {
      about: 'invented early hold-out items (tuning data since)',
      items: syntheticSet('holdout-set'),
    },
    blind: { about: 'invented early blind items', items: syntheticSet('blind-set') },
  };
}

/** A calendar day written YYYY-MM-DD (2025-13-45 is none). */
function isDay(text: string | undefined): boolean {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

const values = options();
if ((values.baseline !== undefined || values.rules !== undefined) && values.items === undefined)
  fail('--baseline and --rules measure another story: give its labelled items with --items FILE');
if (values['test-from'] !== undefined && values.items === undefined) fail('--test-from splits --items FILE');
let engine: ReturnType<typeof createFactEngine>;
try {
  const baselinePath = values.baseline ?? DEFAULT_BASELINE_FILE;
  engine = createFactEngine(
    loadBaselineFile(baselinePath).facts,
    loadRulesFile(rulesPathFor(baselinePath, values.rules)),
  );
} catch (error) {
  fail((error as Error).message);
}
const SETS = labelledSets();

const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);
const line = (label: string, score: GroupScore) =>
  `${label.padEnd(14)} P ${pct(score.precision)}  R ${pct(score.recall)}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`;
/** A set's precision and recall with their 95 % intervals: a few dozen changes measure an engine only roughly. */
const interval = (successes: number, total: number) => {
  const { low, high } = wilsonInterval(successes, total);
  return `${(low * 100).toFixed(0)}–${(high * 100).toFixed(0)}%`;
};
const withIntervals = (label: string, score: GroupScore) =>
  `${line(label, score)}  95 % interval P ${interval(score.truePositives, score.truePositives + score.falsePositives)}, R ${interval(score.truePositives, score.truePositives + score.falseNegatives)}`;

type Report = Evaluation & { byLanguage?: Record<string, Evaluation> };

function report(name: string, about: string, result: Report): void {
  console.log(`\n== ${name}: ${result.items} items — ${about}`);
  console.log(`  ${withIntervals('alerts', result.alerts)}`);
  console.log(
    `  ${'value right'.padEnd(14)} ${pct(result.valueRight.share)}  (${result.valueRight.right} of ${result.valueRight.of})`,
  );
  console.log(`  ${withIntervals('confirmed', result.confirmed)}`);
  console.log(
    `  ${'false SMS'.padEnd(14)} ${result.falseHighAlerts.total} changed|new on a high-severity fact no label asks for (${result.falseHighAlerts.onNegatives} on distractors or negatives)`,
  );
  for (const [language, part] of Object.entries(result.byLanguage ?? {}))
    console.log(
      `  ${`${language} only`.padEnd(14)} alerts ${line('', part.alerts).trim()}  | confirmed ${line('', part.confirmed).trim()}`,
    );
  console.log('  per fact:');
  for (const [factId, score] of Object.entries(result.perFact))
    console.log(
      `    ${factId.padEnd(30)} alerts ${line('', score.alerts).trim()}  | confirmed ${line('', score.confirmed).trim()}`,
    );
  if (values['no-misses']) return;
  for (const miss of result.misses)
    console.log(
      `  ${miss.kind.padEnd(11)} ${miss.itemId.padEnd(10)} ${miss.finding}${miss.found ? ` (found ${miss.found})` : ''}   <- ${miss.title.slice(0, 110)}`,
    );
}

for (const name of values.set ?? Object.keys(SETS)) {
  const set = SETS[name];
  if (!set) fail(`--set: no set "${name}"; the sets are ${Object.keys(SETS).join(', ')}`);
  // The real news, English and Chinese apart: a third of it is Chinese, and the two read differently.
  const languages = [...new Set(set.items.map((item) => (item as { language?: string }).language))];
  const byLanguage = languages.every(Boolean)
    ? Object.fromEntries(
        languages.map((language) => [
          language!,
          evaluate(
            set.items.filter((item) => (item as { language?: string }).language === language),
            engine,
          ),
        ]),
      )
    : undefined;
  report(name, set.about, { ...evaluate(set.items, engine), byLanguage });
}
