import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { FactwatchStack } from '../../infra/factwatch-stack.ts';
import { nagAcknowledgements } from '../../infra/nag.ts';
import { FILTER_POLICIES } from '../../shared/alerts/routing.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { readSettings } from '../../shared/config/settings.ts';
import { STREAM_FILTERS } from '../../shared/runtime/stream.ts';
import { createTableInput, TABLE_DEFINITION } from '../../shared/store/table.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

/** The stack alone, not synthesized yet: cdk-nag must be added before the first synthesis to see it all. */
function unsynthesized(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new FactwatchStack(app, 'Test', {
    config: readSettings({
      alertEmails: 'ana@example.org,bo@example.org',
      alertPhones: '+15551234567',
      timeZone: 'Europe/Berlin',
      ...context,
    }),
  });
  return { app, stack };
}

function synth(context: Record<string, unknown> = {}) {
  const { app, stack } = unsynthesized(context);
  return { app, stack, template: Template.fromStack(stack) };
}

/** The IAM statements attached to the role of the function whose logical id starts with `prefix`. */
function statementsOf(
  template: Template,
  prefix: string,
): Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> {
  const policies = template.findResources('AWS::IAM::Policy') as Record<string, Resource>;
  return Object.entries(policies)
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: [] }).Statement);
}
const actionsOf = (statement: { Action: string | string[] }) => [statement.Action].flat();

describe('FactwatchStack', () => {
  let template: Template;
  let resources: Record<string, Resource>;
  beforeAll(() => {
    template = synth().template;
    resources = template.toJSON().Resources;
  });

  it('builds the table from the same definition as local tables', () => {
    const local = createTableInput('local');
    const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable')) as Resource[];

    expect(table!.Properties.KeySchema).toEqual(local.KeySchema);
    expect(table!.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(local.AttributeDefinitions!),
    );
    expect(
      (table!.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string; KeySchema: unknown }>).map(
        (index) => [index.IndexName, index.KeySchema],
      ),
    ).toEqual(local.GlobalSecondaryIndexes!.map((index) => [index.IndexName, index.KeySchema]));
  });

  it('keeps the history safe: PITR, deletion protection, retained when the stack is deleted', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('is on demand, with a NEW_AND_OLD_IMAGES stream and the TTL attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: TABLE_DEFINITION.streamViewType },
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
    });
  });

  it('lets only the notifier and the digest publish to the topic', () => {
    const publishers = Object.keys(resources).filter(
      (id) =>
        resources[id]!.Type === 'AWS::IAM::Policy' &&
        statementsOf(template, id).some((statement) => actionsOf(statement).includes('sns:Publish')),
    );

    expect(publishers.map((id) => id.replace(/Function.*/, '')).sort()).toEqual(['Digest', 'Notify']);
  });

  it('lets only the poller write items, and only under ITEM#, FEED# and story keys', () => {
    const writersOfItems = Object.keys(resources).filter((id) =>
      statementsOf(template, id).some((statement) =>
        JSON.stringify(statement.Condition ?? {}).includes('ITEM#'),
      ),
    );
    const pollWrites = statementsOf(template, 'PollFeed').find((statement) =>
      actionsOf(statement).includes('dynamodb:PutItem'),
    );

    expect(writersOfItems.map((id) => id.replace(/Function.*/, ''))).toEqual(['PollFeed']);
    expect(pollWrites!.Condition).toEqual({
      'ForAllValues:StringLike': {
        'dynamodb:LeadingKeys': ['ITEM#*', 'FEED#*', 'STORYURL#*', 'STORYBAND#*'],
      },
    });
  });

  it('never grants a data action on a "*" resource', () => {
    const policies = Object.keys(resources).filter((id) => resources[id]!.Type === 'AWS::IAM::Policy');
    const dataStatements = policies
      .flatMap((id) => statementsOf(template, id))
      .filter((statement) => actionsOf(statement).some((action) => /^(dynamodb|sns|sqs):/.test(action)));

    expect(dataStatements.length).toBeGreaterThan(10);
    for (const statement of dataStatements) expect([statement.Resource].flat()).not.toContain('*');
  });

  it('feeds analyze and notify from the stream through the shared filters, with bisect, retries and an on-failure queue', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as Resource[];
    const streamMappings = mappings.filter((mapping) => mapping.Properties.FilterCriteria);
    const patterns = streamMappings.map((mapping) =>
      (mapping.Properties.FilterCriteria as { Filters: Array<{ Pattern: string }> }).Filters.map((filter) =>
        JSON.parse(filter.Pattern),
      ),
    );

    expect(patterns).toEqual(expect.arrayContaining([STREAM_FILTERS.analyze, STREAM_FILTERS.notify]));
    for (const mapping of streamMappings) {
      expect(mapping.Properties).toMatchObject({
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(mapping.Properties.DestinationConfig).toBeDefined();
    }
  });

  it('polls from an SQS queue with a dead-letter queue and partial batch responses', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }),
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceArn: Match.anyValue(),
    });
  });

  it('schedules polling every 30 minutes with a flexible window, and the digest daily in the time zone', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(30 minutes)',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 },
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      Target: Match.objectLike({ Input: JSON.stringify({ task: 'digest' }) }),
    });
  });

  it('encrypts the topic, enforces TLS, and subscribes email and SMS through the alert filter policies', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
    template.resourcePropertiesCountIs(
      'AWS::SNS::Subscription',
      { Protocol: 'email', FilterPolicy: FILTER_POLICIES.email },
      2,
    );
    template.resourcePropertiesCountIs(
      'AWS::SNS::Subscription',
      { Protocol: 'sms', Endpoint: '+15551234567', FilterPolicy: FILTER_POLICIES.sms },
      1,
    );
  });

  it('runs every function on Node.js 24, arm64, with its own log group and retention', () => {
    const functions = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Runtime: 'nodejs24.x', Description: Match.stringLikeRegexp('^factwatch: ') },
      }),
    ) as Resource[];

    // dispatch, poll-feed, analyze, notify, digest, seed, serve-report
    expect(functions).toHaveLength(7);
    for (const fn of functions)
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        LoggingConfig: { LogGroup: expect.anything() },
      });
    // Seven functions' and the custom-resource provider's.
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 8);
  });

  it('sends alarms on dead letters, function errors, feed failures and analysis lag to the notifier', () => {
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as Array<
      [string, Resource]
    >;
    const viaNotifier = alarms.filter(([, alarm]) =>
      JSON.stringify(alarm.Properties.AlarmActions).includes('NotifyFunction'),
    );

    expect(viaNotifier.map(([, alarm]) => alarm.Properties.MetricName).sort()).toEqual([
      'ApproximateNumberOfMessagesVisible',
      'ApproximateNumberOfMessagesVisible',
      'Errors',
      'Errors',
      'FeedFailures',
      'IteratorAge',
    ]);
    // From a hostile-content review: a record analyze keeps retrying held every item behind it, unreported until
    // the retries were spent; half an hour of lag, twice in a row, says alerts may be late.
    const [, lag] = alarms.find(([id]) => id.startsWith('AnalysisLagAlarm'))!;
    expect(lag.Properties).toMatchObject({
      Threshold: 1_800_000,
      EvaluationPeriods: 2,
      Statistic: 'Maximum',
    });
  });

  it('watches the notifier and SNS delivery through a topic of their own, not through the notifier', () => {
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as Array<
      [string, Resource]
    >;
    const direct = alarms.filter(([id]) => /^(NotifyErrors|DeliveryFailures)Alarm/.test(id));
    const opsTopic = Object.keys(template.findResources('AWS::SNS::Topic')).find((id) =>
      id.startsWith('OpsAlarms'),
    );

    expect(direct.map(([, alarm]) => alarm.Properties.MetricName).sort()).toEqual([
      'Errors',
      'NumberOfNotificationsFailed',
    ]);
    for (const [, alarm] of direct) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: opsTopic }]);
      expect(JSON.stringify(alarm.Properties.AlarmActions)).not.toContain('NotifyFunction');
    }
    expect(
      JSON.stringify(direct.find(([id]) => id.startsWith('NotifyErrors'))![1].Properties.Dimensions),
    ).toContain('NotifyFunction');
    template.resourcePropertiesCountIs(
      'AWS::SNS::Subscription',
      { Protocol: 'email', TopicArn: { Ref: opsTopic } },
      2,
    );
  });

  it('lets analyze, which reads untrusted text, write findings and nothing else: never a baseline', () => {
    const writes = statementsOf(template, 'Analyze').filter((statement) =>
      actionsOf(statement).includes('dynamodb:PutItem'),
    );
    const baselineWriters = Object.keys(resources).filter((id) =>
      statementsOf(template, id).some((statement) =>
        JSON.stringify(statement.Condition ?? {}).includes('"FACT#*"'),
      ),
    );

    expect(writes).toHaveLength(1);
    expect(writes[0]!.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OBS#*'] },
    });
    expect(baselineWriters.map((id) => id.replace(/Function.*/, ''))).toEqual(['Seed']);
  });

  it('lets the seed λ read what it reconciles on deploy (feeds to retire, baselines to compare)', () => {
    // Without it, the deploy-time custom resource would fail with AccessDenied on its first Query.
    const reads = statementsOf(template, 'SeedFunction').filter((statement) =>
      actionsOf(statement).includes('dynamodb:Query'),
    );

    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0]!.Resource)).toContain('/index/*');
    expect(reads[0]!.Condition).toBeUndefined();
  });

  it("keeps the story's page in a private bucket, served only through a function URL, its token made at deploy", () => {
    const buckets = Object.values(template.findResources('AWS::S3::Bucket')) as Resource[];
    const urls = Object.values(template.findResources('AWS::Lambda::Url')) as Resource[];
    const token = Object.values(template.findResources('Custom::ReportLinkToken')) as Resource[];
    const policies = JSON.stringify(template.findResources('AWS::S3::BucketPolicy'));

    expect(buckets).toHaveLength(1);
    expect(buckets[0]!.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    // The bucket policy only denies (plain HTTP); it grants no one anything.
    expect(policies).not.toMatch(/"Effect":"Allow"/);
    expect(urls).toHaveLength(1);
    expect(urls[0]!.Properties.AuthType).toBe('NONE');
    expect(token).toHaveLength(1);
    expect(token[0]!.Properties).toMatchObject({ LinkVersion: '1' });
    // The token itself is never in the template: only the parameter's name and the version.
    expect(Object.keys(token[0]!.Properties).sort()).toEqual(['LinkVersion', 'Parameter', 'ServiceToken']);
    // Only the writers may put the page, only serve-report may read it.
    const putters = Object.keys(resources).filter((id) =>
      statementsOf(template, id).some((statement) =>
        actionsOf(statement).some((action) => action.startsWith('s3:PutObject')),
      ),
    );
    const readers = Object.keys(resources).filter((id) =>
      statementsOf(template, id).some((statement) => actionsOf(statement).includes('s3:GetObject')),
    );
    expect(putters.map((id) => id.replace(/Function.*/, '')).sort()).toEqual(['Digest', 'Notify']);
    expect(readers.map((id) => id.replace(/Function.*/, ''))).toEqual(['ServeReport']);
  });

  it('replaces the report link when reportLinkVersion changes, and gives the writers the URL', () => {
    const rotated = synth({ reportLinkVersion: '2' }).template;
    const notify = Object.values(rotated.findResources('AWS::Lambda::Function')).find((fn) =>
      String((fn as Resource).Properties.Description).includes('alerts, feed health'),
    ) as Resource;

    rotated.hasResourceProperties('Custom::ReportLinkToken', { LinkVersion: '2' });
    expect(JSON.stringify(notify.Properties.Environment)).toMatch(/REPORT_URL.*FunctionUrl/);
    expect(() => readSettings({ reportLinkVersion: '0' })).toThrow(/context "reportLinkVersion"/);
  });

  it("gives every log group a retention, the custom-resource provider's included", () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[];
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];

    expect(groups.length).toBeGreaterThanOrEqual(functions.length);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(30);
    for (const fn of functions)
      expect(fn.Properties).toMatchObject({ LoggingConfig: { LogGroup: expect.anything() } });
    expect(template.findResources('Custom::LogRetention')).toEqual({});
  });

  it('seeds the baseline and the feeds through a custom resource', () => {
    template.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      Feeds: Match.stringLikeRegexp('"id":"sec-edgar-tesla-8k"'),
      Baseline: Match.stringLikeRegexp('"amount":16500000000'),
    });
  });

  it("seeds the owner's sheet when baselineFile names one", () => {
    const sheet = loadBaselineFile();
    const path = join(mkdtempSync(join(tmpdir(), 'factwatch-stack-')), 'mine.json');
    writeFileSync(
      path,
      JSON.stringify({
        ...sheet,
        facts: sheet.facts.map((fact) =>
          fact.id === 'deal.value'
            ? { ...fact, value: { kind: 'money', amount: 2e10, currency: 'USD' } }
            : fact,
        ),
      }),
    );

    synth({ baselineFile: path }).template.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      Baseline: Match.stringLikeRegexp('"amount":20000000000'),
    });
    expect(() => readSettings({ baselineFile: join(tmpdir(), 'no-such-sheet.json') })).toThrow(
      /no-such-sheet\.json/,
    );
  });

  it("titles the story's page with a story of the owner's own, and keeps the shipped story's environment", () => {
    const story = join(import.meta.dirname, '..', 'fixtures', 'stories', 'intel-ohio');
    const own = synth({ baselineFile: join(story, 'baseline.json'), feedsFile: join(story, 'feeds.json') });
    // factwatch's own λs (CDK's custom-resource provider has an environment of its own)
    const titles = (found: Template) =>
      Object.values(found.findResources('AWS::Lambda::Function') as Record<string, Resource>)
        .map(
          (fn) =>
            (fn.Properties.Environment as { Variables?: Record<string, string> } | undefined)?.Variables,
        )
        .filter((variables) => variables?.TABLE_NAME)
        .map((variables) => variables!.STORY_TITLE);

    expect(new Set(titles(own.template))).toEqual(new Set(["Intel's Ohio fab"]));
    expect(titles(template).filter(Boolean)).toEqual([]);
    own.template.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      Baseline: Match.stringLikeRegexp('"id":"ohio.production_start"'),
    });
  });

  it('has no cdk-nag AwsSolutions finding that is not acknowledged with a reason', () => {
    // Not synth(): a stack synthesized before the plugin is added would hide its findings from it.
    const { app, stack } = unsynthesized();
    const acknowledged = nagAcknowledgements(stack, {
      table: stack.node.findChild('Store').node.findChild('Table'),
      reportBucket: stack.node.findChild('ReportPages'),
      scheduledFunctions: ['Dispatch', 'Digest'].map((id) =>
        stack.node.findChild(id).node.findChild('Function'),
      ),
      seedFunction: stack.node.findChild('Seed').node.findChild('Function'),
      opsAlarmsTopic: stack.node.findChild('OpsAlarms'),
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    // Synthesis fails on any finding that is not acknowledged.
    expect(() => app.synth()).not.toThrow();
    expect(acknowledged.every((entry) => entry.reason.length > 40)).toBe(true);
  });

  it('would fail synthesis on a finding nobody acknowledged', () => {
    const { app, stack } = unsynthesized();
    new Queue(stack, 'Unencrypted', { encryption: QueueEncryption.UNENCRYPTED });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => app.synth()).toThrow();
  });
});

describe('the contact', () => {
  const environments = (template: Template) =>
    Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Resource>)
      .map(
        (fn) =>
          (fn.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {},
      )
      .filter((variables) => 'TABLE_NAME' in variables);

  it('reaches every factwatch function, for the User-Agent of the polls, when set', () => {
    const withContact = environments(synth({ contact: 'ops@example.org' }).template);
    const without = environments(synth().template);

    expect(withContact.length).toBeGreaterThanOrEqual(6);
    for (const variables of withContact) expect(variables.FACTWATCH_CONTACT).toBe('ops@example.org');
    for (const variables of without) expect(variables).not.toHaveProperty('FACTWATCH_CONTACT');
  });
});

describe('readSettings()', () => {
  it('reads lists as JSON arrays or comma-separated', () => {
    expect(readSettings({ alertEmails: '["a@x.org"]' }).alertEmails).toEqual(['a@x.org']);
    expect(readSettings({ alertEmails: ['a@x.org', 'b@y.org'] }).alertEmails).toEqual(['a@x.org', 'b@y.org']);
    expect(readSettings({ alertEmails: 'a@x.org, b@y.org' }).alertEmails).toEqual(['a@x.org', 'b@y.org']);
    expect(readSettings({ quietHours: 'off' }).alertConfig.quietHours).toBeNull();
    for (const schedule of [
      'rate(1 minute)',
      'rate(15 minutes)',
      'rate(2 hours)',
      'rate(2 days)',
      'cron(0 8 ? * MON-FRI *)',
      'cron(*/30 * * * ? *)',
    ])
      expect(readSettings({ schedule }).schedule).toBe(schedule);
    expect(readSettings({ smsMonthlyCap: '5' }).alertConfig.smsMonthlyCap).toBe(5);
    expect(readSettings({ smsMinConfidence: '0.9' }).alertConfig.smsMinConfidence).toBe(0.9);
    expect(readSettings({}).alertConfig.maxAlertAgeHours).toBe(48);
    expect(readSettings({ maxAlertAgeHours: '72' }).alertConfig.maxAlertAgeHours).toBe(72);
    expect(readSettings({ maxAlertAgeHours: 'off' }).alertConfig.maxAlertAgeHours).toBeNull();
    expect(() => readSettings({ maxAlertAgeHours: '0' })).toThrow(/context "maxAlertAgeHours"/);
    expect(() => readSettings({ smsMinConfidence: '2' })).toThrow(/context "smsMinConfidence"/);
  });

  // From a user acceptance review: an empty cap was read as 0 (no SMS ever, no warning), and an address given
  // twice stopped synth with a stack trace.
  it('refuses an empty or non-numeric number and an address given twice, in one line', () => {
    for (const [key, value] of [
      ['smsMonthlyCap', ''],
      ['smsMonthlyCap', null],
      ['smsMonthlyCap', true],
      ['smsMonthlyCap', ' '],
      ['smsMonthlyCap', []],
      ['smsMinConfidence', ''],
    ] as const)
      expect(() => readSettings({ [key]: value })).toThrow(`config: context "${key}": must be a number`);
    expect(() => readSettings({ alertEmails: 'me@example.org,Me@example.org' })).toThrow(
      'config: context "alertEmails": lists the email "Me@example.org" twice',
    );
    expect(() => readSettings({ alertPhones: ['+15551234567', '+15551234567'] })).toThrow(
      'config: context "alertPhones": lists the phone "+15551234567" twice',
    );
  });

  it('warns when alerts would reach nobody, or a feed needs a contact that is not set', () => {
    expect(readSettings({}).warnings).toEqual([
      'no alertEmails or alertPhones: alerts, digests and notices will reach nobody (deploy with -c alertEmails=you@example.org)',
      'no contact: sec-edgar-tesla-8k refuse(s) clients whose User-Agent names no contact (deploy with -c contact=you@example.org)',
    ]);
    expect(readSettings({ alertPhones: '+15551234567', contact: 'ops@example.org' }).warnings).toEqual([]);
    expect(readSettings({ contact: ' https://example.org/factwatch ' }).contact).toBe(
      'https://example.org/factwatch',
    );
  });

  // `cdk acknowledge 31885` (what CDK's NOTICES suggest) writes this key into cdk.context.json; a user's deploy broke on it.
  it("ignores the keys the CDK CLI writes itself (cdk acknowledge's 'acknowledged-issue-numbers')", () => {
    expect(readSettings({ 'acknowledged-issue-numbers': [31885], contact: 'ops@example.org' }).contact).toBe(
      'ops@example.org',
    );
  });

  it.each([
    [{ contact: 'ana' }, /context "contact": must be an email address or an http\(s\) URL/],
    [{ alertEmail: 'a@x.org' }, /context key "alertEmail" is not one factwatch knows/],
    [{ alertEmails: 'not-an-email' }, /context "alertEmails.0": is not an email address/],
    [{ alertPhones: '5551234' }, /context "alertPhones.0": must be E\.164/],
    [{ schedule: 'every 5 min' }, /context "schedule": must be rate/],
    [{ schedule: 'rate(0 minutes)' }, /context "schedule": must be rate/],
    [{ schedule: 'rate(1 minutes)' }, /context "schedule": must be rate/],
    [{ schedule: 'cron(bogus)' }, /context "schedule": must be rate/],
    [{ schedule: 'cron(0 8 * * * *)' }, /context "schedule": must be rate/],
    [{ timeZone: 'Mars/Olympus' }, /context "timeZone": must be an IANA time zone/],
    [{ quietHours: '22-7' }, /context "quietHours": must be HH:MM-HH:MM or off/],
  ])('fails with one line naming a wrong key or value (%j)', (context, message) => {
    expect(() => readSettings(context)).toThrow(message);
  });
});
