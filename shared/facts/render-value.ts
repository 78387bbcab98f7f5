import type { Value } from '../model/values.ts';

const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  KRW: '₩',
  JPY: '¥',
  CNY: 'CN¥',
};
const SCALES: Array<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 16500000000 → "16.5", 4750000000 → "4.75" (at most 3 significant decimals, no trailing zeros). */
function compactNumber(value: number): string {
  return Number(value.toFixed(3)).toString();
}

/** 16.5e9 → "16.5B" */
function scaled(amount: number): string {
  for (const [size, suffix] of SCALES) {
    if (Math.abs(amount) >= size) return `${compactNumber(amount / size)}${suffix}`;
  }
  return compactNumber(amount);
}

/**
 * A value as a person reads it, in ASCII-friendly English (alerts reuse it for SMS).
 *
 * @example
 * renderValue({ kind: 'money', amount: 16.5e9, currency: 'USD' }); // "$16.5B"
 * renderValue({ kind: 'entities', values: ['Samsung', 'TSMC'] });  // "Samsung+TSMC"
 * renderValue(null);                                               // "(none)"
 */
export function renderValue(value: Value | null | undefined): string {
  if (!value) return '(none)';
  switch (value.kind) {
    case 'money': {
      const symbol = CURRENCY_SYMBOLS[value.currency];
      return symbol ? `${symbol}${scaled(value.amount)}` : `${scaled(value.amount)} ${value.currency}`;
    }
    case 'percent':
      return `${compactNumber(value.value)}%`;
    case 'year':
      return value.month ? `${value.value}-${String(value.month).padStart(2, '0')}` : String(value.value);
    case 'count':
      return compactNumber(value.value);
    case 'quantity':
      return `${compactNumber(value.value)} ${value.unit}`;
    case 'ratio':
      return `${compactNumber(value.value)}x`;
    case 'node':
      return `${compactNumber(value.value)}nm`;
    case 'entities':
      return value.values.join('+');
    case 'status':
      return value.asOf ? `${value.value} (${value.asOf})` : value.value;
    case 'place':
      return value.value;
  }
}
