import { createHash } from 'node:crypto';
import { batchGet, batchPut } from './batch.ts';
import type { Store } from './client.ts';

/** What a story index record says: which story a URL or a SimHash band belongs to. */
export interface StoryRef {
  storyId: string;
  simhash: string;
}

/** Story index records expire: near-duplicates arrive within days, not months. */
export const STORY_INDEX_DAYS = 30;

const urlKey = (url: string) => ({
  pk: `STORYURL#${createHash('sha256').update(url).digest('hex')}`,
  sk: 'STORY',
});
const bandKey = (band: string) => ({ pk: `STORYBAND#${band}`, sk: 'STORY' });

/**
 * Story references for canonical URLs and SimHash bands, in one batched read.
 * Returns two maps keyed by URL and by band.
 */
export async function lookupStories(store: Store, urls: string[], bands: string[]) {
  const records = await batchGet(store, [...urls.map(urlKey), ...bands.map(bandKey)]);
  const byPk = new Map(
    records.map((record) => [
      record.pk as string,
      { storyId: record.storyId as string, simhash: record.simhash as string },
    ]),
  );
  const byUrl = new Map<string, StoryRef>();
  const byBand = new Map<string, StoryRef>();
  for (const url of urls) {
    const ref = byPk.get(urlKey(url).pk);
    if (ref) byUrl.set(url, ref);
  }
  for (const band of bands) {
    const ref = byPk.get(bandKey(band).pk);
    if (ref) byBand.set(band, ref);
  }
  return { byUrl, byBand };
}

/** Records where a story's URL and SimHash bands point, so later near-duplicates find it. */
export async function indexStories(
  store: Store,
  entries: Array<{ storyId: string; simhash: string; url?: string; bands: string[] }>,
  now: Date,
): Promise<void> {
  const expiresAt = Math.floor(now.getTime() / 1000) + STORY_INDEX_DAYS * 86_400;
  const records = entries.flatMap((entry) => {
    const ref = { storyId: entry.storyId, simhash: entry.simhash, expiresAt };
    return [
      ...(entry.url ? [{ ...urlKey(entry.url), ...ref }] : []),
      ...entry.bands.map((band) => ({ ...bandKey(band), ...ref })),
    ];
  });
  // One record per key in a batch: DynamoDB refuses duplicates within a BatchWrite.
  await batchPut(store, [...new Map(records.map((record) => [record.pk, record])).values()]);
}
