import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { StoreError } from '../errors.ts';
import type { Store } from './client.ts';

type Key = { pk: string; sk: string };
const MAX_ATTEMPTS = 8;
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));

/**
 * Reads many records by key: 100 keys a request, unprocessed keys retried with backoff.
 *
 * @example
 * const records = await batchGet(store, [{ pk: 'ITEM#k1', sk: 'HEAD' }]);
 */
export async function batchGet(store: Store, keys: Key[]): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\n${key.sk}`, key])).values()];
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < unique.length; start += 100) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new StoreError(`batch read left ${pending.length} keys unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const result = await store.doc.send(
        new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending } } }),
      );
      found.push(...(result.Responses?.[store.tableName] ?? []));
      pending = (result.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
}

/**
 * Writes many records (unconditional puts): 25 a request, unprocessed ones retried.
 * Only for records where the last writer may win, such as lookup indexes.
 */
export async function batchPut(store: Store, records: Array<Key & Record<string, unknown>>): Promise<void> {
  for (let start = 0; start < records.length; start += 25) {
    let pending = records.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS)
        throw new StoreError(`batch write left ${pending.length} records unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const result = await store.doc.send(
        new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
      );
      pending = (result.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
    }
  }
}
