import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FeedConfig } from '../../shared/model/story.ts';

const DEMO_DIR = join(import.meta.dirname, 'demo');
const DEMO_FEEDS = [
  { id: 'demo-news-en', file: 'news.xml', language: 'en', topics: ['deal', 'chips', 'fab', 'market'] },
  { id: 'demo-news-zh', file: 'news-zh.xml', language: 'zh', topics: ['deal', 'chips'] },
];

/**
 * Serves the bundled demo feeds on a loopback port, so `factwatch run --demo`
 * goes through the real fetch, decode, parse and normalise stages offline.
 */
export async function startDemoServer(): Promise<{
  feeds: FeedConfig[];
  /** Every request, and whether it was a conditional GET the server could answer with 304. */
  requests: Array<{ path: string; conditional: boolean }>;
  close(): Promise<void>;
}> {
  const requests: Array<{ path: string; conditional: boolean }> = [];
  const server = createServer((request, response) => {
    const feed = DEMO_FEEDS.find((candidate) => request.url === `/${candidate.file}`);
    if (!feed) {
      response.writeHead(404);
      response.end();
      return;
    }
    const etag = `"${feed.id}-v1"`;
    const conditional = request.headers['if-none-match'] === etag;
    requests.push({ path: request.url ?? '', conditional });
    if (conditional) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    response.end(readFileSync(join(DEMO_DIR, feed.file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    feeds: DEMO_FEEDS.map(({ id, file, language, topics }) => ({
      id,
      url: `http://127.0.0.1:${port}/${file}`,
      language,
      topics,
    })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
