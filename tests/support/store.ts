import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, inject } from 'vitest';
import { ensureTable, openStore, type Store } from '../../shared/store/client.ts';

/** The DynamoDB Local endpoint the global setup started. */
export function dynamoEndpoint(): string {
  return inject('dynamoEndpoint');
}

/**
 * A new, empty table in the shared DynamoDB Local, deleted when the file's tests end.
 * Each call gives its own table, so tests never see each other's data.
 */
export async function freshStore(): Promise<Store> {
  const store = openStore({ tableName: `test-${randomUUID()}`, endpoint: dynamoEndpoint() });
  await ensureTable(store);
  afterAll(async () => {
    await store.doc.send(new DeleteTableCommand({ TableName: store.tableName })).catch(() => {});
    store.doc.destroy();
  });
  return store;
}
