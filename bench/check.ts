import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFeed } from '../shared/feeds/check.ts';
import { userAgent } from '../shared/feeds/fetch.ts';

/** check.corpus: `factwatch check`'s stages over the whole corpus in one process. */
export async function benchCheck() {
  const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'check-corpus', 'files');
  const files = readdirSync(dir).map((file) => join(dir, file));
  const options = { userAgent: userAgent('bench', undefined) };
  const started = performance.now();
  let ok = 0;
  for (const file of files) if ((await checkFeed(file, options)).ok) ok++;
  const seconds = (performance.now() - started) / 1000;
  return {
    files: files.length,
    ok,
    okRate: Number((ok / files.length).toFixed(3)),
    seconds: Number(seconds.toFixed(3)),
    filesPerSecond: Math.round(files.length / seconds),
  };
}
