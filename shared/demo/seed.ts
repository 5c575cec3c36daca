import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../data/keys';
import type { Deps } from '../deps';

/** What a person needs to try the demo, printed by the local start. */
export interface DemoInfo {
  seededNow: boolean;
  lines: string[];
}

/**
 * Seeds the demo campaign once per table: a marker item records that it was
 * done, so a restart keeps (and does not duplicate) what is there.
 */
export async function seedDemo(deps: Deps, baseUrl: string): Promise<DemoInfo> {
  const marker = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.demoSeed(), ConsistentRead: true }),
  );
  const seededNow = !marker.Item;
  if (seededNow) {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...keys.demoSeed(), seededAt: deps.now().toISOString() },
      }),
    );
  }
  return { seededNow, lines: [`健康检查 Health:  ${baseUrl}/healthz`] };
}
