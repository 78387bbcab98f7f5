import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../apps/local/run-lock.ts';
import { StoreBusyError } from '../../shared/errors.ts';

/** A real other process: the lock's owner must be alive or dead for real. */
function otherProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

describe('acquireRunLock()', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });

  it('holds the data dir for this process until released', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'factwatch-lock-')), 'store');
    const release = acquireRunLock(dir);

    expect(JSON.parse(readFileSync(join(dir, 'run.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
  });

  it('refuses a second run while the owner lives, naming the folder and the pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-lock-'));
    const owner = otherProcess();
    children.push(owner);
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ pid: owner.pid }));

    expect(() => acquireRunLock(dir)).toThrow(StoreBusyError);
    expect(() => acquireRunLock(dir)).toThrow(`another factwatch run is using ${dir} (pid ${owner.pid})`);
    expect(JSON.parse(readFileSync(join(dir, 'run.lock'), 'utf8')).pid).toBe(owner.pid);
  });

  it("takes over the lock of a process that died, and never removes another's lock on release", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-lock-'));
    const dead = otherProcess();
    dead.kill();
    await exited(dead);
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ pid: dead.pid }));

    const release = acquireRunLock(dir);
    expect(JSON.parse(readFileSync(join(dir, 'run.lock'), 'utf8')).pid).toBe(process.pid);

    const owner = otherProcess();
    children.push(owner);
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ pid: owner.pid }));
    release();
    expect(JSON.parse(readFileSync(join(dir, 'run.lock'), 'utf8')).pid).toBe(owner.pid);
  });
});
