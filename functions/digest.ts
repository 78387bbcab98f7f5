import { z } from 'zod';
import { sendDigest } from '../shared/alerts/digest.ts';
import { releaseHeldSms, sendPendingAlerts } from '../shared/alerts/notify.ts';
import { logJson } from '../shared/runtime/batch.ts';
import { alertContextOf, runtimeFromEnvironment } from '../shared/runtime/environment.ts';

/** Scheduler input: the daily digest, or the half-hourly housekeeping (pending alerts, held SMS). */
const DigestEvent = z.object({ task: z.enum(['digest', 'housekeeping']).default('digest') }).passthrough();

/**
 * digest λ: sends the daily digest; on housekeeping runs, sends alerts left pending
 * (SNS was down) and SMS held for quiet hours that are now over.
 */
export const handler = async (event: unknown) => {
  const { task } = DigestEvent.parse(event ?? {});
  const runtime = runtimeFromEnvironment();
  const context = alertContextOf(runtime);
  if (task === 'digest') {
    const digest = await sendDigest(context);
    logJson('info', 'digest', { digest });
    return { digest };
  }
  const result = { pending: await sendPendingAlerts(context), heldSms: await releaseHeldSms(context) };
  logJson('info', 'housekeeping', result);
  return result;
};
