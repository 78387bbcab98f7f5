import type { DynamoDBStreamEvent } from 'aws-lambda';
import { z } from 'zod';
import { notifyFinding } from '../shared/alerts/notify.ts';
import { notifyFeedHealth, notifyOps } from '../shared/alerts/ops.ts';
import type { FeedState } from '../shared/model/feeds.ts';
import type { StoredFinding } from '../shared/model/findings.ts';
import { type BatchResponse, logJson, processBatch } from '../shared/runtime/batch.ts';
import { alertContextOf, runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { newImageOf } from '../shared/runtime/stream.ts';

/** A CloudWatch alarm's Lambda action (DLQ depth, errors, feed failures). */
const AlarmEvent = z.object({
  source: z.literal('aws.cloudwatch'),
  time: z.string(),
  alarmData: z.object({
    alarmName: z.string(),
    state: z.object({ value: z.string(), reason: z.string().optional() }),
  }),
});

/**
 * notify λ: alerts on new changed|new findings, sends one ops notice per feed
 * health change, and turns alarms into ops notices. Everything it publishes is
 * written first and published once (see shared/alerts/notify.ts).
 */
export const handler = async (event: DynamoDBStreamEvent | unknown): Promise<BatchResponse | undefined> => {
  const runtime = runtimeFromEnvironment();
  const context = alertContextOf(runtime);
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
  return processBatch(
    (event as DynamoDBStreamEvent).Records,
    (record) => record.dynamodb?.SequenceNumber ?? '',
    async (record) => {
      const image = newImageOf<StoredFinding & FeedState & { type?: string }>(record as never);
      if (image?.type === 'finding')
        logJson('info', 'notified', { factId: image.factId, result: await notifyFinding(image, context) });
      else if (image?.healthEvent && image.healthEventAt) {
        await notifyFeedHealth(context, {
          feedId: image.feedId,
          health: image.healthEvent,
          error: image.lastError,
          at: image.healthEventAt,
        });
      }
    },
    { ordered: true, onError: (error) => logJson('error', 'notify failed', { error: String(error) }) },
  );
};
