import { describe, expect, it } from 'vitest';
import { createTableInput, TABLE_DEFINITION } from '../../shared/store/table.ts';

describe('createTableInput()', () => {
  it('builds keys, both GSIs and the stream from the one table definition', () => {
    const input = createTableInput('factwatch-x');

    expect(input.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(input.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((index) => index.indexName),
    );
    expect(input.AttributeDefinitions).toHaveLength(6);
    expect(input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
  });
});
