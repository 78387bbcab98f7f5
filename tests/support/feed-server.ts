import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { DEFAULT_FETCH_LIMITS, userAgent } from '../../shared/feeds/fetch.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import type { Store } from '../../shared/store/client.ts';
import type { PollContext } from '../../shared/usecases/poll-feed.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'feeds');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

export interface RecordedRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A gzip body that inflates to `megabytes` MB of zeros (about 1,000:1). */
function gzipBomb(megabytes: number): Buffer {
  return gzipSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 });
}

const xml = (
  response: ServerResponse,
  body: Buffer | string,
  contentType = 'application/rss+xml; charset=utf-8',
  extra = {},
) => {
  response.writeHead(200, { 'content-type': contentType, ...extra });
  response.end(body);
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS document around raw item XML. */
function rss(items: string[], title = 'hostile content'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>${items.join('')}</channel></rss>`;
}

function rssItem(fields: {
  guid?: string;
  title: string;
  description?: string;
  link?: string;
  source?: string;
  pubDate?: string;
}) {
  return [
    '<item>',
    fields.guid === undefined ? '' : `<guid isPermaLink="false">${escapeXml(fields.guid)}</guid>`,
    `<title>${escapeXml(fields.title)}</title>`,
    fields.link ? `<link>${escapeXml(fields.link)}</link>` : '',
    fields.description === undefined ? '' : `<description>${escapeXml(fields.description)}</description>`,
    fields.source === undefined
      ? ''
      : `<source url="https://example.org">${escapeXml(fields.source)}</source>`,
    `<pubDate>${fields.pubDate ?? 'Mon, 01 Sep 2025 08:00:00 GMT'}</pubDate>`,
    '</item>',
  ].join('');
}

/** A real change, the one a hostile neighbour must not silence. */
const DEAL_CHANGE = {
  title: 'Tesla and Samsung expand foundry pact to $22 billion',
  description: 'The chipmaking agreement between Tesla and Samsung has grown to $22 billion.',
  link: 'https://example.org/deal-22b',
};

/**
 * `count` items, one a minute back from 1 Sep 2025, listed oldest first (so "the
 * newest N" is not simply "the first N"). `compact` items carry only a short
 * title, so 100,000 of them still fit the 5 MB body cap.
 */
function manyItems(count: number, compact = false): string {
  const start = Date.UTC(2025, 8, 1);
  const items = Array.from({ length: count }, (_, position) => {
    const index = count - 1 - position;
    return compact
      ? `<item><title>S${index}</title></item>`
      : rssItem({
          guid: `item-${index}`,
          title: `Filler story number ${index} about batteries`,
          link: `https://example.org/story/${index}`,
          pubDate: new Date(start - index * 60_000).toUTCString(),
        });
  });
  return rss(items, `${count} items`);
}

/**
 * 250 items dated in 2099 and 250 undated ones ahead of the one real story, published at 11:59 on
 * 2025-09-01 (a minute before the clock of the tests that poll it): junk that must not push the real
 * item out of a poll's limit.
 */
function junkBeforeNews(): string {
  const junk = (index: number, pubDate?: string) =>
    rssItem({
      guid: `junk-${index}`,
      title: `Sponsored ${index}`,
      link: `https://example.org/junk/${index}`,
      pubDate,
    });
  return rss(
    [
      ...Array.from({ length: 250 }, (_, index) => junk(index, 'Thu, 01 Jan 2099 00:00:00 GMT')),
      ...Array.from({ length: 250 }, (_, index) => junk(250 + index)),
      rssItem({
        guid: 'real-news',
        title: 'Tesla and Samsung expand chip deal to $22 billion',
        link: 'https://example.org/real-news',
        pubDate: 'Mon, 01 Sep 2025 11:59:00 GMT',
      }),
    ],
    'junk before news',
  );
}

/** A body built on first request only: most test files never ask for the large ones. */
function lazyBody(build: () => string): Handler {
  let text: string | undefined;
  return (_q, s) => {
    text ??= build();
    xml(s, text);
  };
}

/**
 * Feeds whose *content* is hostile (the transport is fine): oversized fields, regex
 * traps, control and bidi characters, a huge item count. Each carries a real change
 * next to the trap, so a test can check the trap did not silence it.
 */
function hostileContentRoutes(): Record<string, Handler> {
  const body =
    (text: string): Handler =>
    (_q, s) =>
      xml(s, text);
  return {
    '/content/oversized-source': body(
      rss([
        rssItem({ guid: 'big-source', ...DEAL_CHANGE, source: `Bloomberg ${'x'.repeat(300_000)}` }),
        rssItem({ guid: 'next', title: 'Samsung Taylor fab on schedule', link: 'https://example.org/next' }),
      ]),
    ),
    '/content/long-guid': body(
      rss([
        rssItem({ guid: 'before', title: 'First good item', link: 'https://example.org/first' }),
        rssItem({
          guid: 'g'.repeat(450_000),
          title: 'Item with an enormous guid',
          link: 'https://example.org/big',
        }),
        rssItem({ guid: 'after', ...DEAL_CHANGE }),
      ]),
    ),
    '/content/comment-trap': body(
      rss([
        rssItem({ guid: 'trap', title: 'Comment trap', description: `Tesla ${'<!--'.repeat(50_000)}` }),
        rssItem({ guid: 'deal', ...DEAL_CHANGE }),
      ]),
    ),
    '/content/controls': body(
      rss([
        rssItem({
          guid: 'controls',
          title: 'Tesla[2J[31m and Samsung ‮expand‬ pact to $22​ billion',
          description: '<b>The</b> agreement has grown to $22 billion. <script>alert(1)</script>',
          link: 'https://example.org/controls',
          source: '<i>Blo</i>]0;pwnedomberg',
        }),
        rssItem({
          guid: 'formula',
          title: '=HYPERLINK("https://evil.example","Samsung") deal',
          link: 'https://example.org/f',
        }),
      ]),
    ),
    '/content/junk-before-news': lazyBody(junkBeforeNews),
    '/content/items-20000': lazyBody(() => manyItems(20_000)),
    '/content/items-100000': lazyBody(() => manyItems(100_000, true)),
  };
}

/**
 * The feeds the tests fetch, real HTTP on 127.0.0.1: fixtures shaped like the
 * real feeds, every fault mode a publisher's server can produce, and hostile content.
 */
function routes(): Record<string, Handler> {
  const bomb = gzipBomb(64);
  return {
    ...hostileContentRoutes(),
    '/google-news.xml': (_q, s) => xml(s, fixture('google-news.xml')),
    '/page.html': (_q, s) =>
      xml(
        s,
        '<!DOCTYPE html><html><head><title>Tesla news</title><link rel="alternate" type="application/rss+xml" title="RDF" href="/rdf.xml"><link rel="alternate" type="application/atom+xml" href="https://example.org/atom"><link rel="stylesheet" href="/s.css"></head><body>News</body></html>',
        'text/html; charset=utf-8',
      ),
    '/edgar.xml': (_q, s) =>
      xml(s, iconv.encode(fixture('edgar-atom.xml').toString('utf8'), 'latin1'), 'application/atom+xml'),
    '/wordpress.xml': (_q, s) => xml(s, fixture('wordpress.xml')),
    '/rdf.xml': (_q, s) => xml(s, fixture('rdf.xml'), 'application/rdf+xml'),
    '/gbk.xml': (_q, s) =>
      xml(s, iconv.encode(fixture('gbk-chinese.xml').toString('utf8'), 'gbk'), 'text/xml'),
    '/conditional.xml': (q, s) => {
      if (q.headers['if-none-match'] === '"v1"') {
        s.writeHead(304, { etag: '"v1"', 'last-modified': 'Mon, 28 Jul 2025 08:00:00 GMT' });
        s.end();
        return;
      }
      xml(s, fixture('wordpress.xml'), undefined, {
        etag: '"v1"',
        'last-modified': 'Mon, 28 Jul 2025 07:00:00 GMT',
      });
    },
    '/gzip.xml': (_q, s) =>
      xml(s, gzipSync(fixture('google-news.xml')), undefined, { 'content-encoding': 'gzip' }),
    '/429': (_q, s) => {
      s.writeHead(429, { 'retry-after': '7200' });
      s.end('slow down');
    },
    '/503-date': (_q, s) => {
      s.writeHead(503, { 'retry-after': new Date(Date.now() + 3 * 3_600_000).toUTCString() });
      s.end();
    },
    '/500': (_q, s) => {
      s.writeHead(500);
      s.end('boom');
    },
    '/loop-a': (_q, s) => {
      s.writeHead(302, { location: '/loop-b' });
      s.end();
    },
    '/loop-b': (_q, s) => {
      s.writeHead(302, { location: '/loop-a' });
      s.end();
    },
    '/redirect-metadata': (_q, s) => {
      s.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' });
      s.end();
    },
    '/redirect-runtime-api': (_q, s) => {
      s.writeHead(302, { location: 'http://127.0.0.1:9001/2018-06-01/runtime/invocation/next' });
      s.end();
    },
    '/redirect-long': (_q, s) => {
      s.writeHead(302, { location: `/rdf.xml?padding=${'x'.repeat(3000)}` });
      s.end();
    },
    '/moved': (_q, s) => {
      s.writeHead(301, { location: '/rdf.xml' });
      s.end();
    },
    '/slow': (_q, s) => {
      s.writeHead(200, { 'content-type': 'application/rss+xml' });
      s.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setInterval(() => s.write('<!-- still here -->'), 200);
      s.on('close', () => clearInterval(timer));
    },
    '/oversized': (_q, s) =>
      xml(
        s,
        Buffer.concat([Buffer.from('<rss version="2.0"><channel>'), Buffer.alloc(6 * 1024 * 1024, 0x20)]),
      ),
    '/gzip-bomb': (_q, s) => xml(s, bomb, undefined, { 'content-encoding': 'gzip' }),
    '/html-200': (_q, s) => xml(s, fixture('html-error.html'), 'text/html; charset=utf-8'),
    '/empty': (_q, s) => xml(s, ''),
    '/malformed': (_q, s) => xml(s, fixture('malformed.xml')),
    '/billion-laughs': (_q, s) => xml(s, fixture('billion-laughs.xml')),
    '/xxe': (_q, s) => xml(s, fixture('xxe.xml')),
    '/garbage': (_q, s) => xml(s, randomBytes(4096), 'application/octet-stream'),
    '/invalid-utf8': (_q, s) =>
      xml(
        s,
        Buffer.concat([
          Buffer.from(
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bad bytes</title><item><title>Tesla ',
          ),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from(
            ' Samsung deal</title><link>https://example.org/bad-bytes</link></item></channel></rss>',
          ),
        ]),
      ),
  };
}

export interface FeedServer {
  url(path: string): string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts the fixture server on a free loopback port.
 *
 * @example
 * const server = await startFeedServer(); const feedUrl = server.url('/rdf.xml');
 */
export async function startFeedServer(): Promise<FeedServer> {
  const table = routes();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, at: Date.now(), headers: request.headers });
    const handler = table[path];
    if (handler) return handler(request, response);
    response.writeHead(404);
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every route the server answers: the well-formed feeds and the hostile ones. */
export const WELL_FORMED_PATHS = ['/google-news.xml', '/edgar.xml', '/wordpress.xml', '/rdf.xml', '/gbk.xml'];
export const HOSTILE_CONTENT_PATHS = [
  '/content/oversized-source',
  '/content/long-guid',
  '/content/comment-trap',
  '/content/controls',
  '/content/items-100000',
];
export const HOSTILE_PATHS = [
  '/429',
  '/503-date',
  '/500',
  '/loop-a',
  '/slow',
  '/oversized',
  '/gzip-bomb',
  '/html-200',
  '/empty',
  '/malformed',
  '/billion-laughs',
  '/xxe',
  '/garbage',
  '/invalid-utf8',
];

/**
 * What polling this server needs: the fixture server listens on loopback, so the one
 * network allowance there is is passed here, in code; a contact is in the User-Agent.
 *
 * @example
 * const context = fixturePollContext(store, { totalTimeoutMs: 1_500, now: () => NOW });
 */
export function fixturePollContext(
  store: Store,
  options: { totalTimeoutMs: number; now?: () => Date },
): PollContext {
  return {
    store,
    userAgent: userAgent('0.1.0', 'ops@example.org'),
    now: options.now ?? (() => new Date()),
    fetchLimits: { ...DEFAULT_FETCH_LIMITS, totalTimeoutMs: options.totalTimeoutMs },
    network: LOOPBACK_ALLOWED,
  };
}
