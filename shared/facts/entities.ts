import { escapeRegex } from './regex.ts';
/**
 * The entity ruler (spaCy's EntityRuler, in spirit): aliases of typed entities
 * found in a sentence, the longest alias winning, so that "Samsung SDI" is Samsung
 * SDI and never Samsung, and "Stargate UAE" is not the US Stargate. Latin aliases
 * match whole words, case-insensitively; Chinese aliases as written.
 */
export interface EntityDefinition {
  id: string;
  type: string;
  aliases: readonly string[];
  /** For sites: the company that runs it. */
  operator?: string;
  /** Words right after the alias that make it another thing ("Taylor Swift"). */
  notFollowedBy?: readonly string[];
  /** Words right before the alias that make it another thing. */
  notPrecededBy?: readonly string[];
  /**
   * Descriptions that refer to the entity without naming it ("Musk's carmaker", 韩国芯片巨头):
   * found like aliases, but a finding that rests on one is less sure.
   */
  descriptions?: readonly string[];
  /** Descriptions that stand for the entity only in an item that also names it ("the Korean company"). */
  referenceDescriptions?: readonly string[];
  /** Entities whose name anywhere in an item makes its descriptions ambiguous ("the Korean chipmaker" beside SK hynix). */
  unlessNamed?: readonly string[];
}

export interface EntityMention {
  id: string;
  type: string;
  start: number;
  end: number;
  /** Found by a description, not a name. */
  described?: boolean;
  /** Found by a description that needs the entity named elsewhere in the item (referenceDescriptions). */
  referring?: boolean;
}

/** A fab or a place: where things are made or named as made. */
export const isSiteOrPlace = (mention: EntityMention) => mention.type === 'site' || mention.type === 'place';

export interface EntityRuler {
  find(sentence: string): EntityMention[];
  /** True when the text names any entity at all (a cheap pre-check). */
  mentionsAny(text: string): boolean;
  byId: ReadonlyMap<string, EntityDefinition>;
}

const isLatin = (alias: string) => /^[\x20-\x7E’]+$/.test(alias);

/**
 * Compiles entity definitions into one ruler.
 *
 * @example
 * const ruler = entityRuler([{ id: 'Samsung', type: 'company', aliases: ['Samsung', '三星'] }]);
 * ruler.find('三星股价上涨'); // [{ id: 'Samsung', type: 'company', start: 0, end: 2 }]
 */
export function entityRuler(definitions: readonly EntityDefinition[]): EntityRuler {
  const byAlias = new Map<string, EntityDefinition>();
  const descriptions = new Set<string>();
  const referring = new Set<string>();
  for (const definition of definitions) {
    for (const alias of definition.aliases) byAlias.set(alias.toLowerCase(), definition);
    const own = [...(definition.descriptions ?? []), ...(definition.referenceDescriptions ?? [])];
    for (const description of own) {
      // A name wins over a description written the same way.
      if (byAlias.has(description.toLowerCase())) continue;
      byAlias.set(description.toLowerCase(), definition);
      descriptions.add(description.toLowerCase());
    }
    for (const description of definition.referenceDescriptions ?? [])
      referring.add(description.toLowerCase());
  }
  const patterns = aliasPatterns([...byAlias.keys()]).map((source) => new RegExp(source, 'gi'));
  return {
    byId: new Map(definitions.map((definition) => [definition.id, definition])),
    mentionsAny: (text) => {
      const firsts = patterns.flatMap((pattern) => {
        pattern.lastIndex = 0;
        const first = pattern.exec(text);
        return first ? [first] : [];
      });
      return (
        firsts.length > 0 &&
        (firsts.some((first) => !midWord(text, first.index, first[0])) || findMentions(text).length > 0)
      );
    },
    find: findMentions,
  };

  /** Every whole-word match of every pattern; where two overlap, the earlier holds its span (as one pattern's scan did). */
  function aliasMatches(sentence: string): RegExpExecArray[] {
    const all: RegExpExecArray[] = [];
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
        if (midWord(sentence, match.index, match[0])) {
          pattern.lastIndex = match.index + 1;
          continue;
        }
        all.push(match);
      }
    }
    if (patterns.length > 1) all.sort((a, b) => a.index - b.index);
    let end = 0;
    return all.filter((match) => {
      if (match.index < end) return false;
      end = match.index + match[0].length;
      return true;
    });
  }

  function findMentions(sentence: string): EntityMention[] {
    const found: EntityMention[] = [];
    for (const match of aliasMatches(sentence)) {
      const written = aliasKey(match[0]);
      const definition =
        byAlias.get(written) ?? (mayBeRespaced(match[0]) ? aliasFor(byAlias, match[0]) : undefined);
      if (!definition || excluded(definition, sentence, match.index, match.index + match[0].length)) continue;
      found.push({
        id: definition.id,
        type: definition.type,
        start: match.index,
        end: match.index + match[0].length,
        described: descriptions.size > 0 && descriptions.has(written),
        ...(referring.size > 0 && referring.has(written) ? { referring: true } : {}),
      });
    }
    return withNumbersLeftOut(sentence, found);
  }

  /**
   * "Hardware 3 and 4", "AI5 and 6", "HW3/4": a chip's number after "and", "or" or a slash stands for the chip of that
   * number in the same naming — a mention of its own over the number.
   */
  function withNumbersLeftOut(sentence: string, found: EntityMention[]): EntityMention[] {
    if (!/\d\s*(?:and|&|or|\/)\s*\d/i.test(sentence)) return found;
    const added: EntityMention[] = [];
    // (the first may name no chip of the story's: "Hardware 3 and 4")
    for (const pair of sentence.matchAll(NUMBER_LEFT_OUT)) {
      const written = `${pair[1]}${pair[2]}${pair[3]}`;
      const definition = byAlias.get(aliasKey(written));
      if (!definition || definition.type !== 'chip') continue;
      const end = pair.index + pair[0].length;
      const start = end - pair[3]!.length;
      if (found.some((other) => other.start < end && other.end > start)) continue;
      added.push({ id: definition.id, type: 'chip', start, end, described: false });
    }
    return added.length ? [...found, ...added].sort((a, b) => a.start - b.start) : found;
  }
}

/**
 * A chip's name, its number, then another number that leaves the name out: "Hardware 3 and 4", "AI5 and 6", "HW3/4" —
 * then no unit or count ("AI5 and 6 percent").
 */
const NUMBER_LEFT_OUT =
  /\b([A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*)?)(\s?)\d{1,2}\s*(?:and|&|or|\/)\s*(\d{1,2})(?=\s*(?:chips?|processors?|computers?|hardware|boards?|systems?)\b|\s*[,.;:)]|\s*$|\s+(?:at|by|from|in|on|to|will|are|were|have|has|and|both|would|while|with|for)\b)/g;

/** Between an alias's words: a space or hyphen, or none ("AI-5", "AI5"), and a closing quote ("'high risk' AI"). */
const BETWEEN_WORDS = `['"]?[\\s-]?`;

interface AliasNode {
  next: Map<string, AliasNode>;
  /** The longest alias below this node: longer aliases are tried first. */
  longest: number;
  /** Set where an alias ends: what must follow it (a Latin alias ends a word). */
  end?: string;
}

/**
 * One pattern for every alias, shaped as a trie ("samsung(?:['"]?[\s-]?(?:sdi|electronics)|)…"):
 * at each position the regex engine follows one branch instead of trying every alias,
 * and, longer continuations coming first, the longest alias that matches wins, as in a
 * plain alternation sorted by length — except that a word gap, which may match nothing,
 * is tried after the letters ("AI5" would beat an alias "AI 5 chip" on "AI5 chip"; no
 * shipped pair does, and a test holds the pattern to the plain alternation on every
 * labelled sentence).
 */
export function aliasPattern(aliases: string[]): string {
  return branches(aliasTrie(aliases));
}

/**
 * The same trie as several patterns, each of whole first-letter branches and at most `maxChars` long: one regular
 * expression of every alias outgrew what V8 compiles to machine code (past about 20,000 characters it fell back to its
 * interpreter, and finding mentions became five times slower), so the ruler runs a few smaller ones. A name can start
 * in one branch only, so at any position at most one pattern matches, as the one pattern did.
 */
export function aliasPatterns(aliases: string[], maxChars = PATTERN_CHARS): string[] {
  const root = aliasTrie(aliases);
  const chunks: string[][] = [];
  let size = maxChars;
  for (const [unit, child] of [...root.next.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const part = `${unit}${branches(child)}`;
    if (size + part.length > maxChars) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(part);
    size += part.length + 1;
  }
  return chunks.map((parts) => (parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`));
}

/** How long one of the ruler's patterns may be (see aliasPatterns). */
const PATTERN_CHARS = 8_000;

function aliasTrie(aliases: string[]): AliasNode {
  const root: AliasNode = { next: new Map(), longest: 0 };
  for (const alias of aliases) {
    let node = root;
    node.longest = Math.max(node.longest, alias.length);
    for (const unit of aliasUnits(alias)) {
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map(), longest: 0 };
        node.next.set(unit, child);
      }
      child.longest = Math.max(child.longest, alias.length);
      node = child;
    }
    node.end = isLatin(alias) ? '(?![A-Za-z0-9])' : '';
  }
  return root;
}

function aliasUnits(alias: string): string[] {
  return alias
    .split(/(\s+)/)
    .flatMap((part) => (/^\s+$/.test(part) ? [BETWEEN_WORDS] : [...part].map(escapeRegex)));
}

function branches(node: AliasNode): string {
  const parts = [...node.next.entries()]
    // A word gap may match nothing ("AI5" for "AI 5"), so it comes after the letters that
    // continue a longer alias written without one ("AI6芯片" before "AI 6").
    .sort(
      ([unitA, a], [unitB, b]) =>
        Number(unitA === BETWEEN_WORDS) - Number(unitB === BETWEEN_WORDS) || b.longest - a.longest,
    )
    .map(([unit, child]) => `${unit}${branches(child)}`);
  if (node.end !== undefined) parts.push(node.end);
  if (parts.length === 1) return parts[0]!;
  return `(?:${parts.join('|')})`;
}

/** A Latin alias found inside a word ("Intel" in "BIntel") is no mention. */
function midWord(text: string, at: number, matched: string): boolean {
  return at > 0 && /[A-Za-z0-9]/.test(text[at - 1]!) && /^[A-Za-z0-9]/.test(matched);
}

/** A name as written, as the ruler looks it up: in lower case, a quote with spaces or hyphens as one space. */
const aliasKey = (written: string) => written.toLowerCase().replace(/['"]?[\s-]+/g, ' ');

/** An alias as compared whatever its spacing, hyphens, quotes or case ("AI-5", "AI5", "ai 5"). */
const squeeze = (alias: string) => alias.toLowerCase().replace(/['"\s-]+/g, '');

/**
 * Whether a name may be an alias written with other spacing: one with a digit or a separator ("AI-5", "ai 5", "AI5") —
 * not a plain word that only squeezes into one ("models" is no "Model S", "AI models" no Tesla car).
 */
const mayBeRespaced = (written: string) => /\d|[\s'"-]/.test(written);

/** The definition of an alias written with other spacing or hyphens ("AI-5" for "AI5", "AI 5"). */
function aliasFor(byAlias: Map<string, EntityDefinition>, written: string): EntityDefinition | undefined {
  const squeezed = squeeze(written);
  for (const [alias, definition] of byAlias) if (squeeze(alias) === squeezed) return definition;
  return undefined;
}

function excluded(definition: EntityDefinition, sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end, end + 24).toLowerCase();
  const before = sentence.slice(Math.max(0, start - 24), start).toLowerCase();
  return (
    (definition.notFollowedBy ?? []).some((word) => after.trimStart().startsWith(word.toLowerCase())) ||
    ((definition.notPrecededBy ?? []).some((word) => before.trimEnd().endsWith(word.toLowerCase())) &&
      // "guidelines on classifying high-risk AI systems, whose obligations were postponed": the thing itself, in a
      // relative clause of its own, whatever the words before it make of it.
      !OWN_DUTIES_CLAUSE_AFTER.test(sentence.slice(end, end + 40)))
  );
}

/** A relative clause about the thing's own duties or dates: ", whose obligations", ", whose deadline". */
const OWN_DUTIES_CLAUSE_AFTER =
  /^\s*,\s*whose\s+(?:(?:own|new|compliance)\s+)?(?:obligations|rules|requirements|duties|deadlines?|application|start|entry)\b/i;
