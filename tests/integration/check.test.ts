import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderResult } from '../../apps/cli/commands/check.ts';
import { checkFeed } from '../../shared/feeds/check.ts';
import { userAgent } from '../../shared/feeds/fetch.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import { cli } from '../support/cli.ts';
import { type FeedServer, startFeedServer } from '../support/feed-server.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'check-corpus');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Array<{
  file: string;
  ok: boolean;
  format?: string;
  encoding?: string;
  items?: number;
  error?: string;
}>;
const options = { userAgent: userAgent('0.1.0', 'ops@example.org'), network: LOOPBACK_ALLOWED };

describe('checkFeed() over the corpus', () => {
  it('has at least 150 files: every format, every encoding, broken documents', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(150);
    expect(new Set(manifest.filter((entry) => entry.ok).map((entry) => entry.format))).toEqual(
      new Set(['rss 0.91', 'rss 0.92', 'rss 2.0', 'rdf 1.0', 'atom 0.3', 'atom 1.0']),
    );
    expect(new Set(manifest.filter((entry) => entry.ok).map((entry) => entry.encoding)).size).toBe(8);
  });

  it.each(manifest.map((entry) => [entry.file, entry] as const))(
    'answers %s as the manifest says',
    async (file, expected) => {
      const result = await checkFeed(join(CORPUS, 'files', file), options);

      expect(result.ok).toBe(expected.ok);
      if (expected.ok) {
        expect(result).toMatchObject({
          format: expected.format,
          encoding: expected.encoding,
          items: expected.items,
          error: null,
        });
        expect(result.sample.length).toBe(Math.min(3, expected.items!));
        expect(JSON.stringify(result.sample)).not.toMatch(/<script|javascript:|alert\(|<\/?[a-z]+[ >]/i);
      } else {
        expect(result.error).toMatch(new RegExp(expected.error!));
        expect(result.error).not.toContain('\n');
      }
    },
  );

  it('names what makes a feed hard to follow', async () => {
    const odd = await checkFeed(join(CORPUS, 'files', 'rss20-utf-8-odd.xml'), options);
    const old = await checkFeed(join(CORPUS, 'files', 'rss091-utf-8-plain.xml'), options);
    const mismatched = await checkFeed(
      join(import.meta.dirname, '..', 'fixtures', 'feeds', 'gbk-chinese.xml'),
      options,
    );

    expect(odd.warnings).toEqual(
      expect.arrayContaining([
        'ttl 60 min: polled no more often than that',
        '1 relative link(s): resolved against the feed URL',
      ]),
    );
    expect(old.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/without a guid/),
        expect.stringMatching(/without a date/),
      ]),
    );
    expect(mismatched.warnings).toContain('bytes that are not valid gbk were replaced');
  });

  it('says when an item has a date nobody can read, apart from items without one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'factwatch-check-')), 'dates.xml');
    const item = (title: string, date?: string) =>
      `<item><title>${title}</title><guid>${title}</guid>${date ? `<pubDate>${date}</pubDate>` : ''}</item>`;
    writeFileSync(
      path,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${item('a')}${item('b', 'not a date')}${item('c', 'Mon, 01 Sep 2025 08:00:00 GMT')}${item('d', 'Tue, 31 Sep 2025 10:00:00 GMT')}${item('e', '2025-02-30')}${item('f', 'Mon, 01 Sep 2031 10:00:00 GMT')}</channel></rss>`,
    );

    const result = await checkFeed(path, options);
    const dayOf = (title: string) => result.sample.find((sample) => sample.title === title)?.published;

    expect(result.warnings).toEqual(
      expect.arrayContaining([
        '1 item(s) without a date: the fetch time is used',
        // 31 September and 30 February are no days: not rolled over to 1 October and 2 March.
        '3 item(s) with a date factwatch cannot read ("not a date"): the fetch time is used',
        '1 item(s) dated in the future ("2031-09-01T10:00:00.000Z"): the fetch time is used',
      ]),
    );
    expect(result.sample.map((sample) => sample.published)).not.toContain('2025-10-01T10:00:00.000Z');
    expect(dayOf('c')).toBe('2025-09-01T08:00:00.000Z');
  });
});

describe('checkFeed() on URLs', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(() => server.close());
  afterEach(() => {});

  it('fetches through the poller stage and warns when there are no validators', async () => {
    const result = await checkFeed(server.url('/rdf.xml'), options);

    expect(result).toMatchObject({ ok: true, format: 'rdf 1.0', items: 1 });
    expect(result.warnings).toContain('no ETag or Last-Modified: every poll downloads the whole feed');
  });

  it('discovers the feeds an HTML page links, and --follow checks the first', async () => {
    const page = await checkFeed(server.url('/page.html'), options);
    const followed = await checkFeed(server.url('/page.html'), { ...options, follow: true });

    expect(page.ok).toBe(false);
    expect(page.feeds).toEqual([server.url('/rdf.xml'), 'https://example.org/atom']);
    expect(page.warnings).toEqual([]);
    expect(page.error).toMatch(/an HTML page, not a feed; it links 2 feed\(s\) \(use --follow/);
    expect(followed).toMatchObject({
      input: server.url('/page.html'),
      feedUrl: server.url('/rdf.xml'),
      ok: true,
      format: 'rdf 1.0',
    });
  });

  it('with --follow, names the feed URL it followed: the one to put in feeds.json', async () => {
    const result = await checkFeed(server.url('/page.html'), { ...options, follow: true });

    expect(renderResult(result)).toContain(
      `followed the feed ${server.url('/rdf.xml')} (put this URL in feeds.json)`,
    );
  });

  it('keeps the fetch limits and the SSRF rules', async () => {
    const blocked = await checkFeed(server.url('/rdf.xml'), { ...options, network: undefined });

    expect(blocked).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^fetch: 127\.0\.0\.1 is a private/),
    });
  });
});

describe('factwatch check', () => {
  it('--strict exits 1 when any input failed, 0 when all passed; without it, 0 either way', async () => {
    const good = join(import.meta.dirname, '..', 'fixtures', 'feeds', 'rdf.xml');
    const bad = join(import.meta.dirname, '..', 'fixtures', 'feeds', 'malformed.xml');

    const strictMixed = await cli('check', '--strict', good, bad);
    const strictGood = await cli('check', '--strict', good);
    const plainMixed = await cli('check', good, bad);

    expect(strictMixed.code).toBe(1);
    expect(strictMixed.stdout).toContain('FAIL');
    expect(strictGood.code).toBe(0);
    expect(plainMixed.code).toBe(0);
  });

  it('answers every input in one process with the docs/contracts.md JSONL shape', async () => {
    const files = manifest.slice(0, 20).map((entry) => join(CORPUS, 'files', entry.file));

    const { code, stdout } = await cli('check', ...files, '--format', 'jsonl');

    const lines = stdout.split('\n').map((line) => JSON.parse(line));
    expect(code).toBe(0);
    expect(lines.map((line) => line.input)).toEqual(files);
    expect(Object.keys(lines[0])).toEqual([
      'input',
      'feedUrl',
      'feeds',
      'ok',
      'format',
      'encoding',
      'items',
      'title',
      'warnings',
      'error',
      'sample',
    ]);
    expect(Object.keys(lines.find((line) => line.ok).sample[0])).toEqual([
      'title',
      'link',
      'published',
      'text',
    ]);
  });

  it('prints a readable table by default', async () => {
    const { stdout } = await cli(
      'check',
      join(CORPUS, 'files', 'atom10-utf-8-plain.xml'),
      join(CORPUS, 'files', 'empty.xml'),
    );

    expect(stdout).toMatch(/^OK {3}.*atom10-utf-8-plain\.xml\n {5}atom 1\.0, utf-8, 2 item\(s\)/);
    expect(stdout).toMatch(/FAIL .*empty\.xml\n {5}parse: the document is empty/);
  });

  it('says a scheme other than http(s) is not supported, rather than looking for a file', async () => {
    const { code, stdout } = await cli('check', 'ftp://ftp.example.org/feed.xml', '--format', 'jsonl');

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      error: 'fetch: ftp:// is not supported: give an http(s) URL or a file',
    });
  });

  it('lists the feeds a local HTML page links, without the --follow hint when --follow was given', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'factwatch-check-')), 'page.html');
    writeFileSync(
      page,
      '<html><head><link rel="alternate" type="application/rss+xml" href="feed.xml"></head><body></body></html>',
    );

    const plain = await cli('check', page);
    const followed = await cli('check', page, '--follow');

    expect(plain.stdout).toContain('use --follow to check the first');
    expect(plain.stdout).toMatch(/ {5}feed: feed\.xml/);
    expect(plain.stdout).not.toContain('warning: feed link found');
    expect(followed.stdout).not.toContain('use --follow');
    expect(followed.stdout).toMatch(/none of them an http\(s\) URL to follow/);
  });

  it('exits 2 without inputs or with a bad option', async () => {
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', 'x.xml', '--format', 'xml')).code).toBe(2);
  });
});
