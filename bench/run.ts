import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchAnalyze } from './analyze.ts';
import { benchBundles } from './bundles.ts';
import { benchCheck } from './check.ts';
import { benchCleanText } from './clean-text.ts';
import { monthlyCost } from './cost.ts';
import { benchPipeline } from './pipeline.ts';
import { benchReadCommands } from './read-commands.ts';
import { benchStore } from './store.ts';

/**
 * `npm run bench`: speed, memory and cost figures, outside the test suite. Writes
 * bench/results.json and prints a table of the same keys. Takes a few minutes.
 */
async function main() {
  const pipeline = await benchPipeline();
  const results: Record<string, unknown> = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    measuredAt: new Date().toISOString(),
    analyze: benchAnalyze(),
    cleanText: benchCleanText(),
    check: { corpus: await benchCheck() },
    store: await benchStore(),
    readCommands: await benchReadCommands(),
    poll: {
      ...pipeline.poll,
      hostile: inOwnProcess('poll-hostile.ts'),
      large: inOwnProcess('poll-large.ts'),
    },
    naive: pipeline.naive,
    ratio: pipeline.ratio,
    load: { feeds1000: inOwnProcess('load.ts') },
    bundles: await benchBundles(),
    monthlyCostUsd: monthlyCost({ feeds: 200, first: pipeline.poll.first, second: pipeline.poll.second }),
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const [key, value] of flatten(results)) console.log(`${key.padEnd(44)} ${value}`);
}

/** Benchmarks whose peak RSS must be their own run in a child process. */
function inOwnProcess(script: string): unknown {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script)], {
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').pop()!);
}

function flatten(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await main();
