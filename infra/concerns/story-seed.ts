import { CustomResource, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import type { Settings } from '../../shared/config/settings.ts';
import type { FactwatchFunction } from '../function.ts';
import { grantTableRead, grantWritesTo } from '../permissions.ts';
import type { FunctionFactory } from './shared.ts';

/**
 * The story on every deploy: the seed λ, as a custom resource, adds the facts the table
 * does not have yet (never overwriting an accepted version) and makes the table's feeds
 * the feeds file's. Only it writes baselines (FACT#), besides the owner's accept.
 */
export class StorySeed {
  readonly seed: FactwatchFunction;
  /** The provider's service token: other deploy-time resources (the report link) use the same seed λ. */
  readonly serviceToken: string;

  constructor(
    stack: Stack,
    deps: { table: ITableV2; fn: FunctionFactory; config: Pick<Settings, 'feeds' | 'baseline'> },
  ) {
    this.seed = deps.fn('seed', 'factwatch: seed the baseline and feeds on deploy');
    // It reads what it reconciles: the registered feeds (to retire the removed ones) and the
    // current baselines (to log where the sheet and the table disagree).
    grantTableRead(deps.table, this.seed.fn);
    grantWritesTo(deps.table, this.seed.fn, ['FACT#', 'FEED#']);
    const seeder = new Provider(stack, 'SeedProvider', {
      onEventHandler: this.seed.fn,
      logGroup: new LogGroup(stack, 'SeedProviderLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    this.serviceToken = seeder.serviceToken;
    new CustomResource(stack, 'SeedStore', {
      serviceToken: seeder.serviceToken,
      properties: {
        Feeds: JSON.stringify(deps.config.feeds),
        Baseline: JSON.stringify(deps.config.baseline),
      },
    });
  }
}
