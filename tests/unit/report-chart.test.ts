import { describe, expect, it } from 'vitest';
import { factChart, numberOf } from '../../shared/report/chart.ts';

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
