/**
 * Readers of numeric values (layer 6): money, percentages, years, counts, nodes and ratios — the typed value
 * nearest the relation word that is the subject's own, of its time and not presupposed, a plan of the past, a
 * precedent or another measure.
 */
import type { Value } from '../../model/values.ts';
import type { EntityMention } from '../entities.ts';
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRule } from '../rules.ts';
import { TRANSACTION_AFTER } from '../scope.ts';
import type { ValueMention } from '../values/mention.ts';
import { CHINESE_DIGIT_YEAR, parseNumber } from '../values/numbers.ts';
import {
  anotherChipsClause,
  beforeSubjectsOwnClause,
  HANDED_OVER_AFTER,
  REPORTING_PERIOD_AFTER,
  timeClauseOfAnotherChip,
} from './entity-value.ts';
import {
  clauseEndOf,
  clauseMarkBetween,
  clauseStartOf,
  frameOf,
  inAnotherMakersEarlierPart,
  inNamedDeal,
  lastClause,
  monthMarks,
  notWordsOf,
  numberOf,
  numericMentions,
  OWNER_TYPES,
  RECALLED_NEWS,
  silencedByNot,
} from './frames.ts';
import { ownedBySubject, ownershipPoint, startAtASite } from './ownership.ts';
import { type SentenceReading, timelineYearOf } from './reading.ts';
import {
  amountOfAnAward,
  EN_MILESTONES,
  inTheEventsPiece,
  pieceAround,
  rivalsMakingAfter,
  ZH_MILESTONES,
} from './relation.ts';
import { MAX_DISTANCE, type ReadValue, type SubjectHere } from './statement.ts';

/** A change verb, then "by" right before an amount: the amount the change is by. */
const CHANGED_BY_BEFORE =
  /\b(?:(?:rais|increas|cut|reduc|lower|trim|grow|grew|expand|lift|boost|rose|rise|fell|fall|drop|slash|shrank|shrunk|shrink|widen|narrow|enlarg|scal|pare|downsiz|downgrad|upgrad)\w*|adds?|added|adding|up|down)\b[^.;]{0,60}?\bby\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|roughly\s+|another\s+|a\s+further\s+)?$/i;

/** Right after a date, a trial's making: 開始小量生產, 试产, 可能小批量生产, "small-batch production"; or a tape-out, 明年流片. */
const TRIAL_AFTER_DATE =
  /^(?:[底初中]|下半年|上半年)?前?\s*(?:在[^，。；,;]{1,12}?)?(?:可能|有望|或将|或將|预计|預計|会|會)?\s*(?:将|將|起|开始|開始|展开|展開|进行|進行)?\s*(?:(?:少量|小批量|小量|试|試|风险|風險)(?:生产|生產|量产|量產|投产|投產|产|產)|小批量(?=[，,。；;\s]|$)|(?:完成)?(?:流片|送样|送樣|出样|出樣)(?![并並及和与與、]\s*(?:实现|實現)?(?:量产|量產)))|^\s*(?:(?:for|with)\s+)?(?:small[-\s]batch|pilot|trial|risk)\s+(?:production|output|runs?)\b/i;

/** After a trial's making, volume in the same year: 并于同年实现量产, "and volume production the same year". */
const SAME_YEAR_VOLUME_AFTER =
  /(?:同年|当年|當年|同一年)[^，。；,;]{0,8}(?:量产|量產)|\b(?:volume|mass)\s+(?:production|output)\s+(?:in\s+)?the\s+same\s+year\b/i;

/** Right after a percentage, the whole company's sales: "of total sales", "of Samsung's overall revenue". */
const OF_TOTAL_SALES_AFTER =
  /^\s*of\s+(?:its\s+|the\s+company['’]s\s+|[A-Z][\w-]*['’]s\s+)?(?:total|overall|group|company-wide|consolidated)\s+(?:annual\s+)?(?:sales|revenue)\b/i;

/** Right before a percentage, the whole company's sales: 总销售额的, 相当于三星电子2024年销售额的 (not 代工 revenue). */
const TOTAL_SALES_BEFORE_ZH =
  /(?:(?:总销售额|總銷售額|总营收|總營收)的|相当于(?:(?!代工)[^，,。；;]){0,16}?(?:销售额|銷售額|营收|營收)的?|相當於(?:(?!代工)[^，,。；;]){0,16}?(?:銷售額|營收)的?)\s*(?:约|約)?\s*$/;

/**
 * After a share of revenue, that it is the increment the order brings: "带来相当于其年营收一成左右的收入增量" is the lift
 * itself, not the order's size against the revenue.
 */
const INCREMENT_NAMED_AFTER_ZH = /^(?:左右|上下)?的?(?:收入|营收|營收|销售|銷售)?(?:增量|增幅|增加|提升)/;

/** A Chinese plant noun opening the year's clause, a start right after the year: 这座…工厂预计明年投产. */
function plantStartsThen(reading: SentenceReading, mention: ValueMention): boolean {
  const before = reading.text
    .slice(Math.max(0, mention.start - 24), mention.start)
    .split(/[，,。；;]/)
    .at(-1)!;
  const plant = /(?:工厂|工廠|晶圆厂|晶圓廠|新厂|新廠)(?!.*(?:工厂|工廠|厂|廠))/.exec(before);
  return (
    plant !== null &&
    !reading.chips.some(
      (chip) => chip.start >= mention.start - before.length + plant.index && chip.end <= mention.start,
    ) &&
    /^[^，,。；;]{0,4}?(?:投产|投產|投入运营|投入營運|开始运营|開始營運|启用|啟用|运转|運轉)/.test(
      reading.text.slice(mention.end, mention.end + 12),
    )
  );
}

/**
 * In the date's clause before it, the making of a thing the chip goes into: "with production of the robot slated for
 * 2027", "deliveries of the Cybercab from" — that thing's date, not the chip's.
 */
const ANOTHER_THINGS_MAKING_BEFORE =
  /\b(?:production|output|deliveries|manufacturing)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:robots?|humanoids?|vehicles?|cars?|trucks?|robotaxis?|cybercabs?|bots?)\b[^,;.]{0,40}$/i;

/** Right after an amount, the plant it is the cost of: "$4.7B Chip Plant", "$37 billion fabrication facility", 的晶圆厂. */
const PLANT_NAMED_AFTER =
  /^\s*(?:(?:chip|chipmaking|chip-making|semiconductor|fabrication|wafer|advanced|new|foundry)[-\s]+){0,3}(?:plants?|fabs?|facility|facilities|factory|factories|complex|campus)\b|^\s*的?(?:晶圆厂|晶圓廠|工厂|工廠|新厂|新廠)/i;

/** Right before a date, a trial's making: "pilot production in", "risk production from", "engineering samples later". */
const TRIAL_BEFORE_DATE =
  /\b(?:pilot|trial|risk|small[-\s]batch|sample|engineering)\s+(?:production|output|runs?|manufacturing)\s+(?:there\s+)?(?:in|from|by|starting(?:\s+in)?|beginning(?:\s+in)?)\s+(?:the\s+)?(?:(?:early|mid|late|first\s+half\s+of|second\s+half\s+of)[-\s]+)?$|\b(?:samples?|sampling)\s+(?:(?:later|earlier|due|expected|slated|set)\s+)?(?:(?:in|by|for|from)\s+)?(?:the\s+)?(?:(?:early|mid|late|end\s+of)[-\s]+)?$|\bsamples?\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:(?:would|will|should|could|are\s+to|to)\s+)?(?:come|arrive|ship|be\s+(?:ready|available|delivered))\s+(?:in|by|from)\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)[-\s]+)?$/i;

/** Right after an amount, the order or contract it is the size of: 的晶片订单, 芯片大单, 合同, "contract", "chip deal". */
const ORDER_NAMED_AFTER =
  /^\s*(?:的)?(?:芯片|晶片|代工)?(?:订单|訂單|大单|大單|合同|合約|协议|協議)|^\s+(?:(?:chip|supply|foundry|chipmaking|manufacturing)[-\s]+)?(?:contract|deal|order|pact)s?\b/i;

/** Right after an amount, a compute contract it is the size of: ", five-year computing contract", 的算力合約. */
const COMPUTE_CONTRACT_AFTER =
  /^,?\s+(?:(?:\w+-year|multi-?year)[-\s]+)?(?:computing|compute|cloud)[-\s]+(?:capacity\s+)?(?:contracts?|deals?|agreements?)\b|^的?(?:算力|云计算|雲端|雲計算)(?:合同|合約|合约|协议|協議)/i;

/** Right before an amount, a taking back: "recover", "claw back", "withhold", 收回. */
const TAKEN_BACK_BEFORE =
  /(?:\b(?:recover(?:s|ed|ing)?|claw(?:s|ed|ing)?\s+back|withh(?:old|olds|olding|eld)|rescind(?:s|ed|ing)?|revok(?:e|es|ed|ing)|take(?:s|n)?\s+back|took\s+back|pull(?:s|ed|ing)?\s+back)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+|up\s+to\s+|around\s+)?|(?:追回|扣留)(?:约|約|近)?)$/i;

export function readNumeric(
  rule: CompiledRule,
  reading: SentenceReading,
  subject: SubjectHere,
  relations: PhraseMatch<AttributeClass>[],
): ReadValue | undefined {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = rule.rule.value;
  const currency = rule.fact.value?.kind === 'money' ? rule.fact.value.currency : 'USD';
  const anchors = [
    ...relations.map((match) => ({ at: match.start, end: match.end })),
    ...(rule.rule.adjacentChars ? subject.positions.map((at) => ({ at, end: at, adjacent: true })) : []),
    ...(subject.listHeads ?? []).map((head) => ({ at: head.start, end: head.end, adjacent: true })),
  ];
  const adjacentChars = rule.rule.adjacentChars || (subject.listHeads?.length ? subject.listGap! : 0);
  const levelsOnly = rule.rule.relation.includes('market_share');
  const movesOnly = rule.rule.relation.includes('stock_move');
  const termFact = rule.rule.relation.includes('term_end');
  const onlyDelay = relations.length > 0 && relations.every((match) => match.name === 'delay');
  // "the $16.5 billion figure … is only the minimum": a value named only as a figure confirms, never changes.
  const onlyFigure = relations.length > 0 && relations.every((match) => match.name === 'value_reference');
  const chipSubject = reading.mentions.some(
    (mention) => mention.type === 'chip' && rule.ownIds.has(mention.id),
  );
  // "Samsung signed a $3 billion packaging deal with Amkor … for work through 2030": the term of a contract of the
  // lone party with another, named, is not the story's contract's.
  if (termFact && contractWithAnother(rule, reading)) return undefined;
  if (movesOnly && signedMovesOfAnotherDay(rule, reading, relations)) return undefined;
  const candidates = numericMentions(rule, reading)
    .filter((mention) => mention.role !== 'delta' && mention.role !== 'from' && mention.role !== 'signed')
    // In a sentence of one clause group, a value on the side of an aside a word of another subject silences.
    .filter((mention) => reading.frames.length > 0 || !silencedByNot(rule, reading, mention.start))
    // "rose by 3%" is a move: right for a share price, not for a level such as a market share;
    // "slipped to 8.1%" is a level, never a share price's move.
    .filter((mention) => !(levelsOnly && mention.role === 'by'))
    // "rose by $5bn to $21.5bn", "cut the award by $1 billion": the amount of a change, never the total (not
    // "backed by $4.75bn", "stand by $500bn").
    .filter(
      (mention) =>
        !(
          mention.role === 'by' &&
          (mention.value.kind === 'money' || mention.value.kind === 'count') &&
          (CHANGED_BY_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 80), mention.start)) ||
            // (削减10亿美元, 增加10亿美元: a Chinese change verb right before gives the amount of the change)
            /[\u3400-\u9fff]了?\s*(?:约|約|近)?$/.test(
              reading.text.slice(Math.max(0, mention.start - 3), mention.start),
            ))
        ),
    )
    // "Samsung's 2nm yields climb ahead of Tesla AI6", 其2纳米良率表现, "offering discounts on its 2-nanometre process to
    // win orders from Nvidia and AMD": a foundry's node told for its yields or for other customers is not the chip's.
    .filter((mention) => mention.value.kind !== 'node' || !nodeOfTheFoundrysOwn(reading, mention))
    // "expects Samsung's contract chipmaking revenue to grow about 10% next year, helped by 2nm orders from Tesla and
    // Qualcomm": the whole revenue's growth, the deal one of its causes — not what the deal adds.
    .filter(
      (mention) =>
        !rule.rule.relation.includes('revenue_uplift') ||
        !GROWTH_HELPED_BY_AFTER.test(reading.text.slice(mention.end, clauseEndOf(reading, mention.end) + 40)),
    )
    // "三星电子股价涨超6% 机构称特斯拉订单有望提振代工营收": a share price's move is no revenue's lift.
    .filter(
      (mention) =>
        !rule.rule.relation.includes('revenue_uplift') ||
        !reading.relations.some(
          (match) =>
            match.name === 'stock_move' &&
            match.end <= mention.start &&
            /^\s*(?:超|逾|近|约|約|了|by|about|nearly|more\s+than)?\s*$/i.test(
              reading.text.slice(match.end, mention.start),
            ),
        ),
    )
    // "以因应特斯拉的165亿美元晶片订单", "revived by a $16.5 billion contract": an amount naming an order is the
    // order's, no investment's.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !rule.rule.relation.includes('investment') ||
        rule.rule.relation.includes('deal') ||
        !ORDER_NAMED_AFTER.test(reading.text.slice(mention.end, mention.end + 24)),
    )
    // "a reported $300 billion, five-year computing contract with OpenAI linked to the Stargate build-out",
    // 3000億美元算力合約: a compute contract's size is a purchase, no investment's total (even one a deal may state).
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !rule.rule.relation.includes('investment') ||
        !COMPUTE_CONTRACT_AFTER.test(reading.text.slice(mention.end, mention.end + 40)),
    )
    // "will recover $750 million of the grants promised to Samsung", "claw back $1 billion": an amount taken back.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        (!TAKEN_BACK_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 40), mention.start)) &&
          // (收回 a grant's money, not an investment recouped: "收回…补贴中的10亿美元", "收回10亿美元补贴")
          !(
            /(?:收回|撤回)[^，。；,;]{0,24}$/.test(
              reading.text.slice(Math.max(0, mention.start - 30), mention.start),
            ) &&
            /(?:补贴|補貼|补助|補助|拨款|撥款)/.test(
              reading.text.slice(Math.max(0, mention.start - 30), mention.end + 8),
            )
          )),
    )
    // "worth about 15% of Samsung's foundry revenue": a part of the company's own revenue, not its share of a market.
    .filter(
      (mention) => !(levelsOnly && OWN_REVENUE_AFTER.test(reading.text.slice(mention.end, mention.end + 48))),
    )
    // "Samsung shares rise 4% after foundry share data": a stock's move, never a market share.
    .filter(
      (mention) =>
        !(
          levelsOnly &&
          STOCK_MOVED_BY.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start))
        ),
    )
    .filter(
      (mention) =>
        mention.value.kind !== 'percent' ||
        !OWN_REVENUE_BEFORE_ZH.test(reading.text.slice(Math.max(0, mention.start - 20), mention.start)) ||
        INCREMENT_NAMED_AFTER_ZH.test(reading.text.slice(mention.end, mention.end + 12)),
    )
    // "TrendForce sees TSMC taking 75% of foundry market in 2027": a level forecast is no level now.
    .filter((mention) => !(levelsOnly && forecastLevel(reading, mention)))
    // "TSMC accounts for about 67% of the world's sub-7nm foundry capacity, while Samsung holds 8%": a bare share in a
    // clause joined on takes the measure of the clause before it — another measure there, another here.
    .filter((mention) => !(levelsOnly && rule.not && measureOfTheClauseBefore(rule, reading, mention)))
    // "Samsung aims to lift its foundry market share to 20%", 三星力争…份额提升至20%: a goal, not the level.
    .filter(
      (mention) =>
        !(
          levelsOnly &&
          LEVEL_GOAL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 64), mention.start)) &&
          // …but "its 7.3% foundry share", "from its current 7.3%", "TSMC's 70.2%" is the level now.
          !CURRENT_LEVEL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))
        ),
    )
    // "Samsung to regain 10% foundry share", 10%的市场份额: a market share written after its value is no share-price move.
    .filter(
      (mention) => !(movesOnly && MARKET_SHARE_AFTER.test(reading.text.slice(mention.end, mention.end + 40))),
    )
    // "Samsung foundry share topping 9% next year", "share of the global foundry market to climb above 9%":
    // a market share's level, its value a few words after it, is no share-price move.
    .filter(
      (mention) =>
        !(
          movesOnly &&
          MARKET_SHARE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 72), mention.start))
        ),
    )
    // "fell 2% on Friday, erasing part of the Tesla deal rally": a move back, not the reaction.
    .filter(
      (mention) => !(movesOnly && REVERSAL_AFTER.test(reading.text.slice(mention.end, mention.end + 96))),
    )
    // "特斯拉周二回吐部分涨幅，收跌1.4%", "三星电子在首尔续涨3.3%", "slipped 0.5% on Tuesday after their 6.8% surge":
    // a later day's move, given back or continued, in the value's clause or the one before it.
    .filter((mention) => !(movesOnly && laterDaysMove(reading, mention)))
    .filter(
      (mention) =>
        !(
          movesOnly &&
          (mention.role === 'to' ||
            MARKET_SHARE_TO.test(reading.text.slice(Math.max(0, mention.start - 72), mention.start))) &&
          LEVEL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))
        ),
    )
    // "its Texas fab, which received $6.4 billion in federal CHIPS Act funding": a grant's amount.
    .filter(
      (mention) =>
        rule.rule.relation.includes('award') ||
        rule.rule.value.planTotal ||
        (!amountOfAnAward(reading, mention) &&
          !NATIONAL_PLAN_AFTER.test(reading.text.slice(mention.end, mention.end + 40)) &&
          !NATIONAL_PLAN_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 80), mention.start)) &&
          // ("Texas Fab That Won $6.4 Billion in US Aid": aid named by its giver)
          !GOVERNMENT_AID_AFTER.test(reading.text.slice(mention.end, mention.end + 32))),
    )
    // "Samsung's Taylor fab gets a $500 million state grant", "$250 million from the Texas Semiconductor Innovation
    // Fund": a state's or a city's aid is no federal award.
    .filter(
      (mention) =>
        !rule.rule.relation.includes('award') ||
        !STATE_AID_AFTER.test(reading.text.slice(mention.end, mention.end + 48)),
    )
    // "Samsung Secures Record Grant for $4.7B Chip Plant": an amount naming a plant is what the plant costs, no award.
    .filter(
      (mention) =>
        !rule.rule.relation.includes('award') ||
        !PLANT_NAMED_AFTER.test(reading.text.slice(mention.end, mention.end + 40)),
    )
    // "adds roughly 10% to Samsung's foundry revenue, equal to 1.5% of total sales", 约占其总销售额的1.5%: a share of the
    // whole company's sales is no lift of one unit's revenue, nor a market share.
    .filter(
      (mention) =>
        mention.value.kind !== 'percent' ||
        !(rule.rule.relation.includes('revenue_uplift') || rule.rule.relation.includes('market_share')) ||
        !(
          OF_TOTAL_SALES_AFTER.test(reading.text.slice(mention.end, mention.end + 48)) ||
          (TOTAL_SALES_BEFORE_ZH.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
            !INCREMENT_NAMED_AFTER_ZH.test(reading.text.slice(mention.end, mention.end + 12)))
        ),
    )
    .filter(
      (mention) =>
        mention.value.kind !== 'percent' ||
        !rule.rule.relation.includes('revenue_uplift') ||
        !percentOfAnotherMeasure(reading, mention),
    )
    // "預計年底開始小量生產", "2026年试产", "pilot production in 2026" is a trial's date, not volume production's; and
    // "这座耗资约400亿美元的工厂预计明年投产，将为特斯拉生产AI6芯片", a year whose start has a plant for its subject (no
    // chip between), is the plant's.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !rule.rule.relation.includes('volume_production') ||
        !(
          plantStartsThen(reading, mention) ||
          (TRIAL_AFTER_DATE.test(reading.text.slice(mention.end, mention.end + 24)) &&
            // (not when volume follows the same year: "2026年底前小批量生产并于同年实现量产")
            !SAME_YEAR_VOLUME_AFTER.test(reading.text.slice(mention.end, mention.end + 40))) ||
          TRIAL_BEFORE_DATE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)) ||
          ANOTHER_THINGS_MAKING_BEFORE.test(
            reading.text.slice(Math.max(0, mention.start - 64), mention.start),
          )
        ),
    )
    // "Samsung targets 2027 volume output of Tesla AI6 at Taylor": a date right before a making of a
    // rival is that making's.
    .filter((mention) => !rivalsMakingAfter(rule, reading, mention))
    // "2025年10月下旬，特斯拉正式確認…": the item's own date opening the sentence is when, not a target.
    .filter((mention) => !datelineYear(reading, mention) && !periodLabelYear(reading, mention))
    // "去年曾有报道称…", "Last year, reports said …": when a report came out, not a date it tells.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !(
          REPORT_DATED_AFTER_ZH.test(reading.text.slice(mention.end, mention.end + 12)) ||
          // (in English only a year opening the sentence: "…slated for 2027, the report said" is the report's date)
          (REPORT_DATED_AFTER_EN.test(reading.text.slice(mention.end, mention.end + 32)) &&
            /^[\s"“]*(?:(?:in|back\s+in|during)\s+)?(?:(?:early|mid|late)[-\s]+)?$/i.test(
              reading.text.slice(0, mention.start),
            ))
        ),
    )
    .filter((mention) => !pastPlanOfAPastYear(reading, mention))
    // "AI6将在…泰勒工厂生产，合约延至2035年": the year a deal's term is moved to is the term's alone.
    .filter(
      (mention) =>
        termFact ||
        mention.value.kind !== 'year' ||
        !DEAL_TERM_MOVED_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 40), mention.start)),
    )
    // "its Taylor fab will not have enough capacity until 2028": "not … until" says when something begins,
    // never when a contract ends ("the contract will not expire until 2033" names its end verb, and is one).
    .filter(
      (mention) =>
        !termFact ||
        mention.value.kind !== 'year' ||
        (!NOT_UNTIL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 80), mention.start)) &&
          // "Samsung's coming Taylor factory, under construction until late 2026": a state's end, not the term's.
          !STATE_UNTIL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 60), mention.start)) &&
          // "泰勒廠擴建工程延續到2028年", "construction will continue through 2028": works that go on, no contract.
          !WORKS_GO_ON_BEFORE_ZH.test(
            reading.text.slice(clauseStartOf(reading, mention.start), mention.start),
          ) &&
          !WORKS_GO_ON_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 160), mention.start))),
    )
    // "a $3 billion deal with a U.S. AI startup … at its Taylor fab, which already counts Tesla as its main customer":
    // a party named only in a relative clause after the value is not a party to it.
    .filter((mention) => !partyOnlyInRelativeAfter(rule, reading, mention.end))
    .filter((mention, _index, all) => !supersededPlanYear(reading, mention, all))
    .filter((mention) => !timeClauseOfAnotherChip(rule, reading, mention))
    .filter(
      (mention) => subject.carried || !beforeSubjectsOwnClause(rule, reading, mention, subject.positions),
    )
    .filter(
      (mention) => !rule.rule.relation.includes('volume_production') || !milestoneYear(reading, mention),
    )
    // "a small number of AI5 units in '26 and then volume production in '27": a small batch's year.
    .filter(
      (mention) => !rule.rule.relation.includes('volume_production') || !smallBatchYear(reading, mention),
    )
    // "預計今年下半年開始貢獻營收", "to start contributing revenue in 2027": when revenue begins, not the making.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !(
          rule.rule.relation.includes('volume_production') || rule.rule.relation.includes('production_start')
        ) ||
        !(
          REVENUE_BEGINS_AFTER.test(reading.text.slice(mention.end, mention.end + 16)) ||
          REVENUE_BEGINS_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start))
        ),
    )
    // "will begin mass production at its Taylor fab later this year, where Tesla's AI6 chips will be made": the fab's
    // start; the chip only in the "where" clause after it.
    .filter(
      (mention) =>
        !rule.rule.relation.includes('volume_production') ||
        subject.carried ||
        !subject.positions.every(
          (at) => at > mention.end && WHERE_CLAUSE.test(reading.text.slice(mention.end, at)),
        ),
    )
    // "started production this month … and will ramp to full output next year": the year of a ramp to full
    // output is no start of production.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !rule.rule.relation.includes('production_start') ||
        !(
          RAMP_TO_FULL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)) ||
          // "fab started operations in the third quarter …, while volume output is scheduled for 1H27": once a start
          // is told as past, the volume to come is a later stage.
          volumeAfterPastStart(reading.text, mention.start)
        ),
    )
    // "expanding 2nm capacity at its Taylor fab, where it will produce Tesla's AI6 chips, to 16,000 wafers a
    // month by year-end", 月产能提升至2万片: the date a capacity is reached, not the making's.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !CAPACITY_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 40), mention.start)),
    )
    // "三星电子在2026年第四季度业绩说明会上表示": the period results are reported for, not a target.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !REPORTING_PERIOD_AFTER.test(reading.text.slice(mention.end, mention.end + 24)),
    )
    // "Samsung is targeting 2027 to turn its foundry business profitable, driven by … its new Texas fab",
    // "profitable by 2027", 2027年实现扭亏: the year of a profit goal, not of the making or the fab it names.
    .filter((mention) => mention.value.kind !== 'year' || !yearOfAProfitGoal(reading.text, mention))
    // "特斯拉去年将AI6芯片交由三星…生产": the year the making was handed over, not the making's.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        reading.publishedYear === undefined ||
        mention.value.value >= reading.publishedYear ||
        !HANDED_OVER_AFTER.test(reading.text.slice(mention.end, mention.end + 24)),
    )
    // "截至2026年6月30日止": a date things are counted up to, not a target — but "合同期限截至2033年" is the term's end.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !AS_OF_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 8), mention.start)),
    )
    .filter((mention) => !pastYearOfAThing(reading, mention))
    // "Samsung's foundry revenue was $4.2 billion, helped by Tesla orders", 营收增长15%至42亿美元: a company's
    // revenue, sales or profit is no deal's, investment's or award's amount (a market's size is read as one).
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        rule.rule.relation.includes('market_size') ||
        !REVENUE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 40), mention.start)),
    )
    // "having invested more than 50 trillion won ($34 billion) into it": money invested is no deal's amount.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !rule.rule.relation.includes('deal') ||
        rule.rule.relation.includes('investment') ||
        !INVESTED_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)),
    )
    // "Samsung Foundry lost about $1.5 billion in the quarter, a gap the Tesla order will narrow": a loss is
    // no deal's, investment's or award's amount.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !(
          LOSS_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 32), mention.start)) ||
          LOSS_AFTER.test(reading.text.slice(mention.end, mention.end + 24))
        ) ||
        // (a lost order's value is the order's: "TSMC loses $16.5 billion Tesla AI6 order to Samsung")
        LOST_ORDER_AFTER.test(reading.text.slice(mention.end, mention.end + 40)),
    )
    // "Samsung's Taylor plant, which will build Tesla's AI6 under a deal worth $16.5 billion": a deal's amount is no
    // investment's or award's.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        rule.rule.relation.includes('deal') ||
        !DEAL_WORTH_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 40), mention.start)),
    )
    // "with volume output ramping through 2029", "will ramp AI6 production through 2029", "lines … installed through
    // 2027": a ramp's or a build-out's year, no term's end.
    .filter(
      (mention) =>
        mention.value.kind !== 'year' ||
        !rule.rule.relation.includes('term_end') ||
        !RAMP_THROUGH_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)),
    )
    // "Tesla Deal, $50B Expansion Path", "a $2.5 billion expansion with Corning": an expansion's size is no deal's.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !rule.rule.relation.includes('deal') ||
        !EXPANSION_AFTER.test(reading.text.slice(mention.end, mention.end + 24)),
    )
    .filter((mention) => subject.carried || !beforePrecedent(rule, reading, subject.positions, mention))
    .filter((mention) => subject.carried || !partiesOnlyInPrecedentAside(rule, reading, mention))
    // "數10億美元的撥款": several billion, no amount.
    .filter(
      (mention) => !/[数數几幾]\s*$/.test(reading.text.slice(Math.max(0, mention.start - 2), mention.start)),
    )
    // "paused the factory in 2024": with only a word of delay, a past year after "in" is when it happened.
    .filter((mention) => !(onlyDelay && pastEventYear(reading, mention)))
    // "In early 2025 Samsung's Taylor plant had no anchor customer and production was pushed to 2026": a past year
    // opening the sentence is when the told events happened, never a target.
    // (a year before the item's: "In 2026, Samsung will begin production" in a 2026 item is the plan)
    .filter(
      (mention) =>
        mention.start > OPENING_YEAR_REACH ||
        mention.value.kind !== 'year' ||
        mention.value.value >= (reading.publishedYear ?? Number.NEGATIVE_INFINITY) ||
        !pastYearAfter(reading, mention, OPENING_YEAR_REACH, OPENING_IN_YEAR),
    )
    // "instead of the 2nm technology announced in 2025": the year something was told, not a target.
    .filter((mention) => !announcedYear(reading, mention))
    // A full date is an event's day ("on July 23, 2025"), not a production year — except for a term's end, or a
    // day in a year after the item's, a plan's day ("will begin production on Jan. 15, 2027"); so is the date of a
    // signing ("去年与三星签署…协议", "last year signed").
    .filter(
      (mention) =>
        termFact ||
        (mention as { precision?: string }).precision !== 'day' ||
        (mention.value.kind === 'year' &&
          reading.publishedYear !== undefined &&
          mention.value.value > reading.publishedYear &&
          // (a start's own day, not a forum's or a meeting's: "at its Foundry Forum on June 10, 2027")
          (START_ON_DAY_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)) ||
            START_AFTER_DAY.test(reading.text.slice(mention.end, mention.end + 48)))),
    )
    // "shoved the start of production at its Taylor, Texas fab back to 2027, which will not thrill Tesla, the outfit
    // paying $16.5 billion to have its AI6 chips baked there": a site's start, no chip's.
    .filter(
      (mention) => !(chipSubject && mention.value.kind === 'year' && startAtASite(reading, mention.start)),
    )
    // "Intel's 14A to be ready for customers in 2028, ahead of Tesla's AI6 ramp": a year before the chip named only as
    // the time it is set against is the clause before's.
    .filter(
      (mention) =>
        !(
          chipSubject &&
          !subject.carried &&
          mention.value.kind === 'year' &&
          TIME_YARDSTICK_AFTER.test(reading.text.slice(mention.end, mention.end + 24)) &&
          subject.positions.every((position) => position > mention.end)
        ),
    )
    // "AI5 on a 3nm process at TSMC, AI6 on Samsung's 2nm": the other chip's value.
    .filter(
      (mention) =>
        !(chipSubject && !subject.carried && anotherChipsClause(reading, mention.start, rule.ownIds)),
    )
    // "台积电3纳米产能紧张 三星拿下特斯拉AI6订单": a value in an earlier part of another maker.
    .filter(
      (mention) =>
        !(
          chipSubject &&
          !subject.carried &&
          inAnotherMakersEarlierPart(
            reading,
            mention.start,
            reading.mentions
              .filter((chip) => chip.type === 'chip' && rule.ownIds.has(chip.id))
              .map((chip) => chip.start),
          )
        ),
    )
    // "Samsung's foundry share, 17% in 2019, now …": a value of years ago is history.
    .filter((mention) => mention.value.kind === 'year' || !ofYearsAgo(reading, mention))
    // "$30 billion in market value", "backlog tops $30 billion", 市值增加: a company's worth, not a deal's,
    // an investment or an award; "an additional $10 billion": an increment, not a total.
    .filter((mention) => mention.value.kind !== 'money' || !notAnAmountOfIts(reading.text, mention))
    // "to produce AI6 from 2026 through 2033": a start fact reads a period's start, an end fact its end;
    // a term's start (期限：2025年7月至2033年12月, "the contract runs from 2025") is neither's.
    .filter((mention) =>
      termFact ? mention.period === undefined || mention.period === 'end' : !endsPeriod(mention),
    )
    .filter(
      (mention) =>
        termFact ||
        mention.value.kind !== 'year' ||
        (!TRANSACTION_AFTER.test(reading.text.slice(mention.end, mention.end + 16)) &&
          // "under a $16.5 billion contract signed last year": the signing's date.
          !TRANSACTION_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))),
    )
    .filter(
      (mention) =>
        !(
          rule.rule.value.planTotal &&
          isProgress(reading.text, mention) &&
          !namedTotalAhead(rule, reading, mention)
        ),
    )
    // "OpenAI, Oracle pick two Stargate sites in Michigan", "Stargate now spans six sites": a count is a plan's total
    // only as planned ("plans 30 sites", "up to 20", "a planned total of 20", 计划…) or as changed ("from 20 to 30").
    .filter(
      (mention) =>
        !rule.rule.value.planTotal ||
        mention.value.kind !== 'count' ||
        mention.bound !== undefined ||
        mention.role === 'to' ||
        mention.role === 'from' ||
        PLAN_CUE.test(reading.text.slice(Math.max(0, mention.start - 60), mention.start)) ||
        // ("20 planned US data-centre sites": the plan's word between the count and its noun)
        /\bplanned\b/i.test(reading.text.slice(mention.start, mention.end)) ||
        PLAN_CUE_AFTER.test(reading.text.slice(mention.end, mention.end + 40)),
    )
    // "will build two Stargate data centers in Ohio": the plan's sites in one place, not its total.
    .filter(
      (mention) =>
        !rule.rule.value.planTotal ||
        mention.value.kind !== 'count' ||
        !LOCAL_COUNT_AFTER.test(reading.text.slice(mention.end, mention.end + 60)),
    )
    // "expects the … market to top $500 billion by 2028, now sees demand … reaching $1 trillion by the end of the
    // decade": an amount given for another year than the one the fact is of.
    // (…or an earlier one: "AI chip sales $300bn in 2026, $500bn in 2028")
    .filter((mention) => {
      if (rule.rule.value.requiresYear === undefined || mention.value.kind !== 'money') return true;
      const after = reading.text.slice(mention.end, mention.end + 40);
      const year = YEAR_OF_AMOUNT_AFTER.exec(after);
      if (year) return Number(year[1]) === rule.rule.value.requiresYear;
      return !ANOTHER_HORIZON_AFTER.test(after);
    })
    // "全球AI芯片市场规模2026年将达2500亿美元，2028年有望突破6000亿美元": in Chinese the year stands before its amount.
    .filter((mention) => {
      if (rule.rule.value.requiresYear === undefined || mention.value.kind !== 'money') return true;
      const year = /(\d{4})\s*年[^，,。；;\d]{0,8}$/.exec(
        reading.text.slice(Math.max(0, mention.start - 16), mention.start),
      );
      return year === null || Number(year[1]) === rule.rule.value.requiresYear;
    })
    // "Oracle's $455 Billion AI Stargate Deals", "SoftBank's $100B Stargate deal": a deal with the plan, not its total.
    .filter((mention) => !(rule.rule.value.planTotal && amountOfADealWith(rule, reading, mention)))
    // "Project Jupiter, the roughly $165 billion data center campus that OpenAI … list among their Stargate sites":
    // the cost of one site, not the plan's total.
    .filter(
      (mention) =>
        !rule.rule.value.planTotal ||
        mention.value.kind !== 'money' ||
        !ONE_SITE_AFTER.test(reading.text.slice(mention.end, mention.end + 48)),
    )
    // "total American commitment to $62 billion, including its chip plant in Taylor": a whole the subject is part of.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !reading.mentions.some(
          (named) =>
            rule.ownIds.has(named.id) &&
            named.start > mention.end &&
            INCLUDING_AFTER.test(reading.text.slice(mention.end, named.start)),
        ),
    )
    // "is part of Samsung's larger USD 37 billion investment in Central Texas": the whole of a wider place the subject
    // is part of (not "part of a broader $40 billion investment supported by subsidies", the plant's own).
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !PART_OF_LARGER_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 48), mention.start)) ||
        !WIDER_PLACE_AFTER.test(reading.text.slice(mention.end, mention.end + 48)),
    )
    // "OpenAI's $1.4 trillion of commitments dwarf Stargate's $500 billion", "…worth $1.4 trillion, well beyond the
    // $500 billion Stargate plan": an amount set against the subject named after it is another's.
    .filter((mention) => mention.value.kind !== 'money' || !setAgainstTheSubjectAfter(rule, reading, mention))
    // "Tesla's sixteen-and-a-half-billion-dollar commitment … Samsung's Taylor foundry": an amount another company owns
    // by a possessive right before it is that company's, not the subject's.
    .filter((mention) => mention.value.kind !== 'money' || !ownedByAnotherCompany(rule, reading, mention))
    // "as Korean companies pledged $150 billion in new US investment", 韩国企业承诺对美投资3500亿美元: what a group of
    // companies pledges is the group's, not one of them's.
    .filter(
      (mention) =>
        mention.value.kind !== 'money' ||
        !(groupPledgeBefore(reading, mention) || pledgeOfAListWithTheSubject(rule, reading, mention)),
    )
    .filter((mention) => {
      const number = numberOf(mention.value);
      return number >= min && number <= max;
    })
    // "AI5芯片将由台积电和三星两家代工，分别在亚利桑那和得州生产，…2027年实现量产": a chip's volume production, the chip
    // named before it, is the chip's date — not its maker's site's start.
    .filter((mention) => !chipsVolumeDate(rule, reading, relations, mention))
    .filter((mention) => !supersededInSequence(rule, reading, mention))
    .filter((mention) => {
      // "Tesla and Samsung shares rose 4.2% and 6.8%, respectively", 特斯拉和三星电子股价分别上涨4.2%和6.8%: each
      // value is the owner's in its place.
      const respective = respectiveOwnerOf(rule, reading, mention);
      if (respective !== undefined) return rule.ownIds.has(respective.id);
      return ownedBySubject(
        rule,
        reading,
        ownershipPoint(rule, reading, relations, mention, subject.carried),
        subject,
      );
    });
  const totals = candidates
    .filter(
      // "…, while Toyota fell 2% in Tokyo": a move of a name the story does not know, in a clause of its own.
      (mention) =>
        !(
          movesOnly &&
          (unknownNameMoved(reading, mention) ||
            // "三星股價回吐3%", "gave back 3%": the gain given back, no move of the event's day.
            GIVEN_BACK_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 16), mention.start)))
        ),
    )
    .filter(
      // "worth roughly $2 billion a year", 每年20亿美元, 平均每年可帶來約20億美元: a rate, not the amount.
      (mention) =>
        mention.value.kind !== 'money' ||
        !(
          RATE_AFTER.test(reading.text.slice(mention.end, mention.end + 32)) ||
          (RATE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
            !TOTAL_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start)) &&
            !DEAL_NAMED_AFTER.test(reading.text.slice(mention.end, mention.end + 16)))
        ),
    );
  const inCurrency = inTheEventsPiece(
    rule,
    reading,
    totals.filter(
      (mention) =>
        mention.value.kind !== 'money' || mention.currencyAssumed || mention.value.currency === currency,
    ),
  );
  const scored = inCurrency
    .map((mention) => ({
      mention,
      ...nearestAnchor(
        reading,
        anchors,
        mention,
        adjacentChars,
        // (a count whose noun stands in an earlier clause reaches back to it, as a parallel value does)
        mention.elided === true || parallelValue(rule, reading, mention),
      ),
    }))
    .filter((entry) => entry.distance <= MAX_DISTANCE)
    .sort((a, b) => rank(a) - rank(b));
  if (scored.length === 0) {
    if (totals.length > inCurrency.length) return { value: null, blocked: false, otherCurrency: true };
    return undefined;
  }
  const pastTransaction = (entry: (typeof scored)[number]) =>
    reading.scopes.pastTransactionAt(entry.mention.start);
  const open = scored.filter((entry) =>
    reading.scopes.blockersAt(entry.mention.start, entry.anchor).every(
      (cue) =>
        // "股价曾在7月28日因特斯拉订单大涨6.8%": a move is an event; told as past, it is not superseded.
        ((entry.mention.shifted || movesOnly) && cue === 'history') ||
        // "此前该公司宣布与三星电子签署价值165亿美元的…协议": a past transaction, read as confirming only.
        (cue === 'history' && pastTransaction(entry)) ||
        (PRESUPPOSING.has(cue) && presupposed(reading, entry.mention)) ||
        (cue === 'question' && attributive(rule, reading, entry.mention)),
    ),
  );
  // Open only because its history cue dates a past transaction (it confirms, never changes).
  const onlyAsPastTransaction = (entry: (typeof scored)[number]) =>
    entry.mention.shifted !== true &&
    !movesOnly &&
    reading.scopes.blockersAt(entry.mention.start, entry.anchor).includes('history') &&
    pastTransaction(entry);
  // Open only because a question presupposes it (the attributive amount of a definite thing).
  const onlyAsAsked = (entry: (typeof scored)[number]) =>
    reading.scopes.blockersAt(entry.mention.start, entry.anchor).includes('question') &&
    attributive(rule, reading, entry.mention);
  // A value open on its own comes before one open only as a past transaction ("此前…签署165亿美元…如今扩大至200亿美元").
  const ownOpen = open.filter((entry) => !onlyAsPastTransaction(entry));
  const first = (ownOpen[0] ?? open[0] ?? scored[0])!;
  // "The contract, signed in 2025 for $16.5 billion, has since grown to about $23 billion": a value in an aside
  // before the subject's verb is the earlier one; where the verb takes it is the value.
  const movedFromAside = (mention: ValueMention) =>
    mention.role === 'to' &&
    mention.start > first.mention.end &&
    ASIDE_THEN_MOVED.test(reading.text.slice(first.mention.end, mention.start));
  // (…however far the verb takes it from the subject: "The agreement, worth $16.5 billion and set to run to 2033 when
  // it was signed, has been extended by two years and expanded to about $21 billion")
  const movedFar = inCurrency.find(
    (mention) => movedFromAside(mention) && reading.scopes.blockersAt(mention.start).length === 0,
  );
  const chosen =
    open.find((entry) => movedFromAside(entry.mention)) ??
    (movedFar ? { ...first, mention: movedFar } : first);
  // Read only because a deal named by its party shelters it from the sentence's not-words.
  const sheltered =
    rule.not !== undefined &&
    inNamedDeal(rule, reading, chosen.mention.start) &&
    silencedByNot(rule, reading, chosen.mention.start, false);
  const confirmsOnly =
    onlyFigure ||
    sheltered ||
    (open.length > 0 && onlyAsPastTransaction(chosen)) ||
    // A question's presupposed amount is what the asker takes as known: it confirms a known value, and a new one
    // ("Will Tesla's $20 billion AI5 deal go to Samsung?") is the question's own speculation.
    (open.length > 0 && onlyAsAsked(chosen)) ||
    toldOfYearsAgo(reading, levelsOnly);
  const read =
    chosen.mention.value.kind === 'money' && chosen.mention.currencyAssumed
      ? { ...chosen.mention.value, currency }
      : chosen.mention.value;
  const value =
    movesOnly && read.kind === 'percent' && movedDown(reading, relations, chosen.mention.start)
      ? { ...read, value: -read.value }
      : read;
  return {
    value: chosen.mention.bound ? ({ ...value, bound: chosen.mention.bound } as Value) : value,
    blocked: open.length === 0,
    far: chosen.distance > 60,
    derived: chosen.mention.shifted === true,
    ...(confirmsOnly ? { confirmsOnly } : {}),
    valueAt: chosen.mention.start,
    distance: chosen.distance,
    anchorStart: chosen.anchor?.start,
    anchorEnd: chosen.anchor?.end,
    anchorClass: relations.find(
      (match) => match.start === chosen.anchor?.start && match.end === chosen.anchor.end,
    )?.name,
    ...(chosen.mention.bound ? { bound: chosen.mention.bound } : {}),
  };
}

/**
 * "Samsung shares fell 6.8%", 股价下跌6.8%, "closed 2% lower", "down 3%": a share price's move down is a negative move
 * (a fall of 6.8% does not confirm a rise of 6.8%). The move word is the nearest before the value in its clause, else
 * the one after it ("6.8% lower").
 */
function movedDown(reading: SentenceReading, relations: readonly PhraseMatch[], valueAt: number): boolean {
  const text = reading.text;
  if (/(?:\bdown|[-−])\s*$/i.test(text.slice(Math.max(0, valueAt - 8), valueAt))) return true;
  const moves = relations.filter((match) => match.name === 'stock_move');
  // ("their 6.8% surge", "6.8% lower", 6.8%的涨幅: the move word right after the value is its own)
  const rightAfter = moves.find(
    (match) =>
      match.start >= valueAt &&
      /^[\d.]*\s*(?:%|percent|per\s+cent)?\s*的?\s*$/i.test(text.slice(valueAt, match.start)),
  );
  if (rightAfter) return MOVE_DOWN.test(text.slice(rightAfter.start, rightAfter.end));
  const before = moves
    .filter((match) => match.start < valueAt && !clauseMarkBetween(reading, match.end, valueAt))
    .at(-1);
  const move =
    before ??
    moves.find((match) => match.start >= valueAt && !clauseMarkBetween(reading, valueAt, match.start));
  return move !== undefined && MOVE_DOWN.test(text.slice(move.start, move.end));
}

/** A move word that goes down. */
const MOVE_DOWN =
  /\b(?:f[ae]ll|falls|falling|fallen|drop|dropp|drops|declin|slid|slide|tumbl|plung|sink|sank|sunk|slump|los[et]|loses|losing|shed|dip|down|lower)|跌|下滑|走低|回落|下挫|挫|滑落|收低|失守/i;

/**
 * "first pledged $17 billion in 2021, raised its plans to $44 billion in 2024, then trimmed them to about $37 billion",
 * "…增至440亿美元，后又缩减至370亿美元": a value a told sequence goes on from — a later step ("then …", 后又) brings a
 * value of the same kind in the same clause group — is history; the last step is the value.
 */
function supersededInSequence(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  const steps = reading
    .once('sequenceSteps', () => [...reading.text.matchAll(SEQUENCE_THEN)])
    .filter((step) => step.index >= mention.end);
  if (!steps.length) return false;
  const values = numericMentions(rule, reading);
  const frame = frameOf(reading, mention.start);
  return steps.some((step) => {
    // (a chain of steps, each clause between with a value of the kind: not "Samsung's Taylor fab will start in 2026,
    // Tesla said, with AI5 … first set for 2026, then pushed to 2027")
    const commas = [...reading.text.slice(mention.end, step.index).matchAll(/[,，;；]/g)].map(
      (comma) => mention.end + comma.index,
    );
    const chained = commas.every(
      (comma, index) =>
        index === commas.length - 1 ||
        values.some((value) => value.start > comma && value.end <= commas[index + 1]!),
    );
    return (
      chained && values.some((later) => later.start > step.index && frameOf(reading, later.start) === frame)
    );
  });
}

// ("…to $37 billion and has since raised it to $44 billion": "has since" tells the later step too)
const SEQUENCE_THEN =
  /(?:,\s*(?:and\s+)?(?:then|later|subsequently|eventually)|\b(?:has|have|had)\s+since)\s+(?:[\w-]+\s+){0,2}?(?:trimmed|cut|raised|lifted|lowered|reduced|increased|boosted|pushed|moved|delayed|pulled|slashed|scaled|pared|expanded|revised|shifted)\b|[，,]\s*(?:后又|後又|随后又|隨後又|之后又|之後又|后来又|後來又)(?:再)?(?:缩减|縮減|下调|下調|上调|上調|削减|削減|提高|增至|降至|调整|調整|推迟|推遲|延后|延後|提前)/gi;

/**
 * "AI5 is Tesla's next chip; TSMC will make it in Taiwan and Arizona, and Samsung in Texas, with volume production
 * expected next year": "it", made, stands for a rival chip the sentence before named — where it stands.
 */
function chipMadeAsIt(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): { start: number; end: number } | undefined {
  if (!reading.priorChips.some((chip) => rule.rule.rivals!.includes(chip.id))) return undefined;
  const it = MADE_AS_IT.exec(reading.text.slice(0, mention.start));
  return it ? { start: it.index + it[0].length - 2, end: it.index + it[0].length } : undefined;
}

// (not an idiom: "make it pay off", "make it work", "make it to")
const MADE_AS_IT =
  /\b(?:make|makes|making|build|builds|building|produce|produces|producing|manufacture|manufactures)\s+it\b(?!\s+(?:pay|work|happen|through|to|big|clear|easier|harder|possible|difficult|a|an|the)\b)/i;

/**
 * A site's start rule's value whose nearest relation word is a chip's volume production (量产, "mass production"), or
 * names the chip inside it, with a rival chip named before it in the sentence and no relative clause of the site between ("…, which will begin mass
 * production in 2026" is the site's).
 */
function chipsVolumeDate(
  rule: CompiledRule,
  reading: SentenceReading,
  relations: PhraseMatch<AttributeClass>[],
  mention: ValueMention,
): boolean {
  if (!rule.rule.relation.includes('production_start') || !rule.rule.rivals?.length) return false;
  const chip =
    reading.mentions.find(
      (named) => named.type === 'chip' && rule.rule.rivals!.includes(named.id) && named.end <= mention.start,
    ) ?? chipMadeAsIt(rule, reading, mention);
  if (!chip || /,\s*which\b|，(?:该|該)(?:厂|廠)/.test(reading.text.slice(chip.end, mention.start)))
    return false;
  // (…nor the site as the subject of the value's own clause: "获特斯拉AI6订单后，三星泰勒工厂将于2026年量产")
  const clauseFrom = clauseStartOf(reading, mention.start);
  if (
    reading.mentions.some(
      (named) =>
        (named.type === 'site' || named.type === 'place') &&
        rule.ownIds.has(named.id) &&
        named.start >= clauseFrom &&
        named.end <= mention.start &&
        !/(?:\b(?:at|in|from|on)\s+(?:[\w'’-]+\s+){0,2}|在|于|於|从|從)$/i.test(
          reading.text.slice(clauseFrom, named.start),
        ),
    )
  )
    return false;
  const distance = (match: PhraseMatch) =>
    match.end <= mention.start ? mention.start - match.end : match.start - mention.end;
  // (a schedule word names no making: "with mass production slated for 2028" is the mass production's)
  const nearest = relations
    .filter((match) => !SCHEDULE_ONLY.test(reading.text.slice(match.start, match.end)))
    .sort((a, b) => distance(a) - distance(b))[0];
  if (nearest === undefined) return false;
  // ("will begin AI6 volume production there in 2027": the relation names the chip inside it.)
  const namesTheChip = chip.start >= nearest.start && chip.end <= nearest.end;
  return namesTheChip || CHIP_VOLUME_WORD.test(reading.text.slice(nearest.start, nearest.end));
}

const SCHEDULE_ONLY =
  /^(?:slated|set|due|expected|scheduled|planned|targeted|on\s+track)(?:\s+(?:for|to|in|by))?$/i;

const CHIP_VOLUME_WORD =
  /^(?:量产|量產|(?:mass|volume|high-volume|full-scale)\s+production|production|output)$/i;

/**
 * Names and values in two lists of one length ("X and Y", "X, Y and Z", X、Y和Z), told "respectively" (分别): the name in
 * the value's place — the names before the word, the values before it in English and after it in Chinese; only when
 * the names' list holds the rule's own subject ("特斯拉与三星预计AI6将分别于2026年和2027年送样和量产" pairs the years with
 * the steps, not the companies).
 */
function respectiveOwnerOf(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): EntityMention | undefined {
  const word = reading.once('respectively', () => RESPECTIVELY.exec(reading.text));
  if (!word) return undefined;
  const valueLists = listsIn(reading.text, numericMentions(rule, reading));
  const values =
    valueLists.filter((list) => list.at(-1)!.end <= word.index).at(-1) ??
    valueLists.find((list) => list[0]!.start >= word.index + word[0].length);
  const at = values?.indexOf(mention) ?? -1;
  if (!values || at < 0) return undefined;
  const names = listsIn(
    reading.text,
    reading.mentions.filter((named) => !reading.measured.has(named)),
  )
    .filter((list) => list.at(-1)!.end <= Math.min(word.index, values[0]!.start))
    .at(-1);
  if (!names || names.length !== values.length || !names.some((named) => rule.ownIds.has(named.id)))
    return undefined;
  return names[at];
}

const RESPECTIVELY = /\brespectively\b|分别|分別|各自/i;

/** Runs of neighbours joined as a list: "X and Y", "X, Y and Z", X、Y和Z, X与Y (two or more). */
function listsIn<Span extends { start: number; end: number }>(
  text: string,
  spans: readonly Span[],
): Span[][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const lists: Span[][] = [];
  let run: Span[] = [];
  for (const span of sorted) {
    const last = run.at(-1);
    if (last && LIST_JOIN.test(text.slice(last.end, span.start))) run.push(span);
    else {
      if (run.length > 1) lists.push(run);
      run = [span];
    }
  }
  if (run.length > 1) lists.push(run);
  return lists;
}

const LIST_JOIN = /^\s*(?:[,，、]\s*(?:and\b|&)?|and\b|&|和|与|與|及)\s*$/i;
/**
 * "as it explores bringing parts of its $500 billion project, Stargate, to India", "Tesla may expand
 * its $16.5 billion deal": a value in the description of the clause's own thing (its, their) is taken
 * as known — only the clause's own news is possible or conditional. "could sign a $16.5 billion deal",
 * "may sign the $16.5 billion deal" and a question stay open.
 */
const PRESUPPOSING = new Set(['possibility', 'condition']);

const DEFINITE_BEFORE =
  /\b(?:its|their|the\s+(?:full|entire|whole))\s+(?:(?:planned|announced|landmark|massive|proposed)\s+)?$/i;

/** Before an amount, a change of the thing it describes: "expanding the", "to extend its existing". */
const CHANGED_THING_BEFORE =
  /\b(?:expand|extend|enlarg|widen|renegotiat|revis|amend|scal(?:e|es|ed|ing)\s+up)\w*\s+(?:the|its|their)\s+(?:(?:existing|current|original)\s+)?$/i;

// (", 10-gigawatt commitment": a second measure of the same thing may stand between; a name in quotes, "Stargate")
const DESCRIBED_THING_AFTER =
  /^\s*,?\s*(?:["“'‘]?[\w-]+["”'’]?\s+){0,5}?(?:project|venture|deal|contract|pact|agreement|plan|programme|program|initiative|fab|plant|facility|factory|complex|campus|commitment|investment)\b(?!\s+(?:talks|negotiations))/i;

const COMPARED_THING_BEFORE =
  /\b(?:rival|rivals|match|matches|exceed|exceeds|surpass|surpasses|dwarf|dwarfs|eclipse|eclipses|top|tops|than|as\s+(?:big|large)\s+as|the\s+size\s+of|in\s+(?:exchange|return)\s+for)\s+the\s+(?:up[-\s]to\s+)?$/i;
const HOLDER_BEFORE = /(?:\b[A-Z][\w-]*['’]s|\b(?:its|their))\s+$/;
const AWARD_THING_AFTER = /^\s*(?:[\w-]+\s+){0,3}?(?:grant|award|subsidy|incentive)s?\b/i;
const OBTAINED_BEFORE_ZH = /(?:获得|獲得|拿到|取得|获批|獲批)的\s*$/;
const AWARD_AFTER_ZH = /^[^，,。；;]{0,10}?(?:补助|補助|补贴|補貼|拨款|撥款)/;
const FOLLOWED_THING_BEFORE =
  /\b(?:follow|follows|followed|following|after)\s+(?:the|its|[A-Z][\w-]*['’]s)\s+$/;

/** After an amount, the commitment or goal it is the size of: 的投资承诺, 、10吉瓦的全部承诺, 的总目标. */
const COMMITMENT_AFTER_ZH =
  /^(?:、[^，。；,;]{0,10}?)?的(?:全部|总体|總體|整体|整體|总|總)?(?:投资|投資)?(?:承诺|承諾|目标|目標)/;

/** "其他接受補助的企業如美光（獲62億美元補助）、三星（47.5億美元）", "Samsung ($4.75 billion)": a value in brackets after a name. */
const BRACKETED_BEFORE = /[（(]\s*(?:获|獲|得|got|received|won|awarded)?\s*(?:about\s+|约|約)?$/i;

const BRACKETED_AFTER =
  /^\s*(?:的?(?:补助|補助|补贴|補貼|资助|資助)|in\s+(?:grants?|funding|subsid(?:y|ies)|awards?))?\s*[)）]/i;

/**
 * "Can the $500 billion Stargate project survive?", "5000億美元“星際之門”,要黃?", 特斯拉会否扩大与三星的165亿美元合同？: a
 * question asks about a thing its amount describes, not the amount — a definite thing's (the, its, X's; in Chinese
 * at the clause's start or after 的), not a new one's ("Will Tesla sign a $20 billion deal?", 签署200亿美元的新合同吗).
 */
function attributive(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  const text = reading.text;
  // An amount of money only (a year or a node before a thing is what the question asks: 2026年三星泰勒厂能投产吗), and
  // not when the question doubts the amount itself ("overstating its $16.5 billion contract", 是否被夸大).
  if (mention.value.kind !== 'money' || AMOUNT_DOUBTED.test(text)) return false;
  const before = text.slice(Math.max(0, mention.start - 24), mention.start);
  const after = text.slice(mention.end, mention.end + 40);
  const chinese =
    /[\u3400-\u9fff]/.test(text.slice(mention.start, mention.end)) && ATTRIBUTE_BEFORE_ZH.test(before);
  // 5000億美元“星際之門”: the plan's own name right after the amount is the thing.
  const opening = mention.end + (NAME_OPENING_ZH.exec(after)?.[0].length ?? 0);
  if (chinese && reading.mentions.some((named) => named.start === opening && rule.ownIds.has(named.id)))
    return true;
  const thing = DEFINITE_ATTRIBUTE_BEFORE_EN.test(before)
    ? THING_RIGHT_AFTER_EN.exec(after)
    : chinese
      ? THING_RIGHT_AFTER_ZH.exec(after)
      : null;
  if (!thing) return false;
  // Between the amount and its thing, only the rule's own names: "$500 billion Stargate project", 165亿美元的“星际之门”
  // — not another thing's ("$16.5 billion AI5 order", "$500 billion Japan AI plan").
  const thingAt = mention.end + thing.index + thing[0].length - thing[1]!.length;
  const own = reading.mentions.filter(
    (named) => named.start >= mention.end && named.start < thingAt && rule.ownIds.has(named.id),
  );
  // A name may hold the thing's word ("Stargate project"): it ends the span.
  const end = Math.min(thingAt, ...own.filter((named) => named.end >= thingAt).map((named) => named.start));
  let rest = text.slice(mention.end, end);
  for (const named of own) if (named.end <= end) rest = rest.replace(text.slice(named.start, named.end), '');
  return /^[\s的"“”「」『』'’s-]*$/.test(rest);
}

/** Between an amount and the name it describes: 的 and an opening quote. */
const NAME_OPENING_ZH = /^\s*的?\s*["“「『]?\s*/;

/** A question about the amount itself: is it real, overstated, a rumour? */
const AMOUNT_DOUBTED =
  /\b(?:overstat|inflat|exaggerat|understat|smaller than|bigger than|larger than|real\b|rumou?r|figure|valuation|value|budget|accurate|true\b|doubt|(?:actually|really) worth)|夸大|誇大|灌水|属实|屬實|真假|是真是假|真的|存疑|传闻|傳聞|传言|傳言|金额|金額/i;

const DEFINITE_ATTRIBUTE_BEFORE_EN = /(?:\b(?:the|its|their)|[A-Za-z]['’]s)\s+$/i;

const THING_RIGHT_AFTER_EN =
  /^\s*(?:[\w-]+\s+){0,3}?(project|venture|deal|contract|pact|agreement|plan|programme|program|initiative|fab|plant|facility|factory|complex|campus|order)\b/i;

/** At a clause's start (after a tag or a quote) or after 的: an amount in a definite thing's place. */
const ATTRIBUTE_BEFORE_ZH = /(?:^|[\u3400-\u9fff][，,：:】」”"\s]|[，：】」”])\s*$|的\s*$/;

const THING_RIGHT_AFTER_ZH =
  /^[^，,。；;？?]{0,16}?(合同|合约|合約|协议|協議|订单|訂單|大单|大單|计划|計畫|計劃|项目|項目|專案|晶圆厂|晶圓廠|工厂|工廠)/;

function presupposed(reading: SentenceReading, mention: ValueMention): boolean {
  const text = reading.text;
  const before = text.slice(Math.max(0, mention.start - 24), mention.start);
  const after = text.slice(mention.end, mention.end + 70);
  if (DEFINITE_BEFORE.test(before) && DESCRIBED_THING_AFTER.test(after)) return true;
  // "awards such as Samsung's $4.75 billion grant for its Taylor, Texas, fab could be revisited": an award someone holds.
  if (HOLDER_BEFORE.test(before) && AWARD_THING_AFTER.test(after)) return true;
  // "in talks on expanding the $16.5 billion chip deal": the thing a change is weighed for is had.
  if (CHANGED_THING_BEFORE.test(before) && DESCRIBED_THING_AFTER.test(after)) return true;
  // "正考慮以三星德州泰勒廠獲得的47.45億美元《晶片法》補助換取股權": an award already obtained is had, whatever is weighed for it.
  if (OBTAINED_BEFORE_ZH.test(before) && AWARD_AFTER_ZH.test(after)) return true;
  // "a potential win that would follow Samsung's $16.5 billion deal with Tesla": the thing a hoped-for event follows is had.
  if (FOLLOWED_THING_BEFORE.test(before) && DESCRIBED_THING_AFTER.test(after)) return true;
  // "could eventually rival the $16.5 billion Tesla contract", "in return for the up to $4.745 billion in CHIPS Act grants": the
  // thing compared with or traded for is had.
  if (
    COMPARED_THING_BEFORE.test(before) &&
    (DESCRIBED_THING_AFTER.test(after) || AWARD_THING_AFTER.test(after))
  )
    return true;
  // "有望提前完成5000亿美元、10吉瓦的投资承诺": the commitment the amount describes is had; only its completion is hoped.
  if (/[\u3400-\u9fff]/.test(text.slice(mention.start, mention.end)) && COMMITMENT_AFTER_ZH.test(after))
    return true;
  // In brackets right after a name — not a currency's conversion ("10 trillion won (about $7.5 billion)").
  const bracket = BRACKETED_BEFORE.exec(before);
  if (!bracket || !BRACKETED_AFTER.test(after)) return false;
  const opening = mention.start - before.length + bracket.index;
  return reading.mentions.some(
    (entry) => entry.end <= opening && /^\s*$/.test(text.slice(entry.end, opening)),
  );
}

const WORTH_AFTER =
  /^\s*(?:in|of)\s+(?:its\s+)?(?:market\s+(?:value|cap(?:italization|italisation)?)|backlog|orders?\s+backlog)/i;

const WORTH_BEFORE =
  /(?:market\s+(?:value|cap(?:italization|italisation)?)|backlog|order\s+book|市值|订单储备|訂單儲備|在手订单|在手訂單|积压订单|積壓訂單|相关营收|相關營收|带来的营收|帶來的營收)[^,.;，。；\d$亿億元]{0,14}$/i;

/** "an additional $10 billion", 追加100亿美元: an increment, not a total. */
// The adjectives of an increment; with "adds" its verb too (INCREMENT_WORD takes the adjectives alone).
const INCREMENT_ADJECTIVE = String.raw`\badditional\b|\bextra\b|\bfollow-on\b|\bfurther(?=\s+(?:\$|US\$|USD|₩|W\d|\d)|\s*$)|追加|额外|額外|加碼|加码|(?:擴大|扩大)注[資资]`;

const INCREMENT = String.raw`${INCREMENT_ADJECTIVE}|\badds?`;

const ADDED_BEFORE = new RegExp(
  String.raw`(?:${INCREMENT}|\banother|\badding|增资|增資)(?:[\u3400-\u9fff]{0,2}(?:投资|投資))?\s*(?:of\s+)?(?:about\s+|some\s+|约|約)?$`,
  'i',
);

/** "an additional 10 trillion won ($7.2 billion)", 擴大注資10兆韓元（約75億美元）: the conversion of an increment. */
const ADDED_CONVERTED_BEFORE = new RegExp(
  String.raw`(?:${INCREMENT})\s*(?:of\s+)?(?:about\s+|约|約)?[\d.,]+\s*(?:trillion|billion|兆|万亿|萬億|億|亿)?\s*(?:won|韓元|韩元|韓圜)\s*[（(]\s*(?:about\s+|约|約)?$`,
  'i',
);

/** "$4 billion more", 40億美元的追加投資: an increment, named after the amount. */
// (…and "of additional orders", "in extra orders": orders added, not the total)
const ADDED_AFTER =
  /^\s*(?:more|extra|in\s+(?:additional|extra|new)\s+(?:investment|spending|funding)|(?:of|in)\s+(?:additional|extra|new|follow-on|incremental)\s+(?:[\w-]+\s+){0,2}?(?:orders?|contracts?|deals?|business|work))\b|^的?(?:追加|额外|額外|新增)/i;

function notAnAmountOfIts(text: string, mention: ValueMention): boolean {
  return (
    ADDED_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start)) ||
    incrementInClause(text, mention) ||
    ADDED_AFTER.test(text.slice(mention.end, mention.end + 32)) ||
    ADDED_CONVERTED_BEFORE.test(text.slice(Math.max(0, mention.start - 48), mention.start)) ||
    WORTH_AFTER.test(text.slice(mention.end, mention.end + 40)) ||
    WORTH_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start))
  );
}

/**
 * "Samsung will make an additional investment in its Taylor fab worth $7 billion": an increment word
 * earlier in the value's clause, with no total after it ("…, bringing the total to $47 billion").
 */
function incrementInClause(text: string, mention: ValueMention): boolean {
  const clause = lastClause(text.slice(Math.max(0, mention.start - 120), mention.start));
  const increment = INCREMENT_WORD.exec(clause);
  return increment !== null && !TOTAL_WORD.test(clause.slice(increment.index));
}

// The adjectives only: "SEDaily adds that Samsung's $16.5 billion deal…", "added $20 billion in market value" are verbs of other things.
const INCREMENT_WORD = new RegExp(INCREMENT_ADJECTIVE, 'i');

const TOTAL_WORD = /\btotal|总|總|使/i;

const endsPeriod = (mention: ValueMention) => mention.period === 'end' || mention.period === 'term';

/** After a value, the year it held: "17% in 2019", "$6.4 billion (2024)". */
/**
 * A year that is a profit goal: the object of a targeting verb or "until" whose purpose is a profit ("targeting 2027
 * to turn its foundry business profitable", "has until 2028 to turn a profit"), a year after "profitable by/in" ("profitable by 2027" — not when it is shared
 * with a making before it, "mass production at Taylor and a return to profitability in 2027"), 2027年实现扭亏.
 * Not when a "when", "the year" or 届时/同年 after it ties the year to another event as well ("profitable in 2027,
 * the year the Taylor fab starts production"); not a making's own year with a profit as its purpose ("start
 * production … in 2026 to make its foundry business profitable").
 */
const PROFIT_GOAL_BEFORE =
  /\b(?:profitable|profitability|(?:turn|swing|return|get)(?:s|ed|ing)?\s+(?:back\s+)?(?:to\s+)?(?:a\s+)?profit|in\s+the\s+black|break(?:s|ing)?\s+even)\s+(?:by|in|from)\s+(?:the\s+end\s+of\s+)?$/i;
const SHARED_WITH_A_MAKING_BEFORE = /\band\s+(?:a\s+)?(?:return|swing|turn)?\s*(?:to\s+)?profit/i;
const TARGETED_BEFORE =
  /\b(?:target(?:s|ed|ing)?|aim(?:s|ed|ing)?\s+for|eye(?:s|d|ing)?|set(?:s|ting)?|until)\s+(?:the\s+end\s+of\s+)?$/i;
const PROFIT_PURPOSE_AFTER =
  /^\s*(?:to|for)\s+(?:turn|make|return|swing|get|become)\b[^.;,]{0,40}?\b(?:profit|profitable|profitability|black)\b/i;
const PROFIT_YEAR_AFTER_ZH =
  /^\s*年?\s*(?:底|内|內)?\s*(?:前)?\s*(?:实现|實現|达成|達成)?\s*(?:扭亏|扭虧|转盈|轉盈|盈利|获利|獲利|转亏为盈|轉虧為盈)/;
const YEAR_REFERRED_TO_AFTER =
  /^[^.;。；]{0,120}?(?:,\s*(?:when|the\s+(?:same\s+)?year|by\s+which\s+time|at\s+which\s+point)\b|\bby\s+then\b|\b(?:that|the\s+same)\s+year\b|届时|屆時|同年|到时|到時|那时|那時)/i;

function yearOfAProfitGoal(text: string, mention: ValueMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 48), mention.start);
  const after = text.slice(mention.end, mention.end + 64);
  const goal =
    (PROFIT_GOAL_BEFORE.test(before) && !SHARED_WITH_A_MAKING_BEFORE.test(before)) ||
    (TARGETED_BEFORE.test(before) && PROFIT_PURPOSE_AFTER.test(after)) ||
    PROFIT_YEAR_AFTER_ZH.test(after);
  // (the long look-ahead only for the few years that are profit goals: every year of every sentence comes here)
  return goal && !YEAR_REFERRED_TO_AFTER.test(text.slice(mention.end, mention.end + 140));
}

const YEAR_AFTER =
  /^\s*,?\s*(?:in|back in|as of|\()\s*((?:19|20)\d{2})(?=\s*(?:[,.;:)]|$|\s(?:and|but|when|while|as)\b))/i;

/** Two years and more before the item's own year is history, whatever the tense. */
const YEARS_AGO = 2;

function ofYearsAgo(reading: SentenceReading, mention: ValueMention): boolean {
  if (reading.publishedYear === undefined) return false;
  // (…or dating its clause before it: "Samsung announced the Taylor project in November 2021 with a $17 billion price
  // tag")
  const year =
    YEAR_AFTER.exec(reading.text.slice(mention.end, mention.end + 16))?.[1] ??
    YEAR_DATES_CLAUSE_BEFORE.exec(
      reading.text.slice(clauseStartOf(reading, mention.start), mention.start),
    )?.[1];
  return (
    year !== undefined &&
    Number(year) <= reading.publishedYear - YEARS_AGO &&
    // ("with a $40 billion plan that still stands")
    !STILL_STANDS_AFTER.test(reading.text.slice(mention.end, mention.end + 40))
  );
}

const STILL_STANDS_AFTER =
  /^(?:[^.;,]|,\s*(?:which|an?\s+(?:figure|amount|sum|plan|budget)\s+that)\b){0,40}?\b(?:still\s+(?:stands|holds|applies)|remains?\s+(?:in\s+place|unchanged|intact|in\s+force|on\s+track)|unchanged)\b/i;

/** A past verb dated by a year, then up to the value with no other year: "announced … in November 2021 with a". */
const YEAR_DATES_CLAUSE_BEFORE =
  /\b(?:announced|unveiled|picked|chose|selected|pledged|promised|planned|broke\s+ground|began|started|said)\b[^.;:]{0,40}?\bin\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:19|20)\d{2})\b(?![^.;:]*\b(?:19|20)\d{2}\b)[^.;:]{0,40}\b(?:with|at)\s+(?:an?\s+)?(?:initial\s+|original\s+|planned\s+|cost\s+of\s+|price\s+of\s+)?(?:US)?$/i;

/**
 * A level forecast: told as one ("Counterpoint预计，…台积电今年的…份额将升至75%", "forecasting Samsung's share to stay
 * below 7%"), for next year, or followed by the year it is for, a year after the item's ("75% of the market in 2027").
 */
function forecastLevel(reading: SentenceReading, mention: ValueMention): boolean {
  if (
    FORECAST_LEVEL_BEFORE_ZH.test(reading.text.slice(Math.max(0, mention.start - 60), mention.start)) &&
    // (not a level that describes a name: "难以撼动市占率达70.2%的台积电")
    !reading.mentions.some(
      (named) => named.type === 'company' && /^\s*的\s*$/.test(reading.text.slice(mention.end, named.start)),
    )
  )
    return true;
  if (reading.publishedYear === undefined) return false;
  // "…in 2027" after the level, or a Chinese year before it in its clause: "集邦预计台积电2027年代工市占将达75%".
  const before = reading.text.slice(Math.max(0, mention.start - 32), mention.start);
  // "机构预测明年台积电代工份额将升至75%": next year's level is a forecast too.
  if (NEXT_YEAR_BEFORE_ZH.test(before)) return true;
  if (NEXT_YEAR_AFTER.test(reading.text.slice(mention.end, mention.end + 48))) return true;
  if (FORECAST_LEVEL_BEFORE_EN.test(reading.text.slice(Math.max(0, mention.start - 100), mention.start)))
    return true;
  const year =
    LEVEL_YEAR_AFTER.exec(reading.text.slice(mention.end, mention.end + 48))?.[1] ??
    LEVEL_YEAR_BEFORE_ZH.exec(before)?.[1] ??
    // "TSMC's 2028 foundry share: why 75% is plausible": the year names the share.
    LEVEL_YEAR_BEFORE_EN.exec(reading.text.slice(Math.max(0, mention.start - 64), mention.start))?.[1];
  // (二〇二七年 as well as 2027年)
  return year !== undefined && parseNumber(year) > reading.publishedYear;
}

// The goal's verb governs the value ("aims to lift its foundry market share to 20%", 力争…份额提升至20%), in
// its clause ("aims to win more customers as its foundry share slips to 6.8%" is the share now); 目标价 is a price.
const CURRENT_LEVEL_BEFORE =
  /(?:\b(?:its|their|[\w-]+['’]s)\s+(?:current\s+)?|\bcurrent\s+|\bfrom\s+(?:(?:its|their)\s+)?(?:current\s+)?)$/i;

const LEVEL_GOAL_BEFORE =
  /(?:\b(?:aims?|aiming|aimed|seeks?|seeking|sought|hopes?|hoping|wants?|plans?|planning|targets?|targeting|strives?|striving|vows?|vowed|pledges?|pledged|goal|target|ambition|bid)\s+(?:to|of|is\s+to)\s+(?:(?:\w+ly|more\s+than|at\s+least|further)\s+){0,2}(?:lift|raise|boost|increase|grow|reach|regain|take|win|return|hit|double|triple|expand|push|get|bring|capture|achieve|keep|hold|maintain|climb|recover|secure|attain|claw|become|grab|gain|seize|restore)\b(?:(?!\b(?:as|while|after|when|whose|which|since)\b)[^,.;]){0,40}|\b(?:goal|target|ambition|aim)\s+(?:of|is)\s+(?:(?:a|an|reaching|hitting|about|around)\s+)?|(?:力争|力爭|目标|目標|计划|計劃|计画|計畫|希望|期望|期盼|誓言|拟|擬)(?!价|價)[^，。；,;.\s]{0,24}?(?:提升|提高|增加|达到|達到|扩大|擴大|升|拉高|夺回|奪回|重回|回到|回升)(?:至|到)?)\s*(?:a\s+|above\s+|over\s+|to\s+)?$/i;

const LEVEL_YEAR_BEFORE_ZH = new RegExp(
  String.raw`((?:19|20)\d{2}|${CHINESE_DIGIT_YEAR})年(?!第?[一二三四1-4]季|[上下]半年)[^，,。；;\d]{0,24}$`,
);

const FORECAST_LEVEL_BEFORE_ZH =
  /(?:预计|預計|预测|預測|预期|預期|预估|預估|估计|估計|看好)[^。；;]{0,40}?(?:将|將|(?<![说說东東大布绩績]|[^今一]年)(?:会|會)|可望|有望)[^，。；,;]{0,16}?(?:升至|增至|提升至|提高至|降至|跌至|滑落至|达到|達到|超过|超過|突破|达|達)\s*(?:约|約|近)?$/;

const NEXT_YEAR_BEFORE_ZH =
  /(?:明年|後年|后年|(?:两|兩|三)年(?:后|後))(?!第?[一二三四1-4]季|[上下]半年)[^，,。；;\d]{0,24}$/;

const LEVEL_YEAR_BEFORE_EN =
  /\b((?:19|20)\d{2})\s+(?:(?:global|worldwide)\s+)?(?:foundry\s+)?(?:market\s+)?share\b[^.;,]{0,48}$/i;

/** A level followed by "next year": a forecast ("TSMC to command over 75% of foundry market next year"). */
const NEXT_YEAR_AFTER = /^(?:(?!\s(?:and|while|but)\s)[^,.;]){0,40}?\bnext\s+year\b/i;

/** Before a level, a forecast of it: "forecasting Samsung's share to stay below 7%". */
const FORECAST_LEVEL_BEFORE_EN =
  /\b(?:forecast(?:s|ed|ing)?|predict(?:s|ed|ing)?|project(?:s|ed|ing)?|expect(?:s|ed|ing)?|see(?:s|ing)?)\b[^.;]{0,60}?\b(?:to|will|would)\s+(?:stay|remain|rise|fall|reach|climb|drop|slip|hit|top|exceed|grow|shrink|command|hold)\b[^.;,]{0,24}$/i;

const LEVEL_YEAR_AFTER =
  /^(?:(?!\s(?:and|while|but)\s)[^,.;，。；]){0,32}?\b(?:in|by|for)\s+((?:19|20)\d{2})\b/i;

/** Right before a date, volume to come ("volume output is scheduled for", a headline's ", volume in") after a start told before it. */
function volumeAfterPastStart(text: string, at: number): boolean {
  const from = Math.max(0, at - 48);
  const volume = VOLUME_TO_COME_BEFORE.exec(text.slice(from, at));
  return volume !== null && STARTED_EARLIER.test(text.slice(0, from + volume.index));
}

const VOLUME_TO_COME_BEFORE =
  /\b(?:(?:volume|mass|high-volume|full-scale)\s+(?:output|production|manufacturing|shipments)\s+(?:is|are)\s+(?:now\s+)?(?:scheduled|expected|slated|due|planned|set|targeted)\s+(?:for|in|by)|,\s+volume\s+(?:in|by|from))\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)[-\s]+)?$/i;

/** A start told as past or as a headline's present: "started operations", "began production", "runs first wafers". */
const STARTED_EARLIER =
  /\b(?:(?:started|began|begun|commenced)\s+(?:operations?|operating|production|producing|running|making|to\s+(?:operate|produce|run))|runs?\s+(?:its\s+)?first\s+(?:customer\s+)?wafers)\b/i;

/** "will ramp to full output next year", "ramp up to full production in 2027" (the year after it is the ramp's). */
const RAMP_TO_FULL_BEFORE =
  /\b(?:ramp(?:s|ed|ing)?\s+(?:up\s+)?to|(?:reach|reaches|reached|reaching|hit|hits|run\s+at|running\s+at)\s+(?:its\s+)?)\s*full(?:[-\s]scale)?\s+(?:output|production|capacity|volume|operations?)\s+(?:by\s+|in\s+)?(?:the\s+)?(?:end\s+of\s+)?$/i;

/**
 * A capacity raised to a figure, just before a date: "to 16,000 wafers a month by", 月产能提升至2万片 — the date
 * is the capacity's target (not "begin production at 16,000 wafers a month in 2027", the making's year).
 */
const CAPACITY_BEFORE =
  /\bto\s+(?:about\s+|around\s+|some\s+)?\d[\d,.]*\s*(?:k\s+)?(?:wafers?\s+(?:a|per|each)\s+month|wpm)\s+(?:by|in)\s+(?:the\s+)?$|(?:提升|提高|扩充|擴充|扩大|擴大|增加|增)至[\d.]+\s*万?片(?:\/月|每月)?[^，。；,;]{0,8}$/i;

/**
 * After an amount, that it is a rate or one period's part: "$2 billion a year", "per annum", "orders worth
 * $2 billion this quarter", "in the third quarter" (before: handled by the reader's context).
 */
const RATE_AFTER =
  /^\s*(?:of\s+(?:\w+\s+){1,2}?)?(?:(?:a|per|each|every)\s+(?:year|annum|month|quarter)\b|annually\b|(?:this|last|next|the)\s+(?:quarter|month)\b|in\s+(?:the\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|latest|same)\s+)?quarter\b|in\s+Q[1-4]\b)|^\s*\/\s*(?:yr|year)\b/i;

/** "平均每年可為三星帶來約20億美元", "adds annually some $2 billion", 本季特斯拉订单约20亿美元: a yearly or a quarter's amount named before it. */
const RATE_BEFORE =
  /(?:每年|年均|本季|当季|當季|单季|單季)[^，。,;；]{0,20}$|\b(?:annually|per\s+year|each\s+year)\s+(?:some\s+|about\s+|around\s+)?$/i;

/** "总价值165亿美元", "a total of": the whole, whatever a year brings. */
const TOTAL_BEFORE = /(?:总|總|合计|合計|\btotal)[^，。,;；]{0,8}$/i;

/** …unless the amount names the deal it is the size of ("每年将因165亿美元的特斯拉合同增加约8%的营收"). */
const DEAL_NAMED_AFTER =
  /^\s*(?:的)?\s*(?:特斯拉|晶片|芯片)?\s*(?:合同|合约|合約|订单|訂單|协议|協議|大单|大單)|^\s+(?:[\w-]+\s+){0,2}(?:contract|deal|order|agreement)\b/i;

/** A share move told as another day's than the deal's: the day before it, or a later day given back or continued. */
function laterDaysMove(reading: SentenceReading, mention: ValueMention): boolean {
  const before = (chars: number) => reading.text.slice(Math.max(0, mention.start - chars), mention.start);
  const after = (chars: number) => reading.text.slice(mention.end, mention.end + chars);
  return (
    (PAST_MOVE_BEFORE.test(before(16)) &&
      // (…unless the deal is its cause: "after their 6.8% surge last Monday on the Tesla deal")
      !DEAL_CAUSE_AFTER.test(after(64))) ||
    (LATER_MOVE_BEFORE.test(before(24)) &&
      !CAUSE_IN_CLAUSE.test(before(24)) &&
      // (not the move given back: "gives back much of the 6.8% jump it logged on the deal")
      !/\bof\s+(?:the|its|their|a)\s*$/i.test(before(12))) ||
    LATER_MOVE_AFTER.test(after(96))
  );
}

/**
 * Before the value, in its clause or the one before: the move given back or continued on a later day ("特斯拉周二回吐部分
 * 涨幅，收跌1.4%") — unless the value's own clause gives the deal as its cause ("一扫上周回吐，周一因特斯拉大单飙升6.8%").
 */
const LATER_MOVE_BEFORE =
  /(?:回吐|续涨|續漲|续跌|續跌|续升|續升|再涨|再漲|\bgave\s+back|\bgives\s+back|\bgiving\s+back)[^。；;]{0,24}$/i;
const CAUSE_IN_CLAUSE = /(?:因|受|由于|由於|\bon\s+the\b|\bthanks\s+to\b|\bafter\s+the\b)[^，,。；;]*$/i;
/** After it, the deal day's own move: "after their 6.8% surge the previous session" (not "after its rally last week"). */
const LATER_MOVE_AFTER =
  /^[^.;。；]{0,30}?\bafter\s+(?:its|their|the)\s+(?:[\d.]+%\s+)?(?:(?:surge|jump|rally|gain|spike)\s+(?:the\s+)?(?:previous|prior(?!\s+to)|day\s+before)\b|(?:surge|jump|rally|gain|spike)\s+last\s+\w+\s+(?:on|after|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:deal|contract|order|agreement)\b)/i;
/** A move told as the one before ("after its 3% jump last week"): a past move, not the reaction. */
const PAST_MOVE_BEFORE = /\bafter\s+(?:its|their|the)\s*$/i;
const DEAL_CAUSE_AFTER =
  /^[^,.;]{0,30}?\b(?:on|after|over)\s+(?:the\s+)?(?:[\w$.-]+\s+){0,3}?(?:deal|contract|order|agreement)\b/i;

const REVERSAL_AFTER =
  /^[^.;]{0,30}?(?:,\s*(?:erasing|paring|giving\s+back|wiping\s+out)\s+(?:(?:part|some|much|most|all|half)\s+of\s+)?(?:the|its|their|a)?\s*(?:[\w-]+\s+){0,3}?(?:rally|gains?|surge|jump)|\s*,?\s*(?:extending|adding\s+to|building\s+on)\s+(?:the|its|their|a)?\s*(?:[\w'’-]+\s+){0,4}?(?:rally|gains?|surge|jump|advance|run)\b|\s*,?\s*(?:as|while)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?rally\s+(?:continues|continued|extends|extended)\b|\bas\s+(?:investors\s+|traders\s+)?(?:lock(?:s|ed|ing)?\s+in|tak(?:e|es|ing)|took)\s+(?:gains|profits)|\bon\s+profit[-\s]taking|\bas\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?rally\s+(?:fades|cools|wanes|eases|unwinds)|\bafter\s+(?:rallying|surging|soaring|jumping|(?:[\w-]+\s+){0,6}?(?:staged|staging|posted|posting)\s+(?:a\s+)?(?:[\w-]+\s+){0,2}?(?:rally|surge|jump|gain)))/i;

/**
 * The item's own year or an earlier one, with a month, opening the sentence: a dateline or the time
 * of an event ("2025年10月下旬，", "In late October 2025,", "去年7月，三星电子与特斯拉签订…").
 */
function datelineYear(reading: SentenceReading, mention: ValueMention): boolean {
  return (
    mention.value.kind === 'year' &&
    mention.value.month !== undefined &&
    reading.publishedYear !== undefined &&
    mention.value.value <= reading.publishedYear &&
    /^[\s"“「(（]*(?:(?:in|on|by)\s+)?(?:(?:early|mid|late)[-\s]+)?$/i.test(
      reading.text.slice(0, mention.start),
    )
  );
}

/**
 * "Q2 2026 call notes: AI5 volume production still targeted for 2027", "2026 preview: …": a headline's label opening
 * it with the period it covers, no date of what it tells.
 */
function periodLabelYear(reading: SentenceReading, mention: ValueMention): boolean {
  if (mention.value.kind !== 'year' || reading.index !== 0) return false;
  const label = PERIOD_LABEL_OPENING.exec(reading.text);
  return label !== null && mention.end <= label[0].length;
}

/** Right after a year, a report it dates: 曾有报道, 有消息称, "reports said", "sources told". */
const REPORT_DATED_AFTER_ZH =
  /^\s*[，]?\s*(?:曾|就|也)?(?:有)?(?:报道|報導|报导|消息|传出|傳出|传闻|傳聞|媒体|媒體|外媒|韩媒|韓媒)/;
const REPORT_DATED_AFTER_EN =
  /^\s*,?\s*(?:(?:a|an|the|some|earlier|media)\s+)?(?:reports?|sources?|media)\s+(?:said|says|claimed|suggested|indicated|told|had)\b/i;

const PERIOD_LABEL_OPENING =
  /^\s*(?:(?:Q[1-4]|[1-4]Q|H[12]|[12]H|FY)\s*)?(?:'?\d{2}|\d{4})\s+(?:[\w-]+\s+){0,3}?(?:call|earnings|results|notes|preview|review|recap|outlook|roundup|round-up|update|wrap)s?\b[^:：]{0,24}[:：]/i;

/**
 * "2021年11月，三星宣布投资170亿美元在得州泰勒新建晶圆厂…", "In November 2021, Samsung announced …", read in 2026: a
 * sentence opening with a month two or more years before the item's tells what happened then (a plan announced, an
 * award made, a level measured: "In November 2024, TSMC's foundry share hit 64.9%") — its values confirm, never
 * change (a month of last year may be the news of a change the tracker has not seen; a deal signed then, or a value
 * "now", is today's).
 */
function toldOfYearsAgo(reading: SentenceReading, level: boolean): boolean {
  // (once a sentence, and only where it opens with a date: most do not)
  const dated = reading.once('openingYearsAgo', () => {
    if (reading.publishedYear === undefined || !DATE_OPENING.test(reading.text)) return false;
    const opening = reading.values('year')[0];
    if (opening === undefined || opening.value.kind !== 'year') return false;
    // "2021: Samsung picks Taylor for a $17 billion fab.": a timeline's entry of years ago, or of a year before the item's
    // with a later entry after it (not "2025: Samsung's foundry share falls to 6.8%" as a 2026 item's last entry, whose
    // news may still be the latest).
    if (timelineYearOf(reading.text) !== undefined)
      return (
        opening.start < 4 &&
        (opening.value.value <= reading.publishedYear - 2 ||
          (opening.value.value < reading.publishedYear && reading.laterTimelineEntry))
      );
    return opening.value.value <= reading.publishedYear - 2 && datelineYear(reading, opening);
  });
  return dated && (level || reading.once('toldThen', () => TOLD_THEN.test(reading.text)));
}

/** A sentence opening with a date: a digit, or a month's name, maybe after "In", "On", "Late". */
const DATE_OPENING =
  /^[\s"“「(（]*(?:(?:in|on|by)\s+)?(?:(?:early|mid|late)[-\s]+)?(?:\d|[一二〇]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)/i;

/** What such a sentence tells: what happened then — not a deal signed then (still today's), no "now". */
const TOLD_THEN =
  /^(?![\s\S]*(?:(?:(?<!\b(?:was|were)\s)\bnow\b|如今|现在|現在|目前)[^。；;]*\d|\b(?:sign(?:s|ed)|agreed|inked|struck|sealed|clinched)\b|签署|簽署|签订|簽訂|达成|達成|\bshares?\b|\bstock\b|股价|股價))/i;

/**
 * "In 2021 it said the fab would start operating in the second half of 2024", read in 2026: a year
 * before the item's, told as a plan of the past ("would", "was to", "was due"), is that plan — history.
 */
function pastPlanOfAPastYear(reading: SentenceReading, mention: ValueMention): boolean {
  if (mention.value.kind !== 'year' || reading.publishedYear === undefined) return false;
  if (mention.value.value >= reading.publishedYear) return false;
  return toldAsPlanOfThePast(reading, mention);
}

/**
 * Whether a year's own clause tells it as a plan of the past: not "Samsung, which would not give details, said its
 * fab began … in late 2025", nor past a join ("was supposed to open in 2024 but only started production in 2026").
 */
function toldAsPlanOfThePast(reading: SentenceReading, mention: ValueMention): boolean {
  return PLAN_OF_THE_PAST.test(
    ownClauseBefore(reading, mention)
      .split(/\s(?:but|and|yet|while|though|although)\s/i)
      .at(-1)!,
  );
}

/** The words of a value's own clause before it (back to a full stop, semicolon or comma, at most 96 characters). */
function ownClauseBefore(reading: SentenceReading, mention: ValueMention): string {
  const before = reading.text.slice(Math.max(0, mention.start - 96), mention.start);
  return before.slice(before.search(/[^.;。；,，]*$/));
}

/**
 * "AI6 was due to reach volume production in 2027, but Samsung brought it forward to 2026": a year told as a plan
 * of the past, with another year after a "but" — or one a move leads to past a comma — is the year moved from.
 */
function supersededPlanYear(
  reading: SentenceReading,
  mention: ValueMention,
  all: readonly ValueMention[],
): boolean {
  if (mention.value.kind !== 'year' || !SUPERSEDED_PLAN.test(ownClauseBefore(reading, mention))) return false;
  return all.some((later) => {
    if (later.value.kind !== 'year' || later.start <= mention.end || later.start - mention.end > 120)
      return false;
    const between = reading.text.slice(mention.end, later.start);
    // …the same milestone's new date: a move leads to the later year ("but Samsung pulled it into 2026", "but 2027
    // is more likely", "but it won't open until 2027" — not "but its second phase will start in 2028") — or, "extended
    // their agreement, which was to run until 2033, through 2036", the destination past its aside of an extension
    // told before the plan.
    if (CONTRAST_AFTER_PLAN.test(between))
      return MOVED_TO_BEFORE.test(reading.text.slice(Math.max(0, later.start - 40), later.start));
    return (
      /,/.test(between) &&
      /\b(?:through|until|till|to|into)\s*$/i.test(reading.text.slice(later.start - 10, later.start)) &&
      /\b(?:extend|prolong|lengthen)\w*/i.test(reading.text.slice(0, mention.start))
    );
  });
}

/** A plan told as of the past in its own clause — not "would", often reported speech ("Musk said AI6 would …"). */
const SUPERSEDED_PLAN =
  /\b(?:(?:was|were)\s+(?:to|due|supposed\s+to|meant\s+to|slated|scheduled|set)|had\s+(?:been\s+)?(?:planned|scheduled|slated|expected)|(?:originally|initially|first)\s+(?:slated|targeted|scheduled|expected|planned|due))\b/i;

/** Before a later year, a move that leads to it: pulled, brought forward, pushed, extended, now. */
const MOVED_TO_BEFORE =
  /\b(?:pull(?:ed|s|ing)?|brought|bring(?:s|ing)?|mov(?:ed|es|ing)|push(?:ed|es|ing)?|delay(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|extend(?:ed|s|ing)?|advanc(?:ed|es|ing)|reset|rescheduled|postpon(?:ed|es|ing))\b[^,.;]{0,30}$|\bnow\s+(?:[\w-]+\s+){0,4}$|\bbut\s+(?:now\s+)?$|\b(?:it|output|production|the\s+(?:chip|fab|plant|start))\s+(?:[\w'’-]+\s+){0,2}?(?:will|won['’]t|would)\s+(?:now\s+|not\s+|only\s+)?(?:open|start|begin|launch|arrive)\b[^,.;]{0,20}$/i;

const CONTRAST_AFTER_PLAN = /(?:,\s*|\s)(?:but|yet|however|though)\b|;|[，,]\s*(?:但|却|卻|如今|现在|現在)/i;

const PLAN_OF_THE_PAST =
  /\b(?:(?:vowed|pledged|promised|aimed|intended|targeted)\s+(?:(?:in|back\s+in)\s+\d{4}\s+)?to|would|(?:was|were)\s+(?:to|due|set|slated|scheduled|meant|supposed\s+to|expected\s+to)|planned\s+to|had\s+planned|(?:initially|originally|first)\s+(?:slated|targeted|scheduled|expected|planned)|(?:announced|unveiled)\s+(?:in\s+\d{4}\s+)?with\s+an?)\b/i;

/**
 * "will produce Tesla's AI6, with first samples due next year": a year in a piece of the sentence (between
 * commas) that names samples or a tape-out and no volume making is that milestone's, not the production's.
 */
function milestoneYear(reading: SentenceReading, mention: ValueMention): boolean {
  return mention.value.kind === 'year' && inMilestonePiece(reading, mention);
}

/** Whether a span lies in a piece of the sentence that names samples or a tape-out and no volume making. */
export function inMilestonePiece(
  reading: SentenceReading,
  span: { start: number; end: number },
  { from, to } = pieceAround(reading.text, span),
): boolean {
  return (
    MILESTONE_WORD.test(reading.text.slice(from, to)) &&
    !VOLUME_WORD.test(reading.text.slice(from, to)) &&
    !reading.relations.some(
      (match) =>
        match.name === 'volume_production' &&
        match.start >= from &&
        match.end <= to &&
        // ("Small Batch Output in 2026", "small-batch production this year": a batch's making is no volume's)
        !SMALL_BATCH_BEFORE.test(reading.text.slice(Math.max(0, match.start - 16), match.start)),
    )
  );
}

/** Right before a making word, that it is a small or trial one: "small batch", "limited", "trial", "pilot". */
const SMALL_BATCH_BEFORE =
  /\b(?:small[-\s]batch|small[-\s]scale|small[-\s]volume|limited|trial|pilot|sample)\s*$/i;

/**
 * Right after a year, revenue beginning (预计下半年开始贡献营收) — not "将于2026年量产，并开始贡献营收", a volume year and then
 * revenue; or before it, "to start contributing revenue in".
 */
const REVENUE_BEGINS_AFTER =
  /^[^，,。；;\d]{0,6}?(?:开始|開始)?(?:贡献|貢獻|带来|帶來|产生|產生)(?:营收|營收|收入)/;
const REVENUE_BEGINS_BEFORE =
  /\b(?:contribut\w*|generat\w*|book\w*|recogni[sz]\w*)\s+(?:[\w-]+\s+){0,2}?revenues?\s+(?:[\w-]+\s+){0,3}?(?:in|by|from|starting(?:\s+in)?)\s+$/i;

/**
 * "Samsung closed -1.5% and Tesla +0.8% on Friday" weeks after the deal: a market table's signs are moves of the day the
 * item tells, so with no word of a move and a day of their own named, they are the event's only in an item of its days
 * or a sentence dating it back.
 */
function signedMovesOfAnotherDay(
  rule: CompiledRule,
  reading: SentenceReading,
  relations: PhraseMatch<AttributeClass>[],
): boolean {
  const event = rule.event;
  const moves = relations.filter((match) => match.name === 'stock_move');
  return (
    event !== undefined &&
    moves.length > 0 &&
    moves.every((match) => /^[+＋−]$/.test(reading.text.slice(match.start, match.end))) &&
    reading.publishedDay !== undefined &&
    reading.publishedDay >= event.twoDaysOn &&
    monthMarks(event, reading.text).length === 0 &&
    !RECALLED_NEWS.test(reading.text) &&
    // (a day of its own named: "on Friday", 周五 — not a scorecard recalling the deal's day)
    DAY_OF_ITS_OWN.test(reading.text)
  );
}

const DAY_OF_ITS_OWN =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|today|yesterday|this\s+week)\b|[周週][一二三四五]|今日|今天|昨日|昨天/i;

/** From a value to the chip: a ", where …" clause opens between them. */
const WHERE_CLAUSE = /^[^.;]*?,\s*where\b/i;

/** A year told of a small batch named before it, with no word of volume between: "a small number of units in '26". */
function smallBatchYear(reading: SentenceReading, mention: ValueMention): boolean {
  if (mention.value.kind !== 'year') return false;
  const before = reading.text.slice(Math.max(0, mention.start - 56), mention.start);
  const batch = [...before.matchAll(SMALL_BATCH_WORD)].at(-1);
  // (in its own clause: "2026年小批量出货，2027年实现大规模量产" tells the volume year after the batch's)
  return (
    batch !== undefined &&
    !VOLUME_WORD.test(before.slice(batch.index)) &&
    !/[，,、；;。]|\bthen\b/i.test(before.slice(batch.index))
  );
}

// (English only: Chinese puts the year before the batch, "2026年小批量", which inMilestonePiece reads)
const SMALL_BATCH_WORD =
  /\bsmall\s+(?:number|numbers|quantities|volumes?|batch(?:es)?)\b|\bsmall[-\s]batch\b|\blimited\s+(?:numbers?|quantities|volumes?|production|output)\b/gi;

/** "first AI6 samples and then volume chips": the piece speaks of volume too. */
export const VOLUME_WORD = /\b(?:volume|mass)\b|量产|量產/i;

/** Early or test wafers, as pattern sources: "first test wafers", "engineering wafers", 首批晶圆. */
const EARLY_WAFERS = String.raw`(?:early|first|initial|test|trial|engineering)\s+(?:[\w-]+\s+)?wafers?`;
const EARLY_WAFERS_ZH = '首批晶圆|首批晶圓|测试晶圆|測試晶圓';

const MILESTONE_WORD = new RegExp(
  String.raw`\b(?:${EN_MILESTONES}|prototypes?|batch(?:es)?|small\s+(?:number|numbers|quantities|volumes?)\s+of|${EARLY_WAFERS})\b|${ZH_MILESTONES}|小批量|小批次|少量|${EARLY_WAFERS_ZH}`,
  'i',
);

/** Samples, not batches: "engineering samples", "tape-out", "first wafers", 样品, 首批晶圆. */
export const SAMPLES_MADE = new RegExp(
  String.raw`\b(?:${EN_MILESTONES}|prototypes?|${EARLY_WAFERS})\b|样品|樣品|流片|${EARLY_WAFERS_ZH}`,
  'i',
);

/**
 * A past year that describes the thing after it ("last year's $16.5 billion contract", "2025's
 * deal", 去年的合同): when that thing was, not a target.
 */
function pastYearOfAThing(reading: SentenceReading, mention: ValueMention): boolean {
  return (
    mention.value.kind === 'year' &&
    reading.publishedYear !== undefined &&
    mention.value.value <= reading.publishedYear &&
    // "under their July 2025 contract": a date naming the agreement after it is the same.
    (/^(?:['’]s\b|的)/.test(reading.text.slice(mention.end, mention.end + 3)) ||
      // "secured a $16.5 billion pact last year": the year a deal named right before it was made.
      /\b(?:contract|deal|pact|agreement|order)s?\s+(?:(?:signed|struck|inked|sealed)\s+)?(?:in\s+)?$/i.test(
        reading.text.slice(Math.max(0, mention.start - 24), mention.start),
      ) ||
      // 去年簽約的AI6, 去年底拍板讓三星…生產, 去年那紙合約, 去年與特斯拉簽約後重啟: the year of a signing or a decision.
      /^(?:底|初)?\s*(?:(?:与|與|和|跟)[^，。；,]{1,10}?)?(?:签约|簽約|签署|簽署|签下|簽下|签订|簽訂|拍板|那[纸紙份])/.test(
        reading.text.slice(mention.end, mention.end + 16),
      ) ||
      /^\s+(?:chip\s+|supply\s+|foundry\s+)?(?:contract|deal|agreement|pact|order)s?\b/i.test(
        reading.text.slice(mention.end, mention.end + 24),
      )) &&
    // "in this year's second half", 2026年的第四季度: the time itself, a part of the year.
    !YEAR_PART_AFTER.test(reading.text.slice(mention.end, mention.end + 24))
  );
}

const YEAR_PART_AFTER =
  /^(?:['’]s\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?:half|quarter)|end|close|start|beginning|middle|latter\s+half)\b|的(?:[上下]半年|第?[一二三四1-4]季|年底|年初|年中|年末|底|初|中))/i;

/** Words that name an earlier event as the precedent of the sentence's own news. */
const PRECEDENT =
  /\b(?:follows|following|comes\s+after|came\s+after|on\s+the\s+heels\s+of|since\s+(?:a|an|the|its)\b)|继(?=[^，。；]{2,40}之后)|繼(?=[^，。；]{2,40}之後)/gi;

/**
 * "The contract, which runs through 2032, follows Samsung's landmark agreement with Tesla": a thing referred
 * back to ("The contract") with a value before a precedent word, the subject named only after it — the
 * value is the news's own thing's, the subject the earlier event's. ("Volume production is planned for
 * 2028, following the tape-out of AI6" refers back to nothing: the year is the chip's.)
 */
function beforePrecedent(
  rule: CompiledRule,
  reading: SentenceReading,
  positions: number[],
  mention: ValueMention,
): boolean {
  const referred = rule.anaphora
    ? reading.phrases(rule.anaphora).some((match) => match.end <= mention.start)
    : false;
  for (const cue of reading.text.matchAll(PRECEDENT)) {
    if (mention.end > cue.index) continue;
    const after = cue.index + cue[0].length;
    if (referred && positions.every((at) => at >= after)) return true;
    // "signed a contract … through 2030, its largest order since a Tesla deal last year": the subject's
    // other party named only in the precedent — the value is the new deal's.
    if (partyOnlyAfter(rule, reading, after)) return true;
  }
  return false;
}

/**
 * "The supply pact, disclosed days after Tesla's chip contract with Samsung, runs to July 2030": the subject's
 * parties named only in an aside that dates the news by an earlier event — the value outside it is the news's own.
 */
function partiesOnlyInPrecedentAside(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): boolean {
  const asides = [...reading.text.matchAll(PRECEDENT_ASIDE)].map((found) => ({
    start: found.index,
    end: found.index + found[0].length,
  }));
  if (asides.length === 0 || asides.some((aside) => mention.start >= aside.start && mention.end <= aside.end))
    return false;
  return partiesOnlyInside(rule, reading, asides);
}

const PRECEDENT_ASIDE =
  /,\s*(?:(?:disclosed|announced|signed|unveiled|reported|struck|inked|coming|which\s+came)\s+)?(?:(?:just|only|shortly|soon|(?:a\s+few|several|two|three|\d+)?\s*(?:days?|weeks?|months?))\s+)?(?:after|following|since)\s+(?:[^,;.]|\.(?=\d))*,/gi;

/**
 * A subject of two or more parties, one of which the sentence names only in the precedent phrase after
 * `from` ("since a Tesla deal") — not after a comma ("its biggest since the start of the decade, to make
 * AI6 chips for Tesla").
 */
function partyOnlyAfter(rule: CompiledRule, reading: SentenceReading, from: number): boolean {
  return rule.rule.subject.some(
    (group) =>
      group.length > 1 &&
      group.every((id) => reading.ids.has(id)) &&
      group.some((id) => {
        const named = reading.mentions.filter((mention) => mention.id === id);
        return (
          named.every((mention) => mention.start >= from) &&
          !/[,，;；]/.test(reading.text.slice(from, named[0]!.start))
        );
      }),
  );
}

/**
 * The sentence names only a lone party of the subject (no group of two), and a contract of it with another
 * party by name, one no entity rule knows ("a deal with Amkor", "chips for the US Defense Department").
 */
function contractWithAnother(rule: CompiledRule, reading: SentenceReading): boolean {
  const groups = rule.rule.subject;
  if (!groups.some((group) => group.length === 1 && reading.ids.has(group[0]!))) return false;
  // (a party named only in a ", which …" aside is no party: "a deal with Amkor, which also works with Tesla")
  const named = idsOutside(reading, relativeAsidesFrom(reading, 0));
  if (groups.some((group) => group.length > 1 && group.every((id) => named.has(id)))) return false;
  for (const found of reading.text.matchAll(OTHER_PARTY)) {
    const at = found.index + found[0].length - found[1]!.length;
    if (!reading.mentions.some((mention) => mention.start <= at && mention.end > at)) return true;
  }
  return false;
}

const OTHER_PARTY =
  /\b(?:(?:deal|contract|agreement|pact|order)s?\s+with|chips?\s+for|supply|supplies|supplying)\s+(?:the\s+)?(?:U\.?S\.?\s+)?([A-Z][\w.&-]+)/g;

/** A subject of two or more parties, one of which the sentence names only in a ", which/who …" clause after `from`. */
function partyOnlyInRelativeAfter(rule: CompiledRule, reading: SentenceReading, from: number): boolean {
  const relatives = relativeAsidesFrom(reading, from);
  if (relatives.length === 0) return false;
  // Only when no subject is named whole outside the asides ("contract with Samsung to $20 billion, which Musk
  // called a bargain" keeps Tesla and Samsung).
  return partiesOnlyInside(rule, reading, relatives);
}

/** A subject of two or more parties is named in the sentence, and none is named whole outside `spans`. */
function partiesOnlyInside(
  rule: CompiledRule,
  reading: SentenceReading,
  spans: ReadonlyArray<{ start: number; end: number }>,
): boolean {
  const outside = idsOutside(reading, spans);
  return (
    !rule.rule.subject.some((group) => group.every((id) => outside.has(id))) &&
    rule.rule.subject.some((group) => group.length > 1 && group.every((id) => reading.ids.has(id)))
  );
}

const RELATIVE_AFTER_COMMA = /,\s*(?:which|who|whose)\b[^,;.]*/gi;

const IDENTIFIES_PARTY =
  /^,\s*(?:which|who)\s+(?:(?:is|was|has\s+been|had\s+been)\s+(?:now\s+|since\s+|later\s+)?(?:confirmed|revealed|identified|named|disclosed)\s+(?:to\s+be|as)|turned\s+out\s+to\s+be|proved\s+to\s+be)\b/i;

const MAKER_OF_THE_CHIPS =
  /^,\s*which\s+[A-Z][\w-]*(?:\s+Electronics)?\s+(?:will\s+|would\s+|is\s+to\s+|plans\s+to\s+|is\s+set\s+to\s+)?(?:make|build|produce|manufacture|fabricate)s?\b/;

/** A chip named right before `at` ("AI6 chips", "AI6"). */
const chipBefore = (reading: SentenceReading, at: number) =>
  reading.mentions.some(
    (mention) =>
      mention.type === 'chip' &&
      mention.end <= at &&
      /^(?:\s+(?:chips?|processors?|silicon))?$/i.test(reading.text.slice(mention.end, at)),
  );

/** The ", which/who …" asides of the sentence that open at `from` or after. */
function relativeAsidesFrom(reading: SentenceReading, from: number): Array<{ start: number; end: number }> {
  return (
    [...reading.text.matchAll(RELATIVE_AFTER_COMMA)]
      .filter((found) => found.index >= from)
      // ("without disclosing the partner, which is now confirmed to be Tesla": an aside that names the party)
      .filter((found) => !IDENTIFIES_PARTY.test(found[0]))
      // ("covers Tesla's AI6 chips, which Samsung will make in Taylor": the maker of the contract's chips is its party)
      .filter((found) => !(MAKER_OF_THE_CHIPS.test(found[0]) && chipBefore(reading, found.index)))
      .map((found) => ({ start: found.index, end: found.index + found[0].length }))
  );
}

/** The ids the sentence names outside `spans`. */
function idsOutside(
  reading: SentenceReading,
  spans: ReadonlyArray<{ start: number; end: number }>,
): Set<string> {
  return new Set(
    reading.mentions
      .filter((mention) => !spans.some((span) => mention.start >= span.start && mention.end <= span.end))
      .map((mention) => mention.id),
  );
}

/**
 * A node whose yields or ramp are told ("2nm yields", "yields on its 2-nanometre process", 2纳米良率, "Samsung's 2nm
 * ramp"), or that is offered to or courted for named customers of the foundry's ("its 2nm line … Qualcomm and AMD"):
 * the foundry's own process — unless the sentence puts the chip on it ("build Tesla's AI6 on the node", 采用).
 */
function nodeOfTheFoundrysOwn(reading: SentenceReading, mention: ValueMention): boolean {
  if (CHIP_PUT_ON_NODE.test(reading.text)) return false;
  const after = reading.text.slice(mention.end, mention.end + 24);
  const before = reading.text.slice(Math.max(0, mention.start - 40), mention.start);
  // (not a yield for the chip itself: "Samsung's 2nm yield for Tesla's AI6 trails TSMC")
  const yields = YIELDS_AFTER_NODE.exec(after);
  if (yields) {
    const from = mention.end + yields[0].length;
    return !reading.chips.some(
      (chip) => chip.start >= from && YIELD_FOR_CHIP.test(reading.text.slice(from, chip.start)),
    );
  }
  if (YIELDS_BEFORE_NODE.test(before)) return true;
  const clauseStart = clauseStartOf(reading, mention.start);
  const clauseEnd = clauseEndOf(reading, mention.end);
  return (
    COURTED_FOR.test(reading.text.slice(clauseStart, clauseEnd)) &&
    reading.mentions.some(
      (other) =>
        other.type === 'company' &&
        !reading.isParty(other.id) &&
        !reading.isMaker(other.id) &&
        other.start >= clauseStart &&
        other.end <= clauseEnd,
    )
  );
}

const GROWTH_HELPED_BY_AFTER =
  /^[^.;]{0,40}?,\s*(?:helped|driven|boosted|supported|fuell?ed|aided|buoyed|underpinned)\s+by\b|^[^.;,]{0,40}?\b(?:thanks\s+to|on\s+the\s+back\s+of)\b/i;

const YIELDS_AFTER_NODE =
  /^\s*[)）]?\s*(?:-?\s*(?:process|node|class|technology|nm)|制程|製程|工艺|工藝)?\s*(?:[（(][\w-]{1,8}[)）])?\s*(?:yields?|yield\s+rates?|ramp(?:-up)?\b|良率|良品率|的良率)/i;
const YIELDS_BEFORE_NODE =
  /\byields?\s+(?:on|of|at|for)\s+(?:its|the|Samsung['’]s|(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*['’]s)\s+$/i;
const COURTED_FOR =
  /\b(?:court\w*|woo\w*|lure\w*|win\s+orders|pitch\w*|offer\w*\s+discounts|discount\w*)\b|争取|爭取|拉拢|拉攏|揽客|攬客/i;
const YIELD_FOR_CHIP = /^\s*(?:for|on)\s+(?:[A-Z][\w-]*['’]s\s+)?$/;
const CHIP_PUT_ON_NODE =
  /\b(?:on|using|uses|use)\s+(?:the|that|this)\s+(?:node|process)\b|\b(?:the|that|this)\s+(?:node|process)\s+will\s+(?:be\s+used|make|build|produce)\b|采用|採用|基于|基於|导入|導入|以(?:该|該|此|这一|這一)(?:制程|製程|工艺|工藝)|(?:该|該|此|这一|這一)(?:制程|製程|工艺|工藝)(?:将|將|会|會)?(?:用于|用於)/i;

function measureOfTheClauseBefore(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): boolean {
  const start = clauseStartOf(reading, mention.start);
  const joined = JOINED_SHARE_CLAUSE.exec(reading.text.slice(Math.max(0, start - 2), mention.end + 12));
  if (!joined) return false;
  const before = Math.max(0, start - 2) + joined.index;
  return notWordsOf(rule, reading).some(
    (word) => word.end <= before && word.start >= clauseStartOf(reading, before - 1),
  );
}

/** An English clause joined on that holds a share with no measure of its own: ", while Samsung holds 8%". */
const JOINED_SHARE_CLAUSE =
  /[,，;；]?\s*(?:while|whereas|and)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:holds|held|has|had|accounts\s+for|accounted\s+for|is\s+at|was\s+at|takes|took|controls|controlled)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|just\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)(?!\s+of\b)/i;

/** A year no later than the item's, named as the time of an event ("in 2024"), not as a target. */
function pastEventYear(reading: SentenceReading, mention: ValueMention): boolean {
  return pastYearAfter(reading, mention, 10, /\bin\s+(?:early\s+|mid-?|late\s+)?$/i);
}

/** A year no later than the item's, with `words` in the `reach` characters right before it. */
function pastYearAfter(
  reading: SentenceReading,
  mention: ValueMention,
  reach: number,
  words: RegExp,
): boolean {
  return (
    mention.value.kind === 'year' &&
    reading.publishedYear !== undefined &&
    mention.value.value <= reading.publishedYear &&
    words.test(reading.text.slice(Math.max(0, mention.start - reach), mention.start))
  );
}

/** How far into a sentence an opening "In early 2025" may stand, and its words. */
const OPENING_YEAR_REACH = 24;
const OPENING_IN_YEAR =
  /^\s*in\s+(?:early\s+|mid-?|late\s+|the\s+(?:spring|summer|autumn|fall|winter)\s+of\s+)?$/i;

/** After a lost amount, the order it is the value of — within its noun phrase, not past "despite", "in", "last". */
const LOST_ORDER_AFTER =
  /^\s*(?:(?!(?:despite|after|as|since|in|last|this|during|while|before|on|amid|with|from|for|because)\b)[\w'’-]+\s+){0,4}?(?:orders?|contracts?|deals?|agreements?)\b|^[^，。；,;]{0,12}?(?:订单|訂單|合同|合约|合約|大单|大單)/i;

// (…or lines added: "with additional lines expected to be installed through 2027")
const RAMP_THROUGH_BEFORE =
  /\b(?:ramp(?:s|ed|ing)?\b(?:\s+up)?|(?:be\s+)?(?:install|add|deploy|build|buil|hir)(?:s|ed|ing|t)?\b)\s+(?:[\w-]+\s+){0,3}?(?:through|until|till|to|into)\s+(?:the\s+end\s+of\s+|end-)?$/i;

const DEAL_WORTH_BEFORE =
  /\b(?:deal|contract|agreement|pact|order)s?,?\s+(?:worth|valued\s+at)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|up\s+to\s+|more\s+than\s+|over\s+)?(?:US)?$/i;

/** Before a count, its plan: "plans", "aims for", "up to", "a planned total of", 计划/规划/最多, or a change to it. */
const PLAN_CUE =
  /\b(?:plan(?:s|ned|ning)?|blueprint|roadmap|on\s+(?:course|track)\s+for|aim(?:s|ed|ing)?|target(?:s|ed|ing)?|envisag\w*|intend(?:s|ed)?|goal|total|(?:up\s+to|as\s+many\s+as|at\s+most)|expand(?:s|ed|ing)?\s+(?:\w+\s+)?to|rais(?:es|ed|ing)\s+(?:\w+\s+)?to|cut(?:s|ting)?\s+(?:\w+\s+)?to|scal(?:es|ed|ing)\s+(?:back|down)\s+to|shrink(?:s|ing)?\s+to|shrank\s+to|from|will|would|instead\s+of|to\s+(?:build|develop|open|have|host|span|cover|include|number|invest|spend)|eventually|ultimately)\b|最终|最終|计划|計劃|計畫|规划|規劃|最多|至多|总|總|共|目标|目標|预计|預計|拟|擬|将|將|(?:至|到)\s*$/i;

/** Right before a percentage, a stock's move: "shares rise", "stock jumped as much as". */
const STOCK_MOVED_BY =
  /\b(?:shares|stocks?)\s+(?:(?:have|has|had|were|was|also)\s+)?(?:ris(?:e|es|ing)|rose|jump\w*|climb\w*|gain\w*|fall(?:s|ing)?|fell|drop\w*|slid(?:e|es|ing)?|slip\w*|surg\w*|soar\w*|tumbl\w*|sank|sink\w*|plung\w*|rall\w*|lost|los(?:e|es|ing)|add(?:s|ed)?)\s+(?:(?:as\s+much\s+as|nearly|about|around|almost|more\s+than|over|some)\s+)?$|(?:股价|股價)(?:大?涨|大?漲|上涨|上漲|下跌|大跌|跌)(?:了)?\s*$/i;

/** After a count and its noun, one place named: "two Stargate data centers in Ohio" (not "in the US", "across"). */
/** Right after an amount, the year it is of: "$300bn in 2026", "$500 billion by 2028". */
const YEAR_OF_AMOUNT_AFTER =
  /^\s*(?:(?:in|of)\s+(?:revenue|sales)\s+)?(?:by|in|for)\s+(?:the\s+end\s+of\s+)?(20\d\d)\b/i;

const ANOTHER_HORIZON_AFTER =
  /^\s*(?:(?:in|of)\s+[\w-]+\s+)?(?:by|in|through)\s+(?:the\s+end\s+of\s+the\s+decade|(?:20[3-9]\d|2029))\b/i;

const ONE_SITE_AFTER =
  /^\s+(?:[\w-]+\s+){0,2}?(?:data[\s-]?cent(?:er|re)\s+)?(?:campus|site|facility|complex)\b/i;

/** After an amount, what it includes, up to the subject's name: ", including its chip plant in". */
const GIVEN_BACK_BEFORE =
  /(?:回吐|吐回|\b(?:gave|give|gives|giving)\s+back)\s*(?:about\s+|nearly\s+|近|约|約)?$/i;

/** Before a move, a clause of its own opened by a capitalised name the sentence's entities do not cover. */
const NAME_MOVED_BEFORE =
  /(?:[,;]\s*|\b(?:while|whereas|and|but)\s+)([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})(?:['’]s)?(?:\s+(?:shares?|stock))?\s+(?:fell|rose|dropped|slid|slipped|gained|added|lost|jumped|climbed|sank|tumbled|surged|declined|advanced|edged\s+(?:up|down)|was\s+(?:up|down)|ended\s+(?:up|down))\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?$/;

function unknownNameMoved(reading: SentenceReading, mention: ValueMention): boolean {
  const before = reading.text.slice(Math.max(0, mention.start - 60), mention.start);
  const moved = NAME_MOVED_BEFORE.exec(before);
  if (!moved) return false;
  const nameStart = mention.start - before.length + moved.index + moved[0].indexOf(moved[1]!);
  const nameEnd = nameStart + moved[1]!.length;
  // (the name is no entity of the story, nor a word that refers to one: "The company", "Shares")
  if (/^(?:The|Its|Their|It|They|Shares?|Stock|Both|Each)\b/.test(moved[1]!)) return false;
  return !reading.mentions.some((named) => named.start < nameEnd && named.end > nameStart);
}

/** A group's pledge right before an amount, no company named inside the group's words (not 韩国三星集团, 日本软银集团). */
function groupPledgeBefore(reading: SentenceReading, mention: ValueMention): boolean {
  const from = Math.max(0, mention.start - 60);
  const group = GROUP_PLEDGE_BEFORE.exec(reading.text.slice(from, mention.start));
  if (!group) return false;
  const start = from + group.index;
  return !reading.mentions.some(
    (named) => named.type === 'company' && named.start >= start && named.end <= mention.start,
  );
}

/** Right before an amount, a list's pledge: 等企业承诺, "the companies pledged". */
const LIST_PLEDGE_BEFORE =
  /(?:等(?:企业|企業|公司|集团|集團|财阀|財閥)(?:共同|合计|合計|共)?(?:承诺|承諾|宣布|表示将|表示將)[^，。；\d]{0,8}|\b(?:the|these|those)\s+(?:companies|firms|groups|conglomerates)\s+(?:have\s+)?(?:collectively\s+|together\s+|jointly\s+)?(?:pledged|promised|committed|vowed)\s+(?:to\s+invest\s+)?(?:(?:about|some|roughly|a\s+combined|a\s+total\s+of)\s+)?)$/i;

/**
 * "三星、SK、现代等企业承诺在美投资1500亿美元", "Samsung, SK and Hyundai: the companies pledged $150 billion": a list that
 * holds the subject pledges as a group (not "软银、OpenAI和甲骨文等企业承诺…建设星际之门", partners of a subject named after).
 */
function pledgeOfAListWithTheSubject(rule: CompiledRule, reading: SentenceReading, mention: ValueMention) {
  const pledge = LIST_PLEDGE_BEFORE.exec(reading.text.slice(Math.max(0, mention.start - 60), mention.start));
  if (!pledge) return false;
  const pledgeAt = mention.start - Math.min(60, mention.start) + pledge.index;
  // (the subject an item of the list itself: "三星、SK…", "Samsung, SK and Hyundai" — not "星际之门合作方OpenAI、…")
  return reading.mentions.some(
    (named) =>
      rule.ownIds.has(named.id) &&
      named.end <= pledgeAt &&
      /^\s*(?:[、,]|和|与|與|and\b)/.test(reading.text.slice(named.end, pledgeAt)),
  );
}

const GOVERNMENT_AID_AFTER =
  /^\s+(?:in|of)\s+(?:(?:US|U\.S\.|American|federal|government|state|public|CHIPS(?:\s+Act)?)\s+)+(?:aid|support|money|funds|backing)\b/i;

const OF_A_MARKET_AFTER =
  /^\s*(?:per\s*cent|percent|%)?\s*(?:share\s+)?of\s+(?:the\s+)?(?:global\s+|worldwide\s+|world['’]s\s+)?(?:contract\s+chipmaking|chipmaking|foundry|chip|semiconductor|contract\s+chip)\s+(?:market|industry)\b/i;

const SET_AGAINST_AFTER =
  /^[^.;:，。；]{0,48}?\b(?:dwarf(?:s|ed|ing)?|eclips(?:e|es|ed|ing)|(?:well\s+|far\s+)?beyond|outstrip(?:s|ped|ping)?|(?:more|bigger|larger|greater|less|smaller)\s+than|(?:double|triple|twice|half|three\s+times)\b)/i;

function setAgainstTheSubjectAfter(
  rule: CompiledRule,
  reading: SentenceReading,
  mention: ValueMention,
): boolean {
  const against = SET_AGAINST_AFTER.exec(reading.text.slice(mention.end));
  if (!against) return false;
  const from = mention.end + against[0].length;
  // (the subject named before the amount owns it still: "Stargate's $500 billion, far more than …")
  if (reading.mentions.some((named) => rule.ownIds.has(named.id) && named.end <= mention.start)) return false;
  // …and the thing compared with must be the subject itself, every party of it named in the comparison's clause (a
  // second measure after a comma is still that clause: "the $500 billion, 10-gigawatt Stargate plan") — not "bigger
  // than Samsung's previous largest foundry order", one party's other thing.
  const comma = /,(?!\s*\d)/.exec(reading.text.slice(from));
  const to = comma ? from + comma.index : reading.text.length;
  const named = new Set(
    reading.mentions.filter((entry) => entry.start >= from && entry.end <= to).map((entry) => entry.id),
  );
  // (a plan's total is set against any naming of the plan: "dwarf Stargate's original $500 billion"; another's amount
  // against the subject's own deal itself, not an earlier or another thing of its parties: "dwarfs Samsung's earlier
  // Tesla orders", "more than double the value of Samsung's AI4 contract with Tesla")
  if (rule.rule.value.planTotal) return [...named].some((id) => rule.ownIds.has(id));
  const clause = reading.text.slice(from, to);
  return (
    rule.rule.subject.some((group) => group.every((id) => named.has(id))) &&
    /\b(?:contract|deal|pact|agreement|order)s?\b/i.test(clause) &&
    !/\b(?:earlier|previous|prior|past|other|first|AI4|HW4)\b/i.test(clause)
  );
}

/** After an amount, a national plan it is the size of: "$37 billion US investment plan". */
const NATIONAL_PLAN_AFTER =
  /^\s*(?:US|U\.S\.|American)\s+(?:investment|spending|expansion)\s+(?:plans?|programs?|pledges?|push)\b/i;

/** Before an amount, a national plan whose total it is: "Samsung's US investment plans, centred on Taylor, total $37 billion". */
const NATIONAL_PLAN_BEFORE =
  /\b(?:US|U\.S\.|American)\s+(?:investment|spending)\s+plans?\b[^.;]{0,40}?(?:\b(?:total(?:s|ing|led)?|tops?|topped|reach(?:es|ed)?|of|at|now)|:)\s*(?:about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?$/i;

/**
 * A percent that measures something other than an order's lift of revenue: a market share ("a business that holds
 * about 8 per cent of the global contract chipmaking market"), one period's growth ("Samsung's foundry revenue jumped
 * 15% in the fourth quarter"), a share named before the figures ("Counterpoint forecasts Samsung's share of
 * 5nm-and-below foundry revenue will rise to 12%, from 9%").
 */
function percentOfAnotherMeasure(reading: SentenceReading, mention: ValueMention): boolean {
  return (
    OF_A_MARKET_AFTER.test(reading.text.slice(mention.end, mention.end + 64)) ||
    QUARTER_AFTER.test(reading.text.slice(mention.end, mention.end + 40)) ||
    /\bshare\s+of\b/i.test(reading.text.slice(0, mention.start))
  );
}

const QUARTER_AFTER =
  /^\s*(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth|latest|last|previous|june|september|december|march)\s+quarter|Q[1-4]\b|quarter)/i;

/** Right before an amount, a group of other companies (Korean, foreign …) that pledges it — not "the companies", the subject's own. */
const GROUP_PLEDGE_BEFORE =
  /(?:\b(?:Korean|South\s+Korean|(?:South\s+)?Korea['’]s|Japanese|Japan['’]s|Taiwanese|Chinese|European|Asian|foreign|other)\s+(?:(?:four|five|top|biggest|largest|major|leading|big|\d+)\s+)*(?:companies|firms|businesses|conglomerates|chaebols?|chipmakers|automakers|carmakers)\s+(?:have\s+|had\s+)?(?:collectively\s+|together\s+|jointly\s+)?(?:pledged|pledge|promised|committed|vowed|announced|unveiled|offered)\s+(?:to\s+invest\s+)?(?:(?:about|some|roughly|nearly|around|a\s+combined|a\s+total\s+of|an?\s+(?:additional|extra))\s+)?|(?:(?:韩国|韓國|南韩|南韓|日本|台湾|台灣|欧洲|歐洲|外国|外國|其他|其它)(?:大|各大|前十大|四大|五大|十大|主要|多家|几家|幾家|\d+家|科技|大型|民间|民間|半导体|半導體|汽车|汽車|电子|電子|制造|製造|能源|造船)*(?:企业|企業|财阀|財閥|集团|集團)|韩企|韓企|日企)(?:们|們)?(?:共|合计|合計|共同)?(?:承诺|承諾|宣布|表示将|表示將)[^，。；\d]{0,8})$/i;

const PART_OF_LARGER_BEFORE =
  /\b(?:part|portion|piece)\s+of\s+(?:(?:the|its|their|a|an|[\w-]+['’]s?)\s+)?(?:(?:much\s+)?(?:larger|broader|wider|bigger)|overall|total)\s+(?:(?:planned|pledged|committed)\s+)?$/i;

const TIME_YARDSTICK_AFTER =
  /^\s*,?\s*(?:well\s+|just\s+|months\s+|weeks\s+|a\s+year\s+)?(?:ahead\s+of|before|after|in\s+time\s+for|in\s+step\s+with)\s|^[^，,。；;]{0,4}[，,]?\s*(?:早于|早於|晚于|晚於|先于|先於|赶在|趕在|领先于|領先於)/i;

const STATE_AID_AFTER =
  /^\s*(?:[\w-]+\s+){0,2}?(?:state|Texas|local|county|city|municipal)\s+(?:grants?|incentives?|subsid(?:y|ies)|aid|funding|funds?)\b|^\s*(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?:state\b|Texas\s+(?:Enterprise|Semiconductor)|city\b|county\b)|^\s*(?:的)?(?:州政府|州级|州級|地方)(?:补贴|補貼|补助|補助|拨款|撥款)/i;

const WIDER_PLACE_AFTER =
  /^\s*(?:[\w-]+\s+){0,2}?(?:investments?|commitments?|spending|plans?)\s+(?:in|across)\s+(?:the\s+)?(?:Central\s+|North\s+|South\s+)?(?:Texas|US|U\.S\.|United\s+States|America)\b/i;

const INCLUDING_AFTER =
  /^\s*(?:in\s+(?:the\s+)?(?:US|U\.S\.|United\s+States|America|Texas)\s*)?,?\s*(?:including|which\s+includes?)\s+(?:[\w-]+\s+){0,5}$/i;

const LOCAL_COUNT_AFTER =
  /^(?:\s*(?:(?:new|more|additional|[A-Z][\w-]*)\s+){0,2}(?:data[\s-]?cent(?:er|re)s?|sites?|campus(?:es)?|facilities))?\s+in\s+(?!the\s+(?:US|U\.S\.|United\s+States|country)\b|America\b|the\s+Americas\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)(?:the\s+)?[A-Z][a-z]/;

/** After a count, its plan: "20 sites planned", "30 sites in total", "sites it plans", "its 20-site target". */
const PLAN_CUE_AFTER =
  /^\s*(?:(?:are|were|is)\s+)?(?:planned|in\s+total|envisaged|targeted)\b|^\s*(?:that\s+|which\s+)?(?:it|they|we)\s+(?:plans?|promised|pledged|(?:set|sets)\s+out\s+to\s+build|aims?\s+to\s+build)\b|^[^.;]{0,30}?\b(?:buildout|build-out|network|plan|blueprint|roadmap|promised|pledged)\b|^\s*(?:target|goal)\b/i;

const EXPANSION_AFTER = /^\s*(?:(?:fab|plant|factory|capacity|site|US|U\.S\.)\s+)?expansions?\b/i;

/** "swings to a $1.5 billion loss" (not "loss-making", nor a headline's "$16.5 billion loss: … order goes to …"). */
const LOSS_AFTER = /^\s*(?:(?:operating|net|quarterly|annual)\s+)?loss(?:es)?\b(?![-‐]|\s*[:：])/i;

/** Before an amount, the revenue, sales or profit it is: "revenue was", "sales rose 15% to", 营收增长15%至. */
const REVENUE_BEFORE =
  /(?:\b(?:revenues?|sales|profits?|earnings|turnover)\s+(?:(?:was|were|is|of|totall?ed|reached|hit|came\s+in\s+at|(?:rose|grew|jumped|climbed|fell|dropped|slipped)(?:\s+(?:by\s+)?[\d.]+\s*(?:%|percent))?\s+to)\s+)(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?|(?:营收|營收|收入|销售额|銷售額|利润|利潤)(?:增长|增長|下降|同比增长|同比增長)?[\d.]*%?(?:至|为|為|达|達)(?:约|約)?)$/i;

const INVESTED_BEFORE =
  /(?:\binvest(?:ed|ing|s)?\s+(?:(?:more\s+than|over|about|around|nearly|some|roughly|almost)\s+)?(?:[\d.,]+\s*(?:trillion|billion)\s+won\s*\(\s*(?:about\s+|around\s+|roughly\s+)?)?|(?:投资|投資)(?:了)?(?:超过|超過|逾|约|約|近)?\s*)$/i;

const LOSS_BEFORE =
  /(?:\b(?:lost|loses|lose|losing|loss(?:es)?\s+of|lost\s+(?:an\s+estimated|some))\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+|over\s+|an\s+estimated\s+)?|(?:亏损|虧損|亏了|虧了)(?:约|約|近|逾|超过|超過)?\s*)$/i;

/**
 * A year no later than the item's after "announced in", "unveiled in", "first reported in" — or after another
 * event of the thing ("revived last year by a contract", "which Samsung halted construction on in 2024").
 */
function announcedYear(reading: SentenceReading, mention: ValueMention): boolean {
  return (
    pastYearAfter(reading, mention, 32, ANNOUNCED_IN_BEFORE) ||
    pastYearAfter(reading, mention, 40, OTHER_EVENT_IN_BEFORE) ||
    pastYearAfter(reading, mention, 24, SAID_IN_BEFORE) ||
    (pastYearAfter(reading, mention, 24, SAID_BEFORE) &&
      /^(?:last|a\s+year\s+ago)\b/i.test(reading.text.slice(mention.start, mention.end)))
  );
}

/**
 * Right before a past year, a saying and its time: "Musk said last year", "after Musk's comments last year",
 * "remarks in 2025" — with a preposition, or a year told as "last year" ("Tesla said 2026 was the year AI5 reached
 * volume production" tells the year).
 */
const SAYING = String.raw`\b(?:said|told|wrote|posted|tweeted|comments?|remarks?|statements?|interview)\s+(?:(?:so|it|this|that)\s+)?`;
const SAID_BEFORE = new RegExp(`${SAYING}$`, 'i');
const SAID_IN_BEFORE = new RegExp(
  String.raw`${SAYING}(?:in|back\s+in|during|on)\s+(?:early\s+|mid-?|late\s+)?$`,
  'i',
);

const OTHER_EVENT_IN_BEFORE =
  /\b(?:revived|halted|paused|suspended|froze|frozen|shelved|mothballed|resumed|restarted)\s+(?:(?:construction|work|building)\s+)?(?:on\s+)?(?:in\s+|back\s+in\s+|during\s+)?(?:early\s+|mid-?|late\s+)?$/i;

const ANNOUNCED_IN_BEFORE =
  /\b(?:announced|unveiled|disclosed|revealed|introduced|reported|launched|outlined|flagged)\s+(?:(?:first|originally|initially)\s+)?(?:in|back\s+in|during)\s+(?:early\s+|mid-?|late\s+)?$/i;

/** Right before a date, a transaction: "signed last year", "inked in July", 签署于. */
const TRANSACTION_BEFORE =
  /\b(?:signed|inked|struck|sealed|clinched)\s+(?:in\s+|on\s+|during\s+|back\s+in\s+)?$|(?:签署|簽署|签订|簽訂|签下|簽下|达成|達成)(?:于|於)\s*$/i;

/** 截至, 截止, "as of": a date things are counted up to — not after 期限 ("合同期限截至2033年", the term's end). */
const AS_OF_BEFORE = /(?<!期限|期|有效期)(?:截至|截止)\s*$|\bas\s+of\s*$/i;

/**
 * "claws back foundry share to 8%", "share of the global foundry market will recover to around 10
 * percent": a market share's level, whatever the verb.
 */
const MARKET_SHARE_TO =
  /\b(?:(?:foundry|market)\s+share|share\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:market|revenue|sales))\s+(?:\w+\s+){0,2}to\s*(?:about\s+|around\s+|nearly\s+)?$/i;

const MARKET_SHARE_BEFORE =
  /\b(?:(?:foundry|market)\s+share|share\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:foundry\s+)?(?:market|revenue|sales))\s+(?:(?!(?:and|stocks?|shares|lift(?:s|ed)?|send(?:s)?|sent|jump\w*|rall\w*|surg\w*|soar\w*|gain\w*|hopes?)\b)[\w-]+\s+){0,3}(?:about\s+|around\s+|nearly\s+)?$/i;

const OWN_REVENUE_AFTER =
  /^\s*of\s+(?:[A-Z][\w-]*['’]s|its|their|the\s+company['’]s)\s+(?:(?:annual|yearly|total)\s+)?(?:foundry\s+|chip\s+)?(?:revenue|sales|turnover)\b/;

/**
 * "占2024年营收7.6%", "相当于其2024年销售额的7.6%": a part of a year's own revenue or sales (the deal's size against it),
 * neither a share of a market nor what the order adds.
 */
const OWN_REVENUE_BEFORE_ZH =
  /(?:占|佔|相当于|相當於)(?:其|该公司|該公司|公司)?\s*(?:\d{4}年|去年|全年|年度)?(?:全年)?(?:营收|營收|销售额|銷售額|收入|营业收入|營業收入)的?\s*$/;

const MARKET_SHARE_AFTER =
  /^\s*(?:(?:global|world|worldwide)\s+)?(?:(?:foundry|market|chip)\s+)+share\b|^\s*(?:share\s+)?of\s+(?:the\s+)?(?:(?:global|world|worldwide)\s+)?(?:foundry|chip|contract[-\s]chipmaking)\s+(?:market|revenue|sales)|^\s*的?(?:全球)?(?:代工)?(?:市占|市场份额|市場份額|份额|份額)/i;

/** "slipped to 8.1%", 降至: a level reached, not a move by. */
const LEVEL_BEFORE = /(?:\bto|至|到)\s*(?:about\s+|around\s+|nearly\s+|约|約)?$/i;

/** Before a count, how many there are now: "count climbs to", "now spans", "stands at", "has grown to". */
const COUNT_NOW_BEFORE =
  /\b(?:site\s+count|count|tally)\b[^.;,，；。]{0,24}$|(?<!\b(?:will|would|shall|to|could|may)\s+)\bnow\s+(?:spans?|numbers?|stands\s+at|totals?)\s+(?:about\s+|some\s+|nearly\s+|around\s+)?$|\b(?:stands|stood)\s+at\s+(?:about\s+|some\s+|nearly\s+|around\s+)?$|\b(?:has|have)\s+(?:now\s+)?grown\s+to\s+(?:about\s+|some\s+|nearly\s+|around\s+)?$/i;

/** A company outside the rule's subject owning the amount by a possessive right before it: "Tesla's $16.5 billion". */
function ownedByAnotherCompany(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  const owner = reading.mentions.findLast(
    (named) => named.end <= mention.start && named.start >= mention.start - 40,
  );
  return (
    owner !== undefined &&
    owner.type === 'company' &&
    !rule.ownIds.has(owner.id) &&
    /^['’]s\s+(?:(?:about|around|roughly|nearly|some|estimated|reported)\s+)?(?:US)?$/i.test(
      reading.text.slice(owner.end, mention.start),
    )
  );
}

/** "brings the total to $400B", "so far", "增至": progress towards a plan, not the plan's total. */
function isProgress(text: string, mention: ValueMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 90), mention.start);
  const after = text.slice(mention.end, mention.end + 32);
  // "将增至25处", "plans to raise it to": a plan revised, not progress towards it (not "使該計畫已公布的站點增至七處",
  // what is announced so far).
  if (
    /(?:将|將|计划|計劃|計畫|规划|規劃|拟|擬)(?:(?!已(?:公布|宣布|确认|確認|选定|選定|确定|確定|建成|落地|启用|啟用))[^，。；,]){0,12}?(?:增至|增加至|扩大至|擴大至|扩至|擴至)\s*$/.test(
      before,
    ) ||
    // "我们现在规划的星际之门数据中心已达到25个": what is planned has grown, not what is built.
    /(?:计划|計劃|計畫|规划|規劃)中?的[^，。；,]{0,12}?(?:增至|增加至|达到|達到|已达|已達)\s*$/.test(
      before,
    ) ||
    // "Stargate's planned spend now tops $600bn", "expects total Stargate investment to exceed $600 billion": a plan's
    // total said to pass a mark is the plan's new bound, not progress towards it.
    (/\b(?:planned\s+(?:spend(?:ing)?|investment|outlay)|(?:investment|spending)\s+(?:target|plan|goal)|expects?\s+(?:(?:total|overall)\s+)?(?:[\w-]+\s+){0,2}(?:investment|spending)\s+to)\b[^.;,，；。]{0,50}\b(?:tops?|topped|exceed(?:s|ed)?|surpass(?:es|ed)?)\s+(?:the\s+)?$/i.test(
      before,
    ) &&
      !/\b(?:so\s+far|to\s+date|already|committed|spent)\b/i.test(before)) ||
    // "站点总数由最多20个增至30个": a total revised from its old figure, not progress towards it.
    /(?:总数|總數|总额|總額|总规模|總規模)由[^，。；,]{0,16}?(?:增至|增加至|扩大至|擴大至|上调至|上調至|提高至|下调至|下調至|减至|減至)\s*(?:约|約|近)?\s*$/.test(
      before,
    ) ||
    // "Stargate spending to reach $1 trillion", "total investment will reach $500 billion": a plan to come, not
    // progress so far. (…not "has risen to reach $400 billion so far", progress told with the same words.)
    (/\b(?:to|will|would|shall)\s+(?:eventually\s+|ultimately\s+)?reach\s+(?:about\s+|around\s+|nearly\s+|some\s+|as\s+many\s+as\s+|up\s+to\s+)?$/i.test(
      before,
    ) &&
      !/\b(?:risen|rose|grown|grew|climbed|increased|jumped|swelled)\s+to\s+reach\b/i.test(before) &&
      !/^[^.;。；]{0,30}\b(?:so\s+far|to\s+date|already)\b/i.test(after)) ||
    // "to reach their $500 billion, 10-gigawatt goal": the plan's own total, named as the goal.
    PLAN_AFTER.test(after) ||
    // "to bring all 20 planned Stargate campuses online": all that is planned, the total.
    (/\ball\s+(?:of\s+(?:the|its|their)\s+)?$/i.test(before) &&
      /\bplanned\b/i.test(text.slice(mention.start, mention.end))) ||
    // "使星际之门更接近5000亿美元投资目标", "5000亿美元、10吉瓦的承诺": the plan's own total, named as its goal.
    PLAN_AFTER_ZH.test(after) ||
    // "brings Stargate closer to its goal of 10 gigawatts and $500 billion in investment": the goal itself (or "on the
    // way to a planned total of 20").
    /\b(?:goal|target|ambition|pledge|planned\s+total)\s+of\s+(?:(?:about|around|roughly|some|up\s+to|at\s+least|\d[\d.,]*\s?(?:gigawatts?|GW|sites?|data\s+cent(?:er|re)s?|campuses))\s?(?:(?:,|and)\s?)?)*$/i.test(
      before,
    ) ||
    // "the first tranche of the plant's $4.75 billion CHIPS Act grant": the whole a part is of — also when the
    // amount names its award ("first tranche of $4.75 billion CHIPS Act award", not "of $1.5 billion in funds").
    // (its bound may stand between: "the first tranche of its up-to-$4.745 billion CHIPS Act award")
    /\b(?:tranche|part|portion|installment|instalment)\s+of\s+(?:(?:the|its|their|[\w-]+['’]s)\s+)+(?:up[-\s]to[-\s]|as\s+much\s+as\s+)?$/i.test(
      before,
    ) ||
    (/\b(?:tranche|part|portion|installment|instalment)\s+of\s+$/i.test(before) &&
      /^\s*(?:[A-Z][\w.-]*\s+){0,3}(?:award|grant)\b/.test(after)) ||
    // "拨付了47.5亿美元《芯片法案》补贴的首笔款项": the award whose first payment is made.
    /^\s*(?:《[^》]{1,12}》|(?:联邦|聯邦)?(?:芯片法案|晶片法案|芯片|晶片)?)?\s*(?:补贴|補貼|补助|補助|拨款|撥款|资助|資助)中?的(?:首笔|首筆|第一笔|第一筆|首期|首批|部分|一部分)/.test(
      after,
    ) ||
    // "使該廠總投資額增至約440億美元", "补助增至约五十五亿美元": the total or the award itself revised, not progress
    // towards it.
    /(?:总投资|總投資|总额|總額|补助|補助|补贴|補貼|资助|資助|提供的资金|提供的資金)[额額]?\s*(?:将|將|已)?(?:增至|增加至|扩大至|擴大至|提高至|提升至)\s*(?:约|約)?\s*$/.test(
      before,
    )
  )
    return false;
  return (
    // "the $100 billion first phase of a wider plan": a phase named after its amount.
    /^\s*(?:first|initial|opening|second|next)\s+(?:phase|tranche|stage)\b/i.test(after) ||
    // "nearly $400 billion of the $500 billion promised": a part of the total named after it.
    (mention.value.kind === 'money' &&
      /^\s*of\s+(?:the|its|their)\s+(?:(?:planned|promised|pledged|total|originally\s+announced|announced|up-to)\s+)?(?:up\s+to\s+)?(?:US)?\$/i.test(
        after,
      )) ||
    // "pledged $100 billion at the outset": the first tranche.
    /^\s*(?:at\s+the\s+outset|up\s*front|at\s+first|immediately|right\s+away|in\s+the\s+first\s+(?:phase|stage|tranche))\b/i.test(
      after,
    ) ||
    // "首期投入1000亿美元", "an initial $100 billion": the first tranche, not the total.
    // (…not when the whole is named after it: "首筆晶片補助 總額上限47.5億美元".)
    // (率先 and 第一阶段 only with their investing verb: "率先投資1000億美元", not "软银率先兑现…5000亿美元"; and not past
    // another amount or a word that goes on to one: "$100 billion immediately and up to $500 billion over four years",
    // "第1階段預期將斥資1000億美元,並在4年內投資達5000億美元".)
    (/(?:首期|首批|首笔|首筆|立即|(?:率先|第[一1][阶階]段|第[一1]期)[^，。；,]{0,6}?(?:投入|投资|投資|斥资|斥資|出资|出資|注资|注資|拨付|撥付)|\binitial(?:ly)?|\bimmediately|\bdisburs\w*|\bpa(?:id|ys|ying)\s+out|\btranche|\b(?:first|next|second|another)\s+(?:phase|tranche|stage|\$))(?:(?!总额|總額|总计|總計|上限|\btotal|\band\s+(?:up\s+to|as\s+much\s+as|then)\b|\bthen\b|[并並]在|[并並]于|[并並]於|之后|之後|\$\s?\d|\d[\d.,]*\s?(?:billion|bn|trillion|亿|億|兆))[^.;。；，]){0,24}$/i.test(
      before,
    ) &&
      // "disburse up to $4.75 billion CHIPS award": the whole award, named after its amount.
      !(
        /\bup\s+to\s*$/i.test(before) &&
        /\bdisburs\w*/i.test(before) &&
        /^\s*(?:[A-Z][\w.-]*\s+){0,3}(?:award|grant)\b/.test(after)
      )) ||
    // "Samsung gets next $1.5 billion of CHIPS grant", "another $1 billion": one more payment, not the total.
    /\b(?:next|another)\s+(?:US)?$/i.test(before) ||
    // 拨付 alone (not 首期拨付): a payment — unless 最高 or 最多 gives the whole ("確認撥付…最高47.5億美元晶片補助",
    // "向三星電子撥付最多47.5億美元補助").
    /(?:拨付|撥付)(?:(?!总额|總額|总计|總計|上限|最高|最多|至多)[^.;。；，]){0,24}$/.test(before) ||
    // "totals $400B", "bringing the total to": not "total investment of $500 billion", the plan's own total.
    // "bring Stargate to nearly 7 gigawatts … and more than $400bn" — not "bring its expertise to the
    // venture that would invest $500 billion".
    // (…but "bringing the planned total to 20" is the plan's)
    (/\bbring(?:s|ing)?\b[^.;,，；。]{0,80}?\bto(?:(?!\b(?:that|which|who|said|would|will|invest\w*)\b)[^.;,，；。]){0,70}$/i.test(
      before,
    ) &&
      !/\bplanned\s+total\s+to\s+(?:about\s+|around\s+|some\s+)?$/i.test(before)) ||
    /(?:\bnow\s+counts|\braising|\btotal(?:s|l?ing|l?ed)\b|\breach(?:es|ed|ing)?|增至|增加至|达到|達到|来到|來到|累计|累計|已达|已達|已在|已经|已經|已有|已宣布|已承诺|已承諾|已投入|已落实|已落實|落地)[^.;,，；。]{0,50}$/i.test(
      before,
    ) ||
    // "星际之门目前在美国共有7个站点处于建设或运营阶段": the sites under way now, not the plan's total.
    (/(?:目前|现有|現有|当前|當前)[^，。；,]{0,12}?(?:共有|有)\s*$/.test(before) &&
      /^[^，。；,]{0,8}?(?:处于|處於)?(?:建设|建設|在建|运营|運營|营运|營運|投运|投運)/.test(after)) ||
    // "使该项目规划容量接近7吉瓦、投资额超过4000亿美元": what the news brings it to, as "bring … to" above.
    /使(?!用)[^.;,，；。]{0,30}?(?:超过|超過|达到|達到|接近|逾)\s*(?:约|約)?$/.test(before) ||
    // "承诺投资突破4000亿美元", "commitments pass $400 billion": passing a mark on the way, not the plan's total.
    /(?<!将|將|可望|有望|预计|預計|预期|預期)突破\s*(?:约|約)?$/.test(before) ||
    // (…not a total to come: "Stargate spending to exceed $500 billion", "will exceed", as 将突破 above)
    /\b(?:pass(?:es|ed)?|surpass(?:es|ed)?|cross(?:es|ed)?|tops|topped|exceed(?:s|ed)|(?<!\b(?:to|will|would|could|may|might|should)\s)exceed|(?:commitments|pledges)\s+top)\s+(?:the\s+)?$/i.test(
      before,
    ) ||
    // "Total investment in the new sites will top $400 billion": the amount of some of the plan's parts.
    /\b(?:in|for|at|across)\s+(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:sites|campuses|locations|data\s+cent(?:er|re)s)\b[^.;。；]{0,30}$/i.test(
      before,
    ) ||
    // "已确定6个站点", "目前已有六处…", "目前共确认7处数据中心选址" (a count settled so far), not across a headline's space
    // to the plan's total, nor a plan told after the word ("已确认星际之门将建设最多20个", "至今規劃最多20座", "至今最大AI
    // 项目…拟建20个" — but a planned thing named, "已确认拟建的…站点达7个", is still counted so far).
    /(?:已确定|已確定|已选定|已選定|已选出|已選出|已确认|已確認|共确认|共確認|已公布|已宣布|新增|再添|增添|已投运|已投運|已投入运营|已投入營運|已建成|已竣工|已启用|已啟用|已有|已完成|迄今|至今)(?:(?!(?:将|將|计划|計劃|計畫|规划|規劃|拟|擬)(?![^的]{0,2}的)|最多|至多|目标|目標|预计|預計|最大|后|後|仍)[^.;,，；。\s]){0,12}$/.test(
      before,
    ) ||
    // "再增3處德州據點 總數達8處", "新增两个站点，总数达到7个": the total an addition brings it to, so far.
    // (not a total to come: "新增五个站点，未来三年站点总数达20个")
    /(?:新增|再增|增加|增添|再添|加入|宣布)(?:(?!未来|未來|将|將|预计|預計|计划|計劃|計畫|规划|規劃|目标|目標)[^。；;]){0,24}?(?:总数|總數|总计|總計|合计|合計)(?:已)?(?:达|達|达到|達到|增至|来到|來到|为|為)\s*(?:约|約)?$/.test(
      before,
    ) ||
    // "Stargate now has six US sites": what it has by now.
    (mention.value.kind === 'count' &&
      /(?<!\b(?:will|would|shall|to|could|may)\s+)\b(?:now|currently|already)\s+(?:has|have|counts?|spans?|includes?)\s+(?:about\s+|around\s+|some\s+)?$/i.test(
        before,
      ) &&
      // (not a plan's: "now has 20 planned sites")
      !/^\s*(?:planned|proposed|prospective|potential|targeted)\b/i.test(after)) ||
    // "has now selected eight U.S. data-centre locations": the count settled so far, as in English.
    /\b(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:selected|chosen|picked|identified|announced|confirmed|named|unveiled|opened|approved|secured)\s+(?:about\s+|around\s+|some\s+)?$/i.test(
      before,
    ) ||
    // "now has close to 7 gigawatts of planned capacity across six US sites": the sites it has now.
    // …not what it now plans to build ("now plans to invest $600 billion … across 25 data-centre campuses").
    (/\b(?:now|currently|already|so\s+far)\b[^.;,，；。]{0,60}\bacross\s*$/i.test(before) &&
      !/\bnow\s+(?:plans?|intends?)\s+to\s+(?:invest|build|spend|develop|construct)\b[^.;,，；。]{0,50}\bacross\s*$/i.test(
        before,
      )) ||
    // ("five new sites, $400 billion committed", "$100 billion deployed": an amount committed or spent, told on its own,
    // is what is so by now — not the whole committed after what is spent: "Stargate: $100 billion deployed, $500 billion
    // committed", "its full $500 billion committed")
    (/^\s*(?:committed|invested|spent|deployed|raised)(?=\s*(?:[,.;:]|$))/i.test(after) &&
      // (a whole spent or committed is not: "its full $500 billion committed", "$100 billion deployed, $500 billion
      // committed" — other guesses at the whole, after an amount spent or "on track with", read others' money as the
      // plan's: review 106)
      !/\b(?:full|entire|whole|total)\s*(?:US)?\$?\s*$|\d\s*(?:billion|bn|trillion|tn|[BT])\s+(?:deployed|spent|invested)\b/i.test(
        before,
      )) ||
    /^\s*(?:[\w-]+\s+){0,4}?(?:so far|to date|already|committed so far)|^\s*(?:[\w-]+\s+){0,1}?(?:under\s?way|under\s+construction|under\s+development|in\s+development|being\s+built|in\s+operation\s+or\s+(?:under\s+)?(?:development|construction))|^\s*previously\s+(?:announced|selected|named|unveiled)\b/i.test(
      after,
    ) ||
    // "six Stargate sites now live", "seven Stargate campuses are being built", "six sites with power on": those
    // built or running so far (a count's noun, or the plan's name and its noun, between).
    (mention.value.kind === 'count' &&
      mention.bound === undefined &&
      /^\s*(?:(?!(?:with|though|but|while|and|of|to)\b)[^\s.;:,\-–—]+\s+){0,5}?(?:(?:are|is|were|was)\s+)?(?:(?:now|already)\s+)?(?:live|running|operating|operational|online|in\s+operation|with\s+power\s+on|under\s?way|under\s+construction|being\s+built)\b/i.test(
        text.slice(mention.end, mention.end + 80),
      )) ||
    // "Stargate's count climbs to 10 sites", "now spans 14 sites", "a list that now stands at 12 Stargate sites": how
    // many there are now — not a plan's ("the planned total now stands at 25").
    (mention.value.kind === 'count' &&
      COUNT_NOW_BEFORE.test(before) &&
      !/\b(?:plan\w*|target\w*|goal|aim\w*|envisag\w*)\b[^.;,，；。]*$/i.test(before)) ||
    // "construction is under way at six Stargate campuses", "Bernstein counted six Stargate sites".
    (mention.value.kind === 'count' &&
      /\b(?:(?:under\s?way|under\s+construction|being\s+built)\s+(?:at|on|across)|count(?:s|ed|ing)?)\s+(?:about\s+|some\s+)?$/i.test(
        before,
      )) ||
    /^\s*(?:tranche|installment|instalment|payment)\b/i.test(after) ||
    /^[^，。；,.;]{0,8}?(?:动工|動工|上线|上線|开工|開工|投入使用)/.test(after) ||
    // "已有六处数据中心站点投入建设或运营": built or running now — not "将陆续投入建设", "拟以…投入建设", plans.
    (/^[^，。；,.;]{0,8}?(?:投入建设|投入建設|投入运营|投入營運|在建|建设中|建設中)/.test(after) &&
      !/(?:将|將|拟|擬|计划|計劃|計畫|陆续|陸續|预计|預計)/.test(
        text.slice(Math.max(0, mention.start - 12), mention.end + 12),
      )) ||
    // "投入约4000亿美元…是「星际之门」项目的一部分", "$400B as part of Stargate": a share of the plan —
    // unless the value is the plan's own total ("是总投资5000亿美元的星际之门计划的一部分", or the plan's modifier:
    // "该站点是…计划投资5000亿美元的星际之门项目的一部分").
    (/^[^.;。；]{0,60}?(?:的一部分|\bas part of\b|\bis part of\b)/i.test(
      text.slice(mention.end, mention.end + 64),
    ) &&
      !PLAN_TOTAL_BEFORE.test(before) &&
      !/^\s*的[^，,。；;是]{1,30}?的一部分/.test(text.slice(mention.end, mention.end + 64)))
  );
}

/**
 * "星际之门总投资将达到5000亿美元", 三星补贴总额预计将达到: a total still ahead, its noun right after the plan's own name
 * (or its 的, 项目, 计划; for a count, 数据中心/站点) — not a phase's, a year's, a partner's or a place's, which stand
 * between (星际之门第一期总投资, 软银对星际之门的投资总额, 星际之门德州数据中心总数), nor one in doubt (难以达到) or
 * superseded (原预计).
 */
function namedTotalAhead(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  const before = reading.text.slice(Math.max(0, mention.start - 48), mention.start);
  const total = FUTURE_TOTAL_BEFORE_ZH.exec(before);
  if (!total || PART_OR_PROGRESS_ZH.test(before.slice(total.index))) return false;
  const nounAt = mention.start - before.length + total.index;
  // "德州政府给予三星泰勒厂的补贴总额": another body's money given to the plan's owner.
  if (GIVEN_BY_ANOTHER.test(before.slice(0, total.index).replace(/^.*[，,；;。]/, ''))) return false;
  return reading.mentions.some(
    (named) =>
      rule.ownIds.has(named.id) &&
      // A law or a region is no owner of a total ("三星第二批芯片法案补贴总额" is a batch's).
      named.type !== 'law' &&
      named.type !== 'place' &&
      named.end <= nounAt &&
      (OWN_TOTAL_GAP.test(reading.text.slice(named.end, nounAt)) ||
        opensLaterClause(reading, named, nounAt)) &&
      !OBJECT_OF_BEFORE.test(reading.text.slice(Math.max(0, named.start - 1), named.start)),
  );
}

/**
 * "星门计划首期投资1000亿美元，而其承诺总额预计将在4年内达到5000亿美元": the total noun opens a later clause of a
 * sentence the plan's name opens, with no other name between — the sentence's subject's total.
 */
function opensLaterClause(
  reading: SentenceReading,
  named: { start: number; end: number },
  nounAt: number,
): boolean {
  return (
    named.start <= 2 &&
    /[，,]\s*(?:而|且|并|並)?\s*(?:其)?\s*$/.test(reading.text.slice(named.end, nounAt)) &&
    !reading.mentions.some((other) => other.start >= named.end && other.start < nounAt)
  );
}

const FUTURE_TOTAL_BEFORE_ZH =
  /(?:总投资|總投資|投资总额|投資總額|投资规模|投資規模|总规模|總規模|承诺总额|承諾總額|补贴总额|補貼總額|总额|總額|总数|總數)(?:最终|最終)?(?:将|將|可望|有望|预计|預計|预期|預期)(?:(?!难|難|无法|無法|不|未必)[^.;,，；。]){0,12}?(?:达到|達到|增至|增加至)\s*(?:约|約|近)?\s*$/;

/** Between the plan's name and its total noun: nothing, or its 的, 项目, 计划, and a count's thing. */
const OWN_TOTAL_GAP =
  /^\s*(?:的|之)?\s*(?:项目|項目|计划|計劃|計畫)?\s*(?:的)?\s*(?:数据中心|數據中心|資料中心|站点|站點)?\s*$/;

/** In the clause before a total: money another body gives (a government's, "给予…", "提供给…"). */
const GIVEN_BY_ANOTHER = /给予|給予|提供给|提供給|政府/;

/** A name that is the object of another's money: 软银对星际之门的…, 向三星…. */
const OBJECT_OF_BEFORE = /[对對向为為在给給]$/;

/**
 * Words after the total noun that make the amount progress or a part: so far, by year-end, this year's — not a
 * plan's span ("其承诺总额预计将在4年内达到5000亿美元": within four years).
 */
const PART_OR_PROGRESS_ZH =
  /累计|累計|已|今年|本年|年底|年中|年末|(?<![\d一二两兩三四五六七八九十几幾多]\s?)年[内內]|明年|阶段|階段|部分/;

/** After an amount, the goal it is (with the goal's other figure between): 投资目标, "、10吉瓦的承诺". */
const PLAN_AFTER_ZH =
  /^\s*(?:[、,，]\s*\d+(?:\.\d+)?\s*(?:吉瓦|GW|千兆瓦))?\s*(?:的)?\s*(?:投资|投資|总|總)?(?:目标|目標|承诺|承諾)/;
const PLAN_AFTER = /^(?![\s,]*of\b)[\s,]*(?:[\w-]+[\s,]+){0,2}?(?:goal|target|commitment|pledge)\b/i;

const PLAN_TOTAL_BEFORE = /(?:总投资|總投資|总额|總額|总规模|總規模)\s*(?:最多|最高|约|約|达|達|为|為)?\s*$/;

/** Before a year, "not … until" without a word of a term's end between: a start ("not … enough capacity until"). */
const NOT_UNTIL_BEFORE =
  /(?:\bnot\b|n['’]t\b|\bnever\b)(?:(?!\b(?:expire|expires|end|ends|run|runs|last|lasts|terminate|terminates|lapse|lapses|stop|stops|cease|ceases)\b|\b(?:finish|finishes|conclude|concludes|wrap|wraps|complete|completes)(?:\s+up)?\s+(?:(?:its|the|their)\s+(?:[\w'’-]+\s+){0,2}?(?:contract|deal|agreement)\s+)?until\b)[^.;]){0,64}\buntil\s+(?:(?:the\s+)?(?:end|middle|start)\s+of\s+|late\s+|early\s+|mid-?)?$/i;

/** Before a year, a state that lasts until it: "under construction until late", "on hold until". */
const WORKS_GO_ON_BEFORE_ZH =
  /(?:工程|扩建|擴建|建设|建設|施工|装机|裝機)[^，。；,;]{0,8}(?:延续|延續|持续|持續|进行|進行)(?:到|至)\s*$/;

// (an aside may stand between: "construction at the Taylor fab, which will make chips under its Tesla contract, will …")
const WORKS_GO_ON_BEFORE =
  /\b(?:construction|build-?out|works?|expansion)\b(?:\s+(?:at|of|on)\s+[^,.;]{0,40})?(?:,[^,.;]{0,90},)?\s+(?:will\s+|to\s+|would\s+)?(?:continue|run|last|go\s+on)s?\s+(?:through|until|till|to|into)\s+(?:the\s+end\s+of\s+|end-)?$/i;

// ("will take until 2027 to move the needle", "has until 2028 to", "must wait until": a time something needs, no term)
const STATE_UNTIL_BEFORE =
  /\b(?:take|takes|took|taken|taking|wait|waits|waited|waiting|has|have|had|need|needs|needed)\s+(?:until|till)\s+(?:(?:the\s+)?(?:end|middle|start)\s+of\s+|late\s+|early\s+|mid-?)?$|\b(?:under\s+construction|being\s+built|on\s+hold|idle|idled|stalled|shelved|mothballed|paused|closed|not\s+(?:be\s+)?(?:ready|operational|open|running))\s+(?:until|till)\s+(?:(?:the\s+)?(?:end|middle|start)\s+of\s+|late\s+|early\s+|mid-?)?$/i;

/** Before a year, a deal's term moved to it: 合约延至, "the contract was extended through". */
const DEAL_TERM_MOVED_BEFORE =
  /(?:合约|合約|合同|协议|協議)[^，。；,;]{0,6}?(?:延至|延长至|延長至|延到|延长到|延長到|展期至)\s*$|\b(?:contract|agreement|deal|term)\s+(?:(?:was|is|has\s+been|will\s+be)\s+)?(?:extended|delayed|pushed\s+back|lengthened|prolonged)\s+(?:to|through|until|till)\s+$/i;

/** From a value in an aside to a destination: "…, has since grown to about". */
const ASIDE_THEN_MOVED =
  /^[^,;.。；，]{0,48}[,，]\s*(?:(?:has|have|had|was|were|is|are)\s+)?(?:(?:since|now|later|subsequently|then|already)\s+)?(?:been\s+)?(?:(?:extended|lengthened|renewed)\s+(?:[\w-]+\s+){0,4}?and\s+)?(?:grown|grew|risen|rose|increased|expanded|raised|lifted|cut|trimmed|reduced|lowered|swelled|climbed|jumped|fallen|fell|dropped|shrunk|shrank|revised|bumped|totals|totaled|totalled|stands\s+at|stood\s+at|amounts\s+to|reached)\s+(?:up\s+|down\s+)?(?:to\s+)?(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+|more\s+than\s+)?$/i;

/** Values stated as a destination ("rose to 70.2%") come before others at the same distance. */
function rank(entry: { distance: number; mention: ValueMention }): number {
  return entry.distance - (entry.mention.role === 'to' ? 30 : 0);
}

/**
 * "TSMC's share rose to 71%, while Samsung slipped to 6.8%", "台积电市占率升至71%，三星则降至6.8%":
 * in a list of rivals, a value stated for its own company ("to 6.8%", "Samsung 7.3%") may take
 * its relation word from the clause before.
 */
function parallelValue(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  if (!rule.rule.rivals?.length) return false;
  // (not an amount in a clause a word of another subject silences: "scales back its total U.S. investment … to
  // $37 billion" — shares keep theirs: a list's segment words stand anywhere in it)
  if (rule.fact.kind === 'money' && rule.not && silencedByNot(rule, reading, mention.start)) return false;
  if (mention.role === 'to') return true;
  return reading.mentions.some((entry) => {
    const gap = reading.text.slice(entry.end, mention.start);
    return (
      OWNER_TYPES.has(entry.type) &&
      entry.end <= mention.start &&
      PARALLEL_GAP.test(gap) &&
      // ("台积电则达到70%的产能利用率": 达 reaches a level of something else, named after 的)
      (!/[达達]/.test(gap) || !/^\s*[的之]/.test(reading.text.slice(mention.end, mention.end + 2)))
    );
  });
}

/**
 * Between a rival named in a list and its value: "Samsung: 7%", 三星则以7%, 三星則持平於7.7%, 台積電則達70.7%,
 * 台積電則維持約七成 (an approximation before it); "Samsung second at roughly 8%", "Samsung steady at 8%".
 */
const PARALLEL_GAP =
  /^\s*(?:则|則|也|仍)?\s*(?:以|为|為|达到?|達到?|持平(?:于|於|在)|维持在?|維持在?|[:：(（])?\s*(?:约|約|近)?\s*$|^\s+(?:(?:a\s+)?(?:distant\s+)?(?:second|third|fourth|fifth)|steady|flat|unchanged|stable)\s+(?:at|on)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$/i;

/** A relation word in another clause group counts as at least this far (and at most twice it). */
const OTHER_FRAME = 60;

function nearestAnchor(
  reading: SentenceReading,
  anchors: Array<{ at: number; end: number; adjacent?: boolean }>,
  mention: ValueMention,
  adjacentChars = 0,
  parallel = false,
): { distance: number; anchor?: { start: number; end: number } } {
  let best = { distance: Number.POSITIVE_INFINITY } as {
    distance: number;
    anchor?: { start: number; end: number };
  };
  const frame = frameOf(reading, mention.start);
  const sameFrame = anchors.some((anchor) => frameOf(reading, anchor.at) === frame);
  for (const anchor of anchors) {
    // A comma or dash between them ("samples in 2026, volume production in 2027") separates a value from its
    // word — not an apposition right after the subject ("Stargate, OpenAI's $500B plan", "Stargate — the $500bn push").
    // …nor an amount set off right after its relation word ("Tesla–Samsung chip contract — $16.5 billion").
    const apposition =
      mention.start >= anchor.end &&
      (anchor.adjacent === true
        ? appositionOf(reading, anchor.at, mention)
        : RELATION_APPOSITION_GAP.test(reading.text.slice(anchor.end, mention.start)) &&
          // (the amount alone, not one of a thing named after it: "Tesla deal — $7 billion Samsung HBM order")
          APPOSED_AMOUNT_END.test(reading.text.slice(mention.end, mention.end + 16)));
    const otherFrame = !apposition && frameOf(reading, anchor.at) !== frame;
    if (otherFrame && (sameFrame || !parallel || anchor.at > mention.start)) continue;
    const [from, to] = mention.start >= anchor.end ? [anchor.end, mention.start] : [mention.end, anchor.at];
    const between = reading.text.slice(from, to);
    // (with the characters on either side, for a Chinese headline's space)
    const gap = reading.text.slice(Math.max(0, from - 1), to + 1);
    // (a value its own owner heads in a list reaches back to the list's word as from another clause group, however
    // long the asides between: "…67% of the global foundry market in the April-June quarter, market tracker TrendForce
    // said, with Samsung Electronics second at roughly 8%")
    const distance = otherFrame
      ? Math.min(between.length, OTHER_FRAME) + OTHER_FRAME
      : Math.min(
          between.length + ((/[,，;；]/.test(between) || CJK_SPACE.test(gap)) && !apposition ? 40 : 0),
          parallel && mention.start >= anchor.end ? 2 * OTHER_FRAME : Number.POSITIVE_INFINITY,
        );
    if (anchor.adjacent && distance > adjacentChars) continue;
    if (distance < best.distance) best = { distance, anchor: { start: anchor.at, end: anchor.end } };
  }
  return best;
}

/** A Chinese headline's space, between clauses ("AI6算力将是AI5的两倍 能效为上一代3倍"). */
const CJK_SPACE = /[\u3400-\u9fff]\s+[\u3400-\u9fff]/;

/** Between a relation word and a value that a dash sets off after it: "contract — $16.5 billion", "deal - about $17bn". */
const RELATION_APPOSITION_GAP =
  /^\s*[—–-]\s*(?:(?:about|around|roughly|nearly|almost|some|worth|valued\s+at)\s+)?$/i;

/** Right before a plan's full date, its start: "will begin production on", "production starts from", "to open on". */
const START_ON_DAY_BEFORE =
  /\b(?:production|operations?|output|manufacturing|operating|producing|opens?|opening|online|start(?:s|ing)?|begins?|beginning|commences?)\b(?![^;]*\b(?:forum|meeting|ceremony|event|conference|summit|call|expo|show|launch|hearing|vote)\b)[^;]{0,40}?\s(?:on|from|by|to|for|starting|beginning)\s+$/i;

/** Right after a plan's full date, its start: "targets Feb. 1, 2027, start for Taylor production". */
const START_AFTER_DAY =
  /^,?\s+(?:start|launch|opening)\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,3}?(?:production|operations?|output)\b/i;

/** After an amount set off by a dash: its end, a clause mark, another dash, or its term ("over eight years"). */
const APPOSED_AMOUNT_END =
  /^\s*(?:$|[,;:.)!?+]|-\s|(?:over|through|until|to|in|for|a|per|running|runs|and|or|from|across|spanning|lasting|between|deal|contract|agreement|pact|minimum|at\s+minimum|at\s+least|or\s+more|plus)\b)/i;

const APPOSITION_GAP = /^\s*[,，—–-]\s*(?:(?:the|a|an|its|[\w-]+['’]s)\s+)?$/i;

/** Whether a value opens an apposition to the name standing at `at`: "Stargate, OpenAI's $500B plan". */
function appositionOf(reading: SentenceReading, at: number, mention: ValueMention): boolean {
  const named = reading.mentions.find((entry) => entry.start === at);
  return (
    named !== undefined &&
    APPOSITION_GAP.test(reading.text.slice(named.end, mention.start)) &&
    // Closed again ("Stargate, OpenAI's $500B plan with SoftBank, picks Michigan"), and not a part of
    // the plan ("Stargate — the $100 billion first phase of a wider plan —").
    /[,，—–]|\s-\s/.test(reading.text.slice(mention.end, mention.end + 90)) &&
    !PART_AFTER.test(reading.text.slice(mention.end, mention.end + 32))
  );
}

const PART_AFTER =
  /^\s*(?:(?:first|initial|opening)\s+(?:phase|tranche|stage)|tranche|installment|instalment)\b/i;

/** An amount set before the subject's name and a deal word: "$455 Billion AI Stargate Deals". */
function amountOfADealWith(rule: CompiledRule, reading: SentenceReading, mention: ValueMention): boolean {
  const name = reading.mentions.find(
    (entry) =>
      rule.ownIds.has(entry.id) &&
      entry.start >= mention.end &&
      /^[\sA-Za-z"'“”-]{0,16}$/.test(reading.text.slice(mention.end, entry.start)),
  );
  // "甲骨文與OpenAI簽3,000億美元算力合約 星際之門概念股走強": an amount a contract word follows is that contract's —
  // unless the subject itself is named before it in its clause (星际之门5000亿美元协议, 星際之門簽下5000億美元合約).
  // (…and in English, an amount of compute: "OpenAI's $1.4 Trillion Compute Pledge Puts Stargate Partners Under Pressure")
  if (
    (/^\s*的?(?:算力|云计算|雲端|云|雲)?(?:合约|合約|合同|协议|協議|订单|訂單)/.test(
      reading.text.slice(mention.end, mention.end + 10),
    ) ||
      // "Oracle's $300 Billion OpenAI Deal Puts Stargate Back In Focus": a headline's amount of a named deal.
      /^\s+(?:[A-Z][\w.-]*\s+){1,2}(?:Deals?|Contracts?|Agreements?)\b/.test(
        reading.text.slice(mention.end, mention.end + 40),
      ) ||
      /^\s+(?:in\s+)?(?:(?:AI|long-term|[\w-]+-year)\s+)?(?:compute|computing|cloud)(?:\s+capacity)?\s+(?:deals?|contracts?|agreements?|orders?|pledges?|commitments?|spending|purchases?)\b/i.test(
        reading.text.slice(mention.end, mention.end + 48),
      )) &&
    !reading.mentions.some(
      (other) =>
        rule.ownIds.has(other.id) &&
        other.end <= mention.start &&
        !/[，,。；;：:]|[\u3400-\u9fff]\s+[\u3400-\u9fff]/.test(reading.text.slice(other.end, mention.start)),
    )
  )
    return true;
  return (
    name !== undefined &&
    /^\s*(?:deals?|contracts?|agreements?|orders?)\b/i.test(reading.text.slice(name.end))
  );
}
