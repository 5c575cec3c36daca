import type { Context } from 'hono';
import { authorize, principalOf } from '../../auth/middleware';
import { getCampaign } from '../../data/repos/campaigns';
import { getEvaluation } from '../../data/repos/evaluations';
import { getGroup } from '../../data/repos/groups';
import { getRound } from '../../data/repos/rounds';
import { getSession } from '../../data/repos/sessions';
import { getUnit } from '../../data/repos/units';
import type { Deps } from '../../deps';
import type { Principal } from '../../domain/account';
import type { Campaign } from '../../domain/campaign';
import type { Unit } from '../../domain/org';
import type { Action, Resource } from '../../domain/policy';
import { notFound } from '../../errors';
import type { AppEnv } from '../../http/env';

/** Where a thing of one unit (a round, a session, an evaluation) sits in the campaign's tree, for the policy. */
const ofUnit = (x: { campaignId: string; groupId: string; unitId: string }): Resource => ({
  kind: 'unit',
  campaignId: x.campaignId,
  groupId: x.groupId,
  unitId: x.unitId,
});

export const officeResource: Resource = { kind: 'office' };
export const campaignResource = (campaignId: string): Resource => ({ kind: 'campaign', campaignId });

/**
 * Asks for a signed-in caller first (so without one, existing and missing ids
 * answer alike), then loads the thing and authorizes `action` on it. Missing
 * and out-of-scope both answer 404.
 */
async function loadFor<T>(
  c: Context<AppEnv>,
  action: Action,
  load: Promise<T | undefined>,
  resourceOf: (t: T) => Resource,
): Promise<{ who: Principal; found: T }> {
  principalOf(c);
  const found = await load;
  if (!found) throw notFound();
  return { who: authorize(c, action, resourceOf(found)), found };
}

/**
 * Load-and-authorize for every resource a route can name: a handler starts
 * with the caller and the thing it may touch.
 */
export function guards(deps: Deps) {
  return {
    async campaign(c: Context<AppEnv>, action: Action, id: string) {
      // The policy needs only the id, so nobody learns whether another campaign exists.
      const who = authorize(c, action, campaignResource(id));
      const campaign = await getCampaign(deps, id);
      if (!campaign) throw notFound('活动不存在');
      return { who, campaign };
    },
    async group(c: Context<AppEnv>, action: Action, id: string) {
      const { who, found } = await loadFor(c, action, getGroup(deps, id), (g) => ({
        kind: 'group',
        campaignId: g.campaignId,
        groupId: g.id,
      }));
      return { who, group: found };
    },
    /** Authorizes a unit read elsewhere (with other items in one request); missing answers 404. */
    async unitRead(c: Context<AppEnv>, action: Action, read: Unit | undefined) {
      const { who, found } = await loadFor(c, action, Promise.resolve(read), (u) =>
        ofUnit({ ...u, unitId: u.id }),
      );
      return { who, unit: found };
    },
    /** The campaign of a unit the caller may read: the one already read if it is that one. */
    async campaignOf(c: Context<AppEnv>, unit: Unit, read?: Campaign) {
      if (read?.id !== unit.campaignId) return (await this.campaign(c, 'read', unit.campaignId)).campaign;
      authorize(c, 'read', campaignResource(read.id));
      return read;
    },
    async unit(c: Context<AppEnv>, action: Action, id: string) {
      const { who, found } = await loadFor(c, action, getUnit(deps, id), (u) =>
        ofUnit({ ...u, unitId: u.id }),
      );
      return { who, unit: found };
    },
    async round(c: Context<AppEnv>, action: Action, id: string) {
      const { who, found } = await loadFor(c, action, getRound(deps, id), ofUnit);
      return { who, round: found };
    },
    async session(c: Context<AppEnv>, action: Action, id: string) {
      const { who, found } = await loadFor(c, action, getSession(deps, id), ofUnit);
      return { who, session: found };
    },
    async evaluation(c: Context<AppEnv>, action: Action, id: string) {
      const { who, found } = await loadFor(c, action, getEvaluation(deps, id), ofUnit);
      return { who, evaluation: found };
    },
  };
}
export type Guards = ReturnType<typeof guards>;
