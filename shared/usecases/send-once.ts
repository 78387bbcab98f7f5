import { ConflictError } from '../errors.ts';
import { claimOnce, completeOnce, releaseOnce } from '../store/alerts.ts';
import type { Store } from '../store/client.ts';

/**
 * How long a run holds a message it is sending (a follow-up, a digest, an ops notice) before another run may
 * send it: longer than one SNS publish takes, shorter than the λ's 60 s timeout, so a run that died between
 * claiming and sending is followed, within the retries of its own record, by one that sends.
 */
export const ONCE_LEASE_SECONDS = 30;

/** How far apart two runs' clocks may be before a claim's lease is taken for a clock apart, not a run. */
const CLOCK_SKEW_SECONDS = 5;

/** How often a caller that met another's claim looks whether that run has sent the message. */
const BUSY_POLL_MS = 250;

/**
 * Sends a message once per `key`, however often and however many callers run: claim, send, complete. A send that
 * fails releases the claim and throws (the caller's retry sends it); a run that dies after claiming leaves a claim
 * that lapses after ONCE_LEASE_SECONDS and is taken by the next caller — the message is late, never lost. A caller
 * that meets another's live claim waits until that run has sent the message, or its claim lapses and is taken.
 * Returns false when the message had been sent already.
 *
 * @example
 * await sendOnce({ store, now: () => new Date() }, 'digest#2026-12-02', () => publish(…)); // true, then false
 */
export async function sendOnce(
  context: { store: Store; now: () => Date },
  key: string,
  send: () => Promise<unknown>,
): Promise<boolean> {
  const { store } = context;
  const started = context.now();
  let claim = await claimOnce(store, key, started, ONCE_LEASE_SECONDS);
  let waited = 0;
  while (claim.state === 'busy') {
    const left = Date.parse(claim.leaseUntil) - (started.getTime() + waited);
    // A lease further off than any run takes is a clock apart (a Lambda's clock skewed), not a run to wait for:
    // the caller's retry comes back to it. (A claim taken a moment after this caller read its clock is no skew.)
    if (left > (ONCE_LEASE_SECONDS + CLOCK_SKEW_SECONDS) * 1000)
      throw new ConflictError(`${key} is being sent by another run until ${claim.leaseUntil}`);
    const step = Math.max(1, Math.min(BUSY_POLL_MS, left + 1));
    await new Promise((resolve) => setTimeout(resolve, step));
    waited += step;
    // The run's clock, moved on by the wait (a test's fixed clock too).
    const now = new Date(Math.max(context.now().getTime(), started.getTime() + waited));
    claim = await claimOnce(store, key, now, ONCE_LEASE_SECONDS);
  }
  if (claim.state === 'done') return false;
  try {
    await send();
  } catch (error) {
    await releaseOnce(store, key, claim.claimId);
    throw error;
  }
  await completeOnce(store, key, claim.claimId, context.now());
  return true;
}
