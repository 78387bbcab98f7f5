import { createHash } from 'node:crypto';
import type { StoredItem } from '../store/items.ts';
import type { RawItem } from './parse.ts';

/** Text caps: DynamoDB items stop at 400 KB, and no alert needs more than this. */
export const TEXT_LIMITS = { title: 500, summary: 2_000, content: 20_000 } as const;

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

/** Decodes named and numeric character references; unknown ones stay as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function stripMarkup(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|iframe|object|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(script|style|noscript|iframe|object|template)\b[^>]*>[\s\S]*$/gi, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ');
}

/**
 * HTML to plain text: script and style content dropped, tags removed, entities
 * decoded, white space folded, `javascript:` URLs removed, length capped. Markup
 * that was escaped twice is stripped again after decoding, so none survives.
 *
 * @example
 * htmlToText('<p>Tesla &amp; Samsung<script>alert(1)</script></p>'); // 'Tesla & Samsung'
 */
export function htmlToText(html: string | undefined, maxLength: number = TEXT_LIMITS.content): string {
  if (!html) return '';
  const once = decodeEntities(stripMarkup(html));
  const text = /<[a-z!/]/i.test(once) ? decodeEntities(stripMarkup(once)) : once;
  const clean = text
    .replace(/javascript\s*:[^\s"'<>]*/gi, '')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

const TRACKING_PARAMS =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ref_src|outputtype)$/i;

/**
 * A canonical URL for dedupe: http(s) only (anything else, `javascript:` included,
 * gives undefined), lower-case host, no tracking parameters, no fragment, no AMP variant.
 *
 * @example
 * canonicalUrl('https://WWW.Example.com/amp/news/story?utm_source=x&id=7#top'); // 'https://www.example.com/news/story?id=7'
 */
export function canonicalUrl(link: string | undefined, base?: string): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const ampCache = /^\/[a-z]\/s\/(.+)$/.exec(url.pathname);
  if (url.hostname.endsWith('.cdn.ampproject.org') && ampCache)
    return canonicalUrl(`https://${ampCache[1]}${url.search}`);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^amp\./, '');
  for (const key of [...url.searchParams.keys()]) {
    if (
      TRACKING_PARAMS.test(key) ||
      (key.toLowerCase() === 'amp' && ['', '1', 'true'].includes(url.searchParams.get(key) ?? ''))
    ) {
      url.searchParams.delete(key);
    }
  }
  url.pathname = url.pathname.replace(/\/amp(?=\/|$)/i, '').replace(/\.amp(?=\.html?$)/i, '') || '/';
  return url.href;
}

/**
 * Google News titles end in ` - Publisher`: split it off into the source.
 *
 * @example
 * splitGoogleNewsTitle('Tesla signs deal - Reuters'); // { title: 'Tesla signs deal', publisher: 'Reuters' }
 */
export function splitGoogleNewsTitle(title: string): { title: string; publisher?: string } {
  const match = /^(.*\S)\s+[-–—]\s+([^-–—]{2,80})$/.exec(title.trim());
  return match ? { title: match[1]!, publisher: match[2]!.trim() } : { title: title.trim() };
}

const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/**
 * A publish date in RFC 822, ISO 8601 or Chinese form (`2025年7月28日 10:30`,
 * taken as UTC+8 when it names no zone). Missing or unreadable: the fetch time.
 * More than an hour in the future: clamped to the fetch time.
 */
export function normaliseDate(text: string | undefined, fetchedAt: Date): string {
  const parsed = parseDate(text);
  if (!parsed || parsed.getTime() > fetchedAt.getTime() + FUTURE_TOLERANCE_MS) return fetchedAt.toISOString();
  return parsed.toISOString();
}

function parseDate(text: string | undefined): Date | undefined {
  if (!text?.trim()) return undefined;
  const chinese =
    /(\d{4})\s*[年/-]\s*(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?)?/.exec(
      text,
    );
  if (chinese && (/[年月日]/.test(text) || !/[TZ+]|GMT|UTC/i.test(text))) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = chinese;
    return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s)));
  }
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface FeedContext {
  feedId: string;
  feedUrl: string;
  /** The feed's own title: the source of items that name no publisher. */
  feedTitle?: string;
  language?: string;
  topics?: string[];
  fetchedAt: Date;
}

function isGoogleNewsUrl(url: string | undefined): boolean {
  try {
    return url !== undefined && /(^|\.)news\.google\.com$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Google News descriptions repeat the title and name the publisher in a `<font>`
 * (`<a>Title</a>&nbsp;<font>Reuters</font>`), or list related headlines each with
 * its publisher. Keep only what adds to the title: one line per other headline,
 * without publishers, so no evidence quotes "Title Reuters Reuters …".
 *
 * @example
 * googleNewsSummary('<a href="…">Tesla signs deal</a>&nbsp;<font color="#6f6f6f">Reuters</font>', 'Tesla signs deal'); // ''
 */
export function googleNewsSummary(html: string | undefined, title: string): string {
  if (!html) return '';
  // Some feeds escape the description's markup once more.
  const markup = /&lt;\s*\/?\s*(a|font)\b/i.test(html) ? decodeEntities(html) : html;
  const withoutPublishers = markup.replace(/<font\b[^>]*>[^<]*<\/font>/gi, '\n').replace(/<\/a>/gi, '</a>\n');
  return htmlToText(withoutPublishers, TEXT_LIMITS.summary)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && line !== title)
    .join('\n');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A raw item made clean: plain text, canonical link, publisher, date, and the two
 * hashes that drive dedupe: `key` (guid, else canonical URL, else title + date)
 * and `contentHash` (what a publisher's edit changes).
 */
export function normaliseItem(raw: RawItem, feed: FeedContext): StoredItem {
  const link = canonicalUrl(raw.link, feed.feedUrl);
  const isGoogleNews = [feed.feedUrl, raw.link].some(isGoogleNewsUrl) || Boolean(raw.source?.url);
  const rawTitle = htmlToText(raw.title, TEXT_LIMITS.title);
  const split = isGoogleNews ? splitGoogleNewsTitle(rawTitle) : { title: rawTitle };
  const summary = isGoogleNews
    ? googleNewsSummary(raw.summary, split.title)
    : htmlToText(raw.summary, TEXT_LIMITS.summary);
  const contentText = isGoogleNews
    ? googleNewsSummary(raw.content, split.title)
    : htmlToText(raw.content, TEXT_LIMITS.content);
  const content = contentText && contentText !== summary ? contentText : undefined;
  const title = split.title || summary.slice(0, 120) || '(untitled)';
  const published = normaliseDate(raw.published, feed.fetchedAt);
  const guid = raw.guid?.trim() || undefined;
  const identity = guid ? `guid:${guid}` : link ? `url:${link}` : `title:${title}\n${raw.published ?? ''}`;
  return {
    key: sha256(identity),
    feedId: feed.feedId,
    title,
    ...(summary ? { summary } : {}),
    ...(content ? { content } : {}),
    ...(link ? { link } : {}),
    ...(guid ? { guid } : {}),
    source:
      raw.source?.name ??
      split.publisher ??
      (htmlToText(feed.feedTitle, 80) || new URL(feed.feedUrl).hostname),
    published,
    contentHash: sha256(`${title}\n${summary}\n${content ?? ''}`),
    ...(feed.language ? { language: feed.language } : {}),
    ...(feed.topics?.length ? { topics: feed.topics } : {}),
    ...(raw.categories.length ? { categories: raw.categories.slice(0, 20) } : {}),
    ...(raw.accessionNumber ? { accessionNumber: raw.accessionNumber } : {}),
    ...(raw.formType ? { formType: raw.formType } : {}),
  };
}
