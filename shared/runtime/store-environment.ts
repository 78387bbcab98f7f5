import * as z from 'zod';
import { openStore, type Store } from '../store/client.ts';
import { silenceLogs } from './log.ts';
import { parseEnvironment } from './parse-environment.ts';

/**
 * The part of a λ's environment that opens the store. It has a module of its own so
 * that a handler needing only the store (analyze) does not bundle the SNS and SQS
 * clients that the full runtime (environment.ts) builds.
 */
const StoreEnvironmentSchema = z.object({
  TABLE_NAME: z.string().min(3),
  /** Local runs only: DynamoDB Local. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().optional(),
});

/** What a store-only handler needs from its runtime; the full Runtime is one too. */
export interface StoreRuntime {
  store: Store;
}

/** Where a store-only handler gets its runtime. */
export type StoreRuntimeSource = () => StoreRuntime;

const storeRuntimes = new Map<string, StoreRuntime>();

/** The store for this environment, opened once per distinct table, endpoint and region (warm starts reuse it). */
export function storeRuntimeFromEnvironment(env: NodeJS.ProcessEnv): StoreRuntime {
  const key = JSON.stringify([env.TABLE_NAME, env.DYNAMODB_ENDPOINT, env.AWS_REGION]);
  const cached = storeRuntimes.get(key);
  if (cached) return cached;
  const vars = parseEnvironment(StoreEnvironmentSchema, env);
  if (env.FACTWATCH_LOG === 'silent') silenceLogs();
  const runtime: StoreRuntime = {
    store: openStore({
      tableName: vars.TABLE_NAME,
      endpoint: vars.DYNAMODB_ENDPOINT,
      region: vars.AWS_REGION,
    }),
  };
  storeRuntimes.set(key, runtime);
  return runtime;
}

/** Drops the cached stores and their connections. */
export function closeStoreRuntimes(): void {
  for (const runtime of storeRuntimes.values()) runtime.store.doc.destroy();
  storeRuntimes.clear();
}
