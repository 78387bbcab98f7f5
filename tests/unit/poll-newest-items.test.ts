import { describe, expect, it } from 'vitest';
import type { RawItem } from '../../shared/feeds/parse.ts';
import { newestItems } from '../../shared/usecases/poll-feed.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const item = (guid: string, published?: Date | string): RawItem => ({
  guid,
  title: guid,
  categories: [],
  ...(published ? { published: typeof published === 'string' ? published : published.toUTCString() } : {}),
});
const guids = (items: RawItem[]) => items.map((entry) => entry.guid);

describe('newestItems()', () => {
  it('keeps every item when the feed is within the limit, in its own order', () => {
    const items = [item('a'), item('b', new Date(NOW.getTime() - HOUR))];

    expect(newestItems(items, 200, NOW)).toEqual({ items, skipped: 0 });
  });

  // From a user acceptance review: 250 items dated 2099 (or undated) hid the story published a minute earlier.
  it('ranks dated news first, then undated items, then items dated more than a day ahead', () => {
    const items = [
      ...Array.from({ length: 3 }, (_, index) => item(`junk-${index}`, '2099-01-01T00:00:00Z')),
      ...Array.from({ length: 3 }, (_, index) => item(`undated-${index}`)),
      item('news', new Date(NOW.getTime() - 60_000)),
    ];

    expect(guids(newestItems(items, 1, NOW).items)).toEqual(['news']);
    expect(guids(newestItems(items, 3, NOW).items)).toEqual(['undated-0', 'undated-1', 'news']);
    expect(newestItems(items, 3, NOW).skipped).toBe(4);
  });

  // From a code review: a feed writing local time labelled GMT dates its newest items hours "ahead".
  it("keeps items a few hours ahead (a feed's clock or zone) as the newest, not last", () => {
    const skewed = Array.from({ length: 20 }, (_, index) =>
      item(`skewed-${index}`, new Date(NOW.getTime() + (2 + index / 4) * HOUR)),
    );
    const older = Array.from({ length: 280 }, (_, index) =>
      item(`older-${index}`, new Date(NOW.getTime() - (index + 1) * HOUR)),
    );

    const kept = guids(newestItems([...older, ...skewed], 200, NOW).items);

    expect(kept.filter((guid) => guid?.startsWith('skewed'))).toHaveLength(20);
    expect(kept).toHaveLength(200);
  });
});
