/**
 * Sentences and clauses in English and Chinese. Extraction works sentence by
 * sentence (the evidence a finding quotes) and takes values from the clause
 * that names the fact's subject.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Folds the variants news text uses for the same thing: HTML entities a feed escaped twice, full-width digits
 * and signs, curly quotes, Unicode hyphens and minus signs, non-breaking spaces and runs of white space.
 *
 * @example
 * normaliseText('三星股价上涨６．８％'); // '三星股价上涨6.8%'
 * normaliseText('TSMC&#39;s share'); // "TSMC's share"
 */
// Every character JavaScript's \s matches but the plain space is folded: a run of U+202F left as it was made a
// pattern of adjacent \s* take 90 s on one sentence (a hostile-content review).
const NEEDS_NORMALISING =
  /\b[AE]\.[IU]\.|[\uFF01-\uFF5E\u2018-\u201F\u00A0\u00AD\u1680\u2000-\u200B\u2010-\u2012\u2212\u2028\u2029\u202F\u205F\u3000\uFEFF\u2013\u2014\u2192\u21D2\u27F6\u2794\u279C\u279D\t\n\r\f\v]| {2}|^\s|\s$|&#?\w{2,8};|[-=]>/;

/**
 * A value and the arrow after it, before another value: "$16.5B → $22B", "2026->2027", "8% ⇒ 9%", "165亿美元→220亿美元" (not
 * a timeline's "2025 → Tesla deal signed", nor "$16.5B → Samsung", money going somewhere).
 */
const VALUE_ARROW =
  /(?<![\w$€£₩¥.])((?:US)?[$€£₩¥]?\d[\d.,]*(?:\s?(?:%|[A-Za-z]{1,8}|[亿億万萬兆]?(?:美元|美金|年)))?)\s?(?:[\u2192\u21D2\u27F6\u2794\u279C\u279D]|->|=>)\s?(?=(?:US)?[$€£₩¥]?\d)/g;

/** An HTML entity left in the text: numeric, or one of the names news copy carries. */
const ENTITY =
  /&(?:#(\d{2,7})|#[xX]([0-9a-fA-F]{2,6})|(amp|quot|apos|lt|gt|nbsp|lsquo|rsquo|ldquo|rdquo|mdash|ndash|hellip));/g;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00A0',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
};

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name]!;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function normaliseText(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return (
    withoutDottedAcronyms(decodeEntities(text))
      .replace(FULL_WIDTH, (char) => {
        // Keep the Chinese sentence and clause marks: they split sentences below.
        if ('！？；，：（）'.includes(char)) return char;
        return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
      })
      .replace(/[\u2018\u2019\u201B]/g, "'")
      .replace(/[\u201C\u201D\u201F]/g, '"')
      .replace(/[\u00A0\u2000-\u200B\u3000]/g, ' ')
      // "High‑Risk" (U+2011), a figure dash, "−2.5%" (U+2212): the hyphen and minus every pattern is written with;
      // a soft hyphen is no character of the word.
      .replace(/[\u2010-\u2012\u2212]/g, '-')
      .replace(/\u00AD/g, '')
      .replace(/[\u2013\u2014]/g, ' - ')
      // "deal value: $16.5B → $22B", "start 2026->2027": an arrow between values is a change from one to the other.
      .replace(VALUE_ARROW, (_, from: string) => `from ${from} to `)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * "A.I." and "E.U." (the house style of some papers) as "AI" and "EU", which every pattern is written with — where
 * the word goes on ("the A.I. Act", "the E.U.'s", "A.I. chips"), not where the full stop also ends a sentence
 * ("… investments in A.I. The plan …"). In a headline set in title case ("E.U. Delays Landmark A.I. Rules") every
 * word goes on. (Not "U.S.": "US" is also the pronoun.)
 */
function withoutDottedAcronyms(text: string): string {
  if (!/\b[AE]\.[IU]\./.test(text)) return text;
  return text.replace(isTitleCase(text) ? DOTTED_ACRONYM_IN_TITLE : DOTTED_ACRONYM_GOING_ON, (acronym) =>
    acronym.replace(/\./g, ''),
  );
}

const DOTTED_ACRONYM_GOING_ON =
  /\b(?:A\.I|E\.U)\.(?=['’,;:)]|\s+(?:[a-z]|A\.I\.|AI\b|Act\b|Action\b|Commission\b|Parliament\b|Council\b))/g;

const DOTTED_ACRONYM_IN_TITLE = /\b(?:A\.I|E\.U)\.(?=['’,;:)]|\s|$)/g;

/** Whether most longer words of a text open with a capital: a headline set in title case. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\b[A-Za-z][a-z]{3,}\b/g) ?? [];
  return words.length >= 2 && words.filter((word) => /^[A-Z]/.test(word)).length / words.length >= 0.7;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'inc',
  'corp',
  'co',
  'ltd',
  'jr',
  'sr',
  'st',
  'vs',
  'no',
  'u.s',
  'u.k',
  'e.u',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'est',
  // Korean wires: "22.8 tril. won ($16.5 bil.)".
  'tril',
  'bil',
  'mil',
]);

/**
 * Splits text into sentences: after `。！？；` always, after `.!?` when a new
 * sentence plausibly starts (not in `16.5`, `U.S.` or `Inc.`), and at line breaks.
 *
 * @example
 * splitSentences('Tesla signed a $16.5 billion deal. 三星股价上涨6.8%！'); // ['Tesla signed a $16.5 billion deal.', '三星股价上涨6.8%！']
 */
const SENTENCE_END = /[。！？；!?;.]/g;

/** Closing quotes and brackets right after a sentence's end mark. */
const CLOSING_MARKS = /^[」』”’"'）)》]+/;

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of withAnswersToTheirQuestions(withListItemsAsClauses(text)).split(/\n+/)) {
    // "(Corrects end year … to 2033, not 2030) Samsung is recruiting …": a wire's editor's note is a sentence
    // of its own — its "not" denies the old figure, not what the story then says — read after the story's first
    // sentence, whose subject it speaks of; a note that removes a reference says nothing.
    const note = EDITORS_NOTE.exec(line);
    let start = note ? note[0].length : 0;
    let deferred = note && !REMOVING_NOTE.test(note[0]) ? note[0] : undefined;
    // The scan starts after the note: a full stop inside it ("Corrects figure. Adds quote") ends no sentence.
    SENTENCE_END.lastIndex = start;
    for (let match = SENTENCE_END.exec(line); match; match = SENTENCE_END.exec(line)) {
      if (match[0] === '.' && !endsEnglishSentence(line, match.index)) continue;
      // (the quote or bracket a sentence closes ends with it: 「德州工廠已完成安裝。」他說 — not the next sentence's opening)
      const end = match.index + 1 + (CLOSING_MARKS.exec(line.slice(match.index + 1))?.[0].length ?? 0);
      push(sentences, line.slice(start, end));
      start = end;
      SENTENCE_END.lastIndex = end;
      if (deferred) push(sentences, deferred);
      deferred = undefined;
    }
    push(sentences, line.slice(start));
    if (deferred) push(sentences, deferred);
  }
  return sentences;
}

/** The marks a digest's item opens with ("• Samsung Taylor: … • TSMC Arizona: …"). */
const BULLET_MARK = /[•●▪■►◆]/;
/**
 * An item of another story: a name that does or says something ("TSMC said", "LG Energy Solution won") or heads it
 * ("TrendForce:") — not a label of one story's fact box ("Term:", "Value:") nor a word that refers back ("It", "The").
 */
const ANOTHER_STORY_ITEM =
  /^(?!(?:The|A|An|It|Its|They|Their|He|She|We|This|That|These|Those|There|Value|Term|Site|Buyer|Supplier|Seller|Price|Date|Deal|Chips?|Node|Fab|Plant|Location|Customer|Duration|Size|Amount|Status|Timing|Start|Production|Output|Note|Update|Background|Context|Investment|Award|Grant|Shares|Stock|Market|Reaction|Risks?|Why|What|When|Where|Who|How|Key|Bottom|Both|Each|Also|Plus)\b)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}(?:['’]s\s+\S|\s*[:：]|\s+(?:will|would|is|are|was|were|has|have|had|won|wins|said|says|told|plans|expects|[a-z]+ed|[a-z]+s)\b)/;
/** A bullet, with what comes before it. */
const BULLET = new RegExp(String.raw`[\s,，;；]*${BULLET_MARK.source}\s*`, 'g');

/**
 * The text with each bullet of a digest turned into a clause break: a feed's "• … • …" summary is one line
 * without full stops, and one item's words (another company's fab, a memory chip) read as part of the next;
 * kept in one sentence, the items still share the subject a list of one story's facts names once. The bullet
 * stays after the comma: it ends a clause group (extract/reading.ts), so a word of another subject in one item
 * silences that item only. An item that ends with a full stop before another source's item, or a Chinese item's
 * 。, keeps its sentence break instead: a digest of several stories is several sentences.
 *
 * @example
 * withListItemsAsClauses('• AI5: TSMC and Samsung • HBM prices rise'); // 'AI5: TSMC and Samsung, • HBM prices rise'
 */
function withListItemsAsClauses(text: string): string {
  if (!BULLET_MARK.test(text)) return text;
  const chinese = /[\u3400-\u9fff]/.test(text);
  return (
    text
      // (an item that ends with its own full stop and opens another source's news is a sentence of its own —
      // "…through 2033. • TSMC said …", "• TrendForce: …" — not the next point of one story: "• Term: through
      // 2033.", "• It runs until …", "• 2026: production begins.")
      .replace(BULLET, (found: string, offset: number) =>
        offset === 0
          ? ''
          : // (a Chinese item after its 。 is a sentence of its own: 期限至2033年底 still finds its deal)
            /[。！？]$/.test(text.slice(0, offset)) ||
              (/[.!?]$/.test(text.slice(0, offset)) &&
                ANOTHER_STORY_ITEM.test(text.slice(offset + found.length)))
            ? ' '
            : chinese
              ? '，•'
              : ', • ',
      )
      .replace(/^[,，\s]+/, '')
  );
}

/** "Q: Who makes AI5? A: TSMC and Samsung.", 问：在哪里生产？答：…: an explainer's question and its answer. */
const QUESTION_AND_ANSWER = /(^|\s)(?:Q|问|問)\s*[:：]\s*([^?？\n]{1,200}?)\s*[?？]\s*(?:A|答)\s*[:：]\s*/g;

/**
 * A question answered yes or no ("Is Dojo dead?", "Do the rules still apply?", 是否…吗): joined to its answer it
 * would state what it only asks — unless the answer is yes (ANSWERED_YES).
 */
const YES_NO_QUESTION =
  /^(?:(?:is|are|was|were|do|does|did|will|would|can|could|should|has|have|had|may|might|must)\b|.*(?:吗|嗎|是否|能否|会不会|會不會|有没有|有沒有)\s*$)/i;
const ANSWERED_YES = /^(?:yes\b|yep\b|是的|是，|对，|對，|没错|沒錯)/i;

/**
 * The text with each answer of an explainer joined to its question as one statement ("Who makes AI5: TSMC and
 * Samsung."): the answer alone ("TSMC and Samsung.") names neither the chip nor the making, and the question alone
 * asks — it states nothing. A question answered yes or no (YES_NO_QUESTION) is joined only to a yes: kept, it stays
 * a question ("Q: Is Dojo dead? A: 'I can't comment'").
 *
 * @example
 * withAnswersToTheirQuestions('Q: And AI5? A: TSMC and Samsung.'); // 'And AI5: TSMC and Samsung.'
 */
function withAnswersToTheirQuestions(text: string): string {
  if (!/(?:Q|问|問)\s*[:：]/.test(text)) return text;
  return text.replace(QUESTION_AND_ANSWER, (whole, before: string, question: string, at: number) => {
    const answer = text.slice(at + whole.length, at + whole.length + 8);
    if (YES_NO_QUESTION.test(question) && !ANSWERED_YES.test(answer)) return whole;
    return /[\u3400-\u9fff]$/.test(question) ? `${before}${question}：` : `${before}${question}: `;
  });
}

const EDITORS_NOTE =
  /^\s*\((?:Corrects|Adds|Updates|Recasts|Refiles|Changes|Removes|Fixes|Clarifies|Rewrites|Inserts|Deletes|Amends|Replaces|This\s+(?:story|article|version)\s+(?:has\s+been|was)\s+(?:corrected|updated|refiled|amended))\b[^()]{0,300}\)/;
const REMOVING_NOTE = /^\s*\((?:Removes|Deletes|Corrects\s+to\s+(?:remove|delete))\b/;

function push(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (/[\p{L}\p{N}]/u.test(trimmed)) sentences.push(trimmed);
}

function endsEnglishSentence(line: string, index: number): boolean {
  const next = line.slice(index + 1, index + 4);
  // "Samsung Electronics (005930.KS) signs…", "(2330.TW)": a ticker's exchange suffix, no sentence end.
  if (/^[A-Z]{1,3}[)\],]/.test(next) && /[A-Z0-9]$/.test(line.slice(index - 1, index))) return false;
  // "005930.KS +6.8%", "2330.TW rose": an exchange's suffix after a numeric ticker, before a space.
  if (/^(?:KS|KQ|TW|HK|SS|SZ)\b/.test(next) && /\d{4,6}$/.test(line.slice(Math.max(0, index - 6), index)))
    return false;
  // "…makes AI4.TSMC will…": a sentence glued to the next by a missing space.
  const glued =
    (/^[A-Z][a-z]{0,2}[A-Z]|^[A-Z][a-z]+\s/.test(next) && /[a-z0-9]$/.test(line.slice(index - 1, index))) ||
    // "台積電市占70.2%．三星7.3%．": a full stop (normalised from ．) between Chinese sentences, glued as they are written.
    (/^[\u3400-\u9fff]/.test(next) && /[\u3400-\u9fff%％)）]$/.test(line.slice(index - 1, index)));
  if (next !== '' && !glued && !/^\s["'“‘(]?[A-Z0-9\u3400-\u9fff]/.test(next) && !/^["'”’)]/.test(next))
    return false;
  const word = /([A-Za-z.]+)$/.exec(line.slice(Math.max(0, index - 12), index))?.[1]?.toLowerCase();
  if (word && (ABBREVIATIONS.has(word) || /^([a-z]\.)+[a-z]$/.test(word))) return false;
  return true;
}

/** Where clauses that may speak of different subjects meet (`AI5 … while AI6 …`). */
const CLAUSE_BREAK = /\s*(?:;|；|，而|，但|, while |, whereas |, but | while | whereas | but )\s*/gi;

export interface Clause {
  text: string;
  /** Offset of the clause within its sentence. */
  start: number;
}

/**
 * The clauses of one sentence, each with its offset.
 *
 * @example
 * splitClauses('AI5 is made by TSMC, while AI6 goes to Samsung').map((c) => c.text); // ['AI5 is made by TSMC', 'AI6 goes to Samsung']
 */
export function splitClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    clauses.push({ text: sentence.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  clauses.push({ text: sentence.slice(start), start });
  return clauses.filter((clause) => clause.text.trim() !== '');
}
