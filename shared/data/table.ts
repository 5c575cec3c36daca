import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table definition. CDK, the local start and the tests all build the
 * table from this object; no other place declares keys or indexes.
 *
 * Items use generic, prefixed key attributes (`pk`/`sk`, `gsi1pk`/`gsi1sk`, …);
 * the values are built in `keys.ts`.
 */
export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds after which DynamoDB may delete an item (rate-limit and idempotency records). */
  ttlAttribute: 'expiresAt',
  /** Live aggregation reads the stream; both images let it see what changed. */
  stream: 'NEW_AND_OLD_IMAGES',
  billing: 'PAY_PER_REQUEST',
} as const;

export type IndexName = (typeof table.indexes)[number]['name'];

/** The CreateTable request for DynamoDB Local and the tests (CDK maps the same object). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    table.partitionKey,
    table.sortKey,
    ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: table.billing,
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream },
  };
}
