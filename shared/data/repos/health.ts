import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../deps';
import { keys } from '../keys';

/** Reads a fixed key (it need not exist): resolves when the table answers, throws when it does not. */
export async function pingTable(deps: Deps): Promise<void> {
  await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.health() }));
}
