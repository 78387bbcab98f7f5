import { Duration, type Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import { FactwatchFunction } from '../function.ts';

/** Makes one factwatch λ from its handler file in functions/ (id: `poll-feed` → `PollFeed`). */
export type FunctionFactory = (
  handler: string,
  description: string,
  timeout?: Duration,
  storyFiles?: Record<string, string>,
) => FactwatchFunction;

/**
 * The factory every concern makes its λs with: one environment for all (the table,
 * the topic, the poll queue, the alert settings, the contact). The λs stay in the
 * stack's own scope, so their logical ids are the ones earlier versions deployed.
 */
export function functionFactory(stack: Stack, environment: Record<string, string>): FunctionFactory {
  return (handler, description, timeout = Duration.seconds(60), storyFiles = undefined) =>
    new FactwatchFunction(
      stack,
      handler.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
      { handler, description, environment, timeout, ...(storyFiles ? { storyFiles } : {}) },
    );
}

/** An encrypted, TLS-only queue that keeps messages 14 days. */
export function secureQueue(stack: Stack, id: string, extra: Partial<QueueProps> = {}): Queue {
  return new Queue(stack, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    ...extra,
  });
}

/**
 * The table's stream into a λ, through the same filter criteria the local runner
 * applies; a record that fails five times (halving the batch each time) goes to
 * `failures`.
 */
export function streamSource(table: ITableV2, filters: readonly object[], failures: Queue) {
  return new DynamoEventSource(table, {
    startingPosition: StartingPosition.TRIM_HORIZON,
    batchSize: 50,
    bisectBatchOnError: true,
    retryAttempts: 5,
    maxRecordAge: Duration.days(1),
    reportBatchItemFailures: true,
    onFailure: new SqsDlq(failures),
    filters: filters.map((pattern) => FilterCriteria.filter(pattern as Record<string, unknown>)),
  });
}
