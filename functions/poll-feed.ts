import type { SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import type { NetworkPolicy } from '../shared/feeds/guard.ts';
import { pollFeeds } from '../shared/feeds/poll-many.ts';
import type { FeedState } from '../shared/model/feeds.ts';
import { type BatchResponse, logJson } from '../shared/runtime/batch.ts';
import { runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { getFeedState } from '../shared/store/feeds.ts';

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
export const handler = pollHandler({});

/** The poll handler with options set in code (the local runner's demo passes a loopback allowance). */
export function pollHandler(options: PollHandlerOptions) {
  return (event: SQSEvent) => pollBatch(event, options);
}

async function pollBatch(event: SQSEvent, options: PollHandlerOptions): Promise<BatchResponse> {
  const runtime = runtimeFromEnvironment();
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
    logJson(outcome.ok ? 'info' : 'warn', 'polled feed', { ...outcome, written: outcome.written.length });
  const failed = new Set(
    outcomes.filter((outcome) => outcome.error?.startsWith('poll: ')).map((outcome) => outcome.feedId),
  );
  return {
    batchItemFailures: requests
      .filter(({ request }) => request.success && failed.has(request.data.feedId))
      .map(({ record }) => ({ itemIdentifier: record.messageId })),
  };
}
