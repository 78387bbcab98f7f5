import { describe, expect, it } from 'vitest';
import { maxAge, parseRetryAfter } from '../../shared/feeds/fetch.ts';
import { isBlockedAddress, refusedAsWritten } from '../../shared/feeds/guard.ts';
import { nextPollAt } from '../../shared/feeds/schedule.ts';
import { hammingDistance, simhash, storyBands } from '../../shared/feeds/stories.ts';

const NOW = new Date('2025-08-04T10:00:00Z'); // a Monday
const minutesLater = (date: Date) => (date.getTime() - NOW.getTime()) / 60_000;

describe('nextPollAt()', () => {
  it.each([
    ['the interval', { intervalMinutes: 30 }, 30],
    ['the feed ttl when longer', { intervalMinutes: 30, ttlMinutes: 60 }, 60],
    ['Cache-Control max-age when longer', { intervalMinutes: 30, maxAgeSeconds: 7_200 }, 120],
    ['the minimum', { intervalMinutes: 1 }, 5],
    ['the maximum', { intervalMinutes: 30, ttlMinutes: 100_000 }, 1_440],
    ['a Retry-After longer than the interval', { intervalMinutes: 30, retryAfterSeconds: 7_200 }, 120],
    // From a user acceptance review: "Retry-After: 99999999" held a feed until 2030, never polled, never reported.
    ['the maximum for a Retry-After past it', { intervalMinutes: 30, retryAfterSeconds: 2 * 86_400 }, 1_440],
    ['the maximum for a Retry-After of years', { intervalMinutes: 30, retryAfterSeconds: 99_999_999 }, 1_440],
    ['backoff after 1 error', { intervalMinutes: 30, errorCount: 1 }, 60],
    ['backoff after 3 errors', { intervalMinutes: 30, errorCount: 3 }, 240],
    ['capped backoff', { intervalMinutes: 30, errorCount: 12 }, 1_440],
  ])('uses %s', (_case, input, minutes) => {
    expect(minutesLater(nextPollAt({ now: NOW, errorCount: 0, ...input }))).toBe(minutes);
  });

  it('moves past skipHours and skipDays (UTC)', () => {
    const skipHours = nextPollAt({ now: NOW, intervalMinutes: 30, errorCount: 0, skipHours: [10, 11, 12] });
    const skipMonday = nextPollAt({ now: NOW, intervalMinutes: 30, errorCount: 0, skipDays: ['Monday'] });

    expect(skipHours.toISOString()).toBe('2025-08-04T13:00:00.000Z');
    expect(skipMonday.toISOString()).toBe('2025-08-05T00:00:00.000Z');
  });
});

describe('HTTP header helpers', () => {
  it('reads Retry-After as seconds or a date, and max-age', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter('Mon, 04 Aug 2025 11:00:00 GMT', NOW)).toBe(3_600);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(maxAge('public, max-age=600, s-maxage=60')).toBe(600);
    expect(maxAge('no-cache')).toBeUndefined();
  });
});

describe('isBlockedAddress()', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.8', true],
    ['172.16.5.4', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.216.34', false],
    ['2606:4700:4700::1111', false],
    ['::ffff:8.8.8.8', false],
  ])('%s → %s', (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked);
  });
});

describe('simhash()', () => {
  it('puts near-identical titles within 3 bits and different stories far apart', () => {
    const a = simhash('Tesla signs $16.5 billion AI chip deal with Samsung');
    const b = simhash('Tesla signs $16.5bn AI-chip deal with Samsung!');
    const other = simhash('EU delays high-risk AI Act rules until 2027');

    expect(hammingDistance(a, a)).toBe(0);
    expect(hammingDistance(a, b)).toBeLessThanOrEqual(3);
    expect(hammingDistance(a, other)).toBeGreaterThan(10);
  });

  it('works on Chinese titles', () => {
    const a = simhash('特斯拉与三星签署165亿美元芯片大单');
    const b = simhash('特斯拉与三星签署165亿美元芯片大单！');

    expect(hammingDistance(a, b)).toBeLessThanOrEqual(3);
  });

  it('splits a hash into four bands', () => {
    expect(storyBands('0123456789abcdef')).toEqual(['0#0123', '1#4567', '2#89ab', '3#cdef']);
  });
});

// From a user acceptance review: synth took a feeds file of loopback URLs without a word; deployed, each failed every poll.
describe('refusedAsWritten()', () => {
  it('names what the deployed poller refuses as written, and passes a public name', () => {
    expect(refusedAsWritten('http://127.0.0.1:8765/feed.xml')).toMatch(
      /^127\.0\.0\.1 is a private, loopback or link-local address/,
    );
    expect(refusedAsWritten('http://10.0.0.5/rss')).toMatch(/^10\.0\.0\.5 is a private/);
    expect(refusedAsWritten('http://[::1]/rss')).toMatch(/^::1 is a private/);
    expect(refusedAsWritten('http://localhost:8080/rss')).toBe(
      'localhost resolves to loopback (http://localhost:8080/rss)',
    );
    expect(refusedAsWritten('https://electrek.co/guides/tesla/feed/')).toBeUndefined();
  });
});
