import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreBusyError } from '../../shared/errors.ts';
import { processAlive } from './paths.ts';

const LOCK_FILE = 'run.lock';

function holderOf(path: string): number | undefined {
  try {
    const pid = Number(JSON.parse(readFileSync(path, 'utf8')).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One `run` per local store: a lock file in the data dir, created exclusively,
 * holding the owner's pid. A lock left by a dead process is taken over; a live
 * owner makes the second run stop at once. Returns the release function.
 *
 * @example
 * const release = acquireRunLock('.factwatch'); try { … } finally { release(); }
 */
export function acquireRunLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const body = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, body, { flag: 'wx' });
      return () => release(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(path);
      if (holder !== undefined && holder !== process.pid && processAlive(holder))
        throw new StoreBusyError(
          `another factwatch run is using ${dataDir} (pid ${holder}); wait for it to finish, or stop it`,
        );
      // A dead owner's lock (or a half-written one): take it over, once; a second loss means a live rival won.
      try {
        unlinkSync(path);
      } catch {}
    }
  }
  throw new StoreBusyError(`another factwatch run is using ${dataDir}; wait for it to finish, or stop it`);
}

function release(path: string): void {
  if (holderOf(path) !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {}
}

/**
 * The pid of the live `run` holding the data dir's lock, if any.
 *
 * @example
 * runLockHolder('.factwatch'); // 48213 while a run polls, else undefined
 */
export function runLockHolder(dataDir: string): number | undefined {
  const holder = holderOf(join(dataDir, LOCK_FILE));
  return holder !== undefined && processAlive(holder) ? holder : undefined;
}
