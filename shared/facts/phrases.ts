import { ConfigError } from '../errors.ts';
import type { PhraseList } from './lexicon.ts';
import { stemOf, type Token, tokenize } from './tokens.ts';

/** A compiled set of phrase lists; `find` gives every match in a sentence. */
export interface PhraseMatcher<Name extends string = string> {
  /** `inEntity`: tokens that go on an entity's name begun before them (a gap counts the name as one word). */
  find(sentence: string, tokens: Token[], inEntity?: readonly boolean[]): PhraseMatch<Name>[];
}

/** Where a phrase of a named list was found in a sentence. */
export interface PhraseMatch<Name extends string = string> {
  name: Name;
  start: number;
  end: number;
}

const GAP = '...';
/** A gap of common words only: no name stands in it ("the 2nm part", not "the Exynos part"). */
const COMMON_GAP = '~';
const MAX_GAP = 4;
const CAPITALISED = /^[A-Z]/;
/**
 * Closed-class words a noun phrase's modifiers never hold: a common gap stops at them, so
 * "the ~ chips" is not "the fab will start producing chips".
 */
const NOT_A_MODIFIER = new Set([
  ...['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should'],
  ...['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did'],
  ...['to', 'of', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'as', 'than'],
  ...['and', 'or', 'but', 'that', 'which', 'who', 'it', 'they', 'not'],
]);

const MAX_MODIFIERS = 3;

/** A word written on to the one before it: by a hyphen or with nothing between ("next-generation", "2nm"). */
const joinedToPrevious = (sentence: string, word: Token, previous: Token) =>
  word.start === previous.end || (word.start === previous.end + 1 && sentence[previous.end] === '-');

/** Participles that make a name before them a modifier: "the Samsung-made chip". */
const MADE_BY = new Set(['made', 'built', 'produced', 'manufactured', 'fabbed', 'designed']);

/** A word a common gap may hold: not a name (unless "Samsung-made"), not a closed-class word. */
function commonModifier(word: Token, next: Token | undefined): boolean {
  if (NOT_A_MODIFIER.has(word.lower)) return false;
  if (!CAPITALISED.test(word.text)) return true;
  return next !== undefined && next.start === word.end + 1 && MADE_BY.has(next.lower);
}

/** One word of a compiled English phrase: a stem, an exact lower-case form, or a gap. */
type Step = { gap: true; common: boolean } | { gap: false; exact: boolean; word: string };

interface EnglishPhrase<Name> {
  name: Name;
  steps: Step[];
  /** It has a common gap (`~`): a description, which its own clause after it may restrict to another thing. */
  common: boolean;
}

/**
 * After a description, its own clause naming another's thing: "that powers Apple's iPhone", "TSMC builds for Nvidia",
 * "for Apple", "(that) Google uses" (not "that Samsung will build at Taylor", which restricts nothing away from the
 * item's chip).
 */
const RESTRICTED_AFTER =
  /^\s+(?:that|which|who)\b[^,.;]{0,40}?(?:\bfor\s+[A-Z]|\b[A-Z][\w-]*['’]s\b)|^\s+for\s+[A-Z]|^\s+[A-Z][\w-]*\s+(?:builds|makes|produces|designs|supplies|ships|sells|fabs|used\s+to\s+build)\s+for\b|^\s+(?:(?:that|which)\s+)?[A-Z][\w-]*\s+(?:uses|used|puts|designs|designed|sells|ships|buys|bought)\b/;

/**
 * Word classes an English phrase may name in braces, as TokensRegex macros: "{plant} will start in" stands for "fab
 * will start in", "plant will start in", … — one phrase for a family a plant's, a rule's or a chip's nouns would
 * otherwise copy.
 */
export const PHRASE_MACROS: Readonly<Record<string, readonly string[]>> = {
  plant: ['fab', 'plant', 'facility', 'factory'],
  rule: ['rule', 'requirement', 'obligation'],
};

/** Every phrase a phrase with macros stands for ("{plant} to start in" → "fab to start in", …). */
export function expandMacros(phrase: string): string[] {
  const macro = /\{(\w+)\}/.exec(phrase);
  if (!macro) return [phrase];
  const words = PHRASE_MACROS[macro[1]!];
  if (!words) throw new ConfigError(`phrase "${phrase}": unknown macro {${macro[1]}}`);
  return words.flatMap((word) =>
    expandMacros(phrase.slice(0, macro.index) + word + phrase.slice(macro.index + macro[0].length)),
  );
}

/**
 * A matcher for named phrase lists (spaCy's PhraseMatcher, on stems): English
 * phrases match word stems in order, `...` allowing up to four words between, `{plant}` any word of a macro;
 * Chinese phrases match as written, the longest first.
 *
 * @example
 * const matcher = phraseMatcher({ delay: { en: ['push ... back'], zh: ['推迟'] } });
 * matcher.find('Samsung pushed the Taylor start back', tokenize(text)); // [{ name: 'delay', … }]
 */
export function phraseMatcher<Name extends string>(lists: Record<Name, PhraseList>): PhraseMatcher<Name> {
  // Phrases indexed by their first word, by stem or ("=shares") by exact form, then by their
  // second: dozens of phrases begin with "the" ("the chip", "the plant"), and trying each of
  // them at every "the" was most of the matcher's time.
  const byFirstStem = new Map<string, FirstWord<Name>>();
  const byFirstForm = new Map<string, FirstWord<Name>>();
  const chinese = new ChineseTrie<Name>();
  for (const [name, list] of Object.entries(lists) as Array<[Name, PhraseList]>) {
    for (const phrase of list.en.flatMap(expandMacros)) {
      const steps = englishSteps(phrase);
      const first = steps[0];
      if (!first || first.gap) continue;
      const index = first.exact ? byFirstForm : byFirstStem;
      let entry = index.get(first.word);
      if (!entry) {
        entry = { any: [], secondStem: new Map(), secondForm: new Map() };
        index.set(first.word, entry);
      }
      addBySecondWord(entry, { name, steps, common: steps.some((step) => step.gap && step.common) });
    }
    for (const phrase of list.zh) chinese.add(phrase, name);
  }
  // The sentence being read (find is synchronous: one at a time).
  let current = '';
  const matchAll = (
    phrases: EnglishPhrase<Name>[] | undefined,
    tokens: Token[],
    index: number,
    found: PhraseMatch<Name>[],
    inEntity: readonly boolean[] | undefined,
  ) => {
    if (!phrases) return;
    for (const phrase of phrases) {
      const end = matchFrom(current, tokens, index, phrase.steps, inEntity);
      if (end === undefined) continue;
      // "the 3nm chip that powers Apple's iPhone", "The 3nm chip TSMC builds for Nvidia": a description whose own
      // clause follows it names another thing, not the one the item is about.
      if (phrase.common && RESTRICTED_AFTER.test(current.slice(tokens[end]!.end, tokens[end]!.end + 60)))
        continue;
      found.push({ name: phrase.name, start: tokens[index]!.start, end: tokens[end]!.end });
    }
  };
  const matchFirstWord = (
    entry: FirstWord<Name> | undefined,
    tokens: Token[],
    index: number,
    found: PhraseMatch<Name>[],
    inEntity: readonly boolean[] | undefined,
  ) => {
    if (!entry) return;
    matchAll(entry.any, tokens, index, found, inEntity);
    const next = tokens[index + 1];
    if (!next) return;
    matchAll(entry.secondStem.get(next.stem), tokens, index, found, inEntity);
    if (entry.secondForm.size) matchAll(entry.secondForm.get(next.lower), tokens, index, found, inEntity);
  };
  return {
    /** Every match in the sentence, English and Chinese, in order of position. */
    find(sentence: string, tokens: Token[], inEntity?: readonly boolean[]): PhraseMatch<Name>[] {
      const found: PhraseMatch<Name>[] = [];
      current = sentence;
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!;
        matchFirstWord(byFirstStem.get(token.stem), tokens, index, found, inEntity);
        if (byFirstForm.size) matchFirstWord(byFirstForm.get(token.lower), tokens, index, found, inEntity);
      }
      if (chinese.size && /[\u3400-\u9fff？]/.test(sentence)) chinese.findAll(sentence, found);
      return found.sort((a, b) => a.start - b.start);
    },
  };
}

/** The phrases that begin with one word, by their second word (`any`: one word long, or a gap next). */
interface FirstWord<Name extends string> {
  any: EnglishPhrase<Name>[];
  secondStem: Map<string, EnglishPhrase<Name>[]>;
  secondForm: Map<string, EnglishPhrase<Name>[]>;
}

function addBySecondWord<Name extends string>(entry: FirstWord<Name>, phrase: EnglishPhrase<Name>) {
  const second = phrase.steps[1];
  if (!second || second.gap) {
    entry.any.push(phrase);
    return;
  }
  const index = second.exact ? entry.secondForm : entry.secondStem;
  index.set(second.word, [...(index.get(second.word) ?? []), phrase]);
}

function englishSteps(phrase: string): Step[] {
  return phrase
    .split(/\s+/)
    .flatMap((word): Step[] =>
      word === GAP || word === COMMON_GAP
        ? [{ gap: true, common: word === COMMON_GAP }]
        : word.startsWith('=')
          ? [{ gap: false, exact: true, word: word.slice(1).toLowerCase() }]
          : tokenize(word).map((token) => ({ gap: false, exact: false, word: token.stem })),
    );
}

interface CharNode<Name extends string> {
  next: Map<number, CharNode<Name>>;
  /** Where a gap (`…` in the phrase) goes on: after one to CHINESE_GAP characters of no punctuation. */
  gap?: CharNode<Name>;
  /** The lists of the phrase that ends here. */
  names?: Name[];
}

/** A Chinese phrase's gap: "这款…的芯片" is 这款将由三星代工的芯片. */
const GAP_MARK = '…';
const CHINESE_GAP = 16;
/** What a gap may not hold: punctuation, a clause's end. */
const GAP_STOP = /[，,。；;：:！!？?、（）()「」『』“”"\s]/;

/**
 * Chinese phrases as a character trie. Every occurrence of every phrase is found,
 * overlapping ones too ("代工营收" holds "代工"): from each character the trie is walked
 * as far as the sentence follows it, and the phrases ending on the way are reported
 * longest first.
 */
class ChineseTrie<Name extends string> {
  readonly #root: CharNode<Name> = { next: new Map() };
  /** Whether some phrase holds a gap (then a start's ends need sorting). */
  #gaps = false;
  size = 0;

  add(phrase: string, name: Name) {
    let node = this.#root;
    // By UTF-16 code unit, as the sentence is walked (a number key is the cheapest lookup).
    for (let at = 0; at < phrase.length; at++) {
      if (phrase[at] === GAP_MARK) {
        this.#gaps = true;
        node.gap ??= { next: new Map() };
        node = node.gap;
        continue;
      }
      const char = phrase.charCodeAt(at);
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    if (!node.names) this.size++;
    node.names = [...(node.names ?? []), name];
  }

  findAll(sentence: string, found: PhraseMatch<Name>[]) {
    for (let start = 0; start < sentence.length; start++) {
      const ends = this.#walk(sentence, this.#root, start, undefined);
      if (!ends) continue;
      // With gaps, ends come out of order and a phrase may end at one place by two ways: sorted, and each once.
      if (this.#gaps) ends.sort((a, b) => a.end - b.end);
      const seen = this.#gaps ? new Set<string>() : undefined;
      for (let index = ends.length - 1; index >= 0; index--)
        for (const name of ends[index]!.names) {
          if (seen) {
            const key = `${name}@${ends[index]!.end}`;
            if (seen.has(key)) continue;
            seen.add(key);
          }
          found.push({ name, start, end: ends[index]!.end });
        }
    }
  }

  /**
   * The phrases that go on from `from` at `at`, their ends added to `ends` (a gap tried at each of its lengths). Most
   * characters begin no phrase: the list is made only when one ends.
   */
  #walk(
    sentence: string,
    from: CharNode<Name>,
    at: number,
    ends: Array<{ names: Name[]; end: number }> | undefined,
  ): Array<{ names: Name[]; end: number }> | undefined {
    let node: CharNode<Name> | undefined = from;
    for (let end = at; ; ) {
      if (node.gap) {
        const gap = node.gap;
        for (let skip = end + 1; skip <= Math.min(sentence.length, end + CHINESE_GAP); skip++) {
          if (GAP_STOP.test(sentence[skip - 1]!)) break;
          ends = this.#walk(sentence, gap, skip, ends);
        }
      }
      if (end >= sentence.length) return ends;
      node = node.next.get(sentence.charCodeAt(end));
      if (!node) return ends;
      end++;
      if (!node.names) continue;
      ends ??= [];
      ends.push({ names: node.names, end });
    }
  }
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
]);

const sameWord = (token: Token | undefined, step: Step) =>
  token !== undefined && !step.gap && (step.exact ? token.lower === step.word : token.stem === step.word);

/**
 * The index of the last token of `steps` matched from `at`, or undefined. `inEntity` marks the tokens
 * that go on an entity's name begun by the token before: a gap counts a name as one word.
 */
function matchFrom(
  sentence: string,
  tokens: Token[],
  at: number,
  steps: Step[],
  inEntity: readonly boolean[] | undefined,
): number | undefined {
  let position = at;
  const nounPhrase = DETERMINERS.has(tokens[at]?.lower ?? '');
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    if (step.gap) {
      const next = steps[index + 1];
      if (next === undefined || next.gap) return undefined;
      let found = -1;
      // A gap counts words, an entity's name as one ("pushing AI Act high-risk rules back").
      let words = 0;
      let modifiers = 0;
      for (let skip = 1; words < MAX_GAP + 1 && position + skip < tokens.length; skip++) {
        if (!inEntity?.[position + skip]) words++;
        // A phrase that opens with a determiner is one noun phrase: its gap does not run into
        // another ("the company confirmed its chip deal" is not "the ... deal").
        if (skip > 1 && nounPhrase && DETERMINERS.has(tokens[position + skip - 1]!.lower)) break;
        if (sameWord(tokens[position + skip], next)) {
          found = position + skip;
          break;
        }
        const word = tokens[position + skip]!;
        if (step.common && !commonModifier(word, tokens[position + skip + 1])) break;
        // …and at most three modifiers, a compound one word ("the next-generation self-driving chip", "the 2nm
        // chip"): "the new plant now makes chips" is a clause, not a description.
        if (
          step.common &&
          !joinedToPrevious(sentence, word, tokens[position + skip - 1]!) &&
          ++modifiers > MAX_MODIFIERS
        )
          break;
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
