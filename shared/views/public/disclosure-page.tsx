import type { Child } from 'hono/jsx';
import { chinaTime } from '../../domain/china-day';
import { aboutOptions, focusAreas, problemLabels, respondentOptions } from '../../domain/opinion-form';
import type { UnitType } from '../../domain/org';
import { percent } from '../../domain/percent';
import { determinedText } from '../../domain/published-review';
import type { PublicRectification } from '../../domain/rectification';
import { type Published, problemAreaLabels } from '../../domain/report';
import { satisfactionLabels, satisfactions } from '../../domain/review';
import { PublicLayout } from './layout';
import { EvaluationSummary, MeasuresList, measuresCss } from './measures-list';
import { MaterialText } from './member-page';

const css = `a{word-break:break-all}table{width:100%;border-collapse:collapse;background:#fff;font-size:.85em;margin:6px 0 12px}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left}
.c{font-family:monospace;word-break:break-all;font-size:.8em}.txt{white-space:pre-wrap;overflow-wrap:anywhere}section h3{font-size:1em;margin:10px 0 4px}section{background:#fff;border-radius:8px;padding:8px 12px;margin:0 0 12px}
@media print{body{background:#fff}section{break-inside:avoid}}`;

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : percent(x));
const cellText = (n: number | null) => (n === null ? '不单独公布' : String(n));

/** The approved analysis report as the masses (or the unit) see it, with its hash to check. */
export function DisclosurePage(props: {
  published: Published;
  sha256: string;
  approvedAt: string;
  jsonUrl: string;
  pageUrl: string;
  /** Its entry in the campaign's publication log, and the log's head when the page was served. */
  log?: { seq: number; hash: string; head: { seq: number; hash: string } } | undefined;
  /** Live, not part of the hashed report: each problem with its measures, and the latest evaluation. */
  rectification: PublicRectification;
  /** The rectification section's hash and its latest entry in the log (none before the first measure). */
  rectificationLog?: { sha256: string; log?: { seq: number; hash: string } | undefined };
  /** Shown to the leader or the supervisor before they commit: a banner above, the confirmation below, no 核对 yet. */
  preview?: { banner: Child; confirm: Child };
}) {
  const p = props.published;
  const k = p.k;
  const focus = focusAreas[p.unit.type as UnitType] ?? {};
  const labels: Record<string, string> = {
    ...respondentOptions,
    unspecified: '未填身份',
    ...aboutOptions,
    ...focus,
    ...problemLabels,
  };
  const rows = (cells: { key: string; count: number | null }[]) =>
    cells
      .filter((c) => c.count !== 0)
      .map((c) => (
        <tr>
          <td>{labels[c.key] ?? c.key}</td>
          <td>{cellText(c.count)}</td>
        </tr>
      ));
  return (
    <PublicLayout title={`${p.unit.name} 分析评议情况公开`} css={css + measuresCss}>
      {props.preview?.banner}
      <h1>{p.unit.name} 分析评议情况公开</h1>
      <p class="m">
        经督导组认可（{props.approvedAt.slice(0, 10)}）。少于{k}人的数字，以及可能由它推算出少于{k}
        人的数字，都不单独公布，以保护提意见和投票的人。
      </p>
      <section>
        <h2>征求到的群众意见：{p.opinions.total === null ? `少于${k}条` : `${p.opinions.total}条`}</h2>
        <table>
          <tbody>
            {rows(p.opinions.respondent)}
            {rows(p.opinions.about)}
          </tbody>
        </table>
        <h2>群众反映较多的问题</h2>
        <table>
          <tbody>
            {rows(p.opinions.problems)}
            {rows(p.opinions.focus)}
          </tbody>
        </table>
      </section>
      <section>
        <h2>梳理归并后的问题清单</h2>
        {p.problems.length === 0 ? (
          <p>（无）</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>问题</th>
                <th>方面</th>
                <th>意见数</th>
              </tr>
            </thead>
            <tbody>
              {p.problems.map((x) => (
                <tr>
                  <td>{x.title}</td>
                  <td>{problemAreaLabels[x.area]}</td>
                  <td>{cellText(x.opinions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {p.excellentNames && p.excellentNames.length > 0 && (
        <section>
          <h2>评定为优秀的党员</h2>
          <p>{p.excellentNames.join('、')}</p>
        </section>
      )}
      {p.teamAnalysis && (
        <section id="team">
          <h2>领导班子分析检查报告（经督导组认可）</h2>
          <MaterialText values={p.teamAnalysis.content} nested />
          <p class="m">
            {chinaTime(p.teamAnalysis.approvedAt)} 认可；SHA-256：
            <span class="c">{p.teamAnalysis.sha256}</span>
          </p>
        </section>
      )}
      {p.reviews.map((r) => {
        const l = r.leadership;
        return (
          <section>
            <h2>民主评议结果（收回选票{r.ballots.total}张）</h2>
            {r.withheld ? (
              <p>收回的选票太少，为保护投票人，不公布票数。</p>
            ) : (
              <p>
                领导班子：
                {satisfactions.map((s) => `${satisfactionLabels[s]} ${l.combined?.[s] ?? 0}`).join('，')}
                ；满意率 {pct(l.satisfactionRate)}
              </p>
            )}
            <p>
              组织评定：
              {r.determined
                ? determinedText(r.determined)
                : '各等次人数有的少于公布下限，为保护个人，不公布分布。'}
              每名党员的评议情况由党组织向本人反馈，不在此公开。
            </p>
            <p class="m">计入统计的网上选票回执（可核对自己的选票已计入）：</p>
            <p class="c">
              {r.receipts.map((x) => (
                <>
                  <span style="white-space:nowrap">{x}</span>{' '}
                </>
              ))}
            </p>
          </section>
        );
      })}
      {props.rectification.anyMeasure && (
        <section>
          <h2>整改落实情况</h2>
          <p class="m">随整改进展更新，每次更新都记入本活动的公示记录（见下方“核对”）。</p>
          {props.rectification.evaluation && (
            <EvaluationSummary evaluation={props.rectification.evaluation} />
          )}
          {props.rectification.problems.map((r) => (
            <>
              <h3>{r.title}</h3>
              <MeasuresList measures={r.measures} evaluation={props.rectification.evaluation} />
            </>
          ))}
        </section>
      )}
      {props.preview ? (
        props.preview.confirm
      ) : (
        <section>
          <h2>核对</h2>
          <p class="m">公开内容的 SHA-256：</p>
          <p class="c">{props.sha256}</p>
          {props.log && (
            <>
              <p class="m">本活动公示记录第 {props.log.seq} 条，本条哈希：</p>
              <p class="c">{props.log.hash}</p>
              {props.rectificationLog?.log && (
                <>
                  <p class="m">整改落实情况的 SHA-256（公示记录第 {props.rectificationLog.log.seq} 条）：</p>
                  <p class="c">{props.rectificationLog.sha256}</p>
                </>
              )}
              <p class="m">公示记录最新为第 {props.log.head.seq} 条，哈希：</p>
              <p class="c">{props.log.head.hash}</p>
            </>
          )}
          <p class="m">
            数据：<a href={props.jsonUrl}>{props.jsonUrl}</a>。核对方法：
            <span class="c">npm run verify -- {props.pageUrl}</span>
            。每一条公示都记下所公开内容的哈希和上一条的哈希，任何一条被改动，从那一条起就接不上；请抄下或拍下最新一条的哈希，以后核对时加上
            <span class="c">--head 哈希</span>。也可以在手机上
            <a href={`/v?l=${encodeURIComponent(props.pageUrl)}`}>核对</a>。
          </p>
        </section>
      )}
    </PublicLayout>
  );
}
