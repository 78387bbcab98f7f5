import { randomUUID } from 'node:crypto';
import { DEFAULT_FETCH_LIMITS, userAgent } from '../shared/feeds/fetch.ts';
import { LOOPBACK_ALLOWED } from '../shared/feeds/guard.ts';
import { pollFeeds } from '../shared/feeds/poll-many.ts';
import { startDynamoDbLocal } from '../shared/local/dynamodb-local.ts';
import { ensureTable, openStore } from '../shared/store/client.ts';
import { registerFeed } from '../shared/store/feeds.ts';
import { VERSION } from '../shared/version.ts';
import { HOSTILE_PATHS, startFeedServer, WELL_FORMED_PATHS } from '../tests/support/feed-server.ts';

/**
 * One poll cycle over every fixture and every hostile case (gzip bomb, oversized
 * body, billion laughs …), in a process of its own so its peak RSS is its own.
 * Prints one JSON line: poll.hostile.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const server = await startFeedServer();
const dynamo = await startDynamoDbLocal({ inMemory: true });
const store = openStore({ tableName: `bench-${randomUUID()}`, endpoint: dynamo.endpoint });
try {
  await ensureTable(store);
  const now = new Date();
  const paths = [...WELL_FORMED_PATHS, ...HOSTILE_PATHS];
  const feeds = await Promise.all(
    paths.map((path, index) => registerFeed(store, { id: `f${index}`, url: server.url(path) }, now)),
  );
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const outcomes = await pollFeeds(
    feeds,
    {
      store,
      userAgent: userAgent(VERSION),
      now: () => new Date(),
      fetchLimits: { ...DEFAULT_FETCH_LIMITS, totalTimeoutMs: 3_000 },
      network: LOOPBACK_ALLOWED,
    },
    { concurrency: 8, hostSpacingMs: 0 },
  );
  const result = {
    feeds: outcomes.length,
    ok: outcomes.filter((outcome) => outcome.ok).length,
    failed: outcomes.filter((outcome) => !outcome.ok).length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  store.doc.destroy();
  await dynamo.stop();
  await server.close();
}
