import { randomUUID } from 'node:crypto';
import { DEFAULT_FETCH_LIMITS, userAgent } from '../shared/feeds/fetch.ts';
import { LOOPBACK_ALLOWED } from '../shared/feeds/guard.ts';
import { pollFeed } from '../shared/feeds/poll.ts';
import { startDynamoDbLocal } from '../shared/local/dynamodb-local.ts';
import { ensureTable, openStore } from '../shared/store/client.ts';
import { registerFeed } from '../shared/store/feeds.ts';
import { VERSION } from '../shared/version.ts';
import { startFeedServer } from '../tests/support/feed-server.ts';

/**
 * One poll of a 20,000-item feed (3.3 MB) and of a 100,000-item one (within the 5 MB
 * body cap), with the default limit of 200 items a poll, in a process of its own so
 * its peak RSS is its own. Prints one JSON line: poll.large.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const server = await startFeedServer();
const dynamo = await startDynamoDbLocal({ inMemory: true });
const store = openStore({ tableName: `bench-${randomUUID()}`, endpoint: dynamo.endpoint });
try {
  await ensureTable(store);
  const context = {
    store,
    userAgent: userAgent(VERSION),
    now: () => new Date(),
    fetchLimits: { ...DEFAULT_FETCH_LIMITS, totalTimeoutMs: 60_000 },
    network: LOOPBACK_ALLOWED,
  };
  const result: Record<string, unknown> = {};
  for (const [name, path] of [
    ['items20000', '/content/items-20000'],
    ['items100000', '/content/items-100000'],
  ] as const) {
    const feed = await registerFeed(store, { id: name.toLowerCase(), url: server.url(path) }, new Date());
    // The server builds its body on the first request: warm it so the poll times our side only.
    await fetch(server.url(path)).then((response) => response.arrayBuffer());
    const started = performance.now();
    const outcome = await pollFeed(feed, context);
    result[name] = {
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      stored: outcome.created,
      warnings: outcome.warnings,
    };
  }
  result.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  store.doc.destroy();
  await dynamo.stop();
  await server.close();
}
