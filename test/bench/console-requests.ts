import { newId } from '../../shared/data/ids';
import { allUnits, getUnit, putImportedUnits } from '../../shared/data/repos/units';
import { demoPassword } from '../../shared/demo/campaign';
import type { Unit } from '../../shared/domain/org';
import { consoleClient } from '../support/console-client';
import { countingApp } from '../support/count-commands';
import type { TestContext } from '../support/test-env';
import type { BenchContext } from './context';

/**
 * The DynamoDB commands a console page sends, counted exactly (the session's
 * account read included): a leader's unit page, and the office's campaign
 * page with the demo campaign grown to each of `sizes` units (copies of a
 * demo unit spread over its groups).
 */
export async function consoleRequests(ctx: BenchContext, sizes: number[]) {
  const counting = countingApp({ deps: ctx.deps } as TestContext);
  const cost = async (username: string, path: string) => {
    const browser = consoleClient({ app: counting.app } as TestContext);
    await browser.signIn(username, demoPassword);
    counting.sent.length = 0;
    const { res } = await browser.page(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return counting.sent.length;
  };
  const unitPage = await cost('leader1', `/console/units/${ctx.unitId}`);
  const own = await getUnit(ctx.deps, ctx.unitId);
  if (!own) throw new Error('the demo leader has no unit');
  const campaignId = own.campaignId;
  const units = await allUnits(ctx.deps, campaignId);
  const groups = [...new Set(units.map((u) => u.groupId))];
  const campaign: Record<number, number> = {};
  let have = units.length;
  for (const size of sizes) {
    const now = new Date().toISOString();
    const more: Unit[] = Array.from({ length: Math.max(0, size - have) }, (_, i) => ({
      id: newId(),
      campaignId,
      groupId: groups[(have + i) % groups.length] ?? own.groupId,
      name: `基准测试单位${String(have + i).padStart(5, '0')}`,
      type: own.type,
      partyOrganization: own.partyOrganization,
      responsibleTitle: own.responsibleTitle,
      membersDue: own.membersDue,
      massRepresentativesDue: own.massRepresentativesDue,
      stage: 'study',
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < more.length; i += 500)
      await putImportedUnits(ctx.deps, more.slice(i, i + 500), {
        actor: 'bench',
        action: 'unit.import',
        target: `campaign:${campaignId}`,
        detail: { count: Math.min(500, more.length - i) },
      });
    have = Math.max(have, size);
    campaign[size] = await cost('office', `/console/campaigns/${campaignId}`);
  }
  return { unitPage, campaign };
}
