/**
 * Clauses: where a subordinate clause opens in a sentence, so that its own subject is not taken for the
 * subject of the clause before it (layer 5 of the fact engine; see extract/ for the readings that use it).
 *
 * @example
 * const text = "Samsung to start 2nm production in 2026 as Tesla's AI5 stays at TSMC";
 * opensClauseBetween(text, text.indexOf('production') + 10, text.indexOf('AI5')); // true
 * opensClauseBetween('Samsung will begin mass production in 2027 as part of Tesla's AI6 deal', 30, 60); // false
 */

/**
 * Whether a subordinate clause opens between `from` and `at`, and `at` stands in it — not a prepositional
 * "as" ("as part of Tesla's AI6 deal", "as Tesla's AI6 foundry", "as sole maker of", "describes as AI5",
 * "as will AI6").
 */
export function opensClauseBetween(text: string, from: number, at: number): boolean {
  const opening = SUBORDINATE_OPENING.exec(text.slice(from, at));
  if (!opening) return false;
  const start = from + opening.index;
  if (!/^as\b/i.test(text.slice(start, start + 3))) return true;
  return (
    !AS_PREPOSITION.test(text.slice(start, start + 80)) &&
    !VERB_BEFORE_AS.test(text.slice(Math.max(0, start - 24), start)) &&
    // "three times as power-efficient as AI5": a comparison's two "as", no clause.
    !COMPARISON_AS.test(text.slice(start, start + 40)) &&
    !/\bas\s+[\w-]+\s+$/i.test(text.slice(Math.max(0, start - 32), start))
  );
}

/** Where a clause that opens at `from` ends: its next clause mark (comma, semicolon, colon), else the sentence's end. */
export function clauseMarkAfter(text: string, from: number): number {
  const close = text.slice(from).search(CLAUSE_MARK);
  return close < 0 ? text.length : from + close;
}

/**
 * The relative clause set off by ", which" that `position` stands in: from its comma to its next clause mark
 * ("Qualcomm will make chips at Samsung's Taylor plant, which will build Tesla's AI6 …"); undefined outside one.
 * A time's ", when" is one too ("has doubled since the Samsung deal, when it rose 4% on the announcement").
 */
export function relativeClauseAt(text: string, position: number): { start: number; end: number } | undefined {
  const start = Math.max(text.lastIndexOf(', which ', position), text.lastIndexOf(', when ', position));
  if (start < 0 || CLAUSE_MARK.test(text.slice(start + 1, position))) return undefined;
  return { start, end: clauseMarkAfter(text, position) };
}

const CLAUSE_MARK = /[,;:，；]/;

/** A clause set off by a comma and opened by a subordinator or a Chinese contrast: ", while …", "，而…". */
export const COMMA_CLAUSE_OPENING =
  /(?:[,，]\s*(?:while|whereas|as|when|once|because|although|though)\s|[，,]\s*(?:而|则|則|另一方面|相比之下|与此同时|與此同時|同时|同時))[^,;.，；。]*$/i;

/** A Chinese time clause ending before the main one: "…之际，", "…的同时，". */
export const TIME_CLAUSE_ZH = /(?:之际|之際|之时|之時|的同时|的同時)[，,]/;

/** A contrast between two clauses: "while", "whereas", "although", "though". */
export const CONTRAST_BETWEEN = /\b(?:while|whereas|although|though)\s/i;

const AS_PREPOSITION =
  /^as\s+(?:(?:early|soon|late|much|many|long|far|well|of|to|for|per|with|at|if|though|opposed|such)\b|part\s+of|an?\s|sole\s|one\s|(?:(?:the|its|their|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?(?:foundry|foundries|maker|makers|chipmaker|chipmakers|manufacturer|producer|supplier|partner|customer|client|source|fab)(?=\s+(?:of|for|to|in|at)\b|\s*[,.;:]|\s+[-–—|]\s|\s*$)|(?:will|would|does|did|do|is|are|was|were|has|have)\b)/i;
const COMPARISON_AS = /^as\s+[\w-]+\s+as\b/i;
const VERB_BEFORE_AS =
  /\b(?:describ\w*|referred\s+to|refers\s+to|called|name[sd]?|naming|chosen|chose|choose|serves?|served|serving|used|uses|using|seen|sees|known|acts?|acted|emerg\w*|designat\w*|picked|selected|tapped|confirmed|identified|brand\w*|dubbed|billed|positioned)\s+$/i;

/**
 * A subordinator and its clause up to `at` (no clause mark between): "as Samsung readies", "while Tesla's" — "since"
 * only as "because" ("since Samsung's 2nm line is reserved"), not as a time ("since its AI4 win").
 */
const SUBORDINATE_OPENING =
  /(?:(?<!\b(?:well|such|known|same|so|soon|early|late|far|long)\s)\bas|\bwhile|\bwhereas|\bwhen|\bonce|\buntil|\bbecause|\balthough|\bthough|\bsince(?!\s+(?:(?:its|their|the|[A-Z][\w-]*['’]s)\s+)?(?:\d|AI\d|HW\d|then\b|last\b|early\b|late\b|mid\b|start|end|beginning)(?![^,;.，；。]*\b(?:is|are|was|were|has|have|had|will|would|can|relies|rely|depends|needs|lacks|remains|stays)\b)))\s[^,;.，；。]*$/;

/** Chips of another kind than a customer's AI processors: image sensors, camera chips, memory. */
export const OTHER_PRODUCT =
  /\bimage[-\s](?:sensors?|signal)|\bcamera(?:s|[-\s]chips?)?\b|\bmemory\b|\bDRAM\b|\bHBM\b|图像传感器|圖像感測器|影像感測器|图像信号|影像訊號|摄像头|攝影機|存储芯片|記憶體/i;

/**
 * A fab's own start told in its clause: 将开始运营, 明年投产, 如期启用, "will begin operations", "opens" — its start, no
 * making of a chip.
 */
export const FAB_OWN_START =
  /(?:开始|開始|正式)?(?:运营|運營|营运|營運|投产|投產|启用|啟用|运转|運轉|运作|運作)|\b(?:begin|start|commence)s?\s+(?:operations|operating)\b|\bopens?\b/i;
