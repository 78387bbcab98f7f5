import { describe, expect, it } from 'vitest';
import { feedHealthLabel } from '../../shared/model/feeds.ts';

// A user acceptance review saw 24 shipped feeds that had never been reached listed as "ok" beside their errors:
// unhealthy waits for 5 failures in a row (hours, with the backoff), so a feed failing now must say so at once.
describe('feedHealthLabel()', () => {
  it.each([
    [{ healthy: true, errorCount: 0 }, 'ok'],
    [{ healthy: true, errorCount: 1 }, 'failing (1)'],
    [{ healthy: true, errorCount: 4 }, 'failing (4)'],
    [{ healthy: false, errorCount: 5 }, 'unhealthy'],
    [{ healthy: true, errorCount: 2, retiredAt: '2026-11-01T00:00:00Z' }, 'retired'],
  ])('%j is %s', (feed, label) => {
    expect(feedHealthLabel(feed)).toBe(label);
  });
});
