import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StoreError } from '../errors.ts';
import { createTableInput, TABLE_DEFINITION } from './table.ts';

/** A handle on the table: every store function takes one. */
export interface Store {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

export interface StoreOptions {
  tableName: string;
  /** A local endpoint (DynamoDB Local). Unset: the real service, with the usual AWS environment. */
  endpoint?: string;
  region?: string;
}

/** Dummy credentials: DynamoDB Local and the emulators accept anything, and nothing real may leak to them. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'us-east-1';

/**
 * Opens a store on a local endpoint or the deployed table.
 *
 * @example
 * const store = openStore({ tableName: 'factwatch', endpoint: 'http://127.0.0.1:8000' });
 */
export function openStore(options: StoreOptions): Store {
  const client = new DynamoDBClient(
    options.endpoint
      ? { endpoint: options.endpoint, region: options.region ?? LOCAL_REGION, credentials: LOCAL_CREDENTIALS }
      : { region: options.region },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: options.tableName };
}

/**
 * Creates the table (and its TTL setting) when it does not exist yet, and waits until it is active.
 * Safe to call concurrently: a second creator sees ResourceInUse and just waits.
 */
export async function ensureTable(store: Store): Promise<void> {
  if (await tableIsActive(store)) return;
  try {
    await store.doc.send(new CreateTableCommand(createTableInput(store.tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) {
      throw new StoreError(`cannot create table ${store.tableName}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  await waitUntilActive(store);
  await store.doc.send(
    new UpdateTimeToLiveCommand({
      TableName: store.tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
    }),
  );
}

async function tableIsActive(store: Store): Promise<boolean> {
  try {
    const { Table } = await store.doc.send(new DescribeTableCommand({ TableName: store.tableName }));
    return Table?.TableStatus === 'ACTIVE';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw new StoreError(`cannot reach table ${store.tableName}: ${describeAwsError(error)}`, {
      cause: error,
    });
  }
}

async function waitUntilActive(store: Store, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await tableIsActive(store)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StoreError(`table ${store.tableName} did not become active within ${timeoutMs / 1000}s`);
}

/** One line for an SDK or network error (connection refused has no message of its own). */
export function describeAwsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (error.name === 'AggregateError' || (!error.message && code)) return code ?? error.name;
  return error.message || error.name;
}
