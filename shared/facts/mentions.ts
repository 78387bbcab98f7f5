/**
 * The mentions a sentence means (layer 3, after the entity ruler): the ruler's finds less a wire's dateline
 * regions ("AUSTIN, Texas, Jan 28 (Reuters) -" names no place of the story; a site of the story under its dateline
 * stays) and a company's own revenue named like a market ("Nvidia's AI chip sales" is no AI chip market).
 *
 * @example
 * keptMentions('AUSTIN, Texas (Reuters) - Tesla picks TSMC', ruler.find(text)); // Tesla, TSMC — not Texas
 */
import type { EntityMention } from './entities.ts';

export function keptMentions(text: string, mentions: EntityMention[]): EntityMention[] {
  return ofNoCompany(text, withoutAnotherOfItsKind(text, withoutDateline(text, mentions)));
}

/**
 * "White House weighs a second AI Action Plan", 白宮擬推出第二份AI行動計畫, "another Stargate": a programme or law
 * counted as the next of its kind is another one, not the one the story tracks (as Stargate UAE is not Stargate).
 */
function withoutAnotherOfItsKind(text: string, mentions: EntityMention[]): EntityMention[] {
  if (!ANOTHER_OF_ITS_KIND.test(text)) return mentions;
  return mentions.filter(
    (mention) =>
      !COUNTED_KINDS.has(mention.type) ||
      !ANOTHER_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start)) ||
      // ("another Stargate data center", 另一个星际之门数据中心: another of the place it names, in the same programme)
      PART_NOUN_AFTER.test(text.slice(mention.end, mention.end + 24)),
  );
}

const PART_NOUN_AFTER =
  /^(?:['’]s)?\s*(?:(?:AI|US|U\.S\.)\s+)?(?:data[\s-]?cent(?:er|re)s?|sites?|campus(?:es)?|facilit(?:y|ies)|locations?)\b|^\s*(?:数据中心|數據中心|資料中心|站点|站點|据点|據點|园区|園區)/i;

const COUNTED_KINDS: ReadonlySet<string> = new Set(['programme', 'law', 'policy']);
/** (a cheap test first) */
const ANOTHER_OF_ITS_KIND =
  /\b(?:second|third|another|follow-up)\b|第[二三](?:份|个|個|版|部)|另一(?:份|个|個)/i;
const ANOTHER_BEFORE =
  /(?:\b(?:a|its|the)\s+(?:second|third|follow-up)|\banother)\s+(?:[\w-]+\s+)?$|(?:第[二三]|另一)(?:份|个|個|版|部)\s*(?:新的?)?$/i;

/**
 * A wire's dateline opening a sentence: "AUSTIN, Texas, Jan 28 (Reuters) -", "SEOUL, Jan. 28 (Yonhap) --",
 * "Taipei (CNA) -", 新华社北京1月28日电. Where the reporter files from is no place of the story.
 */
const WIRES =
  'Reuters|AP|AFP|Bloomberg|Yonhap|Xinhua|CNA|Kyodo|UPI|Dow Jones|MT Newswires|IANS|PTI|dpa|ANSA|EFE|Bernama';
const DATELINE = new RegExp(
  [
    String.raw`^\s*(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}|[A-Z][a-z.'-]+(?:\s+[A-Z][a-z.'-]+){0,2}(?=[^-]{0,40}\((?:${WIRES})\)))(?=,\s*[A-Z]|\s*\((?:${WIRES})\))(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2}){0,2}(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\((?:${WIRES})\))?\s*-{1,2}\s`,
    String.raw`^\s*(?:新华社|新華社|中新社|中央社|路透社?|彭博社?)?[^，。\s]{0,16}?\d{1,2}月\d{1,2}日(?:电|電)(?![力网網子池价價费費])`,
  ].join('|'),
);

const DATELINE_END = /\s-{1,2}\s|日(?:电|電)/;

function withoutDateline(text: string, mentions: EntityMention[]): EntityMention[] {
  // (a cheap test first: a dateline ends in a dash or 电 within its first words)
  const dateline = DATELINE_END.test(text.slice(0, 100)) ? DATELINE.exec(text) : null;
  // (Only its places: a company or a chip is no dateline's; "TAYLOR, Texas (Reuters) - Samsung's fab here" is.)
  if (!dateline || /\bhere\b/i.test(text)) return mentions;
  // (a region, not the story's own site: "TAYLOR, Texas, April 14 (Reuters) - Samsung's new plant began production")
  return mentions.filter((mention) => mention.start >= dateline[0].length || mention.type !== 'place');
}

const MARKET_WORD = /market|市场|市場/i;
/** "Nvidia raises its …", "AMD on Tuesday raised its …", 英伟达预计其…: the company whose own forecast it is, in its clause. */
const OWN_FORECAST_BETWEEN =
  /^(?:,\s*which)?\s+(?:[\w-]+\s+){0,4}?(?:its|their)\s+(?:[\w-]+\s+){0,2}$|^[^，。,;；]{0,6}其[^，。,;；]{0,8}$/i;
const FORECAST_AFTER = /^\s*(?:forecasts?|outlook|estimates?|projections?|预测|預測|预估|預估)/i;

/** A company's own words before a market's name: "'s data-center ", " " — not a verb ("TrendForce sees AI chip revenue"). */
const OWNER_BEFORE_MARKET = /^['’]s\s+(?:[\w-]+\s+){0,2}$|^\s+$|^\s*的?\s*$/i;

/** "Nvidia's AI chip sales", 英伟达的AI芯片营收: a company's own sales are no market's size. */
function ofNoCompany(text: string, mentions: EntityMention[]): EntityMention[] {
  return mentions.filter(
    (mention) =>
      mention.type !== 'market' ||
      // (a market named as one — "its 2028 AI chip market forecast", "AMD raises AI chip market forecast" — stays)
      MARKET_WORD.test(text.slice(mention.start, mention.end)) ||
      !ownRevenueOfACompany(text, mentions, mention),
  );
}

function ownRevenueOfACompany(text: string, mentions: EntityMention[], market: EntityMention): boolean {
  const company = (mention: EntityMention) => mention.type === 'company' || mention.type === 'affiliate';
  // A company named before the market with `pattern` between them, or after it with `pattern` between.
  const companyBefore = (pattern: RegExp) =>
    mentions.some(
      (owner) =>
        company(owner) && owner.end <= market.start && pattern.test(text.slice(owner.end, market.start)),
    );
  const companyAfter = (pattern: RegExp) =>
    mentions.some(
      (owner) =>
        company(owner) && owner.start >= market.end && pattern.test(text.slice(market.end, owner.start)),
    );
  return (
    // "Nvidia's data-center AI chip revenue", "Nvidia AI chip revenue (forecast)", 台积电AI晶片營收
    companyBefore(OWNER_BEFORE_MARKET) ||
    // "its AI chip revenue" — but its forecast is of the market ("raises its AI chip revenue forecast")
    (/\b(?:its|their)\s+(?:[\w-]+\s+){0,2}$|其[^，。]{0,8}$/i.test(
      text.slice(Math.max(0, market.start - 32), market.start),
    ) &&
      // (a chipmaker's forecast is of its own revenue: "Nvidia raises its AI chip revenue forecast")
      (!FORECAST_AFTER.test(text.slice(market.end, market.end + 16)) ||
        companyBefore(OWN_FORECAST_BETWEEN))) ||
    // "AI chip revenue at Nvidia", "AI chip revenue: Nvidia to reach"
    companyAfter(/^(?:\s+(?:at|for|from)\s+|\s*:\s*)$/i)
  );
}

/**
 * "三星电子与特斯拉宣布签约后，前者股价大涨6.8%，后者上涨4%", "AI6的性能大约是AI5的两倍，后者将于明年量产":
 * the former and the latter name the first and second of the last two things of one kind named before them (in
 * their sentence, or else the nearest sentence before that names two) — as mentions of those entities where the words stand. "the latter of
 * which" is a relative clause's, read by the makings (entity-value.ts).
 */
export function withFormerAndLatter(
  sentences: readonly string[],
  found: EntityMention[][],
): EntityMention[][] {
  return found.map((mentions, index) => {
    const text = sentences[index]!;
    if (text.search(FORMER_OR_LATTER) < 0) return mentions;
    const added: EntityMention[] = [];
    for (const word of text.matchAll(FORMER_OR_LATTER)) {
      if (/^\s+of\s+which\b/i.test(text.slice(word.index + word[0].length))) continue;
      const before = mentions.filter((mention) => mention.end <= word.index);
      const pair = lastPairOf(before) ?? earlierPair(sentences, found, index);
      if (!pair) continue;
      const meant = LATTER.test(word[0]) ? pair[1] : pair[0];
      added.push({ ...meant, start: word.index, end: word.index + word[0].length });
    }
    return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
  });
}

const FORMER_OR_LATTER = /前者|后者|後者|\bthe\s+(?:former|latter)\b/gi;
const LATTER = /后者|後者|latter/i;
/** The kinds two of which a former and a latter tell apart. */
const PAIRED_TYPES = new Set(['company', 'chip', 'affiliate', 'programme', 'law', 'policy', 'site', 'place']);

/** The last pair named in the sentences before (the nearest first: the lede's, else the title's). */
function earlierPair(
  sentences: readonly string[],
  found: EntityMention[][],
  index: number,
): [EntityMention, EntityMention] | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const pair = lastPairOf(found[at]!) ?? coordinatedPairOf(sentences[at]!, found[at]!);
    if (pair) return pair;
  }
  return undefined;
}

/**
 * Two of one kind joined by "and" (not in a longer list): "TSMC and Samsung battle for Tesla orders", 台积电与三星争夺特斯拉订单 —
 * a pair the former and the latter may tell apart though the sentence names a third thing of the kind after it.
 */
function coordinatedPairOf(
  text: string,
  mentions: readonly EntityMention[],
): [EntityMention, EntityMention] | undefined {
  const kept = mentions.filter((mention) => PAIRED_TYPES.has(mention.type) && !mention.described);
  for (let at = 0; at + 1 < kept.length; at++) {
    const [first, second] = [kept[at]!, kept[at + 1]!];
    if (
      first.type === second.type &&
      first.id !== second.id &&
      /^\s*(?:and|&|与|與|和|及)\s*$/i.test(text.slice(first.end, second.start)) &&
      !/(?:[,，、]|\band)\s*$/i.test(text.slice(Math.max(0, first.start - 6), first.start))
    )
      return [first, second];
  }
  return undefined;
}

/** The last two different entities of one kind, in order. */
function lastPairOf(mentions: readonly EntityMention[]): [EntityMention, EntityMention] | undefined {
  const kept = mentions.filter((mention) => PAIRED_TYPES.has(mention.type) && !mention.described);
  const last = kept.at(-1);
  if (!last) return undefined;
  const ofKind = kept.filter((mention) => mention.type === last.type);
  // (only of two: after "台积电、三星与中芯国际", 前者 is no one's)
  if (new Set(ofKind.map((mention) => mention.id)).size !== 2) return undefined;
  const first = ofKind.filter((mention) => mention.id !== last.id).at(-1);
  return first ? [first, last] : undefined;
}
