import { loadBaselineFile } from '../../shared/config/load.ts';
import { createFactEngine, type FactEngine } from '../../shared/facts/analyze.ts';
import { loadRulesFile } from '../../shared/facts/rules.ts';

let engine: FactEngine | undefined;

/** The shipped story's engine, compiled once per test file. */
export function storyEngine(): FactEngine {
  engine ??= createFactEngine(loadBaselineFile().facts, loadRulesFile());
  return engine;
}
