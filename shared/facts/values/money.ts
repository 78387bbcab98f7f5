import type { Value } from '../../model/values.ts';
import { qualify, type ValueMention } from './mention.ts';
import {
  CHINESE,
  DIGITS,
  FRACTION_AFTER,
  NUMBER_WORDS,
  parseNumber,
  parseNumberWithFraction,
} from './numbers.ts';

/**
 * Money with currency, scale and bounds, in English and Chinese:
 * `$16.5 billion`, `$500-billion`, `US$16.5bn`, `USD 16.5B`, `16.5 billion dollars`,
 * `22.8 trillion won`, `W22.8tn`, `half a trillion dollars`, `半兆美元`,
 * `16-point-five billion U.S. dollars`, `165亿美元`, `22.8万亿韩元`, `22.8兆韓元`,
 * `47.5億美元`. An English figure with a scale but no currency (`a 16.5B deal`)
 * is read with `currencyAssumed`: the fact's own currency. A bare Chinese amount
 * (`1200亿`) is not read at all: in Chinese news it is as often yuan as dollars.
 */

const SCALE: Record<string, number> = {
  trillion: 1e12,
  'tril.': 1e12,
  tn: 1e12,
  t: 1e12,
  billion: 1e9,
  billions: 1e9,
  trillions: 1e12,
  millions: 1e6,
  // "4.75 bln USD", "1.2 trln won": the Chinese and Korean wires' English abbreviations.
  bln: 1e9,
  trln: 1e12,
  'bil.': 1e9,
  bn: 1e9,
  b: 1e9,
  million: 1e6,
  'mil.': 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
  万亿: 1e12,
  萬億: 1e12,
  兆: 1e12,
  千亿: 1e11,
  千億: 1e11,
  百亿: 1e10,
  百億: 1e10,
  十亿: 1e9,
  十億: 1e9,
  亿: 1e8,
  億: 1e8,
  千万: 1e7,
  千萬: 1e7,
  百万: 1e6,
  百萬: 1e6,
  万: 1e4,
  萬: 1e4,
  千: 1e3,
};

const CURRENCY: Array<[RegExp, string]> = [
  [/^(?:us\$|\$us|u\.s\.\s?\$|\$|usd|dollars?|u\.s\.\s+dollars?|us\s+dollars?|美元|美金)$/i, 'USD'],
  [/^(?:w|₩|krw|won|korean\s+won|韩元|韓元|韩圜|韓圜)$/i, 'KRW'],
  [/^(?:€|eur|euros?|欧元|歐元)$/i, 'EUR'],
  [/^(?:£|gbp|pounds?|英镑|英鎊)$/i, 'GBP'],
  [/^(?:¥|jpy|yen|日元|日圓|日币|日幣)$/i, 'JPY'],
  [/^(?:rmb|cny|yuan|人民币|人民幣|元人民币|元人民幣|元)$/i, 'CNY'],
  [/^(?:nt\$|twd|新台币|新臺幣|新台幣|台币|台幣)$/i, 'TWD'],
  [/^(?:hk\$|hkd|港元|港币|港幣)$/i, 'HKD'],
];

const EN_NUMBER = String.raw`(?:(?:${DIGITS}|${NUMBER_WORDS})${FRACTION_AFTER}?)`;
// "22.8 tril. won ($16.5 bil.)": the Korean wires' abbreviations.
const EN_SCALE = String.raw`trillions?|billions?|millions?|thousand|tril\.|bil\.|mil\.|trln|bln|tn|bn|mln|mn|[tbmk]`;
const PREFIX = String.raw`US\$\s?|\$US(?=\s?\d)|U\.S\.\s?\$|NT\$|HK\$|\$|€|£|₩|¥|W(?=\d)|(?:USD|EUR|GBP|KRW|RMB|CNY|JPY|TWD|HKD)\s?`;
const WORD_CURRENCY = String.raw`U\.S\.\s+dollars?|US\s+dollars?|dollars?|Korean\s+won|won|euros?|yuan|yen|pounds?|USD|KRW|EUR|CNY|JPY|TWD|HKD`;
// ("5千億美元": a digit, then 千 and 億 together — not 千億美元 read alone after it)
const ZH_SCALE = '万亿|萬億|千亿|千億|百亿|百億|十亿|十億|千万|千萬|百万|百萬|亿|億|兆|万|萬|千';
/** Digits each with its unit, "1千5百" (1,500) before 億: read as the Chinese numeral they write, not "5百億" alone. */
const DIGIT_UNITS = '(?:\\d[千仟百佰十拾])+(?![千仟百佰十拾])(?=\\s?(?:万亿|萬億|亿|億|兆|万|萬))';
/** Digits across two sections, "47億5千萬" (4,750,000,000): read whole, not "5千萬" alone. */
const DIGIT_SECTIONS = '\\d+[亿億](?:\\d+[千仟百佰十拾]?)+[万萬](?![亿億])';
const ZH_CURRENCY =
  '美元|美金|韩元|韓元|韩圜|韓圜|欧元|歐元|英镑|英鎊|日元|日圓|人民币|人民幣|新台币|新臺幣|新台幣|台币|台幣|港元|港币|港幣|元';

const MONEY = new RegExp(
  [
    // $16.5 billion, US$16.5bn, W22.8tn, USD 16.5B, $165亿
    String.raw`(?<pcur>${PREFIX})(?<pnum>${DIGITS}${FRACTION_AFTER}?)(?:[\s-]?(?<pscale>${EN_SCALE})(?![A-Za-z])|(?<pzscale>${ZH_SCALE}))?(?:\s?(?:${ZH_CURRENCY}|dollars?|USD))?`,
    // 16.5 billion dollars, 22.8 trillion won, half a trillion dollars, 16-point-five billion U.S. dollars
    String.raw`(?<![\w.])(?<wnum>${EN_NUMBER})[\s-]?(?<wscale>trillions?|billions?|millions?|tril\.|bil\.|trln|bln|tn|bn)(?:\s+|-)(?<wcur>${WORD_CURRENCY})(?![A-Za-z])`,
    // 新台幣1453.8億元, 人民币1183亿元: the currency before the number
    String.raw`(?<zpcur>新台币|新臺幣|新台幣|台币|台幣|人民币|人民幣|港币|港幣|美金)\s?(?<zpnum>${DIGITS}|${CHINESE})\s?(?<zpscale>${ZH_SCALE})?元?`,
    // 165亿美元, 22.8万亿韩元, 二十二兆韓元, 47.5 億美元, 半兆美元 (half a trillion)
    String.raw`(?<znum>${DIGIT_SECTIONS}|${DIGIT_UNITS}|${DIGITS}|${CHINESE}|半(?=\s?(?:万亿|萬億|兆|亿|億)))\s?(?<zscale>${ZH_SCALE})?\s?(?<zcur>${ZH_CURRENCY})`,
    // a 16.5B deal, 16.5 billion (no currency)
    String.raw`(?<![\w.$])(?<bnum>${EN_NUMBER})\s?(?<bscale>trillion|billion|tn|bn|B)(?![A-Za-z])`,
  ].join('|'),
  'gi',
);

/**
 * Every alternative of MONEY needs one of these (a currency sign or word, or a
 * scale word): a sentence without any is skipped without running MONEY.
 */
const MONEY_CUE =
  /[$€£₩¥元]|w\d|usd|eur|gbp|krw|rmb|cny|jpy|twd|hkd|illion|\d\s?(?:tn|bn|b)(?![a-z])|美|韩|韓|欧元|歐元|英镑|英鎊|日元|日圓|人民|台币|台幣|臺幣|港/i;

/** A comma between one to three digits and one or two before a scale word: a decimal comma ("16,5 billion"). */
const DECIMAL_COMMA =
  /(?<=(?:^|[^\d,.])\d{1,3}),(?=\d{1,2}\s?(?:trillions?|billions?|millions?|tn|bn|mn|bln|mln)(?![A-Za-z]))/gi;

function currencyOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const normal = word.trim().replace(/\s+/g, ' ');
  return CURRENCY.find(([pattern]) => pattern.test(normal))?.[1];
}

function numberOf(text: string): number {
  if (/^(?:\d[千仟百佰十拾])+$/.test(text))
    return parseNumber(text.replace(/\d/g, (digit) => '〇一二三四五六七八九'[Number(digit)]!));
  return parseNumberWithFraction(text);
}

/**
 * Every money figure in a sentence.
 *
 * @example
 * readMoney('a $16.5 billion deal')[0]?.value;   // { kind: 'money', amount: 16500000000, currency: 'USD' }
 * readMoney('22.8兆韓元（約165億美元）').length;  // 2
 */
export function readMoney(text: string): ValueMention[] {
  const found: ValueMention[] = [];
  if (!MONEY_CUE.test(text)) return found;
  // "$16,5 billion": a decimal comma before a scale word, read as the point it stands for (the text keeps its
  // length, so positions hold) — not "$16," and "5 billion".
  const read = text.includes(',') ? text.replace(DECIMAL_COMMA, '.') : text;
  for (const match of read.matchAll(MONEY)) {
    const g = match.groups!;
    const written = g.pnum ?? g.wnum ?? g.zpnum ?? g.znum ?? g.bnum ?? '';
    const number = written === '半' ? 0.5 : numberOf(written);
    const scaleWord = g.pscale ?? g.pzscale ?? g.wscale ?? g.zpscale ?? g.zscale ?? g.bscale;
    const scale = scaleWord ? (SCALE[scaleWord.toLowerCase()] ?? SCALE[scaleWord] ?? 1) : 1;
    if (Number.isNaN(number) || number === 0) continue;
    const currencyWord = g.pcur ?? g.wcur ?? g.zpcur ?? g.zcur;
    const currency = currencyOf(currencyWord);
    if (currencyWord && !currency) continue;
    const amount = Math.round(number * scale * 1000) / 1000;
    const start = match.index;
    const end = start + match[0].length;
    const value: Value = { kind: 'money', amount, currency: currency ?? 'USD' };
    found.push({
      value,
      start,
      end,
      ...qualify(text, start, end),
      ...(currency ? {} : { currencyAssumed: true }),
    });
  }
  return found.length > 0 ? withChangedTotals(text, withoutRanges(text, found)) : found;
}

/** "reduce the up-to-$4.75 billion award it promised Samsung … by $1 billion": a change verb, then its object. */
const CHANGE_OF_OBJECT_BEFORE =
  /\b(?:(reduc|cut|trim|lower|slash|par|shrink|rais|increas|lift|boost|expand|enlarg)\w*)\s+(?:(?:the|its|their|an?|(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*['’]s?)\s+)?(?:(?:up[-\s]to|planned|original|promised|pledged|initial)[-\s]+)?(?:US)?$/i;

const CUTS = /^(?:reduc|cut|trim|lower|slash|par|shrink|削减|削減|减少|減少|下调|下調|缩减|縮減|砍)/i;

/** Between a total (after 把/将) and the amount right after: its change verb — 削减, 减少, 增加, 提高. */
const CHANGE_VERB_BEFORE_ZH =
  /^[^，。；]{0,12}?(削减|削減|减少|減少|下调|下調|缩减|縮減|砍|增加|提高|上调|上調|追加)了?\s*(?:约|約)?$/;

/**
 * A total changed by an amount, with the total before the amount in one clause: "will reduce the up-to-$4.75
 * billion award … by $1 billion" states $3.75 billion — the old total becomes `from`, and the total worked out
 * stands in place of the change's amount (a `shifted` value, as a date counted from a length).
 */
function withChangedTotals(text: string, found: ValueMention[]): ValueMention[] {
  const derived: ValueMention[] = [];
  for (const [index, total] of found.entries()) {
    const change = found[index + 1];
    if (!change || total.value.kind !== 'money' || change.value.kind !== 'money') continue;
    // "reduce the up-to-$4.75 billion award … by $1 billion"; 将把…最高47.5亿美元的补贴削减10亿美元
    const verb = CHANGE_OF_OBJECT_BEFORE.exec(text.slice(Math.max(0, total.start - 48), total.start));
    const verbZh = /(?:把|将|將)[^，。；]{0,20}$/.test(text.slice(Math.max(0, total.start - 24), total.start))
      ? CHANGE_VERB_BEFORE_ZH.exec(text.slice(total.end, change.start))
      : null;
    const changing = verb && change.role === 'by' ? verb : verbZh;
    if (!changing) continue;
    if (/[.;。；]/.test(text.slice(total.end, change.start)) || change.start - total.end > 120) continue;
    if (total.value.currency !== change.value.currency) continue;
    const sign = CUTS.test(changing[1]!) ? -1 : 1;
    const amount = Math.round((total.value.amount + sign * change.value.amount) * 1000) / 1000;
    if (amount <= 0) continue;
    total.role = 'from';
    derived.push({
      value: { kind: 'money', amount, currency: total.value.currency },
      start: change.start,
      end: change.end,
      shifted: true,
    });
  }
  if (derived.length === 0) return found;
  // (the change's amount gives way to the total worked out from it)
  const kept = found.filter((mention) => !derived.some((total) => total.start === mention.start));
  return [...kept, ...derived].sort((a, b) => a.start - b.start);
}

/**
 * "between $16 billion and $17 billion", "$16-17 billion", 160亿至170亿美元之间: a range is no amount — neither end is
 * the value (not "from $16.5 billion to $20 billion", a change).
 */
const RANGE =
  /(?:US)?\$\s?\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?\s*(?:trillion|billion|million|bn|mn|tn|[BMT])\b|\bbetween\s+(?:US)?\$?\s?[\d.,]+\s*(?:trillion|billion|million|bn|mn|tn|[BMT])?\s*(?:and|to|-|–)\s+(?:US)?\$?\s?[\d.,]+|[\d.]+\s*(?:万亿|萬億|亿|億)?\s*(?:美元)?\s*(?:至|到|~|～|-|—)\s*[\d.]+\s*(?:万亿|萬億|亿|億)\s*(?:美元)?\s*(?:之间|之間|区间|區間)/gi;

function withoutRanges(text: string, found: ValueMention[]): ValueMention[] {
  if (!/between|之间|之間|区间|區間|\$\s?\d+(?:\.\d+)?\s?[-–]\s?\d/i.test(text)) return found;
  const ranges = [...text.matchAll(RANGE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  return found.filter(
    (mention) => !ranges.some((range) => mention.start < range.end && mention.end > range.start),
  );
}
