import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FeedConfig } from '../../shared/model/story.ts';

const DEMO_DIR = join(import.meta.dirname, 'demo');
const DEMO_FEEDS: ServedFile[] = [
  {
    id: 'demo-news-en',
    path: join(DEMO_DIR, 'news.xml'),
    language: 'en',
    topics: ['deal', 'chips', 'fab', 'market'],
  },
  { id: 'demo-news-zh', path: join(DEMO_DIR, 'news-zh.xml'), language: 'zh', topics: ['deal', 'chips'] },
];

/** A feed file served on loopback: its feed id, its path, and what the feeds file would say of it. */
export interface ServedFile {
  id: string;
  path: string;
  language?: string;
  topics?: string[];
}

export interface FeedFileServer {
  feeds: FeedConfig[];
  /** Every request, and whether it was a conditional GET the server could answer with 304. */
  requests: Array<{ path: string; conditional: boolean }>;
  close(): Promise<void>;
}

/**
 * Serves the bundled demo feeds on a loopback port, so `factwatch run --demo`
 * goes through the real fetch, decode, parse and normalise stages offline.
 */
export function startDemoServer(): Promise<FeedFileServer> {
  return startFeedFileServer(DEMO_FEEDS);
}

/**
 * Serves feed files on a loopback port (`factwatch run --replay FILE`), each at `/<feed id>` and
 * read when asked for (an edit between two runs is read; within a run a conditional GET of an
 * unchanged file gets 304, as from a real server). A file gone since the run began answers 404.
 */
export async function startFeedFileServer(files: readonly ServedFile[]): Promise<FeedFileServer> {
  const requests: Array<{ path: string; conditional: boolean }> = [];
  const byPath = new Map(files.map((file) => [`/${file.id}`, file]));
  const server = createServer((request, response) => {
    const file = byPath.get(request.url ?? '');
    if (!file) {
      response.writeHead(404);
      response.end();
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(file.path);
    } catch {
      response.writeHead(404);
      response.end();
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const conditional = request.headers['if-none-match'] === etag;
    requests.push({ path: request.url ?? '', conditional });
    if (conditional) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    // Served as XML whatever the file's name: the parser sniffs RSS, RDF or Atom, and says so when it is none.
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    feeds: [...byPath].map(([path, { id, language, topics }]) => ({
      id,
      url: `http://127.0.0.1:${port}${path}`,
      ...(language ? { language } : {}),
      ...(topics ? { topics } : {}),
    })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
