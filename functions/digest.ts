import * as z from 'zod';
import { alertContextOf, type RuntimeSource, runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { logger } from '../shared/runtime/log.ts';
import { type ReportSetup, refreshReport, reportFromEnvironment } from '../shared/runtime/report.ts';
import { releaseHeldSms, sendPendingAlerts } from '../shared/usecases/notify-finding.ts';
import { sendDigest } from '../shared/usecases/send-digest.ts';

/** Scheduler input: the daily digest, or the half-hourly housekeeping (pending alerts, held SMS). */
const DigestEvent = z.object({ task: z.enum(['digest', 'housekeeping']).default('digest') }).passthrough();

/**
 * digest λ: sends the daily digest; on housekeeping runs, sends alerts left pending
 * (SNS was down) and SMS held for quiet hours that are now over.
 */
export const handler = digestHandler(
  () => runtimeFromEnvironment(process.env),
  () => reportFromEnvironment(process.env),
);

/**
 * The digest handler, for a runtime from anywhere (the local runner passes its own,
 * and no page). The daily run publishes the story's page before the digest links to it.
 */
export function digestHandler(
  runtimeOf: RuntimeSource,
  reportOf: () => ReportSetup | undefined = () => undefined,
) {
  return async (event: unknown) => {
    const { task } = DigestEvent.parse(event ?? {});
    const runtime = runtimeOf();
    const report = reportOf();
    const context = alertContextOf(runtime, report);
    if (task === 'digest') {
      if (report) await refreshReport(runtime.store, report);
      const digest = await sendDigest(context);
      logger.info('digest', { digest });
      return { digest };
    }
    // Both, whatever the first does: an alert that cannot be sent must not hold back the SMS quiet hours held.
    let failure: unknown;
    const failed = (error: unknown) => {
      failure ??= error;
      return 0;
    };
    const result = {
      pending: await sendPendingAlerts(context).catch(failed),
      heldSms: await releaseHeldSms(context).catch(failed),
    };
    if (failure !== undefined) throw failure;
    logger.info('housekeeping', result);
    return result;
  };
}
