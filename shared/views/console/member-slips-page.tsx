import { raw } from 'hono/html';
import { Layout } from '../layout';

const css = `@page{size:A4;margin:10mm}body{background:#fff}main{max-width:190mm;padding:0}
.sheet{display:grid;grid-template-columns:1fr 1fr;gap:0}.slip{border:1px dashed #888;padding:4mm;display:flex;gap:4mm;align-items:center;break-inside:avoid;height:54mm}
.slip svg{width:40mm;height:40mm;flex:none}.slip p{margin:1mm 0;font-size:10pt}.slip .name{font-size:14pt;font-weight:bold}
@media print{.noprint{display:none}}`;

/** Printable personal-link slips, ten to an A4 sheet: the member's name, the QR code, what it is for. */
export function MemberSlipsPage(props: {
  unitName: string;
  slips: { name: string; svg: string }[];
  back: string;
}) {
  return (
    <Layout title={`${props.unitName} 党员个人链接`} css={css}>
      <p class="noprint">
        共 {props.slips.length} 张，每张写有党员姓名，请交到本人手中（Ctrl+P 打印，沿虚线裁开）。
        <a href={props.back}>返回</a>
      </p>
      <div class="sheet">
        {props.slips.map((s) => (
          <div class="slip">
            {raw(s.svg)}
            <div>
              <p class="name">{s.name} 同志</p>
              <p>
                <strong>{props.unitName}</strong> 先进性教育活动 个人链接
              </p>
              <p>
                用手机扫码，撰写和提交党性分析材料，查看本人的评议结果。此链接只属于您本人，不是选票，请勿转给他人。
              </p>
            </div>
          </div>
        ))}
      </div>
    </Layout>
  );
}
