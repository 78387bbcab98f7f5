import { describe, expect, it } from 'vitest';
import { analyzeItem } from '../../shared/facts/analyze.ts';
import { evaluate, findingMatches } from '../../shared/facts/evaluate.ts';
import { labelledSet, storyEngine } from '../support/engine.ts';

const dev = labelledSet('dev-set.jsonl');
const holdout = labelledSet('holdout-set.jsonl');
const blind = labelledSet('blind-set.jsonl');

describe('the labelled development set', () => {
  it('has at least 80 items in English and Chinese, with distractors', () => {
    expect(dev.length).toBeGreaterThanOrEqual(80);
    expect(dev.filter((item) => /[\u3400-\u9fff]/.test(item.title)).length).toBeGreaterThanOrEqual(15);
    expect(dev.filter((item) => item.expect.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it.each([...dev, ...holdout].map((item) => [item.id, item] as const))(
    '%s gives exactly its labelled findings',
    (_id, item) => {
      const found = analyzeItem(item, storyEngine())
        .filter((finding) => finding.status !== 'mentioned')
        .map((finding) => ({
          finding,
          label: item.expect.find((expected) => findingMatches(finding, expected)),
        }));

      expect(
        found.filter(({ label }) => !label).map(({ finding }) => `${finding.factId} ${finding.status}`),
      ).toEqual([]);
      expect(found).toHaveLength(item.expect.length);
    },
  );

  it('gives every finding the docs/contracts.md fields, with the fact severity and the evidence sentence', () => {
    const [finding] = analyzeItem(dev[0]!, storyEngine());

    expect(Object.keys(finding!)).toEqual(
      expect.arrayContaining(['itemId', 'factId', 'status', 'observed', 'baseline', 'evidence', 'severity']),
    );
    expect(finding).toMatchObject({
      itemId: 'dev-001',
      factId: 'deal.value',
      severity: 'high',
      evidence: dev[0]!.title,
    });
  });
});

describe('the blind set (never tuned on)', () => {
  it('meets the aims: precision ≥ 0.9 and recall ≥ 0.85 for changed|new and for confirmed', () => {
    const result = evaluate(blind, storyEngine());

    expect(result.changes.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.changes.recall).toBeGreaterThanOrEqual(0.85);
    expect(result.confirmed.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.confirmed.recall).toBeGreaterThanOrEqual(0.85);
  });
});
