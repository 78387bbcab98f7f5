import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopWarmDynamoDb } from '../apps/local/warm-store.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'factwatch.mjs');

/** Seconds one `factwatch ARGS` takes, as a user types it (a new process each time). */
function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  execFileSync(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (seconds: number) => Number(seconds.toFixed(2));

/**
 * readCommands: `facts`, `history` and `feeds` on a local store. Cold: DynamoDB Local
 * started and stopped by the command (FACTWATCH_STORE_IDLE_SECONDS=0, the old way).
 * Warm: the store's server left up by the command before (the default). Target:
 * a warm read ≤ 1.5 s.
 */
export async function benchReadCommands() {
  const dir = mkdtempSync(join(tmpdir(), 'factwatch-bench-read-'));
  const store = ['--data-dir', join(dir, 'store')];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DYNAMODB_ENDPOINT;
  const cold = { ...env, FACTWATCH_STORE_IDLE_SECONDS: '0' };
  const warm = { ...env, FACTWATCH_STORE_IDLE_SECONDS: '120' };
  try {
    timed(['facts', ...store], cold); // creates and seeds the store: not a read
    const coldFacts = [0, 1, 2].map(() => timed(['facts', ...store], cold));
    const firstWarm = timed(['facts', ...store], warm); // starts the server it leaves up
    const warmRuns = { facts: [] as number[], history: [] as number[], feeds: [] as number[] };
    for (let round = 0; round < 5; round++)
      for (const command of ['facts', 'history', 'feeds'] as const)
        warmRuns[command].push(timed([command, ...store], warm));
    return {
      coldFactsSeconds: round(median(coldFacts)),
      firstWarmFactsSeconds: round(firstWarm),
      warmFactsSeconds: round(median(warmRuns.facts)),
      warmHistorySeconds: round(median(warmRuns.history)),
      warmFeedsSeconds: round(median(warmRuns.feeds)),
      warmTargetSeconds: 1.5,
    };
  } finally {
    await stopWarmDynamoDb(join(dir, 'store', 'dynamodb'));
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/read-commands.ts`: this benchmark alone.
if (process.argv[1]?.endsWith(join('bench', 'read-commands.ts'))) console.log(await benchReadCommands());
