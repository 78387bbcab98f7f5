import { join } from 'node:path';
import * as z from 'zod';
import { DEFAULT_STORY_DIR, parseWithSchema, readJsonFile } from '../config/load.ts';
import { ownRulesPathOf } from '../config/story-sheet.ts';
import { ConfigError } from '../errors.ts';
import type { Fact } from '../model/story.ts';
import { STATUS_VOCABULARY } from '../model/values.ts';
import { type EntityRuler, entityRuler } from './entities.ts';
import { ATTRIBUTE_CLASSES, type AttributeClass, AWARD_WORDS, type PhraseList } from './lexicon.ts';
import { type PhraseMatcher, phraseMatcher } from './phrases.ts';
import { escapeRegex } from './regex.ts';
import { countReader, quantityReader } from './values/measures.ts';
import type { ValueMention } from './values/mention.ts';

export const DEFAULT_RULES_FILE = join(DEFAULT_STORY_DIR, 'rules.json');

/** The rules for a fact sheet: `explicit` (--rules), else rules.json beside the sheet, else the shipped rules. */
export function rulesPathFor(baselinePath: string, explicit?: string): string {
  return explicit || (ownRulesPathOf(baselinePath) ?? DEFAULT_RULES_FILE);
}

const Words = z.array(z.string().min(1));
const PhraseListSchema = z.strictObject({ en: Words.default([]), zh: Words.default([]) });
const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTE_CLASSES) as [AttributeClass, ...AttributeClass[]];

const EntitySchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  aliases: Words.min(1),
  /** For places (and sites): the place a value of kind `place` names. */
  place: z.string().optional(),
  /** For sites: the company that runs it — "AI6 chips will be manufactured in Taylor" names Samsung as the maker. */
  operator: z.string().optional(),
  notFollowedBy: Words.optional(),
  notPrecededBy: Words.optional(),
  /** Descriptions that refer to the entity without naming it ("Musk's carmaker"); findings resting on one are less sure. */
  descriptions: Words.optional(),
  /**
   * Descriptions that stand for the entity only in an item that names it ("the Korean company" after Samsung is
   * named): in an item that does not, some other company ("Korean supplier L&F … the Korean company's shares").
   */
  referenceDescriptions: Words.optional(),
  /** Entities whose name in an item makes the descriptions ambiguous. */
  unlessNamed: Words.optional(),
});

/**
 * How one fact is read (a fact is subject × attribute class × value kind):
 * - `subject`: alternatives, each a list of entity ids that must all be named
 *   (in the sentence, or carried over from the item's title);
 * - `relation`: attribute classes of the lexicon, one of which must be said;
 * - `context`: words that must also appear (in the sentence, or the title when
 *   `contextInTitle`), `not`: words that rule the sentence out;
 * - `value`: what to read and its plausible range; `rivals`: other subjects a
 *   value may belong to ("TSMC 70.2%, Samsung 7.3%").
 */
const FactRuleSchema = z.strictObject({
  subject: z.array(z.array(z.string().min(1)).min(1)).min(1),
  relation: z.array(z.enum(ATTRIBUTE_NAMES)).min(1),
  context: PhraseListSchema.optional(),
  contextInTitle: z.boolean().optional(),
  /** The context may be anywhere in the item ("an 11-figure deal" one sentence before "shares rose 4%"). */
  contextInItem: z.boolean().optional(),
  not: PhraseListSchema.optional(),
  rivals: Words.optional(),
  /**
   * Where a value's owner is judged: at the value (default: "TSMC 70.2%, Samsung 7.3%"), or
   * at the nearest word of this relation class before it ("三星股价因特斯拉订单上涨6.8%": the
   * shares are Samsung's, whoever is named before the verb).
   */
  ownerAt: z.enum(ATTRIBUTE_NAMES).optional(),
  /** Pronouns and descriptions that refer back to the subject ("the chip", "该芯片"). */
  anaphora: PhraseListSchema.optional(),
  /**
   * A subject the item as a whole supplies: `subject` alone is enough in an item that names one of `entities` or
   * `cues` somewhere and none of `unless` or `unlessCues` anywhere — "Dutch regulator: high-risk rules delayed" is the
   * EU's rules in an item about the EU; "Colorado delays its high-risk AI rules" is not.
   */
  itemSubject: z
    .strictObject({
      subject: Words.min(1),
      entities: Words.default([]),
      cues: PhraseListSchema.optional(),
      unless: Words.default([]),
      unlessCues: PhraseListSchema.optional(),
    })
    .optional(),
  /**
   * The value is the reaction to one event (a deal's announcement on `date`): in an item published more
   * than `days` later a move counts only when the deal and its other party are named in the move's
   * sentence (or beside it or in the title, and the move names no day of its own: "today", 本周), or
   * when the sentence dates the move back to the event (its month of its year, "when news of …",
   * "had risen").
   */
  event: z
    .strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'),
      days: z.number().int().min(0).max(366),
    })
    .optional(),
  /** A value standing right by the subject counts without a relation word ("the $500 billion Stargate project"). */
  adjacentChars: z.number().int().min(0).max(60).optional(),
  value: z.strictObject({
    min: z.number().optional(),
    max: z.number().optional(),
    /** Entity-set facts: the entities that may be in the set. */
    entities: Words.optional(),
    /** Status facts: the status each relation says. */
    statuses: z.partialRecord(z.enum(ATTRIBUTE_NAMES), z.enum(STATUS_VOCABULARY)).optional(),
    /**
     * Status facts: when the in-force status is due (`YYYY-MM`, as the fact sheet has it): "will apply
     * from December 2027" says a later date, a delay; "apply from August 2026" the schedule.
     */
    scheduled: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'must be a month, YYYY-MM')
      .optional(),
    /**
     * Status facts: a part of the rule always due later (`scheduled`), named by `for` in the in-force
     * word's clause — "high-risk AI in regulated products applies from August 2027" is its schedule, no delay.
     */
    laterSchedule: z
      .strictObject({
        scheduled: z.string().regex(/^\d{4}-\d{2}$/, 'must be a month, YYYY-MM'),
        for: PhraseListSchema,
      })
      .optional(),
    /** Count facts: the nouns counted. */
    countOf: Words.optional(),
    /** Quantity facts: canonical unit → spellings. */
    units: z.record(z.string(), Words).optional(),
    /** A year the sentence must also name (a forecast "for 2028"). */
    requiresYear: z.number().int().optional(),
    /** The value is a plan's total: amounts reached so far ("brings the total to $400B") are not it. */
    planTotal: z.boolean().optional(),
    /**
     * Place facts: where these chips are made (`chips`), or plain "chips" when one of
     * `customers` is named or referred to and no other chip is.
     */
    madeFor: z.strictObject({ chips: Words.min(1), customers: Words.default([]) }).optional(),
  }),
});
export type FactRule = z.infer<typeof FactRuleSchema>;

/** A story's rules file: its entities and one rule per fact id. */
export const RulesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  entities: z.array(EntitySchema).min(1),
  /** Words that name the site of a fab, binding a place to it ("Texas fab", "泰勒厂"). */
  siteWords: PhraseListSchema,
  facts: z.record(z.string(), FactRuleSchema),
});
export type RulesFile = z.infer<typeof RulesFileSchema>;

/** Reads and validates a rules file. */
export function loadRulesFile(path: string = DEFAULT_RULES_FILE): RulesFile {
  return parseWithSchema(RulesFileSchema, readJsonFile(path), path);
}

/** One fact's rule, compiled once: the names of its phrase lists and its value reader. */
export interface CompiledRule {
  fact: Fact;
  rule: FactRule;
  /** Names of the rule's own lists in the story's one phrase matcher (absent: the rule has none). */
  context?: string;
  not?: string;
  anaphora?: string;
  /** The phrase list naming the part of a status fact due later (value.laterSchedule.for). */
  laterSchedule?: string;
  /** Reads the fact's numeric values (money, percent, year …) from a sentence. */
  readExtra?: (text: string) => ValueMention[];
  /** The entities of the fact's subject, and of its rivals (looked up once a sentence, so kept as sets). */
  ownIds: ReadonlySet<string>;
  rivalIds: ReadonlySet<string>;
  /**
   * The words that refer back to a rival ("the chip", 该芯片 for the Taylor fab's rival AI6): the
   * anaphora of the rules about a rival alone, less the rule's own.
   */
  rivalAnaphora?: string;
  /**
   * The rule's reference words that a rule about a rival uses too ("the company" for Samsung and for Tesla): a kind,
   * not a description. The others describe the subject alone ("the chipmaker" beside Tesla's "the automaker").
   */
  sharedAnaphora?: string;
  /**
   * The rule as read in an item that supplies its `itemSubject`: the same rule with that subject as one more
   * alternative (see itemSubjectHolds).
   */
  itemVariant?: CompiledRule;
  /** Names of the item subject's cue lists in the phrase matcher. */
  itemCues?: string;
  itemUnlessCues?: string;
  /** For a reaction to one event: the last day (`YYYY-MM-DD`) an item may report it as news, the event's month named (a global pattern), its year. */
  event?: { date: string; lastDay: string; twoDaysOn: string; month: RegExp; year: number; day: number };
}

export interface CompiledRules {
  rules: CompiledRule[];
  ruler: EntityRuler;
  /**
   * Every phrase list of the story in one matcher, run once a sentence (spaCy's
   * PhraseMatcher holds all patterns the same way): the attribute classes under
   * their names, the site words as `SITE_WORDS`, each rule's lists as `<fact>#<list>`.
   */
  phrases: PhraseMatcher;
  /** Canonical place of each place entity. */
  places: ReadonlyMap<string, string>;
  /** The company that runs each site that has one. */
  operators: ReadonlyMap<string, string>;
  /**
   * A comma and the region of a place ("Taylor, Texas" → ", Texas"): that comma is no clause mark.
   * Taken from the entities' `place`, so the engine holds no place's name.
   */
  placeTail: RegExp;
  /** The story's own parties: every entity some fact has as its subject, value or customer. */
  partyIds: ReadonlySet<string>;
  /** The story's makers: every entity a fact of the 'makes' class takes as its value (the foundries). */
  makerIds: ReadonlySet<string>;
}

export const SITE_WORDS = '#site';
/** The phrase list of the `makes` words that tell an award, not a making (lexicon.ts). */
export const AWARD_LIST = '#award';

const hasWords = (list: PhraseList | undefined): list is PhraseList =>
  list !== undefined && (list.en.length > 0 || list.zh.length > 0);

/**
 * Compiles a story's rules for its facts; a fact without a rule, a rule for an
 * unknown fact or a subject naming an unknown entity is a config error.
 *
 * @example
 * const compiled = compileRules(loadBaselineFile().facts, loadRulesFile());
 */
export function compileRules(facts: Fact[], file: RulesFile): CompiledRules {
  const known = new Set(facts.map((fact) => fact.id));
  for (const id of Object.keys(file.facts))
    if (!known.has(id)) throw new ConfigError(`rules.json: rule for unknown fact "${id}"`);
  const entityIds = new Set(file.entities.map((entity) => entity.id));
  for (const entity of file.entities)
    for (const id of entity.unlessNamed ?? [])
      if (!entityIds.has(id))
        throw new ConfigError(`rules.json: entity "${entity.id}": unlessNamed names no entity "${id}"`);
  for (const entity of file.entities)
    if (entity.operator !== undefined && !entityIds.has(entity.operator))
      throw new ConfigError(
        `rules.json: entity "${entity.id}": operator names no entity "${entity.operator}"`,
      );
  const lists: Record<string, PhraseList> = {
    ...ATTRIBUTE_CLASSES,
    [SITE_WORDS]: file.siteWords as PhraseList,
    [AWARD_LIST]: AWARD_WORDS,
  };
  const rules = facts.map((fact) => {
    const rule = file.facts[fact.id];
    if (!rule) throw new ConfigError(`rules.json: no rule for fact "${fact.id}"`);
    for (const id of [
      ...rule.subject.flat(),
      ...(rule.rivals ?? []),
      ...(rule.value.entities ?? []),
      ...(rule.value.madeFor?.chips ?? []),
      ...(rule.value.madeFor?.customers ?? []),
      ...(rule.itemSubject
        ? [...rule.itemSubject.subject, ...rule.itemSubject.entities, ...rule.itemSubject.unless]
        : []),
    ])
      if (!entityIds.has(id)) throw new ConfigError(`rules.json: fact "${fact.id}": no entity "${id}"`);
    return withItemVariant(compileRule(fact, rule, lists, subjectNames(file, rule)), file, lists);
  });
  for (const rule of rules) {
    Object.assign(rule, rivalAnaphora(rule, rules, lists));
    if (rule.itemVariant) Object.assign(rule.itemVariant, rivalAnaphora(rule.itemVariant, rules, lists));
  }
  return {
    rules,
    ruler: entityRuler(file.entities),
    phrases: phraseMatcher(lists),
    places: new Map(file.entities.flatMap((entity) => (entity.place ? [[entity.id, entity.place]] : []))),
    placeTail: placeTailOf(file.entities.flatMap((entity) => (entity.place ? [entity.place] : []))),
    operators: new Map(
      file.entities.flatMap((entity) => (entity.operator ? [[entity.id, entity.operator] as const] : [])),
    ),
    partyIds: new Set(
      Object.values(file.facts).flatMap((rule) => [
        ...rule.subject.flat(),
        ...(rule.value.entities ?? []),
        ...(rule.value.madeFor?.customers ?? []),
      ]),
    ),
    makerIds: new Set(
      Object.values(file.facts).flatMap((rule) =>
        rule.relation.includes('makes') ? (rule.value.entities ?? []) : [],
      ),
    ),
  };
}

/** ", Texas", ", South Korea": the regions after the first comma of the places named. */
function placeTailOf(places: string[]): RegExp {
  const tails = [
    ...new Set(
      places.flatMap((place) => (place.includes(',') ? [place.split(',').slice(1).join(',').trim()] : [])),
    ),
  ];
  if (tails.length === 0) return /(?!)/;
  return new RegExp(`^,\\s*(?:${tails.map(escapeRegex).join('|')})\\b`, 'i');
}

/** The phrases that refer back to one of a rule's rivals and never to its own subject. */
function rivalAnaphora(
  compiled: CompiledRule,
  rules: CompiledRule[],
  lists: Record<string, PhraseList>,
): { rivalAnaphora?: string; sharedAnaphora?: string } {
  const rivals = compiled.rule.rivals ?? [];
  const own = compiled.rule.anaphora;
  // A rule one of whose subjects is a rival alone (the Taylor fab's start: ["Taylor"]) refers to it
  // with its words ("the plant", 该厂).
  // (…not a rule about the subject too: the deal's term, of ["Tesla", "Samsung"] or ["Samsung"], refers to the deal
  // with 协议, 合同 — no word of Samsung's alone against Tesla's share move)
  const ownIds = new Set(compiled.rule.subject.flat());
  const aboutRival = rules.filter(
    (other) =>
      other.rule.subject.some((group) => group.length === 1 && rivals.includes(group[0]!)) &&
      !other.rule.subject.some((group) => group.some((id) => ownIds.has(id))) &&
      other.rule.anaphora,
  );
  const phrases = (lang: 'en' | 'zh') => [
    ...new Set(
      aboutRival
        .flatMap((other) => other.rule.anaphora![lang])
        .filter((phrase) => !(own?.[lang] ?? []).includes(phrase)),
    ),
  ];
  const shared = (lang: 'en' | 'zh') => {
    const theirs = new Set(aboutRival.flatMap((other) => other.rule.anaphora![lang]));
    return (own?.[lang] ?? []).filter((phrase) => theirs.has(phrase));
  };
  const list = { en: phrases('en'), zh: phrases('zh') };
  const sharedList = { en: shared('en'), zh: shared('zh') };
  const names: { rivalAnaphora?: string; sharedAnaphora?: string } = {};
  if (hasWords(list)) {
    names.rivalAnaphora = `${compiled.fact.id}#rivalAnaphora`;
    lists[names.rivalAnaphora] = list;
  }
  if (hasWords(sharedList)) {
    names.sharedAnaphora = `${compiled.fact.id}#sharedAnaphora`;
    lists[names.sharedAnaphora] = sharedList;
  }
  return names;
}

/**
 * The one-word names of a rule's subject entities ("Stargate", 星际之门), which may stand between a count and its noun
 * ("30 Stargate sites", 10個星際之門資料中心).
 */
function subjectNames(file: RulesFile, rule: FactRule): string[] {
  const own = new Set(rule.subject.flat());
  return file.entities
    .filter((entity) => own.has(entity.id))
    .flatMap((entity) => entity.aliases)
    .filter((alias) => /^[A-Za-z][\w-]*$|^[\u3400-\u9fff]{2,6}$/.test(alias));
}

function compileRule(
  fact: Fact,
  rule: FactRule,
  lists: Record<string, PhraseList>,
  names: readonly string[],
): CompiledRule {
  const readExtra = rule.value.countOf
    ? countReader(rule.value.countOf, names)
    : rule.value.units
      ? quantityReader(rule.value.units)
      : undefined;
  const own = (key: 'context' | 'not' | 'anaphora' | 'laterSchedule') => {
    const name = listNamed(
      lists,
      `${fact.id}#${key}`,
      key === 'laterSchedule' ? rule.value.laterSchedule?.for : rule[key],
    );
    return name ? { [key]: name } : {};
  };
  return {
    fact,
    rule,
    ownIds: new Set(rule.subject.flat()),
    rivalIds: new Set(rule.rivals ?? []),
    ...own('context'),
    ...own('not'),
    ...own('anaphora'),
    ...own('laterSchedule'),
    ...(readExtra ? { readExtra } : {}),
    ...(rule.event ? { event: compileEvent(rule.event) } : {}),
  };
}

/** A rule's own phrase list put in the story's matcher under `name`; undefined for a list of no words. */
function listNamed(
  lists: Record<string, PhraseList>,
  name: string,
  list: PhraseList | undefined,
): string | undefined {
  if (!hasWords(list)) return undefined;
  lists[name] = list;
  return name;
}

/** A rule with an `itemSubject` gets its variant with that subject as one more alternative, and its cue lists. */
function withItemVariant(
  compiled: CompiledRule,
  file: RulesFile,
  lists: Record<string, PhraseList>,
): CompiledRule {
  const itemSubject = compiled.rule.itemSubject;
  if (!itemSubject) return compiled;
  const rule = { ...compiled.rule, subject: [...compiled.rule.subject, itemSubject.subject] };
  const itemCues = listNamed(lists, `${compiled.fact.id}#item-cues`, itemSubject.cues);
  const itemUnlessCues = listNamed(lists, `${compiled.fact.id}#item-unlessCues`, itemSubject.unlessCues);
  return {
    ...compiled,
    ...(itemCues ? { itemCues } : {}),
    ...(itemUnlessCues ? { itemUnlessCues } : {}),
    itemVariant: compileRule(compiled.fact, rule, lists, subjectNames(file, rule)),
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const CHINESE_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function compileEvent(event: { date: string; days: number }): {
  date: string;
  lastDay: string;
  twoDaysOn: string;
  month: RegExp;
  year: number;
  day: number;
} {
  const day = new Date(`${event.date}T00:00:00Z`);
  // "2025-02-30" would roll over to March: a date that is not one fails on load.
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== event.date)
    throw new ConfigError(`rules.json: event date "${event.date}" is not a day of the calendar`);
  const lastDay = new Date(day.getTime() + event.days * 86_400_000).toISOString().slice(0, 10);
  // The first day a move told as "today" is another day's than the event's (a day after may be its other time zone).
  const twoDaysOn = new Date(day.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const index = day.getUTCMonth();
  const name = MONTHS[index]!;
  // "on July 28", "in late Jul.", 7月28日, 七月: the event's month, in English or Chinese.
  const chinese = CHINESE_MONTHS[index]!;
  // Case-sensitive: a month is capitalised, and "may" is no month. Global: read with matchAll.
  const month = new RegExp(
    `\\b(?:${name}|${name.slice(0, 3)}\\.?)(?![a-z])|(?<![0-9])${index + 1}\\s*月|(?<![一二三四五六七八九十])${chinese}月`,
    'g',
  );
  return { date: event.date, lastDay, twoDaysOn, month, year: day.getUTCFullYear(), day: day.getUTCDate() };
}
