import type { DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { FeedHealthImageSchema } from '../shared/model/feeds.ts';
import { StoredFindingSchema } from '../shared/model/findings.ts';
import { type BatchResponse, processStreamImages } from '../shared/runtime/batch.ts';
import { alertContextOf, type RuntimeSource, runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { logger } from '../shared/runtime/log.ts';
import { type ReportSetup, refreshReport, reportFromEnvironment } from '../shared/runtime/report.ts';
import { notifyFinding } from '../shared/usecases/notify-finding.ts';
import { notifyFeedHealth, notifyOps } from '../shared/usecases/ops-notices.ts';

/** A CloudWatch alarm's Lambda action (DLQ depth, errors, feed failures). */
const AlarmEvent = z.object({
  source: z.literal('aws.cloudwatch'),
  time: z.string(),
  alarmData: z.object({
    alarmName: z.string(),
    state: z.object({ value: z.string(), reason: z.string().optional() }),
  }),
});

/** What reaches notify on the stream (its filter): a changed/new/confirmed finding, or a feed's health change. */
const NotifyImage = z.union([
  StoredFindingSchema.extend({ type: z.literal('finding') }),
  FeedHealthImageSchema.extend({ type: z.undefined() }),
]);

/**
 * notify λ: alerts on new changed|new findings, follows an alert up when a confirmation says otherwise, sends one ops notice per feed
 * health change, and turns alarms into ops notices. Everything it publishes is
 * written first and published once (see shared/usecases/notify-finding.ts).
 */
export const handler = notifyHandler(
  () => runtimeFromEnvironment(process.env),
  () => reportFromEnvironment(process.env),
);

/**
 * The notify handler, for a runtime from anywhere (the local runner passes its own,
 * and no page). After a batch that alerted, the story's page is published again.
 */
export function notifyHandler(
  runtimeOf: RuntimeSource,
  reportOf: () => ReportSetup | undefined = () => undefined,
) {
  return async (event: unknown): Promise<BatchResponse | undefined> => {
    const runtime = runtimeOf();
    const report = reportOf();
    const context = alertContextOf(runtime, report);
    const alarm = AlarmEvent.safeParse(event);
    if (alarm.success) {
      const { alarmName, state } = alarm.data.alarmData;
      await notifyOps(
        context,
        `alarm#${alarmName}#${alarm.data.time}`,
        `${alarmName} is ${state.value}`,
        state.reason ?? alarmName,
      );
      return undefined;
    }
    let alerted = false;
    const response = await processStreamImages(
      event as DynamoDBStreamEvent,
      NotifyImage,
      'notify',
      async (image) => {
        if (image.type === 'finding') {
          const result = await notifyFinding(image, context);
          // (a follow-up too: the page then shows the news that said otherwise)
          alerted ||= result === 'sent' || result === 'followed-up';
          logger.info('notified', { findingId: image.findingId, factId: image.factId, result });
        } else if (image.healthEvent && image.healthEventAt) {
          await notifyFeedHealth(context, {
            feedId: image.feedId,
            health: image.healthEvent,
            error: image.lastError,
            at: image.healthEventAt,
          });
          logger.info('feed health notice', { feedId: image.feedId, health: image.healthEvent });
        }
      },
    );
    if (alerted && report) await refreshReport(runtime.store, report);
    return response;
  };
}
