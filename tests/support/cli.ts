import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../apps/local/paths.ts';

/**
 * The CLI as package.json declares it: the file its `bin.factwatch` names. Tests
 * run that file in a child process, as `npx factwatch` does, so a bin that is
 * missing or broken fails them (tests/integration/front-door.test.ts goes through
 * npm itself).
 */
export const DECLARED_BIN = join(
  PROJECT_ROOT,
  (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { bin: { factwatch: string } }).bin
    .factwatch,
);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to the CLI's standard input, then closed. */
  input?: string;
  timeoutMs?: number;
}

/**
 * Runs `factwatch <argv…>` through the declared bin in a child process, with this
 * process's environment unless `env` says otherwise; resolves with its exit code
 * and output (trailing newline trimmed).
 *
 * @example
 * const { code, stdout } = await cli('facts', '--format', 'json');
 */
export function cli(...argv: string[]): Promise<CliResult> {
  return cliWith({}, ...argv);
}

export function cliWith(options: CliOptions, ...argv: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // A COLUMNS the test runner's shell exported would fit the tables to it: only a test that asks for it gets it.
    const env = { ...(options.env ?? process.env) };
    if (options.env?.COLUMNS === undefined) delete env.COLUMNS;
    const child = spawn(process.execPath, [DECLARED_BIN, ...argv], {
      env,
      cwd: options.cwd ?? PROJECT_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8').replace(/\n$/, ''),
        stderr: Buffer.concat(err).toString('utf8').replace(/\n$/, ''),
      });
    });
    child.stdin.end(options.input ?? '');
  });
}
