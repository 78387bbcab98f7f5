/**
 * Near-duplicate detection across feeds: a 64-bit SimHash over character
 * 3-gram shingles of the normalised title (so Chinese works as well as English).
 * Two titles within STORY_DISTANCE bits are the same story.
 */
export const STORY_DISTANCE = 3;
/** Four 16-bit bands: titles within 3 bits share at least one band exactly (pigeonhole). */
export const STORY_BANDS = 4;

function shingles(title: string): string[] {
  const text = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const chars = [...text];
  if (chars.length < 3) return chars.length ? [chars.join('')] : [];
  return chars.slice(0, -2).map((_, index) => chars.slice(index, index + 3).join(''));
}

/** FNV-1a, 32 bits, with a seed so two calls give the two halves of a 64-bit hash. */
function fnv1a(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The title's SimHash as 16 hex digits.
 *
 * @example
 * simhash('Tesla signs $16.5B deal with Samsung'); // e.g. '9f0c…'
 */
export function simhash(title: string): string {
  const weights = new Int32Array(64);
  for (const shingle of shingles(title)) {
    const halves = [fnv1a(shingle, 0), fnv1a(shingle, 0x5bd1e995)];
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (halves[bit >> 5]! >>> (bit & 31)) & 1 ? 1 : -1;
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) if (weights[nibble * 4 + bit]! > 0) value |= 1 << bit;
    hex += value.toString(16);
  }
  return hex;
}

/** Bits that differ between two SimHashes. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let index = 0; index < 16; index++) {
    let diff = Number.parseInt(a[index]!, 16) ^ Number.parseInt(b[index]!, 16);
    while (diff) {
      distance += diff & 1;
      diff >>= 1;
    }
  }
  return distance;
}

/** The SimHash's bands, the keys its near-duplicates are looked up by. */
export function storyBands(hash: string): string[] {
  return Array.from({ length: STORY_BANDS }, (_, band) => `${band}#${hash.slice(band * 4, band * 4 + 4)}`);
}
