/**
 * Readers of place values (layer 6): where a site or a making is — the place named with the relation word,
 * a place left or moved from, another's place, a place referred back to.
 */

import { FAB_OWN_START, OTHER_PRODUCT } from '../clauses.ts';
import { type EntityMention, isSiteOrPlace } from '../entities.ts';
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import { AWARD_LIST, type CompiledRule, type CompiledRules, SITE_WORDS } from '../rules.ts';
import { DOUBTING } from '../scope.ts';
import { SITE_REFERENCE } from './entity-value.ts';
import { clauseEndOf, clauseMarkBetween, clauseStartOf, frameOf } from './frames.ts';
import { inMilestonePiece, SAMPLES_MADE, VOLUME_WORD } from './numeric-value.ts';
import { CHINESE_CHAR, namedAsPlace } from './ownership.ts';
import type { SentenceReading } from './reading.ts';
import { CHIPS, pieceAround } from './relation.ts';
import type { ReadValue } from './statement.ts';
import { topicOf } from './subject.ts';

/**
 * The place of a fab: a place named next to a site word ("Texas fab", "plant in
 * the state of Texas", 泰勒工厂), in a clause that says the deal's chips are made
 * there (a "makes" word and AI6, or Tesla's chips).
 */
export function readPlace(
  rule: CompiledRule,
  reading: SentenceReading,
  allRelations: PhraseMatch<AttributeClass>[],
  compiled: CompiledRules,
  carried: boolean,
): ReadValue | undefined {
  const relations = withoutAwardsOfNoChip(rule, reading, allRelations);
  const sites = reading.phrases(SITE_WORDS);
  const near = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    b.start >= a.end - 1 ? b.start - a.end <= 24 : a.start - b.end <= 24;
  const framesMaking = new Set(
    relations
      .filter((match) => match.name === 'makes' && !inPastEventClause(reading, match.start))
      .map((match) => frameOf(reading, match.start)),
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
  // (`chipsWord`: how the sentence names chips that are not the rule's own; `ofCarried`: a subject carried from the
  // title stands for the customer)
  const chipsOfTheDeal = (frame: number, chipsWord: RegExp, ofCarried: boolean) =>
    !madeFor ||
    ownChipIn(frame) ||
    (chipsWord.test(reading.text) &&
      !otherChip(frame) &&
      !anotherChipReferred &&
      (ofCarried || customerOfTheChips(reading, madeFor.customers)));
  const dealChips = (frame: number) => chipsOfTheDeal(frame, CHIPS, carried);
  // "will produce image-signal processors for Tesla's vehicle cameras at its Austin, Texas, plant": a
  // fab whose clause makes another product for the customer is no fab of the deal's chips.
  // …nor is one whose own part of a headline does, the deal's chip only in a part joined by "as" or "while" ("Apple
  // picks Samsung's Austin fab for image sensors as Tesla moves AI6 validation to Giga Texas").
  const anotherProductMade = (place: EntityMention) => {
    if (madeFor === undefined) return false;
    const start = clauseStartOf(reading, place.start);
    const end = clauseEndOf(reading, place.end);
    if (!ownChipIn(frameOf(reading, place.start))) return OTHER_PRODUCT.test(reading.text.slice(start, end));
    const part = partAround(reading.text, start, end, place);
    return (
      (part.start > start || part.end < end) &&
      OTHER_PRODUCT.test(reading.text.slice(part.start, part.end)) &&
      !ownChips.some((chip) => chip.start >= part.start && chip.end <= part.end)
    );
  };
  // "make AI6 chips in Texas": a place the chip itself is made in needs no site word.
  // …in the clause of its making: not "…would make its AI6 chip, then added to the gain as the robotaxi service expanded in Austin".
  // …and so does the chip referred back to ("Musk has said the chip will be made by Samsung in Texas").
  // "in Taylor, Texas, where production starts in 2026 and where Samsung will make Tesla's AI6": the place's own where-
  // clause makes the deal's chip there.
  // (asked of each place by several filters and by the sort of bestPlace: found once a place)
  const whereMakings = new Map<EntityMention, PhraseMatch<AttributeClass> | undefined>();
  const whereMakingOf = (place: EntityMention) => {
    const where = WHERE_AFTER.exec(reading.text.slice(place.end, place.end + 32));
    if (!where || !madeFor) return undefined;
    const from = place.end + where[0].length;
    const to = from + reading.text.slice(from).search(/;|$|[,，]\s*(?:but|while|whereas)\b/);
    return relations.find(
      (match) =>
        match.name === 'makes' &&
        match.start >= from &&
        match.end <= to &&
        ownChips.some((chip) => chip.start >= match.end && chip.end <= to),
    );
  };
  const whereMaking = (place: EntityMention) => {
    if (!whereMakings.has(place)) whereMakings.set(place, whereMakingOf(place));
    return whereMakings.get(place);
  };
  const madeWhere = (place: EntityMention) => whereMaking(place) !== undefined;
  // "Samsung's plant in Austin could make Tesla's AI6": every making of the places' clause groups doubted.
  const makingsDoubted = (places: EntityMention[]) => {
    const frames = new Set(places.map((place) => frameOf(reading, place.start)));
    const makings = relations.filter(
      (match) => match.name === 'makes' && frames.has(frameOf(reading, match.start)),
    );
    return (
      makings.length > 0 &&
      makings.every((match) => reading.scopes.blockersAt(match.start).some((cue) => DOUBTING.has(cue)))
    );
  };
  // (a making the where-clause doubts doubts the place: "in Taylor, Texas, where it could make Tesla's AI6")
  const doubtedWhere = (places: EntityMention[]) =>
    places.every((place) => {
      const making = whereMaking(place);
      return making !== undefined && reading.scopes.blockersAt(making.start).length > 0;
    });
  const madeIn = (place: EntityMention) => {
    const frame = frameOf(reading, place.start);
    if (!namedAsPlace(reading, place)) return false;
    if (madeWhere(place)) return true;
    if (ownChipIn(frame))
      return relations.some(
        (match) =>
          match.name === 'makes' &&
          !describesAway(reading, match, place) &&
          (match.end <= place.start
            ? !clauseMarkBetween(reading, match.end, place.start)
            : !clauseMarkBetween(reading, place.end, match.start)),
      );
    // The chips referred to, made before the place: "the chip will be made by Samsung in Texas", "Samsung will
    // continue to produce Tesla's chips at Taylor".
    return (
      dealChips(frame) &&
      relations.some(
        (match) =>
          match.name === 'makes' &&
          match.end <= place.start &&
          !clauseMarkBetween(reading, match.end, place.start) &&
          (CHIPS.test(reading.text.slice(0, match.start)) ||
            CHIPS.test(reading.text.slice(match.end, place.start))),
      ) &&
      // Not another customer's chips ("Apple, whose chips will be made in Austin", "chips for Nvidia") — a foundry
      // making them too is no customer ("The chip will be made … at Samsung's Taylor, Texas fab and at TSMC's Arizona site").
      !reading.mentions.some(
        (mention) =>
          mention.type === 'company' &&
          !rule.ownIds.has(mention.id) &&
          !reading.isMaker(mention.id) &&
          frameOf(reading, mention.start) === frame,
      )
    );
  };
  const bound = reading.mentions
    .filter((mention) => compiled.places.has(mention.id))
    // ("Samsung's plant outside Austin will make Tesla's AI6": a place that only locates another)
    .filter((place) => !reading.measured.has(place))
    .filter((place) => !placeOfAnother(rule, reading, place))
    // "produces Tesla's AI4 chips at its Hwaseong plant and will move on to AI6 at its Texas fab": a place right after
    // another chip, with none of the rule's between, is that chip's.
    .filter((place) => madeFor === undefined || !placeOfAnotherChip(reading, place, madeFor.chips))
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
      (place) =>
        madeWhere(place) ||
        (framesMaking.has(frameOf(reading, place.start)) && dealChips(frameOf(reading, place.start))),
    )
    .filter((place) => !anotherProductMade(place))
    // "Samsung, the maker of Tesla's AI6, is hiring at its Taylor fab", 特斯拉AI6芯片的代工方三星正加快泰勒厂建设: a
    // making told only to describe the maker says nothing of where the chip is made.
    .filter((place) => madeIn(place) || !makingOnlyDescribesTheMaker(reading, relations, place))
    // "Samsung's Austin plant, which builds chips for several of Tesla's older models", 这座老厂曾为特斯拉生产过…:
    // a fab told as making the customer's chips of before the deal — unless the deal's chip is named with it.
    .filter(
      (place) =>
        madeFor === undefined ||
        ownChipIn(frameOf(reading, place.start)) ||
        !olderChipsAt(reading, place, madeFor.customers),
    )
    // "三星平泽工厂将开始运营，特斯拉AI6也将进入量产阶段": a fab's own start, then the chip's own step "also" — two
    // events side by side, no place of the chip's making.
    .filter((place) => madeIn(place) || !fabStartBesideTheChipsStep(reading, relations, place))
    // "to its Pyeongtaek campus instead of the fab in Taylor, Texas", 從德州泰勒廠改至南韓平澤廠: the fab left.
    .filter((place) => !displacedPlace(reading, place))
    // "Samsung executives met Musk in Austin to discuss making AI6 chips", 在奥斯汀会见马斯克: where people met.
    .filter((place) => !meetingPlace(reading, place))
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
  // (…or the customer's chips, named with the customer: "The plant will manufacture Tesla's AI chips")
  const namedForDeal = (frame: number) => chipsOfTheDeal(frame, CUSTOMERS_CHIPS, false);
  // "首批工程樣品已由三星南韓華城產線交付，量產將在…泰勒晶圓廠進行": where the samples come from is no fab of the deal's
  // (…up to what comes after them: "early AI6 samples at its Pyeongtaek fab before production moves to Taylor") — but
  // it may confirm one ("the first test wafers of Tesla's AI6 chip at its new plant in Taylor, Texas").
  // (samples made, whatever the verb: "will produce early AI6 engineering samples at its Hwaseong line")
  const milestone = (place: EntityMention) => {
    const piece = beforeWhatFollows(reading, place);
    const text = reading.text.slice(piece.from, piece.to);
    return inMilestonePiece(reading, place, piece) || (SAMPLES_MADE.test(text) && !VOLUME_WORD.test(text));
  };
  const volume = bound.filter((place) => !milestone(place));
  // (a sample's place that is a volume place named more closely stays: 三星泰勒厂首批晶圆下线，得州AI6生产…)
  const closer = (place: EntityMention) =>
    volume.some((other) => compiled.places.get(place.id)!.endsWith(`, ${compiled.places.get(other.id)!}`));
  if (volume.length > 0) {
    const best = bestPlace(reading, compiled, [...volume, ...bound.filter(closer)], ownChips, madeIn);
    return doubtedWhere(volume) || makingsDoubted(volume) ? { ...best, blocked: true } : best;
  }
  const referred = placeReferredBack(reading, compiled, framesMaking, namedForDeal);
  if (referred !== undefined || bound.length === 0) return referred;
  return { ...bestPlace(reading, compiled, bound, ownChips, madeIn), confirmsOnly: true };
}

/**
 * The relation words less the `makes` words that tell only an award ("Taylor fab gets Tesla order", 泰勒廠迎來特斯拉訂單,
 * "adds capacity for Tesla"), unless the deal's own chip is named in their clause group ("Samsung's Texas fab wins the
 * AI6 order"): an order placed says who makes the chip, not where.
 */
function withoutAwardsOfNoChip(
  rule: CompiledRule,
  reading: SentenceReading,
  relations: PhraseMatch<AttributeClass>[],
): PhraseMatch<AttributeClass>[] {
  const chips = rule.rule.value.madeFor?.chips;
  const awards = reading.phrases(AWARD_LIST);
  if (chips === undefined || awards.length === 0) return relations;
  const chipFrames = new Set(
    reading.mentions
      .filter((mention) => chips.includes(mention.id))
      .map((mention) => frameOf(reading, mention.start)),
  );
  // The fab itself, named beside an award as the making word's only noun ("Samsung's Taylor fab lands Tesla chip
  // order"), is none either — unless the deal's chip or its value is named in the sentence ("a $16.5 billion chip
  // order for Samsung's Taylor fab"); "fab" the verb ("Samsung will fab AI6") names the chip.
  const fabOnly = chipFrames.size === 0 && reading.values('money').length === 0;
  return relations.filter(
    (match) =>
      match.name !== 'makes' ||
      chipFrames.has(frameOf(reading, match.start)) ||
      (!awards.some((award) => award.start <= match.start && award.end >= match.end) &&
        !(fabOnly && FAB_NOUN.test(reading.text.slice(match.start, match.end)))),
  );
}

/** A making word that is the fab's own noun. */
const FAB_NOUN = /^fabs?$/i;

/** A place's clause telling only its fab's start, the next clause a chip's own step "also" (也, 亦, "also"). */
function fabStartBesideTheChipsStep(
  reading: SentenceReading,
  relations: readonly PhraseMatch<AttributeClass>[],
  place: EntityMention,
): boolean {
  const start = clauseStartOf(reading, place.start);
  const end = clauseEndOf(reading, place.end);
  if (end >= reading.text.length || !FAB_OWN_START.test(reading.text.slice(place.end, end))) return false;
  if (relations.some((match) => match.name === 'makes' && match.start >= start && match.end <= end))
    return false;
  const next = clauseEndOf(reading, end + 1);
  return (
    reading.chips.some((chip) => chip.start > end && chip.end <= next) &&
    STEP_ALSO.test(reading.text.slice(end + 1, next))
  );
}

const STEP_ALSO = /也|亦|\balso\b|\bas\s+well\b/i;

/** The chip named last before a place, close and in its clause, when it is not one of the rule's chips. */
function placeOfAnotherChip(
  reading: SentenceReading,
  place: EntityMention,
  chips: readonly string[],
): boolean {
  const before = reading.chips.filter((chip) => chip.end <= place.start).at(-1);
  return (
    before !== undefined &&
    !chips.includes(before.id) &&
    place.start - before.end <= CHIP_TO_PLACE &&
    CHIP_THEN_PLACE.test(reading.text.slice(before.end, place.start)) &&
    // (not one of a pair with the rule's chip: "Samsung will make AI6 and AI7 chips for Tesla at its Taylor fab")
    !reading.chips.some(
      (chip) =>
        chips.includes(chip.id) &&
        chip.end <= before.start &&
        CHIPS_JOINED.test(reading.text.slice(chip.end, before.start)),
    )
  );
}

const CHIP_TO_PLACE = 48;
/** Between a chip and the place it is made at: its noun, then "at/in its … plant" (no clause mark, no "for"). */
const CHIP_THEN_PLACE =
  /^(?:[\s-]+(?!for\b)[\w-]+){0,3}?\s+(?:at|in)\s+(?:(?:its|the|their|Samsung['’]s)\s+)?(?:[\w-]+\s+){0,2}?$/i;
const CHIPS_JOINED = /^\s*(?:chips?\s+)?(?:and|&|,|or)\s*$/i;

/** After a place (and its region: "Taylor, Texas,"), its where-clause. */
const WHERE_AFTER = /^(?:\s*,\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?\s*,\s*where\s/;

/** The most specific of the places bound to the deal's making, with whether all of them are doubted. */
function bestPlace(
  reading: SentenceReading,
  compiled: CompiledRules,
  bound: EntityMention[],
  ownChips: EntityMention[],
  madeIn: (place: EntityMention) => boolean,
): ReadValue {
  // The most specific place named ("Taylor, Texas" over "Texas"); of two as specific, the one the
  // deal's chip itself is made in ("image sensors made at Samsung's Austin, Texas, plant, … its
  // contract to make Tesla's AI6 chips in Taylor, Texas").
  const parts = (place: EntityMention) => compiled.places.get(place.id)!.split(',').length;
  const fromChip = (place: EntityMention) =>
    Math.min(1000, ...ownChips.map((chip) => Math.abs(chip.start - place.start)));
  const doubted = (place: EntityMention) =>
    reading.scopes.blockersAt(place.start).length > 0 && !openRelativeMaking(reading, place);
  // "not at its Austin fab but at its Taylor plant": a place the sentence asserts comes before one it negates.
  const asserted = bound.filter((place) => !doubted(place));
  const best = [...(asserted.length > 0 ? asserted : bound)].sort(
    (a, b) => parts(b) - parts(a) || Number(madeIn(b)) - Number(madeIn(a)) || fromChip(a) - fromChip(b),
  )[0]!;
  const value = compiled.places.get(best.id)!;
  return { value: { kind: 'place', value }, blocked: asserted.length === 0 };
}

/**
 * "Rain could slow work at Samsung's Taylor fab, which will produce AI6 chips for Tesla": the plant's own relative
 * clause, not doubted, says the making is there, whatever doubts the clause it stands in.
 */
function openRelativeMaking(reading: SentenceReading, place: EntityMention): boolean {
  const relative = PLANT_RELATIVE_MAKING.exec(reading.text.slice(place.end));
  if (!relative) return false;
  return reading.scopes.blockersAt(place.end + relative[0].length - 1).length === 0;
}

const PLANT_RELATIVE_MAKING =
  /^(?:,?\s+(?:[A-Z][\w-]*,?\s+){0,2}(?:fab|plant|factory|facility|campus|site))?\s*,\s*which\s+(?:[\w'’-]+\s+){0,5}?(?:make|build|produce|manufacture|supply)s?\b/i;

/** The piece around a place, cut where a later step opens after it: " before", " until", " ahead of", 之后, 再. */
function beforeWhatFollows(reading: SentenceReading, place: EntityMention): { from: number; to: number } {
  const piece = pieceAround(reading.text, place);
  const later = LATER_STEP.exec(reading.text.slice(place.end, piece.to));
  return later ? { from: piece.from, to: place.end + later.index } : piece;
}

const LATER_STEP = /\s(?:before|until|ahead\s+of|prior\s+to|then)\s|之前|之后|之後|随后|隨後|再(?:转|轉|移)/i;

/**
 * "Musk visited Samsung's Giheung chip campus, months after the two sides signed the chip deal": a making in a clause
 * that dates the sentence's event by another ("months after", "since", "before") places nothing of its own.
 */
function inPastEventClause(reading: SentenceReading, position: number): boolean {
  const start = clauseStartOf(reading, position);
  return start > 0 && EVENT_DATED_BY.test(reading.text.slice(start, position));
}

const EVENT_DATED_BY =
  /^\s*(?:(?:just|only|shortly|soon|long|(?:(?:a|an|one|two|three|several|a\s+few|\d+)\s+)?(?:days?|weeks?|months?|years?))\s+)?(?:after|since|before)\s+(?:the|it|they|both|two)\b/i;

/** Chips told as made before the deal: for older models or generations; and by words alone 老厂, 上一代, 曾…过, "predates". */
const OLDER_CHIPS_EN =
  /(?<!\bthan\s)\b(?:older|earlier|previous|past|current|existing)[-\s]+(?:[\w-]+\s+){0,2}?(?:models?|cars|vehicles|chips?|generations?|computers?|processors?)\b/i;
const OLDER_CHIPS_ZH =
  /(?<!(?:而非|而不是|在)[^，。；,;]{0,4})(?:老厂|老廠)|(?:目前|当前|當前|现有|現有)的?(?:处理器|處理器|芯片|晶片)|(?<!比)上一代(?:芯片|晶片)|曾[^，。；,;]{0,12}?(?:生产|生產|代工|制造|製造|供应|供應|做)[^，。；,;]{0,8}?(?:过|過)|\bpredat\w*/i;

/**
 * Whether the place's own clause — with a relative or appositive clause right after it — tells chips of before
 * the deal: in Chinese by its words alone (三星的老厂器兴, 曾为特斯拉代工), in English with the customer named there
 * ("which made earlier chips for Tesla"; not "earlier chips for other clients").
 */
function olderChipsAt(reading: SentenceReading, place: EntityMention, customers: readonly string[]): boolean {
  let start = clauseStartOf(reading, place.start);
  // (a headline's two halves about the place: "这座老厂曾为特斯拉生产过芯片：三星器兴工厂回顾")
  if (start > 0 && /[：:]\s*$/.test(reading.text.slice(0, start))) start = clauseStartOf(reading, start - 1);
  let end = clauseEndOf(reading, place.end);
  if (/^(?:,\s*(?:which|that|who|a\s+[\w-]+\s+that)\b|[：:])/i.test(reading.text.slice(end)))
    end = clauseEndOf(reading, end + 1);
  const text = reading.text.slice(start, end);
  if (OLDER_CHIPS_ZH.test(text)) return true;
  // "早在2019年，特斯拉的FSD芯片（HW3）就…在美国奥斯汀工厂生产", "back in 2019, …": a making dated long past (two
  // years or more before the item: not "could start making Tesla chips as early as 2026").
  const longAgo = LONG_AGO_BEFORE.exec(reading.text.slice(0, end));
  if (longAgo && reading.publishedYear !== undefined && Number(longAgo[1]) <= reading.publishedYear - 2)
    return true;
  // (the customer named by the older chips themselves: "earlier chips for Tesla", 曾为特斯拉)
  const customerNear = (from: number, to: number) =>
    reading.mentions.some(
      (mention) => customers.includes(mention.id) && mention.start >= from && mention.end <= to,
    );
  const older = OLDER_CHIPS_EN.exec(text) ?? /曾(?:经|經)?(?:为|為|替|给|給)/.exec(text);
  return older !== null && customerNear(start + older.index - 24, start + older.index + older[0].length + 32);
}

const LONG_AGO_BEFORE = /(?:早在|遠在|远在|\bas\s+early\s+as|\bback\s+in)\s*((?:19|20)\d{2})(?:\s*年|\b)/i;

/**
 * Before a place that a making leaves, with nothing but determiners, a fab word or the site's own
 * name between: "instead of the fab in", "instead of its Taylor, Texas fab", 而非…; not "instead of TSMC
 * to make AI6 in Taylor" (the foundry was replaced, not the place).
 */
const PLACE_LEFT_BEFORE =
  /(?:\binstead\s+of|\brather\s+than|\breplacing|\bin\s+place\s+of)\s+(?:(?:the|its|their|a|an|[A-Z][\w-]*['’]s)\s+)?(?:(?:fab|plant|facility|factory|campus|site|lines?)\s+(?:in|at)\s+)?(?:[A-Z][\w-]*\s+)?$|(?:而非|而不是|取代)(?:位于|位於|在)?[^，。；,;\s]{0,4}$/;

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
  // (…not the fab's owner right before it: "instead of Samsung's Taylor, Texas fab" leaves the place)
  const companyBetween = reading.mentions.some(
    (mention) =>
      mention.type === 'company' &&
      mention.start >= cueAt &&
      mention.end <= place.start &&
      !/^['’]s\s+$/.test(text.slice(mention.end, place.start)),
  );
  if (PLACE_LEFT_BEFORE.test(before) && !companyBetween) return true;
  if (MOVED_FROM_BEFORE.test(before) && MOVED_TO_AFTER.test(after)) return true;
  return MOVED_FROM_ZH.test(before) && MOVED_TO_AFTER_ZH.test(after);
}

/** A place where people met, visited or spoke — no site of a making, whatever the clause goes on to. */
function meetingPlace(reading: SentenceReading, place: EntityMention): boolean {
  return (
    MET_IN_BEFORE.test(reading.text.slice(Math.max(0, place.start - 48), place.start)) ||
    (/[在于於]$/.test(reading.text.slice(Math.max(0, place.start - 1), place.start)) &&
      MET_AFTER_ZH.test(reading.text.slice(place.end, place.end + 6)))
  );
}

const MET_IN_BEFORE =
  /\b(?:met|meets?|meeting|visited|visits?|talks|spoke|speaks?|speaking|interview|summit|conference|dinner|gathering)\b(?:\s+(?:with\s+)?(?:[A-Z][\w.-]*|the|his|her|their|its|executives?|officials?|leaders?|counterparts?)){0,4}\s+(?:in|at)\s+$/;

const MET_AFTER_ZH =
  /^(?:会见|會見|会晤|會晤|会面|會面|见面|見面|拜访|拜訪|访问|訪問|出席|举行|舉行|召开|召開|接受|发表|發表|演讲|演講)/;

/** Words that join two clauses of their own in a headline or a sentence: "…fab for image sensors as Tesla moves…". */
const CLAUSE_JOIN = /\s(?:as|while|whereas|but)\s/gi;

/** The part of a clause (start to end) that holds a place, between words that join clauses of their own. */
function partAround(
  text: string,
  start: number,
  end: number,
  place: { start: number; end: number },
): { start: number; end: number } {
  let from = start;
  let to = end;
  for (const join of text.slice(start, end).matchAll(CLAUSE_JOIN)) {
    const at = start + join.index;
    if (at + join[0].length <= place.start) from = at + join[0].length;
    else if (at >= place.end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to };
}

/**
 * A customer named as the one the chips are for — not only as the site's customer ("counts Tesla as its anchor
 * customer", "for clients including Tesla", 首批客户包括特斯拉), which says nothing of where its chips are made.
 */
function customerOfTheChips(reading: SentenceReading, customers: readonly string[]): boolean {
  return reading.mentions.some(
    (mention) =>
      customers.includes(mention.id) &&
      !CUSTOMER_ROLE_AFTER.test(reading.text.slice(mention.end, mention.end + 40)) &&
      !CUSTOMER_ROLE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)),
  );
}

const CUSTOMER_ROLE_AFTER =
  /^\s+(?:as|is)\s+(?:its|an|the|a|their)\s+(?:[\w-]+\s+){0,2}?(?:customer|client)\b/i;

const CUSTOMER_ROLE_BEFORE =
  /\b(?:customers?|clients?)\s+(?:(?:such\s+as|including|like)\s+)?$|(?:客户|客戶)(?:包括|包含|有|如)?$/i;

/** The customer's own chips: "Tesla's AI chips", "chips for Tesla", 特斯拉的芯片. */
const CUSTOMERS_CHIPS =
  /\b[A-Z][\w-]*['’]s\s+(?:[\w-]+\s+){0,2}?(?:chips|processors)\b|\b(?:chips|processors)\s+for\s+[A-Z]|的(?:AI)?(?:芯片|晶片)/;

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
  const maker = makerOfThePlace(reading, place, companies);
  if (maker) return !rule.ownIds.has(maker.id);
  // "Intel will manufacture … at its Arizona fab": the sentence's topic (not one after "Unlike").
  if (!/\b(?:its|their)\s+$/i.test(reading.text.slice(Math.max(0, place.start - 8), place.start)))
    return false;
  const owner = reading.once('topic', () => topicOf(reading));
  return (
    owner !== undefined && owner.type === 'company' && owner.start < place.start && !rule.ownIds.has(owner.id)
  );
}

/**
 * "Intel will build some AI6 chips in Arizona", "AI6 will be made by Intel in Arizona": the company that does the
 * making the place is the place of, in its clause — after "by"/由 when passive, else the last one before the verb.
 */
function makerOfThePlace(
  reading: SentenceReading,
  place: EntityMention,
  companies: EntityMention[],
): EntityMention | undefined {
  // "台积电也将在亚利桑那州生产一部分": a Chinese place (在…) before its making — the maker is the company before it.
  if (
    /在\s*$/.test(reading.text.slice(Math.max(0, place.start - 2), place.start)) &&
    reading.relations.some(
      (match) =>
        match.name === 'makes' &&
        match.start >= place.end &&
        match.start - place.end <= 8 &&
        !clauseMarkBetween(reading, place.end, match.start),
    )
  )
    return companies.findLast(
      (mention) =>
        mention.end <= place.start &&
        !clauseMarkBetween(reading, mention.end, place.start) &&
        // (not one set aside: "选择三星而非台积电在泰勒工厂生产")
        !/(?:而非|而不是|不是|并非|並非|力压|力壓|击败|擊敗|打败|打敗|胜过|勝過|超越|取代)\s*$/.test(
          reading.text.slice(Math.max(0, mention.start - 4), mention.start),
        ),
    );
  const making = reading.relations
    .filter((match) => match.name === 'makes' && match.end <= place.start)
    .filter((match) => !clauseMarkBetween(reading, match.end, place.start))
    .at(-1);
  if (!making) return undefined;
  const passive = /(?:\bby|由)$/i.test(reading.text.slice(making.start, making.end));
  const byAfter = companies.find(
    (mention) =>
      mention.start >= making.end &&
      mention.end <= place.start &&
      (passive ? /^\s*$/ : /^\s*(?:by|由)\s*$/i).test(reading.text.slice(making.end, mention.start)),
  );
  if (byAfter) return byAfter;
  return companies
    .filter(
      (mention) => mention.end <= making.start && !clauseMarkBetween(reading, mention.end, making.start),
    )
    .filter(
      (mention) =>
        !/(?:\b(?:for|with)\s+|为|為|替)$/i.test(
          reading.text.slice(Math.max(0, mention.start - 5), mention.start),
        ),
    )
    .at(-1);
}

// "台積電（2330）亞利桑那州半導體廠": a stock code in brackets between the company and its place.
const OWNER_GAP = /^\s*(?:[(（]\s*[\dA-Z.:\s]{2,12}\s*[)）]\s*)?(?:['’]s\s*)?(?:的)?$/;

/**
 * "…at its Taylor, Texas fab. The fab will manufacture Tesla's upcoming AI6 chips", 该厂将…为特斯拉
 * 生产AI6晶片: a site referred back to is the place, when this sentence names none of its own.
 */
/**
 * A making "there", 在那里: at the site named before it ("whose AI6 chips Samsung will make there") — or the chip "at the
 * plant" ("its Taylor, Texas, ramp so that volume production of Tesla's AI6 at the plant can begin").
 */
const MADE_THERE =
  /\b(?:AI\d|chips?|processors?)\s+at\s+the\s+(?:plant|fab|site|facility|factory)\b|\b(?:made|makes?|making|built|builds?|building|produced|produces?|producing|manufactured|manufactures?|manufacturing|fabricated|fabricates?)\s+there\b|(?:在|于|於)(?:那里|那裡|那儿|那兒)(?:[^，。；,;]{0,6}?)(?:生产|生產|制造|製造|代工|量产|量產)/i;

function placeReferredBack(
  reading: SentenceReading,
  compiled: CompiledRules,
  framesMaking: ReadonlySet<number>,
  namedForDeal: (frame: number) => boolean,
): ReadValue | undefined {
  const there = MADE_THERE.exec(reading.text);
  // "走访三星位于得州泰勒的工厂产线，并重申AI6芯片将在那里生产": "there" stands for the site the sentence named before it.
  const siteBefore = there
    ? reading.mentions.filter((mention) => mention.type === 'site' && mention.end <= there.index).at(-1)
    : undefined;
  const site = siteBefore ?? reading.priorSite;
  const place = site ? compiled.places.get(site.id) : undefined;
  if (!place || (!siteBefore && reading.mentions.some(isSiteOrPlace))) return undefined;
  const reference = siteBefore ? there : (SITE_REFERENCE.exec(reading.text) ?? there);
  if (!reference) return undefined;
  const frame = frameOf(reading, reference.index);
  if (!framesMaking.has(frame) || !namedForDeal(frame)) return undefined;
  return {
    value: { kind: 'place', value: place },
    blocked: reading.scopes.blockersAt(reference.index).length > 0,
  };
}

/**
 * Whether every making in the place's frame only describes its maker — an English aside set off by commas (", which
 * makes Tesla's AI6,", ", the maker of …,") or a Chinese modifier ending in 的 before the maker's name
 * (为特斯拉代工AI6芯片的三星, 特斯拉AI6芯片的代工方三星) — with the place outside it.
 */
function makingOnlyDescribesTheMaker(
  reading: SentenceReading,
  relations: PhraseMatch<AttributeClass>[],
  place: EntityMention,
): boolean {
  const frame = frameOf(reading, place.start);
  // (not the plant noun: "its Taylor fab")
  const makings = relations.filter(
    (match) =>
      match.name === 'makes' &&
      frameOf(reading, match.start) === frame &&
      !PLANT_NOUN.test(reading.text.slice(Math.max(0, match.start - 40), match.end)),
  );
  if (makings.length === 0) return false;
  return makings.every((making) => describesAway(reading, making, place));
}

/** Whether a making only describes its maker, in an aside or modifier the place stands outside. */
function describesAway(
  reading: SentenceReading,
  making: PhraseMatch<AttributeClass>,
  place: EntityMention,
): boolean {
  const aside = describingSpan(reading, making);
  return aside !== undefined && (place.end <= aside.start || place.start >= aside.end);
}

/** The aside or modifier a making stands in, when it describes a company named at its edge. */
function describingSpan(
  reading: SentenceReading,
  making: PhraseMatch<AttributeClass>,
): { start: number; end: number } | undefined {
  const text = reading.text;
  const comma = text.lastIndexOf(',', making.start);
  if (comma >= 0 && DESCRIBING_ASIDE.test(text.slice(comma, making.start))) {
    const close = text.indexOf(',', making.end);
    const named = reading.mentions.some(
      (mention) => mention.type === 'company' && mention.end <= comma && comma - mention.end <= 2,
    );
    if (close > 0 && named && !/[;:]|\.(?!\d)/.test(text.slice(making.end, close)))
      return { start: comma, end: close };
  }
  const modifier = DESCRIBING_MODIFIER_ZH.exec(text.slice(making.end, making.end + 24));
  if (modifier) {
    const nameAt = making.end + modifier[0].length;
    const maker = reading.mentions.find((mention) => mention.type === 'company' && mention.start === nameAt);
    // (the maker's plant right after it is what is described: 为特斯拉代工AI6芯片的三星泰勒厂)
    const plant =
      maker && reading.mentions.find((mention) => mention.start === maker.end && isSiteOrPlace(mention));
    if (maker) return { start: clauseStartOf(reading, making.start), end: (plant ?? maker).end };
  }
  return undefined;
}

const PLANT_NOUN = /(?:['’]s|\b(?:its|the|their|[A-Z][\w-]*))\s+fabs?$/;

/** ", which makes …", ", the maker of …", ", whose AI6 it builds" — up to its making word. */
const DESCRIBING_ASIDE = /^,\s*(?:which|who|whose|the)\b[^,;:]*$/i;
/** After a Chinese making word, its object and 的 (then perhaps 代工方) — or the role noun it begins (代工方) — right before the maker's name. */
const DESCRIBING_MODIFIER_ZH =
  /^(?:[^，。；,;：:\s的]{0,16}的(?:代工方|代工厂|代工廠|供应商|供應商|制造商|製造商)?|(?<=^)(?:方|商))(?=[^\s])/;
