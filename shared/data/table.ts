import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table definition. CDK, the local start and the tests all build the
 * tables from these objects; no other place declares keys or indexes.
 *
 * Items use generic, prefixed key attributes (`pk`/`sk`, `gsi1pk`/`gsi1sk`, …);
 * the values are built in `keys.ts`.
 */
export interface TableDefinition {
  partitionKey: 'pk';
  sortKey: 'sk';
  indexes: readonly {
    name: 'gsi1' | 'gsi2';
    partitionKey: string;
    sortKey: string;
    /** ALL copies whole items; KEYS_ONLY copies only keys, so changing other attributes writes no index. */
    projection: 'ALL' | 'KEYS_ONLY';
  }[];
  /** Epoch seconds after which DynamoDB may delete an item. */
  ttlAttribute?: string;
  /** Whether the table has a stream, and what its records hold. */
  stream?: 'NEW_AND_OLD_IMAGES';
  /** Point-in-time recovery in the deployed stack (see SECURITY.md for the ballot box's trade-off). */
  pointInTimeRecovery: boolean;
  billing: 'PAY_PER_REQUEST';
}

/**
 * The main table: campaign structure, accounts, audit trail, rounds,
 * opinions, sessions. Its stream feeds live aggregation.
 */
export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
  ],
  /** Rate-limit and idempotency records expire. */
  ttlAttribute: 'expiresAt',
  /** Live aggregation reads the stream; both images let it see what changed. */
  stream: 'NEW_AND_OLD_IMAGES',
  pointInTimeRecovery: true,
  billing: 'PAY_PER_REQUEST',
} as const satisfies TableDefinition;

/**
 * The ballot box: ballot codes (by keyed hash), cast ballots and the tellers'
 * paper entries. It has no stream, so no record anywhere pairs a code's
 * `unused → used` with the ballot written beside it. Its one index lists a
 * vote's codes by key only, so spending a code writes no index copy.
 * Point-in-time recovery is off: restoring second by second would show which
 * code flipped when a ballot appeared (SECURITY.md).
 */
export const ballotBoxTable = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' }],
  pointInTimeRecovery: false,
  billing: 'PAY_PER_REQUEST',
} as const satisfies TableDefinition;

/** Every table, by the name the app's configuration and the stack use for it. */
export const tables = { main: table, ballotBox: ballotBoxTable } as const;
export type TableId = keyof typeof tables;

export type IndexName = (typeof table.indexes)[number]['name'];

/** The CreateTable request for DynamoDB Local and the tests (CDK maps the same object). */
export function createTableInput(def: TableDefinition, tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    def.partitionKey,
    def.sortKey,
    ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: def.billing,
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    ...(def.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: def.indexes.map((i) => ({
            IndexName: i.name,
            KeySchema: [
              { AttributeName: i.partitionKey, KeyType: 'HASH' },
              { AttributeName: i.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: i.projection },
          })),
        }
      : {}),
    ...(def.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } } : {}),
  };
}
