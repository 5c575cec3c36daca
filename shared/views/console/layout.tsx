import type { Child } from 'hono/jsx';
import type { Principal } from '../../domain/account';
import { roleLabels } from '../../domain/account';
import { consoleScriptPath } from '../confirm-script';
import { Layout } from '../layout';

const css = `
main{max-width:64rem}
nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;padding:.5rem 0 1rem;border-bottom:1px solid #ddd;margin-bottom:1rem}
nav .who{margin-left:auto;font-size:.9rem;color:#555}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
th,td{border:1px solid #e2ddd5;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#faf7f2}
form.inline{display:inline}
label{display:block;margin:.5rem 0 .2rem;font-weight:600}
input,select,textarea{font:inherit;padding:.45rem;border:1px solid #bbb;border-radius:4px;width:100%;max-width:28rem}
input[type=checkbox],input[type=radio]{width:auto}
textarea{max-width:100%}
button{font:inherit;padding:.45rem 1.1rem;border:0;border-radius:4px;background:#a61b1b;color:#fff;cursor:pointer;margin-top:.6rem}
button.secondary{background:#666}
.flash{padding:.6rem 1rem;border-radius:6px;margin-bottom:1rem}
.flash.ok{background:#e8f5e9;color:#1b5e20}
.flash.error{background:#fdecea;color:#8a1c1c}strong.error{color:#a61b1b}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1rem}
td.day{white-space:nowrap}
@media (max-width:40rem){table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block}
table.cards tr{border:1px solid #e2ddd5;border-radius:6px;margin-bottom:.6rem;background:#fff}
table.cards td{border:0;border-bottom:1px solid #f0ece6;padding:.35rem .6rem}
table.cards td:last-child{border-bottom:0}table.cards td:empty{display:none}
table.cards td[data-label]::before{content:attr(data-label) "：";font-weight:600;color:#555}}
@media print{nav,form,.flash,details,.noprint{display:none}body{background:#fff}}
`;

/** The console shell: navigation for the caller's role, a flash message, and the page. */
export function ConsoleLayout(props: {
  title: string;
  who: Principal;
  csrf: string;
  flash?: { ok?: string | undefined; error?: string | undefined };
  children?: Child;
}) {
  const { who } = props;
  return (
    <Layout title={`${props.title} · 先进性教育活动`} css={css} script={consoleScriptPath}>
      <nav>
        <a href="/console">首页</a>
        {who.scope.role === 'office' && <a href="/console/accounts">账号</a>}
        {who.scope.role === 'office' && <a href="/console/audit">操作记录</a>}
        <a href="/console/password">修改密码</a>
        {who.scope.role === 'office' && <a href="/docs">接口说明（技术人员）</a>}
        <span class="who">
          {who.displayName}（{roleLabels[who.scope.role]}）
        </span>
        <form class="inline" method="post" action="/console/logout">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <button class="secondary" type="submit" style="margin:0">
            退出
          </button>
        </form>
      </nav>
      {props.flash?.ok && <div class="flash ok">{props.flash.ok}</div>}
      {props.flash?.error && <div class="flash error">{props.flash.error}</div>}
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

/** The hidden CSRF field every console form carries. */
export const Csrf = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />;

/** A row of links to related pages, with visible separators. */
export const PageLinks = (props: { links: [href: string, label: string][] }) => (
  <p>
    {props.links.map(([href, label], i) => (
      <>
        {i > 0 && ' · '}
        <a href={href}>{label}</a>
      </>
    ))}
  </p>
);
