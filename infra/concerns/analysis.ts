import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { STREAM_FILTERS } from '../../shared/runtime/stream.ts';
import type { FactwatchFunction } from '../function.ts';
import { grantTableRead, grantWritesTo } from '../permissions.ts';
import { type FunctionFactory, streamSource } from './shared.ts';

/**
 * Analysis: new and edited items reach analyze through the table's stream; it writes
 * findings and nothing else. It reads untrusted text, so it can never write a
 * baseline (FACT#) or an alert.
 */
export class Analysis {
  readonly analyze: FactwatchFunction;

  constructor(deps: {
    table: ITableV2;
    streamFailures: Queue;
    fn: FunctionFactory;
    /** A story of the owner's own (a baselineFile with a rules.json beside it): its files go into the bundle. */
    ownStory?: { baselineFile: string; rulesFile: string };
  }) {
    this.analyze = deps.fn(
      'analyze',
      'factwatch: findings for new and edited items',
      undefined,
      deps.ownStory
        ? { 'baseline.json': deps.ownStory.baselineFile, 'rules.json': deps.ownStory.rulesFile }
        : undefined,
    );
    grantTableRead(deps.table, this.analyze.fn);
    grantWritesTo(deps.table, this.analyze.fn, ['OBS#']);
    this.analyze.fn.addEventSource(streamSource(deps.table, STREAM_FILTERS.analyze, deps.streamFailures));
  }
}
