import { describe, expect, it } from 'vitest';
import {
  cooldownAdvice,
  demoKeptOutro,
  failureAdvice,
  nothingDueAdvice,
  oldNewsAdvice,
  type RunFacts,
  releaseTime,
  summaryLine,
} from '../../apps/cli/run-report.ts';
import type { Delivery } from '../../apps/local/pipeline.ts';
import type { FeedState } from '../../shared/model/feeds.ts';

const NOW = new Date('2026-11-28T23:30:00.000Z');

const delivery = (channel: Delivery['channel'], sms: string): Delivery => ({
  channel,
  subject: 's',
  body: 'b',
  attributes: { kind: 'alert', severity: 'high', sms },
});

const feed = (overrides: Partial<FeedState>): FeedState => ({
  feedId: 'electrek',
  url: 'https://electrek.co/feed/',
  topics: [],
  intervalMinutes: 30,
  nextPollAt: '2026-11-29T00:00:00.000Z',
  errorCount: 0,
  itemsSeen: 0,
  healthy: true,
  revision: 1,
  ...overrides,
});

const facts = (overrides: Partial<RunFacts> = {}): RunFacts => ({
  summary: {
    feedsPolled: 2,
    feedsFailed: [],
    newItems: 5,
    editedItems: 0,
    findings: 4,
    deliveries: [],
    heldSms: 0,
    recovered: [],
    setAside: 0,
  },
  feeds: [],
  demo: false,
  all: false,
  smsReleaseAt: '07:00 UTC',
  now: NOW,
  ...overrides,
});

describe('summaryLine()', () => {
  it('counts the stream records set aside after failing in three runs, and says where they are listed', () => {
    const line = summaryLine(facts({ summary: { ...facts().summary, setAside: 2 } }));

    expect(line).toMatch(
      /; 2 stream record\(s\) set aside after failing 3 runs \(listed in failed-records\.jsonl in the store folder\)$/,
    );
    expect(summaryLine(facts())).not.toMatch(/set aside/);
  });

  it('counts the SMS that quiet hours hold and says when they go out', () => {
    const deliveries = [
      delivery('email', 'hold'),
      delivery('email', 'hold'),
      delivery('email', 'hold'),
      delivery('email', 'skip'),
    ];

    const line = summaryLine(facts({ summary: { ...facts().summary, deliveries } }));

    expect(line).toBe(
      'Summary: feeds 2 ok, 0 failed; 5 new item(s), 0 edited; 4 finding(s); alerts delivered: 4 email, 0 SMS; 3 SMS held by quiet hours until 07:00 UTC',
    );
  });

  // From a user acceptance review: only the run that held an SMS said so; later runs were silent about it.
  it("counts the SMS earlier runs left held, apart from this run's", () => {
    const deliveries = [delivery('email', 'hold')];

    const line = summaryLine(facts({ summary: { ...facts().summary, deliveries }, heldSmsInStore: 3 }));

    expect(line).toMatch(
      /; 1 SMS held by quiet hours until 07:00 UTC; 2 SMS of earlier runs still held by quiet hours until 07:00 UTC$/,
    );
    expect(summaryLine(facts({ heldSmsInStore: 0 }))).not.toContain('earlier runs');
  });

  it('says nothing of quiet hours when no SMS was held', () => {
    const deliveries = [delivery('email', 'send'), delivery('sms', 'send')];

    expect(summaryLine(facts({ summary: { ...facts().summary, deliveries } }))).toMatch(
      /alerts delivered: 1 email, 1 SMS$/,
    );
  });
});

describe('failureAdvice()', () => {
  it('names feeds the network safety rules refused, instead of guessing "offline?"', () => {
    const feedsFailed = [
      { feedId: 'intranet', error: 'fetch: 10.0.0.5 is a private address', status: 'blocked' },
      { feedId: 'metadata', error: 'fetch: 169.254.169.254 is link-local', status: 'blocked' },
    ];

    const advice = failureAdvice(facts({ summary: { ...facts().summary, feedsFailed } }));

    expect(advice).toEqual([
      '2 feed(s) refused by the network safety rules (loopback, private, link-local and metadata addresses are never fetched): intranet, metadata',
    ]);
  });

  it('points to the demo when no feed could be reached at all', () => {
    const feedsFailed = [
      { feedId: 'a', error: 'fetch: ENOTFOUND from https://a.example', status: 'network' },
      { feedId: 'b', error: 'fetch: ENOTFOUND from https://b.example', status: 'network' },
    ];

    expect(failureAdvice(facts({ summary: { ...facts().summary, feedsFailed } }))).toEqual([
      'No feed could be reached (offline?). To see the whole pipeline work without a network: npm start -- --demo',
    ]);
  });
});

describe('nothingDueAdvice()', () => {
  const none = { ...facts().summary, feedsPolled: 0 };

  it('lists feeds backing off and held by Retry-After, until when, and how to retry now', () => {
    const feeds = [
      feed({
        feedId: 'trendforce',
        errorCount: 2,
        lastError: 'fetch: 503 from https://www.trendforce.com/news/feed/',
        holdUntil: '2026-11-29T01:30:00.000Z',
        holdReason: 'backoff',
      }),
      feed({ feedId: 'sec-edgar', holdUntil: '2026-11-29T02:00:00.000Z', holdReason: 'retry-after' }),
    ];

    const advice = nothingDueAdvice(facts({ summary: none, feeds, all: true }));

    expect(advice).toEqual([
      'No feed was polled: 2 feed(s) are held back.',
      '  trendforce until 2026-11-29 01:30 UTC: backing off after 2 error(s): fetch: 503 from https://www.trendforce.com/news/feed/',
      '  sec-edgar until 2026-11-29 02:00 UTC: its server asked to wait (Retry-After)',
      'After fixing the cause, poll the backed-off feeds now with: factwatch run --retry-failed',
    ]);
    expect(advice.join('\n')).not.toContain('run --all');
  });

  it('offers --all only when feeds are merely not due yet', () => {
    const advice = nothingDueAdvice(facts({ summary: none, feeds: [feed({})] }));

    expect(advice).toEqual([
      'No feed was due.',
      'The next feed is due at 2026-11-29 00:00 UTC. Poll every feed now with: factwatch run --all',
    ]);
  });

  // From a user acceptance review: the hints said "factwatch run --all" after a run on another store and
  // feeds file, and pasting them polled the default store's shipped feeds.
  it("carries the run's store and feeds options into the commands it offers", () => {
    const rerunOptions = "--data-dir '/tmp/my store' --feeds /tmp/feeds.json";
    const notDue = nothingDueAdvice(facts({ summary: none, feeds: [feed({})], rerunOptions }));
    const backingOff = nothingDueAdvice(
      facts({
        summary: none,
        feeds: [feed({ holdUntil: '2026-11-29T01:30:00.000Z', holdReason: 'backoff', errorCount: 1 })],
        rerunOptions,
      }),
    );

    expect(notDue.at(-1)).toMatch(
      /Poll every feed now with: factwatch run --all --data-dir '\/tmp\/my store' --feeds \/tmp\/feeds\.json$/,
    );
    expect(backingOff.at(-1)).toBe(
      `After fixing the cause, poll the backed-off feeds now with: factwatch run --retry-failed ${rerunOptions}`,
    );
  });

  it('is silent when feeds were polled', () => {
    expect(nothingDueAdvice(facts())).toEqual([]);
  });
});

describe('releaseTime()', () => {
  it('reads in the owner’s time zone', () => {
    expect(releaseTime(new Date('2026-11-29T06:00:00Z'), { timeZone: 'Europe/Berlin' })).toBe(
      '07:00 Europe/Berlin',
    );
  });
});

describe('oldNewsAdvice()', () => {
  it('says how many changes went to the digest as old news, and why', () => {
    expect(oldNewsAdvice(facts({ oldNews: 3, maxAlertAgeHours: 48 }))).toEqual([
      '3 change(s) went to the digest only: old news (what the feeds held when factwatch first read them, or published more than 48 h before they were seen). `factwatch history` lists them.',
    ]);
    expect(oldNewsAdvice(facts({ oldNews: 1, maxAlertAgeHours: null }))[0]).toMatch(
      /^1 change\(s\) went to the digest only: old news \(what the feeds held when factwatch first read them\)/,
    );
  });

  it('says nothing when no change was old news', () => {
    expect(oldNewsAdvice(facts({ oldNews: 0 }))).toEqual([]);
    expect(oldNewsAdvice(facts())).toEqual([]);
  });
});

describe('cooldownAdvice()', () => {
  it('names the changes whose SMS the cooldown held back (they went by email only)', () => {
    expect(cooldownAdvice(facts({ heldByCooldown: ['deal.value $25B'], cooldownMinutes: 360 }))).toEqual([
      '1 change(s) went by email only, not SMS: their fact had alerted within the cooldown (a fact texts at most once in 6 h): deal.value $25B. `factwatch history --status changed,new` lists them.',
    ]);
    expect(cooldownAdvice(facts({ heldByCooldown: ['a 1', 'b 2'], cooldownMinutes: 90 }))[0]).toMatch(
      /^2 change\(s\) went by email only, not SMS: .*once in 90 min\): a 1, b 2\./,
    );
  });

  it("names the run's store in the command to copy", () => {
    expect(
      cooldownAdvice(
        facts({ heldByCooldown: ['a 1'], cooldownMinutes: 360, storeOption: '--data-dir /s' }),
      )[0],
    ).toContain('`factwatch history --status changed,new --data-dir /s` lists them.');
    expect(oldNewsAdvice(facts({ oldNews: 2, storeOption: '--data-dir /s' }))[0]).toContain(
      '`factwatch history --data-dir /s` lists them.',
    );
  });

  it('says nothing when the cooldown held nothing back', () => {
    expect(cooldownAdvice(facts({ heldByCooldown: [] }))).toEqual([]);
    expect(cooldownAdvice(facts())).toEqual([]);
  });
});

describe('demoKeptOutro()', () => {
  it('names the commands to try on the kept store, each with its --data-dir', () => {
    const lines = demoKeptOutro('.factwatch-demo').split('\n');

    expect(lines[0]).toBe('The demo kept its store in .factwatch-demo: try what a user does next, offline —');
    for (const command of ['history', 'facts', 'accept', 'report'])
      expect(lines.find((line) => line.includes(`npx factwatch ${command} `))).toContain(
        '--data-dir .factwatch-demo',
      );
  });
});
