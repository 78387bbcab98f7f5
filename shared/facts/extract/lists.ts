/**
 * Lists and rankings (layer 6): "Foundry ranking: TSMC 70.2%, Samsung 7.3%" — the names a list heads and the
 * value each owns, a ranked value alone, a list continued from the sentence before.
 */
import type { EntityMention } from '../entities.ts';
import type { CompiledRule } from '../rules.ts';
import { notWordsOf, numericMentions } from './frames.ts';
import { NONE, type SentenceReading } from './reading.ts';

/** Whether a sentence has a word of the fact's relation classes. */
export function related(rule: CompiledRule, sentence: SentenceReading): boolean {
  for (const name of rule.rule.relation) if (sentence.has(name)) return true;
  return false;
}

/** Whether a sentence up to `index` (the title first) heads a list: a relation or ranking word. */
export function headingUpTo(rule: CompiledRule, item: SentenceReading[], index: number): boolean {
  for (let at = 0; at <= index; at++) if (item[at]!.has('ranking') || related(rule, item[at]!)) return true;
  return false;
}

/**
 * Between a name and its value in a list: "TSMC 70.2%", "Samsung (7.3%)", "Samsung at 7.3%", 三星以7.1%,
 * "Samsung slips to 7.3%", 三星則滑落至6.8%.
 */
const LIST_GAP =
  /^\s*(?:则|則|也|亦|also\s+|then\s+)?(?:[:：(（]|(?:ranked|ranks|came|comes|placed|stood)\s+(?:first|second|third|fourth|fifth|\w+)\s+(?:with|at)\b|at\b|with\b|以|为|為|仅剩|僅剩|只剩|仅为|僅為|仅有|僅有|只有|(?:晶圆代工|晶圓代工|代工)?(?:市占率?|市场份额|市場份額|份额|份額)(?:为|為|达|達|(?:小幅|大幅)?(?:回升|上升|升|降|下滑|回落|滑落|跌)(?:至|到))?|(?:进一步|進一步|小幅|大幅)?(?:回升|上升|升|降|下滑|回落|滑落|跌|扩大|擴大|提高|提升|缩小|縮小)(?:至|到)|(?:['’]s\s+(?:(?:grip|lead|hold|(?:market\s+|foundry\s+)?share)\s+)?)?(?:(?:got|gets|came|comes|bounced|bounces|climbed|climbs|fell|falls)\s+back|slip(?:s|ped)?|slid(?:es)?|sank|sinks?|f[ae]ll?s?|rises?|rose|climb(?:s|ed)?|dip(?:s|ped)?|drop(?:s|ped)?|edg(?:es|ed)\s+(?:up|down)|(?:tick|inch)(?:s|ed)\s+(?:up|down)|eas(?:es|ed)|grows?|grew|recover(?:s|ed)?|rebound(?:s|ed)?|improve[sd]?|increase[sd]?|decline[sd]?|shr[iau]nks?|tighten(?:s|ed)?|widen(?:s|ed)?|narrow(?:s|ed)?)(?:\s+(?:[a-z]+ly|further|again))?\s+to\b|(?:holds?|held|stays?|stayed)\s+at\b)?\s*(?:约|約|近)?\s*$/i;

const LIST_GAP_CHARS = 16;

/** A list gap's adverb of its move, not counted in its length either: "TSMC dipped slightly to". */
const MOVE_ADVERB = /\s+(?:[a-z]+ly|further|again)(?=\s+to\b)/i;

/** A list gap's measure of its name, not counted in its length: "TSMC's grip tightens to". */
const POSSESSED_MEASURE = /^['’]s\s+(?:grip|lead|hold|(?:market\s+|foundry\s+)?share)\s+/i;

/**
 * A rank between a name and its value, longer than a list's gap: "Samsung Electronics ranked second
 * with 6.5%", "Samsung was second at 7.7%", "Samsung, in second place, with 6.8%".
 */
const RANKED_GAP =
  /^\s*(?:,\s*)?(?:(?:was|is|remained|remains|stayed|stays|ranked|ranks|came|comes|placed|finished|stood)\s+)?(?:in\s+)?(?:a\s+)?(?:(?:distant|close|clear|solid)\s+)?(?:second|third|fourth|fifth|No\.\s?[2-5])(?:\s+place)?\s*,?\s*(?:with|at)\s*$/i;

const RANKED_GAP_CHARS = 32;

/** How far after its list heads a value may stand: a rank's gap when one of them has it. */
export function listGapOf(rule: CompiledRule, reading: SentenceReading, heads: EntityMention[]): number {
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
  (between.replace(POSSESSED_MEASURE, '').replace(MOVE_ADVERB, '').length <= LIST_GAP_CHARS &&
    LIST_GAP.test(between)) ||
  (between.length <= RANKED_GAP_CHARS && RANKED_GAP.test(between));

/**
 * A list of names each directly followed by its value ("TSMC 70.2%, Samsung 7.3%, SMIC 5.1%",
 * 台积电 70.7%｜三星 7.1%), when at least two of the fact's subject and rivals head a value of
 * the fact's kind — in this sentence or the ones beside it, a list cut at its semicolons
 * being several sentences: the subject's mentions here that do. Each value is its name's.
 */
export function listHeadsOf(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
): EntityMention[] {
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
  // "TSMC's share of global foundry revenue hit 70.2% in Q2, while No. 2 Samsung slid to 7.3%": a rival's share
  // told here, the subject's value follows its name as a list's.
  return ids.size >= 2 ||
    (related(rule, reading) &&
      reading.mentions.some((mention) => rivalIds.has(mention.id)) &&
      mine.some((head) => movedToValue(rule, reading, head)) &&
      !(rule.not ? notWordsOf(rule, reading) : NONE).length) ||
    (related(rule, reading) &&
      listGapOf(rule, reading, mine) === RANKED_GAP_CHARS &&
      mine.some((head) => rankedValueAlone(rule, reading, head))) ||
    (related(rule, reading) && mine.some((head) => continuesRivalsValue(rule, reading, head)))
    ? mine
    : NONE_MENTIONED;
}

/**
 * "第二季台積電晶圓代工市占72%、三星7.1%", "TSMC held 72% of the market and Samsung 7.1%": the subject heads its value
 * right after a rival's value of the same kind and the enumeration mark after it — the rival's measure, its
 * relation word said once, goes on for the subject (no word of another subject between).
 */
function continuesRivalsValue(rule: CompiledRule, reading: SentenceReading, head: EntityMention): boolean {
  const values = numericMentions(rule, reading);
  const previous = values.filter((value) => value.end <= head.start).at(-1);
  if (!previous || !ENUMERATION_GAP.test(reading.text.slice(previous.end, head.start))) return false;
  const rival = reading.mentions.findLast(
    (mention) => rule.rivalIds.has(mention.id) && mention.end <= previous.start,
  );
  // (its own value right after it: "三星7.1%", 三星電子則為8%, "Samsung 7.1%")
  const own = values.find(
    (value) => value.start >= head.end && OWN_VALUE_GAP.test(reading.text.slice(head.end, value.start)),
  );
  return rival !== undefined && own !== undefined && !(rule.not ? notWordsOf(rule, reading) : NONE).length;
}

/** Between a value and the next name of an enumeration: 、, a comma, "and". */
const ENUMERATION_GAP = /^\s*(?:[、，,]\s*(?:and\s+)?|\s+and\s+|以及|和|及)\s*$/i;

/** Between the subject and its value in an enumeration: nothing, 则为, 为, "at". */
const OWN_VALUE_GAP = /^\s*(?:则为|則為|则|則|为|為|at|with)?\s*$/i;

/** Whether a list's value follows the head with a move to it ("Samsung slid to 7.3%", 三星則滑落至6.8%), not a rank. */
function movedToValue(rule: CompiledRule, reading: SentenceReading, head: EntityMention): boolean {
  return numericMentions(rule, reading).some((value) => {
    const between = reading.text.slice(head.end, value.start);
    return value.start >= head.end && listGapBetween(between) && MOVED_TO_GAP.test(between);
  });
}

const MOVED_TO_GAP = /(?:\s(?:to|at)|至|到)\s*$/i;

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
export function continuedHeadsOf(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
): EntityMention[] {
  const { ownIds, rivalIds } = rule;
  const before = item[reading.index - 1];
  if (!before || !NUMERIC_KINDS.has(rule.fact.kind) || !related(rule, before)) return NONE_MENTIONED;
  const mine = reading.mentions.filter((mention) => ownIds.has(mention.id) && !mention.described);
  if (mine.length === 0) return NONE_MENTIONED;
  // (a rival named or described: "The Korean company's slice of the foundry market shrank. TSMC's rose to 71%."; the
  // subject only described there does not take the list over: "…while Taiwan's top chipmaker gained. TSMC's rose")
  const named = before.mentions.filter((mention) => !mention.described);
  if (
    named.some((mention) => ownIds.has(mention.id)) ||
    !before.mentions.some((mention) => rivalIds.has(mention.id))
  )
    return NONE_MENTIONED;
  const values = numericMentions(rule, reading);
  return mine.filter((mention) =>
    values.some((value) => {
      if (value.start < mention.end || value.start - mention.end > CONTINUED_GAP_CHARS) return false;
      const between = reading.text.slice(mention.end, value.start);
      // ("Samsung, which has pinned its recovery partly on a $16.5 billion Tesla order, slipped to 7.3%": a relative
      // aside about the name, whatever it names, then the level)
      const aside = RELATIVE_ASIDE.exec(between);
      const from = mention.end + (aside ? aside[0].length : 0);
      return (
        (LEVEL_GAP.test(between) ||
          RANKED_GAP.test(between) ||
          (aside !== null && LEVEL_GAP.test(between.slice(aside[0].length)))) &&
        !reading.mentions.some((other) => other.start >= from && other.start < value.start)
      );
    }),
  );
}

/** Between a name and the level it reached: ", in second place, fell to", "was at", "'s fell to", 则降至. */
const LEVEL_GAP =
  /^(?:\s*,[^,.;]{0,30},)?\s*(?:['’]s\s+(?:(?:market\s+)?share\s+)?)?(?:also\s+|then\s+|则|則|也)?(?:进一步|進一步|再)?(?:(?:fell|falls|dropped|drops|slipped|slips|declined|declines|slid|slides|rose|rises|climbed|climbs|grew|grows|edged\s+(?:up|down)|edges\s+(?:up|down)|(?:ticked|ticks|inched|inches)\s+(?:up|down)|eased|eases|dipped|dips|recovered|recovers|rebounded|rebounds|improved|improves|increased|increases|shrank|shrinks|was|is|stood|stands|came\s+in|comes\s+in|ended|ends)\s+(?:to|at)|\bat|降至|跌至|滑落至|下滑至|升至|增至|回升至|扩大至|擴大至|提高至|提升至|缩小至|縮小至|以)\s*(?:about\s+|around\s+|约|約)?$/i;

export const CONTINUED_GAP_CHARS = 90;

/** A relative aside right after a name: ", which has pinned its recovery partly on a $16.5 billion Tesla order,". */
const RELATIVE_ASIDE = /^\s*,\s*(?:which|who|whose)\b[^;]{0,80}?,/i;

const NUMERIC_KINDS = new Set(['money', 'percent', 'year', 'count', 'quantity', 'ratio', 'node']);

export const NONE_MENTIONED: EntityMention[] = [];
