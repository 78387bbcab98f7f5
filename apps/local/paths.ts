import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file lives in apps/local/). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where downloaded stand-ins are cached: FACTWATCH_CACHE_DIR, else `.cache/` in the project (git-ignored). */
export function cacheDir(): string {
  return process.env.FACTWATCH_CACHE_DIR ?? join(PROJECT_ROOT, '.cache');
}

/**
 * A TCP port on 127.0.0.1 that was free a moment ago. Callers must cope with
 * losing the race for it (startDynamoDbLocal retries on another port).
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Whether a process with this id is alive (EPERM: alive, someone else's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
