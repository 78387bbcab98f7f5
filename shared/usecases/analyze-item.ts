import type { FactEngine } from '../facts/analyze.ts';
import { findingsForItem } from '../facts/findings.ts';
import type { BaselineVersion } from '../model/baseline.ts';
import type { ItemHead } from '../model/items.ts';
import type { Store } from '../store/client.ts';
import { saveFinding } from '../store/findings.ts';

/** What analysing one item version did: findings made, and how many were new to the store. */
export interface AnalyzeOutcome {
  findings: number;
  stored: number;
}

/**
 * Analyze an item (the use case): the fact engine reads the item version, its
 * findings are diffed against the current baselines, and each is stored once — a
 * finding is keyed by item version, so a redelivered record stores nothing new.
 *
 * @example
 * const baselines = await currentBaselinesById(store);
 * await analyzeItemVersion(store, engine, baselines, head); // { findings: 2, stored: 2 }, then { 2, 0 }
 */
export async function analyzeItemVersion(
  store: Store,
  engine: FactEngine,
  baselines: ReadonlyMap<string, BaselineVersion>,
  item: ItemHead,
): Promise<AnalyzeOutcome> {
  const findings = findingsForItem(item, engine, baselines);
  const stored = await Promise.all(findings.map((finding) => saveFinding(store, finding)));
  return { findings: findings.length, stored: stored.filter(Boolean).length };
}
