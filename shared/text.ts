/**
 * The first `length` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair: a lone
 * surrogate (half an emoji) makes encodeURIComponent throw and is no valid Unicode for the services downstream.
 *
 * @example
 * cutAt('ab🚀', 3); // 'ab'
 */
export function cutAt(text: string, length: number): string {
  if (length <= 0) return '';
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/**
 * `text` in at most `max` UTF-16 units, ending in "…" when it had to be cut (never inside a surrogate pair).
 *
 * @example
 * ellipsized('Samsung will make AI6', 12); // 'Samsung wil…'
 */
export function ellipsized(text: string, max: number): string {
  return text.length > max ? `${cutAt(text, max - 1)}…` : text;
}
