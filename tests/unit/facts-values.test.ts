import { describe, expect, it } from 'vitest';
import type { Value } from '../../shared/config/schemas.ts';
import { compileDictionary, compileTerms } from '../../shared/facts/terms.ts';
import {
  countExtractor,
  entitiesExtractor,
  extractMoney,
  extractNode,
  extractPercent,
  extractRatio,
  extractYear,
  quantityExtractor,
} from '../../shared/facts/values.ts';

const first = (candidates: Array<{ value: Value }>) => candidates[0]?.value;

describe('extractMoney()', () => {
  it.each<[string, number, string]>([
    ['a $16.5 billion deal', 16.5e9, 'USD'],
    ['worth US$16.5bn', 16.5e9, 'USD'],
    ['the 16.5B contract', 16.5e9, 'USD'],
    ['价值165亿美元的协议', 16.5e9, 'USD'],
    ['22.8万亿韩元', 22.8e12, 'KRW'],
    ['₩22.8 trillion', 22.8e12, 'KRW'],
    ['22.8 trillion won', 22.8e12, 'KRW'],
    ['up to $4.745 billion', 4.745e9, 'USD'],
    ['5000亿美元', 500e9, 'USD'],
    ['€1.2 billion', 1.2e9, 'EUR'],
    ['NT$100 billion', 100e9, 'TWD'],
  ])('reads %s', (text, amount, currency) => {
    expect(first(extractMoney(text))).toEqual({ kind: 'money', amount, currency });
  });

  it('marks a bare 16.5B as having no stated currency', () => {
    expect(extractMoney('the 16.5B contract')[0]?.currencyAssumed).toBe(true);
    expect(extractMoney('$16.5B')[0]?.currencyAssumed).toBeUndefined();
  });

  it('does not read counts or years as money', () => {
    expect(extractMoney('Tesla sold 16,500 Cybertrucks in 2025')).toEqual([]);
  });
});

describe('extractPercent()', () => {
  it.each([
    ['rose 6.8%', 6.8],
    ['up 6.8 percent', 6.8],
    ['上涨６.８％'.replace('６.８％', '6.8%'), 6.8],
    ['百分之六点八', 6.8],
    ['百分之10', 10],
  ])('reads %s', (text, value) => {
    expect(first(extractPercent(text))).toEqual({ kind: 'percent', value });
  });
});

describe('extractYear()', () => {
  it.each<[string, Value]>([
    ['runs through 2033', { kind: 'year', value: 2033 }],
    ['until the end of 2033', { kind: 'year', value: 2033, month: 12 }],
    ['合同将持续至2033年底', { kind: 'year', value: 2033, month: 12 }],
    ['by mid-2028', { kind: 'year', value: 2028, month: 6 }],
    ['in H2 2026', { kind: 'year', value: 2026, month: 12 }],
    ['2026年下半年量产', { kind: 'year', value: 2026, month: 12 }],
    ['in Q3 2026', { kind: 'year', value: 2026, month: 9 }],
    ['from August 2026', { kind: 'year', value: 2026, month: 8 }],
    ['2026年7月投产', { kind: 'year', value: 2026, month: 7 }],
  ])('reads %s', (text, value) => {
    expect(first(extractYear(text))).toEqual(value);
  });

  it('skips full dates, which say when something was said, not a period', () => {
    expect(extractYear('On July 28, 2025, Musk said')).toEqual([]);
    expect(extractYear('2025年7月28日，马斯克表示')).toEqual([]);
    expect(extractYear('$2033 or 20330')).toEqual([]);
  });
});

describe('ratio, node, count and quantity extractors', () => {
  it.each<[string, number]>([
    ['3x more efficient', 3],
    ['3× the efficiency', 3],
    ['three times as efficient', 3],
    ['twice as efficient', 2],
    ['能效提升3倍', 3],
  ])('reads the ratio in %s', (text, value) => {
    expect(first(extractRatio(text))).toEqual({ kind: 'ratio', value });
  });

  it('ignores number words that are not ratios', () => {
    expect(extractRatio('one of the three plants')).toEqual([]);
  });

  it.each<[string, number]>([
    ['on a 2nm process', 2],
    ['2-nanometer node', 2],
    ['1.4 nm', 1.4],
    ['2纳米制程', 2],
  ])('reads the node in %s', (text, value) => {
    expect(first(extractNode(text))).toEqual({ kind: 'node', value });
  });

  it('counts units, but not increments', () => {
    const extract = countExtractor(['data center', 'data centers', '数据中心']);

    expect(first(extract('up to 20 large AI data centers'))).toEqual({ kind: 'count', value: 20 });
    expect(first(extract('二十个数据中心'))).toEqual({ kind: 'count', value: 20 });
    expect(extract('adds five new data centers')).toEqual([]);
  });

  it('reads quantities in any spelling of the unit', () => {
    const extract = quantityExtractor({ EFLOPS: ['EFLOPS', 'exaflops'] });

    expect(first(extract('5 EFLOPS of compute'))).toEqual({ kind: 'quantity', value: 5, unit: 'EFLOPS' });
    expect(first(extract('8 exaflops'))).toEqual({ kind: 'quantity', value: 8, unit: 'EFLOPS' });
  });
});

describe('entitiesExtractor()', () => {
  const extract = entitiesExtractor(
    compileDictionary({
      Samsung: ['Samsung', '三星'],
      TSMC: ['TSMC', 'Taiwan Semiconductor', '台积电'],
      Intel: ['Intel', '英特尔'],
    }),
    compileTerms(['from', 'instead of', '取代']),
  );

  it('names each entity once, by its canonical name, in any language', () => {
    expect(first(extract('Taiwan Semiconductor and 三星 and Samsung'))).toEqual({
      kind: 'entities',
      values: ['Samsung', 'TSMC'],
    });
  });

  it('lists entities named after a displacing cue apart', () => {
    expect(extract('TSMC takes over from Samsung')[0]?.displaced).toEqual(['Samsung']);
    expect(extract('Samsung and TSMC')[0]?.displaced).toEqual([]);
  });
});
