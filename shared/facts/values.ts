import type { Value } from '../config/schemas.ts';
import { CHINESE_NUMERAL_CHARS, NUMBER_WORD_SOURCE, parseNumber, parseNumberWord } from './numbers.ts';
import { type CompiledDictionary, compileTerms, matchPositions } from './terms.ts';

/**
 * Value extractors, one per value kind. Each scans a clause and returns every
 * value it can read with its position, so the caller can take the one nearest
 * the fact's subject. All regexes are built once, at module load or rule compile.
 */
export interface Candidate {
  value: Value;
  index: number;
  /** Money whose currency the text did not state (`16.5B`): the caller assumes the baseline's. */
  currencyAssumed?: boolean;
  /** Entities named right after "from" / "instead of": the ones a replacement removes. */
  displaced?: string[];
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUM_ZH = `[${CHINESE_NUMERAL_CHARS}]+`;

const SCALES: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
  万亿: 1e12,
  亿: 1e8,
  万: 1e4,
  千: 1e3,
};
const CURRENCIES: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  'u.s.$': 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  美元: 'USD',
  美金: 'USD',
  nt$: 'TWD',
  hk$: 'HKD',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  欧元: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  英镑: 'GBP',
  '₩': 'KRW',
  krw: 'KRW',
  won: 'KRW',
  韩元: 'KRW',
  rmb: 'CNY',
  cny: 'CNY',
  yuan: 'CNY',
  人民币: 'CNY',
  元: 'CNY',
  '¥': 'JPY',
  jpy: 'JPY',
  yen: 'JPY',
  日元: 'JPY',
};
const EN_SCALE = 'trillion|Trillion|tn|T|billion|Billion|bn|B|b|million|Million|mn|M|m|thousand|k|K';
const ZH_CURRENCY = '美元|美金|韩元|欧元|英镑|日元|人民币|元';
const MONEY = new RegExp(
  [
    String.raw`(?<pcur>US\$|U\.S\.\s?\$|NT\$|HK\$|(?<![A-Za-z])\$|€|£|₩|¥|(?:USD|EUR|GBP|KRW|RMB|CNY|JPY)\s?)(?<pnum>${NUM})(?:\s?(?<pscale>${EN_SCALE})(?![A-Za-z])|(?<pzscale>万亿|亿|万))?(?:${ZH_CURRENCY})?`,
    String.raw`(?<znum>${NUM}|${NUM_ZH})\s?(?<zscale>万亿|亿|万|千)?(?<zcur>${ZH_CURRENCY})`,
    String.raw`(?<snum>${NUM})\s?(?<sscale>trillion|billion|million|tn|bn)\s(?<scur>dollars|won|euros|yuan|yen|pounds|USD|KRW|EUR|CNY|JPY|GBP)(?![A-Za-z])`,
    String.raw`(?<bnum>${NUM})\s?(?<bscale>trillion|tn|billion|bn|B|b)(?![A-Za-z])`,
  ].join('|'),
  'g',
);

/**
 * Money with currency and scale.
 *
 * @example
 * extractMoney('a $16.5 billion deal')[0]?.value; // { kind: 'money', amount: 16500000000, currency: 'USD' }
 * extractMoney('165亿美元')[0]?.value.amount;      // 16500000000
 */
export function extractMoney(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(MONEY)) {
    const g = match.groups!;
    const number = parseNumber(g.pnum ?? g.znum ?? g.snum ?? g.bnum ?? '');
    const scaleWord = g.pscale ?? g.pzscale ?? g.zscale ?? g.sscale ?? g.bscale;
    const scale = scaleWord ? (SCALES[scaleWord.toLowerCase()] ?? SCALES[scaleWord]!) : 1;
    const currencyWord = (g.pcur ?? g.zcur ?? g.scur)?.trim().toLowerCase().replace(/\s/g, '');
    if (Number.isNaN(number)) continue;
    const amount = Math.round(number * scale * 1000) / 1000;
    if (!currencyWord) {
      found.push({
        value: { kind: 'money', amount, currency: 'USD' },
        index: match.index,
        currencyAssumed: true,
      });
      continue;
    }
    const currency = CURRENCIES[currencyWord];
    if (currency) found.push({ value: { kind: 'money', amount, currency }, index: match.index });
  }
  return found;
}

const PERCENT = new RegExp(
  String.raw`(?<num>${NUM})\s?(?:%|percent(?![A-Za-z])|per cent(?![A-Za-z])|pct(?![A-Za-z])|个百分点)|百分之(?<zh>${NUM}|${NUM_ZH})`,
  'g',
);

/** Percentages: `6.8%`, `6.8 percent`, `百分之六点八`. */
export function extractPercent(text: string): Candidate[] {
  return [...text.matchAll(PERCENT)].flatMap((match) => {
    const value = parseNumber(match.groups!.num ?? match.groups!.zh ?? '');
    return Number.isNaN(value) ? [] : [{ value: { kind: 'percent', value }, index: match.index }];
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PERIOD_MONTH: Record<string, number> = {
  end: 12,
  late: 12,
  'second half': 12,
  h2: 12,
  '2h': 12,
  q4: 12,
  q3: 9,
  mid: 6,
  'first half': 6,
  h1: 6,
  '1h': 6,
  q2: 6,
  q1: 3,
  early: 3,
  底: 12,
  末: 12,
  下半年: 12,
  第四季度: 12,
  四季度: 12,
  第三季度: 9,
  三季度: 9,
  中: 6,
  年中: 6,
  上半年: 6,
  第二季度: 6,
  二季度: 6,
  第一季度: 3,
  一季度: 3,
  初: 3,
};
const YEAR = new RegExp(
  [
    String.raw`(?:(?<period>the end of|end of|end-|late|late-|early|early-|mid|mid-|the first half of|first half of|the second half of|second half of|H1|H2|1H|2H|Q[1-4])\s?)?`,
    String.raw`(?:(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s(?<day>\d{1,2},?\s)?)?`,
    String.raw`(?<![\d$.,])(?<year>20\d{2})(?![\d%])`,
    String.raw`(?:年(?:(?<zmonth>\d{1,2})月(?<zday>\d{1,2}日)?|(?<zperiod>年底|底|末|初|年中|中|上半年|下半年|第[一二三四]季度|[一二三四]季度))?)?`,
  ].join(''),
  'g',
);

/**
 * Years and periods: `2033`, `end of 2033`, `2033年底`, `mid-2028`, `H2 2026`,
 * `2026年下半年`. A full date (`July 28, 2025`, `2025年7月28日`) is an event
 * date, not a period, and is skipped.
 */
export function extractYear(text: string): Candidate[] {
  return [...text.matchAll(YEAR)].flatMap((match) => {
    const g = match.groups!;
    if (g.day || g.zday) return [];
    const year = Number(g.year);
    const period = (g.period ?? g.zperiod)
      ?.toLowerCase()
      .replace(/^the /, '')
      .replace(/ of$|-$/, '');
    const month = g.zmonth
      ? Number(g.zmonth)
      : g.month
        ? MONTHS.indexOf(g.month.slice(0, 3).toLowerCase()) + 1
        : period
          ? PERIOD_MONTH[period]
          : undefined;
    const value: Value = month ? { kind: 'year', value: year, month } : { kind: 'year', value: year };
    return [{ value, index: match.index }];
  });
}

const RATIO = new RegExp(
  String.raw`(?<num>${NUM}|${NUM_ZH})\s?(?:x|X|×|times|倍)(?![A-Za-z])|(?<![A-Za-z])(?<word>${NUMBER_WORD_SOURCE})(?:\s(?:times|fold))?(?![A-Za-z])`,
  'gi',
);

/** Ratios: `3x`, `3×`, `three times`, `twice`, `3倍`. */
export function extractRatio(text: string): Candidate[] {
  return [...text.matchAll(RATIO)].flatMap((match) => {
    const g = match.groups!;
    if (g.word && !/times|fold|twice|double|triple|thrice|quadruple/i.test(match[0])) return [];
    const value = g.num ? parseNumber(g.num) : parseNumberWord(g.word!.toLowerCase());
    return Number.isNaN(value) ? [] : [{ value: { kind: 'ratio', value }, index: match.index }];
  });
}

const NODE = new RegExp(
  String.raw`(?<num>${NUM}|${NUM_ZH})\s?-?\s?(?:nm|nanomet(?:er|re)s?|纳米)(?![A-Za-z])`,
  'gi',
);

/** Process nodes: `2nm`, `2-nanometer`, `2纳米`. */
export function extractNode(text: string): Candidate[] {
  return [...text.matchAll(NODE)].flatMap((match) => {
    const value = parseNumber(match.groups!.num!);
    return Number.isNaN(value) ? [] : [{ value: { kind: 'node', value }, index: match.index }];
  });
}

/**
 * A count extractor for the given unit words: `20 data centers`, `up to 20 large
 * AI data centres`, `二十个数据中心`.
 */
export function countExtractor(units: readonly string[]): (text: string) => Candidate[] {
  const unit = compileTerms(units).source;
  // No "new", "more" or "additional" here: "adds five new sites" is an increment, not the total.
  const filler = String.raw`(?:(?:large|massive|large-scale|hyperscale|AI|planned|个|座|大型|超大型)\s?){0,3}`;
  const pattern = new RegExp(
    String.raw`(?<num>${NUM}|${NUM_ZH}|(?<![A-Za-z])(?:${NUMBER_WORD_SOURCE}))\+?\s?${filler}(?:${unit})`,
    'giu',
  );
  return (text) =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const token = match.groups!.num!;
      const value = /^[a-z]+$/i.test(token) ? parseNumberWord(token) : parseNumber(token);
      return Number.isNaN(value) ? [] : [{ value: { kind: 'count', value } as Value, index: match.index }];
    });
}

/** A quantity extractor for canonical units and their spellings: `5 EFLOPS`, `5 exaflops`. */
export function quantityExtractor(units: Record<string, readonly string[]>): (text: string) => Candidate[] {
  const extractors = Object.entries(units).map(([canonical, spellings]) => {
    const pattern = new RegExp(
      String.raw`(?<num>${NUM}|${NUM_ZH})\s?(?:${compileTerms(spellings).source})`,
      'giu',
    );
    return (text: string) =>
      [...text.matchAll(pattern)].flatMap((match) => {
        const value = parseNumber(match.groups!.num!);
        return Number.isNaN(value)
          ? []
          : [{ value: { kind: 'quantity', value, unit: canonical } as Value, index: match.index }];
      });
  });
  return (text) => extractors.flatMap((extract) => extract(text));
}

/**
 * Entity-set extractor: every dictionary name in the clause, as one sorted set at
 * the first mention; names that directly follow a `displaced` cue ("from Samsung")
 * are listed apart, for sentences that say one entity replaces another.
 */
export function entitiesExtractor(
  dictionary: CompiledDictionary,
  displacedCue: RegExp,
): (text: string) => Candidate[] {
  return (text) => {
    const found = dictionary.find(text);
    if (found.length === 0) return [];
    const values = [...new Set(found.map((entry) => entry.name))].sort();
    const displaced = found
      .filter((entry) => endsWithCue(text.slice(Math.max(0, entry.index - 16), entry.index), displacedCue))
      .map((entry) => entry.name);
    return [{ value: { kind: 'entities', values }, index: found[0]!.index, displaced }];
  };
}

function endsWithCue(before: string, cue: RegExp): boolean {
  return matchPositions(cue, before).some(
    (match) => before.slice(match.index + match.text.length).trim() === '',
  );
}

/**
 * Place extractor: each gazetteer place named, as its canonical name. A place that
 * only restates part of a more specific one named too ("Taylor, Texas" → not "Texas") is dropped.
 */
export function placeExtractor(dictionary: CompiledDictionary): (text: string) => Candidate[] {
  return (text) => {
    const found = dictionary.find(text);
    const names = found.map((entry) => entry.name);
    const isPartOfAnother = (name: string) =>
      names.some((other) => other !== name && other.split(', ').includes(name));
    return found
      .filter((entry) => !isPartOfAnother(entry.name))
      .map((entry) => ({ value: { kind: 'place', value: entry.name }, index: entry.index }));
  };
}

/** Status extractor: verbs and phrases mapped to the status vocabulary, limited to the fact's statuses. */
export function statusExtractor(
  statuses: Record<string, readonly string[]>,
  allowed?: readonly string[],
): (text: string) => Candidate[] {
  const compiled = Object.entries(statuses)
    .filter(([status]) => !allowed || allowed.includes(status))
    .map(([status, verbs]) => ({ status, pattern: compileTerms(verbs) }));
  return (text) =>
    compiled.flatMap(({ status, pattern }) =>
      matchPositions(pattern, text).map((match) => ({
        value: { kind: 'status', value: status } as Value,
        index: match.index,
      })),
    );
}
