import type Parser from 'rss-parser';
import { FeedError } from '../errors.ts';
import { htmlToText, namedEntityCharacter } from './clean-text.ts';
import { impossibleDate } from './feed-dates.ts';

export type FeedFormat = 'rss' | 'rdf' | 'atom';

/** One entry as the feed gave it, before normalisation. */
export interface RawItem {
  guid?: string;
  title?: string;
  link?: string;
  /** The description/summary, often HTML. */
  summary?: string;
  /** Full content (`content:encoded`, Atom `content`), often HTML. */
  content?: string;
  published?: string;
  /** Google News `<source url>`: the publisher. */
  source?: { name?: string; url?: string };
  categories: string[];
  /** SEC EDGAR Atom entries: the filing's accession number and form type. */
  accessionNumber?: string;
  formType?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  version?: string;
  title?: string;
  link?: string;
  /** RSS `<ttl>` in minutes. */
  ttlMinutes?: number;
  skipHours: number[];
  skipDays: string[];
  items: RawItem[];
  /** Entries of a huge document never parsed (withEntriesCapped): counted with those a poll skips. */
  omitted?: number;
}

type AnyRecord = Record<string, unknown>;

const PARSER_OPTIONS = {
  customFields: {
    feed: ['ttl', 'skipHours', 'skipDays', 'updated'],
    item: [
      // keepArray keeps xml2js's raw shape, so <source url="…"> keeps its attribute.
      ['source', 'sourceRaw', { keepArray: true }],
      ['category', 'categories', { keepArray: true }],
      ['content:encoded', 'contentEncoded'],
      ['dc:date', 'dcDate'],
      ['dc:subject', 'dcSubject', { keepArray: true }],
      'updated',
      'published',
      'id',
      'content',
      'description',
    ],
  },
} satisfies Parser.ParserOptions<AnyRecord, AnyRecord>;

let RssParserClass: typeof Parser | undefined;

/**
 * A parser for one document. rss-parser and its XML stack load on first use, not at start-up: most polls are
 * 304s that never parse, and a λ's cold start should not pay for them. Each document gets a parser of its own:
 * xml2js's parser keeps its state after an error, so a malformed feed parsed before another changed whether
 * that one failed (a broken document read as valid, or a good one's error changed).
 */
async function feedParser(): Promise<Parser<AnyRecord, AnyRecord>> {
  if (!RssParserClass) {
    const { default: RssParser } = await import('rss-parser');
    await replaceSnippetStripping();
    RssParserClass = RssParser;
  }
  return new RssParserClass<AnyRecord, AnyRecord>(PARSER_OPTIONS as never);
}

/**
 * rss-parser computes a `contentSnippet` for every description with the regex
 * `<(?:.|\n)*?>`, which is quadratic on an unclosed `<`: 200 KB of `<!--` in one
 * description held a poll for 30 s. Its helper is looked up on its utils module at
 * each call, so it is replaced here, once, by our linear HTML-to-text.
 */
async function replaceSnippetStripping(): Promise<void> {
  const { default: utils } = await import('rss-parser/lib/utils.js');
  utils.getSnippet = (html) => htmlToText(html, 2_000);
}

/**
 * Which kind of feed a document is, from its root element; undefined when it is
 * not a feed (an HTML error page served with 200, say).
 */
export function detectFormat(text: string): { format: FeedFormat; version?: string } | undefined {
  const head = text
    .slice(0, 4096)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '');
  const root = /<\s*([\w:.-]+)([^>]*)>/.exec(head);
  if (!root) return undefined;
  const name = root[1]!.toLowerCase();
  if (name === 'rss') return { format: 'rss', version: /version\s*=\s*["']([\d.]+)["']/.exec(root[2]!)?.[1] };
  if (name.endsWith('rdf')) return { format: 'rdf', version: '1.0' };
  if (name === 'feed') return { format: 'atom', version: /purl\.org\/atom/i.test(root[2]!) ? '0.3' : '1.0' };
  return undefined;
}

/**
 * A document with the defects one careless item brings escaped or dropped: a bare "&" that starts no reference
 * becomes "&amp;", a "<" that starts no tag "&lt;", a character reference to a character XML forbids (`&#0;`,
 * `&#xD83D;`) is dropped, and a named reference XML does not define becomes its character when it is an HTML name
 * (`&mdash;`) and is escaped otherwise (`R&D;` → `R&amp;D;`): the parser refuses a name it does not know, and a
 * name declared in a DOCTYPE is never expanded either. Each pattern looks at most 33 characters ahead: linear in
 * the document.
 *
 * @example
 * repairedXml('<title>AT&T & Samsung: a < b, R&D;</title>'); // '<title>AT&amp;T &amp; Samsung: a &lt; b, R&amp;D;</title>'
 */
export function repairedXml(text: string): string {
  return text
    .replace(/&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));/g, (reference, decimal?: string, hex?: string) =>
      xmlAllows(decimal ? Number(decimal) : Number.parseInt(hex!, 16)) ? reference : '',
    )
    .replace(/&([A-Za-z_][\w.-]{0,31});/g, (reference, name: string) => {
      if (XML_NAMED_REFERENCES.has(name)) return reference;
      const character = namedEntityCharacter(name);
      return character ? `&#${character.codePointAt(0)};` : `&amp;${name};`;
    })
    .replace(/&(?!(?:[A-Za-z_][\w.-]{0,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});)/g, '&amp;')
    .replace(/<(?![A-Za-z_:/!?])/g, '&lt;');
}

/** The five named references XML itself defines. */
const XML_NAMED_REFERENCES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** A character XML 1.0 allows (tab, line breaks, and the rest of Unicode but surrogates and U+FFFE/F). */
const xmlAllows = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/**
 * Entries parsed from one document, half from its start and half from its end (a feed lists its newest first or
 * last): past them, a hostile feed's 700,000 empty items cost seconds and 300 MB to parse.
 */
export const MAX_ENTRIES = 20_000;

/**
 * The document with the entries between its first and last MAX_ENTRIES / 2 cut out, and how many were — or the
 * document itself. One linear scan for where entries open; an `<item>` written inside a CDATA section or a
 * comment is text, not an entry, and is not counted (counting it would cut the document inside that section).
 *
 * @example
 * withEntriesCapped(hugeRss, 'rss'); // { text: its first and last 10,000 <item>s, omitted: 729000 }
 */
export function withEntriesCapped(text: string, format: FeedFormat): { text: string; omitted: number } {
  const starts = entryStarts(text, format === 'atom' ? /<entry[\s>/]/y : /<item[\s>/]/y);
  if (starts.length <= MAX_ENTRIES) return { text, omitted: 0 };
  const half = MAX_ENTRIES / 2;
  return {
    text: text.slice(0, starts[half]) + text.slice(starts[starts.length - half]),
    omitted: starts.length - MAX_ENTRIES,
  };
}

/** Sections whose content is text however it looks: skipped whole, each read once (an unclosed one ends the scan). */
const OPAQUE_SECTIONS: ReadonlyArray<readonly [open: string, close: string]> = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
];

/** Where each entry opens, outside CDATA sections and comments (`entryTag` is sticky: tried at each "<"). */
function entryStarts(text: string, entryTag: RegExp): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    const section = OPAQUE_SECTIONS.find(([open]) => text.startsWith(open, at));
    if (section) {
      const end = text.indexOf(section[1], at + section[0].length);
      if (end === -1) break;
      at = end;
    } else {
      entryTag.lastIndex = at;
      if (entryTag.test(text)) starts.push(at);
    }
  }
  return starts;
}

/**
 * Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 with rss-parser. Entity
 * declarations in a DOCTYPE are never expanded (rss-parser's XML layer, sax, does
 * not expand them): a document using them either fails to parse or keeps the
 * reference literally (`&xxe;`); the tests prove both outcomes stay harmless.
 *
 * @example
 * const feed = await parseFeed(text); // { format: 'rss', items: [{ title: 'Tesla…', … }], … }
 */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  if (!text.trim()) throw new FeedError('parse', 'empty', 'the document is empty');
  const detected = detectFormat(text);
  if (!detected) {
    const looksHtml = /<\s*(html|head|body|!doctype\s+html)/i.test(text.slice(0, 2048));
    throw new FeedError(
      'parse',
      'not-a-feed',
      looksHtml ? 'an HTML page, not a feed' : 'not an RSS, RDF or Atom document',
    );
  }
  let parsed: AnyRecord & { items?: AnyRecord[] };
  const { text: capped, omitted } = withEntriesCapped(text, detected.format);
  try {
    parsed = await (await feedParser()).parseString(capped);
  } catch (error) {
    // One item's bare "&" ("AT&T") or "a < b" fails the strict parse of the whole document, every item with it:
    // read it again with those escaped; the error stands only when that fails too.
    const repaired = repairedXml(capped);
    parsed = await (repaired === capped
      ? Promise.reject(error)
      : (await feedParser()).parseString(repaired).catch(() => Promise.reject(error))
    ).catch((failure: Error) => {
      throw new FeedError('parse', 'parse', `malformed ${detected.format}: ${firstLine(failure.message)}`, {
        cause: failure,
      });
    });
  }
  return {
    ...detected,
    ...(omitted ? { omitted } : {}),
    title: stringOf(parsed.title),
    link: stringOf(parsed.link),
    ttlMinutes: numberOf(parsed.ttl),
    skipHours: listOf(parsed.skipHours, 'hour')
      .map(Number)
      .filter((hour) => hour >= 0 && hour <= 23),
    skipDays: listOf(parsed.skipDays, 'day'),
    items: (parsed.items ?? []).map(toRawItem),
  };
}

function toRawItem(item: AnyRecord): RawItem {
  const content = stringOf(item.contentEncoded) ?? stringOf(item.content);
  const categories = [...arrayOf(item.categories), ...arrayOf(item.dcSubject)]
    .map(stringOf)
    .filter((c): c is string => Boolean(c));
  const source = arrayOf(item.sourceRaw)[0] as { _?: string; $?: { url?: string } } | string | undefined;
  return {
    guid: stringOf(item.guid) ?? stringOf(item.id),
    title: stringOf(item.title),
    link: stringOf(item.link),
    summary: stringOf(item.summary) ?? stringOf(item.description) ?? stringOf(item.contentSnippet),
    content,
    // The parser's isoDate rolls a day the calendar lacks over to a real one: then the text, to be refused.
    published:
      (impossibleDate(stringOf(item.pubDate)) ? stringOf(item.pubDate) : undefined) ??
      stringOf(item.isoDate) ??
      stringOf(item.pubDate) ??
      stringOf(item.dcDate) ??
      stringOf(item.published) ??
      stringOf(item.updated),
    source:
      typeof source === 'string'
        ? { name: source }
        : source
          ? { name: source._, url: source.$?.url }
          : undefined,
    categories,
    // EDGAR puts these near the top of the entry; a hostile content field is not scanned whole.
    accessionNumber:
      /<accession-n(?:umber|o)>([^<]{1,40})</i.exec(content?.slice(0, 8192) ?? '')?.[1] ??
      /accession-number=([\d-]{1,40})/.exec(stringOf(item.id)?.slice(0, 2048) ?? '')?.[1],
    formType: /<filing-type>([^<]{1,40})</i.exec(content?.slice(0, 8192) ?? '')?.[1],
  };
}

/** xml2js gives text as a string, `{ _: text }`, `{ $: { term } }` or a one-element array. */
function stringOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return stringOf(value[0]);
  if (typeof value === 'object') {
    const record = value as { _?: unknown; $?: { term?: unknown; label?: unknown } };
    return stringOf(record._) ?? stringOf(record.$?.term) ?? stringOf(record.$?.label);
  }
  return undefined;
}

function numberOf(value: unknown): number | undefined {
  const number = Number(stringOf(value));
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

function arrayOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function listOf(value: unknown, child: string): string[] {
  return arrayOf(value).flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    return arrayOf((entry as AnyRecord)[child])
      .map(stringOf)
      .filter((v): v is string => Boolean(v));
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 160);
}
