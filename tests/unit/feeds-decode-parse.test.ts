import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../shared/errors.ts';
import { decodeFeed } from '../../shared/feeds/decode.ts';
import { detectFormat, MAX_ENTRIES, parseFeed } from '../../shared/feeds/parse.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'feeds', name), 'utf8');
const doc = (encoding: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>特斯拉 Société</title></channel></rss>`;

describe('decodeFeed()', () => {
  it.each([
    ['GBK from the header', iconv.encode(doc('GBK'), 'gbk'), 'text/xml; charset=GBK', 'gbk', 'header'],
    ['GB2312 labels read as GBK', iconv.encode(doc('GB2312'), 'gbk'), undefined, 'gbk', 'xml-declaration'],
    [
      'GB18030 from the declaration',
      iconv.encode(doc('GB18030'), 'gb18030'),
      'text/xml',
      'gb18030',
      'xml-declaration',
    ],
    [
      'Big5',
      iconv.encode(doc('Big5').replace('特斯拉', '特斯拉'), 'big5'),
      'text/xml; charset=big5',
      'big5',
      'header',
    ],
    [
      'UTF-16 with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(doc('UTF-16'), 'utf-16le')]),
      undefined,
      'utf-16le',
      'xml-declaration',
    ],
    [
      'UTF-8 by default',
      Buffer.from(doc('UTF-8').replace(' encoding="UTF-8"', '')),
      undefined,
      'utf-8',
      'default',
    ],
  ])('reads %s', (_case, bytes, contentType, encoding, source) => {
    const decoded = decodeFeed(bytes, contentType);

    expect(decoded).toMatchObject({ encoding, source });
    expect(decoded.text).toContain('特斯拉');
  });

  it('reads ISO-8859-1 as Windows-1252, as browsers do', () => {
    const decoded = decodeFeed(iconv.encode(doc('ISO-8859-1').replace('特斯拉 ', ''), 'latin1'));

    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Société');
  });

  it('trusts a UTF-16 byte-order mark over a declaration that cannot be right, and says so', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(doc('UTF-16'), 'utf-16le')]);

    const decoded = decodeFeed(bytes, 'text/xml; charset=utf-8');

    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toContain('特斯拉');
    expect(decoded.warnings.join()).toMatch(/byte-order mark/);
  });

  it('replaces invalid bytes instead of failing, and warns', () => {
    const decoded = decodeFeed(
      Buffer.concat([Buffer.from('<rss>ok '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('</rss>')]),
    );

    expect(decoded.text).toContain('\uFFFD');
    expect(decoded.warnings.join()).toMatch(/not valid utf-8/);
  });

  it('falls back for an unknown charset label, with a warning', () => {
    const decoded = decodeFeed(Buffer.from(doc('x-klingon')), 'text/xml');

    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings).toContain('unknown charset "x-klingon", read as utf-8');
  });
});

describe('parseFeed()', () => {
  it.each([
    ['google-news.xml', 'rss', '2.0'],
    ['wordpress.xml', 'rss', '2.0'],
    ['rdf.xml', 'rdf', '1.0'],
    ['edgar-atom.xml', 'atom', '1.0'],
  ])('recognises %s as %s %s', async (name, format, version) => {
    const feed = await parseFeed(fixture(name));

    expect(feed).toMatchObject({ format, version });
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it('keeps Google News <source url>, the ttl, and Atom categories', async () => {
    const news = await parseFeed(fixture('google-news.xml'));
    const edgar = await parseFeed(fixture('edgar-atom.xml'));

    expect(news.ttlMinutes).toBe(45);
    expect(news.items[0]!.source).toEqual({ name: 'Reuters', url: 'https://www.reuters.com' });
    expect(edgar.items[0]).toMatchObject({
      categories: ['8-K'],
      accessionNumber: '0001628280-25-035806',
      formType: '8-K',
    });
  });

  it('reads RSS 0.91 and Atom 0.3', async () => {
    const rss091 = await parseFeed(
      '<rss version="0.91"><channel><title>Old</title><item><title>One</title><link>https://a.example/1</link></item></channel></rss>',
    );
    const atom03 = await parseFeed(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><entry><title>Two</title><link rel="alternate" href="https://a.example/2"/><issued>2025-07-01T00:00:00Z</issued></entry></feed>',
    );

    expect(rss091).toMatchObject({
      format: 'rss',
      version: '0.91',
      items: [{ title: 'One', link: 'https://a.example/1' }],
    });
    expect(atom03).toMatchObject({ format: 'atom', version: '0.3', items: [{ title: 'Two' }] });
  });

  it('keeps skipHours and skipDays', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>t</title><skipHours><hour>0</hour><hour>1</hour></skipHours><skipDays><day>Sunday</day></skipDays></channel></rss>',
    );

    expect(feed).toMatchObject({ skipHours: [0, 1], skipDays: ['Sunday'] });
  });

  it.each([
    ['', 'empty'],
    [fixture('html-error.html'), 'not-a-feed'],
    ['{"json": true}', 'not-a-feed'],
    [fixture('malformed.xml'), 'parse'],
  ])('refuses a bad document with a FeedError (%#)', async (text, failure) => {
    await expect(parseFeed(text)).rejects.toMatchObject({ failure });
    await expect(parseFeed(text)).rejects.toBeInstanceOf(FeedError);
  });

  // From a hostile-content review: 749,000 empty items took 9 s and 344 MB to parse before the 200-item cap applied.
  // The first and last halves are read: a feed lists its newest first or last.
  it.each([
    ['rss', 'item'],
    ['atom', 'entry'],
  ] as const)(
    'reads the first and last MAX_ENTRIES / 2 entries of a huge %s document',
    async (format, tag) => {
      const document = (n: number) => {
        const entries = Array.from(
          { length: n },
          (_, index) => `<${tag}><title>e${index}</title></${tag}>`,
        ).join('');
        return format === 'rss'
          ? `<rss version="2.0"><channel><title>t</title>${entries}</channel></rss>`
          : `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${entries}</feed>`;
      };
      const huge = await parseFeed(document(MAX_ENTRIES + 1_000));
      const titles = huge.items.map((item) => item.title);

      expect(titles).toHaveLength(MAX_ENTRIES);
      expect([titles[0], titles.at(-1)]).toEqual(['e0', `e${MAX_ENTRIES + 999}`]);
      expect(titles).not.toContain(`e${MAX_ENTRIES / 2}`);
      expect(huge.omitted).toBe(1_000);
      expect((await parseFeed(document(3))).items).toHaveLength(3);
    },
  );

  // From a hostile-content review: one careless item ("AT&T", "a < b", a reference to a character XML forbids)
  // failed the strict parse of the whole feed, and its good items were never read.
  it.each(['AT&T signs deal & more', 'a < b, says Musk', 'stray &#xD83D; and &#0; references'])(
    'reads the other items of a feed one of whose titles is %j, that title repaired',
    async (careless) => {
      const feed = await parseFeed(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>${careless}</title><link>https://example.org/1</link></item><item><title>Samsung delays Taylor fab production to 2028</title><link>https://example.org/2</link></item></channel></rss>`,
      );

      expect(feed.items.map((item) => item.title)).toEqual([
        careless.replace(/&#\w+;/g, ''),
        'Samsung delays Taylor fab production to 2028',
      ]);
    },
  );

  // A user found it through `factwatch check`: with one shared xml2js parser, a malformed document left it in a
  // state where the next broken one (an undeclared entity) parsed as a valid feed, and errors varied by order.
  // (Since an undeclared name is escaped on the second reading, the broken one here also leaves an element open.)
  it('judges each document alone, whatever was parsed before it', async () => {
    const verdict = (text: string) =>
      parseFeed(text).then(
        (feed) => `ok ${feed.items.map((item) => item.title).join('|')}`,
        (error: FeedError) => error.message,
      );
    const brokenWithEntity = fixture('xxe.xml').replace('</item>', '');
    const alone = [await verdict(fixture('xxe.xml')), await verdict(brokenWithEntity)];
    for (let i = 0; i < 4; i++) await parseFeed(fixture('malformed.xml')).catch(() => undefined);
    const after = [await verdict(fixture('xxe.xml')), await verdict(brokenWithEntity)];
    expect(after).toEqual(alone);
    expect(alone[0]).toBe('ok Leak &xxe; and &remote;');
    expect(alone[1]).toMatch(/^parse: malformed rss: /);
    const errors = new Set<string>();
    for (let i = 0; i < 3; i++) errors.add(await verdict(fixture('malformed.xml')));
    expect(errors.size).toBe(1);
  });

  // From a hostile-content review: "R&D;" reads as a reference to an entity no one declared, which the strict
  // parse refuses — the whole feed was lost. An HTML name XML lacks is read as its character.
  it.each([
    ['Samsung R&D; budget rises', 'Samsung R&D; budget rises'],
    ['Tesla &mdash; Samsung &hellip; &bogus.name;', 'Tesla — Samsung … &bogus.name;'],
  ])('reads a feed whose title is %j, the undeclared reference kept as text', async (title, read) => {
    const feed = await parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>${title}</title></item><item><title>AT&amp;T &lt;3 &#8212;</title></item></channel></rss>`,
    );

    expect(feed.items.map((item) => item.title)).toEqual([read, 'AT&T <3 —']);
  });

  // From a code review: an <item> inside one description's CDATA counted towards MAX_ENTRIES, and the cut fell
  // inside that CDATA section — the whole document then failed to parse.
  it('counts only real entries towards MAX_ENTRIES, not <item> written inside CDATA or a comment', async () => {
    const fake = '<item><title>fake</title></item>'.repeat(MAX_ENTRIES);
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>t</title><item><title>a</title><description><![CDATA[${fake}]]></description></item><!-- ${fake} --><item><title>b</title></item></channel></rss>`,
    );

    expect(feed.items.map((item) => item.title)).toEqual(['a', 'b']);
    expect(feed.omitted).toBeUndefined();
  });

  it('detects the format past comments and a DOCTYPE', () => {
    expect(
      detectFormat('<?xml version="1.0"?><!-- hi --><!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0">'),
    ).toEqual({ format: 'rss', version: '2.0' });
  });
});
