import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../apps/local/demo-server.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../apps/local/dynamodb-local.ts';
import { type CycleSummary, startLocalPipeline } from '../../apps/local/pipeline.ts';
import { REPLAY_ALERT_CONFIG } from '../../shared/config/alerts.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import { ensureTable, openStore, type Store } from '../../shared/store/client.ts';
import { registerFeed } from '../../shared/store/feeds.ts';
import { findingsInWindow } from '../../shared/store/findings.ts';
import { queryAll } from '../../shared/store/query.ts';

/**
 * DynamoDB Local stopped mid-cycle (a real process, really killed), after the
 * items were written and before they were analysed; then restarted on its data.
 */
describe('the store going down mid-cycle', () => {
  const dbPath = mkdtempSync(join(tmpdir(), 'factwatch-fault-'));
  const checkpointFile = join(dbPath, 'stream-position.json');
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let failure: unknown;
  let second: CycleSummary;
  let store: Store;
  let restarted: RunningDynamoDb;

  async function open(): Promise<{ dynamo: RunningDynamoDb; store: Store }> {
    delete process.env.DYNAMODB_ENDPOINT;
    const dynamo = await startDynamoDbLocal({ dbPath });
    return { dynamo, store: openStore({ tableName: 'factwatch', endpoint: dynamo.endpoint }) };
  }

  beforeAll(async () => {
    server = await startDemoServer();
    const first = await open();
    await ensureTable(first.store);
    await seedBaseline(first.store, loadBaselineFile().facts, new Date());
    for (const feed of server.feeds) await registerFeed(first.store, feed, new Date());
    const config = REPLAY_ALERT_CONFIG;
    const crashing = await startLocalPipeline(first.store, first.dynamo.endpoint, config, {
      checkpointFile,
      network: LOOPBACK_ALLOWED,
    });
    failure = await crashing
      .runCycle({ all: true, onFeedPolled: (done) => void (done === 1 && first.dynamo.stop()) })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    await crashing.stop();
    first.store.doc.destroy();
    await first.dynamo.stop();

    const again = await open();
    restarted = again.dynamo;
    store = again.store;
    const resumed = await startLocalPipeline(store, again.dynamo.endpoint, config, {
      checkpointFile,
      network: LOOPBACK_ALLOWED,
    });
    second = await resumed.runCycle({ all: true });
    await resumed.stop();
  }, 120_000);
  afterAll(async () => {
    store.doc.destroy();
    await restarted.stop();
    await server.close();
  });

  it('fails the first run with an error, not a hang', () => {
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message ?? (failure as Error).name)).not.toBe('');
  });

  it('completes the next run with nothing lost: every item analysed, every change alerted', async () => {
    const changes = await findingsInWindow(store, {
      since: new Date(Date.now() - 3_600_000),
      statuses: ['changed', 'new'],
    });
    const alerts = await queryAll(store, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pending',
      ExpressionAttributeValues: { ':pending': 'ALERTS#pending' },
    });

    expect(changes.map((finding) => finding.factId).sort()).toEqual([
      'ai5.foundry',
      'ai5.foundry',
      'ai5.volume_production',
      'deal.value',
      'taylor.production_start',
    ]);
    expect(alerts).toEqual([]);
  });

  it('sends each alert once', () => {
    const emails = second.deliveries
      .filter((delivery) => delivery.channel === 'email')
      .map((delivery) => delivery.attributes.factId);

    expect(emails.sort()).toEqual([
      'ai5.foundry',
      'ai5.volume_production',
      'deal.value',
      'taylor.production_start',
    ]);
  });
});
