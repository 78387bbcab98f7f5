import type { Value } from '../config/schemas.ts';
import type { CompiledRule, CompiledRules } from './rules.ts';
import { normaliseText, splitClauses, splitSentences } from './sentences.ts';
import { hasMatch, matchPositions } from './terms.ts';
import type { Candidate } from './values.ts';

/** An item as `analyze` reads it (docs/contracts.md): one JSON object a line. */
export interface AnalyzableItem {
  id: string;
  title: string;
  summary?: string;
  content?: string;
  link?: string;
  published?: string;
  source?: string;
}

/** One sentence's statement about one fact, before it is compared with the baseline. */
export interface Statement {
  factId: string;
  /** The value read, or null when the sentence is about the fact but gives none. */
  observed: Value | null;
  evidence: string;
  /** 1 for a plain statement; lower when hedged ("reportedly") or negated ("denies"). */
  confidence: number;
  negated: boolean;
  /** "instead of", "takes over", "取代": the value replaces the baseline's entities rather than adding to them. */
  replaces: boolean;
  /** Entities the sentence names as replaced ("takes over from Samsung"). */
  displaced: string[];
  /** Money stated only in a currency other than the baseline's. */
  otherCurrency: boolean;
  sentenceIndex: number;
}

const MAX_EVIDENCE = 500;
const HEDGED_CONFIDENCE = 0.6;
const NEGATED_CONFIDENCE = 0.3;

/** The item's sentences: the title first, then summary and content, each once. */
export function itemSentences(item: AnalyzableItem): string[] {
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const field of [item.title, item.summary, item.content]) {
    if (!field) continue;
    for (const raw of splitSentences(field)) {
      const sentence = normaliseText(raw);
      if (sentence && !seen.has(sentence)) {
        seen.add(sentence);
        sentences.push(sentence);
      }
    }
  }
  return sentences;
}

/**
 * Every statement the item makes about the story's facts: for each sentence and
 * fact whose rule matches (subject and relation there, no excluded term), the
 * value nearest the subject, if any.
 *
 * @example
 * extractFacts({ id: '1', title: 'Tesla, Samsung sign $16.5 billion chip deal' }, compiled);
 * // [{ factId: 'deal.value', observed: { kind: 'money', amount: 16500000000, currency: 'USD' }, … }]
 */
export function extractFacts(item: AnalyzableItem, compiled: CompiledRules): Statement[] {
  const sentences = itemSentences(item);
  const whole = sentences.join('\n');
  const title = sentences[0] ?? '';
  const statements: Statement[] = [];
  for (const rule of compiled.rules) {
    // Cheap pre-check on the whole item: most facts are not mentioned at all.
    if (!rule.groups.every((group) => hasMatch(group, whole))) continue;
    sentences.forEach((sentence, sentenceIndex) => {
      if (!sentenceMatches(rule, sentence, title)) return;
      statements.push(statementFrom(rule, compiled, sentence, sentenceIndex));
    });
  }
  return statements;
}

function sentenceMatches(rule: CompiledRule, sentence: string, title: string): boolean {
  if (!rule.groups.every((group) => hasMatch(group, sentence))) return false;
  if (!rule.context.every((group) => hasMatch(group, sentence) || hasMatch(group, title))) return false;
  return !(rule.not && hasMatch(rule.not, sentence));
}

function statementFrom(
  rule: CompiledRule,
  compiled: CompiledRules,
  sentence: string,
  sentenceIndex: number,
): Statement {
  const negated = hasMatch(compiled.negation, sentence);
  const hedged = hasMatch(compiled.hedge, sentence);
  const { value, otherCurrency, displaced } = chooseValue(rule, sentence);
  return {
    factId: rule.fact.id,
    observed: value,
    evidence: sentence.length > MAX_EVIDENCE ? `${sentence.slice(0, MAX_EVIDENCE - 1)}…` : sentence,
    confidence: negated ? NEGATED_CONFIDENCE : hedged ? HEDGED_CONFIDENCE : 1,
    negated,
    replaces: hasMatch(compiled.replacement, sentence),
    otherCurrency,
    displaced,
    sentenceIndex,
  };
}

/** The value nearest the fact's subject, read only from clauses that name the subject. */
function chooseValue(
  rule: CompiledRule,
  sentence: string,
): { value: Value | null; otherCurrency: boolean; displaced: string[] } {
  const anchors = matchPositions(rule.groups[0]!, sentence).map((match) => match.index);
  const targets = rule.near ? matchPositions(rule.near, sentence).map((match) => match.index) : anchors;
  const rivals = rule.rivals ? matchPositions(rule.rivals, sentence).map((match) => match.index) : [];
  const candidates = splitClauses(sentence)
    .filter((clause) => anchors.some((at) => at >= clause.start && at < clause.start + clause.text.length))
    .flatMap((clause) =>
      rule.extract(clause.text).map((found) => ({ ...found, index: found.index + clause.start })),
    )
    .filter((found) => !rule.after || ownedBySubject(found.index, anchors, rivals));
  const baseline = rule.fact.value;
  const inBaselineUnits = candidates.filter(
    (found) => sameCurrency(found, baseline) && inRange(rule, found.value),
  );
  const pool = inBaselineUnits.length
    ? inBaselineUnits
    : candidates.filter((found) => !sameCurrency(found, baseline));
  if (pool.length === 0) return { value: null, otherCurrency: false, displaced: [] };
  const nearest = nearestTo(pool, targets.length ? targets : anchors);
  const value =
    nearest.currencyAssumed && baseline?.kind === 'money'
      ? { ...nearest.value, currency: baseline.currency }
      : nearest.value;
  return { value, otherCurrency: !inBaselineUnits.length, displaced: nearest.displaced ?? [] };
}

/** A value after a subject mention with no rival subject between them ("Tesla rose 4%, Samsung 6.8%"). */
function ownedBySubject(at: number, anchors: number[], rivals: number[]): boolean {
  const subject = Math.max(...anchors.filter((anchor) => anchor < at));
  return Number.isFinite(subject) && !rivals.some((rival) => rival > subject && rival < at);
}

function sameCurrency(found: Candidate, baseline: Value | null): boolean {
  if (found.value.kind !== 'money') return true;
  const currency = baseline?.kind === 'money' ? baseline.currency : 'USD';
  return found.currencyAssumed === true || found.value.currency === currency;
}

function inRange(rule: CompiledRule, value: Value): boolean {
  const number =
    value.kind === 'money'
      ? value.amount
      : 'value' in value && typeof value.value === 'number'
        ? value.value
        : null;
  return number === null || (number >= rule.min && number <= rule.max);
}

function nearestTo(candidates: Candidate[], targets: number[]): Candidate {
  const distance = (found: Candidate) => Math.min(...targets.map((at) => Math.abs(found.index - at)));
  return candidates.reduce((best, found) => (distance(found) < distance(best) ? found : best));
}
