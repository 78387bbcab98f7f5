/**
 * When to poll a feed next, as data (miniflux `model/feed.go`): now + the longest
 * of our interval, the feed's `ttl`, Cache-Control max-age and Retry-After, clamped
 * to sane bounds; exponential backoff after errors; RSS skipHours/skipDays honoured.
 */
export interface ScheduleLimits {
  minMinutes: number;
  maxMinutes: number;
}

export const DEFAULT_SCHEDULE_LIMITS: ScheduleLimits = { minMinutes: 5, maxMinutes: 24 * 60 };

export interface ScheduleInput {
  now: Date;
  intervalMinutes: number;
  ttlMinutes?: number;
  maxAgeSeconds?: number;
  retryAfterSeconds?: number;
  /** Consecutive failures so far, this one included; 0 after a success. */
  errorCount: number;
  /** UTC hours (0–23) and English day names the feed asks not to be polled in. */
  skipHours?: number[];
  skipDays?: string[];
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const HOUR = 3_600_000;

/**
 * The next poll time.
 *
 * @example
 * nextPollAt({ now, intervalMinutes: 30, ttlMinutes: 60, errorCount: 0 }); // now + 60 min
 * nextPollAt({ now, intervalMinutes: 30, errorCount: 3 });                  // now + 240 min (30 × 2³)
 */
export function nextPollAt(input: ScheduleInput, limits: ScheduleLimits = DEFAULT_SCHEDULE_LIMITS): Date {
  const backoff = input.errorCount > 0 ? input.intervalMinutes * 2 ** Math.min(input.errorCount, 16) : 0;
  const wanted = Math.max(
    input.intervalMinutes,
    input.ttlMinutes ?? 0,
    (input.maxAgeSeconds ?? 0) / 60,
    backoff,
  );
  const clamped = Math.min(Math.max(wanted, limits.minMinutes), limits.maxMinutes);
  // A server's Retry-After is never shortened, not even by our maximum.
  const minutes = Math.max(clamped, (input.retryAfterSeconds ?? 0) / 60);
  return skipForward(
    new Date(input.now.getTime() + minutes * 60_000),
    input.skipHours ?? [],
    input.skipDays ?? [],
  );
}

function skipForward(at: Date, skipHours: number[], skipDays: string[]): Date {
  const days = new Set(skipDays.map((day) => day.toLowerCase()));
  const hours = new Set(skipHours);
  if (hours.size >= 24 || days.size >= 7) return at;
  let next = at;
  for (
    let step = 0;
    step < 24 * 8 && (hours.has(next.getUTCHours()) || days.has(DAYS[next.getUTCDay()]!));
    step++
  ) {
    next = new Date(Math.floor(next.getTime() / HOUR) * HOUR + HOUR);
  }
  return next;
}
