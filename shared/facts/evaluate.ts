import type { Value } from '../config/schemas.ts';
import type { Finding, FindingStatus } from '../store/findings.ts';
import { analyzeItem, type FactEngine } from './analyze.ts';
import { valuesAgree } from './diff.ts';
import type { AnalyzableItem } from './extract.ts';
import { renderValue } from './render-value.ts';

/** A labelled item: what the engine should find (mentioned findings are not labelled). */
export interface LabelledItem extends AnalyzableItem {
  expect: Array<{ factId: string; status: Exclude<FindingStatus, 'mentioned'>; observed?: Value }>;
}

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
  kind: 'missed' | 'spurious';
  finding: string;
}

export interface Evaluation {
  items: number;
  changes: GroupScore;
  confirmed: GroupScore;
  misses: Miss[];
}

type Labelled = LabelledItem['expect'][number];

const groupOf = (status: FindingStatus) => (status === 'confirmed' ? 'confirmed' : 'changes');
const describe = (finding: Labelled | Finding) =>
  `${finding.factId} ${finding.status}${finding.observed ? ` ${renderValue(finding.observed)}` : ''}`;

/** Same fact, same status, and (when labelled) an observed value within the kind's tolerance. */
export function findingMatches(found: Finding, expected: Labelled): boolean {
  if (found.factId !== expected.factId || found.status !== expected.status) return false;
  if (!expected.observed) return true;
  return (
    found.observed !== null &&
    found.observed.kind === expected.observed.kind &&
    valuesAgree(found.observed, expected.observed)
  );
}

/**
 * Precision and recall of the engine on a labelled set, for changed|new and for
 * confirmed, with every miss named.
 *
 * @example
 * const result = evaluate(items, engine); // result.changes.precision …
 */
export function evaluate(items: LabelledItem[], engine: FactEngine): Evaluation {
  const counts = { changes: { tp: 0, fp: 0, fn: 0 }, confirmed: { tp: 0, fp: 0, fn: 0 } };
  const misses: Miss[] = [];
  for (const item of items) {
    const found = analyzeItem(item, engine).filter((finding) => finding.status !== 'mentioned');
    const unmatched = [...item.expect];
    for (const finding of found) {
      const at = unmatched.findIndex((expected) => findingMatches(finding, expected));
      const group = counts[groupOf(finding.status)];
      if (at >= 0) {
        group.tp++;
        unmatched.splice(at, 1);
      } else {
        group.fp++;
        misses.push({ itemId: item.id, title: item.title, kind: 'spurious', finding: describe(finding) });
      }
    }
    for (const expected of unmatched) {
      counts[groupOf(expected.status)].fn++;
      misses.push({ itemId: item.id, title: item.title, kind: 'missed', finding: describe(expected) });
    }
  }
  const score = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): GroupScore => ({
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  });
  return { items: items.length, changes: score(counts.changes), confirmed: score(counts.confirmed), misses };
}
