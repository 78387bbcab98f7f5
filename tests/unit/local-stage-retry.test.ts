import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { runStage } from '../../apps/local/pipeline.ts';
import type { BatchResponse } from '../../shared/runtime/batch.ts';

// From a flaky end-to-end run: one notify record that failed once under load failed the whole local run ("run again
// to retry them"), where Lambda would have retried the batch at once. The stage here is a stand-in that fails as
// told: a failure that passes on the next try is the fault no real part produces on demand.

const record = (sequence: string): StreamRecord => ({ dynamodb: { SequenceNumber: sequence } });

/** A stage that fails `sequence` for its first `times` calls that reach it, and records what each call was given. */
function failingStage(sequence: string, times: number) {
  const calls: string[][] = [];
  let failuresLeft = times;
  const invoke = async (records: StreamRecord[]): Promise<BatchResponse> => {
    calls.push(records.map((one) => one.dynamodb!.SequenceNumber!));
    const at = records.findIndex((one) => one.dynamodb!.SequenceNumber === sequence);
    if (at < 0 || failuresLeft-- <= 0) return { batchItemFailures: [] };
    // As the batch helper reports it: the failed record and every one after it, untried.
    return {
      batchItemFailures: records.slice(at).map((one) => ({ itemIdentifier: one.dynamodb!.SequenceNumber! })),
    };
  };
  return { calls, invoke };
}

const state = () => ({
  failedRuns: {} as Record<string, { runs: number; since: number }>,
  cursor: { streamArn: 'arn:local', iterators: new Map(), positions: new Map(), read: new Map() },
  retryDelaysMs: [1, 1],
});

describe('a local run retries a failed stream record before it fails', () => {
  it('goes on when the record succeeds on a retry, from that record, without running the ones before it again', async () => {
    const stage = failingStage('2', 1);
    const runState = state();

    const setAside = await runStage('notify', ['1', '2', '3'].map(record), stage.invoke, runState);

    expect(setAside).toBe(0);
    expect(stage.calls).toEqual([
      ['1', '2', '3'],
      ['2', '3'],
    ]);
    expect(runState.failedRuns).toEqual({});
  });

  it('fails the run, counting one failed run against the record, when every retry fails too', async () => {
    const stage = failingStage('2', 99);
    const runState = state();

    const failed = await runStage('notify', ['1', '2', '3'].map(record), stage.invoke, runState).catch(
      (error: Error) => error,
    );

    expect((failed as Error).message).toBe(
      'local: notify could not process 2 stream record(s); run again to retry them',
    );
    expect(stage.calls).toHaveLength(3);
    expect(Object.keys(runState.failedRuns)).toEqual(['2']);
    expect(runState.failedRuns['2']!.runs).toBe(1);
  });
});
