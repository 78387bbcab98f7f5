import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CycleSummary, type LocalPipeline, startLocalPipeline } from '../../apps/local/pipeline.ts';
import { DEFAULT_ALERT_CONFIG } from '../../shared/config/alerts.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { getFeedState, registerFeed } from '../../shared/store/feeds.ts';
import { findingsInWindow } from '../../shared/store/findings.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

const HOUR = 3_600_000;

/** A feed on loopback whose items the test sets before each cycle. */
async function startChangingFeed() {
  let items: Array<{ guid: string; title: string; published: Date }> = [];
  const server: Server = createServer((_request, response) => {
    const entries = items.map(
      (item) =>
        `<item><title>${item.title}</title><link>https://news.example/${item.guid}</link><guid>${item.guid}</guid><pubDate>${item.published.toUTCString()}</pubDate></item>`,
    );
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>changing</title>${entries.join('')}</channel></rss>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`,
    set(next: typeof items) {
      items = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('old news never pages anyone', () => {
  let store: Store;
  let feed: Awaited<ReturnType<typeof startChangingFeed>>;
  let pipeline: LocalPipeline;
  let firstRead: CycleSummary;
  let later: CycleSummary;
  const now = Date.now();
  const held = {
    guid: 'held',
    title: 'Tesla and Samsung expand chip deal to $22 billion',
    published: new Date(now - 2 * HOUR),
  };
  const fresh = {
    guid: 'fresh',
    title: 'Samsung delays Taylor fab production start to 2027',
    published: new Date(now - HOUR / 2),
  };
  const lateIndexed = {
    guid: 'late',
    title: "Samsung will also make Tesla's AI5 chips alongside TSMC, Musk says",
    published: new Date(now - 5 * 24 * HOUR),
  };

  beforeAll(async () => {
    feed = await startChangingFeed();
    store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    await registerFeed(store, { id: 'changing', url: feed.url, topics: ['deal'] }, new Date());
    pipeline = await startLocalPipeline(
      store,
      dynamoEndpoint(),
      { ...DEFAULT_ALERT_CONFIG, quietHours: null },
      { network: LOOPBACK_ALLOWED },
    );
    feed.set([held]);
    firstRead = await pipeline.runCycle({ all: true });
    feed.set([held, fresh, lateIndexed]);
    later = await pipeline.runCycle({ all: true });
  }, 120_000);
  afterAll(async () => {
    await pipeline.stop();
    await feed.close();
  });

  it('stores and analyses what a feed holds when first read, for the digest, without an alert', async () => {
    const changes = await findingsInWindow(store, {
      since: new Date(now - 24 * HOUR),
      statuses: ['changed', 'new'],
    });

    expect(firstRead).toMatchObject({ newItems: 1, deliveries: [] });
    expect(changes.find((finding) => finding.factId === 'deal.value')).toMatchObject({
      status: 'changed',
      backfill: true,
    });
    expect((await getFeedState(store, 'changing'))?.filledAt).toBeDefined();
  });

  it('alerts on news that arrives after the first read, but not on an item published days before it was seen', async () => {
    const changes = await findingsInWindow(store, {
      since: new Date(now - 24 * HOUR),
      statuses: ['changed', 'new'],
    });

    expect(later.newItems).toBe(2);
    expect(changes.map((finding) => finding.factId).sort()).toEqual([
      'ai5.foundry',
      'deal.value',
      'taylor.production_start',
    ]);
    expect(
      later.deliveries
        .filter((delivery) => delivery.channel === 'email')
        .map((delivery) => delivery.attributes.factId),
    ).toEqual(['taylor.production_start']);
  });
});
