import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaselineFile } from '../shared/config/load.ts';
import { analyzeItem, createFactEngine } from '../shared/facts/analyze.ts';
import type { AnalyzableItem } from '../shared/facts/extract.ts';
import { loadRulesFile } from '../shared/facts/rules.ts';

const FILLER =
  'Analysts in Seoul and Taipei said the agreement reflects a wider push by carmakers to secure advanced chips, while investors weighed the outlook for memory prices and smartphone demand in the second half. ';

/**
 * Items of about 600 characters, built from the labelled development set (so the
 * rules really fire) padded with ordinary news prose.
 */
function benchItems(): AnalyzableItem[] {
  const path = join(import.meta.dirname, '..', 'tests', 'fixtures', 'facts', 'dev-set.jsonl');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AnalyzableItem)
    .map((item) => {
      const summary = `${item.summary ?? ''} ${FILLER}`;
      return {
        ...item,
        summary: summary.padEnd(600 - item.title.length, FILLER).slice(0, 600 - item.title.length),
      };
    });
}

/** analyze.itemsPerSecond: the fact engine alone, on one core, after a warm-up. */
export function benchAnalyze(seconds = 3) {
  const engine = createFactEngine(loadBaselineFile().facts, loadRulesFile());
  const items = benchItems();
  for (let round = 0; round < 20; round++) for (const item of items) analyzeItem(item, engine);
  let analyzed = 0;
  let findings = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const item of items) findings += analyzeItem(item, engine).length;
    analyzed += items.length;
  }
  const elapsed = (performance.now() - started) / 1000;
  const averageChars = Math.round(
    items.reduce((sum, item) => sum + item.title.length + (item.summary?.length ?? 0), 0) / items.length,
  );
  return {
    itemsPerSecond: Math.round(analyzed / elapsed),
    items: analyzed,
    averageChars,
    findingsPerItem: Number((findings / analyzed).toFixed(2)),
  };
}
