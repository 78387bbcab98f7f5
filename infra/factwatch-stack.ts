import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { FactwatchTable } from './table.ts';

/**
 * The factwatch stack. So far it holds the table; the pipeline (scheduler, poll
 * queue, functions, SNS topic, alarms) is added by the deploy issue.
 */
export class FactwatchStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const { table } = new FactwatchTable(this, 'Store');
    new CfnOutput(this, 'TableName', {
      value: table.tableName,
      description: 'Use with: factwatch history --table <name>',
    });
  }
}
