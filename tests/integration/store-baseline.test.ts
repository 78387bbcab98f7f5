import { beforeAll, describe, expect, it } from 'vitest';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { ConflictError } from '../../shared/errors.ts';
import {
  acceptBaseline,
  baselineHistory,
  currentBaseline,
  listCurrentBaselines,
  seedBaseline,
} from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { freshStore } from '../support/store.ts';

const SEEDED = new Date('2025-07-30T00:00:00Z');
const LATER = new Date('2025-09-01T00:00:00Z');
const facts = loadBaselineFile().facts;

describe('baseline store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
    await seedBaseline(store, facts, SEEDED);
  });

  it('seeds all 25 facts once; seeding again adds nothing', async () => {
    expect(await seedBaseline(store, facts, LATER)).toBe(0);

    const current = await listCurrentBaselines(store);
    expect(current).toHaveLength(25);
    expect(current.every((fact) => fact.version === 1 && fact.origin === 'seed')).toBe(true);
  });

  it('accepts a new value as version 2 and keeps version 1', async () => {
    const accepted = await acceptBaseline(
      store,
      'deal.value',
      {
        value: { kind: 'money', amount: 22e9, currency: 'USD' },
        acceptedBy: 'analyst',
        reason: 'Tesla 8-K',
        findingId: 'f1',
      },
      LATER,
    );

    expect(accepted).toMatchObject({
      version: 2,
      origin: 'accept',
      acceptedBy: 'analyst',
      reason: 'Tesla 8-K',
    });
    expect((await currentBaseline(store, 'deal.value'))?.value).toEqual({
      kind: 'money',
      amount: 22e9,
      currency: 'USD',
    });
    const history = await baselineHistory(store, 'deal.value');
    expect(history.map((version) => [version.version, version.value])).toEqual([
      [1, { kind: 'money', amount: 16.5e9, currency: 'USD' }],
      [2, { kind: 'money', amount: 22e9, currency: 'USD' }],
    ]);
    const listed = (await listCurrentBaselines(store)).find((fact) => fact.id === 'deal.value');
    expect(listed?.version).toBe(2);
  });

  it('never lets a re-seed overwrite an accepted version', async () => {
    await acceptBaseline(
      store,
      'ai5.foundry',
      { value: { kind: 'entities', values: ['Samsung', 'TSMC'] }, acceptedBy: 'a', reason: 'r' },
      LATER,
    );

    await seedBaseline(store, facts, LATER);

    expect((await currentBaseline(store, 'ai5.foundry'))?.value).toEqual({
      kind: 'entities',
      values: ['Samsung', 'TSMC'],
    });
  });

  it('lets exactly one of two accepts based on the same version become the next version', async () => {
    const accept = (year: number) =>
      acceptBaseline(
        store,
        'taylor.production_start',
        { value: { kind: 'year', value: year }, acceptedBy: 'a', reason: 'r', basedOnVersion: 1 },
        LATER,
      );

    // Both callers decided on version 1; whichever comes second must fail, however they interleave.
    const results = await Promise.allSettled([accept(2027), accept(2028)]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await baselineHistory(store, 'taylor.production_start')).toHaveLength(2);
  });

  it('refuses to accept for an unknown fact', async () => {
    await expect(
      acceptBaseline(
        store,
        'no.such',
        { value: { kind: 'count', value: 1 }, acceptedBy: 'a', reason: 'r' },
        LATER,
      ),
    ).rejects.toThrow(/no baseline/);
  });
});
