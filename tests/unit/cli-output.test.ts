import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from '../../apps/cli/output.ts';

describe('renderTable()', () => {
  const columns = [
    { header: 'ID', value: (row: { id: string; text: string }) => row.id },
    { header: 'TEXT', value: (row: { id: string; text: string }) => row.text, maxWidth: 70 },
  ];
  const rows = [
    {
      id: 'deal.value',
      text: 'Tesla and Samsung expand their chip supply pact to $22 billion, filings show',
    },
  ];

  // From a user acceptance review: at 80 columns every row wrapped.
  it('lets its last column give way to fit a narrow terminal, never below 16 columns', () => {
    const wide = renderTable(rows, columns);
    const narrow = renderTable(rows, columns, 50);
    const tiny = renderTable(rows, columns, 20);

    expect(Math.max(...wide.split('\n').map(displayWidth))).toBe(12 + 70);
    expect(Math.max(...narrow.split('\n').map(displayWidth))).toBe(50);
    expect(narrow.split('\n')[1]).toMatch(/^deal\.value {2}Tesla and Samsung .*…$/);
    expect(Math.max(...tiny.split('\n').map(displayWidth))).toBe(12 + 16);
  });
});
