import type { Value } from '../../model/values.ts';
import { CHINESE_DIGIT_YEAR } from './numbers.ts';

export type Bound = 'atLeast' | 'atMost';

/**
 * A value read from a sentence, with where it stands and how it is qualified:
 * a bound ("at least", "up to", 以上), approximation ("about", 约) and its role
 * in a change ("from 67.6% to 70.2%": the first is `from`, the second `to`;
 * "up 2.6 percentage points" is a `delta`, never a level).
 */
export interface ValueMention {
  value: Value;
  start: number;
  end: number;
  bound?: Bound;
  approximate?: boolean;
  /**
   * `by`: the size of a change ("rose by 3%"); `delta`: a change in points, never a level; `signed`: the date a deal
   * was signed ("signed a $16.5 billion deal in July 2025"), no date of what the deal is for.
   */
  role?: 'from' | 'to' | 'by' | 'delta' | 'signed';
  /** Money written without a currency (`16.5B`): the fact's currency is assumed. */
  currencyAssumed?: boolean;
  /**
   * A date the text gives as a length from another ("delayed a year from 2026"): the
   * history cue that names the date it counts from ("originally", 原定) does not reach it.
   */
  shifted?: boolean;
  /**
   * A year that opens or closes a period ("from 2026 through 2033", 生产至2033年), not a change;
   * `term`: the start of a contract's term ("runs from 2025 to 2033", 期限：2025年7月至…).
   */
  period?: 'start' | 'end' | 'term';
  /** A count whose noun the sentence named before it ("six sites so far, against a planned total of 20"). */
  elided?: boolean;
}

// ("market to top $400 billion in 2028", "will surpass": a forecast's floor)
const AT_LEAST_BEFORE =
  /(?:\b(?:to|will|would|could|may|might|should)\s+(?:top|surpass|pass|eclipse)|\b(?:tops|topped|surpasses|surpassed|eclipses|eclipsed)|\bat\s+least|\bmore\s+than|\bover|\babove|\bupwards\s+of|\bin\s+excess\s+of|\bexceed(?:s|ed|ing)?|\bnorth\s+of|\bminimum\s+of|\bat\s+minimum|\bno\s+less\s+than|\bbeyond|至少|超过|超過|[涨漲升增]超|(?:金额|金額|投资额|投資額|规模|規模|总额|總額|支出|投入)超|逾|多于|多於|高于|高於|不少于|不少於|最少|突破|(?<!跌)破|(?<![衝冲])上)\s*$/i;
/** After a value, that it was the value when the deal was made: "when it was signed", "when it was first announced". */
const SIGNED_THEN_AFTER =
  /^\s*when\s+(?:it|they|the\s+(?:deal|contract|agreement|pact|order|award))\s+(?:was|were)\s+(?:first\s+)?(?:signed|announced|unveiled|struck|inked|agreed|awarded)\b/i;

/** Whether the text names another amount of money than the one at [start, end). */
function otherAmountIn(text: string, start: number, end: number): boolean {
  return [...text.matchAll(AMOUNT)].some(
    (match) => match.index + match[0].length <= start || match.index >= end,
  );
}

const AMOUNT = /[$€£₩]\s?\d|\d(?:[\d.,]*)\s*(?:billion|bn|trillion|tn|[BT]\b|亿|億|兆)/gi;

/** Before a mark a value passes: 跌破, 突破, "falls below", "tops". */
const PASSED_MARK_BEFORE =
  /(?:跌破|突破|跌穿|升破|\b(?:f[ae]ll|falls|falling|dropp?(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|sank|sinks?|rose|rises?|climb(?:ed|s)?)\s+(?:below|under|above|past)|\b(?:tops?|topped|crosse[sd]|cross|breaks?|broke))\s*$/i;

/** "up to $4.75 billion" — not "topped up to $23B", "ramped up to", "edged up to 71.2%": a change's destination. */
const AT_MOST_BEFORE =
  /(?:(?<!\b(?:top(?:s|ped|ping)?|ramp(?:s|ed|ing)?|scal(?:e|es|ed|ing)|stepp?(?:s|ed|ing)?|ratchet(?:s|ed|ing)?|sized?|edg(?:e|es|ed|ing)|creep(?:s|ing)?|crept|inch(?:es|ed|ing)?|tick(?:s|ed|ing)?|nudg(?:e|es|ed|ing)|notch(?:es|ed|ing)?|mov(?:e|es|ed|ing))\s+)\bup\s+to|\bup-to-|\bat\s+most|\bno\s+more\s+than|\bless\s+than|\bunder|\bbelow|\bmaximum\s+of|\bat\s+maximum|最多|至多|不超过|不超過|最高可达|最高可達|最高|跌破|低于|低於|不到|不足|未满|未滿|少于|少於)\s*$/i;
/** "Samsung To Make AI6 Under $16.5 Billion Deal": under an agreement the amount names, no bound on it. */
const UNDER_AN_AGREEMENT =
  /\bunder\s+[^\s]+(?:\s+(?:billion|million|trillion|bn|tn|mn))?\s+(?:(?!(?:over|of|for|in|during|across|from|the|its|their|an?|to|by)\b)[\w-]+\s+){0,2}(?:deal|contract|agreement|pact|accord|partnership)s?\b/i;
const APPROXIMATE_BEFORE =
  /(?:\babout|\baround|\broughly|\bnearly|\balmost|\bapproximately|\bsome|\bclose\s+to|\bestimated|\bcirca|\b~|约|約|大约|大約|近|将近|將近|接近|逾)\s*$/i;
/** Chinese puts a verb between the bound and its number: 至少建设10个, 最多可达二十个, 最高达5000亿. */
const AT_LEAST_VERB_BEFORE = /(?:至少|最少|不少于|不少於)[\u4e00-\u9fff]{1,3}$/;
const AT_MOST_VERB_BEFORE = /(?:最多|至多|最高|不超过|不超過)[\u4e00-\u9fff]{1,3}$/;
// ("a $37 billion-plus investment")
const AT_LEAST_AFTER = /^\s*(?:or\s+more|\+|[-‐‑]?\s*plus\b|以上|之上|多)/i;
const AT_MOST_AFTER = /^\s*(?:or\s+(?:less|fewer)|以下|以内|以內)/i;

/**
 * "cut the planned total for the venture from the $500 billion": a bare "from" after a change verb, with
 * no other verb between ("expanded to five sites funded from its $500 billion commitment" is not).
 */
const CHANGED_FROM_BEFORE =
  /\b(?:delay(?:ed|s|ing)?|postpon(?:e|ed|es|ing)|cut|cuts|cutting|lower(?:ed|s|ing)?|reduc(?:e|ed|es|ing)|trim|trimm?(?:ed|s|ing)|rais(?:e|ed|es|ing)|scal(?:e|ed|es|ing)\s+(?:back|down)|par(?:e|ed|es|ing)|revis(?:e|ed|es|ing)|shrank|shrunk|expand(?:ed|s|ing)?|enlarg(?:e|ed|es|ing))\b(?:(?!\b\w+ed\s+from\b)[^.;,]){0,50}\bfrom\s+(?:the\s+|its\s+|an?\s+)?(?:(?:about|around|roughly|nearly|approximately|some|initial|original|earlier|previous)\s+)*$/i;
/**
 * "up from 67.6%", "down from the up to $500 billion pledged", "once due in 2024", "back a year from 2026",
 * "…, double the $500 billion pledged at its launch" (a multiple set after the new value), 原定: an earlier value. A bare "from" only when a "to" follows.
 */
const FROM_BEFORE = new RegExp(
  String.raw`(?:\bup\s+from|\bdown\s+from|\b(?:above|below)\s+(?=(?:the|its|his|her|their)\s)|,\s*(?:(?:about|roughly|nearly|almost|more\s+than)\s+)?(?:double|triple|quadruple|twice|thrice|half|(?:two|three|four|\d+(?:\.\d+)?)\s+times)\s+(?=(?:the|its)\s)|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|(?<!\b(?:more|less|fewer|no)\s+|\b(?:no|not)\s+(?:later|earlier|sooner)\s+)\bthan|\bprevious(?:ly)?|\boriginally|\bonce\s+(?:due|slated|planned|expected)(?:\s+(?:in|for))?|\bback\s+(?:by\s+)?(?:(?:a|an|one|two|three|four|six|nine|\d+)\s+(?:years?|quarters?|months?)\s+)?from|\bprior\s+(?:estimate|forecast)\s+of|从|從|由|较|較|(?:较|較)(?:上季|上月|去年|前年|同期|年初|此前|先前|原先|原本|原定|初步|[\u3400-\u9fff]{0,4}(?:季|年|月|协议|協議|承诺|承諾|计划|計劃|計畫))[\u3400-\u9fff]{0,4}?的|原值|原價|原价|原本|原定|原先|原|此前|先前|(?:从|從|由)\s*(?:最初|原先|原本|原来|原來)?(?:(?:(?:19|20)\d{2}|${CHINESE_DIGIT_YEAR})\s*年)?的?)\s*(?:(?:the|an?|its)\s+)?(?:(?:initial|preliminary|earlier|original|previous|planned)\s+)?(?:(?:about|around|roughly|nearly|almost|approximately|some|an\s+estimated)\s+|约|約|近)?(?:up\s+to\s+|as\s+much\s+as\s+)?$`,
  'i',
);
/**
 * After a compared value, the other company it is for: "Samsung's share fell to 6.8%, compared with 70.2% for TSMC" —
 * that company's figure now, not an earlier one (not "compared with 7.3% for Samsung a year earlier").
 */
const ANOTHERS_FIGURE_AFTER =
  /^\s*(?:(?:market\s+)?share\s+)?for\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}\s*(?:[,;.)]|$|\s+(?:and|while|whereas)\b)/;
const ONCE_BEFORE =
  /\bonce\s+(?:(?:set|put|pegged|valued|priced|planned|pledged|expected|estimated|announced)\s+at\s+)?(?:(?:about|around|roughly|nearly|up\s+to)\s+)?$/i;
/** After a value, that it is the earlier one: "the $6.4 billion preliminary award". */
const EARLIER_AFTER =
  /^\s*(?:(?:preliminary|initial|earlier|original|previous|prior)\b|的?(?:初期|初步|最初|原始|原先)(?:承诺|承諾|规划|規劃|计划|計劃|計畫|投资|投資|协议|協議|金额|金額))/i;
const LATER_CHANGED_AFTER =
  /^(?:(?![$€₩£¥]|\d[\d.,]*\s*(?:billion|bn|trillion|million|%|percent))[^;.]){0,60}?,\s*(?:later|since|then|subsequently)\s+(?:rais|lift|increas|boost|expand|cut|reduc|trim|lower|scal)\w*\b[^;.]{0,40}?\bto\b/i;
/** A change's destination: "rose to", "pushed to", 升至, 延至. */
const TO_BEFORE =
  /(?:\b(?:rose|rise[sn]?|rising|climb(?:ed|s)?|grew|grow(?:s|n)?|increas(?:ed|es)|jump(?:ed|s)?|fell|fall(?:s|en)?|dropp?(?:ed|s)?|declin(?:ed|es)|slipp?(?:ed|s)|push(?:ed|es)?(?:\s+\w+){0,3}\s+back|push(?:ed|es)?|delay(?:ed|s)?|postpon(?:ed|es)|mov(?:ed|es)|shift(?:ed|s)?|extend(?:ed|s)?|expand(?:ed|s)?|enlarg(?:ed|es)|rais(?:ed|es)|cut|trimm(?:ed)|trims|slash(?:ed|es)|reduc(?:ed|es)|lower(?:ed|s)?|revis(?:ed|es)(?:\s+\w+)?|reach(?:ed|es|ing)?|hit(?:ting)?|now)\s+(?:to\s+)?(?:about\s+|around\s+|nearly\s+)?|\b(?:recover(?:ed|s)?|rebound(?:ed|s)?|improv(?:ed|es)|(?:edg|inch|tick)(?:ed|es|s)\s+(?:up|down)|shr[au]nk|shrinks|narrow(?:ed|s)|widen(?:ed|s))\s+to\s+(?:about\s+|around\s+|nearly\s+)?|\bnow\s+(?:[a-z]+\s+){1,4}(?:about\s+|around\s+|nearly\s+)?|升至|增至|增加至|提高至|提升至|降至|下滑至|跌至|延至|延后至|延後至|推迟至|推遲至|调整至|調整至|下调至|下調至|上调至|上調至|缩减至|縮減至|削减至|削減至|减少至|減少至|减至|減至|推至|要等到|等到|衝上|冲上|缩减为|縮減為|减为|減為)\s*$/i;
/** 从2028年起, 从明年开始: a time something starts from, not an earlier value. */
const STARTS_AFTER =
  /^\s*年?(?:[上下]半年|底|初|中|第?[一二三四1-4]季度?)?\s*(?:起|开始|開始)(?![^，。；]{0,3}?(?:推迟|推遲|延后|延後|延期|顺延|順延|提前))/;

/**
 * "will add about $10 billion to the roughly $40 billion": the amount right after "add" and before "to the …" is an
 * increment (ADDED_BEFORE, ADDED_TO_AFTER), the one after "add … to the" the total it is added to (ADDED_TO_BEFORE).
 */
const ADDED_BEFORE =
  /\badd(?:s|ed|ing)?\s+(?:another\s+|a\s+further\s+|an?\s+(?:extra|additional)\s+|about\s+|roughly\s+|some\s+|around\s+|nearly\s+)?$/i;
const ADDED_TO_AFTER = /^\s*(?:more\s+)?(?:[A-Za-z-]+\s+){0,3}?(?:to|onto)\s+(?:the|its|their|an?)\b/i;
/** "Samsung-Tesla contract: $5bn added", "$5bn more added": an amount told as added. */
const ADDED_AFTER = /^\s*(?:more\s+)?(?:(?:is|was|were|been|being)\s+)?added\b/i;
const ADDED_TO_BEFORE =
  /\badd(?:s|ed|ing)?\s+[^,;.]{1,40}?\s+(?:to|onto)\s+(?:the|its|their|an?)\s+(?:(?:about|roughly|around|nearly|existing|original|initial)\s+)*$/i;

/**
 * A plain "to"/至 is a destination only after a "from", a change in points or a change by an amount ("from 2026 to
 * 2027", "up 2.6 points to", "by $1 billion to").
 */
const PLAIN_TO_BEFORE =
  /(?:(?:\bfrom\b|从|從|由)[^,，;；]{1,40}?|points?\s+|\bby\s+(?:about\s+|some\s+)?[$€£¥₩]?\s?[\d.,]+\s*(?:billion|bn|million|trillion|tn|[BMT]|%|percent|sites?|data\s+cent(?:er|re)s?)?\s+)(?:\bto|至|到)\s*$/i;

/** After a percent, a change in profit: "a 40% rise in third-quarter net profit", "a 12% drop in operating income". */
const PROFIT_CHANGE_AFTER =
  /^\s*(?:year-on-year\s+|annual\s+|quarterly\s+)?(?:rise|increase|jump|gain|growth|surge|climb|drop|decline|fall|slump|plunge)\s+in\s+(?:its\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:net\s+|operating\s+)?(?:profits?|earnings|income)\b/i;

/**
 * The qualifiers of a value at [start, end) in `text`: bound, approximation and
 * its role in a change (`from`, `to`). Percent readers add `delta` themselves.
 *
 * @example
 * qualify('worth at least $16.5 billion', 15, 28); // { bound: 'atLeast' }
 */
export function qualify(
  text: string,
  start: number,
  end: number,
): Pick<ValueMention, 'bound' | 'approximate' | 'role'> {
  const before = text.slice(Math.max(0, start - 28), start);
  const after = text.slice(end, end + 20);
  const bound =
    AT_LEAST_BEFORE.test(before) || AT_LEAST_VERB_BEFORE.test(before) || AT_LEAST_AFTER.test(after)
      ? 'atLeast'
      : (AT_MOST_BEFORE.test(before) && !UNDER_AN_AGREEMENT.test(before + text.slice(start, end) + after)) ||
          AT_MOST_VERB_BEFORE.test(before) ||
          AT_MOST_AFTER.test(after)
        ? 'atMost'
        : undefined;
  const wide = text.slice(Math.max(0, start - 60), start);
  // "will add about $10 billion to the roughly $40 billion", "added $5bn of orders to the $16.5bn contract": an
  // amount's increment and the total it is added to, neither the new total (a share added, "add 10% to its
  // foundry revenue", is the uplift itself).
  const amount = !/%|％|percent|成|tenth/i.test(text.slice(start, end));
  if (amount && ((ADDED_BEFORE.test(before) && ADDED_TO_AFTER.test(after)) || ADDED_AFTER.test(after)))
    return { ...(bound ? { bound } : {}), role: 'delta' };
  // "reported a 40% rise in third-quarter net profit": a profit's change, no level of anything.
  if (!amount && PROFIT_CHANGE_AFTER.test(text.slice(end, end + 60)))
    return { ...(bound ? { bound } : {}), role: 'by' };
  const role =
    (amount && ADDED_TO_BEFORE.test(wide)) ||
    (FROM_BEFORE.test(before) && !STARTS_AFTER.test(after) && !ANOTHERS_FIGURE_AFTER.test(after)) ||
    // "once $6.4 billion, now up to $4.75 billion" — not "Once 2026 arrives", a time.
    (ONCE_BEFORE.test(before) && !/^(?:19|20)\d{2}\b/.test(text.slice(start, end))) ||
    EARLIER_AFTER.test(after) ||
    // "first announced a $17 billion plant in Taylor in 2021, later raising the plan to more than $40 billion": the
    // figure a later change in the sentence starts from (no other amount between them).
    LATER_CHANGED_AFTER.test(text.slice(end, end + 90)) ||
    // "…, which was valued at $16.5 billion when it was signed" beside a value now ("It's now $25B") — not alone
    // ("valued at $16.5 billion when it was signed, is unchanged").
    (SIGNED_THEN_AFTER.test(text.slice(end, end + 48)) && otherAmountIn(text, start, end)) ||
    // "三星晶圓代工市占跌破7%至6.8%", "falls below 7% to 6.8%": a mark passed on the way to the value.
    (PASSED_MARK_BEFORE.test(before) && /^\s*(?:至|到|,?\s*to\s)/i.test(after)) ||
    // "the contract, initially $16.5 billion, to about $21 billion": the first figure of a change told in an aside
    // (not "initially $16.5 billion, could rise to …", a figure that still holds).
    (/\binitially\s*(?:(?:about|around|roughly|nearly|some)\s+)?$/i.test(before) &&
      /^\s*,\s*(?:to|now)\b/i.test(after)) ||
    CHANGED_FROM_BEFORE.test(text.slice(Math.max(0, start - 90), start)) ||
    // (a bound may stand between: "由最多20个扩大至约25个", "from as many as 20 sites to 25"; or a time: "从年初的7.7%降至", "从几年前的约11%下滑至" — not
    // what was got from someone: "三星从特斯拉获得的约165亿美元订单将延续至2033年")
    (/(?:\bfrom|从|從|由)\s*(?:最多|最少|约|約|近|逾|超过|超過|up\s+to|about|around|as\s+many\s+as|[^，,。；;\d获獲拿签簽赢贏接取]{1,8}的(?:约|約|近|逾)?|(?:今年|去年|目前|现在|現在|当前|當前)的?(?:约|約|近|逾)?)?\s*$/i.test(
      before,
    ) &&
      // (…or 改为: "由原先規劃的4奈米改為2奈米"; or past a comma to its change verb: "將由今年的約2000億美元，成長至…")
      (/^[^,，;；]{0,16}?(?:\bto\b|至|到|改为|改為|转为|轉為|变为|變為|换成|換成)/i.test(after) ||
        /^[，,]\s*[^，,。；;\d]{0,4}?(?:成长|成長|增长|增長|增加|上升|攀升|下滑|下降|扩大|擴大|缩减|縮減|提高|提升)(?:至|到)/.test(
          after,
        ))) ||
    // "lift its investment … to $44 billion from $37 billion", "to $3.9 billion from up to $4.75 billion", "to about
    // $44 billion, from roughly $40 billion": the old value after the new.
    /\bto\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?(?:US)?[$€₩]?\s?[\d.,]+\s*(?:billion|bn|million|trillion|tn|[BMT]|%|percent)?\s*,?\s+from\s*(?:up\s+to\s+|as\s+much\s+as\s+|about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$/i.test(
      wide,
    )
      ? 'from'
      : TO_BEFORE.test(before) || PLAIN_TO_BEFORE.test(wide)
        ? 'to'
        : /(?:\bby\s+(?:about\s+|almost\s+|nearly\s+|around\s+|some\s+)?|(?:年增|季增|月增|年减|年減|季减|季減|同比增长|同比增長|年成长|年成長|增长|增長|成长|成長|削减|削減|减少|減少|缩减|縮減|下调|下調|砍掉|增加|提高|上调|上調)了?\s*(?:约|約|近)?|(?:削减|削減|减少|減少|缩减|縮減|下调|下調)[^，。；,;\d为為至到后後的]{1,10}(?:约|約|近)?)$/i.test(
              before,
            )
          ? 'by'
          : undefined;
  return {
    ...(bound ? { bound } : {}),
    ...(APPROXIMATE_BEFORE.test(before) ? { approximate: true } : {}),
    ...(role ? { role } : {}),
  };
}
