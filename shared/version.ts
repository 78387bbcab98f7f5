import { readFileSync } from 'node:fs';

/** factwatch's version, from package.json (sent in the User-Agent). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
