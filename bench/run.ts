import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchAnalyze } from './analyze.ts';
import { benchCheck } from './check.ts';
import { benchStore } from './store.ts';

/**
 * `npm run bench`: speed and memory figures, outside the test suite. Writes
 * bench/results.json and prints a table of the same keys.
 */
async function main() {
  const results: Record<string, unknown> = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    measuredAt: new Date().toISOString(),
    analyze: benchAnalyze(),
    check: { corpus: await benchCheck() },
    store: await benchStore(),
    poll: { hostile: pollHostileCycle() },
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const [key, value] of flatten(results)) console.log(`${key.padEnd(28)} ${value}`);
}

/** The hostile poll cycle runs in a process of its own, so its peak RSS is not this one's. */
function pollHostileCycle(): unknown {
  const script = join(import.meta.dirname, 'poll-hostile.ts');
  const output = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!);
}

function flatten(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await main();
