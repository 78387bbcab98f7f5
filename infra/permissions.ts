import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:DescribeTable',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** Reads on the table and its indexes: never `*`. */
export function grantTableRead(table: ITableV2, grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: READ_ACTIONS, resources: [table.tableArn, `${table.tableArn}/index/*`] }),
  );
}

/**
 * Writes limited to the partition-key prefixes a stage owns (DynamoDB fine-grained
 * access control on dynamodb:LeadingKeys): only poll writes `ITEM#…`, analyze writes
 * findings under `OBS#…` and nothing else, only seed (and the owner's accept) writes
 * baselines under `FACT#…`, only the notifiers write `ALERT#…`. Transactions
 * (TransactWriteItems) are authorised per contained write, so they are covered too.
 */
export function grantWritesTo(table: ITableV2, grantee: IGrantable, keyPrefixes: string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: WRITE_ACTIONS,
      resources: [table.tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keyPrefixes.map((prefix) => `${prefix}*`) },
      },
    }),
  );
}
