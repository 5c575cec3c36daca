import { rectificationView } from '../../domain/rectification';
import type { Published } from '../../domain/report';
import { DisclosurePage } from '../public/disclosure-page';
import { Csrf } from './layout';

const bar =
  'background:#fff7e0;border:2px solid #d9a400;border-radius:8px;padding:8px 12px;margin:8px 0 12px';

/**
 * The page the public will get (the same renderer as `/p/`), shown before
 * 报督导组 or 认可, with what becomes fixed and the one button that commits.
 */
export function ReportPreview(props: {
  csrf: string;
  unitId: string;
  published: Published;
  sha256: string;
  /** Now: the day it would be approved. */
  at: string;
  /** The problem list changed after the report was built: it must be rebuilt first. */
  stale: boolean;
  step: { kind: 'submit' } | { kind: 'approve'; scope: 'public' | 'unit'; publishExcellent: boolean };
}) {
  const base = `/console/units/${props.unitId}/report`;
  const step = props.step;
  const back = (
    <p>
      <a href={base}>返回修改</a>
    </p>
  );
  const noTeam = props.published.teamAnalysis ? null : (
    <p>
      本报告不含领导班子分析检查报告（生成报告时还没有经督导组认可）。认可后返回重新生成报告，即可随报告公开。
    </p>
  );
  const confirm = props.stale ? (
    <section style={bar}>
      <p>问题清单在生成报告后改过，上面的内容已经不是现在的清单。请返回，重新生成报告，核对后再报送。</p>
      {back}
    </section>
  ) : step.kind === 'submit' ? (
    <form method="post" action={`${base}/submit`} style={bar}>
      <Csrf token={props.csrf} />
      {noTeam}
      <p>
        <strong>确认报督导组？</strong>报送后，问题清单、组织评定和上面的数字都不能再改，除非督导组退回。
      </p>
      <button type="submit">确认报督导组</button>
      {back}
    </form>
  ) : (
    <form method="post" action={`${base}/approve`} style={bar}>
      <Csrf token={props.csrf} />
      {noTeam}
      <input type="hidden" name="scope" value={step.scope} />
      {step.publishExcellent && <input type="hidden" name="publishExcellent" value="yes" />}
      <p>
        <strong>确认认可并公开？</strong>
        认可后，上面的内容连同它的 SHA-256 记入本活动的公示记录，再也不能修改；公开范围：
        {step.scope === 'public' ? '持本单位二维码的所有人' : '本单位（单独链接）'}
        {step.publishExcellent ? '；同时公开评定为优秀的党员姓名' : ''}。
      </p>
      <p class="m">
        SHA-256：<span class="c">{props.sha256}</span>
      </p>
      <button type="submit">确认认可</button>
      {back}
    </form>
  );
  return (
    <DisclosurePage
      published={props.published}
      sha256={props.sha256}
      approvedAt={props.at}
      jsonUrl=""
      pageUrl=""
      rectification={rectificationView([], [], undefined)}
      preview={{
        banner: (
          <p style={bar}>
            <strong>预览</strong>：这是{step.kind === 'submit' ? '督导组认可后' : '认可后'}
            群众将看到的页面，尚未公开。请从头到尾核对，再在页面最下方确认。
          </p>
        ),
        confirm,
      }}
    />
  );
}
