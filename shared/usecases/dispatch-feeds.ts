import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { StoreError } from '../errors.ts';
import type { FeedState } from '../model/feeds.ts';
import type { Store } from '../store/client.ts';
import { listDueFeeds, listFeeds } from '../store/feeds.ts';

/** A poll-queue message: which feed to poll. */
export interface PollRequest {
  feedId: string;
}

/**
 * Queues every due feed for polling, ten to a SendMessageBatch. With `all`, every
 * feed is queued whatever its interval, except those held by a server's
 * Retry-After or our error backoff. With `retryFailed`, feeds held by our error
 * backoff are queued too (the owner fixed the cause); a Retry-After still holds.
 *
 * @example
 * const queued = await dispatchFeeds(store, sqs, queueUrl, { now: new Date() });
 */
export async function dispatchFeeds(
  store: Store,
  sqs: SQSClient,
  queueUrl: string,
  options: { now: Date; all?: boolean; retryFailed?: boolean },
): Promise<number> {
  const nowIso = options.now.toISOString();
  const held = (feed: FeedState) => Boolean(feed.holdUntil && feed.holdUntil > nowIso);
  // Retired feeds (no longer in the feeds file) are never polled, not even with --all.
  const active = async () => (await listFeeds(store)).filter((feed) => !feed.retiredAt);
  const due = options.all
    ? (await active()).filter((feed) => !held(feed))
    : await listDueFeeds(store, options.now);
  const retried = options.retryFailed
    ? (await active()).filter((feed) => held(feed) && feed.holdReason !== 'retry-after')
    : [];
  const feeds = [...new Map([...due, ...retried].map((feed) => [feed.feedId, feed])).values()];
  for (let start = 0; start < feeds.length; start += 10) {
    const batch = feeds.slice(start, start + 10);
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((feed, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify({ feedId: feed.feedId } satisfies PollRequest),
        })),
      }),
    );
    if (result.Failed?.length)
      throw new StoreError(`dispatch: ${result.Failed.length} poll messages were refused by the queue`);
  }
  return feeds.length;
}
