import { hammingDistance, STORY_DISTANCE, simhash, storyBands } from '../feeds/stories.ts';
import type { StoredItem } from '../model/items.ts';
import type { Store } from '../store/client.ts';
import { getItems, type ItemWriteOutcome, saveItem } from '../store/items.ts';
import { indexStories, lookupStories } from '../store/stories.ts';

export interface StoreItemsResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Items written (new or edited), as stored. */
  written: StoredItem[];
  /** Items the store refused as they were (too large, say): skipped, each with a warning. */
  refused: number;
  /** Items left unstored because the feed's time budget ran out: the next poll reads them again. */
  deferred: number;
  warnings: string[];
}

/** Errors about one item's content, not about the store: retrying cannot help, skipping the item does. */
const ITEM_REFUSALS = new Set(['ValidationException', 'ItemCollectionSizeLimitExceededException']);

/**
 * Stores a feed's normalised items: one batched read of the known heads, no write
 * for unchanged items, a conditional put for new ones (after giving them a story
 * id), a new version for edited ones (miniflux `storage/entry.go`). An item the
 * store refuses is skipped with a warning; items past `deadline` are deferred to
 * the next poll. Only store failures that a retry can fix are thrown.
 *
 * @example
 * const { created, unchanged } = await storeItems(store, items, new Date());
 */
export async function storeItems(
  store: Store,
  items: StoredItem[],
  now: Date,
  options: { deadline?: number; clock?: () => number } = {},
): Promise<StoreItemsResult> {
  const clock = options.clock ?? Date.now;
  const unique = [...new Map(items.map((item) => [item.key, item])).values()];
  const heads = await getItems(
    store,
    unique.map((item) => item.key),
  );
  const fresh = unique.filter((item) => !heads.has(item.key));
  await assignStories(store, fresh, now);
  const result: StoreItemsResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    written: [],
    refused: 0,
    deferred: 0,
    warnings: [],
  };
  for (const [index, item] of unique.entries()) {
    if (options.deadline !== undefined && clock() > options.deadline) {
      result.deferred = unique.length - index;
      break;
    }
    const head = heads.get(item.key) ?? null;
    const withStory = head?.storyId ? { ...item, storyId: head.storyId } : item;
    const outcome = await saveOrRefuse(store, withStory, now, head, result);
    if (!outcome) continue;
    result[outcome]++;
    if (outcome !== 'unchanged') result.written.push(withStory);
  }
  if (result.refused) result.warnings.push(`${result.refused} item(s) could not be stored and were skipped`);
  return result;
}

async function saveOrRefuse(
  store: Store,
  item: StoredItem,
  now: Date,
  head: Parameters<typeof saveItem>[3],
  result: StoreItemsResult,
): Promise<ItemWriteOutcome | undefined> {
  try {
    return await saveItem(store, item, now, head);
  } catch (error) {
    if (!ITEM_REFUSALS.has((error as Error).name)) throw error;
    result.refused++;
    result.warnings.push(
      `item "${item.title.slice(0, 80)}" refused by the store: ${(error as Error).message.slice(0, 120)}`,
    );
    return undefined;
  }
}

/**
 * Gives each new item a story id: the story of an item with the same canonical URL,
 * else of a near-identical title (SimHash within STORY_DISTANCE bits), else its own.
 * Within the batch, earlier items are found through maps by URL and by SimHash band
 * (two titles within STORY_DISTANCE bits share a band), so n items cost O(n), not O(n²).
 */
export async function assignStories(store: Store, items: StoredItem[], now: Date): Promise<void> {
  if (items.length === 0) return;
  const hashes = items.map((item) => simhash(item.title));
  const urls = items.flatMap((item) => (item.link ? [item.link] : []));
  const known = await lookupStories(store, urls, hashes.flatMap(storyBands));
  const batchByUrl = new Map<string, string>();
  const batchByBand = new Map<string, Array<{ storyId: string; simhash: string }>>();
  const index: Array<{ storyId: string; simhash: string; url?: string; bands: string[] }> = [];
  items.forEach((item, position) => {
    const hash = hashes[position]!;
    const bands = storyBands(hash);
    const near = (ref: { simhash: string } | undefined) =>
      ref !== undefined && hammingDistance(ref.simhash, hash) <= STORY_DISTANCE;
    const storyId =
      (item.link ? (known.byUrl.get(item.link)?.storyId ?? batchByUrl.get(item.link)) : undefined) ??
      bands.flatMap((band) => batchByBand.get(band) ?? []).find(near)?.storyId ??
      bands.map((band) => known.byBand.get(band)).find(near)?.storyId ??
      item.key;
    item.storyId = storyId;
    if (item.link && !batchByUrl.has(item.link)) batchByUrl.set(item.link, storyId);
    for (const band of bands) {
      const entries = batchByBand.get(band) ?? [];
      // A band bucket only needs a few representatives: a title is near one of them or forms its own story.
      if (entries.length < 8) entries.push({ storyId, simhash: hash });
      batchByBand.set(band, entries);
    }
    index.push({ storyId, simhash: hash, url: item.link, bands });
  });
  await indexStories(store, index, now);
}
