import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedLocalStore } from '../../apps/cli/session.ts';
import { freePort } from '../../apps/local/paths.ts';
import { isGsm7 } from '../../shared/alerts/gsm.ts';
import { DEFAULT_ALERT_CONFIG } from '../../shared/config/alerts.ts';
import type { StoredFinding } from '../../shared/model/findings.ts';
import { alertIdOf, claimOnce, completeOnce, createAlert, getAlert } from '../../shared/store/alerts.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type Store } from '../../shared/store/client.ts';
import { listFeeds, saveFeedPoll } from '../../shared/store/feeds.ts';
import { findingsInWindow, saveFinding } from '../../shared/store/findings.ts';
import {
  type AlertContext,
  changesHeldByCooldown,
  notifyFinding,
  releaseHeldSms,
  sendPendingAlerts,
} from '../../shared/usecases/notify-finding.ts';
import { notifyFeedHealth } from '../../shared/usecases/ops-notices.ts';
import { sendDigest } from '../../shared/usecases/send-digest.ts';
import { ONCE_LEASE_SECONDS } from '../../shared/usecases/send-once.ts';
import { changeFinding } from '../support/findings.ts';
import { type AlertTopic, startAlertTopic } from '../support/sns.ts';
import { freshStore } from '../support/store.ts';

const DAY = new Date('2025-08-02T12:00:00Z');

/** A real SNS client pointed at a closed port: the network failure is real, nothing is mocked. */
async function unreachableSns(): Promise<SNSClient> {
  return new SNSClient({
    endpoint: `http://127.0.0.1:${await freePort()}`,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
}

describe('alerts through the SNS emulator', () => {
  let topic: AlertTopic;
  let store: Store;
  let clock: Date;
  const context = (): AlertContext => ({
    store,
    ...topic.publisher,
    config: {
      ...DEFAULT_ALERT_CONFIG,
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'UTC',
      smsMonthlyCap: 3,
      cooldownMinutes: 0,
    },
    now: () => clock,
  });

  /** Every feed of the store polled at `at`, as a working poller leaves them. */
  const polledAt = async (at: Date) => {
    for (const feed of await listFeeds(store))
      await saveFeedPoll(store, feed, { lastPolledAt: at.toISOString(), nextPollAt: at.toISOString() });
  };

  beforeAll(async () => {
    topic = await startAlertTopic();
  });
  afterAll(() => topic.stop());
  beforeEach(async () => {
    store = await freshStore();
    await seedLocalStore(store, new Date('2025-07-01T00:00:00Z'));
    clock = DAY;
    await topic.drain('email');
    await topic.drain('sms');
  });

  it('routes a high-severity change to email and SMS, with the attributes set', async () => {
    expect(await notifyFinding(changeFinding(), context())).toBe('sent');

    const [email] = await topic.drain('email');
    const [sms] = await topic.drain('sms');
    expect(email!.attributes).toEqual({
      kind: 'alert',
      severity: 'high',
      topic: 'chips',
      factId: 'ai5.foundry',
      email: 'send',
      sms: 'send',
    });
    expect(sms!.body).toBe('factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Korea JoongAng Daily)');
    expect(sms!.body.length).toBeLessThanOrEqual(160);
    expect(isGsm7(sms!.body)).toBe(true);
    expect(email!.subject).toBe('[factwatch] AI5 foundry changed: TSMC -> Samsung+TSMC');
    expect(email!.body).toContain('  was: TSMC');
    expect(email!.body).toContain('"Samsung will also make AI5 chips alongside TSMC, Musk said."');
    expect(email!.body).toContain('https://koreajoongangdaily.joins.com/news/ai5');
    expect(email!.body).toMatch(/factwatch accept ai5\.foundry --finding [0-9a-f]{16}/);
  });

  it('sends a medium-severity change by email only, and keeps low, confirmed and mentioned for the digest', async () => {
    const medium = changeFinding({
      factId: 'ai6.performance',
      severity: 'medium',
      topic: 'chips',
      observed: { kind: 'quantity', value: 8, unit: 'EFLOPS' },
    });

    expect(await notifyFinding(medium, context())).toBe('sent');
    expect(
      await notifyFinding(
        changeFinding({ factId: 'deal.foundry_revenue_uplift', severity: 'low' }),
        context(),
      ),
    ).toBe('below-threshold');
    expect(await notifyFinding(changeFinding({ status: 'confirmed' }), context())).toBe('digest-only');
    expect(await notifyFinding(changeFinding({ status: 'mentioned' }), context())).toBe('digest-only');

    expect((await topic.drain('email')).map((message) => message.attributes.factId)).toEqual([
      'ai6.performance',
    ]);
    expect(await topic.drain('sms')).toEqual([]);
  });

  it('sends a doubtful high-severity change (reported, subject carried from the headline) by email only', async () => {
    const doubtful = changeFinding({ confidence: 0.64 });

    expect(await notifyFinding(doubtful, context())).toBe('sent');

    const [email] = await topic.drain('email');
    expect(email!.attributes).toMatchObject({ factId: 'ai5.foundry', email: 'send', sms: 'skip' });
    expect(email!.body).toContain('(confidence 0.64 of 1)');
    expect(email!.body).not.toContain('hedged');
    expect(await topic.drain('sms')).toEqual([]);
    expect(
      (await getAlert(store, alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] })))
        ?.sms,
    ).toBe('none');
  });

  it('alerts once per (fact, value): later sources only corroborate', async () => {
    await notifyFinding(changeFinding(), context());
    await notifyFinding(changeFinding({ source: 'Reuters' }), context());
    await notifyFinding(changeFinding({ source: 'Bloomberg' }), context());

    const alert = await getAlert(
      store,
      alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] }),
    );
    expect(alert).toMatchObject({
      status: 'sent',
      corroborations: 3,
      sources: ['Korea JoongAng Daily', 'Reuters', 'Bloomberg'],
    });
    expect(await topic.drain('email')).toHaveLength(1);
    expect(await topic.drain('sms')).toHaveLength(1);
  });

  it('publishes once when the same stream record is delivered twice, or concurrently', async () => {
    const finding = changeFinding();

    const results = await Promise.all([notifyFinding(finding, context()), notifyFinding(finding, context())]);
    await notifyFinding(finding, context());

    expect(results.sort()).toEqual(['corroborated', 'sent']);
    expect(await topic.drain('email')).toHaveLength(1);
    expect(await topic.drain('sms')).toHaveLength(1);
  });

  it('keeps an alert pending while SNS is unreachable and sends it exactly once when it is back', async () => {
    const down = await unreachableSns();
    const offline = { ...context(), sns: down };

    await expect(notifyFinding(changeFinding(), offline)).rejects.toThrow(/^publish: cannot publish/);
    const alertId = alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] });
    expect((await getAlert(store, alertId))!.status).toBe('pending');

    expect(await sendPendingAlerts(context())).toBe(1);
    expect(await sendPendingAlerts(context())).toBe(0);
    expect(await topic.drain('email')).toHaveLength(1);
    expect(await topic.drain('sms')).toHaveLength(1);
    down.destroy();
  });

  // From a hostile-content review: the first alert that could not be published stopped every one after it, on every
  // housekeeping run. A record the store holds for a fact it has no baseline of cannot be rendered: a real fault.
  it('sends the pending alerts after one that can never be published, then fails so its alarm fires', async () => {
    const broken = changeFinding({ factId: 'no.such', findingId: 'broken' });
    await createAlert(store, {
      alertId: 'no.such#broken',
      factId: 'no.such',
      observed: broken.observed,
      severity: 'high',
      topic: 'chips',
      findingId: 'broken',
      status: 'pending',
      createdAt: '2025-08-01T00:00:00.000Z',
      sources: ['Nowhere'],
      corroborations: 1,
      finding: broken,
    });
    const down = await unreachableSns();
    await notifyFinding(changeFinding(), { ...context(), sns: down }).catch(() => undefined);
    down.destroy();

    const housekeeping = sendPendingAlerts(context());

    await expect(housekeeping).rejects.toThrow();
    expect(await topic.drain('email')).toHaveLength(1);
    expect((await getAlert(store, 'no.such#broken'))!.status).toBe('pending');
    // Three tries that fail in preparing it (not SNS: an outage gives nothing up), then it is said once and left out.
    await expect(sendPendingAlerts(context())).rejects.toThrow();
    await expect(sendPendingAlerts(context())).rejects.toThrow();
    expect(await sendPendingAlerts(context())).toBe(0);
    expect(await sendPendingAlerts(context())).toBe(0);
    expect((await topic.drain('email')).map((message) => message.subject)).toEqual([
      '[factwatch ops] An alert about no.such cannot be sent',
    ]);
    expect(await getAlert(store, 'no.such#broken')).toMatchObject({ failedAttempts: 3 });
  });

  it('holds SMS during quiet hours and sends them once when the quiet hours end', async () => {
    clock = new Date('2025-08-02T23:30:00Z');
    await notifyFinding(changeFinding(), context());

    expect(await topic.drain('email')).toHaveLength(1);
    expect(await topic.drain('sms')).toEqual([]);
    clock = new Date('2025-08-03T06:59:00Z');
    expect(await releaseHeldSms(context())).toBe(0);
    clock = new Date('2025-08-03T07:00:00Z');
    expect(await releaseHeldSms(context())).toBe(1);
    expect(await releaseHeldSms(context())).toBe(0);

    const [sms] = await topic.drain('sms');
    expect(sms!.body).toMatch(/^factwatch: AI5 foundry changed: TSMC -> Samsung\+TSMC/);
    expect(await topic.drain('email')).toEqual([]);
  });

  // From a user acceptance review: a held SMS woke its reader at 07:00 for news denied at 04:00.
  it.each([
    [1, 0],
    [0.5, 1],
  ])(
    'a held SMS whose change was denied while it waited (denial %s sure) is released %s time(s)',
    async (sure, times) => {
      clock = new Date('2025-08-02T23:30:00Z');
      const change = changeFinding({
        published: '2025-08-02T23:00:00.000Z',
        observedAt: clock.toISOString(),
      });
      await saveFinding(store, change);
      await notifyFinding(change, context());
      await topic.drain('email');
      await saveFinding(
        store,
        changeFinding({
          status: 'confirmed',
          observed: { kind: 'entities', values: ['TSMC'] },
          confidence: sure,
          published: '2025-08-03T04:00:00.000Z',
          observedAt: '2025-08-03T04:30:00.000Z',
        }),
      );

      clock = new Date('2025-08-03T07:00:00Z');
      const released = await releaseHeldSms(context());

      expect(released).toBe(times);
      expect(await topic.drain('sms')).toHaveLength(times);
    },
  );

  // From a user acceptance review: "Tesla moves AI6 production to TSMC" and, three hours later in the same
  // poll, "Tesla denies TSMC switch" — the change still texted, and nothing ever told the reader of the denial.
  describe('news that says otherwise after a change', () => {
    const tsmcOnly = { kind: 'entities' as const, values: ['TSMC'] };
    const change = (overrides: Parameters<typeof changeFinding>[0] = {}) =>
      changeFinding({
        published: '2025-08-02T09:00:00.000Z',
        observedAt: '2025-08-02T11:00:00.000Z',
        ...overrides,
      });
    const denial = (overrides: Parameters<typeof changeFinding>[0] = {}) =>
      changeFinding({
        status: 'confirmed',
        observed: tsmcOnly,
        source: 'Reuters',
        evidence: 'Tesla said TSMC alone makes AI5 and denied the report.',
        published: '2025-08-02T10:00:00.000Z',
        observedAt: '2025-08-02T11:00:00.000Z',
        ...overrides,
      });
    const stored = async (finding: StoredFinding) => {
      await saveFinding(store, finding);
      return finding;
    };
    const alertOf = () =>
      getAlert(store, alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] }));

    it('already stored when the alert goes out: the email tells both, no SMS goes and no follow-up repeats it', async () => {
      const told = await stored(change());
      const denied = await stored(denial());

      expect(await notifyFinding(told, context())).toBe('sent');
      expect(await notifyFinding(denied, context())).toBe('digest-only');

      const [email, ...more] = await topic.drain('email');
      expect(more).toEqual([]);
      expect(email!.subject).toBe(
        '[factwatch] AI5 foundry changed (since said otherwise): TSMC -> Samsung+TSMC',
      );
      expect(email!.body).toContain('Since then, other news says TSMC (so no SMS was sent)');
      expect(email!.body).toContain('"Tesla said TSMC alone makes AI5 and denied the report."');
      expect(email!.attributes).toMatchObject({ sms: 'skip' });
      expect(await topic.drain('sms')).toEqual([]);
      expect((await alertOf())?.sms).toBe('denied');
    });

    it.each([
      ['published before the change', { published: '2025-08-02T08:00:00.000Z' }],
      ['doubtful', { confidence: 0.5 }],
    ])('a confirmation %s is no denial: the alert texts as usual', async (_, overrides) => {
      const told = await stored(change());
      await stored(denial(overrides));

      expect(await notifyFinding(told, context())).toBe('sent');

      expect(await topic.drain('sms')).toHaveLength(1);
      expect((await topic.drain('email'))[0]!.body).not.toContain('Since then');
    });

    it('stored after the alert went out: one follow-up by email, however often the confirmation is delivered', async () => {
      const told = await stored(change());
      expect(await notifyFinding(told, context())).toBe('sent');
      await topic.drain('email');
      await topic.drain('sms');
      clock = new Date('2025-08-02T12:30:00Z');
      const denied = await stored(denial({ observedAt: '2025-08-02T12:00:00.000Z' }));
      const another = await stored(denial({ source: 'Bloomberg', observedAt: '2025-08-02T12:10:00.000Z' }));

      const results = await Promise.all([notifyFinding(denied, context()), notifyFinding(denied, context())]);
      const later = await notifyFinding(another, context());

      expect(results.sort()).toEqual(['digest-only', 'followed-up']);
      expect(later).toBe('digest-only');
      const [email, ...more] = await topic.drain('email');
      expect(more).toEqual([]);
      expect(email!.subject).toBe(
        '[factwatch] AI5 foundry: since said TSMC, after the alert TSMC -> Samsung+TSMC',
      );
      expect(email!.attributes).toMatchObject({ kind: 'alert', followUp: 'yes', sms: 'skip' });
      expect(email!.body).toContain(
        'On 2025-08-02 12:00 UTC factwatch alerted: changed TSMC -> Samsung+TSMC',
      );
      expect(email!.body).toContain('"Tesla said TSMC alone makes AI5 and denied the report."');
      expect(email!.attributes).toMatchObject({
        kind: 'alert',
        factId: 'ai5.foundry',
        email: 'send',
        sms: 'skip',
      });
      expect(await topic.drain('sms')).toEqual([]);
    });

    it.each([
      ['doubtful', { confidence: 0.5 }],
      ['published before the change', { published: '2025-08-02T08:00:00.000Z' }],
      [
        'old news when seen',
        { published: '2025-08-02T10:00:00.000Z', observedAt: '2025-08-09T12:00:00.000Z' },
      ],
    ])('no follow-up for a confirmation %s', async (_, overrides) => {
      expect(await notifyFinding(await stored(change()), context())).toBe('sent');
      await topic.drain('email');

      expect(await notifyFinding(await stored(denial(overrides)), context())).toBe('digest-only');
      expect(await topic.drain('email')).toEqual([]);
    });

    it('no follow-up when no alert went out (below the severity threshold)', async () => {
      const low = { factId: 'deal.foundry_revenue_uplift', severity: 'low' as const };
      const percent = (value: number) => ({ kind: 'percent' as const, value });
      const told = await stored(change({ ...low, observed: percent(12), baseline: percent(10) }));
      expect(await notifyFinding(told, context())).toBe('below-threshold');

      expect(await notifyFinding(await stored(denial({ ...low, observed: percent(10) })), context())).toBe(
        'digest-only',
      );
      expect(await topic.drain('email')).toEqual([]);
    });

    // From a code review: the follow-up went to the fact's newest change, which a doubtful reading could be.
    it('follows up the alert a doubtful later change of a third value did not replace', async () => {
      expect(await notifyFinding(await stored(change()), context())).toBe('sent');
      const doubtful = await stored(
        change({
          observed: { kind: 'entities', values: ['Intel', 'TSMC'] },
          confidence: 0.4,
          published: '2025-08-02T09:30:00.000Z',
        }),
      );
      expect(await notifyFinding(doubtful, context())).toBe('below-threshold');
      await topic.drain('email');

      expect(await notifyFinding(await stored(denial()), context())).toBe('followed-up');
      expect((await topic.drain('email'))[0]!.subject).toContain('after the alert TSMC -> Samsung+TSMC');
    });

    it('no follow-up from a confirmation of another baseline version (after an accept)', async () => {
      expect(await notifyFinding(await stored(change()), context())).toBe('sent');
      await topic.drain('email');

      expect(await notifyFinding(await stored(denial({ baselineVersion: 2 })), context())).toBe(
        'digest-only',
      );
      expect(await topic.drain('email')).toEqual([]);
    });

    // From a code review: a denial processed while its alert was still pending was lost for good.
    it('a confirmation that arrives while its alert is still pending waits for it: the alert, once sent, tells both', async () => {
      const down = await unreachableSns();
      const told = await stored(change());
      await expect(notifyFinding(told, { ...context(), sns: down })).rejects.toThrow(/cannot publish/);
      const denied = await stored(denial({ observedAt: '2025-08-02T11:30:00.000Z' }));

      await expect(notifyFinding(denied, context())).rejects.toThrow(/not sent yet/);
      expect(await sendPendingAlerts(context())).toBe(1);
      const [email] = await topic.drain('email');
      expect(email!.subject).toContain('(since said otherwise)');
      expect(await topic.drain('sms')).toEqual([]);
      // The redelivered confirmation finds the alert sent and told: nothing more goes.
      expect(await notifyFinding(denied, context())).toBe('digest-only');
      expect(await topic.drain('email')).toEqual([]);
    });

    // From a code review: a denied alert started no cooldown, so a slower outlet repeating the report texted.
    it('a repeat of the denied report within the cooldown goes by email only', async () => {
      const withCooldown = (): AlertContext => ({
        ...context(),
        config: { ...context().config, cooldownMinutes: 360 },
      });
      const told = await stored(change());
      await stored(denial());
      expect(await notifyFinding(told, withCooldown())).toBe('sent');
      const repeat = await stored(
        change({
          source: 'Teslarati',
          published: '2025-08-02T10:30:00.000Z',
          observedAt: '2025-08-02T11:00:00.000Z',
        }),
      );

      expect(await notifyFinding(repeat, withCooldown())).toBe('sent');
      expect(await topic.drain('email')).toHaveLength(2);
      expect(await topic.drain('sms')).toEqual([]);
    });

    // The run that died is written as its claim alone: a crash between claiming and publishing is a fault no real
    // part here can be made to have, so the test leaves the marker such a run leaves.
    it('a follow-up whose run died after claiming it is sent by the redelivery, once the claim lapses', async () => {
      expect(await notifyFinding(await stored(change()), context())).toBe('sent');
      await topic.drain('email');
      const denied = await stored(denial());
      const key = `followup#${alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] })}`;
      const diedAt = new Date(clock.getTime() - (ONCE_LEASE_SECONDS - 1) * 1000);
      expect(await claimOnce(store, key, diedAt, ONCE_LEASE_SECONDS)).toMatchObject({ state: 'claimed' });

      expect(await notifyFinding(denied, context())).toBe('followed-up');
      expect(await notifyFinding(denied, context())).toBe('digest-only');
      const [email, ...more] = await topic.drain('email');
      expect(more).toEqual([]);
      expect(email!.subject).toMatch(/^\[factwatch\] AI5 foundry: since said TSMC/);
    });

    // From a review: no test showed that a live claim is left to its run — the caller waits and sends nothing.
    it('a follow-up another run is sending is left to it: the redelivery waits, then sends nothing', async () => {
      expect(await notifyFinding(await stored(change()), context())).toBe('sent');
      await topic.drain('email');
      const denied = await stored(denial());
      const key = `followup#${alertIdOf('ai5.foundry', { kind: 'entities', values: ['Samsung', 'TSMC'] })}`;
      const other = await claimOnce(store, key, clock, ONCE_LEASE_SECONDS);
      if (other.state !== 'claimed') throw new Error('the other run could not claim the follow-up');

      const redelivery = notifyFinding(denied, context());
      await new Promise((resolve) => setTimeout(resolve, 400));
      await completeOnce(store, key, other.claimId, clock);

      expect(await redelivery).toBe('digest-only');
      expect(await topic.drain('email')).toEqual([]);
    });

    it('a follow-up lost to SNS is sent by the redelivery', async () => {
      expect(await notifyFinding(await stored(change()), context())).toBe('sent');
      await topic.drain('email');
      const denied = await stored(denial());
      const down = await unreachableSns();

      await expect(notifyFinding(denied, { ...context(), sns: down })).rejects.toThrow(/cannot publish/);
      expect(await notifyFinding(denied, context())).toBe('followed-up');
      expect(await topic.drain('email')).toHaveLength(1);
    });
  });

  it('stops SMS at the monthly cap, sends email instead, and says so once', async () => {
    const values = ['Intel', 'SMIC', 'UMC', 'Rapidus', 'GlobalFoundries'];
    for (const value of values) {
      await notifyFinding(
        changeFinding({ observed: { kind: 'entities', values: [value, 'TSMC'] } }),
        context(),
      );
    }

    const emails = await topic.drain('email');
    expect(await topic.drain('sms')).toHaveLength(3);
    expect(emails.filter((message) => message.attributes.kind === 'alert')).toHaveLength(5);
    expect(
      emails.filter((message) => message.attributes.kind === 'ops').map((message) => message.subject),
    ).toEqual(['[factwatch ops] SMS cap of 3 reached for 2025-08']);
  });

  it('names the changes whose SMS the cooldown held back since a time, once per value, and not the ones texted', async () => {
    const withCooldown = { ...context(), config: { ...context().config, cooldownMinutes: 60 } };
    const intel = { kind: 'entities' as const, values: ['Intel', 'TSMC'] };
    const observedAt = DAY.toISOString();
    const findings = [
      changeFinding({ observedAt }),
      changeFinding({ observed: intel, observedAt }),
      changeFinding({ observed: intel, source: 'Reuters', observedAt }),
    ];
    for (const finding of findings) {
      await saveFinding(store, finding);
      await notifyFinding(finding, withCooldown);
    }

    const since = (at: Date) => findingsInWindow(store, { since: at, statuses: ['changed', 'new'] });
    const before = new Date(DAY.getTime() - 60_000);
    const after = new Date(DAY.getTime() + 60_000);
    const held = await changesHeldByCooldown(store, await since(before), before, withCooldown.config, DAY);
    const later = await changesHeldByCooldown(store, await since(after), after, withCooldown.config, DAY);

    expect(held).toEqual([{ factId: 'ai5.foundry', observed: intel }]);
    expect(later).toEqual([]);
  });

  // From two reviews: a second value within the cooldown went to the digest only, so a feed stating a false change
  // first kept the real one from its reader for hours. Now only the SMS waits.
  it('sends another value of a fact within the cooldown by email only, and texts again after it', async () => {
    const withCooldown = { ...context(), config: { ...context().config, cooldownMinutes: 60 } };
    const intel = { kind: 'entities' as const, values: ['Intel', 'TSMC'] };

    const first = await notifyFinding(changeFinding(), withCooldown);
    const second = await notifyFinding(changeFinding({ observed: intel }), withCooldown);
    clock = new Date(DAY.getTime() + 61 * 60_000);
    const third = await notifyFinding(
      changeFinding({ observed: { kind: 'entities', values: ['SMIC', 'TSMC'] } }),
      withCooldown,
    );

    expect([first, second, third]).toEqual(['sent', 'sent', 'sent']);
    expect(await topic.drain('email')).toHaveLength(3);
    expect((await topic.drain('sms')).map((message) => message.body)).toEqual([
      'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Korea JoongAng Daily)',
      'factwatch: AI5 foundry changed: TSMC -> SMIC+TSMC (Korea JoongAng Daily)',
    ]);
  });

  // From a user acceptance review: a value that had alerted once never alerted again, after a reversal, an accept
  // or a cooldown hold, and nothing said so.
  describe('a change alerts again in a new episode', () => {
    const samsungAndTsmc = { kind: 'entities' as const, values: ['Samsung', 'TSMC'] };
    const reported = (source: string, published: string, overrides = {}) =>
      changeFinding({
        source,
        published,
        observedAt: `${published.slice(0, 10)}T12:00:00.000Z`,
        ...overrides,
      });
    const notified = async (finding: StoredFinding, alertContext = context()) => {
      await saveFinding(store, finding);
      return notifyFinding(finding, alertContext);
    };

    it('after other news said otherwise in between, and once for every source of the return', async () => {
      const denial = reported('Reuters', '2025-08-10T09:00:00.000Z', {
        status: 'confirmed',
        observed: { kind: 'entities', values: ['TSMC'] },
      });

      const first = await notified(reported('Electrek', '2025-08-02T09:00:00.000Z'));
      const again = await notified(reported('Teslarati', '2025-08-05T09:00:00.000Z'));
      await notified(denial);
      const back = reported('Bloomberg', '2025-08-20T09:00:00.000Z');
      const returned = await notified(back);
      const redelivered = await notifyFinding(back, context());
      const alsoBack = await notified(reported('Yonhap', '2025-08-21T09:00:00.000Z'));

      expect([first, again, returned, redelivered, alsoBack]).toEqual([
        'sent',
        'corroborated',
        'sent',
        'corroborated',
        'corroborated',
      ]);
      expect((await topic.drain('sms')).map((message) => message.body)).toEqual([
        'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Electrek)',
        'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Bloomberg)',
      ]);
    });

    // From a code review: the episode's id named the reading that ended it, so one arriving late made a third alert.
    it('once per return, whichever reading of another value is found, and a late one makes no other alert', async () => {
      const denial = (source: string, published: string) =>
        reported(source, published, {
          status: 'confirmed',
          observed: { kind: 'entities', values: ['TSMC'] },
        });
      await notified(reported('Electrek', '2025-08-02T09:00:00.000Z'));
      await notified(denial('Reuters', '2025-08-10T09:00:00.000Z'));
      const returned = await notified(reported('Bloomberg', '2025-08-20T09:00:00.000Z'));
      await notified(denial('AP', '2025-08-05T09:00:00.000Z'));
      const again = await notified(reported('Yonhap', '2025-08-21T09:00:00.000Z'));

      expect([returned, again]).toEqual(['sent', 'corroborated']);
      expect(await topic.drain('sms')).toHaveLength(2);
    });

    it('not after a doubtful reading of another value', async () => {
      await notified(reported('Electrek', '2025-08-02T09:00:00.000Z'));
      await notified(
        reported('Blog', '2025-08-10T09:00:00.000Z', {
          status: 'confirmed',
          observed: { kind: 'entities', values: ['TSMC'] },
          confidence: 0.5,
        }),
      );
      const back = await notified(reported('Bloomberg', '2025-08-20T09:00:00.000Z'));

      expect(back).toBe('corroborated');
    });

    it('against another baseline version (an accept, an undo)', async () => {
      const first = await notified(reported('Electrek', '2025-08-02T09:00:00.000Z'));
      const underV3 = await notified(
        reported('Reuters', '2025-08-03T09:00:00.000Z', { baselineVersion: 3, observed: samsungAndTsmc }),
      );

      expect([first, underV3]).toEqual(['sent', 'sent']);
      expect(await topic.drain('sms')).toHaveLength(2);
    });

    // From a code review: releases before versioned ids keyed an alert by (fact, value) alone, under any version.
    it('not for a change an earlier release alerted under the same accepted version (upgrade)', async () => {
      const underV2 = reported('Electrek', '2025-08-02T09:00:00.000Z', { baselineVersion: 2 });
      await saveFinding(store, underV2);
      await createAlert(store, {
        alertId: alertIdOf(underV2.factId, underV2.observed),
        factId: underV2.factId,
        observed: underV2.observed,
        severity: 'high',
        topic: 'chips',
        findingId: underV2.findingId,
        status: 'sent',
        createdAt: DAY.toISOString(),
        sources: ['Electrek'],
        corroborations: 1,
        finding: underV2,
      });

      const again = await notified(reported('Reuters', '2025-08-03T09:00:00.000Z', { baselineVersion: 2 }));
      const underV3 = await notified(reported('AP', '2025-08-04T09:00:00.000Z', { baselineVersion: 3 }));

      expect([again, underV3]).toEqual(['corroborated', 'sent']);
      expect((await topic.drain('sms')).map((message) => message.body)).toEqual([
        'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (AP)',
      ]);
    });

    // Earlier releases held a change back whole by the cooldown (digest only): reported again after it, it alerts.
    it('after the cooldown that held it back in an earlier release, when it is reported again', async () => {
      const intel = { kind: 'entities' as const, values: ['Intel', 'TSMC'] };
      const withCooldown = { ...context(), config: { ...context().config, cooldownMinutes: 60 } };
      await notified(reported('Electrek', '2025-08-02T09:00:00.000Z'), withCooldown);
      const heldBack = reported('Reuters', '2025-08-02T10:00:00.000Z', { observed: intel });
      await saveFinding(store, heldBack);
      await createAlert(store, {
        alertId: alertIdOf(heldBack.factId, heldBack.observed),
        factId: heldBack.factId,
        observed: intel,
        severity: 'high',
        topic: 'chips',
        findingId: heldBack.findingId,
        status: 'suppressed',
        createdAt: DAY.toISOString(),
        sources: ['Reuters'],
        corroborations: 1,
        finding: heldBack,
      });

      const within = await notified(
        reported('AP', '2025-08-02T10:30:00.000Z', { observed: intel }),
        withCooldown,
      );
      clock = new Date(DAY.getTime() + 61 * 60_000);
      const due = await notified(
        reported('Yonhap', '2025-08-02T13:00:00.000Z', { observed: intel }),
        withCooldown,
      );

      expect([within, due]).toEqual(['corroborated', 'sent']);
      expect((await topic.drain('sms')).map((message) => message.body)).toEqual([
        'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Electrek)',
        // the sources held back are of the same episode
        'factwatch: AI5 foundry changed: TSMC -> Intel+TSMC (Yonhap, +2 srcs)',
      ]);
    });
  });

  // From a code review: an email-only alert (a doubtful reading) started the SMS cooldown, so the sure change that
  // followed it within 6 h was never texted; and a held SMS was dropped for a later change that the cooldown had
  // left an email only — no SMS at all.
  it('texts a sure change after a doubtful one, and lets a later change not stop a held SMS', async () => {
    const withCooldown = { ...context(), config: { ...context().config, cooldownMinutes: 360 } };
    const doubtful = changeFinding({
      observed: { kind: 'entities', values: ['Intel', 'TSMC'] },
      confidence: 0.6,
    });
    await notifyFinding(doubtful, withCooldown);
    await notifyFinding(changeFinding(), withCooldown);

    expect((await topic.drain('sms')).map((message) => message.body)).toEqual([
      'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Korea JoongAng Daily)',
    ]);

    /** Dojo read as `value` by news published at `published`, seen (and notified) at `seen`. */
    const dojoAt = async (value: 'ended' | 'restarted', published: string, seen: string) => {
      clock = new Date(seen);
      const finding = changeFinding({
        factId: 'dojo.status',
        topic: 'chips',
        observed: { kind: 'status', value },
        baseline: { kind: 'status', value: 'active' },
        published,
        observedAt: seen,
      });
      await saveFinding(store, finding);
      await notifyFinding(finding, withCooldown);
    };
    await dojoAt('ended', '2025-08-03T23:00:00.000Z', '2025-08-03T23:30:00.000Z');
    await dojoAt('restarted', '2025-08-04T02:00:00.000Z', '2025-08-04T02:10:00.000Z');
    clock = new Date('2025-08-04T07:00:00Z');

    expect(await releaseHeldSms(withCooldown)).toBe(1);
    expect(await topic.drain('sms')).toHaveLength(1);
  });

  it('sends one ops notice per feed health change', async () => {
    const event = {
      feedId: 'trendforce',
      health: 'unhealthy' as const,
      error: 'fetch: 503 from https://x',
      at: '2025-08-02T11:00:00.000Z',
    };

    expect(await notifyFeedHealth(context(), event)).toBe(true);
    expect(await notifyFeedHealth(context(), event)).toBe(false);
    expect(
      await notifyFeedHealth(context(), { ...event, health: 'recovered', at: '2025-08-02T15:00:00.000Z' }),
    ).toBe(true);

    const emails = await topic.drain('email');
    expect(emails.map((message) => [message.attributes.kind, message.subject])).toEqual([
      ['ops', '[factwatch ops] feed trendforce is failing'],
      ['ops', '[factwatch ops] feed trendforce recovered'],
    ]);
    expect(await topic.drain('sms')).toEqual([]);
  });

  it('digests the last 24 h by topic, once a day, email only', async () => {
    await polledAt(new Date(DAY.getTime() - 3_600_000));
    await saveFinding(store, changeFinding({ observedAt: '2025-08-02T08:00:00.000Z' }));
    await saveFinding(
      store,
      changeFinding({
        factId: 'deal.value',
        topic: 'deal',
        status: 'confirmed',
        observed: { kind: 'money', amount: 16.5e9, currency: 'USD' },
        observedAt: '2025-08-02T09:00:00.000Z',
      }),
    );
    await saveFinding(
      store,
      changeFinding({ factId: 'deal.term_end', topic: 'deal', observedAt: '2025-07-30T09:00:00.000Z' }),
    );

    // A run that died after claiming the day's digest (its claim alone, as such a run leaves it): the next sends it.
    expect(
      await claimOnce(store, 'digest#2025-08-02', new Date(DAY.getTime() - 60_000), ONCE_LEASE_SECONDS),
    ).toMatchObject({
      state: 'claimed',
    });
    expect(await sendDigest(context())).toBe('sent');
    expect(await sendDigest(context())).toBe('already-sent');

    const [digest] = await topic.drain('email');
    expect(digest!.attributes).toMatchObject({ kind: 'digest', sms: 'skip' });
    expect(digest!.subject).toBe('[factwatch] digest 2025-08-02: 1 change(s), 1 confirmation(s)');
    expect(digest!.body).toMatch(/== chips ==\n {2}changed {3}AI5 foundry: TSMC -> Samsung\+TSMC/);
    expect(digest!.body).toMatch(/== deal ==\n {2}confirmed Deal value: \$16\.5B/);
    expect(digest!.body).not.toContain('Deal end');
    expect(await topic.drain('sms')).toEqual([]);
  });

  it('says "still watching" once a week when nothing happened, naming the feeds it reads', async () => {
    await polledAt(new Date(DAY.getTime() - 3_600_000));
    expect(await sendDigest(context())).toBe('quiet-week');
    clock = new Date(DAY.getTime() + 86_400_000);
    await polledAt(new Date(clock.getTime() - 3_600_000));
    expect(await sendDigest(context())).toBe('nothing');
    clock = new Date(DAY.getTime() + 9 * 86_400_000);
    await polledAt(new Date(clock.getTime() - 3_600_000));
    expect(await sendDigest(context())).toBe('quiet-week');

    const digests = await topic.drain('email');
    const feeds = (await listFeeds(store)).length;
    expect(digests).toHaveLength(2);
    expect(digests[0]!.body).toMatch(
      new RegExp(
        `^Still watching ${feeds} feed\\(s\\) \\(${feeds} polled in the last 36 hours\\), nothing changed`,
      ),
    );
  });

  // From a user acceptance review: with every feed held (or the schedule stopped), the weekly line still said
  // "Still watching, nothing changed" — a heartbeat from a tracker that read nothing.
  it('says every day that no feed was polled, rather than that all is quiet', async () => {
    await polledAt(new Date(DAY.getTime() - 3 * 86_400_000));

    expect(await sendDigest(context())).toBe('sent');
    clock = new Date(DAY.getTime() + 86_400_000);
    expect(await sendDigest(context())).toBe('sent');

    const digests = await topic.drain('email');
    expect(digests).toHaveLength(2);
    expect(digests[0]!.subject).toBe(
      '[factwatch] digest 2025-08-02: 0 change(s), 0 confirmation(s), no feed polled in 36 hours',
    );
    expect(digests[0]!.body).toMatch(
      /^Not reading the news: no feed was polled in the last 36 hours \(\d+ feed\(s\) followed\)/,
    );
    expect(digests[1]!.body).not.toContain('Still watching');
  });

  // From a code review: feeds polled once a day (ttl, backoff or Retry-After at the cap) drift past 24 hours.
  it('counts a feed polled a day and some minutes ago as read, not as silence', async () => {
    await polledAt(new Date(DAY.getTime() - 86_400_000 - 10 * 60_000));

    expect(await sendDigest(context())).toBe('quiet-week');
    const [digest] = await topic.drain('email');
    expect(digest!.body).toMatch(/^Still watching/);
  });
});
