import { Layout } from '../layout';

/** The sign-in page. */
export function LoginPage(props: {
  error?: string | undefined;
  username?: string | undefined;
  /** The form's CSRF token; without one the page says to reopen it. */
  csrf?: string | undefined;
}) {
  return (
    <Layout title="登录 · 先进性教育活动">
      <h1>先进性教育活动 工作平台</h1>
      <div class="card">
        {props.error && <p style="color:#8a1c1c">{props.error}</p>}
        <form method="post" action="/console/login">
          {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
          <p>
            <label for="username">用户名</label>
            <br />
            <input
              id="username"
              name="username"
              autocomplete="username"
              value={props.username ?? ''}
              required
            />
          </p>
          <p>
            <label for="password">密码</label>
            <br />
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </p>
          <button
            type="submit"
            style="font:inherit;padding:.6rem 1.5rem;background:#a61b1b;color:#fff;border:0;border-radius:4px"
          >
            登录
          </button>
        </form>
      </div>
      <p class="muted">供活动领导小组办公室、督导组和参加单位第一责任人使用。</p>
    </Layout>
  );
}
