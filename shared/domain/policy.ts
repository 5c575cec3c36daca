import type { Scope } from './account';

/** What a console request wants to do. */
export type Action =
  | 'read'
  | 'manage' // create or change the resource itself
  | 'manageMembers'
  | 'requestStage'
  | 'decideStage'
  | 'collect' // open and close opinion rounds, edit their forms
  | 'superviseCount' // appoint a session's tellers, confirm its count
  | 'enterPaper' // enter paper ballots as an appointed teller (the use case checks the appointment)
  | 'checkAnalysis' // 组织把关 of members' 党性分析 materials: approve, return, type in a paper one
  | 'checkTeamAnalysis'; // approve or return the leading team's 领导班子分析检查报告 (never the team itself)

/** What it wants to do it to, with the ids that place it in the campaign's tree. */
export type Resource =
  | { kind: 'office' } // campaign-wide administration: new campaigns, accounts, audit trail
  | { kind: 'campaign'; campaignId: string }
  | { kind: 'group'; campaignId: string; groupId: string }
  | { kind: 'unit'; campaignId: string; groupId: string; unitId: string };

/**
 * `allow`; `hidden`: outside the caller's scope, answered 404 exactly like a
 * missing resource; `forbidden`: inside the scope but not the caller's to do (403).
 */
export type Decision = 'allow' | 'hidden' | 'forbidden';

const leaderActions: ReadonlySet<Action> = new Set([
  'read',
  'manageMembers',
  'requestStage',
  'collect',
  'checkAnalysis',
]);
const supervisorActions: ReadonlySet<Action> = new Set([
  'read',
  'decideStage',
  'superviseCount',
  'enterPaper',
  'checkAnalysis',
  'checkTeamAnalysis',
]);

/** The one authorization rule of the console: every request is decided here. */
export function decide(scope: Scope, action: Action, resource: Resource): Decision {
  if (scope.role === 'office') return 'allow';
  if (resource.kind === 'office') return 'forbidden';
  if (resource.campaignId !== scope.campaignId) return 'hidden';

  if (scope.role === 'supervisor') {
    if (resource.kind === 'campaign') return action === 'read' ? 'allow' : 'forbidden';
    if (resource.groupId !== scope.groupId) return 'hidden';
    if (resource.kind === 'group') return action === 'read' ? 'allow' : 'forbidden';
    return supervisorActions.has(action) ? 'allow' : 'forbidden';
  }

  if (resource.kind === 'campaign') return action === 'read' ? 'allow' : 'forbidden';
  if (resource.kind === 'group') return 'hidden';
  if (resource.unitId !== scope.unitId) return 'hidden';
  return leaderActions.has(action) ? 'allow' : 'forbidden';
}
