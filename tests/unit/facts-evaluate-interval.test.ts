import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../shared/facts/evaluate.ts';

describe('wilsonInterval: how roughly a measured rate is known', () => {
  it('gives the textbook Wilson bounds', () => {
    // 5 of 10: 0.2366–0.7634; 0 of 10: 0–0.2775 (Wilson 1927; any statistics table).
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
  });

  it('narrows as the count grows and stays inside 0–1', () => {
    const few = wilsonInterval(8, 10);
    const many = wilsonInterval(800, 1000);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
