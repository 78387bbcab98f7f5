import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDynamoDbLocal } from '../apps/local/dynamodb-local.ts';
import { userAgent } from '../shared/feeds/fetch.ts';
import { LOOPBACK_ALLOWED } from '../shared/feeds/guard.ts';
import { ensureTable, openStore } from '../shared/store/client.ts';
import { registerFeed } from '../shared/store/feeds.ts';
import { pollFeeds } from '../shared/usecases/poll-feeds.ts';

/**
 * load.feeds1000: one poll cycle of 1,000 feeds on 50 loopback hosts, in a process
 * of its own. Reports time, peak RSS, the most requests in flight at once, and the
 * smallest gap between two requests to the same host (the spacing is 1 s).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const FEEDS = 1_000;
const HOSTS = 50;
const CONCURRENCY = 16;
let inFlight = 0;
let maxInFlight = 0;
const arrivals = new Map<number, number[]>();
const servers: Server[] = [];
for (let host = 0; host < HOSTS; host++) {
  const server = createServer((request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const port = (server.address() as AddressInfo).port;
    arrivals.set(port, [...(arrivals.get(port) ?? []), Date.now()]);
    const feed = request.url?.slice(1) ?? '0';
    const items = Array.from(
      { length: 5 },
      (_, item) =>
        `<item><title>Load ${feed}-${item}</title><guid>load-${feed}-${item}</guid><link>https://load.example/${feed}/${item}</link></item>`,
    ).join('');
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"load-${feed}"` });
      response.end(`<rss version="2.0"><channel><title>Load ${feed}</title>${items}</channel></rss>`);
      inFlight--;
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
}
const dynamo = await startDynamoDbLocal({ inMemory: true });
const store = openStore({ tableName: `load-${randomUUID()}`, endpoint: dynamo.endpoint });
try {
  await ensureTable(store);
  const now = new Date();
  const feeds = [];
  for (let feed = 0; feed < FEEDS; feed++) {
    const port = (servers[feed % HOSTS]!.address() as AddressInfo).port;
    feeds.push(
      await registerFeed(store, { id: `load-${feed}`, url: `http://127.0.0.1:${port}/${feed}` }, now),
    );
  }
  const started = performance.now();
  const outcomes = await pollFeeds(
    feeds,
    { store, userAgent: userAgent('bench', undefined), now: () => new Date(), network: LOOPBACK_ALLOWED },
    { concurrency: CONCURRENCY, hostSpacingMs: 1_000 },
  );
  const gaps = [...arrivals.values()].flatMap((times) =>
    times.slice(1).map((time, index) => time - times[index]!),
  );
  process.stdout.write(
    `${JSON.stringify({
      feeds: FEEDS,
      hosts: HOSTS,
      concurrencyLimit: CONCURRENCY,
      ok: outcomes.filter((outcome) => outcome.ok).length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      maxInFlight,
      minHostGapMs: Math.min(...gaps),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
} finally {
  store.doc.destroy();
  await dynamo.stop();
  for (const server of servers) server.close();
}
