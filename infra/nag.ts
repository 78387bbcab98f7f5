import { type CfnElement, type Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

const logicalId = (stack: Stack, construct: IConstruct) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

/**
 * The cdk-nag AwsSolutions findings factwatch accepts, each with its reason. Any
 * other finding fails `npm run synth` and the infra tests. Wildcard findings are
 * acknowledged one resource at a time, never for the whole rule; an entry with a
 * `scope` holds for that construct only.
 */
export function nagAcknowledgements(
  stack: Stack,
  resources: {
    table: IConstruct;
    reportBucket: IConstruct;
    scheduledFunctions: IConstruct[];
    seedFunction: IConstruct;
    opsAlarmsTopic: IConstruct;
  },
) {
  const table = logicalId(stack, resources.table);
  const entries: Array<{ id: string; reason: string; scope?: IConstruct }> = [
    {
      id: 'AwsSolutions::AwsSolutions-SNS2',
      scope: resources.opsAlarmsTopic,
      reason:
        'CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, and a customer key costs $1 a month; this topic carries only alarm state changes (the notifier failing, SNS failing to deliver), never feed text.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'AWSLambdaBasicExecutionRole is the AWS-maintained minimum for a function to write its own logs.',
    },
    {
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${table}.Arn>/index/*]`,
      reason:
        "Queries on the table's own two GSIs (due feeds, facts, pending alerts; findings by status and month); no other table.",
    },
    ...resources.scheduledFunctions.map((fn) => ({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logicalId(stack, fn)}.Arn>:*]`,
      reason:
        'EventBridge Scheduler invokes this one function, any of its versions ("<function>:*" is how CDK grants invoke on versions).',
    })),
    {
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logicalId(stack, resources.seedFunction)}.Arn>:*]`,
      reason: 'The custom-resource provider framework invokes the seed function, any of its versions.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'factwatch functions run Node.js 24, the latest; the custom-resource provider framework picks its own runtime, kept current by CDK.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-S1',
      scope: resources.reportBucket,
      reason:
        "The bucket holds one generated page, read only by the stack's serve-report function (the bucket blocks all public access); access logs would cost more than the page and log only that function's reads.",
    },
    {
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'These queues are themselves dead-letter destinations (poll requests, failed stream records); alarms on their depth notify the owner.',
    },
  ];
  return entries;
}

/** Acknowledges the findings above on the stack. */
export function acknowledgeNagFindings(
  stack: Stack,
  resources: Parameters<typeof nagAcknowledgements>[1],
): void {
  for (const { scope, ...acknowledgement } of nagAcknowledgements(stack, resources))
    Validations.of(scope ?? stack).acknowledge(acknowledgement);
}
