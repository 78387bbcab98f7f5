/**
 * When to poll a feed next, as data (miniflux `model/feed.go`): now + the longest
 * of our interval, the feed's `ttl`, Cache-Control max-age and Retry-After, clamped
 * to sane bounds (Retry-After too: at most a day); exponential backoff after errors;
 * RSS skipHours/skipDays honoured.
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
  const base = Math.max(
    input.intervalMinutes,
    input.ttlMinutes ?? 0,
    (input.maxAgeSeconds ?? 0) / 60,
    backoff,
  );
  // A server's Retry-After is honoured up to our maximum, never beyond: "Retry-After: 99999999" (a CDN's slip,
  // a date in 2099) would otherwise hold the feed for years, never polled, never failing, never reported. One
  // request a day to a server that asked for more is still polite; its next 429 or 503 holds it again.
  const wanted = Math.max(base, (input.retryAfterSeconds ?? 0) / 60);
  const minutes = Math.min(Math.max(wanted, limits.minMinutes), limits.maxMinutes);
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
