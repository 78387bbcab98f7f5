import type { Finding, FindingStatus } from '../model/findings.ts';
import type { Value } from '../model/values.ts';
import { type AnalyzedFinding, analyzeItem, type FactEngine } from './analyze.ts';
import { valuesAgree } from './diff.ts';
import type { AnalyzableItem } from './extract/statement.ts';
import { renderValue } from './render-value.ts';

/** A labelled item: what the engine should find (mentioned findings are not labelled). */
export interface LabelledItem extends AnalyzableItem {
  /** `distractor`: names the story's companies or numbers but states none of its facts. */
  kind?: 'story' | 'distractor';
  expect: Array<{ factId: string; status: Exclude<FindingStatus, 'mentioned'>; observed?: Value }>;
}

/** Precision and recall of one group of findings. */
export interface GroupScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Miss {
  itemId: string;
  title: string;
  kind: 'missed' | 'spurious' | 'wrong value';
  finding: string;
  /** What the engine said instead, for a wrong value. */
  found?: string;
}

/**
 * How the engine did on a set, in the terms the owner cares about:
 * - `alerts`: changed|new findings, matched on fact and status (an alert fires or not);
 * - `valueRight`: of the alerts rightly raised, how many carry the labelled value;
 * - `confirmed`: confirmations, matched on fact and status;
 * - `falseHighAlerts`: changed|new findings on a high-severity fact that no label
 *   asks for — each one would be an SMS for nothing; `onNegatives` counts those on
 *   distractors and on items that state no fact at all.
 */
export interface Evaluation {
  items: number;
  alerts: GroupScore;
  valueRight: { right: number; of: number; share: number };
  confirmed: GroupScore;
  falseHighAlerts: { total: number; onNegatives: number };
  perFact: Record<string, { alerts: GroupScore; confirmed: GroupScore }>;
  misses: Miss[];
}

type Labelled = LabelledItem['expect'][number];
type Counts = { tp: number; fp: number; fn: number };

const isChange = (status: FindingStatus) => status === 'changed' || status === 'new';
const groupOf = (status: FindingStatus) => (isChange(status) ? 'alerts' : 'confirmed');
const describe = (finding: Labelled | Finding) =>
  `${finding.factId} ${finding.status}${finding.observed ? ` ${renderValue(finding.observed)}` : ''}`;

/** Same fact, same status, and (when labelled) an observed value within the kind's tolerance. */
export function findingMatches(found: Finding, expected: Labelled): boolean {
  return (
    found.factId === expected.factId && found.status === expected.status && valueMatches(found, expected)
  );
}

function valueMatches(found: Finding, expected: Labelled): boolean {
  if (!expected.observed) return true;
  return (
    found.observed !== null &&
    found.observed.kind === expected.observed.kind &&
    valuesAgree(found.observed, expected.observed)
  );
}

const sameGroup = (found: Finding, expected: Labelled) =>
  found.factId === expected.factId && groupOf(found.status) === groupOf(expected.status);

function score({ tp, fp, fn }: Counts): GroupScore {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/**
 * Scores the engine on a labelled set, with every miss named.
 *
 * @example
 * const result = evaluate(items, engine); // result.alerts.recall, result.valueRight.share …
 */
export function evaluate(
  items: LabelledItem[],
  engine: FactEngine,
  severityOf: (factId: string) => string = (factId) => engine.factsById.get(factId)?.severity ?? 'low',
): Evaluation {
  const counts = { alerts: { tp: 0, fp: 0, fn: 0 }, confirmed: { tp: 0, fp: 0, fn: 0 } };
  const perFact = new Map<string, { alerts: Counts; confirmed: Counts }>();
  const factCounts = (factId: string) => {
    let entry = perFact.get(factId);
    if (!entry) {
      entry = { alerts: { tp: 0, fp: 0, fn: 0 }, confirmed: { tp: 0, fp: 0, fn: 0 } };
      perFact.set(factId, entry);
    }
    return entry;
  };
  const value = { right: 0, of: 0 };
  const falseHigh = { total: 0, onNegatives: 0 };
  const misses: Miss[] = [];
  for (const item of items) {
    const found = analyzeItem(item, engine).filter((finding) => finding.status !== 'mentioned');
    const unmatched = [...item.expect];
    const negative = item.kind === 'distractor' || item.expect.length === 0;
    for (const finding of found) {
      const group = groupOf(finding.status);
      const at = unmatched.findIndex((expected) => sameGroup(finding, expected));
      if (at >= 0) {
        const expected = unmatched.splice(at, 1)[0]!;
        counts[group].tp++;
        factCounts(finding.factId)[group].tp++;
        if (group === 'alerts') {
          value.of++;
          if (findingMatches(finding, expected)) value.right++;
          else misses.push(wrongValue(item, expected, finding));
        }
        continue;
      }
      counts[group].fp++;
      factCounts(finding.factId)[group].fp++;
      misses.push({ itemId: item.id, title: item.title, kind: 'spurious', finding: describe(finding) });
      if (group === 'alerts' && severityOf(finding.factId) === 'high') {
        falseHigh.total++;
        if (negative) falseHigh.onNegatives++;
      }
    }
    for (const expected of unmatched) {
      counts[groupOf(expected.status)].fn++;
      factCounts(expected.factId)[groupOf(expected.status)].fn++;
      misses.push({ itemId: item.id, title: item.title, kind: 'missed', finding: describe(expected) });
    }
  }
  return {
    items: items.length,
    alerts: score(counts.alerts),
    valueRight: { ...value, share: value.of === 0 ? 1 : value.right / value.of },
    confirmed: score(counts.confirmed),
    falseHighAlerts: falseHigh,
    perFact: Object.fromEntries(
      [...perFact.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([factId, entry]) => [
          factId,
          { alerts: score(entry.alerts), confirmed: score(entry.confirmed) },
        ]),
    ),
    misses,
  };
}

function wrongValue(item: LabelledItem, expected: Labelled, found: AnalyzedFinding): Miss {
  return {
    itemId: item.id,
    title: item.title,
    kind: 'wrong value',
    finding: describe(expected),
    found: describe(found),
  };
}

/**
 * The 95 % Wilson score interval of a proportion: how far a precision or recall measured on a few dozen
 * items can be from the engine's true rate (0.83 of 98 changes is 0.74–0.89).
 *
 * @example
 * wilsonInterval(81, 98); // { low: 0.74, high: 0.89 } (rounded)
 */
export function wilsonInterval(successes: number, total: number, z = 1.96): { low: number; high: number } {
  if (total === 0) return { low: 0, high: 1 };
  const rate = successes / total;
  const spread = z * Math.sqrt((rate * (1 - rate)) / total + (z * z) / (4 * total * total));
  const centre = rate + (z * z) / (2 * total);
  const scale = 1 + (z * z) / total;
  return { low: Math.max(0, (centre - spread) / scale), high: Math.min(1, (centre + spread) / scale) };
}
