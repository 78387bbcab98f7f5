import { clauseMarkAfter } from './clauses.ts';
import { SCOPE_CUES, type ScopeCue } from './lexicon.ts';
import { type PhraseMatch, phraseMatcher } from './phrases.ts';
import type { Token } from './tokens.ts';

/**
 * What a sentence's cues do to the words after them: a negation, denial, question,
 * condition, possibility or superseded history holds from its cue to the end of
 * the cue's clause (a question mark, over the whole sentence). Brackets do not end
 * a clause: "may add 10 trillion won (about $7.5 billion)" is still a possibility. A value or an
 * entity inside such a span is not asserted. Hedges ("reportedly", 据悉) lower
 * confidence; replacement cues ("instead of", 取代) say a newly named entity
 * takes the place of the old one.
 */
export interface Scopes {
  /** The cues whose span covers `position` (hedge and replacement excluded: they do not block). */
  blockersAt(position: number, ignore?: { start: number; end: number }): ScopeCue[];
  /** A cue standing between `from` and `to` whose span reaches `to` ("Samsung's contract could … AI5"). */
  blockedBetween(from: number, to: number): boolean;
  /**
   * Every history span covering `position` tells a past transaction ("此前该公司宣布与三星电子签署…",
   * "previously signed a … deal"): an event that may still stand, or an older deal since replaced.
   */
  pastTransactionAt(position: number): boolean;
  hedged: boolean;
  replacement: PhraseMatch<ScopeCue>[];
  matches: PhraseMatch<ScopeCue>[];
}

const cues = phraseMatcher(SCOPE_CUES);

/**
 * History cues that only date what follows ("此前该公司宣布…签署"), unlike "originally", 原本, 最初, 曾,
 * which tell it was replaced.
 */
const PAST_ONLY = /^(?:此前|先前|previously|earlier)$/i;

const PAST_PROMISE_AFTER =
  /^[^，,。；;]{0,20}?(?:承诺|承諾|宣布|宣佈|公布|公佈|获得|獲得|获批|獲批)|^\s*(?:pledged|committed|announced|awarded|granted)\b/i;

const CHANGED_LATER =
  /削减|削減|下调|下調|上调|上調|提高|增加|增至|升至|翻倍|扩大|擴大|减少|減少|缩减|縮減|腰斩|腰斬|砍|\b(?:cut|raised?|reduced?|trimmed|slashed|halved|lowered|increased|doubled|grown|grew|expanded)\b/i;

/** A correction's cue denies what follows whatever its time ("incorrectly said the contract runs until 2030"). */
const CORRECTION_CUE =
  /^(?:incorrectly|erroneously|wrongly|mistakenly|misstat|misreport|(?:earlier|previous)\s+(?:version|headline))/i;

/** Where one cue holds; a history cue right before a transaction (签署, "signed") marks it. */
interface ScopeSpan {
  name: ScopeCue;
  start: number;
  cueStart: number;
  cueEnd: number;
  end: number;
  pastTransaction?: boolean;
}
/** The cues that leave a value unsaid: denied, asked, conditional or merely possible (history only dates it). */
export const DOUBTING: ReadonlySet<ScopeCue> = new Set<ScopeCue>([
  'negation',
  'question',
  'condition',
  'possibility',
]);
const BLOCKING = new Set<ScopeCue>([...DOUBTING, 'history', 'topic']);
const FIGURE_BEFORE = /\b(?:profit|revenue|sales|earnings|margin|price|stock|share|income)s?\s+$/i;

const PARTIAL_BEFORE =
  /(?:部分|一部分)(?:芯片|晶片)?(?:订单|訂單|产能|產能|产量|產量)\s*(?:将|將|已|也)?\s*$/;

const PARTIAL_AFTER = /^\s*(?:(?:some|part|parts|a\s+portion|a\s+share)\b|部分|一部分)/i;

/** Where a cue's span ends: the end of its clause. */
const CLAUSE_END = /[,，;；。:：!！?？]|\s(?:but|while|whereas|and then|and that|although|though)\s|—|–/g;
/** "总投资额将从最初的5000亿美元扩大到约1万亿美元": the old value ends where the change's destination begins. */
const CHANGE_TO =
  /(?:扩大|擴大|增加|提高|提升|上调|上調|下调|下調|上修|下修|降低|减少|減少|缩减|縮減|调整|調整|推迟|推遲|延后|延後|延期|顺延|順延|扩|擴|增|升|降|减|減|跌|延|改)(?:到|至)|(?:缩减|縮減|减|減)(?:为|為)/;

/**
 * A superseded plan ends sooner: in a Chinese headline a space opens the present when what
 * follows says so ("原定2024年投产 如今晚了两年", "… 三星德州泰勒厂改为2027年投产") — not a bare
 * space ("市场此前预期 泰勒厂2027年才投产" is still the old expectation).
 */
const HISTORY_END = new RegExp(
  // "once held 16% of the market and now holds 7.3%": the present begins at "now"; "将原定于2026年8月适用的
  // 高风险AI规则最长推迟16个月": the old plan is the relative clause, ended by its 的.
  // "the high-risk rules originally due on 2 August 2026 would apply from 2 December 2027": an old date told as a
  // modifier ends with its date.
  `${CLAUSE_END.source}|${CHANGE_TO.source}|(?<=\\b(?:originally|initially|first)\\s+(?:due|slated|set|planned|scheduled|expected|targeted)\\s+(?:to\\s+(?:apply|start|begin|take\\s+effect)\\s+)?(?:on|in|for|by|from)\\s+(?:\\d{1,2}\\s+)?(?:[A-Z][a-z]+\\.?\\s+)?(?:\\d{1,2},?\\s+)?(?:19|20)\\d\\d)(?=\\s+(?:would|will|now|are|is|were|was|shall|should|could|may|might|must|to\\s+(?:apply|take\\s+effect|start|begin|open|come\\s+into\\s+force)\\s+(?:from|in|on|by|at))\\b(?!\\s+(?:still\\s+)?be\\s+(?:postponed|delayed|paused|pushed|deferred|suspended|put\\s+off|frozen)))|(?<=\\b(?:originally|initially|first)\\s+(?:due\\s+(?:on|in|by|from)|(?:set|slated|planned|scheduled|expected|targeted|due)\\s+for)\\s+(?:(?:early|mid|late)[-\\s]+)?(?:\\d{1,2}\\s+)?(?:[A-Z][a-z]+\\.?\\s+)?(?:\\d{1,2},?\\s+)?(?:19|20)\\d\\d)(?=\\s+to\\s+(?:\\w+ly\\s+)?(?:apply|take\\s+effect|start|begin|open|come\\s+into\\s+force|go\\s+(?:online|live)|enter|slip|launch|resume|reach)\\b)|(?<=(?:原定|原訂|原先|原本|原计划|原計劃|原計畫)[^，。；的]{2,16})的|\\s(?:and\\s+)?now\\b|\\sbefore\\s+(?=(?:the|its|a)\\s(?!end\\s+of\\s+(?:(?:19|20)\\d\\d|(?:the\\s+|this\\s+|next\\s+)?(?:year|quarter|month|decade))\\b))|(?<=[\\u3400-\\u9fff])\\s+(?=[^\\s，。]{0,12}?(?:仍|現|现|如今|目前|改为|改為))`,
  'g',
);

/** A topic list runs to its sentence's end, over commas. */
const TOPIC_END = /[;；。!！?？:：]/g;

/** "Samsung's role in AI5 will hinge on its yields": what depends on something is undecided, before the cue too. */
const DEPENDS_ON = /^(?:hinge|hinges|hinged|hinging|contingent|取决于|取決於|视乎|視乎)/i;

/** Where talks told in Chinese stop: a headline's space, 后 (what came after them). */
const TALKS_STOP = /(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])|之后|之後|后|後/g;
const TALKS_AFTER_EN = /^(?:in\s+talks|held\s+talks|hold(?:s|ing)?\s+talks|in\s+discussions?)$/i;
const TALKS_STOP_EN =
  /\s(?:before|then|and\s+(?:then\s+|later\s+|finally\s+)?(?:won|signed|sealed|struck|agreed|clinched|landed|inked|secured|reached|announced))\b/i;

/** Where the thing weighed begins: after "and", "as", "with", "while", "but" or a verb of the clause before it. */
const WEIGHED_FROM = /\b(?:said|says|and|while|but|whereas|with|as)\s+/gi;

const FINITE_VERB =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|holds?|held|plans?|opens?|makes?|made|remains?|stays?|keeps?|kept|said|says|hits?|rose|rises|fell|falls|grew|grows|won|wins|took|takes|got|gets|set|sets|cut|cuts|began|begins|ran|runs|\w+ed(?!-))\b/i;

/** Weighed, said after what is weighed: "a longer grace period is on the table", "something we could consider". */
const WEIGHED_AFTER = /^(?:on the table|under consideration|being considered|consider)$/i;

/** Before a passed vote's 通过, words that leave it unpassed: negations, hedges, conditions, another time. */
const UNPASSED_BEFORE_ZH = /未|没|沒|不|难以|難以|能否|可能|若|如果|假如|曾|无法|無法/;

/** After a vote or a debate told in Chinese, that it passed (not 未获通过). */
const PASSED_AFTER_ZH =
  /^[^。；;]{0,24}?(?<![未没沒不]|没有|沒有|并未|並未|尚未|未能|无法|無法)(?:获得通过|獲得通過|投票通过|投票通過|表决通过|表決通過|获通过|獲通過|并通过|並通過|(?:顺利|順利|结果|結果|高票|多数票?|多數票?|压倒性多数|壓倒性多數|\d+票(?:对|對)?\d*票?)(?:获得|獲得)?通(?:过|過))/;

function passedAfterZh(text: string): boolean {
  const passed = PASSED_AFTER_ZH.exec(text);
  if (!passed) return false;
  const before = text.slice(0, passed.index + passed[0].length - 2);
  return !UNPASSED_BEFORE_ZH.test(before);
}

/** Talks named after their subject (就…进行接触, 就…洽谈), and a dispute (适用时间仍是…争论的焦点): they reach back to the clause's start. */
const TALKS_AFTER =
  /^(?:还在谈|還在談|仍在谈|仍在談|初步接触|初步接觸|初步谈判|初步談判|初步磋商|初步洽谈|初步洽談|初步商谈|初步商談|洽谈|洽談|商谈|商談|商讨|商討|磋商|谈判|談判|进行谈判|進行談判|展开谈判|展開談判|争论|爭論|悬而未决|懸而未決|谈判无果|談判無果|讨论无果|討論無果|谈判破裂|談判破裂|谈判未果|談判未果|磋商无果|磋商無果|磋商未果|谈判陷入僵局|談判陷入僵局|进行投票|進行投票|举行投票|舉行投票|展开辩论|展開辯論|进行辩论|進行辯論)$/;

/**
 * An inverted condition opening the sentence: "Should Samsung win AI5, …", "Had Tesla not
 * signed, …", "Were the deal to collapse, …" — it reaches through the clause it sets up.
 */
const INVERTED_CONDITION = /^[\s"“'‘]*(?:Should|Had|Were)\s+(?:the\s|it\s|they\s|\p{Lu})/u;

/** A saying verb and its "that", as a pattern source: "says", "warned that". */
const SAYING = String.raw`(?:says?|said|warns?|warned|argues?|argued|fears?|feared)\s+(?:that\s+)?`;

/**
 * A change told as a supposed event, an indefinite noun with a modal: "A delay to Tesla's next chip would leave
 * Samsung's Texas fab under-utilised into 2028", "Any slip in AI6 could push…" — as "if AI6 slipped", it reaches
 * through the clause the modal opens (not "The delay to 2027 would cost Samsung", a delay told).
 */
const SUPPOSED_EVENT = new RegExp(
  String.raw`(?:^[\s"“'‘]*|\b${SAYING})(?:An?|Any|Another|Further|Fresh)\s+(?:(?:further|new|fresh|additional|prolonged|lengthy|long|major|significant|[\w-]+-(?:month|year|quarter))\s+)?(?:delay|slip|slippage|postponement|setback|hold-up|cancellation)s?\b[^,.;:]{0,80}?\b(?:would|could|might)\b`,
  'i',
);

/** A proposal of a step, then that it did not pass: 推迟提案未能…完成立法程序, 延期方案未获通过. */
const FAILED_PROPOSAL_ZH =
  /(?:推迟|推遲|延后|延後|延期|暂缓|暫緩|暂停|暫停)[^，,。；;]{0,8}?(?:提案|提议|提議|方案|动议|動議)[^，,。；;]{0,4}?(?:未能|未获|未獲|未|没有|沒有|并未|並未)[^，,。；;]{0,12}?(?:完成|通过|通過|获批|獲批|批准|落地)/g;

/** The saying verb a supposed event may follow: "MEPs say any further delay would …". */
const SAYS_BEFORE_EVENT = new RegExp(String.raw`^\W*${SAYING}`, 'i');

/**
 * A step as a Chinese clause's subject, then what it would do: "推迟高风险规则将损害AI法案公信力" — as "Postponing the rules
 * would …" (SUPPOSED_STEP), a step supposed, not taken.
 */
const SUPPOSED_STEP_ZH =
  /(?:^|(?<=[：:，,]))\s*(?:推迟|推遲|延后|延後|暂缓|暫緩|延迟|延遲|暂停|暫停)[^，。；：:]{1,16}?(?:将|將|会|會|恐|可能)(?:严重)?(?:损害|損害|削弱|打击|打擊|影响|影響|导致|導致|意味|伤害|傷害|带来|帶來|使|让|讓|令)/;

/**
 * The same inverted condition after its clause: "… take effect on August 2 should EU institutions fail to adopt", "…
 * were the omnibus to stall" — a subject right after the auxiliary, which its modal use never has.
 */
const POSTPOSED_INVERTED_CONDITION =
  /(?<=[a-z0-9]\s)(?:should|were)\s+(?:the\s+|it\s+|they\s+|\p{Lu}[\w-]*(?:['’]s)?\s+)(?:[\w-]+\s+){0,3}?(?:fail|not|decide|choose|opt|vote|reject|refuse|delay|stall|collapse|slip|miss|win|lose|pass|adopt|approve|agree|move|shift|switch|walk|pull|back|lag|falter|weaken|worsen|disappoint|drop|fall|rise|improve|be|to)\b/gu;

/** Words that decline to comment (不予置评), as a pattern source. */
const NO_COMMENT = '不评论|不評論|不予评论|不予評論|不予置评|不予置評';

/** 继…之后: the events the news follows ("继…解散团队、…宣布重启之后"). */
const FOLLOWING_ZH = /[继繼][^，,。；;]{2,60}?(?:之后|之後)/g;
const STATE_CHANGE_ZH =
  /重启|重啟|解散|关停|關停|暂停|暫停|终止|終止|推迟|推遲|延后|延後|取消|叫停|搁置|擱置/;

/** "针对有关团队解散的传闻", "回应关于延期的报道": a rumour or report named by what it says. */
const RUMOUR_ABOUT = new RegExp(
  `(?:${NO_COMMENT}|未证实|未證實|未予证实|未予證實|没有证实|沒有證實|未确认|未確認)[^，,。；;]{1,40}?(?:传闻|傳聞|传言|傳言|报道|報導)|(?:针对|針對|回应|回應|对于|對於|有关|有關|关于|關於)[^，,。；;]{1,40}?的(?:市场|市場|媒体|媒體|外界|业界|業界|网络|網絡|坊间|坊間)?(?:传闻|傳聞|传言|傳言|说法|說法|报道|報導|报导|猜测|猜測|揣测|揣測|疑虑|疑慮)|(?:针对|針對|回应|回應|对于|對於|关于|關於)(?:媒体|媒體|外界|市场|市場|韩媒|韓媒)?(?:报道|報導|报导|传闻|傳聞|传言|傳言)[^，,。；;]{1,40}`,
  'g',
);

const DENIED_AFTER =
  /^(?:not true|untrue|false|off the table|groundless|baseless|unfounded|inaccurate|out of date|outdated|并非事实|並非事實|不是事实|不是事實|与事实不符|與事實不符|不实|不實|失实|失實|不属实|不屬實|不准确|不準確|不正确|不正確|无根据|無根據|子虚乌有|子虛烏有)$/i;

/** A bare reply that denies, as a pattern source: 三星回应：不实, 回應稱「謠言」. */
export const REPLY_DENIAL_ZH = String.raw`(?:回应|回應|回复|回覆)(?:称|稱)?\s*[:：]?\s*(?:相关报道|相關報導|该报道|該報導|此事|上述报道|上述報導)?\s*[「“"]?(?:不实|不實|不属实|不屬實|假消息|谣言|謠言|并非事实|並非事實|纯属猜测|純屬猜測|纯属臆测|純屬臆測|纯属谣言|純屬謠言|子虚乌有|子虛烏有)`;

/**
 * A reply that leaves the report's matter open — the matter itself, its details or specification, not another one:
 * 马斯克表示，AI6的最终规格尚未确定; 回應稱相關事項「尚未決定」; "but Musk said the final spec is not yet settled", "Samsung said
 * no decision has been made." (not "…具体量产时间尚未确定", "no decision has been made on a second fab", other matters).
 */
export const UNDECIDED_REPLY_ZH = String.raw`(?:表示|称|稱|回应|回應|指出|强调|強調)(?:称|稱)?\s*[，,：:]?\s*(?:[^。；;，,]{0,6}的)?(?:相关事项|相關事項|此事|该事|該事|细节|細節|具体细节|具體細節|最终规格|最終規格|规格|規格|最终方案|最終方案)?\s*[「“"]?(?:仍|还|還)?(?:尚未|还未|還未|仍未)(?:最终|最終)?(?:确定|確定|决定|決定|定案|敲定|拍板)`;
export const UNDECIDED_REPLY_EN = String.raw`(?:said|says|added|stressed|insisted|responded|replied)\s+(?:that\s+)?(?:(?:the\s+)?(?:final\s+)?(?:specs?|specifications|details|terms|figure|matter)\s+(?:(?:is|are|has|have)\s+)?(?:not\s+(?:yet\s+)?(?:been\s+)?(?:decided|settled|finali[sz]ed|final|determined)|undecided|unsettled)|no\s+(?:final\s+)?decision\s+(?:has|had)\s+been\s+made)(?=\s*[.;,]|\s*$)`;

const RUMOUR_DENIED_LATER_WORD = /回应|回應|回复|回覆|尚未|还未|還未|仍未/;
const RUMOUR_DENIED_LATER = new RegExp(
  String.raw`(?<=^|[，,：:\s])(?:网传|網傳|有传言称|有傳言稱|传言称|傳言稱|据传|據傳)[^。；;]*?[，,][^，,。；;]{0,12}?(?:${REPLY_DENIAL_ZH}|${UNDECIDED_REPLY_ZH})`,
  'g',
);

/** A prediction in a clause: a modal, or "expect … to". */
const PREDICTED =
  /\b(?:will|would|could|might|may|can|expects?\s+(?:[\w'’-]+\s+){0,3}?to|to\s+(?:move|switch|shift|make|build))\b/i;

const REAFFIRMED =
  /\b(?:reaffirm\w*|reiterat\w*|stands?\s+by|stood\s+by|still\s+(?:holds?|stands?)|remains?\s+on\s+track)\b|重申|维持|維持/i;

/** A value named as what stands now: "its current 2033 end date", 目前到2033年结束的. */
const STANDS_NOW =
  /\b(?:its|the|their)\s+(?:current|existing|present)\s+(?:[\w$.,-]+\s+){0,3}?(?:end\s+date|expiry(?:\s+date)?|term|end)\b|(?:目前|现有|現有|现行|現行)(?:到|至)?[^，。；,;]{0,10}?(?:结束|結束|到期)的/gi;

/** "此后一直未重启", "至今未恢复", "has not restarted it since": a past step not reversed since. */
const NEVER_UNDONE_SINCE =
  /(?:此后|此後|至今|迄今|之后|之後)(?:一直|仍|也|再)?(?:未|没有|沒有|从未|從未|再未)(?:再)?(?:重启|重啟|恢复|恢復|复活|復活|重新启动|重新啟動)|\b(?:has|have)\s+(?:not|never)\s+(?:been\s+)?(?:restarted|revived|resumed|reopened)\b|\bnever\s+(?:restarted|revived|resumed|reopened)\b/i;

const ORIGINAL_PLAN_AFTER =
  /\b(?:the|its|a)\s+(?:[\w-]+\s+){0,2}?(?:start|opening|launch|target|date|deadline|schedule|timeline)\s+(?:(?:it|that|which|they|Samsung|the\s+company)\s+)?(?:had\s+)?(?:originally|initially|once|first|previously)\s+(?:planned|targeted|promised|scheduled|set|announced|envisaged)\b/gi;

/** A denial whose object is what came before it: 对此予以否认, 随即否认, ", which Samsung denied", 报道…，有误. */
function deniesWhatCameBefore(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  const cue = sentence.slice(match.start, match.end);
  // "本报此前报道特斯拉股价…上涨14%，有误，应为4%": a correction of the report before it.
  if (/^(?:有误|有誤)$/.test(cue)) return /报道|報導|报导|称|稱/.test(sentence.slice(0, match.start));
  const before = sentence.slice(Math.max(0, match.start - 40), match.start);
  if (/^(?:否认|否認)$/.test(cue))
    return DENIED_THIS_ZH.test(before) && CLAUSE_ENDS_HERE.test(sentence.slice(match.end));
  if (!/^(?:deny|denied|denies)$/i.test(cue)) return false;
  if (DENIED_WHICH_EN.test(before) && NOTHING_DENIED_AFTER.test(sentence.slice(match.end))) return true;
  // "Reports said the EU would delay its high-risk AI rules, though the Commission denied any postponement": a
  // concession denying the reported thing.
  return (
    DENIED_IN_CONCESSION_EN.test(before) &&
    REPORTED_THING_DENIED.test(sentence.slice(match.end)) &&
    REPORTED_BEFORE.test(sentence.slice(0, match.start))
  );
}

const DENIED_IN_CONCESSION_EN =
  /,\s*(?:though|although|but)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,3}(?:has\s+|had\s+)?$/;
const REPORTED_THING_DENIED = /^\s+(?:any|the|such|that|this|it)\b(?:\s+[\w-]+){0,3}\s*(?:[.;]|$)/i;
const REPORTED_BEFORE = /^(?:[^,;]*\b(?:reports?|reportedly|according\s+to|sources?|rumou?rs?)\b)/i;

/**
 * Where a denial of what was reported begins. In Chinese, the clause of the report it answers (对此 is all the report
 * said: "签订165亿美元代工合同，韩媒称三星还将代工AI5，三星对此予以否认" denies the AI5 claim, not the contract), or the
 * sentence's start when there is no report word or the report's source closes its own clause; in English, the clause
 * before the denial's own ("Samsung shares jumped 6.8% on the Tesla deal, fuelled by talk of an Apple order, which
 * Samsung denied" denies the talk) — or the sentence's start when that clause only says who reported it ("…, according
 * to a Korean report, which Samsung denied", "…, sources told Reuters, which …"). For 有误, the clause of the report it
 * corrects ("…并称外界有关投资额缩减的报道有误" corrects the report, not the start confirmed before it).
 */
function deniedClauseStart(sentence: string, cue: number): number {
  const before = sentence.slice(0, cue);
  if (/^(?:有误|有誤)/.test(sentence.slice(cue))) {
    const report = [...before.matchAll(/报道|報導|报导|称|稱/g)].at(-1);
    return report ? clauseStartBefore(sentence, report.index) : 0;
  }
  if (/^(?:否认|否認)/.test(sentence.slice(cue))) {
    // (from the report it answers: "签订165亿美元代工合同，韩媒称三星还将代工AI5，三星对此予以否认" — unless the report's
    // source closes its clause, its content before it: "…并于2027年量产，韩国经济日报称，三星对此予以否认")
    const report = [...before.matchAll(REPORT_MARK_ZH)].at(-1);
    if (!report) return 0;
    const from = clauseStartBefore(sentence, report.index);
    return /^[^，,；;。]*[，,]/.test(sentence.slice(report.index + report[0].length, cue)) &&
      /^\s*[，,]/.test(sentence.slice(report.index + report[0].length))
      ? 0
      : from;
  }
  const own = clauseStartBefore(sentence, cue);
  // (back over all of the marks that end the clause before: ", though " is a comma and a "though")
  const previous = clauseStartBefore(
    sentence,
    Math.max(0, sentence.slice(0, own).search(CLAUSE_MARKS_AT_END) - 1),
  );
  return ATTRIBUTION_CLAUSE.test(sentence.slice(previous, own)) ? 0 : previous;
}

const CLAUSE_MARKS_AT_END = /(?:[,，;；。:：!！?？\s]|\b(?:but|while|whereas|although|though)\b)+$/;

/** Before a denial word, a reply naming only the report: "三星电子29日回应称报道" (the group: the report's words). */
const REPLY_CALLING_REPORT_ZH =
  /(?:回应|回應|回复|回覆|表示)(?:称|稱)?\s*[：:]?\s*((?:相关|相關|该|該|上述|此|这一|這一)?(?:报道|報導|报导|传闻|傳聞|说法|說法|消息)\s*(?:纯属|純屬|并不|並不|均)?\s*)$/;

/** Opening a sentence, a clause that only names the rumour or report a reply answers: "针对“…”的传闻，". */
const ANSWERED_RUMOUR_ZH =
  /^\s*(?:针对|針對|对于|對於|关于|關於)[^，,。；;]*(?:传闻|傳聞|传言|傳言|报道|報導|说法|說法)\s*[，,]/;

/** Where the answered rumour that opens a Chinese sentence ends, past its comma; 0 when it opens with none. */
export function answeredRumourEnd(sentence: string): number {
  return ANSWERED_RUMOUR_ZH.exec(sentence)?.[0].length ?? 0;
}

const REPORT_MARK_ZH =
  /韩媒|韓媒|外媒|媒体|媒體|报道|報導|报导|(?<![堪])[称稱]|(?<![数數证證])[据據]|[数數][据據](?=显示|顯示|表明|指出)|(?<![宣流遗遺])[传傳](?![感统統输輸播奇])/g;

/**
 * A clause that only says who reported what came before it, and nothing more: "according to a Korean report",
 * "sources told Reuters", "two people familiar with the matter said on Tuesday" (not "Musk said Samsung would …").
 */
const ATTRIBUTION_CLAUSE =
  /^\s*(?:(?:according\s+to|citing|per)\s[^,;]*|(?:(?!(?:will|would|also|to|make|makes|build|builds|at|AI\d)\b)[\w.'’-]+\s+){0,8}(?:said|says|reported|reports|told|tells|wrote|writes|claimed|claims)(?:\s+(?:the\s+|The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?(?:\s+(?:earlier|later|on|last|this|in)\b[^,;]{0,25})?)\s*[,，]?\s*$/;

const DENIED_THIS_ZH = /[，,]\s*[^，,。；;]{0,12}?(?:对此|對此|随即|隨即|随后|隨後|旋即)(?:予以|也|已|亦)?$/;
const DENIED_WHICH_EN =
  /,\s*which\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,3}(?:quickly\s+|later\s+|swiftly\s+|promptly\s+|has\s+|had\s+)?$/;
const NOTHING_DENIED_AFTER = /^\s*(?:$|[.;,!]|\s(?:in|on|at)\s)/;

const MISSED_OUT =
  /^(?:left out|misses out|missed out|loses out|lost out|not involved|无缘|無緣|落空|出局|落选|落選)$/i;
const CLAUSE_ENDS_HERE = /^(?:\s*(?:[,，;；。!！?？:：]|$)|\s+(?=[\u3400-\u9fff]))/;
const CONTRAST_AFTER = /^\s*[,，]?\s*(?:但|但是|却|卻|but\b|yet\b)/i;

/** A missed-out cue with nothing after it in its clause ("…, Samsung left out", "英特尔出局 三星…"). */
function missedOutEndingClause(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  return (
    match.name === 'negation' &&
    MISSED_OUT.test(sentence.slice(match.start, match.end)) &&
    CLAUSE_ENDS_HERE.test(sentence.slice(match.end))
  );
}

/** Where the clause of a missed-out cue begins: its clause's start, or a Chinese headline's space after it. */
function missedFrom(sentence: string, cueStart: number): number {
  const start = clauseStartBefore(sentence, cueStart);
  // (…or the word that joins it on: "lands the deal as Intel misses out", "with local suppliers left out")
  const stops = [...sentence.slice(start, cueStart).matchAll(MISSED_CLAUSE_STARTS)];
  const last = stops.at(-1);
  return last ? start + last.index + last[0].length : start;
}

/** A Chinese headline's space between two phrases (…生產AI5 英特爾無緣), or an English word that joins a clause on. */
const MISSED_CLAUSE_STARTS =
  /(?<=[\u3400-\u9fff]|[A-Za-z]\d)\s+(?=[\u3400-\u9fff])|\s(?:as|with|while|after|and|but|leaving|whereas)\s/gi;

/** An aside set off by commas, then its clause's own verb: ", originally valued at $16.5 billion, had been". */
const ASIDE_THEN_VERB =
  /^\s*,\s*(?:originally|initially|first|once|which|worth|valued|signed|announced|then|previously)\b(?:[^,;:.]|\.(?=\d)){0,100},\s*(?=(?:had|has|have|was|were|is|are|would|will|could|be|been|now)\b)/i;

/** A Chinese cue of a step only weighed: 可能, 考虑, 评估, 拟, 或将. */
const WEIGHED_ZH = /^(?:可能|或将|或將|考虑|考慮|评估|評估|拟|擬|研究|计划考虑|計劃考慮)$/;

/** After a comma, the value a change goes on to: ", to about $11 billion", ", down to 7%". */
const VALUE_GONE_ON_TO =
  /^\s*,\s*(?=(?:(?:down|up)\s+)?to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|just\s+)?(?:US)?[$€£₩]?\d)/i;

/** After a weighed clause, a clause telling what it would bring about: ", which would lift", ", lifting". */
const CONSEQUENCE_AFTER =
  /^\s*,\s*(?:(?:people|sources|a\s+person|one\s+person)\s+(?:familiar\s+(?:with\s+the\s+(?:matter|plans?|talks)\s+)?)?said\s*,\s*)?(?:which|that)\s+(?:would|could|might)\s+|^\s*,\s*(?:lifting|raising|bringing|taking|cutting|lowering|pushing)\s+|^\s*[，,]\s*(?:使|令|让|讓|将使|將使|从而使|從而使)/i;

const BACKWARD_ONLY = /^(?:out of date|outdated|并非事实|並非事實|不是事实|不是事實)$/i;
/** …but "an outdated report put X at …" denies what follows, as a forward cue. */
const DENIED_THING_AFTER =
  /^[\s-]+(?:reports?|estimates?|figures?|numbers?|plans?|data|forecasts?|claims?)\b/i;

/** The second side of an either/or question, right after the first's clause: "，还是会推迟到2027年". */
const ALTERNATIVE_ZH = /^\s*[，,]?\s*(?:还是|還是)[^，。；,;？?]*/;

/** Said of what a report before it told: nothing is decided yet. */
const UNDECIDED =
  /尚未定案|未定案|尚未拍板|仍未拍板|尚未敲定|仍未敲定|尚未确定|尚未確定|未有定论|未有定論|尚未(?:作出|做出)?(?:任何)?(?:决定|決定)|\bnot\s+(?:yet\s+)?(?:been\s+)?finali[sz]ed\b|\bno\s+(?:final\s+)?decision\s+(?:has\s+been\s+|had\s+been\s+|was\s+)?(?:made|taken|reached)\b/i;

/** Where "nothing decided" stops: at a clause that states something of its own (", but …", ", after …"). */
function undecidedEnd(sentence: string, from: number): number {
  const stop = /,\s*(?:but|though|although|while|whereas|after|as(?!\s+well\s+as)|and)\b|[;；。]/i.exec(
    sentence.slice(from),
  );
  return stop ? from + stop.index : sentence.length;
}

/** Nothing decided yet, said of what follows: "nothing has been decided regarding a report that …". */
const NOTHING_DECIDED =
  /\bnothing\s+(?:(?:has|had)\s+been\s+|was\s+|is\s+)?(?:yet\s+)?(?:decided|finali[sz]ed|settled)['’"”]?\s*(?:yet\s*)?(?:regarding|about|on|over|as\s+to|concerning|,\s*(?:responding|in\s+response|replying)\s+to)\b/i;

/** Where reports that differ reach back to: their clause, or the topic phrase just before it. */
function differingFrom(sentence: string, at: number): number {
  const own = clauseStartBefore(sentence, at);
  if (own === 0) return 0;
  // A clause that names its own topic (AI5代工方则说法不一) or past reports (此前) differs on itself alone; one
  // that is only a source ("韩台媒体报道不一", "though reports differ") on a topic phrase anywhere before it
  // ("关于特斯拉AI5，韩媒称三星将代工，报道不一"), else on the clause before it.
  // (tested on the clause trimmed, its spaces single: the pattern's optional words meet at one space each)
  const clause = sentence.slice(own, at).trim().replace(/\s+/g, ' ');
  if (!SOURCE_ONLY.test(clause)) return own;
  const topic = sentence.slice(0, own).search(TOPIC_PHRASE_ANYWHERE);
  if (topic >= 0) return topic;
  // The clause before: from before the marks that end it (", though", "，").
  const marks: Array<[number, number]> = [];
  CLAUSE_END.lastIndex = 0;
  for (let mark = CLAUSE_END.exec(sentence); mark && mark.index < own; mark = CLAUSE_END.exec(sentence))
    marks.push([mark.index, mark.index + mark[0].length]);
  let markAt = own;
  for (const [start, end] of marks.reverse()) if (end === markAt) markAt = start;
  return clauseStartBefore(sentence, markAt);
}
const TOPIC_AFTER_DIFFER = /^\s+(?:on|about|over|as\s+to)\b/i;
const TOPIC_PHRASE_ANYWHERE =
  /(?:^|[，,；;]\s*)(?:围绕|圍繞|关于|關於|对于|對於|至于|至於)|(?:^|[,;]\s*)(?:on|as\s+for)\s/i;
const SOURCE_ONLY =
  /^(?:(?:but|though|although|while|and)(?: |$))?(?:(?:the )?reports?|accounts?|[\u3400-\u9fff]{0,6}(?:媒体|媒體|各方|外界|业界|業界|市场|市場|消息))? ?(?:则|則|也|亦|近来|近來|目前)?$/i;

/** Everything from the sentence's start up to a cue left open ("…报道不一", "…尚未定案"). */
function openUpTo(cue: RegExpExecArray): ScopeSpan {
  const end = cue.index + cue[0].length;
  return { name: 'possibility', start: 0, cueStart: cue.index, cueEnd: end, end };
}

const REPORTS_DIFFER =
  /(?:报道|報導|报导|说法|說法)不一|众说纷纭|眾說紛紜|\breports\s+(?:differ|conflict|vary)\b/i;

/** Before an undecided cue, no subject: nothing, or a connective (但, 目前, "but", "yet"). */
const SUBJECTLESS_BEFORE =
  /^[\s"“「]*(?:但|但是|不过|不過|目前|仍|仍然|而|but|however|yet|though)?[\s,，]*$/i;
/** After it, nothing it is about ("no decision has been made on AI5" names what is undecided). */
const NOTHING_AFTER = /^\s*(?:yet)?[\s"”」.。!！]*$/i;

/** A span over exactly what a pattern found (a rumour named, a demand named). */
/** A cue whose span reaches back from `start` to the cue's end: a denial after what it denies, who misses out. */
const reachingBack = (name: ScopeCue, cue: PhraseMatch<ScopeCue>, start: number): ScopeSpan => ({
  name,
  start,
  cueStart: cue.start,
  cueEnd: cue.end,
  end: cue.end,
});

const spanOver = (name: ScopeCue, found: RegExpExecArray): ScopeSpan => ({
  name,
  start: found.index,
  cueStart: found.index,
  cueEnd: found.index + found[0].length,
  end: found.index + found[0].length,
});

/** An aside between commas telling a first target: ", first due in 2024,". */
const FIRST_TARGET_ASIDE =
  /,\s*first\s+(?:due|set|planned|expected|targeted|pegged)\b(?:[^,;.]|\.(?=\d))*(?=,)/gi;

/**
 * A request for a step, however long its addressee: "asked the European Commission on Tuesday to pause the AI Act's
 * high-risk obligations", "urged Brussels and national governments to delay".
 */
const ASKED_TO_DELAY =
  /\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)|petition(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on)\s+(?:[\w'’-]+\s+){1,8}?to\s+(?:pause|delay|postpone|suspend|defer|push\s+back|stop\s+the\s+clock)\b/gi;

/** "want(s/ed) … delayed/postponed/paused/pushed back", within a clause. */
const WISHED_DELAY =
  /\bwant(?:s|ed)?\s+(?:[\w'’-]+\s+){1,8}?(?:delayed|postponed|paused|suspended|pushed\s+back|pushed\s+to|moved\s+to)\b/gi;

/**
 * A sentence opening with a step as its subject, then "would/could/might/may": "Postponing the rules … would …" —
 * or with an agreement to take the step: "A final agreement to postpone the obligations could come next week".
 */
const SUPPOSED_STEP =
  /^\W*(?:(?:Postponing|Delaying|Pausing|Suspending|Pushing\s+back|Extending|Scrapping|Cancell?ing|Ending)\b|(?:an?|the)\s+(?:(?:final|formal|political|provisional|possible|likely|eventual)\s+)?(?:agreement|deal|decision|vote|accord|compromise)\s+(?:to|on)\s+(?:postpone|delay|pause|suspend|push\s+back|defer|postponing|delaying|pausing|suspending|deferring|pushing\s+back|(?:a|the)\s+(?:delay|pause|postponement))\b)(?:(?!\b(?:has|have|had|was|were|is|are)\b)[^.;!?])*?\b(?:would|could|might|may)\b/i;

/**
 * A demand named by what it asks: 暂停要求, 推迟的呼声, 延后诉求 — or asking it a few words on: "要求在标准到位前暂停"
 * (not a request granted: 应产业界要求, 响应…要求; nor the noun, requirements: "高风险AI系统的合规要求将延后16个月");
 * what should be done: "联名信中称，…应暂停执行" (not 相应推迟, 'put off accordingly').
 */
const DEMAND_WORD = /暂停|暫停|推迟|推遲|延后|延後|延期|暂缓|暫緩/;
const DEMAND_NAMED =
  /(?:暂停|暫停|推迟|推遲|延后|延後|延期)的?(?:要求|呼声|呼聲|呼吁|呼籲|诉求|訴求|提议|提議)|(?<![应應响響][^，。；,;]{0,8}|(?:提案|方案|草案|法案|提议|提議)[，,]?|(?:迫于|迫於|接受|根据|根據|(?<![不未])同意)[^。；;]{0,8})(?:要求(?![将將会會])|(?<!的|合规|合規|相关|相關|各项|各項|这些|這些)要求|呼吁|呼籲|敦促|促请|促請)(?!下|宣布|正式|同意|决定|決定)[^，。；,;\s]{1,16}?(?:暂停|暫停|推迟|推遲|延后|延後|暂缓|暫緩)|(?<![相响響回适適对對供反效答])(?<!(?<![未能没沒])(?:同意|一致同意|决定|決定|达成一致|達成一致|达成协议|達成協議|达成共识|達成共識|投票通过|投票通過|表决通过|表決通過)[^。；;称稱]{0,16})[应應](?:当|當|该|該)?(?:暂停|暫停|推迟|推遲|延后|延後|暂缓|暫緩)/g;

/**
 * "'That is not accurate,' a Samsung spokesperson said of a Taiwanese report that TSMC had taken over …": a
 * quoted denial said of a report denies what the report says.
 */
const INTENSIFIER = String.raw`(?:simply\s+|completely\s+|totally\s+|just\s+|absolutely\s+|greatly\s+|wildly\s+|highly\s+)?`;
// ("Reports that Tesla has ended Dojo are 'misleading'", "reports of its death are greatly exaggerated")
const DENIAL = String.raw`(?:not\s+(?:accurate|true|correct|the\s+case)|untrue|inaccurate|incorrect|false|wrong|baseless|groundless|unfounded|nonsense|misleading|exaggerated|overblown|overstated|premature)`;
const QUOTED_DENIAL_OF_REPORT = new RegExp(
  String.raw`^\s*["'](?:(?:that|this|it|(?:the|this|that|these|those|such)\s+(?:reports?|story|stories|claims?)|reports|rumou?rs)(?:['’]s|\s+is|\s+are|\s+was)\s+|(?=${INTENSIFIER}${DENIAL}\b(?!-|\s+(?:to|economy)\b|\s+\w+\s+(?:was|is|are|were)\b)))${INTENSIFIER}${DENIAL}\b[^"']{0,40}["'][^.;]{0,80}?\b(?:of|about|regarding|on|to)\s+(?:an?\s+|the\s+|those\s+|these\s+)?(?:[\w-]+\s+){0,3}?(?:reports?|claims?|rumou?rs?|stor(?:y|ies)|speculation)\s+(?:that|saying)\b`,
  'i',
);
/**
 * "Tesla says report that it revived Dojo was wrong", "said a report it had restarted Dojo is false", "a post
 * claiming … had been written by an impostor account": a report
 * named by what it says, then called wrong, denies what it says (the denial word after it reaches back only
 * over its own clause otherwise).
 */
const REPORT_CALLED_WRONG = new RegExp(
  String.raw`\b(?:reports?|claims?|stor(?:y|ies)|rumou?rs?|articles?|posts?)\s+(?:that\s+|saying\s+|claiming\s+)?((?:(?!\b(?:said|says|saying|told|tells|confirm(?:s|ed|ing)?)\b)(?:[^,.;:"“”]|(?<=\d)[.,](?=\d))){8,160}?)\s+(?:(?:was|is|were|are|had\s+been|has\s+been)\s+${INTENSIFIER}["“'‘]?(?:${DENIAL}|mistaken|erroneous|fake|(?:written|posted|made|sent|created)\s+by\s+(?:an?\s+)?(?:impostor|fake|parody|hacked))|came\s+from\s+(?:an?\s+)?(?:impostor|fake|parody|hacked))\b`,
  'gi',
);
/**
 * A report, article or claim withdrawn ("deleted an article that said Samsung would begin …", "walks back his
 * claim that AI5 ships this year", 撤回AI5「今年量产」说法, 删除了关于…的报道) or told by a correction to have been
 * wrong (本文早前版本称…将于今年内量产，有误; 他此前称…的说法过于乐观): what it said is not asserted.
 */
const RETRACTED_EN =
  /\b(?:withdr[ae]w|withdraws|withdrawn|withdrawing|retract(?:s|ed|ing)?|deleted|deletes|pulled(?!\s+back)|pulls(?!\s+back)|took\s+down|takes\s+down|walk(?:s|ed|ing)?\s+back|disavow(?:s|ed|ing)?)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+|that\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:(?:reports?|articles?|stor(?:y|ies)|claims?|statements?|remarks?|comments?|posts?|predictions?|forecasts?)\s+(?:(?:from|by)\s+(?:[\w'’-]+\s+){1,4}?)?(?:(?:that|which)(?:\s+(?:said|says|claimed|claims|stated|showed|suggested|reported))?|saying|claiming|about|on)|(?:proposals?|plans?)\s+(?:to|that|for))\b/gi;
const RETRACTED_EN_WORD = /withdr|retract|delete|pull|took\s+down|takes\s+down|walk|disavow/i;
const TALKED_ABOUT_WORD = /talks|negotiat|discuss|debat|vote|ballot/i;
const CALLED_WRONG_WORD = new RegExp(
  String.raw`\b(?:${DENIAL}|mistaken|erroneous|fake|impostor|parody|hacked)\b`,
  'i',
);
const REMOVED_REFERENCE =
  /\b(?:updated|corrected|amended|changed|edited|revised)\s+to\s+(?:remove|delete|drop|strike|correct)\s+(?:an?\s+|the\s+)?(?:erroneous\s+|incorrect\s+)?(?:references?|mentions?|claims?|statements?)\s+(?:to|of|that)\b/gi;

/** Where what was withdrawn ends: a comma, a join, what the speaker says next. */
const RETRACTED_END = /[,;]|\s-\s|\s(?:and|but|while|after|as)\s|\s(?:says?|said)\b/i;
const RETRACTED_ZH =
  /(?:撤回|收回|撤下|删除|刪除|撤销|撤銷)了?[^，,。；;\s]{0,30}?(?:报道|報導|报导|文章|说法|說法|言论|言論|预测|預測|帖子|贴文|貼文)|(?:早前|此前|先前|之前|原)(?:版本|报道|報導|文章|稿件)中?(?:称|稱|指|说|說|写|寫|报道|報導)[^。；;]{2,120}?(?<!无|無|没有|沒有|并无|並無|非)(?:有误|有誤|系误|係誤|不实|不實|错误|錯誤)|(?:称|稱)[^。；;，,]{2,80}?的(?:说法|說法|报道|報導|预测|預測)(?<!无|無)(?:过于乐观|過於樂觀|太乐观|太樂觀|不实|不實|有误|有誤|错误|錯誤|不准确|不準確|不正确|不正確)/g;
const RETRACTION_WORD_ZH =
  /撤回|收回|撤下|删除|刪除|撤销|撤銷|有误|有誤|系误|係誤|不实|不實|错误|錯誤|乐观|樂觀|准确|準確|正确|正確/;

/** A delay as what talks are about: a verb ("delaying", "pushing back") or a noun after up to four modifiers. */
const TALKED_DELAY = String.raw`(?:delaying|postponing|pausing|pushing\s+back|deferring|whether\s+to\s+(?:delay|postpone|pause|push\s+back|defer)|(?:[\w'’-]+\s+){0,4}?(?:delay|pause|postponement)s?)\b`;

/**
 * "Talks … on delaying parts of the AI Act broke down", "a vote on postponing the rules", "talks on the AI Act
 * high-risk delay", "ministers debated a pause": a delay named as what talks, a debate or a vote are about is only
 * weighed, up to where its noun phrase ends (a verb or a comma).
 */
const TALKED_ABOUT = new RegExp(
  String.raw`\b(?:(?:talks|negotiations|discussions|debates?|votes?|ballot)\s+(?:[^,.;:]{0,60}?\s)?(?:on|over|about)|(?:discuss(?:es|ing)?|debat(?:es?|ing)|negotiat(?:es?|ed|ing)\s+(?:on|over)|(?:discussed|debated)(?=\s+(?:delaying|postponing|pausing|pushing|deferring|whether)\b)|(?<![-‐]|\b(?:the|a|an|this|that|its|hotly|much|long|widely|heavily|fiercely|often|highly|bitterly)\s)(?:discussed|debated)))\s+(?=${TALKED_DELAY})`,
  'gi',
);
/** "AI Act delay talks to resume", "the pause vote", "delay to be put to vote": talks named by the delay before them. */
const DELAY_TALKS =
  /\b(?:delay|pause|postponement)\s+(?:talks|negotiations|discussions|debates?|vote|ballot|(?:[\w-]+\s+){0,3}?(?:to\s+be\s+)?put\s+to\s+(?:a\s+)?vote)\b/gi;
/** The verbs that end talks with a decision: the vote passed, the talks concluded with a deal. */
const DECIDED =
  'pass(?:es|ed)?|conclud(?:es|ed)|produced|yielded|resulted|agreed|approved|backed|reached(?!\\s+no\\b)|won|delivered';
const TALKED_ABOUT_END = new RegExp(
  String.raw`[,;.:]|\s(?:has|have|had|was|were|is|are|will|would|could|broke|stalled|collapsed|ended|failed|resumed|continued?|continues|began|begins?|started|starts?|fell|falls|${DECIDED})\b`,
  'i',
);
/** …and ended by a decision: the delay is decided, not weighed. */
const TALKED_ABOUT_DECIDED = new RegExp(
  String.raw`^,?\s(?:${DECIDED}|ended\s+with|with\s+(?:a|an)\s+(?:deal|agreement)|and\s+(?:voted|adopted|approved|agreed))\b`,
  'i',
);
/** Before talks, that they were settled: "negotiators settle AI Act delay talks with a deal". */
const TALKS_SETTLED_BEFORE =
  /\b(?:settle[sd]?|settling|conclude[sd]?|concluding|wrap(?:s|ped)?\s+up|clinch(?:es|ed)?|approve[sd]?|adopt(?:s|ed)?|pass(?:es|ed)?)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i;

/**
 * The spans a withdrawal, a correction, a report called wrong or talks leave unsaid (RETRACTED_EN, RETRACTED_ZH,
 * REPORT_CALLED_WRONG, TALKED_ABOUT).
 */
function retractedSpans(sentence: string): ScopeSpan[] {
  const spans: ScopeSpan[] = [];
  // Each pattern only where its leading words stand (most sentences hold none): they are tried at every position.
  if (RETRACTED_EN_WORD.test(sentence))
    for (const match of sentence.matchAll(RETRACTED_EN)) {
      const from = match.index + match[0].length;
      const stop = sentence.slice(from).search(RETRACTED_END);
      const end = stop < 0 ? sentence.length : from + stop;
      spans.push({ name: 'negation', start: match.index, cueStart: match.index, cueEnd: from, end });
    }
  if (TALKED_ABOUT_WORD.test(sentence)) {
    for (const match of sentence.matchAll(TALKED_ABOUT)) {
      const from = match.index + match[0].length;
      const stop = sentence.slice(from).search(TALKED_ABOUT_END);
      const end = stop < 0 ? sentence.length : from + stop;
      if (TALKED_ABOUT_DECIDED.test(sentence.slice(end))) continue;
      spans.push({ name: 'possibility', start: from, cueStart: match.index, cueEnd: from, end });
    }
    for (const match of sentence.matchAll(DELAY_TALKS)) {
      const end = match.index + match[0].length;
      if (TALKED_ABOUT_DECIDED.test(sentence.slice(end))) continue;
      if (TALKS_SETTLED_BEFORE.test(sentence.slice(Math.max(0, match.index - 40), match.index))) continue;
      spans.push({ name: 'possibility', start: match.index, cueStart: match.index, cueEnd: end, end });
    }
  }
  if (RETRACTION_WORD_ZH.test(sentence))
    for (const match of sentence.matchAll(RETRACTED_ZH)) {
      const end = match.index + match[0].length;
      spans.push({ name: 'negation', start: match.index, cueStart: match.index, cueEnd: end, end });
    }
  // "This story has been updated to remove a reference to Samsung making Tesla's AI5 chip": what was removed is not said.
  for (const match of sentence.matchAll(REMOVED_REFERENCE)) {
    const from = match.index + match[0].length;
    const stop = sentence.slice(from).search(RETRACTED_END);
    spans.push({
      name: 'negation',
      start: match.index,
      cueStart: match.index,
      cueEnd: from,
      end: stop < 0 ? sentence.length : from + stop,
    });
  }
  if (CALLED_WRONG_WORD.test(sentence))
    for (const called of sentence.matchAll(REPORT_CALLED_WRONG)) {
      const end = called.index + called[0].length;
      spans.push({ name: 'negation', start: called.index, cueStart: end - 1, cueEnd: end, end });
    }
  return spans;
}

/** Where the report a quoted denial is said of ends: the speaker goes on to affirm ("…, adding the project remains active"). */
const DENIED_REPORT_END =
  /,\s*(?:adding|saying|noting|confirming|reaffirming|stressing|insisting|while|and|but)\b|;|\s-\s/i;

/** A quoted demand: "'stop the clock' calls", "“pause” demands", 「暂停」呼声. */
const QUOTED_CALL =
  /['"’”」』]\s*(?:(?:calls|demands|pleas|requests|push|campaign|lobbying)\b|呼声|呼聲|呼吁|呼籲|诉求|訴求)/gi;

/**
 * Where the quote closed at `closing` opens, in its clause: a mark after a space, a bracket or the
 * clause's start — not a possessive ("companies' calls", "the EU's"); undefined when none opens it.
 */
function quoteOpening(sentence: string, closing: number): number | undefined {
  const from = clauseStartBefore(sentence, closing);
  for (let at = closing - 1; at >= from; at--) {
    const mark = sentence[at]!;
    // Only an opening mark opens ("‘", "“", 「); a straight quote, after a space, a bracket or the clause's start.
    if (/[‘“「『]/.test(mark)) return at;
    if (/['"]/.test(mark) && (at === from || /[\s(（]/.test(sentence[at - 1]!))) return at;
  }
  return undefined;
}

/** A question asked by a word of its own (how, why, 如何, 能否…): it asks nothing before it. */
const ASKS_ITSELF =
  /(?:如何|怎么|怎麼|怎样|怎樣|为何|為何|为什么|為什麼|何时|何時|哪些|哪个|哪個|多少|能否|是否|会不会|會不會|[吗嗎呢])|\b(?:how|why|what|which|when|who|will|can|could|should|does|do|is|are)\b/i;

const POINTS_BACK = /\b(?:it|its|this|that|these|those|they|them)\b|[其它这這此该該]/i;

/** A comma, then a clause asked by a Chinese question word, to the sentence's question mark. */
const ASKED_CLAUSE_ZH =
  /[，,](?=[^，,。；;？?]{0,12}?(?:能否|是否|会不会|會不會|能不能|如何|为何|為何)[^，,。；;]*[?？]\s*["'”’」』)]*\s*$)/;

/** A question mark with more of the sentence after it. */
const INNER_QUESTION = /[?？](?=\s*["'”’」』)]*\s*\S)/g;

/**
 * "Musk confirms Dojo 3 restart reports": reports confirmed are no longer only reports; 欧盟应产业界要求暂停…: a
 * request granted (应…要求) is done, not asked.
 */
function answeredOrGranted(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  const cue = sentence.slice(match.start, match.end);
  const before = sentence.slice(Math.max(0, match.start - 40), match.start);
  // Confirmed (not "declined to confirm", "has yet to confirm" — the negation right before the verb).
  if (/report/i.test(cue)) {
    const confirm = /\b(?:confirm(?:s|ed)?|verif(?:y|ies|ied))\b[^,.;]*$/i.exec(before);
    return (
      confirm !== null &&
      !/\b(?:declin\w*\s+to|refus\w*\s+to|yet\s+to|not|never|n['’]t)\s+(?:\w+ly\s+)?$/i.test(
        before.slice(0, confirm.index),
      )
    );
  }
  // 三星证实特斯拉AI5订单传闻, 订单传闻成真, 三星回应…传闻：将…: a rumour confirmed or answered (not 未证实, 不予证实,
  // nor an answer that is no comment, 回应…传闻：不予置评).
  if (/传闻|傳聞/.test(cue)) {
    if (/^成真/.test(sentence.slice(match.end))) return true;
    if (
      /(?<!未|不予|没有|沒有|拒绝|拒絕|尚未|不愿|不願|无法|無法|不能)(?:证实|證實|确认|確認)[^，。；,;]{0,12}$/.test(
        before,
      )
    )
      return true;
    return (
      /(?:回应|回應)[^，。；,;]{0,12}$/.test(before) && !NO_COMMENT_ANSWER.test(sentence.slice(match.end))
    );
  }
  if (!/^要求/.test(cue)) return false;
  // "数字综合提案，要求将…推迟", "同意委员会的提议，要求将…": a proposal's content, or one agreed to.
  if (
    /(?<!(?<!面向|针对|針對|面对|面對)(?:游说|遊說|团体|團體|协会|協會|联盟|聯盟|公司)[^。；;，,]{0,10})(?:提案|方案|草案|法案|提议|提議)[，,]?$|(?<![不未])(?:同意|接受|根据|根據|迫于|迫於)[^。；;]{0,12}$/.test(
      before,
    )
  )
    return true;
  // 应产业界要求, 响应…要求 (at their request) — not 供应商要求 (suppliers ask), 应按/应满足企业要求 (should).
  const granted = /(?<![供回反适適对對相])[应應]([^，。；,;应應]{1,8})$/.exec(before);
  return (
    granted !== null &&
    !/^(?:按|满足|滿足|该|該|当|當|在|对|對|予)/.test(granted[1]!) &&
    // …not 未响应/没有答应 (a request not granted).
    !/(?:未|没有|沒有|拒绝|拒絕)[响響答]$/.test(before.slice(0, granted.index))
  );
}

/** An answer that is no comment or calls the rumour guesswork: "：不予置评", " 称属市场揣测". */
const NO_COMMENT_ANSWER = new RegExp(
  String.raw`^[：:\s]*[^，。；,;]{0,6}(?:${NO_COMMENT}|不置评|不置評|无可奉告|無可奉告|揣测|揣測|猜测|猜測)`,
);

function innerQuestionMark(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  return (
    match.name === 'question' &&
    /^[?？]$/.test(sentence.slice(match.start, match.end)) &&
    /^\s*["'”’」』)]*\s*\S/.test(sentence.slice(match.end))
  );
}

/** A denial whose clause refers back to a report ("回應稱該報導「不正確」", "called the report inaccurate"). */
const REPORT_REFERRED =
  /(?:该|該|这一|這一|此|相关|相關)(?:报道|報導|报导|消息|传闻|傳聞|说法|說法)|\b(?:the|that|this|those|such)\s+(?:reports?|story|claims?)\b(?!\s+(?:that|of|about|on|saying)\b)/i;

/**
 * Where a denial that follows what it denies reaches back to: the start of its clause — or of the
 * sentence, when the clause refers back to a report told before it ("有外媒報導…將推遲至2028年，馬斯克
 * 隨即回應稱該報導「不正確」").
 */
function deniedFrom(sentence: string, match: PhraseMatch<ScopeCue>): number {
  const start = clauseStartBefore(sentence, match.start);
  // "Samsung will make AI6 at Taylor and a bigger order is under consideration": what is weighed is only the
  // thing named right before the cue, not a clause joined before it.
  if (match.name === 'possibility' && weighedAfter(sentence, match)) {
    const clause = sentence.slice(start, match.start);
    // A join parts two clauses only when a verb stands before it ("Dojo is dead and a revival is not on the
    // table"), not inside the thing weighed ("A one-year pause and a simpler rulebook are on the table", "A
    // delay … with a longer grace period is on the table"); "with" only when no verb follows it ("in 2026 with a
    // second fab under consideration").
    const joins = [...clause.matchAll(WEIGHED_FROM)].filter(
      (join) =>
        /^(?:said|says)/i.test(join[0]) ||
        (FINITE_VERB.test(clause.slice(0, join.index)) &&
          // (not a verb of the weighed thing's own relative clause: "A plan that has Samsung making AI5 with …")
          !/^\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:that|which|in\s+which|under\s+which|where|whereby)\b/i.test(
            clause.slice(0, join.index),
          ) &&
          (!/^with/i.test(join[0]) || !FINITE_VERB.test(clause.slice(join.index + join[0].length)))),
    );
    return joins.length ? start + joins.at(-1)!.index + joins.at(-1)![0].length : start;
  }
  // "三星获特斯拉165亿美元大单 双方还将就AI5进行谈判": talks reach back to their topic (就…), never over a
  // headline's space or a 后 ("…大单后 正与…进行谈判").
  if (match.name === 'possibility') {
    const before = sentence.slice(start, match.start);
    const topic = before.lastIndexOf('就');
    const stop = Math.max(
      ...[...before.matchAll(TALKS_STOP)].map((found) => found.index + found[0].length),
      0,
    );
    return start + Math.max(topic, 0, stop);
  }
  if (match.name !== 'negation') return start;
  // "三星电子29日回应称报道不实" alone or after "针对…的传闻，": a reply that calls the report untrue denies the report, not
  // who replies (what the report said stands in a clause RUMOUR_ABOUT covers, or nowhere).
  const reply = REPLY_CALLING_REPORT_ZH.exec(sentence.slice(start, match.start));
  if (reply && (start === 0 || answeredRumourEnd(sentence) === start))
    return start + reply.index + reply[0].length - reply[1]!.length;
  return REPORT_REFERRED.test(sentence.slice(start, match.start)) ? 0 : start;
}

/** "on the table", "under consideration" — and "consider" after a modal, with nothing to consider after it. */
function weighedAfter(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  const cue = sentence.slice(match.start, match.end);
  if (!WEIGHED_AFTER.test(cue)) return false;
  if (!/^consider$/i.test(cue)) return true;
  return (
    /\b(?:could|would|might|will)\s+$/i.test(sentence.slice(Math.max(0, match.start - 8), match.start)) &&
    /^\W*$/.test(sentence.slice(match.end, match.end + 3))
  );
}

/** Where the clause holding `position` starts (a denial after its object reaches back to here). */
function clauseStartBefore(sentence: string, position: number): number {
  let start = 0;
  CLAUSE_END.lastIndex = 0;
  for (
    let match = CLAUSE_END.exec(sentence);
    match && match.index < position;
    match = CLAUSE_END.exec(sentence)
  )
    start = match.index + match[0].length;
  return start;
}

function clauseEndAfter(sentence: string, from: number, ends: RegExp = CLAUSE_END): number {
  ends.lastIndex = from;
  const match = ends.exec(sentence);
  return match ? match.index : sentence.length;
}

/** Where a clause ends that a ", which …," aside interrupts and a preposition resumes (", for AI5"). */
function pastRelativeAside(sentence: string, end: number): number {
  if (!/^,\s+which\s/.test(sentence.slice(end, end + 10))) return end;
  const close = clauseMarkAfter(sentence, end + 1);
  if (!CLAUSE_RESUMED.test(sentence.slice(close))) return end;
  return clauseEndAfter(sentence, close + 1);
}

const CLAUSE_RESUMED = /^,\s*(?:for|to|instead\s+of|over|into)\s/i;

const CHINESE_CHAR_START = /^[\u3400-\u9fff]/;
const DENIAL_WORD = /^(?:den(?:y|ied|ies)|dismiss|reject|refut|rebut)/i;
/** A cue that denies a report or a claim, not the step itself ("dismissed", "a rumour", 否认). */
const REPORT_DENIED_CUE = new RegExp(
  `${DENIAL_WORD.source}|^(?:false|untrue|rumou?r|squash|quash|scotch|debunk|否认|否認|驳斥|駁斥|辟谣|闢謠)`,
  'i',
);
const NEGATED_BEFORE = /(?:\bnot|n['’]t|\bnever|\bno)\s+$/i;

/** A relative clause telling what a report said: ", which said …", ", which claimed …". */
const REPORT_SAID_AFTER =
  /^[,，]\s*which\s+(?:had\s+|has\s+)?(?:said|says|claimed|claims|reported|suggested|suggests|stated|alleged|alleges)\b/i;

const STRIVING = /^(?:aim|hope|try|tri|compet|vie|vy)/i;
const DENYING = /^(?:deni|deny|disput|reject|refut|dismiss)/i;
const DENIER_GOES_ON =
  /\s(?:and|but)\s+(?:(?:also|instead)\s+)?(?:says|said|insists|insisted|adds|added|maintains|maintained|confirms|confirmed)\b/i;
const STRIVING_STOP = /\s(?:after|following|having|since|as|while|when|once)\s/i;

/**
 * Where a cue's span ends. A condition that opens its sentence reaches through the clause it
 * sets up ("若良率达标，三星或拿下AI5订单", "If yields improve, Samsung will make AI5"); a
 * superseded plan ends at a Chinese headline's space; every other cue at its clause's end.
 */
function spanEnd(sentence: string, match: PhraseMatch<ScopeCue>): number {
  // "Flashback: in 2021, Samsung said …": a heading of history covers its sentence.
  if (match.name === 'history' && /^\s*[:：]/.test(sentence.slice(match.end))) return sentence.length;
  if (match.name === 'history') {
    // "foundry — first slated for 2024, then pushed to 2026 — is now expected to start in 2027": a history aside
    // opened by a dash is history up to its closing dash.
    // (the dash may be written, or normalised, as a spaced hyphen)
    if (/(?:[—–]|\s-)\s*$/.test(sentence.slice(Math.max(0, match.start - 3), match.start))) {
      const close = sentence.slice(match.end, match.end + 100).search(/\s[—–-]\s/);
      if (close >= 0) return match.end + close;
    }
    return clauseEndAfter(sentence, match.end, HISTORY_END);
  }
  // A topic list runs over commas ("updates on AI5, Dojo and the Samsung deal"), not a colon.
  if (match.name === 'topic') return clauseEndAfter(sentence, match.end, TOPIC_END);
  // "Dojo 3 revival on the table after Tesla ended Dojo in August": a weighing reaches back — forward only over
  // its purpose or its examples ("nothing is on the table to revive it", "…, including moving AI5 to Samsung").
  if (match.name === 'possibility' && weighedAfter(sentence, match)) {
    let weighedEnd = match.end;
    const purpose = /^\s+(?:to|for)\s+[^,;.]*/i.exec(sentence.slice(weighedEnd));
    if (purpose) weighedEnd += purpose[0].length;
    while (ELABORATION.test(sentence.slice(weighedEnd)))
      weighedEnd = clauseEndAfter(sentence, weighedEnd + 1);
    return weighedEnd;
  }
  let end = clauseEndAfter(sentence, match.end);
  // "are considering rolling back elements of the AI Act—postponing penalties until August 2, 2027, carving exemptions
  // for high-risk systems, and creating a grace period": what is considered goes on over its list of steps.
  if (match.name === 'possibility' && /^consider/i.test(sentence.slice(match.start, match.end)))
    for (
      let step = CONSIDERED_STEP.exec(sentence.slice(end));
      step;
      step = CONSIDERED_STEP.exec(sentence.slice(end))
    )
      end = clauseEndAfter(sentence, end + step[0].length);
  // "AI法案高风险条款不会暂停 将如期适用": a Chinese negation ends at a headline's space.
  if (match.name === 'negation' && CHINESE_CHAR_START.test(sentence.slice(match.start, match.end))) {
    const space = sentence.slice(match.end, end).search(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/);
    if (space >= 0) end = match.end + space;
  }
  // "进行谈判后签署165亿美元合同": the talks end where what followed them begins.
  // ("Samsung held talks with Tesla for a year before signing the $16.5 billion contract": English talks end at
  // "before" or at what they won.)
  const talks = sentence.slice(match.start, match.end);
  const talksStop = TALKS_AFTER.test(talks)
    ? TALKS_STOP
    : TALKS_AFTER_EN.test(talks)
      ? TALKS_STOP_EN
      : undefined;
  if (match.name === 'possibility' && talksStop) {
    const stop = sentence.slice(match.end, end).search(talksStop);
    if (stop >= 0) end = match.end + stop;
  }
  // "…致信欧盟委员会，要求“停止计时”，将AI法案高风险义务推迟两年实施": a demand goes on over a comma to what it
  // asks done (将/把) — not a demand refused ("欧盟委员会拒绝企业要求“停止计时”，将如期…实施": the refuser's act).
  if (
    match.name === 'possibility' &&
    /^(?:要求|呼吁|呼籲|敦促)/.test(sentence.slice(match.start, match.end)) &&
    // (not a call answered: 回应/采纳…呼吁，将…)
    !/(?<![不未没沒能绝絕予])(?:回应|回應|采纳|採納|接受(?![^，。；]{0,8}(?:采访|採訪|专访|專訪))|响应|響應|同意|听取|聽取|顺应|順應)[^，。；]{0,12}$/.test(
      sentence.slice(0, match.start),
    ) &&
    !/(?:拒绝|拒絕|驳回|駁回|不理会|不理會|无视|無視|否决|否決)[^，。；]{0,8}$/.test(
      sentence.slice(0, match.start),
    )
  )
    // …and over its purpose ("，以便企业有更多时间准备": the more time is asked for too).
    while (/^[，,]\s*(?:将|將|把|以便|以使|好让|好讓)/.test(sentence.slice(end)))
      end = clauseEndAfter(sentence, end + 1);
  // "三星電子可能再追加投資，將德州泰勒…總投資擴大至約500億美元": what a weighed step does with 将/把 after a comma is
  // weighed too.
  if (match.name === 'possibility' && WEIGHED_ZH.test(sentence.slice(match.start, match.end)))
    while (/^[，,]\s*(?:将|將|把)/.test(sentence.slice(end))) end = clauseEndAfter(sentence, end + 1);
  if (match.name === 'possibility')
    while (WEIGHED_PARTICIPLE.test(sentence.slice(end))) end = clauseEndAfter(sentence, end + 1);
  // "Samsung aims to win Tesla's AI5 orders after landing the AI6 contract": a striving ends where what
  // happened before it, or a clause of its own, is told.
  if (match.name === 'possibility' && STRIVING.test(sentence.slice(match.start, match.end))) {
    const stop = sentence.slice(match.end, end).search(STRIVING_STOP);
    if (stop >= 0) end = match.end + stop;
  }
  // "Samsung has denied claims of poor yields and says AI6 will be made on its 2nm process": a denial ends where its
  // denier goes on to say what is so.
  if (match.name === 'negation' && DENYING.test(sentence.slice(match.start, match.end))) {
    const stop = sentence.slice(match.end, end).search(DENIER_GOES_ON);
    if (stop >= 0) end = match.end + stop;
  }
  // "is weighing changes to the timeline, including a proposed one-year delay": what the list adds is the
  // clause's own object, weighed the same.
  while (ELABORATION.test(sentence.slice(end))) end = clauseEndAfter(sentence, end + 1);
  // "Tesla did not pick Samsung, which makes its AI4 chips, for AI5": the clause goes on past a relative aside (which
  // tells its own: relativeAsides).
  end = pastRelativeAside(sentence, end);
  // "Samsung denied the report, which said it would make Tesla's AI5 chips": what the denied report said is denied.
  // (a denial itself, not one negated: "did not deny the report, which said …", nor "did not respond to")
  if (
    match.name === 'negation' &&
    DENIAL_WORD.test(sentence.slice(match.start, match.end)) &&
    !NEGATED_BEFORE.test(sentence.slice(Math.max(0, match.start - 16), match.start))
  )
    while (REPORT_SAID_AFTER.test(sentence.slice(end))) end = clauseEndAfter(sentence, end + 1);
  // "asking whether the plant can begin production in 2026 as planned, or slip to 2027": the other answer asked.
  if (match.name === 'question' || match.name === 'possibility')
    while (/^[,，]\s*or\b/i.test(sentence.slice(end))) end = clauseEndAfter(sentence, end + 1);
  if (match.name !== 'condition') return end;
  // A condition set before what it conditions: opening the sentence, or a Chinese one opening a clause
  // ("…良率目前约在55%左右，若年底前提升至70%以上，特斯拉AI6最快可于2027年进入量产").
  const fronted =
    OPENS_SENTENCE.test(sentence.slice(0, match.start)) ||
    // (or a quote: 马斯克表示"如果一切顺利，AI6明年进入量产")
    /(?:["“「『‘]|(?:^|[\s:：])')\s*$/.test(sentence.slice(0, match.start)) ||
    (/[，；,;]\s*$/.test(sentence.slice(0, match.start)) &&
      // (not 一旦, "once": a time after a plan stated, "AI6将由三星代工，一旦泰勒工厂投产，…")
      /^(?!一旦)[\u3400-\u9fff]/.test(sentence.slice(match.start)));
  // "若以营收计算，…", "若不计汇率影响，…": a basis of measure, no condition on the clause after it.
  if (
    !fronted ||
    (MEASURE_BASIS.test(sentence.slice(match.start, end)) &&
      // (…before a value stated now, not one to come: "若计入关税影响，…将升至72%")
      !/^[，,]?[^。；;，,]*?(?:将|將|或|可能|有望|预计|預計)/.test(sentence.slice(end)))
  )
    return end;
  return end < sentence.length ? clauseEndAfter(sentence, end + 1) : end;
}

/** Where a demand's clause ends: its clause mark, or a Chinese headline's space ("企业要求欧盟推迟 欧盟委员会提议…"). */
function demandEnd(sentence: string, from: number): number {
  const contrast = sentence.slice(from).search(/但|而|却|卻/);
  const end = Math.min(clauseEndAfter(sentence, from), contrast < 0 ? sentence.length : from + contrast);
  // (searched in the whole sentence, so that the character before a space at `from` is seen)
  const space = sentence
    .slice(Math.max(0, from - 1), end)
    .search(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/);
  return space < 0 ? end : Math.max(0, from - 1) + space;
}

/** A time right before a Chinese negation or question, with what may stand between (今年確定無法, 2026年内恐无法, 今年能否). */
const TIME_BEFORE_CUE_ZH =
  /(?:今年|明年|年内|年內|本季|(?:19|20)\d{2}\s*年(?:[上下]半年|底)?)(?:内|內|底)?\s*(?:确定|確定|恐|仍|还|還|将|將|预计|預計|可能|恐怕|有|也)?\s*$/;

const MEASURE_BASIS =
  /(?:不计|不計|扣除|剔除|不考虑|不考慮|计入|計入|排除)[^，,]{0,8}(?:影响|影響|因素)\s*[，,]?\s*$|(?:计|計|计算|計算|计入|計入|扣除|来看|來看|而言|为准|為準)\s*[，,]?\s*$/;

/**
 * A comma that goes on with new examples of what came before (", including a proposed one-year delay") —
 * not with a thing already there (", including the $16.5 billion deal with Samsung", its, their).
 */
/**
 * A step of a list that what is considered goes on to: ", postponing", " - carving", ", and creating" (not "leaving"),
 * past the year of a date the clause before ended in ("until August 2, 2027, carving").
 */
const CONSIDERED_STEP =
  /^(?:\s*,\s*(?:19|20)\d\d)?(?:\s*,|\s+-)\s*(?:and\s+)?(?!(?:leaving|citing|saying|adding|according|including)\b)[a-z]+ing\s/;

const ELABORATION =
  /^[,，]\s*(?:including|such\s+as|among\s+them)\s+(?!(?:the|its|their|his|her|this|that|these|those)\b)/i;

/**
 * After a weighed step, the participle that tells what it would do: "may delay key deadlines, offering a one-year grace
 * period for high-risk AI systems" (not after a denial or a negation, whose participle states the fact: "will not
 * delay the rules, giving companies certainty that they apply from August 2026").
 */
const WEIGHED_PARTICIPLE =
  /^[,，]\s*(?:offering|giving|granting|allowing|postponing|delaying|extending)\s+(?:an?\s+|the\s+|some\s+)?(?:(?:one|two|\d+)[-\s](?:year|month)\s+)?(?:grace\s+period|delay|reprieve|extension|postponement|pause|deadlines?)\b/i;

/**
 * Before a cue, only the sentence's opening: quotes, a dateline's colon, a name and a colon, or who
 * says it ("韓國證券業者則提醒，即使雙方最終達成協議，…").
 */
const OPENS_SENTENCE =
  /^[\s"“'‘(（]*(?:[^,，。:：]{0,24}[:：]\s*)?(?:[^,，。:：]{0,24}(?:表示|指出|提醒|认为|認為|称|稱|警告|强调|強調)\s*[,，]?\s*|[^,.;:]{0,40}\b(?:said|says|warned|warns|added|adds|noted|notes)\s+(?:that\s+)?)?$/;

/**
 * The relative clauses a sentence sets off with ", which" up to its next comma or end — not one that reports what
 * something said (", which said it would …", ", which claimed …"): that content is the report's; nor one that
 * weighs ("…, which would lift the total to $47 billion").
 */
function relativeAsides(sentence: string): Array<{ start: number; end: number }> {
  if (!sentence.includes(', which ')) return [];
  return [...sentence.matchAll(RELATIVE_ASIDE)].map((match) => {
    return { start: match.index, end: clauseMarkAfter(sentence, match.index + 1) };
  });
}

const RELATIVE_ASIDE =
  /,\s+which\s+(?!(?:would|could|might|may|should)\b|(?:had\s+|has\s+|have\s+)?(?:said|says|say|claimed|claims|reported|reports|suggested|suggests|stated|states|alleged|alleges|argued|argues|predicted|predicts|forecast|forecasts|expects|expected|speculated|asked|asks|questioned)\b)/g;

/**
 * The scopes of one sentence.
 *
 * @example
 * const scopes = findScopes('Tesla did not pick Samsung for AI5', tokenize(text));
 * scopes.blockersAt(text.indexOf('Samsung')); // ['negation']
 */
export function findScopes(sentence: string, tokens: Token[]): Scopes {
  const matches = cues.find(sentence, tokens).filter(
    (match) =>
      !isMonthMay(sentence, match) &&
      !asPlanned(sentence, match) &&
      !raceWon(sentence, match) &&
      !notAnOpenContest(sentence, match) &&
      !positionAdopted(sentence, match) &&
      !wordOfAnotherSense(sentence, match) &&
      // A question mark inside the sentence asks only what comes before it (INNER_QUESTION, below).
      !innerQuestionMark(sentence, match) &&
      !answeredOrGranted(sentence, match),
  );
  const spans = matches
    .filter((match) => BLOCKING.has(match.name))
    // "Dojo is outdated and has been shut down": "out of date" denies only what it follows (below).
    .filter(
      (match) =>
        !BACKWARD_ONLY.test(sentence.slice(match.start, match.end)) ||
        // …as the subject opening its clause ("An outdated report put …"), not an object ("revised its outdated plans").
        (DENIED_THING_AFTER.test(sentence.slice(match.end, match.end + 16)) &&
          /(?:^|[,;:，；：]\s*|\bsays?\s+|\bsaid\s+)(?:an?\s+|the\s+|some\s+|many\s+|several\s+|older\s+)?$/i.test(
            sentence.slice(0, match.start),
          )),
    )
    // "英特尔出局 三星与台积电共同代工…": who misses out stands before the cue (below), not after its clause.
    .filter((match) => !missedOutEndingClause(sentence, match))
    .filter(
      (match) =>
        !(
          match.name === 'negation' &&
          !CORRECTION_CUE.test(sentence.slice(match.start, match.end)) &&
          // (a denied report's time is denied with it: "dismissed claims that its fab would not open before 2028")
          !REPORT_DENIED_CUE.test(sentence.slice(match.start, match.end)) &&
          notUntil(sentence, match)
        ),
    )
    // "would apply no later than December 2027": a date's bound, not a denial; "No. 2 Samsung": a rank; "not just AI6
    // but also AI5", "AI5 too, not only AI6": an addition, not a denial.
    .filter(
      (match) =>
        !(
          match.name === 'negation' &&
          (/^\s*later\s+than\b/i.test(sentence.slice(match.end, match.end + 12)) ||
            /^\s+(?:just|only|merely|simply)\b/i.test(sentence.slice(match.end, match.end + 10)) ||
            /^\.\s?\d/.test(sentence.slice(match.end, match.end + 3))) &&
          /^(?:no|not)$/i.test(sentence.slice(match.start, match.end))
        ),
    )
    .map((match) => ({
      name: match.name,
      start: match.start,
      cueStart: match.start,
      cueEnd: match.end,
      end: spanEnd(sentence, match),
      pastTransaction:
        match.name === 'history' &&
        PAST_ONLY.test(sentence.slice(match.start, match.end)) &&
        (TRANSACTION_AFTER.test(sentence.slice(match.end, match.end + 16)) ||
          // "三星电子此前已为特斯拉代工AI4芯片": what was already done then still stands — it may confirm, never change.
          /^\s*(?:已经|已經|已|一直)/.test(sentence.slice(match.end, match.end + 3)) ||
          // "此前承诺的5000亿美元", "此前依据《芯片与科学法案》获得最高47.45亿美元", "previously pledged": a past promise or award
          // restated — it may confirm, never change.
          (PAST_PROMISE_AFTER.test(sentence.slice(match.end, match.end + 28)) &&
            // (not one the sentence goes on to change: "将把此前承诺的最多47.5亿美元补贴削减一半")
            !CHANGED_LATER.test(sentence.slice(match.end)))),
    })) as ScopeSpan[];
  // "AI6 volume production not before 2030 if 2nm yields lag, analyst warns": a condition after its clause, with no
  // comma between, conditions that clause too (not "even if", "as if", "if any").
  for (const span of spans)
    if (
      span.name === 'condition' &&
      /^if$/i.test(sentence.slice(span.cueStart, span.cueEnd)) &&
      !/\b(?:even|as|only)\s+$/i.test(sentence.slice(Math.max(0, span.cueStart - 6), span.cueStart)) &&
      !/^\s+(?:any|not|ever|so|anything)\b/i.test(sentence.slice(span.cueEnd, span.cueEnd + 10))
    ) {
      const from = clauseStartBefore(sentence, span.cueStart);
      if (from < span.cueStart && !/[,;:—–]/.test(sentence.slice(from, span.cueStart))) span.start = from;
    }
  // "denied a report that its contract with Tesla, originally valued at $16.5 billion, had been expanded to $25
  // billion": an aside inside the clause does not end it — the clause's verb after the aside is in scope too (the
  // aside itself, background, is not: "when the fab, which received a $4.75 billion award, will start production").
  for (const span of [...spans]) {
    if (span.name === 'history' || span.name === 'topic') continue;
    // (…and a value the clause goes on to after a comma: "to cut its chip order by a third, to about $11 billion")
    const aside =
      ASIDE_THEN_VERB.exec(sentence.slice(span.end)) ?? VALUE_GONE_ON_TO.exec(sentence.slice(span.end));
    if (!aside) continue;
    const from = span.end + aside[0].length;
    spans.push({ ...span, start: from, end: clauseEndAfter(sentence, from) });
  }
  // "is considering adding $10 billion …, people familiar said, which would lift the total to $47 billion": what the
  // weighed step would bring about is weighed too.
  for (const span of spans) {
    if (span.name !== 'possibility') continue;
    const consequence = CONSEQUENCE_AFTER.exec(sentence.slice(span.end));
    if (consequence)
      span.end = spanEnd(sentence, {
        start: span.end + consequence[0].length,
        end: span.end + consequence[0].length,
        name: 'possibility',
      });
  }
  // "泰勒晶圓廠今年確定無法投產": a Chinese negation covers the time said right before it; so does a question
  // ("泰勒廠今年能否如期投產" asks about this year) and a hedge ("AI6明年有可能进入量产" may be next year).
  for (const span of spans) {
    if (
      span.name !== 'negation' &&
      !(
        (span.name === 'question' || span.name === 'possibility') &&
        CHINESE_CHAR_START.test(sentence.slice(span.cueStart, span.cueEnd))
      )
    )
      continue;
    const before = sentence.slice(Math.max(0, span.cueStart - 14), span.cueStart);
    const time = TIME_BEFORE_CUE_ZH.exec(before);
    if (time) span.start = span.cueStart - before.length + time.index;
  }
  // "能否如期在2026年投产，还是会推迟到2027年": the other side of an either/or question is asked too.
  for (const span of spans) {
    if (span.name !== 'question') continue;
    const alternative = ALTERNATIVE_ZH.exec(sentence.slice(span.end));
    if (alternative) span.end += alternative[0].length;
  }
  // "a report putting the value at $30 billion was 'not true'": a denial that follows what it denies;
  // "特斯拉正与英特尔就代工AI6进行初步接触": talks that follow what they are about; "… will hinge on its
  // yields", 取决于: a dependence that follows what it leaves open.
  for (const match of matches)
    if (
      (match.name === 'negation' && DENIED_AFTER.test(sentence.slice(match.start, match.end))) ||
      // "特斯拉AI6轉單台積電的傳聞遭否認": a denial suffered (遭, 被) follows what it denies.
      (match.name === 'negation' &&
        /^(?:否认|否認|驳斥|駁斥)$/.test(sentence.slice(match.start, match.end)) &&
        /(?:遭|被)$/.test(sentence.slice(Math.max(0, match.start - 1), match.start))) ||
      (match.name === 'possibility' &&
        TALKS_AFTER.test(sentence.slice(match.start, match.end)) &&
        // (not a vote or debate that then passed: "就推迟…进行投票，结果以412票赞成获得通过")
        !passedAfterZh(sentence.slice(match.end, match.end + 24))) ||
      (match.name === 'possibility' && weighedAfter(sentence, match)) ||
      (match.name === 'condition' && DEPENDS_ON.test(sentence.slice(match.start, match.end)))
    )
      spans.push(reachingBack(match.name, match, deniedFrom(sentence, match)));
  // "I expect Tesla to move AI6 to TSMC if Taylor slips", "Tesla could switch the chip to TSMC if …": an "if" after a
  // predicted clause conditions that clause too (not "even if", "as if").
  for (const match of matches)
    if (
      match.name === 'condition' &&
      /^(?:if|unless)$/i.test(sentence.slice(match.start, match.end)) &&
      !/\b(?:even|as|only)\s+$/i.test(sentence.slice(Math.max(0, match.start - 6), match.start)) &&
      PREDICTED.test(sentence.slice(clauseStartBefore(sentence, match.start), match.start))
    )
      spans.push(reachingBack('condition', match, clauseStartBefore(sentence, match.start)));
  // "特斯拉确认AI6由三星代工，网传转单台积电，三星回应：不实": a rumour's clause denied at the sentence's end.
  // (a rumour word opening its clause — not 传出 of news, 数据传输 — and a denial that names no rumour of its own:
  // "对于转单传闻台积电回应：不实" answers the rumour it names, RUMOUR_ABOUT)
  if (RUMOUR_DENIED_LATER_WORD.test(sentence))
    for (const rumour of sentence.matchAll(RUMOUR_DENIED_LATER))
      if (!/传闻|傳聞|传言|傳言/.test(rumour[0].slice(rumour[0].lastIndexOf('，') + 1)))
        spans.push(spanOver('negation', rumour));
  // "针对有关团队解散的传闻，…": what a rumour is about is not said by the sentence — blocked like a
  // denial, since the sentence names the rumour only to answer it.
  for (const rumour of sentence.matchAll(RUMOUR_ABOUT)) spans.push(spanOver('negation', rumour));
  // "有韩媒称泰勒工厂投产将推迟至2027年，三星电子对此予以否认", "…, which Samsung denied": a denial of what the
  // sentence reported before it.
  for (const match of matches)
    if (match.name === 'negation' && deniesWhatCameBefore(sentence, match))
      // ("Tesla picks Samsung …, with the deal put at $20 billion by one report, which Samsung denied" denies the
      // report, not the pick)
      spans.push(reachingBack('negation', match, deniedClauseStart(sentence, match.start)));
  // "Tesla's AI5 goes to TSMC alone, Samsung left out", "…由台積電獨家代工 三星無緣": who misses out is named
  // before the cue that ends its clause, and makes nothing.
  for (const match of matches)
    if (
      missedOutEndingClause(sentence, match) &&
      // (not one a contrast goes on from: "三星在英伟达订单竞争中出局，但拿下特斯拉AI5代工订单")
      !CONTRAST_AFTER.test(sentence.slice(match.end))
    )
      spans.push(reachingBack('negation', match, missedFrom(sentence, match.start)));
  // "继2025年8月解散团队、2026年初宣布重启Dojo 3之后，特斯拉本周确认…关停": a state the news follows is history
  // (not a deal it follows: "继去年7月与特斯拉签订…合同之后" — still in force).
  if (sentence.includes('继') || sentence.includes('繼'))
    // (…and only when a later state follows it: "…宣布重启之后，特斯拉正在招聘" still holds the restart)
    for (const earlier of sentence.matchAll(FOLLOWING_ZH))
      if (
        STATE_CHANGE_ZH.test(earlier[0]) &&
        STATE_CHANGE_ZH.test(sentence.slice(earlier.index + earlier[0].length))
      )
        spans.push(spanOver('history', earlier));
  const deniedReport = QUOTED_DENIAL_OF_REPORT.exec(sentence);
  if (deniedReport) {
    const from = deniedReport[0].length;
    const stop = sentence.slice(from).search(DENIED_REPORT_END);
    spans.push({
      name: 'negation',
      start: from,
      cueStart: 0,
      cueEnd: from,
      end: stop < 0 ? sentence.length : from + stop,
    });
  }
  spans.push(...retractedSpans(sentence));
  // "two years after the 2024 start it originally planned": a date named as the plan it was, after it.
  for (const planned of sentence.matchAll(ORIGINAL_PLAN_AFTER)) spans.push(spanOver('history', planned));
  // "围绕AI5的代工归属，韩国与台湾媒体近来报道不一": what the reports disagree on, up to there, is open.
  // Only its own clause — and the topic phrase before it (围绕…, 关于…) — not a fact told before 但/而 or a
  // comma ("三星将在泰勒厂生产AI6，但关于AI5的代工厂，韩台媒体报道不一").
  const differ = REPORTS_DIFFER.exec(sentence);
  // ("though reports vary on its true value" names its own topic after it, and opens nothing before.)
  if (differ && !TOPIC_AFTER_DIFFER.test(sentence.slice(differ.index + differ[0].length)))
    spans.push({ ...openUpTo(differ), start: differingFrom(sentence, differ.index) });
  // "特斯拉HW4晶片傳轉單台積電 供應鏈：尚未定案": a report the sentence then calls undecided is open — when
  // the cue's clause has no subject of its own ("AI5的代工方尚未确定" leaves the rest said).
  const undecided = UNDECIDED.exec(sentence);
  if (
    undecided &&
    SUBJECTLESS_BEFORE.test(sentence.slice(clauseStartBefore(sentence, undecided.index), undecided.index)) &&
    NOTHING_AFTER.test(
      sentence.slice(undecided.index + undecided[0].length, clauseEndAfter(sentence, undecided.index)),
    ) &&
    matches.some((match) => match.name === 'hedge' && match.start < undecided.index)
  )
    spans.push(openUpTo(undecided));
  // "Samsung said nothing has been decided regarding a report that it will make Tesla's AI5 chips, after a local
  // daily said …": what follows the undecided cue is undecided.
  const nothingDecided = NOTHING_DECIDED.exec(sentence);
  if (nothingDecided)
    spans.push({
      name: 'possibility',
      start: nothingDecided.index,
      cueStart: nothingDecided.index,
      cueEnd: nothingDecided.index + nothingDecided[0].length,
      end: undecidedEnd(sentence, nothingDecided.index + nothingDecided[0].length),
    });
  // "针对业界提出的暂停要求": a demand named by what it asks is only asked.
  // (to the end of its clause: "企业要求欧盟将高风险规则暂停实施" asks the 实施 too)
  // (a cheap test first: the pattern's look-behinds are tried at every position)
  for (const demand of DEMAND_WORD.test(sentence) ? sentence.matchAll(DEMAND_NAMED) : [])
    spans.push({
      ...spanOver('possibility', demand),
      end: demandEnd(sentence, demand.index + demand[0].length),
    });
  // "Samsung's Taylor fab, first due in 2024, has been delayed repeatedly": an aside telling the first target is history
  // (not "AI5 chips: first due in volume in 2026", a first batch).
  for (const aside of sentence.matchAll(FIRST_TARGET_ASIDE)) spans.push(spanOver('history', aside));
  // "Berlin and Paris want the AI Act's high-risk obligations delayed by two years": a wish for a delay, past the
  // lexicon's short gap ("want ... delayed").
  for (const wish of sentence.matchAll(WISHED_DELAY)) spans.push(spanOver('possibility', wish));
  for (const request of sentence.matchAll(ASKED_TO_DELAY)) spans.push(spanOver('possibility', request));
  // "Postponing the high-risk rules, as some in industry demand, would reward the loudest lobbyists": a step named as
  // the subject of what it would bring about is only supposed.
  const supposed = SUPPOSED_STEP.exec(sentence);
  if (supposed) spans.push(spanOver('possibility', supposed));
  // "由于推迟提案未能在期限前完成立法程序": a proposal of a step that did not pass is no step taken.
  for (const failed of sentence.matchAll(FAILED_PROPOSAL_ZH)) spans.push(spanOver('negation', failed));
  // "Brussels rebuffs 'stop the clock' calls": a quoted demand named by what it asks is only asked —
  // the quote, not the rest of its clause ("rules to apply as planned despite 'pause' demands").
  for (const call of sentence.matchAll(QUOTED_CALL)) {
    const opening = quoteOpening(sentence, call.index);
    if (opening === undefined) continue;
    spans.push({
      name: 'possibility',
      start: opening,
      cueStart: call.index,
      cueEnd: call.index + call[0].length,
      end: call.index + call[0].length,
    });
  }
  if (INVERTED_CONDITION.test(sentence)) {
    const end = clauseEndAfter(sentence, 0);
    spans.push({
      name: 'condition',
      start: 0,
      cueStart: 0,
      cueEnd: 0,
      end: end < sentence.length ? clauseEndAfter(sentence, end + 1) : end,
    });
  }
  const supposedEvent = SUPPOSED_EVENT.exec(sentence) ?? SUPPOSED_STEP_ZH.exec(sentence);
  if (supposedEvent) {
    const modal = supposedEvent.index + supposedEvent[0].length;
    // (from the supposed event itself, not the verb that says it: "MEPs say any further delay would gut the law")
    const start = supposedEvent.index + (SAYS_BEFORE_EVENT.exec(supposedEvent[0])?.[0].length ?? 0);
    spans.push({
      name: 'condition',
      start,
      cueStart: start,
      cueEnd: modal,
      end: clauseEndAfter(sentence, modal),
    });
  }
  // "…obligations to take effect on August 2 should EU institutions fail to adopt the omnibus": an inverted condition
  // set after its clause conditions that clause as well as its own.
  for (const inverted of sentence.matchAll(POSTPOSED_INVERTED_CONDITION)) {
    const at = inverted.index + inverted[0].search(/\S/);
    let start = clauseStartBefore(sentence, at);
    // (through a date's own comma: "on August 2, 2026 should the omnibus stall")
    while (
      start > 0 &&
      /\b[A-Z][a-z]+\.?\s+\d{1,2},\s*$/.test(sentence.slice(Math.max(0, start - 16), start))
    )
      start = clauseStartBefore(sentence, start - 2);
    spans.push({
      name: 'condition',
      start,
      cueStart: at,
      cueEnd: at + inverted[0].trim().length,
      end: clauseEndAfter(sentence, at),
    });
  }
  if (/[?？]\s*["'”’」』)]*\s*$/.test(sentence)) {
    // "白宫《AI行动计划》发布一周：90余项措施如何落地？": a headline's question after its colon asks only that part.
    const colon = Math.max(sentence.lastIndexOf('：'), sentence.lastIndexOf(': '));
    // (…unless it points back at the first part: "$1.4 trillion of compute deals: how much of it is Stargate?")
    const question = sentence.slice(colon + 1);
    // (…and a Chinese question word's clause after a comma asks only that clause: "已与特斯拉签下165亿美元合约的三星，
    // 能否借此扭亏？" tells the deal it names)
    const askedClause = ASKED_CLAUSE_ZH.exec(sentence);
    const asked =
      colon > 0 && ASKS_ITSELF.test(question) && !POINTS_BACK.test(question)
        ? colon + 1
        : askedClause && !/如果|假如|若|一旦|要是|倘若/.test(sentence.slice(0, askedClause.index))
          ? askedClause.index + 1
          : 0;
    spans.push({ name: 'question', start: asked, cueStart: asked, cueEnd: asked, end: sentence.length });
  }
  // "AI5延期至2028年？馬斯克：報導「不正確」", "AI5 delayed to 2028? Musk says no": a question closed
  // inside a headline asks what comes before its mark.
  for (const mark of sentence.matchAll(INNER_QUESTION))
    spans.push({ name: 'question', start: 0, cueStart: mark.index, cueEnd: mark.index, end: mark.index + 1 });
  // "Samsung once promised Taylor would start production in 2026, and the company reaffirmed that date": a promise
  // told as kept is no history.
  if (REAFFIRMED.test(sentence))
    for (const span of [...spans])
      if (
        span.name === 'history' &&
        /^once\s+(?:promis|pledg)/i.test(sentence.slice(span.cueStart, span.cueEnd))
      )
        spans.splice(spans.indexOf(span), 1);
  // "特斯拉曾叫停Dojo，此后一直未重启": what was once done and never undone since still holds.
  if (NEVER_UNDONE_SINCE.test(sentence))
    for (const span of [...spans])
      if (span.name === 'history' && /^(?:曾|once)$/i.test(sentence.slice(span.cueStart, span.cueEnd)))
        spans.splice(spans.indexOf(span), 1);
  const asides = relativeAsides(sentence);
  const standsNow = /current|existing|present|目前|现有|現有|现行|現行/i.test(sentence)
    ? [...sentence.matchAll(STANDS_NOW)].map((now) => ({ start: now.index, end: now.index + now[0].length }))
    : [];
  // A cue's span does not reach into a relative clause set off after its cue: "Investors will look for updates on
  // AI5, which TSMC and Samsung will both make", "Will Tesla widen its deal with Samsung, which runs to 2033?" — the
  // clause tells it as so (its own cues still hold within it).
  const reaches = (span: ScopeSpan, position: number) =>
    !asides.some((aside) => aside.start >= span.cueEnd && position >= aside.start && position < aside.end);
  return {
    blockersAt(position, ignore) {
      return (
        spans
          .filter((span) => position >= span.start && position < span.end && reaches(span, position))
          // "in talks to extend the deal beyond its current 2033 end date", "商讨将目前到2033年结束的协议再延长": what
          // stands now, named inside the talk, is not what is talked of.
          .filter(
            (span) =>
              span.name !== 'possibility' ||
              !standsNow.some((now) => position >= now.start && position < now.end),
          )
          // A cue inside the relation word is part of it ("no longer"); one reaching past it is not (要求推迟).
          .filter((span) => !ignore || !cueWithin(span, ignore))
          .map((span) => span.name)
      );
    },
    blockedBetween(from, to) {
      return spans.some(
        (span) => span.start >= from && span.start < to && span.end > to && reaches(span, to),
      );
    },
    pastTransactionAt(position) {
      const history = spans.filter(
        (span) => span.name === 'history' && position >= span.start && position < span.end,
      );
      return history.length > 0 && history.every((span) => span.pastTransaction === true);
    },
    hedged: matches.some((match) => match.name === 'hedge'),
    // A replacement cue inside a denied or superseded clause ("had been slated for exclusive production") says nothing now.
    replacement: matches.filter(
      (match) =>
        match.name === 'replacement' &&
        // "moves some AI4 output to TSMC", 部分: a share moves, the old maker stays.
        !PARTIAL_AFTER.test(sentence.slice(match.end, match.end + 24)) &&
        // 部分订单转投台积电: part of the orders, named before the move, moves.
        !PARTIAL_BEFORE.test(sentence.slice(Math.max(0, match.start - 12), match.start)) &&
        // "Record Revenue, Profit Drop, Samsung AI5 Chip Deal": a fall of a figure, a noun, replaces nothing.
        !FIGURE_BEFORE.test(sentence.slice(Math.max(0, match.start - 16), match.start)) &&
        // "Exclusive: Samsung to make some Tesla AI5 chips", "EXCLUSIVE-…", "(Exclusive)": a news label, not a sole maker.
        !NEWS_LABEL.test(sentence.slice(Math.max(0, match.start - 2), match.end + 3)) &&
        !spans.some(
          (span) => span.name !== 'question' && match.start >= span.start && match.start < span.end,
        ),
    ),
    matches,
  };
}

const NEWS_LABEL = /^(?:\s*|.*\()exclusive(?:\s*[:\-–—|)]|$)/i;

/** A cue of one or more characters lying inside a relation word (the sentence-wide question has none). */
const cueWithin = (span: { cueStart: number; cueEnd: number }, word: { start: number; end: number }) =>
  span.cueEnd > span.cueStart && span.cueStart >= word.start && span.cueEnd <= word.end;

/** "until mid-2027", "before Q3 2026", "till next year", "until 2 August 2028": a time, not "before the deadline". */
const NOT_UNTIL_EN =
  /^[^.;]{0,60}?\b(?:until|till|before)\s+(?:(?:early|mid|late|the\s+end\s+of|end|the\s+second\s+half\s+of|the\s+first\s+half\s+of)[-\s]*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?=[A-Z]))?(?:'?\d{2,4}\b|[1-4]Q|Q[1-4]|[12]H|H[12]|next\s+year|January|February|March|April|May|June|July|August|September|October|November|December)/i;
const NOT_UNTIL_ZH =
  /^[^。；]{0,20}?(?:直到|直至|要到)[^。；，]{0,4}?(?:\d{2,4}|[〇一二三四五六七八九零]{2,4}|明年|后年|後年)/;

/**
 * "will not be available in volume until mid-2027", "won't ship before 2027", 直到2027年才:
 * the negation sets a time from which it holds, it does not deny the time.
 */
function notUntil(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  const rest = sentence.slice(match.end, clauseEndAfter(sentence, match.end));
  return NOT_UNTIL_EN.test(rest) || NOT_UNTIL_ZH.test(rest);
}

/** "按原定时间表生效", "as originally planned": the old plan still holds, nothing is superseded. */
function asPlanned(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  return (
    match.name === 'history' &&
    (/(?:按|依|照|如|按照|依照)\s*$/.test(sentence.slice(Math.max(0, match.start - 3), match.start)) ||
      /\bas\s+$/i.test(sentence.slice(Math.max(0, match.start - 4), match.start)) ||
      // "remain on their original timetable", "sticks to the original date": the old plan kept.
      /\b(?:remains?|remained|stays?|stayed|sticks?|stuck|keeps?|kept)\s+(?:on\s+|to\s+|with\s+)?(?:the|its|their)\s+$/i.test(
        sentence.slice(Math.max(0, match.start - 24), match.start),
      ) ||
      // "is initially slated to produce … from 2026", a headline's "initially slated for 2026": the plan's first
      // stage, still the plan — history only as an aside ("X, initially slated for 2024, will open in 2026"),
      // or after was/were/had been (a past year under it is a past plan: extract/numeric-value.ts, PLAN_OF_THE_PAST).
      (/^initially\b/i.test(sentence.slice(match.start, match.end)) &&
        !/(?:,|\b(?:was|were|had\s+been))\s*$/i.test(
          sentence.slice(Math.max(0, match.start - 12), match.start),
        ) &&
        // …nor with its replacement told after it ("AI6 initially slated for 2028, Musk now says 2027", "but moved to
        // 2027", "later pulled forward" — not "but will later add AI5", "and later expand to 2nm").
        !/\b(?:now|instead|later|but)\b[^.;]{0,24}?(?:(?:19|20)\d\d|moved|pulled|pushed|delayed|postponed|brought)\b/i.test(
          sentence.slice(match.end),
        )))
  );
}

/** Right after a cue or a date, a transaction: 签署, "signed", 达成. */
export const TRANSACTION_AFTER =
  /^[^，,。；;]{0,10}?(?:签署|簽署|签订|簽訂|签下|簽下|达成|達成|获得|獲得|拿下|\bsigned\b|\binked\b|\bstruck\b|\bwon\b|\bclinched\b|\bsealed\b)|^[^，,。；;]{0,16}?(?:确定向|確定向|授予|向[^，,。；;]{1,8}提供)/i;

/** "wins the race for Tesla's AI6 order", "gains ground in race for": a race decided or led, not open. */
function raceWon(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  return (
    match.name === 'possibility' &&
    /^race/i.test(sentence.slice(match.start, match.end)) &&
    /\b(?:wins?|won|winning|leads?|leading|ahead|ground|beats?|beat|beating|tops?|topped)\b[^,.;]{0,20}$/i.test(
      sentence.slice(Math.max(0, match.start - 24), match.start),
    )
  );
}

/**
 * 争取, 角逐, 搶攻 are open contests only for an order: "成功争取到特斯拉订单", "三星角逐胜出" are won, and
 * "争取2026年投产", "特斯拉争取明年实现AI5量产" set a target.
 */
function notAnOpenContest(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  if (
    match.name !== 'possibility' ||
    !/^(?:争取|爭取|角逐|竞逐|競逐|抢攻|搶攻|争夺|爭奪)$/.test(sentence.slice(match.start, match.end))
  )
    return false;
  const after = sentence.slice(match.end);
  return (
    // "争夺战中拿下": the battle's name, not a contest still open.
    /^(?:到|下来|下來|胜出|勝出|成功|战|戰)/.test(after) ||
    /成功\s*$/.test(sentence.slice(0, match.start)) ||
    // "特斯拉争取明年实现AI5量产", "争取2026年投产": a target set, not an order striven for.
    !/^[^，,。；;]{0,20}?(?:订单|訂單|合同|合約|合约|大单|大單|业务|業務|代工|青睐|青睞)/.test(after)
  );
}

/**
 * 支持将…推迟 is a position taken in talks ("后者支持将该法案高风险规则延后") — but one a parliament, a council or its
 * members adopted by a vote is a formal position, a plan ("欧洲议会…通过其谈判立场，支持将…推迟至2027年12月",
 * "成员国常驻代表…达成谈判授权，支持将…延后"), as "Parliament backs delaying …" is in English.
 */
function positionAdopted(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  if (match.name !== 'possibility') return false;
  const cue = sentence.slice(match.start, match.end);
  const before = sentence.slice(0, match.start);
  // "Parliament backs delaying …", "EU countries back delay to …": a legislature's or the Council's position (not
  // "Germany backs delay …", one government's, nor a lobby's).
  // (…nor one backing a plan already made: "they back the Commission's plan to postpone …, but call for the delay")
  if (/^(?:back|endorse|support)/i.test(cue))
    return (
      (ADOPTING_BODY_EN.test(before) && !LOBBY_EN.test(before)) ||
      /\b(?:plan|proposal|decision|agreement|deal)\b/i.test(cue)
    );
  if (!/^支持/.test(cue)) return false;
  return ADOPTING_BODY.test(before) && ADOPTED_BY_VOTE.test(before) && !LOBBY.test(before);
}

const ADOPTING_BODY_EN =
  /\b(?:(?:European\s+)?Parliament|MEPs|lawmakers|legislators|(?:EU\s+)?Council|member\s+states|EU\s+(?:countries|governments|ministers|ambassadors|states|nations)|(?:EU|bloc['’]s)\s+(?:27|member)|the\s+bloc)\b/i;

const LOBBY_EN =
  /\b(?:industry|industries|lobby|lobbies|association|associations|groups?|companies|firms|CEOs)\b/i;

const ADOPTING_BODY = /议会|議會|欧盟理事会|歐盟理事會|成员国|成員國|议员|議員|常驻代表|常駐代表/;

/** An association's or an industry's board ("Bitkom理事会通过决议，支持推迟…"): a lobby's call still. */
const LOBBY = /协会|協會|商会|商會|联合会|聯合會|行业|行業|企业|企業|公司/;

const ADOPTED_BY_VOTE = /通过|通過|表决|表決|投票|达成|達成|授权|授權|立场|立場/;

/**
 * After 有望: a time, then a start of production or operation (有望2H27量产, 有望於2026年底啟用, 有望在明年投产, 有望于二〇二八年
 * 实现量产, 有望在明年如期启动生产).
 */
const EXPECTED_START_AFTER =
  /^\s*(?:[于於在])?\s*(?:(?:19|20)?\d{2}\s*年|[〇零一二][〇零一二三四五六七八九]{3}\s*年|[12]H\d{2}|H[12]|明年|今年|后年|後年|年底|年内|年內)[^，,。；;]{0,8}?(?:(?:实现|實現|开始|開始|启动|啟動|正式)?\s*(?:大规模|大規模|规模化|規模化)?\s*(?:量产|量產|投产|投產|启用|啟用|运营|運營|營運|营运|出货|出貨)|(?:开始|開始|启动|啟動)(?:生产|生產)(?![线線设設]))/;

/** After 有望: (a year, then) an amount reached (有望达到6000亿美元, 有望在2028年达到5500亿美元) — not a share's level. */
const EXPECTED_FIGURE_AFTER =
  /^\s*(?:[于於在]\s*(?:19|20)\d{2}\s*年)?\s*(?:达到|達到|增至|增长至|增長至)\s*(?:约|約)?\s*[\d一二三四五六七八九十两兩][\d.,一二三四五六七八九十百千两兩]*\s*(?:万亿|萬億|亿|億|兆)/;

/**
 * A possibility, question or history cue that is part of a word of another sense: "an eye-watering $500 billion",
 * "Hopes float for Samsung", 有意义/有意思 ("签下有意义的合同").
 */
function wordOfAnotherSense(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  // "三星会否认该报道" ("will deny"), 会否决 ("will veto"): not 会否, "whether" — nor 会否决定 ("whether it will decide").
  if (match.name === 'question')
    return (
      /^[会會]否/.test(sentence.slice(match.start, match.end)) &&
      /^(?:[认認定]|[决決](?![定]))/.test(sentence.slice(match.end))
    );
  // "will be used to make advanced AI chips for Tesla", "is used to train": put to a use, not a habit of the past.
  if (match.name === 'history')
    return (
      /^used\s+to$/i.test(sentence.slice(match.start, match.end)) &&
      /\b(?:be|is|are|was|were|been|being|gets?|got)\s+(?:\w+ly\s+)?$/i.test(
        sentence.slice(Math.max(0, match.start - 20), match.start),
      )
    );
  if (match.name !== 'possibility') return false;
  // "AMD's Su stands by call for $500 billion AI chip market by 2028": a forecast's call, an amount after it.
  if (
    /^calls?\s+for$/i.test(sentence.slice(match.start, match.end)) &&
    /^\s+(?:an?\s+)?(?:US)?\$\s?\d[^,;.]{0,30}\bmarket\b/i.test(sentence.slice(match.end))
  )
    return true;
  // "Perhaps the clearest sign of Samsung's comeback: it will make Tesla's AI6": an opener that weighs nothing after it.
  if (/^(?:perhaps|maybe)\s+(?:the|one|a)\b[^,;:]*:/i.test(sentence.slice(match.start))) return true;
  // "rallied on hopes for its foundry, which will make Tesla's AI6": hopes for a thing, whose own clause tells what
  // it will do — not "hopes … will" (the gap reaches into a relative clause).
  if (/^hopes?\s+for\b[^;]*,\s*(?:which|that|who)\s+will$/i.test(sentence.slice(match.start, match.end)))
    return true;
  const cue = sentence.slice(match.start, match.end + 1);
  // "欧洲议会投票支持推迟…", "以398票赞成、207票反对通过决议，支持推迟…", "议会周四通过决议，支持…": a vote or a
  // parliament's or council's resolution for it is a decision, as "lawmakers vote to delay" is (not a trade
  // body's: 协会理事会通过决议).
  const before = sentence.slice(Math.max(0, match.start - 24), match.start);
  if (
    /^支持/.test(cue) &&
    (VOTED_FOR.test(before) ||
      (RESOLVED_BY_A_LEGISLATURE.test(before) && !/协会|協會|商会|商會|联合会|聯合會/.test(before)))
  )
    return true;
  // "The plan now calls for about $1 trillion", "Stargate now calls for": what a plan contains, not a demand.
  if (/^call/i.test(cue) && PLAN_CALLS_BEFORE.test(before)) return true;
  // "an initiative called for in the AI Action Plan": the same, told in the passive.
  if (
    /^called\s+for$/i.test(sentence.slice(match.start, match.end)) &&
    /^\s+(?:in|by|under)\s+(?:the|its|their|[A-Z])/.test(sentence.slice(match.end, match.end + 12))
  )
    return true;
  // "Samsung courted Tesla for years before winning the contract": courted for a time, not for something.
  if (
    /^(?:court|woo)/i.test(cue) &&
    /^\s*(?:years|months|weeks|decades|a\s+(?:year|decade|while)|some\s+time|more\s+than\b)/i.test(
      sentence.slice(match.end),
    )
  )
    return true;
  // "特斯拉AI6有望2H27量产", "2027年才有望大規模量產": a schedule expected, as 预计 is — not a hope of anything else.
  if (/^(?:有望|可望)/.test(cue) && EXPECTED_START_AFTER.test(sentence.slice(match.end, match.end + 24)))
    return true;
  // "2028年全球AI芯片市场规模有望达到6000亿美元": a figure expected to be reached, as 预计 gives it; "特斯拉AI6大單有望
  // 每年為三星晶圓代工營收貢獻約一成": what an order is expected to add.
  if (
    /^(?:有望|可望)/.test(cue) &&
    (EXPECTED_FIGURE_AFTER.test(sentence.slice(match.end, match.end + 24)) ||
      EXPECTED_CONTRIBUTION_AFTER.test(sentence.slice(match.end, match.end + 40)))
  )
    return true;
  return (
    /^eye-/i.test(cue) ||
    /^有意[义義思]/.test(cue) ||
    // "因為延遲到2027年", 作为/成为: 为 of another word, not a purpose ("為延遲…而努力").
    (/^[为為]/.test(cue) &&
      /[因作成认認视視称稱更改定整变變转轉列确確订訂]$/.test(
        sentence.slice(Math.max(0, match.start - 1), match.start),
      )) ||
    // "美国开放人工智能研究中心(OpenAI)", 研究院, 研究机构: a body that researches, not a step studied.
    (/^研究/.test(cue) &&
      RESEARCH_BODY_AFTER.test(sentence.slice(match.end, match.end + 4)) &&
      // (研究公司 is a research firm after 市场/产业 — not "研究公司提出的要求", studying the companies')
      (!sentence.startsWith('公司', match.end) ||
        /(?:市场|市場|产业|產業|行业|行業|调研|調研)$/.test(sentence.slice(0, match.start)))) ||
    (/^float/i.test(cue) && /\bhopes?\s*$/i.test(sentence.slice(0, match.start)))
  );
}

/** After 研究, a noun it names: a research centre, institute, body, staff or report — not 研究 "to study". */
const RESEARCH_BODY_AFTER =
  /^(?:中心|院|所|机构|機構|员|員|人员|人員|团队|團隊|报告|報告|单位|單位|部门|部門|实验室|實驗室|公司|机关|機關)/;

/** After 有望: (each year) adding a share to someone's revenue — 每年為三星晶圓代工營收貢獻約一成, 为…带来约10%的营收增长. */
const EXPECTED_CONTRIBUTION_AFTER =
  /^\s*(?:每年|每年度|年均)?\s*(?:为|為|给|給|替)[^，,。；;]{1,16}?(?:贡献|貢獻|带来|帶來|增加|拉动|拉動|提升)\s*(?:约|約|近|逾)?\s*(?:[\d.]+\s*[%％]|[一二三四五六七八九十两兩]成|百分之)/;

/** Before "calls for": a plan, project or budget (or "now"), whose contents it tells. */
const PLAN_CALLS_BEFORE =
  /\b(?:plan|plans|project|proposal|blueprint|budget|scheme|roadmap|agreement|contract|deal|now)\s+(?:now\s+|still\s+|also\s+)?$/i;

const VOTED_FOR = /(?:投票|表决|表決|票[^，。；,;]{0,12}(?:通过决议|通過決議)[，,]?)\s*$/;
const RESOLVED_BY_A_LEGISLATURE =
  /(?:议会|議會|理事会|理事會|委员会|委員會)[^，。；,;]{0,8}?(?:通过决议|通過決議)[，,]?\s*$/;

/** "May 2027" is a month, not a possibility. */
function isMonthMay(sentence: string, match: PhraseMatch<ScopeCue>): boolean {
  return (
    match.name === 'possibility' &&
    sentence.slice(match.start, match.end) === 'May' &&
    (/^\s+(?:\d|of\b|this\b|next\b|last\b)/.test(sentence.slice(match.end, match.end + 6)) ||
      // "the agreement struck on 7 May", "in early May": a day or a time word before it.
      /\b(?:\d{1,2}(?:st|nd|rd|th)?|early|mid|late|since|until|in|on|by|from|of)\s+$/i.test(
        sentence.slice(Math.max(0, match.start - 8), match.start),
      ))
  );
}
