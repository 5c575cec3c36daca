import { Layout } from '../layout';

const css = `@page{size:A4;margin:18mm}body{background:#fff}main{max-width:170mm;text-align:center}
h1{font-size:28pt;margin:8mm 0 4mm}.lead{font-size:15pt;text-align:left;line-height:1.8}
.qr img{width:110mm;height:110mm}.big{font-size:18pt;font-weight:bold;color:#a61b1b}
.url{font-size:10pt;color:#555;word-break:break-all}@media print{.noprint{display:none}}`;

/** A printable A4 poster: the unit, what the campaign asks, the QR code and how long it takes. */
export function PosterPage(props: { unitName: string; link: string; qrDataUri: string; closesOn: string }) {
  return (
    <Layout title={`${props.unitName} 征求意见海报`} css={css}>
      <p class="noprint muted">用浏览器的“打印”（Ctrl+P）打印，A4 纵向。</p>
      <h1>{props.unitName}</h1>
      <p class="big">先进性教育活动 广泛征求意见</p>
      <p class="lead">
        为搞好党性分析和民主评议，诚请您对本单位领导班子、党员队伍和各项工作提出意见和建议。请用手机微信或浏览器扫描下方二维码填写，约需1分钟，不用登录，不记录您的身份。
      </p>
      <p class="qr">
        <img src={props.qrDataUri} alt="征求意见二维码" />
      </p>
      <p class="big">扫码提意见 · 约1分钟 · 匿名</p>
      <p>截止日期：{props.closesOn}</p>
      <p class="url">{props.link}</p>
    </Layout>
  );
}
