import { describe, expect, it } from 'vitest';
import {
  aliasPattern,
  aliasPatterns,
  type EntityDefinition,
  entityRuler,
} from '../../shared/facts/entities.ts';
import { itemSentences } from '../../shared/facts/extract/reading.ts';
import { keptMentions } from '../../shared/facts/mentions.ts';
import { escapeRegex } from '../../shared/facts/regex.ts';
import { loadRulesFile } from '../../shared/facts/rules.ts';
import { newsCorpus } from '../support/corpus.ts';

const DEFINITIONS: EntityDefinition[] = [
  { id: 'Samsung', type: 'company', aliases: ['Samsung', 'Samsung Electronics', '三星'] },
  { id: 'Samsung SDI', type: 'affiliate', aliases: ['Samsung SDI', '三星SDI'] },
  { id: 'AI5', type: 'chip', aliases: ['AI5', 'AI 5', 'AI5芯片'] },
  { id: 'AI Action Plan', type: 'policy', aliases: ['AI Action Plan'] },
  { id: 'Intel', type: 'company', aliases: ['Intel'] },
  { id: 'Taylor', type: 'site', aliases: ['Taylor'], notFollowedBy: ['Swift'] },
  { id: 'High-risk AI', type: 'provision', aliases: ['high risk AI rules'] },
];
const ruler = entityRuler(DEFINITIONS);
const found = (text: string) =>
  ruler.find(text).map((mention) => `${mention.id}@${mention.start}-${mention.end}`);

describe('the entity ruler', () => {
  it.each([
    ['Samsung SDI signs a battery deal', ['Samsung SDI@0-11']],
    ['Samsung Electronics and Samsung SDI', ['Samsung@0-19', 'Samsung SDI@24-35']],
    ['三星SDI与三星', ['Samsung SDI@0-5', 'Samsung@6-8']],
    ['AI5, AI 5, AI-5 and AI5芯片', ['AI5@0-3', 'AI5@5-9', 'AI5@11-15', 'AI5@20-25']],
    ['the AI Action Plan', ['AI Action Plan@4-18']],
    ['BIntel and Intel', ['Intel@11-16']],
    ['Taylor Swift in Taylor', ['Taylor@16-22']],
    ["EU to delay 'high risk' AI rules", ['High-risk AI@13-32']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('finds an entity by a description, marked as described, and by a name unmarked', () => {
    const described = entityRuler([
      {
        id: 'Samsung',
        type: 'company',
        aliases: ['Samsung'],
        descriptions: ['Korean chipmaker', '韩国芯片巨头'],
      },
    ]);
    const text = 'The Korean chipmaker, Samsung, and 韩国芯片巨头';
    expect(described.find(text).map((mention) => `${mention.id}:${mention.described}`)).toEqual([
      'Samsung:true',
      'Samsung:false',
      'Samsung:true',
    ]);
  });

  /**
   * The ruler's pattern is a trie of the aliases, for speed; it must match exactly what a
   * plain alternation of the aliases, longest first, matches — on every sentence of the
   * labelled news corpus, with the shipped story's aliases.
   */
  it('matches what a plain longest-first alternation matches, on every labelled sentence', () => {
    const aliases = [
      ...new Set(
        loadRulesFile().entities.flatMap((entity) => entity.aliases.map((alias) => alias.toLowerCase())),
      ),
    ];
    const reference = new RegExp(
      [...aliases]
        .sort((a, b) => b.length - a.length)
        .map((alias) => {
          const body = escapeRegex(alias).replace(/\\?\s+/g, `['"]?[\\s-]?`);
          return /^[\x20-\x7E’]+$/.test(alias) ? `${body}(?![A-Za-z0-9])` : body;
        })
        .join('|'),
      'gi',
    );
    const trie = new RegExp(aliasPattern(aliases), 'gi');
    const { tune, test } = newsCorpus();
    const sentences = [...tune, ...test].flatMap((item) => itemSentences(item));
    expect(sentences.length).toBeGreaterThan(1000);
    const matches = (pattern: RegExp, text: string) =>
      [...text.matchAll(pattern)].map((match) => `${match.index}:${match[0]}`).join('|');
    const differing = sentences.filter((text) => matches(trie, text) !== matches(reference, text));
    expect(differing).toEqual([]);
  });

  /**
   * The ruler runs the trie as several smaller patterns (one grew past what V8 compiles to machine code): their matches,
   * the earlier holding its span where two overlap, must be the one pattern's — cut here into many small pieces.
   */
  it('finds with several smaller patterns what the one pattern finds, on every labelled sentence', () => {
    const aliases = [
      ...new Set(
        loadRulesFile().entities.flatMap((entity) => [
          ...entity.aliases,
          ...(entity.descriptions ?? []),
          ...(entity.referenceDescriptions ?? []),
        ]),
      ),
    ].map((alias) => alias.toLowerCase());
    const one = new RegExp(aliasPattern(aliases), 'gi');
    const pieces = aliasPatterns(aliases, 600).map((source) => new RegExp(source, 'gi'));
    expect(pieces.length).toBeGreaterThan(10);
    const { tune, test } = newsCorpus();
    const sentences = [...tune, ...test].flatMap((item) => itemSentences(item));
    const spans = (matches: RegExpExecArray[]) => {
      const kept: string[] = [];
      let end = 0;
      for (const match of matches.sort((a, b) => a.index - b.index)) {
        if (match.index < end) continue;
        kept.push(`${match.index}:${match[0]}`);
        end = match.index + match[0].length;
      }
      return kept.join('|');
    };
    const differing = sentences.filter(
      (text) =>
        spans([...text.matchAll(one)]) !== spans(pieces.flatMap((piece) => [...text.matchAll(piece)])),
    );
    expect(differing).toEqual([]);
  });
});

describe('the mentions a sentence means (keptMentions)', () => {
  const story = entityRuler([
    { id: 'Texas', type: 'place', aliases: ['Texas', '德州'] },
    { id: 'Taylor', type: 'site', aliases: ['Taylor', '泰勒'] },
    { id: 'Tesla', type: 'company', aliases: ['Tesla', '特斯拉'] },
    { id: 'Nvidia', type: 'company', aliases: ['Nvidia'] },
    { id: 'AI chip market', type: 'market', aliases: ['AI chip market', 'AI chip revenue'] },
  ]);
  const kept = (text: string) => keptMentions(text, story.find(text)).map((mention) => mention.id);

  it.each<[string, string[]]>([
    // A wire's dateline names where the reporter files from, no place of the story.
    ['AUSTIN, Texas, Jan 28 (Reuters) - Tesla picks Taylor', ['Tesla', 'Taylor']],
    ['Austin, Texas (AP) - Tesla picks Taylor', ['Tesla', 'Taylor']],
    // (its region only: the story's own site under its dateline is the sentence's "plant")
    ['TAYLOR, Texas, April 14 (Reuters) - Tesla picks the plant', ['Taylor', 'Tesla']],
    // …but a kicker in capitals is no dateline, and "here" is the dateline's place.
    ['TAYLOR - Tesla picks Texas', ['Taylor', 'Tesla', 'Texas']],
    ['TAYLOR, Texas (Reuters) - Tesla picks the fab here', ['Taylor', 'Texas', 'Tesla']],
    ['新华社德州1月28日电 特斯拉选择泰勒', ['Tesla', 'Taylor']],
    ['德州1月1日电力恢复，泰勒', ['Texas', 'Taylor']],
    // A company's own revenue named like a market is no market.
    ["Nvidia's AI chip revenue will reach $300 billion", ['Nvidia']],
    ['AI chip revenue at Nvidia will reach $300 billion', ['Nvidia']],
    // A forecaster's "its … forecast" is of the market; a chipmaker's, of its own revenue.
    ['Gartner raises its AI chip revenue forecast', ['AI chip market']],
    ['Nvidia raises its AI chip revenue forecast', ['Nvidia']],
    ['The AI chip market will reach $500 billion, Nvidia says', ['AI chip market', 'Nvidia']],
  ])('%s', (text, expected) => {
    expect(kept(text)).toEqual(expected);
  });
});
