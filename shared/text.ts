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
