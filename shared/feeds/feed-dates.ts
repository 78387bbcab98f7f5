/**
 * Feed dates the calendar lacks. `new Date()` rolls "30 Feb" over to 2 March and "31 Sep" to 1 October
 * without a word, and a feed's date then moves an item across `--published-since` and the old-news rule;
 * a date like that is unreadable, as "not a date" is.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const impossible = (year: number, month: number, day: number) =>
  month < 1 || month > 12 || day < 1 || day > daysIn(year, month);

/**
 * True when the text names a day the calendar lacks: ISO (2025-02-30, 2025-13-45), RFC 822
 * (Wed, 31 Sep 2025) or Chinese (2025年2月30日).
 *
 * @example
 * impossibleDate('Wed, 31 Sep 2025 10:00:00 GMT'); // true
 * impossibleDate('2025-09-01T08:00:00Z'); // false
 */
export function impossibleDate(text: string | undefined): boolean {
  if (!text) return false;
  const iso = /(\d{4})\s*[-/年]\s*(\d{1,2})\s*[-/月]\s*(\d{1,2})/.exec(text);
  if (iso) return impossible(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/.exec(text);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    return month > 0 && impossible(Number(rfc[3]), month, Number(rfc[1]));
  }
  return false;
}
