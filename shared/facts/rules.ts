import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_STORY_DIR, parseWithSchema, readJsonFile } from '../config/load.ts';
import type { Fact } from '../config/schemas.ts';
import { ConfigError } from '../errors.ts';
import { type CompiledDictionary, compileDictionary, compileTerms } from './terms.ts';
import {
  type Candidate,
  countExtractor,
  entitiesExtractor,
  extractMoney,
  extractNode,
  extractPercent,
  extractRatio,
  extractYear,
  placeExtractor,
  quantityExtractor,
  statusExtractor,
} from './values.ts';

export const DEFAULT_RULES_FILE = join(DEFAULT_STORY_DIR, 'rules.json');

const Terms = z.array(z.string().min(1)).min(1);
const Dictionary = z.record(z.string(), Terms);

/** How one fact is recognised: term groups that must all appear, terms that must not, value hints. */
const FactRuleSchema = z.strictObject({
  all: z.array(Terms).min(1),
  context: z.array(Terms).optional(),
  not: Terms.optional(),
  value: z
    .strictObject({
      min: z.number().optional(),
      max: z.number().optional(),
      near: Terms.optional(),
      /** Take only values after a subject mention ("Samsung shares rose 6.8%"). */
      after: z.boolean().optional(),
      /** Other subjects: a value with one of these between it and the subject belongs to them. */
      rivals: Terms.optional(),
      entities: z.literal('foundries').optional(),
      units: z.union([Terms, z.record(z.string(), Terms)]).optional(),
      statuses: Terms.optional(),
    })
    .optional(),
});
export type FactRule = z.infer<typeof FactRuleSchema>;

/** A story's rules file: dictionaries, language cues and one rule per fact id. */
export const RulesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  entities: Dictionary,
  places: Dictionary,
  statuses: Dictionary,
  cues: z.strictObject({ negation: Terms, hedge: Terms, replacement: Terms, displaced: Terms }),
  facts: z.record(z.string(), FactRuleSchema),
});
export type RulesFile = z.infer<typeof RulesFileSchema>;

/** Reads and validates a rules file. */
export function loadRulesFile(path: string = DEFAULT_RULES_FILE): RulesFile {
  return parseWithSchema(RulesFileSchema, readJsonFile(path), path);
}

/** One fact's rule, compiled: every regex built once. */
export interface CompiledRule {
  fact: Fact;
  groups: RegExp[];
  context: RegExp[];
  not: RegExp | null;
  near: RegExp | null;
  after: boolean;
  rivals: RegExp | null;
  min: number;
  max: number;
  extract: (text: string) => Candidate[];
  /** Matches any term of any group: a cheap pre-check on the whole item. */
  any: RegExp;
}

export interface CompiledRules {
  rules: CompiledRule[];
  negation: RegExp;
  hedge: RegExp;
  replacement: RegExp;
}

/**
 * Compiles the rules for a fact sheet. Every fact needs a rule, and every rule a fact:
 * a typo in either file is a config error, not a silently dead fact.
 *
 * @example
 * const compiled = compileRules(loadBaselineFile().facts, loadRulesFile());
 */
export function compileRules(facts: Fact[], file: RulesFile): CompiledRules {
  const unknown = Object.keys(file.facts).filter((id) => !facts.some((fact) => fact.id === id));
  if (unknown.length) throw new ConfigError(`rules: no baseline fact for rule(s) ${unknown.join(', ')}`);
  const foundries = compileDictionary(file.entities);
  const displaced = compileTerms(file.cues.displaced);
  const places = compileDictionary(file.places);
  const rules = facts.map((fact) => {
    const rule = file.facts[fact.id];
    if (!rule) throw new ConfigError(`rules: fact "${fact.id}" has no match rule`);
    return compileRule(fact, rule, { foundries, places, displaced, statuses: file.statuses });
  });
  return {
    rules,
    negation: compileTerms(file.cues.negation),
    hedge: compileTerms(file.cues.hedge),
    replacement: compileTerms(file.cues.replacement),
  };
}

interface Dictionaries {
  foundries: CompiledDictionary;
  displaced: RegExp;
  places: CompiledDictionary;
  statuses: Record<string, readonly string[]>;
}

function compileRule(fact: Fact, rule: FactRule, dictionaries: Dictionaries): CompiledRule {
  return {
    fact,
    groups: rule.all.map((terms) => compileTerms(terms)),
    context: (rule.context ?? []).map((terms) => compileTerms(terms)),
    not: rule.not ? compileTerms(rule.not) : null,
    near: rule.value?.near ? compileTerms(rule.value.near) : null,
    after: rule.value?.after ?? false,
    rivals: rule.value?.rivals ? compileTerms(rule.value.rivals) : null,
    min: rule.value?.min ?? Number.NEGATIVE_INFINITY,
    max: rule.value?.max ?? Number.POSITIVE_INFINITY,
    extract: extractorFor(fact, rule, dictionaries),
    any: compileTerms(rule.all.flat()),
  };
}

function extractorFor(fact: Fact, rule: FactRule, dictionaries: Dictionaries): (text: string) => Candidate[] {
  const units = rule.value?.units;
  switch (fact.kind) {
    case 'money':
      return extractMoney;
    case 'percent':
      return extractPercent;
    case 'year':
      return extractYear;
    case 'ratio':
      return extractRatio;
    case 'node':
      return extractNode;
    case 'count':
      return countExtractor(Array.isArray(units) ? units : ['units']);
    case 'quantity':
      return quantityExtractor(units && !Array.isArray(units) ? units : {});
    case 'entities':
      return entitiesExtractor(dictionaries.foundries, dictionaries.displaced);
    case 'place':
      return placeExtractor(dictionaries.places);
    case 'status':
      return statusExtractor(dictionaries.statuses, rule.value?.statuses);
  }
}
