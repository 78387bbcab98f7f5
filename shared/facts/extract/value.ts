/**
 * The value a statement carries (layer 6): the reader of the fact's value kind, and a start told by its tense
 * with no year written ("has started production").
 */
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRule, CompiledRules } from '../rules.ts';
import { MONTH_NAME } from '../values/dates.ts';
import { readEntities } from './entity-value.ts';
import { clauseEndOf, clauseStartOf } from './frames.ts';
import { readNumeric } from './numeric-value.ts';
import { ownedBySubject } from './ownership.ts';
import { readPlace } from './place-value.ts';
import type { SentenceReading } from './reading.ts';
import type { ReadValue, SubjectHere } from './statement.ts';
import { readStatus } from './status-value.ts';

/** The value of the fact's kind that the sentence gives its subject, by the reader of that kind. */
export function readValue(
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
    if (reading.scopes.blockersAt(match.start).length > 0) return false;
    if (match.name === 'volume_production') return volumeReachedByNow(rule, reading, match, subject);
    if (match.name !== 'production_start') return false;
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
        STARTED_WORD.test(words) ||
        firstWafersOut(reading.text, match) ||
        // "三星德州泰勒工厂正式投产 获…补贴": 正式 before a start that ends its clause is a headline's present (not
        // "正式投产时间再度推迟", its time).
        (/正式\s*$/.test(reading.text.slice(Math.max(0, match.start - 4), match.start)) &&
          /^(?:\s|[，。；,;！!：:]|$)/.test(reading.text.slice(match.end, match.end + 1))))
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

/**
 * "Tesla's AI5 chip enters volume production, Musk says", "has entered mass production", 已进入量产: volume
 * reached by the item's day (not "will enter", "enters volume production next year", "nears").
 */
function volumeReachedByNow(
  rule: CompiledRule,
  reading: SentenceReading,
  match: PhraseMatch<AttributeClass>,
  subject: SubjectHere,
): boolean {
  const before = reading.text.slice(Math.max(0, match.start - 32), match.start);
  const reached = VOLUME_REACHED_BEFORE.exec(before);
  const objectAt = chipAsObject(reading, match, subject);
  return (
    reached !== null &&
    // The chip is what reaches volume, named before the words in their clause ("AI5 chip enters volume
    // production") — not "Samsung begins volume production of 2nm chips, AI5 to follow" — or as their object,
    // at once ("Samsung began volume production of Tesla's AI6", 三星本月开始量产特斯拉AI6芯片).
    !subject.carried &&
    // (…itself, not its possessor: "AI6's 2nm process has entered mass production")
    (objectAt ||
      (subject.positions.some(
        (at) =>
          at < match.start &&
          !/[,;，；。:：]/.test(reading.text.slice(at, match.start)) &&
          !/^[\w-]*['’]s\b/.test(reading.text.slice(at, at + 12)),
      ) &&
        !/^\s+(?:of|for)\b/i.test(reading.text.slice(match.end, match.end + 5)))) &&
    ownedBySubject(rule, reading, match.start, subject) &&
    // Volume production words, not "as AI5 starts shipping", "hits production snag", 量产准备阶段.
    (VOLUME_WORDS.test(reading.text.slice(match.start, match.end)) ||
      // "has started production at TSMC's Arizona fab": a chip's production begun is its volume.
      (/^(?:production|output)$/i.test(reading.text.slice(match.start, match.end)) &&
        STARTED_PAST.test(reached[0]))) &&
    !NOT_VOLUME_AFTER.test(reading.text.slice(match.end, match.end + 16)) &&
    // A month or an earlier period named ("in December", "last month") may be of another year: no guess.
    !OTHER_PERIOD_AFTER.test(reading.text.slice(match.end, clauseEndOf(reading, match.end))) &&
    // Not in a clause of time or condition ("once AI6 is in full production").
    !NOT_YET_BEFORE.test(reading.text.slice(Math.max(0, match.start - 48), match.start)) &&
    !/\b(?:as|while|whereas)\s/i.test(reading.text.slice(clauseStartOf(reading, match.start), match.start)) &&
    !(PRESENT_REACHED.test(reached[0]) && presentNotNow(reading.text, match))
  );
}

/**
 * The chip named as the object right after the production words: "volume production of Tesla's AI6 (chips)",
 * "mass production of the AI6 chip", 量产特斯拉AI6芯片 — the chip itself (not "AI6's 2nm process"), and nothing
 * after it that makes it a follower ("of 2nm chips, AI6 to follow" names another object first).
 */
function chipAsObject(
  reading: SentenceReading,
  match: PhraseMatch<AttributeClass>,
  subject: SubjectHere,
): boolean {
  const after = reading.text.slice(match.end, match.end + 24);
  const lead = /^(?:\s+of\s+(?:Tesla['’]s\s+|the\s+|its\s+|Tesla\s+)?|\s*(?:特斯拉(?:的)?)?)/i.exec(
    after,
  )![0];
  const at = match.end + lead.length;
  const chip = reading.mentions.find((mention) => mention.start === at);
  return (
    (lead.trim() !== '' || /[\u4e00-\u9fff]$/.test(reading.text.slice(match.start, match.end))) &&
    chip !== undefined &&
    subject.positions.includes(at) &&
    // The chip is the head of the object, not a word describing it: "AI6 server boards", "the AI6 successor,
    // AI7", "AI6 rival chips", AI6芯片的封装基板, AI6芯片所用的2纳米工艺.
    CHIP_OBJECT_ENDS.test(reading.text.slice(chip.end, chip.end + 16))
  );
}

/** After the chip named as the object: its noun at most, then the object ends (a preposition, time, punctuation). */
const CHIP_OBJECT_ENDS =
  /^(?:\s*(?:chips?|processors?|芯片|晶片))?(?:\s*$|\s*[,.;:!?，。；：！？)）]|\s+(?:at|in|for|from|this|last|on|by|after|before|ahead|since|to|with|and|as|amid|during|starting|earlier|today|now)\b|(?:在|于|於|了|，|。|；|、))/i;

const VOLUME_REACHED_BEFORE =
  /(?:\b(?:enters|entered|has\s+entered|have\s+entered|began|begins|has\s+begun|started|starts|has\s+started|reached|reaches|has\s+reached|hit|hits|went\s+into|goes\s+into|moved\s+into|moves\s+into|(?:is|are)\s+(?:now\s+)?in|now\s+in)\s+(?:full[-\s]scale\s+|high[-\s]|full\s+)?|(?:已经|已經|已|本月|本週|本周|日前|近日)\s*(?:正式)?\s*(?:进入|進入|开始|開始|实现|實現)?\s*(?:大规模|大規模|规模|規模)?)$/i;

const VOLUME_WORDS = /\b(?:volume|mass|high-volume|full-scale|large-scale|series)\b|量产|量產/i;

const OTHER_PERIOD_AFTER = new RegExp(
  String.raw`\b(?:${MONTH_NAME}(?!\w)|last\s+(?:month|year|quarter|week)\b|a\s+(?:month|year)\s+ago\b)|上月|上个月|上個月|去年|\d{1,2}月`,
);

/** A noun after the production words makes them its modifier: "production snag", 量产准备, 量产倒计时. */
const NOT_VOLUME_AFTER =
  /^(?:\s+(?:snag|snags|hell|validation|testing|tests?|milestone|readiness|prep|preparation|issues?|problems?|delays?|hurdles?|plans?|target|timeline|schedule|line|lines|ramp|tools?|equipment|qualification|trials?|run)\b|准备|準備|倒计时|倒計時|验证|驗證|前|计划|計劃|目标|目標|时间|時間|节点|節點|爬坡|良率|能力|线|線|筹备|籌備)/i;

const STARTED_PAST = /\b(?:started|began|begun|commenced|entered)\b/i;

const PRESENT_REACHED = /\b(?:enters|begins|starts|reaches|hits|goes|moves)\b/i;

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
const STARTED_WORD =
  /^(?:began|begun|started|commenced|starts|begins|commences)\b|^(?:output|production)\s+(?:began|begun|started|begins|starts)$|^晶[圆圓]下[线線]$/i;

/**
 * "shipped its first wafers this month", "the first wafers left its Taylor line": first wafers out, in the past, are the
 * fab's start (not "will ship its first wafers", "expects first wafers in 2027" — no past verb beside them).
 */
function firstWafersOut(text: string, match: PhraseMatch): boolean {
  if (!/^first\b[\w\s-]*\bwafers?$/i.test(text.slice(match.start, match.end))) return false;
  return (
    WAFERS_OUT_BEFORE.test(text.slice(Math.max(0, match.start - 28), match.start)) ||
    WAFERS_OUT_AFTER.test(text.slice(match.end, match.end + 28))
  );
}

const WAFERS_OUT_BEFORE =
  /\b(?:shipped|produced|turned\s+out|rolled\s+out|delivered|completed|processed|has\s+made|made)\s+(?:(?:its|the|their)\s+)?$/i;
const WAFERS_OUT_AFTER =
  /^\s+(?:left|rolled\s+off|came\s+off|came\s+out|(?:were|have\s+been|had\s+been)\s+(?:shipped|produced|delivered|completed))\b/i;

/** A start in the present: "starts production", "as Taylor output begins". */
const PRESENT_START = /^(?:starts|begins|commences)\b|\b(?:begins|starts)$/i;

/** "begins trial production": not yet the fab's start of production. */
const TRIAL_WORD = /\b(?:trial|pilot|risk|test)\b/i;

function presentNotNow(text: string, match: PhraseMatch): boolean {
  return (
    NOT_YET_BEFORE.test(text.slice(Math.max(0, match.start - 64), match.start)) ||
    /\b(?:typically|usually|normally|generally|often|always)\s+(?:\w+\s+)?$/i.test(
      text.slice(Math.max(0, match.start - 24), match.start),
    ) ||
    /^[^.;,，。；]{0,48}?\b(?:once|when|whenever|if|unless|as\s+soon\s+as|until|next\s+(?:month|year|quarter|week|spring|summer|autumn|fall|winter)|in\s+\d{4}|within|in\s+(?:a\s+few|several|two|three|four|six|\d+)\s+(?:weeks|months|quarters|years)|later\s+this\s+year)\b/i.test(
      text.slice(match.end, match.end + 64),
    ) ||
    // "starts production after equipment installation is completed", "only after Tesla commits more volume",
    // "begins production soon" — not "after two-year delay", "two years after breaking ground".
    FUTURE_AFTER.test(text.slice(match.end, match.end + 64))
  );
}

const FUTURE_AFTER =
  /^(?:\s+(?:\w+\s+){0,4}?soon\b(?!-|\s+to\b|\s+after\b)|[^.;,，。；]{0,24}?\b(?:only\s+after|(?<!(?:weeks|months|days|years)\s)after\s+(?!completing|finishing|receiving)(?:[\w'’-]+\s+){0,5}?(?:is|are|gets?|get)\s+(?:fully\s+)?(?:completed|finished|done|approved|signed|finali[sz]ed|qualified|installed|certified|equipped)|(?<!(?:weeks|months|days|years)\s)after\s+(?!completing|finishing|receiving)(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:qualification|approval|tape-?out|sign-?off|certification)\b|after\s+[A-Z][\w-]*\s+(?:finali[sz]es|signs|commits|approves)))/;
