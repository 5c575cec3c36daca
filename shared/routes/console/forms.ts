import { Hono } from 'hono';
import { RoundView } from '../../domain/round';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { parseShare } from '../../views/console/format';
import { back, type InternalApi } from './internal-api';
import { field, numberField } from './page-context';

/** Reads an uploaded CSV file (or pasted text) from a multipart form. */
async function csvOf(form: Record<string, unknown>): Promise<string> {
  const file = form.file;
  if (file instanceof File) return await file.text();
  return typeof form.csv === 'string' ? form.csv : '';
}

/**
 * The console's form posts. Each turns its fields into the JSON API's body,
 * calls the API, and redirects back with the outcome (Post/Redirect/Get).
 */
export function consoleFormRoutes(api: InternalApi) {
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
    return back(c, '/console', await api(c, 'POST', '/api/campaigns', body), '已新建活动');
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
    const result = await api(c, 'PATCH', `/api/campaigns/${encodeURIComponent(id)}`, { settings });
    return back(c, `/console/campaigns/${id}`, result, '已保存设置');
  });

  app.post('/console/campaigns/:id/groups', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const result = await api(c, 'POST', `/api/campaigns/${encodeURIComponent(id)}/groups`, {
      name: field(f, 'name'),
    });
    return back(c, `/console/campaigns/${id}`, result, '已新增督导组');
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
    const result = await api(c, 'POST', `/api/campaigns/${encodeURIComponent(id)}/units`, body);
    return back(c, `/console/campaigns/${id}`, result, '已新增单位');
  });

  app.post('/console/campaigns/:id/units/import', async (c) => {
    const id = c.req.param('id');
    const result = await api(
      c,
      'POST',
      `/api/campaigns/${encodeURIComponent(id)}/units/import`,
      await csvOf(await readForm(c)),
    );
    return back(c, `/console/campaigns/${id}`, result, '导入成功');
  });

  app.post('/console/units/:id/stage-request', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const note = field(f, 'note');
    const result = await api(
      c,
      'POST',
      `/api/units/${encodeURIComponent(id)}/stage-request`,
      note ? { note } : {},
    );
    return back(c, `/console/units/${id}`, result, '已提交转段申请');
  });

  app.post('/console/units/:id/stage-decision', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const comment = field(f, 'comment');
    const body = { approve: field(f, 'approve') === 'true', ...(comment ? { comment } : {}) };
    const result = await api(c, 'POST', `/api/units/${encodeURIComponent(id)}/stage-decision`, body);
    return back(c, `/console/units/${id}`, result, body.approve ? '已同意转段' : '已退回转段申请');
  });

  app.post('/console/units/:id/members', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = {
      name: field(f, 'name'),
      category: field(f, 'category'),
      probationary: field(f, 'probationary') === 'true',
    };
    const result = await api(c, 'POST', `/api/units/${encodeURIComponent(id)}/members`, body);
    return back(c, `/console/units/${id}`, result, '已添加党员');
  });

  app.post('/console/units/:id/members/import', async (c) => {
    const id = c.req.param('id');
    const result = await api(
      c,
      'POST',
      `/api/units/${encodeURIComponent(id)}/members/import`,
      await csvOf(await readForm(c)),
    );
    return back(c, `/console/units/${id}`, result, '导入成功');
  });

  app.post('/console/units/:id/members/:memberId/delete', async (c) => {
    const id = c.req.param('id');
    const path = `/api/units/${encodeURIComponent(id)}/members/${encodeURIComponent(c.req.param('memberId'))}`;
    return back(c, `/console/units/${id}`, await api(c, 'DELETE', path), '已删除');
  });

  app.post('/console/units/:id/rounds', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const day = field(f, 'closesOn');
    // The chosen day ends at midnight China time.
    const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59+08:00` : day;
    const result = await api(c, 'POST', `/api/units/${encodeURIComponent(id)}/rounds`, { closesAt });
    return back(c, `/console/units/${id}`, result, '已开启征求意见，请打印海报或转发链接');
  });

  app.post('/console/rounds/:id/close', async (c) => {
    const path = `/api/rounds/${encodeURIComponent(c.req.param('id'))}`;
    const result = await api(c, 'POST', `${path}/close`);
    const round = await api(c, 'GET', path);
    const parsed = RoundView.safeParse(round.body);
    const unitId = parsed.success ? parsed.data.unitId : '';
    return back(c, unitId ? `/console/units/${unitId}` : '/console', result, '已结束本轮征求意见');
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
    return back(c, '/console/accounts', await api(c, 'POST', '/api/accounts', body), '已新建账号');
  });

  app.post('/console/accounts/:username', async (c) => {
    const f = await readForm(c);
    const path = `/api/accounts/${encodeURIComponent(c.req.param('username'))}`;
    const result = await api(c, 'PATCH', path, { disabled: field(f, 'disabled') === 'true' });
    return back(c, '/console/accounts', result, '已更新账号');
  });

  app.post('/console/password', async (c) => {
    const f = await readForm(c);
    const body = {
      currentPassword: typeof f.currentPassword === 'string' ? f.currentPassword : '',
      newPassword: typeof f.newPassword === 'string' ? f.newPassword : '',
    };
    const result = await api(c, 'POST', '/api/auth/password', body);
    if (result.ok) return c.redirect('/console/login', 303);
    return back(c, '/console/password', result, '');
  });

  return app;
}
