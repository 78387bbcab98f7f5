import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table, defined once. The CDK stack and local table creation both
 * read this object, so keys, indexes, stream and TTL cannot drift apart.
 *
 * Records (pk / sk):
 * - `FEED#<id>` / `STATE`                      feed state; GSI1 `FEEDS` / `<nextPollAt>#<id>` (due feeds)
 * - `ITEM#<key>` / `HEAD`                      latest version of an item (the stream sees INSERT/MODIFY here)
 * - `ITEM#<key>` / `V#<000001>`                every version, with its raw text (expires by TTL)
 * - `FACT#<id>` / `BASELINE#<000001>`          baseline versions; GSI1 `FACTS` / `<id>#<000001>`
 * - `OBS#<id>` / `OBS#<observedAt>#<itemKey>#<v>`  findings; GSI2 `FINDINGS#<status>#<YYYY-MM>` / `<observedAt>#<id>`
 *   (stores written before the analyze λ lost write access to `FACT#` have older findings under `FACT#<id>`)
 * - `ALERT#<factId>#<valueHash>` / `ALERT`     one alert per (fact, observed value); GSI1 `ALERTS#pending` while unsent
 * - `ALERT#cooldown#<factId>` / `ALERTED`      when the fact last alerted (written with the alert's sent state)
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Overloaded indexes: each access pattern writes its own key values. */
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds; set only on records that may expire (raw item versions). */
  timeToLiveAttribute: 'expiresAt',
  /** Analyze and notify read both images: an edit is recognised by comparing them. */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  billingMode: 'PAY_PER_REQUEST',
} as const;

export type IndexName = (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number]['indexName'];

/** Default table name, locally and in the stack's outputs. */
export const DEFAULT_TABLE_NAME = 'factwatch';

/**
 * The CreateTable request for a local (or test) table.
 *
 * @example
 * await client.send(new CreateTableCommand(createTableInput('factwatch-test-1')));
 */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = [
    TABLE_DEFINITION.partitionKey,
    TABLE_DEFINITION.sortKey,
    ...TABLE_DEFINITION.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: TABLE_DEFINITION.billingMode,
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE_DEFINITION.streamViewType },
  };
}
