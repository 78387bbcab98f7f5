import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors.ts';
import type { Store } from '../../shared/store/client.ts';
import {
  getFeedState,
  listDueFeeds,
  listFeeds,
  registerFeed,
  saveFeedPoll,
  syncFeeds,
} from '../../shared/store/feeds.ts';
import { freshStore } from '../support/store.ts';

const T0 = new Date('2025-08-01T00:00:00Z');
const minutesAfter = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('feed state store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });

  it('registers a feed as due now, healthy, with zeroed counters', async () => {
    const state = await registerFeed(
      store,
      { id: 'electrek', url: 'https://electrek.co/feed/', topics: ['deal'] },
      T0,
    );

    expect(state).toMatchObject({
      feedId: 'electrek',
      url: 'https://electrek.co/feed/',
      topics: ['deal'],
      intervalMinutes: 30,
      nextPollAt: T0.toISOString(),
      errorCount: 0,
      itemsSeen: 0,
      healthy: true,
      revision: 0,
    });
    expect(state).not.toHaveProperty('pk');
  });

  it('keeps poll state when the feed is registered again with the same url', async () => {
    const first = await registerFeed(store, { id: 'keeper', url: 'https://a.example/feed' }, T0);
    await saveFeedPoll(store, first, {
      etag: '"v1"',
      lastStatus: '200',
      itemsSeenDelta: 7,
      nextPollAt: minutesAfter(30).toISOString(),
    });

    const again = await registerFeed(
      store,
      { id: 'keeper', url: 'https://a.example/feed', intervalMinutes: 60 },
      minutesAfter(5),
    );

    expect(again).toMatchObject({
      url: 'https://a.example/feed',
      intervalMinutes: 60,
      etag: '"v1"',
      itemsSeen: 7,
      nextPollAt: minutesAfter(30).toISOString(),
      revision: 1,
    });
  });

  it("forgets the old url's backoff, error, redirect and validators when the url changes, and is due at once", async () => {
    const first = await registerFeed(store, { id: 'mover', url: 'https://a.example/feed' }, T0);
    await saveFeedPoll(store, first, {
      etag: '"v1"',
      lastModified: 'Fri, 01 Aug 2025 00:00:00 GMT',
      permanentUrl: 'https://a.example/new-feed',
      filledAt: T0.toISOString(),
      lastStatus: 'network',
      lastError: 'fetch: ENOTFOUND from https://a.example/feed',
      errorCount: 3,
      holdUntil: minutesAfter(240).toISOString(),
      holdReason: 'backoff',
      nextPollAt: minutesAfter(240).toISOString(),
      itemsSeenDelta: 7,
    });

    const { moved } = await syncFeeds(
      store,
      [{ id: 'mover', url: 'https://b.example/feed' }],
      minutesAfter(5),
    );
    const state = await getFeedState(store, 'mover');
    const due = await listDueFeeds(store, minutesAfter(5));

    expect(moved).toEqual(['mover']);
    expect(state).toMatchObject({
      url: 'https://b.example/feed',
      errorCount: 0,
      itemsSeen: 7,
      nextPollAt: minutesAfter(5).toISOString(),
      revision: 2,
    });
    for (const forgotten of [
      'etag',
      'lastModified',
      'permanentUrl',
      'filledAt',
      'lastStatus',
      'lastError',
      'holdUntil',
      'holdReason',
    ])
      expect(state).not.toHaveProperty(forgotten);
    expect(due.map((feed) => feed.feedId)).toContain('mover');
  });

  it('lists only the feeds that are due, across the due index', async () => {
    const own = await freshStore();
    for (const id of ['a', 'b', 'c']) await registerFeed(own, { id, url: `https://${id}.example/feed` }, T0);
    const b = (await getFeedState(own, 'b'))!;
    await saveFeedPoll(own, b, { nextPollAt: minutesAfter(30).toISOString() });

    const dueNow = await listDueFeeds(own, minutesAfter(1));
    const dueLater = await listDueFeeds(own, minutesAfter(30));

    expect(dueNow.map((feed) => feed.feedId).sort()).toEqual(['a', 'c']);
    expect(dueLater.map((feed) => feed.feedId).sort()).toEqual(['a', 'b', 'c']);
    expect(await listFeeds(own)).toHaveLength(3);
  });

  it('saves a poll, clears an error with "" and refuses a stale revision', async () => {
    const state = await registerFeed(store, { id: 'racy', url: 'https://r.example/feed' }, T0);
    const failed = await saveFeedPoll(store, state, {
      lastStatus: '503',
      lastError: 'fetch: 503',
      errorCount: 1,
    });
    const recovered = await saveFeedPoll(store, failed, { lastStatus: '200', lastError: '', errorCount: 0 });

    expect(failed.lastError).toBe('fetch: 503');
    expect(recovered.lastError).toBeUndefined();
    expect(recovered.revision).toBe(2);
    await expect(saveFeedPoll(store, failed, { etag: '"lost"' })).rejects.toBeInstanceOf(ConflictError);
    expect((await getFeedState(store, 'racy'))?.etag).toBeUndefined();
  });
});

describe('feeds that leave the feeds file', () => {
  let store: Store;
  const a = { id: 'a', url: 'https://a.example/feed' };
  const b = { id: 'b', url: 'https://b.example/feed' };
  beforeAll(async () => {
    store = await freshStore();
  });

  it('are retired: listed with their state, never due, never polled by dispatch --all', async () => {
    await syncFeeds(store, [a, b], T0);
    const b0 = (await getFeedState(store, 'b'))!;
    await saveFeedPoll(store, b0, {
      lastStatus: '200',
      nextPollAt: minutesAfter(30).toISOString(),
      itemsSeenDelta: 7,
    });

    const synced = await syncFeeds(store, [a], minutesAfter(5));

    expect(synced).toEqual({ retired: ['b'], restored: [], moved: [] });
    expect((await listDueFeeds(store, minutesAfter(600))).map((feed) => feed.feedId)).toEqual(['a']);
    expect(await getFeedState(store, 'b')).toMatchObject({
      retiredAt: minutesAfter(5).toISOString(),
      itemsSeen: 7,
      lastStatus: '200',
    });
    expect((await listFeeds(store)).map((feed) => feed.feedId).sort()).toEqual(['a', 'b']);
    expect(await syncFeeds(store, [a], minutesAfter(6))).toEqual({ retired: [], restored: [], moved: [] });
  });

  it('cannot be put back in the due index by a poll that was in flight', async () => {
    const stale = (await getFeedState(store, 'a'))!;
    await syncFeeds(store, [], minutesAfter(10));

    await expect(
      saveFeedPoll(store, stale, { lastStatus: '200', nextPollAt: minutesAfter(40).toISOString() }),
    ).rejects.toThrow(ConflictError);
    expect(await listDueFeeds(store, minutesAfter(600))).toEqual([]);
  });

  it('come back, due at once with their history, when they return to the file', async () => {
    const synced = await syncFeeds(store, [a, b], minutesAfter(20));

    expect(synced).toEqual({ retired: [], restored: ['a', 'b'], moved: [] });
    expect((await listDueFeeds(store, minutesAfter(20))).map((feed) => feed.feedId).sort()).toEqual([
      'a',
      'b',
    ]);
    const back = await getFeedState(store, 'b');
    expect(back).not.toHaveProperty('retiredAt');
    expect(back).toMatchObject({ itemsSeen: 7 });
  });
});
