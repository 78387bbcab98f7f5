import { createHash, randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { StoreError } from '../errors.ts';
import { type AlertRecord, AlertRecordSchema } from '../model/alerts.ts';
import type { Value } from '../model/values.ts';
import { ALERT_WRITES } from './alert-lifecycle.ts';
import type { Store } from './client.ts';
import { CONDITION_FAILED, whenCondition, writeIf } from './conditional.ts';
import { queryAll, recordOf } from './query.ts';

const PENDING_INDEX_KEY = 'ALERTS#pending';
/** Sources named and counted on one alert: past 50, further reports of the change are not recorded on it. */
export const MAX_SOURCES = 50;
const HELD_SMS_INDEX_KEY = 'SMS#held';

/** Stable JSON of a value (sorted keys, sorted entity sets), so equal values hash equally. */
export function canonicalValue(value: Value | null): string {
  if (value === null) return 'null';
  const normalised = value.kind === 'entities' ? { ...value, values: [...value.values].sort() } : value;
  return JSON.stringify(
    Object.fromEntries(Object.entries(normalised).sort(([a], [b]) => a.localeCompare(b))),
  );
}

/**
 * The alert id for (fact, observed value) against the baseline's version: after an accept or an undo the same
 * value is a new change. (Version 1, the seeded sheet, keeps the id earlier releases wrote.)
 */
export function alertIdOf(factId: string, observed: Value | null, baselineVersion = 1): string {
  const versioned =
    baselineVersion > 1 ? `${canonicalValue(observed)}\nv${baselineVersion}` : canonicalValue(observed);
  return `${factId}#${createHash('sha256').update(versioned).digest('hex').slice(0, 16)}`;
}

/** The id of the alert that follows `alertId` for the same change in a new episode: from that id alone. */
export function nextEpisodeIdOf(alertId: string): string {
  const base = alertId.split('#').slice(0, 2).join('#');
  return `${base}#${createHash('sha256').update(`${alertId}\nnext`).digest('hex').slice(0, 12)}`;
}

const alertKey = (alertId: string) => ({ pk: `ALERT#${alertId}`, sk: 'ALERT' });

/**
 * Writes a pending alert unless one exists for the same (fact, value).
 * Returns 'created' for the first source and 'exists' afterwards (access pattern 6).
 *
 * @example
 * await createAlert(store, { …, status: 'pending', sources: ['Reuters'], corroborations: 1 });
 */
export async function createAlert(store: Store, alert: AlertRecord): Promise<'created' | 'exists'> {
  const created = await writeIf(() =>
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...alertKey(alert.alertId), gsi1pk: PENDING_INDEX_KEY, gsi1sk: alert.createdAt, ...alert },
        ConditionExpression: ALERT_WRITES.create.condition,
      }),
    ),
  );
  return created ? 'created' : 'exists';
}

export async function getAlert(store: Store, alertId: string): Promise<AlertRecord | undefined> {
  const { Item } = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: alertKey(alertId) }),
  );
  return Item ? recordOf(AlertRecordSchema, Item) : undefined;
}

/**
 * Counts a further source for an existing alert. The same source twice counts once,
 * so a redelivered batch cannot inflate the count. Returns the alert after the update.
 */
export async function addCorroboration(store: Store, alertId: string, source: string): Promise<AlertRecord> {
  const updated = await whenCondition(() =>
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: alertKey(alertId),
        UpdateExpression:
          'SET sources = list_append(sources, :source), corroborations = corroborations + :one',
        // The list stops at MAX_SOURCES names, so a much-reported change cannot outgrow its record.
        ConditionExpression: ALERT_WRITES.corroborate.condition,
        ExpressionAttributeValues: {
          ':source': [source.slice(0, 200)],
          ':name': source.slice(0, 200),
          ':one': 1,
          ':max': MAX_SOURCES,
        },
        ReturnValues: 'ALL_NEW',
      }),
    ),
  );
  if (updated !== CONDITION_FAILED) return recordOf(AlertRecordSchema, updated.Attributes ?? {});
  const existing = await getAlert(store, alertId);
  if (!existing) throw new StoreError(`alert ${alertId} vanished while a source was added`);
  return existing;
}

/**
 * Marks a pending alert sent with the SNS message id and its SMS leg's state (a
 * held SMS is indexed by when it falls due) and, when it texts someone (now or after
 * quiet hours), starts the fact's SMS cooldown, in one transaction: an alert never
 * counts as texted without its cooldown, so a run that dies here cannot text twice
 * about the fact. (An email-only alert — doubtful, past the cap, medium — starts none:
 * a sure change after it still texts.) An alert denied before it went out (sms `denied`) starts it too: a slower
 * outlet repeating the denied report within the cooldown goes by email only. Returns false when it was already
 * sent, so the caller knows not to count it twice.
 */
export async function markAlertSent(
  store: Store,
  alert: Pick<AlertRecord, 'alertId' | 'factId'>,
  messageId: string,
  now: Date,
  sms: { state: NonNullable<AlertRecord['sms']>; dueAt?: string } = { state: 'none' },
): Promise<boolean> {
  const held = sms.state === 'held' && sms.dueAt !== undefined;
  const texts = sms.state === 'sent' || sms.state === 'held' || sms.state === 'denied';
  return writeIf(() =>
    store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: sentUpdate(store, alert.alertId, messageId, now, sms, held) },
          ...(texts
            ? [
                {
                  Put: {
                    TableName: store.tableName,
                    Item: { ...cooldownKey(alert.factId), at: now.toISOString() },
                  },
                },
              ]
            : []),
        ],
      }),
    ),
  );
}

function sentUpdate(
  store: Store,
  alertId: string,
  messageId: string,
  now: Date,
  sms: { state: NonNullable<AlertRecord['sms']>; dueAt?: string },
  held: boolean,
) {
  return {
    TableName: store.tableName,
    Key: alertKey(alertId),
    UpdateExpression: held
      ? 'SET #status = :sent, messageId = :messageId, sentAt = :now, sms = :sms, smsDueAt = :due, gsi1pk = :held, gsi1sk = :due REMOVE leaseUntil'
      : 'SET #status = :sent, messageId = :messageId, sentAt = :now, sms = :sms REMOVE gsi1pk, gsi1sk, leaseUntil',
    ConditionExpression: ALERT_WRITES.markSent.condition,
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':sent': 'sent',
      ':pending': 'pending',
      ':messageId': messageId,
      ':now': now.toISOString(),
      ':sms': sms.state,
      ...(held ? { ':due': sms.dueAt, ':held': HELD_SMS_INDEX_KEY } : {}),
    },
  };
}

/** Alerts written but not yet accepted by SNS, oldest first: the next run sends them. */
export async function listPendingAlerts(store: Store): Promise<AlertRecord[]> {
  const records = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pending',
    ExpressionAttributeValues: { ':pending': PENDING_INDEX_KEY },
  });
  return records.map((record) => recordOf(AlertRecordSchema, record));
}

/**
 * Takes the right to publish a pending alert (or its held SMS) for `leaseSeconds`.
 * Only one caller at a time gets true, so a retry and a redelivery cannot both publish.
 */
export async function claimAlert(
  store: Store,
  alertId: string,
  now: Date,
  leg: 'alert' | 'sms' = 'alert',
  leaseSeconds = 120,
): Promise<boolean> {
  return writeIf(() =>
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: alertKey(alertId),
        UpdateExpression: 'SET leaseUntil = :until',
        ConditionExpression: (leg === 'alert' ? ALERT_WRITES.claim : ALERT_WRITES.claimSms).condition,
        ...(leg === 'alert' ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: {
          ':until': new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
          ':now': now.toISOString(),
          ...(leg === 'alert' ? { ':pending': 'pending' } : { ':held': 'held' }),
        },
      }),
    ),
  );
}

/** Records a held SMS as sent, skipped or denied (it leaves the held index). */
export async function setSmsState(
  store: Store,
  alertId: string,
  sms: 'sent' | 'skipped' | 'denied',
): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: alertKey(alertId),
      UpdateExpression: 'SET sms = :sms REMOVE leaseUntil, gsi1pk, gsi1sk',
      ExpressionAttributeValues: { ':sms': sms },
    }),
  );
}

/** Alerts whose SMS was held for quiet hours and is due by `now`. */
export async function listDueHeldSms(store: Store, now: Date): Promise<AlertRecord[]> {
  return (await heldSmsRecords(store, now)).map((record) => recordOf(AlertRecordSchema, record));
}

/**
 * How many alerts hold an SMS for quiet hours now, whenever it falls due, and when the first falls due (each was
 * given its time when held: quiet hours changed since, or a run after they ended, do not move it).
 */
export async function heldSmsSummary(store: Store): Promise<{ count: number; firstDueAt?: string }> {
  const records = await heldSmsRecords(store);
  const firstDueAt = records
    .map((record) => record.gsi1sk)
    .filter((dueAt): dueAt is string => typeof dueAt === 'string')
    .sort()[0];
  return { count: records.length, ...(firstDueAt ? { firstDueAt } : {}) };
}

/** The held-SMS index (by when each falls due): those due by `dueBy`, or all. */
function heldSmsRecords(store: Store, dueBy?: Date) {
  return queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: dueBy ? 'gsi1pk = :held AND gsi1sk <= :now' : 'gsi1pk = :held',
    ExpressionAttributeValues: {
      ':held': HELD_SMS_INDEX_KEY,
      ...(dueBy ? { ':now': dueBy.toISOString() } : {}),
    },
  });
}

/** The cooldown marker: when a fact last alerted. Under `ALERT#`, the notifiers' own key space. */
const cooldownKey = (factId: string) => ({ pk: `ALERT#cooldown#${factId}`, sk: 'ALERTED' });

/** When the fact last alerted (for the cooldown), or undefined. */
export async function lastAlertedAt(store: Store, factId: string): Promise<string | undefined> {
  const { Item } = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: cooldownKey(factId) }),
  );
  return Item?.at as string | undefined;
}

/**
 * Counts one SMS against the month's cap. Returns false, counting nothing, when
 * the cap is reached: the caller sends email only.
 */
export async function reserveSms(store: Store, month: string, cap: number): Promise<boolean> {
  return writeIf(() =>
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk: `SMSCOUNT#${month}`, sk: 'COUNT' },
        UpdateExpression: 'ADD #count :one',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':cap': cap },
      }),
    ),
  );
}

/**
 * True the first time it is called for `key`, false ever after: a once-marker written done, for a message
 * another has told (an alert that told its own follow-up). A message still to send is claimed (claimOnce).
 */
export async function markOnce(store: Store, key: string, now: Date): Promise<boolean> {
  return writeIf(() =>
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: `ONCE#${key}`, sk: 'ONCE', at: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

/**
 * A once-marker's claim: `claimed` — this caller sends the message, then completes the marker with its `claimId`;
 * `done` — the message went (or a marker of an earlier release, which had no claims, says so); `busy` — another run
 * claimed it and its lease runs until `leaseUntil`.
 */
export type OnceClaim =
  | { state: 'claimed'; claimId: string }
  | { state: 'done' }
  | { state: 'busy'; leaseUntil: string };

/**
 * Claims the once-marker `key` for `leaseSeconds`: the first caller, or any caller once a claim's lease has
 * lapsed (its run died between claiming and sending: the message is sent by the next, not lost).
 *
 * @example
 * const claim = await claimOnce(store, 'followup#taylor.production_start#3f…', new Date(), 30);
 * if (claim.state === 'claimed') { await send(); await completeOnce(store, 'followup#…', claim.claimId, new Date()); }
 */
export async function claimOnce(
  store: Store,
  key: string,
  now: Date,
  leaseSeconds: number,
): Promise<OnceClaim> {
  // (a marker released between the refused write and the read is claimed again: it is not "done")
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimId = randomUUID();
    const claimed = await writeIf(() =>
      store.doc.send(
        new PutCommand({
          TableName: store.tableName,
          Item: {
            pk: `ONCE#${key}`,
            sk: 'ONCE',
            at: now.toISOString(),
            state: 'claimed',
            claimId,
            leaseUntil: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':now': now.toISOString() },
        }),
      ),
    );
    if (claimed) return { state: 'claimed', claimId };
    const { Item } = await store.doc.send(
      new GetCommand({
        TableName: store.tableName,
        Key: { pk: `ONCE#${key}`, sk: 'ONCE' },
        ConsistentRead: true,
      }),
    );
    if (!Item) continue;
    // (completed, or a marker with no state: written by markOnce or an earlier release)
    return Item.state === 'claimed' && typeof Item.leaseUntil === 'string'
      ? { state: 'busy', leaseUntil: Item.leaseUntil }
      : { state: 'done' };
  }
  throw new StoreError(`once-marker ${key} was claimed and released three times in a row; try again`);
}

/**
 * Marks a claimed once-marker sent: no later claim takes it. Only the holder of `claimId` completes it: a run whose
 * lease lapsed while it published leaves the marker to the run that took it over.
 */
export async function completeOnce(store: Store, key: string, claimId: string, now: Date): Promise<void> {
  await writeIf(() =>
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk: `ONCE#${key}`, sk: 'ONCE' },
        UpdateExpression: 'SET #state = :done, sentAt = :now REMOVE leaseUntil',
        ConditionExpression: 'claimId = :claimId',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':now': now.toISOString(), ':claimId': claimId },
      }),
    ),
  );
}

/**
 * Releases a claim whose message could not be sent, so the next run tries again — only while `claimId` holds it
 * (not a marker another run has since claimed, or sent).
 */
export async function releaseOnce(store: Store, key: string, claimId: string): Promise<void> {
  await writeIf(() =>
    store.doc.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: { pk: `ONCE#${key}`, sk: 'ONCE' },
        ConditionExpression: 'claimId = :claimId AND #state = :claimed',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':claimId': claimId, ':claimed': 'claimed' },
      }),
    ),
  );
}

/** Gives up a publishing lease after a failed publish, so the next run can try at once. */
export async function releaseClaim(store: Store, alertId: string, failure?: string): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: alertKey(alertId),
      // A failed publish is counted, with its error: one that fails every time is given up (notify-finding.ts).
      UpdateExpression: failure
        ? 'REMOVE leaseUntil SET failedAttempts = if_not_exists(failedAttempts, :zero) + :one, lastFailure = :failure'
        : 'REMOVE leaseUntil',
      ...(failure
        ? { ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':failure': failure.slice(0, 500) } }
        : {}),
    }),
  );
}
