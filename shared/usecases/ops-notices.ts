import { type Publisher, publish } from '../alerts/publish.ts';
import type { Store } from '../store/client.ts';
import { sendOnce } from './send-once.ts';

export interface OpsContext extends Publisher {
  store: Store;
  now: () => Date;
}

/**
 * Sends an operations notice (email only, kind=ops) once per `key`, however often
 * the caller runs; if SNS fails, the key is released so the next run retries, and a run that dies
 * before sending leaves a claim the next run takes once it lapses (sendOnce).
 *
 * @example
 * await notifyOps(ctx, 'feed#trendforce#unhealthy#2025-08-01T10:00Z', 'feed trendforce is failing', '…');
 */
export async function notifyOps(
  context: OpsContext,
  key: string,
  subject: string,
  body: string,
): Promise<boolean> {
  return sendOnce(context, `ops#${key}`, () =>
    publish(
      context,
      { subject: `[factwatch ops] ${subject}`, email: body, sms: subject, default: subject },
      { kind: 'ops', severity: 'none', topic: 'ops', factId: 'none', email: 'send', sms: 'skip' },
    ),
  );
}

/** One ops notice for a feed turning unhealthy or recovering (from a poll outcome). */
export async function notifyFeedHealth(
  context: OpsContext,
  event: { feedId: string; health: 'unhealthy' | 'recovered'; error?: string; at: string },
): Promise<boolean> {
  const subject =
    event.health === 'unhealthy' ? `feed ${event.feedId} is failing` : `feed ${event.feedId} recovered`;
  const body =
    event.health === 'unhealthy'
      ? `The feed ${event.feedId} failed several polls in a row and is now marked unhealthy.\nLast error: ${event.error ?? 'unknown'}\nIt is still polled, with backoff; you will hear once when it recovers.\nCheck it: factwatch feeds`
      : `The feed ${event.feedId} works again and is marked healthy.`;
  return notifyOps(context, `feed#${event.feedId}#${event.health}#${event.at}`, subject, body);
}
