import { readFile } from 'node:fs/promises';
import { FeedError } from '../errors.ts';
import { removeUnsafe } from './clean-text.ts';
import { decodeFeed } from './decode.ts';
import { type FetchLimits, type FetchResult, fetchFeed } from './fetch.ts';
import type { NetworkPolicy } from './guard.ts';
import { htmlToText, inTheFuture, normaliseItem, parseDate } from './normalise.ts';
import { detectFormat, type ParsedFeed, parseFeed } from './parse.ts';

/** The `check` answer for one input (docs/contracts.md). */
export interface CheckResult {
  input: string;
  /** The feed URL that was checked, the one to put in feeds.json: the input itself, or the feed --follow followed. */
  feedUrl: string | null;
  /** Feeds an HTML page links (`<link rel="alternate">`), resolved against the page. */
  feeds: string[];
  ok: boolean;
  format: string | null;
  encoding: string | null;
  items: number;
  title: string | null;
  warnings: string[];
  error: string | null;
  sample: Array<{ title: string; link: string | null; published: string; text: string }>;
}

export interface CheckOptions {
  userAgent: string;
  limits?: FetchLimits;
  /** Public internet only unless tests say otherwise. */
  network?: NetworkPolicy;
  /** When a URL is an HTML page that links feeds, check the first feed instead. */
  follow?: boolean;
}

const isUrl = (input: string) => /^https?:\/\//i.test(input);

/**
 * Checks one feed file or URL through the poller's own stages (fetch for URLs,
 * then decode, parse, normalise), never throwing: a broken input is an `ok:false`
 * answer with a one-line error.
 *
 * @example
 * const result = await checkFeed('tests/fixtures/feeds/rdf.xml', { userAgent }); // { ok: true, format: 'rdf', … }
 */
export async function checkFeed(input: string, options: CheckOptions): Promise<CheckResult> {
  const result: CheckResult = {
    input,
    feedUrl: isUrl(input) ? input : null,
    feeds: [],
    ok: false,
    format: null,
    encoding: null,
    items: 0,
    title: null,
    warnings: [],
    error: null,
    sample: [],
  };
  try {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input)?.[1];
    if (scheme && !isUrl(input))
      throw new FeedError('fetch', 'blocked', `${scheme}:// is not supported: give an http(s) URL or a file`);
    const fetched = isUrl(input)
      ? await fetchFeed(
          { url: input },
          { userAgent: options.userAgent, limits: options.limits, network: options.network },
        )
      : undefined;
    const bytes = fetched ? fetched.body : await readInput(input);
    const decoded = decodeFeed(bytes, fetched?.contentType);
    result.encoding = decoded.encoding;
    result.warnings.push(...decoded.warnings);
    if (!detectFormat(decoded.text)) {
      const links = discoverFeeds(decoded.text, fetched?.url ?? input);
      if (links.length) return await followOrList(result, links, options);
    }
    const feed = await parseFeed(decoded.text);
    describeFeed(result, feed, fetched, input);
    result.ok = true;
  } catch (error) {
    result.error =
      error instanceof FeedError ? error.message : `check: ${(error as Error).message}`.split('\n')[0]!;
  }
  return result;
}

/** An HTML page that links feeds: check the first with --follow, else list them as the answer. */
async function followOrList(
  result: CheckResult,
  links: string[],
  options: CheckOptions,
): Promise<CheckResult> {
  const followable = links.find(isUrl);
  if (options.follow && followable) {
    const followed = await checkFeed(followable, { ...options, follow: false });
    return { ...followed, input: result.input, feeds: links };
  }
  result.feeds = links;
  result.error = options.follow
    ? `check: an HTML page that links ${links.length} feed(s), none of them an http(s) URL to follow`
    : `check: an HTML page, not a feed; it links ${links.length} feed(s) (use --follow to check the first)`;
  return result;
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new FeedError(
      'fetch',
      'network',
      `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

function describeFeed(
  result: CheckResult,
  feed: ParsedFeed,
  fetched: FetchResult | undefined,
  input: string,
): void {
  const fetchedAt = new Date();
  const feedUrl = fetched?.url ?? `file://${input.startsWith('/') ? '' : '/'}${encodeURI(input)}`;
  const items = feed.items.map((raw) =>
    normaliseItem(raw, { feedId: 'check', feedUrl, feedTitle: feed.title, fetchedAt }),
  );
  result.format = `${feed.format}${feed.version ? ` ${feed.version}` : ''}`;
  result.title = feed.title ? htmlToText(feed.title, 200) : null;
  result.items = items.length;
  result.sample = items.slice(0, 3).map((item) => ({
    title: item.title,
    link: item.link ?? null,
    published: item.published,
    text: (item.summary ?? item.content ?? '').slice(0, 300),
  }));
  result.warnings.push(...feedWarnings(feed, fetched));
}

/** What makes a feed hard to follow, in words a person acts on. */
export function feedWarnings(feed: ParsedFeed, fetched?: FetchResult): string[] {
  const warnings: string[] = [];
  const withoutGuid = feed.items.filter((item) => !item.guid).length;
  const withoutDate = feed.items.filter((item) => !item.published).length;
  if (feed.items.length === 0) warnings.push('no items');
  if (withoutGuid)
    warnings.push(
      `${withoutGuid} item(s) without a guid/id: edits will look like new items when their link changes`,
    );
  if (withoutDate) warnings.push(`${withoutDate} item(s) without a date: the fetch time is used`);
  // A date nobody can read is worse than none: the item sorts as if published when fetched.
  const dated = feed.items
    .filter((item) => item.published?.trim())
    .map((item) => ({ item, date: parseDate(item.published) }));
  const unreadable = dated.filter(({ date }) => !date).map(({ item }) => item);
  if (unreadable.length)
    warnings.push(
      `${unreadable.length} item(s) with a date factwatch cannot read ("${clip(unreadable[0]!.published!.trim())}"): the fetch time is used`,
    );
  const now = new Date();
  const future = dated.filter(({ date }) => date && inTheFuture(date, now)).map(({ item }) => item);
  if (future.length)
    warnings.push(
      `${future.length} item(s) dated in the future ("${clip(future[0]!.published!.trim())}"): the fetch time is used`,
    );
  const guids = feed.items.map((item) => item.guid).filter(Boolean);
  const duplicates = guids.length - new Set(guids).size;
  if (duplicates) warnings.push(`${duplicates} duplicate guid(s): those items overwrite each other`);
  const relative = feed.items.filter((item) => item.link && !/^[a-z][a-z0-9+.-]*:/i.test(item.link)).length;
  if (relative) warnings.push(`${relative} relative link(s): resolved against the feed URL`);
  const unsafe = feed.items.filter(
    (item) => item.link && /^\s*(javascript|data|vbscript):/i.test(item.link),
  ).length;
  if (unsafe) warnings.push(`${unsafe} link(s) with a javascript:/data: URL: dropped`);
  if (feed.ttlMinutes) warnings.push(`ttl ${feed.ttlMinutes} min: polled no more often than that`);
  if (fetched && !fetched.etag && !fetched.lastModified)
    warnings.push('no ETag or Last-Modified: every poll downloads the whole feed');
  return warnings;
}

/**
 * Feed URLs an HTML page announces with `<link rel="alternate">` (RSS, Atom,
 * JSON Feed), resolved against the page URL.
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const links: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const rel = attribute('rel')?.toLowerCase().split(/\s+/) ?? [];
    const type = attribute('type')?.toLowerCase() ?? '';
    const href = attribute('href');
    if (!href || !rel.includes('alternate')) continue;
    if (!/application\/(rss|atom|rdf|feed)\+(xml|json)|application\/json/.test(type)) continue;
    try {
      links.push(new URL(href, isUrl(pageUrl) ? pageUrl : undefined).href);
    } catch {
      links.push(href);
    }
  }
  return [...new Set(links)];
}

const clip = (text: string) => removeUnsafe(text.length > 40 ? `${text.slice(0, 40)}…` : text);
