/**
 * Readers of status values (layer 6): delayed, cancelled, ended, restarted, active, released — what a
 * relation word says of the subject's own clause, and a date that is later than scheduled.
 */
import { CONTRAST_BETWEEN, opensClauseBetween, TIME_CLAUSE_ZH } from '../clauses.ts';
import type { EntityMention } from '../entities.ts';
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRule } from '../rules.ts';
import type { ValueMention } from '../values/mention.ts';
import {
  CLAUSE_PUNCTUATION,
  clauseDatedToThePast,
  clauseEndOf,
  clauseStartOf,
  frameOf,
  OWNER_TYPES,
  PAST_TIME,
} from './frames.ts';
import { comparedWith } from './ownership.ts';
import type { SentenceReading } from './reading.ts';
import { MAX_DISTANCE, type ReadValue, type SubjectHere } from './statement.ts';

export function readStatus(
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
    // "Dojo disbanding rumours", 特斯拉Dojo團隊解散傳聞: a status that names a rumour is not told.
    .filter((match) => !RUMOUR_NAMED_AFTER.test(reading.text.slice(match.end, match.end + 12)))
    // "Dojo 3 talk revives Samsung supplier speculation": the talk about the subject does it, to something else.
    .filter(
      (match) =>
        subject.carried ||
        !subject.positions.some(
          (at) => at < match.start && TALK_OF_IT_BEFORE.test(reading.text.slice(at, match.start)),
        ),
    )
    // "特斯拉暂时喊停Dojo 3": a status word inside a longer one of another status is that one's (暂时喊停, halted for now).
    .filter((match) => !relations.some((other) => other.name !== match.name && encloses(other, match)))
    // "Tesla puts Dojo on ice", "Brussels put the high-risk rules on hold": what is put on hold stands inside the
    // phrase — not "Samsung puts Taylor hiring on ice, Tesla's Dojo unaffected", "the AI Action Plan puts state AI
    // rules on ice" (the subject the one doing it). ("Dojo was put on hold" holds no object: passive, the subject's.)
    .filter(
      (match) =>
        subject.carried ||
        !PUT_SOMETHING_ON.test(reading.text.slice(match.start, match.end)) ||
        subject.positions.some((at) => at > match.start && at < match.end),
    )
    // "to press states to pause their own AI laws": a status word whose object is another's own thing.
    // (not "EU delays its own AI Act high-risk rules": its own is the subject's)
    .filter((match) => !/^\s+their\s+own\b/i.test(reading.text.slice(match.end, match.end + 12)))
    // "Tesla has yet to restart Dojo": a status not yet reached (a cue of the status alone — "Samsung has yet to begin
    // AI6 production" still says who will make the chip).
    .filter(
      (match) =>
        !/\b(?:has|have|is|are)\s+yet\s+to\s+$/i.test(
          reading.text.slice(Math.max(0, match.start - 16), match.start),
        ),
    )
    // "Dojo ended up costing more than $1 billion": an idiom, not an end.
    .filter(
      (match) => !(match.name === 'end' && /^\s*up\b/i.test(reading.text.slice(match.end, match.end + 4))),
    )
    // "Tesla cancels Model 2 but says Dojo will continue", 特斯拉叫停Cybertruck扩产 Dojo照常推进:
    // a status word with another product named between it and the subject is that product's
    // (relationOfSubject; volume production too: "AI6 will power Optimus robots shipping from 2027").
    .filter((match) => subject.carried || relationOfSubject(reading, match, subject.positions))
    // "根据白宫7月发布的AI行动计划以及欧盟将高风险AI规则推迟至2027年的提案": a change of status (not a release, which
    // its issuer tells: "the AI Action Plan the White House published") with another government named between it and
    // the subject, in its clause, is that government's.
    .filter(
      (match) =>
        subject.carried ||
        match.name === 'release' ||
        !governmentBetween(rule, reading, match, subject.positions),
    )
    // "The guidelines on classifying high-risk systems under the AI Act … have been postponed", 推迟发布…分类指南: a status
    // word whose nearest provision in its clause group is a rival's is that provision's (not "delayed its guidelines …
    // and proposed postponing the high-risk obligations", whose own provision stands nearer).
    .filter((match) => !nearestProvisionARival(rule, reading, match))
    // "… released its AI Action Plan, which called on allies …, and it hands companies more time to comply": past a
    // clause joined with a subject of its own, the status word is that subject's.
    .filter(
      (match) =>
        subject.carried ||
        !subject.positions.every(
          (at) => at < match.start && OWN_SUBJECT_JOINED.test(reading.text.slice(at, match.start)),
        ),
    )
    // "在美国白宫去年7月发布《美国AI行动计划》整整一年之际,欧盟将…推迟至2027年12月": a subject named only in a time
    // clause set before the main one owns nothing of it.
    .filter(
      (match) =>
        subject.carried ||
        !subject.positions.every(
          (at) => at < match.start && TIME_CLAUSE_ZH.test(reading.text.slice(at, match.start)),
        ),
    )
    .sort((a, b) => nearest(a) - nearest(b));
  if (said.length === 0) return undefined;
  // "will not apply in August as planned", 不再于2026年8月生效: not in force on schedule is a delay.
  const offSchedule = said.find(
    (match) => match.name === 'in_force' && notOnSchedule(reading, match, scheduleOf(rule, reading, match)),
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
    // (…with its own subject between: "Five months after Tesla disbanded its Dojo team, Musk said … restarting")
    return describes ||
      // ("has since restarted" is no since-clause: SINCE_THEN)
      /\b(?:after|(?<!\b(?:has|have|had)\s+)since)\s+(?:\w+ly\s+)?$/i.test(before) ||
      /\b(?:after|(?<!\b(?:has|have|had)\s+)since)\s+(?:the\s+|its\s+)?[\w'’-]+\s+(?:\w+ly\s+)?$/i.test(
        reading.text.slice(Math.max(0, match.start - 40), match.start),
      ) ||
      // ("restarting work on Dojo3, a reversal from August, when the Dojo team was disbanded": told in the passive)
      /\b(?:after|since|when)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){1,3}(?:was|were|had\s+been)\s+(?:\w+ly\s+)?$/i.test(
        reading.text.slice(Math.max(0, match.start - 48), match.start),
      )
      ? 1
      : // "去年 8 月特斯拉才解散 Dojo 團隊，如今計畫復活": a status told in a clause dated to the past, beside one
        // that is not and follows it, is the background (not "AI5量产推迟至2027年，Dojo已于去年关停").
        (pastInClause(reading, match) &&
            said.some((other) => other.start > match.end && !pastInClause(reading, other))) ||
          // "Tesla restarted Dojo in January, but shut it down again in May": the status after "but" is the later.
          said.some((other) => laterAfterBut(rule, reading, match, other)) ||
          // "Tesla disbanded the Dojo team last August, and Musk has since said the effort is restarting": what
          // "has since" tells is the later.
          said.some(
            (other) =>
              other.start > match.end &&
              (SINCE_THEN.test(reading.text.slice(match.end, other.start)) ||
                // "Tesla disbanded Dojo in August, and later revived it": a later step's own verb.
                LATER_STEP_BEFORE.test(
                  reading.text.slice(Math.max(match.end, other.start - 24), other.start),
                )),
          )
        ? 1
        : /\bbefore\s+(?:\w+ly\s+)?$/i.test(before) ||
            // ("had disbanded the Dojo team in August before Musk said it would restart the effort")
            /\bbefore\s+(?:[A-Z][\w'’-]*\s+){1,2}(?:said|says|announced|confirmed)\s+(?:that\s+)?(?:it|they|the\s+company)\s+(?:would|will)\s+$/.test(
              reading.text.slice(Math.max(0, match.start - 60), match.start),
            ) ||
            // "Dojo去年已经解散，现在的Dojo 3是重新启动的项目": the state told as now, after another told earlier.
            (said.some((other) => other.end <= match.start) &&
              NOW_IN_CLAUSE_BEFORE.test(reading.text.slice(Math.max(0, match.start - 24), match.start)))
          ? -1
          : 0;
  };
  const open = said
    .filter((match) => reading.scopes.blockersAt(match.start, match).length === 0)
    // "the high-risk obligations do not apply to research-only models, as planned": an "as planned" set after its
    // clause shares that clause's doubt.
    .filter((match) => !adverbOfADoubtedClause(reading, match))
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
  // (…not a change that a later telling undid: "The EU delayed the high-risk rules, but has since decided they will
  // apply on schedule")
  const undone =
    change !== undefined &&
    open[0] !== undefined &&
    open[0].start > change.end &&
    SINCE_THEN.test(reading.text.slice(change.end, open[0].start));
  const chosen = (onSchedule ??
    (change && open[0]?.name === 'in_force' && !undone ? change : (open[0] ?? said[0])))!;
  // "rules for high-risk systems to apply from December 2027 instead of August 2026": in force later than planned.
  const name =
    chosen.name === 'in_force' &&
    statuses.delay &&
    (laterInstead(reading, chosen) ||
      laterThanScheduled(reading, chosen, scheduleOf(rule, reading, chosen)) ||
      untilNoDate(reading, chosen))
      ? 'delay'
      : chosen.name;
  return { value: { kind: 'status', value: statuses[name]! }, blocked: open.length === 0 };
}

/** An "as planned"/"as scheduled" right after a comma, the clause before it doubted (negated, asked, conditional). */
function adverbOfADoubtedClause(reading: SentenceReading, match: PhraseMatch): boolean {
  if (!/^as\s+(?:planned|scheduled)\b/i.test(reading.text.slice(match.start, match.end))) return false;
  const comma = /,\s*$/.exec(reading.text.slice(Math.max(0, match.start - 3), match.start));
  if (!comma) return false;
  const before =
    match.start - (reading.text.slice(Math.max(0, match.start - 3), match.start).length - comma.index) - 1;
  return before > 0 && reading.scopes.blockersAt(before).length > 0;
}

/**
 * In a status word's clause before it: now (现在的…是, a clause opening on 如今, "now" right before it) — not
 * "现在承认当初解散" (now admits).
 */
const NOW_IN_CLAUSE_BEFORE =
  /(?:现在的|現在的|如今的)[^，,。；;]{0,12}$|(?:^|[，,；;])\s*(?:如今|而今)[^，,。；;承認认表称稱说說]{0,6}$|\bnow\s+(?:\w+\s+)?$/i;

/**
 * Whether the status word's clause is dated to the past: before it, or right after its object ("paused Dojo months
 * ago but says…").
 */
const pastInClause = (reading: SentenceReading, match: PhraseMatch) =>
  clauseDatedToThePast(reading, match.start) ||
  PAST_TIME.test(reading.text.slice(match.end, match.end + 32).split(CLAUSE_GOES_ON)[0]!);

const INSTRUMENT_BEFORE =
  /(?:以|用|采用|採用|基于|基於|在|\b(?:on|with|using|based\s+on|powered\s+by|designed\s+(?:around|for)|built\s+(?:on|around|with)|running\s+on|and\s+its|and|,\s*alongside))\s*$/i;

/** From the subject to a status verb, a word for talk about it: "Dojo 3 talk revives", "Dojo reports kill". */
const TALK_OF_IT_BEFORE =
  /^[\w-]*(?:\s+\d+)?\s+(?:talk|speculation|reports?|rumou?rs?|buzz|chatter|news|hopes?|fears?|worries|doubts|hype)\s+(?:\w+\s+)?$/i;

const RUMOUR_NAMED_AFTER =
  /^(?:\s+(?:rumou?rs?|speculation|chatter|talk)\b|(?:的)?(?:传闻|傳聞|传言|傳言|谣言|謠言|揣测|揣測))/i;

/** "has since", "since then", 此后/后来又: what follows is later than what came before. */
const SINCE_THEN =
  /\b(?:has|have|had)\s+since\b|\bsince\s+then\b|[，,]\s*(?:此后|此後|之后又|之後又|后来又?|後來又?)/i;

const LATER_STEP_BEFORE = /(?:,\s*|\s)(?:and\s+)?(?:then|later|subsequently|eventually|afterwards)\s+$/i;

const BUT_BETWEEN = /[,;]\s*but\b|[，,；;]\s*(?:但|但是|不过|不過|然而)/i;

/** Things a status clause may be about other than its rule's subject (a chip, a law, a product …). */
const THING_TYPES = new Set([
  'chip',
  'product',
  'programme',
  'provision',
  'law',
  'policy',
  'process',
  'site',
  'affiliate',
]);

/**
 * A status told after "but" of the subject's own, not negated, not told as before ("…, but the project had been paused
 * for months"), and about nothing else ("Tesla disbanded its Dojo team, but delayed the AI5 chip", 但AI5量产推迟).
 */
function laterAfterBut(
  rule: CompiledRule,
  reading: SentenceReading,
  earlier: PhraseMatch,
  later: PhraseMatch,
) {
  if (later.start <= earlier.end) return false;
  const but = BUT_BETWEEN.exec(reading.text.slice(earlier.end, later.start));
  if (!but || reading.scopes.blockersAt(later.start, later).length > 0) return false;
  if (
    /\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$/i.test(reading.text.slice(Math.max(0, later.start - 24), later.start))
  )
    return false;
  const from = earlier.end + but.index;
  const to = clauseEndOf(reading, later.end);
  const named = reading.mentions.filter(
    (mention) =>
      mention.start >= from &&
      mention.start < to &&
      (rule.ownIds.has(mention.id) || THING_TYPES.has(mention.type)),
  );
  // The subject named first after "but", or right after the later status word, is the one it is of ("but Musk said
  // Dojo 3 will restart on AI6 chips", "but is restarting Dojo 3 on AI5 chips", 但将在AI5晶片上重启Dojo 3).
  const own = (mention: EntityMention) => rule.ownIds.has(mention.id);
  // (…as the subject itself, not its part or its people: "but Dojo 2's AI5-based design remains cancelled", "but
  // Dojo's former lead says the AI5 chip is delayed", 但Dojo前负责人透露…; and with no other thing between it and the
  // status word unless as its means: 以AI6晶片重新啟動)
  const first = named[0];
  if (
    first &&
    own(first) &&
    // ("but Dojo's revival around AI5 is now underway": the possessive of the status noun itself is the subject's)
    (!/^(?:\s*\d+)?(?:['’]s|的|前)/.test(reading.text.slice(first.end, first.end + 6)) ||
      /^(?:['’]s|的)\s*$/.test(reading.text.slice(first.end, later.start))) &&
    !named.some(
      (mention) =>
        !own(mention) &&
        mention.start > first.end &&
        mention.end <= later.start &&
        !INSTRUMENT_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 12), mention.start)),
    )
  )
    return true;
  if (
    named.some(
      (mention) =>
        own(mention) &&
        mention.start >= later.end &&
        /^\s*$/.test(reading.text.slice(later.end, mention.start)),
    )
  )
    return true;
  return !named.some((mention) => !own(mention));
}

const CLAUSE_GOES_ON = /[,，;；。]|\s(?:but|and|while|though|although)\s/;

/** ", and it hands", "; and they give": a joined clause with a subject of its own. */
const OWN_SUBJECT_JOINED = /[,;]\s*and\s+(?:it|they|this|that|the\s+move|the\s+decision|the\s+deal)\s+\w+/i;

/** "put X on hold/ice" with its object inside (not "put on hold"). */
const PUT_SOMETHING_ON = /^put\w*\s+(?!on\b)\S[\s\S]*\bon\s+(?:hold|ice)$/i;

/** Whether `outer` spans `inner` and more. */
const encloses = (outer: PhraseMatch, inner: PhraseMatch) =>
  outer.start <= inner.start && outer.end >= inner.end && outer.end - outer.start > inner.end - inner.start;

/** Whether the provision named nearest a status word, in its clause group, is one of the rule's rivals. */
function nearestProvisionARival(rule: CompiledRule, reading: SentenceReading, match: PhraseMatch): boolean {
  const frame = frameOf(reading, match.start);
  const distance = (mention: { start: number; end: number }) =>
    mention.end <= match.start ? match.start - mention.end : Math.max(0, mention.start - match.end);
  const nearest = reading.mentions
    .filter(
      (mention) =>
        mention.type === 'provision' &&
        (rule.ownIds.has(mention.id) || rule.rivalIds.has(mention.id)) &&
        frameOf(reading, mention.start) === frame,
    )
    .sort((a, b) => distance(a) - distance(b))[0];
  if (nearest === undefined || !rule.rivalIds.has(nearest.id)) return false;
  // (…with no own provision in the status word's clause: "EU delays penalties and high-risk AI rules to 2027")
  const from = clauseStartOf(reading, match.start);
  const to = clauseEndOf(reading, match.end);
  return !reading.mentions.some(
    (mention) =>
      mention.type === 'provision' &&
      rule.ownIds.has(mention.id) &&
      mention.start >= from &&
      mention.end <= to,
  );
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
  /\b(?:not|no\s+longer|won['’]t)\s+(?:\w+\s+){0,2}?(?:apply|bite|take\s+effect|kick\s+in|come\s+into\s+force|enter\s+into\s+(?:force|application))\b|(?:不再|不会|不會|无法|無法|未能)[^，。；,;]{0,12}?(?:生效|适用|適用|实施|實施)/i;

/**
 * When the in-force word's part of the rule is due: the rule's schedule, or its later one when the word's
 * clause names that part ("Rules for high-risk AI embedded in regulated products apply from August 2027").
 */
function scheduleOf(rule: CompiledRule, reading: SentenceReading, relation: PhraseMatch): string | undefined {
  const later = rule.rule.value.laterSchedule;
  if (!later || !rule.laterSchedule || !reading.has(rule.laterSchedule)) return rule.rule.value.scheduled;
  const from = clauseStartOf(reading, relation.start);
  const to = clauseEnd(reading.text, relation.end);
  const named = reading.phrases(rule.laterSchedule).some((match) => match.start >= from && match.end <= to);
  return named ? later.scheduled : rule.rule.value.scheduled;
}

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
  const to = clauseEnd(text, relation.end);
  return (
    reading
      .values('year')
      // A date that begins in the clause is its own, even when its comma ends the clause ("August 2, 2028").
      .filter((date) => date.start >= from && date.start < to && date.role !== 'from')
      // (an old date told as history comes last: "the rules originally due on 2 August 2026 will apply from …")
      .sort(
        (a, b) =>
          Number(historyAt(reading, a)) - Number(historyAt(reading, b)) ||
          Math.abs(a.start - relation.start) - Math.abs(b.start - relation.start),
      )
  );
}

const historyAt = (reading: SentenceReading, date: ValueMention) =>
  reading.scopes.blockersAt(date.start).includes('history');

const CLAUSE_MARK = /[,，;；。:：]|\s(?:and|while|but)\s/;

/**
 * Where the clause from `from` ends: at the next clause mark — or past it, when what follows only bounds
 * the same date: "will apply once standards are ready, and no later than December 2027", 应在标准就绪后再实施，
 * 最迟不晚于2027年12月.
 */
function clauseEnd(text: string, from: number): number {
  // (…over a coordination before the bound: "once harmonised standards and support tools are available, and no
  // later than December 2027")
  const further = BOUND_FURTHER_ON.exec(text.slice(from));
  const rest = further ? further[1]!.length : text.slice(from).search(CLAUSE_MARK);
  if (rest < 0) return text.length;
  const mark = from + rest;
  const bound = LATEST_BOUND.exec(text.slice(mark));
  if (!bound) return mark;
  const next = text.slice(mark + bound[0].length).search(CLAUSE_MARK);
  return next < 0 ? text.length : mark + bound[0].length + next;
}

/** A latest-date bound further on in the clause (group 1: the text before its comma). */
const BOUND_FURTHER_ON = /^([^,，;；。:：]{0,80}?)[,，]\s*(?:and\s+)?(?:no|not)\s+later\s+than\b/i;

const LATEST_BOUND =
  /^(?:[,，]\s*(?:and\s+)?|\s(?:and)\s+)(?:no|not)\s+later\s+than\b|^[,，]\s*(?:at\s+the\s+latest\b|(?:最迟|最遲|最晚)(?:不晚于|不晚於|不迟于|不遲於)?|不晚于|不晚於|不迟于|不遲於)/i;

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

export function opensOwnClauseAfter(
  reading: SentenceReading,
  match: PhraseMatch,
  positions: number[],
): boolean {
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

export function relationOfSubject(
  reading: SentenceReading,
  match: PhraseMatch,
  positions: number[],
): boolean {
  if (positions.length === 0) return false;
  const at = positions.reduce((best, next) =>
    Math.abs(next - match.start) < Math.abs(best - match.start) ? next : best,
  );
  const [from, to] = at < match.start ? [at, match.start] : [match.end, at];
  // "Tesla ditches Nvidia GPUs for its Dojo supercomputer": another's thing dropped for the subject.
  const forTheSubject = at > match.start && PURPOSE_BEFORE.test(reading.text.slice(from, to));
  // "特斯拉AI5对标英伟达Thor 后者二〇二五年量产": "the latter" between the subject and the relation takes it.
  // (…unless the subject is that latter one: "AI6的性能大约是AI5的两倍，后者将于明年量产")
  const latter = at < match.start ? LATTER.exec(reading.text.slice(at, match.start)) : null;
  if (latter) {
    const pointer = at + latter.index;
    const meant = reading.mentions.findLast(
      (mention) => mention.end <= pointer && (mention.type === 'chip' || mention.type === 'product'),
    );
    // (a latter of the sentence before is the subject's reference itself: "…; the latter will enter volume production")
    if (meant !== undefined && !positions.includes(meant.start)) return false;
  }
  // "特斯拉Optimus机器人2027年量产，搭载AI5芯片": a product in the relation's own clause before it, the subject
  // only after it, is the relation's subject.
  // "特斯拉机器人搭载AI5芯片2027年量产": the subject carried by another thing, the relation after it, is that thing's.
  if (
    at < match.start &&
    (CARRIED_BY_BEFORE.test(reading.text.slice(Math.max(0, at - 6), at)) || carriedByProduct(reading, at)) &&
    !/[，,；;。]/.test(reading.text.slice(at, match.start))
  )
    return false;
  // "Optimus Gen 3 to use AI5, production slated for 2027": a product that will use the subject, then a bare
  // production after a comma — the product's. ("Optimus第三代将采用AI5芯片，预计2027年量产": the same in Chinese.)
  if (
    at < match.start &&
    ((usedByProduct(reading, at) &&
      /^[^,;，；。]*,\s*(?:with\s+)?(?:(?:the|its)\s+)?$/i.test(reading.text.slice(at, match.start))) ||
      (productBefore(reading, at, USED_BY_BEFORE_ZH, PRODUCT_TAIL_ZH) &&
        BARE_PRODUCTION_CLAUSE_ZH.test(reading.text.slice(at, match.start))))
  )
    return false;
  if (
    at > match.start &&
    reading.mentions.some(
      (mention) =>
        mention.type === 'product' &&
        !comparedWith(reading, mention, match.start) &&
        mention.end <= match.start &&
        !/[，,；;。:：]/.test(reading.text.slice(mention.end, match.start)),
    )
  )
    return false;
  return !reading.mentions.some(
    (mention) =>
      mention.start >= from &&
      mention.start < to &&
      !positions.includes(mention.start) &&
      // (not a product named only to compare with: "AI5, which he compared to Nvidia's Blackwell, will reach …")
      ((mention.type === 'product' &&
        !comparedWith(reading, mention, match.start) &&
        !inPurposeAside(reading, mention, from, to)) ||
        // (…not the subject's own owner: "volume production for Tesla's AI6")
        (forTheSubject &&
          mention.type === 'company' &&
          !/^(?:['’]s)?\s+$/.test(reading.text.slice(mention.end, at)))),
  );
}

/** A government not the rule's own, between the subject (before) and a status word after it, within their clause. */
function governmentBetween(
  rule: CompiledRule,
  reading: SentenceReading,
  match: PhraseMatch,
  positions: number[],
): boolean {
  const before = positions.filter((at) => at < match.start);
  if (before.length === 0 || before.length < positions.length) return false;
  const at = Math.max(...before);
  return reading.mentions.some(
    (mention) =>
      mention.type === 'government' &&
      !rule.ownIds.has(mention.id) &&
      mention.start > at &&
      mention.end <= match.start &&
      !/[，,；;。]/.test(reading.text.slice(at, match.start)),
  );
}

const LATTER = /后者|後者|\bthe\s+latter\b/i;

/**
 * "AI5, which will power Cybercab, enters mass production in 2026": a product named in an aside only as what the
 * subject is for is not the relation's subject. The aside lies within the span, set off by commas on both sides.
 */
function inPurposeAside(reading: SentenceReading, mention: EntityMention, from: number, to: number): boolean {
  const open = reading.text.lastIndexOf(',', mention.start);
  const close = reading.text.indexOf(',', mention.end);
  if (open < from || close < 0 || close > to) return false;
  return PURPOSE_ASIDE.test(reading.text.slice(open + 1, mention.start));
}

const PURPOSE_ASIDE =
  /^\s*(?:(?:built|designed|made|meant|destined|intended|developed)\s+for|(?:which|that)\s+(?:will\s+|is\s+to\s+|would\s+)?(?:power|run|drive|go\s+into)s?|for)\s+(?:(?:the|its|Tesla['’]s)\s+)?(?:[\w-]+\s+(?:(?:and|or)\s+)?){0,2}$/i;

/** Right before a chip, what carries it: 搭载, 配备, 内置 (a robot or car "fitted with" it). */
const CARRIED_BY_BEFORE = /(?:搭载|搭載|装载|裝載|配备|配備|内置|內置)\s*(?:特斯拉|自研)?\s*(?:的)?\s*$/;

/** "Robotaxi built around AI5 enters production next year": the subject named as what a product runs on. */
const carriedByProduct = (reading: SentenceReading, at: number) =>
  productBefore(reading, at, CARRIED_BY_BEFORE_EN);

/** "Optimus Gen 3 to use AI5", "Cybercab will run on AI5": the subject as what a product will use. */
const usedByProduct = (reading: SentenceReading, at: number) => productBefore(reading, at, USED_BY_BEFORE_EN);

/** A product named right before `link` ("built around", "to use"), which stands right before the subject at `at`. */
function productBefore(reading: SentenceReading, at: number, link: RegExp, tail = PRODUCT_TAIL): boolean {
  const linked = link.exec(reading.text.slice(Math.max(0, at - 32), at));
  if (!linked) return false;
  const linkStart = Math.max(0, at - 32) + linked.index;
  return reading.mentions.some(
    (mention) =>
      mention.type === 'product' &&
      mention.end <= linkStart &&
      // (a generation's number may follow the name: "Optimus Gen 3")
      tail.test(reading.text.slice(mention.end, linkStart).replace(/^\s*\d+/, '')),
  );
}

/** 将采用, 搭载, 配备 …: what a product will use, right before the chip. */
const USED_BY_BEFORE_ZH =
  /(?:将|將|会|會|也将|也將)?(?:采用|採用|使用|搭载|搭載|配备|配備|装载|裝載|内置|內置)(?:特斯拉|自研)?(?:的)?\s*$/;

/** Between a product's name and what it uses: 第三代, 机器人, 新款 … */
const PRODUCT_TAIL_ZH =
  /^\s*(?:第[一二三四五六七八九十\d]+代|新一代|新款|人形|机器人|機器人|车型|車型|卡车|卡車|\s)*$/;

/** From the chip to a production told after a comma with no subject of its own: "芯片，预计2027年". */
const BARE_PRODUCTION_CLAUSE_ZH =
  /^[^,;，；。]*[，,]\s*(?:预计|預計|计划|計劃|有望|将|將|并|並)?\s*(?:于|於|在)?\s*(?:\d{4}\s*年|明年|今年|后年|後年)?(?:[上下]半年|底|初)?\s*(?:开始|開始|实现|實現|正式|投入)?$/;

/** What may stand between a product's name and what it runs on: "Robotaxi fleet", "Optimus V3", "Model Y refresh". */
const PRODUCT_TAIL =
  /^\s*(?:(?:fleets?|trucks?|robots?|humanoids?|vehicles?|cars?|units?|prototypes?|V\d+|Gen\s*\d+|versions?|refresh(?:es)?|updates?|editions?|variants?|line-?ups?|models?)\s+){0,2}$/i;

const USED_BY_BEFORE_EN =
  /\b(?:to|will|would|set\s+to|is\s+set\s+to)\s+(?:use|run\s+on|carry|adopt|feature|get)\s+(?:Tesla['’]s\s+|the\s+|its\s+)?$/i;

const CARRIED_BY_BEFORE_EN =
  /\b(?:built\s+(?:around|on)|powered\s+by|running\s+on|runs\s+on|based\s+on|equipped\s+with|fitted\s+with|using|with)\s+(?:Tesla['’]s\s+|the\s+|its\s+|an?\s+)?$/i;

const PURPOSE_BEFORE = /\b(?:for|in\s+favou?r\s+of)\s+(?:(?:its|the|their|[\w-]+['’]s)\s+)?$/i;

const covers = (outer: PhraseMatch, inner: PhraseMatch) =>
  outer.start <= inner.start && outer.end >= inner.end;
