import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../apps/local/paths.ts';
import { FeedSchema } from '../../shared/model/story.ts';

/** Files git tracks (and untracked ones it does not ignore): what a commit would publish. */
function repositoryFiles(): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return output.split('\n').filter((file) => file && !file.startsWith('tests/fixtures/check-corpus/files/'));
}

const SECRETS: Array<[string, RegExp]> = [
  ['an AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['an AWS secret key assignment', /aws_secret_access_key\s*[=:]\s*[A-Za-z0-9/+]{40}/i],
  ['a private key', /-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----/],
  ['a GitHub or npm token', /\b(ghp_[A-Za-z0-9]{36}|npm_[A-Za-z0-9]{36})\b/],
];
/** Addresses that are documentation examples or public institutions, never a person's. */
const ALLOWED_EMAIL = /@(example\.(org|com|net)|x\.org|y\.org|sec\.gov)$/i;

describe('the repository', () => {
  const files = repositoryFiles();

  it('holds no secrets', () => {
    const found = files.flatMap((file) => {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      return SECRETS.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${file}: ${what}`);
    });

    expect(files.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('holds no personal email address or phone number', () => {
    const found = files
      .filter((file) => !file.endsWith('package-lock.json'))
      .flatMap((file) => {
        const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
        const emails = [...text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)]
          .map((match) => match[0])
          .filter((email) => !ALLOWED_EMAIL.test(email) && !/^[\w.-]+@\d/.test(email));
        const phones = [...text.matchAll(/\+[1-9]\d{9,14}\b/g)]
          .map((match) => match[0])
          .filter((phone) => !phone.startsWith('+1555'));
        return [...emails, ...phones].map((value) => `${file}: ${value}`);
      });

    expect(found).toEqual([]);
  });
});

describe('feed URLs', () => {
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://example.org/feed',
    'not a url',
    `https://example.org/${'x'.repeat(2100)}`,
  ])('refuses %s in the feeds file', (url) => {
    expect(FeedSchema.safeParse({ id: 'x', url }).success).toBe(false);
  });
});
