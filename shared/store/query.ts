import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.ts';

export type QueryRequest = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/**
 * Every page of a query, following LastEvaluatedKey, since any query here can pass 1 MB.
 *
 * @example
 * for await (const page of queryPages(store, { KeyConditionExpression: 'pk = :pk', … })) handle(page);
 */
export async function* queryPages(
  store: Store,
  request: QueryRequest,
): AsyncGenerator<Record<string, unknown>[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({ ...request, TableName: store.tableName, ExclusiveStartKey: startKey }),
    );
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/**
 * All items of a query, across pages; stops early once `max` items are collected.
 *
 * @example
 * const versions = await queryAll(store, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'FACT#deal.value' } });
 */
export async function queryAll(store: Store, request: QueryRequest, max = Number.POSITIVE_INFINITY) {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(store, request)) {
    items.push(...page);
    if (items.length >= max) return items.slice(0, max);
  }
  return items;
}

/** Zero-padded version numbers sort correctly as strings: 000002 < 000010. */
export function padVersion(version: number): string {
  return String(version).padStart(6, '0');
}

/** Strips the table's key attributes from a record before it leaves the store. */
export function withoutKeys<T>(record: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1p, gsi1sk: _g1s, gsi2pk: _g2p, gsi2sk: _g2s, ...rest } = record;
  return rest as T;
}
