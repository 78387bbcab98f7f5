import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledItem } from '../../shared/facts/evaluate.ts';

const FACTS_DIR = join(import.meta.dirname, '..', 'fixtures', 'facts');

/** A news item of the labelled corpus (tests/fixtures/facts/news/LABELLING.md). */
export interface NewsItem extends LabelledItem {
  url: string;
  published: string;
  language: 'en' | 'zh';
  kind: 'story' | 'distractor';
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/**
 * The real-news corpus split by publication date (split.json): `tune` may have rules
 * written for it, `test` may not.
 *
 * @example
 * const { tune, test } = newsCorpus();
 */
export function newsCorpus(): { tune: NewsItem[]; test: NewsItem[]; testFrom: string } {
  const items = readJsonl<NewsItem>(join(FACTS_DIR, 'news', 'items.jsonl'));
  const { testFrom } = JSON.parse(readFileSync(join(FACTS_DIR, 'news', 'split.json'), 'utf8')) as {
    testFrom: string;
  };
  return {
    tune: items.filter((item) => item.published < testFrom),
    test: items.filter((item) => item.published >= testFrom),
    testFrom,
  };
}

/** A set of invented items (the development set and its two early checks), all tuning data now. */
export function syntheticSet(name: 'dev-set' | 'holdout-set' | 'blind-set'): LabelledItem[] {
  return readJsonl<LabelledItem>(join(FACTS_DIR, `${name}.jsonl`));
}
