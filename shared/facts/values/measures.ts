import { escapeRegex } from '../regex.ts';
import { qualify, type ValueMention } from './mention.ts';
import {
  CHINESE,
  DIGITS,
  FRACTION_AFTER,
  NUMBER_WORDS,
  parseNumber,
  parseNumberWithFraction,
  parseNumberWords,
  VULGAR_FRACTION_AFTER,
} from './numbers.ts';

/**
 * The smaller typed values: process nodes (`2nm`, `2-nanometer`, `2纳米`, `2奈米`,
 * `SF2`), ratios (`3x`, `three times`, `threefold`, `3倍`), quantities with a unit
 * (`5 EFLOPS`, `5 exaflops`) and counts of a thing (`20 data centers`, `二十座`).
 */

const NODE = new RegExp(
  [
    String.raw`(?<num>${DIGITS}|${CHINESE})\s?-?\s?(?:nm|nanomet(?:er|re)s?|纳米|奈米|納米)(?![A-Za-z])`,
    // "SF2", "N2P", "SF1.4" (not "SF1" of "SF1.4").
    String.raw`(?<![A-Za-z])(?:SF|N)(?<code>[1-3](?:\.\d)?)(?:[A-Z]{0,2})?(?!\w|\.\d)`,
    // "its two-nanometre process" (a spelled-out node is always small: one to ten).
    String.raw`(?<![A-Za-z])(?<word>[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)[-\s][Nn]anomet(?:er|re)s?(?![A-Za-z])`,
  ].join('|'),
  'g',
);

/**
 * Process nodes in nanometres.
 *
 * @example
 * readNodes('on Samsung’s 2nm process')[0]?.value; // { kind: 'node', value: 2 }
 */
export function readNodes(text: string): ValueMention[] {
  return [...text.matchAll(NODE)].flatMap((match) => {
    const { num, code, word } = match.groups!;
    const value = word ? parseNumberWords(word.toLowerCase()) : parseNumber(num ?? code!);
    if (Number.isNaN(value)) return [];
    const start = match.index;
    const end = start + match[0].length;
    return [{ value: { kind: 'node', value }, start, end, ...qualify(text, start, end) }];
  });
}

const RATIO_WORDS: Record<string, number> = {
  twice: 2,
  double: 2,
  doubled: 2,
  triple: 3,
  tripled: 3,
  thrice: 3,
  quadruple: 4,
};
const RATIO = new RegExp(
  [
    // "提升一倍", "翻倍": up by one time its size, twice as much (before "一倍" is read as 1×);
    // "提升两倍" means 2× to some writers and 3× to others, so only 一倍 is read.
    '(?:提升|提高|增加|增长|增長|成长|成長)(?<plusOne>一)倍|翻倍|翻一番',
    String.raw`(?<num>${DIGITS}${VULGAR_FRACTION_AFTER}?|${CHINESE})(?:\s?(?:x|X|×|-?fold|倍)|(?<=[\d½¼¾])\s+times)(?![A-Za-z])`,
    String.raw`(?<![A-Za-z])(?<words>${NUMBER_WORDS}${FRACTION_AFTER}?)(?:\s+times|-?fold)(?![A-Za-z])`,
    '(?<![A-Za-z])(?<single>twice|doubled?|tripled?|thrice|quadruple)(?![A-Za-z])',
  ].join('|'),
  'gi',
);

/**
 * Ratios ("3× as efficient", "three times", "3倍").
 *
 * @example
 * readRatios('three times as power-efficient')[0]?.value; // { kind: 'ratio', value: 3 }
 */
export function readRatios(text: string): ValueMention[] {
  return [...text.matchAll(RATIO)].flatMap((match) => {
    const g = match.groups!;
    const value =
      g.plusOne || match[0].startsWith('翻')
        ? 2
        : g.single
          ? RATIO_WORDS[g.single.toLowerCase()]!
          : parseNumberWithFraction(g.num ?? g.words!);
    if (Number.isNaN(value)) return [];
    const start = match.index;
    const end = start + match[0].length;
    return [{ value: { kind: 'ratio', value }, start, end, ...qualify(text, start, end) }];
  });
}

/**
 * A reader of quantities in canonical units, given their spellings.
 *
 * @example
 * quantityReader({ EFLOPS: ['EFLOPS', 'exaflops'] })('5 exaflops')[0]?.value; // { kind: 'quantity', value: 5, unit: 'EFLOPS' }
 */
export function quantityReader(units: Record<string, readonly string[]>): (text: string) => ValueMention[] {
  const readers = Object.entries(units).map(([unit, spellings]) => {
    const pattern = new RegExp(
      String.raw`(?<num>${DIGITS}|${CHINESE}|${NUMBER_WORDS})\s?(?:${spellings.map(escapeRegex).join('|')})(?![A-Za-z])`,
      'gi',
    );
    return (text: string) =>
      [...text.matchAll(pattern)].flatMap((match) => {
        const value = parseNumber(match.groups!.num!);
        if (Number.isNaN(value)) return [];
        const start = match.index;
        const end = start + match[0].length;
        return [
          { value: { kind: 'quantity' as const, value, unit }, start, end, ...qualify(text, start, end) },
        ];
      });
  });
  return (text) => readers.flatMap((read) => read(text));
}

/**
 * A reader of counts of the given things: `20 data centers`, `up to 20 large AI
 * data centres`, `二十座数据中心`. Adjectives may stand between number and noun;
 * "new", "more" and "additional" may not: "adds five new sites" is an increment.
 *
 * @example
 * countReader(['data cent(?:er|re)s?'])('up to 20 large AI data centres')[0]?.value; // { kind: 'count', value: 20 }
 */
export function countReader(
  nouns: readonly string[],
  namesBetween: readonly string[] = [],
): (text: string) => ValueMention[] {
  // (…and the counted thing's own names between: "30 Stargate sites")
  const names = namesBetween.map((name) => `|${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('');
  const filler = String.raw`(?:(?:large|massive|large-scale|hyperscale|giant|AI|planned|US|U\.S\.|American|个|個|座|处|處|大型|超大型|巨型${names})\s?){0,3}`;
  const pattern = new RegExp(
    // Not an ordinal ("第三个站点").
    // "a 20-site buildout": a count joined to its noun by a hyphen.
    String.raw`(?<![\d.第])(?<num>${DIGITS}|${CHINESE}|(?<![A-Za-z])${NUMBER_WORDS})(?:\+|多|余|餘)?[\s-]?${filler}(?:${nouns.join('|')})(?!建筑|建築|大楼|大樓|楼|樓|\s+buildings?\b)`,
    'dgiu',
  );
  // Chinese also puts the count after its noun, with a measure word: "站点最多可达二十个".
  const after = new RegExp(
    String.raw`(?:${nouns.join('|')})[^。；，,.;\d]{0,8}?(?<![第])(?<num>${DIGITS}|${CHINESE})\s?(?:个|個|座|处|處)`,
    'dgiu',
  );
  // …and its change after the noun: "站点数由20个下调至10个", "由20個縮減為10個" (the first count is `from`, this one `to`).
  const changedTo = new RegExp(
    String.raw`(?:${nouns.join('|')})[^。；，,.;]{0,16}?(?:至|到|(?:缩减|縮減|削减|削減|减少|減少|下调|下調|上调|上調|增加|扩大|擴大|调整|調整|减|減|增)(?:为|為))\s?(?:约|約|近)?\s?(?<num>${DIGITS}|${CHINESE})\s?(?:个|個|座|处|處)`,
    'dgiu',
  );
  // …and in English, the change verb right after the noun: "Stargate sites cut to 10 from 20" (not "sites in Texas
  // raised to 3", "data centres under construction increased to 6": a part, or progress).
  const changedToEn = new RegExp(
    String.raw`(?:${nouns.join('|')})\s+(?:cut|cuts|reduced|reduces|trimmed|trims|lowered|lowers|raised|raises|increased|increases|expanded|expands|scaled\s+back|scales\s+back|pared\s+back|slashed|slashes|lifted|lifts|boosted|boosts)(?:\s+(?:back|down|up))?\s+to\s+(?<num>${DIGITS}|(?<![A-Za-z])${NUMBER_WORDS})(?=\s+from\s+(?:${DIGITS}|${NUMBER_WORDS})\b|\s*(?:[.,;:!?)]|$))`,
    'dgiu',
  );
  // …and a total whose noun the sentence named before it: "six sites announced, against a planned total of 20",
  // "已确定7个站点，并计划最终扩展至20个", "lifting its planned total of data centres to 25" — only after a total's own
  // words, and with no other noun after it.
  const noun = new RegExp(`(?:${nouns.join('|')})`, 'iu');
  const elided = new RegExp(
    String.raw`(?:\btotal\s+(?:number\s+)?of\s+(?:${nouns.join('|')})\s+(?:to|at)\b|\btotal\s+of|\bup\s+to|\bas\s+many\s+as|\btotal\s+to|(?:总数|總數|总量|總量)\s?(?:仍|仍然|将|將)?\s?(?:为|為|约|約|达|達|最多|至多)?|(?:扩展|擴展|增加|增|扩大|擴大|达到|達到)(?:至|到))\s?(?:约|約|最多|至多|大约|大約)?\s?(?<num>${DIGITS}|${CHINESE}|(?<![A-Za-z])${NUMBER_WORDS})(?:\s?(?:个|個|座|处|處)(?![\u3400-\u9fff])|(?:\s+(?:in\s+total|planned|overall))?(?=\s*(?:[.,;:!?)]|$)))`,
    'dgiu',
  );
  // …or one of the planned total: "The site, one of 20 planned under the $500 billion Stargate program" (not a new
  // batch, "one of 5 planned new campuses", nor a region's, "one of 3 planned … in Texas").
  const onePlanned = new RegExp(
    String.raw`\bone\s+of\s?(?<num>${DIGITS}|${CHINESE}|(?<![A-Za-z])${NUMBER_WORDS})\s+planned\b(?!\s+new\b)(?![^,.;]*\bin\s+(?:the\s+)?(?!US\b|U\.S\.|United\s+States\b|America\b)[A-Z][a-z])`,
    'dgiu',
  );
  // …or the planned total named with its planner: "10 sites under development, halfway to the 20 it has planned".
  const thePlanned = new RegExp(
    String.raw`\bthe\s+(?<num>${DIGITS}|(?<![A-Za-z])${NUMBER_WORDS})\s+(?:(?:it|they|[A-Z][\w-]*)\s+(?:(?:has|have|had)\s+)?)?planned\b(?!\s+new\b)(?=\s*(?:[.,;:!?)]|$))`,
    'dgiu',
  );
  const elidedTotals = (text: string) =>
    [...text.matchAll(elided), ...text.matchAll(onePlanned), ...text.matchAll(thePlanned)].filter((match) =>
      noun.test(text.slice(0, match.indices!.groups!.num![0])),
    );
  return (text) => {
    const seen = new Set<number>();
    const elidedMatches = elidedTotals(text);
    return [
      ...text.matchAll(pattern),
      ...text.matchAll(after),
      ...text.matchAll(changedTo),
      ...text.matchAll(changedToEn),
      ...elidedMatches,
    ].flatMap((match) => {
      const value = parseNumber(match.groups!.num!);
      const start = match.indices!.groups!.num![0];
      if (seen.has(start)) return [];
      seen.add(start);
      // "another five", "再增加5个": an increment, judged just before the number.
      if (Number.isNaN(value) || INCREMENT_BEFORE.test(text.slice(Math.max(0, start - 14), start))) return [];
      const end = match.index + match[0].length;
      const elided = elidedMatches.includes(match) ? { elided: true } : {};
      return [
        { value: { kind: 'count' as const, value }, start, end, ...qualify(text, start, end), ...elided },
      ];
    });
  };
}

/** "another five", "再開發五座": an increment, not the total. */
const INCREMENT_BEFORE =
  /(?:\banother|\badditional|\bmore|\badds?|\badding|\bfurther|再|另|新增|增建|增加)\S{0,3}\s*$/i;
