import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  FINDING_STATUSES,
  type FindingStatus,
  type StoredFinding,
  StoredFindingSchema,
} from '../model/findings.ts';
import type { Store } from './client.ts';
import { writeIf } from './conditional.ts';
import { queryAll, recordOf } from './query.ts';

export interface FindingWindow {
  since: Date;
  until?: Date;
  statuses?: readonly FindingStatus[];
}

/**
 * Findings live under `OBS#<fact>`, apart from the baselines under `FACT#<fact>`, so
 * that the analyze λ, which reads untrusted text, may write findings and nothing
 * else (IAM `dynamodb:LeadingKeys`). Stores written before this kept findings under
 * `FACT#<fact>`: reads look in both places.
 */
const findingsPk = (factId: string) => `OBS#${factId}`;
const legacyFindingsPk = (factId: string) => `FACT#${factId}`;
const observationSk = (finding: Pick<StoredFinding, 'observedAt' | 'itemId' | 'itemVersion'>) =>
  `OBS#${finding.observedAt}#${finding.itemId}#${finding.itemVersion}`;
const statusMonthKey = (status: FindingStatus, month: string) => `FINDINGS#${status}#${month}`;

/**
 * Stores a finding once. A redelivered stream record writes the same key and is
 * refused by the condition, so it returns false and nothing downstream fires twice.
 *
 * @example
 * await saveFinding(store, finding); // true, then false for the same finding
 */
export async function saveFinding(store: Store, finding: StoredFinding): Promise<boolean> {
  return writeIf(() =>
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          pk: findingsPk(finding.factId),
          sk: observationSk(finding),
          gsi2pk: statusMonthKey(finding.status, finding.observedAt.slice(0, 7)),
          gsi2sk: `${finding.observedAt}#${finding.factId}`,
          type: 'finding',
          ...finding,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

/**
 * A fact's findings in a time range, newest first (access pattern 4).
 *
 * @example
 * await findingsForFact(store, 'ai5.foundry', { since: new Date('2025-08-01') });
 */
export async function findingsForFact(
  store: Store,
  factId: string,
  window: FindingWindow,
  max = Number.POSITIVE_INFINITY,
): Promise<StoredFinding[]> {
  const until = window.until ?? new Date(Date.now() + 86_400_000);
  // DynamoDB refuses a BETWEEN whose bounds are reversed: an empty window is no findings.
  if (window.since.getTime() > until.getTime()) return [];
  const limit = window.statuses ? Number.POSITIVE_INFINITY : max;
  const partitions = await Promise.all(
    [findingsPk(factId), legacyFindingsPk(factId)].map((pk) =>
      queryAll(
        store,
        {
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':from': `OBS#${window.since.toISOString()}`,
            ':to': `OBS#${until.toISOString()}~`,
          },
          ScanIndexForward: false,
        },
        limit,
      ),
    ),
  );
  const findings = partitions
    .flat()
    .map((record) => recordOf(StoredFindingSchema, record))
    .sort((a, b) => b.observedAt.localeCompare(a.observedAt));
  const wanted = window.statuses
    ? findings.filter((finding) => window.statuses!.includes(finding.status))
    : findings;
  return wanted.slice(0, max);
}

/**
 * Findings of the given statuses across all facts in a time window, newest first
 * (access pattern 5: digest, `history --since`). One query per status and month.
 *
 * @example
 * await findingsInWindow(store, { since: daysAgo(1), statuses: ['changed', 'new'] });
 */
export async function findingsInWindow(store: Store, window: FindingWindow): Promise<StoredFinding[]> {
  const until = window.until ?? new Date(Date.now() + 86_400_000);
  if (window.since.getTime() > until.getTime()) return [];
  const statuses = window.statuses ?? FINDING_STATUSES;
  const partitions = statuses.flatMap((status) =>
    monthsBetween(window.since, until).map((month) => statusMonthKey(status, month)),
  );
  const found: StoredFinding[] = [];
  // Partitions are independent: query a few at a time rather than one after another.
  for (let start = 0; start < partitions.length; start += 8) {
    const pages = await Promise.all(
      partitions.slice(start, start + 8).map((partition) =>
        queryAll(store, {
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': partition,
            ':from': window.since.toISOString(),
            ':to': `${until.toISOString()}~`,
          },
        }),
      ),
    );
    for (const records of pages)
      found.push(...records.map((record) => recordOf(StoredFindingSchema, record)));
  }
  return found.sort((a, b) => b.observedAt.localeCompare(a.observedAt) || a.factId.localeCompare(b.factId));
}

/** `YYYY-MM` of every month touched by [since, until], in order. */
export function monthsBetween(since: Date, until: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), 1));
  while (cursor <= until) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** One of a fact's findings by its id (for `factwatch accept --finding`), or undefined. */
export async function findingById(
  store: Store,
  factId: string,
  findingId: string,
): Promise<StoredFinding | undefined> {
  for (const pk of [findingsPk(factId), legacyFindingsPk(factId)]) {
    const [record] = await queryAll(
      store,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :obs)',
        FilterExpression: 'findingId = :id',
        ExpressionAttributeValues: { ':pk': pk, ':obs': 'OBS#', ':id': findingId },
      },
      1,
    );
    if (record) return recordOf(StoredFindingSchema, record);
  }
  return undefined;
}
