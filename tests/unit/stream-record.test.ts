import { describe, expect, it } from 'vitest';
import { StreamRecordSchema } from '../../shared/runtime/stream-record.ts';
import { changeFinding, findingInsertRecord } from '../support/findings.ts';

describe('StreamRecordSchema: a stream record validated at the edge', () => {
  it('unmarshalls the new image of a record as Lambda delivers it', () => {
    const finding = changeFinding();
    const record = StreamRecordSchema.parse(findingInsertRecord(finding, '42'));
    expect(record.dynamodb.SequenceNumber).toBe('42');
    expect(record.dynamodb.NewImage).toMatchObject({
      type: 'finding',
      factId: finding.factId,
      itemId: finding.itemId,
      status: finding.status,
      observed: finding.observed,
    });
  });

  it('leaves a removal without an image', () => {
    const record = findingInsertRecord(changeFinding());
    const { NewImage: _, ...keysOnly } = record.dynamodb;
    const parsed = StreamRecordSchema.parse({ ...record, eventName: 'REMOVE', dynamodb: keysOnly });
    expect(parsed.dynamodb.NewImage).toBeUndefined();
  });

  it('rejects a record whose image holds an attribute type DynamoDB does not have', () => {
    const record = findingInsertRecord(changeFinding());
    const broken = { ...record, dynamodb: { ...record.dynamodb, NewImage: { pk: { Q: 'x' } } } };
    expect(StreamRecordSchema.safeParse(broken).success).toBe(false);
  });

  it('rejects a record without its sequence number or with an unknown view type', () => {
    const record = findingInsertRecord(changeFinding());
    const { SequenceNumber: _, ...noSequence } = record.dynamodb;
    expect(StreamRecordSchema.safeParse({ ...record, dynamodb: noSequence }).success).toBe(false);
    const oddView = { ...record, dynamodb: { ...record.dynamodb, StreamViewType: 'EVERYTHING' } };
    expect(StreamRecordSchema.safeParse(oddView).success).toBe(false);
  });
});
