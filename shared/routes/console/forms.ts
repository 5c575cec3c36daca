import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { AccountInput, AccountPatch, PasswordChange, username } from '../../domain/account';
import { CampaignInput, CampaignPatch } from '../../domain/campaign';
import { parseInput } from '../../domain/input';
import { GroupInput, MemberInput, StageDecisionInput, StageRequestInput, UnitInput } from '../../domain/org';
import { RoundInput } from '../../domain/round';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { changeAccount, createAccount } from '../../usecases/accounts';
import { changeCampaign, createCampaign } from '../../usecases/campaigns';
import { createGroup } from '../../usecases/groups';
import { importMembers } from '../../usecases/import-members';
import { importUnits } from '../../usecases/import-units';
import { addMember, removeMember } from '../../usecases/members';
import { closeRound, openRound, roundView } from '../../usecases/rounds';
import { changePassword } from '../../usecases/sign-in';
import { decideStageChange, requestStageChange } from '../../usecases/stage-change';
import { createUnit } from '../../usecases/units';
import { parseShare } from '../../views/console/format';
import { backAfter, field, numberField } from './page-context';
import { readVersion } from './read-version';

/** Reads an uploaded CSV file (or pasted text) from a multipart form. */
async function csvOf(form: Record<string, unknown>): Promise<string> {
  const file = form.file;
  if (file instanceof File) return await file.text();
  return typeof form.csv === 'string' ? form.csv : '';
}

const who = principalOf;
const unitPage = (id: string) => `/console/units/${id}`;

/**
 * The console's form posts. Each turns its fields into the input of the use
 * case the JSON API calls too, runs it in-process, and redirects back with
 * the outcome (Post/Redirect/Get).
 */
export function consoleFormRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.post('/console/campaigns', async (c) => {
    const f = await readForm(c);
    const window = (k: string) => ({ start: field(f, `${k}Start`), end: field(f, `${k}End`) });
    const body = {
      name: field(f, 'name'),
      stages: {
        study: window('study'),
        appraisal: window('appraisal'),
        rectification: window('rectification'),
      },
    };
    return backAfter(c, '/console', '已新建活动', () =>
      createCampaign(deps, who(c), parseInput(CampaignInput, body)),
    );
  });

  app.post('/console/campaigns/:id/settings', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const settings = {
      anonymityK: numberField(f, 'anonymityK'),
      satisfactionThreshold: numberField(f, 'satisfactionThreshold'),
      excellentCap: parseShare(field(f, 'excellentCap')),
      quorum: parseShare(field(f, 'quorum')),
      incompetentShareThreshold: parseShare(field(f, 'incompetentShareThreshold')),
      massUnknown: field(f, 'massUnknown') === 'yes',
    };
    return backAfter(c, `/console/campaigns/${id}`, '已保存设置', () =>
      changeCampaign(deps, who(c), id, parseInput(CampaignPatch, { settings })),
    );
  });

  app.post('/console/campaigns/:id/groups', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, `/console/campaigns/${id}`, '已新增督导组', () =>
      createGroup(deps, who(c), id, parseInput(GroupInput, { name: field(f, 'name') })),
    );
  });

  app.post('/console/campaigns/:id/units', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = {
      name: field(f, 'name'),
      type: field(f, 'type'),
      partyOrganization: field(f, 'partyOrganization'),
      responsibleTitle: field(f, 'responsibleTitle'),
      membersDue: numberField(f, 'membersDue'),
      massRepresentativesDue: numberField(f, 'massRepresentativesDue'),
      groupId: field(f, 'groupId'),
    };
    return backAfter(c, `/console/campaigns/${id}`, '已新增单位', () =>
      createUnit(deps, who(c), id, parseInput(UnitInput, body)),
    );
  });

  app.post('/console/campaigns/:id/units/import', async (c) => {
    const id = c.req.param('id');
    const csv = await csvOf(await readForm(c));
    return backAfter(c, `/console/campaigns/${id}`, '导入成功', () => importUnits(deps, who(c), id, csv));
  });

  app.post('/console/units/:id/stage-request', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const note = field(f, 'note');
    return backAfter(c, unitPage(id), '已提交转段申请', () => {
      const input = parseInput(StageRequestInput, note ? { note } : {});
      return requestStageChange(deps, who(c), id, input.note);
    });
  });

  app.post('/console/units/:id/stage-decision', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const comment = field(f, 'comment');
    const body = { approve: field(f, 'approve') === 'true', ...(comment ? { comment } : {}) };
    return backAfter(c, unitPage(id), body.approve ? '已同意转段' : '已退回转段申请', () => {
      const input = parseInput(StageDecisionInput, body);
      return decideStageChange(deps, who(c), id, input.approve, input.comment);
    });
  });

  app.post('/console/units/:id/members', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = {
      name: field(f, 'name'),
      category: field(f, 'category'),
      probationary: field(f, 'probationary') === 'true',
    };
    return backAfter(c, unitPage(id), '已添加党员', () =>
      addMember(deps, who(c), id, parseInput(MemberInput, body)),
    );
  });

  app.post('/console/units/:id/members/import', async (c) => {
    const id = c.req.param('id');
    const csv = await csvOf(await readForm(c));
    return backAfter(c, unitPage(id), '导入成功', () => importMembers(deps, who(c), id, csv));
  });

  app.post('/console/units/:id/members/:memberId/delete', async (c) => {
    const id = c.req.param('id');
    return backAfter(c, unitPage(id), '已删除', () =>
      removeMember(deps, who(c), id, c.req.param('memberId')),
    );
  });

  app.post('/console/units/:id/rounds', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const day = field(f, 'closesOn');
    // The chosen day ends at midnight China time.
    const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59+08:00` : day;
    return backAfter(c, unitPage(id), '已开启征求意见，请打印海报或转发链接', () =>
      openRound(deps, who(c), id, parseInput(RoundInput, { closesAt })),
    );
  });

  app.post('/console/rounds/:id/close', async (c) => {
    const id = c.req.param('id');
    // Back to the round's unit, closed or not, when the caller may see the round.
    const round = await roundView(deps, who(c), id).catch(() => undefined);
    const to = round ? unitPage(round.unitId) : '/console';
    return backAfter(c, to, '已结束本轮征求意见', () => closeRound(deps, who(c), id));
  });

  app.post('/console/accounts', async (c) => {
    const f = await readForm(c);
    const role = field(f, 'role');
    const body = {
      username: field(f, 'username'),
      displayName: field(f, 'displayName'),
      password: typeof f.password === 'string' ? f.password : '',
      role,
      ...(role === 'supervisor' ? { groupId: field(f, 'groupId') } : {}),
      ...(role === 'leader' ? { unitId: field(f, 'unitId') } : {}),
    };
    return backAfter(c, '/console/accounts', '已新建账号', () =>
      createAccount(deps, who(c), parseInput(AccountInput, body)),
    );
  });

  app.post('/console/accounts/:username', async (c) => {
    const f = await readForm(c);
    const patch = { disabled: field(f, 'disabled') === 'true', ...readVersion(f) };
    return backAfter(c, '/console/accounts', '已更新账号', () => {
      const name = parseInput(username, c.req.param('username'));
      return changeAccount(deps, who(c), name, parseInput(AccountPatch, patch));
    });
  });

  app.post('/console/password', async (c) => {
    const f = await readForm(c);
    const body = {
      currentPassword: typeof f.currentPassword === 'string' ? f.currentPassword : '',
      newPassword: typeof f.newPassword === 'string' ? f.newPassword : '',
    };
    let changed = false;
    const back = await backAfter(c, '/console/password', '', async () => {
      await changePassword(deps, who(c), parseInput(PasswordChange, body));
      changed = true;
    });
    // Changed: every session of the account has ended, this one too.
    return changed ? c.redirect('/console/login', 303) : back;
  });

  return app;
}
