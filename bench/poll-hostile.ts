import { registerFeed } from '../shared/store/feeds.ts';
import { pollFeeds } from '../shared/usecases/poll-feeds.ts';
import { fixturePollContext, HOSTILE_PATHS, WELL_FORMED_PATHS } from '../tests/support/feed-server.ts';
import { withFixtureStore } from './fixture-store.ts';

/**
 * One poll cycle over every fixture and every hostile case (gzip bomb, oversized
 * body, billion laughs …), in a process of its own so its peak RSS is its own.
 * Prints one JSON line: poll.hostile.
 */
const result = await withFixtureStore(async (server, store) => {
  const now = new Date();
  const paths = [...WELL_FORMED_PATHS, ...HOSTILE_PATHS];
  const feeds = await Promise.all(
    paths.map((path, index) => registerFeed(store, { id: `f${index}`, url: server.url(path) }, now)),
  );
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const outcomes = await pollFeeds(feeds, fixturePollContext(store, { totalTimeoutMs: 3_000 }), {
    concurrency: 8,
    hostSpacingMs: 0,
  });
  return {
    feeds: outcomes.length,
    ok: outcomes.filter((outcome) => outcome.ok).length,
    failed: outcomes.filter((outcome) => !outcome.ok).length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
});
process.stdout.write(`${JSON.stringify(result)}\n`);
