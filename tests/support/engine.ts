import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { analyzeItem, createFactEngine, type FactEngine } from '../../shared/facts/analyze.ts';
import type { LabelledItem } from '../../shared/facts/evaluate.ts';
import { loadRulesFile } from '../../shared/facts/rules.ts';

let engine: FactEngine | undefined;

/** The shipped story's engine, compiled once per test file. */
export function storyEngine(): FactEngine {
  engine ??= createFactEngine(loadBaselineFile().facts, loadRulesFile());
  return engine;
}

/** Findings for a headline (and optional summary), as `fact status` strings, mentioned ones left out. */
export function findingsFor(title: string, summary?: string): string[] {
  return analyzeItem({ id: 't', title, summary }, storyEngine())
    .filter((finding) => finding.status !== 'mentioned')
    .map((finding) => `${finding.factId} ${finding.status}`);
}

/** A labelled set from tests/fixtures/facts. */
export function labelledSet(name: string): LabelledItem[] {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'facts', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledItem);
}
