import type { Dispatcher } from 'undici';
import { FeedError } from '../errors.ts';
import type { Store } from '../store/client.ts';
import { type FeedState, saveFeedPoll } from '../store/feeds.ts';
import type { StoredItem } from '../store/items.ts';
import { decodeFeed } from './decode.ts';
import { storeItems } from './dedupe.ts';
import { type FetchLimits, type FetchResult, fetchFeed } from './fetch.ts';
import { normaliseItem } from './normalise.ts';
import { type ParsedFeed, parseFeed } from './parse.ts';
import { nextPollAt, type ScheduleLimits } from './schedule.ts';

/** Everything a poll needs besides the feed: the store, the clock and the limits. */
export interface PollContext {
  store: Store;
  userAgent: string;
  now: () => Date;
  fetchLimits?: FetchLimits;
  scheduleLimits?: ScheduleLimits;
  dispatcher?: Dispatcher;
  /** Consecutive failures after which a feed is marked unhealthy (said once). */
  unhealthyAfter?: number;
}

export interface PollOutcome {
  feedId: string;
  ok: boolean;
  notModified: boolean;
  httpStatus?: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Items written this poll (new or edited). */
  written: StoredItem[];
  error?: string;
  /** A health change this poll caused: each is reported once. */
  health?: 'unhealthy' | 'recovered';
  nextPollAt: string;
  httpRequests: number;
}

export const DEFAULT_UNHEALTHY_AFTER = 5;

/**
 * Polls one feed through every stage — fetch, decode, parse, normalise, dedupe —
 * and saves its state: validators, schedule, error count and health. A feed's own
 * failure (HTTP, network, a bad document) is recorded and returned, never thrown;
 * only store failures escape, so the caller can retry the whole poll safely.
 *
 * @example
 * const outcome = await pollFeed(state, { store, userAgent: userAgent(VERSION), now: () => new Date() });
 */
export async function pollFeed(state: FeedState, context: PollContext): Promise<PollOutcome> {
  const startedAt = context.now();
  let fetched: FetchResult | undefined;
  try {
    fetched = await fetchFeed(
      { url: state.permanentUrl ?? state.url, etag: state.etag, lastModified: state.lastModified },
      { userAgent: context.userAgent, limits: context.fetchLimits, dispatcher: context.dispatcher },
    );
    if (fetched.status === 'not-modified')
      return await recordSuccess(state, context, fetched, undefined, startedAt);
    const decoded = decodeFeed(fetched.body, fetched.contentType);
    const feed = await parseFeed(decoded.text);
    return await recordSuccess(state, context, fetched, feed, startedAt);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return await recordFailure(state, context, error, startedAt, fetched?.requests ?? 1);
  }
}

async function recordSuccess(
  state: FeedState,
  context: PollContext,
  fetched: FetchResult,
  feed: ParsedFeed | undefined,
  startedAt: Date,
): Promise<PollOutcome> {
  const items = (feed?.items ?? []).map((raw) =>
    normaliseItem(raw, {
      feedId: state.feedId,
      feedUrl: fetched.url,
      feedTitle: feed?.title,
      language: state.language,
      topics: state.topics,
      fetchedAt: startedAt,
    }),
  );
  const stored = await storeItems(context.store, items, startedAt);
  const next = nextPollAt(
    {
      now: startedAt,
      intervalMinutes: state.intervalMinutes,
      ttlMinutes: feed?.ttlMinutes,
      maxAgeSeconds: fetched.maxAgeSeconds,
      errorCount: 0,
      skipHours: feed?.skipHours,
      skipDays: feed?.skipDays,
    },
    context.scheduleLimits,
  ).toISOString();
  await saveFeedPoll(context.store, state, {
    etag: fetched.etag ?? state.etag,
    lastModified: fetched.lastModified ?? state.lastModified,
    permanentUrl: fetched.permanentUrl,
    lastStatus: String(fetched.httpStatus),
    lastError: '',
    lastPolledAt: startedAt.toISOString(),
    errorCount: 0,
    healthy: true,
    nextPollAt: next,
    holdUntil: '',
    holdReason: '',
    ...(state.healthy
      ? { healthEvent: '' as const, healthEventAt: '' }
      : { healthEvent: 'recovered' as const, healthEventAt: startedAt.toISOString() }),
    itemsSeenDelta: stored.created,
  });
  return {
    feedId: state.feedId,
    ok: true,
    notModified: fetched.status === 'not-modified',
    httpStatus: fetched.httpStatus,
    ...stored,
    ...(state.healthy ? {} : { health: 'recovered' as const }),
    nextPollAt: next,
    httpRequests: fetched.requests,
  };
}

async function recordFailure(
  state: FeedState,
  context: PollContext,
  error: FeedError,
  startedAt: Date,
  httpRequests: number,
): Promise<PollOutcome> {
  const errorCount = state.errorCount + 1;
  const healthy = errorCount < (context.unhealthyAfter ?? DEFAULT_UNHEALTHY_AFTER);
  const next = nextPollAt(
    {
      now: startedAt,
      intervalMinutes: state.intervalMinutes,
      retryAfterSeconds: error.retryAfterSeconds,
      errorCount,
    },
    context.scheduleLimits,
  ).toISOString();
  const message = error.message.replace(/\s+/g, ' ').slice(0, 300);
  await saveFeedPoll(context.store, state, {
    lastStatus: error.httpStatus ? String(error.httpStatus) : error.failure,
    lastError: message,
    lastPolledAt: startedAt.toISOString(),
    errorCount,
    healthy,
    nextPollAt: next,
    holdUntil: next,
    holdReason: error.retryAfterSeconds ? 'retry-after' : 'backoff',
    ...(state.healthy && !healthy
      ? { healthEvent: 'unhealthy' as const, healthEventAt: startedAt.toISOString() }
      : { healthEvent: '' as const, healthEventAt: '' }),
  });
  return {
    feedId: state.feedId,
    ok: false,
    notModified: false,
    httpStatus: error.httpStatus,
    created: 0,
    updated: 0,
    unchanged: 0,
    written: [],
    error: message,
    ...(state.healthy && !healthy ? { health: 'unhealthy' as const } : {}),
    nextPollAt: next,
    httpRequests,
  };
}
