import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseItem } from '../../shared/feeds/normalise.ts';
import type { RawItem } from '../../shared/feeds/parse.ts';
import type { Store } from '../../shared/store/client.ts';
import { getItem, listItemVersions } from '../../shared/store/items.ts';
import { storeItems } from '../../shared/usecases/store-items.ts';
import { freshStore } from '../support/store.ts';

const NOW = new Date('2025-08-01T00:00:00Z');
const normalise = (feedId: string, raw: Partial<RawItem>) =>
  normaliseItem(
    { categories: [], ...raw },
    { feedId, feedUrl: `https://${feedId}.example/feed`, fetchedAt: NOW },
  );

describe('storeItems()', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });

  it('writes new items once, then nothing for the same items', async () => {
    const items = [
      normalise('a', { guid: 'a-1', title: 'One' }),
      normalise('a', { guid: 'a-2', title: 'Two' }),
    ];

    const first = await storeItems(store, items, NOW);
    const second = await storeItems(store, items, NOW);

    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: [] });
  });

  it("keeps a publisher's edit as a new version with the old title", async () => {
    await storeItems(store, [normalise('b', { guid: 'b-1', title: 'Deal worth $16.5B' })], NOW);

    const edit = await storeItems(store, [normalise('b', { guid: 'b-1', title: 'Deal worth $22B' })], NOW);

    const head = await getItem(store, edit.written[0]!.key);
    expect(edit.updated).toBe(1);
    expect(head).toMatchObject({ version: 2, title: 'Deal worth $22B', previousTitle: 'Deal worth $16.5B' });
    expect(await listItemVersions(store, head!.key)).toHaveLength(2);
  });

  it('stores an item two feeds carry under the same canonical URL once', async () => {
    const fromFeedC = normalise('c', {
      link: 'https://news.example/tesla-samsung?utm_source=c',
      title: 'Tesla and Samsung sign deal',
    });
    const fromFeedD = normalise('d', {
      link: 'https://NEWS.example/tesla-samsung#top',
      title: 'Tesla and Samsung sign deal',
    });

    const c = await storeItems(store, [fromFeedC], NOW);
    const d = await storeItems(store, [fromFeedD], NOW);

    expect(c.created).toBe(1);
    expect(d).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('gives near-duplicate titles from different feeds one story id, and other stories their own', async () => {
    const wire = normalise('e', {
      guid: 'e-1',
      link: 'https://wire.example/1',
      title: 'Samsung to begin Taylor fab output in 2027 after delay',
    });
    const echo = normalise('f', {
      guid: 'f-1',
      link: 'https://paper.example/9',
      title: 'Samsung to begin Taylor fab output in 2027, after delay',
    });
    const other = normalise('g', {
      guid: 'g-1',
      link: 'https://paper.example/10',
      title: 'EU delays high-risk rules of the AI Act',
    });

    await storeItems(store, [wire], NOW);
    await storeItems(store, [echo, other], NOW);

    const [w, e, o] = await Promise.all([wire, echo, other].map((item) => getItem(store, item.key)));
    expect(e!.storyId).toBe(w!.storyId);
    expect(o!.storyId).not.toBe(w!.storyId);
  });

  it('groups near-duplicates that arrive in the same batch', async () => {
    const first = normalise('h', { guid: 'h-1', title: '特斯拉与三星签署165亿美元芯片大单' });
    const second = normalise('i', { guid: 'i-1', title: '特斯拉与三星签署165亿美元芯片大单！' });

    await storeItems(store, [first, second], NOW);

    expect((await getItem(store, second.key))!.storyId).toBe((await getItem(store, first.key))!.storyId);
  });
});
