import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDates } from '../../shared/facts/values/dates.ts';
import { countReader, quantityReader, readNodes, readRatios } from '../../shared/facts/values/measures.ts';
import type { ValueMention } from '../../shared/facts/values/mention.ts';
import { readMoney } from '../../shared/facts/values/money.ts';
import { parseChineseNumeral, parseNumber, parseNumberWords } from '../../shared/facts/values/numbers.ts';
import { readPercent } from '../../shared/facts/values/percent.ts';

/**
 * Each typed value reader against its corpus of examples (Duckling's way): many
 * phrasings, English and Chinese, each with the values it must give — and the
 * look-alikes that must give none. The corpora are tests/fixtures/facts/values/*.json.
 */
type Case = { text: string; published?: number; kind?: string; expect: Array<Record<string, unknown>> };
const corpus = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'facts', 'values', `${name}.json`), 'utf8'),
  ) as Case[];

/** What a mention says, flattened to compare with a corpus entry (only the fields the entry names). */
function seen(mention: ValueMention & { precision?: string }): Record<string, unknown> {
  return {
    ...mention.value,
    ...(mention.bound ? { bound: mention.bound } : {}),
    ...(mention.approximate ? { approximate: true } : {}),
    ...(mention.role ? { role: mention.role } : {}),
    ...(mention.currencyAssumed ? { currencyAssumed: true } : {}),
    ...(mention.precision ? { precision: mention.precision } : {}),
    ...(mention.period ? { period: mention.period } : {}),
    ...(mention.shifted ? { shifted: true } : {}),
  };
}

function expectReading(mentions: Array<ValueMention & { precision?: string }>, expected: Case['expect']) {
  expect(mentions).toHaveLength(expected.length);
  for (const [index, mention] of mentions.entries()) expect(seen(mention)).toMatchObject(expected[index]!);
}

describe('readMoney() over its corpus', () => {
  it.each(corpus('money').map((entry) => [entry.text, entry] as const))('%s', (text, entry) => {
    expectReading(readMoney(text), entry.expect);
  });
});

describe('readPercent() over its corpus', () => {
  it.each(corpus('percent').map((entry) => [entry.text, entry] as const))('%s', (text, entry) => {
    expectReading(readPercent(text), entry.expect);
  });
});

describe('readDates() over its corpus', () => {
  it.each(corpus('dates').map((entry) => [entry.text, entry] as const))('%s', (text, entry) => {
    expectReading(readDates(text, entry.published), entry.expect);
  });
});

describe('nodes, ratios, quantities and counts over their corpus', () => {
  const readers: Record<string, (text: string) => ValueMention[]> = {
    node: readNodes,
    ratio: readRatios,
    quantity: quantityReader({ EFLOPS: ['EFLOPS', 'exaflops'] }),
    count: countReader(['data cent(?:er|re)s?', 'sites?', '数据中心', '資料中心']),
  };

  it.each(corpus('measures').map((entry) => [`${entry.kind}: ${entry.text}`, entry] as const))(
    '%s',
    (_name, entry) => {
      expectReading(readers[entry.kind!]!(entry.text), entry.expect);
    },
  );
});

describe('numbers', () => {
  it.each([
    ['16,500', 16500],
    ['6.8', 6.8],
    ['二十', 20],
    ['一百六十五', 165],
    ['二〇二七', 2027],
    ['七十點二', 70.2],
    ['兩', 2],
    ['eight', 8],
    ['twenty-two', 22],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('reads English words and Chinese numerals, and says NaN for what is not a number', () => {
    expect(parseNumberWords('half a')).toBe(0.5);
    expect(parseNumberWords('a hundred')).toBe(100);
    expect(parseChineseNumeral('一万二千')).toBe(12000);
    expect(parseNumber('many')).toBeNaN();
    expect(parseChineseNumeral('三星')).toBeNaN();
  });
});
