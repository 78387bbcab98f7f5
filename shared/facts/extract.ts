/**
 * Layer 6 of the fact engine, the orchestrator: for each sentence of an item and each rule, the stages in
 * `extract/` decide whose statement it is (`subject`), whether a relation word says the fact (`relation`), and
 * which value of the fact's kind is the subject's own (`value` and the readers by kind); then shared values are
 * settled between the facts of one sentence, and a later denial of a report leaves what it reported mentioned.
 */
import { ellipsized } from '../text.ts';
import { type EntityMention, isSiteOrPlace } from './entities.ts';
import {
  asideMarks,
  beforeCoordinatedSubject,
  causeToldLater,
  headlineHalfOf,
  inConcessionAfter,
  inJoinedPredicateAfter,
  inRelativeClauseApart,
  namedDealSpans,
  notWordsOf,
  opensLaterClauseZh,
  opensOnAnotherCause,
  readsAsides,
  shelteredEventPiece,
  silencedByNot,
  subjectOnlyInAnothersPart,
} from './extract/frames.ts';
import {
  CONTINUED_GAP_CHARS,
  continuedHeadsOf,
  headingUpTo,
  listGapOf,
  listHeadsOf,
  NONE_MENTIONED,
  related,
} from './extract/lists.ts';
import { PLACE_PHRASE_BEFORE } from './extract/ownership.ts';
import { itemSentences, NONE, SentenceReading, timelineYearOf } from './extract/reading.ts';
import {
  amendmentTakesEffect,
  delaysAnotherThing,
  describedOnly,
  hasContext,
  OTHER_MARKET_REFERENCE,
  OTHER_MARKET_WORDS,
  relationWordOfAnotherSense,
  revisesHere,
  rivalIsObject,
  SEGMENT_REFERENCE,
  SEGMENT_WORDS,
} from './extract/relation.ts';
import { revisionsByReference } from './extract/revision.ts';
import {
  type AnalyzableItem,
  CARRIED,
  DERIVED,
  DESCRIBED,
  FAR,
  MAX_EVIDENCE,
  REPORTED,
  type Statement,
  type SubjectHere,
  statementOf,
} from './extract/statement.ts';
import { opensOwnClauseAfter, relationOfSubject } from './extract/status-value.ts';
import { subjectIn } from './extract/subject.ts';
import { readValue } from './extract/value.ts';
import type { AttributeClass } from './lexicon.ts';
import { keptMentions, withFormerAndLatter } from './mentions.ts';
import type { PhraseMatch } from './phrases.ts';
import type { CompiledRule, CompiledRules } from './rules.ts';
import { REPLY_DENIAL_ZH, UNDECIDED_REPLY_EN, UNDECIDED_REPLY_ZH } from './scope.ts';

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
  const mentions = withFormerAndLatter(sentences, withoutAmbiguousDescriptions(found, compiled));
  const publishedDay = dayOf(item.published);
  const readings = sentences.map(
    (text, index) =>
      new SentenceReading(text, index, compiled, publishedYear, mentions[index]!, publishedDay),
  );
  // The site the item named last before each sentence, for "The fab will manufacture Tesla's AI6 chips".
  let lastSite: EntityMention | undefined;
  let lastChips: readonly EntityMention[] = [];
  // The company a headline leads with, for "Samsung's chip profit surges … // The company also said its foundry
  // unit will begin supplying AI6 chips to Tesla" (not "TrendForce lifts TSMC forecast // The firm said …").
  const titleLead = readings[0] === undefined ? undefined : leadOf(readings[0]);
  for (const reading of readings) {
    reading.priorSite = lastSite;
    reading.priorChips = lastChips;
    // (only where a chip may follow: the sentence before's relation words are read for it)
    if (reading.index > 0 && FOLLOW_WORD.test(reading.text))
      reading.afterVolume = readings[reading.index - 1]!.has('volume_production');
    if (reading.index > 0) reading.titleLead = titleLead;
    if (reading.index > 1) reading.priorLead = leadOf(readings[reading.index - 1]!);
    // ("2024: OpenAI first pitched a $100 billion Stargate. 2025: Stargate launched at up to $500 billion.")
    const year = timelineYearOf(reading.text);
    reading.laterTimelineEntry =
      year !== undefined &&
      readings.slice(reading.index + 1).some(
        (later) =>
          (timelineYearOf(later.text) ?? 0) > year &&
          // (a later entry of the same thing with a figure of its own: not "2026: TSMC's share rises to 71%" after
          // Samsung's, nor "2026: Taylor starts production" after its cost)
          [...later.ids].some((id) => reading.ids.has(id)) &&
          /\d/.test(later.text.replace(/^\D*\d{4}/, '')),
      );
    lastSite = [...reading.mentions].reverse().find((mention) => mention.type === 'site') ?? lastSite;
    if (reading.chips.length) lastChips = reading.chips;
  }
  const statements: Statement[] = [];
  const rules = compiled.rules.map((rule) =>
    rule.itemVariant && itemSubjectHolds(rule, readings) ? rule.itemVariant : rule,
  );
  for (const reading of readings) {
    const claims: Claim[] = [];
    const title = readings[0]!;
    const before = readings[reading.index - 1] ?? title;
    // (…or the one before that, through a reference opening the sentence before: subjectIn's carriedThrough)
    const twoBefore = readings[reading.index - 2] ?? title;
    // (…or, for a party of two named here, the other identified in the next two: subjectIn's partyIdentifiedLater)
    const after = readings.slice(reading.index + 1, reading.index + 3);
    for (const rule of rules) {
      // A subject is named here or carried from the sentences before or the title: a rule none of
      // whose subjects those sentences name can say nothing here (subjectIn would agree).
      if (
        !rule.rule.subject.some(
          (group) =>
            namedAround(group, reading, [before, twoBefore, title]) ||
            (group.length === 2 &&
              group.some((id) => reading.ids.has(id)) &&
              namedAround(group, reading, after)),
        )
      )
        continue;
      const claim = statementFor(rule, reading, readings, compiled);
      if (claim) claims.push(claim);
    }
    statements.push(...settleSharedValues(claims, reading.text));
  }
  statements.push(...revisionsByReference(statements, readings));
  return withHeadlineDoubtedBelow(withDeniedReports(statements, readings, compiled), readings);
}

/**
 * Whether the item supplies a rule's `itemSubject`: some sentence names one of its entities or cues ("Dutch regulator:
 * high-risk rules delayed", the Netherlands a member state), and none names a rival jurisdiction or law.
 */
function itemSubjectHolds(rule: CompiledRule, readings: readonly SentenceReading[]): boolean {
  const itemSubject = rule.rule.itemSubject!;
  // (the item's names first: a sentence's phrases are read only when asked, and most items name no such subject)
  if (!readings.some((reading) => itemSubject.subject.every((id) => reading.ids.has(id)))) return false;
  const names = (reading: SentenceReading, ids: readonly string[], list: string | undefined) =>
    ids.some((id) => reading.ids.has(id)) || (list !== undefined && reading.phrases(list).length > 0);
  return (
    readings.some((reading) => names(reading, itemSubject.entities, rule.itemCues)) &&
    !readings.some((reading) => names(reading, itemSubject.unless, rule.itemUnlessCues))
  );
}

/** A word by which a chip follows another into what the sentence before told (reading.ts: FOLLOWS_INTO). */
const FOLLOW_WORD = /\bfollow|跟进|跟進|接棒/i;

/**
 * The cues that leave a headline's value unsaid when the text below repeats it only under them: asked or conditional
 * (not a hedge such as 有望, "expected to", which a headline's plain figure may well drop; nor a negation, which may
 * tell when it did happen: "did not start … until 2027").
 */
const DOUBTING_CUES: ReadonlySet<string> = new Set(['question', 'condition']);

/**
 * "市場傳三星特斯拉合約實際價值上看500億美元 // …若計入後續追加訂單，合約實際價值可能上看500億美元": a headline's figure that
 * the text below repeats, and only ever as asked or conditional, is as doubtful in the headline.
 */
function withHeadlineDoubtedBelow(statements: Statement[], readings: SentenceReading[]): Statement[] {
  return statements.map((statement) => {
    const value = statement.observed;
    if (statement.sentenceIndex !== 0 || statement.negated || value === null) return statement;
    if (value.kind !== 'money' && value.kind !== 'percent' && value.kind !== 'year') return statement;
    const key = JSON.stringify(value);
    const repeats = readings.slice(1).flatMap((reading) =>
      reading
        .values(value.kind)
        .filter((mention) => JSON.stringify(mention.value) === key)
        .map((mention) => reading.scopes.blockersAt(mention.start)),
    );
    const doubted = repeats.length > 0 && repeats.every((cues) => cues.some((cue) => DOUBTING_CUES.has(cue)));
    return doubted ? { ...statement, negated: true, confidence: 0.3 } : statement;
  });
}

/** The company a sentence leads with: its first name, a company's, near its start. */
function leadOf(reading: SentenceReading): string | undefined {
  const lead = reading.mentions[0];
  return lead?.type === 'company' && lead.start <= TITLE_LEAD_CHARS ? lead.id : undefined;
}

/** Whether a sentence names a year (as a date's year: "in 2028", "by end-2028", 2028年). */
const namesYear = (reading: SentenceReading, year: number) =>
  reading.values('year').some((date) => date.value.kind === 'year' && date.value.value === year);

/** A year referred back to: "that year", "the same year", 同年, 当年. */
const THAT_YEAR = /\b(?:that|the\s+same)\s+year\b|同年|當年|当年|该年|該年/i;

/** Whether the fact's context words stand in a sentence up to `index` (the title first). */
function contextUpTo(rule: CompiledRule, item: SentenceReading[], index: number): boolean {
  if (rule.context === undefined) return false;
  for (let at = 0; at <= index; at++) if (item[at]!.phrases(rule.context).length > 0) return true;
  return false;
}

const STOCKS = /\b(?:stocks?|shares|ADRs?)\b|股价|股價|股市/i;

/** How far into a headline its lead company may start ("Exclusive: Samsung …"). */
const TITLE_LEAD_CHARS = 12;

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
  if (!found) return withReportsDeniedInPlace(statements, readings);
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
  return withReportsDeniedInPlace(
    statements.map((statement) =>
      statement.sentenceIndex < denial.index &&
      !statement.negated &&
      readings[statement.sentenceIndex]!.scopes.hedged &&
      !reportOnlyBackground(readings[statement.sentenceIndex]!.text) &&
      about(statement.factId)
        ? { ...statement, negated: true, confidence: 0.3 }
        : statement,
    ),
    readings,
  );
}

/**
 * "Tesla says Samsung will still make AI6 after viral post claims switch to TSMC": a sentence whose report stands only
 * in a background clause (after, as, amid a post or report) and that tells what a party says is that party's statement —
 * a later denial of the report leaves it standing.
 */
const reportOnlyBackground = (text: string) => BACKGROUND_REPORT.test(text) && PARTY_SAYS.test(text);

const BACKGROUND_REPORT =
  /\b(?:after|as|amid|despite|following)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:posts?|reports?|rumou?rs?|claims?)\b/i;
const PARTY_SAYS = /\b(?:says|said|confirm(?:s|ed)|insist(?:s|ed)|reiterat(?:es|ed))\b/i;

/**
 * "韓媒報導三星擬將泰勒廠總投資上修至600億美元，三星電子週五發布聲明否認", "…, but Tesla's AI chief later denied it": a
 * report denied in a later clause of its own sentence by a bare denial — the report's values state nothing.
 */
function withReportsDeniedInPlace(statements: Statement[], readings: SentenceReading[]): Statement[] {
  const denied = new Set(
    readings
      .filter((reading) => {
        // "特斯拉否认 AI6改由台积电代工": a headline opening with its denial, the claim after it.
        if (reading.index === 0 && HEADLINE_DENIAL.test(reading.text)) return true;
        const denial = DENIED_IN_PLACE.exec(reading.text);
        return (
          (denial !== null &&
            (REPORTED_BEFORE_DENIAL.test(reading.text.slice(0, denial.index)) ||
              // "有韩媒称三星将把泰勒工厂总投资上调至440亿美元，三星电子方面否认了这一报道": a report opening the sentence (not
              // media told after a statement of its own: "三星与特斯拉签订165亿美元代工合同，韩媒称…，三星对此予以否认")
              REPORT_OPENS.test(reading.text))) ||
          REPORT_CALLED_UNTRUE.test(reading.text) ||
          // "网传三星泰勒厂推迟至2027年投产，三星回应：不实", "X user claims Tesla moved AI6 to TSMC; Musk replies 'false'": a
          // sentence that opens on the report and ends on its bare denial (not "特斯拉确认…，网传…，三星回应：不实").
          (REPORT_OPENS.test(reading.text) &&
            (BARE_DENIAL_LAST.test(reading.text) || REPLIED_UNTRUE_IN_PLACE.test(reading.text)))
        );
      })
      .map((reading) => reading.index),
  );
  if (denied.size === 0) return statements;
  return statements.map((statement) =>
    denied.has(statement.sentenceIndex) && !statement.negated
      ? { ...statement, negated: true, confidence: 0.3 }
      : statement,
  );
}

/**
 * After a comma, a bare denial of what the clause before reported: 随后否认, 发布声明否认, "later denied it", 回应：不实;
 * or a reply that leaves it open: "but Musk said the final spec is not yet settled".
 */
const DENIED_IN_PLACE = new RegExp(
  String.raw`[，,][^，,。；;]{0,24}?(?<!并未|並未|未|没有|沒有|不)(?:否认|否認)(?:了)?(?:此事|此说法|此說法|该说法|該說法|这一说法|這一說法|相关说法|相關說法|此说|此說|该报道|該報導|相关报道|相關報導|上述报道|上述報導|这一报道|這一報導|此报道|此報導|这则报道|這則報導|传闻|傳聞)?\s*(?:[，,。；;]|$)|,\s*(?:but\s+|and\s+)?(?:[\w'’.-]+\s+){0,4}?(?:later\s+|since\s+|quickly\s+)?denied\s+(?:it|this|that|the\s+(?:report|claim|story))\b|,\s*but\s+(?:[\w'’.-]+\s+){0,4}?${UNDECIDED_REPLY_EN}`,
  'i',
);

/**
 * After a comma, a reply that calls it untrue and states nothing of its own after (no figure, time or standing
 * state): "，三星电子回应称相关报道“纯属猜测”，合同条款未有变化" — not "，三星回应：不实，仍按计划2026年投产", "…，工厂将于明年投产",
 * "…，Dojo团队已解散", which say what stands.
 */
const REPLIED_UNTRUE_IN_PLACE = new RegExp(
  String.raw`[，,][^，,。；;]{0,12}?${REPLY_DENIAL_ZH}[」”"]?(?=[^\d。；;]*[。.!！]?\s*$)(?![^。；;]*(?:仍|已|将|將|按计划|按計劃|按原定|按原计划|按原計劃|时间表|時間表|如期|明年|今年|年底|年内|年內))`,
);

/** A sentence opening on a report: 网传, 传, 据…, 有韩媒称, "X user claims", "A viral post said", "Report:". */
const REPORT_OPENS =
  /^[\s"“「]*(?:(?:外媒|韩媒|韓媒|媒体|媒體|业界|業界)?(?:网传|網傳|传出|傳出)|有?(?:韩媒|韓媒|外媒|台媒|日媒|美媒|港媒)(?:称|稱|报道|報導|报导)|[据據][^，,]{0,12}?(?:报道|報導|称|稱)|消息称|消息稱|(?:an?\s+)?(?:[\w'’.-]+\s+){0,3}?(?:post|user|report|rumou?r)s?\s+(?:claim(?:s|ed)?|said|says)\b|report:)/i;

/** Ending its sentence, a bare denial after a comma or semicolon: "，三星回应：不实", "; Musk replies 'false'". */
const BARE_DENIAL_LAST = new RegExp(
  String.raw`(?:[，,;；][^，,。；;]{0,12}?${REPLY_DENIAL_ZH}|[;；]\s*(?:[\w'’.-]+\s+){0,3}?(?:repl(?:y|ies|ied)|respond(?:s|ed)?|say(?:s)?|said|call(?:s|ed)?\s+it)\s*[:,]?\s*['‘’"“]?(?:false|untrue|not\s+true|fake|groundless|baseless))[\s'’"”」.。!！]*$`,
  'i',
);

/** "called a Korean newspaper report that it had won AI5 production 'speculative'": the report's content, called untrue. */
const REPORT_CALLED_UNTRUE =
  /\bcall(?:ed|s)?\s+(?:the|that|a|an)\s+(?:[\w-]+\s+){0,3}?(?:reports?|claims?|story|rumou?rs?)\s+that\b[^.;]{0,120}?['‘’"“]?(?:speculative|groundless|baseless|untrue|false|inaccurate|unfounded)\b/i;

const HEADLINE_DENIAL = /^[^，,。；;：:\s]{0,12}?(?:否认|否認|辟谣|闢謠)\s*(?:[：:]|\s)\s*\S/;

/** Before the denial, that what it denies was reported: 报道, 传闻, 据悉, "reported", "a report said". */
const REPORTED_BEFORE_DENIAL =
  /网传|網傳|\bclaim(?:s|ed)?\b|\bpost(?:s|ed)?\b|报道|報導|报导|传闻|傳聞|传言|傳言|传出|傳出|据悉|據悉|消息称|消息稱|媒体称|媒體稱|\breport(?:s|ed)?\b|\brumou?r/i;

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
  /den(?:y|ied|ies)|no\s+(?:final\s+)?decision|尚未(?:最终|最終)?(?:决定|決定|确定|確定|定案)|not\s+(?:yet\s+)?(?:been\s+)?(?:decided|settled|finali[sz]ed)|dismiss|reject|refut|untrue|not true|false|groundless|baseless|inaccurate|unfounded|speculative|withdr|retract|pulled|否认|否認|驳斥|駁斥|辟谣|闢謠|澄清|不实|不實|不属实|不屬實|失实|失實|不准确|不準確|不正确|不正確|撤回|撤下/i;

const REPORT_WORDS_ZH = '(?:报道|報導|报导|传闻|傳聞|传言|傳言|消息|说法|說法)';

const DENIES_THE_REPORT = new RegExp(
  [
    `(?:否认|否認|驳斥|駁斥|辟谣|闢謠|澄清)[^。；]{0,12}?(?:上述|相关|相關|该|該|此|这一|這一|这些|這些)${REPORT_WORDS_ZH}`,
    `(?:上述|相关|相關|该|該|此|这一|這一|这些|這些)${REPORT_WORDS_ZH}[^。；]{0,12}?(?:不实|不實|不属实|不屬實|失实|失實|不准确|不準確|并不正确|並不正確)`,
    '\\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted|refutes)\\s+(?:the|that|those|these|such|a)\\s+(?:reports?|claims?|story|rumou?rs?|speculation)\\b',
    '\\b(?:the|that|those|these|such)\\s+(?:reports?|claims?|story|rumou?rs?)\\s+(?:is|was|are|were)\\s+(?:untrue|not true|false|groundless|baseless|inaccurate|unfounded)\\b',
    // "called a Korean newspaper report that it had won AI5 production 'speculative'"
    '\\bcall(?:ed|s)?\\s+(?:the|that|a|an)\\s+(?:[\\w-]+\\s+){0,3}?(?:reports?|claims?|story|rumou?rs?)\\b[^.;]{0,80}?[\'‘’"“]?(?:speculative|groundless|baseless|untrue|false|inaccurate|unfounded)\\b',
    '\\b(?:withdrew|withdraws|withdrawn|retracted|retracts|pulled)\\s+(?:the|its|that)\\s+(?:article|report|story)\\b',
    // "Samsung called it groundless", "Musk replied with a single word: 'False.'"
    '\\bcall(?:ed|s)?\\s+(?:it|this|that|them)\\s+[\'‘’"“]?(?:speculative|groundless|baseless|untrue|false|inaccurate|unfounded|fake|misleading|nonsense)\\b',
    '\\b(?:repl(?:y|ies|ied)|respond(?:s|ed)?|answer(?:s|ed)?)\\s+(?:with\\s+(?:a\\s+)?(?:single\\s+|one\\s+)?word\\s*)?[:,]?\\s*[\'‘’"“]?(?:false|untrue|not\\s+true|fake|wrong|nonsense)\\b',
    '(?:撤回|撤下)(?:了)?(?:该|該|上述|相关|相關)?(?:报道|報導|文章|稿件)',
    // A reply that leaves the report's matter open: 三星電子回應稱，相關事項「尚未決定」, "Samsung said no decision has been made".
    UNDECIDED_REPLY_ZH,
    `\\b${UNDECIDED_REPLY_EN}`,
  ].join('|'),
  'gi',
);

const namedAround = (
  group: readonly string[],
  reading: SentenceReading,
  around: readonly SentenceReading[],
) => group.every((id) => reading.ids.has(id) || around.some((other) => other.ids.has(id)));

/**
 * A description stands for its entity unless the item names one of the entities it could
 * as well mean — or, for a reference description, unless the item names the entity itself — ("the Korean chipmaker" in an item naming SK hynix): then it is some other
 * company — never a subject, but still the owner of what follows it ("the Korean
 * chipmaker's shares rose 6.8%" is nobody's move here).
 */
function withoutAmbiguousDescriptions(found: EntityMention[][], compiled: CompiledRules): EntityMention[][] {
  if (!found.some((mentions) => mentions.some((mention) => mention.described))) return found;
  const named = new Set(found.flat().flatMap((mention) => (mention.described ? [] : [mention.id])));
  const ambiguous = (mention: EntityMention) =>
    mention.described &&
    ((compiled.ruler.byId.get(mention.id)?.unlessNamed ?? []).some((other) => named.has(other)) ||
      // ("the Korean company" stands for Samsung only in an item that names Samsung)
      (mention.referring === true && !named.has(mention.id)));
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
  /** How the claim's subject names its sites and chip: read only when another claim shares the value. */
  sites?: ClaimSites;
}

/**
 * How a claim's subject is named around its value, for the tie-break of shared values — worked out on first
 * use, since most values are no other fact's.
 */
class ClaimSites {
  #role: 'source' | 'place' | undefined | null = null;
  #at: number[] | undefined | null = null;
  #bound: boolean | null = null;

  readonly #reading: SentenceReading;
  readonly #subject: SubjectHere;
  readonly #volumeAnchor: { start: number; end: number } | undefined;

  constructor(
    reading: SentenceReading,
    subject: SubjectHere,
    volumeAnchor: { start: number; end: number } | undefined,
  ) {
    this.#reading = reading;
    this.#subject = subject;
    this.#volumeAnchor = volumeAnchor;
  }

  /** How the fact's sites are all named here: as a source ("from its Texas fab") or a place ("at Samsung Taylor"). */
  get siteRole(): 'source' | 'place' | undefined {
    if (this.#role === null)
      this.#role = this.#subject.carried ? undefined : siteRoleOf(this.#reading, this.#subject.positions);
    return this.#role;
  }

  /** Where those sites stand. */
  get sitesAt(): number[] | undefined {
    if (this.#at === null)
      this.#at = this.#subject.carried
        ? undefined
        : sitesOf(this.#reading, this.#subject.positions).map((site) => site.start);
    return this.#at;
  }

  /** Whether the fact's chip is bound to its volume word ("AI6 volume production", "mass production of Tesla's AI6"). */
  get chipBound(): boolean {
    if (this.#bound === null)
      this.#bound =
        this.#volumeAnchor !== undefined &&
        chipBoundTo(this.#reading, this.#subject.positions, this.#volumeAnchor);
    return this.#bound;
  }
}

// The site after its maker's name or a determiner ("from its Texas fab", "at Samsung Taylor", "at Samsung's").
const SOURCE_PHRASE_BEFORE = /\b[Ff]rom\s+(?:(?:[Tt]he|[Ii]ts|[A-Z][\w-]*(?:['’]s)?)\s+)?$/;

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
    !/[;:]|\.(?!\d)/.test(reading.text.slice(chip.end, anchor.start))
  );
}

const WITH_VOLUME_BEFORE = /^[^,]*,\s*with\s+(?:(?:mass|volume|high-volume)\s+)?$/i;

/**
 * From a site named as a place to the volume word: "泰勒工厂采用2纳米工艺生产，2027年开始大规模", "泰勒市的工厂生产，预计2028年
 * 实现" — a making at the place, then a clause of a year alone (Chinese drops the subject the English "with" carries).
 */
const MADE_THEN_YEAR_BEFORE_ZH =
  /^[^，,。；;：:]{0,24}(?:生产|生產|制造|製造|代工)[，,](?:并|並|且)?(?:将|將|预计|預計|计划|計劃)?(?:于|於|在|从|從)?(?:\d{4}|[〇一二三四五六七八九零]{4}|明|后|後)年(?:底|初|中|内|內)?(?:起)?(?:开始|開始|启动|啟動|实现|實現|进入|進入)?(?:大规模|大規模|规模化|規模化)?$/;

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
    (claim.sites?.siteRole === 'source' || (claim.sites?.siteRole === 'place' && other.sites?.chipBound)) &&
    (other.anchorEnd === claim.anchorEnd || placeOfTheVolume(claim, other, sentence))
  )
    return true;
  // "AI6芯片将在其美国得克萨斯州泰勒工厂生产，2027年开始量产", "该芯片将在三星位于…泰勒市的工厂生产，预计2028年实现量产": a
  // site named as the place of a making, then a clause of a year alone up to the volume word, is where the chip is made.
  if (other.volume && !claim.volume && madeAtThePlaceThenYear(claim, other, sentence)) return true;
  // "raised Samsung's CHIPS Act award for its Taylor fab to $6.4 billion": a word inside the phrase that names what
  // another's word is for is no head of the value after it; the other's word keeps it.
  if (namesWhatItIsFor(other, claim, sentence)) return true;
  if (namesWhatItIsFor(claim, other, sentence)) return false;
  return other.distance < claim.distance!;
}

/** Whether `claim`'s sites, named as a place, are where the chip of `volume` is made before its year (MADE_THEN_YEAR_BEFORE_ZH). */
function madeAtThePlaceThenYear(claim: Claim, volume: Claim, sentence: string): boolean {
  const sites = claim.sites?.siteRole === 'place' ? claim.sites.sitesAt : undefined;
  const anchor = volume.anchorStart;
  if (!sites?.length || anchor === undefined || volume.anchorEnd !== claim.anchorEnd) return false;
  const last = Math.max(...sites);
  return last < anchor && MADE_THEN_YEAR_BEFORE_ZH.test(sentence.slice(last, anchor));
}

/** Whether `inner`'s word stands in a "for/at … " phrase right after `head`'s word, the value right after it. */
function namesWhatItIsFor(head: Claim, inner: Claim, sentence: string): boolean {
  return (
    head.anchorEnd !== undefined &&
    inner.anchorStart !== undefined &&
    inner.anchorEnd !== undefined &&
    inner.valueAt !== undefined &&
    head.anchorEnd <= inner.anchorStart &&
    PHRASE_OF_PURPOSE.test(sentence.slice(head.anchorEnd, inner.anchorStart)) &&
    inner.valueAt >= inner.anchorEnd &&
    /^\s+(?:to|at|of)\s+$/i.test(sentence.slice(inner.anchorEnd, inner.valueAt))
  );
}

/** " for its Taylor, Texas, ", " at the ": a phrase naming what a word is for, with no verb of its own. */
const PHRASE_OF_PURPOSE = /^\s+(?:for|at)\s+(?:[\w'’.-]+,?\s+){0,4}$/i;

/**
 * "Tesla AI6 Mass Production at Samsung Taylor Targeted for 2028": a site named as the place of a chip's
 * volume production ("… production at Samsung Taylor") qualifies it; the word after them ("targeted",
 * "due") is said of the production, not of the site's own start.
 */
function placeOfTheVolume(claim: Claim, other: Claim, sentence: string): boolean {
  const [from, to] = [other.anchorEnd!, claim.anchorStart];
  return (
    other.sites?.chipBound === true &&
    claim.sites?.siteRole === 'place' &&
    to !== undefined &&
    to > from &&
    claim.sites?.sitesAt?.every((at) => at > from && at < to) === true &&
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
    subjectNamed &&
    (relatedHere ||
      headingUpTo(rule, item, reading.index) ||
      // "Foundry Q3 2026: TSMC 71%, Samsung 7.3%, SMIC 5% - TrendForce": a list of the market's names and values in
      // the fact's context heads itself (not a list of stock moves: "Foundry stocks today: TSMC 2.1%, …").
      (contextUpTo(rule, item, reading.index) && !STOCKS.test(reading.text)))
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
  // (…nor a later half of a Chinese headline parted by a space: "欧盟AI法案高风险义务延后 企业合规预算转向通用模型" —
  // but an earlier half sets the topic of the halves after it: "全球晶圓代工2.0市場 台積電市占大幅提升至38％")
  const half = headlineHalfOf(reading, rule);
  const notWords = (rule.not ? notWordsOf(rule, reading) : NONE).filter(
    (match) =>
      (!half || subject.positions.some((at) => half(match.start) <= half(at))) &&
      !inConcessionAfter(reading, match, subject.positions) &&
      !inJoinedPredicateAfter(rule, reading, match, subject.positions) &&
      !opensLaterClauseZh(rule, reading, match, subject.positions) &&
      !beforeCoordinatedSubject(reading, match, subject.positions),
  );
  if (
    notWords.length &&
    (rule.rule.adjacentChars ||
      (reading.frames.length === 0 && (!readsAsides(rule) || asideMarks(reading).length === 0))) &&
    !reading.relations.some(
      (match) =>
        (match.name === 'stock_move' && shelteredEventPiece(rule, reading, match.start, notWords)) ||
        (rule.rule.relation.includes(match.name) && inRelativeClauseApart(reading, match.start, notWords)),
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
  const referredTo = subject.throughSentenceBefore ? item[reading.index - 1] : undefined;
  if (rule.context && !hasContext(rule, reading, title, item, referredTo)) return undefined;
  if (
    rule.rule.value.requiresYear &&
    !namesYear(reading, rule.rule.value.requiresYear) &&
    // "…would be worth $500 billion in 2028. It now expects the market to reach $620 billion that year."
    !(
      reading.index > 0 &&
      THAT_YEAR.test(reading.text) &&
      namesYear(item[reading.index - 1]!, rule.rule.value.requiresYear)
    )
  )
    return undefined;
  const relations = reading.relations
    .filter((match) => rule.rule.relation.includes(match.name))
    // A deadline moved is a delay for the rules that read it (lexicon: `deadline_delay`).
    .map((match) => (match.name === 'deadline_delay' ? { ...match, name: 'delay' as const } : match))
    // "…at the plant, where the Korean firm plans to begin mass-producing the chip in 2027": a plant's production of a
    // chip referred to is that chip's making, not the plant's start (as with the chip named: "mass-producing AI6").
    .filter(
      (match) =>
        match.name !== 'production_start' ||
        (!CHIP_REFERRED_AFTER.test(reading.text.slice(match.end, match.end + 40)) &&
          !chipFrontedTo(reading, match) &&
          !rivalChipMade(rule, reading, match)),
    )
    // A relation word used in another sense ("by the end of 2024", "pushes companies to comply", "samples delayed").
    .filter((match) => !relationWordOfAnotherSense(reading, match))
    .filter((match) => match.name !== 'delay' || !delaysAnotherThing(reading, match, subject.positions))
    .filter((match) => !amendmentTakesEffect(rule, reading, match))
    .filter((match) => !silencedByNot(rule, reading, match.start))
    .filter((match) => !rivalIsObject(rule, reading, match))
    // "欧盟推迟人工智能(AI)法案高风险义务 美国AI行动计划如期推进": a relation word in an earlier half of a Chinese headline
    // that names another government, law or company is that half's, not the later half's subject.
    .filter((match) => !inAnotherSubjectsEarlierHalf(rule, reading, match))
    // "Tesla's AI6 chip will power Optimus robots shipping from 2027": the robots ship, not the chip.
    // ("Tesla Semi volume production slips to 2027 amid AI5 supply constraints": the product's, its delay too)
    .filter(
      (match) =>
        !(
          match.name === 'volume_production' ||
          (rule.rule.relation.includes('volume_production') &&
            (match.name === 'delay' || match.name === 'advance'))
        ) ||
        subject.carried ||
        (relationOfSubject(reading, match, subject.positions) &&
          !opensOwnClauseAfter(reading, match, subject.positions)),
    );
  if (relations.length === 0 && !rule.rule.adjacentChars && !listHeads.length) return undefined;
  const evidence = ellipsized(reading.text, MAX_EVIDENCE);
  const read = readValue(rule, reading, subject, relations, compiled);
  // "Seen on Threads: "AI5 slips to 2028". It's a misquote, …": what the next sentence calls false is not stated.
  if (read?.value && debunkedNext(item, reading.index)) read.blocked = true;
  // "特斯拉股价周五下跌3.5% // 受欧洲8月销量…拖累，特斯拉股价周五收跌3.5%": a headline's move whose lede
  // gives it another cause is that cause's.
  if (
    read?.value &&
    ((reading.index === 0 &&
      !readsAsides(rule) &&
      !reading.has('deal') &&
      causeToldLater(rule, item, read.value)) ||
      // ("受欧洲销量下滑影响，该公司股价周四下跌4%": the sentence's own move, told with its own cause)
      (rule.rule.ownerAt !== undefined &&
        rule.rule.context !== undefined &&
        opensOnAnotherCause(rule, reading)))
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
    sites: new ClaimSites(
      reading,
      subject,
      read.anchorClass === 'volume_production' && read.anchorStart !== undefined
        ? { start: read.anchorStart, end: read.anchorEnd! }
        : undefined,
    ),
  };
}

/** Whether the sentence after this one opens by calling it false: "It's a misquote", "That is false", 此为误传. */
function debunkedNext(item: SentenceReading[], index: number): boolean {
  const next = item[index + 1];
  return next !== undefined && DEBUNKING_OPENING.test(next.text);
}

const DEBUNKING_OPENING =
  /^\s*(?:(?:it|this|that)(?:['’]s|\s+is|\s+was)\s+(?:a\s+)?(?:misquote|fake|false|untrue|not\s+true|a\s+hoax|fabricated|misinformation|wrong)\b|(?:此为|此為|这是|這是|系)(?:误传|誤傳|谣言|謠言|假消息|不实|不實))/i;

/** A change of status a headline half tells of its own subject (not a share or a making, whose topic may carry on). */
const HALF_BOUND_STATUSES = new Set<AttributeClass>([
  'delay',
  'end',
  'cancel',
  'restart',
  'release',
  'in_force',
]);

/** Whether a relation word stands in a headline half before every mention of the subject, beside another's name. */
function inAnotherSubjectsEarlierHalf(
  rule: CompiledRule,
  reading: SentenceReading,
  match: PhraseMatch<AttributeClass>,
): boolean {
  if (!HALF_BOUND_STATUSES.has(match.name)) return false;
  const half = headlineHalfOf(reading);
  if (!half) return false;
  const own = reading.mentions.filter((mention) => rule.ownIds.has(mention.id));
  if (own.length === 0 || !own.every((mention) => half(mention.start) > half(match.start))) return false;
  return reading.mentions.some(
    (other) =>
      !rule.ownIds.has(other.id) &&
      (other.type === 'government' || other.type === 'law' || other.type === 'company') &&
      half(other.start) === half(match.start),
  );
}

/**
 * Right after a making, its object: one chip referred to ("the chip", "this processor") — not chips in general, nor a
 * customer's ("will begin mass-producing Tesla's chips in 2026" may be the plant's start).
 */
const CHIP_REFERRED_AFTER =
  /^\s+(?:the|this|that)\s+(?:(?:new|next-generation|next-gen|self-driving|AI|custom|\d+(?:\.\d+)?[-\s]?(?:nanometre|nanometer|nm)|(?:two|three)-nanomet(?:re|er))\s+){0,2}(?:chip|processor)\b(?!s)/i;

/**
 * "Samsung rolls out first AI5 wafers in Taylor", "start AI6 mass production at Taylor": a start whose words hold a rival
 * chip is that chip's making (not "the fab … begins producing Tesla's AI6 chips", its first product).
 */
function rivalChipMade(rule: CompiledRule, reading: SentenceReading, match: PhraseMatch): boolean {
  if (!rule.rule.rivals?.length) return false;
  return reading.chips.some(
    (chip) => rule.rivalIds.has(chip.id) && chip.start >= match.start && chip.end <= match.end,
  );
}

/** "Tesla, whose AI6 chip Samsung will produce at Taylor from next year": the chip, fronted, is what is produced. */
function chipFrontedTo(reading: SentenceReading, match: PhraseMatch): boolean {
  const opening = /\b(?:whose|which|that)\b[^,;.]*$/i.exec(
    reading.text.slice(Math.max(0, match.start - 60), match.start),
  );
  if (!opening) return false;
  const from = Math.max(0, match.start - 60) + opening.index;
  return reading.chips.some((chip) => chip.start > from && chip.end <= match.start);
}
