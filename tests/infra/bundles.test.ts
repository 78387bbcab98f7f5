import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptionsFor } from '../../infra/bundling.ts';

const ROOT = join(import.meta.dirname, '../..');
const FUNCTIONS = readdirSync(join(ROOT, 'functions')).filter((name) => name.endsWith('.ts'));

/** The source files with bytes in one λ bundle, bundled as the stack bundles it (not written out). */
async function bundledInputs(file: string): Promise<string[]> {
  const options = esbuildOptionsFor(join(ROOT, 'functions', file));
  const result = await build({ ...options, write: false, outdir: 'out', metafile: true });
  // The metafile's inputs hold every file esbuild read; an output's inputs, what tree-shaking kept.
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
}

describe('λ bundles', () => {
  // zod's `z` object re-exports all its locales; one `import { z }` anywhere (ours or a library's)
  // keeps them all, a third of the analyze λ and ~35 ms of its cold start. English is zod's default.
  it.each(FUNCTIONS)('%s carries no zod locale but English', async (file) => {
    const locales = (await bundledInputs(file)).filter((input) => /zod\/v4\/locales\/(?!en\.js)/.test(input));
    expect(locales).toEqual([]);
  });

  // analyze needs only the store: the SNS and SQS clients (~45 kB and their init) stay out of it.
  it('analyze.ts carries no SNS or SQS client', async () => {
    const inputs = await bundledInputs('analyze.ts');
    expect(inputs.filter((input) => /@aws-sdk\/client-(sns|sqs)\//.test(input))).toEqual([]);
    expect(inputs.some((input) => /@aws-sdk\/client-dynamodb\//.test(input))).toBe(true);
  });
});
