import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../shared/model/alerts.ts';
import type { Value } from '../../shared/model/values.ts';
import {
  addCorroboration,
  alertIdOf,
  claimOnce,
  completeOnce,
  createAlert,
  getAlert,
  lastAlertedAt,
  listPendingAlerts,
  MAX_SOURCES,
  markAlertSent,
  markOnce,
  releaseOnce,
} from '../../shared/store/alerts.ts';
import type { Store } from '../../shared/store/client.ts';
import { freshStore } from '../support/store.ts';

const NOW = new Date('2025-08-02T10:00:00Z');

function pendingAlert(observed: AlertRecord['observed'], source: string): AlertRecord {
  return {
    alertId: alertIdOf('ai5.foundry', observed),
    factId: 'ai5.foundry',
    observed,
    severity: 'high',
    topic: 'chips',
    findingId: 'f1',
    status: 'pending',
    createdAt: NOW.toISOString(),
    sources: [source],
    corroborations: 1,
  };
}

describe('alert store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });

  it('gives the same id to the same value whatever the entity order', () => {
    expect(alertIdOf('ai5.foundry', { kind: 'entities', values: ['TSMC', 'Samsung'] })).toBe(
      alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] }),
    );
    expect(alertIdOf('ai5.foundry', { kind: 'entities', values: ['TSMC'] })).not.toBe(
      alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] }),
    );
  });

  it('creates one alert per (fact, value); later sources only corroborate, once each', async () => {
    const observed: Value = { kind: 'entities', values: ['Samsung', 'TSMC'] };

    expect(await createAlert(store, pendingAlert(observed, 'Korea JoongAng Daily'))).toBe('created');
    expect(await createAlert(store, pendingAlert(observed, 'Reuters'))).toBe('exists');
    await addCorroboration(store, alertIdOf('ai5.foundry', observed), 'Reuters');
    await addCorroboration(store, alertIdOf('ai5.foundry', observed), 'Reuters');
    const alert = await addCorroboration(store, alertIdOf('ai5.foundry', observed), 'Bloomberg');

    expect(alert.sources).toEqual(['Korea JoongAng Daily', 'Reuters', 'Bloomberg']);
    expect(alert.corroborations).toBe(3);
  });

  it('names at most MAX_SOURCES sources, so a much-reported change cannot outgrow its record', async () => {
    const alert = pendingAlert({ kind: 'entities', values: ['GlobalFoundries'] }, 'Source 0');
    await createAlert(store, alert);

    for (let index = 1; index < MAX_SOURCES + 20; index++)
      await addCorroboration(store, alert.alertId, `Source ${index}`);

    const stored = await getAlert(store, alert.alertId);
    expect(stored?.sources).toHaveLength(MAX_SOURCES);
    expect(stored?.corroborations).toBe(MAX_SOURCES);
  }, 60_000);

  it('moves an alert from pending to sent exactly once', async () => {
    const observed: Value = { kind: 'entities', values: ['Intel'] };
    const alert = pendingAlert(observed, 'Bloomberg');
    await createAlert(store, alert);
    expect((await listPendingAlerts(store)).map((pending) => pending.alertId)).toContain(alert.alertId);

    const emailOnly = pendingAlert({ kind: 'entities', values: ['SMIC'] }, 'Reuters');
    await createAlert(store, emailOnly);
    const before = await lastAlertedAt(store, alert.factId);

    expect(await markAlertSent(store, emailOnly, 'msg-0', NOW, { state: 'none' })).toBe(true);
    expect(await lastAlertedAt(store, alert.factId)).toBe(before);
    expect(await markAlertSent(store, alert, 'msg-1', NOW, { state: 'sent' })).toBe(true);
    expect(await markAlertSent(store, alert, 'msg-2', NOW, { state: 'sent' })).toBe(false);

    expect(await getAlert(store, alert.alertId)).toMatchObject({ status: 'sent', messageId: 'msg-1' });
    // The SMS cooldown started in the same write as the texting alert (an email-only one starts none).
    expect(await lastAlertedAt(store, alert.factId)).toBe(NOW.toISOString());
    expect((await listPendingAlerts(store)).map((pending) => pending.alertId)).not.toContain(alert.alertId);
  });
});

// A message sent once (a follow-up, a digest, an ops notice) is claimed, sent, then completed: a run that dies
// between claiming and sending must not silence it for good, as a bare once-marker did.
describe('once-markers', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });
  const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
  const claimed = async (key: string, at: Date) => {
    const claim = await claimOnce(store, key, at, 30);
    if (claim.state !== 'claimed') throw new Error(`${key}: ${claim.state}, not claimed`);
    return claim.claimId;
  };

  it('one claim at a time; a claim whose run died lapses and is taken by the next', async () => {
    await claimed('followup#a', NOW);
    expect(await claimOnce(store, 'followup#a', later(10), 30)).toEqual({
      state: 'busy',
      leaseUntil: later(30).toISOString(),
    });
    expect(await claimOnce(store, 'followup#a', later(31), 30)).toMatchObject({ state: 'claimed' });
  });

  it('a completed marker is never claimed again', async () => {
    const claimId = await claimed('digest#2025-08-02', NOW);
    await completeOnce(store, 'digest#2025-08-02', claimId, later(1));
    expect(await claimOnce(store, 'digest#2025-08-02', later(2), 30)).toEqual({ state: 'done' });
    expect(await claimOnce(store, 'digest#2025-08-02', later(3600), 30)).toEqual({ state: 'done' });
  });

  it('a marker written whole (markOnce, or a release before claims) counts as sent', async () => {
    expect(await markOnce(store, 'ops#feed#x', NOW)).toBe(true);
    expect(await claimOnce(store, 'ops#feed#x', later(3600), 30)).toEqual({ state: 'done' });
  });

  it('a released claim is free at once', async () => {
    const claimId = await claimed('ops#feed#y', NOW);
    await releaseOnce(store, 'ops#feed#y', claimId);
    expect(await claimOnce(store, 'ops#feed#y', later(1), 30)).toMatchObject({ state: 'claimed' });
  });

  // From a review: a run whose lease lapsed while it published released or completed the claim of the run that
  // took over — its failure then deleted a message already sent, and the retry sent it twice.
  it('only the holder of a claim releases or completes it', async () => {
    const stale = await claimed('followup#b', NOW);
    const current = await claimed('followup#b', later(31));
    await releaseOnce(store, 'followup#b', stale);
    expect(await claimOnce(store, 'followup#b', later(32), 30)).toMatchObject({ state: 'busy' });
    await completeOnce(store, 'followup#b', stale, later(33));
    expect(await claimOnce(store, 'followup#b', later(34), 30)).toMatchObject({ state: 'busy' });
    await completeOnce(store, 'followup#b', current, later(35));
    await releaseOnce(store, 'followup#b', current);
    expect(await claimOnce(store, 'followup#b', later(3600), 30)).toEqual({ state: 'done' });
  });
});
