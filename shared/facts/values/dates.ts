import type { Value } from '../../model/values.ts';
import { qualify, type ValueMention } from './mention.ts';
import { parseChineseNumeral } from './numbers.ts';

/** How precisely a date was given: a year, part of a year (half, quarter, mid/late/early), a month or a day. */
export type DatePrecision = 'year' | 'part' | 'month' | 'day';

export interface DateMention extends ValueMention {
  precision: DatePrecision;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const PART_BEFORE = String.raw`(?:(?:the\s+)?(?:end|close|start|beginning|middle)\s+of(?:\s+the\s+year)?|year[-\s]end|end-|mid-?|late-?|early-?|(?:the\s+)?(?:first|second|1st|2nd)\s+half\s+of|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of|[HQ][1-4]|[1-4][HQ]|fiscal(?:\s+year)?|FY)\s?`;

const DATE = new RegExp(
  [
    // 2033年12月31日, 2026年底, 2026年下半年, 二〇二七年, 2027年第四季
    String.raw`(?<zyear>(?:19|20|21)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})\s?年(?:度)?(?:(?<zmonth>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:(?<zday>\d{1,2}|[一二三四五六七八九十]{1,3})日)?|(?<zpart>底|末|初|中|年底|年末|年初|年中|上半年|下半年|前半|后半|後半|第?[一二三四1-4]季度?|[一二三四1-4]季))?`,
    // December 31, 2033 / Dec. 2033 / end of 2026 / mid-2028 / H2 2026 / FY2027
    String.raw`(?<enpart>${PART_BEFORE})?(?:(?<month>${MONTH_NAME})\s+(?:(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+)?)?(?<![\d$.,'])(?<year>(?:19|20|21)\d{2})(?![\d%])`,
    // 31 December 2033
    String.raw`(?<![\d.])(?<dday>\d{1,2})\s+(?<dmonth>${MONTH_NAME})\s+(?<dyear>(?:19|20|21)\d{2})(?!\d)`,
    // 2H26, 1H28, 4Q25, Q4'25, FY27, mid-'27
    String.raw`(?<![\w'])(?<short>[1-4][HQ]|[HQ][1-4]|FY|mid-?|late-?|early-?)\s?'?(?<yy>\d{2})(?![\d%])`,
    // 今年, 明年底, next year, later this year
    String.raw`(?<rel>今年|明年|去年|后年|後年|(?<![A-Za-z])(?:this|next|last)\s+year(?![A-Za-z])|(?<![A-Za-z])the\s+following\s+year)(?<relpart>底|末|初|年中|中|上半年|下半年)?`,
  ].join('|'),
  'gi',
);

/** Every alternative of DATE needs one of these: a sentence without any is skipped. */
const DATE_CUE =
  /(?:19|20|21)\d{2}|[〇零一二][〇零一二三四五六七八九]{3}|年|year|[1-4][HQ]|[HQ][1-4]|FY|(?:mid|late|early)-?\s?'?\d{2}/i;

function monthOf(name: string | undefined): number | undefined {
  if (!name) return undefined;
  if (/^\d+$/.test(name)) return Number(name);
  if (/^[一二三四五六七八九十]+$/.test(name)) return parseChineseNumeral(name);
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

function yearOfShort(yy: string): number {
  return 2000 + Number(yy);
}

function relativeYear(word: string, reference?: number): number | undefined {
  if (reference === undefined) return undefined;
  const lower = word.toLowerCase();
  if (/今年|this/.test(lower)) return reference;
  if (/明年|next|following/.test(lower)) return reference + 1;
  if (/去年|last/.test(lower)) return reference - 1;
  if (/后年|後年/.test(lower)) return reference + 2;
  return undefined;
}

/**
 * Every year, part of a year and date in a sentence: `2027`, `end of 2026`,
 * `mid-2028`, `mid-'27`, `H2 2026`, `2H26`, `4Q25`, `FY2027`, `December 31, 2033`,
 * `2033年12月31日`, `2026年底`, `二〇二七年`, and, given the publication year,
 * `this year`, `明年`. The value is the year, with the month only when a month
 * is named.
 *
 * @example
 * readDates('volume production in 2H26').map((d) => d.value); // [{ kind: 'year', value: 2026 }]
 * readDates('明年底量产', 2025)[0]?.value;                      // { kind: 'year', value: 2026 }
 */
export function readDates(text: string, publishedYear?: number): DateMention[] {
  const found: DateMention[] = [];
  if (!DATE_CUE.test(text)) return found;
  for (const match of text.matchAll(DATE)) {
    const g = match.groups!;
    const reading = readMatch(g, publishedYear);
    if (!reading) continue;
    const start = match.index;
    const end = start + match[0].length;
    const value: Value =
      reading.month !== undefined
        ? { kind: 'year', value: reading.year, month: reading.month }
        : { kind: 'year', value: reading.year };
    found.push({ value, start, end, precision: reading.precision, ...qualify(text, start, end) });
  }
  return found;
}

function readMatch(
  g: Record<string, string | undefined>,
  publishedYear?: number,
): { year: number; month?: number; precision: DatePrecision } | undefined {
  if (g.year) {
    const month = monthOf(g.month);
    return {
      year: Number(g.year),
      ...(month ? { month } : {}),
      precision: g.day ? 'day' : month ? 'month' : g.enpart ? 'part' : 'year',
    };
  }
  if (g.dyear) return { year: Number(g.dyear), month: monthOf(g.dmonth), precision: 'day' };
  if (g.yy) return { year: yearOfShort(g.yy), precision: /FY/i.test(g.short ?? '') ? 'year' : 'part' };
  if (g.zyear) {
    const year = /^\d+$/.test(g.zyear) ? Number(g.zyear) : parseChineseNumeral(g.zyear);
    const month = monthOf(g.zmonth);
    if (Number.isNaN(year) || year < 1900 || year > 2200) return undefined;
    return {
      year,
      ...(month ? { month } : {}),
      precision: g.zday ? 'day' : month ? 'month' : g.zpart ? 'part' : 'year',
    };
  }
  if (g.rel) {
    const year = relativeYear(g.rel, publishedYear);
    return year === undefined ? undefined : { year, precision: g.relpart ? 'part' : 'year' };
  }
  return undefined;
}
