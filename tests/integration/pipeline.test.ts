import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../apps/local/demo-server.ts';
import { type CycleSummary, type LocalPipeline, startLocalPipeline } from '../../apps/local/pipeline.ts';
import { REPLAY_ALERT_CONFIG } from '../../shared/config/alerts.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { registerFeed } from '../../shared/store/feeds.ts';
import { findingsInWindow } from '../../shared/store/findings.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

describe('the local pipeline: the deployed handlers over feeds on loopback', () => {
  let store: Store;
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let pipeline: LocalPipeline;
  let first: CycleSummary;
  let second: CycleSummary;

  beforeAll(async () => {
    server = await startDemoServer();
    store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    for (const feed of server.feeds) await registerFeed(store, feed, new Date());
    pipeline = await startLocalPipeline(store, dynamoEndpoint(), REPLAY_ALERT_CONFIG, {
      network: LOOPBACK_ALLOWED,
    });
    first = await pipeline.runCycle({ all: false });
    server.requests.length = 0;
    second = await pipeline.runCycle({ all: true });
  }, 120_000);
  afterAll(async () => {
    await pipeline.stop();
    await server.close();
  });

  it('run 1 polls every feed, stores the items and their findings', async () => {
    const changes = await findingsInWindow(store, {
      since: new Date(Date.now() - 3_600_000),
      statuses: ['changed', 'new'],
    });

    expect(first).toMatchObject({ feedsPolled: 2, feedsFailed: [], newItems: 8, editedItems: 0 });
    expect(first.findings).toBeGreaterThanOrEqual(8);
    expect(changes.map((finding) => finding.factId).sort()).toEqual([
      'ai5.foundry',
      'ai5.foundry',
      'ai5.volume_production',
      'deal.value',
      'taylor.production_start',
    ]);
  });

  it('run 1 delivers one alert per change: two sources of the AI5 change alert once', () => {
    const emails = first.deliveries.filter((delivery) => delivery.channel === 'email');
    const sms = first.deliveries.filter((delivery) => delivery.channel === 'sms');

    expect(emails.map((delivery) => delivery.attributes.factId).sort()).toEqual([
      'ai5.foundry',
      'ai5.volume_production',
      'deal.value',
      'taylor.production_start',
    ]);
    expect(sms.map((delivery) => delivery.body).sort()).toEqual([
      // The Reuters report of the same change reached the store in the same batch: the SMS counts it.
      'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Electrek, +1 src)',
      'factwatch: Deal value changed: $16.5B -> $22B (Bloomberg)',
      'factwatch: Taylor production start changed: 2026 -> 2027 (Korea JoongAng Daily)',
    ]);
  });

  it('run 2 on unchanged feeds makes only conditional requests, writes no item and delivers nothing', () => {
    expect(server.requests).toHaveLength(2);
    expect(server.requests.every((request) => request.conditional)).toBe(true);
    expect(second).toMatchObject({
      feedsPolled: 2,
      feedsFailed: [],
      newItems: 0,
      editedItems: 0,
      findings: 0,
      deliveries: [],
    });
  });
});
