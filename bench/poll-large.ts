import { registerFeed } from '../shared/store/feeds.ts';
import { pollFeed } from '../shared/usecases/poll-feed.ts';
import { fixturePollContext } from '../tests/support/feed-server.ts';
import { withFixtureStore } from './fixture-store.ts';

/**
 * One poll of a 20,000-item feed (3.3 MB) and of a 100,000-item one (within the 5 MB
 * body cap), with the default limit of 200 items a poll, in a process of its own so
 * its peak RSS is its own. Prints one JSON line: poll.large.
 */
const result = await withFixtureStore(async (server, store) => {
  const context = fixturePollContext(store, { totalTimeoutMs: 60_000 });
  const polls: Record<string, unknown> = {};
  for (const [name, path] of [
    ['items20000', '/content/items-20000'],
    ['items100000', '/content/items-100000'],
  ] as const) {
    const feed = await registerFeed(store, { id: name.toLowerCase(), url: server.url(path) }, new Date());
    // The server builds its body on the first request: warm it so the poll times our side only.
    await fetch(server.url(path)).then((response) => response.arrayBuffer());
    const started = performance.now();
    const outcome = await pollFeed(feed, context);
    polls[name] = {
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      stored: outcome.created,
      warnings: outcome.warnings,
    };
  }
  return { ...polls, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
});
process.stdout.write(`${JSON.stringify(result)}\n`);
