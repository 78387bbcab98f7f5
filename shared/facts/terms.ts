/**
 * Term lists (aliases, cues) compiled once into regexes. English terms match
 * whole words, case-insensitively; `*` at the end of a term matches any ending
 * (`manufactur*`); spaces match spaces or hyphens. Chinese terms match anywhere.
 */

const CJK = /[\u3400-\u9fff]/;
const WORD_CHAR = 'A-Za-z0-9';

function termPattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '[\\s-]+');
}

/**
 * One regex for a list of terms, longest first so `Samsung Foundry` wins over `Samsung`.
 * Word terms share one boundary check outside their alternation (much faster in V8
 * than a look-behind on every alternative); Chinese terms match anywhere.
 *
 * @example
 * compileTerms(['manufactur*', '代工']).test('Samsung will manufacture AI6'); // true
 */
export function compileTerms(terms: readonly string[]): RegExp {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const words: string[] = [];
  const others: string[] = [];
  for (const term of sorted) {
    const stem = term.endsWith('*');
    const body = termPattern(stem ? term.slice(0, -1) : term);
    if (!CJK.test(term) && /^[A-Za-z0-9].*[A-Za-z0-9*]$|^[A-Za-z0-9]$/.test(term))
      words.push(stem ? `${body}[${WORD_CHAR}]*` : body);
    else others.push(stem ? `${body}[${WORD_CHAR}]*` : body);
  }
  const parts = [
    ...(words.length ? [`(?<![${WORD_CHAR}])(?:${words.join('|')})(?![${WORD_CHAR}])`] : []),
    ...others,
  ];
  return new RegExp(parts.join('|') || '(?!)', 'gi');
}

/** Positions of every match of `pattern` in `text`. */
export function matchPositions(pattern: RegExp, text: string): Array<{ index: number; text: string }> {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((match) => ({ index: match.index, text: match[0] }));
}

/** True when `pattern` matches `text` (safe with the global flag). */
export function hasMatch(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/**
 * A dictionary (canonical name → aliases) compiled to one regex plus a lookup
 * from any matched alias back to its canonical name.
 *
 * @example
 * const foundries = compileDictionary({ TSMC: ['TSMC', '台积电'] });
 * foundries.find('台积电将代工')[0]?.name; // 'TSMC'
 */
export function compileDictionary(dictionary: Record<string, readonly string[]>) {
  const byAlias = new Map<string, string>();
  for (const [name, aliases] of Object.entries(dictionary)) {
    for (const alias of aliases) byAlias.set(alias.toLowerCase(), name);
  }
  const pattern = compileTerms([...Object.values(dictionary).flat()]);
  const lookup = (matched: string): string | undefined => {
    const key = matched.toLowerCase().replace(/[\s-]+/g, ' ');
    if (byAlias.has(key)) return byAlias.get(key);
    for (const [alias, name] of byAlias)
      if (alias.endsWith('*') && key.startsWith(alias.slice(0, -1))) return name;
    return undefined;
  };
  return {
    pattern,
    find(text: string): Array<{ name: string; index: number }> {
      return matchPositions(pattern, text).flatMap((match) => {
        const name = lookup(match.text);
        return name ? [{ name, index: match.index }] : [];
      });
    },
  };
}
export type CompiledDictionary = ReturnType<typeof compileDictionary>;
