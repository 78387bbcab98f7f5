import { resolve } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Settings } from '../shared/config/settings.ts';
import { SHIPPED_STORY } from '../shared/config/story.ts';
import { ownRulesPathOf } from '../shared/config/story-sheet.ts';
import { DEFAULT_RULES_FILE } from '../shared/facts/rules.ts';
import { Alerting, alertTopic } from './concerns/alerting.ts';
import { Analysis } from './concerns/analysis.ts';
import { Ingest } from './concerns/ingest.ts';
import { Operations } from './concerns/operations.ts';
import { ReportPage, reportBucket, reportTokenParameter } from './concerns/report-page.ts';
import { functionFactory, secureQueue } from './concerns/shared.ts';
import { StorySeed } from './concerns/story-seed.ts';
import { acknowledgeNagFindings } from './nag.ts';
import { FactwatchTable } from './table.ts';

export interface FactwatchStackProps extends StackProps {
  config: Settings;
}

/**
 * The whole pipeline (docs/architecture.md), one concern at a time, each with its own
 * grants: ingest (scheduler → dispatch → poll queue → poll → table), analysis (stream →
 * analyze), alerting (stream → notify → SNS; digest), operations (alarms → ops), and the
 * story seeded on deploy. Every resource keeps the logical id earlier versions deployed,
 * so an upgrade replaces nothing (the table above all).
 */
export class FactwatchStack extends Stack {
  constructor(scope: Construct, id: string, props: FactwatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { table } = new FactwatchTable(this, 'Store');
    const topic = alertTopic(this, config);
    const pollDeadLetters = secureQueue(this, 'PollDeadLetters');
    const pollQueue = secureQueue(this, 'PollQueue', {
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: pollDeadLetters, maxReceiveCount: 3 },
    });
    const streamFailures = secureQueue(this, 'StreamFailures');
    const pages = reportBucket(this);
    const fn = functionFactory(this, {
      TABLE_NAME: table.tableName,
      TOPIC_ARN: topic.topicArn,
      POLL_QUEUE_URL: pollQueue.queueUrl,
      ALERT_CONFIG: JSON.stringify(config.alertConfig),
      REPORT_BUCKET: pages.bucketName,
      REPORT_TOKEN_PARAMETER: reportTokenParameter(this),
      // The story page's title, when the story is not the shipped one.
      ...(config.baseline.title !== SHIPPED_STORY.baseline.title
        ? { STORY_TITLE: config.baseline.title }
        : {}),
      // The poll λ's User-Agent names who publishers can write to (SEC EDGAR refuses anonymous clients).
      ...(config.contact ? { FACTWATCH_CONTACT: config.contact } : {}),
    });

    const ingest = new Ingest(this, { table, pollQueue, fn, schedule: config.schedule });
    const ownRules = ownRulesPathOf(config.baselineFile);
    const analysis = new Analysis({
      table,
      streamFailures,
      fn,
      // The shipped sheet's own rules are the shipped rules, which every bundle carries already.
      ...(ownRules && resolve(ownRules) !== resolve(DEFAULT_RULES_FILE)
        ? { ownStory: { baselineFile: resolve(config.baselineFile), rulesFile: ownRules } }
        : {}),
    });
    const alerting = new Alerting(this, { table, topic, streamFailures, fn, config });
    const operations = new Operations(this, {
      pollDeadLetters,
      streamFailures,
      dispatch: ingest.dispatch,
      poll: ingest.poll,
      analyze: analysis.analyze,
      notify: alerting.notify,
      digest: alerting.digest,
      alertTopic: topic,
      alertEmails: config.alertEmails,
    });
    const { seed, serviceToken } = new StorySeed(this, { table, fn, config });
    const report = new ReportPage(this, {
      bucket: pages,
      fn,
      writers: [alerting.notify, alerting.digest],
      seed,
      seedServiceToken: serviceToken,
      linkVersion: config.reportLinkVersion,
    });

    new CfnOutput(this, 'TableName', {
      value: table.tableName,
      description: 'Use with: factwatch history --table <name>',
    });
    new CfnOutput(this, 'ReportUrl', {
      value: report.url,
      description:
        "The story page's function URL; the link itself (URL + token) ends every alert email and digest",
    });
    new CfnOutput(this, 'TopicArn', {
      value: topic.topicArn,
      description: 'SNS topic for alerts, digests and ops notices',
    });
    acknowledgeNagFindings(this, {
      table,
      reportBucket: pages,
      opsAlarmsTopic: operations.opsAlarmsTopic,
      scheduledFunctions: [ingest.dispatch.fn, alerting.digest.fn],
      seedFunction: seed.fn,
    });
  }
}
