import { Duration, type Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaAction, SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { FactwatchFunction } from '../function.ts';

/** One alarm: at least `threshold` of `metric` in `evaluationPeriods` periods; no data is fine. */
function alarm(
  stack: Stack,
  id: string,
  metric: Metric,
  description: string,
  threshold = 1,
  evaluationPeriods = 1,
) {
  return new Alarm(stack, id, {
    metric,
    threshold,
    evaluationPeriods,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
}

/**
 * Operations: alarms on what failed past its retries. Most go to notify, which turns
 * them into an ops notice on the alert topic; alarms about the notifier itself and
 * about SNS delivery cannot, so they go to a topic of their own that every alert email
 * also subscribes to. (Each alarm costs $0.10 a month.)
 */
export class Operations {
  readonly opsAlarmsTopic: Topic;

  constructor(
    stack: Stack,
    deps: {
      pollDeadLetters: Queue;
      streamFailures: Queue;
      dispatch: FactwatchFunction;
      poll: FactwatchFunction;
      analyze: FactwatchFunction;
      notify: FactwatchFunction;
      digest: FactwatchFunction;
      alertTopic: Topic;
      alertEmails: string[];
    },
  ) {
    const viaNotify = new LambdaAction(deps.notify.fn, { useUniquePermissionId: true });
    alarm(
      stack,
      'PollDeadLettersAlarm',
      deps.pollDeadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      'Poll requests failed 3 times and reached the dead-letter queue',
    ).addAlarmAction(viaNotify);
    alarm(
      stack,
      'StreamFailuresAlarm',
      deps.streamFailures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      'Stream records analyze or notify could not process',
    ).addAlarmAction(viaNotify);
    // Poll, analyze and notify failures surface through their dead-letter queues after retries;
    // dispatch and digest have none, so their errors get alarms of their own.
    for (const [name, stage] of Object.entries({ Dispatch: deps.dispatch, Digest: deps.digest }))
      alarm(
        stack,
        `${name}ErrorsAlarm`,
        stage.fn.metricErrors({ period: Duration.minutes(15) }),
        `${name} function errors`,
      ).addAlarmAction(viaNotify);
    this.feedFailuresAlarm(stack, deps.poll).addAlarmAction(viaNotify);
    // A record analyze retries (a timeout, a store that refuses it) holds the items behind it on its shard: the
    // owner hears within the hour that alerts may be late, not only once the retries are spent.
    alarm(
      stack,
      'AnalysisLagAlarm',
      deps.analyze.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      'New items have waited over 30 minutes to be analysed: alerts may be late',
      30 * 60_000,
      2,
    ).addAlarmAction(viaNotify);

    this.opsAlarmsTopic = new Topic(stack, 'OpsAlarms', {
      displayName: 'factwatch ops alarms',
      enforceSSL: true,
    });
    for (const email of deps.alertEmails) this.opsAlarmsTopic.addSubscription(new EmailSubscription(email));
    const direct = new SnsAction(this.opsAlarmsTopic);
    alarm(
      stack,
      'NotifyErrorsAlarm',
      deps.notify.fn.metricErrors({ period: Duration.minutes(15) }),
      'The notify function failed: alerts may be late or missing',
    ).addAlarmAction(direct);
    alarm(
      stack,
      'DeliveryFailuresAlarm',
      deps.alertTopic.metricNumberOfNotificationsFailed({ period: Duration.minutes(15) }),
      'SNS could not deliver an alert, digest or notice to a subscriber (email or SMS)',
    ).addAlarmAction(direct);
  }

  /** Many polls failing for three hours (from poll's structured log): the network, or the publishers. */
  private feedFailuresAlarm(stack: Stack, poll: FactwatchFunction): Alarm {
    new MetricFilter(stack, 'FeedFailuresFilter', {
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
    return alarm(
      stack,
      'FeedFailuresAlarm',
      feedFailures,
      'Many feed polls failing for 3 hours: the network, or a change at the publishers',
      20,
      3,
    );
  }
}
