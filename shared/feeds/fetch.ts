import { Agent, type Dispatcher, fetch } from 'undici';
import { FeedError } from '../errors.ts';
import { assertFetchableUrl, guardedLookup, type NetworkPolicy, PUBLIC_ONLY } from './guard.ts';

export { userAgent } from './user-agent.ts';

/** The limits of one fetch: polite, bounded, and all of them data (miniflux `fetcher`). */
export interface FetchLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Body cap *after* decompression: a gzip bomb stops here, not in memory. */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
}

export interface FetchResult {
  status: 'ok' | 'not-modified';
  httpStatus: number;
  /** Where the body came from, after redirects. */
  url: string;
  /** Set when every redirect on the way was permanent (301/308): poll this URL from now on. */
  permanentUrl?: string;
  body: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  maxAgeSeconds?: number;
  /** HTTP requests made, redirects included. */
  requests: number;
}

/** The options of one fetch: who we are, the limits, and which networks may be reached. */
export interface FetchOptions {
  userAgent: string;
  limits?: FetchLimits;
  dispatcher?: Dispatcher;
  /** Public internet only unless a caller in code says otherwise (tests, the demo). */
  network?: NetworkPolicy;
}

const agents = new Map<boolean, Agent>();

/** One keep-alive agent per network policy, whose DNS lookups refuse what the policy refuses. */
export function feedAgent(
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
  network: NetworkPolicy = PUBLIC_ONLY,
): Dispatcher {
  let agent = agents.get(network.allowLoopback);
  if (!agent) {
    agent = new Agent({
      connect: { timeout: limits.connectTimeoutMs, lookup: guardedLookup(network) },
      keepAliveTimeout: 4_000,
    });
    agents.set(network.allowLoopback, agent);
  }
  return agent;
}

const PERMANENT = new Set([301, 308]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a feed: conditional GET with the stored validators, gzip/deflate/br,
 * at most `maxRedirects` redirects (remembering permanent ones), the body capped
 * after decompression, one total deadline. Failures are FeedErrors that say why.
 *
 * @example
 * const result = await fetchFeed({ url: 'https://electrek.co/feed/', etag: '"abc"' }, { userAgent: userAgent('0.1.0', 'ops@example.org') });
 * if (result.status === 'not-modified') … // keep result.etag, parse nothing
 */
export async function fetchFeed(request: FetchRequest, options: FetchOptions): Promise<FetchResult> {
  const limits = options.limits ?? DEFAULT_FETCH_LIMITS;
  const signal = AbortSignal.timeout(limits.totalTimeoutMs);
  let url = parseUrl(request.url);
  let allPermanent = true;
  const network = options.network ?? PUBLIC_ONLY;
  for (let hop = 0; ; hop++) {
    assertFetchableUrl(url, network);
    const response = await send(url, request, options, limits, signal);
    if (REDIRECT.has(response.status)) {
      await response.body?.cancel().catch(() => {});
      if (hop >= limits.maxRedirects) {
        throw new FeedError(
          'fetch',
          'redirects',
          `more than ${limits.maxRedirects} redirects from ${request.url}`,
        );
      }
      const location = response.headers.get('location');
      if (!location)
        throw new FeedError('fetch', 'http', `${response.status} without a Location from ${url.href}`);
      allPermanent &&= PERMANENT.has(response.status);
      url = parseUrl(new URL(location, url).href);
      continue;
    }
    return await readResponse(response, url, hop + 1, allPermanent && hop > 0, limits, signal);
  }
}

function parseUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new FeedError('fetch', 'blocked', `not a valid URL: ${text.slice(0, 200)}`);
  }
}

async function send(
  url: URL,
  request: FetchRequest,
  options: FetchOptions,
  limits: FetchLimits,
  signal: AbortSignal,
) {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  try {
    return await fetch(url, {
      headers,
      redirect: 'manual',
      signal,
      dispatcher: options.dispatcher ?? feedAgent(limits, options.network),
    });
  } catch (error) {
    throw describeNetworkError(error, url, limits);
  }
}

async function readResponse(
  response: Awaited<ReturnType<typeof fetch>>,
  url: URL,
  requests: number,
  permanent: boolean,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<FetchResult> {
  const headers = response.headers;
  const validators = {
    etag: headers.get('etag') ?? undefined,
    lastModified: headers.get('last-modified') ?? undefined,
  };
  const common = {
    httpStatus: response.status,
    url: url.href,
    requests,
    ...(permanent ? { permanentUrl: url.href } : {}),
  };
  if (response.status === 304) {
    await response.body?.cancel().catch(() => {});
    return {
      status: 'not-modified',
      body: Buffer.alloc(0),
      ...common,
      ...validators,
      maxAgeSeconds: maxAge(headers.get('cache-control')),
    };
  }
  if (response.status < 200 || response.status >= 300) {
    await response.body?.cancel().catch(() => {});
    const retryAfterSeconds = parseRetryAfter(headers.get('retry-after'), new Date());
    throw new FeedError('fetch', 'http', `${response.status} from ${url.href}`, {
      httpStatus: response.status,
      retryAfterSeconds,
    });
  }
  const body = await readCapped(response, url, limits, signal);
  return {
    status: 'ok',
    body,
    contentType: headers.get('content-type') ?? undefined,
    maxAgeSeconds: maxAge(headers.get('cache-control')),
    ...common,
    ...validators,
  };
}

async function readCapped(
  response: Awaited<ReturnType<typeof fetch>>,
  url: URL,
  limits: FetchLimits,
  signal: AbortSignal,
) {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new FeedError(
          'fetch',
          'too-large',
          `body of ${url.href} exceeds ${limits.maxBytes} bytes (after decompression)`,
        );
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw describeNetworkError(signal.aborted ? signal.reason : error, url, limits);
  }
  return Buffer.concat(chunks, size);
}

function describeNetworkError(error: unknown, url: URL, limits: FetchLimits): FeedError {
  if (error instanceof FeedError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof FeedError) return cause;
  const name = (error as Error)?.name;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (error as NodeJS.ErrnoException)?.code;
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new FeedError(
      'fetch',
      'timeout',
      `no complete answer from ${url.href} within ${limits.totalTimeoutMs / 1000}s`,
      { cause: error },
    );
  }
  const detail =
    code ?? ((cause as Error | undefined)?.message || (error as Error)?.message || 'network error');
  return new FeedError('fetch', 'network', `${detail} from ${url.href}`, { cause: error });
}

/**
 * Retry-After in seconds from now, whether given as seconds or as an HTTP date.
 *
 * @example
 * parseRetryAfter('120', now);                           // 120
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now); // seconds until then
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now.getTime()) / 1000));
}

/** Cache-Control max-age in seconds, if any. */
export function maxAge(cacheControl: string | null | undefined): number | undefined {
  const match = /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl ?? '');
  return match ? Number(match[1]) : undefined;
}
