import type { Dispatcher } from 'undici';
import { FeedError } from '../errors.ts';
import { decodeFeed } from '../feeds/decode.ts';
import { type FetchLimits, type FetchResult, fetchFeed } from '../feeds/fetch.ts';
import type { NetworkPolicy } from '../feeds/guard.ts';
import { inTheFuture, normaliseItem, parseDate } from '../feeds/normalise.ts';
import { type ParsedFeed, parseFeed, type RawItem } from '../feeds/parse.ts';
import { nextPollAt, type ScheduleLimits } from '../feeds/schedule.ts';
import type { FeedState } from '../model/feeds.ts';
import type { StoredItem } from '../model/items.ts';
import type { Store } from '../store/client.ts';
import { saveFeedPoll } from '../store/feeds.ts';
import { storeItems } from './store-items.ts';

/** Everything a poll needs besides the feed: the store, the clock and the limits. */
export interface PollContext {
  store: Store;
  userAgent: string;
  now: () => Date;
  fetchLimits?: FetchLimits;
  scheduleLimits?: ScheduleLimits;
  dispatcher?: Dispatcher;
  /** Which networks feeds may be fetched from: the public internet unless tests or the demo say so. */
  network?: NetworkPolicy;
  /** Consecutive failures after which a feed is marked unhealthy (said once). */
  unhealthyAfter?: number;
  /** At most this many items a poll, the newest: a 100,000-item feed costs what a 200-item one does. */
  maxItemsPerPoll?: number;
  /** Time one feed's poll may take before the rest of its items waits for the next poll. */
  feedBudgetMs?: number;
}

export const DEFAULT_MAX_ITEMS_PER_POLL = 200;
export const DEFAULT_FEED_BUDGET_MS = 60_000;

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
  /** The poll could not complete for a reason of ours (the store): its request is retried. */
  retry?: boolean;
  /** A health change this poll caused: each is reported once. */
  health?: 'unhealthy' | 'recovered';
  /** What the poll left out and why (older items past the limit, items the store refused, the time budget). */
  warnings: string[];
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
 * const outcome = await pollFeed(state, { store, userAgent: userAgent(VERSION, 'ops@example.org'), now: () => new Date() });
 */
export async function pollFeed(state: FeedState, context: PollContext): Promise<PollOutcome> {
  const startedAt = context.now();
  // The budget is real time (the λ's clock), whatever `now` says the date is.
  const budgetEnds = Date.now() + (context.feedBudgetMs ?? DEFAULT_FEED_BUDGET_MS);
  let fetched: FetchResult | undefined;
  try {
    fetched = await fetchFeed(
      { url: state.permanentUrl ?? state.url, etag: state.etag, lastModified: state.lastModified },
      {
        userAgent: context.userAgent,
        limits: context.fetchLimits,
        dispatcher: context.dispatcher,
        network: context.network,
      },
    );
    if (fetched.status === 'not-modified')
      return await recordSuccess(state, context, fetched, undefined, startedAt, budgetEnds);
    const decoded = decodeFeed(fetched.body, fetched.contentType);
    const feed = await parseFeed(decoded.text);
    return await recordSuccess(state, context, fetched, feed, startedAt, budgetEnds);
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
  budgetEnds: number,
): Promise<PollOutcome> {
  const limit = context.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL;
  const newest = newestItems(feed?.items ?? [], limit, startedAt);
  const skipped = newest.skipped + (feed?.omitted ?? 0);
  // The first read of a feed brings what it already held: old news to us, never a page.
  const backfill = !state.filledAt;
  const items = newest.items.map((raw) => {
    const item = normaliseItem(raw, {
      feedId: state.feedId,
      feedUrl: fetched.url,
      feedTitle: feed?.title,
      language: state.language,
      topics: state.topics,
      fetchedAt: startedAt,
    });
    return backfill ? { ...item, backfill: true } : item;
  });
  const stored = await storeItems(context.store, items, startedAt, {
    deadline: budgetEnds,
  });
  const warnings = [
    ...(skipped
      ? [
          `skipped ${skipped} item(s): at most ${limit} are read a poll, the newest first (undated and future-dated ones last)`,
        ]
      : []),
    ...stored.warnings,
    ...(stored.deferred ? [`time budget spent: ${stored.deferred} item(s) left for the next poll`] : []),
  ];
  // Items left for later are only seen again if the next poll downloads the feed again.
  const keepValidators = stored.deferred === 0;
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
    etag: keepValidators ? (fetched.etag ?? state.etag) : '',
    lastModified: keepValidators ? (fetched.lastModified ?? state.lastModified) : '',
    lastWarnings: warnings.length ? warnings.slice(0, 5) : '',
    permanentUrl: fetched.permanentUrl,
    lastStatus: String(fetched.httpStatus),
    lastError: '',
    lastPolledAt: startedAt.toISOString(),
    ...(state.filledAt || fetched.status === 'not-modified' ? {} : { filledAt: startedAt.toISOString() }),
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
    created: stored.created,
    updated: stored.updated,
    unchanged: stored.unchanged,
    written: stored.written,
    warnings,
    ...(state.healthy ? {} : { health: 'recovered' as const }),
    nextPollAt: next,
    httpRequests: fetched.requests,
  };
}

/**
 * The `limit` items of a feed to read, and how many were left out: the newest by their own date first,
 * then undated ones in the feed's order, then those dated more than a day in the future. Undated and future-dated items
 * cannot outrank a dated one: 250 of them (junk, or a feed's broken clock) would otherwise fill the limit
 * on every poll and hide the item published a minute ago. O(n log n) in the feed's size.
 */
export function newestItems(items: RawItem[], limit: number, fetchedAt: Date) {
  if (items.length <= limit) return { items, skipped: 0 };
  const ranked = items.map((item, position) => {
    const date = parseDate(item.published);
    // A date a few hours ahead is a feed's clock or zone (local time labelled GMT): it ranks as now, as the
    // stored date does; one more than a day ahead is no news's, and goes last.
    const tier = !date ? UNDATED : date.getTime() > fetchedAt.getTime() + DAY_MS ? FUTURE : DATED;
    const time = tier !== DATED ? 0 : inTheFuture(date!, fetchedAt) ? fetchedAt.getTime() : date!.getTime();
    return { item, position, tier, time };
  });
  ranked.sort((a, b) => a.tier - b.tier || b.time - a.time || a.position - b.position);
  const kept = ranked.slice(0, limit).sort((a, b) => a.position - b.position);
  return { items: kept.map((entry) => entry.item), skipped: items.length - limit };
}

const [DATED, UNDATED, FUTURE] = [0, 1, 2];
const DAY_MS = 86_400_000;

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
    warnings: [],
    ...(state.healthy && !healthy ? { health: 'unhealthy' as const } : {}),
    nextPollAt: next,
    httpRequests,
  };
}
