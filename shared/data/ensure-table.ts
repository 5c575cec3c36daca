import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, type TableDefinition, type TableId, tables } from './table';

/**
 * Creates one table from its definition if it does not exist yet (local start
 * and tests; on AWS the CDK stack owns it). Returns true if it created it.
 */
async function ensureOne(client: DynamoDBClient, def: TableDefinition, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await client.send(new CreateTableCommand(createTableInput(def, tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  if (def.ttlAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true },
      }),
    );
  }
  return true;
}

/** Creates every table the app uses (the main table and the ballot box) that does not exist yet. */
export async function ensureTables(client: DynamoDBClient, names: Record<TableId, string>): Promise<boolean> {
  const created = await Promise.all(
    (Object.keys(tables) as TableId[]).map((id) => ensureOne(client, tables[id], names[id])),
  );
  return created.some(Boolean);
}
