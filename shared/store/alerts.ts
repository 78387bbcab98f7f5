import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Severity, Value } from '../config/schemas.ts';
import { isConditionalCheckFailure } from '../errors.ts';
import type { Store } from './client.ts';
import { queryAll, withoutKeys } from './query.ts';

/** One alert per (fact, observed value); later sources only raise its corroboration count. */
export interface AlertRecord {
  alertId: string;
  factId: string;
  observed: Value | null;
  severity: Severity;
  topic: string;
  findingId: string;
  /** pending until SNS accepted it; the record is written before publishing (exactly-once effect). */
  status: 'pending' | 'sent';
  createdAt: string;
  sentAt?: string;
  messageId?: string;
  /** Every source that reported this change, the first one included. */
  sources: string[];
  corroborations: number;
}

const PENDING_INDEX_KEY = 'ALERTS#pending';

/** Stable JSON of a value (sorted keys, sorted entity sets), so equal values hash equally. */
export function canonicalValue(value: Value | null): string {
  if (value === null) return 'null';
  const normalised = value.kind === 'entities' ? { ...value, values: [...value.values].sort() } : value;
  return JSON.stringify(
    Object.fromEntries(Object.entries(normalised).sort(([a], [b]) => a.localeCompare(b))),
  );
}

/** The alert id for (fact, observed value). */
export function alertIdOf(factId: string, observed: Value | null): string {
  return `${factId}#${createHash('sha256').update(canonicalValue(observed)).digest('hex').slice(0, 16)}`;
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
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...alertKey(alert.alertId), gsi1pk: PENDING_INDEX_KEY, gsi1sk: alert.createdAt, ...alert },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'created';
  } catch (error) {
    if (isConditionalCheckFailure(error)) return 'exists';
    throw error;
  }
}

export async function getAlert(store: Store, alertId: string): Promise<AlertRecord | undefined> {
  const { Item } = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: alertKey(alertId) }),
  );
  return Item ? withoutKeys<AlertRecord>(Item) : undefined;
}

/**
 * Counts a further source for an existing alert. The same source twice counts once,
 * so a redelivered batch cannot inflate the count. Returns the alert after the update.
 */
export async function addCorroboration(store: Store, alertId: string, source: string): Promise<AlertRecord> {
  try {
    const { Attributes } = await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: alertKey(alertId),
        UpdateExpression:
          'SET sources = list_append(sources, :source), corroborations = corroborations + :one',
        ConditionExpression: 'attribute_exists(pk) AND NOT contains(sources, :name)',
        ExpressionAttributeValues: { ':source': [source], ':name': source, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys<AlertRecord>(Attributes ?? {});
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    const existing = await getAlert(store, alertId);
    if (!existing) throw error;
    return existing;
  }
}

/**
 * Marks a pending alert sent with the SNS message id. Returns false when it was
 * already sent (someone else published it), so the caller knows not to count it twice.
 */
export async function markAlertSent(
  store: Store,
  alertId: string,
  messageId: string,
  now: Date,
): Promise<boolean> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: alertKey(alertId),
        UpdateExpression: 'SET #status = :sent, messageId = :messageId, sentAt = :now REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':pending': 'pending',
          ':messageId': messageId,
          ':now': now.toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Alerts written but not yet accepted by SNS, oldest first: the next run sends them. */
export async function listPendingAlerts(store: Store): Promise<AlertRecord[]> {
  const records = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pending',
    ExpressionAttributeValues: { ':pending': PENDING_INDEX_KEY },
  });
  return records.map((record) => withoutKeys<AlertRecord>(record));
}
