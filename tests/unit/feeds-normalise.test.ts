import { describe, expect, it } from 'vitest';
import {
  canonicalUrl,
  htmlToText,
  normaliseDate,
  normaliseItem,
  splitGoogleNewsTitle,
} from '../../shared/feeds/normalise.ts';

const FETCHED = new Date('2025-08-01T00:00:00Z');

describe('htmlToText()', () => {
  it.each([
    ['<p>Tesla &amp; Samsung</p><p>sign</p>', 'Tesla & Samsung\nsign'],
    ['a<script>alert(1)</script>b<style>p{}</style>c', 'a b c'],
    ['<a href="javascript:alert(1)">x</a> javascript:void(0) y', 'x y'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;Safe', 'Safe'],
    ['Musk&#8217;s &#x2018;minimum&#x2019; &nbsp; deal', 'Musk’s ‘minimum’ deal'],
    ['<![CDATA[ignored]]>text', 'text'],
    ['unclosed <script>document.write(1)', 'unclosed'],
  ])('turns %j into plain text', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('caps the length', () => {
    expect(htmlToText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('canonicalUrl()', () => {
  it.each([
    [
      'https://WWW.Example.com/news/story?utm_source=x&utm_medium=y&id=7#top',
      'https://www.example.com/news/story?id=7',
    ],
    ['https://example.com/a?fbclid=1&gclid=2', 'https://example.com/a'],
    ['https://example.com/news/amp/story', 'https://example.com/news/story'],
    ['https://example.com/story/amp', 'https://example.com/story'],
    ['https://example.com/story.amp.html', 'https://example.com/story.html'],
    ['https://example.com/story?amp=1', 'https://example.com/story'],
    ['https://amp.example.com/story', 'https://example.com/story'],
    ['https://www-example-com.cdn.ampproject.org/c/s/www.example.com/story', 'https://www.example.com/story'],
    ['/relative/path', 'https://feed.example/relative/path'],
  ])('canonicalises %s', (url, expected) => {
    expect(canonicalUrl(url, 'https://feed.example/rss')).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'mailto:someone@example.org', 'not a url at all'])(
    'refuses %s',
    (url) => {
      expect(canonicalUrl(url)).toBeUndefined();
    },
  );
});

describe('splitGoogleNewsTitle()', () => {
  it('splits off the publisher, keeping dashes inside the title', () => {
    expect(splitGoogleNewsTitle('Tesla–Samsung deal - what it means - Reuters')).toEqual({
      title: 'Tesla–Samsung deal - what it means',
      publisher: 'Reuters',
    });
    expect(splitGoogleNewsTitle('No publisher here')).toEqual({ title: 'No publisher here' });
  });
});

describe('normaliseDate()', () => {
  it.each([
    ['Mon, 28 Jul 2025 07:12:00 GMT', '2025-07-28T07:12:00.000Z'],
    ['Mon, 28 Jul 2025 14:22:10 +0000', '2025-07-28T14:22:10.000Z'],
    ['2025-07-28T17:05:11-04:00', '2025-07-28T21:05:11.000Z'],
    ['2025年7月28日 10:30', '2025-07-28T02:30:00.000Z'],
    ['2025-07-28 10:30:00', '2025-07-28T02:30:00.000Z'],
    ['2025年7月28日', '2025-07-27T16:00:00.000Z'],
    [undefined, FETCHED.toISOString()],
    ['not a date', FETCHED.toISOString()],
    ['2031-01-01T00:00:00Z', FETCHED.toISOString()],
  ])('reads %s', (text, iso) => {
    expect(normaliseDate(text, FETCHED)).toBe(iso);
  });
});

describe('normaliseItem()', () => {
  const feed = {
    feedId: 'f',
    feedUrl: 'https://electrek.co/feed/',
    fetchedAt: FETCHED,
    language: 'en',
    topics: ['deal'],
  };

  it('keys by guid, else canonical URL, else title and date', () => {
    const byGuid = normaliseItem(
      { guid: 'g1', link: 'https://a.example/x', title: 'T', categories: [] },
      feed,
    );
    const byUrl = normaliseItem(
      { link: 'https://a.example/x?utm_source=rss', title: 'T', categories: [] },
      feed,
    );
    const sameUrl = normaliseItem(
      { link: 'https://A.example/x#frag', title: 'Other title', categories: [] },
      feed,
    );
    const byTitle = normaliseItem({ title: 'T', published: '2025-07-01', categories: [] }, feed);

    expect(new Set([byGuid.key, byUrl.key, byTitle.key]).size).toBe(3);
    expect(sameUrl.key).toBe(byUrl.key);
  });

  it('changes the content hash, not the key, when a publisher edits the text', () => {
    const before = normaliseItem({ guid: 'g', title: 'Deal worth $16.5B', categories: [] }, feed);
    const after = normaliseItem({ guid: 'g', title: 'Deal worth $22B', categories: [] }, feed);

    expect(after.key).toBe(before.key);
    expect(after.contentHash).not.toBe(before.contentHash);
  });

  it('drops content that only repeats the summary, and names untitled items', () => {
    const item = normaliseItem({ summary: '<p>Same</p>', content: 'Same', categories: [] }, feed);

    expect(item).toMatchObject({ title: 'Same', summary: 'Same', topics: ['deal'] });
    expect(item.content).toBeUndefined();
  });
});
