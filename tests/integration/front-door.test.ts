import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../apps/local/paths.ts';

/**
 * The README's front door, typed the way a user types it: through npm and the
 * package's declared bin, never a path into the sources.
 */
function npm(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npm', args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The environment of a user's shell: no test-only endpoint or network allowance. */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DYNAMODB_ENDPOINT', 'FACTWATCH_ALLOW_PRIVATE_NETWORKS', 'npm_config_prefix'])
    delete env[name];
  return env;
}

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

describe('package.json', () => {
  it('names only files that git has, so a fresh clone can run every entry point', () => {
    const tracked = new Set(
      execFileSync('git', ['ls-files'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split('\n'),
    );
    const named = [
      ...Object.values(pkg.bin),
      ...Object.values(pkg.scripts).flatMap((script) =>
        [...script.matchAll(/(?:node|tsx)\s+(\S+\.(?:m?[jt]s))/g)].map((match) => match[1]!),
      ),
    ].map((path) => path.replace(/^\.\//, ''));

    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(named.filter((path) => !tracked.has(path))).toEqual([]);
  });

  it('starts the CLI through its declared bin', () => {
    expect(pkg.scripts.start).toBe(`node ${pkg.bin.factwatch} run`);
    expect(pkg.scripts.factwatch).toBe(`node ${pkg.bin.factwatch}`);
    expect(existsSync(join(PROJECT_ROOT, pkg.bin.factwatch ?? 'missing'))).toBe(true);
  });
});

describe('the README quick start, through npm', () => {
  it('npx factwatch --help prints the usage', async () => {
    const { code, stdout } = await npm(['exec', '--', 'factwatch', '--help'], userEnv());

    expect(code).toBe(0);
    expect(stdout).toMatch(/^factwatch: follow a news story/);
    expect(stdout).toMatch(/Commands:[\s\S]*run[\s\S]*check/);
  });

  it('npm run factwatch -- facts lists the 25 baseline facts of a new local store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'factwatch-door-'));

    const { code, stdout } = await npm(
      ['run', '--silent', 'factwatch', '--', 'facts', '--format', 'json', '--data-dir', dataDir],
      userEnv(),
    );

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(25);
  });

  it('npm start -- --demo prints alerts and exits 0', async () => {
    const { code, stdout } = await npm(['start', '--', '--demo'], userEnv());

    expect(code).toBe(0);
    expect(stdout).toMatch(/--- SMS \(alert\) -+\nfactwatch: Deal value changed: \$16\.5B -> \$22B/);
    expect(stdout).toMatch(/alerts delivered: 4 email, 3 SMS/);
    expect(stdout).toMatch(/The demo kept nothing/);
    // (about 9 s alone; a generous guard against a hang, since a busy machine running the other suites beside it once
    // took more than the default 30 s)
  }, 120_000);
});
