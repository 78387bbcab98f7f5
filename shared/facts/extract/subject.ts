/**
 * Whose statement it is (layer 6, item-level reference): the fact's subject named in the sentence, carried from
 * the title or the sentence before ("the chip", 该芯片, a dropped subject), or taken by another of its kind.
 */
import { type EntityMention, isSiteOrPlace } from '../entities.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRule } from '../rules.ts';
import { clauseMarkBetween } from './frames.ts';
import { type SentenceReading, TIMES_OF_AFTER } from './reading.ts';
import type { SubjectHere } from './statement.ts';

export function subjectIn(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
): SubjectHere | undefined {
  const identified = partyIdentifiedLater(rule, reading, item);
  if (identified) return identified;
  const direct = rule.rule.subject.find((group) => group.every((id) => reading.ids.has(id)));
  if (direct && movedSharesReferredToARival(rule, reading, item, direct)) return undefined;
  if (direct && sharesOfAnotherPartner(rule, reading, direct)) return undefined;
  // ("Colorado delays its AI Act again // … the state's law governing high-risk AI systems": named or carried)
  if (reading.index > 0 && rivalLegislaturesItem(rule, reading, item[0]!)) return undefined;
  if (direct && rivalLegislaturesOwnLaw(rule, reading, direct)) return undefined;
  if (direct && rivalLawsSentence(rule, reading, direct)) return undefined;
  if (direct) {
    const named = reading.mentions.filter((mention) => direct.includes(mention.id));
    // "The investment … is separate from the Taylor budget": a subject named only as what the value is not.
    // (a subject of one name, not described by an apposition after it: "separate from Stargate, the $500
    // billion venture …"; nor one party of two: "the deal, separate from Samsung's electricity agreement")
    // (…nor of two, unless an affiliate opens the sentence as the party: "Samsung SDI will supply … under a contract
    // that runs to 2030, a separate agreement from Samsung Electronics' chip deal with the carmaker")
    // (与…无关 wraps the name it excludes, whatever the subject's size: "与为特斯拉准备的泰勒产线无关")
    // (…but a place is excluded from a subject of any size: "will invest $40 billion at its Pyeongtaek campus, separate
    // from its Texas project")
    const excluded = [
      ...(reading.once('excludedWord', () => EXCLUDED_WORD.test(reading.text))
        ? named.filter(
            (mention) =>
              (direct.length === 1 || affiliateOpens(reading) || isSiteOrPlace(mention)) &&
              EXCLUDED_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
              !/^\s*,/.test(reading.text.slice(mention.end)),
          )
        : []),
      ...(/无关|無關/.test(reading.text)
        ? named.filter((mention) => insideUnrelatedZh(reading.text, mention))
        : []),
    ];
    // "is Samsung's second marquee US foundry win after Tesla": a name counted before this one is not its party.
    const kept = named.filter(
      (mention) =>
        !excluded.includes(mention) &&
        !countedFrom(reading, mention) &&
        !roleOfAnother(reading, mention) &&
        !(
          MODEL_OF_ANOTHER_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
          // (…unless a relative clause says something of it: "unlike the EU AI Act, whose high-risk rules apply from …")
          !/^\s*,?\s*(?:whose|which)\b/i.test(reading.text.slice(mention.end, mention.end + 10))
        ),
    );
    if (direct.some((id) => !kept.some((mention) => mention.id === id))) return undefined;
    return { positions: kept.map((mention) => mention.start), carried: false, throughSentenceBefore: false };
  }
  if (reading.index === 0) return undefined;
  const previous = item[reading.index - 1]!;
  const anaphor =
    (rule.anaphora ? reading.phrases(rule.anaphora)[0] : undefined) ??
    referenceThroughSentenceBefore(rule, reading, previous, item);
  // The subject named just before (the sentence before, else the title) carries into this one
  // when this sentence names part of it or refers back to it: "the chip", "the Texas plant", 该芯片.
  // (…or the one before that, for a dropped subject carried through a reference opening the sentence before:
  // "AI6已完成设计定案。该芯片将由三星代工。预计2028年实现量产" — not a pronoun: "Its shares rose" is the nearer company's)
  if (anaphor && headlineOfAnothersNews(rule, reading, item[0]!)) return undefined;
  const dropped = anaphor?.name === PRONOUN && anaphor.end === 0;
  const twoBefore = dropped && reading.index >= 2 ? [item[reading.index - 2]!] : [];
  for (const earlier of new Set([previous, item[0]!, ...twoBefore])) {
    const named = rule.rule.subject.filter((ids) =>
      ids.every(
        (id) =>
          (earlier.ids.has(id) && !onlyCountedFrom(earlier, id) && !onlyRoleOfAnother(earlier, id)) ||
          (reading.ids.has(id) && !onlyCountedFrom(reading, id)),
      ),
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
        !COMPARED_OR_AS.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)) &&
        !TIMES_OF_AFTER.test(reading.text.slice(mention.end, mention.end + 12)) &&
        // "The stock had gained 4% … after the company confirmed its chip deal with Samsung": a
        // partner of a share move's subject is not another subject.
        !(rule.rule.ownerAt && anaphor && namedAsPartner(reading, mention.start)),
    );
    if (sameKindNamed || (!anaphor && !partial)) return undefined;
    // "Colorado delays its AI Act // Colorado lawmakers voted to push back … high-risk AI systems": a rival
    // legislature or law that is this sentence's topic speaks of its own.
    const topic = reading.once('topic', () => topicOf(reading));
    if (topic && rule.rivalIds.has(topic.id) && (topic.type === 'government' || topic.type === 'law'))
      return undefined;
    // "三星泰勒廠延後 SK海力士印第安納廠照常 // SK海力士表示，該廠將如期在2028年投產": a rival company that is the sentence's
    // topic has "the plant" stand for its own.
    if (
      anaphor &&
      anaphor.name !== PRONOUN &&
      topic &&
      topic.start < anaphor.start &&
      rule.rivalIds.has(topic.id) &&
      (topic.type === 'company' || topic.type === 'affiliate')
    )
      return undefined;
    if (anaphor && referenceTakenByAnother(rule, reading, anaphor, earlier, previous, group, partial))
      return undefined;
    // Every reference word of the rule stands for the subject ("the companies … their $500 billion goal").
    const references = rule.anaphora ? reading.phrases(rule.anaphora).map((match) => match.start) : [];
    const positions = anaphor
      ? [...new Set([anaphor.start, ...references])]
      : reading.mentions.filter((mention) => group.includes(mention.id)).map((mention) => mention.start);
    return {
      positions: positions.length ? positions : [0],
      carried: true,
      // A pronoun takes the context of the topic it stands for; the rule's own reference words ("these rules",
      // 这些规定) that of the sentence before they refer to, when the context qualifies the subject itself (a rule
      // whose context may be in the title: "欧盟就《人工智能法》高风险规定达成协议。这些规定将推迟16个月实施") — not
      // "the deal … represents 7.6% of Samsung's revenue", whose context must be its own.
      throughSentenceBefore:
        anaphor !== undefined &&
        (anaphor.name === PRONOUN
          ? contextTravels(rule, reading, previous)
          : earlier === previous && rule.rule.contextInTitle === true),
    };
  }
  return undefined;
}

/**
 * "Colorado pushes back its high-risk AI law to June 2026 // Lawmakers voted … to delay the AI Act's obligations": in an
 * item whose title is a rival legislature's news, a law named bare in the lede is that legislature's — unless the
 * lede or the title names the subject's own government.
 */
const OWN_LAW_AFTER =
  /^(?:['’]s\s+|\s+(?:[\w-]+\s+){0,2}?its\s+(?:own\s+)?)(?:[\w-]+\s+){0,3}?(?:law|act|bill|rules)\b|^\s+(?:[\w-]+\s+){0,2}?(?:AI|artificial\s+intelligence)\s+(?:law|act|bill)\b|^\s+(?:[\w-]+\s+){0,3}?state\s+(?:AI|artificial\s+intelligence)\s+(?:law|act|bill)\b|^[的州]?\s*(?:《[^》]{0,12}》|(?:AI|人工智能|人工智慧)法)/i;

function rivalLegislaturesItem(
  rule: CompiledRule,
  reading: SentenceReading,
  title: SentenceReading,
): boolean {
  const topic = rivalGovernmentTopic(rule, title);
  if (!topic) return false;
  // (a law of the legislature's own in the title: "Colorado pushes back its high-risk AI law", "Colorado lawmakers delay
  // state AI Act", 科罗拉多州AI法 — not "UK firms brace for AI Act deadlines", "Congress weighs AI preemption as Europe
  // delays its own rules")
  if (!OWN_LAW_AFTER.test(title.text.slice(topic.end, topic.end + 60))) return false;
  const ownGovernment = (sentence: SentenceReading) =>
    sentence.mentions.some((mention) => mention.type === 'government' && rule.ownIds.has(mention.id));
  return !ownGovernment(reading) && !ownGovernment(title);
}

/** The sentence's topic when it is a rival government ("Colorado", "the UK"). */
function rivalGovernmentTopic(rule: CompiledRule, reading: SentenceReading): EntityMention | undefined {
  const topic = reading.once('topic', () => topicOf(reading));
  return topic?.type === 'government' && rule.rivalIds.has(topic.id) ? topic : undefined;
}

/**
 * "Colorado's legislature voted to push back the start of its AI Act, which regulates high-risk AI systems": a law
 * named as "its" own after a rival legislature that is the sentence's topic is that legislature's — unless the
 * subject's own government stands between ("UK stays put as EU delays its AI Act").
 */
function rivalLegislaturesOwnLaw(
  rule: CompiledRule,
  reading: SentenceReading,
  direct: readonly string[],
): boolean {
  const topic = rivalGovernmentTopic(rule, reading);
  if (!topic) return false;
  const laws = reading.mentions.filter((mention) => mention.type === 'law' && direct.includes(mention.id));
  // (not when the subject's own government stands between, whose "its" it is: "UK stays put as EU delays its AI Act" —
  // but "Colorado lawmakers postponed its AI Act …, while the EU keeps its high-risk timeline")
  const ownGovernmentBetween = (law: { start: number }) =>
    reading.mentions.some(
      (mention) =>
        mention.type === 'government' &&
        rule.ownIds.has(mention.id) &&
        mention.start > topic.end &&
        mention.end <= law.start,
    );
  return (
    laws.length > 0 &&
    laws.every(
      (law) =>
        law.start > topic.end &&
        !ownGovernmentBetween(law) &&
        /\b(?:its|their|the\s+state['’]s)\s+(?:own\s+)?$/i.test(
          reading.text.slice(Math.max(0, law.start - 24), law.start),
        ),
    )
  );
}

/**
 * "South Korea's AI Basic Act took effect …, the second after the European Union …, though high-risk rules come with a
 * one-year grace period": a sentence whose topic is a rival law speaks of that law's rules — unless it names the
 * subject's own law, or the law is the subject's own government's.
 */
function rivalLawsSentence(rule: CompiledRule, reading: SentenceReading, direct: readonly string[]): boolean {
  const topic = reading.once('topic', () => topicOf(reading));
  return (
    topic?.type === 'law' &&
    rule.rivalIds.has(topic.id) &&
    !reading.mentions.some((mention) => mention.type === 'law' && direct.includes(mention.id)) &&
    // (not a law of the subject's own government: "欧盟数据法案义务后延，高风险AI规则仍将于2026年8月2日适用")
    !reading.mentions.some((mention) => mention.end <= topic.start && rule.ownIds.has(mention.id)) &&
    // (nor when the subject's own government is named in the clause of the rules: "…, months before the EU's high-risk
    // AI rules apply", "while Brussels has delayed its high-risk AI rules", 欧盟高风险AI规则则推迟)
    !ownGovernmentWithItsRules(rule, reading, direct)
  );
}

/** The subject's own government, then the rest of the subject group in its clause (the EU, then its high-risk rules). */
function ownGovernmentWithItsRules(
  rule: CompiledRule,
  reading: SentenceReading,
  direct: readonly string[],
): boolean {
  return reading.mentions.some(
    (government) =>
      government.type === 'government' &&
      direct.includes(government.id) &&
      reading.mentions.some(
        (other) =>
          other.id !== government.id &&
          direct.includes(other.id) &&
          other.start >= government.end &&
          !clauseMarkBetween(reading, government.end, other.start),
      ),
  );
}

/**
 * "Apple taps Samsung's Austin fab for image sensors // … Shares of the chipmaker rose 2% in Seoul": a share move
 * told by reference, with no cause of its own, in an item whose headline is another company's news, is that news's.
 */
function headlineOfAnothersNews(
  rule: CompiledRule,
  reading: SentenceReading,
  title: SentenceReading,
): boolean {
  if (!rule.rule.ownerAt || reading === title || (rule.context && reading.phrases(rule.context).length > 0))
    return false;
  const topic = title.once('topic', () => topicOf(title));
  return (
    topic !== undefined &&
    topic.type === 'company' &&
    !rule.ownIds.has(topic.id) &&
    !rule.rivalIds.has(topic.id)
  );
}

/**
 * "Samsung … has secured a 22.8 trillion-won ($16.4 billion) contract … // … declined to name the customer … Musk
 * identified the buyer: Tesla", "…without disclosing the partner, which is now confirmed to be Tesla", 从一家全球企业承揽下…
 * 订单，如今马斯克亲自宣布这家企业就是特斯拉: a party of two left unnamed, identified in this sentence or one of the next
 * two, completes the subject of the sentence that names the other — when it names no other of its kind.
 */
function partyIdentifiedLater(
  rule: CompiledRule,
  reading: SentenceReading,
  item: SentenceReading[],
): SubjectHere | undefined {
  for (const group of rule.rule.subject) {
    if (group.length !== 2) continue;
    // (…a party named here only as the one identified counts as left unnamed: "…without disclosing the partner,
    // which is now confirmed to be Tesla")
    const present = group.filter(
      (id) =>
        reading.ids.has(id) &&
        !reading.mentions.every((mention) => mention.id !== id || identifiedAt(reading, mention)),
    );
    if (present.length !== 1) continue;
    const missing = group.find((id) => id !== present[0])!;
    const named = reading.mentions.filter((mention) => mention.id === present[0]);
    // (its kind from the sentences that may identify it, not every mention of the item: read for each sentence,
    // that cost grew with sentences × mentions — a hostile-content review)
    const window = item.slice(reading.index, reading.index + 3);
    const kind = window
      .flatMap((sentence) => sentence.mentions)
      .find((mention) => mention.id === missing)?.type;
    if (!kind || reading.mentions.some((mention) => mention.type === kind && !group.includes(mention.id)))
      continue;
    // (…in a sentence naming no third party of its kind: "SK hynix said it was Tesla who had signed a memory deal with it")
    const identifies = window.some(
      (sentence) =>
        !sentence.mentions.some((mention) => mention.type === kind && !group.includes(mention.id)) &&
        sentence.mentions.some((mention) => mention.id === missing && identifiedAt(sentence, mention)),
    );
    if (identifies)
      return {
        positions: named.map((mention) => mention.start),
        carried: false,
        throughSentenceBefore: false,
      };
  }
  return undefined;
}

/** Whether a name is told as the party left unnamed before ("Musk identified the buyer: Tesla") — and not denied. */
function identifiedAt(reading: SentenceReading, mention: EntityMention): boolean {
  const before = reading.text.slice(Math.max(0, mention.start - 60), mention.start);
  // "Musk denied that the buyer was Tesla", 马斯克否认这家企业是特斯拉: an identification denied.
  if (/\b(?:den(?:y|ies|ied|ying)|not|never)\b|否认|否認|并非|並非|不是/i.test(before)) return false;
  // "it was Tesla who had signed the deal" (not "It is Samsung's second big US customer win").
  if (/\bit\s+(?:was|is)\s+$/i.test(before))
    return /^\s+(?:who|that|which)\b/i.test(reading.text.slice(mention.end, mention.end + 8));
  return IDENTIFIED_BEFORE.test(before);
}

/** Right before a name told as the party left unnamed: "identified the buyer:", "which is now confirmed to be", 这家企业就是. */
const IDENTIFIED_BEFORE =
  /\b(?:identified|named|revealed|confirmed|disclosed)\s+(?:the\s+)?(?:buyer|customer|client|partner|counterparty)(?:\s+as)?\s*[:,—-]?\s*$|\bthe\s+(?:buyer|customer|client|partner|counterparty)\s+(?:is|was)\s+(?:(?:now\s+)?(?:confirmed|revealed|identified|known)\s+(?:to\s+be|as)\s+)?$|\b(?:which|who)\s+(?:is|was)\s+(?:now\s+)?(?:confirmed|revealed|identified|known)\s+(?:to\s+be|as)\s+$|(?:这家|這家|该|該)(?:企业|企業|公司|客户|客戶)(?:就是|正是|即为|即為|为|為|是)\s*$/i;

/** "Oracle, a Stargate partner, …": a name used for another's role in it, not as a subject of its own. */
/** "Samsung SDI, a Samsung Electronics affiliate, has signed…": every mention of the id names another's role. */
const onlyRoleOfAnother = (reading: SentenceReading, id: string) =>
  reading.mentions.every((mention) => mention.id !== id || roleOfAnother(reading, mention));

function roleOfAnother(reading: SentenceReading, mention: EntityMention): boolean {
  return (
    /\b(?:a|an|another|one)\s+$/i.test(reading.text.slice(Math.max(0, mention.start - 10), mention.start)) &&
    /^\s+(?:partners?|members?|backers?|suppliers?|investors?|co-investors?|participants?|tenants?|affiliates?|subsidiar(?:y|ies)|units?|sister\s+compan(?:y|ies))\b/i.test(
      reading.text.slice(mention.end, mention.end + 16),
    )
  );
}

/** "Colorado's AI law, modelled on the high-risk AI Act rules, …", "unlike the AI Act": what another is compared with. */
const MODEL_OF_ANOTHER_BEFORE =
  /\b(?:unlike|modell?ed\s+(?:on|after)|based\s+on|inspired\s+by|patterned\s+(?:on|after)|similar\s+to)\s+(?:the\s+|its\s+)?$/i;

/** "separate from", "not part of": what a value is said not to be (EXCLUDED_BEFORE: right before a subject's name). */
const EXCLUDED_WORD =
  /\b(?:separate|distinct|apart)\s+(?:(?:agreement|deal|contract|order|project|investment)\s+)?from\b|\bunrelated\s+to\b|\bnot\s+part\s+of\b/i;

/** "与为特斯拉准备的泰勒产线无关": a name inside 与…无关 is what the rest is said to have nothing to do with. */
function insideUnrelatedZh(text: string, mention: { start: number; end: number }): boolean {
  for (const span of text.matchAll(UNRELATED_ZH))
    if (mention.start >= span.index && mention.end <= span.index + span[0].length) return true;
  return false;
}

const UNRELATED_ZH = /[与與和跟][^，。；,;与與]{0,24}?(?:无关|無關)/g;
const EXCLUDED_BEFORE =
  /\b(?:(?:separate|distinct|apart)\s+(?:(?:agreement|deal|contract|order|project|investment)\s+)?from|unrelated\s+to|not\s+part\s+of)\s+(?:the\s+|its\s+|their\s+|[A-Z][\w-]*['’]s\s+)?$/i;

/** An affiliate as a party of its own: opening its sentence, or "signed/won/awarded by" it — not "built by", "while", "lifting". */
const AFFILIATE_AS_PARTY =
  /^\s*(?:[^，,。]{0,6}[，,]\s*)?$|\b(?:signed|agreed|won|awarded|landed|inked|announced)\s+by\s+$/i;

/** Right before a name: "second … win after", the one an ordinal counting customers or deals counts from. */
const ORDINAL_AFTER =
  /\b(?:second|third|fourth|fifth|next|another)\s+(?:[\w-]+\s+){0,3}?(?:wins?|customers?|clients?|orders?|deals?|contracts?)\b[^,.;]{0,30}\bafter\s+$/i;

/** Every mention of the entity is one an ordinal counts from ("its third big US foundry win after Tesla"). */
function onlyCountedFrom(reading: SentenceReading, id: string): boolean {
  const mentions = reading.mentions.filter((mention) => mention.id === id);
  return mentions.length > 0 && mentions.every((mention) => countedFrom(reading, mention));
}

/** Whether an ordinal counts from this mention (tried only in sentences with "after": most have none). */
function countedFrom(reading: SentenceReading, mention: EntityMention): boolean {
  return (
    reading.once('hasAfter', () => /\bafter\b/i.test(reading.text)) &&
    ORDINAL_AFTER.test(reading.text.slice(Math.max(0, mention.start - 60), mention.start))
  );
}

function affiliateOpens(reading: SentenceReading): boolean {
  return reading.mentions.some(
    (mention) =>
      mention.type === 'affiliate' && AFFILIATE_AS_PARTY.test(reading.text.slice(0, mention.start)),
  );
}

/** A sentence opening with a pronoun's shares: "Its shares had risen", "The company's stock" ("The shares" may be either party's). */
const SHARES_REFERENCE_OPENING = /^\s*(?:its|the\s+company['’]s|the)\s+(?:shares|stock)\b/i;

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
      DEAL_AFTER.test(reading.text.slice(mention.end, mention.end + 16)) ||
      // ("The stock had climbed 4% on July 28 after Tesla and Samsung announced their chip deal": a party of the cause)
      CAUSE_CLAUSE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)),
  );
  if (!onlyPartner || !SHARES_REFERENCE_OPENING.test(reading.text)) return false;
  const previous = item[reading.index - 1]!;
  const topic = previous.once('topic', () => topicOf(previous));
  return topic !== undefined && rule.rivalIds.has(topic.id);
}

/** A cause or time clause opened before a name, the name one of its subjects: "after Tesla and ", "when Samsung ". */
const CAUSE_CLAUSE_BEFORE = /\b(?:after|when|following)\s+(?:[A-Z][\w.&’'-]*\s+(?:and|&)\s+)?$/;

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
    // "而英伟达下一代Rubin GPU已在台积电投片，该芯片采用3nm工艺": another of the kind named in this sentence, before
    // the reference word (and after the subject's own name, if named here too), is the nearer one.
    anotherOfTheKindBefore(rule, reading, anaphor, group) ||
    // "在三星泰勒廠進度備受關注之際，SK海力士宣布其…封裝廠正式動工。該廠…": another of the kind
    // named after the subject in the sentence referred to is the nearer one.
    laterOfTheKind(earlier, group, rule) ||
    // "Apple signs Samsung for image sensors … The contract runs through 2030": a reference to a
    // deal of the subject's with someone else.
    anotherPartnerNamed(earlier, group, rule) ||
    // "Tesla-Samsung deal spurs rivals // Hyundai Motor signed its own chip deal with Samsung. The
    // carmaker's contract runs through 2030": another of the kind, named in between, is the one meant.
    (earlier !== previous && namesAnotherOfTheKind(previous, earlier, group, rule)) ||
    // "AI6 … 能效为AI5的三倍。该芯片…": "the chip" is the first chip named before, not every chip — but a word
    // that describes the subject alone is its own wherever it was named ("Tesla signed a deal with Samsung. The
    // chipmaker's shares rose 6.8%").
    (!partial &&
      !firstOfItsKind(earlier, group) &&
      !describesSubjectAlone(rule, reading, anaphor, earlier, group))
  );
}

/**
 * A reference word of the rule's that no rule about a rival uses ("the chipmaker", not "the company") — unless
 * another company is named before it here ("Intel, the chipmaker that lost out, …"), or another company, or a name
 * the story does not know, follows the subject's in the sentence referred to ("a chip deal with Samsung and a
 * battery deal with LG Energy Solution. The Korean firm's shares …": it may be that one's).
 */
function describesSubjectAlone(
  rule: CompiledRule,
  reading: SentenceReading,
  anaphor: PhraseMatch,
  earlier: SentenceReading,
  group: readonly string[],
): boolean {
  if (!rule.rivalAnaphora || anaphor.name !== rule.anaphora) return false;
  const shared = rule.sharedAnaphora ? reading.phrases(rule.sharedAnaphora) : [];
  if (shared.some((match) => match.start === anaphor.start && match.end === anaphor.end)) return false;
  if (
    reading.mentions.some(
      (mention) => mention.type === 'company' && mention.start < anaphor.start && !group.includes(mention.id),
    )
  )
    return false;
  const last = earlier.mentions.filter((mention) => group.includes(mention.id)).at(-1);
  return (
    last !== undefined &&
    !earlier.mentions.some(
      (mention) =>
        mention.type === 'company' &&
        mention.start > last.start &&
        !group.includes(mention.id) &&
        !SPEAKER_AFTER.test(earlier.text.slice(mention.end, mention.end + 16)),
    ) &&
    !unknownLatinName(earlier, last.end, false)
  );
}

const SPEAKER_AFTER = /^\s+(?:said|says|reported|reports|estimated|estimates|data|figures)\b/i;

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
  item: SentenceReading[],
): PhraseMatch | undefined {
  const beforePrevious = item[reading.index - 2];
  const pronoun = reading.once(
    'pronoun',
    () =>
      openingPronoun(reading.text) ??
      madeThingPronoun(reading.text) ??
      pronounAfterLeadClause(reading) ??
      movedSharesPronoun(reading.text),
  );
  const topic = previous.once('topic', () => topicOf(previous));
  if (
    pronoun &&
    PLURAL_PRONOUN.test(reading.text.slice(pronoun.start, pronoun.end)) &&
    !pluralReference(reading, previous)
  )
    return undefined;
  if (!pronoun)
    return droppedSubjectFor(
      rule,
      reading,
      previous,
      topic,
      carriedThrough(rule, previous, beforePrevious) || lastChipsOwn(rule, reading, item),
    )
      ? { name: PRONOUN, start: 0, end: 0 }
      : undefined;
  const referred = rule.anaphora ? previous.phrases(rule.anaphora)[0] : undefined;
  const ownFirst =
    (referred !== undefined
      ? topic === undefined || referred.start < topic.start || rule.ownIds.has(topic.id)
      : ownTopic(rule, topic)) ||
    madeThingOwnChip(rule, reading, previous, pronoun) ||
    thingTheVerbTakes(rule, reading, previous, pronoun);
  return ownFirst ? { name: PRONOUN, start: pronoun.start, end: pronoun.end } : undefined;
}

const THINGS_MADE = new Set(['chip', 'product', 'programme']);

/**
 * "Tesla will get a small batch of AI5 samples … Both TSMC and Samsung are preparing to build it": what a making
 * makes ("build it") is a chip — the one chip the sentence before named, when it is the rule's own and that sentence
 * makes nothing else — not its topic, a company.
 */
function madeThingOwnChip(
  rule: CompiledRule,
  reading: SentenceReading,
  previous: SentenceReading,
  pronoun: { start: number; end: number },
): boolean {
  const made = madeThingPronoun(reading.text);
  if (made === undefined || made.start !== pronoun.start) return false;
  const chips = new Set(previous.chips.map((chip) => chip.id));
  return (
    chips.size === 1 &&
    rule.ownIds.has([...chips][0]!) &&
    madeNothingElse(previous, new Set()) &&
    // (nor another thing that is made: "Tesla's Optimus robot will use the AI5 chip", "AI6 and a Dojo 3 chip")
    previous.mentions.every((mention) => !THINGS_MADE.has(mention.type) || rule.ownIds.has(mention.id))
  );
}

/**
 * "Tesla showed its AI5 chip on Tuesday. It will be made by both TSMC and Samsung", "Musk revived Dojo in January. Now
 * it's dead": "it" with a verb only a chip or a programme takes (made by, enters volume production; disbanded, dead)
 * stands for the one such thing the sentence before named — when it is the rule's own — not for that sentence's topic.
 */
function thingTheVerbTakes(
  rule: CompiledRule,
  reading: SentenceReading,
  previous: SentenceReading,
  pronoun: { start: number; end: number },
): boolean {
  if (!/^it$/i.test(reading.text.slice(pronoun.start, pronoun.end))) return false;
  const after = reading.text.slice(pronoun.end, pronoun.end + 60);
  const kind = CHIP_VERB_AFTER_IT.test(after)
    ? 'chip'
    : PROGRAMME_VERB_AFTER_IT.test(after)
      ? 'programme'
      : undefined;
  if (kind === undefined) return false;
  const things = new Set(
    previous.mentions.filter((mention) => mention.type === kind).map((mention) => mention.id),
  );
  return (
    things.size === 1 &&
    rule.ownIds.has([...things][0]!) &&
    previous.mentions.every((mention) => !THINGS_MADE.has(mention.type) || things.has(mention.id))
  );
}

const CHIP_VERB_AFTER_IT =
  /^\s+(?:(?:will|would|is\s+(?:set|slated|expected|due|scheduled)\s+to)\s+)?(?:be\s+|is\s+|was\s+)?(?:made|built|produced|manufactured|fabbed|fabricated)\s+(?:by|at|on)\b|^\s+(?:(?:will|would|is\s+(?:set|slated|expected|due|scheduled)\s+to)\s+)?(?:enters?|reach(?:es)?|goes|go|begins?|starts?)\s+(?:into\s+)?(?:volume|mass)\s+production\b/i;

const PROGRAMME_VERB_AFTER_IT =
  /^(?:['’]s|\s+(?:is|was|has\s+(?:since\s+)?been|had\s+been|will\s+be))\s+(?:now\s+)?(?:dead|disbanded|shut\s+down|shelved|scrapped|cancell?ed|wound\s+down|revived|restarted|back)\b/i;

/**
 * The sentence before's context words are the pronoun's too only when that sentence opens with its topic and names
 * none of the rule's rivals, and this one is no list told "respectively": not "The harmonised standards for
 * high-risk AI were meant … They are now delayed", "Japan's new AI law, unlike the EU AI Act with its high-risk tiers, …", 关于高风险分类的指南 (guidelines, a rival).
 */
function contextTravels(rule: CompiledRule, reading: SentenceReading, previous: SentenceReading): boolean {
  const topic = previous.once('topic', () => topicOf(previous));
  // (…or opens with a name of the subject's whose possession the topic is: "The AI Act's high-risk provisions")
  const first = previous.mentions[0];
  // (…or with the rule's reference word: "The law's high-risk provisions")
  const openingReference = rule.anaphora
    ? previous
        .phrases(rule.anaphora)
        .find((match) => /^[\s"“'‘「]*$/.test(previous.text.slice(0, match.start)))
    : undefined;
  const opensWith = (mention: EntityMention | undefined) =>
    mention !== undefined &&
    (/^[\s"“'‘「]*(?:(?:the|a|an)\s+)?$/i.test(previous.text.slice(0, mention.start)) ||
      (openingReference !== undefined &&
        /^(?:['’]s)?\s+$/.test(previous.text.slice(openingReference.end, mention.start))));
  return (
    !RESPECTIVELY.test(reading.text) &&
    topic !== undefined &&
    (opensWith(topic) ||
      (first !== undefined && rule.ownIds.has(first.id) && rule.ownIds.has(topic.id) && opensWith(first))) &&
    !previous.mentions.some((mention) => rule.rivalIds.has(mention.id))
  );
}

/**
 * "They"/"Their" stand for the topic of the sentence before — not for the people it opens with ("MEPs pressed
 * the Commission … They said a delay would reward lobbying", "Analysts at KB raised their targets. They see the
 * stock rising 10%"), nor for a list told "respectively", whose values go one to each name.
 */
function pluralReference(reading: SentenceReading, previous: SentenceReading): boolean {
  return !PEOPLE_OPENING.test(previous.text) && !RESPECTIVELY.test(reading.text);
}

/** The people a sentence may open with; case written out, as a capitalised word before them is a name or a possessive ("Korea's", "Samsung Electronics'"). */
const PEOPLE_WORDS = String.raw`[Rr]etail\s+investors|[Ss]hort\s+sellers|[Ff]und\s+managers|[Mm]ember\s+states|[Ss]hareholders|[Gg]overnments|[Cc]ampaigners|[Ll]egislators|[Ss]trategists|[Rr]egulators|[Ee]xecutives|[Ee]conomists|[Bb]rokerages|[Cc]ustomers|[Ii]nvestors|[Cc]ountries|[Mm]inisters|[Ll]awmakers|[Cc]onsumers|[Ss]uppliers|[Oo]fficials|[Mm]anagers|[Aa]nalysts|[Tt]raders|[Ss]ellers|[Bb]rokers|[Cc]ritics|[Ee]xperts|[Vv]oters|[Ss]tates|[Rr]ivals|[Bb]uyers|[Pp]eople|[Pp]eers|[Bb]anks|[Ff]unds|[Aa]nts|MEPs`;
const PEOPLE_OPENING = new RegExp(
  String.raw`^[\s"“'‘]*(?:(?:[Tt]he|[Ss]ome|[Ss]everal|[Mm]any|[Mm]ost|[Oo]ther|[Ff]oreign|[Ii]nstitutional|[Rr]etail|[Ll]ocal|[Oo]verseas|[Gg]lobal|[Kk]orean|[Ee]uropean|[Cc]hinese|[Ee]U|U\.?S\.?|[A-Z][\w.&-]*(?:['’]s?)?)\s+){0,4}(?:[a-z][\w-]*\s+)?['‘"“]?(?:${PEOPLE_WORDS})\b`,
);

const PLURAL_PRONOUN = /^(?:they|their|the\s+(?:(?:two|three|four)\s+)?(?:companies|partners|firms))\b/i;

const RESPECTIVELY = /\brespectively\b|分别|分別/i;

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
  // A lower-case "it" or "they" only after a lead ("Musk now says it", "On Thursday they").
  if ((word[0] === 'i' || word[0] === 't') && !/\S/.test(lead)) return undefined;
  const start = opening.index + lead.length;
  return { start, end: start + word.length };
}

/**
 * "Under a deal struck by EU negotiators on Thursday, they will now apply from December 2027" (its comma may be left
 * out: "Under the amended timetable they now apply"): the pronoun opening the main clause after a lead clause — when
 * the lead names no company, chip, programme or site it could stand for.
 */
function pronounAfterLeadClause(reading: SentenceReading): { start: number; end: number } | undefined {
  const lead = LEAD_CLAUSE_PRONOUN.exec(reading.text);
  if (!lead) return undefined;
  const start = lead[0].length - lead[1]!.length;
  if (reading.mentions.some((mention) => mention.start < start && LEAD_OWNER_TYPES.has(mention.type)))
    return undefined;
  return { start, end: lead[0].length };
}

const LEAD_CLAUSE_PRONOUN =
  /^\s*(?:Under|After|Following|Since|Once|With|As\s+of)\s+[^,.;]{1,60}?,?\s+(they|it|its|their)\b/i;

const LEAD_OWNER_TYPES = new Set(['company', 'chip', 'programme', 'site', 'affiliate']);

/**
 * "He said Samsung would produce it on its 2-nanometer process": "it" as what a making makes is the thing the
 * sentence before spoke of (its topic, checked by the caller) — not "make it to", "build it out", nor a clause's
 * own subject after it ("make it clear", "produce it would").
 */
function madeThingPronoun(text: string): { start: number; end: number } | undefined {
  const made = MADE_IT.exec(text);
  // ("The plant that will make it", "the fab to build it": the making's subject is a place, not a maker)
  // (…but a verb's own "to" is no place's: "are preparing to build it", "plans to make it")
  // (…but a name's is its own: "Samsung, which will make it, expects …")
  if (
    !made ||
    (/\b(?:that|which)\s+(?:(?:will|would|can|could)\s+)?$/i.test(text.slice(0, made.index)) &&
      !/\b[A-Z][\w&.-]*,\s+which\s+(?:will\s+|is\s+to\s+|is\s+set\s+to\s+)?$/.test(
        text.slice(0, made.index),
      )) ||
    (/\bto\s+$/i.test(text.slice(0, made.index)) &&
      !/\b(?:preparing|prepared|prepares|prepare|plans?|planned|planning|aims?|aimed|aiming|expects?|expected|set|ready|readying|agreed|agrees|going|want|wants|wanted|hopes?|hoped|intends?|intended)\s+to\s+$/i.test(
        text.slice(0, made.index),
      ))
  )
    return undefined;
  const start = made.index + made[0].length - 2;
  return { start, end: start + 2 };
}

/**
 * "The news sent its shares up 6.8%", "The contract sent the stock 7% higher": whose shares a cause moved is what the
 * sentence before spoke of (its topic, checked by the caller).
 */
function movedSharesPronoun(text: string): { start: number; end: number } | undefined {
  const moved = MOVED_SHARES.exec(text);
  // (one move only: "sent its shares up 6.8%, but they fell 1% on Tuesday" tells two, and whose each is not clear)
  if (!moved || (text.match(/\d\s*(?:%|per\s*cent|percent)/gi)?.length ?? 0) > 1) return undefined;
  const start = moved.index + moved[0].length - moved[1]!.length;
  return { start, end: start + moved[1]!.length };
}

const MOVED_SHARES =
  /\b(?:sent|sends|send|lifted|lifts|pushed|pushes|drove|drives|boosted|boosts|propelled|propels|knocked|dragged)\s+(its(?=\s+(?:shares|stock)\b)|the\s+(?:company['’]s\s+)?(?:shares|stock)\b)/i;

const MADE_IT =
  /\b(?:produc(?:e|es|ed|ing)|mak(?:e|es|ing)|made|manufactur(?:e|es|ed|ing)|fab(?:s|bed|bing)?|fabricat(?:e|es|ed|ing)|mass-produc(?:e|es|ed|ing)|build(?:s|ing)?|built|(?:volume\s+|mass\s+)?production\s+of)\s+it(?=\s+(?:on|at|in|for|using|with|from|under|until|through)\b|[,.;]|$)(?!\s+(?:to|out|up|clear|possible|easier|harder)\b)/i;

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
  carried = false,
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
  // "Tesla signed a deal with Samsung. The share price of the chipmaker rose 6.8%": a rival's own word names whose move it is.
  if (shareMove && rule.rivalAnaphora && reading.phrases(rule.rivalAnaphora).length > 0) return false;
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
      (ownTopic(rule, topic) || carried)
    );
  }
  return (
    // (a speaker named is no subject: "Mass production is slated for 2H27, Musk said")
    (reading.mentions.every((mention) => mention.type === 'person')
      ? opensWithRelation(rule, reading)
      : expectedByACompany(rule, reading, previous) && ownTopic(rule, topic)) &&
    // "Tesla delivered 497,099 vehicles. Shares rose 1.4%": a move with its cause in neither sentence is not the deal's.
    (!rule.context ||
      reading.phrases(rule.context).length > 0 ||
      previous.phrases(rule.context).length > 0) &&
    (ownTopic(rule, topic) ||
      carried ||
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
export function topicOf(reading: SentenceReading): EntityMention | undefined {
  const people = reading.mentions.filter((mention) => mention.type === 'person');
  const candidates = reading.mentions.filter(
    (mention) =>
      mention.type !== 'person' &&
      !reading.measured.has(mention) &&
      // "特斯拉CEO马斯克…确认，AI5芯片将…", "Tesla CEO Elon Musk said AI5 …": a speaker's employer is no topic.
      !people.some(
        (person) =>
          person.start >= mention.end && SPEAKERS_TITLE.test(reading.text.slice(mention.end, person.start)),
      ),
  );
  let index = candidates.findIndex(
    (mention) => !NOT_A_TOPIC_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 40), mention.start)),
  );
  if (index < 0) return undefined;
  while (
    index + 1 < candidates.length &&
    /^(?:\s?|['’]s\s|的)$/.test(reading.text.slice(candidates[index]!.end, candidates[index + 1]!.start))
  )
    index++;
  return candidates[index];
}

/** Between a company and its speaker: "Tesla CEO ", "的首席执行官", 執行長, "'s chief executive ". */
const SPEAKERS_TITLE =
  /^(?:['’]s)?\s*(?:的)?\s*(?:CEO|chief\s+executive(?:\s+officer)?|boss|founder|co-founder|chairman|chief|head|president|executive|首席执行官|首席執行官|执行长|執行長|董事长|董事長|创始人|創辦人|掌门人|掌門人|总裁|總裁|老板|老闆|高管)?\s*$/i;

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

/**
 * The sentence before kept the rule's own subject by a word opening it — a pronoun or a reference word of the rule
 * ("It will be manufactured by Samsung", "The processor will be…", 该芯片将由…) — from the one before it, which names
 * that subject and none of its rivals: "Tesla has completed the design of AI5. The processor will be made by TSMC
 * and Samsung. Volume production is slated for 2027." (A chain of one link only.)
 */
function carriedThrough(
  rule: CompiledRule,
  previous: SentenceReading,
  beforePrevious: SentenceReading | undefined,
): boolean {
  if (
    !beforePrevious ||
    previous.mentions.some((mention) => rule.ownIds.has(mention.id) || rule.rivalIds.has(mention.id))
  )
    return false;
  const opens =
    openingPronoun(previous.text) !== undefined ||
    (rule.anaphora !== undefined &&
      previous
        .phrases(rule.anaphora)
        .some((match) =>
          /^[\s"“「]*(?:(?:据|據)[^，,。]{1,24}?[，,]\s*)?$/.test(previous.text.slice(0, match.start)),
        ));
  // (its rivals only compared with it: "Tesla's AI6 is the successor to AI5")
  // (…and nothing else made in the sentence that carries it: "Samsung will make Tesla's AI6. It also launched the
  // Exynos 2600. Mass production starts in 2026" is the Exynos's year)
  const companies = new Set(
    beforePrevious.mentions.filter((mention) => mention.type === 'company').map((mention) => mention.id),
  );
  return (
    opens &&
    madeNothingElse(previous, companies) &&
    (ownTopic(
      rule,
      beforePrevious.once('topic', () => topicOf(beforePrevious)),
    ) ||
      (beforePrevious.mentions.some((mention) => rule.ownIds.has(mention.id)) &&
        !beforePrevious.mentions.some((mention) => rule.rivalIds.has(mention.id))))
  );
}

/**
 * The chips the item named last, before this sentence, are all the rule's own: "Samsung Electronics will also
 * manufacture Tesla's AI5 processor … Both foundries will produce slightly different versions of the chip. Volume
 * output is expected in 2026" — the chip the item is about, though the sentence before only described it.
 */
function lastChipsOwn(rule: CompiledRule, reading: SentenceReading, item: SentenceReading[]): boolean {
  if (reading.priorChips.length === 0 || !reading.priorChips.every((chip) => rule.ownIds.has(chip.id)))
    return false;
  // …and nothing else made since: no name the ruler does not know ("Nvidia said Rubin is on track", "Apple's M6 will
  // also be made there") and no company but the story's parties and those of the sentence that named the chip, in
  // the sentences after it.
  let named = reading.index - 1;
  while (named > 0 && !item[named]!.chips.some((chip) => rule.ownIds.has(chip.id))) named--;
  const companies = new Set(
    item[named]!.mentions.filter((mention) => mention.type === 'company').map((mention) => mention.id),
  );
  return item.slice(named + 1, reading.index + 1).every((sentence) => madeNothingElse(sentence, companies));
}

/**
 * A sentence that names nothing else that could be made or could make: no name the ruler does not know, no model
 * name, no company but the story's parties and `companies`.
 */
function madeNothingElse(sentence: SentenceReading, companies: ReadonlySet<string>): boolean {
  return (
    !(CHINESE_OPENING.test(sentence.text)
      ? unknownLatinName(sentence)
      : MODEL_NAME.test(sentence.text) || unknownSubjectOpens(sentence)) &&
    sentence.mentions.every(
      (mention) => mention.type !== 'company' || companies.has(mention.id) || sentence.isParty(mention.id),
    )
  );
}

/** An English sentence opening with a name the ruler does not know, doing something: "Qualcomm also signed with TSMC". */
function unknownSubjectOpens(sentence: SentenceReading): boolean {
  const opening = UNKNOWN_SUBJECT_OPENING.exec(sentence.text);
  return (
    opening !== null &&
    !sentence.mentions.some((mention) => mention.start <= opening.index + opening[0].indexOf(opening[1]!))
  );
}

const UNKNOWN_SUBJECT_OPENING =
  /^[\s"“]*(?!(?:It|Its|They|Their|He|She|We|This|That|These|Those|There|Both|Each|The|A|An|Who|What|Which|When|Where|Why|How)\b)([A-Z][\w&.-]+)\s+(?:also\s+)?(?:said|says|will|would|has|have|had|is|was|signed|signs|plans|announced|reported|expects|made|makes|builds|won|wins|picked|chose|launched|unveiled)\b/;

/** A product's model name in English ("Apple's M6", "A20", "MI450", "Exynos 2600") — not a node, a quarter or HBM4. */
export const MODEL_NAME =
  /\b(?!(?:AI|HBM|Q|H|FY|SF|N)\d)[A-Z][A-Za-z]*\d[\w-]*\b|\b[A-Z][a-z]+\s+\d{3,4}(?!\s*(?:nm|GW|MW))\b(?<!\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4]|in|In|by|By)\s+\d{3,4})/;

/**
 * "Samsung expects mass production in 2H27", "Tesla now targets volume output in 2027": one company, opening the
 * sentence, that only expects the relation — of nothing named ("mass production of its 2nm process" is another's) —
 * and that the sentence before named with the topic ("Tesla's AI6, which Samsung will make, …"): not a stranger
 * ("AI6 … Intel expects volume production in 2027" is Intel's own).
 */
function expectedByACompany(
  rule: CompiledRule,
  reading: SentenceReading,
  previous: SentenceReading,
): boolean {
  const [company, ...others] = reading.mentions;
  if (!company || others.length || company.type !== 'company' || rule.rivalIds.has(company.id)) return false;
  if (!previous.ids.has(company.id)) return false;
  // (not who makes a thing: "Intel expects volume production in 2027" names no maker of the chip before)
  if (rule.rule.value.entities) return false;
  const first = reading.relations.find((match) => rule.rule.relation.includes(match.name));
  return (
    first !== undefined &&
    /^[\s"“]*$/.test(reading.text.slice(0, company.start)) &&
    EXPECTS_BETWEEN.test(reading.text.slice(company.end, first.start)) &&
    !/^\s+(?:of|for)\b/i.test(reading.text.slice(first.end, first.end + 6))
  );
}

const EXPECTS_BETWEEN =
  /^\s+(?:now\s+|still\s+)?(?:expects?|targets?|is\s+targeting|aims?\s+(?:for|at)|is\s+aiming\s+(?:for|at)|sees?|forecasts?|plans?\s+for)\s+(?:(?:the|its|a)\s+)?(?:(?:mass|volume|high-volume|full|commercial|initial)\s+)*$/i;

/** "Mass production is now expected in 2029", "Total investment remains pegged at $500 billion". */
function opensWithRelation(rule: CompiledRule, reading: SentenceReading): boolean {
  const first = reading.relations.find((match) => rule.rule.relation.includes(match.name));
  if (first === undefined) return false;
  const before = reading.text.slice(0, first.start);
  return (
    /^[\s"“]*(?:(?:the|mass|volume|high-volume|full|commercial|total|initial|planned|overall)\s+)*$/i.test(
      before,
    ) ||
    // "Samples are expected next year, with volume production in 2027": a milestone opening it, then the relation.
    MILESTONE_THEN_RELATION.test(before)
  );
}

// (the milestone of no named thing: not "Samples of the new Exynos 2600 are due this year, with mass production in 2026")
const MILESTONE_THEN_RELATION =
  /^[\s"“]*(?:(?:[Ff]irst|[Ee]arly|[Ee]ngineering|[Ii]nitial)\s+)?(?:[Ss]amples?|[Tt]ape[-\s]?outs?|[Pp]rototypes?)\b(?:(?![A-Z])[^.;]){0,60}?,\s*(?:with|and|followed\s+by)\s+(?:the\s+)?(?:(?:mass|volume|high-volume|full|commercial)\s+)*$/;

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

/**
 * A Latin-script name the ruler does not know ("AMD", "MI450", 910C, "LG Energy Solution") — not Q4, HBM, nm — in
 * the sentence, or between `from` and `to`; `speakersCount` false: not a source that "said".
 */
export function unknownLatinName(
  reading: SentenceReading,
  from = 0,
  speakersCount = true,
  to = reading.text.length,
): boolean {
  for (const match of reading.text.slice(from, to).matchAll(LATIN_NAME)) {
    const at = from + match.index;
    if (COMMON_LATIN.test(match[0])) continue;
    if (reading.mentions.some((mention) => mention.start <= at && mention.end >= at + match[0].length))
      continue;
    // ("…, TrendForce said": who tells it, not a party — when asked for parties only)
    if (
      !speakersCount &&
      SPEAKER_AFTER.test(reading.text.slice(at + match[0].length, at + match[0].length + 16))
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
  /(?:(?:与|與|和|跟|同|对|對|比|较|較|在|于|於|据|據)[\u3400-\u9fff]{0,4}|\bunlike|\blike|\bbesides|\bwith|\bthan|\bfrom|\bafter|\bbefore|(?:\btimes|-fold|\bfold)\s+(?:the\s+)?[\w-]+\s+of)\s*$/i;

/** Words that turn a Chinese sentence to another topic; 则 only as "whereas" (not 规则, 原则), 一家 not in 唯一一家. */
const TOPIC_SHIFT =
  /另一|(?<![规規原准準细細否法])[则則]|(?<![唯第每])一家|一座|附近|此外|与此同时|與此同時|相比之下|相較之下|相较之下|反观|反觀|至于|至於|其他|其它/;

/** The name of a reference resolved through the sentence before (a pronoun or a dropped subject). */
const PRONOUN = '#pronoun';

const CHINESE_OPENING = /^[\s"“「『（(]*[\u3400-\u9fff]/;

const OPENING_PRONOUN =
  /^[\s"“'‘]*(?:(?:(?:据|據|根据|根據)[^，,。]{1,24}?(?:统计|統計|数据|數據|显示|顯示|报道|報導|指出)|[^，,。]{1,24}?(?:数据显示|數據顯示|报告显示|報告顯示|调查显示|調查顯示))[，,]\s*|(?:在)?[^，,。；：:A-Za-z\d]{0,10}?(?:季度|季|上半年|下半年|年底|年初|市场中|市場中|市场上|市場上)[，,]\s*|According to [^,]{1,40}, |(?:On|In|By|Since|Last|This|Later|Earlier|During)\s+[\w-]+(?:\s+[\w-]+){0,2},?\s+|(?:However|But|Meanwhile|Still|Yet|Also|And|Moreover|Nevertheless|Instead|Now),?\s+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+(?:now\s+)?(?:says|said|expects|believes|thinks)\s+(?:that\s+)?){0,2}(It|Its|it|its|They|Their|they|their|[Tt]he company(?:['’]s)?|[Tt]he firm(?:['’]s)?|The (?:two |three |four )?(?:companies|partners|firms)(?:['’])?|[Tt]he shares|[Tt]he stock|其(?![他它中实實余餘次])|它|该公司|該公司|该股|該股)(?=[\s,，\u3400-\u9fff]|['’]s\s)/;

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
  /\b(?!(?:The|Its|Their|This|These|AI)\b)[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?\s+(?:chips?|processors?|GPUs?|accelerators?)\b|(?:新一代|新款|一款|新)(?:芯片|晶片)|[\u3400-\u9fff]{1,4}[A-Za-z][\w-]*\s?(?:芯片|晶片|处理器|處理器)/g;

/** A programme named by a kind word: "xAI's Colossus 2 supercomputer project", Colossus 2超算项目. */
const UNKNOWN_PROGRAMME =
  /\b(?!(?:The|Its|Their|This|These|AI)\b)[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?\s+(?:supercomputer|cluster|project|program|programme)s?\b|[A-Za-z][\w-]*(?:\s?\d+)?\s?(?:超算|超级计算机|超級電腦)?(?:项目|項目|专案|專案|计划|計畫)/g;

const UNKNOWN_SITE =
  /\b(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,2}(?:site|plant|fab|factory|facility)\b|(?:封装厂|封裝廠|新厂|新廠|工厂|工廠|晶圆厂|晶圓廠)|[\u3400-\u9fff]{2}(?:厂|廠)(?![房区區商])/gi;

/**
 * Between the group's last mention in this sentence (or its start) and the reference word, another of the reference
 * word's kind: a chip, a fab, a programme the ruler does not know or that is none of the rule's own; for a deal word
 * ("该协议", "the contract"), a company outside the rule anywhere before it ("任天堂也与三星簽署…協議，該協議…").
 */
function anotherOfTheKindBefore(
  rule: CompiledRule,
  reading: SentenceReading,
  anaphor: PhraseMatch,
  group: readonly string[],
): boolean {
  const word = reading.text.slice(anaphor.start, anaphor.end);
  const kind = REFERENCE_KINDS.find(([, pattern]) => pattern.test(word))?.[0];
  if (!kind) return false;
  const own = reading.mentions
    .filter((mention) => group.includes(mention.id) && mention.end <= anaphor.start)
    .at(-1);
  // Two characters on: the kind word right after the name is the name's own ("泰勒工厂").
  const from = kind === 'deal' || !own ? 0 : own.end + 2;
  const to = anaphor.start;
  const otherNamed = (types: readonly string[]) =>
    reading.mentions.some(
      (mention) =>
        mention.start >= from &&
        mention.end <= to &&
        types.includes(mention.type) &&
        !rule.ownIds.has(mention.id) &&
        !reading.measured.has(mention),
    );
  if (kind === 'deal') return otherNamed(['company']);
  const unknown = { chip: UNKNOWN_CHIP, site: UNKNOWN_SITE, programme: UNKNOWN_PROGRAMME }[kind];
  return (
    unknownOfKind(reading, unknown, rule, from, to) ||
    otherNamed(kind === 'site' ? ['site', 'place'] : [kind])
  );
}

/** What a reference word refers to, by its own word. */
const REFERENCE_KINDS: ReadonlyArray<readonly ['chip' | 'site' | 'programme' | 'deal', RegExp]> = [
  ['chip', /芯片|晶片|处理器|處理器|\b(?:chips?|processors?|chipsets?|silicon)\b/i],
  ['site', /厂|廠|\b(?:plant|fab|factory|facility|site)\b/i],
  [
    'programme',
    /项目|項目|计划|計畫|計劃|超算|专案|專案|\b(?:project|program|programme|effort|venture|initiative)\b/i,
  ],
  ['deal', /合同|合约|合約|协议|協議|订单|訂單|交易|\b(?:contract|agreement|deal|order|pact)\b/i],
];

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
function unknownOfKind(
  reading: SentenceReading,
  pattern: RegExp,
  rule: CompiledRule,
  from = 0,
  to = Number.POSITIVE_INFINITY,
): boolean {
  const references = [
    ...(rule.anaphora ? reading.phrases(rule.anaphora) : []),
    ...(rule.rivalAnaphora ? reading.phrases(rule.rivalAnaphora) : []),
  ];
  for (const match of reading.once(pattern.source, () => [...reading.text.matchAll(pattern)])) {
    if (match.index < from) continue;
    const end = match.index + match[0].length;
    if (end > to) continue;
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

/** After a company, that it names a deal: "Tesla deal", "Tesla order", 特斯拉AI6訂單. */
export const DEAL_AFTER =
  /^\s*(?:[\w-]{1,8}\s*)?(?:deal|order|orders|contract|tie-up|pact|agreement|订单|訂單|合约|合約|合同|大单|大單)/i;

/** A partner ("with Tesla", 夥Tesla) or a cause ("on Tesla deal", 因特斯拉) is not the one whose shares move. */
const WITH_BEFORE =
  /(?:\bwith|\bon|\bafter|\bfollowing|\bamid|夥|伙|联手|聯手|携手|攜手|與|与|同|跟|因|因为|因為|受|受惠于|受惠於|得益于|得益於|获得|獲得|拿下|斩获|斬獲|赢得|贏得|接获|接獲)\s*$/i;

/** Whether the name at `at` is named as a partner or a cause ("deal with Samsung", 因特斯拉). */
export const namedAsPartner = (reading: SentenceReading, at: number) =>
  WITH_BEFORE.test(reading.text.slice(Math.max(0, at - 10), at)) &&
  // (not a company whose own shares follow: "A year after Samsung shares jumped 6.8%")
  !OWN_SHARES_NEXT.test(reading.text.slice(at, at + 48));

/** A name, then its own shares: "Samsung shares", "Samsung Electronics' stock", 三星股价. */
const OWN_SHARES_NEXT =
  /^[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}(?:['’]s?)?\s+(?:shares|stock)\b|^[\u3400-\u9fff]{1,6}?(?:股价|股價)/;

/**
 * Right after a "makes" word ("produce the chip", 生产该芯片, "which will produce Tesla's AI6
 * chips", 生产特斯拉AI6): the object of a making.
 */
export const objectOfMaking = (reading: SentenceReading, at: number) =>
  reading.relations.some(
    (match) =>
      match.name === 'makes' &&
      match.end <= at &&
      OBJECT_OF_MAKING.test(reading.text.slice(match.end, at)) &&
      // "mass production of the chip should begin in 2026": a noun's, the chip owns the time.
      !/\bof$/i.test(reading.text.slice(match.start, match.end)),
  );

const OBJECT_OF_MAKING = /^(?:\s{0,3}|\s*(?:(?:the|its|their|[\w-]+['’]s)\s+)+|[\u3400-\u9fff]{1,3}的?)$/i;

const COMPARED_OR_AS =
  /(?:(?:\bthan|\bas|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\btimes)\s+(?:the\s+|its\s+|[A-Z][\w-]*['’]s\s+)?|(?:比|较|較)\s*|\btimes\s+the\s+(?:[\w-]+\s+){1,4}of\s+(?:the\s+)?)$/i;
