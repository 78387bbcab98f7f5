import { PublishError, publish } from '../alerts/publish.ts';
import { smsDueAt } from '../alerts/quiet-hours.ts';
import { renderAlert, renderFollowUp, renderSms } from '../alerts/render.ts';
import { ConflictError } from '../errors.ts';
import type { AlertConfig } from '../model/alert-config.ts';
import type { AlertRecord } from '../model/alerts.ts';
import { type FindingStatus, newsTimeOf, type StoredFinding } from '../model/findings.ts';
import { SEVERITIES } from '../model/values.ts';
import {
  addCorroboration,
  alertIdOf,
  canonicalValue,
  claimAlert,
  createAlert,
  getAlert,
  lastAlertedAt,
  listDueHeldSms,
  listPendingAlerts,
  markAlertSent,
  markOnce,
  nextEpisodeIdOf,
  releaseClaim,
  reserveSms,
  setSmsState,
} from '../store/alerts.ts';
import { currentBaseline } from '../store/baseline.ts';
import type { Store } from '../store/client.ts';
import { findingsForFact } from '../store/findings.ts';
import { notifyOps, type OpsContext } from './ops-notices.ts';
import { sendOnce } from './send-once.ts';

/** What the alert stage needs: the store, SNS, the config and a clock. */
export interface AlertContext extends OpsContext {
  config: AlertConfig;
  /**
   * The store options of the `factwatch accept` hint in emails: `--table NAME` when
   * deployed, `--data-dir DIR` for a local store elsewhere than the default, '' for
   * the default local store; null when nothing is kept (the demo) and there is nothing to accept.
   */
  acceptStore?: string | null;
  /** The private link to the story's page, when the stack publishes one (deployed); messages end with it. */
  reportLink?: () => Promise<string | undefined>;
}

export type NotifyResult =
  | 'digest-only'
  | 'below-threshold'
  | 'backfill'
  | 'corroborated'
  | 'sent'
  | 'pending'
  | 'followed-up';

const rank = (severity: string) => SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);

/**
 * The alert policy for one stored finding: changed|new at or above the severity
 * threshold alert once per (fact, observed value) and episode (episodeAlertId); later sources only corroborate;
 * another value of a fact that alerted within its cooldown goes by email only (no SMS); everything else
 * goes to the digest. The alert record is written before publishing. A sure confirmation published after a change
 * that alerted follows that alert up, once, by email (followUpAlert).
 *
 * @example
 * await notifyFinding(finding, context); // 'sent', then 'corroborated' for the same change from another source
 */
export async function notifyFinding(finding: StoredFinding, context: AlertContext): Promise<NotifyResult> {
  if (finding.status === 'confirmed')
    return (await followUpAlert(finding, context)) ? 'followed-up' : 'digest-only';
  if (finding.status !== 'changed' && finding.status !== 'new') return 'digest-only';
  if (isOldNews(finding, context.config)) return 'backfill';
  if (
    rank(finding.severity) < rank(context.config.minSeverity) ||
    (finding.confidence ?? 1) < context.config.minConfidence
  ) {
    return 'below-threshold';
  }
  const now = context.now();
  const alertId = await episodeAlertId(context.store, finding, context.config, now);
  const source = finding.source ?? finding.link ?? finding.itemId;
  const created = await createAlert(context.store, {
    alertId,
    factId: finding.factId,
    observed: finding.observed,
    severity: finding.severity,
    topic: finding.topic,
    findingId: finding.findingId,
    status: 'pending',
    createdAt: now.toISOString(),
    sources: [source],
    corroborations: 1,
    finding,
  });
  if (created === 'exists') {
    await addCorroboration(context.store, alertId, source);
    return 'corroborated';
  }
  return (await deliverAlert(alertId, context)) ? 'sent' : 'pending';
}

/** Tries to prepare an alert (render it from its record) before housekeeping gives it up. */
const MAX_PREPARE_ATTEMPTS = 3;

/** How many episodes of one change are followed before its alert is taken as found (each one a store read). */
const MAX_EPISODES = 16;

/**
 * The alert a change belongs to. A (fact, value) against one baseline version is one alert while its episode
 * lasts, later sources only corroborating it; a new episode, a new alert, begins when
 * - other news said otherwise in between, surely (at least smsMinConfidence): a reading of another value published
 *   after the alert's evidence and no later than this one ("Taylor slips to 2027 again", after "starts in 2026
 *   after all");
 * - an earlier release's cooldown held the alert back whole (digest only), and the cooldown has ended.
 * An accepted or restored baseline is another version, so its changes are new alerts (alertIdOf). The next
 * episode's id follows from the last one's alone, whichever reading ended it: a reading that arrives late, or
 * two notifiers at once, find the same alert.
 *
 * @example
 * await episodeAlertId(store, finding, config, new Date()); // 'taylor.production_start#3f…' then '…#3f…#9a…' after a reversal
 */
export async function episodeAlertId(
  store: Store,
  finding: StoredFinding,
  config: Pick<AlertConfig, 'cooldownMinutes' | 'smsMinConfidence'>,
  now: Date,
): Promise<string> {
  return (await currentEpisode(store, finding, config, now)).alertId;
}

/** The current episode's alert id, and its record when one was written (each id of the chain read once). */
async function currentEpisode(
  store: Store,
  finding: StoredFinding,
  config: Pick<AlertConfig, 'cooldownMinutes' | 'smsMinConfidence'>,
  now: Date,
): Promise<{ alertId: string; alert?: AlertRecord }> {
  let { alertId, alert } = await firstEpisode(store, finding);
  for (let step = 0; step < MAX_EPISODES; step++) {
    if (!alert || !(await episodeEnded(store, alert, finding, config, now))) return { alertId, alert };
    alertId = nextEpisodeIdOf(alertId);
    alert = await getAlert(store, alertId);
  }
  return { alertId, alert };
}

/**
 * A change's first episode. Releases before versioned ids keyed every alert by (fact, value) alone: in a store
 * where the owner had accepted a baseline before upgrading, a change alerted then under that same version is found
 * under the old id, and its chain goes on from there — not alerted a second time.
 */
async function firstEpisode(
  store: Store,
  finding: StoredFinding,
): Promise<{ alertId: string; alert?: AlertRecord }> {
  const alertId = alertIdOf(finding.factId, finding.observed, finding.baselineVersion);
  const alert = await getAlert(store, alertId);
  if (alert || (finding.baselineVersion ?? 1) <= 1) return { alertId, alert };
  const earlierId = alertIdOf(finding.factId, finding.observed);
  const earlier = await getAlert(store, earlierId);
  return earlier?.finding?.baselineVersion === finding.baselineVersion
    ? { alertId: earlierId, alert: earlier }
    : { alertId, alert };
}

/** Whether the episode of `alert` has ended for this finding. */
async function episodeEnded(
  store: Store,
  alert: AlertRecord,
  finding: StoredFinding,
  config: Pick<AlertConfig, 'cooldownMinutes' | 'smsMinConfidence'>,
  now: Date,
): Promise<boolean> {
  const evidence = alert.finding ?? finding;
  const until = newsTimeOf(finding);
  if (until > newsTimeOf(evidence)) {
    const reversed = await toldOtherwise(
      store,
      { ...evidence, observed: finding.observed },
      {
        from: newsTimeOf(evidence),
        until,
        sureAs: config.smsMinConfidence,
      },
    );
    if (reversed) return true;
  }
  // (an alert an earlier release held back whole, by the cooldown)
  if (alert.status !== 'suppressed') return false;
  const last = await lastAlertedAt(store, finding.factId);
  return !last || now.getTime() - Date.parse(last) >= config.cooldownMinutes * 60_000;
}

/** At most this many of a fact's readings are weighed for one change: bounded work for a much-reported fact. */
const MAX_READINGS = 500;

/**
 * A reading of the fact with another value than `finding`'s, published after `from` and no later than `until`
 * (none: any time since), at least `sureAs` sure, of the given statuses: the news said otherwise. Readings seen
 * from a week before the finding's on.
 */
async function toldOtherwise(
  store: Store,
  finding: Pick<StoredFinding, 'factId' | 'observed' | 'observedAt'>,
  window: { from: string; until?: string; sureAs: number; statuses?: FindingStatus[] },
): Promise<StoredFinding | undefined> {
  const { from, until, sureAs, statuses = ['confirmed', 'changed', 'new'] } = window;
  const value = canonicalValue(finding.observed);
  // (no status in the query: with one it reads the whole window; without, the newest MAX_READINGS at most)
  const readings = await findingsForFact(
    store,
    finding.factId,
    { since: new Date(Date.parse(finding.observedAt) - 7 * 86_400_000) },
    MAX_READINGS,
  );
  return readings
    .filter((other) => statuses.includes(other.status))
    .filter((other) => other.observed !== null && canonicalValue(other.observed) !== value)
    .filter((other) => (other.confidence ?? 1) >= sureAs)
    .filter((other) => newsTimeOf(other) > from && (until === undefined || newsTimeOf(other) <= until))
    .sort((a, b) => newsTimeOf(b).localeCompare(newsTimeOf(a)) || b.findingId.localeCompare(a.findingId))[0];
}

/**
 * Old news, digest only: an item the feed held when first read, or one published
 * long before it was seen ("published 2025-09-01, seen 2026-11-28").
 */
export function isOldNews(
  finding: StoredFinding,
  config: Pick<AlertConfig, 'quietFirstRead' | 'maxAlertAgeHours'>,
): boolean {
  if (finding.backfill && config.quietFirstRead) return true;
  if (config.maxAlertAgeHours === null || !finding.published) return false;
  const age = Date.parse(finding.observedAt) - Date.parse(finding.published);
  return age > config.maxAlertAgeHours * 3_600_000;
}

/**
 * Of some changes (a run's, stored since `since`), those whose SMS the fact's cooldown held back (email only),
 * once per (fact, value); a run names them.
 *
 * @example
 * await changesHeldByCooldown(store, runChanges, runStartedAt, config, new Date()); // [{ factId: 'deal.value', observed: { kind: 'money', … } }]
 */
export async function changesHeldByCooldown(
  store: Store,
  changes: readonly StoredFinding[],
  since: Date,
  config: Pick<AlertConfig, 'cooldownMinutes' | 'smsMinConfidence'>,
  now: Date,
): Promise<Array<Pick<StoredFinding, 'factId' | 'observed'>>> {
  const held = new Map<string, Pick<StoredFinding, 'factId' | 'observed'>>();
  const checked = new Set<string>();
  for (const change of changes) {
    const { factId, observed } = change;
    const { alertId, alert } = await currentEpisode(store, change, config, now);
    if (checked.has(alertId)) continue;
    checked.add(alertId);
    const byCooldown = alert?.sms === 'cooldown' || alert?.status === 'suppressed';
    if (byCooldown && alert!.createdAt >= since.toISOString()) held.set(alertId, { factId, observed });
  }
  return [...held.values()];
}

/**
 * Publishes a pending alert if this caller wins the lease: email now, SMS now, held
 * for quiet hours, or skipped past the monthly cap. On an SNS failure the alert
 * stays pending (and the error propagates) so the next run sends it.
 */
export async function deliverAlert(alertId: string, context: AlertContext): Promise<boolean> {
  const now = context.now();
  if (!(await claimAlert(context.store, alertId, now))) return false;
  const alert = (await getAlert(context.store, alertId))!;
  try {
    // A denial stored before the alert goes out (the same poll, most often): the email tells both, no SMS goes,
    // and no follow-up will repeat it.
    const saidOtherwise =
      alert.finding && (await saidOtherwiseSince(context.store, alert.finding, context.config));
    // (denied only an SMS it could have sent: a medium or doubtful change never texts anyway)
    const smsWithheld = saidOtherwise !== undefined && mayText(alert, context.config);
    const message = renderAlert({ ...(await alertContent(alert, context)), saidOtherwise, smsWithheld });
    const sms = smsWithheld ? DENIED_LEG : await smsLeg(alert, context, now);
    const messageId = await publish(context, message, {
      kind: 'alert',
      severity: alert.severity,
      topic: alert.topic,
      factId: alert.factId,
      email: 'send',
      sms: sms.leg,
    });
    await markAlertSent(context.store, alert, messageId, now, { state: sms.state, dueAt: sms.dueAt });
    if (saidOtherwise) await markOnce(context.store, followUpKey(alertId), now);
    return true;
  } catch (error) {
    await releaseClaim(context.store, alertId, failureToCount(error));
    throw error;
  }
}

type SmsLeg = { leg: 'send' | 'hold' | 'skip'; state: NonNullable<AlertRecord['sms']>; dueAt?: string };
const DENIED_LEG: SmsLeg = { leg: 'skip', state: 'denied' };

/** A high-severity change read surely enough to text: a doubtful reading is worth an email, not a text at night. */
const mayText = (alert: AlertRecord, config: AlertConfig) =>
  alert.severity === 'high' && (alert.finding?.confidence ?? 1) >= config.smsMinConfidence;

async function smsLeg(alert: AlertRecord, context: AlertContext, now: Date): Promise<SmsLeg> {
  if (!mayText(alert, context.config)) return { leg: 'skip', state: 'none' } as SmsLeg;
  // Another value of a fact that alerted within the cooldown: told by email, nobody woken twice. (Only the SMS:
  // a feed stating a false change first must not keep the real one from its reader for hours.)
  const last = await lastAlertedAt(context.store, alert.factId);
  if (last && now.getTime() - Date.parse(last) < context.config.cooldownMinutes * 60_000)
    return { leg: 'skip', state: 'cooldown' } as SmsLeg;
  const due = smsDueAt(now, context.config);
  if (due.getTime() > now.getTime())
    return { leg: 'hold', state: 'held', dueAt: due.toISOString() } as SmsLeg;
  if (await reserveOrNotify(context, now)) return { leg: 'send', state: 'sent' } as SmsLeg;
  return { leg: 'skip', state: 'skipped' } as SmsLeg;
}

/** One SMS against the monthly cap; past it, one ops notice a month says so. */
async function reserveOrNotify(context: AlertContext, now: Date): Promise<boolean> {
  const month = now.toISOString().slice(0, 7);
  if (await reserveSms(context.store, month, context.config.smsMonthlyCap)) return true;
  await notifyOps(
    context,
    `smscap#${month}`,
    `SMS cap of ${context.config.smsMonthlyCap} reached for ${month}`,
    `factwatch has sent ${context.config.smsMonthlyCap} SMS this month (the smsMonthlyCap setting). Until the month ends, alerts go by email only.`,
  );
  return false;
}

async function alertContent(alert: AlertRecord, context: AlertContext) {
  const finding = alert.finding!;
  const fact = (await currentBaseline(context.store, alert.factId))!;
  const since = new Date(context.now().getTime() - 90 * 86_400_000);
  const history = (
    await findingsForFact(
      context.store,
      alert.factId,
      { since, statuses: ['confirmed', 'changed', 'new'] },
      9,
    )
  ).filter((past) => past.findingId !== finding.findingId);
  return {
    fact,
    finding,
    sources: corroboratingSources(alert, history),
    history,
    acceptStore: context.acceptStore,
    reportLink: await context.reportLink?.(),
  };
}

/**
 * The alert's sources plus every other source already stored with the same change:
 * a second report that reached the store in the same batch, before its own notify
 * turn, corroborates the message that is being written now — so the email's
 * corroboration line, its history and the SMS's "+1 src" agree.
 */
function corroboratingSources(alert: AlertRecord, history: StoredFinding[]): string[] {
  const value = canonicalValue(alert.observed);
  const told = newsTimeOf(alert.finding!);
  // Of this episode only: since the last reading of another value, against the same baseline version.
  const episodeStart =
    history
      .filter((past) => canonicalValue(past.observed) !== value && newsTimeOf(past) <= told)
      .map(newsTimeOf)
      .sort()
      .at(-1) ?? '';
  const same = history.filter(
    (past) =>
      (past.status === 'changed' || past.status === 'new') &&
      canonicalValue(past.observed) === value &&
      (past.baselineVersion ?? 1) === (alert.finding!.baselineVersion ?? 1) &&
      newsTimeOf(past) > episodeStart,
  );
  return [...new Set([...alert.sources, ...same.map((past) => past.source ?? past.link ?? past.itemId)])];
}

/** Sends every alert still pending (SNS was down, or a run crashed between write and publish). */
export async function sendPendingAlerts(context: AlertContext): Promise<number> {
  return eachAlert(
    await listPendingAlerts(context.store),
    (alert) => deliverAlert(alert.alertId, context),
    context,
  );
}

/**
 * `send` for every alert, one failure not stopping the rest (an alert that can never be published must not hold
 * back those after it); the count of those sent, or — once all were tried — the first failure, so the run fails
 * and its alarm fires.
 */
async function eachAlert(
  alerts: readonly AlertRecord[],
  send: (alert: AlertRecord) => Promise<boolean>,
  context: AlertContext,
): Promise<number> {
  let sent = 0;
  const failures: unknown[] = [];
  for (const alert of alerts) {
    // One that could not be prepared MAX_PREPARE_ATTEMPTS times never will: said once, then left out, so that it
    // does not fail every later housekeeping run (and with it a local run).
    if ((alert.failedAttempts ?? 0) >= MAX_PREPARE_ATTEMPTS) {
      await notifyOps(
        context,
        `unsendable#${alert.alertId}`,
        `An alert about ${alert.factId} cannot be sent`,
        `factwatch could not prepare the alert about ${alert.factId} (${alert.alertId}) in ${MAX_PREPARE_ATTEMPTS} tries and gives it up: ${alert.lastFailure ?? 'unknown error'}. The change is in the digest and in factwatch history.`,
      );
      continue;
    }
    try {
      if (await send(alert)) sent++;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw failures[0];
  return sent;
}

/** Sends the SMS held during quiet hours once they are over (never dropped, sent once). */
export async function releaseHeldSms(context: AlertContext): Promise<number> {
  const now = context.now();
  return eachAlert(
    await listDueHeldSms(context.store, now),
    (alert) => releaseOne(alert, context, now),
    context,
  );
}

/** One held SMS, under its lease: sent, skipped (denied meanwhile, or past the cap), or given back on a failure. */
async function releaseOne(alert: AlertRecord, context: AlertContext, now: Date): Promise<boolean> {
  if (!(await claimAlert(context.store, alert.alertId, now, 'sms'))) return false;
  try {
    // Denied, surely, while it waited — news confirming another value, the baseline's most often: the email said
    // the change at the time; nobody is woken for it now. (A later change of its own is no denial: it alerts for
    // itself, and a cooldown may have left it only an email.)
    if (alert.finding && (await saidOtherwiseSince(context.store, alert.finding, context.config))) {
      await setSmsState(context.store, alert.alertId, 'denied');
      return false;
    }
    if (!(await reserveOrNotify(context, now))) {
      await setSmsState(context.store, alert.alertId, 'skipped');
      return false;
    }
    const content = await alertContent(alert, context);
    const sms = renderSms(content);
    await publish(
      context,
      { subject: 'factwatch', email: sms, sms, default: sms },
      {
        kind: 'alert',
        severity: alert.severity,
        topic: alert.topic,
        factId: alert.factId,
        email: 'skip',
        sms: 'send',
      },
    );
    await setSmsState(context.store, alert.alertId, 'sent');
    return true;
  } catch (error) {
    await releaseClaim(context.store, alert.alertId, failureToCount(error));
    throw error;
  }
}

/**
 * News that said otherwise about a change since it was told: a reading confirming another value (the baseline's,
 * most often), as sure as smsMinConfidence, published after the change's evidence. (A later change of its own is
 * no denial: it alerts for itself.)
 */
function saidOtherwiseSince(
  store: Store,
  change: StoredFinding,
  config: Pick<AlertConfig, 'smsMinConfidence'>,
): Promise<StoredFinding | undefined> {
  return toldOtherwise(store, change, {
    from: newsTimeOf(change),
    sureAs: config.smsMinConfidence,
    statuses: ['confirmed'],
  });
}

/**
 * The alert a confirmation follows up: of the fact's changes told before it (within FOLLOW_UP_DAYS, of another value,
 * against its baseline version), newest first, the first whose episode alerted — a doubtful change that alerted
 * nothing does not hide an earlier one that did.
 */
async function alertToFollowUp(
  confirmation: StoredFinding,
  context: AlertContext,
): Promise<{ alertId: string; alert: AlertRecord & { finding: StoredFinding } } | undefined> {
  const { store, config } = context;
  const told = newsTimeOf(confirmation);
  const value = canonicalValue(confirmation.observed);
  const version = confirmation.baselineVersion ?? 1;
  const changes = (
    await findingsForFact(
      store,
      confirmation.factId,
      { since: new Date(Date.parse(told) - FOLLOW_UP_DAYS * 86_400_000), statuses: ['changed', 'new'] },
      MAX_READINGS,
    )
  )
    .filter(
      (earlier) =>
        newsTimeOf(earlier) < told &&
        canonicalValue(earlier.observed) !== value &&
        (earlier.baselineVersion ?? 1) === version,
    )
    .sort((a, b) => newsTimeOf(b).localeCompare(newsTimeOf(a)));
  const seen = new Set<string>();
  for (const change of changes.slice(0, MAX_FOLLOW_UP_CANDIDATES)) {
    const { alertId, alert } = await currentEpisode(store, change, config, context.now());
    if (seen.has(alertId)) continue;
    seen.add(alertId);
    if (!alert?.finding || newsTimeOf(alert.finding) >= told) continue;
    // Still being published (or waiting for SNS): the confirmation is delivered again, after it went out.
    if (alert.status === 'pending')
      throw new ConflictError(`alert ${alertId} is not sent yet; its follow-up waits for it`);
    if (alert.status === 'sent') return { alertId, alert: alert as AlertRecord & { finding: StoredFinding } };
  }
  return undefined;
}

/** How many of a fact's recent changes a confirmation weighs for the alert it follows up (each a store read or two). */
const MAX_FOLLOW_UP_CANDIDATES = 8;

/** The once-marker of an alert's follow-up: written when it is sent, or when the alert itself told the denial. */
const followUpKey = (alertId: string) => `followup#${alertId}`;

/** How far back a confirmation looks for the change it may deny: the week toldOtherwise weighs, too. */
const FOLLOW_UP_DAYS = 7;

/**
 * The follow-up to an alert that news said otherwise about after it went out ("AI6 foundry: since said Samsung,
 * after the alert Samsung -> TSMC"): for a sure, fresh confirmation, the newest alert of the fact's changes told
 * before it, against the same baseline version (after an accept the news confirms the new baseline: nothing to
 * follow up); once per alert, by email only (a restatement in passing is not always a denial: nobody is woken).
 * Its SMS, if quiet hours still hold it, will not go (releaseHeldSms weighs the same confirmation). An alert still
 * being published when the confirmation arrives throws, so the stream delivers the confirmation again.
 *
 * @example
 * await followUpAlert(confirmation, context); // true: the follow-up went out; false for every later call
 */
export async function followUpAlert(confirmation: StoredFinding, context: AlertContext): Promise<boolean> {
  const { store, config } = context;
  if ((confirmation.confidence ?? 1) < config.smsMinConfidence || isOldNews(confirmation, config))
    return false;
  const found = await alertToFollowUp(confirmation, context);
  if (!found) return false;
  const { alertId, alert } = found;
  const fact = await currentBaseline(store, alert.factId);
  if (!fact) return false;
  return sendOnce(context, followUpKey(alertId), async () => {
    const message = renderFollowUp({
      fact,
      change: alert.finding,
      alertedAt: alert.sentAt ?? alert.createdAt,
      sms: alert.sms ?? 'none',
      saidOtherwise: confirmation,
      reportLink: await context.reportLink?.(),
    });
    await publish(context, message, {
      kind: 'alert',
      severity: alert.severity,
      topic: alert.topic,
      factId: alert.factId,
      email: 'send',
      sms: 'skip',
      followUp: 'yes',
    });
  });
}

/**
 * A failure to count against the alert: one of preparing it (its record cannot be rendered), which the next try
 * meets again — not SNS refusing or unreachable, which an outage causes and the next try may not.
 */
const failureToCount = (error: unknown) => (error instanceof PublishError ? undefined : String(error));
