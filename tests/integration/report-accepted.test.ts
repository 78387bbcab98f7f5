import { beforeAll, describe, expect, it } from 'vitest';
import { loadBaselineFile } from '../../shared/config/load.ts';
import { analyzeItem } from '../../shared/facts/analyze.ts';
import { findingIdOf } from '../../shared/model/findings.ts';
import { renderReport } from '../../shared/report/page.ts';
import { seedBaseline } from '../../shared/store/baseline.ts';
import type { Store } from '../../shared/store/client.ts';
import { saveFinding } from '../../shared/store/findings.ts';
import { buildReport } from '../../shared/usecases/build-report.ts';
import { cli } from '../support/cli.ts';
import { storyEngine } from '../support/engine.ts';
import { dynamoEndpoint, freshStore } from '../support/store.ts';

/**
 * A user acceptance review accepted a change's value with `accept --value` and `--from-file`: the report still
 * showed it as open (no "accepted", a red "latest: changed" beside a baseline of that very value). A change whose
 * value was adopted after it was seen is accepted, whichever form of accept adopted it.
 */
describe('report: a change adopted by value', () => {
  let store: Store;
  beforeAll(async () => {
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint();
    store = await freshStore();
    await seedBaseline(store, loadBaselineFile().facts, new Date('2025-07-28T00:00:00Z'));
    for (const [id, title] of [
      ['item-22', 'Tesla and Samsung lift chip contract to $22 billion'],
      ['item-2027', "Samsung's Taylor fab to begin output in 2027 after delay"],
    ] as const) {
      const [finding] = analyzeItem({ id, title }, storyEngine());
      await saveFinding(store, {
        ...finding!,
        findingId: findingIdOf(finding!.factId, id, 1),
        topic: 'deal',
        observedAt: '2025-08-10T00:00:00.000Z',
        itemVersion: 1,
      });
    }
    const accepted = await cli(
      'accept',
      'deal.value',
      '--value',
      '{"kind":"money","amount":22000000000,"currency":"USD"}',
      '--reason',
      '8-K filing',
      '--table',
      store.tableName,
    );
    expect(accepted.code).toBe(0);
  });

  it('marks the change accepted, and the fact row as an accepted latest value, not an open one', async () => {
    const data = await buildReport(store, { now: new Date(), title: 't', location: 'here' });
    const byFact = (id: string) => data.changes.find((change) => change.finding.factId === id)!;

    expect(byFact('deal.value').accepted).toBe(true);
    expect(byFact('taylor.production_start').accepted).toBe(false);
    expect(data.facts.find((fact) => fact.current.id === 'deal.value')!.latestAccepted).toBe(true);
    const html = renderReport(data);
    expect(html).toContain('<span class="tag accepted">latest: changed $22B, accepted</span>');
    expect(html).toContain('<span class="tag changed">latest: changed 2027</span>');
  });

  it('tags the latest value by publication, and says when it was judged against an earlier baseline', async () => {
    // A second review: a backlog item published before the $22B report but seen after it showed as a green
    // "latest: confirmed $16.5B" beside the accepted $22B baseline.
    const older = analyzeItem(
      {
        id: 'item-old',
        title: 'Tesla signs $16.5 billion chip deal with Samsung',
        published: '2025-07-28T08:00:00Z',
      },
      storyEngine(),
    ).find((finding) => finding.factId === 'deal.value')!;
    await saveFinding(store, {
      ...older,
      findingId: findingIdOf('deal.value', 'item-old', 1),
      topic: 'deal',
      observedAt: '2025-08-11T00:00:00.000Z',
      published: '2025-07-28T08:00:00.000Z',
      itemVersion: 1,
    });
    const before = renderReport(await buildReport(store, { now: new Date(), title: 't', location: 'here' }));
    const newer = { ...older, itemId: 'item-new', published: '2025-08-12T08:00:00.000Z' };
    await saveFinding(store, {
      ...newer,
      findingId: findingIdOf('deal.value', 'item-new', 1),
      topic: 'deal',
      observedAt: '2025-08-12T09:00:00.000Z',
      itemVersion: 1,
    });
    const after = renderReport(await buildReport(store, { now: new Date(), title: 't', location: 'here' }));

    expect(before).toContain('<span class="tag accepted">latest: changed $22B, accepted</span>');
    expect(after).toContain(
      '<span class="tag">latest: confirmed $16.5B, against an earlier baseline ($16.5B)</span>',
    );
    expect(after).not.toContain('<span class="tag confirmed">latest: confirmed $16.5B</span>');
  });

  it('--fact and --published-since keep some facts and the news published since a day', async () => {
    const data = await buildReport(store, {
      now: new Date(),
      title: 't',
      location: 'here',
      facts: ['deal.value'],
      publishedSince: new Date('2025-08-01T00:00:00Z'),
    });
    const html = renderReport(data);

    expect(data.facts.map((fact) => fact.current.id)).toEqual(['deal.value']);
    // The backlog item published on 28 July is out; the $22B change (no date: seen 10 August) and the 12 August item are in.
    expect(data.facts[0]!.findings.map((finding) => finding.itemId).sort()).toEqual(['item-22', 'item-new']);
    expect(html).toContain('news published since 2025-08-01');
  });
});
