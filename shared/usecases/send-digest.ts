import { publish } from '../alerts/publish.ts';
import { renderDigest } from '../alerts/render.ts';
import { listCurrentBaselines } from '../store/baseline.ts';
import { listFeeds } from '../store/feeds.ts';
import { findingsInWindow } from '../store/findings.ts';
import type { AlertContext } from './notify-finding.ts';
import { sendOnce } from './send-once.ts';

export type DigestResult = 'sent' | 'quiet-week' | 'nothing' | 'already-sent';

/** The local date (YYYY-MM-DD) in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** ISO-8601 week of a date, e.g. `2025-W31`: the weekly "still watching" line goes out once in each. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((day.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** How long without any feed polled before the digest says factwatch is not reading the news. */
export const NOT_READING_HOURS = 36;

/**
 * The daily digest (email only): every change and confirmation of the last 24 h by
 * topic, feed health problems, and a day and a half in which no feed was polled. On a day with
 * nothing, it stays silent except once a week, when "still watching N feeds, nothing
 * changed" says the tracker is alive.
 * Sent at most once per local day, however often it is triggered.
 */
export async function sendDigest(context: AlertContext): Promise<DigestResult> {
  const now = context.now();
  const date = localDate(now, context.config.timeZone);
  const findings = (
    await findingsInWindow(context.store, { since: new Date(now.getTime() - 86_400_000), until: now })
  ).filter((finding) => finding.status !== 'mentioned');
  const feeds = (await listFeeds(context.store)).filter((feed) => !feed.retiredAt);
  const unhealthyFeeds = feeds.filter((feed) => !feed.healthy);
  // A day in which no feed was polled (the schedule stopped, every feed held or backing off) is no quiet day:
  // "still watching" would then be a false heartbeat, so the digest says so, every day it lasts.
  // (36 hours, not 24: a feed may be polled once a day — its ttl, max-age, backoff or Retry-After at the cap —
  // and a daily schedule drifts by minutes.)
  const since = new Date(now.getTime() - NOT_READING_HOURS * 3_600_000).toISOString();
  const watching = {
    feeds: feeds.length,
    polled: feeds.filter((feed) => feed.lastPolledAt !== undefined && feed.lastPolledAt >= since).length,
    hours: NOT_READING_HOURS,
  };
  const quiet = findings.length === 0 && unhealthyFeeds.length === 0 && watching.polled > 0;
  const key = quiet ? `digest-quiet#${isoWeek(date)}` : `digest#${date}`;
  const sent = await sendOnce(context, key, async () => {
    const labels = new Map((await listCurrentBaselines(context.store)).map((fact) => [fact.id, fact.label]));
    const digest = renderDigest({
      date,
      findings,
      unhealthyFeeds,
      watching,
      labels,
      quietWeek: quiet,
      reportLink: await context.reportLink?.(),
    });
    await publish(
      context,
      { subject: digest.subject, email: digest.body, sms: digest.subject, default: digest.subject },
      { kind: 'digest', severity: 'none', topic: 'digest', factId: 'none', email: 'send', sms: 'skip' },
    );
  });
  if (!sent) return quiet ? 'nothing' : 'already-sent';
  return quiet ? 'quiet-week' : 'sent';
}
