import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoServer } from '../../apps/local/demo-server.ts';
import { handler as notifyHandler } from '../../functions/notify.ts';
import { pollHandler as pollHandlerWith } from '../../functions/poll-feed.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import { closeRuntimes, runtimeFromEnvironment } from '../../shared/runtime/environment.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { getFeedState, registerFeed } from '../../shared/store/feeds.ts';
import { listItemVersions } from '../../shared/store/items.ts';
import { changeFinding, findingInsertRecord } from '../support/findings.ts';
import { type AlertTopic, handlerEnvironment, startAlertTopic } from '../support/sns.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

// The demo server listens on loopback: the one network allowance, passed in code.
const pollHandler = pollHandlerWith(() => runtimeFromEnvironment(process.env), { network: LOOPBACK_ALLOWED });

describe('faults the handlers survive', () => {
  let store: Store;
  let topic: AlertTopic;
  let server: Awaited<ReturnType<typeof startDemoServer>>;

  beforeAll(async () => {
    store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    topic = await startAlertTopic();
    server = await startDemoServer();
    for (const feed of server.feeds) await registerFeed(store, feed, new Date());
    Object.assign(process.env, handlerEnvironment(store, topic, dynamoEndpoint(), { quietHours: null }));
  });
  afterAll(async () => {
    closeRuntimes();
    await topic.stop();
    await server.close();
  });

  it('a poll λ that crashes mid-batch is retried by SQS without duplicate items', async () => {
    const event: SQSEvent = {
      Records: server.feeds.map(
        (feed, index) => ({ messageId: `m${index}`, body: JSON.stringify({ feedId: feed.id }) }) as never,
      ),
    };
    // Inject the crash: the first save of the English feed's state fails after its items were
    // written. No real part fails at exactly that point on demand, hence this one spy.
    const runtime = runtimeFromEnvironment(process.env);
    const send = runtime.store.doc.send.bind(runtime.store.doc);
    const spy = vi.spyOn(runtime.store.doc, 'send').mockImplementation(((command: unknown) => {
      const input = (command as { input?: { Key?: { pk?: string } } }).input;
      if (command instanceof UpdateCommand && input?.Key?.pk === 'FEED#demo-news-en') {
        spy.mockRestore();
        return Promise.reject(new Error('Lambda timed out'));
      }
      return send(command as never);
    }) as never);

    const crashed = await pollHandler(event);
    const retried = await pollHandler({
      Records: event.Records.filter((record) =>
        crashed.batchItemFailures.some((failure) => failure.itemIdentifier === record.messageId),
      ),
    });

    expect(crashed.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(retried.batchItemFailures).toEqual([]);
    expect(await getFeedState(store, 'demo-news-en')).toMatchObject({
      lastStatus: '200',
      itemsSeen: 0,
      // The server's validator for the file (its content's hash), kept once the retried poll finished.
      etag: expect.stringMatching(/^"[0-9a-f]{16}"$/),
    });
    const itemKey = createHash('sha256').update('guid:demo-en-1').digest('hex');
    expect(await listItemVersions(store, itemKey)).toHaveLength(1);
  });

  it('a stream batch delivered twice publishes each alert once', async () => {
    const finding = changeFinding();
    const record = findingInsertRecord(finding);
    const event = { Records: [record, record] } as unknown as DynamoDBStreamEvent;

    await notifyHandler(event);
    await notifyHandler(event);

    expect(await topic.drain('email')).toHaveLength(1);
    expect(await topic.drain('sms')).toHaveLength(1);
  });
});
