import { beforeAll, describe, expect, it } from 'vitest';
import { addAccount, asRecord, call, testPassword, tokenFor } from './support/api';
import { createTestContext, type TestContext } from './support/test-env';

const login = (t: TestContext, username: string, password: string) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

describe('sign-in and sessions', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    for (const name of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'])
      await addAccount(t, name, { role: 'office' });
  });

  it('signs in and sets an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const res = await login(t, 'alice', testPassword);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = asRecord(await res.json());
    const me = await call(t, String(body.token), 'GET', '/api/auth/me');
    expect(asRecord(me.json).username).toBe('alice');
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await login(t, 'alice', 'not-the-password');
    const unknown = await login(t, 'nobody', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('locks an account after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login(t, 'bob', 'wrong-password')).status).toBe(401);
    const locked = await login(t, 'bob', testPassword);
    expect(locked.status).toBe(423);
    expect(asRecord(asRecord(await locked.json()).error).code).toBe('ACCOUNT_LOCKED');
  });

  it('checks at most five passwords of 100 guesses sent at once, and refuses the right one while locked', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => login(t, 'grace', 'wrong-password')));
    const statuses = answers.map((a) => a.status);
    // A 401 means the password was checked; a 423 means it was refused before any check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 423)).toHaveLength(95);
    expect((await login(t, 'grace', testPassword)).status).toBe(423);
  });

  it('answers an unknown username exactly like an existing one, with the same requests', async () => {
    const sent: string[] = [];
    t.deps.db.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const run = async (username: string) => {
      sent.length = 0;
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(t, username, 'wrong-password')).status);
      return { statuses, lastRequests: [...sent] };
    };
    try {
      const existing = await run('heidi');
      const unknown = await run('no-such-user');
      expect(existing.statuses).toEqual([401, 401, 401, 401, 401, 423]);
      expect(unknown).toEqual(existing);
    } finally {
      t.deps.db.middlewareStack.remove('recordCommands');
    }
  });

  it('requires the CSRF token for cookie-authenticated writes, but not for bearer tokens', async () => {
    const res = await login(t, 'carol', testPassword);
    const { csrfToken, token } = asRecord(await res.json());
    const cookie = cookieOf(res);
    const post = (headers: Record<string, string>) =>
      t.app.request('/api/campaigns/x/groups', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: '第一督导组' }),
      });
    const noToken = await post({ cookie });
    expect(noToken.status).toBe(403);
    expect(asRecord(asRecord(await noToken.json()).error).code).toBe('CSRF_FAILED');
    // With the token the request passes the guard and reaches the route (the campaign does not exist).
    expect((await post({ cookie, 'x-csrf-token': String(csrfToken) })).status).toBe(404);
    expect((await post({ authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it('checks the CSRF field of a cookie-authenticated form post', async () => {
    const res = await login(t, 'carol', testPassword);
    const { csrfToken } = asRecord(await res.json());
    const form = (fields: Record<string, string>) =>
      t.app.request('/api/auth/logout', {
        method: 'POST',
        headers: { cookie: cookieOf(res), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await form({ _csrf: 'forged' })).status).toBe(403);
    expect((await form({ _csrf: String(csrfToken) })).status).toBe(204);
  });

  it('ends every session on sign-out', async () => {
    const token = await tokenFor(t, 'dave');
    expect((await call(t, token, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await call(t, token, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('changes the password: the old one and old sessions stop working', async () => {
    const token = await tokenFor(t, 'erin');
    const wrong = await call(t, token, 'POST', '/api/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'Brand-new-pass-1',
    });
    expect(wrong.status).toBe(400);
    const changed = await call(t, token, 'POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'Brand-new-pass-1',
    });
    expect(changed.status).toBe(204);
    expect((await call(t, token, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await login(t, 'erin', testPassword)).status).toBe(401);
    expect((await login(t, 'erin', 'Brand-new-pass-1')).status).toBe(200);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const admin = await tokenFor(t, 'alice');
    const token = await tokenFor(t, 'frank');
    expect((await call(t, admin, 'PATCH', '/api/accounts/frank', { disabled: true })).status).toBe(200);
    expect((await call(t, token, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await login(t, 'frank', testPassword)).status).toBe(403);
  });

  it('rejects a forged or tampered token', async () => {
    const token = await tokenFor(t, 'alice');
    const [h, p] = token.split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
    payload.scope = { role: 'office' };
    payload.sub = 'someone-else';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${token.split('.')[2]}`;
    expect((await call(t, forged, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('cannot set a role or scope through a body that does not own it', async () => {
    const token = await tokenFor(t, 'alice');
    const res = await call(t, token, 'PATCH', '/api/accounts/alice', { scope: { role: 'office' } });
    expect(res.status).toBe(400);
  });
});
