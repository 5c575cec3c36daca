import { listAccounts } from '../data/repos/accounts';
import { listCampaigns } from '../data/repos/campaigns';
import { getGroup, listGroups } from '../data/repos/groups';
import { listMembers } from '../data/repos/members';
import { listRounds } from '../data/repos/rounds';
import { listSessions } from '../data/repos/sessions';
import { listUnits } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { byNumberedName } from '../domain/chinese-order';
import { allow, officeResource } from './access';
import { readCampaign } from './campaigns';
import { groupsFor, seesGroups } from './groups';
import { campaignOverview } from './overview';
import { sessionView } from './review-session';
import { viewOf } from './rounds';
import { opinionSummary } from './summarize-opinions';
import { unitsFor } from './units';

/** A console list holds the first hundred; more is for the API's pages. */
const first = { limit: 100 };

/**
 * What the console's campaign page shows: the campaign, its groups (by their
 * numbers) and units; for the office also the zone's overview and overdue
 * measures, read once for all of them. A leader sees no group list.
 */
export async function campaignPage(deps: Deps, who: Principal, campaignId: string) {
  if (who.scope.role === 'office') {
    const zone = await campaignOverview(deps, who, campaignId, 'name');
    return {
      campaign: zone.campaign,
      groups: zone.groups.slice(0, first.limit).sort(byNumberedName),
      units: zone.units.slice(0, first.limit),
      overview: zone.rows,
      overdue: zone.overdue,
    };
  }
  const [campaign, groups, units] = await Promise.all([
    readCampaign(deps, who, campaignId),
    seesGroups(who, campaignId) ? groupsFor(deps, who, campaignId, first) : { items: [] },
    unitsFor(deps, who, campaignId, first),
  ]);
  return { campaign, groups: groups.items.sort(byNumberedName), units: units.items };
}

/**
 * What the console's unit page shows, the unit authorized once: its facts,
 * its group's name, its members, rounds and review sessions, and how many
 * opinions arrived (fewer than k: not said). The unit comes with its live
 * counts as the opinion summary reads them (one BatchGetItem with the
 * campaign for a campaign-scoped caller); the rest in parallel.
 */
export async function unitPage(deps: Deps, who: Principal, unitId: string) {
  const { unit, summary, analyses } = await opinionSummary(deps, who, unitId);
  const [group, members, rounds, sessions] = await Promise.all([
    // The name of its own supervision group is the leader's to know too.
    getGroup(deps, unit.groupId),
    listMembers(deps, unit.id, first),
    listRounds(deps, unit.id, { limit: 20 }),
    listSessions(deps, unit.id, { limit: 20 }),
  ]);
  return {
    unit,
    groupName: group?.name ?? '',
    members: members.items,
    rounds: rounds.items.map((r) => viewOf(deps, r)),
    sessions: sessions.items.map((s) => sessionView(deps, s)),
    opinions: { total: summary.total, k: summary.k },
    analyses,
  };
}

/**
 * What the office's accounts page shows: the accounts, and every campaign's
 * groups and units to bind a new account to.
 */
export async function accountsPage(deps: Deps, who: Principal) {
  allow(who, 'read', officeResource);
  const [accounts, campaigns] = await Promise.all([listAccounts(deps, first), listCampaigns(deps, first)]);
  const perCampaign = await Promise.all(
    campaigns.items.map(async (campaign) => {
      const [groups, units] = await Promise.all([
        listGroups(deps, campaign.id, first),
        listUnits(deps, { campaignId: campaign.id }, first),
      ]);
      const label = (x: { id: string; name: string }) => ({
        id: x.id,
        label: `${campaign.name} · ${x.name}`,
      });
      return { groups: groups.items.map(label), units: units.items.map(label) };
    }),
  );
  return {
    accounts: accounts.items,
    groups: perCampaign.flatMap((p) => p.groups),
    units: perCampaign.flatMap((p) => p.units),
  };
}
