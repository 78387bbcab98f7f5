/**
 * Whether a relation word says this fact here (layer 4 read in context): a word of another sense ("by the end
 * of 2024", "samples delayed"), a rival as the verb's object, an award's amount, an event told as news or
 * recalled, a revision, and a fact's context words.
 */
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRule } from '../rules.ts';
import { MONTH_NAME as MONTH_NAME_SOURCE } from '../values/dates.ts';
import type { ValueMention } from '../values/mention.ts';
import {
  clauseDatedToThePast,
  clauseEndOf,
  clauseStartOf,
  type EventOfRule,
  eventMonthDays,
  eventPieces,
  frameStart,
  lastClause,
  monthMarks,
  PIECE_BREAK,
  RECALLED_NEWS,
  SAME_DAY,
} from './frames.ts';
import type { SentenceReading } from './reading.ts';
import { topicOf } from './subject.ts';

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

/**
 * Whether a reaction to one event is told as news of it: in an item of the weeks after the event, or
 * dated back to it ("The stock had climbed 4% on July 28", "since late July, when news of its Tesla
 * contract sent it 6.8% higher").
 */
function newsOfTheEvent(event: EventOfRule, reading: SentenceReading): boolean {
  if (reading.publishedDay === undefined || reading.publishedDay <= event.lastDay) return true;
  return (
    namesTheEventMonth(event, reading.text) || RECALLED_MOVE.test(reading.text) || movedOnAPartysDeal(reading)
  );
}

/**
 * "Tesla popped 5% on the Samsung news", "jumped 6.8% on the Tesla deal": a move told with its cause, a deal or news
 * named by one of the story's parties (not "rose 4.1% on HBM4 supply news", "gained 3.5% on the same news").
 */
function movedOnAPartysDeal(reading: SentenceReading): boolean {
  for (const move of reading.text.matchAll(MOVED_ON_A_DEAL)) {
    const at = move.index + move[0].lastIndexOf(move[1]!);
    if (reading.mentions.some((mention) => mention.start === at && reading.isParty(mention.id))) return true;
  }
  return false;
}

const MOVED_ON_A_DEAL =
  /\b(?:rose|jumped|climbed|gained|surged|soared|rallied|popped|added|went\s+up|closed)\b[^.;]{0,24}?\d[\d.]*\s?(?:%|per\s?cent)[^.;]{0,16}?\bon\s+(?:the\s+day\s+(?:the\s+)?|the\s+)?(?:news\s+of\s+(?:the\s+)?)?([\w-]+)(?:['’]s)?\s+(?:[\w-]+\s+)?(?:deal|contract|news|order|announcement|pact)\b/gi;

/** The event's month, of its year when a year follows ("on July 28", "July 28, 2025" — not "July 30, 2026"). */
function namesTheEventMonth(event: EventOfRule, text: string): boolean {
  return monthMarks(event, text).length > 0;
}

/** Where a sentence names another day of the event's month, two or more days off ("on July 30"). */
function otherDayMarks(event: EventOfRule, text: string): number[] {
  return eventMonthDays(event, text).otherDay;
}

/**
 * "泰勒工厂预计2026年投入运营并为特斯拉生产AI6芯片", "…2026年投产并为特斯拉生产…": a start of the site's own
 * before the making that governs the chip — the site's year, not the chip's.
 */
export function startBeforeMaking(reading: SentenceReading, from: number, to: number): boolean {
  const governing = reading.relations.filter((match) => match.name === 'makes' && match.end <= to).at(-1);
  return (
    governing !== undefined &&
    reading.relations.some(
      (match) => match.name === 'production_start' && match.start >= from && match.end <= governing.start,
    )
  );
}

/** The piece of a sentence (between PIECE_BREAK marks) that holds a span. */
export function pieceAround(
  text: string,
  span: { start: number; end: number },
): { from: number; to: number } {
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
export function inTheEventsPiece<Mention extends { start: number }>(
  rule: CompiledRule,
  reading: SentenceReading,
  mentions: Mention[],
): Mention[] {
  const event = rule.event;
  if (!event || reading.publishedDay === undefined) return mentions;
  // "三星電子股價周五跌1.5%，已回吐7月28日…當日急升6.8%的大部分升幅" in an item of Friday, Aug 15: beside a piece dated
  // to the event, a move of another weekday is that day's, even alone.
  // (…and so, beside a piece dated to the event's weekday, is a move of another weekday: "fell 2.1% on Friday, giving
  // back part of the 6.8% gain they logged on Monday")
  const anotherWeekday = weekdayAfterTheEvent(event, reading) || weekdayAfterTheEvent(event, reading, 'some');
  if (
    (mentions.length < 2 && !anotherWeekday) ||
    (reading.publishedDay <= event.lastDay && !ownDayAfterTheEvent(event, reading) && !anotherWeekday)
  )
    return mentions;
  const { pieceOf, dated } = eventPieces(rule, reading);
  const kept = mentions.filter((mention) => dated.has(pieceOf(mention.start)));
  return kept.length > 0 || (anotherWeekday && namesTheEventMonth(event, reading.text)) ? kept : mentions;
}

/** A move told as of the item's own day ("today", 今日) in an item published two or more days after the event. */
function ownDayAfterTheEvent(event: EventOfRule, reading: SentenceReading): boolean {
  return (
    reading.publishedDay !== undefined &&
    reading.publishedDay >= event.twoDaysOn &&
    OWN_DAY.test(reading.text)
  );
}

/**
 * In the days after the event, a move dated to weekdays that, counted back from the item's day, are not the event's
 * ("周五…三星电子涨3.1%" in an item of Friday, August 1, four days after a Monday's deal).
 */
function weekdayAfterTheEvent(
  event: EventOfRule,
  reading: SentenceReading,
  which: 'every' | 'some' = 'every',
): boolean {
  return (
    reading.publishedDay !== undefined &&
    reading.publishedDay >= event.twoDaysOn &&
    reading.publishedDay <= event.lastDay &&
    weekdaysOfOtherDays(event, reading.publishedDay, reading.text, which)
  );
}

const WEEKDAYS = /\b(Monday|Tuesday|Wednesday|Thursday|Friday)\b|(?:週|周|星期)([一二三四五])/g;
const WEEKDAY_NUMBER: Record<string, number> = {
  Monday: 1,
  Tuesday: 2,
  Wednesday: 3,
  Thursday: 4,
  Friday: 5,
};
const CHINESE_WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
const DAY_MS = 86_400_000;

/**
 * The sentence names weekdays, and each, as the last such day up to the item's, is neither the event's day nor one
 * beside it. (One to come — "results due Thursday" — dates no move.)
 */
function weekdaysOfOtherDays(
  event: EventOfRule,
  publishedDay: string,
  text: string,
  which: 'every' | 'some' = 'every',
): boolean {
  const published = Date.parse(`${publishedDay}T00:00:00Z`);
  const eventDay = Date.parse(`${event.date}T00:00:00Z`);
  const marks = [...text.matchAll(WEEKDAYS)].filter(
    (found) =>
      !WEEKDAY_TO_COME_BEFORE.test(text.slice(Math.max(0, found.index - 24), found.index)) &&
      // (a weekday with its date: "on Monday, July 28", 7月28日（周一）)
      !DATE_AFTER_WEEKDAY.test(
        text.slice(found.index + found[0].length, found.index + found[0].length + 12),
      ) &&
      !/\d{1,2}\s*日\s*[（(]?\s*$/.test(text.slice(Math.max(0, found.index - 8), found.index)),
  );
  // A weekday of another week ("last Monday", 上周一, "Monday of last week") is this week's or the week before's:
  // another day's only if neither is the event's.
  const days = marks.flatMap((found) => {
    const weekday = found[1] ? WEEKDAY_NUMBER[found[1]]! : CHINESE_WEEKDAY_NUMBER[found[2]!]!;
    const day = published - ((new Date(published).getUTCDay() - weekday + 7) % 7) * DAY_MS;
    const anotherWeek =
      ANOTHER_WEEK_BEFORE.test(text.slice(Math.max(0, found.index - 12), found.index)) ||
      /^\s+of\s+last\s+week\b/i.test(text.slice(found.index + found[0].length));
    return anotherWeek ? [day, day - 7 * DAY_MS] : [day];
  });
  const otherDay = (day: number) => Math.abs(day - eventDay) > DAY_MS;
  return days.length > 0 && (which === 'every' ? days.every(otherDay) : days.some(otherDay));
}

/** Right after a weekday, its date: ", July 28", " (July 28)", "，7月28日". */
const DATE_AFTER_WEEKDAY =
  /^\s*[,，(（]?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b|\d{1,2}\s*月\s*\d{1,2}\s*日)/;

/** Before a weekday, a week other than the item's: "last Monday", 上周一, 上個星期一. */
const ANOTHER_WEEK_BEFORE = /\blast\s+$|上(?:个|個)?$/i;

/** Before a weekday, a day to come: "results due Thursday", "next Friday", "ahead of Tuesday's vote". */
const WEEKDAY_TO_COME_BEFORE =
  /\b(?:due|next|coming|ahead\s+of|until|before|by|scheduled\s+for|expected)\s+(?:on\s+)?$|下(?:个|個)?$/i;

/**
 * Later news about the deal that moves shares: a rumour, a denial, an allocation, an expansion, orders added,
 * a delay that clouds it, a worry over it, its glow fading — or a move "despite" it (儘管), which it did not cause.
 */
const LATER_NEWS_OF_THE_DEAL =
  /有报道称|有報導稱|有報道稱|\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?reports?\s+(?:said|says|saying|claimed|claiming|suggested)\b|\bmov(?:e|es|ed|ing)\s+(?:part|some|a\s+portion|a\s+share)\s+of\s+(?:its\s+|the\s+)?(?:[\w-]+\s+)?orders?\b|\badd(?:s|ed|ing)?\s+(?:[\w-]+\s+){1,3}?to\s+(?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:orders?|deal|contract)\b|重申|尽管|儘管|\bdespite\b|\b(?:euphoria|hype|glow)\s+(?:fades?|fading|fad(?:ed)|wanes?|waning|waned|cools?|cooling|cooled)\b|热度消退|熱度消退|退烧|退燒|\breaffirm\w*|\breiterat\w*|传闻|傳聞|传言|傳言|消息称|消息稱|否认|否認|澄清|分配|追加|扩大|擴大|增至|上调|上調|延期|推迟|推遲|延后|延後|担心|擔心|担忧|擔憂|忧虑|憂慮|缩减|縮減|削减|削減|转单|轉單|\b(?:delay(?:s|ed)?|clouds?|setbacks?|cut(?:s|ting)?\s+(?:its|their|the)?\s*(?:[\w-]+\s+)?orders?|shift(?:s|ed|ing)?\s+(?:some\s+)?(?:[\w-]+\s+)?orders?|fret(?:s|ted|ting)?|worr(?:y|ies|ied)\s+(?:about|over)|doubts?\s+(?:about|over)|rumou?rs?|report(?:s|ed)?\s+that|denied|denies|clarif(?:y|ies|ied)|allocat\w*|expan(?:d|ds|ded|sion)|add(?:s|ed)?\s+(?:more\s+)?orders?|extra\s+orders?|follow-on\s+orders?|(?:new|fresh|second|another|additional|more)\s+(?:[\w-]+\s+){0,2}?orders?|(?:bigger|larger|expanded)\s+(?:[\w-]+\s+){0,2}?orders?(?!\s+than)|second\s+(?:[\w-]+\s+)?(?:supplier|source|foundry)|on\s+(?:a\s+|the\s+)?(?:media\s+)?reports?\b|orders?\s+(?:alongside|in\s+addition\s+to)|orders?\s+as\s+(?:a\s+)?second\s+source)\b/i;

/** A move that gives back gains an earlier one brought: 回吐…涨幅, 抹去…升幅, "giving back part of the gain", "trimming a rally". */
const GAINS_GIVEN_BACK =
  /(?:回吐|吐回|抹去)[^，。；,;]{0,12}(?:升幅|涨幅|漲幅|涨势|漲勢)|\b(?:(?:gave|give|gives|giving|given)\s+back|trim(?:s|med|ming)?|par(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|wip(?:e|es|ed|ing)\s+out|cut(?:s|ting)?\s+into)\s+(?:[\w-]+\s+){0,4}?(?:gains?|rally|rise|jump|surge|advance)\b/i;

const DEAL_SENT_THE_MOVE =
  /\b(?:deal|contract|agreement|order)s?,\s*which\s+(?:had\s+)?(?:sent|lifted|pushed|drove|boosted|propelled)\b/i;

/** A move dated to a weekday: "fell 2 per cent on Friday". */
const WEEKDAY_MOVE = /\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b|(?:週|周|星期)[一二三四五]/;

/** The event's day of its month written out: "July 28", "28 July", 7月28日. */
function namesTheEventDay(event: EventOfRule, text: string): boolean {
  return [...text.matchAll(event.month)].some(
    (month) =>
      new RegExp(`^\\s*${event.day}(?!\\d)`).test(text.slice(month.index + month[0].length)) ||
      new RegExp(`(?<!\\d)${event.day}\\s*$`).test(text.slice(0, month.index)),
  );
}

/** The deal told as past: "signed last July", "the two signed last year", "a year ago". */
const DEAL_TOLD_AS_PAST =
  /\b(?:signed|struck|inked|sealed|announced|clinched)\s+(?:(?:their|its|the|a)\s+)?(?:[\w$.,-]+\s+){0,6}?(?:last\s+(?:year|summer|July)|a\s+year\s+ago|in\s+(?:July\s+)?2025|in\s+(?:late\s+)?July)\b|去年(?:7月|七月)?[^，。；]{0,12}?(?:签署|簽署|签订|簽訂|签下|簽下|签约|簽約)/i;

/** A mover described by the deal told as past, its move right after the description. */
const DEAL_PAST_IN_DESCRIPTION =
  /,\s+(?:(?:the|a)\s+(?:[\w-]+\s+){0,4}?)?(?:that|which|who)\s+(?:[\w$.'’-]+\s+){1,10}?(?:last\s+(?:year|summer|July)|a\s+year\s+ago|in\s+(?:July\s+)?2025)\s*,\s+(?:(?:shares|stock)\s+)?(?:rose|fell|gained|jumped|climbed|slid|slipped|dropped|added|lost|advanced|declined|was\s+(?:up|down)|ended\s+(?:up|down)|closed\s+(?:up|down))\b|去年[^，。；]{0,24}?的(?:三星电子|三星電子|三星|特斯拉)(?:股价|股價)?(?:今日|今天|周[一二三四五]|週[一二三四五])?(?:上涨|上漲|下跌|大涨|大漲|涨|漲|跌)/i;

/** The item's own day or week: "today", "this week", "after hours", 今天, 今日, 本周, 本週, 盤後. */
const OWN_DAY =
  /(?<!USA\s)\btoday\b|\b[Tt]his\s+week\b|\bfor\s+the\s+day\b|\bas\s+of\s+press\s+time\b|\b(?:in\s+)?(?:after-hours|extended)\s+trading\b|今天|今日(?!美国|美國|头条|頭條)|本周|本週|这周|這週|盘后|盤後/;

/** …and a move told in the pluperfect ("had climbed 4% on July 28"). */
const RECALLED_MOVE = new RegExp(
  `${RECALLED_NEWS.source}|\\bhad\\s+(?:\\w+\\s+)?(?:risen|rose|climbed|jumped|gained|surged|soared|rallied|fallen|fell|dropped|slid|sunk|tumbled)\\b|\\bwhen\\s+(?:it|they|its\\s+(?:shares|stock)|the\\s+(?:shares|stock))\\s+(?:rose|jumped|climbed|gained|surged|soared|rallied|popped|added|fell|dropped|slid|tumbled)\\b`,
  'i',
);

/**
 * Words that tell a value replaces an earlier one: "Its backers have now raised … to $800 billion",
 * "The venture has since cut that figure", 如今改为2027年.
 */
const REVISION =
  /\b(?:now|has since|have since|had since|instead|revised?|revises|raised?|raises|lift(?:s|ed)?|cuts?|lower(?:s|ed)?|trim(?:s|med)?|boost(?:s|ed)?|slash(?:es|ed)?|pushed back|no longer|restart(?:s|ed|ing)?|resum(?:e|es|ed|ing)|reviv(?:e|es|ed|ing)|delay(?:s|ed)?|postpon(?:e|es|ed)|pushed (?:back|to))\b|现在|現在|如今|目前(?!业界|業界|市场|市場|外界|传出|傳出|有消息)|现已|現已|改为|改為|上调|上調|下调|下調|调高|調高|调降|調降|缩减|縮減|下修|上修|重启|重啟|恢复|恢復|复活|復活|推迟至|推遲至|延后至|延後至|延期至/i;

const REVISIONS = new RegExp(REVISION.source, 'gi');

/**
 * The revision word stands in the clause group of the value, before it: "Its backers have now raised
 * the planned investment to $800 billion" — not a "now" elsewhere in the sentence.
 */
export function revisesHere(reading: SentenceReading, valueAt: number | undefined): boolean {
  // "特斯拉今年初才宣布重啟Dojo 3": a revision dated to the past is the background of today's news; "Until now,
  // TSMC was the only maker" tells what held before.
  if (valueAt === undefined)
    return [...reading.text.matchAll(REVISIONS)].some(
      (word) =>
        !clauseDatedToThePast(reading, word.index) &&
        !/\b(?:until|till|up\s+to)\s+$/i.test(reading.text.slice(Math.max(0, word.index - 8), word.index)),
    );
  return REVISION.test(reading.text.slice(frameStart(reading, valueAt), valueAt));
}

/** "该领域", "this segment": a segment the sentence before named. */
export const SEGMENT_REFERENCE = /该领域|該領域|这一领域|這一領域|\b(?:this|that|the)\s+segment\b/i;

/** "…“晶圆代工2.0”市场…。其中台积电份额…": a market of another definition, which 其中 goes on with. */
export const OTHER_MARKET_REFERENCE = /^其中/;

export const OTHER_MARKET_WORDS = /(?:晶圆|晶圓)?代工\s*2\.0|\bFoundry\s+2\.0\b/i;

/** Segments of a market, not the market: "7纳米及以下先进制程", "advanced nodes", "AI accelerators". */
export const SEGMENT_WORDS =
  /先进制程|先進製程|纳米及以下|奈米及以下|成熟制程|成熟製程|AI加速器|\badvanced[-\s](?:nodes?|process(?:es)?|chips?)\b|\bmature[-\s]nodes?\b|\bAI accelerators?\b|\b\d+\s?nm\s+and\s+below\b/i;

/** The sentence names the fact's subject only through descriptions ("Korean chipmaker … Musk's carmaker"). */
export function describedOnly(reading: SentenceReading, rule: CompiledRule): boolean {
  const own = reading.mentions.filter((mention) => rule.ownIds.has(mention.id));
  return own.length > 0 && own.every((mention) => mention.described);
}

/**
 * "start production of Tesla's AI6 at Taylor in 2028", "begin volume output of the chip", 为特斯拉量产AI6芯片:
 * the production is the rival's (the chip's), not the fab's.
 */
// "volume output of Tesla AI6": a capitalised name before the chip is its maker's (so the case is spelt out).
// (Each word has one way to match — "The" is a capitalised word, "the" its own — for "of The The The … x" took seconds
// when one word could be read two ways: a hostile-content review.)
const OBJECT_GAP =
  /^\s*(?:[Oo]f|OF|[Ff]or|FOR)\s+(?:(?:the|its|their|next-[Gg]en(?:eration)?|[a-z][\w-]*['’]s|[A-Z][\w-]*(?:['’]s)?|\d[\w-]*['’]s)\s+)*$/;

/** A Chinese making takes its object right after it: 量产AI6, 生产特斯拉的AI5. */
const OBJECT_GAP_ZH = /^的?(?:特斯拉的?|其)?$/;

/** Between a chip made for a customer and its making: 为特斯拉AI6(芯片)进行大规模量产. */
const OBJECT_BEFORE_MAKING_ZH = /^(?:芯片|晶片)?\s*(?:进行|進行)?\s*(?:大规模|大規模|规模化|規模化)?$/;

const STATUS_CHANGES = new Set(['delay', 'end', 'cancel', 'restart']);

const RIVAL_DOCUMENTS_BEFORE_ZH =
  /(?<!与|與|和|及|连同|連同)(?:相关文件|相關文件|该指南|該指南|相关指南|相關指南)(?:将|將|也|亦|则|則){0,2}$/;

/** Between a subject and its change: "guidance on high-risk classification slips", "penalties will be delayed". */
const SUBJECT_BEFORE_CHANGE_EN =
  /^\s+(?:(?:on|for|about)\s+(?:[\w-]+\s+){0,4})?(?:(?:has|have|had|is|are|was|were|will|would|could|may|might)\s+(?:been\s+|be\s+)?)?(?:again\s+|also\s+|now\s+|further\s+)?$/i;

const TOPIC_BEFORE_CHANGE_ZH =
  /^的?(?:义务|義務|合规期限|合規期限|期限|宽限期|寬限期|适用日期|適用日期|适用时间|適用時間|生效日期|实施日期|實施日期)?(?:将|將|也|亦|则|則)?(?:再度|再次|一再|又|再)?$/;

// "pushed back publication of its guidelines", "delayed publishing its guidance": the thing published is the object.
const DIRECT_OBJECT_GAP =
  /^\s*(?:(?:publication|release|adoption|issuance|issuing|publishing)\s+of\s+|(?:publishing|releasing|issuing|adopting|finali[sz]ing|presenting)\s+)?(?:(?:the|its|their)\s+)?$/i;

export function rivalIsObject(rule: CompiledRule, reading: SentenceReading, match: PhraseMatch): boolean {
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
  // "开始为特斯拉AI6进行大规模量产": the rival made for a customer, named before the making it is the object of.
  if (
    reading.mentions.some(
      (mention) =>
        rivals.includes(mention.id) &&
        mention.end <= match.start &&
        OBJECT_BEFORE_MAKING_ZH.test(reading.text.slice(mention.end, match.start)) &&
        /(?:为|為|替)(?:特斯拉的?)?$/.test(reading.text.slice(Math.max(0, mention.start - 6), mention.start)),
    )
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
  // "EU delays high-risk AI classification guidelines again": the subject only modifies the rival noun it changes.
  if (
    next !== undefined &&
    STATUS_CHANGES.has(match.name) &&
    reading.mentions.some(
      (own) =>
        rule.ownIds.has(own.id) &&
        own.start >= match.end &&
        own.end <= next.start &&
        /^\s*(?:(?:the|its|their)\s+)?$/i.test(reading.text.slice(match.end, own.start)) &&
        /^\s*(?:(?!(?:and|or|plus|as)\b)[a-z][\w-]*\s+){0,2}$/.test(reading.text.slice(own.end, next.start)),
    )
  )
    return true;
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

const AWARD_MOVED_FROM_BEFORE =
  /\b(?:awards?|grants?|subsid(?:y|ies)|incentives?)\b[^.;]{0,60}?\b(?:cut|reduced|down|trimmed|lowered|slashed|shrunk|scaled\s+back|up|raised|increased)\s+(?:to\s+[^;]{0,40}?\s)?from\s+(?:(?:a|an|the|its)\s+)?(?:(?:preliminary|initial|original|earlier|proposed|planned|previous)\s+)?$|(?:补贴|補貼|补助|補助)[^。；]{0,30}?(?:从|從|由)(?:原先|原本|最初|初步)?(?:的)?$/i;

/** "funding" alone is what an investment is called too: an award only after a government's word. */
const GOVERNMENT_BEFORE = /\b(?:federal|U\.?S\.?|government|public|state|CHIPS|Act)\s+$/i;

/** A giving verb and its recipient right before an amount: "to give Samsung up to", "awarded the company". */
const GIVEN_TO_BEFORE =
  /\b(?:give|gives|giving|gave|grant|grants|granted|granting|award|awards|awarded|awarding)\s+(?:it|them|(?:the\s+)?(?:company|firm|chipmaker)|\p{Lu}[\w.'’-]*(?:\s+Electronics)?)\s+(?:(?:up\s+to|about|around|nearly|roughly|as\s+much\s+as|more\s+than|an?\s+(?:extra|additional))\s+)?$/u;

/** "received $6.4 billion in federal CHIPS Act funding", 获得47.5亿美元补贴: money an award word owns. */
export function amountOfAnAward(reading: SentenceReading, mention: ValueMention): boolean {
  if (mention.value.kind !== 'money') return false;
  // "The $4.745 billion award, cut from a preliminary $6.4 billion", "grant was cut to $4.745 billion in December from
  // the $6.4 billion agreed": the award's own earlier amount.
  if (AWARD_MOVED_FROM_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 100), mention.start)))
    return true;
  // "US to give Samsung up to $6.4 billion for Texas chip plants": money given to the company is granted, not invested.
  if (GIVEN_TO_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 60), mention.start))) return true;
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
export function rivalsMakingAfter(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): boolean {
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
  if (!/^push(?:es|ed|ing)\b.*\bto$/i.test(words)) return false;
  const next = /^\s*([A-Za-z]+)/.exec(text.slice(match.end, match.end + 24))?.[1];
  return (
    /\b(?:ahead|forward)\b/i.test(words) ||
    // "pushing for the rules to be delayed", "pushing Brussels to push …": a call, someone pushed.
    /^pushing\s+for\b/.test(words) ||
    (/^pushing\b/i.test(words) && !TIME_AFTER_TO.test(text.slice(match.end, match.end + 24))) ||
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

/**
 * A making said of the chip before it, its maker after it: "AI5 stays at TSMC", "ramps at Samsung", "reaches
 * volume in 2027 at TSMC", "volume in … at" (the 'makes' words whose maker follows them).
 */
export const MAKER_FOLLOWS = /^(?:ramp|stay|remain|stick|reach|volume\s)/i;

const SOURCES_TELL_AFTER =
  /^\s+(?:say|said|says|told|tell|familiar|close|with\s+knowledge|briefed|added|confirmed)\b/i;

/**
 * A clause's subject that is things made, with their maker in a clause of its own: "The AI6 chips (that) Samsung will
 * make in Texas are", "the processors it builds at Taylor are" (not "Production of the chips …").
 */
const PRODUCTS_MADE_BEFORE =
  /^\s*(?:the\s+|its\s+|[\w-]+['’]s\s+)?(?:(?!of\b)[\w-]+\s+){0,3}(?:chips?|processors?|parts?|samples?|wafers?|products?)\s+(?:that\s+|which\s+)?(?:(?!of\b)[\w'’.-]+\s+){1,4}(?:make|makes|build|builds|produce|produces|manufacture|manufactures|fabricate|fabricates)\b[^,;]{0,80}$/i;

const DOCUMENT_PUBLISHED_AFTER_ZH =
  /^\s*(?:发布|發布|公布|出台|发表|發表)[^，。；,;]{0,30}?(?:指南|指引|准则|準則|文件|细则|細則|说明|說明)/;

/** A company's process after "slated for": "Samsung's 2nm process", "Samsung's SF2 node". */
const COMPANYS_PROCESS_AFTER =
  /^\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?:[\w.-]+\s+){0,2}?(?:process|node)\b/;

/**
 * "Carmakers delay AI features as EU high-risk rules loom\", "Samsung delays launch of AI phones amid high-risk AI rules
 * uncertainty", "车企因欧盟高风险AI规则推迟AI功能上线": a delay of something else, its object named, whose reason or time the
 * subject is — every mention of the subject in a reason after the object, or in a cause before the verb.
 */
export function delaysAnotherThing(
  reading: SentenceReading,
  match: PhraseMatch,
  positions: readonly number[],
): boolean {
  if (positions.length === 0) return false;
  const text = reading.text;
  if (delaysOwnWork(text, match, positions)) return true;
  const after = DELAYED_OBJECT_THEN_REASON.exec(text.slice(match.end));
  if (after && /^(?:delay|postpon|paus|push|hold|put)/i.test(text.slice(match.start, match.end))) {
    const reasonAt = match.end + after[0].length;
    return positions.every((position) => position >= reasonAt);
  }
  if (!/^(?:推迟|推遲|延后|延後|延迟|延遲|暂缓|暫緩)$/.test(text.slice(match.start, match.end))) return false;
  if (!OBJECT_AFTER_ZH.test(text.slice(match.end))) return false;
  const cause = CAUSE_BEFORE_ZH.exec(text.slice(0, match.start));
  return cause !== null && positions.every((position) => position > cause.index && position < match.start);
}

/**
 * "Big Tech firms put their own AI Act compliance projects on hold", "have paused internal AI Act compliance programmes",
 * 企业暂停内部AI法案合规项目: the work of meeting the subject is delayed, not the subject — every mention of it
 * inside that object.
 */
function delaysOwnWork(text: string, match: PhraseMatch, positions: readonly number[]): boolean {
  const inside = text.slice(match.start, match.end);
  const gap = /^put\s+(.+)\s+on\s+hold$/i.exec(inside);
  const [objectAt, object] = gap ? [match.start + 4, gap[1]!] : [match.end, text.slice(match.end)];
  const work = (gap ? OWN_WORK_ALL : OWN_WORK_AFTER).exec(object) ?? OWN_WORK_AFTER_ZH.exec(object);
  if (!work) return false;
  const end = objectAt + work[0].length;
  return positions.every((position) => position >= objectAt && position < end);
}

const OWN_WORK = String.raw`(?:(?:its|their)\s+(?:own\s+)?|internal\s+|own\s+)?(?:[\w'’-]+\s+){0,5}?(?:compliance|readiness|implementation)\s+(?:projects?|programmes?|programs?|work|efforts?|plans?|preparations?|budgets?|spending|investments?|teams?|hiring)\b`;
const OWN_WORK_AFTER = new RegExp(String.raw`^\s+${OWN_WORK}`, 'i');
const OWN_WORK_ALL = new RegExp(String.raw`^${OWN_WORK}$`, 'i');
const OWN_WORK_AFTER_ZH =
  /^[^，,。；;]{0,16}合(?:规|規)(?:项目|項目|工作|计划|計劃|计画|計畫|预算|預算|投入|团队|團隊|准备|準備)/;

/** After a delay verb, its own object (no name of the subject), then a reason or a time: "AI features as", "launch of AI phones amid". */
const DELAYED_OBJECT_THEN_REASON =
  /^\s+(?!(?:the|its|their)\s+(?:rules?|obligations?|requirements?|law|act|deadlines?|application|implementation)\b)(?:(?:its|their|the|a|an|some|new|planned)\s+)?(?:[\w'’-]+,?\s+){1,5}?(?<!\bsuch\s)(?<!\bas\s+well\s)(?:amid|as(?!\s+well\s+as\b)|citing|ahead\s+of|over|due\s+to|because\s+of|in\s+(?:response|reaction)\s+to|pending|until)\s/i;

/** After a Chinese delay verb, an object of its own: 推迟AI功能上线, 推迟AI手机发布. */
const OBJECT_AFTER_ZH = /^[^，,。；;\d]{2,}/;

/** A cause clause opened before the verb: 因…, 受…影响, 由于…. */
const CAUSE_BEFORE_ZH =
  /(?:因为|因為|由于|由於|受|因)[^，,。；;]*$|受[^，,。；;]*(?:影响|影響|冲击|衝擊)[，,][^，,。；;]*$/;

/**
 * A relation word that, in its sentence, is not the relation its class names — each test is about the words
 * alone, not about the rule reading them.
 */
export function relationWordOfAnotherSense(
  reading: SentenceReading,
  match: PhraseMatch<AttributeClass>,
): boolean {
  if (noDateGiven(reading, match)) return true;
  const text = reading.text;
  const word = text.slice(match.start, match.end);
  const before = (chars: number) => text.slice(Math.max(0, match.start - chars), match.start);
  switch (match.name) {
    case 'volume_production':
      // "samples and small-batch production in 2026" is not volume production.
      // 放量/上量 alone ramp the chip named before them in their clause — not "HBM4将于2026年放量，AI5…", "营收放量".
      return (
        isTrialProduction(text, match) || (/^(?:放量|上量)$/.test(word) && !rampOfAChipBefore(reading, match))
      );
    case 'makes':
      // "as AI5 ramps at TSMC and AI6 heads to Taylor": the ramp of a chip set aside as a time clause is not read.
      if (
        /^ramp/i.test(word) &&
        [...reading.measured].some((chip) => /^\s*$/.test(text.slice(chip.end, match.start)))
      )
        return true;
      // "供应链:特斯拉AI5量产推迟", "supply-chain sources": a supply chain supplies nothing.
      if (
        /^(?:供应|供應|supply)$/i.test(word) &&
        /^[\s-]?(?:链|鏈|chains?\b)/i.test(text.slice(match.end, match.end + 7))
      )
        return true;
      // "slated for 2027", "designed for robotaxis": meant for a time or a use, not a company's process.
      if (
        /^(?:slated|targeted|designed)\s+for$/i.test(word) &&
        !COMPANYS_PROCESS_AFTER.test(text.slice(match.end))
      )
        return true;
      // "三星晶圆代工业务负责人在奥斯汀会见马斯克": the person in charge, not what Samsung is in charge of making.
      if (/^(?:负责|負責)$/.test(word) && text[match.end] === '人') return true;
      // "…, sources say", "people familiar … and sources close to": who tells it, not where chips are sourced.
      if (/^sources$/i.test(word) && SOURCES_TELL_AFTER.test(text.slice(match.end, match.end + 16)))
        return true;
      // "holds about two-thirds of the global foundry market": a fraction, not a third foundry.
      if (/^thirds\b/i.test(word) || (/^third\b/i.test(word) && /\bone-$/i.test(before(4)))) return true;
      // "AI5 stays at TSMC", "remains with Samsung", "sticks with TSMC", "reach volume in 2027 at TSMC": a stay
      // at a maker, or volume reached there — not "remains at least two years away", "remains at the design
      // stage", "remains at Samsung's Hwaseong campus", "reach volume in 2027 at the earliest".
      return (
        // ("volume ramp" is a making in its own right: "targets 1H29 volume ramp for AI6 at Samsung")
        MAKER_FOLLOWS.test(word) &&
        !/^volume\s+ramp/i.test(word) &&
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
      // "The AI6 chips Samsung will make in Texas are due in 2028": the things made are due, not the making begun.
      if (/^(?:due|slated|on\s|target)/i.test(word) && PRODUCTS_MADE_BEFORE.test(lastClause(before(160))))
        return true;
      // "with risk production planned for next year", 明年下半年進入試產: a trial run is not yet the fab's start.
      if (/^(?:production|output|produce|产|產)/i.test(word) && TRIAL_RUN_BEFORE.test(before(12)))
        return true;
      if (/^(?:试产|試產)$|\b(?:trial|pilot|risk)\b/i.test(word)) return true;
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
    case 'advance':
      // "Samsung pulled equipment move-in forward to 2025", 设备进驻提前至: another milestone brought forward.
      return OTHER_MILESTONE.test(movedThing(text, match));
    case 'delay':
      return (
        // "欧盟委员会推迟发布高风险AI系统分类指南": the publication of a document put off, not the rules.
        (/^(?:推迟|推遲|延后|延後|延迟|延遲)$/.test(word) &&
          DOCUMENT_PUBLISHED_AFTER_ZH.test(text.slice(match.end, match.end + 40))) ||
        // "合约延至2035年", "the contract was extended to 2035": a deal's term moved, not a fab's or a chip's date.
        // (…not when the deal moves something else: "The agreement pushes back the application of the rules")
        (DEAL_TERM_BEFORE.test(before(12)) && !OBJECT_AFTER.test(text.slice(match.end, match.end + 24))) ||
        // "Tesla shunts Dojo engineers to AI5 chip team": a move to something that is no time.
        (/^(?:shunt|bump|punt)/i.test(word) && !TIME_AFTER_TO.test(text.slice(match.end, match.end + 24))) ||
        // "EU pushes companies to comply", "pushes ahead with plan to apply", "pushes its omnibus to Parliament":
        // pushing someone to do a thing, or a thing somewhere, is no delay (a verb, "ahead/forward" or a name after it).
        pushedToANonTime(text, match) ||
        movedToANonTime(text, match) ||
        movedWithoutATime(text, match) ||
        // "Tesla AI5 tape-out slips to mid-2026", "samples have been delayed": a milestone's delay, not the production's.
        MILESTONE_BEFORE.test(before(40)) ||
        // "合規投資將暫緩", "compliance spending will be put off": money held back, not the rules' or the plant's date.
        SPENDING_BEFORE.test(before(24)) ||
        // "回顾“停钟”之争", "the stop-the-clock debate": a delay named as what is argued over.
        DISPUTE_AFTER.test(text.slice(match.end, match.end + 12)) ||
        PROCEDURE_DELAYED.test(text.slice(clauseStartOf(reading, match.start), match.start)) ||
        // "as omnibus vote slips": the procedure right before the word is what slips.
        PROCEDURE_RIGHT_BEFORE.test(before(16)) ||
        // "Parliament has delayed its plenary vote on the AI Omnibus": the procedure is the delay's object.
        PROCEDURE_AFTER_DELAY.test(text.slice(match.end, match.end + 48)) ||
        // "delays decision on pausing high-risk AI obligations", "postponed a vote on the stop-the-clock proposal": a
        // delay only weighed by a procedure put off.
        WEIGHED_BY_A_PROCEDURE_PUT_OFF.test(before(72)) ||
        pushBackAgainst(reading, match) ||
        // "The omnibus delay stalled in Parliament", "the high-risk delay failed": a delay that did not happen.
        DELAY_FAILED_AFTER.test(text.slice(match.end, match.end + 40)) ||
        // "rejected mounting calls from Alphabet, Meta to delay", "refuses to delay", "no suspension, grace period, or
        // pause": a delay refused, or one of a list denied.
        DELAY_REFUSED_BEFORE.test(before(160)) ||
        NEGATED_LIST_BEFORE.test(before(64)) ||
        // (a deadline moved, read as a delay: "the 2 August deadline for high-risk AI is off" drops it; "is off the
        // table", "is off limits" keep it)
        (/\bdeadline\b.*\boff$/i.test(word) &&
          /^\s+(?:the\s+table|limits)\b/i.test(text.slice(match.end, match.end + 16)))
      );
    case 'term_end':
      // "至二〇三三年结束" (a period's end) — not "一期工程将于2026年结束", works that end.
      if (/^年[结結]束$/.test(word)) return !/(?:至|到)\s*[\d〇一二三四五六七八九零]{4}$/.test(before(8));
      // "won't start mass production until 2027", "will not open until": not before a date — a start, no term's end
      // (not "will not stop making Tesla's chips until 2035", "will not end until": a term, told the other way).
      return /^until$/i.test(word) && NOT_STARTING_UNTIL.test(before(60).split(/[,;:]/).at(-1)!);
    case 'restart':
      // "Tesla winds down Dojo 3 again": "again" after an ending repeats the ending, it restarts nothing.
      return pushBackAgainst(reading, match) || endedAgain(reading, match);
    case 'deal':
      // "该厂总投资规模约370亿美元": the size of an investment, a capacity or a market, not of the deal.
      return (
        /^(?:规模|規模)$/.test(word) &&
        /(?:投资|投資|资本支出|資本支出|产能|產能|市场|市場|营收|營收|算力|建设|建設)\s*$/.test(before(8))
      );
    case 'share_price':
      // "Samsung Foundry's share of 2nm orders", "its share in the foundry market": a portion, not a stock (not
      // "its share in Seoul", "a share of Samsung Electronics").
      // …nor "to reach 10% share", "a 7% share": a share with its size before it is a portion.
      // …nor "Samsung's foundry share was roughly flat at about 8%": a share of a market.
      return (
        /^share$/i.test(word) &&
        (PORTION_OF.test(text.slice(match.end, match.end + 64)) ||
          /(?:%|\bper\s?cent|\bpercent)\s*(?:market\s+)?$/i.test(before(24)) ||
          /\b(?:foundry|market|revenue|wafer)\s+$/i.test(before(12)) ||
          // ("Samsung … saw its share slip to 7.3%": a stock is "its shares")
          /\b(?:its|their)\s+$/i.test(before(8)))
      );
    case 'market_share':
      // "Shares of Samsung Electronics fell 5 percent": a company's stock, not its portion of a market.
      return /^shares\s+of$/i.test(word) && STOCK_OF_AFTER.test(text.slice(match.end, match.end + 60));
    case 'stock_move':
      // "TSMC's share of the global foundry market rose to 72%": a portion's move, not a stock's.
      return PORTION_MOVED.test(before(90));
    case 'in_force':
      // "相关立法程序仍在进行", "talks are still ongoing": a procedure going on, not the thing it decides.
      if (/^(?:仍在|still|work)/i.test(word) && PROCEDURE_GOING_ON_BEFORE.test(before(12))) return true;
      // "豁免的適用條件", "适用范围": the conditions or scope of applying, nouns — not that the rules apply.
      if (
        /^(?:适用|適用)$/.test(word) &&
        /^(?:条件|條件|范围|範圍|对象|對象|情形)/.test(text.slice(match.end))
      )
        return true;
      // "the deadline remains a moving target": a date or deadline that remains, with no date after it, is no schedule.
      if (
        /^(?:date|deadline)s?\s+remain/i.test(word) &&
        !/^\s*(?:(?:on|at|in|as|for)\s+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|unchanged|intact|in\s+place|firm|fixed|the\s+same)/i.test(
          text.slice(match.end, match.end + 16),
        )
      )
        return true;
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

/** After "shares of", a company and its stock's move or state: "Samsung Electronics fell", "Samsung were up". */
const STOCK_OF_AFTER =
  /^\s+(?:[A-Z][\w.&'’-]*\s+){1,3}(?:fell|rose|jumped|climbed|dropped|slid|surged|gained|lost|tumbled|sank|rallied|soared|plunged|slumped|closed|ended|edged|finished|traded|were|are|have|had)\b/;

/**
 * What an advance moves: its clause before the verb (from the last comma, "and" or "but") and its object up to the
 * destination ("to", "into", 至) — not a milestone named beside it ("hiring is on track and the start was pulled in").
 */
function movedThing(text: string, match: PhraseMatch): string {
  const before = text.slice(Math.max(0, match.start - 60), match.start);
  const joins = [...before.matchAll(CLAUSE_JOIN)];
  const clause = joins.length ? before.slice(joins.at(-1)!.index + joins.at(-1)![0].length) : before;
  const words = text.slice(match.start, match.end);
  // (a phrase ending in its destination has its object inside it: "pulls AI6 into" — in Chinese the object follows
  // the time: 提前至2025年完成泰勒工厂设备安装)
  if (/\b(?:to|into)$/i.test(words)) return clause + words;
  if (/(?:至|到)$/.test(words))
    return clause + words + text.slice(match.end, match.end + 40).split(/[，,。；;]/)[0];
  const after = text.slice(match.end, match.end + 60);
  const destination = after.search(/\b(?:to|into|until)\b|至|到|[,;，；]/i);
  return clause + words + (destination < 0 ? after : after.slice(0, destination));
}

const CLAUSE_JOIN = /[,;，；]|\b(?:and|but|while)\b/gi;

/** Milestones of a fab or a chip other than its production: brought forward, they say nothing of it. */
const OTHER_MILESTONE =
  /\b(?:equipment|tools?|tool-in|move-in|install\w*|hiring|recruit\w*|construction|completion|ribbon[-\s]cutting|groundbreaking|orders?|capacity|expansion|customers?|clients?|business|buyers?|demand)\b|设备|設備|进驻|進駐|搬入|安装|安裝|建设|建設|完工|竣工|产能|產能|扩充|擴充|招聘|开工|開工/i;

/** Right before a delay word, a contract's noun: its term is what moves (not 期限, "deal": "EU deal delays …"). */
/** In a delay word's clause before it: the delay refused, or a call or request for it rejected. */
const DELAY_REFUSED_BEFORE =
  /\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing))\s+to\s+$|\b(?:reject\w*|dismiss\w*|refus\w*|rebuff\w*|turn(?:s|ed|ing)?\s+down|brush(?:es|ed|ing)?\s+(?:aside|off))\b[^.;]{0,80}?\b(?:calls?|requests?|demands?|appeals?|pleas?|pressure|lobbying)\b[^.;]{0,60}$/i;

/** Before a delay word, "no" heading a list it stands in: "no suspension, grace period, or ". */
const NEGATED_LIST_BEFORE =
  /\bno\s+[\w-]+(?:\s+[\w-]+)?(?:\s*,\s*[\w-]+(?:\s+[\w-]+)?)*\s*,\s*(?:or\s+|and\s+|nor\s+)?$/i;

const DELAY_FAILED_AFTER =
  /^\s+(?:(?:bill|plan|proposal|package)\s+)?(?:has\s+|had\s+)?(?:stalled|failed|collapsed|fell\s+through|was\s+(?:rejected|blocked|voted\s+down|shelved)|has\s+been\s+(?:rejected|blocked|shelved))\b/i;

/** An object after a verb: "pushes back the application of", not "pushed back to 2035" or "the end date". */
const OBJECT_AFTER = /^\s+(?:the|its|their|a|an)\s+(?!(?:term|end|expiry|end\s+date|expiration)\b)/i;

const DEAL_TERM_BEFORE =
  /(?:合约|合約|合同|协议|協議|\b(?:contract|agreement)\s+(?:(?:was|is|has\s+been|will\s+be)\s+)?)$/i;

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

/**
 * "moves obligations for Annex III high-risk systems from 2 August 2026 to 2 December 2027", "moving … to August
 * 2028": a bare "moves" delays only when its clause goes on "to" a time — and moves no procedure ("moves the vote
 * to June").
 */
function movedWithoutATime(text: string, match: PhraseMatch): boolean {
  if (!/^(?:moves|moving)$/i.test(text.slice(match.start, match.end))) return false;
  const clause = /^(?:[^.;:!?]|\.(?=\d))*/.exec(text.slice(match.end, match.end + 140))![0];
  // (the mover's own motion moves nothing: "moves closer to", "moves ahead with", "moves to simplify", "moves to August
  // 2026 enforcement")
  if (
    /^\s*(?:again\s+)?(?:to|closer|ahead|forward|toward|towards|quickly|swiftly|fast|on|in|against|away)\b/i.test(
      clause,
    )
  )
    return true;
  const to = [...clause.matchAll(/\bto\b/gi)].find((found) =>
    TIME_AFTER_TO.test(clause.slice(found.index + found[0].length)),
  );
  return (
    to === undefined ||
    /^\s*(?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+)?(?:votes?|talks|trilogues?|meetings?|debates?|hearings?|publication|guidelines?|guidance|consultations?|decisions?|summit|plenary)\b/i.test(
      clause,
    )
  );
}

const VERB_AFTER_TO =
  /^(?:delay|pause|postpone|comply|prepare|apply|stop|speed|scrap|slash|simplify|make|build|produce|start|begin|adopt|implement|accept|approve|water|roll|loosen|weaken|review|reconsider|rethink|cut|raise|lower|expand|hold|keep|meet|finish|sign|invest|spend|drop|abandon|move|shift|bring|develop|design|get|take|win|secure|boost|grow|reduce|revive|restart)$/i;

const MONTH_NAME = new RegExp(`^${MONTH_NAME_SOURCE}$`);

/** The milestones before volume production: a tape-out, samples (English and Chinese pattern sources). */
export const EN_MILESTONES = String.raw`tape-?\s?outs?|samples?|sampling`;

export const ZH_MILESTONES = '流片|样品|樣品|送样|送樣';

/** After "share": "of/in" a market, orders, revenue — a portion of something. */
const OF_A_WHOLE = String.raw`(?:of|in)\s+(?:[\w'’.-]+\s+){0,5}?(?:market|orders?|revenue|sales|capacity|business|wafers?|output|supply|demand|industry|segment|foundry)\b`;
const PORTION_OF = new RegExp(String.raw`^\s+${OF_A_WHOLE}`, 'i');

/** A portion ("share of the … market", "market share") as the subject of the move right after it. */
const PORTION_MOVED = new RegExp(
  String.raw`\b(?:market\s+share|share\s+${OF_A_WHOLE})(?![^,;，；]*\b(?:shares|stocks?)\b)(?:(?!\s(?:and|while|but|as)\s)[^,;，；])*$`,
  'i',
);

/** A procedure right before a delay word, its subject: "as omnibus vote slips". */
const PROCEDURE_RIGHT_BEFORE =
  /\b(?:vote|votes|voting|debate|talks|meeting|hearing|plenary|ballot|negotiations|trilogue|adoption)\s+$/i;

/**
 * "The vote in Parliament's committee on delaying the high-risk rules has been postponed to next week": a
 * vote, talks or a meeting heading the clause is what is put off, not the rules it is about.
 */
const PROCEDURE_DELAYED =
  /^\s*(?:the|a|an|its|their|this|that|today['’]s|next\s+week['’]s)?\s*(?:[\w'’-]+\s+){0,4}?(?:vote|votes|voting|debate|talks|meeting|hearing|plenary|ballot|negotiations|signing|ceremony|announcement|briefing|trilogue)\s+(?:(?:in|on|of|over|about|by|at|for|between|among)\s+(?:(?!(?:means?|meant|says?|said|shows?|that|which|so)\b)[^,;\s]+\s+){0,12}?)?(?:(?:has|have|had)\s+been|was|were|is|are|(?:will|would)\s+be)\s+(?:\w+ly\s+)?$/i;

/** Right after a delay word, the procedure it delays: "its plenary vote", "the debate", "a decision". */
const PROCEDURE_AFTER_DELAY =
  /^\s+(?:(?:the|a|an|its|their|this|that|next\s+week['’]s)\s+(?:[\w'’-]+\s+){0,2}?(?:vote|votes|voting|debate|talks|meeting|hearing|ballot|negotiations|signing|ceremony|announcement|briefing|trilogue|decision)|(?:[\w'’-]+\s+){0,2}?(?:decision|standards)\s+(?:on|over|for|about|as)\b|(?:high-risk\s+)?(?:AI\s+)?standards\b)/i;

/** A start denied before "until": "won't start mass production", "will not begin operating", "not open". */
const NOT_STARTING_UNTIL =
  /(?:\b(?:not|never)\b|n['’]t\b)\s+(?:\w+\s+){0,2}?(?:start|begin|open|launch|produc\w*|operat\w*|ramp|ship|enter)\w*\b(?![^.;]*\b(?:stop|end|expire|cease|terminate)\w*)/i;

/** Before a delay word, a procedure on it put off: "delays decision on", "postponed a vote on the". */
const WEIGHED_BY_A_PROCEDURE_PUT_OFF =
  /\b(?:delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|put(?:s|ting)?\s+off|push(?:es|ed|ing)?\s+back)\s+(?:(?:a|the|its|their)\s+)?(?:[\w'’-]+\s+)?(?:decision|vote|debate|talks|ruling)\s+(?:on|over|about)\s+(?:(?:the|a|its)\s+)?(?:[\w'’-]+\s+){0,3}$/i;

/** A procedure right before what goes on: 立法程序仍在进行, "negotiations still active". */
const PROCEDURE_GOING_ON_BEFORE =
  /(?:程序|谈判|談判|磋商|讨论|討論|审议|審議|立法|协商|協商|表决|表決|\b(?:procedure|process|negotiations?|talks|discussions?|deliberations?)\s+(?:is\s+|are\s+)?)\s*$/i;

/** A dispute named after a delay word: "“停钟”之争", 推迟争议, "stop-the-clock debate". */
const DISPUTE_AFTER =
  /^["”」』'’]?\s*(?:之争|之爭|争议|爭議|之辩|之辯|辩论|辯論|争论|爭論|(?:debate|dispute|row|fight|battle|controversy)\b)/i;

/** Spending as the subject of a delay word right after it (an auxiliary or two between). */
const SPENDING_BEFORE =
  /\b(?:spending|investments?|budgets?|hiring|purchases|purchasing|capex)\s+(?:(?:has|have|had|is|are|was|were|been|being|be|will|would|may|now|again|also|reportedly|further)\s+){0,3}$|(?:投资|投資|支出|开支|開支|预算|預算|采购|採購|招聘|招募)(?:计划|計畫|計劃)?(?:将|將|也|亦|或|恐|已|则|則|会|會)?(?:再度|再次|暂时|暫時)?\s*$/i;

/** A tape-out or samples right before a delay, perhaps with its auxiliaries ("has been", 再度). */
const MILESTONE_BEFORE = new RegExp(
  String.raw`\b(?:${EN_MILESTONES})\s+(?:(?:has|have|had|is|are|was|were|been|being|will|now|again|also|reportedly|further)\s+){0,3}$|(?:${ZH_MILESTONES})(?:时间|時間|时程|時程)?(?:再度|再次|已|将|將|恐|或)?\s*$`,
  'i',
);

// …whose object is a thing pushed against (a plan, a rule, a law), not a cause ("on cost concerns",
// "on Musk's orders").
const PUSH_BACK_AGAINST =
  /^push(?:es|ed|ing)?\s+back\s+(?:on|against)\s+(?:\S+\s+){0,4}?(?:plans?|rules?|proposals?|polic(?:y|ies)|calls?|demands?|efforts?|moves?|laws?|act|regulations?|mandates?|requirements?|strings|conditions|deadlines?|reports?|claims?|stor(?:y|ies)|rumou?rs?|speculation)\b/i;

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
        !/[,;，；。]|\.(?!\d)/.test(reading.text.slice(other.end, match.start)),
    )
  );
}

/**
 * "The regulation amending the AI Act was published … and enters into force three days later",
 * 修订条例…于公布后第三天生效: the amending act takes effect, not the provisions it amends — unless a
 * provision of the subject's is named before the verb ("Under the amendment, high-risk rules apply from …",
 * "High-risk obligations, untouched by the amendments, enter into force").
 */
export function amendmentTakesEffect(
  rule: CompiledRule,
  reading: SentenceReading,
  match: PhraseMatch,
): boolean {
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

/** A trial's word right before a production word: "risk production", "pilot output", 試產 (試 before 產). */
const TRIAL_RUN_BEFORE = /(?:\b(?:risk|pilot|trial|test|engineering)[-\s]|試|试)$/i;

/** "samples and small-batch production in 2026" is not volume production. */
const TRIAL_BEFORE =
  /(?:少量|小批量|小量|試|试|樣品|样品|工程|sample|samples|pilot|trial|risk|engineering|limited|small[-\s]batch|initial|first)\s*$/i;

function rampOfAChipBefore(reading: SentenceReading, match: PhraseMatch): boolean {
  const before = reading.text.slice(0, match.start);
  const chip = reading.chips.findLast((named) => named.end <= match.start);
  return (
    chip !== undefined &&
    !/[，,；;。？?]/.test(before.slice(chip.end)) &&
    !/(?:营收|營收|收入|订单|訂單|产能|產能|工艺|工藝|制程|製程|出货|出貨|需求)\s*$/.test(before) &&
    // (no other product made between: "AI5芯片订单带动台积电2026年营收放量")
    !reading.mentions.some(
      (named) => named.start >= chip.end && named.end <= match.start && named.type === 'company',
    )
  );
}

/** A Chinese word's own clause: from the punctuation or headline space before it to the next. */
function ownClauseZh(text: string, match: PhraseMatch): string {
  const before = text.slice(0, match.start);
  const from = Math.max(
    ...[...before.matchAll(/[，,。；;：:]|\s+/g)].map((mark) => mark.index + mark[0].length),
    0,
  );
  const next = text.slice(match.end).search(/[，,。；;：:]|\s/);
  return text.slice(from, next < 0 ? text.length : match.end + next);
}

function isTrialProduction(text: string, match: PhraseMatch): boolean {
  return (
    TRIAL_BEFORE.test(text.slice(Math.max(0, match.start - 10), match.start)) ||
    // "將在台積電亞利桑那廠投片生產,最快下半年開始小量試產": a bare production beside a trial run, with no volume word,
    // is the trial's.
    (/^(?:生产|生產|投片生产|投片生產)$/.test(text.slice(match.start, match.end)) &&
      /试产|試產|小量|小批量|试生产|試生產/.test(text.slice(match.end)) &&
      !/量产|量產|大规模|大規模|规模化|規模化/.test(text) &&
      // (…when its own clause gives no time: not "將於2027年在三星德州廠生產，2026年底先試產")
      !/\d{4}|明年|今年|后年|後年|[上下]半年|年底|年内|年內/.test(ownClauseZh(text, match))) ||
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

/** The deal's news referred to as what a move followed: "after the announcement", "on the deal", 合同公布后. */
const AFTER_THE_NEWS =
  /\b(?:after|on|following)\s+the\s+(?:announcement|news|deal|contract|agreement|order)\b|(?:消息|合同|订单|訂單|合约|合約)(?:公布|宣布)(?:后|後)/i;

/** "rose about 4 percent on the news", 消息公布当天: a move on the news a sentence before told. */
const ON_THAT_NEWS =
  /\bon\s+(?:the|that|this)\s+(?:news|announcement|disclosure)\b(?!\s+(?:that|of|about|on)\b)|消息(?:公布|傳出|传出)?(?:当天|當天|当日|當日)/i;

/** A day the sentence names itself: "Oct 1", "on Monday", 10月1日, 周一. */
const DATED_DAY =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d{1,2}月\d{1,2}日|(?:周|週|星期)[一二三四五六日天]/i;

/**
 * A cause told after a move, "as/after/amid …" — not the news, the announcement or the deal referred back to
 * ("after the announcement", "as the deal was unveiled"), which a neighbour may name.
 */
const OWN_OTHER_CAUSE =
  /\b(?:as|after|amid|following)\s+(?!(?:the|that|this|its|their)\s+(?:news|announcement|disclosure|deal|contract|agreement|pact|order|filing|report)\b|(?:news|it|investors)\b)(?:the\s+|its\s+|a\s+)?(?:company|plant|fab|factory|Texas|Taylor|report|delay|[\w-]+\s+(?:plant|fab|factory|delay))\b/i;

/** An analyst's note: a price target or a rating set, raised or cut. */
const ANALYST_NOTE =
  /\b(?:price\s+target|target\s+price|(?:rais|lift|boost|cut|lower|trimm?|hik)\w*\s+(?:its|their|the)\s+(?:[\w-]+\s+)?target|upgrad\w+|downgrad\w+|initiat\w+\s+coverage|(?:buy|sell|hold|outperform|overweight|underweight|neutral)\s+rating)\b|目标价|目標價|评级|評級/i;

/**
 * …or news a company told after the move: "rose 3.2% after Tesla said Samsung would make AI5 chips" (not the deal
 * itself: "after Musk confirmed the deal on X", "as Samsung confirmed the customer was Tesla").
 */
const OWN_NEWS_TOLD_AFTER =
  /\b(?:[Aa]s|[Aa]fter|[Ff]ollowing)\s+[A-Z][\w-]+\s+(?:said|says|announced|confirmed|disclosed|told)\b(?!\s+(?:that\s+)?(?:the|its|their|a)\s+(?:[\w$.-]+\s+){0,3}?(?:deal|contract|agreement|pact|order|customer|partnership)\b)/;

/**
 * A headline of news other than the deal: another company's, or one with the rule's other causes, naming neither the
 * deal nor its context ("Samsung's foundry gets Tesla boost, memory woes linger" is the deal's).
 */
function headlineOfOtherNews(rule: CompiledRule, title: SentenceReading): boolean {
  if (namesTheDeal(rule, title) || title.has('deal') || title.phrases(rule.context!).length > 0) return false;
  if (rule.not && title.phrases(rule.not).length > 0) return true;
  const topic = title.once('topic', () => topicOf(title));
  return topic?.type === 'company' && !rule.ownIds.has(topic.id) && !rule.rivalIds.has(topic.id);
}

/** The deal itself, with the other party — not a revision of it ("has grown to at least $25 billion"). */
/**
 * A move that gives back gains and names the deal only as their source ("三星電子周三股價跌3%，抹去Tesla訂單帶來的部分升幅"),
 * or whose every move is dated by a weekday in its own clause — not "…此前因特斯拉165亿美元订单大涨6.8%，周三回吐部分涨幅",
 * the deal-day move recalled beside it.
 */
function dealOnlyAsGainsGivenBack(rule: CompiledRule, reading: SentenceReading): boolean {
  const given = GAINS_GIVEN_BACK.exec(reading.text);
  if (!given) return false;
  const from = given.index;
  const to = clauseEndOf(reading, from + given[0].length);
  if (!reading.phrases(rule.context!).some((match) => match.start < from || match.start >= to)) return true;
  // (…or every move told is dated by a weekday in its own clause: "受特斯拉订单提振的三星电子周三下跌2.1%，回吐部分涨幅")
  const moves = reading.values('percent');
  return (
    moves.length > 0 &&
    moves.every((move) => {
      const start = clauseStartOf(reading, move.start);
      return WEEKDAYS_IN.test(reading.text.slice(start, clauseEndOf(reading, move.end)));
    })
  );
}

/** Every move of the sentence has a weekday of another day than the event's in its own clause. */
function movesDatedToOtherDays(event: EventOfRule, reading: SentenceReading, publishedDay: string): boolean {
  const moves = reading.values('percent');
  return (
    moves.length > 0 &&
    moves.every((move) =>
      weekdaysOfOtherDays(
        event,
        publishedDay,
        reading.text.slice(clauseStartOf(reading, move.start), clauseEndOf(reading, move.end)),
      ),
    )
  );
}

/** A weekday anywhere (WEEKDAYS, tested once rather than walked). */
const WEEKDAYS_IN = new RegExp(WEEKDAYS.source);

function namesTheDeal(rule: CompiledRule, reading: SentenceReading): boolean {
  return (
    reading.has('deal') &&
    !DEAL_REVISED.test(reading.text) &&
    reading.phrases(rule.context!).length > 0 &&
    reading.mentions.some((mention) => mention.type === 'company' && rule.rivalIds.has(mention.id))
  );
}

export function hasContext(
  rule: CompiledRule,
  reading: SentenceReading,
  title: SentenceReading,
  item: SentenceReading[],
  referredTo?: SentenceReading,
): boolean {
  // Weeks after the event, a move with its cause far off in the item is a later day's ("Tesla will split
  // AI5 between TSMC and Samsung, Musk said. … Shares of Samsung rose 1.2% in Seoul on Thursday").
  // Then the cause must be the deal itself, named close by with the other party ("Samsung won a
  // $16.5 billion contract from Tesla. The stock jumped 6.8%") — not another deal ("amid OpenAI & US
  // Stargate deal"), not orders from others, not "Tesla" alone.
  // "Apple To Tap Samsung's Austin Fab For iPhone Image Sensors // … Samsung shares rose 1.3% in Seoul": a move told
  // with no cause of its own, under a headline of other news — another company's, or the rule's own other causes
  // (profit, Apple, HBM …) — and no word of the deal, is that news's.
  if (
    rule.event &&
    reading !== title &&
    reading.phrases(rule.context!).length === 0 &&
    // (…not a move recalled to the event: "Tesla's own stock gained 4% on the day the pact was announced")
    !RECALLED_MOVE.test(reading.text) &&
    !ON_THAT_NEWS.test(reading.text) &&
    !namesTheEventMonth(rule.event, reading.text) &&
    headlineOfOtherNews(rule, title)
  )
    return false;
  // "三星股价今日回落2%" in an item of three weeks after the deal: the item's own day's move, unless the sentence
  // dates a move back to the event too or names the deal with its partner (inTheEventsPiece then keeps that
  // piece's move: "…今日回落2%；特斯拉订单公布当天曾大涨6.8%").
  if (
    rule.event &&
    ownDayAfterTheEvent(rule.event, reading) &&
    !namesTheEventMonth(rule.event, reading.text) &&
    !RECALLED_MOVE.test(reading.text) &&
    eventPieces(rule, reading).dated.size === 0
  )
    return false;
  // "fell 2 per cent on Friday after Musk said TSMC would also produce the AI6 chip under a $16.5 billion deal signed
  // last July": months on, a weekday's move beside the deal told as past is that weekday's.
  if (
    rule.event &&
    reading.publishedDay !== undefined &&
    reading.publishedDay > rule.event.lastDay &&
    WEEKDAY_MOVE.test(reading.text) &&
    DEAL_TOLD_AS_PAST.test(reading.text) &&
    // (not the event's own day named: "jumped 6.8% on Monday, July 28, after it signed … last July")
    !namesTheEventDay(rule.event, reading.text) &&
    // (…nor a move recalled to it beside the weekday's: "shares, which surged 6.8% when the Tesla chip deal was
    // announced in July 2025, fell 1.9% on Wednesday")
    !RECALLED_MOVE.test(reading.text)
  )
    return false;
  // "三星电子股价周一收跌6.8%，为一年多来最大单日跌幅" in an item of months on: a weekday's move that names neither the
  // deal nor the event's day is that weekday's (the deal named only in another sentence, as what drove a past rally).
  if (
    rule.event &&
    reading.publishedDay !== undefined &&
    reading.publishedDay > rule.event.lastDay &&
    WEEKDAY_MOVE.test(reading.text) &&
    !namesTheDeal(rule, reading) &&
    !namesTheEventDay(rule.event, reading.text) &&
    !namesTheEventMonth(rule.event, reading.text) &&
    !RECALLED_MOVE.test(reading.text) &&
    !ON_THAT_NEWS.test(reading.text) &&
    // (…nor the deal referred to as the cause: "Its shares jumped 6.8% on Monday after the announcement")
    !AFTER_THE_NEWS.test(reading.text)
  )
    return false;
  // "Samsung Electronics, the Korean chipmaker that landed a $16.5 billion order from Tesla last July, rose 2.1%",
  // "去年获得特斯拉165亿美元大单的三星电子上涨2.1%": months on, the deal told as past in the mover's description is no
  // cause of the move.
  if (
    rule.event &&
    reading.publishedDay !== undefined &&
    reading.publishedDay > rule.event.lastDay &&
    DEAL_PAST_IN_DESCRIPTION.test(reading.text) &&
    !namesTheEventDay(rule.event, reading.text) &&
    // (not a move recalled to the deal's day: "…, rose 6.8% on the day the deal was announced", "… that day")
    !RECALLED_MOVE.test(reading.text) &&
    !/\b(?:that|the\s+same)\s+day\b|\bon\s+the\s+day\b/i.test(reading.text)
  )
    return false;
  // In the days after the event, a move dated to another weekday is that day's ("周五…三星电子涨3.1%" in an item of
  // Friday, August 1) — unless the sentence names the deal as its cause ("马斯克证实与三星签下165亿美元合约后，特斯拉股价
  // 周一应声上涨逾4%" in an item of ten days on: a digest's "Monday" may be the event's).
  if (
    rule.event &&
    weekdayAfterTheEvent(rule.event, reading) &&
    !namesTheEventMonth(rule.event, reading.text) &&
    !RECALLED_MOVE.test(reading.text) &&
    // ("三星電子周三股價跌3%，抹去Tesla訂單帶來的部分升幅": the deal named as the gains given back is no cause)
    (!namesTheDeal(rule, reading) || dealOnlyAsGainsGivenBack(rule, reading))
  )
    return false;
  // "fell 1.4% on Thursday, trimming a rally that began when the Tesla contract was announced on Monday": a move
  // that gives back the event's gains, dated in its own clause to another day, is that day's.
  if (
    rule.event &&
    reading.publishedDay !== undefined &&
    weekdayAfterTheEvent(rule.event, reading, 'some') &&
    GAINS_GIVEN_BACK.test(reading.text) &&
    movesDatedToOtherDays(rule.event, reading, reading.publishedDay)
  )
    return false;
  if (rule.event && !newsOfTheEvent(rule.event, reading)) {
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
    // The deal named as the cause here, months on, is its news only as the news of its signing ("rose 6.8% when
    // the Tesla deal was announced", "on the Tesla deal") — not a rumour, an expansion or an allocation of it
    // ("受特斯拉芯片订单分配相关传闻影响，三星电子股价5日收跌3.1%").
    // (…unless the move is the deal's own, told of it: "reaffirms $16.5 billion Tesla contract, which sent its shares up
    // 6.8% on the news")
    if (namesTheDeal(rule, reading))
      return (
        !LATER_NEWS_OF_THE_DEAL.test(reading.text) ||
        // (not a move of a day of its own: "…contract, which pushed its shares up 2% on Friday")
        (DEAL_SENT_THE_MOVE.test(reading.text) &&
          !WEEKDAY_MOVE.test(reading.text) &&
          !OWN_DAY.test(reading.text))
      );
    // A move dated to a day of the item's own ("三星股價今天收跌2.1%", "本周累计上涨3.4%") is that day's.
    if (OWN_DAY.test(reading.text)) return false;
    // A neighbour that dates its deal back ("…, which jumped 6.8% on July 28 after the Tesla deal") names
    // the cause of that earlier move, not of this one ("Samsung shares fell 2.3% on Tuesday") — unless
    // this one moved "on the news" it told.
    const onThatNews = ON_THAT_NEWS.test(reading.text);
    // "去年7月28日三星与特斯拉官宣…当天，三星股价收涨6.8% // 与此同时，特斯拉股价当天盘前一度上涨4%": a move told
    // as "that day" is of the day the neighbour dated, not a later one.
    // (…not when the sentence dates its own day: "On Oct 1 the stock rose 3.5%, and Tesla gained 2% that day")
    const thatDay = onThatNews || (SAME_DAY.test(reading.text) && !DATED_DAY.test(reading.text));
    // "rose 3 per cent on Thursday after the company said its Taylor plant had begun production": a move whose
    // own sentence tells another cause is not the deal's, whatever a neighbour says of the deal.
    if (OWN_OTHER_CAUSE.test(reading.text) || OWN_NEWS_TOLD_AFTER.test(reading.text)) return false;
    return [title, item[reading.index - 1] ?? title, item[reading.index + 1] ?? title].some(
      (other) =>
        other !== reading &&
        !(namesTheEventMonth(rule.event!, other.text) && other.has('stock_move') && !thatDay) &&
        namesTheDeal(rule, other) &&
        !LATER_NEWS_OF_THE_DEAL.test(other.text) &&
        // ("Under the $16.5 billion contract the two signed last year, …": the deal as background — unless the move
        // was "on the news" the neighbour tells)
        (onThatNews || !DEAL_TOLD_AS_PAST.test(other.text)) &&
        // ("Wedbush raised its target 20% to $600, saying Tesla's chip deals with Samsung … make it an AI company.
        // The shares rose 2.6%": months on, the move is on the analyst's note that cites the deal)
        !ANALYST_NOTE.test(other.text) &&
        !LATER_NEWS_OF_THE_DEAL.test(reading.text),
    );
  }
  if (reading.phrases(rule.context!).length) return true;
  if (rule.rule.contextInTitle && title.phrases(rule.context!).length) return true;
  // A subject carried by a pronoun takes the context of the sentence it refers to ("The high-risk provisions were
  // due in August 2026. They will now apply from December 2027") — not a share move's, whose context is its event.
  if (referredTo && !rule.event && referredTo.phrases(rule.context!).length) return true;
  if (!rule.rule.contextInItem) return false;
  return item.some((other) => other.phrases(rule.context!).length > 0);
}

export const CHIPS = /\bchips?(?:sets?)?\b|\bprocessors?\b|\bsemiconductors\b|芯片|晶片/i;
