import { marshall } from '@aws-sdk/util-dynamodb';
import type { StoredFinding } from '../../shared/model/findings.ts';
import { findingIdOf } from '../../shared/model/findings.ts';
import type { Value } from '../../shared/model/values.ts';

/** A stored finding for alert tests: a change of ai5.foundry reported by `source`. */
export function changeFinding(overrides: Partial<StoredFinding> & { observed?: Value } = {}): StoredFinding {
  const itemId = overrides.itemId ?? `item-${Math.random().toString(36).slice(2, 10)}`;
  const factId = overrides.factId ?? 'ai5.foundry';
  return {
    findingId: findingIdOf(factId, itemId, 1),
    itemId,
    factId,
    status: 'changed',
    observed: { kind: 'entities', values: ['Samsung', 'TSMC'] },
    baseline: { kind: 'entities', values: ['TSMC'] },
    evidence: 'Samsung will also make AI5 chips alongside TSMC, Musk said.',
    severity: 'high',
    topic: 'chips',
    observedAt: '2025-08-02T10:00:00.000Z',
    itemVersion: 1,
    source: 'Korea JoongAng Daily',
    link: 'https://koreajoongangdaily.joins.com/news/ai5',
    published: '2025-08-02T09:30:00.000Z',
    confidence: 1,
    ...overrides,
  };
}

/**
 * The stream record of a stored finding's insert, as Lambda delivers it to notify:
 * the record DynamoDB Streams gives plus the fields Lambda adds (region, source ARN).
 */
export function findingInsertRecord(finding: StoredFinding, sequenceNumber = '100') {
  const keys = { pk: `OBS#${finding.factId}`, sk: `OBS#${finding.observedAt}#${finding.itemId}#1` };
  return {
    eventID: sequenceNumber,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/factwatch/stream/2026-11-29T00:00:00.000',
    dynamodb: {
      Keys: marshall(keys),
      NewImage: marshall({ ...keys, type: 'finding', ...finding }, { removeUndefinedValues: true }),
      SequenceNumber: sequenceNumber,
      SizeBytes: 512,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}
