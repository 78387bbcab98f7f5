import { qualify, type ValueMention } from './mention.ts';
import {
  CHINESE,
  DIGITS,
  FRACTION_AFTER,
  NUMBER_WORDS,
  parseNumber,
  parseNumberWithFraction,
  VULGAR_FRACTION_AFTER,
} from './numbers.ts';

/**
 * Percentages in English and Chinese: `6.8%`, `6.8 percent`, `6.8 per cent`,
 * `eight percent`, `six point eight percent`, `百分之六点八`, `七成二` (72%), `七成` (70%), `两成` (20%), `一成半` (15%), `逾七成` (at least
 * 70%), and a fraction as a bound: `more than two-thirds`, `三分之二以上` (at least 66.7%). A change in points ("up 2.6
 * percentage points", "2.6个百分点") is marked `delta`, never read as a level.
 */
const PERCENT = new RegExp(
  [
    String.raw`(?:(?<![\d.])(?<sign>[-−–]))?(?<num>${DIGITS}${VULGAR_FRACTION_AFTER}?)\s?(?:%|％|\s?percent(?![A-Za-z])|\s?per\s?cent(?![A-Za-z])|\s?pct(?![A-Za-z])|(?<=\d)pc(?![A-Za-z])|\s?percentage\s+points?|\s?个百分点|\s?個百分點)`,
    String.raw`(?<![A-Za-z])(?<word>${NUMBER_WORDS}${FRACTION_AFTER}?)\s(?:percent|per\s?cent)(?![A-Za-z])`,
    `百分之(?<zh>${DIGITS}|${CHINESE})`,
    // "a tenth of its foundry sales" (not "for a tenth day").
    '(?<![A-Za-z])(?<tenth>a|one)\\s+tenth(?=\\s+(?:of|to)\\b)',
    // "more than two-thirds of the global foundry market", "a third of", "three-quarters of" (not "the third quarter").
    '(?<![A-Za-z])(?<fraction>(?:two[-\\s]thirds|(?:a|one)[-\\s]third|three[-\\s]quarters)(?=\\s+(?:of|in)\\b|\\s*[,.;]|\\s*$)|(?:a|one)[-\\s]quarter(?=\\s+of\\b))',
    // 三分之二, 四分之三 (not 百分之, read above).
    '(?<![百千])(?<denominator>[二两兩三四五])分之(?<numerator>[一二三四])',
    '(?<tenths>[一二两兩三四五六七八九])成(?:(?<half>半)|(?<units>[一二三四五六七八九]))?',
    // "seven of every 10 dollars spent on contract chipmaking", "nine out of every ten": a share told as a count.
    String.raw`(?<![A-Za-z\d.])(?<outOf>\d{1,2}|${NUMBER_WORDS})\s+(?:out\s+)?(?:of|in)\s+every\s+(?<per>10|ten|100|hundred)(?![\w.])`,
  ].join('|'),
  'gi',
);

/** A comma between one or two digits and one before a percent sign or word: "70,2%", "7,3 per cent" (not "8,10%"). */
const DECIMAL_COMMA = /(?<=(?:^|[^\d,.])\d{1,2}),(?=\d\s?(?:%|％|percent|per\s?cent))/gi;

/** Every alternative of PERCENT needs one of these: a sentence without any is skipped. */
const PERCENT_CUE =
  /%|％|percent|per\s?cent|pct|\dpc|百分|成|tenth|thirds|third\s+of|quarters|quarter\s+of|分之|\bevery\s+(?:10|ten|100|hundred)\b/i;

/** A fraction's share, to one decimal as a report would round it ("two-thirds" is 66.7%). */
const FRACTIONS: Record<string, number> = {
  'two thirds': 66.7,
  'a third': 33.3,
  'three quarters': 75,
  'a quarter': 25,
};

/** The percentage a match of PERCENT reads, by the alternative that matched. */
function percentOf(g: Record<string, string | undefined>): number {
  if (g.tenth) return 10;
  if (g.outOf) return parseNumber(g.outOf) * (/^(?:10|ten)$/i.test(g.per!) ? 10 : 1);
  if (g.fraction) return FRACTIONS[g.fraction.toLowerCase().replace(/[-\s]/, ' ').replace(/^one /, 'a ')]!;
  if (g.denominator)
    return Number(((parseNumber(g.numerator!) / parseNumber(g.denominator)) * 100).toFixed(1));
  if (g.tenths) return parseNumber(g.tenths) * 10 + (g.half ? 5 : g.units ? parseNumber(g.units) : 0);
  return parseNumberWithFraction(g.num ?? g.word ?? g.zh ?? '');
}

/** "up 2.6 percentage points": a change in points, never a level. */
function isDelta(text: string, end: number, matched: string): boolean {
  return (
    /percentage\s+points?|百分点|百分點/i.test(matched) || /^\s*points?\b/i.test(text.slice(end, end + 8))
  );
}

/**
 * Every percentage in a sentence.
 *
 * @example
 * readPercent('TSMC held 70.2% of the market')[0]?.value; // { kind: 'percent', value: 70.2 }
 * readPercent('约占七成二')[0]?.value;                      // { kind: 'percent', value: 72 }
 */
export function readPercent(text: string): ValueMention[] {
  const found: ValueMention[] = [];
  if (!PERCENT_CUE.test(text)) return found;
  // "70,2%": a decimal comma, read as the point it stands for (the text keeps its length).
  const read = text.includes(',') ? text.replace(DECIMAL_COMMA, '.') : text;
  for (const match of read.matchAll(PERCENT)) {
    const g = match.groups!;
    const value = percentOf(g);
    if (Number.isNaN(value)) continue;
    const start = match.index;
    const end = start + match[0].length;
    const qualified = qualify(text, start + (g.sign ? 1 : 0), end);
    // A bare fraction is a rounded figure ("holds two-thirds of the market" of a 67% share): only as a bound
    // ("more than two-thirds", 三分之二以上) does it say something a level can be held to.
    if ((g.fraction || g.denominator) && !qualified.bound) continue;
    found.push({
      value: { kind: 'percent', value: g.sign ? -value : value },
      start,
      end,
      ...qualified,
      ...(isDelta(text, end, match[0]) ? { role: 'delta' as const } : {}),
    });
  }
  return found;
}
