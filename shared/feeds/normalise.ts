import { createHash } from 'node:crypto';
import type { StoredItem } from '../model/items.ts';
import { cleanText, htmlToText } from './clean-text.ts';
import { impossibleDate } from './feed-dates.ts';
import type { RawItem } from './parse.ts';

export { htmlToText } from './clean-text.ts';

/**
 * Caps on every text field an item carries, so that a stored item (its head keeps
 * the previous title and summary too) stays far below DynamoDB's 400 KB and every
 * message built from it below SNS's 256 KB, by construction: at 4 bytes a
 * character at worst, a head is at most about 120 KB.
 */
export const TEXT_LIMITS = {
  title: 500,
  summary: 2_000,
  content: 20_000,
  source: 200,
  category: 100,
  categories: 20,
  link: 2_048,
  /** A longer guid is kept as its hash: it is an identity, not text anyone reads. */
  guid: 512,
} as const;

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
  if (!parsed || inTheFuture(parsed, fetchedAt)) return fetchedAt.toISOString();
  return parsed.toISOString();
}

/** More than an hour after `now`: a feed's clock or typo, never news from the future. */
export function inTheFuture(date: Date, now: Date): boolean {
  return date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;
}

/** A feed's item date as written (RFC 822, ISO 8601, 2025年8月1日 in China's time), or undefined. */
export function parseDate(text: string | undefined): Date | undefined {
  if (!text?.trim() || impossibleDate(text)) return undefined;
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
  // The second pass of htmlToText handles descriptions whose markup is escaped once more.
  return htmlToText(html, TEXT_LIMITS.summary, { dropElements: ['font'], breakElements: ['a'] })
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
  const link = boundedLink(canonicalUrl(raw.link, feed.feedUrl));
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
  const guid = boundedGuid(raw.guid);
  const identity = guid ? `guid:${guid}` : link ? `url:${link}` : `title:${title}\n${raw.published ?? ''}`;
  const categories = raw.categories
    .slice(0, TEXT_LIMITS.categories)
    .map((category) => htmlToText(category, TEXT_LIMITS.category))
    .filter(Boolean);
  return {
    key: sha256(identity),
    feedId: feed.feedId,
    title,
    ...(summary ? { summary } : {}),
    ...(content ? { content } : {}),
    ...(link ? { link } : {}),
    ...(guid ? { guid } : {}),
    source: sourceOf(raw, split.publisher, feed),
    published,
    contentHash: sha256(`${title}\n${summary}\n${content ?? ''}`),
    ...(feed.language ? { language: feed.language } : {}),
    ...(feed.topics?.length ? { topics: feed.topics } : {}),
    ...(categories.length ? { categories } : {}),
    ...(raw.accessionNumber ? { accessionNumber: cleanText(raw.accessionNumber, 40) } : {}),
    ...(raw.formType ? { formType: cleanText(raw.formType, 40) } : {}),
  };
}

/** The publisher: Google News `<source>`, the title's suffix, the feed's title or its host — as short plain text. */
function sourceOf(raw: RawItem, publisher: string | undefined, feed: FeedContext): string {
  const named = htmlToText(raw.source?.name, TEXT_LIMITS.source) || publisher;
  return named || htmlToText(feed.feedTitle, 80) || new URL(feed.feedUrl).hostname;
}

/** A guid fit to store: trimmed, controls removed; a longer one is replaced by its hash. */
function boundedGuid(guid: string | undefined): string | undefined {
  const trimmed = guid?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > TEXT_LIMITS.guid) return `sha256:${sha256(trimmed)}`;
  return cleanText(trimmed, TEXT_LIMITS.guid) || undefined;
}

function boundedLink(link: string | undefined): string | undefined {
  return link && link.length <= TEXT_LIMITS.link ? link : undefined;
}
