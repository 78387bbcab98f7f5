import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeItem } from '../../shared/facts/analyze.ts';
import { renderValue } from '../../shared/facts/render-value.ts';
import { storyEngine } from '../support/engine.ts';

/**
 * The robustness corpus (tests/fixtures/facts/phrasings.json): every attribute class,
 * and every class of failure seen on unseen news — wording, numbers and dates,
 * reference, entities, scope — in many phrasings, English and Chinese. Each case
 * lists the findings the engine must give, `mentioned` ones aside.
 */
type Case = { title: string; summary?: string; published?: string; expect: string[] };
const corpus = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'facts', 'phrasings.json'), 'utf8'),
) as Record<string, Case[] | string>;

const findings = (entry: Case) =>
  analyzeItem(
    { id: 'p', title: entry.title, summary: entry.summary, published: entry.published ?? '2025-09-01' },
    storyEngine(),
  )
    .filter((finding) => finding.status !== 'mentioned')
    .map((finding) => `${finding.factId} ${finding.status} ${renderValue(finding.observed)}`)
    .sort();

for (const [group, cases] of Object.entries(corpus)) {
  if (!Array.isArray(cases)) continue;
  describe(`phrasings: ${group}`, () => {
    it.each(
      cases.map((entry) => [`${entry.title}${entry.summary ? ` / ${entry.summary}` : ''}`, entry] as const),
    )('%s', (_text, entry) => {
      expect(findings(entry)).toEqual([...entry.expect].sort());
    });
  });
}
