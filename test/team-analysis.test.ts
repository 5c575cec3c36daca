import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { hashOf } from '../shared/domain/canonical-json';
import type { Published, Report } from '../shared/domain/report';
import { materialSha256, type SelfAnalysis, teamAnalysisId } from '../shared/domain/self-analysis';
import { asRecord, call, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * The leading team's 领导班子分析检查报告: written by the unit, checked by the
 * supervision group alone, published with the unit's report.
 */
describe('领导班子分析检查报告', () => {
  let t: TestContext;
  let leader = '';
  let supervisor = '';
  let unitId = '';
  let groupId = '';
  let team = '';
  const list = async () =>
    asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/self-analyses`)).json);
  const teamLine = async () => {
    await t.stream.drain();
    const rows = asRecord((await call(t, supervisor, 'GET', `/api/groups/${groupId}/overview`)).json)
      .items as {
      unitId: string;
      analyses: { due: number; teamWaiting: boolean };
    }[];
    return rows.find((r) => r.unitId === unitId)?.analyses;
  };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    supervisor = await tokenFor(t, demoAccounts.supervisor.username, demoPassword);
    unitId = String(asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId);
    groupId = String(
      asRecord(asRecord((await call(t, supervisor, 'GET', '/api/auth/me')).json).scope).groupId,
    );
    team = teamAnalysisId(unitId);
  }, 60_000);

  it('is one material of the unit, apart from the members’ list and their counts, waiting for the supervision group', async () => {
    const l = await list();
    expect(asRecord(l.team)).toMatchObject({
      id: team,
      team: true,
      state: 'submitted',
      memberName: '领导班子',
    });
    const rows = l.items as { memberId: string }[];
    expect(rows.some((r) => r.memberId === team)).toBe(false);
    expect(await teamLine()).toMatchObject({ due: rows.length, teamWaiting: true });
    const b = consoleClient(t);
    await b.signIn(demoAccounts.supervisor.username, demoPassword);
    const home = (await b.page(`/console/groups/${groupId}`)).html;
    expect(home).toContain(`href="/console/units/${unitId}/self-analyses/${team}"`);
    expect(home).toContain('审核领导班子分析检查报告');
  });

  it('is checked by the supervision group alone: the team can neither approve nor return its own', async () => {
    for (const action of ['approve', 'return']) {
      const res = await call(t, leader, 'POST', `/api/self-analyses/${team}/${action}`, {
        comment: '自己退回自己',
      });
      expect(res.status).toBe(403);
    }
    // Nor does the supervision group write it for the team.
    const written = await call(t, supervisor, 'PUT', `/api/units/${unitId}/team-analysis`, {
      content: { problems: '督导组代写', causes: '代写', measures: [] },
      version: 2,
      submit: false,
    });
    expect(written.status).toBe(403);
  });

  it('goes back with a comment, is revised on the console page, approved once and frozen', async () => {
    const back = await call(t, supervisor, 'POST', `/api/self-analyses/${team}/return`, {
      comment: '对照群众意见查找问题不够具体',
    });
    expect(back.status).toBe(200);
    expect((await teamLine())?.teamWaiting).toBe(false);
    const b = consoleClient(t);
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const path = `/console/units/${unitId}/self-analyses/${team}`;
    const shown = (await b.page(path)).html;
    expect(shown).toContain('领导班子分析检查报告');
    expect(shown).toContain('对照群众意见查找问题不够具体');
    expect(shown).toContain('撰写领导班子分析检查报告');
    const material = asRecord((await list()).team) as unknown as SelfAnalysis;
    const sent = await b.post(`${path}/enter`, {
      version: String(material.version),
      problems: '深入班组听取意见不够经常，对加班和安全问题回应不及时',
      causes: material.content.causes,
      m0_a: '班子成员每月到联系班组蹲点一天',
      m0_d: '2027-03-31',
      intent: 'submit',
    });
    expect(sent.status).toBe(303);
    expect(decodeURIComponent(sent.headers.get('location') ?? '')).toContain('已提交督导组');
    const revised = asRecord((await list()).team) as unknown as SelfAnalysis;
    expect(revised).toMatchObject({ state: 'submitted', team: true });
    expect(revised.enteredBy).toBeUndefined();
    const approved = await call(t, supervisor, 'POST', `/api/self-analyses/${team}/approve`);
    expect(approved.status).toBe(200);
    const frozen = approved.json as SelfAnalysis;
    expect(frozen.sha256).toBe(materialSha256(frozen, frozen.approvedAt ?? ''));
    expect((await call(t, supervisor, 'POST', `/api/self-analyses/${team}/approve`)).status).toBe(409);
    const edit = await call(t, leader, 'PUT', `/api/units/${unitId}/team-analysis`, {
      content: { problems: '改', causes: '改', measures: [] },
      version: frozen.version,
      submit: false,
    });
    expect(edit.status).toBe(409);
    // Its measures are followed with the members' own, under the team's name.
    const measures = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/member-measures`)).json)
      .items as { memberName: string; action: string }[];
    expect(measures).toContainEqual(
      expect.objectContaining({ memberName: '领导班子', action: '班子成员每月到联系班组蹲点一天' }),
    );
  });

  it('is published with the unit’s report, inside what the report’s SHA-256 covers', async () => {
    // The demo's second unit: its team's report was approved before its report was built and approved.
    const leader2 = await tokenFor(t, demoAccounts.leader2.username, demoPassword);
    const unit2 = String(
      asRecord(asRecord((await call(t, leader2, 'GET', '/api/auth/me')).json).scope).unitId,
    );
    const report = (await call(t, leader2, 'GET', `/api/units/${unit2}/report`)).json as Report;
    const team2 = (asRecord((await call(t, leader2, 'GET', `/api/units/${unit2}/self-analyses`)).json).team ??
      {}) as SelfAnalysis;
    expect(report.published.teamAnalysis).toEqual({
      content: team2.content,
      approvedAt: team2.approvedAt,
      sha256: team2.sha256,
    });
    const json = asRecord(await (await t.app.request(`/api/public/disclosures/${report.token}`)).json());
    const published = json.published as Published;
    expect(hashOf(published)).toBe(report.sha256);
    expect(published.teamAnalysis?.sha256).toBe(team2.sha256);
    const page = await (
      await t.app.request(`/p/${report.token}`, { headers: { accept: 'text/html' } })
    ).text();
    expect(page).toContain('领导班子分析检查报告（经督导组认可）');
    expect(page).toContain(team2.content.measures[0]?.action ?? 'missing');
    expect(page).toContain(team2.sha256 ?? 'missing');
  });
});
