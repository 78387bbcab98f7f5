/**
 * Readers of entity values (layer 6): the foundries a chip is made by — who makes it, who is replaced
 * ("switches from TSMC"), who is only troubled, compared with, or making another chip.
 */
import {
  COMMA_CLAUSE_OPENING,
  clauseMarkAfter,
  FAB_OWN_START,
  OTHER_PRODUCT,
  opensClauseBetween,
  TIME_CLAUSE_ZH,
} from '../clauses.ts';
import { type EntityMention, isSiteOrPlace } from '../entities.ts';
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import { type CompiledRule, type CompiledRules, SITE_WORDS } from '../rules.ts';
import type { ValueMention } from '../values/mention.ts';
import { clauseEndOf, clauseStartOf, frameOf, inAnotherMakersEarlierPart } from './frames.ts';
import {
  CHINESE_CHAR,
  COORDINATED,
  DISPLACED_AFTER,
  DISPLACED_BEFORE,
  MOVED_FROM_FOUNDRY_ZH,
  MOVED_TO_FOUNDRY_ZH,
  namedAsPlace,
  sourcedFrom,
} from './ownership.ts';
import { type SentenceReading, TIMES_OF_AFTER, timeClauseAfter } from './reading.ts';
import { MAKER_FOLLOWS } from './relation.ts';
import type { ReadValue, SubjectHere } from './statement.ts';
import { MODEL_NAME, unknownLatinName } from './subject.ts';

/** Words that add the chip after them to a making: "besides", "on top of", "not just", "but also", 除(了). */
const ADDED_CHIP_BEFORE =
  /(?:\b(?:besides|in\s+addition\s+to|on\s+top\s+of|apart\s+from|as\s+well\s+as|not\s+just|not\s+only|not\s+merely|but\s+also)\s+(?:(?:the|its|their|Tesla['’]s)\s+)?|除了?)$/i;

/** Whether a company is named as the owner of revenue or sales ("Samsung's foundry revenue", 三星代工部门…营收). */
function revenueOwner(reading: SentenceReading, mention: EntityMention): boolean {
  const after = reading.text.slice(mention.end, mention.end + 40);
  if (REVENUE_OWNED_AFTER_EN.test(after) || REVENUE_OWNED_AFTER_ZH.test(after)) return true;
  return (
    /(?:为|為|给|給)$/.test(reading.text.slice(Math.max(0, mention.start - 1), mention.start)) &&
    REVENUE_BROUGHT_AFTER_ZH.test(after)
  );
}

const REVENUE_OWNED_AFTER_EN =
  /^(?:\s+Electronics)?(?:['’]s?|\s+Electronics['’]?)\s+(?:(?:annual|yearly|quarterly|foundry|contract-chip|contract\s+chip|chip|semiconductor|chipmaking)\s+){0,3}(?:revenue|sales(?!\s+(?:pitch|team|force|push|drive|effort|office|rep))|turnover|earnings)\b/i;
const REVENUE_OWNED_AFTER_ZH =
  /^(?:电子|電子)?的?(?:晶圆|晶圓)?(?:代工)?(?:部门|部門|事业|事業|业务|業務)?的?(?:年|每年)?(?:营收|營收|收入|营业额|營業額)/;
const REVENUE_BROUGHT_AFTER_ZH =
  /^(?:电子|電子)?的?(?:晶圆|晶圓)?(?:代工)?(?:部门|部門|事业|事業|业务|業務)?[^，。；]{0,8}?(?:带来|帶來|增加|贡献|貢獻)/;

/** Whether a chip stands right after a word that adds it to a making. */
const addedChip = (reading: SentenceReading, chip: { start: number }) =>
  ADDED_CHIP_BEFORE.test(reading.text.slice(Math.max(0, chip.start - 28), chip.start));

/**
 * The making an added chip is added to: the nearest — but "in addition to", "as well as", "besides" after their making
 * are read with its object already ("would produce AI5 chips in addition to AI6, alongside TSMC's facility"), so only
 * when they open the clause before it ("In addition to AI6, Samsung will make AI5").
 */
function addedTo(
  reading: SentenceReading,
  triggers: readonly PhraseMatch<AttributeClass>[],
  chip: { start: number; end: number },
): PhraseMatch<AttributeClass> | undefined {
  // ("…part of Tesla's AI5 chip supply, in addition to the AI6 chips it is already slated to make": the chip's own
  // relative clause, its maker a pronoun for the one before, adds it to the clause's first making)
  const postposed = POSTPOSED_ADDITION.test(reading.text.slice(Math.max(0, chip.start - 28), chip.start));
  if (
    postposed &&
    triggers.some(
      (trigger) =>
        trigger.start >= chip.end && PRONOUN_MAKER_BETWEEN.test(reading.text.slice(chip.end, trigger.start)),
    )
  )
    return triggers.find((trigger) => trigger.end <= chip.start);
  const making = nearestTrigger(triggers, chip);
  if (making === undefined || making.start > chip.end) return making;
  return postposed ? undefined : making;
}

/** A chip's own relative clause up to its making, its subject a pronoun: " chips it is already slated to ", " that they ". */
const PRONOUN_MAKER_BETWEEN =
  /^\s*(?:chips?\s+|processors?\s+)?(?:that\s+|which\s+)?(?:it|they)\s+(?:(?:is|are|was|were|has|have|had|will|would|already|also|now|been|slated|set|scheduled|due|expected|to|going|contracted|poised)\s+){0,5}$/i;

/** The additions read with their making's object when they follow it: "in addition to", "as well as", "besides". */
const POSTPOSED_ADDITION =
  /\b(?:in\s+addition\s+to|as\s+well\s+as|besides)\s+(?:(?:the|its|their|Tesla['’]s)\s+)?$/i;

/** The making nearest a chip, before or after it. */
function nearestTrigger(
  triggers: readonly PhraseMatch<AttributeClass>[],
  chip: { start: number; end: number },
): PhraseMatch<AttributeClass> | undefined {
  const distance = (trigger: PhraseMatch) =>
    trigger.start >= chip.end ? trigger.start - chip.end : chip.start - trigger.end;
  return [...triggers].sort((a, b) => distance(a) - distance(b))[0];
}

/**
 * The foundries a sentence attaches to the fact's chip, through a "makes" word:
 * a foundry is the subject of the nearest such word after it ("Samsung will make"),
 * or its agent just after ("made by Samsung", "由三星代工"); a chip, the object of
 * the nearest such word before it, else the next one ("AI5 will be made by…").
 */
export function readEntities(
  rule: CompiledRule,
  reading: SentenceReading,
  subject: SubjectHere,
  relations: PhraseMatch<AttributeClass>[],
  compiled: CompiledRules,
): ReadValue | undefined {
  const allowed = new Set(rule.rule.value.entities ?? []);
  const chipIds = new Set(rule.rule.subject.flat());
  // "对三星代工营收的贡献", "英特尔代工业务落后": 代工 naming a business (its revenue, unit, market) makes
  // nothing, and the company that owns the business is no maker of the sentence's chip.
  const business = relations.filter(
    (match) =>
      match.name === 'makes' &&
      (BUSINESS_AFTER.test(reading.text.slice(match.end, match.end + 4)) || fabAsNoun(reading.text, match)),
  );
  const businessOwner = (mention: EntityMention) =>
    business.some((match) => match.start >= mention.end && match.start - mention.end <= 1);
  const triggers = verbGroups(
    relations.filter(
      (match) =>
        match.name === 'makes' &&
        !business.includes(match) &&
        !personComesFrom(reading, match) &&
        !dealOfATimeClause(reading, match, chipIds),
    ),
    reading,
    chipIds,
  );
  if (triggers.length === 0) return undefined;
  const referredBack = subject.carried ? [] : referencesBack(rule, reading, chipIds);
  const chips = subject.carried
    ? subject.positions.map((at) => ({ start: at, end: at }))
    : [
        ...reading.mentions.filter(
          (mention) => chipIds.has(mention.id) && !inPurposeOfAnotherChipsMove(reading, mention, chipIds),
        ),
        ...referredBack,
      ];
  if (chips.length === 0) return undefined;
  // "AI5, Optimus and the Samsung contract in focus": topics listed, nothing said of the chip.
  if (!subject.carried && chips.every((chip) => inTopicList(reading, chip))) return undefined;
  // "AMD's MI450 to use TSMC 2nm, landing ahead of Tesla's AI6": the chip only named to compare with.
  if (!subject.carried && chips.every((chip) => chipComparedWith(reading, chip))) return undefined;
  // "Besides AI6, Samsung will also make AI5", "make AI5, on top of AI6", "not just AI6 but also AI5", 除AI6外: a chip
  // added to another's making is made by that making's maker too.
  const addedMakings = new Set(
    chips.flatMap((chip) => (addedChip(reading, chip) ? asList(addedTo(reading, triggers, chip)) : [])),
  );
  const chipTriggers = new Set(
    chips.flatMap((chip) => [
      ...asList(triggerOfObject(reading, triggers, chip.start, chip.end)),
      // "a dual-fab strategy for its AI5 and AI6 chips, with production split between Samsung … and TSMC …": the
      // making a "with" clause tells of the chip right before it is the chip's too.
      ...triggers.filter(
        (trigger) =>
          trigger.start > chip.end &&
          WITH_MAKING_AFTER_CHIP.test(reading.text.slice(chip.end, trigger.start)) &&
          // (a making split between makers — not one of others' orders: "with capacity at TSMC booked by Apple")
          SPLIT_BETWEEN.test(reading.text.slice(trigger.start, trigger.end + 24)),
      ),
      // "AI5 would be produced in small numbers next year, with volume production following in 2027 at both Samsung
      // and TSMC": a "with" clause past the chip's own, its making at both makers, no other chip between.
      ...triggers.filter(
        (trigger) =>
          trigger.start > chip.end &&
          WITH_CLAUSE_AFTER_CHIPS.test(reading.text.slice(chip.end, trigger.start)) &&
          !reading.chips.some((other) => other.start >= chip.end && other.start < trigger.start) &&
          AT_BOTH_AFTER.test(reading.text.slice(trigger.end, trigger.end + 100)),
      ),
    ]),
  );
  for (const making of addedMakings) chipTriggers.add(making);
  // Triggers only a topic chip reaches: their makers must stand in the trigger's own clause ("三星股价大涨，台积电代工").
  const topicTriggers = new Set(
    subject.carried
      ? []
      : topicChipTriggers(reading, triggers, chips, allowed).filter((trigger) => !chipTriggers.has(trigger)),
  );
  for (const trigger of topicTriggers) chipTriggers.add(trigger);
  // "並未將AI6晶片訂單轉給台積電，仍由三星代工", "…，三星仍是唯一代工夥伴": a clause naming no chip whose maker still makes it.
  if (!subject.carried && !reading.twoChips)
    for (const trigger of stillMadeByClauses(reading, triggers, chips)) chipTriggers.add(trigger);
  const inTriggersClause = (mention: EntityMention, trigger: PhraseMatch<AttributeClass>) =>
    !topicTriggers.has(trigger) || !/[，,；;。]/.test(reading.text.slice(mention.end, trigger.start));
  const named = withOperators(reading, compiled.operators, allowed).filter((mention) =>
    allowed.has(mention.id),
  );
  // "TSMC loses Tesla AI5 order to Samsung": the foundry that lost the chip's order is left, as if replaced.
  // (not a part of it lost: "台积电失去部分AI5订单" leaves TSMC making the rest)
  const lost = named.filter(
    (mention) =>
      (lostChip(reading, mention, chipIds) && !partlyLost(reading, mention)) ||
      makerBeforeReplacement(reading, mention, chips),
  );
  // (a chip added after a comma, "…的AI6，以及部分AI5", shares the making of the chip before it)
  const addedAfterComma = chips.some((chip) => addedAfterAComma(reading, chip.start));
  const joinedMakingReaches = (mention: EntityMention) => {
    const own = triggerOfAgent(reading, triggers, mention, allowed);
    if (own !== undefined && addedAfterComma && chipTriggers.has(own)) return true;
    const joined = own === undefined ? undefined : makingJoinedTo(reading, triggers, own);
    return joined !== undefined && chipTriggers.has(joined);
  };
  // (…and the maker of a making a chip is added to: not a maker named beside it, "would produce AI5 in addition to AI6,
  // alongside TSMC's facility")
  const addedMakingOf = (mention: EntityMention) => {
    if (addedMakings.size === 0) return false;
    const own = triggerOfAgent(reading, triggers, mention, allowed);
    return own !== undefined && addedMakings.has(own);
  };
  // "三星和台积电都将生产AI5，AI6主要在三星": a chip opening its clause with a maker of its own (在/由/归 a company)
  // takes only the makers of that clause.
  const ownMakerClauses = subject.carried
    ? []
    : chips
        .filter((chip) => opensOwnMakerZh(reading.text, chip))
        .map((chip) => clauseAfter(reading.text, chip.end));
  const inOwnMakerClause = (mention: EntityMention) =>
    ownMakerClauses.length === 0 ||
    ownMakerClauses.length < chips.length ||
    ownMakerClauses.some((clause) => mention.start >= clause.start && mention.end <= clause.end);
  const found = named
    .filter(inOwnMakerClause)
    .filter(
      (mention) =>
        RIVAL_OPENING.test(reading.text.slice(0, mention.start)) ||
        !comparedBefore(reading.text.slice(Math.max(0, mention.start - 40), mention.start)),
    )
    .filter((mention) => !lost.includes(mention))
    // "Samsung's Tesla deal leaves AI5 with TSMC": what leaves the chip with another keeps no part of it.
    .filter(
      (mention) =>
        !triggers.some(
          (trigger) =>
            trigger.start >= mention.end &&
            trigger.start - mention.end <= 24 &&
            !/[,;:，；：。]/.test(reading.text.slice(mention.end, trigger.start)) &&
            LEFT_WITH.test(reading.text.slice(trigger.start, trigger.end)),
        ),
    )
    .filter((mention) => !otherWork(reading, mention))
    .filter((mention) => !atAnotherChip(reading, mention, chipIds))
    .filter((mention) => !businessOwner(mention))
    // "Tesla's AI6 order will add about 10% to Samsung's annual foundry revenue", 为三星晶圆代工部门带来…营收: the
    // company whose revenue a chip's order lifts is told as the one that gains, not as its maker (the labelling guide's
    // plain reading).
    .filter((mention) => !revenueOwner(reading, mention))
    .filter((mention) => !onlyTroubled(reading, mention, allowed))
    .filter(
      (mention) =>
        subject.carried ||
        !anotherChipsClause(reading, mention.start, chipIds, mention) ||
        // (…or a reference to the chip opens the maker's clause: "…，AI6已处于早期阶段，两款芯片都将由三星和台积电制造")
        referredBack.some(
          (reference) =>
            reference.end <= mention.start &&
            !/[，,；;。]/.test(reading.text.slice(reference.end, mention.start)),
        ) ||
        // (…unless a making joined to its own reaches the chip: "builds Tesla's AI4 processor, and will make AI6")
        joinedMakingReaches(mention) ||
        // (…or the chip is added to the other's making, this maker's: "Besides AI6, Samsung will also make AI5")
        addedMakingOf(mention),
    )
    .filter((mention) => !inAnotherChipsAppositive(reading, mention, chipIds))
    .filter((mention) => !inAnotherChipsModifierZh(reading, mention, chipIds))
    .filter(
      (mention) =>
        subject.carried ||
        !inAnotherMakersEarlierPart(
          reading,
          mention.start,
          chips.map((chip) => chip.start),
        ),
    )
    .filter((mention) => !inPurposeForAnotherChip(reading, mention, chipIds))
    .filter((mention) => !madeForTheOtherOfTwo(reading, mention, chipIds))
    .filter((mention) => !sourceOfAnotherChip(reading, mention, chipIds))
    // "TSMC's 2nm yields are running well ahead of Samsung's SF2, which Samsung will use for Tesla's AI6": the
    // foundry a comparison opens with is compared, not a maker.
    .filter((mention) => !COMPARES_AFTER.test(reading.text.slice(mention.end, mention.end + 60)))
    // "TSMC said its A16 node enters volume production in late 2026": a foundry's own node's making, no chip's.
    .filter((mention) => !ownNodesMaking(reading, mention, chipIds))
    // "With TSMC controlling roughly 71% of the global foundry market, … puts AI6 on Samsung's SF2": a share's holder.
    .filter((mention) => !SHARE_HELD_AFTER.test(reading.text.slice(mention.end, mention.end + 40)))
    // "三星與台積電在2奈米世代的差距": the second of two foundries whose gap is measured is the yardstick.
    .filter(
      (mention) =>
        !(
          /(?:与|與|和|跟)\s*$/.test(reading.text.slice(Math.max(0, mention.start - 2), mention.start)) &&
          GAP_AFTER.test(reading.text.slice(mention.end, mention.end + 24))
        ),
    );
  const agentTriggers = coordinatedTriggers(
    reading,
    found,
    (mention) => triggerOfAgent(reading, triggers, mention, allowed),
    triggers,
  );
  let attached = found.filter((mention, index) => {
    const trigger = agentTriggers[index];
    if (trigger !== undefined && chipTriggers.has(trigger) && inTriggersClause(mention, trigger)) return true;
    // "Samsung, which already makes Tesla's AI4, lands AI6 order": past its relative aside, the name's own verb.
    const afterAside = triggerAfterAside(reading, triggers, mention);
    if (afterAside !== undefined && chipTriggers.has(afterAside) && inTriggersClause(mention, afterAside))
      return true;
    // "Samsung already builds Tesla's AI4 processor and will make AI6": the name's making, and one joined to it.
    // (not a name after a preposition of the making: "will manufacture Tesla's AI5 alongside TSMC and also produce
    // all of the AI6 chips" — the joined making is the subject's)
    const joined =
      trigger === undefined || objectOfPreposition(reading, mention, trigger)
        ? undefined
        : makingJoinedTo(reading, triggers, trigger);
    if (joined !== undefined && chipTriggers.has(joined) && inTriggersClause(mention, joined)) return true;
    const verb = chineseAgentVerb(reading, triggers, mention);
    if (verb !== undefined && chipTriggers.has(verb) && inTriggersClause(mention, verb)) return true;
    // "a partnership with Samsung Electronics, which will now manufacture a portion of its AI5 chips": the making
    // of the relative clause the name heads is the name's.
    const relative = triggerOfRelativeClause(reading, triggers, mention);
    return relative !== undefined && chipTriggers.has(relative);
  });
  // "Tesla expects Samsung to make its AI6 chips and TSMC its AI5": a making gapped after "and" pairs each
  // foundry with the chip after it.
  // ("Tesla chose Samsung for AI6 and TSMC for AI5": each maker "for" the chip after it)
  const gapped =
    pairedMaker(reading, allowed, chipIds, GAPPED_MAKING) ??
    pairedMaker(reading, allowed, chipIds, MAKER_FOR_EACH_CHIP);
  if (gapped !== undefined) {
    const own = found.filter((mention) => mention.id === gapped);
    attached = own.length ? own : [];
  }
  // "AI5 will be built by both TSMC and Samsung, and AI6 by Samsung alone": the passive making gapped after "and"
  // pairs the chip with the makers after its "by".
  const passiveGapped = passiveGappedMakers(reading, allowed, chipIds);
  if (passiveGapped.length) attached = found.filter((mention) => passiveGapped.includes(mention));
  // "AI5 and AI6 will be built by TSMC and Samsung respectively": each chip with the maker in its place.
  const paired = respectiveMaker(reading, found, chipIds);
  if (paired !== undefined) attached = found.filter((mention) => mention.id === paired);
  // "Intel will produce part of Tesla's AI5 processors, joining TSMC and Samsung as suppliers": the makers a new one
  // joins make the chip too.
  if (attached.length > 0) {
    const joining = JOINING_AS.exec(reading.text);
    if (joining && attached.every((mention) => mention.end <= joining.index)) {
      const from = joining.index;
      const to = joining.index + joining[0].length;
      attached = [
        ...attached,
        ...found.filter(
          (mention) => mention.start >= from && mention.end <= to && !attached.includes(mention),
        ),
      ];
    }
  }
  // "AI6 to be made solely by Samsung, Tesla says after TSMC talk", "由台积电独家代工": an exclusive maker is the only one.
  // (told as now, not as it was: "AI5原定由台积电独家代工，现三星也加入") — the set is exactly these makers.
  const exclusive = attached.filter(
    (mention) =>
      reading.scopes.blockersAt(mention.start).length === 0 &&
      (EXCLUSIVE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 20), mention.start)) ||
        EXCLUSIVE_AFTER.test(reading.text.slice(mention.end, mention.end + 8))),
  );
  if (exclusive.length) attached = exclusive;
  // One foundry, one chip, a "makes" word: they go together ("The chipmaking agreement between
  // Tesla and Samsung … as Tesla adds orders for its AI6 processors"), with less confidence.
  const weak = attached.length === 0 && soleFoundryAndChip(reading, found, chipIds, triggers);
  if (weak) attached = found;
  if (attached.length === 0) return undefined;
  // A weak pairing is as doubtful as its chip: "could be worth $30B once AI5 volumes are included".
  // …and "— and AI5 may be next": the doubt right after the chip is its own.
  const chipDoubted =
    weak &&
    chips.some(
      (chip) => reading.scopes.blockersAt(chip.start).length > 0 || doubtedRightAfter(reading, chip.end),
    );
  // "此前马斯克证实与三星签下…AI6芯片代工协议": a past transaction told as history — it may confirm, never change.
  const pastOnlyAt = (position: number) => {
    const cues = reading.scopes.blockersAt(position);
    return (
      cues.length > 0 && cues.every((cue) => cue === 'history') && reading.scopes.pastTransactionAt(position)
    );
  };
  const pastOnly = (mention: EntityMention) => pastOnlyAt(mention.start);
  // ("三星电子此前已为特斯拉代工AI4芯片": the name before the cue, its verb told as done already)
  const agentOf = (mention: EntityMention) => agentTriggers[found.indexOf(mention)];
  const verbPastOnly = (mention: EntityMention) => {
    const verb = agentOf(mention);
    return verb !== undefined && pastOnlyAt(verb.start);
  };
  const open = chipDoubted
    ? []
    : attached.filter(
        (mention) =>
          (reading.scopes.blockersAt(mention.start).length === 0 ||
            pastOnly(mention) ||
            // "could bring more business to Samsung Electronics, which is already set to make the carmaker's AI6
            // chips": the name's own relative clause, not doubted, says it makes the chip.
            openRelativeMaking(reading, triggers, mention, chipTriggers, chipIds) ||
            namesTheChipsMaker(reading, mention, chips)) &&
          // "三星恐失大單": the foundry's own verb is doubted.
          (pastOnly(mention) ||
            verbPastOnly(mention) ||
            !blockedVerb(reading, agentOf(mention)) ||
            namesTheChipsMaker(reading, mention, chips)) &&
          // "Samsung's contract could grow once AI5 is included": the doubt reaches the chip.
          // (not a reference back, its own clause's: "AI6 orders went to Samsung, …, and TSMC will not make the chip")
          !chips.some(
            (chip) =>
              !referredBack.includes(chip) &&
              chip.start > mention.end &&
              reading.scopes.blockedBetween(mention.end, chip.start) &&
              !(pastOnlyAt(chip.start) && ALREADY_DONE_ZH.test(reading.text.slice(mention.end, chip.start))),
          ),
      );
  const values = [...new Set((open.length ? open : attached).map((mention) => mention.id))].sort();
  // (…and a foundry the text drops that makes nothing here: "TSMC out for Tesla's AI5 as Samsung takes all orders")
  const droppedFromTheChip = found.filter(
    (mention) =>
      !attached.includes(mention) &&
      chips.some(
        (chip) =>
          chip.start > mention.end &&
          chip.start - mention.end <= 24 &&
          !/[,;:，；：。]/.test(reading.text.slice(mention.end, chip.start)),
      ),
  );
  // (…and one passed over for an attached maker in its clause: "Tesla chose TSMC over rival Samsung for AI6")
  const passedOver = named.filter(
    (mention) =>
      !attached.includes(mention) &&
      CHOSEN_OVER_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 60), mention.start)) &&
      attached.some(
        (maker) =>
          maker.end <= mention.start && !/[,;:，；：。]/.test(reading.text.slice(maker.end, mention.start)),
      ),
  );
  const displaced = [...new Set([...attached, ...lost, ...droppedFromTheChip, ...passedOver])]
    .filter((mention) => lost.includes(mention) || droppedByTheText(reading, mention))
    .map((mention) => mention.id);
  const frames = new Set(attached.map((mention) => frameOf(reading, mention.start)));
  // (not a cue in a clause of another chip: "AI6芯片将全部转由台积电生产，三星仅保留AI5部分订单")
  const replacing = reading.scopes.replacement.some(
    (cue) => frames.has(frameOf(reading, cue.start)) && !inAnotherChipsClause(reading, cue.start, chipIds),
  );
  return {
    value: { kind: 'entities', values },
    blocked: open.length === 0,
    // (a maker named only as a compound under a doubt may confirm, never change: "may not need the TSMC-built AI6")
    ...(open.length > 0 &&
    open.every(
      (mention) =>
        pastOnly(mention) ||
        verbPastOnly(mention) ||
        (namesTheChipsMaker(reading, mention, chips) &&
          (reading.scopes.blockersAt(mention.start).length > 0 || blockedVerb(reading, agentOf(mention)))),
    )
      ? { confirmsOnly: true }
      : {}),
    far: weak,
    replaces: replacing || displaced.length > 0 || exclusive.length > 0,
    displaced,
  };
}

/**
 * "above the 5 exaflops he cited when the Samsung contract was signed": a deal named in a time clause dates what the
 * sentence tells of the chip; it makes nothing of a chip outside the clause.
 */
function dealOfATimeClause(
  reading: SentenceReading,
  match: PhraseMatch<AttributeClass>,
  chipIds: ReadonlySet<string>,
): boolean {
  if (
    !/^(?:deal|contract|agreement|pact|order|partnership)s?$/i.test(
      reading.text.slice(match.start, match.end),
    )
  )
    return false;
  const before = reading.text.slice(Math.max(0, match.start - 48), match.start);
  const opening = TIME_CLAUSE_OPENS.exec(before);
  if (!opening) return false;
  const from = match.start - before.length + opening.index;
  const next = reading.text.slice(match.end).search(/[,;:.，；：。]/);
  const to = next < 0 ? reading.text.length : match.end + next;
  return reading.chips.every((chip) => !chipIds.has(chip.id) || chip.end <= from || chip.start >= to);
}

/** A time clause opening before a deal's word, no clause mark between: "when the Samsung …", "since the". */
const TIME_CLAUSE_OPENS =
  /\b(?:when|since|after|before|until)\s+(?:(?:the|its|their|[\w-]+['’]s)\s+)?[^,;:.，；：。]*$/i;

/**
 * "Tesla's AI5 chip chief came from Intel", "an AI6 architect who came from TSMC", "the biggest risk to AI6 comes from
 * Samsung's 2nm yields": where a person, a risk or a delay comes from is no chip's maker.
 */
const personComesFrom = (reading: SentenceReading, match: PhraseMatch<AttributeClass>) =>
  /^c[oa]me/i.test(reading.text.slice(match.start, match.end)) &&
  NOT_MADE_BEFORE.test(reading.text.slice(Math.max(0, match.start - 40), match.start));

const NOT_MADE_BEFORE =
  /\b(?:chief|head|boss|executive|exec|engineers?|designers?|architects?|leads?|veterans?|hires?|recruits?|talent|team|staff|CEO|CTO|VP|president|director|manager|founder|risks?|threats?|delays?|pressure|demand|growth|revenue|sales|boost|challenges?|problems?|issues?|headwinds?|competition)\b(?:\s*,)?\s+(?:(?:who|which|that)\s+)?(?:(?:now|also|originally|previously|reportedly|mostly|largely|mainly)\s+)?$/i;

/**
 * "…dismissed reports that Tesla would shift AI6 production to TSMC, saying Samsung remains the chip's maker": a
 * reference word of the rule ("the chip") after the rule's chip, with no other chip named between, is that chip again.
 */
function referencesBack(
  rule: CompiledRule,
  reading: SentenceReading,
  chipIds: ReadonlySet<string>,
): { start: number; end: number }[] {
  if (!rule.anaphora) return [];
  return [
    ...bothChipsReferences(reading, chipIds),
    ...[...reading.phrases(rule.anaphora), ...remainderReferences(reading)].filter((reference) => {
      // (the bare reference only: "the next chip", "the upcoming chip" after a chip named is another one)
      const bare = BARE_CHIP_REFERENCE.test(reading.text.slice(reference.start, reference.end));
      if (!bare && !REMAINDER.test(reading.text.slice(reference.start, reference.end))) return false;
      // (…closing its clause or naming its maker: not "the chip's successor", "the chip that follows it", "will make
      // the chip for Apple")
      const after = reading.text.slice(reference.end, reference.end + 24);
      if (!REFERENCE_CLOSES.test(after) && (bare || !REMAINDER_CLOSES.test(after))) return false;
      const before = reading.chips.filter((chip) => chip.end <= reference.start).at(-1);
      return (
        before !== undefined &&
        chipIds.has(before.id) &&
        !anotherThingBetween(rule, reading, before.end, reference.start)
      );
    }),
  ];
}

/**
 * "AI5芯片设计接近完成，AI6已处于早期阶段，两款芯片都将由三星和台积电制造", "AI5 and AI6 … both chips will be built by":
 * "both chips" stands for the two chips named before it — the rule's among them.
 */
function bothChipsReferences(
  reading: SentenceReading,
  chipIds: ReadonlySet<string>,
): { start: number; end: number }[] {
  const both = BOTH_CHIPS.exec(reading.text);
  if (!both) return [];
  const named = [...new Set(reading.chips.filter((chip) => chip.end <= both.index).map((chip) => chip.id))];
  return named.length === 2 && named.some((id) => chipIds.has(id))
    ? [{ start: both.index, end: both.index + both[0].length }]
    : [];
}

const BOTH_CHIPS = /\bboth\s+(?:chips|processors)\b|(?:两款|兩款|这两款|這兩款)(?:芯片|晶片)/i;

/**
 * Whether another made thing, or a company that makes none of the rule's chips, stands between: "…, while Apple keeps
 * its A18 processor at TSMC, which remains the chip's only maker", 高通最新车用芯片…该芯片.
 */
function anotherThingBetween(
  rule: CompiledRule,
  reading: SentenceReading,
  from: number,
  to: number,
): boolean {
  // (the chip's own noun right after its name is no other thing: "AI6 chips")
  const between = reading.text.slice(from, to).replace(/^\s*(?:chips?|processors?|芯片|晶片)/i, '');
  const allowed = new Set(rule.rule.value.entities ?? []);
  return (
    OTHER_THING_WORD.test(between) ||
    MODEL_NAME.test(between) ||
    reading.mentions.some(
      (mention) =>
        mention.start >= from &&
        mention.end <= to &&
        mention.type === 'company' &&
        !allowed.has(mention.id) &&
        !reading.isParty(mention.id),
    )
  );
}

/** A word for another made thing: "processor", "accelerator", 芯片, 加速器. */
const OTHER_THING_WORD =
  /\b(?:chips?|processors?|accelerators?|GPUs?|CPUs?|SoCs?|NPUs?|modems?)\b|芯片|晶片|加速器|处理器|處理器|产品|產品/i;

/** After a bare reference, its clause's end or a maker's noun: ".", ", too", "'s maker", 的代工厂. */
const REFERENCE_CLOSES =
  /^(?:(?:['’]s?)?\s+(?:sole\s+|only\s+|main\s+)?(?:maker|manufacturer|foundry|producer|supplier)\b|\s*(?:too\b|as\s+well\b)?\s*(?:[,.;:，。；]|$)|的?(?:代工厂|代工廠|代工|生产|生產))/i;

/**
 * "TSMC will produce part of Tesla's AI5 processors …, while Samsung Electronics will handle the remainder": the rest
 * of a chip a part of which was named before is that chip.
 */
function remainderReferences(reading: SentenceReading): { start: number; end: number }[] {
  if (!PART_OF_A_CHIP.test(reading.text)) return [];
  return [...reading.text.matchAll(REMAINDER_WORDS)].map((found) => ({
    start: found.index,
    end: found.index + found[0].length,
  }));
}

const PART_OF_A_CHIP =
  /\b(?:part|some|a\s+portion|portions|half|a\s+share|a\s+slice)\s+of\s+(?:(?:Tesla['’]s|its|the)\s+)?(?:next-generation\s+)?(?:AI|HW)\d/i;
const REMAINDER_NOUN = String.raw`the\s+(?:rest|remainder|balance|other\s+half)`;
const REMAINDER_WORDS = new RegExp(String.raw`\b${REMAINDER_NOUN}\b(?!\s+of\b)`, 'gi');
const REMAINDER = new RegExp(`^${REMAINDER_NOUN}$`, 'i');
/** …closing its clause, or only a place after it ("will produce the rest in Arizona"). */
const REMAINDER_CLOSES = /^(?:\s+(?:in|at)\s+(?:its\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s*(?:[,.;:]|$)/;

/** A bare reference to a chip: "the chip", "the processor", 该芯片. */
const BARE_CHIP_REFERENCE =
  /^(?:the|this|that)\s+(?:chip|processor)s?(?:['’]s?)?$|^(?:该|該|这|這|此)(?:款)?(?:芯片|晶片)$/i;

/**
 * "shifted its AI4 chip from Samsung to TSMC to free up Samsung capacity for AI6", "moved AI4 to TSMC so that
 * Samsung can concentrate on AI6": a chip named only in the purpose of another chip's move is not what moved.
 */
const inPurposeOfAnotherChipsMove = (
  reading: SentenceReading,
  chip: EntityMention,
  chipIds: ReadonlySet<string>,
) => anotherChipBefore(reading, chip, chipIds, PURPOSE_OPENS);

/**
 * Another chip than the rule's named before `named`, with only `between` between them ("AI4 chips from Samsung",
 * "AI4 … to free up Samsung capacity for AI6").
 */
function anotherChipBefore(
  reading: SentenceReading,
  named: EntityMention,
  chipIds: ReadonlySet<string>,
  between: RegExp,
): boolean {
  return reading.mentions.some(
    (other) =>
      other.type === 'chip' &&
      !chipIds.has(other.id) &&
      other.end <= named.start &&
      between.test(reading.text.slice(other.end, named.start)),
  );
}

/**
 * "Dojo3 would use AI5 and AI6 chips, the latter of which Samsung will make in Texas": a foundry after "the latter" (or
 * "the former") makes only the chip it points to of the two listed before it.
 */
function madeForTheOtherOfTwo(
  reading: SentenceReading,
  foundry: EntityMention,
  chipIds: ReadonlySet<string>,
): boolean {
  const pointer = [...reading.text.slice(0, foundry.start).matchAll(LATTER_OR_FORMER)].at(-1);
  if (!pointer) return false;
  const listed = reading.chips.filter((chip) => chip.end <= pointer.index).slice(-2);
  if (listed.length < 2 || !listed.some((chip) => chipIds.has(chip.id))) return false;
  const meant = /latter/i.test(pointer[0]) ? listed[1]! : listed[0]!;
  return !chipIds.has(meant.id);
}

const LATTER_OR_FORMER = /,\s*the\s+(?:latter|former)\b/gi;

/** "moved AI4 to TSMC so that Samsung can concentrate on AI6": for AI4, the foundry of the purpose is no maker. */
function inPurposeForAnotherChip(
  reading: SentenceReading,
  foundry: EntityMention,
  chipIds: ReadonlySet<string>,
): boolean {
  const own = reading.mentions.find(
    (chip) =>
      chipIds.has(chip.id) &&
      chip.end <= foundry.start &&
      PURPOSE_OPENS.test(reading.text.slice(chip.end, foundry.start)),
  );
  return (
    own !== undefined &&
    reading.mentions.some(
      (other) =>
        other.type === 'chip' &&
        !chipIds.has(other.id) &&
        other.start >= foundry.end &&
        !/;|\.(?!\d)/.test(reading.text.slice(foundry.end, other.start)),
    )
  );
}

/** "stop ordering AI4 chips from Samsung … as it shifts to AI5": a foundry right after another chip's "from" is that chip's. */
const sourceOfAnotherChip = (
  reading: SentenceReading,
  foundry: EntityMention,
  chipIds: ReadonlySet<string>,
) => anotherChipBefore(reading, foundry, chipIds, CHIP_SOURCE_BETWEEN);

const COMPARES_AFTER =
  /^['’]s\s+[^,.;，。；]{0,32}?\b(?:(?:running\s+|well\s+|far\s+)*ahead\s+of|behind|better\s+than|worse\s+than|higher\s+than|lower\s+than|outpac\w*|trail(?:s|ing)?|lag(?:s|ging)?\s+behind)\b/i;

const SHARE_HELD_AFTER =
  /^\s+(?:controlling|controls|holding|holds|commanding|commands)\s+(?:roughly\s+|about\s+|nearly\s+|some\s+|over\s+|more\s+than\s+)?\d[\d.]*\s*(?:%|per\s*cent|percent)|^\s*(?:掌握|拥有|擁有|囊括|占据|佔據|占有|佔有)(?:约|約|逾|近|超过|超過)?\s*\d[\d.]*\s*%/i;

const GAP_AFTER = /^[^，。；,;]{0,16}?(?:差距|差异|差異)/;

const CHIP_SOURCE_BETWEEN = /^\s*(?:chips?|processors?|computers?|parts?|orders?)?\s+from\s+$/i;

const PURPOSE_OPENS =
  /^[^.;]*?\b(?:to\s+free\s+up|freeing(?:\s+up)?|so\s+that|so\s+as\s+to|in\s+order\s+to|to\s+make\s+room|making\s+room)\b[^.;]*$/i;

/**
 * "powered by AI5 at first and later by AI6, the chip Samsung is building for Tesla": a foundry in the appositive
 * of another chip ("…, the chip/processor X is building", "…, to be manufactured by X,", "…than AI4, which Samsung
 * manufactures", "AI6, built by Samsung,") makes that chip.
 */
function inAnotherChipsAppositive(
  reading: SentenceReading,
  mention: EntityMention,
  chipIds: ReadonlySet<string>,
): boolean {
  const from = Math.max(0, mention.start - 64);
  const opening = APPOSITIVE_BEFORE.exec(reading.text.slice(from, mention.start));
  if (!opening) return false;
  const commaAt = from + opening.index;
  const chip = reading.mentions.filter((other) => other.type === 'chip' && other.end <= commaAt).at(-1);
  // (not the rule's chip joined to it: "Tesla's AI5 and AI6, built by Samsung in Taylor," describes both)
  const joinedToOwn = reading.mentions.some(
    (own) =>
      chipIds.has(own.id) &&
      chip !== undefined &&
      own.end <= chip.start &&
      /^\s*(?:and|&|和|与|與|、)\s*$/.test(reading.text.slice(own.end, chip.start)),
  );
  return (
    chip !== undefined &&
    !chipIds.has(chip.id) &&
    !joinedToOwn &&
    /^\s*$/.test(reading.text.slice(chip.end, commaAt))
  );
}

/** 此前已, 先前一直: a making told as done already, that still stands. */
const ALREADY_DONE_ZH = /(?:此前|先前)\s*(?:已经|已經|已|一直)/;

/**
 * "集中在由台積電生產的AI5與由三星生產的AI6晶片": a maker inside the 的-modifier of another chip makes that chip, not
 * the one coordinated before it.
 */
function inAnotherChipsModifierZh(
  reading: SentenceReading,
  mention: EntityMention,
  chipIds: ReadonlySet<string>,
): boolean {
  const modifier = MAKING_MODIFIER_AFTER_ZH.exec(reading.text.slice(mention.end, mention.end + 16));
  if (!modifier) return false;
  const at = mention.end + modifier[0].length;
  const chip = reading.chips.find((other) => other.start === at);
  if (chip === undefined || chipIds.has(chip.id)) return false;
  // (…unless the modifier covers a list holding the rule's chip: "由三星代工的AI5和AI6芯片")
  return !reading.chips.some(
    (own) =>
      chipIds.has(own.id) &&
      own.start >= chip.end &&
      /^\s*(?:芯片|晶片)?\s*(?:和|与|與|、|及|以及)\s*$/.test(reading.text.slice(chip.end, own.start)),
  );
}

const MAKING_MODIFIER_AFTER_ZH =
  /^(?:电子|電子)?[^，。；,;的]{0,6}?(?:生产|生產|代工|制造|製造|量产|量產|打造)的\s*(?:特斯拉的?)?/;

const APPOSITIVE_BEFORE =
  /,\s*(?:(?:the|a|an|its|Tesla['’]s)\s+(?:[\w-]+\s+){0,2}?(?:chip|processor)s?,?\s+(?:(?:currently|now|still|already|also)\s+)?(?:made|manufactured|built|produced|fabricated|fabbed|supplied)\s+(?:for\s+[A-Z][\w-]*\s+)?(?:by|at)\s+|(?:the|a)\s+(?:[\w-]+\s+)?(?:chip|processor)\s+(?:that\s+|which\s+)?|(?:to\s+be|which\s+(?:will\s+be|is|are)|that\s+(?:will\s+be|is))\s+(?:made|manufactured|built|produced|fabricated|fabbed)\s+(?:by|at)\s+|(?:which|that)\s+|(?:made|manufactured|built|produced|fabricated|fabbed)\s+(?:by|at)\s+)$/i;

const MAKES_THE =
  /^\s*(?:(?:will|would|to|is\s+to|should|can)\s+)?(?:make|makes|making|build|builds|building|produce|produces|producing|manufacture|manufactures|manufacturing|supply|supplies|supplying)\s+(?:its\s+|the\s+|Tesla['’]s\s+)?$/i;
const AND_THEN = /^\s*(?:chips?|processors?|parts)?\s*,?\s*(?:and|while|with)\s+$/i;
// ("has used Samsung to build its Hardware 4 chip and TSMC for its AI5": the second pair "for" its chip)
const GAPPED_THE =
  /^\s*(?:(?:to\s+)?(?:make|build|produce|manufacture|supply)\s+|for\s+)?(?:its\s+|the\s+|Tesla['’]s\s+)?$/i;

/** How two maker–chip pairs are written: maker to chip, chip to the next maker, next maker to its chip. */
interface PairForm {
  makerToChip: RegExp;
  joined: RegExp;
  otherToChip: RegExp;
}

/**
 * The foundry a gapped making pairs with the subject's chip: "Samsung will make AI6 and TSMC AI5", "expects
 * Samsung to make its AI6 chips and TSMC its AI5" — undefined when the sentence has no such pairs.
 */
const GAPPED_MAKING: PairForm = { makerToChip: MAKES_THE, joined: AND_THEN, otherToChip: GAPPED_THE };

/** …and each maker "for" the chip after it: "chose Samsung for AI6 and TSMC for AI5". */
const FOR_CHIP = /^\s+for\s+(?:(?:its|the|Tesla['’]s)\s+)?$/i;
const MAKER_FOR_EACH_CHIP: PairForm = {
  makerToChip: FOR_CHIP,
  joined:
    /^(?:\s+(?:chips?|processors?))?\s*(?:,\s*(?:and\s+|while\s+|with\s+)?|\s+and\s+|\s+while\s+|\s+with\s+)(?:(?:on|from|to)\s+)?$/i,
  otherToChip: FOR_CHIP,
};

/** The foundry that one of two maker–chip pairs written in `form` gives the subject's chip. */
function pairedMaker(
  reading: SentenceReading,
  allowed: ReadonlySet<string>,
  chipIds: ReadonlySet<string>,
  form: PairForm,
): string | undefined {
  const named = reading.mentions.filter((mention) => allowed.has(mention.id) || mention.type === 'chip');
  const between = (a: EntityMention, b: EntityMention) => reading.text.slice(a.end, b.start);
  for (let index = 0; index + 3 < named.length; index++) {
    const [maker, chip, other, otherChip] = named.slice(index, index + 4) as [
      EntityMention,
      EntityMention,
      EntityMention,
      EntityMention,
    ];
    if (
      allowed.has(maker.id) &&
      allowed.has(other.id) &&
      maker.id !== other.id &&
      chip.type === 'chip' &&
      otherChip.type === 'chip' &&
      chip.id !== otherChip.id &&
      form.makerToChip.test(between(maker, chip)) &&
      form.joined.test(between(chip, other)) &&
      form.otherToChip.test(between(other, otherChip))
    ) {
      if (chipIds.has(chip.id)) return maker.id;
      if (chipIds.has(otherChip.id)) return other.id;
    }
  }
  return undefined;
}

/** The makers after "by" of the rule's chip in a passive making gapped after "and" ("…, and AI6 by Samsung alone"). */
function passiveGappedMakers(
  reading: SentenceReading,
  allowed: ReadonlySet<string>,
  chipIds: ReadonlySet<string>,
): EntityMention[] {
  for (const chip of reading.chips) {
    if (!chipIds.has(chip.id) || !/(?:,\s*|\s)and\s+$/i.test(reading.text.slice(0, chip.start))) continue;
    const before = reading.text.slice(0, chip.start);
    // (another chip made in the passive before the "and": "AI5 will be built by …")
    const otherChipBefore = reading.chips.some((other) => !chipIds.has(other.id) && other.end <= chip.start);
    if (!otherChipBefore || !PASSIVE_MAKING.test(before)) continue;
    const by = /^\s+(?:by|at)\s+/i.exec(reading.text.slice(chip.end));
    if (!by) continue;
    const makers: EntityMention[] = [];
    let at = chip.end + by[0].length;
    for (const mention of reading.mentions.filter((found) => found.start >= at && allowed.has(found.id))) {
      if (!COORDINATION_GAP.test(reading.text.slice(at, mention.start))) break;
      makers.push(mention);
      at = mention.end;
    }
    if (makers.length) return makers;
  }
  return firstOfPassivePair(reading, allowed, chipIds);
}

/**
 * The makers of the rule's chip when it opens a passive pair whose second chip's making is gapped: in "with AI5
 * built by TSMC and AI6 by Samsung" AI5's maker is TSMC alone, the "and" joining the pairs, not the makers.
 */
function firstOfPassivePair(
  reading: SentenceReading,
  allowed: ReadonlySet<string>,
  chipIds: ReadonlySet<string>,
): EntityMention[] {
  for (const chip of reading.chips) {
    if (!chipIds.has(chip.id)) continue;
    const made = PASSIVE_MADE_AFTER_CHIP.exec(reading.text.slice(chip.end));
    if (!made) continue;
    const makers: EntityMention[] = [];
    let at = chip.end + made[0].length;
    for (const mention of reading.mentions.filter((found) => found.start >= at)) {
      const gap = reading.text.slice(at, mention.start);
      if (allowed.has(mention.id) && COORDINATION_GAP.test(gap)) {
        makers.push(mention);
        at = mention.end;
        continue;
      }
      // the pairs' joint, then the other chip and its own "by"
      const pairsJoined =
        makers.length > 0 &&
        mention.type === 'chip' &&
        !chipIds.has(mention.id) &&
        PAIRS_JOINED.test(gap) &&
        /^\s+(?:by|at)\s+/i.test(reading.text.slice(mention.end));
      return pairsJoined ? makers : [];
    }
  }
  return [];
}

/** After a chip, its passive making up to the maker: "built by", "will be made at", "to be produced by". */
const PASSIVE_MADE_AFTER_CHIP =
  /^\s+(?:chips?\s+)?(?:(?:will\s+be|would\s+be|is|are|to\s+be|being)\s+)?(?:made|built|produced|manufactured|fabbed|fabricated)\s+(?:by|at)\s+/i;
/** Between one passive pair's makers and the next pair's chip: "and", ", while", "; ". */
const PAIRS_JOINED = /^\s*(?:,\s*)?(?:and|while|with|whereas)\s+$|^\s*;\s*$/i;

const PASSIVE_MAKING =
  /\b(?:be|is|are|being|been)\s+(?:\w+\s+)?(?:made|built|produced|manufactured|fabbed|fabricated)\s+(?:by|at)\b|\b(?:with|AI\d)\s+(?:\w+\s+)?(?:made|built|produced|manufactured|fabbed|fabricated)\s+by\b/i;

/**
 * Whether the text drops a named foundry from the chip's makers: "replacing/instead of/from" it, "Samsung out",
 * its run ended, 从…转至 another (a lost order is told by lostChip).
 */
function droppedByTheText(reading: SentenceReading, mention: EntityMention): boolean {
  return (
    (DISPLACED_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 16), mention.start)) &&
      // "dual-sources AI5 from TSMC and Samsung": a source, not the maker left.
      !sourcedFrom(reading.text.slice(Math.max(0, mention.start - 80), mention.start)) &&
      // "moved part of its AI6 orders from Samsung to TSMC": Samsung keeps the rest.
      !MOVED_PART_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 96), mention.start))) ||
    DISPLACED_AFTER.test(reading.text.slice(mention.end, mention.end + 32)) ||
    // "Tesla chose TSMC over rival Samsung for AI6": the foundry passed over.
    CHOSEN_OVER_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 60), mention.start)) ||
    // "moves to TSMC, ending Samsung's run on its FSD chips": the role ended is the foundry's left (not "its run
    // as sole supplier": only the exclusivity ends).
    (/\bend(?:s|ed|ing)?\s+$/i.test(reading.text.slice(Math.max(0, mention.start - 8), mention.start)) &&
      (ROLE_AFTER.test(reading.text.slice(mention.end, mention.end + 48)) ||
        // "moves AI4 to TSMC, ending Samsung's monopoly" — not "also makes AI5, ending TSMC's monopoly"
        (SOLE_ROLE_AFTER.test(reading.text.slice(mention.end, mention.end + 20)) &&
          MOVED_WHOLLY.test(reading.text) &&
          !SHARED_MAKING.test(reading.text)))) ||
    // "把AI6芯片的生产从三星转至台积电", "由三星電子轉交台積電": moved from it to another.
    (MOVED_FROM_FOUNDRY_ZH.test(reading.text.slice(Math.max(0, mention.start - 2), mention.start)) &&
      // (not part of it: "将部分AI5订单从台积电转至三星")
      !/(?:部分|部份|一部|少量|一些)[^，。；]{0,12}$/.test(
        reading.text.slice(Math.max(0, mention.start - 16), mention.start),
      ) &&
      MOVED_TO_FOUNDRY_ZH.test(reading.text.slice(mention.end, mention.end + 8)))
  );
}

const CHOSEN_OVER_BEFORE =
  /\b(?:chose|choos(?:e|es|ing)|chosen|pick(?:s|ed|ing)?|select(?:s|ed|ing)?|prefer(?:s|red|ring)?|favou?r(?:s|ed|ing)?|tap(?:s|ped|ping)?)\s+[^,;.]{1,30}?\bover\s+(?:(?:its\s+|the\s+)?(?:Korean\s+|Taiwanese\s+|bigger\s+)?rival\s+)?$/i;

/**
 * A part of the making moved ("part of its AI6 orders from", "some AI6 wafers from", "a portion of … from"), or share
 * taken ("taking share from TSMC").
 */
const MOVED_PART_BEFORE =
  /\b(?:tak(?:e|es|ing)|took|win(?:s|ning)?|won|grab(?:s|bing)?|gain(?:s|ing)?|steal(?:s|ing)?|stole|chip(?:s|ping)?\s+away)\s+(?:some\s+|a\s+(?:bigger\s+|larger\s+)?)?share\s+(?:away\s+)?from\s+$|\b(?:(?:(?:a|an)\s+)?(?:(?:small|large|big|significant|sizable|sizeable)\s+)?(?:part|portion|share|slice|fraction|chunk)|half|some)\s+of\s+[^.;,]{0,64}?\bfrom\s+$|\bsome\s+(?:[\w-]+\s+){0,3}?(?:orders?|volumes?|production|output|wafers?|capacity)\s+from\s+$/i;

/** Between a coordinated group of foundries and their verb: only words of doing it together. */
const GROUP_VERB_GAP =
  /^(?:\s|共同|一起|一同|同时|同時|两地|兩地|分别|分別|各自|分工|分担|分擔|联合|聯合|将|將|均|也|则|則|会|會|承担|承擔|负责|負責|together|jointly|both|will|would|在[^，,。；;]{1,12}?(?=$|生产|生產|代工|制造|製造))*$/i;

/**
 * "AI5芯片将于2027年量产，台积电与三星共同代工": a chip opening a Chinese sentence is the topic its later clauses
 * speak of — a "makes" word after a comma, with no other chip named up to it, makes that chip.
 */
function topicChipTriggers(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  chips: readonly { start: number; end: number }[],
  makers: ReadonlySet<string>,
): PhraseMatch<AttributeClass>[] {
  const topic = chips[0];
  if (topic === undefined || !TOPIC_OPENING.test(reading.text.slice(0, topic.start))) return [];
  return triggers.filter(
    (trigger) =>
      trigger.start > topic.end &&
      // (past a comma, or a Chinese headline's space: "特斯拉AI5明年年中量产 三星台积电共同代工")
      /^[^，。；;]*(?:，|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff]))[^。；;]*$/.test(
        reading.text.slice(topic.end, trigger.start),
      ) &&
      // (not past a condition or a time: "AI5将由台积电代工，一旦产能不足，三星也将参与生产")
      !/一旦|如果|若|假如|倘若|万一|萬一|只要|除非|如遇/.test(reading.text.slice(topic.end, trigger.start)) &&
      // …with no object of its own ("三星泰勒厂负责下一代" makes another) but a part of the topic's ("各自负责一部分产能").
      /^\s*(?:(?:一部分|部分|一半)?(?:产能|產能|订单|訂單))?\s*(?:[，。；;,！!]|$)/.test(
        reading.text.slice(trigger.end, trigger.end + 8),
      ) &&
      // …and its maker right before it, doing it ("台积电与三星共同代工" — not "都想代工", "曾竞标").
      makerRightBefore(reading, trigger) &&
      // …nor speaks of a thing the topic is measured against ("AI6性能超越英伟达的Rubin，后者由台积电代工").
      !makesAnotherNamedBetween(reading.text, topic.end, trigger) &&
      // …with no subject of its own ("特斯拉AI6由三星代工，而英伟达Rubin GPU已在台积电投片" is Nvidia's making).
      !ownSubjectBefore(reading, trigger, makers, topic.end) &&
      // (a chip named only as a yardstick is none: "能效則為AI5的三倍，由三星負責代工")
      !reading.chips.some((chip) => chip.start >= topic.end && chip.start < trigger.end),
  );
}

/**
 * After a comma past the chip, a clause of its own that says who still makes it, naming no chip: "…，仍由三星代工",
 * "…，該晶片仍由三星獨家代工", "…，三星仍是唯一代工夥伴" — the making words of such a clause are the chip's.
 */
function stillMadeByClauses(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  chips: readonly { start: number; end: number }[],
): PhraseMatch<AttributeClass>[] {
  return triggers.filter((trigger) => {
    if (!chips.some((chip) => chip.end <= trigger.start)) return false;
    const clauseStart = chineseClauseStart(reading.text, trigger.start);
    if (clauseStart === 0 || chips.some((chip) => chip.start >= clauseStart && chip.start < trigger.start))
      return false;
    return STILL_MADE_BY_ZH.test(reading.text.slice(clauseStart, trigger.end));
  });
}

/** Whether the name stands in a clause that says it still makes the chip (STILL_MADE_BY_ZH), ended by one of `triggers`. */
function opensStillMadeByClause(
  reading: SentenceReading,
  mention: EntityMention,
  triggers: readonly PhraseMatch<AttributeClass>[],
): boolean {
  const clauseStart = chineseClauseStart(reading.text, mention.start);
  return triggers.some(
    (trigger) =>
      trigger.start >= mention.end && STILL_MADE_BY_ZH.test(reading.text.slice(clauseStart, trigger.end)),
  );
}

/** Where a clause begins, past the last comma (full-width or not) before `at`; 0 when none. */
const chineseClauseStart = (text: string, at: number) =>
  Math.max(text.lastIndexOf('，', at), text.lastIndexOf(',', at)) + 1;

/** The chip referred to, in Chinese: 该芯片, 這款晶片, 此晶片. */
const CHIP_REFERENCE_ZH = String.raw`(?:该|該|这款|這款|此款?)(?:芯片|晶片)`;

/** A clause that says the maker still makes it: 仍由三星(獨家)代工, 三星仍是(唯一)代工夥伴 (該晶片 may open it). */
const STILL_MADE_BY_ZH = new RegExp(
  String.raw`^\s*(?:${CHIP_REFERENCE_ZH}|该产品|該產品)?(?:(?:仍|仍然|依然|依旧|依舊|继续|繼續)(?:由|交由)\s*[^，。；;\s]{1,8}?(?:独家|獨家|负责|負責)?(?:代工|生产|生產|制造|製造)|[^，。；;\s]{1,8}?(?:仍|仍然|依然|依旧|依舊)(?:是|为|為)(?:其|${CHIP_REFERENCE_ZH})?(?:唯一|独家|獨家|主要)?的?(?:代工))$`,
);

/**
 * "Samsung … shares AI5 with TSMC and will be the sole maker of AI6": a name after a preposition, then "and" and a verb
 * with no subject of its own — the joined predicate is the clause subject's, not the name's.
 */
function subjectsJoinedPredicate(
  reading: SentenceReading,
  mention: EntityMention,
  trigger: PhraseMatch<AttributeClass>,
): boolean {
  return (
    PREPOSITION_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 12), mention.start)) &&
    JOINED_PREDICATE.test(reading.text.slice(mention.end, trigger.end))
  );
}

/** A name after its making, right after a preposition: "manufacture Tesla's AI5 alongside TSMC". */
const objectOfPreposition = (
  reading: SentenceReading,
  mention: EntityMention,
  trigger: PhraseMatch<AttributeClass>,
) =>
  trigger.end <= mention.start &&
  PREPOSITION_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 12), mention.start));

/** Right before a name, a preposition that makes it an object: "shares AI5 with TSMC", "lost AI5 to TSMC". */
const PREPOSITION_BEFORE = /\b(?:with|to|from|than|against|over|alongside)\s+$/i;

/**
 * After a name, "and" and a verb with no subject of its own: " and will be the sole maker", " and plans to", " and also
 * produce" (the auxiliary shared with the verb before).
 */
const JOINED_PREDICATE =
  /^\s*,?\s+and\s+(?:(?:also|then|now|still|soon)\s+)?(?:will|would|is|are|was|has|have|had|plans|expects|aims|wants|could|may|might|should|can|make|produce|build|manufacture|supply|fabricate)\b/i;

/** A company other than the makers, or a name the ruler does not know, in the trigger's clause before it. */
function ownSubjectBefore(
  reading: SentenceReading,
  trigger: PhraseMatch<AttributeClass>,
  makers: ReadonlySet<string>,
  from: number,
): boolean {
  // (the clause after the topic chip's: past a comma, or a Chinese headline's space)
  const clauseStart = Math.max(
    from,
    ...[...reading.text.slice(0, trigger.start).matchAll(CLAUSE_BREAK_ZH)].map(
      (stop) => stop.index + stop[0].length,
    ),
  );
  return (
    unknownLatinName(reading, clauseStart, true, trigger.start) ||
    reading.mentions.some(
      (mention) =>
        mention.start >= clauseStart &&
        mention.end <= trigger.start &&
        (mention.type === 'company' || mention.type === 'affiliate') &&
        !makers.has(mention.id),
    )
  );
}

const CLAUSE_BREAK_ZH = /[，,；;]|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g;

function makerRightBefore(reading: SentenceReading, trigger: PhraseMatch<AttributeClass>): boolean {
  const maker = reading.mentions.findLast(
    (mention) => mention.type === 'company' && mention.end <= trigger.start,
  );
  return (
    maker !== undefined &&
    GROUP_VERB_GAP.test(reading.text.slice(maker.end, trigger.start).replace(/^(?:独家|獨家|负责|負責)/, ''))
  );
}

/** Before a topic chip: nothing, a tag, a speaker or the chip's owner ("【快讯】马斯克：特斯拉"). */
// (…or a speaker's word and its comma: "特斯拉确认，AI5将于2027年进入量产"; or a 的-modifier describing the chip:
// "原本由台積電獨家代工的特斯拉AI5晶片，將改由台積電與三星共同生產")
const TOPIC_OPENING =
  /^\s*(?:【[^】]{1,12}】)?\s*(?:[^，。；：:]{1,12}[：:]|[^，。；：:]{1,10}(?:确认|確認|表示|称|稱|透露|指出)[，,])?\s*(?:[^，。；：:]{2,20}的)?\s*(?:特斯拉|特斯拉的)?\s*(?:下一代|新一代|次世代)?\s*$/;

/** Whether a doubt begins within a couple of words after a position ("AI5 may be next"). */
function doubtedRightAfter(reading: SentenceReading, at: number): boolean {
  for (let position = at; position < Math.min(reading.text.length, at + 12); position++)
    if (reading.scopes.blockersAt(position).length > 0) return true;
  return false;
}

/**
 * "switches AI6 orders to TSMC after Samsung yield woes", 三星良率问题或影响特斯拉AI5订单: a foundry's troubles, a
 * cause, make nothing — unless it wins or makes all the same (三星良率不佳仍获特斯拉AI6订单, "yield woes ease as it
 * begins making Tesla's AI6"), no other foundry named before that making ("Samsung's yield problems persist even
 * as TSMC produces Tesla's AI5" is TSMC's).
 */
function onlyTroubled(
  reading: SentenceReading,
  mention: EntityMention,
  foundries: ReadonlySet<string>,
): boolean {
  const after = reading.text.slice(mention.end, mention.end + 64);
  if (!TROUBLES_AFTER.test(after)) return false;
  const overcome = OVERCOME_AFTER.exec(after);
  if (overcome === null) return true;
  const overcomeEnd = mention.end + overcome.index + overcome[0].length;
  // Another foundry in between makes it — unless that one is only a rival beaten, a comparison, or a maker
  // joined ("beating TSMC to win", "worse than TSMC's", "it, not TSMC,", "joins TSMC in making", 继台积电之后).
  return reading.mentions.some(
    (other) =>
      foundries.has(other.id) &&
      other.id !== mention.id &&
      other.start >= mention.end &&
      other.end <= overcomeEnd &&
      !RIVAL_ONLY_BEFORE.test(reading.text.slice(Math.max(0, other.start - 12), other.start)) &&
      !RIVAL_ONLY_AFTER.test(reading.text.slice(other.end, other.end + 12)),
  );
}

const RIVAL_ONLY_BEFORE =
  /(?:击败|擊敗|打败|打敗|超越|超过|超過|领先|領先|继|繼|\b(?:beat(?:s|ing)?|than|unlike|not|join(?:s|ing|ed)?|follow(?:s|ing|ed)?|after|over|outpac\w*|edg(?:e|es|ed|ing)\s+out))\s*$/i;

const RIVAL_ONLY_AFTER = /^\s*(?:之后|之後|之外|以外|poaching)/i;

const TROUBLES_AFTER =
  /^(?:['’]s)?(?:\s+(?:[\w-]*\d[\w-]*|foundry|yield|quality|production|capacity|execution|technical|manufacturing))*\s+(?:woes|problems|issues|troubles|struggles|setbacks|shortfalls|failures)\b|^(?:的)?(?:良率|良品率|产能|產能|技术|技術)?(?:问题|問題|不佳|不足|困境|危机|危機)/;

const OVERCOME_AFTER =
  /(?:解决|解決|缓解|緩解|改善|\beas(?:e|es|ed|ing)\b|仍|still|\byet\b|despite|even\s+as|开始|開始)[^。；.;]{0,32}?(?:获|獲|拿下|斩获|斬獲|量产|量產|生产|生產|代工|\b(?:begins?|starts?|will\s+start)\s+making|\bmak(?:es|ing)\b|\bproduc(?:es|ing)\b|\bbuild(?:s|ing)\b|\bwins?\b|\bwon\b|\blands?\b)/i;

export const HANDED_OVER_AFTER = /^\s*(?:将|將|把)[^，。；,;]{0,14}?(?:交由|交给|交給|委托|委託|转交|轉交)/;

/**
 * "TSMC's Arizona fab and Samsung's Taylor fab will both build the chip": "fab" after a name or a determiner, as the
 * subject of a making verb of its own, is the plant, not the verb "to fab" ("Samsung will fab AI6"); its owner is that
 * verb's agent — or with a relative clause of its own ("Samsung's Taylor fab, which will produce AI6 chips"). (A plant
 * noun left a trigger elsewhere: "AI6 is slated for Samsung's Taylor fab" reads its owner.)
 */
const fabAsNoun = (text: string, match: PhraseMatch<AttributeClass>) =>
  /^fabs?$/i.test(text.slice(match.start, match.end)) &&
  /(?:['’]s(?:\s+[A-Z][\w-]*)?|\b(?:the|its|their|[A-Z][\w-]*))\s+$/.test(text.slice(0, match.start)) &&
  /^(?:\s+and\s+[A-Z][\w-]*['’]s(?:\s+[A-Z][\w-]*)?\s+(?:fab|plant|factory|facility)s?)?\s+(?:(?:will|would|are\s+to|is\s+to|can)\s+)?(?:(?:both|also|jointly|each)\s+)?(?:make|build|produce|manufacture|fab|supply|handle)\b|^\s*,\s*which\s+(?:[\w'’-]+\s+){0,5}?(?:make|build|produce|manufacture|supply)s?\b/i.test(
    text.slice(match.end),
  );

const BUSINESS_AFTER =
  /^(?:营收|營收|业务|業務|部门|部門|事业|事業|市场|市場|份额|份額|厂商|廠商|产能|產能|收入)/;

/**
 * "a facility in Taylor, Texas, where Tesla's AI6 chips will be manufactured": a site stands for
 * the company that runs it, when the sentence does not name that company itself.
 */
function withOperators(
  reading: SentenceReading,
  operators: ReadonlyMap<string, string>,
  allowed: ReadonlySet<string>,
): EntityMention[] {
  const mentions = reading.mentions;
  // Only the site as a place — "the Taylor fab", "in Taylor, Texas", 在泰勒工厂 — not "analyst
  // Taylor Ogan" or "the Taylor city council".
  const asSite = (mention: EntityMention) =>
    namedAsPlace(reading, mention) ||
    reading.phrases(SITE_WORDS).some((site) => site.end > mention.start && site.start - mention.end <= 10);
  const operated = mentions.flatMap((mention) => {
    const operator = operators.get(mention.id);
    return operator && allowed.has(operator) && asSite(mention)
      ? // An operator is a company (rules.json: "the company that runs it").
        [{ ...mention, id: operator, type: 'company' }]
      : [];
  });
  // "…at its Taylor, Texas fab. … The fab will manufacture Tesla's upcoming AI6 chips": a site
  // referred back to, when this sentence names no site or place of its own.
  const prior = reading.priorSite ? operators.get(reading.priorSite.id) : undefined;
  if (operated.length === 0 && prior && allowed.has(prior) && !mentions.some(isSiteOrPlace)) {
    const reference = SITE_REFERENCE.exec(reading.text);
    if (reference)
      operated.push({
        id: prior,
        type: 'company',
        start: reference.index,
        end: reference.index + reference[0].length,
      });
  }
  // "Samsung's chip profit surges … // The company also said its foundry unit is on track to begin supplying
  // AI6 chips to Tesla": the company the headline leads with, referred back to, when this sentence names none.
  // (…or the company the lede's sentence before leads with: "這家台灣晶圓代工龍頭的股價…下跌。不過，該公司仍負責生產…")
  const lead = reading.priorLead ?? reading.titleLead;
  if (
    operated.length === 0 &&
    lead !== undefined &&
    allowed.has(lead) &&
    !mentions.some((mention) => mention.type === 'company' && allowed.has(mention.id))
  ) {
    const reference = companyReferenceMaking(reading);
    if (reference) operated.push({ id: lead, type: 'company', ...reference });
  }
  if (operated.length === 0) return mentions;
  const named = new Set(mentions.map((mention) => mention.id));
  return [...mentions, ...operated.filter((mention) => !named.has(mention.id))].sort(
    (a, b) => a.start - b.start,
  );
}

/**
 * A company referred back to as the one doing a making: "The company will also make AI6 chips for Tesla", "its
 * foundry unit is on track to begin supplying AI6 chips" — as the sentence's own subject: no one named before it
 * ("Musk said the company would build AI5 chips" is Tesla), no one named between it and the making ("The
 * company said it expects Tesla to make AI6 in-house"), and no saying between unless of itself ("The company
 * said it will make …"); not "the company that wins …", which is none yet.
 */
function companyReferenceMaking(reading: SentenceReading): { start: number; end: number } | undefined {
  const makings = reading.relations.filter((match) => match.name === 'makes');
  const references = [...reading.text.matchAll(COMPANY_REFERENCE)].filter(
    (reference) =>
      !reading.mentions.some((mention) => mention.start < reference.index) &&
      !SAYING_BETWEEN.test(reading.text.slice(0, reference.index)) &&
      !/^\s*(?:that|which|who)\b/i.test(reading.text.slice(reference.index + reference[0].length)),
  );
  const doing = references.filter((reference) => {
    const end = reference.index + reference[0].length;
    return makings.some(
      (making) =>
        making.start >= end &&
        making.start - end <= 80 &&
        !reading.mentions.some((mention) => mention.start >= end && mention.end <= making.start) &&
        (!SAYING_BETWEEN.test(reading.text.slice(end, making.start)) ||
          SAID_OF_ITSELF.test(reading.text.slice(end, making.start))),
    );
  });
  const last = doing.at(-1);
  return last ? { start: last.index, end: last.index + last[0].length } : undefined;
}

/** …unless what it said is of itself: "The company said it will begin making AI6 chips", 该公司表示，其代工部门将. */
const SAID_OF_ITSELF =
  /^\s*(?:also\s+)?(?:said|says|added|noted)\s+(?:that\s+)?(?:it|its)\b[^,.;"“”]*$|^[^，。；]{0,4}(?:表示|称|稱)[，,]?\s*(?:其|该公司|該公司)[^，。；]*$/i;

const SAYING_BETWEEN =
  /\b(?:said|says|told|tells|added|noted|stated|reported|expects?|expected)\b|表示|指出|称|稱|透露|预计|預計|[。;；]|\.(?!\d)/i;

/** A company referred back to: "the company", "its foundry unit", 该公司, 其代工部门 (not "it": too often another's). */
const COMPANY_REFERENCE =
  /\b(?:the|this)\s+(?:company|firm)\b|\bits\s+(?:foundry|contract[-\s]manufacturing|contract\s+chipmaking|chipmaking|chip-making)\s+(?:unit|arm|business|division)\b|(?:该|該)公司|其(?:晶圆|晶圓)?代工(?:部门|部門|业务|業務|事业部|事業部)/gi;

/** A site referred back to: "the fab", "the new plant", 该厂, 这座晶圆厂. */
export const SITE_REFERENCE =
  /\b(?:the|this)\s+(?:[\w-]+\s+)?(?:fab|plant|facility|factory|site|campus|complex)\b|(?:该|該|这座|這座)(?:晶圆厂|晶圓廠|工厂|工廠|厂|廠)|(?<=\b(?:made|built|produced|manufactured|fabricated)\s+)there\b/i;

/** "Samsung will make AI5 until AI6 starts production in 2028": the year is AI6's, no value of AI5's. */
export function timeClauseOfAnotherChip(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): boolean {
  // The sentence's time clauses of chips that are no subject, found once a sentence.
  const clauses = reading.once('timeClauses', () =>
    reading.mentions.flatMap((chip) => {
      if (chip.type !== 'chip' || !reading.measured.has(chip)) return [];
      const end = timeClauseAfter(reading.text, chip);
      return end === undefined ? [] : [{ id: chip.id, start: chip.end, end }];
    }),
  );
  return clauses.some(
    (clause) => !rule.ownIds.has(clause.id) && mention.start >= clause.start && mention.end <= clause.end,
  );
}

function blockedVerb(reading: SentenceReading, trigger: PhraseMatch | undefined): boolean {
  return trigger !== undefined && reading.scopes.blockersAt(trigger.start, trigger).length > 0;
}

/**
 * "lower than TSMC's", "trails Samsung", "比台积电", "narrow its gap with TSMC", "缩小与台积电(的)差距": a foundry
 * named for comparison, not as the maker (not "fill a supply gap with Samsung chips", its supplier); and "a veteran
 * of TSMC", "a former Intel executive": a person's employer.
 */
const COMPARED_BEFORE =
  /(?:\b(?:narrow|clos|shrink|reduc|cut)\w*\s+(?:(?:its|the|their|this|a)\s+)?(?:[\w-]+\s+)?gap\s+(?:with|to)|\bcatch(?:es|ing)?\s+up\s+(?:with|to|on)|\bclose[sd]?\s+in\s+on|\bchas(?:e|es|ed|ing)|\bchalleng(?:e|es|ed|ing)|\bleapfrog(?:s|ged|ging)?|\bovert(?:ake|akes|aken|ook|aking)|\bveteran\s+of|\bformerly\s+(?:of|at|with)|\bformer|\bex-|\bpoached\s+(?:[\w-]+\s+){0,2}from|\bhired\s+(?:[\w-]+\s+){0,2}(?:away\s+)?from|缩小与|縮小與|拉近与|拉近與|追赶|追趕|赶超|趕超|超越|挑战|挑戰|抗衡|\bthan|\brivals?|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bbehind|\bbeat(?:s|ing)?|\bedg(?:e|es|ed|ing)\s+out|\bout(?:bid|bids|bidding|bidded|competed?|competes|competing|maneuvered|manoeuvred)|\bwon\s+out\s+over|\bover|击败|擊敗|力压|力壓|打败|打敗|\btrail(?:s|ed|ing)?|\blag(?:s|ged|ging)?(?:\s+behind)?|\bahead\s+of|\bcompetitors?(?:\s+such\s+as)?|\blike|比|落后于|落後於|不如|对手|對手|领先于?|領先於?|早于|早於|晚于|晚於|先于|先於|\b(?:beat|beats|outperform\w*|outclass\w*|top|tops)\s+(?:anything|everything|whatever|what)|\b(?:anything|everything|whatever)\s+(?:that\s+)?)\s*$/i;

/** Names listed before a foundry ("over TSMC and Intel"): capitalised or Chinese, so "Over time, Samsung" is no list. */
const NAMES_BEFORE = /(?:[A-Z\u3400-\u9fff][\w\u3400-\u9fff-]*\s*(?:,|\band|\bor|、|和|与|與|及)\s*){1,2}$/;

/** "Rival Samsung Electronics, whose foundry arm makes…" opening the sentence: an epithet, nothing compared in it. */
const RIVAL_OPENING = /^\s*(?:(?:its|their|[\w-]+['’]s)\s+)?(?:[\w-]+\s+)?rival\s*$/i;

const LEFT_WITH = /\b(?:leaves?|left|keeps?|kept)\s.*\swith$/i;

/** A comparison right before a foundry, or before the names listed with it ("over TSMC and Intel"). */
// "Unlike TSMC, Samsung will make…": only the name right after "unlike" (not a list through the comma).
const comparedBefore = (before: string) =>
  COMPARED_BEFORE.test(before.slice(-24)) ||
  /\bunlike\s*$/i.test(before.slice(-24)) ||
  COMPARED_BEFORE.test(before.replace(NAMES_BEFORE, ''));

/** A chip named after a comparison ("ahead of Tesla's AI6", "behind AI5", 落后于AI6): what another thing is measured by. */
function chipComparedWith(reading: SentenceReading, chip: { start: number; end: number }): boolean {
  // (…or the chips listed before it with it: "a rival design to Tesla's AI4 and AI5")
  const before = reading.text
    .slice(Math.max(0, chip.start - 48), chip.start)
    .replace(OWNER_BEFORE_CHIP, '')
    .replace(CHIPS_LISTED_BEFORE, '')
    .replace(OWNER_BEFORE_CHIP, '');
  // "well ahead of Tesla's AI6 at Samsung": its own maker named, the chip is more than a yardstick.
  return (
    (CHIP_COMPARED_BEFORE.test(before) &&
      !MAKER_AFTER_CHIP.test(reading.text.slice(chip.end, chip.end + 6))) ||
    // "…每瓦性能将达到AI5的约4倍": a chip a measure is so many times of.
    TIMES_OF_AFTER.test(reading.text.slice(chip.end, chip.end + 8).replace(/^的?约|^的?約/, '')) ||
    // "AI5之後的AI6將全數由三星代工": the chip another is told after; "AI6's successor", the one after it.
    /^\s*(?:芯片|晶片)?\s*(?:之後|之后|以後|以后)的|^(?:['’]s)?\s+(?:[\w-]+\s+)?successor|^\s*(?:芯片|晶片)?的?(?:继任者|繼任者|后继者|後繼者|接班)/i.test(
      reading.text.slice(chip.end, chip.end + 24),
    )
  );
}

const MAKER_AFTER_CHIP = /^\s+(?:at|by|from)\s/i;

const OWNER_BEFORE_CHIP =
  /(?:(?:[A-Z][\w-]*['’]s?|特斯拉的?|the|own|new|next-generation|next-gen|upcoming|in-house|custom)\s*)+$/;

// (Each white space once: "\d\s*(?:\s+and" let a run of spaces split two ways per chip, exponential in a long list.)
const CHIPS_LISTED_BEFORE = /(?:\b(?:AI|HW)\s?\d(?:\s+(?:and|or)\s+|\s*&\s*))+$/i;

const CHIP_COMPARED_BEFORE =
  /(?:\b(?:rival|competing)\s+(?:design|chip|product|processor)s?\s+to|\b(?:chip|processor|generation|one)\s+(?:after|following|beyond)|\bsuccessors?\s+(?:to|of)|\b(?:rival|competitor|answer)\s+to|\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bbehind|\bahead\s+of|\boutpac\w+|\boutperform\w*|\b(?:months?|weeks?|quarters?|years?)\s+(?:before|after)|\b(?:un)?like|\brivals?|比|落后于|落後於|领先于|領先於|早于|早於|晚于|晚於)\s*$/i;

/** A making whose object is a pronoun: "will build it", "makes them". */
const MAKES_A_PRONOUN =
  /\b(?:make|makes|build|builds|manufacture|manufactures|produce|produces|fabricate|fabricates)\s+(?:it|them)\b/i;

function soleFoundryAndChip(
  reading: SentenceReading,
  found: EntityMention[],
  chipIds: ReadonlySet<string>,
  triggers: PhraseMatch<AttributeClass>[],
): boolean {
  const foundries = new Set(found.map((mention) => mention.id));
  // (a chip named only as another's measure is none of the pair when the making takes a pronoun for its chip: "AI6
  // will offer three times the performance per watt of AI5, and Samsung will build it")
  const pronounMade = MAKES_A_PRONOUN.test(reading.text);
  const chips = reading.mentions.filter(
    (mention) => mention.type === 'chip' && !(pronounMade && reading.measured.has(mention)),
  );
  // "Samsung signed a foundry pact with Qualcomm, while Tesla began testing its AI5 chip": a clause of its
  // own set off by a comma (", while", ", as"…) and with no making in it parts the foundry from the chip.
  const parted = (chip: EntityMention) =>
    found.every((foundry) => {
      const [first, second] = foundry.end <= chip.start ? [foundry, chip] : [chip, foundry];
      const between = reading.text.slice(first.end, second.start);
      // "台积电亚利桑那厂为特斯拉AI5备产之际，三星泰勒厂确定明年投产": a clause set before the main one.
      if (TIME_CLAUSE_ZH.test(between)) return true;
      if (foundry.end <= chip.start && opensOwnSchedule(reading.text, chip)) return true;
      // "AI5 won't reach volume production until 2027, a delay that matters for Samsung": an appositive summing up.
      if (chip.end <= foundry.start && SUMMING_APPOSITIVE.test(between)) return true;
      // "AI6 against Nvidia's Rubin, made by TSMC": the making past the thing the chip is measured against is that thing's.
      if (
        chip.end <= foundry.start &&
        triggers.some(
          (trigger) =>
            trigger.start >= chip.end &&
            trigger.start <= foundry.end + 8 &&
            makesAnotherNamedBetween(reading.text, chip.end, trigger),
        )
      )
        return true;
      // "Apple picks Samsung's Austin fab for image sensors as Tesla moves AI6 validation to Giga Texas": the
      // foundry's own clause, before the chip's opens, makes another product.
      if (
        foundry.end <= chip.start &&
        opensClauseBetween(reading.text, foundry.end, chip.start) &&
        OTHER_PRODUCT.test(reading.text.slice(clauseStartOf(reading, foundry.start), chip.start))
      )
        return true;
      // "三星德州泰勒工厂将开始运营，特斯拉AI5也将进入送样阶段": the foundry's own Chinese clause before the chip's, that
      // tells only its fab's start (not "…明年投产，AI5将在那里生产", where the chip's clause points back at the fab).
      if (foundry.end <= chip.start && onlyFabStartBeforeChipZh(reading, foundry, chip, triggers))
        return true;
      // "特斯拉AI5量产推迟至2027年,三星泰勒厂进度不变": a Chinese clause the foundry opens after a comma, with no
      // making in it.
      const comma = Math.max(between.lastIndexOf('，'), between.lastIndexOf(','));
      if (
        chip.end <= foundry.start &&
        comma >= 0 &&
        /[\u3400-\u9fff]/.test(between) &&
        /^\s*(?:而|但|则|則)?\s*$/.test(between.slice(comma + 1)) &&
        // (not a headline's terse spec: "AI6量产时间敲定：2028年下半年，三星2纳米")
        !/^\s*\d+(?:\.\d+)?\s*(?:纳米|奈米|nm)/i.test(reading.text.slice(foundry.end, foundry.end + 8))
      ) {
        const to = clauseEndOf(reading, foundry.end);
        // (…or only the fab's own start: "…，三星泰勒廠仍按計畫今年投產")
        const inClause = triggers.filter((trigger) => trigger.start >= foundry.start && trigger.end <= to);
        if (
          inClause.every((trigger) => FAB_START_ZH.test(reading.text.slice(trigger.start, trigger.end))) &&
          !reading.chips.some((other) => other.start >= foundry.start && other.end <= to) &&
          !MADE_THING.test(reading.text.slice(foundry.end, to))
        )
          return true;
      }
      const opening = COMMA_CLAUSE_OPENING.exec(between);
      if (!opening) return false;
      const from = first.end + opening.index;
      const to = clauseEndOf(reading, second.end);
      // (a making of something: "…, while Samsung's Taylor fab remains on schedule to begin production this year" is
      // the fab's own start, no chip made)
      return !(
        triggers.some((trigger) => trigger.start >= from && trigger.end <= to) &&
        (reading.chips.some((chip) => chip.start >= from && chip.end <= to) ||
          MADE_THING.test(reading.text.slice(from, to)))
      );
    });
  return (
    foundries.size === 1 &&
    chips.some((mention) => chipIds.has(mention.id) && !parted(mention)) &&
    // "its AI5 and AI6 processors": chips named together are one order.
    chips.every(
      (mention, index) =>
        index === 0 || COORDINATED.test(reading.text.slice(chips[index - 1]!.end, mention.start)),
    )
  );
}

/**
 * "三星德州泰勒工厂将开始运营，特斯拉AI5也将进入送样阶段，真正量产要到2027年": the foundry's own Chinese clause, before
 * the chip's, tells only its fab's start (not "…明年投产，AI5将在那里生产", where the chip's clause points back at the fab).
 */
function onlyFabStartBeforeChipZh(
  reading: SentenceReading,
  foundry: EntityMention,
  chip: { start: number; end: number },
  triggers: readonly PhraseMatch<AttributeClass>[],
): boolean {
  const to = clauseEndOf(reading, foundry.end);
  return (
    to <= chip.start &&
    /[\u3400-\u9fff]/.test(reading.text.slice(foundry.end, chip.start)) &&
    FAB_OWN_START.test(reading.text.slice(foundry.end, to)) &&
    !triggers.some((trigger) => trigger.start >= foundry.start && trigger.end <= to) &&
    !MADE_THING.test(reading.text.slice(foundry.end, to)) &&
    !POINTS_BACK_ZH.test(reading.text.slice(to))
  );
}

/** A clause pointing back at the fab or its maker: 在那里, 在此, 该厂, 其. */
const POINTS_BACK_ZH = /那里|那裡|这里|這裡|在此|该厂|該廠|此厂|此廠|当地|當地|其/;

const FAB_START_ZH = /^(?:投产|投產|启用|啟用|运营|運營|营运|營運|开始运营|開始營運)$/;

const MADE_THING = /\b(?:chips?|processors?|it|them|orders?|wafers?)\b|芯片|晶片|订单|訂單/i;

/**
 * "Tesla picks Intel for AI6 packaging", 英特尔负责AI6封装, "Intel wins Tesla AI5 packaging work", 英特尔拿下…AI5先进封装订单:
 * work on the chip other than making it — packaging,
 * testing, design — makes its company no foundry of the chip.
 */
const OTHER_WORK_AFTER =
  /^(?!,\s*to\s+(?:also\s+)?(?:package|test|assemble)\b[^,.;]*,),?\s*(?:will|would|is\s+to|to)\s+(?:also\s+)?(?:package|test|assemble)(?![-‐\w])(?![^,.;]{0,30}\b(?:(?:and|&)\s+(?:make|manufactur\w*|produc\w*|fabricat\w*)|it\s+(?:makes|will\s+make|produces|fabricates))\b)|^(?:['’]s)?\s*(?:(?:for|to|on|with)\s+(?:(?:the|its|Tesla['’]s|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?)?(?:advanced\s+)?(?:packaging|package|packages|packaged|testing|assembly|design\s+(?:work|services)|负责[^，。；,;\s]{0,8}?(?:封装|封裝|封测|封測|测试|測試)|(?:封装|封裝|封测|封測))|^\s+(?:wins?|won|lands?|landed|gets?|got|secures?|secured|bags?|bagged)\s+(?:(?:the|a|an|its|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?(?:advanced\s+)?(?:packaging|testing|assembly)\b|^(?:拿下|获得|獲得|赢得|贏得|斩获|斬獲|取得)[^，。；,;\s]{0,12}?(?:封装|封裝|封测|封測)/i;

/** Before a foundry, the work it does told in the passive: "will be packaged by Intel", "with testing by Amkor". */
const OTHER_WORK_BEFORE =
  /\b(?:packag(?:ed|ing)|assembled|assembly|tested|testing)\s+(?:(?:and|or)\s+(?:packag(?:ed|ing)|assembled|tested)\s+)?(?:in\s+[A-Z][\w-]+\s+)?by\s+$/i;

const OWN_NODE_MADE_AFTER =
  /^(?:['’]s|\s+(?:said|says|expects|expected|added)\s+(?:that\s+)?its)\s+(?:[\w.-]+\s+){0,2}?(?:node|process|technology)\s+(?:(?:is|remains|was)\s+on\s+track\s+for|(?:will\s+)?(?:enters?|begins?|starts?|reach(?:es)?|hits?|moves?\s+into))\s+(?:mass\s+|volume\s+|high-volume\s+)?(?:production|manufacturing|output)\b/i;

/** …unless the chip is named as what the node makes: "enters mass production with Tesla's AI6 as anchor customer". */
function ownNodesMaking(
  reading: SentenceReading,
  foundry: EntityMention,
  chipIds: ReadonlySet<string>,
): boolean {
  const made = OWN_NODE_MADE_AFTER.exec(reading.text.slice(foundry.end, foundry.end + 90));
  if (!made) return false;
  const from = foundry.end + made[0].length;
  const to = clauseEndOf(reading, from);
  // (…made by this foundry: not "ahead of Samsung's SF2 for Tesla's AI6", "as rival Samsung readies Tesla's AI6" — the
  // chip's own customer, "Tesla's AI6", is no other maker)
  const chip = reading.chips.find(
    (named) => chipIds.has(named.id) && named.start >= from && named.start < to,
  );
  return (
    chip === undefined ||
    reading.mentions.some(
      (named) =>
        named.type === 'company' &&
        named.id !== foundry.id &&
        named.start >= from &&
        named.end <= chip.start &&
        !/^['’]s?\s*$/.test(reading.text.slice(named.end, chip.start)),
    )
  );
}

const MAKING_THEN_OTHER_WORK =
  /\b(?:fabricated|produced|made|manufactured|built|fabbed)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:packaged|assembled|tested)\b/i;

function otherWork(reading: SentenceReading, foundry: EntityMention): boolean {
  const before = reading.text.slice(Math.max(0, foundry.start - 60), foundry.start);
  // (…not the making told with it: "fabricated, packaged and tested by Samsung", "produced and packaged by TSMC")
  if (OTHER_WORK_BEFORE.test(before) && !MAKING_THEN_OTHER_WORK.test(before)) return true;
  const other = OTHER_WORK_AFTER.exec(reading.text.slice(foundry.end, foundry.end + 40));
  // ("Samsung wins Tesla AI6 packaging work on top of wafer production", 三星拿下…封测订单 晶圆同样由其泰勒厂生产)
  if (other !== null && MAKING_TOO.test(reading.text.slice(foundry.end + other[0].length))) return false;
  // (not packaging named beside the making — "for chips and packaging", "to make and package", 制造与封测 — nor
  // a packaging line the maker owns: "TSMC with advanced packaging capacity will make AI5")
  return (
    other !== null &&
    !MAKING_BESIDE.test(other[0]) &&
    !/^\s*(?:capacity|lines?|plants?|technology|technologies|expertise)\b/i.test(
      reading.text.slice(foundry.end + other[0].length, foundry.end + other[0].length + 16),
    )
  );
}

/** After another work, the making done too: "on top of wafer production", "and will also make", 晶圆同样由其…生产. */
const MAKING_TOO =
  /\b(?:on\s+top\s+of|in\s+addition\s+to|as\s+well\s+as|along\s+with|besides)\s+(?:the\s+|its\s+)?(?:(?:wafer|chip|die)s?\s+)?(?:production|manufacturing|making|fabrication)\b|\band\s+(?:will\s+)?(?:also\s+)?(?:make|makes|produce|produces|manufacture|manufactures|fabricate|fabricates)\b|(?:同样|同樣|也|亦)由其|(?:晶圆|晶圓)(?:同样|同樣|也|亦)/i;

const MAKING_BESIDE = /\b(?:and|make|makes|making|fabricat\w*|manufactur\w*|chips?)\b|制造|製造|生产|生產/i;

/** After a foundry, that it lost an order: "Samsung lost Tesla's AI5 order to TSMC", 三星痛失AI5订单. */
const LOST_AFTER =
  /^(?:['’]s\s+[\w ]{1,20}?)?\s*(?:,\s*(?:which|that|who)\s+)?(?:(?:shrugs?|shrugged|shrugging)\s+off\s+|(?:downplays?|downplayed)\s+)?(?:(?:lost|loses|losing)\s+(?:out\b[^,.;]{0,32}|to\b)|(?:lost|loses|losing)\b(?:[^,.;]|\.(?=\d)){0,40}?\b(?:orders?|contracts?|deal|business|bid)\b|(?:lost|loses|losing)\s+(?:(?:the|its|Tesla['’]s)\s+)?(?:AI\d|HW\d)\b|(?:失去|丢失|丟失|丢掉|丟掉|错失|錯失|痛失)[^，。；,;\s]{0,12}?(?:订单|訂單|合同|合约|合約|大单|大單))/i;

/** "keeps AI4 at Samsung and AI5 at TSMC": a foundry right after "<chip> at" is that chip's alone. */
function atAnotherChip(
  reading: SentenceReading,
  foundry: EntityMention,
  chipIds: ReadonlySet<string>,
): boolean {
  const chip = reading.chips.find((other) =>
    /^\s+at\s+$/i.test(reading.text.slice(other.end, foundry.start)),
  );
  if (chip === undefined || chipIds.has(chip.id)) return false;
  // …not "AI5 and AI6 at Samsung", chips joined before it.
  return !reading.chips.some(
    (own) =>
      chipIds.has(own.id) && own.end <= chip.start && LISTED.test(reading.text.slice(own.end, chip.start)),
  );
}

function partlyLost(reading: SentenceReading, foundry: EntityMention): boolean {
  const span = lostSpan(reading, foundry);
  return span !== undefined && PART_OF.test(reading.text.slice(span.start, span.end));
}

const PART_OF = /部分|部份|一部|\b(?:part|some|portion|share|half)\b/i;

/**
 * The foundry lost the order: not its maker — unless the lost order names another chip
 * ("三星失去AI5订单后 拿下AI6" is AI5's loss, not AI6's).
 */
function lostChip(reading: SentenceReading, foundry: EntityMention, chipIds: ReadonlySet<string>): boolean {
  if (!lostSpan(reading, foundry)) return false;
  const named = [...lostChips(reading, foundry)];
  return named.length === 0 || named.some((chip) => chipIds.has(chip.id));
}

/**
 * "由台積電代工的特斯拉AI5晶片，將改由三星生產": the maker a 的-modifier gives the chip, before the chip is handed to
 * another foundry (改由, 转由 a company), is the maker left — not when only part of it moves (部分產能將轉由三星), nor
 * when it goes to a plant or a product (將改由美國泰勒工廠生產, 改由新一代AI5替代).
 */
function makerBeforeReplacement(
  reading: SentenceReading,
  foundry: EntityMention,
  chips: readonly { start: number; end: number }[],
): boolean {
  return chips.some((chip) => {
    if (chip.start <= foundry.end || !DESCRIBED_BY_MAKER_ZH.test(reading.text.slice(foundry.end, chip.start)))
      return false;
    const after = reading.text.slice(chip.end);
    const handedOn = HANDED_ON_AFTER_ZH.exec(after);
    if (!handedOn || PART_OF_IT_ZH.test(handedOn[0])) return false;
    const from = chip.end + handedOn[0].length;
    const rest = reading.text.slice(from);
    const end = from + Math.max(0, rest.search(/[，,。；;]|$/));
    const named = reading.mentions.filter(
      (other) => other.type === 'company' && other.start >= from && other.start < end,
    );
    // (…to another foundry, and not one naming the maker again: "將改由台積電與三星共同生產" keeps TSMC)
    return (
      named.some((other) => other.id !== foundry.id && other.start - from <= 2) &&
      !named.some((other) => other.id === foundry.id)
    );
  });
}

const DESCRIBED_BY_MAKER_ZH = /^[^，,。；;]{0,8}的[^，,。；;]{0,6}$/;
const HANDED_ON_AFTER_ZH = /^[^。；;]{0,12}?(?:改由|轉由|转由|轉交|转交)/;
const PART_OF_IT_ZH = /部分|部份|一部|少量|一些/;

function lostSpan(
  reading: SentenceReading,
  foundry: { end: number },
): { start: number; end: number } | undefined {
  const lost = LOST_AFTER.exec(reading.text.slice(foundry.end, foundry.end + 48));
  return lost ? { start: foundry.end, end: foundry.end + lost[0].length } : undefined;
}

/** Chips named as an order this foundry lost ("Samsung, which lost Tesla's AI5 business, …"): not its clause's. */
function lostChips(reading: SentenceReading, foundry: { end: number } | undefined): Set<EntityMention> {
  const span = foundry && lostSpan(reading, foundry);
  return new Set(
    span ? reading.chips.filter((chip) => chip.start >= span.start && chip.end <= span.end) : [],
  );
}

/**
 * "AI5 will be made at TSMC, AI6 on Samsung's 2nm", "特斯拉AI5由台积电代工 AI6由三星代工",
 * "Tesla's AI4 chip, made by Samsung, will be replaced by AI5": with two chips in a sentence,
 * a foundry or a value belongs to the chip of its own clause — or, in a clause naming none, to
 * the chip a relative clause follows ("AI5, which ramps in 2027"), else to the first chip of its
 * clause group, the subject ("Tesla's AI6 chip, which follows AI5, will be made by Samsung"; a
 * group: "AI5 and AI6, both made by TSMC").
 */
export function anotherChipsClause(
  reading: SentenceReading,
  position: number,
  chipIds: ReadonlySet<string>,
  foundry?: EntityMention,
): boolean {
  if (!reading.twoChips) return false;
  const lost = lostChips(reading, foundry);
  const chips = reading.chips.filter((chip) => !lost.has(chip));
  if (chips.length === 0) return false;
  const { start, end } = clauseAround(reading, position);
  const inClause = chips.filter((chip) => chip.start >= start && chip.end <= end);
  // "Samsung will supply Tesla's AI4, AI5 and AI6 chips": a list of chips runs on past the clause's comma.
  for (let next = chips.indexOf(inClause.at(-1)!) + 1; inClause.length && next < chips.length; next++) {
    if (!LISTED.test(reading.text.slice(chips[next - 1]!.end, chips[next]!.start))) break;
    // "Samsung to make AI6, AI5 stays with TSMC": a chip with a verb of its own opens its own clause.
    if (OWN_VERB_AFTER.test(reading.text.slice(chips[next]!.end, chips[next]!.end + 16))) break;
    inClause.push(chips[next]!);
  }
  if (inClause.length) return !inClause.some((chip) => chipIds.has(chip.id));
  // A foundry named before every chip is the sentence's subject ("Samsung, which makes AI4, will
  // also make AI6"): its verbs decide.
  const before = chips.filter((chip) => chip.end <= position);
  if (before.length === 0) return false;
  // "AI5, which ramps in 2027": a relative clause is the chip's right before it.
  const previous = before.at(-1)!;
  if (
    RELATIVE_OPENS.test(reading.text.slice(start, end)) &&
    /^\s*,?\s*$/.test(reading.text.slice(previous.end, start))
  )
    return !chipIds.has(previous.id);
  // Else the first chip of the clause group (the sentence's subject, with the chips coordinated
  // with it: "AI5 and AI6, both made by TSMC").
  const frame = frameOf(reading, position);
  const inFrame = before.filter((chip) => frameOf(reading, chip.start) === frame);
  // "AI5晶片2027年才有望大規模量產，AI6晶片將沿用相同製程，…，預計2028年中開始量產": a Chinese topic chain goes on with
  // the last chip that opened a clause of its own.
  const topic = inFrame.findLast((chip) => CHINESE_CLAUSE_OPENED.test(reading.text.slice(0, chip.start)));
  if (topic && topic !== inFrame[0] && CHINESE_CHAR.test(reading.text.slice(topic.end, position)))
    return !chipIds.has(topic.id);
  const group = inFrame.length ? inFrame : before;
  let last = 0;
  while (
    last + 1 < group.length &&
    COORDINATED.test(reading.text.slice(group[last]!.end, group[last + 1]!.start))
  )
    last++;
  return !group.slice(0, last + 1).some((chip) => chipIds.has(chip.id));
}

const RELATIVE_OPENS = /^\s*(?:which|that|who)\b/i;

/**
 * Between two makers of one list: commas, "and", "&", "both". (Each character has one way to match: a pattern with
 * white space on both sides of a repeated separator took seconds on a title of ", , , …" — a hostile-content review.)
 */
const COORDINATION_GAP = /^(?!\s+$)(?:\s*(?:,|&|and\b|both\b))*\s*$/i;

const asList = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

const SPLIT_BETWEEN = /^[\w\s-]{0,30}?\b(?:split|divided|shared)\s+(?:between|among)\b/i;

/** Between a chip (and one coordinated with it) and a making told in a "with" clause: " and AI6 chips, with ". */
const WITH_MAKING_AFTER_CHIP =
  /^(?:\s+(?:and|&)\s+[\w-]+)?(?:\s+(?:chips?|processors?|semiconductors?))?\s*,\s*with\s+(?:(?:its|their|the)\s+)?$/i;

/** Past a chip's own clause, a "with" clause: " would be produced in small numbers next year, with ". */
const WITH_CLAUSE_AFTER_CHIPS =
  /^[^,;.]{0,80},\s*with\s+(?:(?:its|their|the)\s+)?(?:(?:volume|mass|full|high-volume|commercial)\s+)?$/i;

/** After a making, its makers both named: "following in 2027 at both Samsung and TSMC". */
const AT_BOTH_AFTER =
  /^[^,;.]{0,30}?\b(?:at|by)\s+both\s+[A-Z](?![^,;.]*\b(?:booked|reserved|taken|used)\s+by\b)/;

/** In its clause before a verb, the chip referred to: 该芯片将, 這款晶片預計. */
const CHIP_REFERRED_BEFORE_ZH = new RegExp(String.raw`${CHIP_REFERENCE_ZH}[^，,；;。]{0,8}$`);

/** Right before a chip, a Chinese clause mark: the chip opens its clause (…量產，AI6晶片將…). */
const CHINESE_CLAUSE_OPENED = /[，；]\s*(?:特斯拉的?|而|至於|至于|下一代|新一代)?\s*$/;

const OWN_VERB_AFTER =
  /^\s+(?:(?:will|would)\s+)?(?:stay|stays|staying|remain|remains|remaining|go|goes|move|moves|shift|shifts|stick|sticks|continue|continues|keep|keeps)\b|^\s+(?:is|was|are|has|had)\b|^\s+will\s+be\s+(?:made|built|produced|handled|manufactured|fabbed|sourced)\b|^\s*(?:仍|则|則|由|继续|繼續|改由)/i;

/** Between two chips of one list: "AI4, AI5 and AI6", "AI4, AI5, and AI6", AI4、AI5和AI6. */
const LISTED = /^\s*(?:,\s*(?:and\s+)?|and|&|\/|、|与|與|和|及)\s*$/;

/** A name listed with a product or programme by a comma (AI5, Dojo …; AI5、Optimus …): a topic. */
const TOPIC_SEPARATOR = /^\s*[,、，]\s*$/;

function inTopicList(reading: SentenceReading, chip: { start: number; end: number }): boolean {
  return reading.mentions.some(
    (other) =>
      ((other.type === 'product' || other.type === 'programme') &&
        (TOPIC_SEPARATOR.test(reading.text.slice(chip.end, other.start)) ||
          TOPIC_SEPARATOR.test(reading.text.slice(other.end, chip.start)))) ||
      // "to discuss AI5 and the Samsung partnership": the chip beside a deal, not its object.
      (other.type === 'company' &&
        /^\s*(?:and|&|、|与|與|和)\s*(?:the\s+|its\s+)?$/i.test(reading.text.slice(chip.end, other.start)) &&
        DEAL_NOUN_AFTER.test(reading.text.slice(other.end, other.end + 16))),
  );
}

const DEAL_NOUN_AFTER =
  /^(?:['’]s)?\s*(?:partnership|deal|contract|pact|agreement|tie-up|合同|协议|協議|合作|合约|合約)/i;

/**
 * "继三星AI6大单之后，特斯拉再把部分AI5订单交给三星", "特斯拉AI5由台积电代工 AI6由三星代工": in a sentence
 * of two chips, a name takes the verbs of its own clause when it has any.
 */
function ownClauseFirst(
  reading: SentenceReading,
  position: number,
  triggers: PhraseMatch<AttributeClass>[],
  foundry?: EntityMention,
): PhraseMatch<AttributeClass>[] {
  if (!reading.twoChips) return triggers;
  const clause = clauseAround(reading, position);
  const lost = lostChips(reading, foundry);
  // A clause naming no chip of its own ("with Samsung also producing the chip") keeps the sentence's verbs.
  if (!reading.chips.some((chip) => !lost.has(chip) && chip.start >= clause.start && chip.end <= clause.end))
    return triggers;
  const inClause = triggers.filter((trigger) => trigger.start >= clause.start && trigger.end <= clause.end);
  return inClause.length ? inClause : triggers;
}

function clauseAround(reading: SentenceReading, position: number): { start: number; end: number } {
  let start = 0;
  let end = reading.text.length;
  for (const clauseBreak of reading.clauseBreaks) {
    if (clauseBreak.start < position) start = clauseBreak.end;
    else {
      end = clauseBreak.start;
      break;
    }
  }
  return { start, end };
}

/**
 * "makes" words close together are one verb group ("will be dedicated to making",
 * "负责生产"): merged, so subject and object meet at the same group.
 */
function verbGroups(
  matches: PhraseMatch<AttributeClass>[],
  reading: SentenceReading,
  chipIds: ReadonlySet<string>,
): PhraseMatch<AttributeClass>[] {
  const groups: PhraseMatch<AttributeClass>[] = [];
  for (const match of matches) {
    const last = groups.at(-1);
    // "a deal with Samsung to source AI6" is one chain; "makes AI4 and TSMC makes AI5" is two.
    const subjectBetween =
      last !== undefined &&
      reading.mentions.some(
        (mention) =>
          mention.start >= last.end &&
          mention.end <= match.start &&
          // … nor across another company, the subject of a verb of its own ("台積電生產 三星恐失大單").
          (chipIds.has(mention.id) || mention.type === 'chip' || mention.type === 'company'),
      );
    const sameFrame = last !== undefined && frameOf(reading, last.start) === frameOf(reading, match.start);
    if (last && match.start - last.end <= 40 && !subjectBetween && sameFrame)
      last.end = Math.max(last.end, match.end);
    else groups.push({ ...match });
  }
  return groups;
}

/**
 * "…made by TSMC and Samsung will make AI6": the second verb's object is a chip named right after it and not the one
 * the first verb makes (not "Samsung will also make it", "the chip", "the rest", "them too").
 */
function makesAnotherChip(
  reading: SentenceReading,
  shared: PhraseMatch<AttributeClass>,
  own: PhraseMatch<AttributeClass>,
): boolean {
  const object = reading.mentions.find(
    (mention) =>
      mention.type === 'chip' &&
      mention.start >= own.end &&
      /^\s+(?:(?:Tesla['’]s|the|its|next-generation|next-gen|new)\s+)*$/i.test(
        reading.text.slice(own.end, mention.start),
      ),
  );
  return (
    object !== undefined &&
    !reading.mentions.some(
      (mention) => mention.type === 'chip' && mention.id === object.id && mention.end <= shared.start,
    )
  );
}

/** The words of a site named after its owner's possessive: "Arizona fab", "Taylor, Texas, plant". */
const SITE_NAMED_AFTER = String.raw`(?:,?\s+(?:[A-Z][\w-]*|fabs?|plants?|factor(?:y|ies)|facilit(?:y|ies)|sites?|campus(?:es)?|lines?)){1,3}`;

/**
 * Between a name and a verb of its own clause: an auxiliary, and nothing but such words ("Samsung will make",
 * "Samsung is also making"; not "both TSMC and Samsung building the chip", the group's participle).
 */
const OWN_VERB_RIGHT_AFTER = new RegExp(
  String.raw`^(?:['’]s${SITE_NAMED_AFTER})?\s+(?:(?:also|now|then|itself)\s+)*(?:will|would|could|may|might|can|shall|should|is|are|was|were|has|have|had)\s+(?:(?:also|now|then|be|being|been)\s+)*$`,
  'i',
);

/** A name's own site, written after it: "'s Arizona fab", "'s Taylor, Texas, plant". */
const OWN_SITE = `['’]s?${SITE_NAMED_AFTER}`;

const SITE_THEN_COORDINATION = new RegExp(
  String.raw`^${OWN_SITE}\s+(?:and|&|as\s+well\s+as)\s+(?:(?:at|by|in|from)\s+)?$`,
);

/**
 * "Samsung's facility in Taylor, Texas, and TSMC's Fab 21 in Arizona": a name's site told with its number and the
 * place it is in, then "and" — a coordination only when the second name has its own site too (not "…in Taylor,
 * Texas, and TSMC, which makes AI5, is unaffected").
 */
const NUMBERED_SITE = String.raw`(?:\s+(?:[A-Z][\w-]*|\d{1,3}|fabs?|plants?|factor(?:y|ies)|facilit(?:y|ies)|sites?|campus(?:es)?)){1,3}`;
const SITE_PLACE = String.raw`\s+(?:in|at)\s+[A-Z][\w-]*(?:,\s+[A-Z][\w-]*)?`;
const SITE_IN_PLACE_THEN_COORDINATION = new RegExp(
  String.raw`^['’]s?${NUMBERED_SITE}${SITE_PLACE},?\s+(?:and|&)\s+$`,
);
const OWN_SITE_IN_PLACE_AFTER = new RegExp(
  String.raw`^['’]s${NUMBERED_SITE}(?:${SITE_PLACE})?\s*(?:$|[.;:,])`,
);

/**
 * After the second name (and its own site), where a coordinated place may end: the sentence or clause, an attribution,
 * a time or a role ("…and Samsung's Taylor fab, Musk said", "…, starting next year", "as a backup") — not a verb or
 * a thing of its own ("and Samsung's Taylor fab remains idle", "and Samsung's shares fell", "… fab for AI6").
 */
const COORDINATED_PLACE_ENDS = new RegExp(
  String.raw`^(?:${OWN_SITE})?\s*(?:$|[.;:]|,\s*(?!which\b|who\b|where\b)|\s+(?:as\s+(?:a|an|the)\b|instead\s+of\b|from\s+(?:20\d\d|next|this|late|early)\b|in\s+(?:20\d\d|late|early|the)\b|starting\b|next\s+year\b|this\s+year\b|by\s+20\d\d\b|respectively\b))`,
);

const COORDINATION = /^\s*(?:,|，|、|and|&|as well as|与|與|和|及|以及|跟)\s*(?:both\s+)?$/i;

/**
 * Each foundry's verb; one coordinated with the foundry before it ("TSMC and
 * Samsung", 台积电与三星) shares that foundry's verb.
 */
function coordinatedTriggers(
  reading: SentenceReading,
  found: EntityMention[],
  triggerOf: (mention: EntityMention) => PhraseMatch<AttributeClass> | undefined,
  triggers: readonly PhraseMatch<AttributeClass>[],
): Array<PhraseMatch<AttributeClass> | undefined> {
  const coordinated = found.map((mention, index) => {
    const previous = found[index - 1];
    const between = previous
      ? reading.text.slice(previous.end, mention.start).replace(/[（(][^)）]*[)）]/g, '')
      : '';
    // (not a name opening a clause of its own past a comma: "…轉給台積電，三星仍是唯一代工夥伴")
    if (/[，,]/.test(between) && opensStillMadeByClause(reading, mention, triggers)) return false;
    // …or two Chinese names side by side with nothing between ("三星台积电共同代工").
    return (
      previous !== undefined &&
      (COORDINATION.test(between) ||
        // "at TSMC's Arizona fab and (at) Samsung's Taylor fab": the first name's own site between, the second
        // name's place ending there (not "and Samsung's Texas fab is idle", "and Samsung shares fall").
        (SITE_THEN_COORDINATION.test(between) &&
          COORDINATED_PLACE_ENDS.test(reading.text.slice(mention.end))) ||
        (SITE_IN_PLACE_THEN_COORDINATION.test(between) &&
          OWN_SITE_IN_PLACE_AFTER.test(reading.text.slice(mention.end))) ||
        (between === '' &&
          /[\u3400-\u9fff]$/.test(reading.text.slice(previous.start, previous.end)) &&
          /^[\u3400-\u9fff]/.test(reading.text.slice(mention.start, mention.end))))
    );
  });
  const groupVerbOf = (lastName: EntityMention) => {
    const verb = triggerOf(lastName);
    return verb && GROUP_VERB_GAP.test(reading.text.slice(lastName.end, verb.start)) ? verb : undefined;
  };
  const result: Array<PhraseMatch<AttributeClass> | undefined> = [];
  found.forEach((mention, index) => {
    if (coordinated[index]) {
      // …unless, after a verb told before the names, it has a verb of its own right after it: "AI5 will be made
      // by TSMC and Samsung will make AI6" (not 由台积电和三星共同生产, whose verb after the names is the group's).
      const shared = result[index - 1];
      const own = triggers.find((trigger) => trigger.start >= mention.end);
      const ownVerb =
        own !== undefined &&
        shared !== undefined &&
        own !== shared &&
        shared.end <= found[index - 1]!.start &&
        OWN_VERB_RIGHT_AFTER.test(reading.text.slice(mention.end, own.start)) &&
        makesAnotherChip(reading, shared, own);
      result.push(ownVerb ? own : shared);
      return;
    }
    // "台积电与三星共同代工": the group's verb stands right after its last name (not "都想代工", "曾竞标，…代工").
    let last = index;
    while (coordinated[last + 1]) last++;
    result.push(triggerOf(mention) ?? (last > index ? groupVerbOf(found[last]!) : undefined));
  });
  return result;
}

const CHIP_AS_WINNER = /^(?:gets|got|wins|won|secures|secured|clinch(?:es|ed)|bag(?:s|ged))\b/i;

/** The "makes" word a chip is the object of: the nearest before it in its frame, else the nearest after. */
function triggerOfObject(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  start: number,
  end: number,
): PhraseMatch<AttributeClass> | undefined {
  // "Samsung to make Tesla's AI6 — and now AI5 too —": a chip added in a dash's aside is the object of the making
  // before the dash.
  const added = ADDED_IN_ASIDE_BEFORE.exec(reading.text.slice(Math.max(0, start - 24), start));
  const frame = frameOf(reading, added ? Math.max(0, start - 24) + added.index - 1 : start);
  const inFrame = ownClauseFirst(
    reading,
    start,
    triggers.filter(
      (trigger) =>
        frameOf(reading, trigger.start) === frame &&
        // A compound modifier of a chip right after it makes that chip only: not AI5 in "its AI5 and Samsung-made
        // AI6 chips" (but "AI4, the Samsung-made computer", "HW4 stays Samsung-made").
        !(
          COMPOUND_MAKING.test(reading.text.slice(Math.max(0, trigger.start - 2), trigger.end)) &&
          reading.chips.some(
            (chip) => chip.start !== start && chip.start >= trigger.end && chip.start - trigger.end <= 12,
          )
        ) &&
        // "AI5 gets us going": a chip getting or winning something is its verb's subject, not what is won.
        !(
          trigger.start >= end &&
          /^\s*(?:chips?\s+)?$/i.test(reading.text.slice(end, trigger.start)) &&
          CHIP_AS_WINNER.test(reading.text.slice(trigger.start, trigger.end))
        ),
    ),
  );
  // "with the AI5 chip still being manufactured using TSMC's 3nm process": the chip's own passive verb.
  const passive = inFrame.find(
    (trigger) =>
      trigger.start >= end &&
      // An aside may stand between: "the new AI5 chip, set to launch in January 2026, still being manufactured".
      PASSIVE_GAP.test(reading.text.slice(end, trigger.start).replace(/,[^,]{0,48},/, ' ')) &&
      PARTICIPLE.test(reading.text.slice(trigger.start, trigger.end)),
  );
  if (passive) return passive;
  // "cut its contract with Samsung after moving part of AI6 volume to TSMC": a handover around the chip is its own
  // (…and a split, an order won: "has split AI6 production between Samsung and TSMC", "won Tesla's AI6 order").
  const around = inFrame.find(
    (trigger) =>
      trigger.start < start &&
      trigger.end >= end &&
      (/\s(?:to|between)$/i.test(reading.text.slice(trigger.start, trigger.end)) ||
        // ("leaves AI5 with TSMC", "keeps AI4 with Samsung": the chip left with its maker)
        LEFT_WITH.test(reading.text.slice(trigger.start, trigger.end)) ||
        // (an order won, its winner's name with no making word of its own before it)
        (/^(?:won|wins?|winning|land(?:s|ed)?|secur(?:es|ed)?|bag(?:s|ged)?|clinch(?:es|ed)?)\s.*\s(?:orders?|contracts?)$/i.test(
          reading.text.slice(trigger.start, trigger.end),
        ) &&
          !inFrame.some(
            (other) => other.end <= trigger.start && other.start >= lastCompanyBefore(reading, trigger.start),
          ))),
  );
  if (around) return around;
  // "将AI4晶片的後續生產由三星電子轉交台積電": the object of 将/把 is handed over by the verb that hands it.
  if (/(?:将|將|把)[^，。；,;]{0,6}$/.test(reading.text.slice(Math.max(0, start - 8), start))) {
    const handed = inFrame.find(
      (trigger) =>
        trigger.start >= end &&
        HANDOVER_WORD.test(reading.text.slice(trigger.start, trigger.end)) &&
        !/[，。；,;]/.test(reading.text.slice(end, trigger.start)),
    );
    if (handed) return handed;
  }
  // "将生产特斯拉的AI6，以及部分AI5", "will make AI6, and part of AI5 too": a chip added after the comma shares the
  // making before it.
  if (addedAfterAComma(reading, start)) {
    const shared = inFrame.filter((trigger) => trigger.end <= start).at(-1);
    if (shared) return shared;
  }
  // "台积电…为特斯拉AI5备产之际，三星泰勒厂确定明年投产": the main clause's making after a time clause is not its chip's.
  // …nor a making in a clause opened after the chip ("Tesla's HW4 computers get a Samsung memory upgrade as LG
  // supplies cameras").
  // (…a making whose object is another chip right after it is that chip's: "Intel packages AI5 and Samsung is tapped to
  // make AI6", "TSMC keeps AI5 as Samsung makes AI6")
  // (not one the chip heads: "Tesla's AI4 supplier, will now make AI6")
  const makesAnotherChipAfter = (trigger: PhraseMatch<AttributeClass>) =>
    /[A-Za-z]$/.test(reading.text.slice(trigger.start, trigger.end)) &&
    reading.text.slice(end, trigger.start).trim() !== '' &&
    reading.chips.some(
      (chip) =>
        chip.start >= trigger.end &&
        /^\s*(?:to\s+(?:make|build|produce|manufacture|supply|fab)\s+)?(?:(?:its|the|Tesla['’]s)\s+)?$/i.test(
          reading.text.slice(trigger.end, chip.start),
        ) &&
        reading.text.slice(chip.start, chip.end) !== reading.text.slice(start, end),
    );
  const after = inFrame.find(
    (trigger) =>
      trigger.start >= end &&
      !makesAnotherChipAfter(trigger) &&
      !TIME_CLAUSE_ZH.test(reading.text.slice(end, trigger.start)) &&
      !opensClauseBetween(reading.text, end, trigger.start) &&
      !makesAnotherNamedBetween(reading.text, end, trigger),
  );
  // "Samsung to start 2nm production in 2026 as Tesla's AI5 stays at TSMC": a chip that opens a clause of
  // its own is no object of the making before it.
  // (not a making whose chip stands before it, "AI5 ramps at TSMC and AI6 heads to Taylor")
  const before = inFrame
    .filter(
      (trigger) =>
        trigger.end <= start &&
        !opensClauseBetween(reading.text, trigger.end, start) &&
        !opensOwnSchedule(reading.text, { start, end }) &&
        // ("stays with Samsung for AI4" is AI4's)
        (!makerFollows(reading, trigger) ||
          /\bfor\s+(?:[\w'’-]+\s+)?$/i.test(reading.text.slice(Math.max(0, start - 20), start))),
    )
    .at(-1);
  // "Orders for AI5 and AI6 split between TSMC and Samsung", "Production of AI5 will be handled by Samsung": a chip
  // after a making noun's "of/for" heads the subject of the verb after it, whose makers that verb names.
  if (
    before &&
    after &&
    MAKING_NOUN_OF.test(withoutChips(reading, before.start, start)) &&
    SUBJECT_VERB_GAP.test(withoutChips(reading, end, after.start))
  )
    return after;
  // "台積電亞利桑那州半導體廠已量產，特斯拉AI6由三星德州廠代工": a making beyond a comma is another clause's;
  // the chip's own clause has its own.
  if (
    before &&
    after &&
    /[,，;；]/.test(reading.text.slice(before.end, start)) &&
    !/[,，;；]/.test(reading.text.slice(end, after.start))
  )
    return after;
  // …and a chip opening its own clause with no making after it is no object of one.
  if (
    !before &&
    !after &&
    (opensClauseBetween(reading.text, Math.max(0, start - 48), start) ||
      opensOwnSchedule(reading.text, { start, end }))
  )
    return undefined;
  // "Tesla's AI4 chips keep coming from Samsung as AI5 ramps at TSMC Arizona", "…as Samsung's Exynos moves to 2nm": a
  // making past a clause that opens on another chip, or a company's own product, is theirs (not "as Samsung takes all
  // orders").
  const first = inFrame[0];
  if (
    !before &&
    !after &&
    first !== undefined &&
    first.start >= end &&
    (makesAnotherChipAfter(first) ||
      (opensClauseBetween(reading.text, end, first.start) &&
        reading.mentions.some(
          (mention) =>
            (mention.type === 'chip' ||
              (mention.type === 'company' &&
                /^['’]s\s/.test(reading.text.slice(mention.end, mention.end + 3)))) &&
            mention.start >= end &&
            mention.end <= first.start &&
            opensClauseBetween(reading.text, end, mention.start),
        )))
  )
    return undefined;
  // (…nor one that speaks of a thing named past the chip: "AI6 against Nvidia's Rubin, made by TSMC")
  if (
    !before &&
    !after &&
    first !== undefined &&
    first.start >= end &&
    makesAnotherNamedBetween(reading.text, end, first)
  )
    return undefined;
  return before ?? after ?? first;
}

/**
 * Whether a chip opens a clause of its own that tells its schedule: "Samsung's Taylor fab will start production in
 * 2026, with AI5 volume production first set for 2026, then pushed to 2027" — the chip's own timeline, not who makes
 * it.
 */
function opensOwnSchedule(text: string, chip: { start: number; end: number }): boolean {
  const clause = text.slice(chip.end, chip.end + 120).split(/[,;:，；。]/)[0]!;
  return (
    OPENING_BEFORE_CHIP.test(text.slice(Math.max(0, chip.start - 24), chip.start)) &&
    SCHEDULED_AFTER_CHIP.test(clause) &&
    // (…not one that goes on to tell where or by whom it is made: "with AI6 expected to be produced there from 2027",
    // "with AI6 production set to begin at its Taylor fab in 2027")
    !MADE_THERE.test(clause)
  );
}

/**
 * "三星和台积电都将生产AI5，AI6主要在三星": a chip opening a clause after a comma that names its own maker (在/由 a company,
 * no making word) is no object of the making before it.
 */
function opensOwnMakerZh(text: string, chip: { start: number; end: number }): boolean {
  const clause = text.slice(chip.end, clauseAfter(text, chip.end).end);
  return (
    /[，,；;]\s*$/.test(text.slice(Math.max(0, chip.start - 2), chip.start)) &&
    /^(?:芯片|晶片)?(?:则|則|也|仍|主要|全部|大部分|大部份|多数|多數){0,3}(?:在|由|交由|归|歸)/.test(
      clause,
    ) &&
    // (not a clause with a making of its own: "AI6芯片将在那里生产", "AI5将在2027年实现量产")
    !/生产|生產|制造|製造|代工|量产|量產|投产|投產|负责|負責/.test(clause)
  );
}

/** From a position to the end of its clause (the next comma, semicolon or stop). */
function clauseAfter(text: string, from: number): { start: number; end: number } {
  const stop = /[，,；;。.]/.exec(text.slice(from));
  return { start: from, end: stop ? from + stop.index : text.length };
}

/** In a chip's clause, where or by whom it is made: "to be produced there", "at its Taylor fab", "by Samsung". */
const MADE_THERE =
  /\b(?:made|produced|built|manufactured|fabricated|fabbed)\b|\bthere\b|\b(?:at|in)\s+(?:its|their|the\s+company['’]s|[A-Z][\w-]*['’]s)\s|\bby\s+[A-Z]/;

/** Right before a chip, a comma's clause opening: ", with", ", while the", ", and Tesla's". */
const OPENING_BEFORE_CHIP = /,\s*(?:with|while|whereas|and)\s+(?:the\s+|its\s+|Tesla['’]s\s+)?$/i;

/** After a chip, its schedule's predicate: "volume production first set for", "is slated for", "now due in". */
const SCHEDULED_AFTER_CHIP =
  /^(?:\s+(?:chips?|volume|mass|production|output|ramp|shipments?|launch))*\s+(?:(?:is|are|was|were|will\s+be|has\s+been|had\s+been)\s+)?(?:(?:first|now|originally|initially|still|also|later)\s+)?(?:set|slated|scheduled|due|expected|targeted|pushed|delayed|planned|pencil+ed|moved|postponed)\b/i;

/** Whether a chip at `start` is added after a comma to the list before it (ADDED_AFTER_COMMA). */
const addedAfterAComma = (reading: SentenceReading, start: number) =>
  ADDED_AFTER_COMMA.test(reading.text.slice(Math.max(0, start - 16), start));

/** After a comma, a chip added to the list before it: "，以及部分", ", and part of", ", as well as". */
const ADDED_AFTER_COMMA =
  /[，,]\s*(?:以及|及|还有|還有|and|as\s+well\s+as|plus)\s*(?:部分|一部分|some\s+of|part\s+of|a\s+portion\s+of)?\s*(?:the\s+|its\s+)?$/i;

/**
 * "investors will look for updates on the Samsung-made AI6": a maker written as the chip's compound modifier names
 * who makes it as known, whatever the clause wants, asks or denies of the chip (a description, not a claim).
 */
function namesTheChipsMaker(
  reading: SentenceReading,
  mention: EntityMention,
  chips: readonly { start: number }[],
): boolean {
  const compound = MAKER_COMPOUND_AFTER.exec(reading.text.slice(mention.end, mention.end + 24));
  return compound !== null && chips.some((chip) => chip.start === mention.end + compound[0].length);
}

/** After a maker's name, its compound making right before the chip: "Samsung-made AI6". */
const MAKER_COMPOUND_AFTER = /^-(?:made|built|fabbed|fabricated|produced|manufactured)\s+/i;

/** A making written as a compound modifier: "Samsung-made", "TSMC-built". */
const COMPOUND_MAKING = /^[A-Za-z]-(?:made|built|fabbed|fabricated|produced|manufactured)$/i;

/** A dash opening an aside that adds a chip: "— and now", "— and possibly", "— plus". */
const ADDED_IN_ASIDE_BEFORE =
  /\s[—–-]{1,2}\s*(?:and|plus)\s+(?:now\s+|also\s+|later\s+|eventually\s+)?(?:Tesla['’]s\s+)?$/i;

/** Whether a position's comma clause names a chip, none of them the rule's. */
function inAnotherChipsClause(reading: SentenceReading, at: number, chipIds: ReadonlySet<string>): boolean {
  const from = Math.max(
    0,
    ...[...reading.text.slice(0, at).matchAll(/[，,；;]/g)].map((mark) => mark.index + 1),
  );
  const rest = reading.text.slice(at).search(/[，,；;。]/);
  const to = rest < 0 ? reading.text.length : at + rest;
  const chips = reading.chips.filter((chip) => chip.start >= from && chip.end <= to);
  return chips.length > 0 && chips.every((chip) => !chipIds.has(chip.id));
}

/** Where the last company named before a position starts (0 when none). */
function lastCompanyBefore(reading: SentenceReading, at: number): number {
  return reading.mentions.findLast((mention) => mention.type === 'company' && mention.end <= at)?.start ?? 0;
}

/** After a foundry's name, its process: 电子2纳米工艺, 的SF2制程, 2奈米製程. */
const FOUNDRY_PROCESS_AFTER =
  /^(?:电子|電子)?(?:的)?\s*(?:SF\s?[\d.]+P?|(?:[\d.]+|[一二两兩三四五])\s*(?:纳米|奈米|nm|NM))?\s*(?:工艺|工藝|制程|製程)/;

/** After a foundry's name, its role: "Samsung's run", "Samsung Electronics' role", "TSMC's monopoly". */
const ROLE_AFTER =
  /^['’]s?\s+(?:[\w-]+\s+)?(?:run|role|tenure|reign|streak)\b(?!\s+as\s+(?:[\w'’-]+\s+){0,2}?(?:sole|only|exclusive)\b)/i;
/** …or its sole hold, ended only where the making moves ("moves AI4 to TSMC", not "Samsung's AI5 win ends …"). */
const SOLE_ROLE_AFTER = /^['’]s?\s+(?:monopoly|exclusivity|lock|grip)\b/i;
const MOVED_WHOLLY =
  /\b(?:mov(?:es|ed|ing)|shift(?:s|ed|ing)?|hand(?:s|ed|ing)|switch(?:es|ed|ing)?|transfer(?:s|red|ring)?)\b[^,.;]{0,40}\bto\b|\b(?:wholly|solely|entirely)\b|转由|轉由|改由|转交|轉交/i;
const SHARED_MAKING =
  /\b(?:also|too|alongside|as\s+well|second\s+source|part\s+of|some|share|split)\b|也|同时|同時|部分/i;

/**
 * A making noun and its "of/for" right before a chip, or a list of chips: the head of a subject ("orders for AI5
 * and", "production of Tesla's").
 */
const MAKING_NOUN_OF =
  /^(?:orders?|production|output|manufacturing|contracts?)\s+(?:of|for)\s+(?:(?:Tesla['’]s|the|its)\s+)?(?:\s|,|and\b|&)*$/i;

/** Between a subject chip (or a list of them) and its verb: joins, the chip's noun, auxiliaries. */
const SUBJECT_VERB_GAP =
  /^(?:\s|,|and\b|&|chips?\b|processors?\b|will\b|would\b|to\b|is\b|are\b|was\b|were\b|be\b|been\b|being\b|now\b|also\b)*$/i;

/** The text between two positions with the chips named in it blanked out. */
function withoutChips(reading: SentenceReading, from: number, to: number): string {
  let text = reading.text.slice(from, to);
  for (const chip of reading.chips)
    if (chip.start >= from && chip.end <= to)
      text =
        text.slice(0, chip.start - from) + ' '.repeat(chip.end - chip.start) + text.slice(chip.end - from);
  return text;
}

/** "特斯拉AI6由三星德州廠代工": the verb a Chinese agent after 由 governs, in its own clause after it. */
function chineseAgentVerb(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
): PhraseMatch<AttributeClass> | undefined {
  if (!/由\s*$/.test(reading.text.slice(Math.max(0, mention.start - 2), mention.start))) return undefined;
  const following = triggers.find((trigger) => trigger.start >= mention.end);
  return following && !/[,，;；。]/.test(reading.text.slice(mention.end, following.start))
    ? following
    : undefined;
}

/**
 * "Nvidia's Rubin promises 3x efficiency as Tesla keeps AI6 specs under wraps": a value in a clause with
 * a subject of its own, the fact's subject named only in a clause opened after it (as, while, when…).
 */
export function beforeSubjectsOwnClause(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
  positions: number[],
): boolean {
  // (Not a node: "Samsung's 2nm yields climb as it prepares to build Tesla's AI6 on the node" is the chip's.)
  if (mention.value.kind === 'node' || positions.length === 0 || positions.some((at) => at < mention.end))
    return false;
  return (
    opensClauseBetween(reading.text, mention.end, Math.min(...positions)) &&
    // (not a person, who only speaks: "Musk said production would begin in 2026 when Samsung's Taylor fab opens").
    reading.mentions.some(
      (other) =>
        other.end <= mention.start && !rule.ownIds.has(other.id) && CLAUSE_SUBJECT_TYPES.has(other.type),
    )
  );
}

const CLAUSE_SUBJECT_TYPES = new Set(['company', 'affiliate', 'site', 'place', 'product', 'chip']);

export const REPORTING_PERIOD_AFTER =
  /^\s*(?:年)?\s*(?:度)?\s*(?:第?[一二三四1-4]\s*季度?|Q[1-4]|[1-4]Q|上半年|下半年|全年|(?:first|second|third|fourth)[- ]quarter|full[- ]year)?\s*(?:的)?\s*(?:业绩|業績|财报|財報|earnings|results)/i;

/** A making said of its chip, its maker after it: "ramps at", "stays with", "remains at", "reach volume … at". */
const makerFollows = (reading: SentenceReading, trigger: PhraseMatch<AttributeClass>) =>
  trigger.name === 'makes' && MAKER_FOLLOWS.test(reading.text.slice(trigger.start, trigger.end));

const HANDOVER_WORD = /^(?:交由|交给|交給|转交|轉交|委托|委託)$/;

const PASSIVE_GAP =
  /^\s*(?:chips?|processors?)?\s*(?:(?:is|are|was|were|will|be|been|being|still|also|now|already|to|set|expected|slated)\s+)+$/i;

const PARTICIPLE = /^(?:made|manufactured|produced|built|fabricated|fabbed)\b/i;

/**
 * "Tesla benchmarks AI6 against Nvidia's Rubin, made by TSMC", "AI6性能超越英伟达的Rubin，后者由台积电代工": past a
 * thing the chip is measured against, a participle after the comma (or "the latter", 后者) speaks of that thing.
 */
function makesAnotherNamedBetween(
  text: string,
  chipEnd: number,
  trigger: PhraseMatch<AttributeClass>,
): boolean {
  const between = text.slice(chipEnd, trigger.start);
  const latter = /[，,]\s*(?:后者|後者|the\s+latter\b)/i.exec(between);
  // (the latter is the chip itself when nothing but its kind word stands before the comma: "AI5 and AI6 chips, the latter")
  if (latter)
    return /[A-Z]|[\u3400-\u9fff]{2}/.test(between.slice(0, latter.index).replace(CHIP_KIND_WORDS, ''));
  return PARTICIPLE.test(text.slice(trigger.start, trigger.end)) && MEASURED_AGAINST_THEN_COMMA.test(between);
}

const CHIP_KIND_WORDS = /\b(?:chips?|processors?|computers?)\b|芯片|晶片|处理器|處理器/gi;

/** The chip measured against another named thing, then a comma: " against Nvidia's Rubin, ", " beats Apple's M6, ". */
const MEASURED_AGAINST_THEN_COMMA =
  /^\s+(?:[^,;.]{0,30}?\s)?(?:against|than|versus|vs\.?|like|over|outperform(?:s|ed)?|beat(?:s)?|rival(?:s|ed)?|trail(?:s|ed)?|match(?:es|ed)?|surpass(?:es|ed)?|top(?:s|ped)?)\s+[^,;.]{1,40},\s*(?:(?:which|that)\s+(?:is|are|was|were|will\s+be)\s+)?$/i;

/**
 * A predicate joined by "and" to the one before, up to a foundry: "… and competes with", "… and is in talks with" —
 * a verb (or auxiliary) right after "and", not a chip or a noun phrase ("AI4 and AI5 with TSMC").
 */
const PREDICATE_JOINED_BEFORE =
  /\band\s+(?:(?:also|now|then|still|already)\s+)?(?!(?:(?:is|are|was|were|will|would|could|may|might|has|have|had|can|to|be)\s+)*(?:giv|gave|hand|award|mov|shift|switch|transfer|send|sent|pass|assign|reassign|allocat|rout|steer|redirect|outsourc|sourc)\w*\s)(?:(?:is|are|was|were|will|would|could|may|might|has|have|had|can)\s|(?!(?:the|its|their|his|her|some|other|more|both|also|chips|wafers|processors|modules|parts)\b)[a-z]+(?:s|ed)\s)(?![^,;]*\band\s)[^,;]*$/;

/** The "makes" word a foundry is the agent of: the next one after it, or the one just before "by"/由 it. */
function triggerOfAgent(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
  foundries: ReadonlySet<string>,
): PhraseMatch<AttributeClass> | undefined {
  const frame = frameOf(reading, mention.start);
  const inFrame = ownClauseFirst(
    reading,
    mention.start,
    triggers.filter((trigger) => frameOf(reading, trigger.start) === frame),
    mention,
  );
  const around = inFrame.find((trigger) => trigger.start <= mention.start && trigger.end >= mention.end);
  if (around) return around;
  const before = reading.text.slice(Math.max(0, mention.start - 24), mention.start);
  const previous = inFrame.filter((trigger) => trigger.end <= mention.start).at(-1);
  const following = inFrame.find((trigger) => trigger.start >= mention.end);
  // "Samsung makes the AI4 today and competes with TSMC": a name past a predicate joined to the making's is none of
  // its agents.
  const pastJoinedPredicate =
    previous !== undefined && PREDICATE_JOINED_BEFORE.test(reading.text.slice(previous.end, mention.start));
  // "AI5 now comes from both TSMC and Samsung", "sourced from Samsung": the maker right after a making's "from".
  if (
    previous &&
    /\bfrom$/i.test(reading.text.slice(previous.start, previous.end)) &&
    /^\s*(?:both\s+|either\s+)?$/i.test(reading.text.slice(previous.end, mention.start))
  )
    return previous;
  // "…轉給台積電，三星仍是唯一代工夥伴", "…，仍由三星代工": a name in a clause of its own that says it still makes the
  // chip takes the word after it.
  if (
    following &&
    opensStillMadeByClause(reading, mention, [following]) &&
    (!previous || /[，,]/.test(reading.text.slice(previous.end, mention.start)))
  )
    return following;
  // "AI6仍由三星代工": after 由/交由 the making follows the foundry, close by — not a making word before it
  // ("台积电未承接特斯拉AI6订单，AI6仍由三星代工" is no 订单 of Samsung's).
  if (
    previous &&
    following &&
    /(?:由|交由|交给|交給)\s*$/.test(before) &&
    /^[^，,。；;：:\s]{0,6}$/.test(reading.text.slice(mention.end, following.start)) &&
    // …a chip named in the foundry's own clause, past a comma after that word ("…订单，AI6仍由三星代工"), or past the
    // 的-modifier that word ends ("原本由台積電獨家代工的特斯拉AI5晶片，將改由台積電與三星共同生產": the chip described).
    reading.mentions.some(
      (chip) =>
        chip.type === 'chip' &&
        chip.start > previous.end &&
        chip.end <= mention.start &&
        (reading.text.startsWith('的', previous.end) &&
        /(?:由|交由)[^，,。；;]{1,12}$/.test(
          reading.text.slice(Math.max(0, previous.start - 16), previous.start),
        )
          ? !/[；;]/.test(reading.text.slice(chip.end, mention.start))
          : /[，,；;]/.test(reading.text.slice(previous.end, chip.start)) &&
            !/[，,；;]/.test(reading.text.slice(chip.end, mention.start))),
    )
  )
    return following;
  // "AI5 is targeted for TSMC's 3nm process": the foundry whose process the chip is meant for.
  // (…and one coordinated after it: "for TSMC's 3nm process as well as Samsung's Taylor fab")
  if (
    previous &&
    /^(?:slated|targeted|designed)\s+for$/i.test(reading.text.slice(previous.start, previous.end)) &&
    /^\s*$|^\s*[A-Z][\w-]*['’]s\s+[^,;.]{0,40}?\s(?:as\s+well\s+as|and)\s+$/.test(
      reading.text.slice(previous.end, mention.start),
    )
  )
    return previous;
  if (
    previous &&
    (/(?:\bby|\bwith|\bto|\bat|\busing|\bthrough|\bvia|\bbetween|由|交由|交给|交給|转交|轉交|给|給|and)\s*(?:both\s+|either\s+)?(?:\w+\s+and\s+)?$/i.test(
      before,
    ) ||
      // "HW4 stays on Samsung": a making word whose own preposition the foundry follows.
      (/^\s+$/.test(reading.text.slice(previous.end, mention.start)) &&
        /\son$/i.test(reading.text.slice(previous.start, previous.end)))) &&
    // "Tesla's HW4 chip stays with Samsung as AI5 ramps at TSMC": not past a clause of its own.
    !opensClauseBetween(reading.text, previous.end, mention.start) &&
    !pastJoinedPredicate &&
    // "makes Tesla's AI4 chips and, together with TSMC, will make AI5": a parenthesis opened after a comma goes with
    // the verb after it.
    !/,\s*(?:(?:together|along)\s+with|alongside)\s*$/i.test(before) &&
    // "Samsung doing AI6 in Taylor and TSMC doing AI5", "… and TSMC is doing AI5": a name after "and" with a making
    // of its own right after it.
    !(
      /\band\s*$/i.test(before) &&
      following !== undefined &&
      // (…or one it is set to: "and Samsung is lined up to make AI6")
      /^\s*(?:(?:is|are|was|were|will|would|has|have|had|also|now|then|be|been)\s+)*(?:(?:set|slated|lined\s+up|poised|expected|due|tapped|chosen|picked|scheduled|ready|going)\s+to\s+)?$/i.test(
        reading.text.slice(mention.end, following.start),
      )
    )
  )
    return previous;
  // "AI6将采用三星电子2纳米工艺制造": a foundry whose process the chip adopts is the object of 采用, not the agent
  // of the making after its process (but "采用三星代工的AI4" is 代工's).
  if (
    previous &&
    /^(?:采用|採用|改用)$/.test(reading.text.slice(previous.start, previous.end)) &&
    previous.end === mention.start &&
    FOUNDRY_PROCESS_AFTER.test(reading.text.slice(mention.end, mention.end + 16)) &&
    // (the story's chip adopting it, in the clause: not "苹果A20将采用台积电2纳米工艺制造，而特斯拉AI6…"; or the chip
    // referred to: "该芯片将采用三星两纳米工艺制造")
    (reading.chips.some(
      (chip) =>
        chip.end <= previous.start && !/[，,；;。]/.test(reading.text.slice(chip.end, previous.start)),
    ) ||
      CHIP_REFERRED_BEFORE_ZH.test(reading.text.slice(0, previous.start)))
  )
    return previous;
  // "Tesla taps Samsung for AI5 as a second source to TSMC": the foundry right after a choosing verb, and "for"
  // or "as" after it, is that verb's object.
  if (
    previous &&
    CHOOSING_VERB.test(reading.text.slice(previous.start, previous.end)) &&
    /^\s+$/.test(reading.text.slice(previous.end, mention.start)) &&
    /^\s+(?:for|as)\b/i.test(reading.text.slice(mention.end, mention.end + 5))
  )
    return previous;
  // (not a making whose maker follows it, "AI5 ramps at TSMC", "stays with Samsung": a foundry before it is none of its)
  const first = inFrame.find((trigger) => trigger.start >= mention.end);
  const next =
    first &&
    (makerFollows(reading, first) ||
      inCauseClauseBefore(reading, mention, first) ||
      ownOtherVerbFirst(reading, mention, first) ||
      reading.chips.some(
        (chip) => chip.end <= first.start && onlyFabStartBeforeChipZh(reading, mention, chip, triggers),
      ) ||
      relativeOfAnotherName(reading, mention, first, foundries) ||
      namedInClauseOpenedBefore(reading, mention, first, foundries) ||
      subjectsJoinedPredicate(reading, mention, first))
      ? undefined
      : first;
  // "a $16.5 billion chip deal with Samsung, with the new AI5 chip … still being manufactured using
  // TSMC's 3nm process": a making whose own agent follows it is not the foundry's named before.
  if (next && agentAfter(reading, next, mention, foundries)) return previous;
  // "TSMC will mass-produce Tesla's AI5 next year as Samsung readies AI6": a foundry opening a clause of
  // its own is no agent of the making before it.
  // …nor one in the main clause after a time clause ("三星为特斯拉AI6备产之际，台积电扩产亚利桑那厂").
  if (
    !next &&
    previous &&
    (opensClauseBetween(reading.text, previous.end, mention.start) ||
      TIME_CLAUSE_ZH.test(reading.text.slice(previous.end, mention.start)) ||
      // "won't reach volume production until 2027, a delay that matters for Samsung": a name in an appositive
      // that sums the clause up is none of its making.
      SUMMING_APPOSITIVE.test(reading.text.slice(previous.end, mention.start)) ||
      pastJoinedPredicate)
  )
    return undefined;
  // "Tesla splits AI5 between TSMC and Samsung, Nvidia's Rubin, Apple's Intel talks": a name past a list closed by
  // "and", and a comma, is a list's next item (a newsletter's next story), not the making's maker.
  if (!next && previous && listEndsBefore(reading, previous.end, mention.start)) return undefined;
  // "特斯拉AI5量产推迟至2027年,三星泰勒厂进度不变": a name opening a Chinese clause of its own after the making's, with no
  // making after it, is none of its makers.
  if (
    !next &&
    previous &&
    /[\u3400-\u9fff]/.test(reading.text.slice(previous.end, mention.start)) &&
    /[，,；;]\s*(?:而|但|则|則|至于|至於)?\s*$/.test(reading.text.slice(previous.end, mention.start))
  )
    return undefined;
  return next ?? previous;
}

function listEndsBefore(reading: SentenceReading, from: number, to: number): boolean {
  return reading.mentions.some(
    (name) =>
      name.start >= from &&
      name.end <= to &&
      /\band\s+$/.test(reading.text.slice(from, name.start)) &&
      /^\s*[,，]/.test(reading.text.slice(name.end, to)),
  );
}

const SUMMING_APPOSITIVE = /,\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:that|which)\s/i;

function openRelativeMaking(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
  chipTriggers: ReadonlySet<PhraseMatch<AttributeClass>>,
  chipIds: ReadonlySet<string>,
): boolean {
  const relative = triggerOfRelativeClause(reading, triggers, mention);
  if (relative === undefined || !chipTriggers.has(relative)) return false;
  // (the clause's own chip, when it names one, is the rule's: not "Tesla did not pick Samsung, which makes its AI4
  // chips, for AI5")
  const clauseEnd = clauseMarkAfter(reading.text, relative.end);
  const othersChip = reading.mentions.some(
    (chip) =>
      chip.type === 'chip' && chip.start >= relative.end && chip.start < clauseEnd && !chipIds.has(chip.id),
  );
  return !othersChip && reading.scopes.blockersAt(relative.start, relative).length === 0;
}

/**
 * Two chips and two foundries, each pair written "X and Y", with "respectively" after them: the foundry in the rule's
 * chip's place.
 */
function respectiveMaker(
  reading: SentenceReading,
  found: EntityMention[],
  chipIds: ReadonlySet<string>,
): string | undefined {
  const word = /\brespectively\b|分别|分別/i.exec(reading.text);
  if (!word) return undefined;
  const pairOf = (list: EntityMention[]) =>
    list.find(
      (first, index) =>
        list[index + 1] !== undefined &&
        /^\s*(?:and|&|与|與|和)\s*$/i.test(reading.text.slice(first.end, list[index + 1]!.start)),
    );
  // (in Chinese the chips follow the word: "台积电与三星分别负责AI5和AI6的生产")
  const before = reading.chips.filter((chip) => chip.end <= word.index);
  const after = reading.chips.filter(
    (chip) => chip.start >= word.index && !/[，。；;]/.test(reading.text.slice(word.index, chip.start)),
  );
  const chips = pairOf(before) || !pairOf(after) ? before : after;
  const firstChip = pairOf(chips) ?? bothReferredBefore(reading, before, word.index);
  const foundries = found.filter((mention) => mention.end <= word.index + word[0].length + 12);
  const firstFoundry = pairOf(foundries);
  if (!firstFoundry) return undefined;
  const foundryPair = [firstFoundry, foundries[foundries.indexOf(firstFoundry) + 1]!];
  if (!firstChip) {
    // "Apple's M6 and Tesla's AI6 both use 2nm, at TSMC and Samsung respectively": paired with a model the ruler does
    // not know, the chip takes the maker in its place.
    const own = chips.find((chip) => chipIds.has(chip.id));
    if (own === undefined) return undefined;
    if (MODEL_AND_BEFORE.test(reading.text.slice(Math.max(0, own.start - 40), own.start)))
      return foundryPair[1]!.id;
    if (AND_MODEL_AFTER.test(reading.text.slice(own.end, own.end + 40))) return foundryPair[0]!.id;
    return undefined;
  }
  const chipPair = [firstChip, chips[chips.indexOf(firstChip) + 1]!];
  const at = chipPair.findIndex((chip) => chipIds.has(chip.id));
  return at < 0 ? undefined : foundryPair[at]!.id;
}

/**
 * "AI5晶片預計明年進入量產，下一代AI6則力拚2028年量產，兩款晶片分別由台積電與三星代工": the two chips named in turn, then
 * referred to together right before the word, pair with its list as if written "AI5 and AI6" (the first of them).
 */
function bothReferredBefore(
  reading: SentenceReading,
  before: EntityMention[],
  wordAt: number,
): EntityMention | undefined {
  const ids = new Set(before.map((chip) => chip.id));
  if (before.length !== 2 || ids.size !== 2) return undefined;
  return BOTH_CHIPS_BEFORE.test(reading.text.slice(before[1]!.end, wordAt)) ? before[0] : undefined;
}

/** "兩款晶片" a few characters before the word; "the two chips will be made by TSMC and Samsung" before "respectively". */
const BOTH_CHIPS_BEFORE =
  /(?:(?:这|這)?(?:两|兩)(?:款|颗|顆|代)(?:晶片|芯片|處理器|处理器)?|(?:二|两|兩)者)[^，,。；;]{0,6}$|\b(?:both|the\s+two)\s+(?:chips|processors)\b[^.;:]{0,60}$/i;

/** A model name, "and", maybe an owner, right before the chip: "Apple's M6 and Tesla's ", "苹果M6与特斯拉". */
const MODEL_AND_BEFORE =
  /\b[A-Z][A-Za-z]*\d[\w-]*(?:\s+chips?)?\s*(?:and|&|与|與|和)\s*(?:[A-Z][\w-]*['’]s\s+|特斯拉(?:的)?)?$/;

/** "and" and a model name right after the chip: " and Apple's M6", "与苹果M6". */
const AND_MODEL_AFTER =
  /^(?:\s+chips?)?\s*(?:and|&|与|與|和)\s*(?:[A-Z][\w-]*['’]s\s+|[\u3400-\u9fff]{1,4})?[A-Z][A-Za-z]*\d/;

/** ", joining TSMC and Samsung as suppliers", ", joining TSMC as a maker of the chip". */
const JOINING_AS =
  /,\s*joining\s+[^,;.]{1,60}?\s+as\s+(?:an?\s+|its\s+|the\s+|Tesla['’]s\s+)?(?:other\s+|existing\s+)?(?:suppliers?|makers?|manufacturers?|foundries|foundry\s+partners?|sources?)\b/i;

const EXCLUSIVE_BEFORE = /\b(?:solely|only|exclusively|entirely)\s+(?:by|at|with|to|from)\s+$/i;
const EXCLUSIVE_AFTER = /^\s+alone\b|^(?:独家|獨家)/i;

/** The making right after ", which" (a few words between) a name heads: "Samsung, which will now manufacture". */
function triggerOfRelativeClause(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
): PhraseMatch<AttributeClass> | undefined {
  return triggers.find(
    (trigger) =>
      trigger.start > mention.end &&
      RELATIVE_HEADED_BEFORE.test(reading.text.slice(mention.end, trigger.start)),
  );
}

// (or the name's plant's: "Samsung's Taylor fab, which is slated to produce AI6 chips")
const RELATIVE_HEADED_BEFORE =
  /^(?:(?:['’]s)?\s+(?:[A-Z][\w-]*,?\s+){0,3}(?:fab|plant|factory|facility|foundry))?\s*,\s*(?:which|who)\s+(?:(?:will|would|is|are|has|have|now|also|already|to|be|set|going|expected|due|soon|slated|scheduled|poised|planned)\s+){0,4}$/i;

/**
 * "Taiwan's TSMC and South Korea's Samsung, which is making Tesla's AI6 chip": a making in a singular relative
 * clause right after another foundry is that foundry's alone.
 */
function relativeOfAnotherName(
  reading: SentenceReading,
  mention: EntityMention,
  trigger: PhraseMatch<AttributeClass>,
  foundries: ReadonlySet<string>,
): boolean {
  const other = reading.mentions.findLast(
    (found) =>
      foundries.has(found.id) &&
      found.id !== mention.id &&
      found.start > mention.end &&
      found.end <= trigger.start,
  );
  return (
    other !== undefined &&
    /^\s*,\s*(?:which|who)\s+(?:is|was|has|will\s+be|would\s+be)\s+(?:(?:already|now|also|currently)\s+)?$/i.test(
      reading.text.slice(other.end, trigger.start),
    )
  );
}

/**
 * "TSMC holds about two-thirds of the market, against 8 percent for Samsung, even after the Korean firm won Tesla's
 * AI6 order": a name with a verb of its own right after it (holds, controls, leads) is that verb's subject, not the
 * agent of a making past a comma.
 */
function ownOtherVerbFirst(
  reading: SentenceReading,
  mention: EntityMention,
  trigger: PhraseMatch<AttributeClass>,
): boolean {
  return (
    OWN_OTHER_VERB_AFTER.test(reading.text.slice(mention.end, mention.end + 24)) &&
    /[,，;；]/.test(reading.text.slice(mention.end, trigger.start))
  );
}

/**
 * "TSMC keeps AI5 as Samsung makes AI6": a making past a clause that opens after the name, with a maker of its own
 * named in it before the making, is that maker's.
 */
function namedInClauseOpenedBefore(
  reading: SentenceReading,
  mention: EntityMention,
  trigger: PhraseMatch<AttributeClass>,
  foundries: ReadonlySet<string>,
): boolean {
  return reading.mentions.some(
    (other) =>
      other !== mention &&
      foundries.has(other.id) &&
      other.start >= mention.end &&
      other.end <= trigger.start &&
      opensClauseBetween(reading.text, mention.end, other.start) &&
      // (the clause's subject: not "as it joins TSMC in making")
      /\b(?:as|while|whereas|when|after|because|since|though|although)\s+$/i.test(
        reading.text.slice(mention.end, other.start),
      ) &&
      !opensClauseBetween(reading.text, other.end, trigger.start),
  );
}

const OWN_OTHER_VERB_AFTER =
  /^\s+(?:still\s+|now\s+)?(?:holds?|held|controls?|controlled|commands?|dominates?|dominated|leads?|led)\b/i;

/**
 * "由于台积电亚利桑那厂产能紧张，特斯拉决定将AI5芯片订单全部转交三星": a company in a cause clause is no agent of a
 * making past the clause's comma.
 */
function inCauseClauseBefore(
  reading: SentenceReading,
  mention: EntityMention,
  trigger: PhraseMatch<AttributeClass>,
): boolean {
  const clause = reading.text.slice(0, mention.start).replace(/^.*[，,；;。]/s, '');
  return CAUSE_OPENING_ZH.test(clause) && /[，,；;]/.test(reading.text.slice(mention.end, trigger.start));
}

const CAUSE_OPENING_ZH = /^\s*(?:由于|由於|因为|因為|鉴于|鑒於|受)/;

const CHOOSING_VERB =
  /^(?:taps?|tapped|tapping|picks?|picked|picking|chooses?|chose|choosing|selects?|selected|selecting)$/i;

const SPEECH_VERB = /\b(?:said|says|say|told|tells|added|noted|hopes?|wants?|plans?)\b/i;

/** The first making word after a relative aside that follows a name (", which …,"), in the name's clause group. */
function triggerAfterAside(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  mention: EntityMention,
): PhraseMatch<AttributeClass> | undefined {
  const aside = ASIDE_AFTER_NAME.exec(reading.text.slice(mention.end));
  if (!aside) return undefined;
  const end = mention.end + aside[0].length;
  const frame = frameOf(reading, mention.start);
  const trigger = triggers.find((found) => found.start >= end && frameOf(reading, found.start) === frame);
  if (trigger === undefined) return undefined;
  // "Samsung, which makes AI4, said TSMC will make AI5": another agent or a speech verb between is not the name's verb.
  const between = reading.text.slice(end, trigger.start);
  const anotherBetween = reading.mentions.some(
    (other) => other.start >= end && other.end <= trigger.start && other.type === 'company',
  );
  return between.length <= 24 && !anotherBetween && !SPEECH_VERB.test(between) ? trigger : undefined;
}

/**
 * After a name, a relative aside (", which makes AI4,") or one naming what it makes (", already the maker of Tesla's
 * AI4,", ", maker of Tesla's AI4,").
 */
const ASIDE_AFTER_NAME =
  /^\s*,\s*(?:(?:which|who)\b[^,;]*|(?:already\s+|also\s+|long\s+)?(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:maker|manufacturer|supplier|builder|producer|foundry)\s+(?:of|for)\s+[^,;]*),/i;

/**
 * The making joined to another by "and", with no subject of its own between them: "builds Tesla's AI4 processor and
 * will make AI6", "fabs the AI4 chip …, and it will build AI6" — the same foundry's.
 */
function makingJoinedTo(
  reading: SentenceReading,
  triggers: PhraseMatch<AttributeClass>[],
  trigger: PhraseMatch<AttributeClass>,
): PhraseMatch<AttributeClass> | undefined {
  const next = triggers.find((other) => other.start >= trigger.end);
  if (next === undefined) return undefined;
  const between = reading.text.slice(trigger.end, next.start);
  const anotherSubject = reading.mentions.some(
    (mention) =>
      mention.start >= trigger.end &&
      mention.end <= next.start &&
      (mention.type === 'company' || mention.type === 'affiliate') &&
      // (a chip's owner is no subject: "builds Tesla's AI4 processor and will make AI6"; nor a customer: "for Tesla";
      // nor a place the chip is in: "makes the AI4 in Tesla cars today and will be the sole maker of AI6")
      !/^['’]s\b/.test(reading.text.slice(mention.end, mention.end + 2)) &&
      !/(?:\b(?:for|in|inside|into)\s+|为|為|替)$/i.test(
        reading.text.slice(Math.max(0, mention.start - 7), mention.start),
      ) &&
      // (nor the object of a preposition of another verb: "shares AI5 with TSMC and will be the sole maker of AI6" —
      // not of the making itself: "stays with Samsung for AI4 and picks TSMC")
      !(
        /\S\s+\S+\s+$/.test(reading.text.slice(trigger.end, mention.start)) &&
        PREPOSITION_BEFORE.test(reading.text.slice(trigger.end, mention.start))
      ),
  );
  return !anotherSubject && (JOINED_MAKING_BETWEEN.test(between) || JOINED_MAKING_BETWEEN_ZH.test(between))
    ? next
    : undefined;
}

const JOINED_MAKING_BETWEEN =
  /^[^.;:!?]*?[^,\s],?\s+and\s+(?:it\s+)?(?:(?:will|would|shall|is|are|set|to|also|now|soon|then|plans?|expects?|going|be|already|later|preparing|prepares|getting|ready)\s+)*(?:the\s+(?:sole\s+|only\s+|main\s+|exclusive\s+)?)?$/i;
/** "三星电子生产AI4芯片，并将生产AI6", "…，同时准备在泰勒厂生产AI6": a making joined to the one before, its subject shared. */
const JOINED_MAKING_BETWEEN_ZH =
  /^[^。；;！？]*?[，,]\s*(?:并|並|同时|同時|且|亦|还|還|也)(?:将|將|准备|準備|计划|計劃|会|會|也|还|還|正|已|亦|可)*\s*(?:在[^，。；,;]{1,10}?|(?:以|用|采用|採用)[^，。；,;]{1,12}?(?:工艺|工藝|制程|製程))?$|^[^。；;！？]*?[，,\s]\s*(?:此次|这次|這次|如今|现在|現在|今年|目前)?(?:又|再|还|還|也|亦)(?:获得|獲得|拿下|斩获|斬獲|赢得|贏得|取得)了?[^，。；,;]{0,16}?$/;

/** Another foundry named as the agent right after a "makes" word ("manufactured using TSMC's", "made by TSMC") — not "at Tesla's request". */
function agentAfter(
  reading: SentenceReading,
  trigger: PhraseMatch<AttributeClass>,
  mention: EntityMention,
  foundries: ReadonlySet<string>,
): boolean {
  return reading.mentions.some(
    (other) =>
      other.id !== mention.id &&
      foundries.has(other.id) &&
      other.start >= trigger.end &&
      AGENT_GAP.test(reading.text.slice(trigger.end, other.start)),
  );
}

const AGENT_GAP = /^\s*(?:(?:at|in)\s+\w+\s+)?(?:by|using|on|at)\s+(?:the\s+)?$/i;
