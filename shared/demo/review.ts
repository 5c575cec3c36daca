import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps';
import type { Unit } from '../domain/org';
import type { Grade } from '../domain/review';
import { confirmCounting } from '../usecases/counting';
import { determine } from '../usecases/review-results';
import { closeSession, openReviewSession } from '../usecases/review-session';
import { castBallot } from '../usecases/vote-cast';
import { mintCodes } from '../usecases/vote-codes';
import type { DemoActors } from './report';

/**
 * 民主评议 for a demo unit, counted: every member and mass representative due
 * votes with a code (the first member mostly 优秀, the others 合格), the
 * session closes, the supervision group confirms the count and the
 * organisation determines each member, so the unit's report covers a counted
 * session (and its disclosure shows what is published of one).
 */
export async function seedCountedReview(deps: Deps, unit: Unit, who: DemoActors) {
  const closesAt = new Date(deps.now().getTime() + 86_400_000).toISOString();
  const session = await openReviewSession(deps, who.leader, unit.id, { closesAt, comments: false });
  const by = {
    actor: who.leader.username,
    target: `unit:${unit.id}/session:${session.id}`,
    kind: 'review' as const,
  };
  const first = session.members[0]?.id;
  const gradeOf = (memberId: string, i: number): Grade =>
    memberId === first
      ? i % 4 === 0
        ? 'competent'
        : 'excellent'
      : i % 7 === 0
        ? 'basicallyCompetent'
        : 'competent';
  for (const voterGroup of ['member', 'mass'] as const) {
    const { codes } = await mintCodes(deps, by, session, { voterGroup, count: session.due[voterGroup] });
    for (const [i, code] of codes.entries()) {
      const grades = Object.fromEntries(session.members.map((m) => [m.id, gradeOf(m.id, i)]));
      const satisfaction = i % 5 === 0 ? 'basicallySatisfied' : 'satisfied';
      await castBallot(deps, 'review', session, {
        code,
        voterGroup,
        requestToken: randomBytes(16).toString('base64url'),
        marks: { grades, satisfaction, comment: '' },
      });
    }
  }
  await closeSession(deps, who.leader, session.id);
  await confirmCounting(deps, who.supervisor, 'review', session.id, []);
  for (const m of session.members) {
    const excellent = m.id === first;
    await determine(deps, who.leader, session.id, m.id, {
      grade: excellent ? 'excellent' : 'competent',
      reason: excellent ? '带头整改，群众评价好' : '能够履行党员义务，评议票以合格为主',
    });
  }
}
