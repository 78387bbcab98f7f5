import { describe, expect, it } from 'vitest';
import { factChart, numberOf, valueAt } from '../../shared/report/chart.ts';

describe('numberOf', () => {
  it('reads the number of each numeric kind, and nothing of the others', () => {
    expect(numberOf({ kind: 'money', amount: 16.5e9, currency: 'USD' })).toBe(16.5e9);
    expect(numberOf({ kind: 'percent', value: 70.2 })).toBe(70.2);
    expect(numberOf({ kind: 'year', value: 2027, month: 7 })).toBe(2027.5);
    expect(numberOf({ kind: 'node', value: 2 })).toBe(2);
    expect(numberOf({ kind: 'entities', values: ['Samsung'] })).toBeUndefined();
    expect(numberOf({ kind: 'status', value: 'delayed' })).toBeUndefined();
    expect(numberOf(null)).toBeUndefined();
  });
});

describe('valueAt', () => {
  it('is the inverse of numberOf for each numeric kind, keeping currency and unit', () => {
    const values = [
      { kind: 'money', amount: 22e9, currency: 'KRW' },
      { kind: 'percent', value: 70.2 },
      { kind: 'year', value: 2027, month: 7 },
      { kind: 'year', value: 2028 },
      { kind: 'quantity', value: 5, unit: 'EFLOPS' },
      { kind: 'node', value: 2 },
    ] as const;
    for (const value of values) expect(valueAt(value, numberOf(value)!)).toEqual(value);
    // The arithmetic's noise goes; a figure's own digits stay (a count of 12,345 is not "12350").
    expect(valueAt({ kind: 'percent', value: 8 }, 0.1 + 0.2)).toEqual({ kind: 'percent', value: 0.3 });
    expect(valueAt({ kind: 'count', value: 20 }, 12_345)).toEqual({ kind: 'count', value: 12_345 });
  });
});

describe('factChart', () => {
  const now = '2025-12-01T00:00:00Z';
  const coordinates = (svg: string, attribute: string) =>
    [...svg.matchAll(new RegExp(`${attribute}="([\\d.]+)"`, 'g'))].map((match) => Number(match[1]));

  it('draws one dot per observation and one baseline segment per stated version, inside its box', () => {
    const svg = factChart(
      [
        { at: '2025-09-01T00:00:00Z', value: 70.2, label: '70.2% · TrendForce' },
        { at: '2025-10-01T00:00:00Z', value: 71, label: '71% · Reuters' },
      ],
      [
        { at: '2025-07-28T00:00:00Z', value: 67.6, label: 'v1 67.6%' },
        { at: '2025-09-15T00:00:00Z', value: 70.2, label: 'v2 70.2%' },
      ],
      now,
      'TSMC foundry share',
    );

    expect(svg.match(/<circle class="observed"/g)).toHaveLength(2);
    expect(svg.match(/<line class="baseline"/g)).toHaveLength(2);
    expect(svg).toContain('data-points="2"');
    for (const x of [...coordinates(svg, 'cx'), ...coordinates(svg, 'x1'), ...coordinates(svg, 'x2')]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(320);
    }
    // The higher share sits higher (smaller y) than the lower one.
    const [first, second] = coordinates(svg, 'cy');
    expect(second!).toBeLessThan(first!);
  });

  // From a user acceptance review: the chart named its days but not its values.
  it('labels the value axis with its highest and lowest value, the higher above', () => {
    const svg = factChart(
      [{ at: '2025-09-01T00:00:00Z', value: 70.2, label: '' }],
      [{ at: '2025-07-28T00:00:00Z', value: 67, label: '' }],
      now,
      'TSMC foundry share',
      (value) => `${value}%`,
    );

    const labels = [...svg.matchAll(/<text class="axis value"[^>]* y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
    expect(labels.map((label) => label[2])).toEqual(['70.2%', '67%']);
    expect(Number(labels[0]![1])).toBeLessThan(Number(labels[1]![1]));
    const one = factChart([], [{ at: now, value: 2026, label: '' }], now, 'x', String);
    expect(one.match(/class="axis value"/g)).toHaveLength(1);
  });

  it('draws nothing with nothing to draw, and escapes what a feed wrote into a tooltip', () => {
    expect(factChart([], [{ at: now, value: null, label: 'v1 (none)' }], now, 'x')).toBe('');
    const svg = factChart([{ at: now, value: 1, label: '<script>alert(1)</script>' }], [], now, 'x');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
  });
});

describe('renderReport', () => {
  it('escapes feed text and links only http(s) URLs', async () => {
    const { renderReport } = await import('../../shared/report/page.ts');
    const finding = {
      itemId: 'i1',
      factId: 'deal.value',
      status: 'changed' as const,
      observed: { kind: 'money' as const, amount: 22e9, currency: 'USD' },
      baseline: { kind: 'money' as const, amount: 16.5e9, currency: 'USD' },
      evidence: '<img src=x onerror=alert(1)> expands to $22B',
      severity: 'high' as const,
      findingId: 'f1',
      topic: 'deal',
      observedAt: '2025-09-01T00:00:00Z',
      itemVersion: 1,
      link: 'javascript:alert(1)',
      source: 'Evil <b>News</b>',
    };
    const html = renderReport({
      title: 'T',
      location: '.factwatch',
      generatedAt: '2025-09-02T00:00:00Z',
      facts: [],
      changes: [{ finding, accepted: false }],
      feeds: [],
    });

    expect(html).not.toMatch(/<img|href="javascript|<b>News/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('$16.5B → <span class="now">$22B</span>');
  });
});
