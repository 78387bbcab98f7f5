import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/errors.ts';
import { analyzeItem } from '../../shared/facts/analyze.ts';
import { itemSentences } from '../../shared/facts/extract/reading.ts';
import { expandMacros, phraseMatcher } from '../../shared/facts/phrases.ts';
import { findScopes } from '../../shared/facts/scope.ts';
import { normaliseText, splitClauses, splitSentences } from '../../shared/facts/sentences.ts';
import { tokenize } from '../../shared/facts/tokens.ts';
import { parseChineseNumeral, parseNumber } from '../../shared/facts/values/numbers.ts';
import { storyEngine } from '../support/engine.ts';

describe('parseNumber()', () => {
  it.each([
    ['16.5', 16.5],
    ['16,500', 16_500],
    ['1,234,567.5', 1_234_567.5],
    ['一百六十五', 165],
    ['二十', 20],
    ['十二', 12],
    ['六点八', 6.8],
    ['两千', 2000],
    ['五千', 5000],
    ['一万二千', 12_000],
  ])('reads %s as %d', (token, expected) => {
    expect(parseNumber(token)).toBe(expected);
  });

  it('answers NaN for what is not a number', () => {
    expect(parseChineseNumeral('三星')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
  });
});

describe('splitSentences()', () => {
  it('splits English without breaking decimals, abbreviations or U.S.', () => {
    const text =
      'Tesla signed a $16.5 billion deal with Samsung Electronics Co. in the U.S. market. Shares rose 6.8%! Did Musk say more? Yes.';

    expect(splitSentences(text)).toEqual([
      'Tesla signed a $16.5 billion deal with Samsung Electronics Co. in the U.S. market.',
      'Shares rose 6.8%!',
      'Did Musk say more?',
      'Yes.',
    ]);
  });

  // From round 28's probes: "(005930.KS)" ended a sentence at its dot, and the deal lost its subject.
  it("keeps a ticker's exchange suffix inside its sentence, still splitting a glued next sentence", () => {
    expect(splitSentences('Tesla, Samsung (005930.KS) sign a deal. TSMC (2330.TW), Intel follow.')).toEqual([
      'Tesla, Samsung (005930.KS) sign a deal.',
      'TSMC (2330.TW), Intel follow.',
    ]);
    expect(splitSentences('It makes AI4.TSMC will make AI5.')).toEqual([
      'It makes AI4.',
      'TSMC will make AI5.',
    ]);
  });

  it('keeps the quote or bracket a sentence closes with that sentence', () => {
    expect(splitSentences('「德州工廠已經完成設備安裝。」他說，「明年就會開始生產。」')).toEqual([
      '「德州工廠已經完成設備安裝。」',
      '他說，「明年就會開始生產。」',
    ]);
    expect(
      splitSentences('"The fab is ready," he said. "We start next year." (Reuters.) Shares rose.'),
    ).toEqual(['"The fab is ready," he said.', '"We start next year."', '(Reuters.)', 'Shares rose.']);
  });

  it('splits Chinese sentences joined by a full-width full stop (．)', () => {
    expect(splitSentences(normaliseText('台積電市占70.2%．三星7.3%．'))).toEqual([
      '台積電市占70.2%.',
      '三星7.3%.',
    ]);
  });

  it('splits Chinese on 。！？；', () => {
    expect(splitSentences('特斯拉与三星签署协议。三星股价上涨6.8%！真的吗？是的；很好')).toEqual([
      '特斯拉与三星签署协议。',
      '三星股价上涨6.8%！',
      '真的吗？',
      '是的；',
      '很好',
    ]);
  });

  it("reads a wire's editor's note as one sentence after the story's first, full stops inside it included", () => {
    expect(
      splitSentences(
        '(Corrects investment figure in paragraph 2. Adds quote) Samsung will invest $37 billion in Texas. It starts in 2026.',
      ),
    ).toEqual([
      'Samsung will invest $37 billion in Texas.',
      '(Corrects investment figure in paragraph 2. Adds quote)',
      'It starts in 2026.',
    ]);
  });

  // From a probe round: "• Tesla adds Intel as an AI6 foundry • … • Samsung's Tesla contract now runs to 2034" read
  // 2034 as AI6's volume year. Clauses, not sentences: a list of one deal's terms shares the subject named once; the
  // bullet kept after the comma makes each item a clause group of its own (extract/reading.ts, FRAME_BREAK).
  it("reads a digest's bullets as clauses of one sentence", () => {
    expect(splitSentences('• Tesla adds Intel as an AI6 foundry • Micron lifts HBM guidance. Next')).toEqual([
      'Tesla adds Intel as an AI6 foundry, • Micron lifts HBM guidance.',
      'Next',
    ]);
    expect(splitSentences('• 代工方：三星 • 生产地：泰勒工厂')).toEqual(['代工方：三星，•生产地：泰勒工厂']);
  });

  // From a probe round: an explainer's answer alone ("A: TSMC and Samsung.") names neither the chip nor the making.
  it('joins an answer to its question, unless the question is answered yes or no without a yes', () => {
    expect(splitSentences('Q: Who makes AI4? A: Samsung. Q: And AI5? A: TSMC and Samsung.')).toEqual([
      'Who makes AI4: Samsung.',
      'And AI5: TSMC and Samsung.',
    ]);
    expect(splitSentences('问：在哪里生产？答：三星泰勒工厂。')).toEqual(['在哪里生产：三星泰勒工厂。']);
    expect(splitSentences('Q: Is the contract bigger? A: Yes, about $25 billion.')).toEqual([
      'Is the contract bigger: Yes, about $25 billion.',
    ]);
    expect(splitSentences('Q: Is Dojo dead? A: No comment, a Tesla director says')).toEqual([
      'Q: Is Dojo dead?',
      'A: No comment, a Tesla director says',
    ]);
  });

  it('splits at line breaks and drops empty pieces', () => {
    expect(splitSentences('Headline without stop\n\nBody sentence.\n  ...\n')).toEqual([
      'Headline without stop',
      'Body sentence.',
    ]);
  });
});

describe('splitClauses()', () => {
  it('separates clauses about different subjects', () => {
    expect(
      splitClauses('AI5 is made by TSMC, while AI6 goes to Samsung').map((clause) => clause.text),
    ).toEqual(['AI5 is made by TSMC', 'AI6 goes to Samsung']);
    expect(splitClauses('三星代工AI6，而AI5交由台积电').map((clause) => clause.text)).toEqual([
      '三星代工AI6',
      'AI5交由台积电',
    ]);
  });

  it('keeps offsets pointing into the sentence', () => {
    const sentence = 'AI5 at TSMC; AI6 at Samsung';
    for (const clause of splitClauses(sentence))
      expect(sentence.slice(clause.start, clause.start + clause.text.length)).toBe(clause.text);
  });
});

describe('normaliseText()', () => {
  it('folds full-width digits, curly quotes and spaces but keeps Chinese marks', () => {
    expect(normaliseText('三星股价上涨６．８％，  “最低额度”')).toBe('三星股价上涨6.8%， "最低额度"');
  });

  // From a hostile-content review: a run of U+202F was left as it was, and a pattern of adjacent \s* took 90 s on
  // one sentence. No white space but the plain space, and no run of it, reaches the patterns.
  it.each(['\u202F', '\u205F', '\u1680', '\u2028', '\u2029', '\uFEFF', '\u2003', '\u00A0', '\t', '\v'])(
    'folds a run of U+%s into one space',
    (space) => {
      expect(normaliseText(`due in 2028,${space.repeat(600)}x reports differ`)).toBe(
        'due in 2028, x reports differ',
      );
    },
  );

  // From round 27–28 real pages: "EU Proposes Pause on 'High‑Risk' AI Rules" (U+2011) read as no high-risk rule.
  it.each(['\u2010', '\u2011', '\u2012', '\u2212'])('folds U+%s into the hyphen-minus', (dash) => {
    expect(normaliseText(`Pause on high${dash}risk rules; shares ${dash}2.5%`)).toBe(
      'Pause on high-risk rules; shares -2.5%',
    );
  });

  // From probes of house styles: "E.U. delays A.I. Act's high-risk rules" read as no law at all.
  it('reads "A.I." and "E.U." as AI and EU where the words go on, not where the full stop ends a sentence', () => {
    expect(normaliseText("E.U. delays the A.I. Act's rules; A.I. chips")).toBe(
      "EU delays the AI Act's rules; AI chips",
    );
    expect(normaliseText('Billions flow into A.I. The plan is set. In the U.S. it is not.')).toBe(
      'Billions flow into A.I. The plan is set. In the U.S. it is not.',
    );
  });

  it('drops soft hyphens inside words', () => {
    expect(normaliseText('Tes\u00ADla obli\u00ADgations')).toBe('Tesla obligations');
  });

  it('decodes the HTML entities a feed escaped twice, numeric and named, and leaves other ampersands', () => {
    expect(
      normaliseText(
        'TSMC&#39;s share &amp; Samsung&#8217;s &quot;stop the clock&quot; &#x2014; AT&T &bogus;',
      ),
    ).toBe(`TSMC's share & Samsung's "stop the clock" - AT&T &bogus;`);
  });
});

describe('phraseMatcher()', () => {
  const matcher = phraseMatcher({
    delay: { en: ['push ... back', 'delay'], zh: ['推迟'] },
    foundry: { en: ['=shares'], zh: ['代工'] },
    uplift: { en: [], zh: ['代工营收'] },
  });
  const found = (text: string) =>
    matcher.find(text, tokenize(text)).map((match) => `${match.name}:${text.slice(match.start, match.end)}`);

  it('matches English on stems, with gaps of up to four words, and exact forms marked =', () => {
    expect(found('Samsung delayed it and pushed the Taylor start back')).toEqual([
      'delay:delayed',
      'delay:pushed the Taylor start back',
    ]);
    expect(found('the share rose')).toEqual([]);
    expect(found('the shares rose')).toEqual(['foundry:shares']);
  });

  it('does not read the country "US" as a form of "use" (Porter stems both to "us")', () => {
    const uses = phraseMatcher({ makes: { en: ['use'], zh: [] } });
    const usesIn = (text: string) =>
      uses.find(text, tokenize(text)).map((match) => text.slice(match.start, match.end));
    expect(usesIn('two other US chip designers')).toEqual([]);
    expect(usesIn('Tesla uses Samsung, as do US rivals; let us use it')).toEqual(['uses', 'use']);
  });

  it('matches a Chinese gap (…) over one to sixteen characters of no punctuation', () => {
    const chip = phraseMatcher({ chip: { en: [], zh: ['这款…的芯片', '这款芯片'] } });
    const chipsIn = (text: string) =>
      chip.find(text, tokenize(text)).map((match) => text.slice(match.start, match.end));
    expect(chipsIn('这款将由三星代工的芯片算力约为5 EFLOPS')).toEqual(['这款将由三星代工的芯片']);
    expect(chipsIn('这款芯片算力更高')).toEqual(['这款芯片']);
    // (not across a comma, nor past sixteen characters)
    expect(chipsIn('这款产品，三星代工的芯片')).toEqual([]);
    expect(chipsIn(`这款${'长'.repeat(17)}的芯片`)).toEqual([]);
  });

  it('expands a macro in braces to every word of its class, and refuses an unknown one', () => {
    const start = phraseMatcher({ start: { en: ['{plant} will start in'], zh: [] } });
    const startsIn = (text: string) =>
      start.find(text, tokenize(text)).map((match) => text.slice(match.start, match.end));
    expect(startsIn('its Taylor factory will start in 2027')).toEqual(['factory will start in']);
    expect(startsIn('the fab will start in 2027, the plant will start in 2028')).toEqual([
      'fab will start in',
      'plant will start in',
    ]);
    expect(startsIn('hiring will start in 2027')).toEqual([]);
    expect(expandMacros('{rule} to begin in')).toEqual([
      'rule to begin in',
      'requirement to begin in',
      'obligation to begin in',
    ]);
    expect(() => phraseMatcher({ start: { en: ['{plants} will start in'], zh: [] } })).toThrow(ConfigError);
  });

  it('keeps the gap of a phrase that opens with a determiner inside one noun phrase', () => {
    const deal = phraseMatcher({ deal: { en: ['the ... deal'], zh: [] } });
    const dealsIn = (text: string) =>
      deal.find(text, tokenize(text)).map((match) => text.slice(match.start, match.end));
    expect(dealsIn('the $16.5 billion chip deal')).toEqual(['the $16.5 billion chip deal']);
    // "the company confirmed its chip deal": the gap would run into another noun phrase.
    expect(dealsIn('after the company confirmed its chip deal')).toEqual([]);
  });

  it("fills a common gap (~) with a noun phrase's own modifiers only: no name, no verb", () => {
    const chip = phraseMatcher({ chip: { en: ['the ~ chip'], zh: [] } });
    const chipsIn = (text: string) =>
      chip.find(text, tokenize(text)).map((match) => text.slice(match.start, match.end));
    expect(chipsIn('Samsung will make the 2nm chip')).toEqual(['the 2nm chip']);
    expect(chipsIn('TSMC makes the upcoming inference chip')).toEqual(['the upcoming inference chip']);
    // A name in the gap is another chip ("the Dojo 3 chip", "the Exynos chip"), not a description.
    expect(chipsIn('Samsung will make the Dojo 3 chip')).toEqual([]);
    // …unless the name is what made it: "the Samsung-made chip".
    expect(chipsIn('the Samsung-made chip will power robots')).toEqual(['the Samsung-made chip']);
    // A verb or preposition ends a noun phrase: "The plant will start producing chips" describes no chip.
    expect(chipsIn('The plant will start producing chips')).toEqual([]);
    expect(chipsIn('the demand for chips')).toEqual([]);
    // At most two modifiers (a compound counts once): "the new plant now makes chips" is a clause.
    expect(chipsIn('the next-generation self-driving chip')).toEqual([
      'the next-generation self-driving chip',
    ]);
    expect(chipsIn('TSMC said the new plant now makes chip orders')).toEqual([]);
    // A description its own clause restricts is another thing: "the 3nm chip that powers Apple's iPhone".
    expect(chipsIn("TSMC will make the 3nm chip that powers Apple's iPhone")).toEqual([]);
    expect(chipsIn("The 3nm chip TSMC builds for Nvidia's Rubin")).toEqual([]);
  });

  it('reports overlapping Chinese phrases of different lists, each one', () => {
    expect(found('三星代工营收增长，量产推迟')).toEqual(['uplift:代工营收', 'foundry:代工', 'delay:推迟']);
  });

  it('tells apart phrases that begin with the same word, by the words after it', () => {
    // Indexed by first and second word: each must still match only where its own words stand.
    const shared = phraseMatcher({
      chip: { en: ['the chip', 'the =shares'], zh: [] },
      plant: { en: ['the plant', 'the ... fab'], zh: [] },
      article: { en: ['the'], zh: [] },
    });
    const text = 'the chips and the shares of the new Texas fab, not the plants or the share';
    const matches = shared.find(text, tokenize(text));
    // Matches come in order of position; at one position, in no promised order.
    expect(matches.map((match) => match.start)).toEqual(
      [...matches.map((match) => match.start)].sort((a, b) => a - b),
    );
    expect(matches.map((match) => `${match.name}:${text.slice(match.start, match.end)}`).sort()).toEqual(
      [
        'article:the',
        'chip:the chips',
        'article:the',
        'chip:the shares',
        'article:the',
        'plant:the new Texas fab',
        'article:the',
        'plant:the plants',
        'article:the',
      ].sort(),
    );
  });

  it('finds a Chinese phrase and the shorter ones it begins with, longest first, at every position', () => {
    const nested = phraseMatcher({
      long: { en: [], zh: ['晶圆代工市场'] },
      short: { en: [], zh: ['晶圆代工', '代工'] },
    });
    const text = '𠀀晶圆代工市场与代工';
    expect(
      nested.find(text, tokenize(text)).map((match) => `${match.name}:${text.slice(match.start, match.end)}`),
    ).toEqual(['long:晶圆代工市场', 'short:晶圆代工', 'short:代工', 'short:代工']);
  });
});

describe('itemSentences()', () => {
  /**
   * A run-on "sentence" (a list, a table, hostile text) is read in pieces of at most 800
   * characters, cut at a clause mark or space: reading one sentence costs more than its
   * length, so one 20,000-character field must not cost seconds (bench: analyze.hostile).
   */
  it('cuts a run-on sentence into bounded pieces that keep every word', () => {
    const clauses = Array.from(
      { length: 400 },
      (_, index) => `clause ${index} names Samsung and $${index}.5 billion`,
    );
    const text = clauses.join(', ');
    const pieces = itemSentences({ id: 'x', title: 'A list', summary: text }).slice(1);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(800);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('still reads a fact stated at the end of a run-on sentence', () => {
    const filler = Array.from({ length: 300 }, (_, index) => `item ${index} of a long list`).join(', ');
    const findings = analyzeItem(
      { id: 'x', title: 'A long list', summary: `${filler}, and Samsung will make Tesla's AI5 chips.` },
      storyEngine(),
    );
    expect(findings.map((finding) => `${finding.factId} ${finding.status}`)).toContain('ai5.foundry changed');
  });
});

describe('findScopes()', () => {
  const scopesOf = (text: string) => findScopes(text, tokenize(text));

  it('hears a report in its sources, not in the verb "to source"', () => {
    expect(scopesOf('Tesla signed a deal with Samsung to source the AI6 chipset').hedged).toBe(false);
    expect(scopesOf('Tesla will move AI5 orders, industry sources said').hedged).toBe(true);
    expect(scopesOf('三星将生产AI6芯片，据悉').hedged).toBe(true);
  });

  it('ends a history cue at a headline space that opens the present, not at a bare one', () => {
    const headline = '三星泰勒廠投產較原定晚半年 仍將於2026年下半年啟動';
    expect(scopesOf(headline).blockersAt(headline.indexOf('2026'))).toEqual([]);
    const stillOld = '市场此前预期 泰勒厂2027年才投产';
    expect(scopesOf(stillOld).blockersAt(stillOld.indexOf('2027'))).toEqual(['history']);
    // A past transaction is history too: "previously signed a $10 billion deal" is not today's deal.
    const transaction = '此前该公司宣布与三星签署价值165亿美元的协议';
    expect(scopesOf(transaction).blockersAt(transaction.indexOf('165'))).toEqual(['history']);
  });
});

describe('findScopes() for conditions', () => {
  it('lets a condition that opens a sentence reach through the clause it sets up', () => {
    const text = 'If yields improve, Samsung will make AI5, Musk said';
    const scopes = findScopes(text, tokenize(text));
    expect(scopes.blockersAt(text.indexOf('AI5'))).toEqual(['condition']);
    const later = 'Samsung will make AI5, if yields improve';
    expect(findScopes(later, tokenize(later)).blockersAt(later.indexOf('AI5'))).toEqual([]);
  });
});
