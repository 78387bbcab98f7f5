import { Duration, type Stack, TimeZone } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SmsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { FILTER_POLICIES } from '../../shared/alerts/routing.ts';
import type { Settings } from '../../shared/config/settings.ts';
import { STREAM_FILTERS } from '../../shared/runtime/stream.ts';
import type { FactwatchFunction } from '../function.ts';
import { grantTableRead, grantWritesTo } from '../permissions.ts';
import { type FunctionFactory, streamSource } from './shared.ts';

const subscriptionFilter = (policy: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(policy).map(([key, values]) => [
      key,
      SubscriptionFilter.stringFilter({ allowlist: [...values] }),
    ]),
  );

/**
 * The alert topic and its subscribers: email gets every alert, digest and notice; SMS
 * only high-severity alerts (the filter policies of shared/alerts/routing.ts). Made
 * before the λs, whose environment names it.
 */
export function alertTopic(stack: Stack, config: Pick<Settings, 'alertEmails' | 'alertPhones'>): Topic {
  const topic = new Topic(stack, 'Alerts', {
    displayName: 'factwatch',
    masterKey: Alias.fromAliasName(stack, 'SnsKey', 'alias/aws/sns'),
    enforceSSL: true,
  });
  for (const email of config.alertEmails)
    topic.addSubscription(
      new EmailSubscription(email, { filterPolicy: subscriptionFilter(FILTER_POLICIES.email) }),
    );
  for (const phone of config.alertPhones)
    topic.addSubscription(
      new SmsSubscription(phone, { filterPolicy: subscriptionFilter(FILTER_POLICIES.sms) }),
    );
  return topic;
}

/**
 * Alerting: changed and new findings reach notify through the stream; notify and the
 * digest publish to the topic, and only they write alerts, the SMS count and the
 * once-markers. The digest runs daily at the owner's time; housekeeping every 30
 * minutes sends what is pending and the SMS held for quiet hours.
 */
export class Alerting {
  readonly notify: FactwatchFunction;
  readonly digest: FactwatchFunction;

  constructor(
    stack: Stack,
    deps: {
      table: ITableV2;
      topic: Topic;
      streamFailures: Queue;
      fn: FunctionFactory;
      config: Pick<Settings, 'digestTime' | 'timeZone'>;
    },
  ) {
    this.notify = deps.fn('notify', 'factwatch: alerts, feed health and alarm notices');
    this.digest = deps.fn('digest', 'factwatch: daily digest; pending alerts and held SMS');
    for (const publisher of [this.notify, this.digest]) {
      grantTableRead(deps.table, publisher.fn);
      grantWritesTo(deps.table, publisher.fn, ['ALERT#', 'SMSCOUNT#', 'ONCE#']);
      publisher.fn.addToRolePolicy(
        new PolicyStatement({ actions: ['sns:Publish'], resources: [deps.topic.topicArn] }),
      );
    }
    this.notify.fn.addEventSource(streamSource(deps.table, STREAM_FILTERS.notify, deps.streamFailures));
    const [hour, minute] = deps.config.digestTime.split(':').map((part) => String(Number(part)));
    new Schedule(stack, 'DigestSchedule', {
      description: 'factwatch: daily digest',
      schedule: ScheduleExpression.cron({ minute, hour, timeZone: TimeZone.of(deps.config.timeZone) }),
      target: new LambdaInvoke(this.digest.fn, { input: ScheduleTargetInput.fromObject({ task: 'digest' }) }),
    });
    new Schedule(stack, 'HousekeepingSchedule', {
      description: 'factwatch: send pending alerts and SMS held for quiet hours',
      schedule: ScheduleExpression.expression('rate(30 minutes)'),
      target: new LambdaInvoke(this.digest.fn, {
        input: ScheduleTargetInput.fromObject({ task: 'housekeeping' }),
      }),
      timeWindow: TimeWindow.flexible(Duration.minutes(5)),
    });
  }
}
