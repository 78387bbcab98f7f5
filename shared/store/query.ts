import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { StoreError } from '../errors.ts';
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

/**
 * A record read from the table, checked against its model schema: the table's key
 * and index attributes (and anything else the type does not name) are dropped, and a
 * record that is not what its type says fails here, naming the field, rather than
 * deep in a stage.
 *
 * @example
 * const feed = recordOf(FeedStateSchema, Item); // FeedState, without pk/sk/gsi1pk/gsi1sk
 */
export function recordOf<T>(schema: z.ZodType<T>, record: Record<string, unknown>): T {
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = [record.pk, record.sk].filter(Boolean).join(' ');
  throw new StoreError(`store: record ${where}: field "${issue.path.join('.')}": ${issue.message}`);
}
