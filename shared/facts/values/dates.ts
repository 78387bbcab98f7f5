import type { Value } from '../../model/values.ts';
import { qualify, type ValueMention } from './mention.ts';
import { CHINESE_DIGIT_YEAR, parseChineseNumeral, parseNumber } from './numbers.ts';

/** How precisely a date was given: a year, part of a year (half, quarter, mid/late/early), a month or a day. */
export type DatePrecision = 'year' | 'part' | 'month' | 'day';

export interface DateMention extends ValueMention {
  precision: DatePrecision;
  /** The months of its year the date can mean (for a delay given as a length); absent for a derived date. */
  range?: MonthRange;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** An English month's name or abbreviation ("Sept.", "June"), as a pattern source. */
export const MONTH_NAME = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const PART_BEFORE = String.raw`(?:(?:the\s+)?(?:end|close|start|beginning|middle)\s+of(?:\s+the\s+year)?|year[-\s]end|end-|mid-?|late-?|early-?|(?:the\s+)?(?:first|second|1st|2nd)\s+half\s+of|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of|[HQ][1-4]|[1-4][HQ]|fiscal(?:\s+year)?|FY|CY)\s?`;

/**
 * "27年" as 2027 (Chinese tech press shortens a year so: "投产推迟到27年", "27年下半年量产") — 2024 to 2035 only, after a
 * word of time ("于", "到", "预计", a clause's start) or before a part of the year or a launch ("年底", "量产"); not a
 * length of years ("合作已有26年", "深耕美国市场27年", "将运营27年", "30年来", "25年内").
 */
const SHORT_CHINESE_YEAR = String.raw`(?<![\d.])(?:(?<=(?:于|於|在|到|至|从|從|自|待|等|(?<![老大名主干猛武])(?:将|將)|为|為|预计|預計|预期|預期|计划|計劃|計畫|最快|最晚|最早|有望|可望|定于|定於|延至|延到|推迟|推遲|延后|延後|改为|改為|直到|直至|^|[\s，,。：:；;（(]))(?:2[4-9]|3[0-5])(?=\s?年(?![来來前内內间間以之多後后期]))|(?:2[4-9]|3[0-5])(?=\s?年(?:底|末|初|中|上半年|下半年|前半|後半|后半|第?[一二三四1-4]季|[1-4]Q|\d{1,2}月|[一二三四五六七八九十]{1,2}月|量产|量產|投产|投產|开始|開始|启用|啟用|完工|上市|推出|问世|問世|交付|出货|出貨)))`;

const DATE = new RegExp(
  [
    // 2033年12月31日, 2026年底, 2026年下半年, 二〇二七年, 2027年第四季
    String.raw`(?<zyear>(?:19|20|21)\d{2}|${CHINESE_DIGIT_YEAR}|${SHORT_CHINESE_YEAR})\s?年(?:度)?(?:(?<zmonth>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:(?<zday>\d{1,2}|[一二三四五六七八九十]{1,3})日)?|(?<zpart>底|末|初|中|年底|年末|年初|年中|上半年|下半年|前半|后半|後半|第?[一二三四1-4]季度?|[一二三四1-4]季))?`,
    // December 31, 2033 / Dec. 2033 / end of 2026 / mid-2028 / H2 2026 / FY2027
    String.raw`(?<enpart>${PART_BEFORE})?(?:(?<month>${MONTH_NAME})\s+(?:(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+)?)?(?<![\d$.,'])(?<year>(?:19|20|21)\d{2})(?![\d%])`,
    // 31 December 2033
    String.raw`(?<![\d.])(?<dday>\d{1,2})\s+(?<dmonth>${MONTH_NAME})\s+(?<dyear>(?:19|20|21)\d{2})(?!\d)`,
    // 2H26, 1H28, 4Q25, Q4'25, FY27, mid-'27 — and a bare '27 after a preposition ("volume production in '27")
    String.raw`(?:(?<![\w'])(?<short>[1-4][HQ]|[HQ][1-4]|FY|CY|mid-?|late-?|early-?)\s?'?|(?<=\b(?:in|by|until|through|from|for|to|since|of)\s)['’])(?<yy>\d{2})(?![\d%'’\w])`,
    // 今年, 年内 (within this year), 明年底, 去年7月, next year, the year after next, later this year
    String.raw`(?<rel>今年|次年|翌年|(?<![年〇一二三四五六七八九零度第])(?<!(?<![A-Za-z])\d)(?<!(?:19|20)\d{2}\s?年[^，,。；;]{0,6})(?:第[一二三四]季度?|[一二三四]季度)(?![^，,。；;]{0,3}?(?:营收|營收|财报|財報|业绩|業績|利润|利潤|市占|市佔))|(?<![去明今前后後當当同\d一二两兩三四五六七八九十百数數幾几多半])年[内內](?![外])|明年|去年|后年|後年|本季度?|(?<![A-Za-z])the\s+year\s+after\s+next(?![A-Za-z])|(?<![A-Za-z])(?:this|next|last)\s+year(?![A-Za-z])|(?<![A-Za-z])this\s+quarter(?![A-Za-z])|(?<![A-Za-z])the\s+following\s+year|(?<![A-Za-z])(?:(?:first|second|latter|back)\s+half|end|close|rest|remainder)\s+of\s+the\s+year(?![A-Za-z])|(?<=\b(?:in|by|during|from)\s+the\s+)(?<!(?:\b(?:19|20)\d{2}|\bnext\s+year|['’]\d{2})\b[^.;]{0,80})(?:(?:first|second|latter)\s+half|(?:first|second|third|fourth)\s+quarter)(?!\s+of\b)(?![A-Za-z-])|(?<![年今明去后後前本\d一二三四五六七八九〇零])(?<!(?:明年|后年|後年|(?:19|20)\d{2}\s?年)[^，,。；;]{0,24})(?:上半年|下半年)|(?<![月\d])(?:今日|今天|\d{1,2}日)(?=起?[^，,。；;\d]{0,4}?(?:投产|投產|量产|量產|运营|運營|营运|營運|启用|啟用|运转|運轉))|(?<=\b(?:by|before|until|through|at|from)\s+)year[-\s]end(?![A-Za-z])(?!\s*(?:of\s+)?(?:(?:19|20)\d{2}|'\d{2})\b)|(?<![A-Za-z])in\s+(?:two|three|2|3)\s+years['’]?\s+time(?![A-Za-z])|(?<![A-Za-z])in\s+(?:two|three|2|3)\s+years(?![A-Za-z'’])(?<=(?:\b(?:will|shall|would)\s[^,.;:]{0,40}|\bto\s+(?:reach|enter|start|begin|hit|go\s+into|ramp|put|commence|launch|move\s+into|achieve)\s[^,.;:]{0,30})in\s+(?:two|three|2|3)\s+years)|(?<![A-Za-z])(?:two|three|2|3)\s+years\s+from\s+now(?![A-Za-z])|(?<=^|[\s，,。：:；;将將在于於计計约約望或再])(?:两|兩|三|2|3)年(?:后|後)(?![期续續])|(?<=^|[\s，,。：:；;将將在于於计計约約望或再]|[A-Za-z]\d)年(?=[底末]))(?:(?<relmonth>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:(?<relday>\d{1,2})日)?|(?<relpart>底|末|初|年中|中|上半年|下半年))?`,
    // 已于4月启动量产, "began operating in April": a bare month a thing has begun in, this year's or the last one's
    // (not one to come: 將於3月啟動).
    String.raw`(?<=(?:已于|已於|已在|已经于|已經於)\s*)(?<zbaremonth>\d{1,2}|[一二三四五六七八九十]{1,2})月(?=份?(?:起|初|中|底)?[^，,。；;\d年]{0,4}?(?:启动|啟動|开始|開始|投产|投產|量产|量產|运营|運營|营运|營運|启用|啟用|运转|運轉))`,
    String.raw`(?<=\b(?:began|begun|started|commenced)\s+(?:operating|operations|production|producing|mass\s+production|volume\s+production|running)\s+in\s+)(?<enbaremonth>${MONTH_NAME})(?![\w.]|\s*,?\s*(?:\d|['’]\d))`,
  ].join('|'),
  'gi',
);

/**
 * Before a date, a deal signed then: "signed a $16.5 billion deal in July 2025", "which signed a $16.5 billion deal with
 * Samsung last year", 于2025年7月签署 is not caught (the verb follows the date).
 */
const SIGNED_BEFORE =
  /\b(?:[Ss]igned|[Ss]igns|[Ii]nked|[Ii]nks|[Ss]truck|[Ss]trikes|[Ss]ealed|[Ss]eals|[Cc]linched|[Cc]linches)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[^,.;]|\.\d){0,30}?\b(?:deal|contract|agreement|pact|order)s?(?:\s+with\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)?\s+(?:(?:in|on|during)\s+(?:early\s+|late\s+|mid-?\s*)?)?$/;

/** Before a year, the date of a saying: "which said in 2024 it would open …" (when it was said, not what). */
const SAID_IN_BEFORE =
  /\b(?:said|announced|pledged|promised|stated|predicted|claimed|vowed|forecast)\s+(?:back\s+)?in\s+(?:(?:early|late|mid-?)\s*)?$/i;

/** Every alternative of DATE needs one of these: a sentence without any is skipped. */
const DATE_CUE = new RegExp(
  String.raw`(?:19|20|21)\d{2}|${CHINESE_DIGIT_YEAR}|年|月|\bin\s+${MONTH_NAME}|years?|\bhalf\b|今日|今天|\d日|quarter|本季|季度|第[一二三四]季|[1-4][HQ]|[HQ][1-4]|FY|CY|(?:mid|late|early)-?\s?'?\d{2}|\s['’]\d{2}\b`,
  'i',
);

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
  // (年 alone: "将于年底前投产", the year's end with no year named.)
  // (…and a half with no year: "in the second half", 下半年, this year's)
  if (
    /今年|年内|年內|本季|this|of the year|year[-\s]end|^年$|\bhalf$|\bquarter$|季度?$|^[上下]半年$|^今[日天]$|^\d{1,2}日$/.test(
      lower,
    )
  )
    return reference;
  if (/after\s+next/.test(lower)) return reference + 2;
  if (/明年|次年|翌年|next|following/.test(lower)) return reference + 1;
  if (/去年|last/.test(lower)) return reference - 1;
  if (/后年|後年/.test(lower)) return reference + 2;
  // "in two years' time", "two years from now", "will … in two years", "to reach … in two years" (a duration
  // otherwise: "doubled in two years", "to halve costs in two years"), 两年后: counted from the item's year.
  const years = /(two|three|2|3|两|兩|三)\s*(?:years|年)/.exec(lower)?.[1];
  if (years) return reference + (/two|2|两|兩/.test(years) ? 2 : 3);
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
export function readDates(text: string, publishedYear?: number, publishedMonth?: number): DateMention[] {
  const found: DateMention[] = [];
  if (!DATE_CUE.test(text)) return found;
  for (const match of text.matchAll(DATE)) {
    const g = match.groups!;
    // "samples in late 2027, ahead of volume production the following year" (or "the next year"): the year after the one
    // written before it — else the year after the item's.
    const following =
      /following\s+year$|^(?:次年|翌年)$/i.test(match[0]) ||
      (/^next\s+year$/i.test(match[0]) &&
        /\bthe\s+$/i.test(text.slice(Math.max(0, match.index - 4), match.index)));
    const counted = following ? found.findLast((date) => date.end <= match.index) : undefined;
    const reading: ReturnType<typeof readMatch> =
      counted?.value.kind === 'year'
        ? { year: counted.value.value + 1, precision: 'year' }
        : readMatch(g, publishedYear, publishedMonth);
    if (!reading) continue;
    // "the end of the year" is the publication's only where no year is written before it ("said in 2024 it would
    // open by the end of the year" is 2024's; not "AI5 in volume production by year-end, AI6 in 2028").
    if (
      /of\s+the\s+year|^year[-\s]end$/i.test(match[0]) &&
      /(?:19|20|21)\d{2}|'\d{2}\b/.test(text.slice(0, match.index))
    )
      continue;
    const start = match.index;
    const end = start + match[0].length;
    const value: Value =
      reading.month !== undefined
        ? { kind: 'year', value: reading.year, month: reading.month }
        : { kind: 'year', value: reading.year };
    found.push({
      value,
      start,
      end,
      precision: reading.precision,
      ...(reading.range ? { range: reading.range } : {}),
      ...qualify(text, start, end),
      ...(SIGNED_BEFORE.test(text.slice(Math.max(0, start - 80), start)) ||
      SAID_IN_BEFORE.test(text.slice(Math.max(0, start - 24), start))
        ? { role: 'signed' as const }
        : {}),
    });
  }
  if (found.length === 0) return found;
  markPeriods(text, found);
  if (!SHIFT_CUE.test(text)) return found;
  const shifted = readShifts(text, found);
  return shifted.length ? [...found, ...shifted].sort((a, b) => a.start - b.start) : found;
}

/** Between the two years of a period: "from 2026 to 2033", "2026-2033", 2026年至2033年. */
const PERIOD_BETWEEN = /^\s*(?:to|through|thru|until|till|and|-|–|—|~|至|到)\s*$/i;
const PERIOD_FROM_BEFORE = /(?:\bfrom|\bbetween|从|從|自)\s*$/i;
/** Before a period, that it is a contract's term: "runs from", "term of", 期限：, 有效期. */
const TERM_BEFORE =
  /(?:\bruns?|\brunning|\bterm|\bcontract|\bagreement|\bdeal|期限|有效期|合同期|合约期|合約期|为期|為期)[^,，。;；]{0,12}$/i;
/** Shorter spans after "from … to" are read as a date moved. */
const MIN_PERIOD_YEARS = 3;
/**
 * Before a year, that it closes a period: "through 2033", 生产芯片至2033年. Not "until": "will
 * wait until 2026 to begin", "on hold until 2026" name a start.
 */
const PERIOD_END_BEFORE =
  /(?:\bthrough|\bthru|(?<![推延移改调調提拖])至)\s*(?:the\s+end\s+of\s+|end-|late\s+|年底)?$/i;
/** A change of date, not a period: "pushed from 2026 to 2027", 从2026年推迟至2027年. */
const SHIFT_NEAR =
  /delay|push|postpon|slip|mov(?:e|ed|es|ing)|shift|brought|pull(?:ed)?\s+(?:in|forward)|revis|hold|idle|wait|paus|suspend|推迟|推遲|延后|延後|延迟|延遲|延至|延长|延長|延期|延宕|拖|提前|改为|改為|调整|調整|推至|推到|暂停|暫停|搁置|擱置/i;
/** "not until 2027", "直到2027年才": the year a thing starts, not where a period ends. */
const STARTS_THEN = /(?:\bnot|n['’]t|\bno|不|未)[^,，。;；]{0,48}$/i;

/**
 * Years that open or close a period of time are marked (`period`), unless a word of change says
 * the date moved ("pushed from 2026 to 2027"): a short range's start ("in 2026-2027") may be a
 * start; a long period's or a contract term's ("from 2026 through 2033", 期限：2025年7月至…)
 * is a `term`; the end of either, or a year after "through"/至 ("供货至2033年"), is an `end`.
 */
function markPeriods(text: string, found: DateMention[]): void {
  const clauseBefore = (at: number) =>
    text
      .slice(Math.max(0, at - 64), at)
      .split(/[,，;；。]/)
      .at(-1)!;
  for (let index = 0; index < found.length; index++) {
    const first = found[index]!;
    const next = found[index + 1];
    const shifting = SHIFT_NEAR.test(clauseBefore(first.start));
    if (
      next &&
      !shifting &&
      PERIOD_BETWEEN.test(text.slice(first.end, next.start)) &&
      next.value.kind === 'year' &&
      first.value.kind === 'year' &&
      next.value.value > first.value.value &&
      // A bare "from 2026 to 2027" is a date moved; "from 2026 to 2033", "through", "2026-2033" a period.
      (/^\s*(?:to|and)\s*$/i.test(text.slice(first.end, next.start))
        ? PERIOD_FROM_BEFORE.test(text.slice(Math.max(0, first.start - 10), first.start)) &&
          next.value.value - first.value.value >= MIN_PERIOD_YEARS
        : true)
    ) {
      // A long period ("from 2026 through 2033") or one named a term is a contract's, not a start's.
      first.period =
        TERM_BEFORE.test(text.slice(Math.max(0, first.start - 24), first.start)) ||
        next.value.value - first.value.value >= MIN_PERIOD_YEARS
          ? 'term'
          : 'start';
      next.period = 'end';
      // The end is no destination of a change.
      delete next.role;
      index++;
      continue;
    }
    const before = text.slice(Math.max(0, first.start - 24), first.start);
    if (
      !shifting &&
      PERIOD_END_BEFORE.test(before) &&
      !STARTS_THEN.test(clauseBefore(first.start)) &&
      !/^\s*(?:年)?[^,，。]{0,3}?才/.test(text.slice(first.end, first.end + 6))
    )
      first.period = 'end';
  }
}

/** A delay given as a length needs a word of delay or lag (most sentences with a date have none). */
const SHIFT_CUE =
  /delay|push|postpon|slip|set\s+back|moved\s+back|behind|late|after|extend|before\s+th|earlier|推迟|推遲|延后|延後|延迟|延遲|延长|延長|晚|落后|落後|再过|再過/i;

function readMatch(
  g: Record<string, string | undefined>,
  publishedYear?: number,
  publishedMonth?: number,
): { year: number; month?: number; precision: DatePrecision; range?: MonthRange } | undefined {
  if (g.year) {
    const month = monthOf(g.month);
    return {
      year: Number(g.year),
      ...(month ? { month } : {}),
      // ("CY2027": the calendar year, told as such)
      precision: g.day ? 'day' : month ? 'month' : g.enpart && !/^CY\s?$/i.test(g.enpart) ? 'part' : 'year',
      // A fiscal year is not the calendar's: no months to count a delay from.
      ...(/fiscal|FY/i.test(g.enpart ?? '') ? {} : { range: monthRangeOf(g.enpart, month) }),
    };
  }
  if (g.dyear) {
    const month = monthOf(g.dmonth);
    return {
      year: Number(g.dyear),
      month,
      precision: 'day',
      ...(month ? { range: [month, month] as const } : {}),
    };
  }
  if (g.yy) {
    const fiscal = /FY/i.test(g.short ?? '');
    return {
      year: yearOfShort(g.yy),
      precision: fiscal || !g.short || /^CY$/i.test(g.short) ? 'year' : 'part',
      ...(fiscal ? {} : { range: monthRangeOf(g.short, undefined) }),
    };
  }
  if (g.zyear) {
    const year = /^\d{2}$/.test(g.zyear)
      ? 2000 + Number(g.zyear)
      : /^\d+$/.test(g.zyear)
        ? Number(g.zyear)
        : parseChineseNumeral(g.zyear);
    const month = monthOf(g.zmonth);
    if (Number.isNaN(year) || year < 1900 || year > 2200) return undefined;
    return {
      year,
      ...(month ? { month } : {}),
      precision: g.zday ? 'day' : month ? 'month' : g.zpart ? 'part' : 'year',
      range: monthRangeOf(g.zpart, month),
    };
  }
  if (g.zbaremonth || g.enbaremonth) {
    const month = monthOf(g.zbaremonth ?? g.enbaremonth);
    if (publishedYear === undefined || !month || month > 12) return undefined;
    // (told as begun: a month after the item's is last year's)
    const year = publishedMonth !== undefined && month > publishedMonth ? publishedYear - 1 : publishedYear;
    return { year, month, precision: 'month', range: [month, month] };
  }
  if (g.rel) {
    const year = relativeYear(g.rel, publishedYear);
    const month = monthOf(g.relmonth);
    if (year === undefined) return undefined;
    if (month && month <= 12)
      return { year, month, precision: g.relday ? 'day' : 'month', range: [month, month] };
    // "in the fourth quarter": this year's — one still to end (a quarter gone by is a reporting period: "cut its
    // operating loss in the first quarter", "slipped to 6.8% in the second quarter").
    if (/\bquarter$|季度?$/i.test(g.rel)) {
      const range = monthRangeOf(g.rel, undefined);
      return publishedMonth !== undefined && range[1] < publishedMonth
        ? undefined
        : { year, precision: 'part', range };
    }
    return { year, precision: g.relpart ? 'part' : 'year', range: monthRangeOf(g.relpart, undefined) };
  }
  return undefined;
}

/** The months of its year a date can mean: a month names one, "late 2026" the last quarter, a bare year all twelve. */
type MonthRange = readonly [number, number];

/** Parts of a year, most specific first ("second half" before "second", "fourth quarter" before "fourth"). */
const PART_MONTHS: Array<[RegExp, MonthRange]> = [
  [/second\s+half|2nd\s+half|H2|2H|下半年|后半|後半/i, [7, 12]],
  [/first\s+half|1st\s+half|H1|1H|上半年|前半/i, [1, 6]],
  [/end|close|late|fourth|4th|Q4|4Q|底|末|[四4]季/i, [10, 12]],
  [/third|3rd|Q3|3Q|[三3]季/i, [7, 9]],
  [/second|2nd|Q2|2Q|[二2]季/i, [4, 6]],
  [/mid|middle|年中|^中$/i, [5, 8]],
  [/start|beginning|early|first|1st|Q1|1Q|初|[一1]季/i, [1, 3]],
];

function monthRangeOf(part: string | undefined, month: number | undefined): MonthRange {
  if (month) return [month, month];
  if (!part) return [1, 12];
  return PART_MONTHS.find(([pattern]) => pattern.test(part))?.[1] ?? [1, 12];
}

const UNIT_MONTHS: Record<string, number> = { year: 12, quarter: 3, month: 1, 年: 12, 季度: 3, 季: 3, 月: 1 };

/** A length of time: "a year", "two quarters", "six months", "18-month", "half a year", 一年, 两个季度, 半年, 六个月. */
const LENGTH =
  /(?<![\w.])(?:(?<enhalf>half\s+a\s+year|a\s+year\s+and\s+a\s+half)|(?<encount>an?|one|two|three|four|five|six|nine|twelve|eighteen|\d{1,2})[\s-]+(?<enunit>year|quarter|month)s?\b)|(?<zhhalf>半年|一年半)|(?<zhcount>[一二两兩三四五六九十\d]{1,3})\s?[个個]?(?<zhunit>季度|年|月|季)(?![度底末初中])/gi;

/** What stands before a length that delays: "pushed back (by) about", "delayed by", "extended by", 推迟, 延长, 晚了. */
const DELAY_BEFORE =
  /(?:\b(?:delay(?:ed|s)?|push(?:ed|es)?(?:\s+\w+){0,3}\s+back|postpon(?:ed|es)|slip(?:ped|s)?|set\s+back|moved\s+back)(?:(?:\s+[\w-]+){0,3}?\s+by)?|\bextend(?:ed|s)?\s+by|推迟|推遲|延后|延後|延迟|延遲|延长|延長|晚了|晚|落后|落後)\s*(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+|another\s+|约|約|近|再)?$/i;
/** After a length, the date it counts from: "… from end-2026", "… behind its 2026 goal", "… later than the 2026 plan". */
const FROM_AFTER =
  /^\s*(?:from|behind|later\s+than|past)\s+(?:the\s+|its\s+|their\s+)?(?:original(?:ly)?\s+|planned\s+|initial\s+|earlier\s+|targeted\s+)?$/i;
/** Before a date, that it is the plan a delay moves from: "planned for", "originally due in", 原定, 比原计划的. */
const PLAN_BEFORE =
  /(?:\b(?:originally|initially|planned|scheduled|slated|due|targeted|expected|expir(?:e|es|ing))(?:\s+(?:for|in|by|to\s+\w+\s+in))?\s+(?:the\s+)?|原[定訂](?:的|于|於|在)?|原计划(?:于|於|在)?|原計劃(?:於|在)?|原本(?:预计|預計)?(?:于|於|在)?|预定(?:于|於)?|預定(?:於)?)$/i;

function lengthMonths(g: Record<string, string | undefined>): number | undefined {
  if (g.enhalf) return /and/i.test(g.enhalf) ? 18 : 6;
  if (g.zhhalf) return g.zhhalf === '半年' ? 6 : 18;
  const count = g.encount ?? g.zhcount;
  const unit = g.enunit ?? g.zhunit;
  if (!count || !unit) return undefined;
  const number = parseNumber(count.toLowerCase());
  return Number.isNaN(number) ? undefined : number * UNIT_MONTHS[unit.toLowerCase()]!;
}

/**
 * A delay given as a length against a date the text names: "pushed back two quarters
 * from end-2026", "planned for 2028, delayed by a year", "a year behind its 2026 goal",
 * 原定2026年投产，推迟一年. The length reads as the year it makes (2027, 2029, 2027,
 * 2027) — only when every month the named date can mean, moved by the length, falls in
 * one year (six months after "2026" could be either) — and the named date becomes the
 * one moved from (`role: 'from'`).
 */
function readShifts(text: string, dates: DateMention[]): DateMention[] {
  const shifted: DateMention[] = [];
  for (const match of text.matchAll(LENGTH)) {
    const months = lengthMonths(match.groups!);
    if (!months) continue;
    const start = match.index;
    const end = start + match[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 40);
    const delayed = DELAY_BEFORE.test(before) || LAG_AFTER.test(after);
    const planned =
      anchorAfter(text, dates, end, delayed) ?? (delayed ? anchorBefore(text, dates, start) : undefined);
    // Not a plan moved but another event's date counted on: "volume production a year later", "再晚约一年" — or
    // counted back: "and AI5 a year before that".
    const earlier = !planned && EARLIER_AFTER.test(after);
    const anchor =
      planned ?? (earlier ? lastDateBefore(dates, start) : relativeAnchor(dates, start, before, after));
    const shift = countedFrom(anchor, earlier ? -months : months, start, end);
    if (!shift) continue;
    // The plan named is the date moved from, whether or not the length says where to.
    if (planned) anchor!.role = 'from';
    shifted.push(shift);
  }
  // "AI5 volume production still targeted for 2027, AI6 the year after": a year on from the date before.
  for (const match of text.matchAll(THE_YEAR_AFTER)) {
    const shift = countedFrom(
      lastDateBefore(dates, match.index),
      12,
      match.index,
      match.index + match[0].length,
    );
    if (shift) shifted.push(shift);
  }
  return shifted;
}

/**
 * The year a length makes from a date, when every month the date can mean, moved by the length, falls in one year
 * (six months after "2026" could be either).
 */
function countedFrom(
  anchor: DateMention | undefined,
  months: number,
  start: number,
  end: number,
): DateMention | undefined {
  if (!anchor?.range || anchor.value.kind !== 'year') return undefined;
  const first = anchor.value.value;
  const low = first + Math.floor((anchor.range[0] - 1 + months) / 12);
  const high = first + Math.floor((anchor.range[1] - 1 + months) / 12);
  return low === high
    ? { value: { kind: 'year', value: low }, start, end, precision: 'part', shifted: true }
    : undefined;
}

/** The last date before a position, close enough to be the one counted from. */
function lastDateBefore(dates: DateMention[], start: number): DateMention | undefined {
  return dates.filter((date) => date.end <= start && start - date.end <= 80).at(-1);
}

/** After a length, that it counts back from the date before: "a year before that", "two years earlier". */
const EARLIER_AFTER = /^\s*(?:before\s+(?:that|this|then)|earlier)\b/i;

/** "the year after" standing alone: a year on from the date before (as "the following year", 次年 are read above). */
const THE_YEAR_AFTER = /\bthe\s+year\s+after(?=\s*(?:[,.;:)]|$|\s+(?:that|this|then)\b))/gi;

/** After a length, that it is a lag: "two years behind schedule", "a year late". */
const LAG_AFTER =
  /^\s*(?:behind\s+schedule|late\b|overdue|later\s+than\s+(?:planned|scheduled|expected|promised))/i;
/** After a length, that it counts from the event before: "a year later". */
const LATER_AFTER = /^\s*(?:later(?!\s+than)|afterwards|thereafter|after\s+that)\b/i;
/** Before a length, that it counts from another event: AI6预计再晚约一年. */
const LATER_BEFORE = /(?:再晚|再过|再過)\s*(?:约|約)?$/;
const CONTRAST = /,\s*(?:while|whereas|but)\b|[;；]|，而|，但/i;

/**
 * The date another event is given in, that a length counts from: the last date before
 * "a year later" (or 再晚一年). Not "a year after X": "after" as often names a cause or
 * another event ("delayed a year after the 2023 memory slump").
 */
function relativeAnchor(
  dates: DateMention[],
  start: number,
  before: string,
  after: string,
): DateMention | undefined {
  if (!LATER_AFTER.test(after) && !LATER_BEFORE.test(before)) return undefined;
  return lastDateBefore(dates, start);
}

/** "… two quarters from end-2026" (after a delay word), "a year behind its 2026 goal", "later than the 2026 plan". */
function anchorAfter(
  text: string,
  dates: DateMention[],
  end: number,
  delayed: boolean,
): DateMention | undefined {
  const date = dates.find((candidate) => candidate.start >= end && candidate.start - end <= 30);
  if (!date) return undefined;
  const between = text.slice(end, date.start);
  if (!FROM_AFTER.test(between)) return undefined;
  return delayed || !/^\s*from/i.test(between) ? date : undefined;
}

/** "planned for 2028, delayed by a year", 原定2026年投产，推迟一年: the plan named before, with no other date between. */
function anchorBefore(text: string, dates: DateMention[], start: number): DateMention | undefined {
  const date = dates.filter((candidate) => candidate.end <= start && start - candidate.end <= 60).at(-1);
  // "AI5 is planned for late 2026, while AI6 has been delayed by a year": another clause's plan.
  if (!date || CONTRAST.test(text.slice(date.end, start))) return undefined;
  return PLAN_BEFORE.test(text.slice(Math.max(0, date.start - 30), date.start)) ||
    EXTENDED_AFTER_EXPIRY.test(text.slice(date.end, start))
    ? date
    : undefined;
}

/** Between a date and a length: the term ends then and is extended right after — "2033年到期后再延长两年". */
const EXTENDED_AFTER_EXPIRY =
  /^\s*(?:年底|年)?\s*(?:到期|届满|屆滿)(?:后|後|之后|之後)?\s*(?:将|將|再|还将|還將)*\s*(?:延长|延長)\s*$/;
