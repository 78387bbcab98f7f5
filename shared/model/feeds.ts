import * as z from 'zod';
import type { SameKeys } from './same-keys.ts';

/** What factwatch remembers about a feed between polls (miniflux `model/feed.go`, as data). */
export interface FeedState {
  feedId: string;
  url: string;
  topics: string[];
  language?: string;
  intervalMinutes: number;
  /** A permanent redirect's target, used instead of `url` from then on. */
  permanentUrl?: string;
  etag?: string;
  lastModified?: string;
  /** ISO time of the next poll; the due-feeds index sorts on it. */
  nextPollAt: string;
  lastPolledAt?: string;
  /** When a poll first read the feed's items; before that, what the feed holds is backfill. */
  filledAt?: string;
  /** When the feed left the feeds file: no longer polled, its history kept. */
  retiredAt?: string;
  /** HTTP status of the last poll, or an error class such as `network`. */
  lastStatus?: string;
  lastError?: string;
  errorCount: number;
  itemsSeen: number;
  healthy: boolean;
  /** Set by the poll that turned the feed unhealthy or recovered it; the notifier sends one ops notice for it. */
  healthEvent?: 'unhealthy' | 'recovered';
  healthEventAt?: string;
  /** Not before this time, even for `run --all`: a server's Retry-After or our error backoff. */
  holdUntil?: string;
  /** Why the feed is held: the server asked (Retry-After), or our backoff after errors. */
  holdReason?: 'retry-after' | 'backoff';
  /** What the last successful poll left out, and why (at most five lines). */
  lastWarnings?: string[];
  /** Optimistic lock: every save must name the revision it read. */
  revision: number;
}

/**
 * A feed state as notify reads it from the stream: only what a health notice needs
 * (the poll that turned the feed unhealthy or recovered it), validated at the edge.
 */
export const FeedHealthImageSchema = z.object({
  feedId: z.string().min(1),
  lastError: z.string().optional(),
  healthEvent: z.enum(['unhealthy', 'recovered']).optional(),
  healthEventAt: z.string().optional(),
}) satisfies z.ZodType<Partial<FeedState>>;

/** A feed state as the store keeps it, checked on every read. */
export const FeedStateSchema = z.object({
  feedId: z.string().min(1),
  url: z.string().min(1),
  topics: z.array(z.string()),
  language: z.string().optional(),
  intervalMinutes: z.number().int().min(1),
  permanentUrl: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  nextPollAt: z.string(),
  lastPolledAt: z.string().optional(),
  filledAt: z.string().optional(),
  retiredAt: z.string().optional(),
  lastStatus: z.string().optional(),
  lastError: z.string().optional(),
  errorCount: z.number().int().min(0),
  itemsSeen: z.number().int().min(0),
  healthy: z.boolean(),
  healthEvent: z.enum(['unhealthy', 'recovered']).optional(),
  healthEventAt: z.string().optional(),
  holdUntil: z.string().optional(),
  holdReason: z.enum(['retry-after', 'backoff']).optional(),
  lastWarnings: z.array(z.string()).optional(),
  revision: z.number().int().min(0),
}) satisfies z.ZodType<FeedState>;
const feedStateComplete: SameKeys<FeedState, z.infer<typeof FeedStateSchema>> = true;
void feedStateComplete;

/**
 * A feed's health as people read it: `unhealthy` only after 5 failures in a row (when the ops notice goes), but a
 * feed failing now says so at once — `failing (2)` — rather than `ok` beside its error, as miniflux shows its count.
 */
export function feedHealthLabel(feed: Pick<FeedState, 'retiredAt' | 'healthy' | 'errorCount'>): string {
  if (feed.retiredAt) return 'retired';
  if (!feed.healthy) return 'unhealthy';
  return feed.errorCount > 0 ? `failing (${feed.errorCount})` : 'ok';
}
