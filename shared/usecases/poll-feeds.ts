import { createPoliteQueue } from '../feeds/politeness.ts';
import type { FeedState } from '../model/feeds.ts';
import { type PollContext, type PollOutcome, pollFeed } from './poll-feed.ts';

export interface PollManyOptions {
  /** Requests in flight at once, across all hosts. */
  concurrency: number;
  /** Minimum time between two request starts to the same host. */
  hostSpacingMs: number;
  /** Called as each feed finishes (progress bars). */
  onOutcome?: (outcome: PollOutcome) => void;
}

export const DEFAULT_POLL_MANY: PollManyOptions = { concurrency: 8, hostSpacingMs: 1_000 };

/**
 * Polls many feeds politely. One feed's failure never stops the others: even an
 * unexpected error (the store) becomes that feed's failed outcome.
 *
 * @example
 * const outcomes = await pollFeeds(await listDueFeeds(store, now), context);
 */
export async function pollFeeds(
  feeds: FeedState[],
  context: PollContext,
  options: PollManyOptions = DEFAULT_POLL_MANY,
): Promise<PollOutcome[]> {
  const queue = createPoliteQueue(options);
  return Promise.all(
    feeds.map((feed) =>
      queue
        .run(feed.permanentUrl ?? feed.url, () => pollFeed(feed, context))
        .catch(
          (error: unknown): PollOutcome => ({
            feedId: feed.feedId,
            ok: false,
            notModified: false,
            created: 0,
            updated: 0,
            unchanged: 0,
            written: [],
            warnings: [],
            error: `poll: ${(error as Error).message ?? String(error)}`.split('\n')[0]!,
            retry: true,
            nextPollAt: feed.nextPollAt,
            httpRequests: 0,
          }),
        )
        .then((outcome) => {
          options.onOutcome?.(outcome);
          return outcome;
        }),
    ),
  );
}
