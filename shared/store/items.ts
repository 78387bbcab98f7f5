import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ItemHead,
  ItemHeadSchema,
  type ItemVersion,
  ItemVersionSchema,
  type StoredItem,
} from '../model/items.ts';
import { batchGet } from './batch.ts';
import type { Store } from './client.ts';
import { writeIf } from './conditional.ts';
import { padVersion, queryAll, recordOf } from './query.ts';

export type ItemWriteOutcome = 'created' | 'updated' | 'unchanged';

/** Raw item text is kept this long, then DynamoDB's TTL removes the version record's body. */
export const ITEM_VERSION_RETENTION_DAYS = 90;

const itemPk = (key: string) => `ITEM#${key}`;
const HEAD_SK = 'HEAD';

/** An item's latest version, or undefined (access pattern 2: item by stable key). */
export async function getItem(store: Store, key: string): Promise<ItemHead | undefined> {
  const { Item } = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: { pk: itemPk(key), sk: HEAD_SK } }),
  );
  return Item ? recordOf(ItemHeadSchema, Item) : undefined;
}

/** Latest versions of many items at once (batched; unknown keys are simply absent). */
export async function getItems(store: Store, keys: string[]): Promise<Map<string, ItemHead>> {
  const records = await batchGet(
    store,
    keys.map((key) => ({ pk: itemPk(key), sk: HEAD_SK })),
  );
  return new Map(records.map((record) => recordOf(ItemHeadSchema, record)).map((head) => [head.key, head]));
}

/** Every version of an item, oldest first (a publisher's edits), each with when it expires. */
export async function listItemVersions(store: Store, key: string): Promise<ItemVersion[]> {
  const records = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
    ExpressionAttributeValues: { ':pk': itemPk(key), ':v': 'V#' },
  });
  return records.map((record) => recordOf(ItemVersionSchema, record));
}

/**
 * Stores an item: a new key is a conditional put; the same content is no write at all;
 * new content under a known key becomes the next version, keeping the old title and summary.
 * Pass the `known` head when the caller already read it (batch polling) to save a read.
 *
 * @example
 * await saveItem(store, item, new Date()); // 'created', then 'unchanged' for the same item
 */
export async function saveItem(
  store: Store,
  item: StoredItem,
  now: Date,
  known?: ItemHead | null,
): Promise<ItemWriteOutcome> {
  const head = known === undefined ? await getItem(store, item.key) : (known ?? undefined);
  if (head?.contentHash === item.contentHash) return 'unchanged';
  const version = (head?.version ?? 0) + 1;
  const seenAt = now.toISOString();
  const next: ItemHead = {
    ...item,
    version,
    seenAt,
    firstSeenAt: head?.firstSeenAt ?? seenAt,
    ...(head ? { previousTitle: head.title, previousSummary: head.summary } : {}),
  };
  const expiresAt = Math.floor(now.getTime() / 1000) + ITEM_VERSION_RETENTION_DAYS * 86_400;
  const saved = await writeIf(() =>
    store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: store.tableName,
              Item: { pk: itemPk(item.key), sk: HEAD_SK, ...next },
              // The head we read must still be the head: a concurrent writer makes us re-read.
              ConditionExpression: head ? 'version = :seen' : 'attribute_not_exists(pk)',
              ...(head ? { ExpressionAttributeValues: { ':seen': head.version } } : {}),
            },
          },
          {
            Put: {
              TableName: store.tableName,
              Item: { pk: itemPk(item.key), sk: `V#${padVersion(version)}`, ...next, expiresAt },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    ),
  );
  // Someone stored this item first (a retry, or another feed): decide again from what is there now.
  if (!saved) return saveItem(store, item, now);
  return head ? 'updated' : 'created';
}
