import type { FindingStatus } from '../model/findings.ts';
import type { Value } from '../model/values.ts';
import type { Statement } from './extract/statement.ts';
import { relativeDifference } from './values/numbers.ts';

/** Per-kind tolerances: within them an observed value confirms the baseline. */
export const TOLERANCE = {
  moneyRelative: 0.02,
  percentPoints: 0.2,
  quantityRelative: 0.02,
  ratioRelative: 0.02,
} as const;

/**
 * The status of a statement against the fact's *current* baseline (docs/contracts.md):
 * `confirmed` equal within tolerance, `changed` different, `new` a value where the
 * baseline had none, `mentioned` about the fact with no usable value (none given,
 * only in another currency, or denied). Entity sets accumulate unless the sentence
 * says the new entity replaces the old.
 *
 * @example
 * diffStatement(statementWith({ kind: 'year', value: 2027 }), { kind: 'year', value: 2026 }); // { status: 'changed', observed: … }
 */
export function diffStatement(
  statement: Statement,
  baseline: Value | null,
  qualifier?: string,
): { status: FindingStatus; observed: Value | null } {
  let observed = statement.observed;
  if (!observed || statement.otherCurrency || statement.negated) return { status: 'mentioned', observed };
  // A newly named foundry adds to the known ones ("TSMC to make AI6" adds TSMC); only
  // replacement language ("takes over from", "instead of") removes the baseline's.
  if (observed.kind === 'entities') observed = entitiesObserved(statement, observed.values, baseline);
  if (!baseline) return { status: 'new', observed };
  if (valuesAgree(observed, baseline)) return { status: 'confirmed', observed };
  if (statement.confirmsOnly) return { status: 'mentioned', observed };
  // "over 60%" against 67%, "at least $10B" against $16.5B: true of the baseline, so no change.
  // (…but a new ceiling against a ceiling — "up to 25 data centres" against "up to 20" — is the plan's new size)
  if (
    satisfiesBound(observed, baseline) &&
    !(observedBound(observed) === 'atMost' && UP_TO.test(qualifier ?? ''))
  )
    return { status: 'mentioned', observed };
  return { status: 'changed', observed };
}

/** A baseline stated as a ceiling (its fact's qualifier). */
const UP_TO = /^(?:up to|at most|as many as|as much as)$/i;

const observedBound = (value: Value) => ('bound' in value ? value.bound : undefined);

/** True when the observed value is a bound that the baseline's own value satisfies. */
function satisfiesBound(observed: Value, baseline: Value): boolean {
  if (!('bound' in observed) || !observed.bound || observed.kind !== baseline.kind) return false;
  const [seen, known] = [numeric(observed), numeric(baseline)];
  if (seen === undefined || known === undefined) return false;
  return observed.bound === 'atLeast' ? known >= seen : known <= seen;
}

function numeric(value: Value): number | undefined {
  if (value.kind === 'money') return value.amount;
  return 'value' in value && typeof value.value === 'number' ? value.value : undefined;
}

function entitiesObserved(statement: Statement, named: string[], baseline: Value | null): Value {
  const known = baseline?.kind === 'entities' ? baseline.values : [];
  if (statement.replaces) {
    const kept = named.filter((name) => !statement.displaced.includes(name));
    if (kept.length) return { kind: 'entities', values: kept };
    // Every name is one dropped ("Tesla drops Samsung as AI5 second source"): the known set without it.
    const left = known.filter((name) => !statement.displaced.includes(name));
    return { kind: 'entities', values: left.length ? [...left].sort() : named };
  }
  return { kind: 'entities', values: [...new Set([...known, ...named])].sort() };
}

/**
 * True when two values of a kind agree within that kind's tolerance.
 *
 * @example
 * valuesAgree({ kind: 'money', amount: 16.6e9, currency: 'USD' }, { kind: 'money', amount: 16.5e9, currency: 'USD' }); // true (±2%)
 */
export function valuesAgree(a: Value, b: Value): boolean {
  switch (a.kind) {
    case 'money':
      return (
        b.kind === 'money' &&
        a.currency === b.currency &&
        relativeDifference(a.amount, b.amount) <= TOLERANCE.moneyRelative
      );
    case 'percent':
      return b.kind === 'percent' && Math.abs(a.value - b.value) <= TOLERANCE.percentPoints + 1e-9;
    case 'year':
      return (
        b.kind === 'year' &&
        a.value === b.value &&
        (a.month === undefined || b.month === undefined || a.month === b.month)
      );
    case 'quantity':
      return (
        b.kind === 'quantity' &&
        a.unit === b.unit &&
        relativeDifference(a.value, b.value) <= TOLERANCE.quantityRelative
      );
    case 'ratio':
      return b.kind === 'ratio' && relativeDifference(a.value, b.value) <= TOLERANCE.ratioRelative;
    case 'count':
    case 'node':
      return b.kind === a.kind && a.value === b.value;
    case 'entities':
      return b.kind === 'entities' && sameSet(a.values, b.values);
    case 'status':
      return b.kind === 'status' && a.value === b.value;
    case 'place':
      return b.kind === 'place' && placesAgree(a.value, b.value);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((value) => value.toLowerCase()));
  const right = new Set(b.map((value) => value.toLowerCase()));
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/** "Texas" agrees with "Taylor, Texas" (less specific, same place); "Austin, Texas" does not. */
function placesAgree(a: string, b: string): boolean {
  const parts = (place: string) =>
    place
      .toLowerCase()
      .split(',')
      .map((part) => part.trim());
  const [left, right] = [parts(a), parts(b)];
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.every((part) => longer.includes(part));
}
