import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FactwatchStack } from '../../infra/factwatch-stack.ts';
import { createTableInput, TABLE_DEFINITION } from '../../shared/store/table.ts';

describe('FactwatchStack', () => {
  let template: Template;
  beforeAll(() => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    template = Template.fromStack(new FactwatchStack(app, 'Test'));
  });

  it('builds the table from the same definition as local tables', () => {
    const local = createTableInput('local');
    const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'));
    const props = (table as { Properties: Record<string, unknown> }).Properties;

    expect(props.KeySchema).toEqual(local.KeySchema);
    expect(props.AttributeDefinitions).toEqual(expect.arrayContaining(local.AttributeDefinitions!));
    expect(
      (props.GlobalSecondaryIndexes as Array<{ IndexName: string; KeySchema: unknown }>).map((index) => [
        index.IndexName,
        index.KeySchema,
      ]),
    ).toEqual(local.GlobalSecondaryIndexes!.map((index) => [index.IndexName, index.KeySchema]));
  });

  it('keeps the history safe: PITR, deletion protection, retained on delete', () => {
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
});
