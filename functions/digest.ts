import { z } from 'zod';
import { alertContextOf, type RuntimeSource, runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { logger } from '../shared/runtime/log.ts';
import { releaseHeldSms, sendPendingAlerts } from '../shared/usecases/notify-finding.ts';
import { sendDigest } from '../shared/usecases/send-digest.ts';

/** Scheduler input: the daily digest, or the half-hourly housekeeping (pending alerts, held SMS). */
const DigestEvent = z.object({ task: z.enum(['digest', 'housekeeping']).default('digest') }).passthrough();

/**
 * digest λ: sends the daily digest; on housekeeping runs, sends alerts left pending
 * (SNS was down) and SMS held for quiet hours that are now over.
 */
export const handler = digestHandler(() => runtimeFromEnvironment(process.env));

/** The digest handler, for a runtime from anywhere (the local runner passes its own). */
export function digestHandler(runtimeOf: RuntimeSource) {
  return async (event: unknown) => {
    const { task } = DigestEvent.parse(event ?? {});
    const context = alertContextOf(runtimeOf());
    if (task === 'digest') {
      const digest = await sendDigest(context);
      logger.info('digest', { digest });
      return { digest };
    }
    const result = { pending: await sendPendingAlerts(context), heldSms: await releaseHeldSms(context) };
    logger.info('housekeeping', result);
    return result;
  };
}
