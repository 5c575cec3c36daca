import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scope } from '../shared/domain/account';
import { type Action, decide, type Resource } from '../shared/domain/policy';

const id = fc.constantFrom('a', 'b', 'c');
const action = fc.constantFrom<Action>(
  'read',
  'manage',
  'manageMembers',
  'requestStage',
  'decideStage',
  'collect',
);
const resource: fc.Arbitrary<Resource> = fc.oneof(
  fc.constant<Resource>({ kind: 'office' }),
  id.map((campaignId): Resource => ({ kind: 'campaign', campaignId })),
  fc.tuple(id, id).map(([campaignId, groupId]): Resource => ({ kind: 'group', campaignId, groupId })),
  fc
    .tuple(id, id, id)
    .map(([campaignId, groupId, unitId]): Resource => ({ kind: 'unit', campaignId, groupId, unitId })),
);
const scope: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant<Scope>({ role: 'office' }),
  fc.tuple(id, id).map(([campaignId, groupId]): Scope => ({ role: 'supervisor', campaignId, groupId })),
  fc.tuple(id, id).map(([campaignId, unitId]): Scope => ({ role: 'leader', campaignId, unitId })),
);

describe('the authorization policy', () => {
  it('lets the office do everything', () => {
    fc.assert(fc.property(action, resource, (a, r) => decide({ role: 'office' }, a, r) === 'allow'));
  });

  it('hides every unit outside a leader’s own unit', () => {
    fc.assert(
      fc.property(scope, action, resource, (s, a, r) => {
        if (s.role !== 'leader' || r.kind !== 'unit' || r.unitId === s.unitId) return true;
        return decide(s, a, r) === 'hidden';
      }),
    );
  });

  it('hides every unit and group outside a supervisor’s group', () => {
    fc.assert(
      fc.property(scope, action, resource, (s, a, r) => {
        if (s.role !== 'supervisor' || (r.kind !== 'unit' && r.kind !== 'group')) return true;
        if (r.campaignId === s.campaignId && r.groupId === s.groupId) return true;
        return decide(s, a, r) === 'hidden';
      }),
    );
  });

  it('never lets anyone but the office manage the campaign tree or office resources', () => {
    fc.assert(
      fc.property(scope, resource, (s, r) => s.role === 'office' || decide(s, 'manage', r) !== 'allow'),
    );
  });

  it('gives each role exactly its own actions on its own unit', () => {
    const unit: Resource = { kind: 'unit', campaignId: 'a', groupId: 'g', unitId: 'u' };
    const leader: Scope = { role: 'leader', campaignId: 'a', unitId: 'u' };
    const supervisor: Scope = { role: 'supervisor', campaignId: 'a', groupId: 'g' };
    const allowed = (s: Scope) =>
      (['read', 'manage', 'manageMembers', 'requestStage', 'decideStage', 'collect'] as const).filter(
        (a) => decide(s, a, unit) === 'allow',
      );
    expect(allowed(leader)).toEqual(['read', 'manageMembers', 'requestStage', 'collect']);
    expect(allowed(supervisor)).toEqual(['read', 'decideStage']);
  });
});
