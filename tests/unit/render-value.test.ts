import { describe, expect, it } from 'vitest';
import { renderValue } from '../../shared/facts/render-value.ts';
import type { Value } from '../../shared/model/values.ts';

describe('renderValue()', () => {
  it.each<[Value | null, string]>([
    [{ kind: 'money', amount: 16.5e9, currency: 'USD' }, '$16.5B'],
    [{ kind: 'money', amount: 4.75e9, currency: 'USD' }, '$4.75B'],
    [{ kind: 'money', amount: 22.8e12, currency: 'KRW' }, '₩22.8T'],
    [{ kind: 'money', amount: 3e6, currency: 'CHF' }, '3M CHF'],
    [{ kind: 'percent', value: 6.8 }, '6.8%'],
    [{ kind: 'year', value: 2033 }, '2033'],
    [{ kind: 'year', value: 2028, month: 6 }, '2028-06'],
    [{ kind: 'quantity', value: 5, unit: 'EFLOPS' }, '5 EFLOPS'],
    [{ kind: 'ratio', value: 3 }, '3x'],
    [{ kind: 'node', value: 2 }, '2nm'],
    [{ kind: 'entities', values: ['Samsung', 'TSMC'] }, 'Samsung+TSMC'],
    [{ kind: 'status', value: 'released', asOf: '2025-07' }, 'released (2025-07)'],
    [{ kind: 'place', value: 'Taylor, Texas' }, 'Taylor, Texas'],
    [null, '(none)'],
  ])('renders %j as %s', (value, expected) => {
    expect(renderValue(value)).toBe(expected);
  });
});
