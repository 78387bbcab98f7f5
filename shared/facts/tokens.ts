import { stemmer } from 'stemmer';

/** One English word of a sentence: its place, its lower-case form and its Porter stem. */
export interface Token {
  text: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
}

// An apostrophe belongs to a word only inside it ("Samsung's"), not as a closing quote ("'high risk' AI").
const WORD = /[A-Za-z](?:[A-Za-z]|['’](?=[A-Za-z]))*|\d+(?:\.\d+)?/g;
const stems = new Map<string, string>();
/**
 * The stem of "us" and "US", which Porter gives "use" as well: "two other US chip designers", "told us" use nothing.
 * (No word stems to it.)
 */
const US_STEM = 'u.s.';

/**
 * Irregular English forms, to their lemma before stemming: Porter leaves "built",
 * "held" and "wound" unrelated to "build", "hold" and "wind".
 */
const LEMMAS: Record<string, string> = {
  made: 'make',
  built: 'build',
  held: 'hold',
  won: 'win',
  rose: 'rise',
  risen: 'rise',
  fell: 'fall',
  fallen: 'fall',
  grew: 'grow',
  grown: 'grow',
  took: 'take',
  taken: 'take',
  went: 'go',
  gone: 'go',
  goes: 'go',
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  sought: 'seek',
  chose: 'choose',
  chosen: 'choose',
  got: 'get',
  gotten: 'get',
  struck: 'strike',
  led: 'lead',
  sold: 'sell',
  bought: 'buy',
  paid: 'pay',
  slid: 'slide',
  sank: 'sink',
  sunk: 'sink',
  shot: 'shoot',
  lost: 'lose',
  kept: 'keep',
  spent: 'spend',
  sent: 'send',
  said: 'say',
  told: 'tell',
  came: 'come',
  gave: 'give',
  given: 'give',
  wound: 'wind',
  undertook: 'undertake',
  swung: 'swing',
  drew: 'draw',
  drawn: 'draw',
  froze: 'freeze',
  frozen: 'freeze',
  overtook: 'overtake',
  forecast: 'forecast',
  shut: 'shut',
  set: 'set',
  cut: 'cut',
  hit: 'hit',
  put: 'put',
  quit: 'quit',
  split: 'split',
};

/**
 * The Porter stem of a lower-case word, memoised: news repeats its words, and a
 * map lookup is cheaper than stemming again.
 *
 * @example
 * stemOf('delayed'); // 'delai'
 */
export function stemOf(lower: string): string {
  let stem = stems.get(lower);
  if (stem === undefined) {
    const word = lower.replace(/['’]s$/, '');
    stem = /^\d/.test(lower) ? lower : word === 'us' ? US_STEM : stemmer(LEMMAS[word] ?? word);
    if (stems.size < 50_000) stems.set(lower, stem);
  }
  return stem;
}

/**
 * The English words of a sentence (hyphenated words are split: "mass-produce" is
 * "mass", "produce"); Chinese text is matched as written, elsewhere.
 *
 * @example
 * tokenize('Samsung delayed mass-production').map((t) => t.stem); // ['samsung', 'delai', 'mass', 'product']
 */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(sentence); match; match = WORD.exec(sentence)) {
    const text = match[0];
    const lower = text.toLowerCase();
    tokens.push({ text, lower, stem: stemOf(lower), start: match.index, end: match.index + text.length });
  }
  return tokens;
}
