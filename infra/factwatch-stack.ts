import {
  CfnOutput,
  CustomResource,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  TimeZone,
} from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaAction, SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SmsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { FILTER_POLICIES } from '../shared/alerts/routing.ts';
import type { Settings } from '../shared/config/settings.ts';
import { STREAM_FILTERS } from '../shared/runtime/stream.ts';
import { FactwatchFunction } from './function.ts';
import { acknowledgeNagFindings } from './nag.ts';
import { grantTableRead, grantWritesTo } from './permissions.ts';
import { FactwatchTable } from './table.ts';

export interface FactwatchStackProps extends StackProps {
  config: Settings;
}

const subscriptionFilter = (policy: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(policy).map(([key, values]) => [
      key,
      SubscriptionFilter.stringFilter({ allowlist: [...values] }),
    ]),
  );

/**
 * The whole pipeline (README, "Architecture"): scheduler → dispatch → poll queue → poll →
 * table → stream → analyze → stream → notify → SNS; a daily digest; alarms → ops.
 */
export class FactwatchStack extends Stack {
  constructor(scope: Construct, id: string, props: FactwatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { table } = new FactwatchTable(this, 'Store');

    const topic = new Topic(this, 'Alerts', {
      displayName: 'factwatch',
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
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

    const queue = (name: string, extra = {}) =>
      new Queue(this, name, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
        ...extra,
      });
    const pollDlq = queue('PollDeadLetters');
    const pollQueue = queue('PollQueue', {
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: pollDlq, maxReceiveCount: 3 },
    });
    const streamFailures = queue('StreamFailures');

    const environment = {
      TABLE_NAME: table.tableName,
      TOPIC_ARN: topic.topicArn,
      POLL_QUEUE_URL: pollQueue.queueUrl,
      ALERT_CONFIG: JSON.stringify(config.alertConfig),
      // The poll λ's User-Agent names who publishers can write to (SEC EDGAR refuses anonymous clients).
      ...(config.contact ? { FACTWATCH_CONTACT: config.contact } : {}),
    };
    const fn = (handler: string, description: string, timeout = Duration.seconds(60)) =>
      new FactwatchFunction(
        this,
        handler.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
        { handler, description, environment, timeout },
      );
    const dispatch = fn('dispatch', 'factwatch: queue the feeds that are due');
    const poll = fn(
      'poll-feed',
      'factwatch: poll feeds politely and store new or edited items',
      Duration.minutes(5),
    );
    const analyze = fn('analyze', 'factwatch: findings for new and edited items');
    const notify = fn('notify', 'factwatch: alerts, feed health and alarm notices');
    const digest = fn('digest', 'factwatch: daily digest; pending alerts and held SMS');
    const seed = fn('seed', 'factwatch: seed the baseline and feeds on deploy');

    for (const stage of [dispatch, poll, analyze, notify, digest]) grantTableRead(table, stage.fn);
    grantWritesTo(table, poll.fn, ['ITEM#', 'FEED#', 'STORYURL#', 'STORYBAND#']);
    // analyze reads untrusted text: it writes findings (OBS#) and nothing else, never a baseline (FACT#).
    grantWritesTo(table, analyze.fn, ['OBS#']);
    grantWritesTo(table, notify.fn, ['ALERT#', 'SMSCOUNT#', 'ONCE#']);
    grantWritesTo(table, digest.fn, ['ALERT#', 'SMSCOUNT#', 'ONCE#']);
    grantWritesTo(table, seed.fn, ['FACT#', 'FEED#']);
    for (const publisher of [notify, digest])
      publisher.fn.addToRolePolicy(
        new PolicyStatement({ actions: ['sns:Publish'], resources: [topic.topicArn] }),
      );
    pollQueue.grantSendMessages(dispatch.fn);

    poll.fn.addEventSource(
      new SqsEventSource(pollQueue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        // Host spacing holds within one invocation; two at most keeps publishers from parallel bursts.
        maxConcurrency: 2,
      }),
    );
    const streamSource = (filters: readonly object[]) =>
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 50,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(streamFailures),
        filters: filters.map((pattern) => FilterCriteria.filter(pattern as Record<string, unknown>)),
      });
    analyze.fn.addEventSource(streamSource(STREAM_FILTERS.analyze));
    notify.fn.addEventSource(streamSource(STREAM_FILTERS.notify));

    new Schedule(this, 'PollSchedule', {
      description: 'factwatch: poll due feeds',
      schedule: ScheduleExpression.expression(config.schedule),
      target: new LambdaInvoke(dispatch.fn, { input: ScheduleTargetInput.fromObject({}) }),
      timeWindow: TimeWindow.flexible(Duration.minutes(5)),
    });
    const [hour, minute] = config.digestTime.split(':').map((part) => String(Number(part)));
    new Schedule(this, 'DigestSchedule', {
      description: 'factwatch: daily digest',
      schedule: ScheduleExpression.cron({ minute, hour, timeZone: TimeZone.of(config.timeZone) }),
      target: new LambdaInvoke(digest.fn, { input: ScheduleTargetInput.fromObject({ task: 'digest' }) }),
    });
    new Schedule(this, 'HousekeepingSchedule', {
      description: 'factwatch: send pending alerts and SMS held for quiet hours',
      schedule: ScheduleExpression.expression('rate(30 minutes)'),
      target: new LambdaInvoke(digest.fn, {
        input: ScheduleTargetInput.fromObject({ task: 'housekeeping' }),
      }),
      timeWindow: TimeWindow.flexible(Duration.minutes(5)),
    });

    const opsAction = new LambdaAction(notify.fn, { useUniquePermissionId: true });
    const alarm = (id: string, metric: Metric, description: string) => {
      const created = new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(opsAction);
      return created;
    };
    alarm(
      'PollDeadLettersAlarm',
      pollDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      'Poll requests failed 3 times and reached the dead-letter queue',
    );
    alarm(
      'StreamFailuresAlarm',
      streamFailures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      'Stream records analyze or notify could not process',
    );
    // Poll, analyze and notify failures surface through their dead-letter queues after retries;
    // dispatch and digest have none, so their errors get alarms of their own. (Each alarm costs
    // $0.10 a month: five keep the default deployment under $1.)
    for (const [name, stage] of Object.entries({ Dispatch: dispatch, Digest: digest })) {
      alarm(
        `${name}ErrorsAlarm`,
        stage.fn.metricErrors({ period: Duration.minutes(15) }),
        `${name} function errors`,
      );
    }
    new MetricFilter(this, 'FeedFailuresFilter', {
      logGroup: poll.logGroup,
      filterPattern: FilterPattern.all(
        FilterPattern.stringValue('$.message', '=', 'polled feed'),
        FilterPattern.booleanValue('$.ok', false),
      ),
      metricNamespace: 'factwatch',
      metricName: 'FeedFailures',
      metricValue: '1',
    });
    const feedFailures = new Metric({
      namespace: 'factwatch',
      metricName: 'FeedFailures',
      period: Duration.hours(1),
      statistic: 'Sum',
    });
    new Alarm(this, 'FeedFailuresAlarm', {
      metric: feedFailures,
      threshold: 20,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'Many feed polls failing for 3 hours: the network, or a change at the publishers',
    }).addAlarmAction(opsAction);

    // Alarms about the notifier itself, and about SNS failing to deliver, cannot go through
    // the notifier: they go to a topic of their own that every alert email also subscribes to.
    const selfWatch = new Topic(this, 'OpsAlarms', {
      displayName: 'factwatch ops alarms',
      enforceSSL: true,
    });
    for (const email of config.alertEmails) selfWatch.addSubscription(new EmailSubscription(email));
    const direct = new SnsAction(selfWatch);
    new Alarm(this, 'NotifyErrorsAlarm', {
      metric: notify.fn.metricErrors({ period: Duration.minutes(15) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'The notify function failed: alerts may be late or missing',
    }).addAlarmAction(direct);
    new Alarm(this, 'DeliveryFailuresAlarm', {
      metric: topic.metricNumberOfNotificationsFailed({ period: Duration.minutes(15) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'SNS could not deliver an alert, digest or notice to a subscriber (email or SMS)',
    }).addAlarmAction(direct);

    const seeder = new Provider(this, 'SeedProvider', {
      onEventHandler: seed.fn,
      logGroup: new LogGroup(this, 'SeedProviderLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    new CustomResource(this, 'SeedStore', {
      serviceToken: seeder.serviceToken,
      properties: { Feeds: JSON.stringify(config.feeds), Baseline: JSON.stringify(config.baseline) },
    });

    new CfnOutput(this, 'TableName', {
      value: table.tableName,
      description: 'Use with: factwatch history --table <name>',
    });
    new CfnOutput(this, 'TopicArn', {
      value: topic.topicArn,
      description: 'SNS topic for alerts, digests and ops notices',
    });
    acknowledgeNagFindings(this, {
      table,
      opsAlarmsTopic: selfWatch,
      scheduledFunctions: [dispatch.fn, digest.fn],
      seedFunction: seed.fn,
    });
  }
}
