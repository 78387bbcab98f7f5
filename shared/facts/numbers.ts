/**
 * Numbers as news writes them: `16.5`, `16,500`, `1.2万`, `一百六十五`, `百分之六点八`.
 * Scale words (billion, 亿, 万亿) are applied by the value extractors, which know
 * whether a scale belongs to the number.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_SECTIONS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a Chinese numeral is written with (for building regexes). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿点';

/**
 * A Chinese numeral as a number, or NaN.
 *
 * @example
 * parseChineseNumeral('一百六十五'); // 165
 * parseChineseNumeral('六点八');     // 6.8
 * parseChineseNumeral('十二');       // 12
 */
export function parseChineseNumeral(text: string): number {
  const [whole = '', fraction] = text.split('点');
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const char of whole) {
    if (char in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[char]!;
    } else if (char in CHINESE_UNITS) {
      section += (digit || 1) * CHINESE_UNITS[char]!;
      digit = 0;
    } else if (char in CHINESE_SECTIONS) {
      total = (total + section + digit) * CHINESE_SECTIONS[char]!;
      section = 0;
      digit = 0;
    } else {
      return Number.NaN;
    }
  }
  let value = total + section + digit;
  if (fraction !== undefined) {
    const digits = [...fraction].map((char) => CHINESE_DIGITS[char]);
    if (digits.some((d) => d === undefined) || digits.length === 0) return Number.NaN;
    value += Number(`0.${digits.join('')}`);
  }
  return whole === '' && fraction === undefined ? Number.NaN : value;
}

/**
 * An Arabic or Chinese number token as a number, or NaN.
 *
 * @example
 * parseNumber('16,500'); // 16500
 * parseNumber('6.8');    // 6.8
 * parseNumber('二十');   // 20
 */
export function parseNumber(token: string): number {
  const trimmed = token.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parseChineseNumeral(trimmed);
}

const ENGLISH_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  twice: 2,
  double: 2,
  three: 3,
  triple: 3,
  thrice: 3,
  four: 4,
  quadruple: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

/** A small English number word (`three`, `twice`, `twenty`) as a number, or NaN. */
export function parseNumberWord(word: string): number {
  return ENGLISH_WORDS[word.toLowerCase()] ?? Number.NaN;
}

/** The regex source for an English number word. */
export const NUMBER_WORD_SOURCE = Object.keys(ENGLISH_WORDS).join('|');

/** Relative difference of two numbers (0 when equal, symmetric). */
export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
