import { raw } from 'hono/html';
import { type VoterGroup, voterGroupLabels } from '../../domain/vote';
import { Layout } from '../layout';

const css = `@page{size:A4;margin:10mm}body{background:#fff}main{max-width:190mm;padding:0}
.sheet{display:grid;grid-template-columns:1fr 1fr;gap:0}.slip{border:1px dashed #888;padding:4mm;display:flex;gap:4mm;align-items:center;break-inside:avoid;height:54mm}
.slip svg{width:40mm;height:40mm;flex:none}.slip p{margin:1mm 0;font-size:10pt}.slip .code{font-size:13pt;font-weight:bold;white-space:nowrap}
@media print{.noprint{display:none}}`;

/** Printable slips, ten to an A4 sheet: QR code, typed code, one line of instructions, cut lines. */
export function SlipsPage(props: {
  unitName: string;
  /** What the slip is for: 民主评议票, 满意度测评票. */
  title: string;
  voterGroup: VoterGroup;
  slips: { code: string; svg: string }[];
  back: string;
  entryUrl: string;
}) {
  return (
    <Layout title={`${props.unitName} ${props.title}`} css={css}>
      <div class="noprint">
        <p>
          共 {props.slips.length} 张{voterGroupLabels[props.voterGroup]}
          选票。选票码只显示这一次：请现在打印（Ctrl+P），沿虚线裁开，打乱后发放。
          <a href={props.back}>返回</a>
        </p>
      </div>
      <div class="sheet">
        {props.slips.map((s) => (
          <div class="slip">
            {raw(s.svg)}
            <div>
              <p>
                <strong>{props.unitName}</strong> {props.title}（{voterGroupLabels[props.voterGroup]}）
              </p>
              <p>用手机扫码，或打开 {props.entryUrl} 输入下面的选票码。每码只能用一次，无记名。</p>
              <p class="code">{s.code}</p>
            </div>
          </div>
        ))}
      </div>
    </Layout>
  );
}
