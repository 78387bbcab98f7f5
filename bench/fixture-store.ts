import { randomUUID } from 'node:crypto';
import { startDynamoDbLocal } from '../apps/local/dynamodb-local.ts';
import { ensureTable, openStore, type Store } from '../shared/store/client.ts';
import { type FeedServer, startFeedServer } from '../tests/support/feed-server.ts';

/**
 * The fixture feed server, an in-memory DynamoDB Local and a fresh table for a
 * benchmark that runs in a process of its own (so its peak RSS is its own); all
 * stopped when `body` ends.
 *
 * @example
 * const result = await withFixtureStore(async (server, store) => ({ … }));
 */
export async function withFixtureStore<T>(
  body: (server: FeedServer, store: Store) => Promise<T>,
): Promise<T> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const server = await startFeedServer();
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  const store = openStore({ tableName: `bench-${randomUUID()}`, endpoint: dynamo.endpoint });
  try {
    await ensureTable(store);
    return await body(server, store);
  } finally {
    store.doc.destroy();
    await dynamo.stop();
    await server.close();
  }
}
