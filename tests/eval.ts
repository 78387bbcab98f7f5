import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaselineFile } from '../shared/config/load.ts';
import { createFactEngine } from '../shared/facts/analyze.ts';
import { evaluate, type LabelledItem } from '../shared/facts/evaluate.ts';
import { loadRulesFile } from '../shared/facts/rules.ts';

/**
 * `npm run eval`: precision and recall of the fact engine on the labelled sets in
 * tests/fixtures/facts (the development set the rules were written against, and a
 * held-out set written before the engine was run on it), with every miss listed.
 */
const SETS = ['dev-set.jsonl', 'holdout-set.jsonl', 'blind-set.jsonl'];
const engine = createFactEngine(loadBaselineFile().facts, loadRulesFile());
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

for (const name of SETS) {
  const path = join(import.meta.dirname, 'fixtures', 'facts', name);
  const items = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledItem);
  const result = evaluate(items, engine);
  console.log(`\n${name}: ${result.items} items`);
  for (const group of ['changes', 'confirmed'] as const) {
    const score = result[group];
    const label = group === 'changes' ? 'changed|new' : 'confirmed';
    console.log(
      `  ${label.padEnd(12)} precision ${percent(score.precision)}  recall ${percent(score.recall)}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`,
    );
  }
  for (const miss of result.misses)
    console.log(`  ${miss.kind.padEnd(8)} ${miss.itemId}  ${miss.finding}   <- ${miss.title}`);
}
