import type { Evaluation } from '../../domain/evaluation';
import { type Satisfaction, satisfactionLabels, satisfactions } from '../../domain/review';
import { formScriptPath, sentBack } from './form-script';
import { FormProblems, PublicLayout } from './layout';
import { PromiseNote } from './promise-note';

const css = `.q{background:#fff;border-radius:8px;padding:10px 12px;margin:12px 0}
.q .p{color:#666;font-size:.9em}.q .a{font-weight:600;margin:4px 0;clear:both}
.s{display:flex;flex-wrap:wrap;gap:0 14px;clear:both}.s label{display:flex;align-items:center;min-height:44px;gap:6px}
.s input{width:22px;height:22px;margin:0}.note{background:#fff8e6;border-left:4px solid #d9a400;padding:8px 10px}`;

/** What the page shows back after a refused post: the answers as they were sent. */
export interface EvaluationValues {
  overall?: string | undefined;
  measures: Record<string, string>;
}

function Choices(props: { name: string; value: string | undefined }) {
  return (
    <div class="s">
      {satisfactions.map((s: Satisfaction) => (
        <label>
          <input type="radio" name={props.name} value={s} checked={props.value === s} />
          {satisfactionLabels[s]}
        </label>
      ))}
    </div>
  );
}

/**
 * The masses' satisfaction evaluation of the unit's rectification: each
 * measure under its problem, then the rectification overall. Posted to
 * `/e/{id}`, with the code when it is cast with one.
 */
export function EvaluationPage(props: {
  evaluation: Evaluation;
  code?: string | undefined;
  /** The code's voter group, sent back with the answers and checked against the code when cast. */
  voterGroup?: string | undefined;
  requestToken: string;
  values: EvaluationValues;
  errors: { path: string; message: string }[];
  notice?: string | undefined;
}) {
  const { evaluation, values } = props;
  const missed = (path: string) => props.errors.some((e) => e.path === path);
  return (
    <PublicLayout title={`${evaluation.unitName} 群众满意度测评`} css={css} script={formScriptPath}>
      <h1>
        {evaluation.unitName} 整改情况{evaluation.mode === 'link' ? '意见征询' : '群众满意度测评'}
      </h1>
      {evaluation.mode === 'link' && (
        <p class="note">本页为意见征询，结果仅供参考，不作为整改是否达标的依据；正式测评凭选票进行。</p>
      )}
      <p>
        本单位针对群众提出的问题制定了下列整改措施。请您逐项评价整改落实情况，再作总体评价；不清楚的请选“不了解”。测评无记名，系统不记录您是谁。
      </p>
      <FormProblems
        heading="请补全以下内容："
        errors={props.errors}
        notice={props.notice}
        anchorOf={(path) =>
          path === 'overall' ? 'q-overall' : path.startsWith('measures.') ? `q-${path.slice(9)}` : undefined
        }
      />
      <form
        method="post"
        action={`/e/${evaluation.id}`}
        data-page={sentBack(props) ? (props.code ? `/b/${props.code}` : `/e/${evaluation.id}`) : undefined}
      >
        <input type="hidden" name="requestToken" value={props.requestToken} />
        {props.code && <input type="hidden" name="code" value={props.code} />}
        {props.code && props.voterGroup && <input type="hidden" name="voterGroup" value={props.voterGroup} />}
        <h2>一、对各项整改措施的评价</h2>
        {evaluation.items.map((item, n) => (
          <fieldset id={`q-${item.measureId}`} class={missed(`measures.${item.measureId}`) ? 'q miss' : 'q'}>
            <legend class="p">
              {n + 1}. 问题：{item.problem}
            </legend>
            <p class="a">整改措施：{item.action}</p>
            {item.post && (
              <p class="m">
                责任岗位：{item.post}
                {item.deadline ? `，完成时限：${item.deadline}` : ''}
              </p>
            )}
            <Choices name={`m_${item.measureId}`} value={values.measures[item.measureId]} />
          </fieldset>
        ))}
        <fieldset id="q-overall" class={missed('overall') ? 'q miss' : 'q'}>
          <legend>二、对本单位整改工作的总体评价</legend>
          <Choices name="overall" value={values.overall} />
        </fieldset>
        <button type="submit">提交评价</button>
        <p class="m">提交后不能修改。本页不记录IP地址、设备信息和提交时间。</p>
        <PromiseNote promised={evaluation.promised} threshold={evaluation.mode === 'codes'} />
      </form>
    </PublicLayout>
  );
}

/** After an evaluation ballot is stored. */
export function EvaluationThanksPage(props: { unitName: string; receipt: string }) {
  return (
    <PublicLayout title="评价已提交">
      <h1>评价已提交，感谢您的参与！</h1>
      <p>测评结束、督导组计票后，{props.unitName}将公开测评结果。您的回执编号：</p>
      <p class="r">{props.receipt}</p>
      <p class="m">回执编号只能证明您的评价已收到，不能用来查出您评了什么、您是谁。</p>
    </PublicLayout>
  );
}
