import type { BaselineVersion } from '../model/baseline.ts';
import type { StoredFinding } from '../model/findings.ts';
import { findingIdOf } from '../model/findings.ts';
import type { ItemHead } from '../model/items.ts';
import { analyzeItem, type FactEngine } from './analyze.ts';

/**
 * The findings one stored item version makes, ready to store: diffed against the
 * current baselines and timed by when the version was first seen, so analysing the
 * same version again yields the very same records (idempotent).
 *
 * @example
 * const findings = findingsForItem(head, engine, await baselinesById(store));
 */
export function findingsForItem(
  item: ItemHead,
  engine: FactEngine,
  baselines: ReadonlyMap<string, BaselineVersion>,
): StoredFinding[] {
  const values = new Map([...baselines].map(([id, version]) => [id, version.value]));
  const analyzable = {
    id: item.key,
    title: item.title,
    summary: item.summary,
    content: item.content,
    // Relative dates ("next year", 明年) are read against the item's own date.
    published: item.published,
  };
  return analyzeItem(analyzable, engine, values).map((finding) => {
    const fact = baselines.get(finding.factId);
    return {
      ...finding,
      findingId: findingIdOf(finding.factId, item.key, item.version),
      topic: fact?.topic ?? finding.factId.split('.')[0]!,
      observedAt: item.seenAt,
      itemVersion: item.version,
      ...(item.link ? { link: item.link } : {}),
      ...(item.source ? { source: item.source } : {}),
      published: item.published,
      ...(fact ? { baselineVersion: fact.version } : {}),
      ...(item.backfill ? { backfill: true } : {}),
    };
  });
}
