import { z } from 'zod';
import { dispatchFeeds } from '../shared/feeds/dispatch.ts';
import { logJson } from '../shared/runtime/batch.ts';
import { runtimeFromEnvironment } from '../shared/runtime/environment.ts';

/**
 * EventBridge Scheduler's input: `{}` for due feeds, `{ "all": true }` to poll every
 * feed now, `{ "retryFailed": true }` to also poll feeds backing off after errors.
 */
const DispatchEvent = z
  .object({ all: z.boolean().optional(), retryFailed: z.boolean().optional() })
  .passthrough();

/**
 * dispatch λ: queues the feeds that are due onto the poll queue.
 */
export const handler = async (event: unknown): Promise<{ queued: number }> => {
  const { all, retryFailed } = DispatchEvent.parse(event ?? {});
  const runtime = runtimeFromEnvironment();
  const queued = await dispatchFeeds(runtime.store, runtime.sqs, runtime.pollQueueUrl, {
    now: new Date(),
    all,
    retryFailed,
  });
  logJson('info', 'dispatched feeds', { queued, all: all ?? false });
  return { queued };
};
