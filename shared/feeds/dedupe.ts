import type { Store } from '../store/client.ts';
import { getItems, type ItemWriteOutcome, type StoredItem, saveItem } from '../store/items.ts';
import { indexStories, lookupStories } from '../store/stories.ts';
import { hammingDistance, STORY_DISTANCE, simhash, storyBands } from './stories.ts';

export interface StoreItemsResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Items written (new or edited), as stored. */
  written: StoredItem[];
}

/**
 * Stores a feed's normalised items: one batched read of the known heads, no write
 * for unchanged items, a conditional put for new ones (after giving them a story
 * id), a new version for edited ones (miniflux `storage/entry.go`).
 *
 * @example
 * const { created, unchanged } = await storeItems(store, items, new Date());
 */
export async function storeItems(store: Store, items: StoredItem[], now: Date): Promise<StoreItemsResult> {
  const unique = [...new Map(items.map((item) => [item.key, item])).values()];
  const heads = await getItems(
    store,
    unique.map((item) => item.key),
  );
  const fresh = unique.filter((item) => !heads.has(item.key));
  await assignStories(store, fresh, now);
  const result: StoreItemsResult = { created: 0, updated: 0, unchanged: 0, written: [] };
  for (const item of unique) {
    const head = heads.get(item.key) ?? null;
    const withStory = head?.storyId ? { ...item, storyId: head.storyId } : item;
    const outcome: ItemWriteOutcome = await saveItem(store, withStory, now, head);
    result[outcome]++;
    if (outcome !== 'unchanged') result.written.push(withStory);
  }
  return result;
}

/**
 * Gives each new item a story id: the story of an item with the same canonical URL,
 * else of a near-identical title (SimHash within STORY_DISTANCE bits), else its own.
 */
export async function assignStories(store: Store, items: StoredItem[], now: Date): Promise<void> {
  if (items.length === 0) return;
  const hashes = items.map((item) => simhash(item.title));
  const urls = items.flatMap((item) => (item.link ? [item.link] : []));
  const known = await lookupStories(store, urls, hashes.flatMap(storyBands));
  const seen: Array<{ storyId: string; simhash: string; url?: string }> = [];
  const index: Array<{ storyId: string; simhash: string; url?: string; bands: string[] }> = [];
  items.forEach((item, position) => {
    const hash = hashes[position]!;
    const bands = storyBands(hash);
    const near = (ref: { simhash: string } | undefined) =>
      ref !== undefined && hammingDistance(ref.simhash, hash) <= STORY_DISTANCE;
    const storyId =
      (item.link ? known.byUrl.get(item.link)?.storyId : undefined) ??
      seen.find((other) => (item.link && other.url === item.link) || near(other))?.storyId ??
      bands.map((band) => known.byBand.get(band)).find(near)?.storyId ??
      item.key;
    item.storyId = storyId;
    seen.push({ storyId, simhash: hash, url: item.link });
    index.push({ storyId, simhash: hash, url: item.link, bands });
  });
  await indexStories(store, index, now);
}
