import { type Account, type Principal, roleLabels } from '../../domain/account';
import type { Campaign } from '../../domain/campaign';
import { ConsoleLayout, Csrf } from './layout';

type Flash = { ok?: string | undefined; error?: string | undefined };

/** The office's start page: every campaign, and a form to set up a new one. */
export function CampaignsPage(props: { who: Principal; csrf: string; flash: Flash; campaigns: Campaign[] }) {
  return (
    <ConsoleLayout title="活动" who={props.who} csrf={props.csrf} flash={props.flash}>
      <ul>
        {props.campaigns.map((c) => (
          <li>
            <a href={`/console/campaigns/${c.id}`}>{c.name}</a>
          </li>
        ))}
      </ul>
      <form method="post" action="/console/campaigns" class="card">
        <Csrf token={props.csrf} />
        <h2 style="margin-top:0">新建活动</h2>
        <label for="name">活动名称</label>
        <input id="name" name="name" required placeholder="开发区第二批先进性教育活动" />
        <div class="grid">
          {(
            [
              ['study', '学习动员'],
              ['appraisal', '分析评议'],
              ['rectification', '整改提高'],
            ] as const
          ).map(([key, label]) => (
            <div>
              <label for={`${key}Start`}>{label}</label>
              <input
                type="date"
                id={`${key}Start`}
                name={`${key}Start`}
                required
                aria-label={`${label}开始`}
              />
              <input type="date" name={`${key}End`} required aria-label={`${label}结束`} />
            </div>
          ))}
        </div>
        <button type="submit">新建</button>
      </form>
    </ConsoleLayout>
  );
}

/** Accounts: who may sign in, bound to what; create, disable, reset. */
export function AccountsPage(props: {
  who: Principal;
  csrf: string;
  flash: Flash;
  accounts: Account[];
  groups: { id: string; label: string }[];
  units: { id: string; label: string }[];
}) {
  const names = new Map([...props.groups, ...props.units].map((o) => [o.id, o.label]));
  const scopeOf = (a: Account) =>
    a.scope.role === 'supervisor'
      ? (names.get(a.scope.groupId) ?? a.scope.groupId)
      : a.scope.role === 'leader'
        ? (names.get(a.scope.unitId) ?? a.scope.unitId)
        : '全区';
  return (
    <ConsoleLayout title="账号" who={props.who} csrf={props.csrf} flash={props.flash}>
      <table>
        <thead>
          <tr>
            <th>用户名</th>
            <th>姓名</th>
            <th>角色</th>
            <th>范围</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map((a) => (
            <tr>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>{roleLabels[a.scope.role]}</td>
              <td>{scopeOf(a)}</td>
              <td>
                <form class="inline" method="post" action={`/console/accounts/${a.username}`}>
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="version" value={String(a.version ?? 0)} />
                  <input type="hidden" name="disabled" value={a.disabled ? 'false' : 'true'} />
                  {a.disabled ? '已停用 ' : '正常 '}
                  <button type="submit" class="secondary" style="margin:0;padding:.2rem .6rem">
                    {a.disabled ? '启用' : '停用'}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/console/accounts" class="card">
        <Csrf token={props.csrf} />
        <h2 style="margin-top:0">新建账号</h2>
        <div class="grid">
          <div>
            <label for="username">用户名</label>
            <input id="username" name="username" required />
          </div>
          <div>
            <label for="displayName">姓名或称呼</label>
            <input id="displayName" name="displayName" required />
          </div>
          <div>
            <label for="password">初始密码（至少10位）</label>
            <input id="password" name="password" type="password" minlength={10} required />
          </div>
          <div>
            <label for="role">角色</label>
            <select id="role" name="role">
              <option value="leader">单位第一责任人</option>
              <option value="supervisor">督导组</option>
              <option value="office">活动领导小组办公室</option>
            </select>
          </div>
          <div>
            <label for="groupId">督导组（督导组账号）</label>
            <select id="groupId" name="groupId">
              <option value="">—</option>
              {props.groups.map((g) => (
                <option value={g.id}>{g.label}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="unitId">单位（第一责任人账号）</label>
            <select id="unitId" name="unitId">
              <option value="">—</option>
              {props.units.map((u) => (
                <option value={u.id}>{u.label}</option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit">新建账号</button>
      </form>
    </ConsoleLayout>
  );
}

/** Change your own password. */
export function PasswordPage(props: { who: Principal; csrf: string; flash: Flash }) {
  return (
    <ConsoleLayout title="修改密码" who={props.who} csrf={props.csrf} flash={props.flash}>
      <form method="post" action="/console/password" class="card">
        <Csrf token={props.csrf} />
        <label for="currentPassword">当前密码</label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          required
        />
        <label for="newPassword">新密码（至少10位）</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autocomplete="new-password"
          minlength={10}
          required
        />
        <button type="submit">修改</button>
      </form>
    </ConsoleLayout>
  );
}
