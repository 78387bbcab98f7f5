import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors.ts';
import { type BaselineVersion, BaselineVersionSchema } from '../model/baseline.ts';
import type { Fact } from '../model/story.ts';
import type { Value } from '../model/values.ts';
import { canonicalValue } from './alerts.ts';
import type { Store } from './client.ts';
import { writeIf } from './conditional.ts';
import { padVersion, queryAll, recordOf } from './query.ts';

const FACTS_INDEX_KEY = 'FACTS';
const factPk = (factId: string) => `FACT#${factId}`;

/**
 * Seeds version 1 of every fact that has no baseline yet. Idempotent: an existing
 * fact, seeded or accepted since, is never overwritten. Returns how many were added.
 *
 * @example
 * await seedBaseline(store, loadBaselineFile().facts, new Date(), { asOf: '2025-07-28' }); // 25 on a new table, then 0
 */
export async function seedBaseline(
  store: Store,
  facts: Fact[],
  now: Date,
  sheet: { asOf?: string } = {},
): Promise<number> {
  let added = 0;
  for (const fact of facts) {
    const version: BaselineVersion = {
      ...fact,
      version: 1,
      acceptedAt: now.toISOString(),
      acceptedBy: 'factwatch',
      reason: 'seeded from the baseline fact sheet',
      origin: 'seed',
      ...(sheet.asOf ? { asOf: sheet.asOf } : {}),
    };
    if (await putVersionIfAbsent(store, version)) added++;
  }
  return added;
}

/** The fact's current baseline: its highest version (access pattern 3). */
export async function currentBaseline(store: Store, factId: string): Promise<BaselineVersion | undefined> {
  const [latest] = await queryAll(
    store,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': factPk(factId), ':prefix': 'BASELINE#' },
      ScanIndexForward: false,
      Limit: 1,
    },
    1,
  );
  return latest ? recordOf(BaselineVersionSchema, latest) : undefined;
}

/** Every baseline version of a fact, oldest first. */
export async function baselineHistory(store: Store, factId: string): Promise<BaselineVersion[]> {
  const records = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': factPk(factId), ':prefix': 'BASELINE#' },
  });
  return records.map((record) => recordOf(BaselineVersionSchema, record));
}

/** The current version of every fact, in fact-id order. */
export async function listCurrentBaselines(store: Store): Promise<BaselineVersion[]> {
  const records = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :facts',
    ExpressionAttributeValues: { ':facts': FACTS_INDEX_KEY },
  });
  const latest = new Map<string, BaselineVersion>();
  for (const record of records) {
    const version = recordOf(BaselineVersionSchema, record);
    const seen = latest.get(version.id);
    if (!seen || seen.version < version.version) latest.set(version.id, version);
  }
  return [...latest.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export interface AcceptInput {
  value: Value;
  acceptedBy: string;
  reason: string;
  findingId?: string;
  /** What the new version claims (default: the reason); the old claim and qualifier described the old value. */
  claim?: string;
  /** The new version's qualifier ("minimum"): an undo brings back the one its version had. */
  qualifier?: BaselineVersion['qualifier'];
  /** The version the caller decided on; if another accept came first, this one fails. */
  basedOnVersion?: number;
}

/**
 * Adds a new baseline version on top of the current one; the old versions stay.
 * Two concurrent accepts cannot both become version N: the loser gets a ConflictError.
 *
 * @example
 * await acceptBaseline(store, 'deal.value', { value: { kind: 'money', amount: 22e9, currency: 'USD' }, acceptedBy: 'ana', reason: '8-K' }, new Date());
 */
export async function acceptBaseline(
  store: Store,
  factId: string,
  input: AcceptInput,
  now: Date,
): Promise<BaselineVersion> {
  const current = await currentBaseline(store, factId);
  if (!current) throw new ConflictError(`fact ${factId} has no baseline to build on`);
  if (input.basedOnVersion !== undefined && input.basedOnVersion !== current.version) {
    throw new ConflictError(
      `fact ${factId} is at version ${current.version} now, not ${input.basedOnVersion}; look again and retry`,
    );
  }
  const { qualifier: _oldQualifier, asOf: _sheetDay, ...kept } = current;
  const next: BaselineVersion = {
    ...kept,
    claim: input.claim ?? input.reason,
    ...(input.qualifier !== undefined ? { qualifier: input.qualifier } : {}),
    value: input.value,
    version: current.version + 1,
    acceptedAt: now.toISOString(),
    acceptedBy: input.acceptedBy,
    reason: input.reason,
    origin: 'accept',
    findingId: input.findingId,
  };
  if (!(await putVersionIfAbsent(store, next))) {
    throw new ConflictError(`fact ${factId} version ${next.version} was written concurrently; try again`);
  }
  return next;
}

async function putVersionIfAbsent(store: Store, version: BaselineVersion): Promise<boolean> {
  const padded = padVersion(version.version);
  return writeIf(() =>
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          pk: factPk(version.id),
          sk: `BASELINE#${padded}`,
          gsi1pk: FACTS_INDEX_KEY,
          gsi1sk: `${version.id}#${padded}`,
          ...version,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

/**
 * Every fact's current baseline value, by fact id: what the analyze stage diffs
 * against, so an accepted value is the one later items are compared with.
 */
export async function currentBaselineValues(store: Store): Promise<Map<string, Value | null>> {
  return new Map((await listCurrentBaselines(store)).map((version) => [version.id, version.value]));
}

/** Every fact's current baseline version, by fact id. */
export async function currentBaselinesById(store: Store): Promise<Map<string, BaselineVersion>> {
  return new Map((await listCurrentBaselines(store)).map((version) => [version.id, version]));
}

/**
 * Where the fact sheet and the store part: `disagree`, facts whose value in the sheet is none
 * of the values the store has held (the sheet was edited after the store was seeded; the store
 * keeps its values until `factwatch accept FACT_ID --from-file` adopts the sheet's), and
 * `notInSheet`, facts the store holds that the sheet does not (another story's).
 *
 * @example
 * await sheetDrift(store, loadBaselineFile().facts); // { disagree: ['deal.value'], notInSheet: [] } after editing baseline.json
 */
export async function sheetDrift(
  store: Store,
  facts: readonly Fact[],
): Promise<{ disagree: string[]; notInSheet: string[] }> {
  const records = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :facts',
    ExpressionAttributeValues: { ':facts': FACTS_INDEX_KEY },
  });
  const held = new Map<string, Set<string>>();
  for (const record of records) {
    const version = recordOf(BaselineVersionSchema, record);
    const values = held.get(version.id) ?? new Set<string>();
    values.add(canonicalValue(version.value));
    held.set(version.id, values);
  }
  const inSheet = new Set(facts.map((fact) => fact.id));
  return {
    disagree: facts
      .filter((fact) => held.has(fact.id) && !held.get(fact.id)!.has(canonicalValue(fact.value)))
      .map((fact) => fact.id),
    // A store seeded from another story (its files replaced, the store kept) still lists that story's facts.
    notInSheet: [...held.keys()].filter((id) => !inSheet.has(id)).sort(),
  };
}
