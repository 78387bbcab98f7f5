import { Duration, type Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { FactwatchFunction } from '../function.ts';
import { grantTableRead, grantWritesTo } from '../permissions.ts';
import type { FunctionFactory } from './shared.ts';

/**
 * Ingest: the schedule invokes dispatch, which queues the due feeds; poll reads them
 * politely (two at a time at most) and stores new and edited items. Poll writes only
 * items, feed state and the story index.
 */
export class Ingest {
  readonly dispatch: FactwatchFunction;
  readonly poll: FactwatchFunction;

  constructor(
    stack: Stack,
    deps: { table: ITableV2; pollQueue: Queue; fn: FunctionFactory; schedule: string },
  ) {
    this.dispatch = deps.fn('dispatch', 'factwatch: queue the feeds that are due');
    this.poll = deps.fn(
      'poll-feed',
      'factwatch: poll feeds politely and store new or edited items',
      Duration.minutes(5),
    );
    for (const stage of [this.dispatch, this.poll]) grantTableRead(deps.table, stage.fn);
    grantWritesTo(deps.table, this.poll.fn, ['ITEM#', 'FEED#', 'STORYURL#', 'STORYBAND#']);
    deps.pollQueue.grantSendMessages(this.dispatch.fn);
    this.poll.fn.addEventSource(
      new SqsEventSource(deps.pollQueue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        // Host spacing holds within one invocation; two at most keeps publishers from parallel bursts.
        maxConcurrency: 2,
      }),
    );
    new Schedule(stack, 'PollSchedule', {
      description: 'factwatch: poll due feeds',
      schedule: ScheduleExpression.expression(deps.schedule),
      target: new LambdaInvoke(this.dispatch.fn, { input: ScheduleTargetInput.fromObject({}) }),
      timeWindow: TimeWindow.flexible(Duration.minutes(5)),
    });
  }
}
