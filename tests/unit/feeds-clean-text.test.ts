import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities, htmlToText } from '../../shared/feeds/clean-text.ts';

const MB = 1024 * 1024;

/** The known traps for regex stripping, each 1 MB: unclosed constructs that make a lazy regex rescan to the end. */
const TRAPS: Array<[string, string]> = [
  ['unclosed comments', '<!--'.repeat(MB / 4)],
  ['unclosed scripts', '<script>'.repeat(MB / 8)],
  ['unclosed tags', '<a href="x" '.repeat(MB / 12)],
  ['nested entities', '&amp;'.repeat(MB / 5)],
  ['half entities', '&#x'.repeat(MB / 3)],
  ['CDATA openers', '<![CDATA['.repeat(MB / 9)],
  ['text between tags', 'Tesla <b>Samsung</b> '.repeat(MB / 21)],
];

describe('htmlToText() on hostile input', () => {
  // A generous ceiling, not a speed target (bench/clean-text.ts measures that): the regex
  // stripping this replaces needed 11 s for 100 KB of "<!--", i.e. hours for 1 MB.
  it.each(TRAPS)(
    'cleans 1 MB of %s in one linear pass',
    (_trap, html) => {
      const text = htmlToText(html, 20_000);

      expect(text.length).toBeLessThanOrEqual(20_000);
      expect(text).not.toMatch(/<[a-z!/]/i);
    },
    10_000,
  );

  it('reads at most the capped input, whatever the field holds', () => {
    const text = htmlToText(`${'x'.repeat(2 * MB)}<script>`, 100, { maxInput: 1000 });

    expect(text).toBe(`${'x'.repeat(99)}…`);
  });

  it('keeps the text that follows markup escaped twice, and drops the markup', () => {
    expect(htmlToText('&lt;p&gt;Deal &amp;amp; chips&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;')).toBe(
      'Deal & chips',
    );
  });
});

describe('cleanText()', () => {
  it.each([
    ['terminal escape sequences lose their ESC', 'Tesla\u001b[2J\u001b[31mred', 'Tesla[2J[31mred'],
    ['bidi overrides and isolates', 'invoice \u202Egnp.exe\u202C \u2066x\u2069', 'invoice gnp.exe x'],
    ['zero-width characters and the BOM', 'Sam\u200Bsung\u200D \uFEFFdeal', 'Samsung deal'],
    ['C1 controls and DEL', 'a\u0085b\u009Bc\u007Fd', 'abcd'],
    ['NUL and the other C0 controls', 'a\u0000b\u0007c\u0008d', 'abcd'],
  ])('removes %s', (_case, text, clean) => {
    expect(cleanText(text, 100)).toBe(clean);
  });

  // From a hostile-content review: a cap through an emoji stored half of it, on which encodeURIComponent throws.
  it('never cuts a character in half at its cap', () => {
    const capped = cleanText(`${'a'.repeat(498)}🚀b`, 500);

    expect(capped).toBe(`${'a'.repeat(498)}…`);
    expect(() => encodeURIComponent(capped)).not.toThrow();
  });

  it('folds every other white space, U+202F and U+2028 among them, into one space', () => {
    const spaces = '\u202F\u205F\u1680\u2028\u2029\u2003\u00A0\u3000';
    expect(cleanText(`a${spaces}b\n${spaces}c`, 100, { lines: true })).toBe('a b\nc');
    expect(cleanText(`a${spaces}b`, 100)).toBe('a b');
  });

  it('keeps line breaks only where lines are asked for', () => {
    expect(cleanText('one\n\n two\tthree', 100, { lines: true })).toBe('one\ntwo three');
    expect(cleanText('one\n\n two\tthree', 100)).toBe('one two three');
  });
});

describe('decodeEntities()', () => {
  it('decodes once, leaving unknown names and refusing surrogates', () => {
    expect(decodeEntities('&amp;amp; &bogus; &#xD800; &#8217;')).toBe('&amp; &bogus;  ’');
  });
});
