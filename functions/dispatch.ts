import * as z from 'zod';
import { type RuntimeSource, runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { logger } from '../shared/runtime/log.ts';
import { dispatchFeeds } from '../shared/usecases/dispatch-feeds.ts';

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
export const handler = dispatchHandler(() => runtimeFromEnvironment(process.env));

/** The dispatch handler, for a runtime from anywhere (the local runner passes its own). */
export function dispatchHandler(runtimeOf: RuntimeSource) {
  return async (event: unknown): Promise<{ queued: number }> => {
    const { all, retryFailed } = DispatchEvent.parse(event ?? {});
    const runtime = runtimeOf();
    const queued = await dispatchFeeds(runtime.store, runtime.sqs, runtime.pollQueueUrl, {
      now: new Date(),
      all,
      retryFailed,
    });
    logger.info('dispatched feeds', { queued, all: all ?? false });
    return { queued };
  };
}
