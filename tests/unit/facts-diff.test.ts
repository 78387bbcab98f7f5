import { describe, expect, it } from 'vitest';
import { diffStatement, valuesAgree } from '../../shared/facts/diff.ts';
import type { Statement } from '../../shared/facts/extract/statement.ts';
import type { Value } from '../../shared/model/values.ts';

function statement(observed: Value | null, overrides: Partial<Statement> = {}): Statement {
  return {
    factId: 'f.x',
    observed,
    evidence: 'e',
    confidence: 1,
    negated: false,
    replaces: false,
    displaced: [],
    otherCurrency: false,
    sentenceIndex: 0,
    revises: false,
    ...overrides,
  };
}

const usd = (amount: number): Value => ({ kind: 'money', amount, currency: 'USD' });

describe('valuesAgree() tolerances', () => {
  it.each<[string, Value, Value, boolean]>([
    ['money within 2%', usd(16.8e9), usd(16.5e9), true],
    ['money beyond 2%', usd(16.9e9), usd(16.5e9), false],
    ['money in another currency', { kind: 'money', amount: 16.5e9, currency: 'EUR' }, usd(16.5e9), false],
    ['percent within 0.2 points', { kind: 'percent', value: 7 }, { kind: 'percent', value: 6.8 }, true],
    ['percent beyond 0.2 points', { kind: 'percent', value: 7.1 }, { kind: 'percent', value: 6.8 }, false],
    ['the same year', { kind: 'year', value: 2033, month: 12 }, { kind: 'year', value: 2033 }, true],
    ['another year', { kind: 'year', value: 2034 }, { kind: 'year', value: 2033 }, false],
    [
      'the same year, other half',
      { kind: 'year', value: 2026, month: 6 },
      { kind: 'year', value: 2026, month: 12 },
      false,
    ],
    [
      'equal entity sets in any order',
      { kind: 'entities', values: ['TSMC', 'Samsung'] },
      { kind: 'entities', values: ['Samsung', 'TSMC'] },
      true,
    ],
    [
      'an added entity',
      { kind: 'entities', values: ['Samsung', 'TSMC'] },
      { kind: 'entities', values: ['Samsung'] },
      false,
    ],
    [
      'a less specific place',
      { kind: 'place', value: 'Texas' },
      { kind: 'place', value: 'Taylor, Texas' },
      true,
    ],
    [
      'another city in the same state',
      { kind: 'place', value: 'Austin, Texas' },
      { kind: 'place', value: 'Taylor, Texas' },
      false,
    ],
    [
      'quantity in another unit',
      { kind: 'quantity', value: 5, unit: 'PFLOPS' },
      { kind: 'quantity', value: 5, unit: 'EFLOPS' },
      false,
    ],
  ])('%s', (_case, a, b, agree) => {
    expect(valuesAgree(a, b)).toBe(agree);
  });
});

describe('diffStatement()', () => {
  it('confirms, changes and adds', () => {
    expect(diffStatement(statement(usd(16.5e9)), usd(16.5e9)).status).toBe('confirmed');
    expect(diffStatement(statement(usd(22e9)), usd(16.5e9)).status).toBe('changed');
    expect(diffStatement(statement({ kind: 'year', value: 2027 }), null).status).toBe('new');
  });

  it('takes a bound the baseline satisfies as no change — except a new ceiling against a ceiling', () => {
    const count = (value: number, bound?: 'atLeast' | 'atMost'): Value => ({ kind: 'count', value, bound });
    const atLeast = (amount: number): Value => ({ kind: 'money', amount, currency: 'USD', bound: 'atLeast' });

    // "at least $10B" is true of a $16.5B minimum; "at least $20B" is a new minimum.
    expect(diffStatement(statement(atLeast(10e9)), usd(16.5e9), 'minimum').status).toBe('mentioned');
    expect(diffStatement(statement(atLeast(20e9)), usd(16.5e9), 'minimum').status).toBe('changed');
    // "up to 25 data centres" against "up to 20": the plan's new size; against a plain 20, only a bound.
    expect(diffStatement(statement(count(25, 'atMost')), count(20), 'up to').status).toBe('changed');
    expect(diffStatement(statement(count(25, 'atMost')), count(20)).status).toBe('mentioned');
    expect(diffStatement(statement(count(20, 'atMost')), count(20), 'up to').status).toBe('confirmed');
  });

  it('says mentioned when no value is given, only another currency, or the claim is denied', () => {
    expect(diffStatement(statement(null), usd(16.5e9)).status).toBe('mentioned');
    expect(
      diffStatement(
        statement({ kind: 'money', amount: 22.8e12, currency: 'KRW' }, { otherCurrency: true }),
        usd(16.5e9),
      ).status,
    ).toBe('mentioned');
    expect(
      diffStatement(statement({ kind: 'status', value: 'delayed' }, { negated: true }), {
        kind: 'status',
        value: 'active',
      }).status,
    ).toBe('mentioned');
  });

  it('adds a newly named entity to the baseline set unless the sentence says it replaces', () => {
    const baseline: Value = { kind: 'entities', values: ['Samsung'] };

    expect(diffStatement(statement({ kind: 'entities', values: ['TSMC'] }), baseline).observed).toEqual({
      kind: 'entities',
      values: ['Samsung', 'TSMC'],
    });
    expect(
      diffStatement(
        statement(
          { kind: 'entities', values: ['Samsung', 'TSMC'] },
          { replaces: true, displaced: ['Samsung'] },
        ),
        baseline,
      ),
    ).toEqual({ status: 'changed', observed: { kind: 'entities', values: ['TSMC'] } });
  });

  it('reads a drop that names only the dropped entity as the known set without it', () => {
    // "Tesla drops Samsung as AI5 second source": against Samsung+TSMC, TSMC alone; against TSMC, TSMC confirmed.
    const dropped = statement(
      { kind: 'entities', values: ['Samsung'] },
      { replaces: true, displaced: ['Samsung'] },
    );
    expect(diffStatement(dropped, { kind: 'entities', values: ['Samsung', 'TSMC'] })).toEqual({
      status: 'changed',
      observed: { kind: 'entities', values: ['TSMC'] },
    });
    expect(diffStatement(dropped, { kind: 'entities', values: ['TSMC'] }).status).toBe('confirmed');
  });
});
