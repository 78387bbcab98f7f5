import { ellipsized } from '../text.ts';
/**
 * Feed text made safe for people and for the store: HTML to plain text in one
 * linear pass over a capped input, entities decoded, control, bidirectional and
 * zero-width characters removed, length capped. Every text field of an item goes
 * through here once, at ingestion; nothing downstream sees markup or an ESC.
 *
 * Why a hand-written scanner: regex stripping (`<!--[\s\S]*?-->` and friends) is
 * quadratic on unclosed constructs — 100 KB of `<!--` took 11 s — and one hostile
 * feed would stall every other feed of the poll. Here every search for a closing
 * delimiter starts where the last one ended, so the whole input is read a bounded
 * number of times whatever it holds.
 */

/** Characters of a field read at most: a feed body is capped at 5 MB, one field never needs more than this. */
export const MAX_HTML_INPUT = 1024 * 1024;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  times: '×',
  deg: '°',
};

/** Elements whose content is never text a person should read. */
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'object',
  'template',
  'svg',
  'math',
]);
/** Elements that end a line of text. */
const BLOCK_ELEMENTS = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'blockquote',
  'section',
  'article',
  'hr',
]);

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;
const TAG_NAME = /<(\/?)([a-zA-Z][a-zA-Z0-9-]{0,31})/y;
const NEXT_SPECIAL = /[<&]/g;

/**
 * The character an HTML named reference stands for (`mdash` → "—"), or undefined for a name this table lacks.
 *
 * @example
 * namedEntityCharacter('mdash'); // '—'
 */
export const namedEntityCharacter = (name: string): string | undefined => NAMED_ENTITIES[name.toLowerCase()];

/** One entity reference as its character; unknown names stay as written. */
function entityValue(name: string, whole: string): string {
  if (name[0] !== '#') return namedEntityCharacter(name) ?? whole;
  const code =
    name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : '';
}

/**
 * Decodes named and numeric character references, once, in one pass.
 *
 * @example
 * decodeEntities('Tesla &amp; Samsung &#8217;s'); // 'Tesla & Samsung ’s'
 */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
    (whole, name: string) => entityValue(name, whole),
  );
}

/**
 * A cursor over the input that finds closing delimiters without ever searching
 * the same stretch twice: once a delimiter is known absent from a position on,
 * every later search for it answers at once.
 */
class Scanner {
  private readonly lower: string;
  private readonly nextAt = new Map<string, number>();

  constructor(readonly text: string) {
    this.lower = text.toLowerCase();
  }

  /** Index of `needle` at or after `from` (case-insensitive for lower-case needles), or -1. */
  find(needle: string, from: number): number {
    const known = this.nextAt.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = this.lower.indexOf(needle, from);
    this.nextAt.set(needle, found);
    return found;
  }
}

/** Which elements lose their content, and which end a line, on top of the defaults. */
export interface MarkupRules {
  /** Elements dropped with their content (e.g. `font`, where Google News names the publisher). */
  dropElements?: readonly string[];
  /** Elements that end a line of text (e.g. `a`, one Google News headline each). */
  breakElements?: readonly string[];
}

interface CompiledRules {
  drop: ReadonlySet<string>;
  breaks: ReadonlySet<string>;
}

/** One pass of markup removal with entity decoding. */
function stripOnce(input: string, rules: CompiledRules): string {
  const scanner = new Scanner(input);
  const out: string[] = [];
  let at = 0;
  while (at < input.length) {
    NEXT_SPECIAL.lastIndex = at;
    const special = NEXT_SPECIAL.exec(input);
    const stop = special ? special.index : input.length;
    if (stop > at) out.push(input.slice(at, stop));
    if (!special) break;
    at = special[0] === '&' ? readEntity(input, stop, out) : readMarkup(input, stop, scanner, out, rules);
  }
  return out.join('');
}

function readEntity(input: string, at: number, out: string[]): number {
  ENTITY.lastIndex = at;
  const match = ENTITY.exec(input);
  if (!match) {
    out.push('&');
    return at + 1;
  }
  out.push(entityValue(match[1]!, match[0]));
  return at + match[0].length;
}

/** Skips one construct starting with `<`; returns where text resumes (the end of input when unclosed). */
function readMarkup(
  input: string,
  at: number,
  scanner: Scanner,
  out: string[],
  rules: CompiledRules,
): number {
  if (input.startsWith('<!--', at)) return skipPast(scanner, '-->', at + 4, input.length, out, ' ');
  if (input.startsWith('<![CDATA[', at)) {
    const end = scanner.find(']]>', at + 9);
    return end === -1 ? input.length : end + 3;
  }
  if (input[at + 1] === '!' || input[at + 1] === '?')
    return skipPast(scanner, '>', at + 2, input.length, out, ' ');
  TAG_NAME.lastIndex = at;
  const tag = TAG_NAME.exec(input);
  if (!tag) {
    out.push('<');
    return at + 1;
  }
  const name = tag[2]!.toLowerCase();
  const closing = tag[1] === '/';
  const close = scanner.find('>', at + tag[0].length);
  if (close === -1) return input.length;
  out.push(rules.breaks.has(name) ? '\n' : ' ');
  if (closing || !rules.drop.has(name)) return close + 1;
  const end = scanner.find(`</${name}`, close + 1);
  if (end === -1) return input.length;
  const endClose = scanner.find('>', end);
  return endClose === -1 ? input.length : endClose + 1;
}

function skipPast(
  scanner: Scanner,
  needle: string,
  from: number,
  length: number,
  out: string[],
  gap: string,
) {
  const end = scanner.find(needle, from);
  out.push(gap);
  return end === -1 ? length : end + needle.length;
}

/**
 * Characters no reader should receive from a feed: C0 and C1 controls (tab and
 * newline aside), bidirectional overrides and isolates (U+202E turns text around in
 * a terminal or an email), zero-width characters, the BOM and noncharacters.
 */
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are removed.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]/g;

/**
 * Text from a feed or the store with what must never reach a person removed (see
 * UNSAFE_CHARACTERS), nothing else changed: for output, where ingestion already
 * cleaned new text and this also covers records written before it did.
 *
 * @example
 * removeUnsafe('a\u001b[2Jb'); // 'a[2Jb'
 */
export function removeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

/** True when text holds a character removeUnsafe would remove (tests and checks). */
export function hasUnsafe(text: string): boolean {
  return text.replace(UNSAFE_CHARACTERS, '') !== text;
}

/**
 * Removes what must never reach a person (see UNSAFE_CHARACTERS), folds white
 * space (keeping single line breaks when `lines`) and caps the length.
 *
 * @example
 * cleanText('Tesla\u001b[31m \u202Eevil\u200B', 100); // 'Tesla[31m evil'
 */
export function cleanText(text: string, maxLength: number, options: { lines?: boolean } = {}): string {
  const safe = text.slice(0, maxLength * 4 + 1024).replace(UNSAFE_CHARACTERS, '');
  const folded = options.lines
    ? safe
        // every white space but the line breaks (U+202F, U+2028 … too: see NEEDS_NORMALISING in the fact engine)
        .replace(/[^\S\r\n]+/g, ' ')
        .replace(/ ?\r?\n ?/g, '\n')
        .replace(/\n{2,}/g, '\n')
    : safe.replace(/\s+/g, ' ');
  const trimmed = folded.trim();
  return ellipsized(trimmed, maxLength);
}

/**
 * HTML to plain text: script, style and other non-text elements dropped with their
 * content, comments and tags removed, entities decoded, `javascript:` URLs removed,
 * unsafe characters removed, white space folded, length capped. Markup escaped once
 * more (`&lt;p&gt;`) is stripped by a second pass, so none survives. Linear in the
 * input, which is read up to `MAX_HTML_INPUT` characters.
 *
 * @example
 * htmlToText('<p>Tesla &amp; Samsung<script>alert(1)</script></p>'); // 'Tesla & Samsung'
 */
export function htmlToText(
  html: string | undefined,
  maxLength = 20_000,
  options: MarkupRules & { maxInput?: number } = {},
): string {
  if (!html) return '';
  const rules = {
    drop: new Set([...RAW_TEXT_ELEMENTS, ...(options.dropElements ?? [])]),
    breaks: new Set([...BLOCK_ELEMENTS, ...(options.breakElements ?? [])]),
  };
  const maxInput = options.maxInput ?? MAX_HTML_INPUT;
  const once = stripOnce(html.length > maxInput ? html.slice(0, maxInput) : html, rules);
  const text = /<[a-zA-Z!/?]/.test(once) ? stripOnce(once, rules) : once;
  return cleanText(text.replace(/javascript\s{0,16}:[^\s"'<>]*/gi, ''), maxLength, { lines: true });
}
