import type { Value } from '../model/values.ts';
import { COMMA_CLAUSE_OPENING, CONTRAST_BETWEEN, opensClauseBetween, TIME_CLAUSE_ZH } from './clauses.ts';
import { type EntityMention, isSiteOrPlace } from './entities.ts';
import type { AttributeClass } from './lexicon.ts';
import { keptMentions } from './mentions.ts';
import type { PhraseMatch } from './phrases.ts';
import { type CompiledRule, type CompiledRules, SITE_WORDS } from './rules.ts';
import { findScopes, type Scopes, TRANSACTION_AFTER } from './scope.ts';
import { normaliseText, splitSentences } from './sentences.ts';
import { type Token, tokenize } from './tokens.ts';
import { MONTH_NAME as MONTH_NAME_SOURCE, readDates } from './values/dates.ts';
import { readNodes, readRatios } from './values/measures.ts';
import type { Bound, ValueMention } from './values/mention.ts';
import { readMoney } from './values/money.ts';
import { readPercent } from './values/percent.ts';

/** An item as `analyze` reads it (docs/contracts.md): one JSON object a line. */
export interface AnalyzableItem {
  id: string;
  title: string;
  summary?: string;
  content?: string;
  link?: string;
  published?: string;
  source?: string;
}

/** One sentence's statement about one fact, before it is compared with the baseline. */
export interface Statement {
  factId: string;
  /** The value read, or null when the sentence is about the fact but gives none (or only a denied one). */
  observed: Value | null;
  evidence: string;
  /** 1 for a plain statement; lower when reported, carried over from the title, or far from its verb. */
  confidence: number;
  /** The value is denied, asked, conditional, possible or superseded: `mentioned`. */
  negated: boolean;
  /** "instead of", "solely", "取代": the named entities replace the baseline's rather than adding to them. */
  replaces: boolean;
  /** Entities the sentence names as replaced ("switches from TSMC"). */
  displaced: string[];
  /** Money stated only in a currency other than the baseline's. */
  otherCurrency: boolean;
  /** "at least $16.5B", "up to 20": the value is a bound. */
  bound?: Bound;
  /**
   * The value may confirm the baseline but never change it — `mentioned` when it disagrees: a past
   * transaction ("此前…签署价值165亿美元的协议"; "previously signed a $10 billion deal" may be an older
   * deal since replaced), a value named only as a figure ("the $16.5 billion figure"), an amount read
   * only through a deal its party names (namedDealSpans).
   */
  confirmsOnly?: boolean;
  sentenceIndex: number;
  /** The sentence tells a revision ("now", "has since cut", 如今, 上调): it outranks an earlier sentence's value. */
  revises: boolean;
}

const MAX_EVIDENCE = 500;
/** How far (in characters) a value may stand from the word that relates it to its subject. */
const MAX_DISTANCE = 140;
const REPORTED = 0.8;
const CARRIED = 0.8;
/** Below the default SMS threshold (0.75): a finding read through a description goes by email. */
const DESCRIBED = 0.7;
/** Below the default SMS threshold too: a year counted from a length goes by email. */
const DERIVED = 0.7;
const FAR = 0.9;

/** The item's sentences: the title first, then summary and content, each once. */
export function itemSentences(item: AnalyzableItem): string[] {
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const field of [item.title, item.summary, item.content]) {
    if (!field) continue;
    const split = splitSentences(normaliseText(field));
    for (const raw of field === item.title ? joinExclaimed(split) : split) {
      for (const piece of boundedPieces(raw.trim())) {
        if (piece && !seen.has(piece)) {
          seen.add(piece);
          sentences.push(piece);
        }
      }
    }
  }
  return sentences;
}

/** News sentences are under 500 characters; a longer "sentence" is a list, a table or hostile text. */
const MAX_SENTENCE = 800;

/**
 * A sentence cut into pieces of at most MAX_SENTENCE characters, at a clause mark or space
 * where there is one: reading a sentence costs more than its length (values × mentions), so
 * a 20,000-character run-on must not cost seconds.
 */
function boundedPieces(sentence: string): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE) {
    const head = rest.slice(0, MAX_SENTENCE);
    const cut = Math.max(head.search(/[,，;；][^,，;；]*$/), head.lastIndexOf(' '));
    const at = cut > MAX_SENTENCE / 2 ? cut + 1 : MAX_SENTENCE;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at);
  }
  pieces.push(rest.trim());
  return pieces;
}

/** A headline's "！" is emphasis, not an end: "165億美元！特斯拉與三星簽下晶片大單" is one statement. */
function joinExclaimed(parts: string[]): string[] {
  const joined: string[] = [];
  for (const part of parts) {
    const last = joined.at(-1);
    if (last !== undefined && /[!！]$/.test(last)) joined[joined.length - 1] = `${last} ${part}`;
    else joined.push(part);
  }
  return joined;
}

const FRAME_BREAK =
  /[;；\u2460-\u2473\u2776-\u277F]|，而|，但|，并|，並|，同时|，同時|，(?=[^，。]{1,12}?(?<![规規原准準细細否法])[则則])|, while |, whereas |, but |, and |, unlike | unlike | while | whereas | but | - |——/g;

/**
 * Everything read from one sentence, once, whatever the facts. Entities are read at
 * once (they decide whether anything else is needed); tokens, relation words, scopes,
 * frames and values only when a rule first asks — most sentences of a feed name
 * nothing of the story. A class, not closures: a feed's worth of sentences is read a
 * second, and one shape with methods keeps that cheap.
 */
class SentenceReading {
  readonly mentions: EntityMention[];
  /** Chips named only as the measure of another ("as efficient as AI5"): no subject, no owner. */
  readonly measured: ReadonlySet<EntityMention>;
  readonly ids: Set<string>;
  /** The chips the sentence names, measures aside; and whether they are two different ones. */
  readonly chips: EntityMention[];
  readonly twoChips: boolean;
  /** The site an earlier sentence of the item named last ("its Taylor, Texas fab"). */
  priorSite?: EntityMention;
  /** The chips of the last earlier sentence of the item that named any ("该芯片" stands for one of them). */
  priorChips: readonly EntityMention[] = [];
  #tokens?: Token[];
  #lists?: Map<string, PhraseMatch[]>;
  #relations: PhraseMatch<AttributeClass>[] = [];
  #scopes?: Scopes;
  #frames?: number[];
  #clauseBreaks?: Array<{ start: number; end: number }>;
  readonly #values = new Map<string, ValueMention[]>();
  /** What a sentence is, whatever the rule, computed on first ask (pronoun, topic, dropped-subject cues, kind words). */
  readonly #once = new Map<string, unknown>();

  /** A per-sentence value computed once for every rule that asks. */
  once<T>(key: string, compute: () => T): T {
    if (!this.#once.has(key)) this.#once.set(key, compute());
    return this.#once.get(key) as T;
  }

  constructor(
    readonly text: string,
    readonly index: number,
    private readonly compiled: CompiledRules,
    readonly publishedYear: number | undefined,
    mentions: EntityMention[],
    /** The item's publication day (`YYYY-MM-DD`), when it has one. */
    readonly publishedDay?: string,
  ) {
    this.mentions = mentions;
    this.measured = new Set(
      mentions.filter(
        (mention) =>
          measuredAgainst(text, mention) ||
          // "Tesla will keep Samsung-made AI4 as AI5 arrives": beside another chip, one in a time clause.
          (inTimeClause(text, mention, mentions) &&
            mentions.some((other) => other.type === 'chip' && other.id !== mention.id)),
      ),
    );
    this.ids = new Set(
      mentions.filter((mention) => !this.measured.has(mention)).map((mention) => mention.id),
    );
    this.chips = mentions.filter((mention) => mention.type === 'chip' && !this.measured.has(mention));
    this.twoChips = new Set(this.chips.map((chip) => chip.id)).size > 1;
  }

  /** A comma and a place's region (", Texas"): see CompiledRules.placeTail. */
  get placeTail(): RegExp {
    return this.compiled.placeTail;
  }

  get tokens(): Token[] {
    this.#tokens ??= tokenize(this.text);
    return this.#tokens;
  }

  /** The attribute-class words of the sentence, in order. */
  get relations(): PhraseMatch<AttributeClass>[] {
    this.#listed();
    return this.#relations;
  }

  /** Whether a phrase list (an attribute class, a rule's list) has a match in the sentence. */
  has(list: string): boolean {
    return this.#listed().has(list);
  }

  /** The matches of one of the story's phrase lists (a rule's not, context, anaphora; the site words). */
  phrases(list: string): PhraseMatch[] {
    return this.#listed().get(list) ?? NONE;
  }

  /** The text with each comma between a place and its region made a space (same offsets; see withoutPlaceCommas). */
  get withoutPlaceCommas(): string {
    return this.once('withoutPlaceCommas', () =>
      withoutPlaceCommas(this.text, this.compiled.placeTail, this.mentions),
    );
  }

  get scopes(): Scopes {
    // "is weighing whether to lift spending on its Taylor, Texas complex to $50 billion": a place's
    // ", Texas" ends no clause, so the scopes read the sentence without those commas (same offsets).
    this.#scopes ??= findScopes(this.withoutPlaceCommas, this.tokens);
    return this.#scopes;
  }

  /** Offsets where the sentence breaks into clauses that may speak of different subjects. */
  get frames(): number[] {
    this.#frames ??= [...this.text.matchAll(FRAME_BREAK)].map((match) => match.index);
    return this.#frames;
  }

  /** Where the sentence breaks into the clauses that tell whose foundry is whose (CHIP_CLAUSE_BREAK). */
  get clauseBreaks(): Array<{ start: number; end: number }> {
    this.#clauseBreaks ??= [...this.text.matchAll(CHIP_CLAUSE_BREAK)]
      .filter((match) => match[0] !== '、' || this.#separatesChipClauses(match.index))
      .map((match) => ({ start: match.index, end: match.index + match[0].length }));
    return this.#clauseBreaks;
  }

  /**
   * "AI5台积电代工、AI6交三星": an enumeration comma between two chips' clauses breaks them — not
   * one between the chips themselves ("AI5、AI6由三星代工") or between two foundries.
   */
  #separatesChipClauses(at: number): boolean {
    const before = this.chips.filter((chip) => chip.end <= at).at(-1);
    const after = this.chips.find((chip) => chip.start > at);
    return (
      before !== undefined &&
      after !== undefined &&
      after.start - at <= 8 &&
      // A making or a foundry stands between the chip and the comma: a clause of its own.
      (this.relations.some(
        (match) => match.name === 'makes' && match.start >= before.end && match.end <= at,
      ) ||
        this.mentions.some(
          (mention) => mention.type === 'company' && mention.start >= before.end && mention.end <= at,
        ))
    );
  }

  /** The values of one kind (money, percent, year, node, ratio) the sentence states. */
  values(kind: string): ValueMention[] {
    let found = this.#values.get(kind);
    if (!found) {
      found = this.#read(kind);
      this.#values.set(kind, found);
    }
    return found;
  }

  #read(kind: string): ValueMention[] {
    switch (kind) {
      case 'money':
        return readMoney(this.text);
      case 'percent':
        return readPercent(this.text);
      case 'year':
        return readDates(this.text, this.publishedYear);
      case 'node':
        return readNodes(this.text);
      case 'ratio':
        return readRatios(this.text);
      default:
        return [];
    }
  }

  #listed(): Map<string, PhraseMatch[]> {
    if (!this.#lists) {
      this.#lists = new Map();
      const inEntity = tokensInEntities(this.tokens, this.mentions);
      for (const match of this.compiled.phrases.find(this.text, this.tokens, inEntity)) {
        const same = this.#lists.get(match.name);
        if (same) same.push(match);
        else this.#lists.set(match.name, [match]);
        if (!match.name.includes('#')) this.#relations.push(match as PhraseMatch<AttributeClass>);
      }
    }
    return this.#lists;
  }
}

const NONE: PhraseMatch[] = [];

/**
 * For each token, whether it goes on an entity's name begun before it ("AI Act": "Act"). One pass
 * over tokens and mentions, both in order of position.
 */
function tokensInEntities(tokens: readonly Token[], mentions: readonly EntityMention[]): boolean[] {
  const byStart = [...mentions].sort((a, b) => a.start - b.start);
  const inEntity: boolean[] = new Array(tokens.length);
  let next = 0;
  let reach = -1;
  for (let index = 0; index < tokens.length; index++) {
    const start = tokens[index]!.start;
    while (next < byStart.length && byStart[next]!.start < start)
      reach = Math.max(reach, byStart[next++]!.end);
    inEntity[index] = start < reach;
  }
  return inEntity;
}

/**
 * The sentence with each comma between a place and its region ("Taylor, Texas") made a space — only
 * right after a place or site named ("TSMC, South Korea's Samsung" keeps its comma).
 */
function withoutPlaceCommas(text: string, placeTail: RegExp, mentions: readonly EntityMention[]): string {
  let masked = text;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1))
    if (
      placeTail.test(text.slice(at)) &&
      mentions.some((mention) => mention.end === at && (mention.type === 'site' || mention.type === 'place'))
    )
      masked = `${masked.slice(0, at)} ${masked.slice(at + 1)}`;
  return masked;
}

/**
 * Every statement the item makes about the story's facts, sentence by sentence:
 * entities found by the ruler, relation words by the attribute-class lexicons,
 * values by the typed readers, cues scoped to their clause; a subject named only
 * in the title carries into the sentences after it.
 *
 * @example
 * extractFacts({ id: '1', title: 'Tesla, Samsung sign $16.5 billion chip deal' }, compiled);
 * // [{ factId: 'deal.value', observed: { kind: 'money', amount: 16500000000, currency: 'USD' }, … }]
 */
export function extractFacts(item: AnalyzableItem, compiled: CompiledRules): Statement[] {
  const sentences = itemSentences(item);
  if (!sentences.some((sentence) => compiled.ruler.mentionsAny(sentence))) return [];
  const publishedYear = yearOf(item.published);
  const found = sentences.map((text) => keptMentions(text, compiled.ruler.find(text)));
  const mentions = withoutAmbiguousDescriptions(found, compiled);
  const publishedDay = dayOf(item.published);
  const readings = sentences.map(
    (text, index) =>
      new SentenceReading(text, index, compiled, publishedYear, mentions[index]!, publishedDay),
  );
  // The site the item named last before each sentence, for "The fab will manufacture Tesla's AI6 chips".
  let lastSite: EntityMention | undefined;
  let lastChips: readonly EntityMention[] = [];
  for (const reading of readings) {
    reading.priorSite = lastSite;
    reading.priorChips = lastChips;
    lastSite = [...reading.mentions].reverse().find((mention) => mention.type === 'site') ?? lastSite;
    if (reading.chips.length) lastChips = reading.chips;
  }
  const statements: Statement[] = [];
  for (const reading of readings) {
    const claims: Claim[] = [];
    const title = readings[0]!;
    const before = readings[reading.index - 1] ?? title;
    for (const rule of compiled.rules) {
      // A subject is named here or carried from the sentence before or the title: a rule none of
      // whose subjects those three sentences name can say nothing here (subjectIn would agree).
      if (!rule.rule.subject.some((group) => namedAround(group, reading, before, title))) continue;
      const claim = statementFor(rule, reading, readings, compiled);
      if (claim) claims.push(claim);
    }
    statements.push(...settleSharedValues(claims, reading.text));
  }
  return withDeniedReports(statements, readings, compiled);
}

/**
 * "有韩媒报道称，泰勒工厂投产将推迟至2027年。该公司随即否认上述报道", "…, a Korean daily reported.
 * Samsung denied the report": a later sentence that denies the report it refers back to leaves
 * what the earlier, reported sentences said only mentioned.
 */
function withDeniedReports(
  statements: Statement[],
  readings: SentenceReading[],
  compiled: CompiledRules,
): Statement[] {
  const found = firstDenial(readings);
  if (!found) return statements;
  const denial = found.reading;
  // What the denial's own clause names: "三星表示该报道不实，但确认泰勒工厂将于2026年投产" names Samsung.
  const clause = denialClause(denial.text, found.match);
  const denialMentions = denial.mentions.filter(
    (mention) => mention.start >= clause.start && mention.end <= clause.end,
  );
  // A denial that names who or what it is about reaches only the facts of those: "Samsung denied
  // the report that its Taylor fab would be delayed" leaves Bloomberg's Dojo report standing.
  // A denial by a party of the story alone ("Tesla denied the report") is of the item's report.
  const byPartyAlone =
    denialMentions.length > 0 &&
    denialMentions.every(
      (mention) =>
        (mention.type === 'company' || mention.type === 'person') &&
        compiled.rules.some((rule) => rule.rule.subject.some((group) => group.includes(mention.id))),
    );
  const rulesByFact = new Map(compiled.rules.map((rule) => [rule.fact.id, rule]));
  const about = (factId: string) => {
    const rule = rulesByFact.get(factId);
    return (
      denialMentions.length === 0 ||
      byPartyAlone ||
      denialMentions.some((mention) => rule?.ownIds.has(mention.id))
    );
  };
  return statements.map((statement) =>
    statement.sentenceIndex < denial.index &&
    !statement.negated &&
    readings[statement.sentenceIndex]!.scopes.hedged &&
    about(statement.factId)
      ? { ...statement, negated: true, confidence: 0.3 }
      : statement,
  );
}

/** The first sentence after the title that denies a report, and its first denial pattern. */
function firstDenial(
  readings: SentenceReading[],
): { reading: SentenceReading; match: RegExpExecArray } | undefined {
  for (const reading of readings.slice(1)) {
    const [match] = reportDenials(reading.text);
    if (match) return { reading, match };
  }
  return undefined;
}

/** The clause holding the (first) denial: from the clause mark before it to the turn after it. */
function denialClause(text: string, match: RegExpExecArray): { start: number; end: number } {
  const before = text.slice(0, match.index);
  const start = Math.max(...[...before.matchAll(/[,，;；:：]/g)].map((mark) => mark.index + 1), 0);
  // The clause runs on over commas ("denied the report, published by a local daily, that its Taylor
  // fab…") to a turn ("，但确认…", "but confirmed").
  const after = /，(?:但|而|并|並|同时|同時)|[;；。]|,?\s(?:but|while)\s/.exec(
    text.slice(match.index + match[0].length),
  );
  return { start, end: after ? match.index + match[0].length + after.index : text.length };
}

/**
 * The denials of a report in a sentence, none of them if every one is negated ("Tesla didn't deny
 * the report", 并未否认相关报道).
 */
function reportDenials(text: string): RegExpExecArray[] {
  // Most sentences hold no denial word at all: a cheap test first.
  if (!DENIAL_WORD.test(text)) return [];
  const matches = [...text.matchAll(DENIES_THE_REPORT)];
  const denied = matches.some(
    (match) => !NEGATED_DENIAL_BEFORE.test(text.slice(Math.max(0, match.index - 32), match.index)),
  );
  return denied ? matches : [];
}

/** "didn't deny", "has not yet denied", "would neither confirm nor deny", "declined to deny", 并未否认. */
const NEGATED_DENIAL_BEFORE =
  /(?:\bdid\s+not|\bdidn['’]t|\bdoes\s+not|\bdoesn['’]t|\bhas(?:\s+not|n['’]t)(?:\s+yet)?|\bhave(?:\s+not|n['’]t)(?:\s+yet)?|\byet\s+to|\bnever|\bnot|\bnor|\bneither\s+confirm(?:ed|s)?\s+nor|\bconfirm(?:ed)?\s+or|\brefused\s+to|\bdeclined\s+to|并未|並未|未|没有|沒有|不)\s*$/i;

const DENIAL_WORD =
  /den(?:y|ied|ies)|dismiss|reject|refut|untrue|not true|false|groundless|baseless|inaccurate|unfounded|withdr|retract|pulled|否认|否認|驳斥|駁斥|辟谣|闢謠|澄清|不实|不實|不属实|不屬實|失实|失實|不准确|不準確|不正确|不正確|撤回|撤下/i;

const REPORT_WORDS_ZH = '(?:报道|報導|报导|传闻|傳聞|传言|傳言|消息|说法|說法)';
const DENIES_THE_REPORT = new RegExp(
  [
    `(?:否认|否認|驳斥|駁斥|辟谣|闢謠|澄清)[^。；]{0,12}?(?:上述|相关|相關|该|該|此|这一|這一|这些|這些)${REPORT_WORDS_ZH}`,
    `(?:上述|相关|相關|该|該|此|这一|這一|这些|這些)${REPORT_WORDS_ZH}[^。；]{0,12}?(?:不实|不實|不属实|不屬實|失实|失實|不准确|不準確|并不正确|並不正確)`,
    '\\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted|refutes)\\s+(?:the|that|those|these|such)\\s+(?:reports?|claims?|story|rumou?rs?|speculation)\\b',
    '\\b(?:the|that|those|these|such)\\s+(?:reports?|claims?|story|rumou?rs?)\\s+(?:is|was|are|were)\\s+(?:untrue|not true|false|groundless|baseless|inaccurate|unfounded)\\b',
    '\\b(?:withdrew|withdraws|withdrawn|retracted|retracts|pulled)\\s+(?:the|its|that)\\s+(?:article|report|story)\\b',
    '(?:撤回|撤下)(?:了)?(?:该|該|上述|相关|相關)?(?:报道|報導|文章|稿件)',
  ].join('|'),
  'gi',
);

const namedAround = (
  group: readonly string[],
  reading: SentenceReading,
  before: SentenceReading,
  title: SentenceReading,
) => group.every((id) => reading.ids.has(id) || before.ids.has(id) || title.ids.has(id));

/**
 * A description stands for its entity unless the item names one of the entities it could
 * as well mean ("the Korean chipmaker" in an item naming SK hynix): then it is some other
 * company — never a subject, but still the owner of what follows it ("the Korean
 * chipmaker's shares rose 6.8%" is nobody's move here).
 */
function withoutAmbiguousDescriptions(found: EntityMention[][], compiled: CompiledRules): EntityMention[][] {
  if (!found.some((mentions) => mentions.some((mention) => mention.described))) return found;
  const named = new Set(found.flat().flatMap((mention) => (mention.described ? [] : [mention.id])));
  const ambiguous = (mention: EntityMention) =>
    mention.described &&
    (compiled.ruler.byId.get(mention.id)?.unlessNamed ?? []).some((other) => named.has(other));
  return found.map((mentions) =>
    mentions
      // An epithet right before a name is that name's ("韩国芯片巨头三星电子", "the Korean chipmaker Samsung").
      .filter((mention, index) => !(mention.described && beforeName(mention, mentions[index + 1])))
      .map((mention) =>
        ambiguous(mention) ? { ...mention, id: `${mention.id}?`, type: UNKNOWN_COMPANY } : mention,
      ),
  );
}

const beforeName = (mention: EntityMention, next: EntityMention | undefined) =>
  next !== undefined && !next.described && next.start - mention.end <= 1;

/** The type of an entity nobody can tell: like an affiliate, a company of its own. */
const UNKNOWN_COMPANY = 'affiliate';

/** A statement and where its value was read, so two facts cannot both take one number. */
interface Claim {
  statement: Statement;
  valueAt?: number;
  distance?: number;
  /** Where the relation word the value was read from starts and ends. */
  anchorStart?: number;
  anchorEnd?: number;
  /** Whether that word was read as a volume production (a chip's), not as a place's start. */
  volume?: boolean;
  /** How the fact's sites are all named here: as a source ("from its Texas fab") or a place ("at Samsung Taylor"). */
  siteRole?: 'source' | 'place';
  /** Where those sites stand. */
  sitesAt?: number[];
  /** Whether the fact's chip is bound to that word ("AI6 volume production", "mass production of Tesla's AI6"). */
  chipBound?: boolean;
}

// The site after its maker's name or a determiner ("from its Texas fab", "at Samsung Taylor", "at Samsung's").
const SOURCE_PHRASE_BEFORE = /\b[Ff]rom\s+(?:(?:[Tt]he|[Ii]ts|[A-Z][\w-]*(?:['’]s)?)\s+)?$/;
const PLACE_PHRASE_BEFORE =
  /(?:\b(?:[Aa]t|[Ii]n)\s+(?:(?:[Tt]he|[Ii]ts|[A-Z][\w-]*(?:['’]s)?)\s+)?|在|于|於)$/;

/** How the subject's sites are all named, when there is one: as where things come from, or as a place. */
function siteRoleOf(reading: SentenceReading, positions: number[]): 'source' | 'place' | undefined {
  const sites = sitesOf(reading, positions);
  if (sites.length === 0) return undefined;
  const before = (site: EntityMention) => reading.text.slice(Math.max(0, site.start - 24), site.start);
  if (sites.every((site) => SOURCE_PHRASE_BEFORE.test(before(site)))) return 'source';
  if (sites.every((site) => PLACE_PHRASE_BEFORE.test(before(site)))) return 'place';
  return undefined;
}

function sitesOf(reading: SentenceReading, positions: number[]): EntityMention[] {
  return reading.mentions.filter((mention) => positions.includes(mention.start) && isSiteOrPlace(mention));
}

/** Whether a chip of the subject is bound to a word: right before it ("AI6 volume production") or its "of" object. */
function chipBoundTo(
  reading: SentenceReading,
  positions: number[],
  anchor: { start: number; end: number },
): boolean {
  return reading.mentions.some(
    (mention) =>
      mention.type === 'chip' &&
      positions.includes(mention.start) &&
      (mention.end <= anchor.start
        ? /^\s*(?:['’]s\s+)?(?:chips?\s+)?$/i.test(reading.text.slice(mention.end, anchor.start)) ||
          madeAtThePlaceBefore(reading, mention, anchor)
        : /^\s+of\s+(?:(?:[A-Z][\w-]*['’]s|[Tt]he|[Ii]ts)\s+)?$/.test(
            reading.text.slice(anchor.end, mention.start),
          )),
  );
}

/**
 * "Tesla's AI6 will be built on Samsung's 2nm process at the company's fab in Taylor, Texas, with volume
 * production planned for 2028": the chip made at a place, the word after ", with" is the chip's making.
 */
function madeAtThePlaceBefore(
  reading: SentenceReading,
  chip: EntityMention,
  anchor: { start: number; end: number },
): boolean {
  const place = reading.mentions.findLast(
    (mention) => isSiteOrPlace(mention) && mention.start > chip.end && mention.end <= anchor.start,
  );
  return (
    place !== undefined &&
    WITH_VOLUME_BEFORE.test(reading.text.slice(place.end, anchor.start)) &&
    reading.relations.some(
      (match) => match.name === 'makes' && match.start >= chip.end && match.end <= place.start,
    ) &&
    !/[;:.]/.test(reading.text.slice(chip.end, anchor.start))
  );
}

const WITH_VOLUME_BEFORE = /^[^,]*,\s*with\s+(?:(?:mass|volume|high-volume)\s+)?$/i;

/**
 * One number, one fact: "$16.5 billion chip deal … at Texas plant" gives the deal's
 * value, not the plant's cost. When two facts read the same value mention, the fact
 * whose relation word stands nearer keeps it; the other is left `mentioned`. Read from
 * one word ("samples of Tesla's AI6 from its Texas fab …, ahead of mass production in
 * 2027"), a chip's volume production keeps the year from a fab named only as a place.
 */
function settleSharedValues(claims: Claim[], sentence: string): Statement[] {
  return claims.map((claim) => {
    if (claim.valueAt === undefined || claim.distance === undefined) return claim.statement;
    return claims.some((other) => takesTheValueFrom(other, claim, sentence))
      ? { ...claim.statement, observed: null, confidence: 0.5, negated: false, bound: undefined }
      : claim.statement;
  });
}

/** Whether `other`, reading the same value mention, keeps it from `claim`. */
function takesTheValueFrom(other: Claim, claim: Claim, sentence: string): boolean {
  if (other === claim || other.valueAt !== claim.valueAt || other.distance === undefined) return false;
  // A chip's volume production keeps the year from a site named only as its source or its place.
  if (claim.volume && placeOfTheVolume(other, claim, sentence)) return false;
  if (
    other.volume &&
    !claim.volume &&
    other.anchorEnd !== undefined &&
    (claim.siteRole === 'source' || (claim.siteRole === 'place' && other.chipBound)) &&
    (other.anchorEnd === claim.anchorEnd || placeOfTheVolume(claim, other, sentence))
  )
    return true;
  return other.distance < claim.distance!;
}

/**
 * "Tesla AI6 Mass Production at Samsung Taylor Targeted for 2028": a site named as the place of a chip's
 * volume production ("… production at Samsung Taylor") qualifies it; the word after them ("targeted",
 * "due") is said of the production, not of the site's own start.
 */
function placeOfTheVolume(claim: Claim, other: Claim, sentence: string): boolean {
  const [from, to] = [other.anchorEnd!, claim.anchorStart];
  return (
    other.chipBound === true &&
    claim.siteRole === 'place' &&
    to !== undefined &&
    to > from &&
    claim.sitesAt?.every((at) => at > from && at < to) === true &&
    !/[,;:，；：。]/.test(sentence.slice(from, to))
  );
}

/** The publication day (UTC), from an ISO date or any date `Date` reads ("Tue, 05 Aug 2025 09:00:00 GMT"). */
function dayOf(published: string | undefined): string | undefined {
  if (!published) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  const time = Date.parse(published);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

function yearOf(published: string | undefined): number | undefined {
  const year = published ? Number(published.slice(0, 4)) : Number.NaN;
  return Number.isFinite(year) && year > 1900 ? year : undefined;
}

/** Where the fact's subject stands in the sentence; `carried` when it is only named in the title. */
interface SubjectHere {
  positions: number[];
  carried: boolean;
  /** The subject's names in a list of names and values ("TSMC 70.2%, Samsung 7.3%"), each owning the value right after it. */
  listHeads?: EntityMention[];
  /** How far after a list head its value may stand. */
  listGap?: number;
}

function subjectIn(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
): SubjectHere | undefined {
  const direct = rule.rule.subject.find((group) => group.every((id) => reading.ids.has(id)));
  if (direct && movedSharesReferredToARival(rule, reading, item, direct)) return undefined;
  if (direct && sharesOfAnotherPartner(rule, reading, direct)) return undefined;
  if (direct) {
    return {
      positions: reading.mentions
        .filter((mention) => direct.includes(mention.id))
        .map((mention) => mention.start),
      carried: false,
    };
  }
  if (reading.index === 0) return undefined;
  const previous = item[reading.index - 1]!;
  const anaphor =
    (rule.anaphora ? reading.phrases(rule.anaphora)[0] : undefined) ??
    referenceThroughSentenceBefore(rule, reading, previous);
  // The subject named just before (the sentence before, else the title) carries into this one
  // when this sentence names part of it or refers back to it: "the chip", "the Texas plant", 该芯片.
  for (const earlier of new Set([previous, item[0]!])) {
    const named = rule.rule.subject.filter((ids) =>
      ids.every((id) => earlier.ids.has(id) || reading.ids.has(id)),
    );
    // A group this sentence names part of comes first ("EU" in the title, "high-risk AI" here).
    const group = named.find((ids) => ids.some((id) => reading.ids.has(id))) ?? named[0];
    if (!group) continue;
    const partial = group.some((id) => reading.ids.has(id));
    const sameKindNamed = reading.mentions.some(
      (mention) =>
        !group.includes(mention.id) &&
        // …or an affiliate of a company carried ("a contract signed by Samsung Biologics" after "Samsung").
        (group.some((id) => sameType(earlier, id, mention)) ||
          (mention.type === 'affiliate' &&
            AFFILIATE_AS_PARTY.test(reading.text.slice(0, mention.start)) &&
            group.some((id) =>
              earlier.mentions.some((entry) => entry.id === id && entry.type === 'company'),
            ))) &&
        // "three times as power-efficient as AI5", 能效为AI5的三倍: named to compare, not as the subject.
        !COMPARED_OR_AS.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
        !TIMES_OF_AFTER.test(reading.text.slice(mention.end, mention.end + 12)) &&
        // "The stock had gained 4% … after the company confirmed its chip deal with Samsung": a
        // partner of a share move's subject is not another subject.
        !(rule.rule.ownerAt && anaphor && namedAsPartner(reading, mention.start)),
    );
    if (sameKindNamed || (!anaphor && !partial)) return undefined;
    if (anaphor && referenceTakenByAnother(rule, reading, anaphor, earlier, previous, group, partial))
      return undefined;
    // Every reference word of the rule stands for the subject ("the companies … their $500 billion goal").
    const references = rule.anaphora ? reading.phrases(rule.anaphora).map((match) => match.start) : [];
    const positions = anaphor
      ? [...new Set([anaphor.start, ...references])]
      : reading.mentions.filter((mention) => group.includes(mention.id)).map((mention) => mention.start);
    return { positions: positions.length ? positions : [0], carried: true };
  }
  return undefined;
}

/** An affiliate as a party of its own: opening its sentence, or "signed/won/awarded by" it — not "built by", "while", "lifting". */
const AFFILIATE_AS_PARTY =
  /^\s*(?:[^，,。]{0,6}[，,]\s*)?$|\b(?:signed|agreed|won|awarded|landed|inked|announced)\s+by\s+$/i;

/** A sentence opening with a pronoun's shares: "Its shares had risen", "The company's stock" ("The shares" may be either party's). */
const SHARES_REFERENCE_OPENING = /^\s*(?:its|the\s+company['’]s)\s+(?:shares|stock)\b/i;

/**
 * "Tesla reported deliveries on Thursday. Its shares had risen 4% on July 28 after the Samsung chip
 * deal": a share move's subject named only as the deal's partner or cause, in a sentence that refers
 * back to a rival the sentence before spoke of, is not whose shares moved.
 */
function movedSharesReferredToARival(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
  group: readonly string[],
): boolean {
  if (!rule.rule.ownerAt || reading.index === 0) return false;
  const own = reading.mentions.filter((mention) => group.includes(mention.id));
  const onlyPartner = own.every(
    (mention) =>
      namedAsPartner(reading, mention.start) ||
      DEAL_AFTER.test(reading.text.slice(mention.end, mention.end + 16)),
  );
  if (!onlyPartner || !SHARES_REFERENCE_OPENING.test(reading.text)) return false;
  const previous = item[reading.index - 1]!;
  const topic = previous.once('topic', () => topicOf(previous));
  return topic !== undefined && rule.rivalIds.has(topic.id);
}

/**
 * "The stock had jumped 6.8 percent last July on news of its Tesla contract": a subject named only as the
 * partner of someone else's deal ("its", "their" before it) does not own the shares that moved.
 */
function sharesOfAnotherPartner(
  rule: CompiledRule,
  reading: SentenceReading,
  group: readonly string[],
): boolean {
  if (!rule.rule.ownerAt) return false;
  const own = reading.mentions.filter((mention) => group.includes(mention.id));
  return own.every(
    (mention) =>
      /\b(?:its|their)\s+$/i.test(reading.text.slice(Math.max(0, mention.start - 8), mention.start)) &&
      DEAL_AFTER.test(reading.text.slice(mention.end, mention.end + 16)),
  );
}

/**
 * Whether a reference word in `reading` is to something other than the group `earlier` names.
 * A pronoun or a dropped subject was already resolved through the sentence before ("The unit lost
 * customers to TSMC. Its share…"): only a qualifier before it can make it another's.
 */
function referenceTakenByAnother(
  rule: CompiledRule,
  reading: SentenceReading,
  anaphor: PhraseMatch,
  earlier: SentenceReading,
  previous: SentenceReading,
  group: readonly string[],
  partial: boolean,
): boolean {
  // "而另一家美国厂商的新厂则推迟至2030年", "a rival's new fab": the reference word is another's.
  if (ANOTHER_BEFORE.test(reading.text.slice(Math.max(0, anaphor.start - 12), anaphor.start))) return true;
  if (anaphor.name === PRONOUN) return false;
  return (
    // "在三星泰勒廠進度備受關注之際，SK海力士宣布其…封裝廠正式動工。該廠…": another of the kind
    // named after the subject in the sentence referred to is the nearer one.
    laterOfTheKind(earlier, group, rule) ||
    // "Apple signs Samsung for image sensors … The contract runs through 2030": a reference to a
    // deal of the subject's with someone else.
    anotherPartnerNamed(earlier, group, rule) ||
    // "Tesla-Samsung deal spurs rivals // Hyundai Motor signed its own chip deal with Samsung. The
    // carmaker's contract runs through 2030": another of the kind, named in between, is the one meant.
    (earlier !== previous && namesAnotherOfTheKind(previous, earlier, group, rule)) ||
    // "AI6 … 能效为AI5的三倍。该芯片…": "the chip" is the first chip named before, not every chip.
    (!partial && !firstOfItsKind(earlier, group))
  );
}

/**
 * "Tesla announced a $16.5 billion deal with Samsung. Its shares rose about 4%", "The unit lost
 * customers to TSMC. Its share … dropped to 6.8%": a sentence opening with a pronoun speaks of
 * what the sentence before spoke of first (its topic) or referred to first; a sentence with no
 * subject at all may keep that topic (droppedSubjectFor). Either must be the rule's own subject.
 */
function referenceThroughSentenceBefore(
  rule: CompiledRule,
  reading: SentenceReading,
  previous: SentenceReading,
): PhraseMatch | undefined {
  const pronoun = reading.once('pronoun', () => openingPronoun(reading.text));
  const topic = previous.once('topic', () => topicOf(previous));
  if (!pronoun)
    return droppedSubjectFor(rule, reading, previous, topic)
      ? { name: PRONOUN, start: 0, end: 0 }
      : undefined;
  const referred = rule.anaphora ? previous.phrases(rule.anaphora)[0] : undefined;
  const ownFirst =
    referred !== undefined
      ? topic === undefined || referred.start < topic.start || rule.ownIds.has(topic.id)
      : ownTopic(rule, topic);
  return ownFirst ? { name: PRONOUN, start: pronoun.start, end: pronoun.end } : undefined;
}

const ownTopic = (rule: CompiledRule, topic: EntityMention | undefined) =>
  topic !== undefined && rule.ownIds.has(topic.id) && !rule.rivalIds.has(topic.id);

/**
 * The pronoun a sentence opens with — also after "Musk now says (that)", "On Thursday", "According
 * to X," or 據…統計 — but not "Its rival SK Hynix", 其他/其中, nor an expletive "It is expected that".
 */
function openingPronoun(text: string): { start: number; end: number } | undefined {
  const opening = OPENING_PRONOUN.exec(text);
  if (!opening) return undefined;
  const word = opening[1]!;
  const lead = opening[0].slice(0, -word.length);
  const after = text.slice(opening.index + opening[0].length);
  if (ROLE_AFTER.test(after) || EXPLETIVE_AFTER.test(after)) return undefined;
  // A lower-case "it" only after a lead ("Musk now says it", "On Thursday it").
  if (word[0] === 'i' && !/\S/.test(lead)) return undefined;
  const start = opening.index + lead.length;
  return { start, end: start + word.length };
}

/**
 * "台積電繼續排名第一；市佔率…達到70.2%", "特斯拉AI5芯片由台积电代工。预计2026年底量产": a Chinese
 * sentence that opens with the fact's word and names nothing that could be its own subject keeps
 * the topic of the one before; "Mass production is now expected in 2029" likewise in English.
 * Not when it names someone the ruler does not know ("AMD的MI450", 昇腾910C), opens with a thing
 * named by its kind (小米玄戒芯片), turns to another topic (另一方面, 则), or when the sentence
 * before named a rival ("Samsung will make AI6 in Texas. Mass production … 2027" is the chip's).
 */
function droppedSubjectFor(
  rule: CompiledRule,
  reading: SentenceReading,
  previous: SentenceReading,
  topic: EntityMention | undefined,
): boolean {
  // A rival named in the sentence before takes it — unless only as the place of a making
  // ("马斯克称AI6将在三星泰勒工厂生产。预计2028年量产" is the chip's year).
  // A share move is its topic's whoever its partner ("Samsung lands a Tesla order; shares jump 6.8%").
  const shareMove = rule.rule.relation.some((name) => name === 'share_price' || name === 'stock_move');
  if (
    !shareMove &&
    previous.mentions.some(
      (mention) =>
        rule.rivalIds.has(mention.id) &&
        !placeOfMaking(previous, mention) &&
        !makerOfOwn(rule, previous, mention),
    )
  )
    return false;
  const values = new Set(rule.rule.value.entities ?? []);
  const chinese = reading.once('chinese', () => CHINESE_OPENING.test(reading.text));
  if (chinese) {
    const subjectLike = reading.mentions.some(
      (mention) => mention.type !== 'person' && mention.type !== 'place' && !values.has(mention.id),
    );
    return (
      !subjectLike &&
      // (A speaker and a colon opening it only say who tells it: "马斯克：2028年才会大规模上量".)
      !reading.mentions.some(
        (mention) =>
          mention.start <= 4 &&
          !(mention.type === 'person' && /^\s*[:：]/.test(reading.text.slice(mention.end, mention.end + 2))),
      ) &&
      !reading.once(
        'ownSubjectCue',
        () => unknownLatinName(reading) || TOPIC_SHIFT.test(reading.text) || NAMED_BY_KIND.test(reading.text),
      ) &&
      relationWithin(rule, reading, 14) &&
      ownTopic(rule, topic)
    );
  }
  return (
    reading.mentions.length === 0 &&
    opensWithRelation(rule, reading) &&
    // "Tesla delivered 497,099 vehicles. Shares rose 1.4%": a move with its cause in neither sentence is not the deal's.
    (!rule.context ||
      reading.phrases(rule.context).length > 0 ||
      previous.phrases(rule.context).length > 0) &&
    (ownTopic(rule, topic) ||
      // The subject the sentence before named, not only as its topic ("Tesla has asked Samsung to build
      // its AI6 chip on 1.4nm") — but a share move is its topic's ("Samsung SDI signs a deal with Tesla; shares up 7%").
      (!shareMove && previous.mentions.some((mention) => rule.ownIds.has(mention.id))))
  );
}

/**
 * What a sentence is about: the first thing it names as a subject (a person aside; not after
 * "与…", 在…之際, "unlike"), and of a name run together with the next ("特斯拉AI5芯片", "Tesla's
 * AI5", "三星泰勒厂") the last — the head.
 */
function topicOf(reading: SentenceReading): EntityMention | undefined {
  const candidates = reading.mentions.filter(
    (mention) => mention.type !== 'person' && !reading.measured.has(mention),
  );
  let index = candidates.findIndex(
    (mention) => !NOT_A_TOPIC_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 8), mention.start)),
  );
  if (index < 0) return undefined;
  while (
    index + 1 < candidates.length &&
    /^(?:\s?|['’]s\s|的)$/.test(reading.text.slice(candidates[index]!.end, candidates[index + 1]!.start))
  )
    index++;
  return candidates[index];
}

/**
 * A Chinese sentence opening with something named by its kind ("小米玄戒芯片由台积电代工"): a
 * subject of its own — unless a determiner makes it a reference (首座工厂, 该工厂).
 */
const NAMED_BY_KIND =
  /^[\s"“「]*(?!首座|首个|首個|该|該|这|這|此|其)[\u3400-\u9fffA-Za-z0-9]{1,8}(?:芯片|晶片|处理器|處理器|工厂|工廠|晶圆厂|晶圓廠|公司|集团|集團)/;

/** The fact's relation word stands within the sentence's first `chars` ("预计2026年底量产", "市佔率按季升…"). */
function relationWithin(rule: CompiledRule, reading: SentenceReading, chars: number): boolean {
  return reading.relations.some((match) => rule.rule.relation.includes(match.name) && match.start <= chars);
}

/** "Mass production is now expected in 2029", "Total investment remains pegged at $500 billion". */
function opensWithRelation(rule: CompiledRule, reading: SentenceReading): boolean {
  const first = reading.relations.find((match) => rule.rule.relation.includes(match.name));
  return (
    first !== undefined &&
    /^[\s"“]*(?:(?:the|mass|volume|high-volume|full|commercial|total|initial|planned|overall)\s+)*$/i.test(
      reading.text.slice(0, first.start),
    )
  );
}

/** "Samsung's Taylor fab will make Tesla's AI6 chip": a fab making the subject, not a subject of its own. */
function makerOfOwn(rule: CompiledRule, reading: SentenceReading, mention: EntityMention): boolean {
  return (
    isSiteOrPlace(mention) &&
    reading.mentions.some(
      (own) => rule.ownIds.has(own.id) && own.start > mention.end && objectOfMaking(reading, own.start),
    )
  );
}

/** A site or place named where something is made: "at its Taylor fab", 在三星泰勒工厂, "in Taylor". */
function placeOfMaking(reading: SentenceReading, mention: EntityMention): boolean {
  return (
    isSiteOrPlace(mention) &&
    /(?:(?:\bat|\bin)\s+(?:[\w'’-]+\s+){0,2}|(?:在|于|於)[\u3400-\u9fff]{0,4})$/i.test(
      reading.text.slice(Math.max(0, mention.start - 24), mention.start),
    )
  );
}

/** A Latin-script name in a Chinese sentence that the ruler does not know ("AMD", "MI450", 910C) — not Q4, HBM, nm. */
function unknownLatinName(reading: SentenceReading): boolean {
  for (const match of reading.text.matchAll(LATIN_NAME)) {
    if (COMMON_LATIN.test(match[0])) continue;
    if (
      reading.mentions.some(
        (mention) => mention.start <= match.index && mention.end >= match.index + match[0].length,
      )
    )
      continue;
    return true;
  }
  return false;
}
const LATIN_NAME = /[A-Za-z]*\d+[A-Z][A-Za-z0-9]*|\b[A-Z][A-Za-z0-9]+/g;
const COMMON_LATIN = /^(?:AI|[QH][1-4]|[1-4][QH]|HBM\d*|DRAM|NAND|EUV|GPU|CPU|ASIC|GW|MW|nm|EFLOPS|\d+nm)$/;

const ROLE_AFTER =
  /^\s+(?:[\w-]+\s+)?(?:rivals?|suppliers?|partners?|customers?|peers?|competitors?|parent|subsidiar(?:y|ies)|affiliates?|chief|CEO|chairman|founder)\b|^(?:竞争对手|競爭對手|对手|對手|供应商|供應商|母公司|客户|客戶|子公司)/i;
/** "It is expected that the fab opens in 2026": no pronoun at all. */
const EXPLETIVE_AFTER =
  /^\s+(?:is|was|has been|remains)\s+(?:expected|likely|unlikely|unclear|possible|said|reported|understood|believed)\s+(?:that|whether)\b/i;

const NOT_A_TOPIC_BEFORE =
  /(?:(?:与|與|和|跟|同|对|對|比|较|較|在|于|於|据|據)[\u3400-\u9fff]{0,4}|\bunlike|\blike|\bbesides|\bwith|\bthan|\bfrom|\bafter|\bbefore)\s*$/i;

/** Words that turn a Chinese sentence to another topic; 则 only as "whereas" (not 规则, 原则), 一家 not in 唯一一家. */
const TOPIC_SHIFT =
  /另一|(?<![规規原准準细細否法])[则則]|(?<![唯第每])一家|一座|附近|此外|与此同时|與此同時|相比之下|相較之下|相较之下|反观|反觀|至于|至於|其他|其它/;
/** The name of a reference resolved through the sentence before (a pronoun or a dropped subject). */
const PRONOUN = '#pronoun';
const CHINESE_OPENING = /^[\s"“「『（(]*[\u3400-\u9fff]/;

const OPENING_PRONOUN =
  /^[\s"“'‘]*(?:(?:据|據|根据|根據)[^，,。]{1,24}?(?:统计|統計|数据|數據|显示|顯示|报道|報導|指出)[，,]\s*|According to [^,]{1,40}, |(?:On|In|By|Since|Last|This|Later|Earlier)\s+[\w-]+(?:\s+[\w-]+)?,?\s+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+(?:now\s+)?(?:says|said|expects|believes|thinks)\s+(?:that\s+)?)?(It|Its|it|its|The company(?:['’]s)?|The firm(?:['’]s)?|The shares|The stock|其(?![他它中实實余餘次])|它|该公司|該公司|该股|該股)(?=[\s,，\u3400-\u9fff])/;

/**
 * The group's entity is the first of its type the earlier sentence names: "the chip" is
 * the first chip, "the company" the first company (of a two-company subject, only chips
 * and programmes are checked: "the contract" is both parties').
 */
function firstOfItsKind(earlier: SentenceReading, group: readonly string[]): boolean {
  return group.every((id) => {
    const own = earlier.mentions.find((mention) => mention.id === id);
    if (!own || (group.length > 1 && own.type !== 'chip' && own.type !== 'programme')) return true;
    return earlier.mentions.find((mention) => mention.type === own.type)?.id === id;
  });
}

function sameType(earlier: SentenceReading, id: string, mention: EntityMention): boolean {
  const type = earlier.mentions.find((entry) => entry.id === id)?.type;
  return type !== undefined && type === mention.type && REFERRED_TYPES.has(type);
}

/** A chip or a fab named by a kind word: "Nvidia's Rubin chip", 英伟达新一代芯片, "its Ohio site", 封裝廠. */
const UNKNOWN_CHIP =
  /\b(?!(?:The|Its|Their|This|These|AI)\b)[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?\s+(?:chips?|processors?|GPUs?|accelerators?)\b|(?:新一代|新款|一款|新)(?:芯片|晶片)/g;
const UNKNOWN_SITE =
  /\b(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,2}(?:site|plant|fab|factory|facility)\b|(?:封装厂|封裝廠|新厂|新廠|工厂|工廠|晶圆厂|晶圓廠)/gi;

/** After the group's last mention in the sentence referred to, a chip or fab the ruler does not know. */
function laterOfTheKind(earlier: SentenceReading, group: readonly string[], rule: CompiledRule): boolean {
  const own = earlier.mentions.filter((mention) => group.includes(mention.id));
  const last = own.at(-1);
  if (!last) return false;
  const types = new Set(own.map((mention) => mention.type));
  // Two characters on: the kind word right after the name is the name's own ("泰勒工厂").
  const from = last.end + 2;
  return (
    (types.has('chip') && unknownOfKind(earlier, UNKNOWN_CHIP, rule, from)) ||
    ((types.has('site') || types.has('place')) && unknownOfKind(earlier, UNKNOWN_SITE, rule, from))
  );
}

/**
 * The group is one company of a two-company subject (Samsung of Tesla–Samsung), and the sentence
 * referred to names a company outside the rule: its deal with that one.
 */
function anotherPartnerNamed(
  earlier: SentenceReading,
  group: readonly string[],
  rule: CompiledRule,
): boolean {
  const wider = rule.rule.subject.some(
    (other) => other.length > group.length && group.every((id) => other.includes(id)),
  );
  return (
    wider &&
    earlier.mentions.some(
      (mention) =>
        mention.type === 'company' && !rule.ownIds.has(mention.id) && !earlier.measured.has(mention),
    )
  );
}

/** "而另一家美国厂商的新厂", "a rival's new fab", 竞争对手的新厂 — not 另外， ("moreover"). */
const ANOTHER_BEFORE =
  /(?:(?:另一|另外一|另外[两兩几幾]|其他|其它)[\u3400-\u9fff]{0,8}|(?:竞争对手|競爭對手|对手|對手)的[\u3400-\u9fff]{0,4}|\banother\b[^。.;；,]*|\bother\b[^。.;；,]*|\brivals?['’]s?\b[^。.;；,]*)$/i;

const KIND_NAMES = new Set(['chip', 'site', 'place']);

/**
 * A kind word ("Rubin chip", "packaging plant") from `from` on that is none of the rule's reference
 * words ("the plant", "the chips") and that no chip, site or place the ruler knows stands right
 * before or after ("the fab in Taylor", "泰勒工厂").
 */
function unknownOfKind(reading: SentenceReading, pattern: RegExp, rule: CompiledRule, from = 0): boolean {
  const references = [
    ...(rule.anaphora ? reading.phrases(rule.anaphora) : []),
    ...(rule.rivalAnaphora ? reading.phrases(rule.rivalAnaphora) : []),
  ];
  for (const match of reading.once(pattern.source, () => [...reading.text.matchAll(pattern)])) {
    if (match.index < from) continue;
    const end = match.index + match[0].length;
    if (references.some((reference) => reference.start < end && reference.end > match.index)) continue;
    const named = reading.mentions.some(
      (mention) => mention.end > match.index - 12 && mention.start < end + 12 && KIND_NAMES.has(mention.type),
    );
    if (!named) return true;
  }
  return false;
}

/** Types a reference word picks the nearest of ("the chip", "the plant", "the project"). */
const REFERRED_TYPES = new Set(['chip', 'programme', 'site', 'place']);

/** The sentence between names an entity of the subject's kind that is none of the rule's own. */
function namesAnotherOfTheKind(
  between: SentenceReading,
  earlier: SentenceReading,
  group: readonly string[],
  rule: CompiledRule,
): boolean {
  const types = new Set(group.map((id) => earlier.mentions.find((entry) => entry.id === id)?.type));
  // Another chip or fab the ruler does not know: "Nvidia's Rubin chip", 英伟达新一代芯片, "its Ohio
  // site", "a packaging plant in Indiana" — a kind word not bound to a name the ruler knows.
  if (types.has('chip') && unknownOfKind(between, UNKNOWN_CHIP, rule)) return true;
  if (types.has('site') && unknownOfKind(between, UNKNOWN_SITE, rule)) return true;
  return between.mentions.some(
    (mention) =>
      !rule.ownIds.has(mention.id) &&
      !between.measured.has(mention) &&
      // Another fab's place stands for that fab ("台积电亚利桑那工厂…该厂").
      ((types.has('site') && mention.type === 'place') ||
        (types.has(mention.type) && (REFERRED_TYPES.has(mention.type) || mention.type === 'company'))),
  );
}

function statementFor(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
  compiled: CompiledRules,
): Claim | undefined {
  const title = item[0]!;
  // Cheapest test first: without a word of the fact's relation classes the sentence says nothing of
  // it — unless it lists names and values after one ("Foundry ranking: TSMC 70.2%, …", the title's).
  const relatedHere = related(rule, reading);
  // Lists and continued sentences need the subject named here (and rivals to tell apart).
  const subjectNamed =
    rule.rivalIds.size > 0 && reading.mentions.some((mention) => rule.ownIds.has(mention.id));
  const listed =
    subjectNamed && (relatedHere || headingUpTo(rule, item, reading.index))
      ? listHeadsOf(rule, reading, item)
      : NONE_MENTIONED;
  const continued =
    subjectNamed && !relatedHere && !listed.length ? continuedHeadsOf(rule, reading, item) : NONE_MENTIONED;
  const listHeads = listed.length ? listed : continued;
  if (!rule.rule.adjacentChars && !relatedHere && !listHeads.length) return undefined;
  const found = subjectIn(rule, reading, item);
  if (!found) return undefined;
  const subject = listHeads.length
    ? { ...found, listHeads, listGap: listed.length ? listGapOf(rule, reading, listed) : CONTINUED_GAP_CHARS }
    : found;
  // A word of another subject ("Intel", "Austin") silences the clause group it stands in — not an
  // aside set off by commas from it ("AI6, to be made by Samsung, uses HBM4 memory").
  const notWords = rule.not ? notWordsOf(rule, reading) : NONE;
  if (
    notWords.length &&
    (rule.rule.adjacentChars ||
      (reading.frames.length === 0 && (!readsAsides(rule) || asideMarks(reading).length === 0))) &&
    !reading.relations.some(
      (match) => match.name === 'stock_move' && shelteredEventPiece(rule, reading, match.start, notWords),
    ) &&
    namedDealSpans(rule, reading).length === 0
  )
    return undefined;
  // "'The contract runs through 2030' — Samsung signs image sensor supply deal with Apple": a headline whose
  // subject is named only in a part with a word of another subject speaks of that other subject throughout.
  if (notWords.length && !subject.carried && subjectOnlyInAnothersPart(reading, subject.positions, notWords))
    return undefined;
  // "三星在该领域的份额不足5%": the segment is the one the sentence before named ("7纳米及以下先进制程").
  if (
    reading.index > 0 &&
    ((SEGMENT_REFERENCE.test(reading.text) && SEGMENT_WORDS.test(item[reading.index - 1]!.text)) ||
      (OTHER_MARKET_REFERENCE.test(reading.text) && OTHER_MARKET_WORDS.test(item[reading.index - 1]!.text)))
  )
    return undefined;
  if (rule.context && !hasContext(rule, reading, title, item)) return undefined;
  if (
    rule.rule.value.requiresYear &&
    !reading
      .values('year')
      .some((date) => date.value.kind === 'year' && date.value.value === rule.rule.value.requiresYear)
  )
    return undefined;
  const relations = reading.relations
    .filter((match) => rule.rule.relation.includes(match.name))
    // A deadline moved is a delay for the rules that read it (lexicon: `deadline_delay`).
    .map((match) => (match.name === 'deadline_delay' ? { ...match, name: 'delay' as const } : match))
    // A relation word used in another sense ("by the end of 2024", "pushes companies to comply", "samples delayed").
    .filter((match) => !relationWordOfAnotherSense(reading, match))
    .filter((match) => !amendmentTakesEffect(rule, reading, match))
    .filter((match) => !silencedByNot(rule, reading, match.start))
    .filter((match) => !rivalIsObject(rule, reading, match))
    // "Tesla's AI6 chip will power Optimus robots shipping from 2027": the robots ship, not the chip.
    .filter(
      (match) =>
        match.name !== 'volume_production' ||
        subject.carried ||
        (relationOfSubject(reading, match, subject.positions) &&
          !opensOwnClauseAfter(reading, match, subject.positions)),
    );
  if (relations.length === 0 && !rule.rule.adjacentChars && !listHeads.length) return undefined;
  const evidence =
    reading.text.length > MAX_EVIDENCE ? `${reading.text.slice(0, MAX_EVIDENCE - 1)}…` : reading.text;
  const read = readValue(rule, reading, subject, relations, compiled);
  // "特斯拉股价周五下跌3.5% // 受欧洲8月销量…拖累，特斯拉股价周五收跌3.5%": a headline's move whose lede
  // gives it another cause is that cause's.
  if (
    read?.value &&
    reading.index === 0 &&
    !readsAsides(rule) &&
    !reading.has('deal') &&
    causeToldLater(rule, item, read.value)
  )
    return { statement: statementOf(rule.fact.id, reading.index, evidence, null, 0.5, false) };
  if (!read) {
    if (relations.length === 0) return undefined;
    return { statement: statementOf(rule.fact.id, reading.index, evidence, null, 0.5, false) };
  }
  let confidence = 1;
  if (reading.scopes.hedged) confidence *= REPORTED;
  if (subject.carried) confidence *= CARRIED;
  // "Musk's carmaker signs $16.5bn pact with Korean giant": read through descriptions, less sure than names.
  if (
    reading.mentions.some((mention) => mention.described) ||
    (subject.carried && item.some((other) => other.index < reading.index && describedOnly(other, rule)))
  )
    confidence *= DESCRIBED;
  if (read.far) confidence *= FAR;
  // A date worked out from a length ("delayed by a year from 2026") is less sure than one written.
  if (read.derived) confidence *= DERIVED;
  const statement = statementOf(
    rule.fact.id,
    reading.index,
    evidence,
    read.value,
    read.blocked ? 0.3 : confidence,
    read.blocked,
  );
  statement.replaces = read.replaces ?? false;
  statement.displaced = read.displaced ?? [];
  statement.otherCurrency = read.otherCurrency ?? false;
  if (read.bound) statement.bound = read.bound;
  if (read.confirmsOnly) statement.confirmsOnly = true;
  statement.revises = reading.index > 0 && revisesHere(reading, read.valueAt);
  return {
    statement,
    valueAt: read.valueAt,
    distance: read.distance,
    anchorStart: read.anchorStart,
    anchorEnd: read.anchorEnd,
    volume: read.anchorClass === 'volume_production',
    siteRole: subject.carried ? undefined : siteRoleOf(reading, subject.positions),
    sitesAt: subject.carried ? undefined : sitesOf(reading, subject.positions).map((site) => site.start),
    chipBound:
      read.anchorClass === 'volume_production' &&
      read.anchorStart !== undefined &&
      chipBoundTo(reading, subject.positions, { start: read.anchorStart, end: read.anchorEnd! }),
  };
}

const DEAL_REVISED = new RegExp(
  [
    // "its chip supply agreement with Tesla has grown to", "the contract was expanded"
    // (raised/lifted/boosted only in the passive: "the deal lifted Samsung shares" is its effect.)
    String.raw`\b(?:deal|contract|agreement|order|pact)s?\b(?:\s+[\w'’-]+){0,3}?\s+(?:(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+)?)?(?:expanded|enlarged|grown|grew|widened|amended|extended)|(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:raised|boosted|lifted|increased))\b`,
    // "Tesla widens AI5 orders", "expanded its chip order", "raising the contract's value"
    String.raw`\b(?:expand|enlarg|widen|amend|extend|rais|boost|lift|increas)\w*\s+(?:(?:its|the|their|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?(?:deal|contract|agreement|order|pact)s?\b`,
    '追加(?:订单|訂單|合同|合約)',
    '(?:合同|合约|合約|订单|訂單|协议|協議)[^，。；]{0,8}?(?:扩大|擴大|增至|上调|上調|扩容|擴容)',
    '(?:扩大|擴大)(?:合同|合约|合約|订单|訂單|协议|協議)',
  ].join('|'),
  'i',
);

/** The day a rule's values react to (a deal's announcement), as compiled. */
type EventOfRule = NonNullable<CompiledRule['event']>;

/**
 * Whether a reaction to one event is told as news of it: in an item of the weeks after the event, or
 * dated back to it ("The stock had climbed 4% on July 28", "since late July, when news of its Tesla
 * contract sent it 6.8% higher").
 */
function newsOfTheEvent(event: EventOfRule, reading: SentenceReading): boolean {
  if (reading.publishedDay === undefined || reading.publishedDay <= event.lastDay) return true;
  return namesTheEventMonth(event, reading.text) || RECALLED_MOVE.test(reading.text);
}

/** The event's month, of its year when a year follows ("on July 28", "July 28, 2025" — not "July 30, 2026"). */
function namesTheEventMonth(event: EventOfRule, text: string): boolean {
  return monthMarks(event, text).length > 0;
}

/** Where a sentence names the event's month (of its year). */
function monthMarks(event: EventOfRule, text: string): number[] {
  return eventMonthDays(event, text).sameDay;
}

/** Where a sentence names another day of the event's month, two or more days off ("on July 30"). */
function otherDayMarks(event: EventOfRule, text: string): number[] {
  return eventMonthDays(event, text).otherDay;
}

/** Where a sentence names the event's month (of its year): on the event's day (or the day before), or two or more days off. */
function eventMonthDays(event: EventOfRule, text: string): { sameDay: number[]; otherDay: number[] } {
  const marks: number[] = [];
  const otherDay: number[] = [];
  for (const found of text.matchAll(event.month)) {
    const after = text.slice(found.index + found[0].length);
    const year = /^[^.;。；]{0,8}?((?:19|20)\d{2})/.exec(after)?.[1];
    // "on 29 July 2025, the session after": another day of the month is another day's move.
    const day =
      DAY_AFTER_MONTH.exec(after)?.[1] ??
      DAY_BEFORE_MONTH.exec(text.slice(Math.max(0, found.index - 8), found.index))?.[1];
    // The day before counts too: a Korean Monday's news is a US Sunday's ("confirmed the deal on July 27").
    const sameDay = day === undefined || Number(day) === event.day || Number(day) === event.day - 1;
    if (year !== undefined && Number(year) !== event.year) continue;
    if (sameDay) marks.push(found.index);
    else if (Math.abs(Number(day) - event.day) >= 2) otherDay.push(found.index);
  }
  return { sameDay: marks, otherDay };
}

/** The day of a month written after it ("July 28", 7月28日) or before it ("28 July"). */
const DAY_AFTER_MONTH = /^\s*(\d{1,2})(?!\d|\s*(?:%|％|bn|billion|million))/;
const DAY_BEFORE_MONTH = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$/;

/**
 * "泰勒工厂预计2026年投入运营并为特斯拉生产AI6芯片", "…2026年投产并为特斯拉生产…": a start of the site's own
 * before the making that governs the chip — the site's year, not the chip's.
 */
function startBeforeMaking(reading: SentenceReading, from: number, to: number): boolean {
  const governing = reading.relations.filter((match) => match.name === 'makes' && match.end <= to).at(-1);
  return (
    governing !== undefined &&
    reading.relations.some(
      (match) => match.name === 'production_start' && match.start >= from && match.end <= governing.start,
    )
  );
}

/** A comma or semicolon: the pieces of a sentence one date or cause belongs to. */
const PIECE_BREAK = /[,，;；]/g;

/** The piece of a sentence (between PIECE_BREAK marks) that holds a span. */
function pieceAround(text: string, span: { start: number; end: number }): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  for (const mark of text.matchAll(PIECE_BREAK)) {
    if (mark.index < span.start) from = mark.index + 1;
    else if (mark.index >= span.end) {
      to = mark.index;
      break;
    }
  }
  return { from, to };
}

/**
 * "Samsung Electronics shares, which jumped 6.8% on July 28 after the Tesla deal was announced, fell 2.3%
 * on Tuesday": in an item of the weeks after the event, of two moves the one in the piece that dates it back
 * is the reaction; the other is a later day's. A sentence that dates no piece keeps every move.
 */
function inTheEventsPiece<Mention extends { start: number }>(
  rule: CompiledRule,
  reading: SentenceReading,
  mentions: Mention[],
): Mention[] {
  const event = rule.event;
  if (
    !event ||
    mentions.length < 2 ||
    reading.publishedDay === undefined ||
    reading.publishedDay <= event.lastDay
  )
    return mentions;
  const { pieceOf, dated } = eventPieces(rule, reading);
  const kept = mentions.filter((mention) => dated.has(pieceOf(mention.start)));
  return kept.length > 0 ? kept : mentions;
}

/**
 * The pieces of a sentence (between commas and semicolons) and which of them date back to the event:
 * a piece is the event's when it names the event's month, recalls its news ("when news of", "the deal
 * was announced") or names the deal with its other party ("which soared 6.8% on the Tesla deal") —
 * not for a pluperfect alone ("had slid 2.3% by Tuesday").
 */
function eventPieces(
  rule: CompiledRule,
  reading: SentenceReading,
): { pieceOf: (at: number) => number; dated: ReadonlySet<number> } {
  return reading.once(`eventPieces:${rule.fact.id}`, () => {
    const breaks = [...reading.text.matchAll(PIECE_BREAK)].map((match) => match.index);
    const pieceOf = (at: number) => breaks.filter((offset) => offset < at).length;
    const news = RECALLED_NEWS.exec(reading.text);
    const deals = reading.relations
      .filter((match) => match.name === 'deal')
      .map((match) => pieceOf(match.start));
    const partners = reading.mentions
      .filter((mention) => mention.type === 'company' && rule.rivalIds.has(mention.id))
      .map((mention) => pieceOf(mention.start));
    const dated = new Set([
      ...(rule.event ? monthMarks(rule.event, reading.text).map(pieceOf) : []),
      ...(news ? [pieceOf(news.index)] : []),
      ...deals.filter((piece) => partners.includes(piece)),
    ]);
    // "今年7月28日，三星宣布…合同，当天股价大涨6.8%": a piece told as "that day" goes on with the dated one before it.
    for (let piece = 1; piece <= breaks.length; piece++)
      if (dated.has(piece - 1) && SAME_DAY_OPENING.test(reading.text.slice(breaks[piece - 1]! + 1)))
        dated.add(piece);
    return { pieceOf, dated };
  });
}

/**
 * "Samsung shares have gained about 25% since late July, when they jumped 6.8% on news of the Tesla
 * contract": a share move in a piece dated back to the event, with no word of another cause in that
 * piece, is the recalled reaction — the other pieces' causes ("since") are theirs.
 */
function shelteredEventPiece(
  rule: CompiledRule,
  reading: SentenceReading,
  position: number,
  notWords: readonly PhraseMatch[],
): boolean {
  if (!rule.event || readsAsides(rule)) return false;
  const { pieceOf, dated } = eventPieces(rule, reading);
  const piece = pieceOf(position);
  return dated.has(piece) && !notWords.some((match) => pieceOf(match.start) === piece);
}

/** A piece opening with "that day": 当天, 当日, 同日, "the same day", "that day". */
const SAME_DAY_OPENING = /^\s*(?:当天|當天|当日|當日|同日|(?:on\s+)?(?:that|the\s+same)\s+day\b)/i;

/** The item's own day or week: "today", "this week", 今天, 今日, 本周, 本週. */
const OWN_DAY = /(?<!USA\s)\btoday\b|\b[Tt]his\s+week\b|今天|今日(?!美国|美國|头条|頭條)|本周|本週|这周|這週/;

/** "when news of", "the deal was announced": the event's own news recalled. */
const RECALLED_NEWS =
  /\bwhen\s+(?:the\s+)?news\s+of\b|\b(?:deal|contract|agreement|pact|order|tie-up)\s+(?:was|were|had\s+been)\s+(?:first\s+)?(?:announced|unveiled|disclosed|signed|revealed)\b/i;
/** …and a move told in the pluperfect ("had climbed 4% on July 28"). */
const RECALLED_MOVE = new RegExp(
  `${RECALLED_NEWS.source}|\\bhad\\s+(?:\\w+\\s+)?(?:risen|rose|climbed|jumped|gained|surged|soared|rallied|fallen|fell|dropped|slid|sunk|tumbled)\\b`,
  'i',
);

/**
 * Words that tell a value replaces an earlier one: "Its backers have now raised … to $800 billion",
 * "The venture has since cut that figure", 如今改为2027年.
 */
const REVISION =
  /\b(?:now|has since|have since|had since|instead|revised?|revises|raised?|raises|lift(?:s|ed)?|cuts?|lower(?:s|ed)?|trim(?:s|med)?|boost(?:s|ed)?|slash(?:es|ed)?|pushed back|no longer|restart(?:s|ed|ing)?|resum(?:e|es|ed|ing)|reviv(?:e|es|ed|ing)|delay(?:s|ed)?|postpon(?:e|es|ed)|pushed (?:back|to))\b|现在|現在|如今|目前(?!业界|業界|市场|市場|外界|传出|傳出|有消息)|现已|現已|改为|改為|上调|上調|下调|下調|调高|調高|调降|調降|缩减|縮減|下修|上修|重启|重啟|恢复|恢復|复活|復活|推迟至|推遲至|延后至|延後至|延期至/i;

/**
 * The revision word stands in the clause group of the value, before it: "Its backers have now raised
 * the planned investment to $800 billion" — not a "now" elsewhere in the sentence.
 */
function revisesHere(reading: SentenceReading, valueAt: number | undefined): boolean {
  if (valueAt === undefined) return REVISION.test(reading.text);
  return REVISION.test(reading.text.slice(frameStart(reading, valueAt), valueAt));
}

/** "该领域", "this segment": a segment the sentence before named. */
const SEGMENT_REFERENCE = /该领域|該領域|这一领域|這一領域|\b(?:this|that|the)\s+segment\b/i;
/** "…“晶圆代工2.0”市场…。其中台积电份额…": a market of another definition, which 其中 goes on with. */
const OTHER_MARKET_REFERENCE = /^其中/;
const OTHER_MARKET_WORDS = /(?:晶圆|晶圓)?代工\s*2\.0|\bFoundry\s+2\.0\b/i;
/** Segments of a market, not the market: "7纳米及以下先进制程", "advanced nodes", "AI accelerators". */
const SEGMENT_WORDS =
  /先进制程|先進製程|纳米及以下|奈米及以下|成熟制程|成熟製程|AI加速器|\badvanced[-\s](?:nodes?|process(?:es)?|chips?)\b|\bmature[-\s]nodes?\b|\bAI accelerators?\b|\b\d+\s?nm\s+and\s+below\b/i;

/** The sentence names the fact's subject only through descriptions ("Korean chipmaker … Musk's carmaker"). */
function describedOnly(reading: SentenceReading, rule: CompiledRule): boolean {
  const own = reading.mentions.filter((mention) => rule.ownIds.has(mention.id));
  return own.length > 0 && own.every((mention) => mention.described);
}

/** A statement with every field in one order (one object shape keeps the engine fast). */
function statementOf(
  factId: string,
  sentenceIndex: number,
  evidence: string,
  observed: Value | null,
  confidence: number,
  negated: boolean,
): Statement {
  return {
    factId,
    observed,
    evidence,
    confidence,
    negated,
    replaces: false,
    displaced: [],
    otherCurrency: false,
    sentenceIndex,
    revises: false,
  };
}

/**
 * "start production of Tesla's AI6 at Taylor in 2028", "begin volume output of the chip", 为特斯拉量产AI6芯片:
 * the production is the rival's (the chip's), not the fab's.
 */
// "volume output of Tesla AI6": a capitalised name before the chip is its maker's (so the case is spelt out).
const OBJECT_GAP =
  /^\s*(?:[Oo]f|OF|[Ff]or|FOR)\s+(?:(?:[Tt]he|THE|[Ii]ts|[Tt]heir|[Nn]ext-[Gg]en(?:eration)?|[\w-]+['’]s|[A-Z][\w-]*)\s+)*$/;
/** A Chinese making takes its object right after it: 量产AI6, 生产特斯拉的AI5. */
const OBJECT_GAP_ZH = /^(?:特斯拉的?|其)?$/;

const STATUS_CHANGES = new Set(['delay', 'end', 'cancel', 'restart']);
const RIVAL_DOCUMENTS_BEFORE_ZH =
  /(?<!与|與|和|及|连同|連同)(?:相关文件|相關文件|该指南|該指南|相关指南|相關指南)(?:将|將|也|亦|则|則){0,2}$/;
/** Between a subject and its change: "guidance on high-risk classification slips", "penalties will be delayed". */
const SUBJECT_BEFORE_CHANGE_EN =
  /^\s+(?:(?:on|for|about)\s+(?:[\w-]+\s+){0,4})?(?:(?:has|have|had|is|are|was|were|will|would|could|may|might)\s+(?:been\s+|be\s+)?)?(?:again\s+|also\s+|now\s+|further\s+)?$/i;
const TOPIC_BEFORE_CHANGE_ZH =
  /^的?(?:义务|義務|合规期限|合規期限|期限|宽限期|寬限期|适用日期|適用日期|适用时间|適用時間|生效日期|实施日期|實施日期)?(?:将|將|也|亦|则|則)?$/;
// "pushed back publication of its guidelines": the thing published is the object.
const DIRECT_OBJECT_GAP =
  /^\s*(?:(?:publication|release|adoption|issuance|issuing|publishing)\s+of\s+)?(?:(?:the|its|their)\s+)?$/i;

function rivalIsObject(rule: CompiledRule, reading: SentenceReading, match: PhraseMatch): boolean {
  const rivals = rule.rule.rivals;
  if (!rivals?.length) return false;
  // "aims to begin the volume production of Tesla's AI6 chip at its Taylor, Texas fab": a start whose
  // object is a rival's making is that making's start.
  if (match.name === 'production_start') {
    const making = reading.relations.find(
      (other) =>
        other.name === 'volume_production' &&
        other.start >= match.end &&
        /^\s*(?:the\s+|its\s+)?$/i.test(reading.text.slice(match.end, other.start)),
    );
    if (making && rivalIsObject(rule, reading, making)) return true;
  }
  const objectGap = (start: number) => {
    const gap = reading.text.slice(match.end, start);
    return (
      OBJECT_GAP.test(gap) ||
      OBJECT_GAP_ZH.test(gap) ||
      // "delaying penalties until August 2027": a change of status takes its object right after it.
      (STATUS_CHANGES.has(match.name) && DIRECT_OBJECT_GAP.test(gap))
    );
  };
  // The thing whose date moves stands before the verb: in Chinese "第50条内容标识义务的期限将延至2027年2月";
  // in English as its subject, no own name between ("AI Act guidance on high-risk classification slips again").
  const subjectOfChange = (gap: string, from: number) =>
    TOPIC_BEFORE_CHANGE_ZH.test(gap) ||
    (SUBJECT_BEFORE_CHANGE_EN.test(gap) &&
      !reading.mentions.some(
        (own) => rule.ownIds.has(own.id) && own.start >= from && own.end <= match.start,
      ));
  if (
    STATUS_CHANGES.has(match.name) &&
    reading.mentions.some(
      (mention) =>
        rivals.includes(mention.id) &&
        mention.end <= match.start &&
        subjectOfChange(reading.text.slice(mention.end, match.start), mention.end),
    )
  )
    return true;
  // "但官员表示相关文件将延迟至…": the documents (the rival's, referred back) whose date moves.
  if (
    STATUS_CHANGES.has(match.name) &&
    RIVAL_DOCUMENTS_BEFORE_ZH.test(reading.text.slice(Math.max(0, match.start - 8), match.start))
  )
    return true;
  const next = reading.mentions.find((mention) => mention.start >= match.end && rivals.includes(mention.id));
  // "delays penalties and high-risk AI rules": the rival shares the object with the subject.
  const coordinated = (end: number) =>
    reading.mentions.some(
      (mention) =>
        rule.ownIds.has(mention.id) &&
        mention.start > end &&
        /^[^.;。；]{0,40}?(?:\b(?:and|as\s+well\s+as|along\s+with|together\s+with|plus)\b|&|与|與|和|及)/i.test(
          reading.text.slice(end, mention.start),
        ),
    );
  if (next !== undefined && objectGap(next.start) && !coordinated(next.end)) return true;
  if (!rule.rivalAnaphora) return false;
  const word = reading.phrases(rule.rivalAnaphora).find((found) => found.start >= match.end);
  return word !== undefined && objectGap(word.start);
}

/**
 * Between an amount and its award: a government's words ("in federal CHIPS Act funding", 的联邦补贴) or
 * nothing ("a $6.4 billion grant") — not a place, "with" or 获 ("invest $37 billion in Texas with
 * incentives", 投资370亿美元获补贴 say what the investment got).
 */
const AMOUNT_TO_AWARD =
  /^\s+in\s+(?:(?:federal|U\.?S\.?|government|public|state|CHIPS|Act|direct|grant|subsidy)\s+){0,4}$|^\s*$|^的?(?:联邦|聯邦|政府|美国|美國|芯片法案|晶片法案)?$/i;
/** The award's own nouns (not "support", "fund", "aid", which are verbs as often). */
const AWARD_NOUN =
  /^(?:direct\s+funding|awards?|grants?|subsid(?:y|ies)|incentives?|funding|CHIPS money)$|^[\u3400-\u9fff]+$/i;
/** "funding" alone is what an investment is called too: an award only after a government's word. */
const GOVERNMENT_BEFORE = /\b(?:federal|U\.?S\.?|government|public|state|CHIPS|Act)\s+$/i;

/** "received $6.4 billion in federal CHIPS Act funding", 获得47.5亿美元补贴: money an award word owns. */
function amountOfAnAward(reading: SentenceReading, mention: ValueMention): boolean {
  if (mention.value.kind !== 'money') return false;
  return reading.phrases('award').some((award) => {
    const noun = reading.text.slice(award.start, award.end);
    const gap = reading.text.slice(mention.end, award.start);
    return (
      award.start >= mention.end &&
      AWARD_NOUN.test(noun) &&
      AMOUNT_TO_AWARD.test(gap) &&
      (!/^funding$/i.test(noun) || GOVERNMENT_BEFORE.test(gap))
    );
  });
}

/**
 * A volume production of a rival right after a date ("targets 2027 volume output of Tesla AI6 at
 * Taylor"): the date is the chip's volume, not the fab's start — which "2026年开始生产特斯拉AI6芯片" is.
 */
function rivalsMakingAfter(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  if (!rule.rule.rivals?.length || mention.value.kind !== 'year') return false;
  return reading.relations.some(
    (match) =>
      match.name === 'volume_production' &&
      match.start >= mention.end &&
      // …or with its customer between ("明年为特斯拉量产AI6").
      /^\s{0,2}(?:(?:为|為|替)[\u3400-\u9fff]{1,4}?)?$/.test(reading.text.slice(mention.end, match.start)) &&
      rivalIsObject(rule, reading, match),
  );
}

const NO_DATE_FOR =
  /(?:\bwithout\s+(?:giving\s+|offering\s+|providing\s+|disclosing\s+)?|\bdeclined\s+to\s+(?:give|provide|disclose)\s+|\b(?:gave|giving|offered|provided)\s+no\s+|\bno\s+)(?:a\s+|any\s+)?(?:firm\s+|specific\s+)?(?:date|timeline|timetable|time\s*frame)\s+(?:for|on)\s+(?:the\s+|its\s+)?(?:volume\s+|mass\s+)?$|(?:未|没有|沒有|尚未)(?:给出|給出|透露|公布|说明|說明|披露)(?:具体|具體)?$/i;
/** "pushes/pushed … to" followed by a verb or a name, or pushing "ahead"/"forward": no delay. */
function pushedToANonTime(text: string, match: PhraseMatch): boolean {
  const words = text.slice(match.start, match.end);
  if (!/^push(?:es|ed)\b.*\bto$/i.test(words)) return false;
  const next = /^\s*([A-Za-z]+)/.exec(text.slice(match.end, match.end + 24))?.[1];
  return (
    /\b(?:ahead|forward)\b/i.test(words) ||
    (next !== undefined && (VERB_AFTER_TO.test(next) || (/^[A-Z]/.test(next) && !MONTH_NAME.test(next))))
  );
}
// A production line is a thing built: its start only as the line's own (a start word in the line's clause,
// before "but", "with", "while" or a semicolon: "line in Taylor will start in 2026", "line, which starts next
// year", "lines scheduled to begin"; not "line in 2025, ready for AI6", "line in 2024 but is set to open the fab
// in 2026", "with launch now expected").
const LINE_CLAUSE_END = /\s(?:but|with|while|whereas|and\s+(?:is|will))\s|;|，但/i;
const LINE_START_WORD =
  /\b(?:start|begin|open|launch|operat|come\s+online|on\s+stream|go(?:es)?\s+(?:live|online)|up\s+and\s+running|running\s+(?:by|in|from)\b|complet\w*\s+(?:in|by)\b|online|due\s+(?:to|in)|scheduled|slated)/i;
const productionLineNoStart = (after: string) => {
  if (!/^\s+lines?\b/i.test(after)) return false;
  const stop = after.search(LINE_CLAUSE_END);
  return !LINE_START_WORD.test(after.slice(0, stop >= 0 ? Math.min(stop, 64) : 64));
};

const TIME_AFTER_TO =
  /^\s*(?:(?:the\s+)?(?:late|early|mid|end|year-end|next|this|later|a\s+later|following|autumn|fall|spring|summer|winter|after|beyond)\b|(?:the\s+)?(?:second|first)\s+half\b|(?:the\s+)?(?:first|second|third|fourth)\s+quarter\b|at\s+least\s+(?:(?:19|20)\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?:19|20)\d\d\b|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\d+\s+(?:months?|years?)\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s|$)|[12]H|H[12]\b|Q[1-4])/i;

const SOURCES_TELL_AFTER =
  /^\s+(?:say|said|says|told|tell|familiar|close|with\s+knowledge|briefed|added|confirmed)\b/i;

/**
 * A relation word that, in its sentence, is not the relation its class names — each test is about the words
 * alone, not about the rule reading them.
 */
function relationWordOfAnotherSense(reading: SentenceReading, match: PhraseMatch<AttributeClass>): boolean {
  if (noDateGiven(reading, match)) return true;
  const text = reading.text;
  const word = text.slice(match.start, match.end);
  const before = (chars: number) => text.slice(Math.max(0, match.start - chars), match.start);
  switch (match.name) {
    case 'volume_production':
      // "samples and small-batch production in 2026" is not volume production.
      return isTrialProduction(text, match);
    case 'makes':
      // "as AI5 ramps at TSMC and AI6 heads to Taylor": the ramp of a chip set aside as a time clause is not read.
      if (
        /^ramp/i.test(word) &&
        [...reading.measured].some((chip) => /^\s*$/.test(text.slice(chip.end, match.start)))
      )
        return true;
      // "…, sources say", "people familiar … and sources close to": who tells it, not where chips are sourced.
      if (/^sources$/i.test(word) && SOURCES_TELL_AFTER.test(text.slice(match.end, match.end + 16)))
        return true;
      // "AI5 stays at TSMC", "remains with Samsung", "sticks with TSMC", "reach volume in 2027 at TSMC": a stay
      // at a maker, or volume reached there — not "remains at least two years away", "remains at the design
      // stage", "remains at Samsung's Hwaseong campus", "reach volume in 2027 at the earliest".
      return (
        /^(?:stay|remain|stick|reach|ramp|volume\s+(?:in|at)\b)/i.test(word) &&
        !reading.mentions.some(
          (mention) =>
            mention.type === 'company' &&
            mention.start >= match.end &&
            // (not "either TSMC or Samsung": undecided)
            /^\s*(?:both\s+)?$/i.test(text.slice(match.end, mention.start)) &&
            // "remains at Samsung's Hwaseong campus" is a place of the company's (not "reach volume at TSMC's plant").
            (/^(?:reach|ramp|volume\s)/i.test(word) ||
              !/^['’]s\b/.test(text.slice(mention.end, mention.end + 3))),
        )
      );
    case 'production_start':
      // "approving a second production line … in 2024": a line, a thing built, not production begun
      // (unless the line itself starts: "production line to start in 2026").
      return (
        /^(?:production|output)$/i.test(word) && productionLineNoStart(text.slice(match.end, match.end + 96))
      );
    case 'end':
      // "by the end of 2024": a time, not an ending — nor "until year-end", "by quarter-end".
      return (
        END_OF_TIME.test(text.slice(match.start, match.end + 24)) ||
        /\b(?:year|quarter|month|week|half)[-\s]?$/i.test(before(8))
      );
    case 'delay':
      return (
        // "Tesla shunts Dojo engineers to AI5 chip team": a move to something that is no time.
        (/^(?:shunt|bump|punt)/i.test(word) && !TIME_AFTER_TO.test(text.slice(match.end, match.end + 24))) ||
        // "EU pushes companies to comply", "pushes ahead with plan to apply", "pushes its omnibus to Parliament":
        // pushing someone to do a thing, or a thing somewhere, is no delay (a verb, "ahead/forward" or a name after it).
        pushedToANonTime(text, match) ||
        movedToANonTime(text, match) ||
        // "Tesla AI5 tape-out slips to mid-2026", "samples have been delayed": a milestone's delay, not the production's.
        MILESTONE_BEFORE.test(before(40)) ||
        pushBackAgainst(reading, match)
      );
    case 'restart':
      // "Tesla winds down Dojo 3 again": "again" after an ending repeats the ending, it restarts nothing.
      return pushBackAgainst(reading, match) || endedAgain(reading, match);
    case 'in_force':
      // "gives companies until January 15 to comment on high-risk AI guidelines": a deadline for comments.
      return (
        /^give/i.test(word) &&
        /^[^.;]{0,32}?\b(?:to\s+(?:comment|respond\s+(?:to|on)\s+(?:[\w-]+\s+){0,3}?(?:consultation|questionnaire|survey|call|guidance|guidelines)|submit\s+(?:input|comments|views))|consultations?|comments|feedback)\b/i.test(
          text.slice(match.end, match.end + 48),
        )
      );
    default:
      return false;
  }
}

/**
 * "expects samples by the end of 2026, without giving a date for volume production": no time given — unless
 * the sentence goes on to give it ("no firm timeline for mass production, though Musk expects it in 2028").
 */
function noDateGiven(reading: SentenceReading, match: PhraseMatch): boolean {
  return (
    NO_DATE_FOR.test(reading.text.slice(Math.max(0, match.start - 48), match.start)) &&
    !reading.values('year').some((date) => date.start >= match.end)
  );
}

/** "shifted to 2 December 2027" is a date moved; "moved to the AI Office" is not. */
function movedToANonTime(text: string, match: PhraseMatch): boolean {
  if (!/^(?:shifted|moved)\s+to$/i.test(text.slice(match.start, match.end))) return false;
  const next = text.slice(match.end, match.end + 24);
  // …nor a vote, talks or guidelines moved ("Parliament vote on high-risk AI rules moved to 16 December").
  const before = text.slice(Math.max(0, match.start - 64), match.start);
  return (
    !/^\s*(?:(?:early|mid|late|the\s+end\s+of|end)[-\s]+)?(?:\d|[A-Z][a-z]+\s+\d{4}|[1-4]Q|Q[1-4]|H[12])/.test(
      next,
    ) ||
    // (the process as the verb's subject — "vote on the rules moved to", "talks shifted to" — not a cause before a
    // colon or "after the final vote").
    /\b(?:votes?|talks|trilogues?|meetings?|debates?|hearings?|publication|guidelines?|guidance|consultations?|decisions?|summit)\s+(?:(?:on|over|about|for|of)\b[^.;,:：]*|(?:now\s+|again\s+|also\s+)?(?:(?:was|were|has\s+been|have\s+been|is|are)\s+)?)$/i.test(
      before,
    )
  );
}
const VERB_AFTER_TO =
  /^(?:delay|pause|postpone|comply|prepare|apply|stop|speed|scrap|slash|simplify|make|build|produce|start|begin|adopt|implement|accept|approve|water|roll|loosen|weaken|review|reconsider|rethink|cut|raise|lower|expand|hold|keep|meet|finish|sign|invest|spend|drop|abandon|move|shift)$/i;
const MONTH_NAME = new RegExp(`^${MONTH_NAME_SOURCE}$`);

/** The milestones before volume production: a tape-out, samples (English and Chinese pattern sources). */
const EN_MILESTONES = String.raw`tape-?\s?outs?|samples?|sampling`;
const ZH_MILESTONES = '流片|样品|樣品|送样|送樣';
/** A tape-out or samples right before a delay, perhaps with its auxiliaries ("has been", 再度). */
const MILESTONE_BEFORE = new RegExp(
  String.raw`\b(?:${EN_MILESTONES})\s+(?:(?:has|have|had|is|are|was|were|been|being|will|now|again|also|reportedly|further)\s+){0,3}$|(?:${ZH_MILESTONES})(?:时间|時間|时程|時程)?(?:再度|再次|已|将|將|恐|或)?\s*$`,
  'i',
);
// …whose object is a thing pushed against (a plan, a rule, a law), not a cause ("on cost concerns",
// "on Musk's orders").
const PUSH_BACK_AGAINST =
  /^push(?:es|ed|ing)?\s+back\s+(?:on|against)\s+(?:\S+\s+){0,4}?(?:plans?|rules?|proposals?|polic(?:y|ies)|calls?|demands?|efforts?|moves?|laws?|act|regulations?|mandates?|requirements?|strings|conditions|deadlines?)\b/i;
const PASSIVE_BEFORE = /\b(?:be|been|being|is|are|was|were|get|gets|got)\s+(?:\w+ly\s+)?$/i;

/** An active "push back on/against" — the match itself, or a "back on" restart inside one. */
function pushBackAgainst(reading: SentenceReading, match: PhraseMatch): boolean {
  if (match.name !== 'delay' && match.name !== 'restart') return false;
  const start = reading.text.lastIndexOf('push', match.start);
  if (start < 0 || match.start - start > 8) return false;
  return (
    PUSH_BACK_AGAINST.test(reading.text.slice(start, match.end + 64)) &&
    !PASSIVE_BEFORE.test(reading.text.slice(Math.max(0, start - 16), start))
  );
}

function endedAgain(reading: SentenceReading, match: PhraseMatch): boolean {
  return (
    match.name === 'restart' &&
    /^again$/i.test(reading.text.slice(match.start, match.end)) &&
    reading.relations.some(
      (other) =>
        (other.name === 'end' || other.name === 'cancel' || other.name === 'delay') &&
        other.end <= match.start &&
        !/[,;.，；。]/.test(reading.text.slice(other.end, match.start)),
    )
  );
}

/**
 * "The regulation amending the AI Act was published … and enters into force three days later",
 * 修订条例…于公布后第三天生效: the amending act takes effect, not the provisions it amends — unless a
 * provision of the subject's is named before the verb ("Under the amendment, high-risk rules apply from …",
 * "High-risk obligations, untouched by the amendments, enter into force").
 */
function amendmentTakesEffect(rule: CompiledRule, reading: SentenceReading, match: PhraseMatch): boolean {
  if (match.name !== 'in_force') return false;
  const before = reading.text.slice(0, match.start);
  let amendment = -1;
  // "rules, untouched by the amendments," / "without the amendments": not the amending act itself.
  for (const found of before.matchAll(AMENDMENT))
    if (
      !/\b(?:without|despite|untouched\s+by|before|after|under)\s+(?:the\s+)?$|不受$/i.test(
        before.slice(0, found.index),
      )
    )
      amendment = found.index + found[0].length;
  if (amendment < 0) return false;
  const provisionFrom = (from: number) =>
    reading.mentions.some(
      (mention) =>
        mention.type === 'provision' &&
        rule.ownIds.has(mention.id) &&
        mention.start >= from &&
        mention.end <= match.start,
    );
  // No provision of the subject's before the verb at all, or the amending act as the verb's own subject ("High-risk
  // AI rules: regulation amending AI Act enters into force" — not "修正案通過前 歐盟AI法高風險規則…仍為", nor
  // "…, untouched by the amendments, enter into force").
  return !provisionFrom(0) || (!/[,;:，；：]/.test(before.slice(amendment)) && !provisionFrom(amendment));
}
const AMENDMENT =
  /\b(?:amending\s+(?:regulation|act|law)|(?:regulation|act|law)\s+amending|amendments?)\b|修订条例|修訂條例|修订案|修訂案|修正案|修法/gi;

const END_OF_TIME =
  /^end\s+of\s+(?:the\s+)?(?:\d{4}|year|quarter|month|decade|[1-4]Q|Q[1-4]|first|second|third|fourth|this|next|last|January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/** "samples and small-batch production in 2026" is not volume production. */
const TRIAL_BEFORE =
  /(?:少量|小批量|小量|試|试|樣品|样品|工程|sample|samples|pilot|trial|risk|engineering|limited|small[-\s]batch|initial|first)\s*$/i;

function isTrialProduction(text: string, match: PhraseMatch): boolean {
  return (
    TRIAL_BEFORE.test(text.slice(Math.max(0, match.start - 10), match.start)) ||
    // "今年将生产少量样品", "produce samples": what is produced is samples.
    TRIAL_OBJECT_AFTER.test(text.slice(match.end, match.end + 12)) ||
    // "the first customer samples of Tesla's AI6, which the fab will build …, would ship next year": samples shipped.
    (/^ship/i.test(text.slice(match.start, match.end)) && samplesShip(text.slice(0, match.start)))
  );
}

/**
 * Whether samples are what ships: "samples of Tesla's AI6, which the fab will build …, would ship" — not "After
 * samples this year, Tesla's AI6 is set to ship", "with samples due in late 2026, will ship".
 */
function samplesShip(before: string): boolean {
  const found = SAMPLES_SHIPPED_BEFORE.exec(before);
  if (!found) return false;
  const between = before
    .slice(found.index)
    .replace(/,\s*(?:which|made|built|produced|fabricated|manufactured)\b[^,]*,/i, ' ');
  return (
    !/,/.test(between) &&
    !/\b(?:AI\d|HW\d|the\s+chips?|it)\b/.test(
      between.replace(/^samples?\s+(?:of|for|from)\s+(?:[\w'’-]+\s+){0,3}/i, ''),
    )
  );
}

const TRIAL_OBJECT_AFTER =
  /^(?:少量|小批量|小量|样品|樣品|样片|樣片|工程样品|工程樣品)|^\s*(?:engineering\s+)?samples\b/i;
const SAMPLES_SHIPPED_BEFORE =
  /\bsamples?\b(?:(?!\b(?:and|but|while|volume|volumes|mass|production|output)\b)(?:[^;.]|\.(?=\d)))*\b(?:would|will|to|should|could|may|might|set\s+to|due\s+to|expected\s+to|began|begin|start(?:ed)?\s+to)\s+$/i;

/** "rose about 4 percent on the news", 消息公布当天: a move on the news a sentence before told. */
const ON_THAT_NEWS =
  /\bon\s+(?:the|that|this)\s+(?:news|announcement|disclosure)\b(?!\s+(?:that|of|about|on)\b)|消息(?:公布|傳出|传出)?(?:当天|當天|当日|當日)/i;

function hasContext(
  rule: CompiledRule,
  reading: SentenceReading,
  title: SentenceReading,
  item: SentenceReading[],
): boolean {
  // Weeks after the event, a move with its cause far off in the item is a later day's ("Tesla will split
  // AI5 between TSMC and Samsung, Musk said. … Shares of Samsung rose 1.2% in Seoul on Thursday").
  // Then the cause must be the deal itself, named close by with the other party ("Samsung won a
  // $16.5 billion contract from Tesla. The stock jumped 6.8%") — not another deal ("amid OpenAI & US
  // Stargate deal"), not orders from others, not "Tesla" alone.
  if (rule.event && !newsOfTheEvent(rule.event, reading)) {
    // …and not a revision of it ("has grown to at least $25 billion. Shares rose 2% in Seoul"): a move on that news.
    const namesTheDeal = (other: SentenceReading) =>
      other.has('deal') &&
      !DEAL_REVISED.test(other.text) &&
      other.phrases(rule.context!).length > 0 &&
      other.mentions.some((mention) => mention.type === 'company' && rule.rivalIds.has(mention.id));
    // "the 1.4% drop came on July 30, two days later": dated to another day of the event's month, it is that day's.
    // (A date in another piece dates something else: "the $16.5 billion Tesla contract, signed on July 26".)
    if (
      !namesTheEventMonth(rule.event, reading.text) &&
      otherDayMarks(rule.event, reading.text).some((mark) => {
        const piece = pieceAround(reading.text, { start: mark, end: mark + 1 });
        return reading.relations.some(
          (match) => match.name === 'stock_move' && match.start >= piece.from && match.end <= piece.to,
        );
      })
    )
      return false;
    if (namesTheDeal(reading)) return true;
    // A move dated to a day of the item's own ("三星股價今天收跌2.1%", "本周累计上涨3.4%") is that day's.
    if (OWN_DAY.test(reading.text)) return false;
    // A neighbour that dates its deal back ("…, which jumped 6.8% on July 28 after the Tesla deal") names
    // the cause of that earlier move, not of this one ("Samsung shares fell 2.3% on Tuesday") — unless
    // this one moved "on the news" it told.
    const onThatNews = ON_THAT_NEWS.test(reading.text);
    return [title, item[reading.index - 1] ?? title, item[reading.index + 1] ?? title].some(
      (other) =>
        other !== reading &&
        !(namesTheEventMonth(rule.event!, other.text) && other.has('stock_move') && !onThatNews) &&
        namesTheDeal(other),
    );
  }
  if (reading.phrases(rule.context!).length) return true;
  if (rule.rule.contextInTitle && title.phrases(rule.context!).length) return true;
  if (!rule.rule.contextInItem) return false;
  return item.some((other) => other.phrases(rule.context!).length > 0);
}

interface ReadValue {
  value: Value | null;
  blocked: boolean;
  /** Where a number was read and how far from its relation word (numeric facts only). */
  valueAt?: number;
  distance?: number;
  /** Where the relation word the value was read from stands, and its class. */
  anchorStart?: number;
  anchorEnd?: number;
  anchorClass?: AttributeClass;
  far?: boolean;
  bound?: Bound;
  replaces?: boolean;
  displaced?: string[];
  otherCurrency?: boolean;
  /** The value was worked out, not written: a date counted from a length. */
  derived?: boolean;
  /** It may confirm, never change (Statement.confirmsOnly). */
  confirmsOnly?: boolean;
}

function readValue(
  rule: CompiledRule,
  reading: SentenceReading,
  subject: SubjectHere,
  relations: PhraseMatch<AttributeClass>[],
  compiled: CompiledRules,
): ReadValue | undefined {
  const kind = rule.fact.kind;
  if (kind === 'entities') return readEntities(rule, reading, subject, relations, compiled);
  if (kind === 'status') return readStatus(rule, reading, subject, relations);
  if (kind === 'place') return readPlace(rule, reading, relations, compiled, subject.carried);
  const read = readNumeric(rule, reading, subject, relations);
  return read === undefined && kind === 'year' ? startedByNow(rule, reading, subject, relations) : read;
}

/**
 * "its fab in Taylor, Texas, has started production", 三星泰勒廠本月啟動量產, 已正式投产: a start told by its
 * tense, with no year written, happened by the item's day — its year is the publication's (worked out,
 * so less sure than a year written).
 */
function startedByNow(
  rule: CompiledRule,
  reading: SentenceReading,
  subject: SubjectHere,
  relations: PhraseMatch<AttributeClass>[],
): ReadValue | undefined {
  if (reading.publishedYear === undefined) return undefined;
  const started = relations.find((match) => {
    if (match.name !== 'production_start' || reading.scopes.blockersAt(match.start).length > 0) return false;
    const words = reading.text.slice(match.start, match.end);
    return (
      // One start word, not words far apart ("began building in 2022, will produce", "has begun installing
      // equipment for production"), nor a start of construction (已开工建设).
      !/[\d,，;；]/.test(words) &&
      words.split(/\s+/).length <= 3 &&
      !CONSTRUCTION_START.test(words) &&
      // The start is the subject's, not a rival's ("台積電亞利桑那州半導體廠雖已量產").
      ownedBySubject(rule, reading, match.start, subject) &&
      !NOT_YET_BEFORE.test(reading.text.slice(Math.max(0, match.start - 12), match.start)) &&
      // "waits until Samsung's Taylor fab starts production", "starts production once orders arrive", "typically
      // starts production two years after construction", "starts mass production next month": a present that is
      // no news of a start today.
      !(PRESENT_START.test(words) && (TRIAL_WORD.test(words) || presentNotNow(reading.text, match))) &&
      (STARTED_BEFORE.test(reading.text.slice(Math.max(0, match.start - 24), match.start)) ||
        STARTED_WORD.test(words))
    );
  });
  if (!started) return undefined;
  return {
    value: { kind: 'year', value: reading.publishedYear },
    blocked: false,
    derived: true,
    valueAt: started.start,
    distance: 0,
  };
}

/** Before a Chinese start word: "already", "this month" (已正式投产, 本月啟動量產) — not 正式 alone (正式投产时间再度推迟). */
const STARTED_BEFORE =
  /(?:(?:已经|已經|已|本月|本週|本周|日前|近日)\s*(?:正式)?\s*(?:开始|開始|啟動|启动)?|正式开始|正式開始)\s*$/;
const CONSTRUCTION_START = /开工|開工|动工|動工|开建|開建/;
/** 已接近正式投產, 即将, 预计: a start still to come. */
const NOT_YET_BEFORE =
  /(?:接近|即将|即將|将|將|预计|預計|计划|計劃|準備|准备|有望|可望|力争|力爭|拟|擬|何时|何時|最快|未|\bnear(?:ing|s)?\b|\bclose\s+to\b|\bonce\b|\bwhen\b|\bafter\b|\buntil\b|\bbefore\b|\bif\b|\bas\s+soon\s+as\b|\bunless\b)[^，。,;；]*$/i;
/**
 * A start word in the past or perfect ("began production", "has started operating") — not "will start" —
 * or a headline's present ("Samsung's long-delayed Texas chip plant starts production": it happens now).
 */
const STARTED_WORD = /^(?:began|begun|started|commenced|starts|begins|commences)\b/i;
const PRESENT_START = /^(?:starts|begins|commences)\b/i;
/** "begins trial production": not yet the fab's start of production. */
const TRIAL_WORD = /\b(?:trial|pilot|risk|test)\b/i;
function presentNotNow(text: string, match: PhraseMatch): boolean {
  return (
    NOT_YET_BEFORE.test(text.slice(Math.max(0, match.start - 64), match.start)) ||
    /\b(?:typically|usually|normally|generally|often|always)\s+(?:\w+\s+)?$/i.test(
      text.slice(Math.max(0, match.start - 24), match.start),
    ) ||
    /^[^.;,，。；]{0,48}?\b(?:once|when|whenever|if|unless|as\s+soon\s+as|until|next\s+(?:month|year|quarter|week|spring|summer|autumn|fall|winter)|in\s+\d{4})\b/i.test(
      text.slice(match.end, match.end + 64),
    ) ||
    // "starts production after equipment installation is completed", "only after Tesla commits more volume",
    // "begins production soon" — not "after two-year delay", "two years after breaking ground".
    FUTURE_AFTER.test(text.slice(match.end, match.end + 64))
  );
}
const FUTURE_AFTER =
  /^(?:\s+(?:\w+\s+){0,4}?soon\b(?!-|\s+to\b|\s+after\b)|[^.;,，。；]{0,24}?\b(?:only\s+after|(?<!(?:weeks|months|days|years)\s)after\s+(?!completing|finishing|receiving)(?:[\w'’-]+\s+){0,5}?(?:is|are|gets?|get)\s+(?:fully\s+)?(?:completed|finished|done|approved|signed|finali[sz]ed|qualified|installed|certified|equipped)|(?<!(?:weeks|months|days|years)\s)after\s+(?!completing|finishing|receiving)(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:qualification|approval|tape-?out|sign-?off|certification)\b|after\s+[A-Z][\w-]*\s+(?:finali[sz]es|signs|commits|approves)))/;

/** Where the frame (clause group) of a position starts: the break that opens it, or 0. */
function frameStart(reading: SentenceReading, position: number): number {
  const frame = frameOf(reading, position);
  return frame === 0 ? 0 : reading.frames[frame - 1]!;
}

/**
 * Whether a word of another subject ("Intel", "Austin", "memory") silences a position: one in its
 * clause group, or — in a sentence of one group — on its side of an aside ("Samsung Electronics,
 * which jumped after its Tesla deal in July, slid 3% after weaker memory prices" silences the 3%,
 * not the aside).
 */
function silencedByNot(
  rule: CompiledRule,
  reading: SentenceReading,
  position: number,
  namedDealsShelter = true,
): boolean {
  if (!rule.not) return false;
  const notWords = notWordsOf(rule, reading);
  if (notWords.length === 0) return false;
  if (shelteredEventPiece(rule, reading, position, notWords)) return false;
  if (namedDealsShelter && inNamedDeal(rule, reading, position)) return false;
  if (reading.frames.length)
    return notWords.some((match) => frameOf(reading, match.start) === frameOf(reading, position));
  if (!readsAsides(rule)) return true;
  const side = asideOf(reading, position);
  return notWords.some((match) => asideOf(reading, match.start) === side);
}

/** A dash parting a headline's two halves: " — ", "——", " - ". */
const HEADLINE_DASH = /\s+[—–-]{1,2}\s+|——|(?<=[\u3400-\u9fff”」])—(?=[\u3400-\u9fff“「])/g;

/** Whether the subject is named only in one half of a dash-parted headline, and a word of another subject is too. */
function subjectOnlyInAnothersPart(
  reading: SentenceReading,
  positions: number[],
  notWords: readonly PhraseMatch[],
): boolean {
  if (reading.index !== 0) return false;
  const dashes = [...reading.text.matchAll(HEADLINE_DASH)].map((dash) => dash.index);
  if (dashes.length !== 1) return false;
  const half = (at: number) => (at > dashes[0]! ? 1 : 0);
  const subjectHalf = half(positions[0]!);
  return (
    positions.every((at) => half(at) === subjectHalf) &&
    notWords.some((match) => half(match.start) === subjectHalf) &&
    // (a half that names a chip of the story speaks of it, whatever rival it names: "Tesla picks Samsung over
    // memory rival SK Hynix for AI6 — deal worth $16.5 billion")
    !reading.mentions.some((mention) => mention.type === 'chip' && half(mention.start) === subjectHalf)
  );
}

/** Whether `position` lies in an amount of a deal named by its own party (namedDealSpans). */
const inNamedDeal = (rule: CompiledRule, reading: SentenceReading, position: number) =>
  namedDealSpans(rule, reading).some((span) => span.start <= position && position < span.end);

/** A deal's own noun: the agreement itself, not "worth", "pay" or "win". */
const DEAL_NOUN =
  /^(?:deal|contract|agreement|order|pact|partnership|supply deal|tie-up)s?$|^(?:协议|協議|合同|合约|合約|订单|訂單|大单|大單|交易)$/i;
/** "contract to make Tesla's …", "deal with Tesla": the party named right after the deal. */
const PARTY_AFTER_DEAL = /^\s+(?:to\s+(?:make|supply|build|produce|manufacture)|with|from|for)\s+/i;
/** The words after a deal that may tell what it is for, to the clause's end (in a Chinese headline, a space). */
const DEAL_TAIL = /^(?:[^,;.，。；\s]|\s(?![\u3400-\u9fff])(?<![\u3400-\u9fff]\s)){0,24}/;
/** What may stand between an owner and its amount: a possessive ("Tesla's $16.5B"), 的, nothing. */
const OWNER_TO_AMOUNT = /^(?:['’]s?|的)?\s?$/;

/**
 * "a second U.S. win for Samsung after its $16.5 billion contract to make Tesla's AI6 chips" beside
 * Apple's image sensors, 三星斩获特斯拉165亿美元大单后 传再获高通订单: an amount in a deal that a party of
 * the rule names as its own ("Tesla's $16.5B deal", "$16.5B Tesla contract", 特斯拉165亿美元大单) may be
 * that deal's, whatever another part of the sentence is about — unless another company stands before,
 * inside or after it ("Tesla's $7 billion deal with Panasonic") or a word of another thing inside or
 * right after it ("Tesla's $4.3B battery deal"). Other deals of the same parties (memory, batteries)
 * are named the same way, so a value read only through this shelter confirms, never changes.
 */
function namedDealSpans(rule: CompiledRule, reading: SentenceReading): Array<{ start: number; end: number }> {
  if (rule.fact.kind !== 'money' || !rule.rule.relation.includes('deal')) return [];
  return reading.once(`namedDeals:${rule.fact.id}`, () => {
    const notWords = rule.not ? notWordsOf(rule, reading) : NONE;
    return numericMentions(rule, reading).flatMap((amount) => {
      const noun = reading
        .phrases('deal')
        .find((match) => match.start >= amount.end && match.start - amount.end <= 12);
      if (!noun || !DEAL_NOUN.test(reading.text.slice(noun.start, noun.end))) return [];
      const owner = reading.mentions.findLast((mention) => mention.end <= amount.start);
      const ownerBefore =
        owner !== undefined && OWNER_TO_AMOUNT.test(reading.text.slice(owner.end, amount.start));
      const inside = reading.mentions.filter(
        (mention) => mention.start >= amount.end && mention.end <= noun.start,
      );
      const partyAfter = PARTY_AFTER_DEAL.exec(reading.text.slice(noun.end, noun.end + 24));
      const after =
        partyAfter === null
          ? undefined
          : reading.mentions.find((mention) => mention.start === noun.end + partyAfter[0].length);
      const party = after !== undefined && rule.ownIds.has(after.id);
      // "Tesla's $7 billion deal with Panasonic": another party named after the deal makes it another deal.
      const otherParty = after !== undefined && !rule.ownIds.has(after.id) && OWNER_TYPES.has(after.type);
      const named =
        party ||
        (ownerBefore && rule.ownIds.has(owner.id)) ||
        inside.some((mention) => rule.ownIds.has(mention.id));
      const start = ownerBefore ? owner.start : amount.start;
      // "Samsung SDI lands Tesla's $2.1B order": the company before the deal is its other party;
      // "order for ESS batteries": a word of another thing right after it tells what it is for.
      const lead = reading.mentions.findLast(
        (mention) =>
          (mention.type === 'company' || mention.type === 'affiliate') &&
          mention.end <= start &&
          !clauseMarkBetween(reading, mention.end, start),
      );
      const tail = noun.end + DEAL_TAIL.exec(reading.text.slice(noun.end))![0].length;
      if (
        !named ||
        otherParty ||
        (ownerBefore && !rule.ownIds.has(owner.id)) ||
        (lead !== undefined && !rule.ownIds.has(lead.id)) ||
        inside.some((mention) => !rule.ownIds.has(mention.id)) ||
        notWords.some((match) => match.start < tail && match.end > start)
      )
        return [];
      return [{ start, end: noun.end }];
    });
  });
}

/**
 * Whether a later sentence tells the same value with a word of another cause around it — and does
 * not date it back to the event ("closed up 6.8%, the highest since last September, after the
 * Tesla deal" is still the reaction).
 */
function causeToldLater(rule: CompiledRule, item: SentenceReading[], value: Value): boolean {
  return item.some(
    (later) =>
      later.index > 0 &&
      // Cheapest first: a sentence with no word of another cause tells none.
      notWordsOf(rule, later).length > 0 &&
      eventPieces(rule, later).dated.size === 0 &&
      numericMentions(rule, later).some(
        (mention) => numberOf(mention.value) === numberOf(value) && silencedByNot(rule, later, mention.start),
      ),
  );
}

/**
 * A rule's not-words in a sentence — but not a "since" that measures a superlative ("rose 6.8%, the
 * most since September", 创去年9月以来最大单日涨幅): that dates a record, not another cause.
 */
function notWordsOf(rule: CompiledRule, reading: SentenceReading): readonly PhraseMatch[] {
  // Asked for every candidate value of a share move: read once per sentence and rule.
  return reading.once(`notWords:${rule.fact.id}`, () =>
    reading
      .phrases(rule.not!)
      .filter(
        (match) =>
          !(
            SINCE_WORD.test(reading.text.slice(match.start, match.end)) &&
            (SUPERLATIVE_BEFORE.test(reading.text.slice(Math.max(0, match.start - 32), match.start)) ||
              SUPERLATIVE_AFTER.test(reading.text.slice(match.end, match.end + 12))) &&
            !sinceTheEvent(rule, reading, match)
          ),
      ),
  );
}

/**
 * "their biggest gain since the Tesla deal was announced", 创7月以来最大单日涨幅: a record counted from
 * the event itself is a later day's move.
 */
function sinceTheEvent(rule: CompiledRule, reading: SentenceReading, since: PhraseMatch): boolean {
  const english = /^since$/i.test(reading.text.slice(since.start, since.end));
  const point = english
    ? /^[^,.;，。；]{0,40}/.exec(reading.text.slice(since.end))![0]
    : /[^,.;，。；]{0,16}$/.exec(reading.text.slice(0, since.start))![0];
  return (
    (rule.event !== undefined && monthMarks(rule.event, point).length > 0) ||
    /\b(?:deal|contract|agreement|pact|order|announcement)\b|签约|簽約|签署|簽署|合同|合约|合約|协议|協議|订单|訂單/i.test(
      point,
    )
  );
}

const SINCE_WORD = /^(?:since|以来|以來)$/i;
const SUPERLATIVE_BEFORE =
  /\b(?:the\s+)?(?:most|biggest|largest|best|highest|strongest|sharpest|steepest)\b[^.;,，；。]{0,20}$/i;
const SUPERLATIVE_AFTER = /^[^，,。；;]{0,4}?(?:最大|最高|最多|最佳|最强|最強|新高)/;

/**
 * A share move's not-words are its other causes ("rose 3% on Monday, as memory prices climbed"): for
 * a move, an aside is no shelter from them.
 */
const readsAsides = (rule: CompiledRule) => !rule.rule.relation.includes('stock_move');

/** Commas that set off an aside: ", to be made by Samsung,", "，由三星代工，". */
function asideMarks(reading: SentenceReading): number[] {
  return reading.once('asides', () =>
    [...reading.text.matchAll(ASIDE_OPENING)].flatMap((match) => {
      // The aside closes at the next comma; one never closed is no aside — except a cause, which
      // may run to the end (", as demand for AI accelerators … filled its advanced lines").
      const close = reading.text.slice(match.index + 1).search(/[,，]/);
      if (close >= 0) return [match.index, match.index + 1 + close];
      return CAUSE_OPENING.test(match[0]) ? [match.index, reading.text.length] : [];
    }),
  );
}

const ASIDE_OPENING =
  /[,，]\s*(?:(?=(?:to\s+be|which|that|made|built|produced|set|due|expected)\b|由|将|將)|(?:as|because|thanks\s+to|amid|driven\s+by)\b)/gi;
const CAUSE_OPENING = /(?:as|because|thanks\s+to|amid|driven\s+by)$/i;

/** Which side of the asides a position falls on: inside one (odd) or outside (even). */
function asideOf(reading: SentenceReading, position: number): number {
  let side = 0;
  for (const at of asideMarks(reading)) if (at <= position) side++;
  return side % 2;
}

/** The frame (clause group) a position falls in. */
function frameOf(reading: SentenceReading, position: number): number {
  let frame = 0;
  for (const at of reading.frames) if (at <= position) frame++;
  return frame;
}

function numericMentions(rule: CompiledRule, reading: SentenceReading): ValueMention[] {
  if (rule.readExtra) return rule.readExtra(reading.text);
  const kind = rule.fact.kind === 'year' ? 'year' : rule.fact.kind;
  return reading.values(kind).filter((mention) => mention.value.kind === rule.fact.kind);
}

/** Whether a sentence has a word of the fact's relation classes. */
function related(rule: CompiledRule, sentence: SentenceReading): boolean {
  for (const name of rule.rule.relation) if (sentence.has(name)) return true;
  return false;
}

/** Whether a sentence up to `index` (the title first) heads a list: a relation or ranking word. */
function headingUpTo(rule: CompiledRule, item: SentenceReading[], index: number): boolean {
  for (let at = 0; at <= index; at++) if (item[at]!.has('ranking') || related(rule, item[at]!)) return true;
  return false;
}

/**
 * Between a name and its value in a list: "TSMC 70.2%", "Samsung (7.3%)", "Samsung at 7.3%", 三星以7.1%,
 * "Samsung slips to 7.3%", 三星則滑落至6.8%.
 */
const LIST_GAP =
  /^\s*(?:则|則|也|亦|also\s+|then\s+)?(?:[:：(（]|(?:ranked|ranks|came|comes|placed|stood)\s+(?:first|second|third|fourth|fifth|\w+)\s+(?:with|at)\b|at\b|with\b|以|为|為|(?:晶圆代工|晶圓代工|代工)?(?:市占率?|市场份额|市場份額|份额|份額)(?:为|為|达|達|(?:小幅|大幅)?(?:回升|上升|升|降|下滑|回落|滑落|跌)(?:至|到))?|(?:小幅|大幅)?(?:回升|上升|升|降|下滑|回落|滑落|跌)(?:至|到)|(?:slip(?:s|ped)?|f[ae]ll?s?|rises?|rose|climb(?:s|ed)?|dip(?:s|ped)?|drop(?:s|ped)?|edg(?:es|ed)\s+(?:up|down)|grows?|grew)\s+to\b|(?:holds?|held|stays?|stayed)\s+at\b)?\s*$/i;
const LIST_GAP_CHARS = 16;
/**
 * A rank between a name and its value, longer than a list's gap: "Samsung Electronics ranked second
 * with 6.5%", "Samsung was second at 7.7%", "Samsung, in second place, with 6.8%".
 */
const RANKED_GAP =
  /^\s*(?:,\s*)?(?:(?:was|is|remained|remains|stayed|stays|ranked|ranks|came|comes|placed|finished|stood)\s+)?(?:in\s+)?(?:second|third|fourth|fifth|No\.\s?[2-5])(?:\s+place)?\s*,?\s*(?:with|at)\s*$/i;
const RANKED_GAP_CHARS = 32;

/** How far after its list heads a value may stand: a rank's gap when one of them has it. */
function listGapOf(rule: CompiledRule, reading: SentenceReading, heads: EntityMention[]): number {
  const values = numericMentions(rule, reading);
  const ranked = heads.some((head) =>
    values.some(
      (value) =>
        value.start >= head.end &&
        value.start - head.end > LIST_GAP_CHARS &&
        listGapBetween(reading.text.slice(head.end, value.start)),
    ),
  );
  return ranked ? RANKED_GAP_CHARS : LIST_GAP_CHARS;
}

/** Whether the text between a name and a value is a list's gap or a rank's. */
const listGapBetween = (between: string) =>
  (between.length <= LIST_GAP_CHARS && LIST_GAP.test(between)) ||
  (between.length <= RANKED_GAP_CHARS && RANKED_GAP.test(between));

/**
 * A list of names each directly followed by its value ("TSMC 70.2%, Samsung 7.3%, SMIC 5.1%",
 * 台积电 70.7%｜三星 7.1%), when at least two of the fact's subject and rivals head a value of
 * the fact's kind — in this sentence or the ones beside it, a list cut at its semicolons
 * being several sentences: the subject's mentions here that do. Each value is its name's.
 */
function listHeadsOf(rule: CompiledRule, reading: SentenceReading, item: SentenceReading[]): EntityMention[] {
  const { ownIds, rivalIds } = rule;
  // The caller has seen the subject named here and the rule's rivals; a cheap test first: two
  // names of the list here or beside.
  if (!NUMERIC_KINDS.has(rule.fact.kind)) return NONE_MENTIONED;
  const beside = [item[reading.index - 1], item[reading.index + 1]].filter(
    (other): other is SentenceReading => other !== undefined && other.index > 0,
  );
  const named = (mention: EntityMention) => ownIds.has(mention.id) || rivalIds.has(mention.id);
  const names = new Set(
    [reading, ...beside].flatMap((other) => other.mentions.filter(named).map((mention) => mention.id)),
  );
  if (names.size < 2) return NONE_MENTIONED;
  const heads = headsIn(rule, reading, named);
  const mine = heads.filter((head) => ownIds.has(head.id));
  if (mine.length === 0) return NONE_MENTIONED;
  const ids = new Set(
    [...heads, ...beside.flatMap((other) => headsIn(rule, other, (mention) => rivalIds.has(mention.id)))].map(
      (head) => head.id,
    ),
  );
  // "…held 71% of the global foundry market, TrendForce said, while Samsung Electronics ranked second with
  // 6.5%": a rank names a list of its own, the first place told another way.
  return ids.size >= 2 ||
    (related(rule, reading) &&
      listGapOf(rule, reading, mine) === RANKED_GAP_CHARS &&
      mine.some((head) => rankedValueAlone(rule, reading, head)))
    ? mine
    : NONE_MENTIONED;
}

/**
 * Whether the value a rank gives is the market's share now: no other measure named after it in its clause
 * ("ranked second with 6.8% growth", "with 12% in the 2nm segment", "with 11% two years ago") and no word of
 * another thing in it — a time, a source or "of the total" may follow ("with 6.8% last quarter", "according
 * to TrendForce").
 */
function rankedValueAlone(rule: CompiledRule, reading: SentenceReading, head: EntityMention): boolean {
  const value = numericMentions(rule, reading).find(
    (mention) =>
      mention.start >= head.end &&
      mention.start - head.end <= RANKED_GAP_CHARS &&
      RANKED_GAP.test(reading.text.slice(head.end, mention.start)),
  );
  if (!value) return false;
  const rest = reading.text.slice(value.end);
  const tail = rest.slice(0, rest.search(/[,;.，；。]|$/));
  if (RANKED_TAIL_OF_ANOTHER_MEASURE.test(tail) || rankedInAnotherMeasure(tail)) return false;
  const end = value.end + tail.length;
  return !(rule.not ? notWordsOf(rule, reading) : NONE).some(
    (match) => match.start >= head.start && match.start < end,
  );
}

/** A tail that names another measure than the foundry market now: growth, a segment, another market, years ago. */
const RANKED_TAIL_OF_ANOTHER_MEASURE =
  /^\s*(?:[\w-]+\s+){0,2}?(?:growth|gains?|increase|rise|jump|drop|decline)\b|^\s*of\s+(?!(?:the\s+)?(?:global\s+|worldwide\s+)?(?:foundry|total|revenue|market|sales)\b)|\b(?:ago|earlier|previously)\b/i;

/**
 * "with 7% in mobile processors (last year)", "among Korean foundries", "in China's foundry market": what the
 * share is "in", its times and fillers set aside, names another measure than the foundry market's revenue.
 */
function rankedInAnotherMeasure(tail: string): boolean {
  const phrase = /^\s*(?:in|among)\s+(.*)$/i.exec(tail);
  if (!phrase) return false;
  const measure = phrase[1]!
    .replace(RANK_TIME_WORDS, ' ')
    .replace(/\b(?:to|through|from|per|according\s+to|ended|ending|as\s+of|by)\b.*$/i, ' ')
    .replace(/[^\p{L}\p{N}\s'’]+|\bof\b/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return measure.length > 0 && (!FOUNDRY_MEASURE.test(measure) || OTHER_MEASURE.test(measure));
}

const RANK_TIME_WORDS =
  /\b(?:the|its|their|global|worldwide|total|overall|terms\s+of|first|second|third|fourth|latest|same|last|past|previous|this|next|nine|six|three|twelve|quarter|half|period|year|months?|fiscal|Q[1-4]\s*\d*|[1-4]Q\d*|[1-4]H\d*|H[12]|\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)\b/gi;
const FOUNDRY_MEASURE =
  /\b(?:foundr(?:y|ies)|revenue|sales|contract\s+chipmaking|contract\s+manufacturing)\b/i;
/** …unless another market or region is named with it: "in China's foundry market", "in specialty foundry sales". */
const OTHER_MEASURE =
  /\b(?:China|Chinese|Korea|Korean|Japan|Japanese|U\.?S|American|Taiwan|Taiwanese|Europe|European|North\s+America|domestic|exports?|specialty|mature|advanced|\d+\s?nm|\d+-inch|automotive|mobile|memory|packaging|sensors?|processors?|logic)\b/i;

/** The mentions that pass `accept` and that a value of the fact's kind directly follows. */
function headsIn(
  rule: CompiledRule,
  reading: SentenceReading,
  accept: (mention: EntityMention) => boolean,
): EntityMention[] {
  const candidates = reading.mentions.filter(accept);
  if (candidates.length === 0) return NONE_MENTIONED;
  const values = numericMentions(rule, reading);
  return candidates.filter((mention) =>
    values.some(
      (value) => value.start >= mention.end && listGapBetween(reading.text.slice(mention.end, value.start)),
    ),
  );
}

/**
 * A sentence that goes on with a rival's figure for the subject, its relation word left in the
 * sentence before: "TSMC's share of the foundry market rose to 70.2%. Samsung, in second place,
 * fell to 7.3%." The subject's mentions here that a level ("fell to", 降至) directly follows,
 * when the sentence before states the relation for a rival and not for the subject.
 */
function continuedHeadsOf(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
): EntityMention[] {
  const { ownIds, rivalIds } = rule;
  const before = item[reading.index - 1];
  if (!before || !NUMERIC_KINDS.has(rule.fact.kind) || !related(rule, before)) return NONE_MENTIONED;
  const mine = reading.mentions.filter((mention) => ownIds.has(mention.id) && !mention.described);
  if (mine.length === 0) return NONE_MENTIONED;
  const named = before.mentions.filter((mention) => !mention.described);
  if (named.some((mention) => ownIds.has(mention.id)) || !named.some((mention) => rivalIds.has(mention.id)))
    return NONE_MENTIONED;
  const values = numericMentions(rule, reading);
  return mine.filter((mention) =>
    values.some((value) => {
      if (value.start < mention.end || value.start - mention.end > CONTINUED_GAP_CHARS) return false;
      const between = reading.text.slice(mention.end, value.start);
      return (
        (LEVEL_GAP.test(between) || RANKED_GAP.test(between)) &&
        !reading.mentions.some((other) => other.start >= mention.end && other.start < value.start)
      );
    }),
  );
}

/** Between a name and the level it reached: ", in second place, fell to", "was at", "'s fell to", 则降至. */
const LEVEL_GAP =
  /^(?:\s*,[^,.;]{0,30},)?\s*(?:['’]s\s+(?:(?:market\s+)?share\s+)?)?(?:also\s+|then\s+|则|則|也)?(?:(?:fell|falls|dropped|drops|slipped|slips|declined|declines|slid|slides|rose|rises|climbed|climbs|grew|grows|edged\s+(?:up|down)|edges\s+(?:up|down)|was|is|stood|stands|came\s+in|comes\s+in|ended|ends)\s+(?:to|at)|\bat|降至|跌至|滑落至|下滑至|升至|增至|回升至|以)\s*(?:about\s+|around\s+|约|約)?$/i;
const CONTINUED_GAP_CHARS = 90;

const NUMERIC_KINDS = new Set(['money', 'percent', 'year', 'count', 'quantity', 'ratio', 'node']);
const NONE_MENTIONED: EntityMention[] = [];

const numberOf = (value: Value) =>
  value.kind === 'money'
    ? value.amount
    : 'value' in value && typeof value.value === 'number'
      ? value.value
      : Number.NaN;

function readNumeric(
  rule: CompiledRule,
  reading: SentenceReading,
  subject: SubjectHere,
  relations: PhraseMatch<AttributeClass>[],
): ReadValue | undefined {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = rule.rule.value;
  const currency = rule.fact.value?.kind === 'money' ? rule.fact.value.currency : 'USD';
  const anchors = [
    ...relations.map((match) => ({ at: match.start, end: match.end })),
    ...(rule.rule.adjacentChars ? subject.positions.map((at) => ({ at, end: at, adjacent: true })) : []),
    ...(subject.listHeads ?? []).map((head) => ({ at: head.start, end: head.end, adjacent: true })),
  ];
  const adjacentChars = rule.rule.adjacentChars || (subject.listHeads?.length ? subject.listGap! : 0);
  const levelsOnly = rule.rule.relation.includes('market_share');
  const movesOnly = rule.rule.relation.includes('stock_move');
  const termFact = rule.rule.relation.includes('term_end');
  const onlyDelay = relations.length > 0 && relations.every((match) => match.name === 'delay');
  // "the $16.5 billion figure … is only the minimum": a value named only as a figure confirms, never changes.
  const onlyFigure = relations.length > 0 && relations.every((match) => match.name === 'value_reference');
  const chipSubject = reading.mentions.some(
    (mention) => mention.type === 'chip' && rule.ownIds.has(mention.id),
  );
  const candidates = numericMentions(rule, reading)
    .filter((mention) => mention.role !== 'delta' && mention.role !== 'from')
    // In a sentence of one clause group, a value on the side of an aside a word of another subject silences.
    .filter((mention) => reading.frames.length > 0 || !silencedByNot(rule, reading, mention.start))
    // "rose by 3%" is a move: right for a share price, not for a level such as a market share;
    // "slipped to 8.1%" is a level, never a share price's move.
    .filter((mention) => !(levelsOnly && mention.role === 'by'))
    // "worth about 15% of Samsung's foundry revenue": a part of the company's own revenue, not its share of a market.
    .filter(
      (mention) => !(levelsOnly && OWN_REVENUE_AFTER.test(reading.text.slice(mention.end, mention.end + 48))),
    )
    // "TrendForce sees TSMC taking 75% of foundry market in 2027": a level of a year to come is a forecast.
    .filter((mention) => !(levelsOnly && ofYearToCome(reading, mention)))
    // "Samsung aims to lift its foundry market share to 20%", 三星力争…份额提升至20%: a goal, not the level.
    .filter(
      (mention) =>
        !(
          levelsOnly &&
          LEVEL_GOAL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 64), mention.start)) &&
          // …but "its 7.3% foundry share", "from its current 7.3%", "TSMC's 70.2%" is the level now.
          !CURRENT_LEVEL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))
        ),
    )
    // "Samsung to regain 10% foundry share", 10%的市场份额: a market share written after its value is no share-price move.
    .filter(
      (mention) => !(movesOnly && MARKET_SHARE_AFTER.test(reading.text.slice(mention.end, mention.end + 40))),
    )
    // "Samsung foundry share topping 9% next year", "share of the global foundry market to climb above 9%":
    // a market share's level, its value a few words after it, is no share-price move.
    .filter(
      (mention) =>
        !(
          movesOnly &&
          MARKET_SHARE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 72), mention.start))
        ),
    )
    // "fell 2% on Friday, erasing part of the Tesla deal rally": a move back, not the reaction.
    .filter(
      (mention) => !(movesOnly && REVERSAL_AFTER.test(reading.text.slice(mention.end, mention.end + 96))),
    )
    .filter(
      (mention) =>
        !(
          movesOnly &&
          (mention.role === 'to' ||
            MARKET_SHARE_TO.test(reading.text.slice(Math.max(0, mention.start - 72), mention.start))) &&
          LEVEL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))
        ),
    )
    // "its Texas fab, which received $6.4 billion in federal CHIPS Act funding": a grant's amount.
    .filter(
      (mention) =>
        rule.rule.relation.includes('award') ||
        rule.rule.value.planTotal ||
        !amountOfAnAward(reading, mention),
    )
    // "Samsung targets 2027 volume output of Tesla AI6 at Taylor": a date right before a making of a
    // rival is that making's.
    .filter((mention) => !rivalsMakingAfter(rule, reading, mention))
    // "2025年10月下旬，特斯拉正式確認…": the item's own date opening the sentence is when, not a target.
    .filter((mention) => !datelineYear(reading, mention))
    .filter((mention) => !pastPlanOfAPastYear(reading, mention))
    .filter((mention) => !timeClauseOfAnotherChip(rule, reading, mention))
    .filter(
      (mention) => subject.carried || !beforeSubjectsOwnClause(rule, reading, mention, subject.positions),
    )
    .filter(
      (mention) => !rule.rule.relation.includes('volume_production') || !milestoneYear(reading, mention),
    )
    // "三星电子在2026年第四季度业绩说明会上表示": the period results are reported for, not a target.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !REPORTING_PERIOD_AFTER.test(reading.text.slice(mention.end, mention.end + 24)),
    )
    // "特斯拉去年将AI6芯片交由三星…生产": the year the making was handed over, not the making's.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        reading.publishedYear === undefined ||
        mention.value.value >= reading.publishedYear ||
        !HANDED_OVER_AFTER.test(reading.text.slice(mention.end, mention.end + 24)),
    )
    // "截至2026年6月30日止": a date things are counted up to, not a target — but "合同期限截至2033年" is the term's end.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !AS_OF_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 8), mention.start)),
    )
    .filter((mention) => !pastYearOfAThing(reading, mention))
    .filter((mention) => subject.carried || !beforePrecedent(rule, reading, subject.positions, mention))
    // "數10億美元的撥款": several billion, no amount.
    .filter(
      (mention) => !/[数數几幾]\s*$/.test(reading.text.slice(Math.max(0, mention.start - 2), mention.start)),
    )
    // "paused the factory in 2024": with only a word of delay, a past year after "in" is when it happened.
    .filter((mention) => !(onlyDelay && pastEventYear(reading, mention)))
    // A full date is an event's day ("on July 23, 2025"), not a production year — except for a term's end;
    // so is the date of a signing ("去年与三星签署…协议", "last year signed").
    .filter((mention) => termFact || (mention as { precision?: string }).precision !== 'day')
    // "AI5 on a 3nm process at TSMC, AI6 on Samsung's 2nm": the other chip's value.
    .filter(
      (mention) =>
        !(chipSubject && !subject.carried && anotherChipsClause(reading, mention.start, rule.ownIds)),
    )
    // "Samsung's foundry share, 17% in 2019, now …": a value of years ago is history.
    .filter((mention) => mention.value.kind === 'year' || !ofYearsAgo(reading, mention))
    // "$30 billion in market value", "backlog tops $30 billion", 市值增加: a company's worth, not a deal's,
    // an investment or an award; "an additional $10 billion": an increment, not a total.
    .filter((mention) => mention.value.kind !== 'money' || !notAnAmountOfIts(reading.text, mention))
    // "to produce AI6 from 2026 through 2033": a start fact reads a period's start, an end fact its end;
    // a term's start (期限：2025年7月至2033年12月, "the contract runs from 2025") is neither's.
    .filter((mention) =>
      termFact ? mention.period === undefined || mention.period === 'end' : !endsPeriod(mention),
    )
    .filter(
      (mention) =>
        termFact ||
        mention.value.kind !== 'year' ||
        (!TRANSACTION_AFTER.test(reading.text.slice(mention.end, mention.end + 16)) &&
          // "under a $16.5 billion contract signed last year": the signing's date.
          !TRANSACTION_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))),
    )
    .filter((mention) => !(rule.rule.value.planTotal && isProgress(reading.text, mention)))
    // "Oracle's $455 Billion AI Stargate Deals", "SoftBank's $100B Stargate deal": a deal with the plan, not its total.
    .filter((mention) => !(rule.rule.value.planTotal && amountOfADealWith(rule, reading, mention)))
    .filter((mention) => {
      const number = numberOf(mention.value);
      return number >= min && number <= max;
    })
    .filter((mention) =>
      ownedBySubject(
        rule,
        reading,
        ownershipPoint(rule, reading, relations, mention, subject.carried),
        subject,
      ),
    );
  const totals = candidates.filter(
    // "worth roughly $2 billion a year", 每年20亿美元, 平均每年可帶來約20億美元: a rate, not the amount.
    (mention) =>
      mention.value.kind !== 'money' ||
      !(
        RATE_AFTER.test(reading.text.slice(mention.end, mention.end + 16)) ||
        (RATE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
          !TOTAL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
          !DEAL_NAMED_AFTER.test(reading.text.slice(mention.end, mention.end + 16)))
      ),
  );
  const inCurrency = inTheEventsPiece(
    rule,
    reading,
    totals.filter(
      (mention) =>
        mention.value.kind !== 'money' || mention.currencyAssumed || mention.value.currency === currency,
    ),
  );
  const scored = inCurrency
    .map((mention) => ({
      mention,
      ...nearestAnchor(reading, anchors, mention, adjacentChars, parallelValue(rule, reading, mention)),
    }))
    .filter((entry) => entry.distance <= MAX_DISTANCE)
    .sort((a, b) => rank(a) - rank(b));
  if (scored.length === 0) {
    if (totals.length > inCurrency.length) return { value: null, blocked: false, otherCurrency: true };
    return undefined;
  }
  const pastTransaction = (entry: (typeof scored)[number]) =>
    reading.scopes.pastTransactionAt(entry.mention.start);
  const open = scored.filter((entry) =>
    reading.scopes.blockersAt(entry.mention.start, entry.anchor).every(
      (cue) =>
        // "股价曾在7月28日因特斯拉订单大涨6.8%": a move is an event; told as past, it is not superseded.
        ((entry.mention.shifted || movesOnly) && cue === 'history') ||
        // "此前该公司宣布与三星电子签署价值165亿美元的…协议": a past transaction, read as confirming only.
        (cue === 'history' && pastTransaction(entry)) ||
        (PRESUPPOSING.has(cue) && presupposed(reading, entry.mention)),
    ),
  );
  // Open only because its history cue dates a past transaction (it confirms, never changes).
  const onlyAsPastTransaction = (entry: (typeof scored)[number]) =>
    entry.mention.shifted !== true &&
    !movesOnly &&
    reading.scopes.blockersAt(entry.mention.start, entry.anchor).includes('history') &&
    pastTransaction(entry);
  // A value open on its own comes before one open only as a past transaction ("此前…签署165亿美元…如今扩大至200亿美元").
  const ownOpen = open.filter((entry) => !onlyAsPastTransaction(entry));
  const chosen = (ownOpen[0] ?? open[0] ?? scored[0])!;
  // Read only because a deal named by its party shelters it from the sentence's not-words.
  const sheltered =
    rule.not !== undefined &&
    inNamedDeal(rule, reading, chosen.mention.start) &&
    silencedByNot(rule, reading, chosen.mention.start, false);
  const confirmsOnly = onlyFigure || sheltered || (open.length > 0 && onlyAsPastTransaction(chosen));
  const value =
    chosen.mention.value.kind === 'money' && chosen.mention.currencyAssumed
      ? { ...chosen.mention.value, currency }
      : chosen.mention.value;
  return {
    value: chosen.mention.bound ? ({ ...value, bound: chosen.mention.bound } as Value) : value,
    blocked: open.length === 0,
    far: chosen.distance > 60,
    derived: chosen.mention.shifted === true,
    ...(confirmsOnly ? { confirmsOnly } : {}),
    valueAt: chosen.mention.start,
    distance: chosen.distance,
    anchorStart: chosen.anchor?.start,
    anchorEnd: chosen.anchor?.end,
    anchorClass: relations.find(
      (match) => match.start === chosen.anchor?.start && match.end === chosen.anchor.end,
    )?.name,
    ...(chosen.mention.bound ? { bound: chosen.mention.bound } : {}),
  };
}

/**
 * "as it explores bringing parts of its $500 billion project, Stargate, to India", "Tesla may expand
 * its $16.5 billion deal": a value in the description of the clause's own thing (its, their) is taken
 * as known — only the clause's own news is possible or conditional. "could sign a $16.5 billion deal",
 * "may sign the $16.5 billion deal" and a question stay open.
 */
const PRESUPPOSING = new Set(['possibility', 'condition']);
const DEFINITE_BEFORE = /\b(?:its|their)\s+(?:(?:planned|announced|landmark|massive|proposed)\s+)?$/i;
const DESCRIBED_THING_AFTER =
  /^\s*(?:[\w-]+\s+){0,5}?(?:project|venture|deal|contract|pact|agreement|plan|programme|program|initiative|fab|plant|facility|factory|complex|campus|commitment|investment)\b(?!\s+(?:talks|negotiations))/i;

/** "其他接受補助的企業如美光（獲62億美元補助）、三星（47.5億美元）", "Samsung ($4.75 billion)": a value in brackets after a name. */
const BRACKETED_BEFORE = /[（(]\s*(?:获|獲|得|got|received|won|awarded)?\s*(?:about\s+|约|約)?$/i;
const BRACKETED_AFTER =
  /^\s*(?:的?(?:补助|補助|补贴|補貼|资助|資助)|in\s+(?:grants?|funding|subsid(?:y|ies)|awards?))?\s*[)）]/i;

function presupposed(reading: SentenceReading, mention: ValueMention): boolean {
  const text = reading.text;
  const before = text.slice(Math.max(0, mention.start - 24), mention.start);
  const after = text.slice(mention.end, mention.end + 70);
  if (DEFINITE_BEFORE.test(before) && DESCRIBED_THING_AFTER.test(after)) return true;
  // In brackets right after a name — not a currency's conversion ("10 trillion won (about $7.5 billion)").
  const bracket = BRACKETED_BEFORE.exec(before);
  if (!bracket || !BRACKETED_AFTER.test(after)) return false;
  const opening = mention.start - before.length + bracket.index;
  return reading.mentions.some(
    (entry) => entry.end <= opening && /^\s*$/.test(text.slice(entry.end, opening)),
  );
}

const WORTH_AFTER =
  /^\s*(?:in|of)\s+(?:its\s+)?(?:market\s+(?:value|cap(?:italization|italisation)?)|backlog|orders?\s+backlog)/i;
const WORTH_BEFORE =
  /(?:market\s+(?:value|cap(?:italization|italisation)?)|backlog|order\s+book|市值|订单储备|訂單儲備|在手订单|在手訂單|积压订单|積壓訂單|相关营收|相關營收|带来的营收|帶來的營收)[^,.;，。；\d$亿億元]{0,14}$/i;

/** "an additional $10 billion", 追加100亿美元: an increment, not a total. */
// The adjectives of an increment; with "adds" its verb too (INCREMENT_WORD takes the adjectives alone).
const INCREMENT_ADJECTIVE = String.raw`\badditional\b|\bextra\b|追加|额外|額外|加碼|加码|(?:擴大|扩大)注[資资]`;
const INCREMENT = String.raw`${INCREMENT_ADJECTIVE}|\badds?`;
const ADDED_BEFORE = new RegExp(
  String.raw`(?:${INCREMENT}|\banother|\badding|增资|增資)(?:[\u3400-\u9fff]{0,2}(?:投资|投資))?\s*(?:of\s+)?(?:about\s+|some\s+|约|約)?$`,
  'i',
);
/** "an additional 10 trillion won ($7.2 billion)", 擴大注資10兆韓元（約75億美元）: the conversion of an increment. */
const ADDED_CONVERTED_BEFORE = new RegExp(
  String.raw`(?:${INCREMENT})\s*(?:of\s+)?(?:about\s+|约|約)?[\d.,]+\s*(?:trillion|billion|兆|万亿|萬億|億|亿)?\s*(?:won|韓元|韩元|韓圜)\s*[（(]\s*(?:about\s+|约|約)?$`,
  'i',
);
/** "$4 billion more", 40億美元的追加投資: an increment, named after the amount. */
const ADDED_AFTER =
  /^\s*(?:more|extra|in\s+(?:additional|extra|new)\s+(?:investment|spending|funding))\b|^\s*的?(?:追加|额外|額外|新增)/i;

function notAnAmountOfIts(text: string, mention: ValueMention): boolean {
  return (
    ADDED_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start)) ||
    incrementInClause(text, mention) ||
    ADDED_AFTER.test(text.slice(mention.end, mention.end + 32)) ||
    ADDED_CONVERTED_BEFORE.test(text.slice(Math.max(0, mention.start - 48), mention.start)) ||
    WORTH_AFTER.test(text.slice(mention.end, mention.end + 40)) ||
    WORTH_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start))
  );
}

/**
 * "Samsung will make an additional investment in its Taylor fab worth $7 billion": an increment word
 * earlier in the value's clause, with no total after it ("…, bringing the total to $47 billion").
 */
function incrementInClause(text: string, mention: ValueMention): boolean {
  const clause = lastClause(text.slice(Math.max(0, mention.start - 120), mention.start));
  const increment = INCREMENT_WORD.exec(clause);
  return increment !== null && !TOTAL_WORD.test(clause.slice(increment.index));
}

// The adjectives only: "SEDaily adds that Samsung's $16.5 billion deal…", "added $20 billion in market value" are verbs of other things.
const INCREMENT_WORD = new RegExp(INCREMENT_ADJECTIVE, 'i');
const TOTAL_WORD = /\btotal|总|總|使/i;

const endsPeriod = (mention: ValueMention) => mention.period === 'end' || mention.period === 'term';

/** After a value, the year it held: "17% in 2019", "$6.4 billion (2024)". */
const YEAR_AFTER =
  /^\s*,?\s*(?:in|back in|as of|\()\s*((?:19|20)\d{2})(?=\s*(?:[,.;:)]|$|\s(?:and|but|when|while|as)\b))/i;
/** Two years and more before the item's own year is history, whatever the tense. */
const YEARS_AGO = 2;

function ofYearsAgo(reading: SentenceReading, mention: ValueMention): boolean {
  if (reading.publishedYear === undefined) return false;
  const year = YEAR_AFTER.exec(reading.text.slice(mention.end, mention.end + 16))?.[1];
  return year !== undefined && Number(year) <= reading.publishedYear - YEARS_AGO;
}

/** A level followed by the year it is for, a year after the item's: "75% of the market in 2027". */
function ofYearToCome(reading: SentenceReading, mention: ValueMention): boolean {
  if (reading.publishedYear === undefined) return false;
  // "…in 2027" after the level, or a Chinese year before it in its clause: "集邦预计台积电2027年代工市占将达75%".
  const before = reading.text.slice(Math.max(0, mention.start - 32), mention.start);
  // "机构预测明年台积电代工份额将升至75%": next year's level is a forecast too.
  if (NEXT_YEAR_BEFORE_ZH.test(before)) return true;
  const year =
    LEVEL_YEAR_AFTER.exec(reading.text.slice(mention.end, mention.end + 48))?.[1] ??
    LEVEL_YEAR_BEFORE_ZH.exec(before)?.[1];
  return year !== undefined && Number(year) > reading.publishedYear;
}

// The goal's verb governs the value ("aims to lift its foundry market share to 20%", 力争…份额提升至20%), in
// its clause ("aims to win more customers as its foundry share slips to 6.8%" is the share now); 目标价 is a price.
const CURRENT_LEVEL_BEFORE =
  /(?:\b(?:its|their|[\w-]+['’]s)\s+(?:current\s+)?|\bcurrent\s+|\bfrom\s+(?:(?:its|their)\s+)?(?:current\s+)?)$/i;
const LEVEL_GOAL_BEFORE =
  /(?:\b(?:aims?|aiming|aimed|seeks?|seeking|sought|hopes?|hoping|wants?|plans?|planning|targets?|targeting|strives?|striving|vows?|vowed|pledges?|pledged|goal|target|ambition|bid)\s+(?:to|of|is\s+to)\s+(?:(?:\w+ly|more\s+than|at\s+least|further)\s+){0,2}(?:lift|raise|boost|increase|grow|reach|regain|take|win|return|hit|double|triple|expand|push|get|bring|capture|achieve|keep|hold|maintain|climb|recover|secure|attain|claw|become|grab|gain|seize|restore)\b(?:(?!\b(?:as|while|after|when|whose|which|since)\b)[^,.;]){0,40}|\b(?:goal|target|ambition|aim)\s+(?:of|is)\s+(?:(?:a|an|reaching|hitting|about|around)\s+)?|(?:力争|力爭|目标|目標|计划|計劃|计画|計畫|希望|期望|期盼|誓言|拟|擬)(?!价|價)[^，。；,;.\s]{0,24}?(?:提升|提高|增加|达到|達到|扩大|擴大|升|拉高|夺回|奪回|重回|回到|回升)(?:至|到)?)\s*(?:a\s+|above\s+|over\s+|to\s+)?$/i;
const LEVEL_YEAR_BEFORE_ZH = /((?:19|20)\d{2})年(?!第?[一二三四1-4]季|[上下]半年)[^，,。；;\d]{0,24}$/;
const NEXT_YEAR_BEFORE_ZH = /(?:明年|後年|后年)(?!第?[一二三四1-4]季|[上下]半年)[^，,。；;\d]{0,24}$/;

const LEVEL_YEAR_AFTER =
  /^(?:(?!\s(?:and|while|but)\s)[^,.;，。；]){0,32}?\b(?:in|by|for)\s+((?:19|20)\d{2})\b/i;

/** After an amount, that it is a rate: "$2 billion a year", "per annum", 每年 (before: handled by the reader's context). */
const RATE_AFTER =
  /^\s*(?:a|per|each|every)\s+(?:year|annum|month|quarter)\b|^\s*annually\b|^\s*\/\s*(?:yr|year)\b/i;

/** "平均每年可為三星帶來約20億美元", "adds annually some $2 billion": a yearly amount named before it. */
const RATE_BEFORE =
  /(?:每年|年均)[^，。,;；]{0,20}$|\b(?:annually|per\s+year|each\s+year)\s+(?:some\s+|about\s+|around\s+)?$/i;
/** "总价值165亿美元", "a total of": the whole, whatever a year brings. */
const TOTAL_BEFORE = /(?:总|總|合计|合計|\btotal)[^，。,;；]{0,8}$/i;
/** …unless the amount names the deal it is the size of ("每年将因165亿美元的特斯拉合同增加约8%的营收"). */
const DEAL_NAMED_AFTER =
  /^\s*(?:的)?\s*(?:特斯拉|晶片|芯片)?\s*(?:合同|合约|合約|订单|訂單|协议|協議|大单|大單)|^\s+(?:[\w-]+\s+){0,2}(?:contract|deal|order|agreement)\b/i;

const REVERSAL_AFTER =
  /^[^.;]{0,30}?(?:,\s*(?:erasing|paring|giving\s+back|wiping\s+out)\s+(?:(?:part|some|much|most|all|half)\s+of\s+)?(?:the|its|their|a)?\s*(?:[\w-]+\s+){0,3}?(?:rally|gains?|surge|jump)|\bas\s+(?:investors\s+|traders\s+)?(?:lock(?:s|ed|ing)?\s+in|tak(?:e|es|ing)|took)\s+(?:gains|profits)|\bon\s+profit[-\s]taking|\bas\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?rally\s+(?:fades|cools|wanes|eases|unwinds)|\bafter\s+(?:rallying|surging|soaring|jumping|(?:[\w-]+\s+){0,6}?(?:staged|staging|posted|posting)\s+(?:a\s+)?(?:[\w-]+\s+){0,2}?(?:rally|surge|jump|gain)))/i;

/**
 * The item's own year or an earlier one, with a month, opening the sentence: a dateline or the time
 * of an event ("2025年10月下旬，", "In late October 2025,", "去年7月，三星电子与特斯拉签订…").
 */
function datelineYear(reading: SentenceReading, mention: ValueMention): boolean {
  return (
    mention.value.kind === 'year' &&
    mention.value.month !== undefined &&
    reading.publishedYear !== undefined &&
    mention.value.value <= reading.publishedYear &&
    /^[\s"“「(（]*(?:(?:in|on|by)\s+)?(?:(?:early|mid|late)[-\s]+)?$/i.test(
      reading.text.slice(0, mention.start),
    )
  );
}

/**
 * "In 2021 it said the fab would start operating in the second half of 2024", read in 2026: a year
 * before the item's, told as a plan of the past ("would", "was to", "was due"), is that plan — history.
 */
function pastPlanOfAPastYear(reading: SentenceReading, mention: ValueMention): boolean {
  if (mention.value.kind !== 'year' || reading.publishedYear === undefined) return false;
  if (mention.value.value >= reading.publishedYear) return false;
  const before = reading.text.slice(Math.max(0, mention.start - 96), mention.start);
  // In the year's own clause: not "Samsung, which would not give details, said its fab began … in late 2025".
  return PLAN_OF_THE_PAST.test(before.slice(before.search(/[^.;。；,，]*$/)));
}
const PLAN_OF_THE_PAST =
  /\b(?:would|(?:was|were)\s+(?:to|due|set|slated|scheduled|meant|expected\s+to)|planned\s+to|had\s+planned|(?:initially|originally|first)\s+(?:slated|targeted|scheduled|expected|planned))\b/i;

/**
 * "will produce Tesla's AI6, with first samples due next year": a year in a piece of the sentence (between
 * commas) that names samples or a tape-out and no volume making is that milestone's, not the production's.
 */
function milestoneYear(reading: SentenceReading, mention: ValueMention): boolean {
  return mention.value.kind === 'year' && inMilestonePiece(reading, mention);
}

/** Whether a span lies in a piece of the sentence that names samples or a tape-out and no volume making. */
function inMilestonePiece(reading: SentenceReading, span: { start: number; end: number }): boolean {
  const { from, to } = pieceAround(reading.text, span);
  return (
    MILESTONE_WORD.test(reading.text.slice(from, to)) &&
    !VOLUME_WORD.test(reading.text.slice(from, to)) &&
    !reading.relations.some(
      (match) => match.name === 'volume_production' && match.start >= from && match.end <= to,
    )
  );
}
/** "first AI6 samples and then volume chips": the piece speaks of volume too. */
const VOLUME_WORD = /\b(?:volume|mass)\b|量产|量產/i;
const MILESTONE_WORD = new RegExp(
  String.raw`\b(?:${EN_MILESTONES}|prototypes?|batch(?:es)?)\b|${ZH_MILESTONES}`,
  'i',
);

/**
 * A past year that describes the thing after it ("last year's $16.5 billion contract", "2025's
 * deal", 去年的合同): when that thing was, not a target.
 */
function pastYearOfAThing(reading: SentenceReading, mention: ValueMention): boolean {
  return (
    mention.value.kind === 'year' &&
    reading.publishedYear !== undefined &&
    mention.value.value <= reading.publishedYear &&
    // "under their July 2025 contract": a date naming the agreement after it is the same.
    (/^(?:['’]s\b|的)/.test(reading.text.slice(mention.end, mention.end + 3)) ||
      /^\s+(?:chip\s+|supply\s+|foundry\s+)?(?:contract|deal|agreement|pact|order)s?\b/i.test(
        reading.text.slice(mention.end, mention.end + 24),
      )) &&
    // "in this year's second half", 2026年的第四季度: the time itself, a part of the year.
    !YEAR_PART_AFTER.test(reading.text.slice(mention.end, mention.end + 24))
  );
}
const YEAR_PART_AFTER =
  /^(?:['’]s\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?:half|quarter)|end|close|start|beginning|middle|latter\s+half)\b|的(?:[上下]半年|第?[一二三四1-4]季|年底|年初|年中|年末|底|初|中))/i;

/** Words that name an earlier event as the precedent of the sentence's own news. */
const PRECEDENT =
  /\b(?:follows|following|comes\s+after|came\s+after|on\s+the\s+heels\s+of|since\s+(?:a|an|the|its)\b)|继(?=[^，。；]{2,40}之后)|繼(?=[^，。；]{2,40}之後)/gi;

/**
 * "The contract, which runs through 2032, follows Samsung's landmark agreement with Tesla": a thing referred
 * back to ("The contract") with a value before a precedent word, the subject named only after it — the
 * value is the news's own thing's, the subject the earlier event's. ("Volume production is planned for
 * 2028, following the tape-out of AI6" refers back to nothing: the year is the chip's.)
 */
function beforePrecedent(
  rule: CompiledRule,
  reading: SentenceReading,
  positions: number[],
  mention: ValueMention,
): boolean {
  const referred = rule.anaphora
    ? reading.phrases(rule.anaphora).some((match) => match.end <= mention.start)
    : false;
  for (const cue of reading.text.matchAll(PRECEDENT)) {
    if (mention.end > cue.index) continue;
    const after = cue.index + cue[0].length;
    if (referred && positions.every((at) => at >= after)) return true;
    // "signed a contract … through 2030, its largest order since a Tesla deal last year": the subject's
    // other party named only in the precedent — the value is the new deal's.
    if (partyOnlyAfter(rule, reading, after)) return true;
  }
  return false;
}

/**
 * A subject of two or more parties, one of which the sentence names only in the precedent phrase after
 * `from` ("since a Tesla deal") — not after a comma ("its biggest since the start of the decade, to make
 * AI6 chips for Tesla").
 */
function partyOnlyAfter(rule: CompiledRule, reading: SentenceReading, from: number): boolean {
  return rule.rule.subject.some(
    (group) =>
      group.length > 1 &&
      group.every((id) => reading.ids.has(id)) &&
      group.some((id) => {
        const named = reading.mentions.filter((mention) => mention.id === id);
        return (
          named.every((mention) => mention.start >= from) &&
          !/[,，;；]/.test(reading.text.slice(from, named[0]!.start))
        );
      }),
  );
}

/** A year no later than the item's, named as the time of an event ("in 2024"), not as a target. */
function pastEventYear(reading: SentenceReading, mention: ValueMention): boolean {
  return (
    mention.value.kind === 'year' &&
    reading.publishedYear !== undefined &&
    mention.value.value <= reading.publishedYear &&
    /\bin\s+(?:early\s+|mid-?|late\s+)?$/i.test(
      reading.text.slice(Math.max(0, mention.start - 10), mention.start),
    )
  );
}

/** Right before a date, a transaction: "signed last year", "inked in July", 签署于. */
const TRANSACTION_BEFORE =
  /\b(?:signed|inked|struck|sealed|clinched)\s+(?:in\s+|on\s+|during\s+|back\s+in\s+)?$|(?:签署|簽署|签订|簽訂|签下|簽下|达成|達成)(?:于|於)\s*$/i;

/** 截至, 截止, "as of": a date things are counted up to — not after 期限 ("合同期限截至2033年", the term's end). */
const AS_OF_BEFORE = /(?<!期限|期|有效期)(?:截至|截止)\s*$|\bas\s+of\s*$/i;

/**
 * "claws back foundry share to 8%", "share of the global foundry market will recover to around 10
 * percent": a market share's level, whatever the verb.
 */
const MARKET_SHARE_TO =
  /\b(?:(?:foundry|market)\s+share|share\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:market|revenue|sales))\s+(?:\w+\s+){0,2}to\s*(?:about\s+|around\s+|nearly\s+)?$/i;
const MARKET_SHARE_BEFORE =
  /\b(?:(?:foundry|market)\s+share|share\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:foundry\s+)?(?:market|revenue|sales))\s+(?:(?!(?:and|stocks?|shares|lift(?:s|ed)?|send(?:s)?|sent|jump\w*|rall\w*|surg\w*|soar\w*|gain\w*|hopes?)\b)[\w-]+\s+){0,3}(?:about\s+|around\s+|nearly\s+)?$/i;
const OWN_REVENUE_AFTER =
  /^\s*of\s+(?:[A-Z][\w-]*['’]s|its|their|the\s+company['’]s)\s+(?:(?:annual|yearly|total)\s+)?(?:foundry\s+|chip\s+)?(?:revenue|sales|turnover)\b/;
const MARKET_SHARE_AFTER =
  /^\s*(?:(?:global|world|worldwide)\s+)?(?:(?:foundry|market|chip)\s+)+share\b|^\s*(?:share\s+)?of\s+(?:the\s+)?(?:(?:global|world|worldwide)\s+)?(?:foundry|chip|contract[-\s]chipmaking)\s+(?:market|revenue|sales)|^\s*的?(?:全球)?(?:代工)?(?:市占|市场份额|市場份額|份额|份額)/i;
/** "slipped to 8.1%", 降至: a level reached, not a move by. */
const LEVEL_BEFORE = /(?:\bto|至|到)\s*(?:about\s+|around\s+|nearly\s+|约|約)?$/i;

/** "brings the total to $400B", "so far", "增至": progress towards a plan, not the plan's total. */
function isProgress(text: string, mention: ValueMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 90), mention.start);
  const after = text.slice(mention.end, mention.end + 32);
  // "将增至25处", "plans to raise it to": a plan revised, not progress towards it.
  if (
    /(?:将|將|计划|計劃|計畫|规划|規劃|拟|擬)[^，。；,]{0,12}?(?:增至|增加至|扩大至|擴大至|扩至|擴至)\s*$/.test(
      before,
    ) ||
    // "Stargate spending to reach $1 trillion": a plan to come, not progress so far.
    // (…not "has risen to reach $400 billion so far", progress told with the same words.)
    (/\bto\s+reach\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$/i.test(before) &&
      !/\b(?:risen|rose|grown|grew|climbed|increased|jumped|swelled)\s+to\s+reach\b/i.test(before) &&
      !/^[^.;。；]{0,30}\b(?:so\s+far|to\s+date|already)\b/i.test(after)) ||
    // "to reach their $500 billion, 10-gigawatt goal": the plan's own total, named as the goal.
    PLAN_AFTER.test(after) ||
    // "brings Stargate closer to its goal of 10 gigawatts and $500 billion in investment": the goal itself.
    /\b(?:goal|target|ambition|pledge)\s+of\s+(?:(?:about|around|roughly|some|up\s+to|at\s+least|[\d.,]+\s*(?:gigawatts?|GW|sites?|data\s+cent(?:er|re)s?|campuses))\s*(?:,|and)?\s*)*$/i.test(
      before,
    ) ||
    // "the first tranche of the plant's $4.75 billion CHIPS Act grant": the whole a part is of — also when the
    // amount names its award ("first tranche of $4.75 billion CHIPS Act award", not "of $1.5 billion in funds").
    /\b(?:tranche|part|portion|installment|instalment)\s+of\s+(?:(?:the|its|their|[\w-]+['’]s)\s+)+$/i.test(
      before,
    ) ||
    (/\b(?:tranche|part|portion|installment|instalment)\s+of\s+$/i.test(before) &&
      /^\s*(?:[A-Z][\w.-]*\s+){0,3}(?:award|grant)\b/.test(after)) ||
    // "使該廠總投資額增至約440億美元": the total itself revised, not progress towards it.
    /(?:总投资|總投資|总额|總額)[额額]?\s*(?:将|將|已)?(?:增至|增加至|扩大至|擴大至|提高至|提升至)\s*(?:约|約)?\s*$/.test(
      before,
    )
  )
    return false;
  return (
    // "the $100 billion first phase of a wider plan": a phase named after its amount.
    /^\s*(?:first|initial|opening|second|next)\s+(?:phase|tranche|stage)\b/i.test(after) ||
    // "首期投入1000亿美元", "an initial $100 billion": the first tranche, not the total.
    // (…not when the whole is named after it: "首筆晶片補助 總額上限47.5億美元".)
    (/(?:首期|首批|首笔|首筆|立即|\binitial(?:ly)?|\bimmediately|\bdisburs\w*|\btranche|\b(?:first|next|second|another)\s+(?:phase|tranche|stage|\$))(?:(?!总额|總額|总计|總計|上限|\btotal)[^.;。；，]){0,24}$/i.test(
      before,
    ) &&
      // "disburse up to $4.75 billion CHIPS award": the whole award, named after its amount.
      !(
        /\bup\s+to\s*$/i.test(before) &&
        /\bdisburs\w*/i.test(before) &&
        /^\s*(?:[A-Z][\w.-]*\s+){0,3}(?:award|grant)\b/.test(after)
      )) ||
    // "Samsung gets next $1.5 billion of CHIPS grant", "another $1 billion": one more payment, not the total.
    /\b(?:next|another)\s+(?:US)?$/i.test(before) ||
    // 拨付 alone (not 首期拨付): a payment — unless 最高 gives the whole ("確認撥付…最高47.5億美元晶片補助").
    /(?:拨付|撥付)(?:(?!总额|總額|总计|總計|上限|最高)[^.;。；，]){0,24}$/.test(before) ||
    // "totals $400B", "bringing the total to": not "total investment of $500 billion", the plan's own total.
    // "bring Stargate to nearly 7 gigawatts … and more than $400bn" — not "bring its expertise to the
    // venture that would invest $500 billion".
    /\bbring(?:s|ing)?\b[^.;,，；。]{0,50}?\bto(?:(?!\b(?:that|which|who|said|would|will|invest\w*)\b)[^.;,，；。]){0,70}$/i.test(
      before,
    ) ||
    /(?:\bnow\s+counts|\braising|\btotal(?:s|l?ing|l?ed)\b|\breach(?:es|ed|ing)?|增至|增加至|达到|達到|来到|來到|累计|累計|已达|已達|已在|已经|已經|已有|已宣布|落地)[^.;,，；。]{0,50}$/i.test(
      before,
    ) ||
    // "承诺投资突破4000亿美元": passing a mark on the way, not the plan's total.
    /(?<!将|將|可望|有望|预计|預計|预期|預期)突破\s*(?:约|約)?$/.test(before) ||
    // "Total investment in the new sites will top $400 billion": the amount of some of the plan's parts.
    /\b(?:in|for|at|across)\s+(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:sites|campuses|locations|data\s+cent(?:er|re)s)\b[^.;。；]{0,30}$/i.test(
      before,
    ) ||
    // "已确定6个站点" (a count settled so far), not across a headline's space to the plan's total.
    /(?:已确定|已確定|已选定|已選定|已确认|已確認|已公布|已宣布|新增|再添|增添)[^.;,，；。\s]{0,8}$/.test(
      before,
    ) ||
    // "has now selected eight U.S. data-centre locations": the count settled so far, as in English.
    /\b(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:selected|chosen|picked|identified|announced|confirmed|named|unveiled|opened|approved|secured)\s+(?:about\s+|around\s+|some\s+)?$/i.test(
      before,
    ) ||
    // "now has close to 7 gigawatts of planned capacity across six US sites": the sites it has now.
    // …not what it now plans to build ("now plans to invest $600 billion … across 25 data-centre campuses").
    (/\b(?:now|currently|already|so\s+far)\b[^.;,，；。]{0,60}\bacross\s*$/i.test(before) &&
      !/\bnow\s+(?:plans?|intends?)\s+to\s+(?:invest|build|spend|develop|construct)\b[^.;,，；。]{0,50}\bacross\s*$/i.test(
        before,
      )) ||
    /^\s*(?:[\w-]+\s+){0,4}?(?:so far|to date|already|committed so far)|^\s*(?:[\w-]+\s+){0,1}?(?:under\s?way|under\s+construction|being\s+built|in\s+operation\s+or\s+(?:under\s+)?(?:development|construction))|^\s*previously\s+(?:announced|selected|named|unveiled)\b/i.test(
      after,
    ) ||
    /^\s*(?:tranche|installment|instalment|payment)\b/i.test(after) ||
    /^[^，。；,.;]{0,8}?(?:动工|動工|上线|上線|开工|開工|投入使用)/.test(after) ||
    // "投入约4000亿美元…是「星际之门」项目的一部分", "$400B as part of Stargate": a share of the plan —
    // unless the value is the plan's own total ("是总投资5000亿美元的星际之门计划的一部分").
    (/^[^.;。；]{0,60}?(?:的一部分|\bas part of\b|\bis part of\b)/i.test(
      text.slice(mention.end, mention.end + 64),
    ) &&
      !PLAN_TOTAL_BEFORE.test(before))
  );
}

const PLAN_AFTER = /^(?![\s,]*of\b)[\s,]*(?:[\w-]+[\s,]+){0,2}?(?:goal|target|commitment|pledge)\b/i;

const PLAN_TOTAL_BEFORE = /(?:总投资|總投資|总额|總額|总规模|總規模)\s*(?:最多|最高|约|約|达|達|为|為)?\s*$/;

/** Values stated as a destination ("rose to 70.2%") come before others at the same distance. */
function rank(entry: { distance: number; mention: ValueMention }): number {
  return entry.distance - (entry.mention.role === 'to' ? 30 : 0);
}

/**
 * "TSMC's share rose to 71%, while Samsung slipped to 6.8%", "台积电市占率升至71%，三星则降至6.8%":
 * in a list of rivals, a value stated for its own company ("to 6.8%", "Samsung 7.3%") may take
 * its relation word from the clause before.
 */
function parallelValue(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  if (!rule.rule.rivals?.length) return false;
  // (not an amount in a clause a word of another subject silences: "scales back its total U.S. investment … to
  // $37 billion" — shares keep theirs: a list's segment words stand anywhere in it)
  if (rule.fact.kind === 'money' && rule.not && silencedByNot(rule, reading, mention.start)) return false;
  if (mention.role === 'to') return true;
  return reading.mentions.some(
    (entry) =>
      OWNER_TYPES.has(entry.type) &&
      entry.end <= mention.start &&
      PARALLEL_GAP.test(reading.text.slice(entry.end, mention.start)),
  );
}

/** Between a rival named in a list and its value: "Samsung: 7%", 三星则以7%, 三星則持平於7.7%. */
const PARALLEL_GAP = /^\s*(?:则|則|也|仍)?\s*(?:以|为|為|持平(?:于|於|在)|维持在?|維持在?|[:：(（])?\s*$/;

/** A relation word in another clause group counts as at least this far (and at most twice it). */
const OTHER_FRAME = 60;

function nearestAnchor(
  reading: SentenceReading,
  anchors: Array<{ at: number; end: number; adjacent?: boolean }>,
  mention: ValueMention,
  adjacentChars = 0,
  parallel = false,
): { distance: number; anchor?: { start: number; end: number } } {
  let best = { distance: Number.POSITIVE_INFINITY } as {
    distance: number;
    anchor?: { start: number; end: number };
  };
  const frame = frameOf(reading, mention.start);
  const sameFrame = anchors.some((anchor) => frameOf(reading, anchor.at) === frame);
  for (const anchor of anchors) {
    // A comma or dash between them ("samples in 2026, volume production in 2027") separates a value from its
    // word — not an apposition right after the subject ("Stargate, OpenAI's $500B plan", "Stargate — the $500bn push").
    const apposition =
      anchor.adjacent === true && mention.start >= anchor.end && appositionOf(reading, anchor.at, mention);
    const otherFrame = !apposition && frameOf(reading, anchor.at) !== frame;
    if (otherFrame && (sameFrame || !parallel || anchor.at > mention.start)) continue;
    const [from, to] = mention.start >= anchor.end ? [anchor.end, mention.start] : [mention.end, anchor.at];
    const between = reading.text.slice(from, to);
    // (with the characters on either side, for a Chinese headline's space)
    const gap = reading.text.slice(Math.max(0, from - 1), to + 1);
    const distance = otherFrame
      ? Math.min(between.length, OTHER_FRAME) + OTHER_FRAME
      : between.length + ((/[,，;；]/.test(between) || CJK_SPACE.test(gap)) && !apposition ? 40 : 0);
    if (anchor.adjacent && distance > adjacentChars) continue;
    if (distance < best.distance) best = { distance, anchor: { start: anchor.at, end: anchor.end } };
  }
  return best;
}

/** A Chinese headline's space, between clauses ("AI6算力将是AI5的两倍 能效为上一代3倍"). */
const CJK_SPACE = /[\u3400-\u9fff]\s+[\u3400-\u9fff]/;

const APPOSITION_GAP = /^\s*[,，—–-]\s*(?:(?:the|a|an|its|[\w-]+['’]s)\s+)?$/i;

/** Whether a value opens an apposition to the name standing at `at`: "Stargate, OpenAI's $500B plan". */
function appositionOf(reading: SentenceReading, at: number, mention: ValueMention): boolean {
  const named = reading.mentions.find((entry) => entry.start === at);
  return (
    named !== undefined &&
    APPOSITION_GAP.test(reading.text.slice(named.end, mention.start)) &&
    // Closed again ("Stargate, OpenAI's $500B plan with SoftBank, picks Michigan"), and not a part of
    // the plan ("Stargate — the $100 billion first phase of a wider plan —").
    /[,，—–]|\s-\s/.test(reading.text.slice(mention.end, mention.end + 90)) &&
    !PART_AFTER.test(reading.text.slice(mention.end, mention.end + 32))
  );
}

const PART_AFTER =
  /^\s*(?:(?:first|initial|opening)\s+(?:phase|tranche|stage)|tranche|installment|instalment)\b/i;

/** An amount set before the subject's name and a deal word: "$455 Billion AI Stargate Deals". */
function amountOfADealWith(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  const name = reading.mentions.find(
    (entry) =>
      rule.ownIds.has(entry.id) &&
      entry.start >= mention.end &&
      /^[\sA-Za-z"'“”-]{0,16}$/.test(reading.text.slice(mention.end, entry.start)),
  );
  // "甲骨文與OpenAI簽3,000億美元算力合約 星際之門概念股走強": an amount a contract word follows is that contract's —
  // unless the subject itself is named before it in its clause (星际之门5000亿美元协议, 星際之門簽下5000億美元合約).
  if (
    /^\s*的?(?:算力|云计算|雲端|云|雲)?(?:合约|合約|合同|协议|協議|订单|訂單)/.test(
      reading.text.slice(mention.end, mention.end + 10),
    ) &&
    !reading.mentions.some(
      (other) =>
        rule.ownIds.has(other.id) &&
        other.end <= mention.start &&
        !/[，,。；;：:]|[\u3400-\u9fff]\s+[\u3400-\u9fff]/.test(reading.text.slice(other.end, mention.start)),
    )
  )
    return true;
  return (
    name !== undefined &&
    /^\s*(?:deals?|contracts?|agreements?|orders?)\b/i.test(reading.text.slice(name.end))
  );
}

/** From a value to the name it qualifies: 七成的 (台积电), 7.3%的 (三星). */
const ATTRIBUTE_OF = /^[^，,。；;\s]{1,12}的$/;
const PREMODIFIER =
  /^(?:(?:US\$|\$)\d[\d.,]*\s?(?:billion|bn|trillion|tn|[BT])?|\d[\d.,]*\s?(?:(?:万亿|萬億|亿|億|兆)\s?美元|billion|bn|trillion|tn|[BT]\b))[\s"'“”「」『』《》-]{0,2}$/i;

/** After a company, that it names a deal: "Tesla deal", "Tesla order", 特斯拉AI6訂單. */
const DEAL_AFTER =
  /^\s*(?:[\w-]{1,8}\s*)?(?:deal|order|orders|contract|tie-up|pact|agreement|订单|訂單|合约|合約|合同|大单|大單)/i;

/** Between a company and its own move word: nothing, or its shares ("Tesla gained", "Tesla's stock rose", 特斯拉股价上涨). */
const OWN_MOVE_GAP =
  /^\s*(?:['’]s\s+)?(?:(?:shares?|stock|股价|股價|股票)\s*)?(?:盘前|盤前|盘后|盤後|盘中|盤中|当日|當日|同日)?(?:also\s+|也|亦|则|則)?$/i;

/** A partner ("with Tesla", 夥Tesla) or a cause ("on Tesla deal", 因特斯拉) is not the one whose shares move. */
const WITH_BEFORE =
  /(?:\bwith|\bon|\bafter|\bfollowing|\bamid|夥|伙|联手|聯手|携手|攜手|與|与|同|跟|因|因为|因為|受|受惠于|受惠於|得益于|得益於)\s*$/i;

/** Whether the name at `at` is named as a partner or a cause ("deal with Samsung", 因特斯拉). */
const namedAsPartner = (reading: SentenceReading, at: number) =>
  WITH_BEFORE.test(reading.text.slice(Math.max(0, at - 10), at));

const SITE_AFTER = /^\s*(?:fab|plant|factory|facility|厂|廠|工厂|工廠)/i;

/** Stands for the rule's own subject referred back to ("该厂" for the Taylor fab). */
const OWN_REFERENCE = '#own';

/** Stands for a rival referred back to ("the chip" for the Taylor fab's rival AI6). */
const RIVAL_REFERENCE = '#rival';

/**
 * Right after a "makes" word ("produce the chip", 生产该芯片, "which will produce Tesla's AI6
 * chips", 生产特斯拉AI6): the object of a making.
 */
const objectOfMaking = (reading: SentenceReading, at: number) =>
  reading.relations.some(
    (match) =>
      match.name === 'makes' &&
      match.end <= at &&
      OBJECT_OF_MAKING.test(reading.text.slice(match.end, at)) &&
      // "mass production of the chip should begin in 2026": a noun's, the chip owns the time.
      !/\bof$/i.test(reading.text.slice(match.start, match.end)),
  );
/**
 * "its Taylor plant, which will produce Tesla's AI6 chips, remains on track to begin operations
 * next year", 生产AI6的泰勒厂: a chip made in a relative clause owns nothing after it — but "the
 * plant would begin producing AI6 in 2028" is the chip's year.
 */
function madeInRelativeClause(reading: SentenceReading, mention: EntityMention): boolean {
  if (!objectOfMaking(reading, mention.start)) return false;
  const clauseBefore = lastClause(reading.text.slice(0, mention.start));
  return (
    /^\s*(?:which|that)\b/i.test(clauseBefore) || /^[^，。,]{0,6}?的/.test(reading.text.slice(mention.end))
  );
}

/** The text after the last clause mark (comma, semicolon, full stop) of `text`: the clause it ends in. */
function lastClause(text: string): string {
  return text.split(/[,，;；。]/).at(-1)!;
}

/** A mention in a comma-opened relative clause that closes before the sentence goes on (", which … ,"). */
function inRelativeAside(reading: SentenceReading, mention: EntityMention): boolean {
  const before = reading.text.slice(0, mention.start);
  const clauseBefore = lastClause(before);
  return (
    clauseBefore.length < before.length &&
    /^\s*(?:which|who|whose)\b/i.test(clauseBefore) &&
    /^[^;；。]*?,/.test(reading.text.slice(mention.end))
  );
}

const OBJECT_OF_MAKING = /^(?:\s{0,3}|\s*(?:(?:the|its|their|[\w-]+['’]s)\s+)+|[\u3400-\u9fff]{1,3}的?)$/i;

/**
 * "AI6 will be made at Samsung's Taylor plant, with volume output in 2028", 该芯片将由三星在其得州
 * 工厂生产…2028年量产: the subject named as the maker or the place of a rival's making, in the
 * rival's clause, owns nothing that follows — the year is the chip's. Not when a relative clause
 * opens after it: "makes AI6 at its Taylor fab, which opens in 2026". `madeThings` are what the
 * making is of: the rule's rivals, or (asked the other way, of a rival fab) its own subject.
 */
function makerOfRival(
  reading: SentenceReading,
  mention: EntityMention,
  madeThings: EntityMention[],
): boolean {
  const rival = madeThings
    .filter(
      (other) =>
        other.end <= mention.start &&
        // "in Arizona and Texas": a place beside it is no thing made.
        !isSiteOrPlace(other) &&
        // "its AI6 chip, which Samsung will make at its plant in Taylor": the aside is the rival's making.
        (!clauseMarkBetween(reading, other.end, mention.start) ||
          RELATIVE_OF_THING.test(reading.text.slice(other.end, mention.start))),
    )
    .sort((a, b) => a.start - b.start)
    .at(-1);
  // 在德州泰勒廠生產特斯拉AI6晶片: the place before the making, the rival its object after it;
  // 泰勒工厂将从2028年起为特斯拉大规模量产AI6芯片: the site as the maker, its object in the same clause.
  if (!rival) {
    const placeBefore = /在[\u3400-\u9fff]{0,4}?$/.test(
      reading.text.slice(Math.max(0, mention.start - 6), mention.start),
    );
    // "特斯拉AI6将采用三星SF2工艺，在得州泰勒厂生产，预计2028年实现量产": the chip the sentence is about, its
    // subject, made in the place a later clause names.
    if (
      placeBefore &&
      chipAsSubjectBefore(reading, mention, madeThings) &&
      makingRightAfter(reading, mention)
    )
      return true;

    return madeThings.some(
      (other) =>
        other.start >= mention.end &&
        objectOfMaking(reading, other.start) &&
        other.start - mention.end <= (placeBefore ? 12 : 32) &&
        (placeBefore ||
          (isSiteOrPlace(mention) &&
            !clauseMarkBetween(reading, mention.end, other.start) &&
            // "泰勒工厂预计2026年投入运营并为特斯拉生产AI6芯片": the site's own start comes first, its year the site's.
            !startBeforeMaking(reading, mention.end, other.start))),
    );
  }
  const before = reading.text.slice(rival.end, mention.start);
  // "AI6将采用三星SF2工艺": the maker whose process the chip uses.
  if (mention.type === 'company' && USES_PROCESS_OF.test(before)) return true;
  // "its AI6 chip, which Samsung will make at its plant in Taylor": every name in a relative clause of
  // the rival's making is its maker or its place.
  if (clauseMarkBetween(reading, rival.end, mention.start))
    return reading.relations.some(
      (match) =>
        MAKING_CLASSES.has(match.name) &&
        match.start >= rival.end &&
        (match.start < mention.start || !clauseMarkBetween(reading, mention.end, match.start)),
    );
  if (
    !MAKER_OR_PLACE_BEFORE.test(before) &&
    (mention.type === 'reference' || !MAKER_OR_PLACE_COORDINATED.test(before))
  )
    return false;
  const rest = reading.text.slice(mention.end, mention.end + 60);
  const region = reading.placeTail.exec(rest);
  if (RELATIVE_AFTER.test(region ? rest.slice(region[0].length) : rest)) return false;
  return reading.relations.some(
    // The making stands between them, or governs the rival ("to mass-produce Tesla's AI6 at Taylor").
    (match) =>
      MAKING_CLASSES.has(match.name) &&
      // ("begin the volume production of Tesla's AI6 chip at its Taylor, Texas fab")
      match.start >= rival.start - 40 &&
      // …or follows in its clause ("由台積電與三星電子分別在美國亞利桑那州與德州生產").
      (match.start <= mention.end + 12 ||
        (match.start <= mention.end + 24 && !clauseMarkBetween(reading, mention.end, match.start))),
  );
}
const CHINESE_CHAR = /[\u3400-\u9fff]/;

/** "…built at the company's fab in Taylor, Texas, with …": the region written after a making's site is that place too. */
function regionOfAMakingSite(
  reading: SentenceReading,
  mention: EntityMention,
  madeThings: EntityMention[],
): boolean {
  if (mention.type !== 'place') return false;
  const site = reading.mentions.findLast((other) => other.end <= mention.start && isSiteOrPlace(other));
  return (
    site !== undefined &&
    /^,\s*$/.test(reading.text.slice(site.end, mention.start)) &&
    makerOfRival(reading, site, madeThings)
  );
}

/** A chip before a name, written as the subject of its sentence (AI6将, AI6晶片預計). */
function chipAsSubjectBefore(
  reading: SentenceReading,
  mention: EntityMention,
  madeThings: EntityMention[],
): boolean {
  return madeThings.some(
    (thing) =>
      thing.type === 'chip' &&
      thing.end <= mention.start &&
      CHIP_SUBJECT_AFTER.test(reading.text.slice(thing.end, thing.end + 12)),
  );
}
const USES_PROCESS_OF = /^\s*(?:芯片|晶片)?\s*(?:将|將|会|會)?(?:采用|採用|使用)(?:了)?$/;
const CHIP_SUBJECT_AFTER = /^\s*(?:芯片|晶片)?\s*(?:将|將|会|會|预计|預計|计划|計劃|計畫|拟|擬|也将|也將)/;

/** A making right after a site's name ("泰勒厂生产", "泰勒廠進行生產"). */
function makingRightAfter(reading: SentenceReading, mention: EntityMention): boolean {
  return reading.relations.some(
    (match) =>
      MAKING_CLASSES.has(match.name) &&
      match.start >= mention.end &&
      match.start - mention.end <= 8 &&
      !clauseMarkBetween(reading, mention.end, match.start),
  );
}

/** A relative clause opening right after a thing and running on to a name: " chip, which Samsung will make at its plant in ". */
const RELATIVE_OF_THING = /^[^,，;；。]{0,12},\s*(?:which|that)\s[^,，;；。]*$/i;
/** Words of a making: "made by", "volume output of the chip at its Texas plant". */
const MAKING_CLASSES = new Set(['makes', 'volume_production']);
const CLAUSE_PUNCTUATION = /[,，;；。:：]/g;

/** A clause mark between two offsets — not the comma of "Taylor, Texas" (the place's region). */
function clauseMarkBetween(reading: SentenceReading, from: number, to: number): boolean {
  for (const mark of reading.text.slice(from, to).matchAll(CLAUSE_PUNCTUATION))
    if (mark[0] !== ',' || !reading.placeTail.test(reading.text.slice(from + mark.index))) return true;
  return false;
}
/** "by", "at its", 由, 在美國 — or one conjunct before ("in Arizona and ", 在美國亞利桑那州與): the maker or place of a making. */
const MAKER_OR_PLACE_BEFORE =
  /(?:(?:\bby|\bat|\bin)\s+(?:(?:its|the|their|[\w-]+['’]s)\s+)*|(?:由|在)[\u3400-\u9fff]{0,4}?)$/i;
/**
 * …or one name before it, coordinated ("in Arizona and ", 在美國亞利桑那州與): not over another word such as
 * "as", nor onto a new subject with its article ("built in the US and the Samsung Taylor fab will start").
 */
const MAKER_OR_PLACE_COORDINATED =
  /(?:(?:\bby|\bat|\bin)\s+(?:(?:its|the|their|[\w-]+['’]s)\s+)*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+(?:and|or|&)\s+|(?:由|在)[\u3400-\u9fff]{1,10}?[與与和及、])$/;
const RELATIVE_AFTER = /^[^,，.。]{0,24}?,\s*(?:which|that)\b/i;

/** Entity types that can own a value stated after them (a company's share move). */
const OWNER_TYPES = new Set(['company', 'affiliate', 'index']);

/**
 * Where a value's owner is judged: at the value itself, or — for market reactions
 * ("三星股价因特斯拉订单上涨6.8%") — at the word of the rule's `ownerAt` class before it.
 */
function ownershipPoint(
  rule: CompiledRule,
  reading: SentenceReading,
  relations: PhraseMatch<AttributeClass>[],
  mention: ValueMention,
  carried: boolean,
): number {
  const ownerAt = rule.rule.ownerAt;
  if (!ownerAt) return mention.start;
  const frame = frameOf(reading, mention.start);
  const inFrame = relations.filter(
    (match) => match.name === ownerAt && frameOf(reading, match.start) === frame,
  );
  // The relation word nearest before the value ("特斯拉股价也上涨了4%"), else the first after it.
  const relation = inFrame.filter((match) => match.start < mention.start).at(-1) ?? inFrame[0];
  if (!relation) return mention.start;
  // "shares of Samsung", "the share prices of the electronics manufacturer": the owner follows "of".
  const of = /^\s*(?:prices?\s+)?(?:of|in)\s+/i.exec(reading.text.slice(relation.end, relation.end + 24));
  if (of) {
    const ownerStart = relation.end + of[0].length;
    // A company right there ("of Samsung", or after "the "): it owns the value; else the words
    // there refer back to the subject, and the value is judged just past their start.
    const named = reading.mentions.find((entry) => entry.start >= ownerStart && entry.start < ownerStart + 5);
    return named ? named.end : ownerStart + 1;
  }
  // Shares no company stands right before are the clause's topic's ("三星SDI拿下特斯拉订单 股价涨6.8%",
  // "Shares of Samsung rose"): judged from the start of the clause.
  const ownerRightBefore = reading.mentions.some(
    (entry) =>
      entry.end <= relation.start &&
      OWNER_TYPES.has(entry.type) &&
      /^\s*(?:['’]s)?\s*的?\s*$/.test(reading.text.slice(entry.end, relation.start)),
  );
  if (!ownerRightBefore && !carried) return frameStart(reading, relation.start);
  // A company named between that word and the value owns it ("Samsung shares rose 6.8% and Tesla gained 4%").
  // (as the subject of its own move word), not one named as the cause ("三星股价因特斯拉订单上涨").
  const named = reading.mentions.some(
    (entry) =>
      entry.start > relation.end &&
      entry.end <= mention.start &&
      OWNER_TYPES.has(entry.type) &&
      relations.some(
        (move) =>
          move.name === 'stock_move' &&
          move.start >= entry.end &&
          OWN_MOVE_GAP.test(reading.text.slice(entry.end, move.start)),
      ),
  );
  return named ? mention.start : relation.start;
}

/**
 * A value belongs to the subject named last before it, unless a rival was named
 * in between ("TSMC 70.2%, Samsung 7.3%"); with no mention before it, to the next one.
 */
function ownedBySubject(
  rule: CompiledRule,
  reading: SentenceReading,
  at: number,
  subject: SubjectHere,
): boolean {
  const rivals = rule.rule.rivals;
  if (!rivals?.length) return true;
  const own = new Set(rule.rule.subject.flat().filter((id) => !rivals.includes(id)));
  const frame = frameOf(reading, at);
  const givers = reading.mentions.filter((mention) => GIVER_TYPES.has(mention.type));
  const named = reading.mentions
    // An affiliate ("Samsung SDI shares climb 5%") is a rival of every subject: a company of its own.
    .filter(
      (mention) =>
        own.has(mention.id) ||
        rivals.includes(mention.id) ||
        mention.type === 'affiliate' ||
        // "台積電股價今天下跌1.5%": for a share move, any other company owns its own shares' move.
        (rule.rule.ownerAt !== undefined && mention.type === 'company'),
    )
    // A law or a government named as part of the subject gives the value, it does not own it ("英特尔将通过
    // 《芯片与科学法案》获得约78.6亿美元": Intel's).
    .filter((mention) => !GIVER_TYPES.has(mention.type))
    .filter((mention) => !reading.measured.has(mention))
    // "on news of its Tesla deal, rose another 3%", 特斯拉AI6訂單: a company naming a deal is the partner.
    .filter(
      (mention) => !rule.rule.ownerAt || !DEAL_AFTER.test(reading.text.slice(mention.end, mention.end + 16)),
    )
    // "三星電子夥Tesla簽約…股價急升", "rose on Tesla deal": a partner or a cause is not the one whose shares move.
    .filter((mention) => !rule.rule.ownerAt || !namedAsPartner(reading, mention.start));
  // "…泰勒廠明年投產，…該晶片預計2028年量產": a rival referred back to owns what follows it too —
  // as a subject, not as the object of a making ("the fab, which will produce the chip, opens in 2026").
  const referredRivals: EntityMention[] = rule.rivalAnaphora
    ? reading
        .phrases(rule.rivalAnaphora)
        .filter((match) => !objectOfMaking(reading, match.start))
        // "its chip fab": a kind of fab, not the chip.
        .filter((match) => !SITE_AFTER.test(reading.text.slice(match.end, match.end + 10)))
        .map((match) => ({ id: RIVAL_REFERENCE, type: 'reference', start: match.start, end: match.end }))
    : [];
  // "…在泰勒工厂生产，该厂计划2026年投产": the rule's own reference word owns what follows it.
  const referredOwn: EntityMention[] =
    rule.anaphora && !subject.carried
      ? reading
          .phrases(rule.anaphora)
          .filter((match) => !objectOfMaking(reading, match.start))
          // "under the CHIPS Act": a law's name, not "the chips" referred back.
          .filter((match) => !LAW_NAME_AFTER.test(reading.text.slice(match.end, match.end + 24)))
          // "亞利桑那州新廠": a fab word right after a rival's name is that rival's.
          .filter(
            (match) =>
              !reading.mentions.some(
                (mention) =>
                  rivals.includes(mention.id) &&
                  isSiteOrPlace(mention) &&
                  mention.end <= match.start &&
                  match.start - mention.end <= 1,
              ),
          )
          // "after the company confirmed its chip deal with Samsung": the subject named after the reference
          // as its partner or cause is not the one the reference stands for.
          .filter(
            (match) =>
              !rule.rule.ownerAt ||
              OWN_SHARES_AFTER.test(reading.text.slice(match.end, match.end + 12)) ||
              !partnerNamedAfter(rule, reading, match.end),
          )
          .map(
            (match): EntityMention => ({
              id: OWN_REFERENCE,
              type: 'reference',
              start: match.start,
              end: match.end,
            }),
          )
      : [];
  const ownOrReferred = new Set([...own, OWN_REFERENCE]);
  const rivalsNamed = [...named.filter((mention) => rivals.includes(mention.id)), ...referredRivals];
  const ownNamed = named.filter((mention) => own.has(mention.id));
  // "AI6芯片将于明年在该厂进入量产阶段": the own reference word as the place of a rival's making, too.
  const makersOfRivals = new Set(
    [...ownNamed, ...referredOwn].filter((mention) => makerOfRival(reading, mention, rivalsNamed)),
  );
  // "made by Samsung in Taylor, Texas": the region after the site is the same place; "由…與三星德州泰勒廠共同生產":
  // a name written on to the maker's (its place, its site) is the same maker.
  for (const mention of ownNamed)
    if (
      ownNamed.some(
        (site) =>
          makersOfRivals.has(site) &&
          site.end <= mention.start &&
          // Written on without a space (Chinese names, 三星德州泰勒廠) — not "the Samsung Taylor plant, due to
          // open later this year", an English site with its own aside.
          (mention.type === 'place'
            ? /^(?:,\s*|的?)$/.test(reading.text.slice(site.end, mention.start))
            : isSiteOrPlace(mention) && /^的?$/.test(reading.text.slice(site.end, mention.start))),
      )
    )
      makersOfRivals.add(mention);
  const owners = [...named, ...referredRivals, ...referredOwn, ...possessiveOwners(rule, reading, ownNamed)]
    .sort((a, b) => a.start - b.start)
    .filter(
      (mention) =>
        !rivals.includes(mention.id) || mention.type !== 'chip' || !madeInRelativeClause(reading, mention),
    )
    // "Stargate, which will run on Nvidia GB200 chips, plans to invest up to $500 billion": a rival company
    // named inside a relative aside is not the one the sentence goes on about.
    .filter(
      (mention) =>
        !rivals.includes(mention.id) || mention.type !== 'company' || !inRelativeAside(reading, mention),
    )
    .filter((mention) => !makersOfRivals.has(mention))
    // "Samsung's plant in Taylor, Texas, which will manufacture Tesla's AI6, is expected to start production in
    // 2026": the subject's chip inside a relative aside owns nothing past the aside.
    .filter((mention) => !own.has(mention.id) || !chipInAsideBefore(reading, mention, at))
    // …and the other way: "AI6将在三星德州泰勒厂生产，预计2028年量产" — the fab where the subject is made owns nothing.
    // (…or a rival referred to as the place: "built on Samsung's 2nm process at the company's fab in Taylor".)
    .filter(
      (mention) =>
        !(rivals.includes(mention.id) || mention.id === RIVAL_REFERENCE) ||
        (mention.type !== 'site' && mention.type !== 'place' && mention.id !== RIVAL_REFERENCE) ||
        !(makerOfRival(reading, mention, ownNamed) || regionOfAMakingSite(reading, mention, ownNamed)),
    )
    // "produce AI6 at Taylor starting 2027": a rival site named as the place is not the one the value is about
    // (unless a clause of its own follows: "instead of its fab in Taylor, Texas, whose start … pushed back to 2027")
    // — when the subject is no site itself: "while TSMC began volume production at TSMC's Arizona fab in 2024"
    // is Arizona's start, not Taylor's.
    .filter(
      (mention) =>
        !rivals.includes(mention.id) ||
        (mention.type !== 'site' && mention.type !== 'place') ||
        ownNamed.some(isSiteOrPlace) ||
        !(
          namedAsPlace(reading, mention) ||
          PLACE_PHRASE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))
        ) ||
        OWN_RELATIVE_AFTER.test(reading.text.slice(mention.end, mention.end + 32)),
    );
  // Its own clause group names a value's owner first ("Samsung rose 6.8%, while Tesla gained 4%"); a
  // clause group that names nobody continues the sentence's subject ("三星…，但…，市占6.8%").
  const inFrame = owners.filter((mention) => frameOf(reading, mention.start) === frame);
  const relevant = inFrame.length ? inFrame : owners;
  // A subject referred back to ("The EV maker's shares were up 4%") stands where its words do.
  const referred = subject.carried
    ? subject.positions.filter(
        (position) => position < at && !givers.some((giver) => giver.start === position),
      )
    : [];
  // "市占率逾七成的台积电": a value written as the attribute of the name after it is that name's.
  // …and so is an amount set right before a name ("the $500 billion Stargate project", 5000亿美元星际之门计划).
  const attributed = relevant.find(
    (mention) =>
      mention.start > at &&
      (ATTRIBUTE_OF.test(reading.text.slice(at, mention.start)) ||
        PREMODIFIER.test(reading.text.slice(at, mention.start))),
  );
  if (attributed) return ownOrReferred.has(attributed.id);
  const lastBefore = relevant.filter((mention) => mention.end <= at).at(-1);
  // "After Intel, the CHIPS Act awarded $6.4 billion to Samsung": a giver between the last name and the
  // value hands the value on to the name after it.
  const handedOn =
    lastBefore !== undefined &&
    relevant.some((mention) => mention.start >= at) &&
    givers.some((giver) => giver.start >= lastBefore.end && giver.end <= at);
  const before = handedOn ? undefined : lastBefore;
  if (referred.length && (!before || before.start < referred.at(-1)!)) return true;
  // "AI5 and AI6 … in 2027": a subject coordinated with the rival named last shares its value.
  if (before && !ownOrReferred.has(before.id) && coordinatedWithOwn(reading, relevant, before, ownOrReferred))
    return true;
  const next = relevant.find((mention) => mention.start >= at);
  // "Intel said its first Ohio fab will not begin operating before 2030, while Samsung Austin Semiconductor
  // celebrated …": a name past a clause of its own owns nothing before it, when another is named there.
  if (
    !before &&
    next &&
    opensClauseBetween(reading.text, at, next.start) &&
    CONTRAST_BETWEEN.test(reading.text.slice(at, next.start)) &&
    // (not a person, who only speaks: "Musk said production would begin in 2026 when Samsung's Taylor fab opens").
    reading.mentions.some((mention) => mention.end <= at && !own.has(mention.id) && mention.type !== 'person')
  )
    return false;
  const owner = before ?? next;
  // Nobody named here: the value is the subject's only if the subject is in this clause group (or referred to)
  // — not as the partner of a deal ("The stock had gained 4% … after the company confirmed its chip deal
  // with Samsung" is Tesla's stock).
  if (owner === undefined)
    return (
      subject.carried ||
      subject.positions.some(
        (position) =>
          frameOf(reading, position) === frame &&
          !(rule.rule.ownerAt && namedAsPartner(reading, position)) &&
          !reading.mentions.some(
            (mention) => mention.start === position && chipInAsideBefore(reading, mention, at),
          ),
      )
    );
  return ownOrReferred.has(owner.id);
}

const LAW_NAME_AFTER = /^\s+(?:and\s+Science\s+)?Act\b/;

/** A chip inside a relative aside that closes before `at` (", which will manufacture Tesla's AI6,"). */
function chipInAsideBefore(reading: SentenceReading, mention: EntityMention, at: number): boolean {
  if (mention.type !== 'chip' || !inRelativeAside(reading, mention)) return false;
  return at > mention.end + reading.text.slice(mention.end).indexOf(',');
}

const GIVER_TYPES = new Set(['law', 'policy', 'government']);

/** "The company's shares jumped 7%": a reference that owns the shares it names. */
const OWN_SHARES_AFTER = /^\s*(?:['’]s\s+)?(?:shares?|stock)\b/i;

/** Whether the rule's own subject is named after `from` as a partner or a cause ("… deal with Samsung"). */
function partnerNamedAfter(rule: CompiledRule, reading: SentenceReading, from: number): boolean {
  return reading.mentions.some(
    (mention) =>
      mention.start >= from && rule.ownIds.has(mention.id) && namedAsPartner(reading, mention.start),
  );
}

/** "at Taylor", "in Texas", 在德州: a site or place named as where something happens. */
/** A relative clause of a place's own right after its name (and its region): ", Texas, whose start …". */
const OWN_RELATIVE_AFTER =
  /^(?:\s+(?:fab|plant|factory|facility|campus|site))?(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*,\s*(?:whose|which|(?:expected|due|set|slated|scheduled)\s+to)\b/;

/**
 * "Samsung signed the contract on Monday. Its shares jumped 6.8% and Tesla's rose 4%": a share move's
 * possessive pronoun owns the move — the subject's when the subject is named before it in the sentence,
 * another's (the one spoken of before) when the subject is named only after it.
 */
function possessiveOwners(
  rule: CompiledRule,
  reading: SentenceReading,
  ownNamed: EntityMention[],
): EntityMention[] {
  const shares = rule.rule.ownerAt !== undefined;
  // …and a market share's ("其全球晶圆代工市占率已升至约6%，与三星的差距进一步缩小": SMIC's, told before).
  const levels = rule.rule.relation.includes('market_share');
  if ((!shares && !levels) || ownNamed.length === 0) return [];
  // The pronouns are the sentence's, found once; whose each is depends on the rule's subject.
  const pattern = shares ? POSSESSIVE_BEFORE_SHARES : POSSESSIVE_BEFORE_LEVEL;
  const pronouns = reading.once(pattern.source, () =>
    [...reading.text.matchAll(pattern)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
    })),
  );
  return pronouns.map((pronoun) => ({
    id: ownNamed.some((mention) => mention.end <= pronoun.start) ? OWN_REFERENCE : RIVAL_REFERENCE,
    type: 'reference',
    ...pronoun,
  }));
}

const POSSESSIVE_BEFORE_SHARES = /\b(?:its|their)\s+(?=(?:shares|stock|share\s+price|stock\s+price)\b)/gi;
const POSSESSIVE_BEFORE_LEVEL =
  /\b(?:its|their)\s+(?=(?:[\w-]+\s+){0,3}?(?:market\s+)?share\b)|其(?=[^，。；,;]{0,10}?(?:市占率|市佔率|市占|市佔|份额|份額))/gi;

function namedAsPlace(reading: SentenceReading, mention: EntityMention): boolean {
  return /(?:\bat|\bin|在|于|於)\s*$/i.test(
    reading.text.slice(Math.max(0, mention.start - 4), mention.start),
  );
}

function coordinatedWithOwn(
  reading: SentenceReading,
  relevant: EntityMention[],
  last: EntityMention,
  own: ReadonlySet<string>,
): boolean {
  let index = relevant.indexOf(last);
  while (index > 0) {
    const previous = relevant[index - 1]!;
    if (!COORDINATED.test(reading.text.slice(previous.end, relevant[index]!.start))) return false;
    if (own.has(previous.id)) return true;
    index--;
  }
  return false;
}

/** "AI5改由三星独家代工，台积电出局": the foundry named is the one dropped. */
const DISPLACED_AFTER = /^\s*(?:出局|被踢出|被淘汰|落选|落選|缺席)/;
// "orders AI5 from Samsung in addition to TSMC", "will get AI5 from TSMC and Samsung": bought or sourced from a foundry
// (not "Samsung gets AI5 work from TSMC", work taken) — "order" as a verb
// or "order of" (not the noun right before "from": "AI5 orders from TSMC") — unless the chip's work
// moves, is taken or is cut ("moves AI5 orders from TSMC to Samsung", "wrests … from", "cuts … from").
const SOURCED_FROM =
  /\b(?:(?:dual|multi|second)-?sourc\w*|sourc(?:e|es|ed|ing)|buy(?:s|ing)?|bought|(?:get(?:s|ting)?|got|receiv(?:e|es|ed|ing))(?![^,.;]{0,24}\b(?:work|orders?|business|contracts?|share)\b)|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|order(?:s|ed|ing)?(?!\s+from\b))\b[^,.;]{0,32}\bfrom\s*$/i;
const MOVED_FROM =
  /\b(?:switch\w*|shift\w*|mov(?:e|es|ed|ing)|transfer\w*|reassign\w*|redirect\w*|pull(?:s|ed|ing)?|port(?:s|ed|ing)?|take(?:s|n|over|overs)?|took|taking|wrest\w*|snatch\w*|win(?:s|ning)?|won|poach\w*|lur(?:e|es|ed|ing)|divert\w*|relocat\w*|realloc\w*|migrat\w*|hand(?:s|ed|ing)?|cut(?:s|ting)?(?!-)|bring(?:s|ing)?|brought|withdr\w*|steal\w*|stole|grab\w*|lift(?:s|ed|ing)?)\b[^,.;]{0,40}\bfrom\s*$/i;
const sourcedFrom = (before: string) => SOURCED_FROM.test(before) && !MOVED_FROM.test(before);
const MOVED_FROM_FOUNDRY_ZH = /(?:从|從|由)\s*$/;
const MOVED_TO_FOUNDRY_ZH =
  /^\s*(?:电子|電子)?\s*(?:转至|轉至|转到|轉到|转给|轉給|转交|轉交|移交|转移至|轉移至|转移到|轉移到|改至|改由|移至|转往|轉往)/;
const DISPLACED_BEFORE =
  /(?:\bfrom|\breplac(?:e|es|ed|ing)|\bdropping|\bdrops|\bditching|\binstead\s+of|\brather\s+than|取代|而非|不再由)\s*$/i;

/**
 * The foundries a sentence attaches to the fact's chip, through a "makes" word:
 * a foundry is the subject of the nearest such word after it ("Samsung will make"),
 * or its agent just after ("made by Samsung", "由三星代工"); a chip, the object of
 * the nearest such word before it, else the next one ("AI5 will be made by…").
 */
function readEntities(
  rule: CompiledRule,
  reading: SentenceReading,
  subject: SubjectHere,
  relations: PhraseMatch<AttributeClass>[],
  compiled: CompiledRules,
): ReadValue | undefined {
  const allowed = new Set(rule.rule.value.entities ?? []);
  const chipIds = new Set(rule.rule.subject.flat());
  // "对三星代工营收的贡献", "英特尔代工业务落后": 代工 naming a business (its revenue, unit, market) makes
  // nothing, and the company that owns the business is no maker of the sentence's chip.
  const business = relations.filter(
    (match) => match.name === 'makes' && BUSINESS_AFTER.test(reading.text.slice(match.end, match.end + 4)),
  );
  const businessOwner = (mention: EntityMention) =>
    business.some((match) => match.start >= mention.end && match.start - mention.end <= 1);
  const triggers = verbGroups(
    relations.filter((match) => match.name === 'makes' && !business.includes(match)),
    reading,
    chipIds,
  );
  if (triggers.length === 0) return undefined;
  const chips = subject.carried
    ? subject.positions.map((at) => ({ start: at, end: at }))
    : reading.mentions.filter((mention) => chipIds.has(mention.id));
  // "AI5, Optimus and the Samsung contract in focus": topics listed, nothing said of the chip.
  if (!subject.carried && chips.every((chip) => inTopicList(reading, chip))) return undefined;
  // "AMD's MI450 to use TSMC 2nm, landing ahead of Tesla's AI6": the chip only named to compare with.
  if (!subject.carried && chips.every((chip) => chipComparedWith(reading, chip))) return undefined;
  const chipTriggers = new Set(
    chips.flatMap((chip) => triggerOfObject(reading, triggers, chip.start, chip.end) ?? []),
  );
  const found = withOperators(reading, compiled.operators, allowed)
    .filter((mention) => allowed.has(mention.id))
    .filter((mention) => !comparedBefore(reading.text.slice(Math.max(0, mention.start - 40), mention.start)))
    .filter((mention) => !lostChip(reading, mention, chipIds))
    .filter((mention) => !atAnotherChip(reading, mention, chipIds))
    .filter((mention) => !businessOwner(mention))
    .filter((mention) => !onlyTroubled(reading, mention, allowed))
    .filter((mention) => subject.carried || !anotherChipsClause(reading, mention.start, chipIds, mention));
  const agentTriggers = coordinatedTriggers(reading, found, (mention) =>
    triggerOfAgent(reading, triggers, mention, allowed),
  );
  let attached = found.filter((mention, index) => {
    const trigger = agentTriggers[index];
    if (trigger !== undefined && chipTriggers.has(trigger)) return true;
    // "Samsung, which already makes Tesla's AI4, lands AI6 order": past its relative aside, the name's own verb.
    const afterAside = triggerAfterAside(reading, triggers, mention);
    if (afterAside !== undefined && chipTriggers.has(afterAside)) return true;
    const verb = chineseAgentVerb(reading, triggers, mention);
    return verb !== undefined && chipTriggers.has(verb);
  });
  // One foundry, one chip, a "makes" word: they go together ("The chipmaking agreement between
  // Tesla and Samsung … as Tesla adds orders for its AI6 processors"), with less confidence.
  const weak = attached.length === 0 && soleFoundryAndChip(reading, found, chipIds, triggers);
  if (weak) attached = found;
  if (attached.length === 0) return undefined;
  // A weak pairing is as doubtful as its chip: "could be worth $30B once AI5 volumes are included".
  // …and "— and AI5 may be next": the doubt right after the chip is its own.
  const chipDoubted =
    weak &&
    chips.some(
      (chip) => reading.scopes.blockersAt(chip.start).length > 0 || doubtedRightAfter(reading, chip.end),
    );
  const open = chipDoubted
    ? []
    : attached.filter(
        (mention) =>
          reading.scopes.blockersAt(mention.start).length === 0 &&
          // "三星恐失大單": the foundry's own verb is doubted.
          !blockedVerb(reading, agentTriggers[found.indexOf(mention)]) &&
          // "Samsung's contract could grow once AI5 is included": the doubt reaches the chip.
          !chips.some(
            (chip) => chip.start > mention.end && reading.scopes.blockedBetween(mention.end, chip.start),
          ),
      );
  const named = [...new Set((open.length ? open : attached).map((mention) => mention.id))].sort();
  const displaced = attached
    .filter(
      (mention) =>
        (DISPLACED_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 16), mention.start)) &&
          // "dual-sources AI5 from TSMC and Samsung": a source, not the maker left.
          !sourcedFrom(reading.text.slice(Math.max(0, mention.start - 48), mention.start))) ||
        DISPLACED_AFTER.test(reading.text.slice(mention.end, mention.end + 6)) ||
        // "把AI6芯片的生产从三星转至台积电", "由三星電子轉交台積電": moved from it to another.
        (MOVED_FROM_FOUNDRY_ZH.test(reading.text.slice(Math.max(0, mention.start - 2), mention.start)) &&
          // (not part of it: "将部分AI5订单从台积电转至三星")
          !/(?:部分|部份|一部|少量|一些)[^，。；]{0,12}$/.test(
            reading.text.slice(Math.max(0, mention.start - 16), mention.start),
          ) &&
          MOVED_TO_FOUNDRY_ZH.test(reading.text.slice(mention.end, mention.end + 8))),
    )
    .map((mention) => mention.id);
  const frames = new Set(attached.map((mention) => frameOf(reading, mention.start)));
  const replacing = reading.scopes.replacement.some((cue) => frames.has(frameOf(reading, cue.start)));
  return {
    value: { kind: 'entities', values: named },
    blocked: open.length === 0,
    far: weak,
    replaces: replacing || displaced.length > 0,
    displaced,
  };
}

/** Whether a doubt begins within a couple of words after a position ("AI5 may be next"). */
function doubtedRightAfter(reading: SentenceReading, at: number): boolean {
  for (let position = at; position < Math.min(reading.text.length, at + 12); position++)
    if (reading.scopes.blockersAt(position).length > 0) return true;
  return false;
}

/**
 * "switches AI6 orders to TSMC after Samsung yield woes", 三星良率问题或影响特斯拉AI5订单: a foundry's troubles, a
 * cause, make nothing — unless it wins or makes all the same (三星良率不佳仍获特斯拉AI6订单, "yield woes ease as it
 * begins making Tesla's AI6"), no other foundry named before that making ("Samsung's yield problems persist even
 * as TSMC produces Tesla's AI5" is TSMC's).
 */
function onlyTroubled(
  reading: SentenceReading,
  mention: EntityMention,
  foundries: ReadonlySet<string>,
): boolean {
  const after = reading.text.slice(mention.end, mention.end + 64);
  if (!TROUBLES_AFTER.test(after)) return false;
  const overcome = OVERCOME_AFTER.exec(after);
  if (overcome === null) return true;
  const overcomeEnd = mention.end + overcome.index + overcome[0].length;
  // Another foundry in between makes it — unless that one is only a rival beaten, a comparison, or a maker
  // joined ("beating TSMC to win", "worse than TSMC's", "it, not TSMC,", "joins TSMC in making", 继台积电之后).
  return reading.mentions.some(
    (other) =>
      foundries.has(other.id) &&
      other.id !== mention.id &&
      other.start >= mention.end &&
      other.end <= overcomeEnd &&
      !RIVAL_ONLY_BEFORE.test(reading.text.slice(Math.max(0, other.start - 12), other.start)) &&
      !RIVAL_ONLY_AFTER.test(reading.text.slice(other.end, other.end + 12)),
  );
}

const RIVAL_ONLY_BEFORE =
  /(?:击败|擊敗|打败|打敗|超越|超过|超過|领先|領先|继|繼|\b(?:beat(?:s|ing)?|than|unlike|not|join(?:s|ing|ed)?|follow(?:s|ing|ed)?|after|over|outpac\w*|edg(?:e|es|ed|ing)\s+out))\s*$/i;
const RIVAL_ONLY_AFTER = /^\s*(?:之后|之後|之外|以外|poaching)/i;

const TROUBLES_AFTER =
  /^(?:['’]s)?(?:\s+(?:[\w-]*\d[\w-]*|foundry|yield|quality|production|capacity|execution|technical|manufacturing))*\s+(?:woes|problems|issues|troubles|struggles|setbacks|shortfalls|failures)\b|^(?:的)?(?:良率|良品率|产能|產能|技术|技術)?(?:问题|問題|不佳|不足|困境|危机|危機)/;

const OVERCOME_AFTER =
  /(?:解决|解決|缓解|緩解|改善|\beas(?:e|es|ed|ing)\b|仍|still|\byet\b|despite|even\s+as|开始|開始)[^。；.;]{0,32}?(?:获|獲|拿下|斩获|斬獲|量产|量產|生产|生產|代工|\b(?:begins?|starts?|will\s+start)\s+making|\bmak(?:es|ing)\b|\bproduc(?:es|ing)\b|\bbuild(?:s|ing)\b|\bwins?\b|\bwon\b|\blands?\b)/i;

const HANDED_OVER_AFTER = /^\s*(?:将|將|把)[^，。；,;]{0,14}?(?:交由|交给|交給|委托|委託|转交|轉交)/;

const BUSINESS_AFTER =
  /^(?:营收|營收|业务|業務|部门|部門|事业|事業|市场|市場|份额|份額|厂商|廠商|产能|產能|收入)/;

/**
 * "a facility in Taylor, Texas, where Tesla's AI6 chips will be manufactured": a site stands for
 * the company that runs it, when the sentence does not name that company itself.
 */
function withOperators(
  reading: SentenceReading,
  operators: ReadonlyMap<string, string>,
  allowed: ReadonlySet<string>,
): EntityMention[] {
  const mentions = reading.mentions;
  // Only the site as a place — "the Taylor fab", "in Taylor, Texas", 在泰勒工厂 — not "analyst
  // Taylor Ogan" or "the Taylor city council".
  const asSite = (mention: EntityMention) =>
    namedAsPlace(reading, mention) ||
    reading.phrases(SITE_WORDS).some((site) => site.end > mention.start && site.start - mention.end <= 10);
  const operated = mentions.flatMap((mention) => {
    const operator = operators.get(mention.id);
    return operator && allowed.has(operator) && asSite(mention)
      ? // An operator is a company (rules.json: "the company that runs it").
        [{ ...mention, id: operator, type: 'company' }]
      : [];
  });
  // "…at its Taylor, Texas fab. … The fab will manufacture Tesla's upcoming AI6 chips": a site
  // referred back to, when this sentence names no site or place of its own.
  const prior = reading.priorSite ? operators.get(reading.priorSite.id) : undefined;
  if (operated.length === 0 && prior && allowed.has(prior) && !mentions.some(isSiteOrPlace)) {
    const reference = SITE_REFERENCE.exec(reading.text);
    if (reference)
      operated.push({
        id: prior,
        type: 'company',
        start: reference.index,
        end: reference.index + reference[0].length,
      });
  }
  if (operated.length === 0) return mentions;
  const named = new Set(mentions.map((mention) => mention.id));
  return [...mentions, ...operated.filter((mention) => !named.has(mention.id))].sort(
    (a, b) => a.start - b.start,
  );
}

/** A site referred back to: "the fab", "the new plant", 该厂, 这座晶圆厂. */
const SITE_REFERENCE =
  /\b(?:the|this)\s+(?:[\w-]+\s+)?(?:fab|plant|facility|factory)\b|(?:该|該|这座|這座)(?:晶圆厂|晶圓廠|工厂|工廠|厂|廠)/i;

const COMPARED_OR_AS = /(?:\bthan|\bas|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\btimes|比|较|較)\s*$/i;
/**
 * A chip named only as the measure of another ("three times faster than AI5", 能效为AI5的三倍,
 * 性能比AI5高): it is no subject of the sentence and owns none of its values.
 */
function measuredAgainst(text: string, mention: EntityMention): boolean {
  // "市佔率…至7.3%，相當於台積電的十分之一多一點": a company only as the yardstick.
  if (mention.type === 'company')
    return COMPANY_YARDSTICK_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start));
  if (mention.type !== 'chip') return false;
  return (
    MEASURED_BEFORE.test(text.slice(Math.max(0, mention.start - 28), mention.start)) ||
    MULTIPLE_OF_BEFORE.test(text.slice(Math.max(0, mention.start - 56), mention.start)) ||
    TIMES_OF_AFTER.test(text.slice(mention.end, mention.end + 12)) ||
    // "與AI5相比，該晶片…": named to compare.
    (/(?:与|與|和|跟|同)\s*$/.test(text.slice(Math.max(0, mention.start - 2), mention.start)) &&
      /^\s*(?:相比|相較|相较|比较|比較)/.test(text.slice(mention.end, mention.end + 4))) ||
    LATER_THAN_AFTER.test(text.slice(mention.end, mention.end + 12)) ||
    (FOLLOWS_BEFORE.test(text.slice(Math.max(0, mention.start - 2), mention.start)) &&
      FOLLOWS_AFTER.test(text.slice(mention.end, mention.end + 4)))
  );
}

/**
 * A chip in a time clause: "as AI5 arrives", "when AI6 ramps", "once AI5 launches", "until AI6 starts production
 * in 2028" (what the clause tells is read for no other chip: timeClauseOfAnotherChip).
 */
function inTimeClause(text: string, mention: EntityMention, mentions: EntityMention[]): boolean {
  return (
    mention.type === 'chip' &&
    timeClauseAfter(text, mention) !== undefined &&
    // (not one that names where it is made, the last chip named: "as AI5 ramps at TSMC", "as AI6 ramps up at
    // Samsung's Taylor fab" — not "as AI5 ramps at TSMC and AI6 heads to Taylor")
    !(
      MAKER_AFTER_TIME_VERB.test(text.slice(mention.end, mention.end + 24)) &&
      !mentions.some((other) => other.type === 'chip' && other.start > mention.end)
    )
  );
}
const MAKER_AFTER_TIME_VERB = /^\s+ramps?(?:\s+up)?\s+at\s+[A-Z]/;

/** Where a chip's time clause ends, when the chip opens one. */
function timeClauseAfter(text: string, mention: { start: number; end: number }): number | undefined {
  if (!/\b(?:as|when|once|until)\s+$/i.test(text.slice(Math.max(0, mention.start - 8), mention.start)))
    return undefined;
  if (!TIME_CLAUSE_VERB.test(text.slice(mention.end, mention.end + 16))) return undefined;
  const end = text.slice(mention.end).search(/[,.;，。；]/);
  return end < 0 ? text.length : mention.end + end;
}
const TIME_CLAUSE_VERB =
  /^\s+(?:arrives?|ramps?|launches|comes|enters|takes\s+over|rolls?\s+out|debuts?|starts|begins|ships)\b/i;

/** "Samsung will make AI5 until AI6 starts production in 2028": the year is AI6's, no value of AI5's. */
function timeClauseOfAnotherChip(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): boolean {
  // The sentence's time clauses of chips that are no subject, found once a sentence.
  const clauses = reading.once('timeClauses', () =>
    reading.mentions.flatMap((chip) => {
      if (chip.type !== 'chip' || !reading.measured.has(chip)) return [];
      const end = timeClauseAfter(reading.text, chip);
      return end === undefined ? [] : [{ id: chip.id, start: chip.end, end }];
    }),
  );
  return clauses.some(
    (clause) => !rule.ownIds.has(clause.id) && mention.start >= clause.start && mention.end <= clause.end,
  );
}

const COMPANY_YARDSTICK_BEFORE =
  /(?:相當於|相当于|\b(?:a|one)[-\s](?:tenth|fifth|quarter|fraction)\s+of)\s*$/i;

const MEASURED_BEFORE =
  /(?:(?:\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\btimes|\bsuccessor\s+to|\bfollow-?up\s+to|\bas\s+[\w-]+\s+as|比|较|較)\s*(?:the\s+|its\s+|[\w-]+['’]s\s+)?|(?:不及|不如|逊于|遜於|胜过|勝過|超越|接班|接棒|继任|繼任|对标|對標)[^，,。；;]{0,8})$/i;

/** "triple the power efficiency of AI5", "twice the performance per watt of AI5": the measure of a multiple. */
const MULTIPLE_OF_BEFORE =
  /\b(?:double|triple|quadruple|twice|thrice|(?:two|three|four|five|ten|\d+(?:\.\d+)?)\s*(?:times|x))\b[^,.;:]{0,40}\bof\s+(?:the\s+|its\s+)?$/i;

/** "AI6将在AI5之后约一年推出": the chip a later one is counted from. */
const LATER_THAN_AFTER =
  /^\s*(?:之后|之後)\s*(?:约|約|大约|大約)?\s*(?:[一二两兩三半\d]+)\s*(?:年|个月|個月)/;
/** "继AI5之后": the chip a later one follows. */
const FOLLOWS_BEFORE = /[继繼]\s*$/;
const FOLLOWS_AFTER = /^\s*(?:之后|之後)/;

/** After a name, that it is the measure of a multiple: AI5的三倍, AI5's twice. */
const TIMES_OF_AFTER = /^\s*(?:的|['’]s\s)?\s*(?:[\d.]+|[一二两兩三四五六七八九十]+)\s*倍/;

function blockedVerb(reading: SentenceReading, trigger: PhraseMatch | undefined): boolean {
  return trigger !== undefined && reading.scopes.blockersAt(trigger.start, trigger).length > 0;
}

/** "lower than TSMC's", "trails Samsung", "比台积电": a foundry named for comparison, not as the maker. */
const COMPARED_BEFORE =
  /(?:\bthan|\brivals?|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bbehind|\bbeat(?:s|ing)?|\bover|击败|擊敗|力压|力壓|打败|打敗|\btrail(?:s|ing)?|\bahead\s+of|\bcompetitors?(?:\s+such\s+as)?|\blike|比|落后于|落後於|不如|对手|對手)\s*$/i;
/** Names listed before a foundry ("over TSMC and Intel"): capitalised or Chinese, so "Over time, Samsung" is no list. */
const NAMES_BEFORE = /(?:[A-Z\u3400-\u9fff][\w\u3400-\u9fff-]*\s*(?:,|\band|\bor|、|和|与|與|及)\s*){1,2}$/;

/** A comparison right before a foundry, or before the names listed with it ("over TSMC and Intel"). */
// "Unlike TSMC, Samsung will make…": only the name right after "unlike" (not a list through the comma).
const comparedBefore = (before: string) =>
  COMPARED_BEFORE.test(before.slice(-24)) ||
  /\bunlike\s*$/i.test(before.slice(-24)) ||
  COMPARED_BEFORE.test(before.replace(NAMES_BEFORE, ''));

/** A chip named after a comparison ("ahead of Tesla's AI6", "behind AI5", 落后于AI6): what another thing is measured by. */
function chipComparedWith(reading: SentenceReading, chip: { start: number; end: number }): boolean {
  const before = reading.text.slice(Math.max(0, chip.start - 40), chip.start).replace(OWNER_BEFORE_CHIP, '');
  // "well ahead of Tesla's AI6 at Samsung": its own maker named, the chip is more than a yardstick.
  return (
    CHIP_COMPARED_BEFORE.test(before) && !MAKER_AFTER_CHIP.test(reading.text.slice(chip.end, chip.end + 6))
  );
}
const MAKER_AFTER_CHIP = /^\s+(?:at|by|from)\s/i;
const OWNER_BEFORE_CHIP =
  /(?:(?:[A-Z][\w-]*['’]s?|特斯拉的?|the|own|new|next-generation|next-gen|upcoming|in-house|custom)\s*)+$/;
const CHIP_COMPARED_BEFORE =
  /(?:\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bbehind|\bahead\s+of|\boutpac\w+|\boutperform\w*|\b(?:months?|weeks?|quarters?|years?)\s+(?:before|after)|\b(?:un)?like|\brivals?|比|落后于|落後於|领先于|領先於|早于|早於|晚于|晚於)\s*$/i;

function soleFoundryAndChip(
  reading: SentenceReading,
  found: EntityMention[],
  chipIds: ReadonlySet<string>,
  triggers: PhraseMatch<AttributeClass>[],
): boolean {
  const foundries = new Set(found.map((mention) => mention.id));
  const chips = reading.mentions.filter((mention) => mention.type === 'chip');
  // "Samsung signed a foundry pact with Qualcomm, while Tesla began testing its AI5 chip": a clause of its
  // own set off by a comma (", while", ", as"…) and with no making in it parts the foundry from the chip.
  const parted = (chip: EntityMention) =>
    found.every((foundry) => {
      const [first, second] = foundry.end <= chip.start ? [foundry, chip] : [chip, foundry];
      const between = reading.text.slice(first.end, second.start);
      // "台积电亚利桑那厂为特斯拉AI5备产之际，三星泰勒厂确定明年投产": a clause set before the main one.
      if (TIME_CLAUSE_ZH.test(between)) return true;
      const opening = COMMA_CLAUSE_OPENING.exec(between);
      if (!opening) return false;
      const from = first.end + opening.index;
      const to = clauseEndOf(reading, second.end);
      return !triggers.some((trigger) => trigger.start >= from && trigger.end <= to);
    });
  return (
    foundries.size === 1 &&
    chips.some((mention) => chipIds.has(mention.id) && !parted(mention)) &&
    // "its AI5 and AI6 processors": chips named together are one order.
    chips.every(
      (mention, index) =>
        index === 0 || COORDINATED.test(reading.text.slice(chips[index - 1]!.end, mention.start)),
    )
  );
}

const COORDINATED = /^\s*(?:and|&|,|\/|、|与|與|和|及)\s*$/;

/** After a foundry, that it lost an order: "Samsung lost Tesla's AI5 order to TSMC", 三星痛失AI5订单. */
const LOST_AFTER =
  /^(?:['’]s\s+[\w ]{1,20}?)?\s*(?:,\s*(?:which|that|who)\s+)?(?:(?:lost|loses|losing)\s+out\b[^,.;]{0,32}|(?:lost|loses|losing)\b[^,.;]{0,32}?\b(?:orders?|contracts?|deal|business|bid)\b|(?:失去|丢失|丟失|丢掉|丟掉|错失|錯失|痛失)[^，。；,;\s]{0,12}?(?:订单|訂單|合同|合约|合約|大单|大單))/i;

/**
 * The foundry lost the order: not its maker — unless the lost order names another chip
 * ("三星失去AI5订单后 拿下AI6" is AI5's loss, not AI6's).
 */
/** "keeps AI4 at Samsung and AI5 at TSMC": a foundry right after "<chip> at" is that chip's alone. */
function atAnotherChip(
  reading: SentenceReading,
  foundry: EntityMention,
  chipIds: ReadonlySet<string>,
): boolean {
  const chip = reading.chips.find((other) =>
    /^\s+at\s+$/i.test(reading.text.slice(other.end, foundry.start)),
  );
  if (chip === undefined || chipIds.has(chip.id)) return false;
  // …not "AI5 and AI6 at Samsung", chips joined before it.
  return !reading.chips.some(
    (own) =>
      chipIds.has(own.id) && own.end <= chip.start && LISTED.test(reading.text.slice(own.end, chip.start)),
  );
}

function lostChip(reading: SentenceReading, foundry: EntityMention, chipIds: ReadonlySet<string>): boolean {
  if (!lostSpan(reading, foundry)) return false;
  const named = [...lostChips(reading, foundry)];
  return named.length === 0 || named.some((chip) => chipIds.has(chip.id));
}

function lostSpan(
  reading: SentenceReading,
  foundry: { end: number },
): { start: number; end: number } | undefined {
  const lost = LOST_AFTER.exec(reading.text.slice(foundry.end, foundry.end + 48));
  return lost ? { start: foundry.end, end: foundry.end + lost[0].length } : undefined;
}

/** Chips named as an order this foundry lost ("Samsung, which lost Tesla's AI5 business, …"): not its clause's. */
function lostChips(reading: SentenceReading, foundry: { end: number } | undefined): Set<EntityMention> {
  const span = foundry && lostSpan(reading, foundry);
  return new Set(
    span ? reading.chips.filter((chip) => chip.start >= span.start && chip.end <= span.end) : [],
  );
}

/**
 * Where clauses break for telling whose foundry is whose: punctuation, and a Chinese headline's
 * space after a clause (four Chinese characters or more: "特斯拉AI5由台积电代工 AI6由三星代工") —
 * not a space that only sets Latin words apart ("特斯拉 AI6 芯片 接棒 AI5") or follows 和.
 */
const CHIP_CLAUSE_BREAK =
  /[,，;；。:：、]|\s(?:while|whereas|but)\s|(?<=[\u3400-\u9fff]{4})(?<![和与與及或、])\s+(?![和与與及或、])/g;

/**
 * "AI5 will be made at TSMC, AI6 on Samsung's 2nm", "特斯拉AI5由台积电代工 AI6由三星代工",
 * "Tesla's AI4 chip, made by Samsung, will be replaced by AI5": with two chips in a sentence,
 * a foundry or a value belongs to the chip of its own clause — or, in a clause naming none, to
 * the chip a relative clause follows ("AI5, which ramps in 2027"), else to the first chip of its
 * clause group, the subject ("Tesla's AI6 chip, which follows AI5, will be made by Samsung"; a
 * group: "AI5 and AI6, both made by TSMC").
 */
function anotherChipsClause(
  reading: SentenceReading,
  position: number,
  chipIds: ReadonlySet<string>,
  foundry?: EntityMention,
): boolean {
  if (!reading.twoChips) return false;
  const lost = lostChips(reading, foundry);
  const chips = reading.chips.filter((chip) => !lost.has(chip));
  if (chips.length === 0) return false;
  const { start, end } = clauseAround(reading, position);
  const inClause = chips.filter((chip) => chip.start >= start && chip.end <= end);
  // "Samsung will supply Tesla's AI4, AI5 and AI6 chips": a list of chips runs on past the clause's comma.
  for (let next = chips.indexOf(inClause.at(-1)!) + 1; inClause.length && next < chips.length; next++) {
    if (!LISTED.test(reading.text.slice(chips[next - 1]!.end, chips[next]!.start))) break;
    // "Samsung to make AI6, AI5 stays with TSMC": a chip with a verb of its own opens its own clause.
    if (OWN_VERB_AFTER.test(reading.text.slice(chips[next]!.end, chips[next]!.end + 16))) break;
    inClause.push(chips[next]!);
  }
  if (inClause.length) return !inClause.some((chip) => chipIds.has(chip.id));
  // A foundry named before every chip is the sentence's subject ("Samsung, which makes AI4, will
  // also make AI6"): its verbs decide.
  const before = chips.filter((chip) => chip.end <= position);
  if (before.length === 0) return false;
  // "AI5, which ramps in 2027": a relative clause is the chip's right before it.
  const previous = before.at(-1)!;
  if (
    RELATIVE_OPENS.test(reading.text.slice(start, end)) &&
    /^\s*,?\s*$/.test(reading.text.slice(previous.end, start))
  )
    return !chipIds.has(previous.id);
  // Else the first chip of the clause group (the sentence's subject, with the chips coordinated
  // with it: "AI5 and AI6, both made by TSMC").
  const frame = frameOf(reading, position);
  const inFrame = before.filter((chip) => frameOf(reading, chip.start) === frame);
  const group = inFrame.length ? inFrame : before;
  let last = 0;
  while (
    last + 1 < group.length &&
    COORDINATED.test(reading.text.slice(group[last]!.end, group[last + 1]!.start))
  )
    last++;
  return !group.slice(0, last + 1).some((chip) => chipIds.has(chip.id));
}

const RELATIVE_OPENS = /^\s*(?:which|that|who)\b/i;
const OWN_VERB_AFTER =
  /^\s+(?:(?:will|would)\s+)?(?:stay|stays|staying|remain|remains|remaining|go|goes|move|moves|shift|shifts|stick|sticks|continue|continues|keep|keeps)\b|^\s+(?:is|was|are|has|had)\b|^\s+will\s+be\s+(?:made|built|produced|handled|manufactured|fabbed|sourced)\b|^\s*(?:仍|则|則|由|继续|繼續|改由)/i;
/** Between two chips of one list: "AI4, AI5 and AI6", "AI4, AI5, and AI6", AI4、AI5和AI6. */
const LISTED = /^\s*(?:,\s*(?:and\s+)?|and|&|\/|、|与|與|和|及)\s*$/;

/** A name listed with a product or programme by a comma (AI5, Dojo …; AI5、Optimus …): a topic. */
const TOPIC_SEPARATOR = /^\s*[,、，]\s*$/;

function inTopicList(reading: SentenceReading, chip: { start: number; end: number }): boolean {
  return reading.mentions.some(
    (other) =>
      ((other.type === 'product' || other.type === 'programme') &&
        (TOPIC_SEPARATOR.test(reading.text.slice(chip.end, other.start)) ||
          TOPIC_SEPARATOR.test(reading.text.slice(other.end, chip.start)))) ||
      // "to discuss AI5 and the Samsung partnership": the chip beside a deal, not its object.
      (other.type === 'company' &&
        /^\s*(?:and|&|、|与|與|和)\s*(?:the\s+|its\s+)?$/i.test(reading.text.slice(chip.end, other.start)) &&
        DEAL_NOUN_AFTER.test(reading.text.slice(other.end, other.end + 16))),
  );
}

const DEAL_NOUN_AFTER =
  /^(?:['’]s)?\s*(?:partnership|deal|contract|pact|agreement|tie-up|合同|协议|協議|合作|合约|合約)/i;

/**
 * "继三星AI6大单之后，特斯拉再把部分AI5订单交给三星", "特斯拉AI5由台积电代工 AI6由三星代工": in a sentence
 * of two chips, a name takes the verbs of its own clause when it has any.
 */
function ownClauseFirst(
  reading: SentenceReading,
  position: number,
  triggers: PhraseMatch<AttributeClass>[],
  foundry?: EntityMention,
): PhraseMatch<AttributeClass>[] {
  if (!reading.twoChips) return triggers;
  const clause = clauseAround(reading, position);
  const lost = lostChips(reading, foundry);
  // A clause naming no chip of its own ("with Samsung also producing the chip") keeps the sentence's verbs.
  if (!reading.chips.some((chip) => !lost.has(chip) && chip.start >= clause.start && chip.end <= clause.end))
    return triggers;
  const inClause = triggers.filter((trigger) => trigger.start >= clause.start && trigger.end <= clause.end);
  return inClause.length ? inClause : triggers;
}

function clauseAround(reading: SentenceReading, position: number): { start: number; end: number } {
  let start = 0;
  let end = reading.text.length;
  for (const clauseBreak of reading.clauseBreaks) {
    if (clauseBreak.start < position) start = clauseBreak.end;
    else {
      end = clauseBreak.start;
      break;
    }
  }
  return { start, end };
}

/**
 * "makes" words close together are one verb group ("will be dedicated to making",
 * "负责生产"): merged, so subject and object meet at the same group.
 */
function verbGroups(
  matches: PhraseMatch<AttributeClass>[],
  reading: SentenceReading,
  chipIds: ReadonlySet<string>,
): PhraseMatch<AttributeClass>[] {
  const groups: PhraseMatch<AttributeClass>[] = [];
  for (const match of matches) {
    const last = groups.at(-1);
    // "a deal with Samsung to source AI6" is one chain; "makes AI4 and TSMC makes AI5" is two.
    const subjectBetween =
      last !== undefined &&
      reading.mentions.some(
        (mention) =>
          mention.start >= last.end &&
          mention.end <= match.start &&
          // … nor across another company, the subject of a verb of its own ("台積電生產 三星恐失大單").
          (chipIds.has(mention.id) || mention.type === 'chip' || mention.type === 'company'),
      );
    const sameFrame = last !== undefined && frameOf(reading, last.start) === frameOf(reading, match.start);
    if (last && match.start - last.end <= 40 && !subjectBetween && sameFrame)
      last.end = Math.max(last.end, match.end);
    else groups.push({ ...match });
  }
  return groups;
}

const COORDINATION = /^\s*(?:,|，|、|and|&|as well as|与|與|和|及|以及|跟)\s*(?:both\s+)?$/i;

/**
 * Each foundry's verb; one coordinated with the foundry before it ("TSMC and
 * Samsung", 台积电与三星) shares that foundry's verb.
 */
function coordinatedTriggers(
  reading: SentenceReading,
  found: EntityMention[],
  triggerOf: (mention: EntityMention) => PhraseMatch<AttributeClass> | undefined,
): Array<PhraseMatch<AttributeClass> | undefined> {
  const result: Array<PhraseMatch<AttributeClass> | undefined> = [];
  found.forEach((mention, index) => {
    const previous = found[index - 1];
    const between = previous
      ? reading.text.slice(previous.end, mention.start).replace(/[（(][^)）]*[)）]/g, '')
      : '';
    result.push(previous && COORDINATION.test(between) ? result[index - 1] : triggerOf(mention));
  });
  return result;
}

/** The "makes" word a chip is the object of: the nearest before it in its frame, else the nearest after. */
function triggerOfObject(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  start: number,
  end: number,
): PhraseMatch<AttributeClass> | undefined {
  const frame = frameOf(reading, start);
  const inFrame = ownClauseFirst(
    reading,
    start,
    triggers.filter((trigger) => frameOf(reading, trigger.start) === frame),
  );
  // "with the AI5 chip still being manufactured using TSMC's 3nm process": the chip's own passive verb.
  const passive = inFrame.find(
    (trigger) =>
      trigger.start >= end &&
      // An aside may stand between: "the new AI5 chip, set to launch in January 2026, still being manufactured".
      PASSIVE_GAP.test(reading.text.slice(end, trigger.start).replace(/,[^,]{0,48},/, ' ')) &&
      PARTICIPLE.test(reading.text.slice(trigger.start, trigger.end)),
  );
  if (passive) return passive;
  // "将AI4晶片的後續生產由三星電子轉交台積電": the object of 将/把 is handed over by the verb that hands it.
  if (/(?:将|將|把)[^，。；,;]{0,6}$/.test(reading.text.slice(Math.max(0, start - 8), start))) {
    const handed = inFrame.find(
      (trigger) =>
        trigger.start >= end &&
        HANDOVER_WORD.test(reading.text.slice(trigger.start, trigger.end)) &&
        !/[，。；,;]/.test(reading.text.slice(end, trigger.start)),
    );
    if (handed) return handed;
  }
  // "台积电…为特斯拉AI5备产之际，三星泰勒厂确定明年投产": the main clause's making after a time clause is not its chip's.
  // …nor a making in a clause opened after the chip ("Tesla's HW4 computers get a Samsung memory upgrade as LG
  // supplies cameras").
  const after = inFrame.find(
    (trigger) =>
      trigger.start >= end &&
      !TIME_CLAUSE_ZH.test(reading.text.slice(end, trigger.start)) &&
      !opensClauseBetween(reading.text, end, trigger.start),
  );
  // "Samsung to start 2nm production in 2026 as Tesla's AI5 stays at TSMC": a chip that opens a clause of
  // its own is no object of the making before it.
  // (not a making whose chip stands before it, "AI5 ramps at TSMC and AI6 heads to Taylor")
  const before = inFrame
    .filter(
      (trigger) =>
        trigger.end <= start &&
        !opensClauseBetween(reading.text, trigger.end, start) &&
        // ("stays with Samsung for AI4" is AI4's)
        (!makerFollows(reading, trigger) ||
          /\bfor\s+(?:[\w'’-]+\s+)?$/i.test(reading.text.slice(Math.max(0, start - 20), start))),
    )
    .at(-1);
  // "台積電亞利桑那州半導體廠已量產，特斯拉AI6由三星德州廠代工": a making beyond a comma is another clause's;
  // the chip's own clause has its own.
  if (
    before &&
    after &&
    /[,，;；]/.test(reading.text.slice(before.end, start)) &&
    !/[,，;；]/.test(reading.text.slice(end, after.start))
  )
    return after;
  // …and a chip opening its own clause with no making after it is no object of one.
  if (!before && !after && opensClauseBetween(reading.text, Math.max(0, start - 48), start)) return undefined;
  return before ?? after ?? inFrame[0];
}

/** "特斯拉AI6由三星德州廠代工": the verb a Chinese agent after 由 governs, in its own clause after it. */
function chineseAgentVerb(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
): PhraseMatch<AttributeClass> | undefined {
  if (!/由\s*$/.test(reading.text.slice(Math.max(0, mention.start - 2), mention.start))) return undefined;
  const following = triggers.find((trigger) => trigger.start >= mention.end);
  return following && !/[,，;；。]/.test(reading.text.slice(mention.end, following.start))
    ? following
    : undefined;
}

/**
 * "Nvidia's Rubin promises 3x efficiency as Tesla keeps AI6 specs under wraps": a value in a clause with
 * a subject of its own, the fact's subject named only in a clause opened after it (as, while, when…).
 */
function beforeSubjectsOwnClause(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
  positions: number[],
): boolean {
  // (Not a node: "Samsung's 2nm yields climb as it prepares to build Tesla's AI6 on the node" is the chip's.)
  if (mention.value.kind === 'node' || positions.length === 0 || positions.some((at) => at < mention.end))
    return false;
  return (
    opensClauseBetween(reading.text, mention.end, Math.min(...positions)) &&
    // (not a person, who only speaks: "Musk said production would begin in 2026 when Samsung's Taylor fab opens").
    reading.mentions.some(
      (other) =>
        other.end <= mention.start && !rule.ownIds.has(other.id) && CLAUSE_SUBJECT_TYPES.has(other.type),
    )
  );
}

const CLAUSE_SUBJECT_TYPES = new Set(['company', 'affiliate', 'site', 'place', 'product', 'chip']);

const REPORTING_PERIOD_AFTER =
  /^\s*(?:年)?\s*(?:度)?\s*(?:第?[一二三四1-4]\s*季度?|Q[1-4]|[1-4]Q|上半年|下半年|全年|(?:first|second|third|fourth)[- ]quarter|full[- ]year)?\s*(?:的)?\s*(?:业绩|業績|财报|財報|earnings|results)/i;

/** A making said of its chip, its maker after it: "ramps at", "stays with", "remains at", "reach volume … at". */
const makerFollows = (reading: SentenceReading, trigger: PhraseMatch<AttributeClass>) =>
  trigger.name === 'makes' && MAKER_FOLLOWS.test(reading.text.slice(trigger.start, trigger.end));
const MAKER_FOLLOWS = /^(?:ramp|stay|remain|stick|reach|volume\s)/i;

const HANDOVER_WORD = /^(?:交由|交给|交給|转交|轉交|委托|委託)$/;

const PASSIVE_GAP =
  /^\s*(?:chips?|processors?)?\s*(?:(?:is|are|was|were|will|be|been|being|still|also|now|already|to|set|expected|slated)\s+)+$/i;
const PARTICIPLE = /^(?:made|manufactured|produced|built|fabricated|fabbed)\b/i;

/** The "makes" word a foundry is the agent of: the next one after it, or the one just before "by"/由 it. */
function triggerOfAgent(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
  foundries: ReadonlySet<string>,
): PhraseMatch<AttributeClass> | undefined {
  const frame = frameOf(reading, mention.start);
  const inFrame = ownClauseFirst(
    reading,
    mention.start,
    triggers.filter((trigger) => frameOf(reading, trigger.start) === frame),
    mention,
  );
  const around = inFrame.find((trigger) => trigger.start <= mention.start && trigger.end >= mention.end);
  if (around) return around;
  const before = reading.text.slice(Math.max(0, mention.start - 24), mention.start);
  const previous = inFrame.filter((trigger) => trigger.end <= mention.start).at(-1);
  if (
    previous &&
    (/(?:\bby|\bwith|\bto|\bat|\busing|\bthrough|\bvia|由|交由|交给|交給|给|給|and)\s*(?:both\s+|either\s+)?(?:\w+\s+and\s+)?$/i.test(
      before,
    ) ||
      // "HW4 stays on Samsung": a making word whose own preposition the foundry follows.
      (/^\s+$/.test(reading.text.slice(previous.end, mention.start)) &&
        /\son$/i.test(reading.text.slice(previous.start, previous.end)))) &&
    // "Tesla's HW4 chip stays with Samsung as AI5 ramps at TSMC": not past a clause of its own.
    !opensClauseBetween(reading.text, previous.end, mention.start)
  )
    return previous;
  // (not a making whose maker follows it, "AI5 ramps at TSMC", "stays with Samsung": a foundry before it is none of its)
  const first = inFrame.find((trigger) => trigger.start >= mention.end);
  const next = first && makerFollows(reading, first) ? undefined : first;
  // "a $16.5 billion chip deal with Samsung, with the new AI5 chip … still being manufactured using
  // TSMC's 3nm process": a making whose own agent follows it is not the foundry's named before.
  if (next && agentAfter(reading, next, mention, foundries)) return previous;
  // "TSMC will mass-produce Tesla's AI5 next year as Samsung readies AI6": a foundry opening a clause of
  // its own is no agent of the making before it.
  // …nor one in the main clause after a time clause ("三星为特斯拉AI6备产之际，台积电扩产亚利桑那厂").
  if (
    !next &&
    previous &&
    (opensClauseBetween(reading.text, previous.end, mention.start) ||
      TIME_CLAUSE_ZH.test(reading.text.slice(previous.end, mention.start)))
  )
    return undefined;
  return next ?? previous;
}

const SPEECH_VERB = /\b(?:said|says|say|told|tells|added|noted|hopes?|wants?|plans?)\b/i;

/** The first making word after a relative aside that follows a name (", which …,"), in the name's clause group. */
function triggerAfterAside(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
): PhraseMatch<AttributeClass> | undefined {
  const aside = /^\s*,\s*(?:which|who)\b[^,;]*,/i.exec(reading.text.slice(mention.end));
  if (!aside) return undefined;
  const end = mention.end + aside[0].length;
  const frame = frameOf(reading, mention.start);
  const trigger = triggers.find((found) => found.start >= end && frameOf(reading, found.start) === frame);
  if (trigger === undefined) return undefined;
  // "Samsung, which makes AI4, said TSMC will make AI5": another agent or a speech verb between is not the name's verb.
  const between = reading.text.slice(end, trigger.start);
  const anotherBetween = reading.mentions.some(
    (other) => other.start >= end && other.end <= trigger.start && other.type === 'company',
  );
  return between.length <= 24 && !anotherBetween && !SPEECH_VERB.test(between) ? trigger : undefined;
}

/** Another foundry named as the agent right after a "makes" word ("manufactured using TSMC's", "made by TSMC") — not "at Tesla's request". */
function agentAfter(
  reading: SentenceReading,
  trigger: PhraseMatch<AttributeClass>,
  mention: EntityMention,
  foundries: ReadonlySet<string>,
): boolean {
  return reading.mentions.some(
    (other) =>
      other.id !== mention.id &&
      foundries.has(other.id) &&
      other.start >= trigger.end &&
      AGENT_GAP.test(reading.text.slice(trigger.end, other.start)),
  );
}

const AGENT_GAP = /^\s*(?:(?:at|in)\s+\w+\s+)?(?:by|using|on|at)\s+(?:the\s+)?$/i;

function readStatus(
  rule: CompiledRule,
  reading: SentenceReading,
  subject: SubjectHere,
  relations: PhraseMatch<AttributeClass>[],
): ReadValue | undefined {
  const statuses = rule.rule.value.statuses ?? {};
  const nearest = (match: PhraseMatch) =>
    Math.min(...subject.positions.map((at) => Math.abs(match.start - at)));
  const said = relations
    .filter((match) => statuses[match.name] !== undefined)
    .filter((match) => nearest(match) <= MAX_DISTANCE)
    // "Dojo ended up costing more than $1 billion": an idiom, not an end.
    .filter(
      (match) => !(match.name === 'end' && /^\s*up\b/i.test(reading.text.slice(match.end, match.end + 4))),
    )
    // "Tesla cancels Model 2 but says Dojo will continue", 特斯拉叫停Cybertruck扩产 Dojo照常推进:
    // a status word with another product named between it and the subject is that product's
    // (relationOfSubject; volume production too: "AI6 will power Optimus robots shipping from 2027").
    .filter((match) => subject.carried || relationOfSubject(reading, match, subject.positions))
    .sort((a, b) => nearest(a) - nearest(b));
  if (said.length === 0) return undefined;
  // "will not apply in August as planned", 不再于2026年8月生效: not in force on schedule is a delay.
  const offSchedule = said.find(
    (match) => match.name === 'in_force' && notOnSchedule(reading, match, rule.rule.value.scheduled),
  );
  if (
    offSchedule &&
    statuses.delay &&
    said.every((match) => reading.scopes.blockersAt(match.start, match).length > 0)
  )
    return { value: { kind: 'status', value: statuses.delay }, blocked: false };
  // "the project Musk revived last month after shelving Dojo in August": what happened before another
  // status the sentence gives is the past — the other one is the news.
  // …and one "before" a status is the earlier: "Tesla revived Dojo before shelving it in January" ended it.
  const order = (match: PhraseMatch) => {
    const before = reading.text.slice(Math.max(0, match.start - 16), match.start);
    // "已叫停今年初宣布重启的Dojo 3": a status in a clause describing the subject (…的Dojo) is its past.
    const describes = subject.positions.some(
      (at) =>
        at >= match.end &&
        (/^[^，。；,;]{0,8}的\s*$/.test(reading.text.slice(match.end, at)) ||
          // "has wound down its revived Dojo 3 effort": a status word as the subject's adjective.
          (/^\s*$/.test(reading.text.slice(match.end, at)) &&
            /\b(?:its|the|their|[\w-]+['’]s)\s+$/i.test(
              reading.text.slice(Math.max(0, match.start - 16), match.start),
            ))) &&
        !said.some((other) => other.start >= match.end && other.start < at),
    );
    return describes || /\b(?:after|since)\s+(?:\w+ly\s+)?$/i.test(before)
      ? 1
      : /\bbefore\s+(?:\w+ly\s+)?$/i.test(before)
        ? -1
        : 0;
  };
  const open = said
    .filter((match) => reading.scopes.blockersAt(match.start, match).length === 0)
    .sort((a, b) => order(a) - order(b));
  // "the date the rules apply is pushed back" (適用日期延後): the change is the news, not the rule it changes.
  const change = open.find(
    (match) =>
      match.name !== 'in_force' && !open.some((other) => other.name === 'in_force' && covers(other, match)),
  );
  // "…延期條文未能完成立法程序，…規則將於8月2日如期適用": in force on schedule, said outright, is the news.
  // …when it is the subject's ("Most AI Act rules apply as planned, but the high-risk rules are delayed"
  // is a delay).
  const onSchedule = open.find(
    (match) =>
      match.name === 'in_force' &&
      AS_SCHEDULED.test(reading.text.slice(Math.max(0, match.start - 24), match.end + 12)) &&
      // …not a delay told in another clause group ("…, but the high-risk rules are delayed", 部分条款如期生效，高风险规则则推迟).
      open.every(
        (other) =>
          other.name !== 'delay' ||
          frameOf(reading, other.start) === frameOf(reading, match.start) ||
          // "EU extends AI Act deadlines, though high-risk AI rules stay on track": the delay's group does not
          // name the subject's own provision, the on-schedule one does.
          (provisionInFrame(rule, reading, match.start) && !provisionInFrame(rule, reading, other.start)),
      ),
  );
  const chosen = (onSchedule ?? (change && open[0]?.name === 'in_force' ? change : (open[0] ?? said[0])))!;
  // "rules for high-risk systems to apply from December 2027 instead of August 2026": in force later than planned.
  const name =
    chosen.name === 'in_force' &&
    statuses.delay &&
    (laterInstead(reading, chosen) ||
      laterThanScheduled(reading, chosen, rule.rule.value.scheduled) ||
      untilNoDate(reading, chosen))
      ? 'delay'
      : chosen.name;
  return { value: { kind: 'status', value: statuses[name]! }, blocked: open.length === 0 };
}

/** Whether the clause group at a position names a provision of the rule's own subject ("high-risk AI rules"). */
function provisionInFrame(rule: CompiledRule, reading: SentenceReading, at: number): boolean {
  const frame = frameOf(reading, at);
  return reading.mentions.some(
    (mention) =>
      mention.type === 'provision' &&
      rule.ownIds.has(mention.id) &&
      frameOf(reading, mention.start) === frame,
  );
}

/** "will not apply", "no longer take effect", 不再…生效: an in-force verb denied. */
const NOT_APPLYING =
  /\b(?:not|no\s+longer|won['’]t)\s+(?:\w+\s+){0,2}?(?:apply|take\s+effect|kick\s+in|come\s+into\s+force|enter\s+into\s+(?:force|application))\b|(?:不再|不会|不會|无法|無法|未能)[^，。；,;]{0,12}?(?:生效|适用|適用|实施|實施)/i;
/** In force as scheduled, said outright (not 原定, the schedule a change departs from). */
const AS_SCHEDULED = /\bas\s+(?:planned|scheduled)\b|\bon\s+(?:time|schedule|track)\b|如期|按期|按原定|照常/i;
/** The schedule named without a date: "as planned", "on time", "in August", 如期, 按原定. */
const ON_SCHEDULE_WORDS =
  /\bas\s+(?:planned|scheduled)\b|\bon\s+(?:time|schedule)\b|\bin\s+August\b|如期|按期|按原定|原定/i;

/**
 * "High-risk obligations will not apply in August as planned", 欧盟AI法案高风险条款不再于2026年8月生效:
 * an in-force word denied in a clause that names the schedule (its date, "as planned") is a delay.
 */
function notOnSchedule(
  reading: SentenceReading,
  relation: PhraseMatch,
  scheduled: string | undefined,
): boolean {
  if (!scheduled || !reading.scopes.blockersAt(relation.start, relation).includes('negation')) return false;
  const from = clauseStartOf(reading, relation.start);
  const to = clauseEndOf(reading, relation.end);
  const clause = reading.text.slice(from, to);
  const denied = NOT_APPLYING.exec(clause);
  // "will not apply to military AI systems": an exemption, not a later date.
  if (!denied || /^\s+to\b/i.test(clause.slice(denied.index + denied[0].length))) return false;
  const [year, month] = scheduled.split('-').map(Number);
  return (
    ON_SCHEDULE_WORDS.test(clause) ||
    datesOfClause(reading, relation).some(
      (date) =>
        date.value.kind === 'year' &&
        date.value.value === year &&
        (date.value.month === undefined || date.value.month === month),
    )
  );
}

/**
 * "will not apply until harmonised standards are ready": in force only once something else is done —
 * with no date of its own, a delay (a date is judged against the schedule instead).
 */
function untilNoDate(reading: SentenceReading, relation: PhraseMatch): boolean {
  return (
    /^not\b/i.test(reading.text.slice(relation.start, relation.end)) &&
    datesOfClause(reading, relation).length === 0
  );
}

/** A date as (year, month) for ordering: a part of a year ("end of 2026") by its first month. */
const monthIndex = (date: ValueMention & { range?: readonly [number, number] }) =>
  date.value.kind === 'year' ? date.value.value * 12 + (date.value.month ?? date.range?.[0] ?? 1) : 0;

/** The dates of the in-force word's own clause (up to a clause mark either side), nearest first. */
function datesOfClause(reading: SentenceReading, relation: PhraseMatch): ValueMention[] {
  const text = reading.text;
  const from = Math.max(
    ...[...text.slice(0, relation.start).matchAll(CLAUSE_PUNCTUATION)].map((m) => m.index + 1),
    0,
  );
  const rest = text.slice(relation.end).search(CLAUSE_MARK);
  const to = rest < 0 ? text.length : relation.end + rest;
  return (
    reading
      .values('year')
      // A date that begins in the clause is its own, even when its comma ends the clause ("August 2, 2028").
      .filter((date) => date.start >= from && date.start < to && date.role !== 'from')
      .sort((a, b) => Math.abs(a.start - relation.start) - Math.abs(b.start - relation.start))
  );
}

const CLAUSE_MARK = /[,，;；。:：]|\s(?:and|while|but)\s/;

/**
 * "Obligations for high-risk AI will kick in from December 2027": the in-force word's own date (the
 * nearest in its clause) later than the schedule the fact sheet has; "take effect in August 2026
 * and will be reviewed in 2028" is on time.
 */
function laterThanScheduled(
  reading: SentenceReading,
  relation: PhraseMatch,
  scheduled: string | undefined,
): boolean {
  if (!scheduled) return false;
  const [year, month] = scheduled.split('-').map(Number) as [number, number];
  const date = datesOfClause(reading, relation)[0];
  return (
    date !== undefined &&
    reading.scopes.blockersAt(date.start).length === 0 &&
    monthIndex(date) > year * 12 + month
  );
}

/**
 * The in-force word's date followed by an earlier one it replaces: "to apply from December 2027 instead
 * of August 2026", 2027年12月而非2026年8月 — in the word's own clause, not another thing's dates.
 */
function laterInstead(reading: SentenceReading, relation: PhraseMatch): boolean {
  const years = reading.values('year');
  const own = new Set(datesOfClause(reading, relation));
  return years.some((later, index) => {
    const earlier = years[index + 1];
    return (
      own.has(later) &&
      earlier !== undefined &&
      monthIndex(later) > monthIndex(earlier) &&
      INSTEAD_BETWEEN.test(reading.text.slice(later.end, earlier.start))
    );
  });
}

const INSTEAD_BETWEEN =
  /^[\s,，]*(?:instead\s+of|rather\s+than|\bnot\b|replacing|而非|而不是|取代)\s*(?:the\s+)?(?:original(?:ly)?\s+|planned\s+|原定的?|原先的?)?(?:[A-Za-z]+\s+)?$/i;

/** Whether a relation word is the subject's: no product of another kind stands between them (Model 2, Optimus). */
/**
 * "Samsung to start 2nm production in 2026 as Tesla's AI5 stays at TSMC": every mention of the subject
 * after a making opens a clause of its own — the making is not its.
 */
const NODE_BEFORE =
  /(?:\b\d+\s?(?:nm|-nanometer)|\bN\d\w*|\bSF\d\w*|\b\d+A)\s+(?:(?:mass|volume|high-volume)\s+)?$/i;

function opensOwnClauseAfter(reading: SentenceReading, match: PhraseMatch, positions: number[]): boolean {
  const after = positions.filter((at) => at >= match.end);
  return (
    after.length === positions.length &&
    // …when the making has a subject of its own before it — a company, or a node ("2nm mass production") — or
    // the clause is a contrast ("Production will start in 2026 while Tesla's AI5 remains at TSMC"); not "Mass
    // production will begin in 2027 when AI5 moves to Samsung's Taylor fab" (AI5's).
    (reading.mentions.some((mention) => mention.end <= match.start && OWNER_TYPES.has(mention.type)) ||
      NODE_BEFORE.test(reading.text.slice(Math.max(0, match.start - 12), match.start)) ||
      CONTRAST_BETWEEN.test(reading.text.slice(match.end, Math.min(...after)))) &&
    after.every((at) => opensClauseBetween(reading.text, Math.max(match.end, at - 48), at))
  );
}

function relationOfSubject(reading: SentenceReading, match: PhraseMatch, positions: number[]): boolean {
  if (positions.length === 0) return false;
  const at = positions.reduce((best, next) =>
    Math.abs(next - match.start) < Math.abs(best - match.start) ? next : best,
  );
  const [from, to] = at < match.start ? [at, match.start] : [match.end, at];
  // "Tesla ditches Nvidia GPUs for its Dojo supercomputer": another's thing dropped for the subject.
  const forTheSubject = at > match.start && PURPOSE_BEFORE.test(reading.text.slice(from, to));
  return !reading.mentions.some(
    (mention) =>
      mention.start >= from &&
      mention.start < to &&
      !positions.includes(mention.start) &&
      (mention.type === 'product' || (forTheSubject && mention.type === 'company')),
  );
}

const PURPOSE_BEFORE = /\b(?:for|in\s+favou?r\s+of)\s+(?:(?:its|the|their|[\w-]+['’]s)\s+)?$/i;

const covers = (outer: PhraseMatch, inner: PhraseMatch) =>
  outer.start <= inner.start && outer.end >= inner.end;

/**
 * The place of a fab: a place named next to a site word ("Texas fab", "plant in
 * the state of Texas", 泰勒工厂), in a clause that says the deal's chips are made
 * there (a "makes" word and AI6, or Tesla's chips).
 */
function readPlace(
  rule: CompiledRule,
  reading: SentenceReading,
  relations: PhraseMatch<AttributeClass>[],
  compiled: CompiledRules,
  carried: boolean,
): ReadValue | undefined {
  const sites = reading.phrases(SITE_WORDS);
  const near = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    b.start >= a.end - 1 ? b.start - a.end <= 24 : a.start - b.end <= 24;
  const framesMaking = new Set(
    relations.filter((match) => match.name === 'makes').map((match) => frameOf(reading, match.start)),
  );
  // The rule's chips (the deal's AI6) named in the clause, or "chips" with a customer (Tesla) named
  // or referred to and no other chip named; a rule naming no chips takes any making.
  const madeFor = rule.rule.value.madeFor;
  const ownChips = reading.mentions.filter((mention) => madeFor?.chips.includes(mention.id));
  const otherChip = (frame: number) =>
    reading.mentions.some(
      (mention) =>
        mention.type === 'chip' &&
        !madeFor?.chips.includes(mention.id) &&
        frameOf(reading, mention.start) === frame,
    );
  const ownChipIn = (frame: number) =>
    reading.mentions.some(
      (mention) => madeFor?.chips.includes(mention.id) && frameOf(reading, mention.start) === frame,
    );
  // "兩家公司將分別在亞利桑那州和德州的工廠製造該晶片" after a sentence on AI5: the chip referred to is not the deal's.
  const anotherChipReferred =
    madeFor !== undefined &&
    reading.chips.length === 0 &&
    CHIP_REFERENCE.test(reading.text) &&
    reading.priorChips.length > 0 &&
    !reading.priorChips.some((chip) => madeFor.chips.includes(chip.id));
  const dealChips = (frame: number) =>
    !madeFor ||
    ownChipIn(frame) ||
    (CHIPS.test(reading.text) &&
      !otherChip(frame) &&
      !anotherChipReferred &&
      (carried || madeFor.customers.some((id) => reading.ids.has(id))));
  // "will produce image-signal processors for Tesla's vehicle cameras at its Austin, Texas, plant": a
  // fab whose clause makes another product for the customer is no fab of the deal's chips.
  const anotherProductMade = (place: EntityMention) =>
    madeFor !== undefined &&
    !ownChipIn(frameOf(reading, place.start)) &&
    OTHER_PRODUCT.test(
      reading.text.slice(clauseStartOf(reading, place.start), clauseEndOf(reading, place.end)),
    );
  // "make AI6 chips in Texas": a place the chip itself is made in needs no site word.
  // …in the clause of its making: not "…would make its AI6 chip, then added to the gain as the robotaxi service expanded in Austin".
  // …and so does the chip referred back to ("Musk has said the chip will be made by Samsung in Texas").
  const madeIn = (place: EntityMention) => {
    const frame = frameOf(reading, place.start);
    if (!namedAsPlace(reading, place)) return false;
    if (ownChipIn(frame))
      return relations.some(
        (match) =>
          match.name === 'makes' &&
          (match.end <= place.start
            ? !clauseMarkBetween(reading, match.end, place.start)
            : !clauseMarkBetween(reading, place.end, match.start)),
      );
    // The chips referred to, made before the place: "the chip will be made by Samsung in Texas".
    return (
      dealChips(frame) &&
      relations.some(
        (match) =>
          match.name === 'makes' &&
          match.end <= place.start &&
          !clauseMarkBetween(reading, match.end, place.start) &&
          CHIPS.test(reading.text.slice(0, match.start)),
      ) &&
      // Not another customer's chips ("Apple, whose chips will be made in Austin", "chips for Nvidia").
      !reading.mentions.some(
        (mention) =>
          mention.type === 'company' &&
          !rule.ownIds.has(mention.id) &&
          frameOf(reading, mention.start) === frame,
      )
    );
  };
  const bound = reading.mentions
    .filter((mention) => compiled.places.has(mention.id))
    .filter((place) => !placeOfAnother(rule, reading, place))
    .filter((place) => sites.some((site) => near(place, site)) || madeIn(place))
    // "Apple will buy image sensors made at Samsung's Austin, Texas, plant, … after its contract to make
    // Tesla's AI6 chips": a fab of a sentence naming another customer, set apart from the deal's chip.
    .filter(
      (place) =>
        madeIn(place) ||
        !anotherCustomerNamed(rule, reading, place) ||
        ownChips.some(
          (chip) =>
            !clauseMarkBetween(reading, Math.min(chip.end, place.end), Math.max(chip.start, place.start)),
        ),
    )
    .filter(
      (place) => framesMaking.has(frameOf(reading, place.start)) && dealChips(frameOf(reading, place.start)),
    )
    .filter((place) => !anotherProductMade(place))
    // "to its Pyeongtaek campus instead of the fab in Taylor, Texas", 從德州泰勒廠改至南韓平澤廠: the fab left.
    .filter((place) => !displacedPlace(reading, place))
    // "首批工程樣品已由三星南韓華城產線交付，量產將在…泰勒晶圓廠進行": where the samples come from.
    .filter((place) => !inMilestonePiece(reading, place))
    // "在得州奥斯汀生产": the region written before another place is that place's.
    .filter(
      (place) =>
        !reading.mentions.some(
          (other) =>
            other.id !== place.id &&
            other.type === 'place' &&
            other.start === place.end &&
            CHINESE_CHAR.test(reading.text[place.end] ?? ''),
        ),
    );
  // A site referred back to needs the deal's chip named in its clause group ("该厂将…生产AI6晶片").
  const namedForDeal = (frame: number) => !madeFor || ownChipIn(frame);
  if (bound.length === 0) return placeReferredBack(reading, compiled, framesMaking, namedForDeal);
  // The most specific place named ("Taylor, Texas" over "Texas"); of two as specific, the one the
  // deal's chip itself is made in ("image sensors made at Samsung's Austin, Texas, plant, … its
  // contract to make Tesla's AI6 chips in Taylor, Texas").
  const parts = (place: EntityMention) => compiled.places.get(place.id)!.split(',').length;
  const fromChip = (place: EntityMention) =>
    Math.min(1000, ...ownChips.map((chip) => Math.abs(chip.start - place.start)));
  const best = [...bound].sort(
    (a, b) => parts(b) - parts(a) || Number(madeIn(b)) - Number(madeIn(a)) || fromChip(a) - fromChip(b),
  )[0]!;
  const value = compiled.places.get(best.id)!;
  const blocked = bound.every((place) => reading.scopes.blockersAt(place.start).length > 0);
  return { value: { kind: 'place', value }, blocked };
}

const CHIPS = /\bchips?(?:sets?)?\b|\bprocessors?\b|芯片|晶片/i;
/**
 * Before a place that a making leaves, with nothing but determiners, a fab word or the site's own
 * name between: "instead of the fab in", "instead of its Taylor, Texas fab", 而非…; not "instead of TSMC
 * to make AI6 in Taylor" (the foundry was replaced, not the place).
 */
const PLACE_LEFT_BEFORE =
  /(?:\binstead\s+of|\brather\s+than|\breplacing|\bin\s+place\s+of)\s+(?:(?:the|its|their|a|an)\s+)?(?:(?:fab|plant|facility|factory|campus|site|lines?)\s+(?:in|at)\s+)?(?:[A-Z][\w-]*\s+)?$|(?:而非|而不是|取代)(?:位于|位於|在)?[^，。；,;\s]{0,4}$/;
/** "moving AI6 production from its Austin plant to Taylor": the place a move starts from (then "to"). */
const MOVED_FROM_BEFORE =
  /\b(?:mov|shift|transfer|relocat)\w*\b[^.;,]{0,32}\bfrom\s+(?:(?:the|its|their)\s+)?(?:[A-Z][\w-]*\s+)?$/;
const MOVED_TO_AFTER = /^[^.;]{0,32}?\bto\b/;
const MOVED_FROM_ZH = /(?:从|從)[^，。；]{0,12}$/;
const MOVED_TO_AFTER_ZH =
  /^[^，。；]{0,12}?(?:改至|改到|改为|改為|移至|移到|转移至|轉移至|转移到|轉移到|转至|轉至|移往|转往|轉往)/;

function displacedPlace(reading: SentenceReading, place: EntityMention): boolean {
  // "instead of its Taylor, Texas fab": the region after a place's comma is left with it.
  const text = reading.withoutPlaceCommas;
  const before = text.slice(Math.max(0, place.start - 72), place.start);
  const after = text.slice(place.end, place.end + 40);
  // Another company between the cue and the place: what was replaced is that company.
  const cues = [
    ...before.matchAll(/instead\s+of|rather\s+than|replacing|in\s+place\s+of|而非|而不是|取代/gi),
  ];
  const cueAt = Math.max(0, place.start - 72) + (cues.at(-1)?.index ?? before.length);
  const companyBetween = reading.mentions.some(
    (mention) => mention.type === 'company' && mention.start >= cueAt && mention.end <= place.start,
  );
  if (PLACE_LEFT_BEFORE.test(before) && !companyBetween) return true;
  if (MOVED_FROM_BEFORE.test(before) && MOVED_TO_AFTER.test(after)) return true;
  return MOVED_FROM_ZH.test(before) && MOVED_TO_AFTER_ZH.test(after);
}

/** Chips of another kind than a customer's AI processors: image sensors, camera chips, memory. */
const OTHER_PRODUCT =
  /\bimage[-\s](?:sensors?|signal)|\bcamera(?:s|[-\s]chips?)?\b|\bmemory\b|\bDRAM\b|\bHBM\b|图像传感器|圖像感測器|影像感測器|图像信号|影像訊號|摄像头|攝影機|存储芯片|記憶體/i;

/** Where the clause holding `position` starts (a place's ", Texas" is no clause mark). */
function clauseStartOf(reading: SentenceReading, position: number): number {
  let start = 0;
  for (const mark of reading.text.slice(0, position).matchAll(CLAUSE_PUNCTUATION))
    if (mark[0] !== ',' || !reading.placeTail.test(reading.text.slice(mark.index))) start = mark.index + 1;
  return start;
}

/** Where the clause holding `position` ends. */
function clauseEndOf(reading: SentenceReading, position: number): number {
  for (const mark of reading.text.slice(position).matchAll(CLAUSE_PUNCTUATION))
    if (mark[0] !== ',' || !reading.placeTail.test(reading.text.slice(position + mark.index)))
      return position + mark.index;
  return reading.text.length;
}

/** A chip referred back to: 该芯片, 該晶片, "the chip". */
const CHIP_REFERENCE =
  /(?:该|該|这款|這款|此|这颗|這顆)(?:芯片|晶片)|\b(?:the|this)\s+(?:same\s+)?(?:chip|processor)\b/i;

/**
 * A company outside the rule's subject (a customer such as Apple) named in the place's own clause —
 * not one compared ("beat TSMC", 力压台积电, "rather than TSMC's") or coordinated with the customer
 * ("for Tesla and Qualcomm").
 */
function anotherCustomerNamed(rule: CompiledRule, reading: SentenceReading, place: EntityMention): boolean {
  return reading.mentions.some(
    (mention) =>
      mention.type === 'company' &&
      !rule.ownIds.has(mention.id) &&
      !COMPARED_OR_COORDINATED_BEFORE.test(
        reading.text.slice(Math.max(0, mention.start - 14), mention.start),
      ) &&
      !clauseMarkBetween(reading, Math.min(mention.end, place.end), Math.max(mention.start, place.start)),
  );
}
const COMPARED_OR_COORDINATED_BEFORE =
  /(?:\bbeat(?:s|ing)?|\bover|\bthan|\binstead\s+of|\band|\bas\s+well\s+as|&|力压|力壓|击败|擊敗|而非|和|与|與|及)\s*$/i;

/**
 * "交由台積電亞利桑那廠生產", "Intel will manufacture a portion … at its Arizona fab": a place of a
 * company outside the rule's subject (the deal's parties) is that company's, not the deal's fab.
 */
function placeOfAnother(rule: CompiledRule, reading: SentenceReading, place: EntityMention): boolean {
  const companies = reading.mentions.filter((mention) => mention.type === 'company');
  const right = companies.filter((mention) => mention.end <= place.start).at(-1);
  if (right && OWNER_GAP.test(reading.text.slice(right.end, place.start))) return !rule.ownIds.has(right.id);
  // "Intel will manufacture … at its Arizona fab": the sentence's topic (not one after "Unlike").
  if (!/\b(?:its|their)\s+$/i.test(reading.text.slice(Math.max(0, place.start - 8), place.start)))
    return false;
  const owner = reading.once('topic', () => topicOf(reading));
  return (
    owner !== undefined && owner.type === 'company' && owner.start < place.start && !rule.ownIds.has(owner.id)
  );
}

// "台積電（2330）亞利桑那州半導體廠": a stock code in brackets between the company and its place.
const OWNER_GAP = /^\s*(?:[(（]\s*[\dA-Z.:\s]{2,12}\s*[)）]\s*)?(?:['’]s\s*)?(?:的)?$/;

/**
 * "…at its Taylor, Texas fab. The fab will manufacture Tesla's upcoming AI6 chips", 该厂将…为特斯拉
 * 生产AI6晶片: a site referred back to is the place, when this sentence names none of its own.
 */
function placeReferredBack(
  reading: SentenceReading,
  compiled: CompiledRules,
  framesMaking: ReadonlySet<number>,
  namedForDeal: (frame: number) => boolean,
): ReadValue | undefined {
  const site = reading.priorSite;
  const place = site ? compiled.places.get(site.id) : undefined;
  if (!place || reading.mentions.some(isSiteOrPlace)) return undefined;
  const reference = SITE_REFERENCE.exec(reading.text);
  if (!reference) return undefined;
  const frame = frameOf(reading, reference.index);
  if (!framesMaking.has(frame) || !namedForDeal(frame)) return undefined;
  return {
    value: { kind: 'place', value: place },
    blocked: reading.scopes.blockersAt(reference.index).length > 0,
  };
}
