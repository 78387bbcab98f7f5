/**
 * SMS text in one GSM-7 segment: 160 characters from the GSM 03.38 alphabet
 * (anything else forces UCS-2 and 70-character segments, or is dropped by carriers).
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Extension characters cost two septets each (escape + char). */
const GSM_EXTENDED = '^{}\\[~]|€';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200B\u3000]/g, ' '],
  [/\u2192/g, '->'],
  [/[×✕]/g, 'x'],
  [/₩/g, 'KRW '],
  [/CN¥/g, 'CNY '],
];

/** Septets a GSM-7 string takes. */
export function gsmLength(text: string): number {
  let length = 0;
  for (const char of text) length += EXTENDED.has(char) ? 2 : 1;
  return length;
}

/** True when every character is in the GSM-7 alphabet (basic or extension). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENDED.has(char)) return false;
  return true;
}

/**
 * Text made GSM-7: typographic quotes, dashes and ellipses replaced, accents kept
 * where GSM has them, everything else (CJK included) dropped.
 *
 * @example
 * toGsm7('Musk’s “minimum” – $16.5B…'); // 'Musk\'s "minimum" - $16.5B...'
 */
export function toGsm7(text: string): string {
  let replaced = text;
  for (const [pattern, replacement] of REPLACEMENTS) replaced = replaced.replace(pattern, replacement);
  let out = '';
  for (const char of replaced) {
    if (BASIC.has(char) || EXTENDED.has(char)) out += char;
    else {
      const base = char.normalize('NFD')[0] ?? '';
      if (BASIC.has(base) && base !== ' ') out += base;
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Cuts GSM-7 text to `max` septets, ending with "..." when cut. */
export function fitGsm7(text: string, max = 160): string {
  if (gsmLength(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (gsmLength(`${out}${char}`) > max - 3) break;
    out += char;
  }
  return `${out.trimEnd()}...`;
}
