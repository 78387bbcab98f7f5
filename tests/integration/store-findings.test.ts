import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingStatus, StoredFinding } from '../../shared/model/findings.ts';
import { findingIdOf } from '../../shared/model/findings.ts';
import type { Store } from '../../shared/store/client.ts';
import {
  findingsForFact,
  findingsInWindow,
  monthsBetween,
  saveFinding,
} from '../../shared/store/findings.ts';
import { freshStore } from '../support/store.ts';

function finding(
  factId: string,
  observedAt: string,
  status: FindingStatus,
  itemId = `item-${observedAt}`,
): StoredFinding {
  return {
    findingId: findingIdOf(factId, itemId, 1),
    itemId,
    factId,
    status,
    observed: { kind: 'entities', values: ['Samsung', 'TSMC'] },
    baseline: { kind: 'entities', values: ['TSMC'] },
    evidence: 'Samsung will also make AI5, Musk said.',
    severity: 'high',
    topic: factId.startsWith('ai') ? 'chips' : 'deal',
    observedAt,
    itemVersion: 1,
    source: 'Reuters',
  };
}

describe('findings store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
    const rows: StoredFinding[] = [
      finding('ai5.foundry', '2025-07-20T10:00:00.000Z', 'confirmed'),
      finding('ai5.foundry', '2025-08-02T10:00:00.000Z', 'changed'),
      finding('ai5.foundry', '2025-09-15T10:00:00.000Z', 'changed'),
      finding('deal.value', '2025-08-20T10:00:00.000Z', 'new'),
      finding('deal.value', '2025-08-21T10:00:00.000Z', 'mentioned'),
    ];
    for (const row of rows) await saveFinding(store, row);
  });

  it('stores a finding once: a redelivered one is refused', async () => {
    const again = finding('ai5.foundry', '2025-08-02T10:00:00.000Z', 'changed');

    expect(await saveFinding(store, again)).toBe(false);
    expect(await findingsForFact(store, 'ai5.foundry', { since: new Date('2025-08-01') })).toHaveLength(2);
  });

  // DynamoDB refuses a BETWEEN with reversed bounds; a window that ends before it starts holds nothing.
  it('answers an empty window (since after until) with no findings, not an error', async () => {
    const window = { since: new Date('2030-01-01T00:00:00Z'), until: new Date('2025-09-01T00:00:00Z') };
    expect(await findingsForFact(store, 'ai5.foundry', window)).toEqual([]);
    expect(await findingsInWindow(store, window)).toEqual([]);
  });

  it("returns a fact's findings in a time range, newest first", async () => {
    const found = await findingsForFact(store, 'ai5.foundry', {
      since: new Date('2025-08-01T00:00:00Z'),
      until: new Date('2025-09-01T00:00:00Z'),
    });

    expect(found.map((row) => row.observedAt)).toEqual(['2025-08-02T10:00:00.000Z']);
    const all = await findingsForFact(store, 'ai5.foundry', { since: new Date('2025-01-01') });
    expect(all.map((row) => row.observedAt)).toEqual([
      '2025-09-15T10:00:00.000Z',
      '2025-08-02T10:00:00.000Z',
      '2025-07-20T10:00:00.000Z',
    ]);
  });

  it('returns every change across facts in a window, across months', async () => {
    const changes = await findingsInWindow(store, {
      since: new Date('2025-08-01T00:00:00Z'),
      statuses: ['changed', 'new'],
    });

    expect(changes.map((row) => [row.factId, row.status, row.observedAt])).toEqual([
      ['ai5.foundry', 'changed', '2025-09-15T10:00:00.000Z'],
      ['deal.value', 'new', '2025-08-20T10:00:00.000Z'],
      ['ai5.foundry', 'changed', '2025-08-02T10:00:00.000Z'],
    ]);
    const everything = await findingsInWindow(store, { since: new Date('2025-07-01T00:00:00Z') });
    expect(everything).toHaveLength(5);
  });

  it('follows pages when a query passes 1 MB', async () => {
    const own = await freshStore();
    const evidence = 'x'.repeat(60_000);
    const rows = Array.from({ length: 40 }, (_, index) => ({
      ...finding(
        'ai6.foundry',
        `2025-10-01T00:00:${String(index).padStart(2, '0')}.000Z`,
        'changed',
        `big-${index}`,
      ),
      evidence,
    }));
    for (let start = 0; start < rows.length; start += 10) {
      await own.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [own.tableName]: rows.slice(start, start + 10).map((row) => ({
              PutRequest: {
                Item: {
                  // Half under today's key, half where stores before the key split kept findings.
                  pk: `${Number(row.itemId.slice(4)) % 2 ? 'FACT' : 'OBS'}#${row.factId}`,
                  sk: `OBS#${row.observedAt}#${row.itemId}#1`,
                  gsi2pk: `FINDINGS#changed#2025-10`,
                  gsi2sk: `${row.observedAt}#${row.factId}`,
                  ...row,
                },
              },
            })),
          },
        }),
      );
    }

    const byFact = await findingsForFact(own, 'ai6.foundry', { since: new Date('2025-10-01') });
    const inWindow = await findingsInWindow(own, { since: new Date('2025-10-01'), statuses: ['changed'] });

    // 40 × 60 KB = 2.4 MB: at least three pages each way, from both partitions, newest first.
    expect(byFact).toHaveLength(40);
    expect(byFact.map((found) => found.observedAt)).toEqual(rows.map((row) => row.observedAt).reverse());
    expect(inWindow).toHaveLength(40);
  });

  it('lists the months a window touches', () => {
    expect(monthsBetween(new Date('2025-11-20T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});
