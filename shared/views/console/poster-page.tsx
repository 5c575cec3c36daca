import { Layout } from '../layout';

const css = `@page{size:A4;margin:18mm}body{background:#fff}main{max-width:170mm;text-align:center}
h1{font-size:28pt;margin:8mm 0 4mm}.lead{font-size:15pt;text-align:left;line-height:1.8}
.qr img{width:110mm;height:110mm}.big{font-size:18pt;font-weight:bold;color:#a61b1b}
.url{font-size:10pt;color:#555;word-break:break-all}@media print{.noprint{display:none}}`;

/** What a poster asks of the masses: the opinion round's call, or the rectification's satisfaction evaluation. */
const posterTexts = {
  opinion: {
    title: '征求意见海报',
    headline: '先进性教育活动 广泛征求意见',
    lead: '为搞好党性分析和民主评议，诚请您对本单位领导班子、党员队伍和各项工作提出意见和建议。请用手机微信或浏览器扫描下方二维码填写，约需1分钟，不用登录，不记录您的身份。',
    alt: '征求意见二维码',
    tagline: '扫码提意见 · 约1分钟 · 匿名',
  },
  evaluation: {
    title: '整改满意度测评海报',
    headline: '先进性教育活动 整改情况群众满意度测评',
    lead: '本单位已公布整改措施并抓好落实。请您对每项整改措施和整改工作总体作出评价（满意、基本满意、不满意或不了解）。请用手机微信或浏览器扫描下方二维码参加，约需1分钟，不用登录，不记录您的身份。',
    alt: '满意度测评二维码',
    tagline: '扫码测评 · 约1分钟 · 匿名',
  },
} as const;

/** A printable A4 poster: the unit, what the campaign asks, the QR code and how long it takes. */
export function PosterPage(props: {
  kind: keyof typeof posterTexts;
  unitName: string;
  link: string;
  qrDataUri: string;
  closesOn: string;
}) {
  const text = posterTexts[props.kind];
  return (
    <Layout title={`${props.unitName} ${text.title}`} css={css}>
      <p class="noprint muted">用浏览器的“打印”（Ctrl+P）打印，A4 纵向。</p>
      <h1>{props.unitName}</h1>
      <p class="big">{text.headline}</p>
      <p class="lead">{text.lead}</p>
      <p class="qr">
        <img src={props.qrDataUri} alt={text.alt} />
      </p>
      <p class="big">{text.tagline}</p>
      <p>截止日期：{props.closesOn}</p>
      <p class="url">{props.link}</p>
    </Layout>
  );
}
