import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptionsFor } from '../infra/bundling.ts';

/**
 * bundles.<function>: each λ bundled exactly as the stack bundles it, its size,
 * and the time to load it (module init) in a fresh Node process.
 */
export async function benchBundles(): Promise<Record<string, { bytes: number; initMs: number }>> {
  const root = join(import.meta.dirname, '..');
  const out = mkdtempSync(join(tmpdir(), 'factwatch-bundles-'));
  const results: Record<string, { bytes: number; initMs: number }> = {};
  try {
    for (const file of readdirSync(join(root, 'functions')).filter((name) => name.endsWith('.ts'))) {
      const name = file.replace(/\.ts$/, '');
      const outfile = join(out, name, 'index.mjs');
      await build({ ...esbuildOptionsFor(join(root, 'functions', file)), outfile });
      const timings = [0, 1, 2].map(() =>
        Number(
          execFileSync(
            process.execPath,
            [
              '--input-type=module',
              '-e',
              `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`,
            ],
            {
              encoding: 'utf8',
              env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'us-east-1' },
            },
          ).trim(),
        ),
      );
      results[name] = { bytes: statSync(outfile).size, initMs: Math.round(Math.min(...timings)) };
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return results;
}
