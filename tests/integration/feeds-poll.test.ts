import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedState } from '../../shared/model/feeds.ts';
import type { ItemHead } from '../../shared/model/items.ts';
import type { Store } from '../../shared/store/client.ts';
import { getFeedState, registerFeed } from '../../shared/store/feeds.ts';
import { getItems } from '../../shared/store/items.ts';
import { type PollContext, pollFeed } from '../../shared/usecases/poll-feed.ts';
import { pollFeeds } from '../../shared/usecases/poll-feeds.ts';
import {
  type FeedServer,
  fixturePollContext,
  HOSTILE_PATHS,
  startFeedServer,
  WELL_FORMED_PATHS,
} from '../support/feed-server.ts';
import { freshStore } from '../support/store.ts';

const NOW = new Date('2025-09-01T12:00:00Z');

describe('pollFeed() against a local feed server', () => {
  let server: FeedServer;
  let store: Store;
  let context: PollContext;
  let feedNumber = 0;

  beforeAll(async () => {
    server = await startFeedServer();
    store = await freshStore();
    context = fixturePollContext(store, { totalTimeoutMs: 1_500, now: () => NOW });
  });
  afterAll(() => server.close());

  async function feedFor(
    path: string,
    extra: Partial<Parameters<typeof registerFeed>[1]> = {},
  ): Promise<FeedState> {
    return registerFeed(store, { id: `feed-${++feedNumber}`, url: server.url(path), ...extra }, NOW);
  }

  async function storedItems(written: Array<{ key: string }>): Promise<ItemHead[]> {
    const heads = await getItems(
      store,
      written.map((item) => item.key),
    );
    return written.map((item) => heads.get(item.key)!);
  }

  it('reads a Google News search: escaped HTML description, publisher split from the title, <source>', async () => {
    const outcome = await pollFeed(await feedFor('/google-news.xml'), context);

    const [first] = await storedItems(outcome.written);
    expect(outcome).toMatchObject({ ok: true, created: 2, httpStatus: 200 });
    expect(first).toMatchObject({
      title: 'Tesla signs $16.5 billion AI chip deal with Samsung',
      source: 'Reuters',
      published: '2025-07-28T07:12:00.000Z',
      version: 1,
    });
    // The description only repeats the title and names the publisher: nothing of it is kept.
    expect(first!.summary).toBeUndefined();
    expect(first!.content).toBeUndefined();
    expect(first!.storyId).toBeTruthy();
  });

  it('reads an EDGAR Atom feed in ISO-8859-1 with its accession number and form type', async () => {
    const outcome = await pollFeed(await feedFor('/edgar.xml'), context);

    const [filing] = await storedItems(outcome.written);
    expect(filing).toMatchObject({
      title: '8-K - Current report',
      accessionNumber: '0001628280-25-035806',
      formType: '8-K',
      categories: ['8-K'],
      published: '2025-07-28T21:05:11.000Z',
    });
    expect(filing!.summary).toContain('Société Générale');
  });

  it('reads WordPress content:encoded without script, style or javascript: URLs, and cleans the link', async () => {
    const outcome = await pollFeed(await feedFor('/wordpress.xml'), context);

    const [post] = await storedItems(outcome.written);
    expect(post!.title).toBe('Musk: Samsung’s Texas fab will make Tesla’s AI6 – and AI5 too');
    expect(post!.content).toContain('The deal is worth $16.5 billion & runs through 2033.');
    expect(post!.content).not.toMatch(/tracking|color:red|javascript:/);
    expect(post!.link).toBe('https://electrek.co/2025/07/28/tesla-samsung-ai6-texas-fab/');
    expect(post!.categories).toEqual(['Tesla', 'Samsung']);
  });

  it('reads an RDF feed with dc:date', async () => {
    const outcome = await pollFeed(await feedFor('/rdf.xml'), context);

    const [notice] = await storedItems(outcome.written);
    expect(notice).toMatchObject({
      published: '2025-08-05T12:45:00.000Z',
      link: 'https://www.federalregister.gov/d/2025-14001',
    });
  });

  it('reads a GBK Chinese feed with CDATA and a Chinese date', async () => {
    const outcome = await pollFeed(await feedFor('/gbk.xml', { language: 'zh' }), context);

    const [item] = await storedItems(outcome.written);
    expect(item).toMatchObject({
      title: '特斯拉与三星签署165亿美元芯片大单',
      published: '2025-07-28T02:30:00.000Z',
      language: 'zh',
    });
    expect(item!.summary).toBe(
      '特斯拉与三星电子签署了一项价值165亿美元的芯片制造协议，合同将持续至2033年底。',
    );
  });

  it('sends a factwatch User-Agent with a contact and accepts gzip, deflate and br', async () => {
    const outcome = await pollFeed(await feedFor('/gzip.xml'), context);

    const request = server.requests.findLast((entry) => entry.path === '/gzip.xml')!;
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.created + outcome.unchanged).toBe(2);
    expect(request.headers['user-agent']).toMatch(/^factwatch\/0\.1\.0 \(\+ops@example\.org\)$/);
    expect(request.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('makes a conditional GET: a 304 parses nothing, writes no item, keeps the new validators', async () => {
    const feed = await feedFor('/conditional.xml');
    const first = await pollFeed(feed, context);
    const afterFirst = (await getFeedState(store, feed.feedId))!;

    const second = await pollFeed(afterFirst, context);

    const request = server.requests.findLast((entry) => entry.path === '/conditional.xml')!;
    expect(first).toMatchObject({ ok: true });
    expect(first.created + first.unchanged).toBe(1);
    expect(request.headers['if-none-match']).toBe('"v1"');
    expect(request.headers['if-modified-since']).toBe('Mon, 28 Jul 2025 07:00:00 GMT');
    expect(second).toMatchObject({
      ok: true,
      notModified: true,
      httpStatus: 304,
      created: 0,
      updated: 0,
      unchanged: 0,
      written: [],
    });
    expect(await getFeedState(store, feed.feedId)).toMatchObject({
      etag: '"v1"',
      lastModified: 'Mon, 28 Jul 2025 08:00:00 GMT',
      lastStatus: '304',
    });
    expect(second.httpRequests).toBe(1);
  });

  it('honours Retry-After in seconds on a 429 and as a date on a 503', async () => {
    const limited = await pollFeed(await feedFor('/429'), context);
    const unavailable = await pollFeed(await feedFor('/503-date'), { ...context, now: () => new Date() });

    expect(limited).toMatchObject({ ok: false, httpStatus: 429 });
    expect(Date.parse(limited.nextPollAt) - NOW.getTime()).toBeGreaterThanOrEqual(7_200_000);
    expect(Date.parse(unavailable.nextPollAt) - Date.now()).toBeGreaterThan(2.9 * 3_600_000);
  });

  it('remembers a permanent redirect and polls the new URL from then on', async () => {
    const feed = await feedFor('/moved');
    await pollFeed(feed, context);
    const moved = (await getFeedState(store, feed.feedId))!;
    const before = server.requests.length;

    await pollFeed(moved, context);

    expect(moved.permanentUrl).toBe(server.url('/rdf.xml'));
    expect(server.requests.slice(before).map((request) => request.path)).toEqual(['/rdf.xml']);
  });

  it.each([
    ['/500', /^fetch: 500 from /, '500'],
    ['/loop-a', /^fetch: more than 5 redirects/, 'redirects'],
    ['/slow', /^fetch: no complete answer .* within 1\.5s/, 'timeout'],
    ['/oversized', /^fetch: body of .* exceeds 5242880 bytes \(after decompression\)/, 'too-large'],
    ['/gzip-bomb', /^fetch: body of .* exceeds 5242880 bytes \(after decompression\)/, 'too-large'],
    ['/html-200', /^parse: an HTML page, not a feed$/, 'not-a-feed'],
    ['/empty', /^parse: the document is empty$/, 'empty'],
    ['/malformed', /^parse: malformed rss: /, 'parse'],
    ['/garbage', /^parse: not an RSS, RDF or Atom document$/, 'not-a-feed'],
  ])('records %s as a one-line feed error, with backoff', async (path, message, status) => {
    const outcome = await pollFeed(await feedFor(path), context);

    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(message);
    const state = (await getFeedState(store, outcome.feedId))!;
    expect(state).toMatchObject({ lastStatus: status, errorCount: 1, healthy: true });
    expect(state.lastError).not.toContain('\n');
    expect(Date.parse(state.nextPollAt) - NOW.getTime()).toBe(60 * 60_000);
  });

  it('never expands nested DOCTYPE entities (billion laughs)', async () => {
    const outcome = await pollFeed(await feedFor('/billion-laughs'), context);

    // sax either refuses the undeclared-looking entity or keeps the reference literal.
    if (outcome.ok)
      expect((await storedItems(outcome.written)).map((item) => item.title)).toEqual(['&lol9;']);
    else expect(outcome.error).toMatch(/^parse: /);
  });

  it('never lets a DOCTYPE entity reach item text (XXE)', async () => {
    const outcome = await pollFeed(await feedFor('/xxe'), context);

    const texts = (await storedItems(outcome.written)).map((item) => `${item.title} ${item.summary ?? ''}`);
    expect(texts.join(' ')).not.toMatch(/root:x:0:0:root|ami-id|instance-id/);
    if (outcome.ok) expect(texts.join(' ')).toContain('&xxe;');
    else expect(outcome.error).toMatch(/^parse: /);
  });

  it('replaces invalid UTF-8 bytes and keeps the item', async () => {
    const outcome = await pollFeed(await feedFor('/invalid-utf8'), context);

    const [item] = await storedItems(outcome.written);
    expect(outcome.ok).toBe(true);
    expect(item!.title).toMatch(/^Tesla .*\uFFFD.* Samsung deal$/);
  });

  it('marks a feed unhealthy once after 5 failures in a row, and recovered once', async () => {
    let state = await feedFor('/500');
    const events: Array<string | undefined> = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      events.push((await pollFeed(state, context)).health);
      state = (await getFeedState(store, state.feedId))!;
    }
    state = { ...state, url: server.url('/rdf.xml') };
    events.push((await pollFeed(state, context)).health);
    state = (await getFeedState(store, state.feedId))!;
    events.push((await pollFeed(state, context)).health);

    expect(events).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'unhealthy',
      undefined,
      'recovered',
      undefined,
    ]);
    expect(state).toMatchObject({ healthy: true, errorCount: 0 });
  });

  it('completes every well-formed feed in a cycle where all the hostile ones fail', async () => {
    const feeds = await Promise.all([...WELL_FORMED_PATHS, ...HOSTILE_PATHS].map((path) => feedFor(path)));

    const outcomes = await pollFeeds(feeds, context, { concurrency: 8, hostSpacingMs: 0 });

    const byPath = new Map(
      outcomes.map((outcome, index) => [[...WELL_FORMED_PATHS, ...HOSTILE_PATHS][index]!, outcome]),
    );
    for (const path of WELL_FORMED_PATHS) expect(byPath.get(path)).toMatchObject({ ok: true });
    // Entity tricks and bad bytes may end as sanitised items instead: their own tests cover them.
    for (const path of HOSTILE_PATHS.filter(
      (p) => !['/xxe', '/billion-laughs', '/invalid-utf8'].includes(p),
    )) {
      expect(byPath.get(path)?.ok, path).toBe(false);
      expect(byPath.get(path)?.error, path).toMatch(/^(fetch|parse): /);
    }
  });
});
