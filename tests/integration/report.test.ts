import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../apps/local/demo-server.ts';
import { PROJECT_ROOT } from '../../apps/local/paths.ts';
import { startLocalPipeline } from '../../apps/local/pipeline.ts';
import { REPLAY_ALERT_CONFIG } from '../../shared/config/alerts.ts';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { LOOPBACK_ALLOWED } from '../../shared/feeds/guard.ts';
import { newsTimeOf } from '../../shared/model/findings.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { registerFeed } from '../../shared/store/feeds.ts';
import { findingsForFact } from '../../shared/store/findings.ts';
import { cliWith } from '../support/cli.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';
import { until } from '../support/wait.ts';

/** Debian's chromium (installed by .ci/run), or CHROMIUM_PATH. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {}
  }
  return undefined;
}
const CHROMIUM = chromiumPath();
const NUMERIC_KINDS = new Set(['money', 'percent', 'year', 'count', 'quantity', 'ratio', 'node']);
const SCREENSHOTS = join(PROJECT_ROOT, '.scratch', 'report');

const report = (store: Store, dir: string, ...args: string[]) =>
  cliWith(
    { env: { ...process.env, DYNAMODB_ENDPOINT: dynamoEndpoint() }, cwd: dir },
    'report',
    '--table',
    store.tableName,
    ...args,
  );

// The page is checked in a real browser; machines without one skip it, CI installs Debian's chromium.
describe.skipIf(!CHROMIUM)('factwatch report, read in headless Chromium', () => {
  let store: Store;
  let browser: Browser;
  let page: string;
  let cli: Awaited<ReturnType<typeof report>>;

  beforeAll(async () => {
    // A store filled by the demo: its sample feeds through the whole local pipeline.
    const server = await startDemoServer();
    store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date(Date.now() - 86_400_000));
    for (const feed of server.feeds) await registerFeed(store, feed, new Date());
    const pipeline = await startLocalPipeline(store, dynamoEndpoint(), REPLAY_ALERT_CONFIG, {
      network: LOOPBACK_ALLOWED,
    });
    await pipeline.runCycle({ all: true });
    await pipeline.stop();
    await server.close();
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-report-'));
    cli = await report(store, dir, '--out', 'story.html');
    page = join(dir, 'story.html');
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
      // A cold Chromium on a two-core CI machine busy with the rest of the suite once took more than puppeteer's
      // default 30 s to print its endpoint: a slow start is not what this suite tests.
      timeout: 120_000,
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Loads the page at a width; returns what the browser saw: console errors, requests, and the page. */
  async function open(width: number) {
    const tab = await browser.newPage();
    await tab.setViewport({ width, height: 900 });
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(String(error)));
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    return { tab, errors, requests };
  }

  it('writes the page and says where', () => {
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(
      /^Wrote .*story\.html: 4 change\(s\), 25 fact\(s\), 2 feed\(s\)\. Open file:\/\//,
    );
    expect(existsSync(page)).toBe(true);
  });

  it('loads with no console error and no request but the page itself, and carries no script', async () => {
    const { tab, errors, requests } = await open(1280);

    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(page).href]);
    expect(await tab.$$eval('script', (nodes) => nodes.length)).toBe(0);
    await tab.close();
  });

  it('shows every fact, every change with its evidence, and every feed', async () => {
    const { tab } = await open(1280);
    const facts = await tab.$$eval('details.fact', (nodes) =>
      nodes.map((node) => node.getAttribute('data-fact')),
    );
    const labels = await tab.$$eval('details.fact .fact-label', (nodes) =>
      nodes.map((node) => node.textContent ?? ''),
    );
    const changes = await tab.$$eval('article.change', (nodes) =>
      nodes.map((node) => ({ fact: node.getAttribute('data-fact'), text: node.textContent ?? '' })),
    );
    const feeds = await tab.$$eval('#feeds tbody tr', (rows) =>
      rows.map((row) => row.firstElementChild?.textContent),
    );

    // listed by the label a reader scans (a user acceptance review found them by id, under other labels)
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(facts.sort()).toEqual(
      loadBaselineFile()
        .facts.map((fact) => fact.id)
        .sort(),
    );
    // One entry per change (fact and value): AI5's two foundries, told in English and in Chinese, are one change
    // whose other source is named under it (a user acceptance review saw it listed once per source).
    expect(changes.map((change) => change.fact).sort()).toEqual([
      'ai5.foundry',
      'ai5.volume_production',
      'deal.value',
      'taylor.production_start',
    ]);
    expect(changes.find((change) => change.fact === 'ai5.foundry')!.text).toContain('also reported by');
    const deal = changes.find((change) => change.fact === 'deal.value')!.text;
    expect(deal).toContain('$16.5B → $22B');
    expect(deal).toContain('Bloomberg');
    expect(feeds.sort()).toEqual(['demo-news-en', 'demo-news-zh']);
    await tab.close();
  });

  it('draws one point per numeric observation in each fact’s chart', async () => {
    const { tab } = await open(1280);
    const drawn = await tab.$$eval('details.fact', (nodes) =>
      nodes.map((node) => ({
        fact: node.getAttribute('data-fact') ?? '',
        points: node.querySelectorAll('svg.chart circle.observed').length,
        charts: node.querySelectorAll('svg.chart').length,
        days: [...node.querySelectorAll('svg.chart circle.observed title')].map((title) =>
          (title.textContent ?? '').split(' · ')[1]!.slice(0, 10),
        ),
      })),
    );
    const since = new Date(0);
    for (const { fact, points, charts, days } of drawn) {
      const findings = await findingsForFact(store, fact, { since });
      const numeric = findings.filter(
        (finding) => finding.observed && NUMERIC_KINDS.has(finding.observed.kind),
      );
      expect(points, fact).toBe(numeric.length);
      if (numeric.length) expect(charts, fact).toBe(1);
      // Each point at the day the news told it, not the day the sample was read (a user acceptance review saw
      // a feed's backlog collapse into one day).
      expect(days.sort(), fact).toEqual(numeric.map((finding) => newsTimeOf(finding).slice(0, 10)).sort());
    }
    expect(drawn.some((fact) => fact.points > 0)).toBe(true);
    await tab.close();
  });

  it("follows the reader's light or dark mode", async () => {
    const { tab } = await open(390);
    const background = () =>
      tab.evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
    await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const light = await background();
    await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await background();

    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
    await tab.close();
  });

  it.each([390, 1280])('is readable at %i px: nothing wider than the screen', async (width) => {
    const { tab } = await open(width);
    // Open every fact, as a reader would, before measuring.
    await tab.$$eval('details.fact', (nodes) => {
      for (const node of nodes) node.setAttribute('open', '');
    });
    // Evaluated in the page (a string: this project's types have no DOM).
    const overflow = (await tab.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    )) as number;
    await tab.screenshot({
      path: join(SCREENSHOTS, `report-${width}.png`) as `${string}.png`,
      fullPage: true,
    });

    expect(overflow).toBeLessThanOrEqual(0);
    await tab.close();
  });
});

describe('factwatch report: bad input and an empty store', () => {
  it('renders an empty store as a page that says nothing has been observed yet', async () => {
    const store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-report-empty-'));

    const result = await report(store, dir);
    const html = readFileSync(join(dir, 'factwatch-report.html'), 'utf8');

    expect(result.code).toBe(0);
    expect(html).toContain('Nothing has been observed yet');
    expect(html).not.toMatch(/<script|https?:\/\/(?!github)/i);
  });

  it('--open hands the written file to the system browser', async () => {
    const store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date());
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-report-open-'));
    // A stand-in for the desktop's browser opener: it only records what it was asked to open.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" > "${join(dir, 'opened')}"\n`, {
      mode: 0o755,
    });

    const result = await cliWith(
      {
        env: { ...process.env, DYNAMODB_ENDPOINT: dynamoEndpoint(), PATH: `${bin}:${process.env.PATH}` },
        cwd: dir,
      },
      'report',
      '--table',
      store.tableName,
      '--open',
    );
    const opened = await until(() => existsSync(join(dir, 'opened')), 5_000);

    expect(result.code).toBe(0);
    expect(opened).toBe(true);
    expect(readFileSync(join(dir, 'opened'), 'utf8').trim()).toBe(
      pathToFileURL(join(dir, 'factwatch-report.html')).href,
    );
  });

  it.each([
    [['--since', 'last tuesday'], /^factwatch: usage: --since: "last tuesday" is neither a duration/],
    [['--topic', 'chipz'], /^factwatch: usage: --topic: no topic "chipz" \(did you mean "chips"\?\)/],
    [['--fact', 'ai7'], /^factwatch: usage: --fact: no fact "ai7"/],
    [['--published-since', 'soon'], /^factwatch: usage: --published-since: "soon" is neither a duration/],
    [
      ['--fact', 'ai5', '--topic', 'fab'],
      /^factwatch: usage: --fact ai5 and --topic fab select no fact together: ai5\.foundry, ai5\.volume_production are in topic chips$/m,
    ],
  ])('refuses %j with one line and exit 2, before opening a store', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'factwatch-report-bad-'));

    const result = await cliWith({ cwd: dir }, 'report', ...args, '--data-dir', join(dir, 'store'));

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'store'))).toBe(false);
  });
});
