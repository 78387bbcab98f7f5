import type { PhraseList } from './lexicon.ts';
import { escapeRegex } from './regex.ts';
import { stemOf, type Token, tokenize } from './tokens.ts';

/** A compiled set of phrase lists; `find` gives every match in a sentence. */
export interface PhraseMatcher<Name extends string = string> {
  find(sentence: string, tokens: Token[]): PhraseMatch<Name>[];
}

/** Where a phrase of a named list was found in a sentence. */
export interface PhraseMatch<Name extends string = string> {
  name: Name;
  start: number;
  end: number;
}

const GAP = '...';
const MAX_GAP = 4;

/** One word of a compiled English phrase: a stem, an exact lower-case form, or a gap. */
type Step = { gap: true } | { gap: false; exact: boolean; word: string };

interface EnglishPhrase<Name> {
  name: Name;
  steps: Step[];
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
export function phraseMatcher<Name extends string>(lists: Record<Name, PhraseList>): PhraseMatcher<Name> {
  // Phrases indexed by their first word: by stem, or ("=shares") by exact form.
  const byFirstStem = new Map<string, EnglishPhrase<Name>[]>();
  const byFirstForm = new Map<string, EnglishPhrase<Name>[]>();
  const chinese = new Map<string, Name[]>();
  for (const [name, list] of Object.entries(lists) as Array<[Name, PhraseList]>) {
    for (const phrase of list.en) {
      const steps = phrase
        .split(/\s+/)
        .flatMap((word): Step[] =>
          word === GAP
            ? [{ gap: true }]
            : word.startsWith('=')
              ? [{ gap: false, exact: true, word: word.slice(1).toLowerCase() }]
              : tokenize(word).map((token) => ({ gap: false, exact: false, word: token.stem })),
        );
      const first = steps[0];
      if (!first || first.gap) continue;
      const index = first.exact ? byFirstForm : byFirstStem;
      index.set(first.word, [...(index.get(first.word) ?? []), { name, steps }]);
    }
    for (const phrase of list.zh) chinese.set(phrase, [...(chinese.get(phrase) ?? []), name]);
  }
  const zhKeys = [...chinese.keys()].sort((a, b) => b.length - a.length);
  const zhPrefixes = new Map(zhKeys.map((key) => [key, zhKeys.filter((other) => key.startsWith(other))]));
  const zhPattern = zhKeys.length ? new RegExp(zhKeys.map(escapeRegex).join('|'), 'g') : undefined;
  const matchAll = (
    phrases: EnglishPhrase<Name>[] | undefined,
    tokens: Token[],
    index: number,
    found: PhraseMatch<Name>[],
  ) => {
    if (!phrases) return;
    for (const phrase of phrases) {
      const end = matchFrom(tokens, index, phrase.steps);
      if (end !== undefined)
        found.push({ name: phrase.name, start: tokens[index]!.start, end: tokens[end]!.end });
    }
  };
  return {
    /** Every match in the sentence, English and Chinese, in order of position. */
    find(sentence: string, tokens: Token[]): PhraseMatch<Name>[] {
      const found: PhraseMatch<Name>[] = [];
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!;
        matchAll(byFirstStem.get(token.stem), tokens, index, found);
        if (byFirstForm.size) matchAll(byFirstForm.get(token.lower), tokens, index, found);
      }
      if (zhPattern && /[\u3400-\u9fff？]/.test(sentence)) {
        // Every occurrence of every phrase, overlapping ones too ("代工营收" holds "代工"):
        // the longest phrase at a position, the phrases it begins with, then one character on.
        zhPattern.lastIndex = 0;
        for (let match = zhPattern.exec(sentence); match; match = zhPattern.exec(sentence)) {
          for (const key of zhPrefixes.get(match[0])!)
            for (const name of chinese.get(key)!)
              found.push({ name, start: match.index, end: match.index + key.length });
          zhPattern.lastIndex = match.index + 1;
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}

const sameWord = (token: Token | undefined, step: Step) =>
  token !== undefined && !step.gap && (step.exact ? token.lower === step.word : token.stem === step.word);

/** The index of the last token of `steps` matched from `at`, or undefined. */
function matchFrom(tokens: Token[], at: number, steps: Step[]): number | undefined {
  let position = at;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    if (step.gap) {
      const next = steps[index + 1];
      if (next === undefined || next.gap) return undefined;
      let found = -1;
      for (let skip = 1; skip <= MAX_GAP + 1 && position + skip < tokens.length; skip++) {
        if (sameWord(tokens[position + skip], next)) {
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
    if (!sameWord(tokens[position], step)) return undefined;
  }
  return position;
}

export { stemOf };
