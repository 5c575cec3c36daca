import { PublicLayout } from './layout';
import { verifyScriptPath } from './verify-script';

const css = `.ok{color:#1b6b2a}.bad{color:#a61b1b;font-weight:600}#vr{padding-left:1.2em}#vr li{overflow-wrap:anywhere}
input{width:100%;box-sizing:border-box;font-size:16px;padding:8px}.h{font-family:monospace;word-break:break-all}`;

/**
 * 核对公示 (`/v`): checks a disclosure in the phone's browser. With
 * JavaScript it walks the publication log with WebCrypto; without it, the
 * page says how to check by hand.
 */
export function VerifyPage(props: { link: string; head: string }) {
  return (
    <PublicLayout title="核对公示" css={css} script={verifyScriptPath}>
      <h1>核对公示内容是否被改动</h1>
      <form id="vf" method="get" action="/v">
        <label for="l">公示页链接（/p/ 或 /a/ 开头的地址）</label>
        <input id="l" name="l" value={props.link} required />
        <label for="head">抄下或拍下的“公示记录最新”哈希（可不填）</label>
        <input id="head" name="head" value={props.head} />
        <button type="submit">核对</button>
      </form>
      <ol id="vr" aria-live="polite" />
      <noscript>
        <p>本页核对需要浏览器运行脚本。不用脚本也可以人工核对：</p>
      </noscript>
      <h2>人工核对</h2>
      <ol>
        <li>打开公示页，记下页面底部“核对”中的内容哈希和“公示记录最新”的哈希，或拍照留存。</li>
        <li>以后再打开，公示记录的条数只会增加；记下的最新哈希应当仍是其中某一条。</li>
        <li>
          有电脑的，运行 <span class="h">npm run verify -- 公示页链接 --head 记下的哈希</span>
          ，程序会逐条核对，并指出哪一条被改动。
        </li>
      </ol>
    </PublicLayout>
  );
}
