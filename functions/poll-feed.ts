import type { SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import type { NetworkPolicy } from '../shared/feeds/guard.ts';
import type { FeedState } from '../shared/model/feeds.ts';
import type { BatchResponse } from '../shared/runtime/batch.ts';
import { type Runtime, type RuntimeSource, runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { logger } from '../shared/runtime/log.ts';
import { getFeedState } from '../shared/store/feeds.ts';
import { pollFeeds } from '../shared/usecases/poll-feeds.ts';

const PollRequest = z.object({ feedId: z.string().min(1) });

/** A body that is not JSON is just an invalid request (dropped), never a crash of the batch. */
function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** What only code can choose for a poll handler: never read from the λ's environment. */
export interface PollHandlerOptions {
  /** Tests and `run --demo` poll feed servers on loopback; the deployed handler never does. */
  network?: NetworkPolicy;
}

/**
 * poll-feed λ: polls the feeds of an SQS batch politely. A feed's own failure is
 * recorded in its state; only an unexpected failure (the store) retries the message.
 */
export const handler = pollHandler(() => runtimeFromEnvironment(process.env), {});

/** The poll handler with options set in code (the local runner's demo passes a loopback allowance). */
export function pollHandler(runtimeOf: RuntimeSource, options: PollHandlerOptions) {
  return (event: SQSEvent) => pollBatch(event, runtimeOf(), options);
}

async function pollBatch(
  event: SQSEvent,
  runtime: Runtime,
  options: PollHandlerOptions,
): Promise<BatchResponse> {
  const requests = event.Records.map((record) => ({
    record,
    request: PollRequest.safeParse(parseBody(record.body)),
  }));
  const feeds = await Promise.all(
    requests.map(({ request }) =>
      request.success ? getFeedState(runtime.store, request.data.feedId) : undefined,
    ),
  );
  // A feed retired after it was queued is not polled (its message is done with).
  const known = feeds.filter((feed): feed is FeedState => feed !== undefined && !feed.retiredAt);
  const outcomes = await pollFeeds(
    known,
    { store: runtime.store, userAgent: runtime.userAgent, now: () => new Date(), network: options.network },
    { concurrency: 8, hostSpacingMs: 1_000 },
  );
  for (const outcome of outcomes)
    logger[outcome.ok ? 'info' : 'warn']('polled feed', { ...outcome, written: outcome.written.length });
  // Retried by the kind of failure, never by its message: only a poll that could not complete (the store).
  const failed = new Set(outcomes.filter((outcome) => outcome.retry).map((outcome) => outcome.feedId));
  return {
    batchItemFailures: requests
      .filter(({ request }) => request.success && failed.has(request.data.feedId))
      .map(({ record }) => ({ itemIdentifier: record.messageId })),
  };
}
