/**
 * One sentence read once (layer 6): the item's sentences (title first, each once, hostile lengths cut), and
 * the `SentenceReading` every rule shares — entities at once, tokens, relation words, scopes, frames and values
 * only when a rule first asks.
 */
import { cutAt } from '../../text.ts';
import type { EntityMention } from '../entities.ts';
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRules } from '../rules.ts';
import { answeredRumourEnd, findScopes, type Scopes } from '../scope.ts';
import { normaliseText, splitSentences } from '../sentences.ts';
import { type Token, tokenize } from '../tokens.ts';
import { readDates } from '../values/dates.ts';
import { readNodes, readRatios } from '../values/measures.ts';
import type { ValueMention } from '../values/mention.ts';
import { readMoney } from '../values/money.ts';
import { readPercent } from '../values/percent.ts';
import type { AnalyzableItem } from './statement.ts';

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
    const at = cut > MAX_SENTENCE / 2 ? cut + 1 : cutAt(head, MAX_SENTENCE).length;
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

/** Before " but ", a short negated phrase: "not at its Austin fab but at its Taylor plant" corrects, in one frame. */
const NOT_A_BUT = String.raw`(?<!\bnot\s+(?:[\w'’-]+\s+){0,5}[\w'’-]+)`;

/**
 * Where a sentence's frames part. (Not "，并称…" nor "，并由三星…生产", which go on with the subject before them: "…统一称为AI5，
 * 并称该芯片由台积电与三星两家代工", "AI6晶片的運算性能將是AI5的兩倍左右，並由三星在德州廠生產"; nor ", and later/then" before a
 * verb: "lifted the plan to $44 billion in 2024, and later trimmed it to $37 billion" is a sequence of one subject.)
 * A Chinese clause with a subject of its own that still keeps a schedule parts too: "…通用型AI模型的義務8月2日起生效，
 * 高風險系統規定仍將於2026年8月如期適用". So does a share's move "also" told of another company: "三星電子股價大漲6.8%，特斯拉也上漲
 * 約4%" (only a move: "…，三星德州廠也將分擔部分AI5產能" goes on with the making before it).
 */
const FRAME_BREAK = new RegExp(
  String.raw`[;；•\u2460-\u2473\u2776-\u277F]|，而|，但|，并(?!称|稱|表示|指出|透露|强调|強調|说|說|由(?=[^，。；]{1,16}?(?:生产|生產|代工|制造|製造)))|，並(?!称|稱|表示|指出|透露|强调|強調|说|說|由(?=[^，。；]{1,16}?(?:生产|生產|代工|制造|製造)))|，同时|，同時|，主因|，主要因为|，主要因為|，原因是|, because |，(?=[^，。]{1,12}?(?<![规規原准準细細否法])[则則])|，(?=[^，。也亦]{2,8}?(?:也|亦)(?:大幅|小幅|同步)?(?:上涨|上漲|下跌|大涨|大漲|大跌|走高|走低|收涨|收漲|收跌))|，(?=[^，。仍]{2,12}?仍(?:将|將|然)?(?:於|于|在|按|如期))|(?<=[\u3400-\u9fff])\s+(?=[^，。\s]{1,12}?(?<![规規原准準细細否法])[则則])|, while |, whereas |, leaving |, citing |${NOT_A_BUT}, but |, and (?!(?:then|later|subsequently|eventually)\s+[a-z])|, unlike | unlike | while | whereas |${NOT_A_BUT} but | - |——`,
  'g',
);

/**
 * The frame breaks of a sentence — and, when it opens with a clause of its own, the comma that ends it: a concession
 * ("While the omnibus pushed back the high-risk rules to December 2027, transparency duties remain on track"), or an
 * absolute "with" naming no company or chip ("With obligations for general-purpose AI models taking effect on
 * Aug. 2, a Commission spokesperson repeated …" — not "With Samsung making AI6 at Taylor, TSMC will keep AI5").
 */
function framesOf(text: string, mentions: readonly EntityMention[]): number[] {
  const breaks = [...text.matchAll(FRAME_BREAK)].map((match) => match.index);
  const opening = OPENING_CLAUSE.exec(text);
  if (!opening) return breaks;
  const comma = opening.index + opening[0].length - 1;
  if (
    /^\s*with\s/i.test(opening[0]) &&
    mentions.some(
      (mention) => mention.start < comma && (mention.type === 'company' || mention.type === 'chip'),
    )
  )
    return breaks;
  return breaks.includes(comma) ? breaks : [...breaks, comma].sort((a, b) => a - b);
}

const OPENING_CLAUSE = /^\s*(?:while|although|though|whereas|even\s+as|with)\s[^,;]{8,160},/i;

/**
 * Everything read from one sentence, once, whatever the facts. Entities are read at
 * once (they decide whether anything else is needed); tokens, relation words, scopes,
 * frames and values only when a rule first asks — most sentences of a feed name
 * nothing of the story. A class, not closures: a feed's worth of sentences is read a
 * second, and one shape with methods keeps that cheap.
 */
export class SentenceReading {
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
  /**
   * The sentence before told a volume production, for a chip that follows it in this one ("AI5 will be in volume
   * production in 2027. Its successor, AI6, would follow in 2028.").
   */
  afterVolume = false;
  /** The company the item's headline leads with, for the sentences after it ("the company" may stand for it). */
  titleLead?: string;
  /**
   * The company the sentence before leads with, when that sentence is the lede's own ("這家台灣晶圓代工龍頭的股價…下跌。
   * 不過，該公司仍負責生產…": the company stands for it, not for the headline's lead).
   */
  priorLead?: string;
  /**
   * A timeline's entry of a later year follows this one in the item, naming the same thing with a figure of its own
   * ("2024: OpenAI first pitched a $100 billion Stargate. 2025: Stargate launched at up to $500 billion.").
   */
  laterTimelineEntry = false;
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
          // "针对“三星将独家代工特斯拉AI5芯片”的传闻，三星…回应称报道不实，公司目前仅为特斯拉代工AI6芯片": a chip named only in the
          // rumour the sentence answers is no chip of its own clauses.
          (mention.type === 'chip' && mention.end <= answeredRumourEnd(text)) ||
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
    this.#frames ??= framesOf(this.text, this.mentions);
    return this.#frames;
  }

  /** Where the sentence breaks into the clauses that tell whose foundry is whose (CHIP_CLAUSE_BREAK). */
  get clauseBreaks(): Array<{ start: number; end: number }> {
    // (a place's region comma breaks nothing: "Samsung's Taylor, Texas, fab would start turning out AI6")
    this.#clauseBreaks ??= [...this.withoutPlaceCommas.matchAll(CHIP_CLAUSE_BREAK)]
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

  /** Whether an entity is one of the story's own parties (CompiledRules.partyIds). */
  isParty(id: string): boolean {
    return this.compiled.partyIds.has(id);
  }

  /** Whether an entity is one of the story's makers (CompiledRules.makerIds). */
  isMaker(id: string): boolean {
    return this.compiled.makerIds.has(id);
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
        return readDates(
          this.text,
          this.publishedYear,
          this.publishedDay === undefined ? undefined : Number(this.publishedDay.slice(5, 7)),
        );
      case 'node':
        return readNodes(this.text);
      case 'ratio':
        return readRatios(this.text);
      default:
        return [];
    }
  }

  #addRelations(name: AttributeClass, matches: PhraseMatch<AttributeClass>[]) {
    this.#relations = [...this.#relations, ...matches].sort((a, b) => a.start - b.start || a.end - b.end);
    this.#lists!.set(name, [...(this.#lists!.get(name) ?? []), ...matches]);
  }

  /**
   * A headline's shorthand for a making, with no verb: a chip, then "at" or a colon, then one of the story's
   * makers ("Tesla chips, decoded: AI5 at TSMC and Samsung, AI6 at Samsung", "AI5 chips: TSMC and Samsung").
   */
  #shorthandMakings(): PhraseMatch<AttributeClass>[] {
    const found: PhraseMatch<AttributeClass>[] = [];
    const listed = new Set<EntityMention>();
    for (const chip of this.chips) {
      const makers = this.#shorthandMakersOf(chip);
      if (!makers) continue;
      // Only when no maker stands before the chip but another chip's ("AI4 at Samsung, AI5 at TSMC"): in
      // "Dojo 3 at Samsung, AI5 at TSMC" Samsung would be taken for one of AI5's makers.
      const before = this.mentions.filter((mention) => mention.end <= chip.start && this.isMaker(mention.id));
      if (before.some((maker) => !listed.has(maker))) continue;
      for (const maker of makers) listed.add(maker);
      // (the word itself, "at" or the colon, as a relation word is)
      const between = this.text.slice(chip.end, makers[0]!.start);
      const word = /\bat\b|[:：]/i.exec(between)!;
      found.push({
        name: 'makes',
        start: chip.end + word.index,
        end: chip.end + word.index + word[0].length,
      });
    }
    return found;
  }

  /** "Samsung up 4%", "Samsung Electronics (005930.KS) down 2.1%": the "up"/"down" right after a company's name. */
  #nameUpOrDown(): PhraseMatch<AttributeClass>[] {
    return this.mentions
      .filter((mention) => mention.type === 'company')
      .flatMap((mention) => {
        const move = NAME_UP_OR_DOWN.exec(this.text.slice(mention.end, mention.end + 48));
        if (!move) return [];
        const start = mention.end + move.index + move[0].length - move[1]!.length;
        return [{ name: 'stock_move', start, end: start + move[1]!.length } as const];
      });
  }

  /** "AI6 is Samsung's alone", "AI4 remains Samsung's": the "is" between a chip and its maker's possessive. */
  #chipsOwnedByMakers(): PhraseMatch<AttributeClass>[] {
    const found: PhraseMatch<AttributeClass>[] = [];
    for (const chip of this.chips) {
      const verb = CHIP_IS_BEFORE_MAKER.exec(this.text.slice(chip.end, chip.end + 24));
      if (!verb) continue;
      const maker = this.mentions.find((mention) => mention.start === chip.end + verb[0].length);
      if (
        !maker ||
        !this.isMaker(maker.id) ||
        !MAKERS_OWN_AFTER.test(this.text.slice(maker.end, maker.end + 24))
      )
        continue;
      found.push({ name: 'makes', start: chip.end + verb.index, end: chip.end + verb[0].length });
    }
    return found;
  }

  /**
   * "AI6 on Samsung 2nm", "AI6 will follow on Samsung's 2-nanometre process", "採三星2奈米製程", 改用三星1.4纳米工艺: a
   * chip set on a maker's process node is made by that maker (the adopting word, read as a making, before the maker).
   */
  #processesAdopted(): PhraseMatch<AttributeClass>[] {
    const found: PhraseMatch<AttributeClass>[] = [];
    for (const maker of this.mentions) {
      if (!this.isMaker(maker.id) || !NODE_AFTER_MAKER.test(this.text.slice(maker.end, maker.end + 24)))
        continue;
      const adopts = ADOPTS_BEFORE_MAKER.exec(this.text.slice(Math.max(0, maker.start - 4), maker.start));
      if (!adopts) continue;
      const start = maker.start - adopts[0].length;
      // ("on" after the chip or a verb that sets it there: not "citing delays on Samsung's 2nm line")
      if (
        /^on/i.test(adopts[0]) &&
        !this.chips.some((chip) => /^\s*$/.test(this.text.slice(chip.end, start))) &&
        !SET_ON_BEFORE.test(this.text.slice(Math.max(0, start - 24), start))
      )
        continue;
      found.push({ name: 'makes', start, end: maker.start });
    }
    return found;
  }

  /** The makers a chip's shorthand lists, when the shorthand stands alone in its clause. */
  #shorthandMakersOf(chip: EntityMention): EntityMention[] | undefined {
    const after = this.mentions.filter((mention) => mention.start >= chip.end);
    const first = after[0];
    if (!first || !this.isMaker(first.id) || first.start - chip.end > 16) return undefined;
    if (!SHORTHAND_MADE_AT.test(this.text.slice(chip.end, first.start))) return undefined;
    if (!SHORTHAND_OPENS.test(this.text.slice(0, chip.start))) return undefined;
    // The makers' list ("TSMC and Samsung"), then nothing of the clause: not "AI5 at Samsung would be a coup".
    const makers = [first];
    for (const next of after.slice(1)) {
      if (!this.isMaker(next.id) || !MAKERS_JOINED.test(this.text.slice(makers.at(-1)!.end, next.start)))
        break;
      makers.push(next);
    }
    return SHORTHAND_ENDS.test(this.text.slice(makers.at(-1)!.end)) ? makers : undefined;
  }

  #listed(): Map<string, PhraseMatch[]> {
    if (!this.#lists) {
      this.#lists = new Map();
      // (an amount counts as one word too: "the 22.8 trillion won ($16.5 billion) contract" is "the ... contract")
      const amounts = /\d/.test(this.text) ? this.values('money') : [];
      const inEntity = tokensInEntities(
        this.tokens,
        amounts.length ? [...this.mentions, ...amounts] : this.mentions,
      );
      // "splitting orders with Taiwan Semiconductor Manufacturing Co.": a word of a company's name is no relation.
      const inCompanyName = (match: PhraseMatch) =>
        this.mentions.some(
          (mention) => mention.type === 'company' && mention.start < match.start && mention.end >= match.end,
        );
      for (const match of this.compiled.phrases.find(this.text, this.tokens, inEntity)) {
        const same = this.#lists.get(match.name);
        if (same) same.push(match);
        else this.#lists.set(match.name, [match]);
        if (!match.name.includes('#') && !inCompanyName(match))
          this.#relations.push(match as PhraseMatch<AttributeClass>);
      }
      this.#relations = withoutMeasureSuffixes(this.#relations, this.text);
      // "Samsung Electronics: +6.8%", "Samsung closed +6.8% and Tesla +4.0%": a market table's sign is its move.
      const signed = [...this.text.matchAll(SIGNED_MOVE)].map(
        (match) => ({ name: 'stock_move', start: match.index, end: match.index + 1 }) as const,
      );
      if (signed.length) this.#addRelations('stock_move', signed);
      // "Samsung (005930.KS) up 4% on Tesla chip contract": a company's name, then up or down by a percentage, is a
      // headline's stock move.
      const upOrDown = /\b(?:up|down)\b/i.test(this.text) ? this.#nameUpOrDown() : [];
      if (upOrDown.length) this.#addRelations('stock_move', upOrDown);
      // (only where no word tells a making: a shorthand's "at" would take the makers from the sentence's verb)
      const madeAt = this.#lists.has('makes') ? [] : this.#shorthandMakings();
      if (madeAt.length) this.#addRelations('makes', madeAt);
      const adopted = /\d/.test(this.text) ? this.#processesAdopted() : [];
      if (adopted.length) this.#addRelations('makes', adopted);
      // "…, while AI6 is Samsung's alone": a chip told as a maker's own is made by it.
      const owned = /['’]s\b|-(?:only|made|built|exclusive)\b/.test(this.text)
        ? this.#chipsOwnedByMakers()
        : [];
      if (owned.length) this.#addRelations('makes', owned);
      // "签订价值165亿美元、至2033年底的芯片代工合同": a term listed after the value, the year then the contract it ends.
      const listedTerms = [...this.text.matchAll(TERM_LISTED_ZH)].map(
        (match) => ({ name: 'term_end', start: match.index, end: match.index + 2 }) as const,
      );
      if (listedTerms.length) this.#addRelations('term_end', listedTerms);
      // "三星370亿美元的泰勒工厂": an amount describing a plant (…亿美元的…工厂) is what the plant costs, as "its $37
      // billion Taylor fab" is.
      const plantCosts = [...this.text.matchAll(AMOUNT_OF_PLANT_ZH)].map(
        (match) => ({ name: 'investment', start: match.index, end: match.index + 3 }) as const,
      );
      if (plantCosts.length) this.#addRelations('investment', plantCosts);
      // "AI5 … will now reach high volume in 2027, and AI6 is slated to follow in 2028": a chip that follows another
      // into volume production, the word standing for the production told before it.
      // "AI6 still on track for 2028 volume": a year before "volume" names when the volume production comes.
      const yearVolume = /\d\s+volume\b/i.test(this.text)
        ? [...this.text.matchAll(YEAR_VOLUME)].map(
            (match) =>
              ({
                name: 'volume_production',
                start: match.index + match[0].length - 6,
                end: match.index + match[0].length,
              }) as const,
          )
        : [];
      if (yearVolume.length) this.#addRelations('volume_production', yearVolume);
      // (…or told in the sentence before: "…in volume production in 2027. Its successor, AI6, would follow in 2028")
      const volume = this.#lists.get('volume_production')?.[0];
      const from = volume ? volume.end : this.afterVolume ? 0 : -1;
      if (from >= 0) {
        const follows = [...this.text.slice(from).matchAll(FOLLOWS_INTO)].map(
          (match) =>
            ({
              name: 'volume_production',
              start: from + match.index,
              end: from + match.index + match[0].length,
            }) as const,
        );
        if (follows.length) this.#addRelations('volume_production', follows);
      }
    }
    return this.#lists;
  }
}

/** A word that sets a chip on what follows, right before a maker's name: "on", 採/采, 改用, 改採. */
const ADOPTS_BEFORE_MAKER = /(?:\bon\s+|改採|改采|改用|(?<![风風博])[採采])$/i;

/** A verb that sets a chip on a process, right before "on": "will follow on", "is built on", "moves on". */
const SET_ON_BEFORE =
  /\b(?:follow|follows|followed|built|made|fabbed|fabricated|manufactured|produced|based|run|runs|moves?|moved|shifts?|shifted|switch(?:es|ed)?|taped\s+out|tapes\s+out|be|is|are|will\s+be)\s+$/i;

/** A process node right after a maker's name: " 2nm", "'s 2-nanometre process", "2奈米製程", " SF2", "的1.4纳米". */
const NODE_AFTER_MAKER =
  /^(?:['’]s)?\s?(?:的)?(?:\d+(?:\.\d+)?\s?-?(?:nm|nanometer|nanometre|奈米|纳米|納米)|SF\d)/i;

export const NONE: PhraseMatch[] = [];

/** 、至 a year (its end or month) 的 … contract: "价值165亿美元、至2033年底的芯片代工合同" (not "、至2026年泰勒厂投产后开始供货"). */
const TERM_LISTED_ZH =
  /、至\s*(?:(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})\s*年(?:底|末|\d{1,2}月(?:\d{1,2}日)?)?的[^，。；,;]{0,8}?(?:合同|合约|合約|协议|協議)/g;

// (the plant's own name between, no verb or other noun: not "165亿美元的合同将由泰勒工厂执行")
const AMOUNT_OF_PLANT_ZH =
  /(?:亿|億)美元的(?:(?:三星|德州|德克萨斯州?|德克薩斯州?|美国|美國|泰勒|新)\s*){0,3}(?:晶圆厂|晶圓廠|工厂|工廠|厂|廠)/g;

/** A year right before "volume" (not "volumes", not "volume of …"): "on track for 2028 volume". */
const YEAR_VOLUME = /\b(?:19|20)\d{2}\s+volume(?!s|\s+of\b)\b/gi;

/** After a chip, that it follows another into what the sentence told: "is slated to follow in", "following in". */
const FOLLOWS_INTO =
  /\b(?:(?:is|are)\s+(?:slated|set|expected|due|scheduled|poised)\s+to\s+follow|to\s+follow|will\s+follow|would\s+follow|follows|following)(?=\s+(?:in|by)\s+(?:(?:early|mid|late)[-\s]+)?(?:19|20)\d{2}\b)|(?<=(?:19|20)\d{2}\s?年(?:[上下]半年|底|初|中)?\s?)(?:跟进|跟進|接棒)/gi;

/** Between a chip and its maker in a headline's shorthand: "AI5 at TSMC", "AI5 chips: TSMC and Samsung". */
const SHORTHAND_MADE_AT = /^\s*(?:chips?\s*)?(?:\sat\s+|[:：]\s*)(?:both\s+)?$/i;
const MAKERS_JOINED = /^\s*(?:,|and|&|、|和|与|與)\s*$/i;
/** After the shorthand's makers, its clause ends (or says who reports it). */
const SHORTHAND_ENDS = /^\s*(?:$|[,;.!?|，；。！？]|\s-\s|[—–]|(?:sources?|reports?)\s+(?:say|said|says)\b)/i;
/**
 * Before the chip in its clause, only its owner: the shorthand opens its clause ("decoded: AI5 at …", "Tesla's AI5
 * at …") — not "Musk wants AI6 at Intel, too".
 */
const SHORTHAND_OPENS = /(?:^|[,;:|，；：]|\s-\s|[—–])\s*(?:(?:Tesla|Musk|特斯拉)(?:['’]s)?\s*)?$/i;

/** Between a chip and its maker's possessive: "is", "remains", "will be" ("AI6 is Samsung's alone"). */
const CHIP_IS_BEFORE_MAKER =
  /^\s+(?:is|remains|stays|will\s+be|will\s+remain)\s+(?:(?:solely|entirely|exclusively|still)\s+)?(?:an?\s+)?/i;
/**
 * After the maker's name: its possessive, then nothing owned ("Samsung's alone", "Samsung's." — not "Samsung's order"),
 * or its part ("AI6 is a Samsung-only part").
 */
const MAKERS_OWN_AFTER =
  /^(?:(?:\s+(?:Electronics|Foundry))?['’]s?(?:\s+(?:alone|exclusively|entirely|too|to\s+make|to\s+build|to\s+lose))?|-(?:only|made|built|exclusive)\s+(?:part|chip|product|processor|design))(?=\s*(?:[,.;:)]|$|\s+(?:and|while|but|as|for|from|in|at)\b))/i;

/** After a company's name, its ticker or none, then "up"/"down" by a percentage ("Samsung (005930.KS) up 4%"). */
const NAME_UP_OR_DOWN =
  /^(?:\s*\([^()]{1,20}\)|\s+[\d]{4,6}\.[A-Z]{2})?\s+(up|down)(?=\s+(?:as\s+much\s+as\s+|nearly\s+|about\s+|almost\s+|over\s+|more\s+than\s+)?\d+(?:\.\d+)?\s?(?:%|％|percent\b))/i;

/** A signed percentage standing alone, as in a market table: "+6.8%", "−0.3%" (not "5-6%", "x+2%"). */
const SIGNED_MOVE = /(?<![\w.%+\-−])[+＋−](?=\s?\d+(?:\.\d+)?\s?(?:%|％|percent\b))/g;

/** Chinese words that name a measure of whatever the word before them names: an amount, a figure. */
const MEASURE_WORD = /^(?:金额|金額|数字|數字|数额|數額|规模|規模)$/;

/**
 * Relation words without a generic measure that ends a longer word of another class: in 投资金额 ("the amount
 * invested") the amount 金额, a deal's size on its own, is the investment's.
 */
function withoutMeasureSuffixes<Match extends PhraseMatch>(matches: Match[], text: string): Match[] {
  const measures = matches.filter((match) => MEASURE_WORD.test(text.slice(match.start, match.end)));
  if (!measures.length) return matches;
  return matches.filter(
    (match) =>
      !measures.includes(match) ||
      !matches.some(
        (longer) => longer.name !== match.name && longer.start < match.start && longer.end === match.end,
      ),
  );
}

/**
 * For each token, whether it goes on an entity's name — or an amount — begun before it ("AI Act": "Act";
 * "22.8 trillion won": "trillion", "won"). One pass over tokens and spans, both in order of position.
 */
function tokensInEntities(
  tokens: readonly Token[],
  mentions: readonly { start: number; end: number }[],
): boolean[] {
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
    // …nor does the comma that closes the region before a preposition or a site's noun ("in Taylor, Texas, to as
    // much as $50 billion", "its Taylor, Texas, plant").
    else if (
      REGION_CLOSED_BEFORE.test(text.slice(at)) &&
      mentions.some(
        (mention) =>
          mention.end === at &&
          mention.type === 'place' &&
          masked[mention.start - 2] === ' ' &&
          text[mention.start - 2] === ',',
      )
    )
      masked = `${masked.slice(0, at)} ${masked.slice(at + 1)}`;
  return masked;
}

const REGION_CLOSED_BEFORE =
  /^,\s+(?:to|in|on|at|for|by|from|with|into|through|plants?|fabs?|facility|facilities|factory|site|campus|complex|project|operations?|investments?|spending|budget|expansion|award|grants?|subsid(?:y|ies)|funding|production|output|lines?|foundry|chip|chipmaking|chip-making|semiconductor|manufacturing|hub|would|will|could|might|may|is|was|has|had|remains?)\b/;

/**
 * A chip named only as the measure of another ("three times faster than AI5", 能效为AI5的三倍,
 * 性能比AI5高): it is no subject of the sentence and owns none of its values.
 */
function measuredAgainst(text: string, mention: EntityMention): boolean {
  // "市佔率…至7.3%，相當於台積電的十分之一多一點": a company only as the yardstick.
  // (not one whose own value follows: "far behind TSMC's 67 percent")
  // "與台積電差距擴大至66.9個百分點", "the gap with TSMC": the company a gap is measured from.
  if (
    mention.type === 'company' &&
    ((/(?:与|與|和|跟|同)\s*$/.test(text.slice(Math.max(0, mention.start - 2), mention.start)) &&
      /^\s*(?:的)?(?:差距|落差)/.test(text.slice(mention.end, mention.end + 4))) ||
      (/\bgap\s+(?:with|to)\s+$/i.test(text.slice(Math.max(0, mention.start - 12), mention.start)) &&
        // (not one whose own value follows: "widening the gap with TSMC, whose share exceeded 70%")
        !/^\s*,\s*(?:whose|which)\b/i.test(text.slice(mention.end, mention.end + 10))))
  )
    return true;
  if (mention.type === 'company')
    return (
      COMPANY_YARDSTICK_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start)) &&
      !/^['’]s?\s/.test(text.slice(mention.end, mention.end + 3)) &&
      // (…nor "far ahead of Samsung Electronics at about 8%", "behind TSMC with 67%": its own value right after it)
      !/^\s*,?\s*(?:at|with|on)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|just\s+)?\d/i.test(
        text.slice(mention.end, mention.end + 24),
      )
    );
  // "in Taylor, just outside Austin", "its new fab northeast of Austin": a place named only to locate another.
  if (mention.type === 'place' && locatesAnother(text, mention.start)) return true;
  // "Microsoft's Fairwater program …, rivaling Stargate", 比肩星际之门: a programme named only as another's yardstick.
  // ("Amazon's data-centre plan, Stargate-sized at $500 billion", "a Stargate-style project": its measure as a word)
  if (mention.type === 'programme')
    return (
      PROGRAMME_YARDSTICK_BEFORE.test(text.slice(Math.max(0, mention.start - 24), mention.start)) ||
      /^-(?:sized?|scale|like|style|class|esque)\b/i.test(text.slice(mention.end, mention.end + 8)) ||
      // (星际之门规模的数据中心, 星际之门式的项目: its measure as a word)
      /^\s*(?:规模的|規模的|级别的|級別的|式的?|级的?|級的?|般的)/.test(
        text.slice(mention.end, mention.end + 6),
      )
    );
  if (mention.type !== 'chip') return false;
  return (
    MEASURED_BEFORE.test(text.slice(Math.max(0, mention.start - 28), mention.start)) ||
    MULTIPLE_OF_BEFORE.test(text.slice(Math.max(0, mention.start - 56), mention.start)) ||
    TIMES_OF_AFTER.test(text.slice(mention.end, mention.end + 12)) ||
    // "與AI5相比，該晶片…": named to compare.
    (/(?:与|與|和|跟|同)\s*$/.test(text.slice(Math.max(0, mention.start - 2), mention.start)) &&
      /^\s*(?:相比|相較|相较|比较|比較)/.test(text.slice(mention.end, mention.end + 4))) ||
    LATER_THAN_AFTER.test(text.slice(mention.end, mention.end + 12)) ||
    // "AI6 roughly doubles AI5's performance per watt": the chip whose measure is multiplied.
    (/\b(?:doubles|doubled|triples|tripled|quadruples|quadrupled)\s+$/i.test(
      text.slice(Math.max(0, mention.start - 12), mention.start),
    ) &&
      /^['’]s\s/.test(text.slice(mention.end, mention.end + 3))) ||
    // "Tesla's AI6 rival: Nvidia's Rubin heads to TSMC", AI6的对手: a chip whose rival is the news.
    /^\s*(?:chip\s+)?(?:rivals?|challengers?|competitors?|killers?)\b|^\s*的?(?:对手|對手|竞争对手|競爭對手)/i.test(
      text.slice(mention.end, mention.end + 16),
    ) ||
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
export function timeClauseAfter(text: string, mention: { start: number; end: number }): number | undefined {
  if (!/\b(?:as|when|once|until)\s+$/i.test(text.slice(Math.max(0, mention.start - 8), mention.start)))
    return undefined;
  if (!TIME_CLAUSE_VERB.test(text.slice(mention.end, mention.end + 16))) return undefined;
  const end = text.slice(mention.end).search(/[,.;，。；]/);
  return end < 0 ? text.length : mention.end + end;
}

const TIME_CLAUSE_VERB =
  /^\s+(?:arrives?|ramps?|launches|comes|enters|takes\s+over|rolls?\s+out|debuts?|starts|begins|ships)\b/i;

// (…or a rank's: "the world's third-largest contract chipmaker behind TSMC and Samsung")
const COMPANY_YARDSTICK_BEFORE =
  /(?:相當於|相当于|\b(?:a|one)[-\s](?:tenth|fifth|quarter|fraction)\s+of|\b(?:behind|trailing|ahead\s+of)\s+(?:[A-Z][\w-]*\s+(?:and|&)\s+)?)\s*$/i;

/**
 * Whether what stands at `at` (a place, or a not-word naming one) is named only to locate another: "in Taylor, just
 * outside Austin", "northeast of Austin", "30 miles from Austin".
 */
export const locatesAnother = (text: string, at: number) =>
  LOCATOR_BEFORE.test(text.slice(Math.max(0, at - 40), at));

const LOCATOR_BEFORE =
  /\b(?:(?:just\s+)?outside(?:\s+of)?|near|(?:(?:about|some|roughly)\s+)?(?:\d+\s*(?:miles?|km|kilometers?|kilometres?)\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|(?:(?:about|some|roughly|just)\s+)?(?:\d+|an?\s+hour['’]s)\s*(?:-\s*)?(?:miles?|km|kilometers?|kilometres?|minutes?|drive)\s+(?:\w+\s+)?from)\s+$/i;

const PROGRAMME_YARDSTICK_BEFORE =
  /(?:\b(?:rival(?:l)?ing|to\s+rival|rivals|dwarfing|to\s+dwarf|eclipsing|on\s+par\s+with|comparable\s+to|akin\s+to|similar\s+to|modell?ed\s+(?:on|after)|(?:larger|bigger|smaller)\s+than)\s+(?:the\s+|[A-Z][\w-]*['’]s\s+)?|(?:比肩|媲美|对标|對標|堪比|仿照|效仿)\s*)$/i;

const MEASURED_BEFORE =
  /(?:(?:\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\btimes|\b(?:jump|gain|improvement|increase|boost|leap|uplift|rise)s?\s+(?:over|on|from)|\bsuccessor\s+to|\bfollow-?up\s+to|\b(?:follows|followed|succeeds|succeeded|replaces|replaced|(?:will|to|would|may|could|should)\s+(?:follow|succeed|replace))|\bas\s+(?!well\s+as\b)[\w-]+\s+as|比|较|較)\s*(?:the\s+|its\s+|[\w-]+['’]s\s+)?|(?:不及|不如|逊于|遜於|胜过|勝過|超越|接班|接棒|继任|繼任|对标|對標|直指|比肩|媲美|看齐|看齊)[^，,。；;]{0,8})$/i;

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
export const TIMES_OF_AFTER = /^\s*(?:的|['’]s\s)?\s*(?:[\d.]+|[一二两兩三四五六七八九十]+)\s*倍/;

/**
 * Where clauses break for telling whose foundry is whose: punctuation, and a Chinese headline's
 * space after a clause (four Chinese characters or more: "特斯拉AI5由台积电代工 AI6由三星代工", or a number
 * written in them: "AI5芯片量產推遲至2028年 AI6仍交三星") —
 * not a space that only sets Latin words apart ("特斯拉 AI6 芯片 接棒 AI5") or follows 和.
 */
const CHIP_CLAUSE_BREAK =
  /[,，;；。:：、]|\s(?:while|whereas|but)\s|\s(?:and|but)\s+that\s|(?<=[\u3400-\u9fff]{4}|[\u3400-\u9fff]{2}\d+(?:\.\d+)?[\u3400-\u9fff]|\d\s?年[\u3400-\u9fff]{1,4})(?<![和与與及或、])\s+(?![和与與及或、])/g;

/** A timeline's entry: a bare year and a colon or a dash opening the sentence ("2021: …", "• 2024 – …"). */
const TIMELINE_ENTRY = /^[\s"“(（•*-]*((?:19|20)\d\d)\s*(?:[:：]|\s[–—-])\s/;

/** The year a timeline's entry opening `text` is of, if it is one. */
export function timelineYearOf(text: string): number | undefined {
  const entry = TIMELINE_ENTRY.exec(text);
  return entry ? Number(entry[1]) : undefined;
}
