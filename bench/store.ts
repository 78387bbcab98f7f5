import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../apps/local/dynamodb-local.ts';
import type { StoredItem } from '../shared/model/items.ts';
import { ensureTable, openStore } from '../shared/store/client.ts';
import { getItems, saveItem } from '../shared/store/items.ts';

/** Runs `work` over `count` entries with at most `inFlight` at once; returns items per second. */
async function throughput<T>(
  entries: T[],
  inFlight: number,
  work: (entry: T) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < entries.length) await work(entries[next++]!);
    }),
  );
  return Math.round(entries.length / ((performance.now() - started) / 1000));
}

/**
 * Item store throughput against DynamoDB Local: first writes (a conditional
 * transaction each) and the unchanged re-poll path (one batch read, no write).
 */
export async function benchStore(count = 2000) {
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  const store = openStore({ tableName: `bench-${randomUUID()}`, endpoint: dynamo.endpoint });
  try {
    await ensureTable(store);
    const now = new Date();
    const items: StoredItem[] = Array.from({ length: count }, (_, index) => ({
      key: `bench-${index}`,
      feedId: `feed-${index % 50}`,
      title: `Tesla and Samsung item ${index}`,
      summary: 'x'.repeat(400),
      published: now.toISOString(),
      contentHash: `hash-${index}`,
    }));
    const createdPerSecond = await throughput(items, 16, (item) => saveItem(store, item, now, null));
    const started = performance.now();
    const heads = await getItems(
      store,
      items.map((item) => item.key),
    );
    const unchanged = await Promise.all(items.map((item) => saveItem(store, item, now, heads.get(item.key))));
    const unchangedPerSecond = Math.round(count / ((performance.now() - started) / 1000));
    if (unchanged.some((outcome) => outcome !== 'unchanged'))
      throw new Error('bench: unchanged items were written');
    await store.doc.send(new DeleteTableCommand({ TableName: store.tableName }));
    return { items: count, createdPerSecond, unchangedPerSecond };
  } finally {
    store.doc.destroy();
    await dynamo.stop();
  }
}
