import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredItem } from '../../shared/model/items.ts';
import type { Store } from '../../shared/store/client.ts';
import { getItem, getItems, listItemVersions, saveItem } from '../../shared/store/items.ts';
import { freshStore } from '../support/store.ts';

const NOW = new Date('2025-08-01T00:00:00Z');

function item(key: string, title: string, contentHash = `hash-${title}`): StoredItem {
  return {
    key,
    feedId: 'gnews',
    title,
    summary: `${title} summary`,
    published: NOW.toISOString(),
    contentHash,
    link: `https://x.example/${key}`,
  };
}

describe('item store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });

  it('creates an item once and does not write it again when unchanged', async () => {
    expect(await saveItem(store, item('k1', 'Tesla signs $16.5B deal'), NOW)).toBe('created');
    expect(
      await saveItem(store, item('k1', 'Tesla signs $16.5B deal'), new Date('2025-08-02T00:00:00Z')),
    ).toBe('unchanged');

    const head = await getItem(store, 'k1');
    expect(head).toMatchObject({ version: 1, seenAt: NOW.toISOString(), firstSeenAt: NOW.toISOString() });
    expect(await listItemVersions(store, 'k1')).toHaveLength(1);
  });

  it('keeps every version of an edited item, with the old title and summary', async () => {
    await saveItem(store, item('k2', 'Deal worth $16.5B'), NOW);
    const later = new Date('2025-08-03T00:00:00Z');

    expect(await saveItem(store, item('k2', 'Deal worth $22B, sources say'), later)).toBe('updated');

    const head = await getItem(store, 'k2');
    expect(head).toMatchObject({
      version: 2,
      title: 'Deal worth $22B, sources say',
      previousTitle: 'Deal worth $16.5B',
      previousSummary: 'Deal worth $16.5B summary',
      firstSeenAt: NOW.toISOString(),
      seenAt: later.toISOString(),
    });
    const versions = await listItemVersions(store, 'k2');
    expect(versions.map((version) => version.title)).toEqual([
      'Deal worth $16.5B',
      'Deal worth $22B, sources say',
    ]);
    expect(
      versions.every(
        (version) => typeof (version as unknown as { expiresAt: number }).expiresAt === 'number',
      ),
    ).toBe(true);
  });

  it('lets only one of two concurrent first writers create the item', async () => {
    const outcomes = await Promise.all([
      saveItem(store, item('k3', 'Same story'), NOW),
      saveItem(store, item('k3', 'Same story'), NOW),
      saveItem(store, item('k3', 'Same story'), NOW),
    ]);

    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'unchanged')).toHaveLength(2);
    expect(await listItemVersions(store, 'k3')).toHaveLength(1);
  });

  it('turns concurrent different edits into consecutive versions, losing none', async () => {
    await saveItem(store, item('k4', 'v1'), NOW);
    const head = await getItem(store, 'k4');

    const outcomes = await Promise.all([
      saveItem(store, item('k4', 'v2a'), NOW, head),
      saveItem(store, item('k4', 'v2b'), NOW, head),
    ]);

    expect(outcomes).toEqual(['updated', 'updated']);
    const versions = await listItemVersions(store, 'k4');
    expect(versions.map((version) => version.version)).toEqual([1, 2, 3]);
    expect(new Set(versions.slice(1).map((version) => version.title))).toEqual(new Set(['v2a', 'v2b']));
  });

  it('reads many heads at once, skipping unknown keys', async () => {
    for (let index = 0; index < 130; index++)
      await saveItem(store, item(`bulk-${index}`, `title ${index}`), NOW, null);

    const heads = await getItems(store, [
      ...Array.from({ length: 130 }, (_, index) => `bulk-${index}`),
      'missing',
    ]);

    expect(heads.size).toBe(130);
    expect(heads.get('bulk-129')?.title).toBe('title 129');
    expect(heads.has('missing')).toBe(false);
  });
});
