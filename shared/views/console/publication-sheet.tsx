import { raw } from 'hono/html';
import { Layout } from '../layout';
import { chinaTime } from './format';

const css = `@page{size:A4;margin:15mm}body{background:#fff}main{max-width:180mm;padding:0}
.h{font-family:monospace;font-size:10pt;word-break:break-all}.qr svg{width:45mm;height:45mm}
.row{display:flex;gap:8mm;align-items:flex-start}@media print{.noprint{display:none}}`;

/** The printable 公示 sheet of an approved report: its link as a QR code, its hashes, how to check it. */
export function PublicationSheet(props: {
  unitName: string;
  approvedAt: string;
  link: string;
  qrSvg: string;
  sha256: string;
  entry?: { seq: number; hash: string } | undefined;
  head?: { seq: number; hash: string } | undefined;
  back: string;
}) {
  return (
    <Layout title={`${props.unitName} 分析评议情况公示`} css={css}>
      <p class="noprint">
        打印（Ctrl+P）后张贴或存档。<a href={props.back}>返回</a>
      </p>
      <h1 style="text-align:center">{props.unitName} 分析评议情况公示</h1>
      <p>经督导组认可，{chinaTime(props.approvedAt)} 公开。扫码查看全文：</p>
      <div class="row">
        <div class="qr">{raw(props.qrSvg)}</div>
        <div>
          <p>
            <code class="h">{props.link}</code>
          </p>
          <p>公开内容的 SHA-256：</p>
          <p>
            <code class="h">{props.sha256}</code>
          </p>
          {props.entry && (
            <>
              <p>本活动公示记录第 {props.entry.seq} 条，本条哈希：</p>
              <p>
                <code class="h">{props.entry.hash}</code>
              </p>
            </>
          )}
          {props.head && (
            <>
              <p>打印时公示记录最新为第 {props.head.seq} 条，哈希：</p>
              <p>
                <code class="h">{props.head.hash}</code>
              </p>
            </>
          )}
        </div>
      </div>
      <h2>如何核对</h2>
      <ol>
        <li>扫码打开公示页，页面底部“核对”中显示的 SHA-256 应与本页相同。</li>
        <li>公示页上的公示记录条数只会增加；本页所印“最新”的哈希应仍能在公示记录中找到。</li>
        <li>
          有电脑的，可运行{' '}
          <code class="h">
            npm run verify -- {props.link} --head {props.head?.hash ?? ''}
          </code>
          ，逐条核对公示记录，并指出哪一条被改动。
        </li>
      </ol>
    </Layout>
  );
}
