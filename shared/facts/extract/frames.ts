/**
 * The parts of a sentence a value belongs to (layer 6): clause frames, asides set off by commas, the words of
 * another subject that silence their clause, deals named by their party, and the pieces around an event's date.
 */
import type { Value } from '../../model/values.ts';
import { relativeClauseAt } from '../clauses.ts';
import type { EntityMention } from '../entities.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRule } from '../rules.ts';
import type { ValueMention } from '../values/mention.ts';
import { locatesAnother, NONE, type SentenceReading } from './reading.ts';

/** The day a rule's values react to (a deal's announcement), as compiled. */
export type EventOfRule = NonNullable<CompiledRule['event']>;

/** Where a sentence names the event's month (of its year). */
export function monthMarks(event: EventOfRule, text: string): number[] {
  return eventMonthDays(event, text).sameDay;
}

/** Where a sentence names the event's month (of its year): on the event's day (or the day before), or two or more days off. */
export function eventMonthDays(event: EventOfRule, text: string): { sameDay: number[]; otherDay: number[] } {
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

/** A comma or semicolon: the pieces of a sentence one date or cause belongs to. */
export const PIECE_BREAK = /[,，;；]/g;

/**
 * …and, for the event's pieces, a "since" opening a clause of the subject's own: "has climbed about 100% since it
 * jumped 6.8% on July 28" — the "since" is the long climb's, and the clause after it the recalled day.
 */
const EVENT_PIECE_BREAK = /[,，;；]|\bsince\b(?=\s+(?:it|they|its|their|the\s+day)\b)/gi;

/**
 * The pieces of a sentence (between commas, semicolons and a clause's "since") and which of them date back to
 * the event:
 * a piece is the event's when it names the event's month, recalls its news ("when news of", "the deal
 * was announced") or names the deal with its other party ("which soared 6.8% on the Tesla deal") —
 * not for a pluperfect alone ("had slid 2.3% by Tuesday").
 */
export function eventPieces(
  rule: CompiledRule,
  reading: SentenceReading,
): { pieceOf: (at: number) => number; dated: ReadonlySet<number> } {
  return reading.once(`eventPieces:${rule.fact.id}`, () => {
    const breaks = [...reading.text.matchAll(EVENT_PIECE_BREAK)].map((match) => match.index);
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
export function shelteredEventPiece(
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
const SAME_DAY_WORDS = String.raw`当天|當天|当日|當日|同日|(?:on\s+)?\b(?:that|the\s+same)\s+day\b`;
const SAME_DAY_OPENING = new RegExp(String.raw`^\s*(?:${SAME_DAY_WORDS})`, 'i');

/** "that day", 当天, 同日 anywhere in a sentence: the day a neighbour told. */
export const SAME_DAY = new RegExp(SAME_DAY_WORDS, 'i');

/**
 * "when news of", "the deal was announced", 宣布与三星合作当日, 合同公布当天: the event's own news recalled.
 */
export const RECALLED_NEWS =
  /\bwhen\s+(?:the\s+)?news\s+of\b|\b(?:deal|contract|agreement|pact|order)\s+(?:sent|drove|pushed|lifted|propelled)\s+(?:its|their|the(?:\s+\w+['’]s)?)\s+(?:shares|stock)\b|\bwhen\s+[^,.;]{0,40}?\b(?:signed|announced|unveiled|disclosed|struck|inked)\s+(?:the|their|its)\s+[^,.;]{0,30}?\b(?:deal|contract|agreement|pact)\b|\b(?:deal|contract|agreement|pact|order|tie-up)\s+(?:was|were|had\s+been)\s+(?:first\s+)?(?:announced|unveiled|disclosed|signed|revealed)\b|(?:宣布|宣佈|公布|公佈|签署|簽署|官宣)[^，。；]{0,16}?(?:(?:时|時)[，,][^，。；]{0,12}?)?(?:当日|當日|当天|當天)|(?:合同|协议|協議|合作|订单|訂單|大单|大單)[^，。；]{0,4}?(?:公布|公佈|宣布|宣佈|签署|簽署|曝光)(?:当日|當日|当天|當天)/i;

/** Where the frame (clause group) of a position starts: the break that opens it, or 0. */
export function frameStart(reading: SentenceReading, position: number): number {
  const frame = frameOf(reading, position);
  return frame === 0 ? 0 : reading.frames[frame - 1]!;
}

/**
 * Whether a word of another subject ("Intel", "Austin", "memory") silences a position: one in its
 * clause group, or — in a sentence of one group — on its side of an aside ("Samsung Electronics,
 * which jumped after its Tesla deal in July, slid 3% after weaker memory prices" silences the 3%,
 * not the aside).
 */
/**
 * "Qualcomm will make chips at Samsung's Taylor plant, which will build Tesla's AI6 under a $16.5 billion deal": a
 * relative clause set off by ", which" speaks of the name right before it — a word of another subject earlier in
 * the sentence is not its (but "a deal with Qualcomm, which …" is Qualcomm's, and a word inside the clause is).
 */
export function inRelativeClauseApart(
  reading: SentenceReading,
  position: number,
  notWords: readonly PhraseMatch[],
): boolean {
  const clause = relativeClauseAt(reading.text, position);
  if (!clause) return false;
  // (the antecedent begins after a preposition that opens its phrase: "extending gains since last July's Tesla
  // contract, which sent the stock up 6.8%" — "since" is the clause before's)
  const window = Math.max(0, clause.start - ANTECEDENT_CHARS);
  const opener = [...reading.text.slice(window, clause.start).matchAll(ANTECEDENT_OPENER)].at(-1);
  const antecedentFrom = opener ? window + opener.index + opener[0].length : window;
  return notWords.every((match) => match.end <= antecedentFrom || match.start >= clause.end);
}

/** How far before ", which" its antecedent may reach ("Samsung's Taylor, Texas, plant"). */
const ANTECEDENT_CHARS = 32;
const ANTECEDENT_OPENER = /\b(?:since|after|before|amid|following|despite)\s/gi;

export function silencedByNot(
  rule: CompiledRule,
  reading: SentenceReading,
  position: number,
  namedDealsShelter = true,
): boolean {
  if (!rule.not) return false;
  const ownBefore = reading.mentions
    .filter((mention) => rule.ownIds.has(mention.id) && mention.start < position)
    .map((mention) => mention.start);
  const notWords = notWordsOf(rule, reading).filter(
    (match) =>
      !inConcessionAfter(reading, match, [position]) &&
      !inJoinedPredicateAfter(rule, reading, match, [position]) &&
      !opensLaterClauseZh(rule, reading, match, [position]) &&
      !beforeCoordinatedSubject(reading, match, ownBefore),
  );
  if (notWords.length === 0) return false;
  if (shelteredEventPiece(rule, reading, position, notWords)) return false;
  if (inRelativeClauseApart(reading, position, notWords)) return false;
  if (namedDealsShelter && inNamedDeal(rule, reading, position)) return false;
  // "欧盟AI法案高风险义务延后 企业合规预算转向通用模型": a Chinese headline's halves, parted by a space, are two
  // headlines — a word of another subject in a later one does not silence an earlier one.
  const half = headlineHalfOf(reading, rule);
  if (half && notWords.every((match) => half(match.start) > half(position))) return false;
  if (reading.frames.length)
    return notWords.some((match) => frameOf(reading, match.start) === frameOf(reading, position));
  if (!readsAsides(rule)) return true;
  const side = asideOf(reading, position);
  return notWords.some((match) => asideOf(reading, match.start) === side);
}

/**
 * "…with general-purpose AI obligations applying from August 2 and the high-risk rules due in August 2026 as planned": a
 * word of another subject in the conjunct before the subject's own ("and the high-risk rules") is that conjunct's.
 */
export function beforeCoordinatedSubject(
  reading: SentenceReading,
  match: { start: number; end: number },
  positions: readonly number[],
): boolean {
  const after = positions.filter((at) => at >= match.end);
  return (
    after.length > 0 &&
    after.every((at) => /\band\s+(?:the\s+|its\s+)?$/i.test(reading.text.slice(Math.max(0, at - 10), at))) &&
    // (the conjunct before has its own predicate: "applying from August 2", not a list "GPAI and high-risk rules")
    /\b(?:apply|applies|applying|applied|due|take\s+effect|takes\s+effect|taking\s+effect|kick(?:s|ing)?\s+in)\b/i.test(
      reading.text.slice(match.end, Math.min(...after)),
    )
  );
}

/**
 * "The EU's deal to defer its high-risk AI requirements … hands companies more time, though the bloc's general-purpose
 * AI rules stay in place": a word of another subject in a trailing concession, after one of `positions` at least,
 * tells of that other thing and silences nothing before it.
 */
export function inConcessionAfter(
  reading: SentenceReading,
  match: { start: number },
  positions: readonly number[],
): boolean {
  const opens = reading.once('concession', () => TRAILING_CONCESSION.exec(reading.text)?.index ?? -1);
  return opens >= 0 && match.start > opens && positions.some((position) => position < opens);
}

/**
 * "Samsung shares jumped 6.8% the day the Tesla contract was unveiled and have nearly doubled since, largely on memory
 * demand": a word past a predicate joined to the one that tells the fact (its subject shared, not repeated) is that
 * later predicate's — it does not silence the earlier one.
 */
export function inJoinedPredicateAfter(
  rule: CompiledRule,
  reading: SentenceReading,
  match: { start: number },
  positions: readonly number[],
): boolean {
  const joins = reading.once('joinedPredicate', () => JOINED_PREDICATE_EN.exec(reading.text)?.index ?? -1);
  return (
    joins >= 0 &&
    match.start > joins &&
    positions.some((position) => position < joins) &&
    reading.relations.some((relation) => rule.rule.relation.includes(relation.name) && relation.end <= joins)
  );
}

/**
 * "高风险规则已推迟，GPAI执法启动": a word of another subject opening a Chinese clause of its own, after one of `positions`
 * and a relation word of the rule told in an earlier clause, is that clause's subject and silences nothing before it.
 */
export function opensLaterClauseZh(
  rule: CompiledRule,
  reading: SentenceReading,
  match: { start: number },
  positions: readonly number[],
): boolean {
  const opening = CLAUSE_OPENED_ZH.exec(reading.text.slice(Math.max(0, match.start - 3), match.start));
  if (!opening) return false;
  const mark = match.start - opening[0].length;
  return (
    positions.some((position) => position < mark) &&
    reading.relations.some(
      (relation) => rule.rule.relation.includes(relation.name) && relation.end <= mark,
    ) &&
    // (a clause that goes on to a predicate of its own, not a list of names: "高风险规则，GPAI与罚则均推迟")
    CLAUSE_PREDICATE_ZH.test(reading.text.slice(match.start, clauseEndOf(reading, match.start)))
  );
}

/** A Chinese comma right before a word, its clause's first (a space may stand between). */
const CLAUSE_OPENED_ZH = /(?<=[\u3400-\u9fff”」》)）])[，,；;]\s?$/;

/** A predicate of a Chinese clause: a verb of action, change or state after its subject. */
const CLAUSE_PREDICATE_ZH =
  /(?:启动|啟動|开始|開始|生效|适用|適用|实施|實施|推迟|推遲|延后|延後|暂缓|暫緩|上线|上線|发布|發布|公布|展开|展開|进行|進行|维持|維持|不变|不變|照常|如期|继续|繼續|[将將会會已仍])/;

/** "… and have nearly doubled since", "…, and has since fallen": a second predicate of the same subject. */
const JOINED_PREDICATE_EN =
  /,?\s+and\s+(?:(?:have|has|had)\s+(?:\w+ly\s+)?(?:since\s+)?\w+ed|(?:have|has)\s+since|(?:are|is|was|were)\s+(?:now\s+)?(?:up|down))\b/i;

// (…or a Chinese clause of what goes on now: "…的晶片代工合約，如今正洽談電池與顯示器合作")
const TRAILING_CONCESSION =
  /,\s+(?:though|although|even\s+though)\s[^;；]*$|[，,]\s*(?:如今|目前|现在|現在)正[^;；。]*。?$/i;

/**
 * A space between two Chinese clauses of a headline ("…义务延后 企业合规预算转向…"), also after what `alsoAfter` matches
 * (a pattern source).
 */
const cjkHeadlineSpace = (alsoAfter = '') =>
  new RegExp(String.raw`(?<=[\u3400-\u9fff”」》]${alsoAfter})\s+(?=[\u3400-\u9fff“「《])`, 'g');
const CJK_HEADLINE_SPACE = cjkHeadlineSpace();
/**
 * …and after a share ("台積電晶圓代工市占72%、三星7.1% 美國本土產能占比仍低") — for the share rules only: after a move, the half
 * that follows may say what moved it ("三星电子股价回落2.1% 获利盘涌现").
 */
const CJK_HEADLINE_SPACE_AFTER_SHARE = cjkHeadlineSpace(String.raw`|[\u3400-\u9fff][\d.]+[%％]`);

/**
 * For a headline parted by Chinese spaces, the half a position stands in; otherwise undefined. A share rule's headline
 * is parted after a share too.
 */
export function headlineHalfOf(
  reading: SentenceReading,
  rule?: CompiledRule,
): ((at: number) => number) | undefined {
  if (reading.index !== 0) return undefined;
  const ofShares = rule?.rule.relation.includes('market_share') ?? false;
  // (once a sentence: several rules and filters ask)
  return reading.once(ofShares ? 'headlineHalfOfShares' : 'headlineHalf', () => {
    const spaces = [
      ...reading.text.matchAll(ofShares ? CJK_HEADLINE_SPACE_AFTER_SHARE : CJK_HEADLINE_SPACE),
    ].map((space) => space.index);
    if (spaces.length === 0) return undefined;
    return (at: number) => spaces.filter((offset) => offset < at).length;
  });
}

/** What parts a Chinese sentence into topics: a headline's spaces, a full-width comma or a semicolon. */
const TOPIC_PART = /(?<=[\u3400-\u9fff”」》])\s+(?=[\u3400-\u9fff“「《])|[，；;]/g;

/** What may lead a part before its topic: spaces, and a joining word (而, 但, 则). */
const PART_LEAD = /^\s*(?:而|但|则|則|且)?\s*/;

/**
 * "台积电3纳米产能紧张 三星拿下特斯拉AI6订单", "英伟达Rubin采用台积电3纳米工艺制造，特斯拉AI6由三星代工": a
 * position in a part before the chip's, where that earlier part names a maker the chip's own part does not and
 * the chip's part names a maker of its own, speaks of that other maker's business. Only an earlier part: a later
 * one may carry the chip on ("三星拿下特斯拉AI6订单，台积电也将参与生产"). Chinese only (a space between
 * English words parts nothing).
 */
export function inAnotherMakersEarlierPart(
  reading: SentenceReading,
  position: number,
  chipStarts: readonly number[],
): boolean {
  if (chipStarts.length === 0) return false;
  const breaks = topicPartBreaks(reading);
  if (breaks.length === 0) return false;
  const part = (at: number) => breaks.filter((offset) => offset < at).length;
  const own = part(position);
  if (chipStarts.some((at) => part(at) <= own)) return false;
  // Each part opens with a name of its own, as its topic: not "在台积电、三星之外，英特尔也将…" (a frame of the
  // next part) nor "三星良率问题缓解，击败台积电拿下…" (the subject carried into the next).
  const partStart = (which: number) => (which === 0 ? 0 : breaks[which - 1]! + 1);
  const opensWithName = (which: number) => openingOf(reading, partStart(which)) !== undefined;
  if (!opensWithName(own) || !chipStarts.every((at) => opensWithName(part(at)))) return false;
  const makersOf = (which: number) =>
    new Set(
      reading.mentions
        .filter((mention) => reading.isMaker(mention.id) && part(mention.start) === which)
        .map((mention) => mention.id),
    );
  const chipMakers = new Set(chipStarts.flatMap((at) => [...makersOf(part(at))]));
  if (chipMakers.size > 0) return [...makersOf(own)].some((id) => !chipMakers.has(id));
  // "苹果A20采用台积电2纳米 特斯拉AI6预计2027年量产": with no maker in the chip's part, an earlier part whose topic is
  // a company outside the story (Apple, Nvidia) speaks of that company's product and its maker.
  const opening = openingOf(reading, partStart(own))!;
  return makersOf(own).size > 0 && opening.type === 'company' && !reading.isParty(opening.id);
}

/** Where a Chinese sentence's topic parts break (once a sentence: asked for each value and foundry of each rule). */
function topicPartBreaks(reading: SentenceReading): number[] {
  return reading.once('topicPartBreaks', () =>
    /[\u3400-\u9fff]/.test(reading.text)
      ? [...reading.text.matchAll(TOPIC_PART)]
          .filter((mark) => reading.index === 0 || mark[0].trim() !== '')
          .map((mark) => mark.index)
      : [],
  );
}

/** The name a part from `from` opens with, past its lead (而, 但, 则), if any. */
function openingOf(reading: SentenceReading, from: number): EntityMention | undefined {
  const lead = PART_LEAD.exec(reading.text.slice(from))![0].length;
  return reading.mentions.find((mention) => mention.start === from + lead);
}

/** A dash parting a headline's two halves: " — ", "——", " - ". */
const HEADLINE_DASH = /\s+[—–-]{1,2}\s+|——|(?<=[\u3400-\u9fff”」])—(?=[\u3400-\u9fff“「])/g;

/** Whether the subject is named only in one half of a dash-parted headline, and a word of another subject is too. */
export function subjectOnlyInAnothersPart(
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
export const inNamedDeal = (rule: CompiledRule, reading: SentenceReading, position: number) =>
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
export function namedDealSpans(
  rule: CompiledRule,
  reading: SentenceReading,
): Array<{ start: number; end: number }> {
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
export function causeToldLater(rule: CompiledRule, item: SentenceReading[], value: Value): boolean {
  // "三星电子跌3.5% // 受政府增税方案影响，韩国股市1日遭遇…最大单日跌幅": a lede that opens on the move's cause, a word of
  // another cause in it, tells the headline's cause.
  if (item[1] !== undefined && opensOnAnotherCause(rule, item[1])) return true;
  return item.some(
    (later) =>
      later.index > 0 &&
      // Cheapest first: a sentence with no word of another cause tells none.
      notWordsOf(rule, later).length > 0 &&
      eventPieces(rule, later).dated.size === 0 &&
      numericMentions(rule, later).some(
        // (by size: the value read may be a move, signed; a mention is the number as written)
        (mention) =>
          Math.abs(numberOf(mention.value)) === Math.abs(numberOf(value)) &&
          silencedByNot(rule, later, mention.start),
      ),
  );
}

/**
 * "受欧洲销量下滑影响，该公司股价周四下跌4%", "受政府增税方案影响，…": a sentence that opens on a cause of its own — a word of
 * another cause in it, or no word of the deal — tells why the move it goes on to (or its headline's) happened.
 */
export function opensOnAnotherCause(rule: CompiledRule, reading: SentenceReading): boolean {
  const opening = LEDE_CAUSE_OPENING.exec(reading.text);
  if (!opening) return false;
  return (
    notWordsOf(rule, reading).some((match) => match.end <= opening[0].length) || !DEAL_CAUSE.test(opening[0])
  );
}

/** Words that make a cause the deal's: its parties, its order or contract, its chips. */
const DEAL_CAUSE =
  /订单|訂單|合同|合约|合約|协议|協議|大单|大單|三星|特斯拉|芯片|晶片|代工|\b(?:Samsung|Tesla|deal|contract|order|chips?|foundry)\b/i;

/** A sentence opening on a cause: 受…影响，, 因…拖累，, "Weighed down by …,", "Hit by …,". */
const LEDE_CAUSE_OPENING =
  /^\s*(?:受|因|由于|由於)[^，,。]{1,24}?(?:影响|影響|拖累|冲击|衝擊|所累)[，,]|^\s*(?:weighed\s+down\s+by|hit\s+by|dragged\s+(?:down\s+)?by)\s[^,;.]{3,60},/i;

/**
 * A rule's not-words in a sentence — but not a "since" that measures a superlative ("rose 6.8%, the
 * most since September", "the highest that the brand has received since September 2024", 创去年9月以来最大单日涨幅): that dates a record, not another cause.
 */
export function notWordsOf(rule: CompiledRule, reading: SentenceReading): readonly PhraseMatch[] {
  // Asked for every candidate value of a share move: read once per sentence and rule.
  return reading.once(`notWords:${rule.fact.id}`, () => {
    const causeAt = rule.rule.relation.includes('market_share')
      ? causeClauseAfterShare(rule, reading)
      : rule.rule.relation.includes('deal')
        ? causeClauseAfterDeal(reading)
        : undefined;
    return reading.phrases(rule.not!).filter(
      (match) =>
        !(
          SINCE_WORD.test(reading.text.slice(match.start, match.end)) &&
          (SUPERLATIVE_BEFORE.test(reading.text.slice(Math.max(0, match.start - 56), match.start)) ||
            SUPERLATIVE_AFTER.test(reading.text.slice(match.end, match.end + 12))) &&
          !sinceTheEvent(rule, reading, match)
        ) &&
        !(
          causeAt !== undefined &&
          match.start > causeAt &&
          !CLAUSE_STOP.test(reading.text.slice(causeAt, match.start))
        ) &&
        !(rule.rule.relation.includes('market_share') && inCauseBeforeShare(reading, match)) &&
        !locatesAnother(reading.text, match.start) &&
        // (a word of the subject's own name or description: "Shares of the world's largest memory-chip maker")
        !reading.mentions.some(
          (mention) =>
            rule.ownIds.has(mention.id) && mention.start <= match.start && mention.end >= match.end,
        ),
    );
  });
}

/**
 * "台積電受惠AI加速器新平台出貨，市占率升至72.8%", "Thanks to AI accelerator demand, TSMC's share rose to 71%": a word in
 * a cause clause closed before the share word says why the share moved, not whose market it is.
 */
function inCauseBeforeShare(reading: SentenceReading, match: PhraseMatch): boolean {
  const clause = reading.text.slice(clauseStartOf(reading, match.start), match.start);
  const end = clauseEndOf(reading, match.end);
  return (
    CAUSE_BEFORE.test(clause) &&
    end < reading.text.length &&
    reading.relations.some(
      (share) =>
        share.name === 'market_share' &&
        share.start > end &&
        // (a market's share, not a revenue mix: "受惠AI加速器需求，…HPC營收占比…升至60%")
        /市[占佔]|份[额額]|\bshare\b/i.test(reading.text.slice(share.start, share.end)),
    )
  );
}

const CAUSE_BEFORE =
  /受惠|受益于|受益於|得益于|得益於|带动|帶動|\bthanks\s+to\b|\bdriven\s+by\b|\bon\s+the\s+back\s+of\b|\bhelped\s+by\b/i;

/**
 * Where a cause clause opens after a share told with its figure ("rose to 71% … on strong AI chip demand", "…, helped by
 * new orders from smartphone customers", "eased to 66% as smartphone orders cooled"): the words in it say why the
 * share moved, not whose market it is — so they are no words of another market's share. Only when the share names its
 * market, a context word of the rule's, before its figure ("share of the global foundry market", "foundry market
 * share"): "TSMC market share jumps to 38% as Foundry 2.0 growth accelerates" is a share of that other market.
 */
function causeClauseAfterShare(rule: CompiledRule, reading: SentenceReading): number | undefined {
  const share = reading.relations.find((match) => match.name === 'market_share');
  if (share === undefined || rule.context === undefined) return undefined;
  const figure = /\d(?:[\d.,]*)\s*(?:%|per\s*cent|percent)/gi;
  figure.lastIndex = share.start;
  const told = figure.exec(reading.text);
  if (told === null) return undefined;
  const market = reading
    .phrases(rule.context)
    .some((match) => match.start >= share.start - MARKET_BEFORE_SHARE && match.end <= told.index);
  if (!market) return undefined;
  const cause = CAUSE_OPENS.exec(reading.text.slice(told.index + told[0].length));
  return cause ? told.index + told[0].length + cause.index : undefined;
}

/**
 * Where a cause clause opens after a deal told with its amount ("after the company announced a $16.5 billion chip supply
 * contract with Tesla, have more than doubled since, lifted mostly by the memory boom"): why something else moved, not
 * whose deal it is. Only the plain causes ("lifted by", "thanks to", "amid") — "as" and "on" have other senses here.
 */
function causeClauseAfterDeal(reading: SentenceReading): number | undefined {
  const deal = reading.relations.find((match) => match.name === 'deal');
  if (deal === undefined) return undefined;
  const amount = DEAL_AMOUNT_BEFORE.exec(reading.text.slice(Math.max(0, deal.start - 48), deal.start));
  if (amount === null) return undefined;
  const cause = PLAIN_CAUSE_OPENS.exec(reading.text.slice(deal.end));
  return cause ? deal.end + cause.index : undefined;
}

/** An amount shortly before a deal word: "$16.5 billion chip supply", "165亿美元的". */
const DEAL_AMOUNT_BEFORE =
  /(?:[$€£₩]\s?\d[\d.,]*\s*(?:billion|bn|trillion|tn|million|mn)?|\d[\d.,]*\s*(?:billion|bn|trillion)\s+(?:dollars?|won)|\d[\d.]*\s*(?:亿|億|万亿|萬億)(?:美元|韩元|韓元))[^.;,，。；]*$/i;

const PLAIN_CAUSE_OPENS =
  /,\s*(?:(?:mostly|largely|mainly|partly)\s+)?(?:(?:helped|driven|lifted|boosted|buoyed|supported|fuelled|fueled|spurred|hurt|weighed\s+down)\s+(?:(?:mostly|largely|mainly|partly)\s+)?by|thanks\s+to|amid)\b/i;

/** How far before its share word the market may be named ("foundry market share"). */
const MARKET_BEFORE_SHARE = 24;

const CAUSE_OPENS =
  /(?:,\s*|\s)(?:(?:helped|driven|lifted|boosted|buoyed|supported|fuelled|fueled|spurred|hurt|weighed\s+down)\s+by|thanks\s+to|amid|on\s+(?:the\s+)?(?:(?:strong|stronger|robust|rising|higher|weak|weaker|booming|surging|solid|continued|sustained|brisk)\s+)?(?:[\w-]+\s+){0,3}?(?:demand|orders|sales|shipments)\b|as\s+(?!(?:of|well|much|many)\b))/i;

/** A clause's end between a cause's opening and a word: past it, the word is the sentence's again. */
const CLAUSE_STOP = /[;；。]|,\s*(?:while|but|whereas)\b/i;

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

/** "since", 以来, and a span up to now ("创一周来最大单日涨幅": the biggest in a week). */
const SINCE_WORD = /^(?:since|以来|以來|一周来|一週來)$/i;

const SUPERLATIVE_BEFORE =
  /\b(?:the\s+)?(?:most|biggest|largest|best|highest|strongest|sharpest|steepest)\b[^.;,，；。]{0,40}$/i;

const SUPERLATIVE_AFTER = /^[^，,。；;]{0,4}?(?:最大|最高|最多|最佳|最强|最強|新高|首次|首度)/;

/**
 * A share move's not-words are its other causes ("rose 3% on Monday, as memory prices climbed"): for
 * a move, an aside is no shelter from them.
 */
export const readsAsides = (rule: CompiledRule) => !rule.rule.relation.includes('stock_move');

/** Commas that set off an aside: ", to be made by Samsung,", "，由三星代工，", ", bound by a $16.5 billion contract,". */
export function asideMarks(reading: SentenceReading): number[] {
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
  /[,，]\s*(?:(?=(?:to\s+be|which|that|whose|made|built|produced|set|due|expected|already|home\s+to|bound\s+by|tied\s+by|(?:the|a)\s+(?:maker|supplier|manufacturer|builder))\b|由|将|將)|(?:as|because|thanks\s+to|amid|driven\s+by)\b)/gi;

const CAUSE_OPENING = /(?:as|because|thanks\s+to|amid|driven\s+by)$/i;

/** Which side of the asides a position falls on: inside one (odd) or outside (even). */
function asideOf(reading: SentenceReading, position: number): number {
  let side = 0;
  for (const at of asideMarks(reading)) if (at <= position) side++;
  return side % 2;
}

/** The frame (clause group) a position falls in. */
export function frameOf(reading: SentenceReading, position: number): number {
  let frame = 0;
  for (const at of reading.frames) if (at <= position) frame++;
  return frame;
}

export function numericMentions(rule: CompiledRule, reading: SentenceReading): ValueMention[] {
  if (rule.readExtra) return rule.readExtra(reading.text);
  const kind = rule.fact.kind === 'year' ? 'year' : rule.fact.kind;
  return reading.values(kind).filter((mention) => mention.value.kind === rule.fact.kind);
}

export const numberOf = (value: Value) =>
  value.kind === 'money'
    ? value.amount
    : 'value' in value && typeof value.value === 'number'
      ? value.value
      : Number.NaN;

/** The text after the last clause mark (comma, semicolon, full stop) of `text`: the clause it ends in. */
export function lastClause(text: string): string {
  return text.split(/[,，;；。]/).at(-1)!;
}

export const CLAUSE_PUNCTUATION = /[,，;；。:：]/g;

/** A clause mark between two offsets — not the comma of "Taylor, Texas" (the place's region). */
export function clauseMarkBetween(reading: SentenceReading, from: number, to: number): boolean {
  for (const mark of reading.text.slice(from, to).matchAll(CLAUSE_PUNCTUATION))
    if (mark[0] !== ',' || !reading.placeTail.test(reading.text.slice(from + mark.index))) return true;
  return false;
}

/** A time in the past that dates a clause: 去年, 今年初, "last year", "earlier this year", "months ago". */
export const PAST_TIME =
  /去年|前年|今年初|今年年初|今年稍早|早前|此前|先前|当初|當初|\blast\s+year\b|\bearlier\s+this\s+year\b|\b(?:a|one|two|several|\d+)\s+(?:years?|months?)\s+ago\b/i;

/** Entity types that can own a value stated after them (a company's share move). */
export const OWNER_TYPES = new Set(['company', 'affiliate', 'index']);

/** Where the clause holding `position` starts (a place's ", Texas" is no clause mark). */
export function clauseStartOf(reading: SentenceReading, position: number): number {
  let start = 0;
  for (const mark of reading.text.slice(0, position).matchAll(CLAUSE_PUNCTUATION))
    if (mark[0] !== ',' || !reading.placeTail.test(reading.text.slice(mark.index))) start = mark.index + 1;
  return start;
}

/** Whether the clause holding `at`, before it, is dated to the past (PAST_TIME): "去年 8 月特斯拉才解散", "今年初才宣布重啟". */
export const clauseDatedToThePast = (reading: SentenceReading, at: number) =>
  PAST_TIME.test(reading.text.slice(clauseStartOf(reading, at), at));

/** Where the clause holding `position` ends. */
export function clauseEndOf(reading: SentenceReading, position: number): number {
  for (const mark of reading.text.slice(position).matchAll(CLAUSE_PUNCTUATION))
    if (mark[0] !== ',' || !reading.placeTail.test(reading.text.slice(position + mark.index)))
      return position + mark.index;
  return reading.text.length;
}
