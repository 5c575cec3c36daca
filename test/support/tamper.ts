import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/data/keys';
import type { AnalysesDisclosure } from '../../shared/domain/analyses-disclosure';
import { hashOf } from '../../shared/domain/canonical-json';
import type { TestContext } from './test-env';

/**
 * Rewrites a unit's published 党性分析 materials straight in the table, hash
 * and all, as someone with write access could: only the publication log
 * still says what was published.
 */
export async function rewriteAnalyses(t: TestContext, unitId: string, d: AnalysesDisclosure) {
  const altered = {
    ...d.content,
    materials: d.content.materials.map((m) => ({ ...m, content: { ...m.content, causes: '已删改' } })),
  };
  await t.deps.db.send(
    new PutCommand({
      TableName: t.deps.tableName,
      Item: {
        ...keys.analysesDisclosure(unitId),
        ...keys.analysesDisclosureListing(d.token),
        ...d,
        content: altered,
        sha256: hashOf(altered),
      },
    }),
  );
}
