import type { AnalysesDisclosure } from '../../domain/analyses-disclosure';
import type { Stage } from '../../domain/campaign';
import { stageLabels } from '../../domain/campaign';
import type { OwnFeedback } from '../../domain/review-views';
import {
  type AnalysisMeasure,
  analysisLimits,
  categoryLabel,
  type SelfAnalysis,
  selfAnalysisStateLabels,
} from '../../domain/self-analysis';
import { FormProblems, PublicLayout } from './layout';
import { feedbackCss, OwnFeedbackSection } from './own-feedback';
import { PublishedAnalyses, publishedCss } from './published-analyses';

const css = `.card{background:#fff;border-radius:8px;padding:8px 12px;margin:0 0 12px}
.ok{background:#e8f5e9;color:#1b5e20;padding:8px 12px;border-radius:8px}
.mrow{display:grid;grid-template-columns:1fr;gap:4px;margin:0 0 10px;padding:0 0 8px;border-bottom:1px solid #eee}
input[type=date]{font:inherit;padding:8px;border:1px solid #bbb;border-radius:6px;width:100%}
button.b2{background:#5a5a5a}.txt{white-space:pre-wrap;overflow-wrap:anywhere}.h{overflow-wrap:anywhere;font-family:monospace;font-size:.8em}`;

/** What the page is filled with: the text as stored or as sent back. */
export interface MaterialValues {
  problems: string;
  causes: string;
  measures: AnalysisMeasure[];
}

export const valuesOf = (m?: SelfAnalysis): MaterialValues => ({
  problems: m?.content.problems ?? '',
  causes: m?.content.causes ?? '',
  measures: m?.content.measures ?? [],
});

/** The material as it was submitted or approved, to read (the member's page and the console alike). */
export function MaterialText(props: {
  values: MaterialValues /** Inside a titled section: its parts one level down. */;
  nested?: boolean;
}) {
  const v = props.values;
  const H = props.nested ? 'h3' : 'h2';
  return (
    <div class="card">
      <H>一、查找的问题</H>
      <p class="txt">{v.problems}</p>
      <H>二、原因剖析</H>
      <p class="txt">{v.causes}</p>
      <H>三、努力方向和整改措施</H>
      <ol>
        {v.measures.map((m) => (
          <li>
            {m.action}（完成时限：{m.deadline}）
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * A member's own page behind the personal link: who they are, where the
 * campaign stands, and their 党性分析 material — to write (a draft kept until
 * submitted), to revise when the organisation returned it, or to read once
 * submitted or approved. Works without JavaScript.
 */
export function MemberPage(props: {
  token: string;
  memberName: string;
  category: string;
  unitName: string;
  stage: Stage;
  material?: SelfAnalysis | undefined;
  writable: boolean;
  prompts: string[];
  unitProblems: string[];
  values: MaterialValues;
  errors: { path: string; message: string }[];
  notice?: string | undefined;
  saved?: string | undefined;
  feedback?: OwnFeedback | undefined;
  published?: AnalysesDisclosure | undefined;
}) {
  const m = props.material;
  const v = props.values;
  const rows = Math.min(analysisLimits.measures, Math.max(3, v.measures.length + 1));
  return (
    <PublicLayout title={`党性分析 · ${props.memberName}`} css={css + feedbackCss + publishedCss}>
      <h1>{props.memberName} 同志的党性分析</h1>
      <p class="m">
        {props.unitName} · {categoryLabel(props.category)} · 当前阶段：{stageLabels[props.stage]}
      </p>
      <p class="m">
        这是您本人的链接，不是匿名的，请不要转给别人；它与民主评议的选票没有任何关联，不能用来投票，也查不到谁投了什么票。
      </p>
      <FormProblems
        heading="请补全或修改以下内容："
        errors={props.errors}
        notice={props.notice}
        anchorOf={(path) => `s-${path.split('.')[0]}`}
      />
      {props.feedback && (
        <OwnFeedbackSection feedback={props.feedback} printLink={`/m/${props.token}/feedback`} />
      )}
      {props.saved === 'draft' && <p class="ok">草稿已保存。可以随时用这个链接回来接着写。</p>}
      {props.saved === 'submit' && <p class="ok">已提交，等待党组织把关。</p>}
      <div class="card">
        <p>材料状态：{selfAnalysisStateLabels[m?.state ?? 'notStarted']}</p>
        {m?.state === 'returned' && m.returnComment && (
          <p class="err">党组织退回修改的意见：{m.returnComment}</p>
        )}
        {m?.enteredBy && <p class="m">这份材料由党支部根据您的书面材料代为录入。</p>}
      </div>
      {m?.state === 'approved' && (
        <>
          <p class="ok">党组织已认可您的党性分析材料，内容已固定。</p>
          <MaterialText values={valuesOf(m)} />
          <p class="m">
            材料指纹（SHA-256）：<span class="h">{m.sha256}</span>
          </p>
        </>
      )}
      {m?.state === 'submitted' && <MaterialText values={valuesOf(m)} />}
      {!props.writable && !m && (
        <p>
          {props.stage === 'study'
            ? '党性分析材料在“分析评议”阶段撰写，届时请再打开这个链接。'
            : '本单位的分析评议阶段已经结束，没有收到您的党性分析材料；如有书面材料，请交党支部。'}
        </p>
      )}
      {props.writable && (
        <form method="post" action={`/m/${props.token}`}>
          <input type="hidden" name="version" value={String(m?.version ?? 0)} />
          <fieldset
            id="s-problems"
            class={props.errors.some((e) => e.path === 'problems') ? 'miss' : undefined}
          >
            <label class="t" for="problems">
              一、查找的问题
            </label>
            <p class="g">可对照检查：{props.prompts.join('、')}。</p>
            {props.unitProblems.length > 0 && (
              <p class="g">本单位群众反映的问题：{props.unitProblems.join('；')}。</p>
            )}
            <textarea id="problems" name="problems" rows={6} maxlength={analysisLimits.text}>
              {v.problems}
            </textarea>
          </fieldset>
          <fieldset id="s-causes" class={props.errors.some((e) => e.path === 'causes') ? 'miss' : undefined}>
            <label class="t" for="causes">
              二、原因剖析
            </label>
            <textarea id="causes" name="causes" rows={5} maxlength={analysisLimits.text}>
              {v.causes}
            </textarea>
          </fieldset>
          <fieldset
            id="s-measures"
            class={props.errors.some((e) => e.path.startsWith('measures')) ? 'miss' : undefined}
          >
            <legend>三、努力方向和整改措施</legend>
            <p class="g">每项措施写明做什么和完成时限；不用的行空着即可。</p>
            {Array.from({ length: rows }, (_, i) => (
              <div class="mrow">
                <label class="t" for={`m${i}_a`}>
                  措施{i + 1}
                </label>
                <input id={`m${i}_a`} name={`m${i}_a`} value={v.measures[i]?.action ?? ''} maxlength={200} />
                <label class="m" for={`m${i}_d`}>
                  完成时限
                </label>
                <input id={`m${i}_d`} name={`m${i}_d`} type="date" value={v.measures[i]?.deadline ?? ''} />
              </div>
            ))}
          </fieldset>
          <button type="submit" name="intent" value="draft" class="b2">
            保存草稿
          </button>
          <button type="submit" name="intent" value="submit">
            提交党组织把关
          </button>
        </form>
      )}
      {props.published && <PublishedAnalyses disclosure={props.published} />}
    </PublicLayout>
  );
}
