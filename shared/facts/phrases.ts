import type { PhraseList } from './lexicon.ts';
import { escapeRegex } from './regex.ts';
import { stemOf, type Token, tokenize } from './tokens.ts';

/** Where a phrase of a named list was found in a sentence. */
export interface PhraseMatch<Name extends string = string> {
  name: Name;
  start: number;
  end: number;
}

const GAP = '...';
const MAX_GAP = 4;

interface EnglishPhrase<Name> {
  name: Name;
  stems: Array<string | typeof GAP>;
}

/**
 * A matcher for named phrase lists (spaCy's PhraseMatcher, on stems): English
 * phrases match word stems in order, `...` allowing up to four words between;
 * Chinese phrases match as written, the longest first.
 *
 * @example
 * const matcher = phraseMatcher({ delay: { en: ['push ... back'], zh: ['推迟'] } });
 * matcher.find('Samsung pushed the Taylor start back', tokenize(text)); // [{ name: 'delay', … }]
 */
export function phraseMatcher<Name extends string>(lists: Record<Name, PhraseList>) {
  const byFirstStem = new Map<string, EnglishPhrase<Name>[]>();
  const chinese = new Map<string, Name[]>();
  for (const [name, list] of Object.entries(lists) as Array<[Name, PhraseList]>) {
    for (const phrase of list.en) {
      // "=shares" matches that form only (its stem "share" would also match "share").
      const stems = phrase
        .split(/\s+/)
        .flatMap((word) =>
          word === GAP
            ? [GAP]
            : word.startsWith('=')
              ? [`=${word.slice(1).toLowerCase()}`]
              : tokenize(word).map((token) => token.stem),
        );
      const first = stems[0];
      if (!first || first === GAP) continue;
      byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), { name, stems }]);
    }
    for (const phrase of list.zh) chinese.set(phrase, [...(chinese.get(phrase) ?? []), name]);
  }
  const zhKeys = [...chinese.keys()].sort((a, b) => b.length - a.length);
  const zhPattern = zhKeys.length ? new RegExp(zhKeys.map(escapeRegex).join('|'), 'g') : undefined;
  return {
    /** Every match in the sentence, English and Chinese, in order of position. */
    find(sentence: string, tokens: Token[]): PhraseMatch<Name>[] {
      const found: PhraseMatch<Name>[] = [];
      tokens.forEach((token, index) => {
        for (const phrase of [
          ...(byFirstStem.get(token.stem) ?? []),
          ...(byFirstStem.get(`=${token.lower}`) ?? []),
        ]) {
          const end = matchFrom(tokens, index, phrase.stems);
          if (end !== undefined) found.push({ name: phrase.name, start: token.start, end: tokens[end]!.end });
        }
      });
      if (zhPattern && /[\u3400-\u9fff？]/.test(sentence)) {
        zhPattern.lastIndex = 0;
        for (let match = zhPattern.exec(sentence); match; match = zhPattern.exec(sentence)) {
          for (const name of chinese.get(match[0])!)
            found.push({ name, start: match.index, end: match.index + match[0].length });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}

/** The index of the last token of `stems` matched from `at`, or undefined. */
function matchFrom(tokens: Token[], at: number, stems: Array<string | typeof GAP>): number | undefined {
  let position = at;
  for (let index = 0; index < stems.length; index++) {
    const stem = stems[index]!;
    if (stem === GAP) {
      const next = stems[index + 1];
      if (next === undefined || next === GAP) return undefined;
      let found = -1;
      for (let skip = 1; skip <= MAX_GAP + 1 && position + skip < tokens.length; skip++) {
        if (tokens[position + skip]!.stem === next) {
          found = position + skip;
          break;
        }
      }
      if (found < 0) return undefined;
      position = found;
      index++;
      continue;
    }
    if (index > 0) position++;
    const token = tokens[position];
    if (!token || (stem.startsWith('=') ? token.lower !== stem.slice(1) : token.stem !== stem))
      return undefined;
  }
  return position;
}

export { stemOf };
