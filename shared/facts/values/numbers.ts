/**
 * Numbers as news writes them, in English and Chinese: `16.5`, `16,500`,
 * `twenty-two`, `half a`, `一百六十五`, `二〇二七`, `七十點二`, `兩`. Scale words
 * (billion, 亿, 兆) belong to the value parsers, which know what they scale.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CHINESE_SECTIONS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** A year written digit by digit in Chinese numerals, as a pattern source: 二〇二七. */
export const CHINESE_DIGIT_YEAR = '[〇零一二][〇零一二三四五六七八九]{3}';

/** Characters Chinese numerals are written with: digits, units, sections and the decimal point. */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二貳两兩三四五六七八九十拾百佰千仟万萬亿億点點';

/** Regex source of a number written with digits: `16`, `16.5`, `16,500`, `1,234.5`. */
export const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Regex source of a Chinese numeral (at least one digit or unit character). */
export const CHINESE = `[${CHINESE_NUMERAL_CHARS}]+`;

/**
 * A Chinese numeral as a number, or NaN. Digit strings (`二〇二七`) read digit by
 * digit; place-value numerals (`一百六十五`, `七十點二`) by their units.
 *
 * @example
 * parseChineseNumeral('一百六十五'); // 165
 * parseChineseNumeral('二〇二七');   // 2027
 * parseChineseNumeral('七十點二');   // 70.2
 * parseChineseNumeral('四十七點五億'); // 4750000000
 */
export function parseChineseNumeral(text: string): number {
  const [whole = '', fraction] = text.split(/[点點]/);
  if (whole === '' && fraction === undefined) return Number.NaN;
  // "四十七點五億": a fraction before a section mark scales the whole number.
  const scaled = fraction === undefined ? undefined : /^(.*?)([万萬亿億]+)$/.exec(fraction);
  if (scaled) return parseChineseNumeral(`${whole}點${scaled[1]}`) * placeValue(`一${scaled[2]}`);
  let value =
    [...whole].every((char) => char in CHINESE_DIGITS) && whole.length > 1
      ? Number([...whole].map((char) => CHINESE_DIGITS[char]).join(''))
      : placeValue(whole);
  if (Number.isNaN(value)) return value;
  if (fraction !== undefined) {
    const digits = [...fraction].map((char) => CHINESE_DIGITS[char]);
    if (digits.length === 0 || digits.some((digit) => digit === undefined)) return Number.NaN;
    value += Number(`0.${digits.join('')}`);
  }
  return value;
}

/**
 * A place-value numeral. A section mark (万, 亿) scales the section before it — and what came before too when it is
 * the larger mark (一万亿 is 10¹²), but not a larger section already closed (四十七亿五千万 is 47×10⁸ + 5,000×10⁴).
 */
function placeValue(text: string): number {
  let total = 0;
  let lastSection = 0;
  let section = 0;
  let digit = 0;
  // (Arabic digits may stand for a section's digits: "47億5千萬")
  let arabic = '';
  for (const char of text) {
    if (char >= '0' && char <= '9') {
      arabic += char;
      digit = Number(arabic);
      continue;
    }
    arabic = '';
    if (char in CHINESE_DIGITS) digit = CHINESE_DIGITS[char]!;
    else if (char in CHINESE_UNITS) {
      section += (digit || 1) * CHINESE_UNITS[char]!;
      digit = 0;
    } else if (char in CHINESE_SECTIONS) {
      const mark = CHINESE_SECTIONS[char]!;
      const current = section + digit;
      total = mark > lastSection ? (total + current) * mark : total + current * mark;
      lastSection = Math.max(lastSection, mark);
      section = 0;
      digit = 0;
    } else return Number.NaN;
  }
  return total + section + digit;
}

const ONES: Record<string, number> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Regex source of an English number in words: `eight`, `twenty-two`, `a hundred`, `half a`. */
export const NUMBER_WORDS = String.raw`(?:(?:an?\s+)?dozen|half\s+an?|half(?=-(?:trillion|billion|million))|(?:${Object.keys(TENS).join('|')})(?:[-\s](?:${Object.keys(
  ONES,
)
  .filter((word) => ONES[word]! > 0 && ONES[word]! < 10 && word.length > 2)
  .join('|')}))?|${Object.keys(ONES)
  .filter((word) => word.length > 2)
  .join('|')})(?:\s+hundred)?`;

const DIGIT_WORDS = 'zero|one|two|three|four|five|six|seven|eight|nine';

/** Regex source of a vulgar fraction after digits: "16½", "16 1/2", "6 3/4". */
export const VULGAR_FRACTION_AFTER = String.raw`(?:\s?[½¼¾]|\s(?:1\/2|1\/4|3\/4))`;

/**
 * Regex source of what may follow a number as its fraction: "sixteen point five", "16-point-five", "sixteen and a
 * half", "16½", "16 1/2".
 */
export const FRACTION_AFTER = String.raw`(?:[-\s]point[-\s](?:\d+|(?:${DIGIT_WORDS})(?:[-\s](?:${DIGIT_WORDS}))*)|[-\s]and[-\s]a[-\s]half|${VULGAR_FRACTION_AFTER})`;

const VULGAR_FRACTIONS: Record<string, number> = {
  '½': 0.5,
  '¼': 0.25,
  '¾': 0.75,
  '1/2': 0.5,
  '1/4': 0.25,
  '3/4': 0.75,
};

/**
 * A number with its fraction (FRACTION_AFTER) as a number, or NaN.
 *
 * @example
 * parseNumberWithFraction('sixteen point five');  // 16.5
 * parseNumberWithFraction('sixteen-and-a-half');  // 16.5
 * parseNumberWithFraction('16 1/2');              // 16.5
 */
export function parseNumberWithFraction(text: string): number {
  const point = /^(.+?)[-\s]+point[-\s]+(.+)$/i.exec(text);
  if (point) {
    const whole = parseNumber(point[1]!);
    const digits = point[2]!
      .split(/[-\s]+/)
      .map((word) => (/^\d+$/.test(word) ? word : String(ONES[word.toLowerCase()] ?? '')));
    return digits.every((digit) => /^\d+$/.test(digit)) ? whole + Number(`0.${digits.join('')}`) : Number.NaN;
  }
  const half = /^(.+?)[-\s]and[-\s]a[-\s]half$/i.exec(text);
  if (half) return parseNumber(half[1]!) + 0.5;
  const vulgar = /^(.+?)\s?(½|¼|¾|1\/2|1\/4|3\/4)$/.exec(text);
  if (vulgar) return parseNumber(vulgar[1]!) + VULGAR_FRACTIONS[vulgar[2]!]!;
  return parseNumber(text);
}

/**
 * An English number in words as a number, or NaN.
 *
 * @example
 * parseNumberWords('twenty-two'); // 22
 * parseNumberWords('half a');     // 0.5
 * parseNumberWords('a');          // 1
 */
export function parseNumberWords(text: string): number {
  const words = text
    .toLowerCase()
    .split(/[-\s]+/)
    .filter(Boolean);
  if (words[0] === 'half') return 0.5;
  let value = 0;
  for (const word of words) {
    if (word in ONES) value += ONES[word]!;
    else if (word in TENS) value += TENS[word]!;
    else if (word === 'hundred') value = (value || 1) * 100;
    else if (word === 'dozen') value = 12;
    else return Number.NaN;
  }
  return words.length ? value : Number.NaN;
}

/**
 * A number token (digits, Chinese or English words) as a number, or NaN.
 *
 * @example
 * parseNumber('16,500'); // 16500
 * parseNumber('二十');   // 20
 * parseNumber('eight');  // 8
 */
export function parseNumber(token: string): number {
  const trimmed = token.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^[a-z][a-z\s-]*$/i.test(trimmed)) return parseNumberWords(trimmed);
  return parseChineseNumeral(trimmed);
}

/** Relative difference of two numbers (0 when equal, symmetric). */
export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
