import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../apps/local/demo-server.ts';
import { type CycleSummary, startLocalPipeline } from '../../apps/local/pipeline.ts';
import { type OutboxEntry, readOutbox } from '../../shared/alerts/outbox.ts';
import { REPLAY_ALERT_CONFIG } from '../../shared/config/alerts.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import { closeRuntimes } from '../../shared/runtime/environment.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { registerFeed } from '../../shared/store/feeds.ts';
import { findingsForFact } from '../../shared/store/findings.ts';
import { cliWith } from '../support/cli.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

/**
 * The SNS emulator lives in the CLI process: a local run that dies after alerts were
 * marked sent, but before it showed them, would take them along. Each message is
 * written to the data dir's outbox before it is published; the next run shows it.
 */
describe('a local run that dies loses no alert', () => {
  let store: Store;
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let outboxFile: string;
  let leftBehind: OutboxEntry[];
  let died: CycleSummary;
  let next: CycleSummary;

  beforeAll(async () => {
    server = await startDemoServer();
    store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    for (const feed of server.feeds) await registerFeed(store, feed, new Date());
    outboxFile = join(mkdtempSync(join(tmpdir(), 'factwatch-outbox-')), 'deliveries.jsonl');
    const config = REPLAY_ALERT_CONFIG;
    const settings = { network: LOOPBACK_ALLOWED, outboxFile };

    // The run "dies" after its cycle: its emulator, with every message it received, is thrown
    // away and nothing was shown — the state a kill after the last stream checkpoint leaves.
    const first = await startLocalPipeline(store, dynamoEndpoint(), config, settings);
    died = await first.runCycle({ all: true });
    await first.stop();
    leftBehind = readOutbox(outboxFile);

    const second = await startLocalPipeline(store, dynamoEndpoint(), config, settings);
    next = await second.runCycle({ all: true });
    await second.stop();
  }, 120_000);
  afterAll(async () => {
    closeRuntimes();
    await server.close();
  });

  it('writes every message to the outbox before publishing it', () => {
    const alerts = died.deliveries.filter((delivery) => delivery.attributes.kind === 'alert');

    expect(leftBehind.filter((entry) => entry.routing.kind === 'alert')).toHaveLength(
      alerts.filter((delivery) => delivery.channel === 'email').length,
    );
    expect(leftBehind.map((entry) => entry.routing.factId)).toEqual(
      expect.arrayContaining(['deal.value', 'ai5.foundry', 'taylor.production_start']),
    );
  });

  it('shows the next run what the dead run never showed, through the same routing', () => {
    const recovered = next.recovered.filter((delivery) => delivery.attributes.kind === 'alert');
    const original = died.deliveries.filter((delivery) => delivery.attributes.kind === 'alert');

    expect(recovered.map((delivery) => `${delivery.channel} ${delivery.body}`).sort()).toEqual(
      original.map((delivery) => `${delivery.channel} ${delivery.body}`).sort(),
    );
  });

  it('sends no alert twice: the store already holds them as sent', () => {
    expect(next.deliveries.filter((delivery) => delivery.attributes.kind === 'alert')).toEqual([]);
  });
});

describe('factwatch run and its outbox', () => {
  it('prints what an interrupted run left in the outbox, then clears it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'factwatch-outbox-cli-'));
    const feedsFile = join(dataDir, 'feeds.json');
    writeFileSync(feedsFile, JSON.stringify([{ id: 'refused', url: 'http://10.0.0.1/feed.xml' }]));
    const entry: OutboxEntry = {
      subject: '[factwatch] Deal value changed: $16.5B -> $22B',
      email: 'Deal value (deal.value) changed',
      sms: 'factwatch: Deal value changed: $16.5B -> $22B (Bloomberg)',
      default: 'factwatch: Deal value changed: $16.5B -> $22B (Bloomberg)',
      routing: {
        kind: 'alert',
        severity: 'high',
        topic: 'deal',
        factId: 'deal.value',
        email: 'send',
        sms: 'send',
      },
    };
    writeFileSync(join(dataDir, 'deliveries.jsonl'), `${JSON.stringify(entry)}\n{"torn`);
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;

    const { code, stdout } = await cliWith({ env }, 'run', '--feeds', feedsFile, '--data-dir', dataDir);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^Delivered by an earlier run that stopped before showing them \(2\):/m);
    expect(stdout).toContain('factwatch: Deal value changed: $16.5B -> $22B (Bloomberg)');
    expect(stdout).toContain('Subject: [factwatch] Deal value changed: $16.5B -> $22B');
    expect(existsSync(join(dataDir, 'deliveries.jsonl'))).toBe(false);
  }, 60_000);
});

// From a hostile-content review: one stream record that always failed stopped the local stream for good — every
// later run re-read it and failed. A record the store holds that no stage can read (an item head without its
// fields, written straight to the table: the fault no feed can produce) stands in for any such record.
describe('a stream record that never succeeds', () => {
  it('fails the run until it has failed in three, then is set aside and listed, and the next run is clean', async () => {
    const store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    const dataDir = mkdtempSync(join(tmpdir(), 'factwatch-poison-'));
    const settings = { network: LOOPBACK_ALLOWED, checkpointFile: join(dataDir, 'stream-position.json') };
    const run = async () => {
      const pipeline = await startLocalPipeline(store, dynamoEndpoint(), REPLAY_ALERT_CONFIG, settings);
      try {
        return await pipeline.runCycle({ all: true });
      } finally {
        await pipeline.stop();
      }
    };
    await run();
    const put = (Item: Record<string, unknown>) =>
      store.doc.send(new PutCommand({ TableName: store.tableName, Item }));
    await put({ pk: 'ITEM#poison', sk: 'HEAD', type: 'item' });
    // …and a good item right behind it, which the failing record must not take along.
    const seen = new Date().toISOString();
    await put({
      pk: 'ITEM#good',
      sk: 'HEAD',
      type: 'item',
      key: 'good',
      feedId: 'wire',
      title: 'Samsung delays Taylor fab production start to 2028',
      published: seen,
      contentHash: 'h',
      version: 1,
      firstSeenAt: seen,
      seenAt: seen,
    });
    /** As if the record's first failure were an hour and more ago (a restarting store fails minutes apart). */
    const backdated = () => {
      const checkpoint = JSON.parse(readFileSync(settings.checkpointFile, 'utf8'));
      for (const failed of Object.values(checkpoint.failedRuns) as Array<{ since: number }>)
        failed.since -= 2 * 3_600_000;
      writeFileSync(settings.checkpointFile, JSON.stringify(checkpoint));
    };

    const failures = [await run().catch((error: Error) => error), await run().catch((error: Error) => error)];
    const soon = await run().catch((error: Error) => error);
    backdated();
    const third = await run();
    const fourth = await run();

    for (const failure of [...failures, soon])
      expect((failure as Error).message).toMatch(
        /^local: analyze could not process 2 stream record\(s\); run again to retry them \(one that fails 3 runs over an hour or more is then set aside\)$/,
      );
    expect(third.setAside).toBe(1);
    expect(readFileSync(join(dataDir, 'failed-records.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(await findingsForFact(store, 'taylor.production_start', { since: new Date(0) })).toEqual([
      expect.objectContaining({ status: 'changed', observed: { kind: 'year', value: 2028 } }),
    ]);
    expect(fourth).toMatchObject({ setAside: 0, newItems: 0 });
  }, 120_000);
});
