import {
  aboutOptions,
  focusAreas,
  problemGroups,
  respondentOptions,
  textLimits,
} from '../../domain/opinion-form';
import type { OpinionFormValues } from '../../domain/opinion-values';
import type { Round } from '../../domain/round';
import { formScriptPath, sentBack } from './form-script';
import { FormProblems, PublicLayout } from './layout';
import { PromiseNote } from './promise-note';
import { ReceiptLookup, receiptLookupCss } from './receipt-lookup';
import { UnitPublicLinks } from './unit-links';

const Check = (p: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  type?: 'checkbox' | 'radio';
}) => (
  <label class="opt">
    <input type={p.type ?? 'checkbox'} name={p.name} value={p.value} checked={p.checked} /> {p.label}
  </label>
);

/**
 * The masses' opinion form: plain HTML that works without JavaScript and in
 * WeChat's browser, one column, large tap targets, nothing from outside.
 */
export function FormPage(props: {
  round: Round;
  submissionId: string;
  values: OpinionFormValues;
  errors: { path: string; message: string }[];
  notice?: string | undefined;
  /** The unit's public disclosure, once its report is approved for everyone holding the QR link. */
  disclosurePath?: string | undefined;
  /** The unit's published 党性分析 materials, when published to the whole unit. */
  analysesPath?: string | undefined;
}) {
  const { round, values } = props;
  const focus = Object.entries(focusAreas[round.unitType]);
  const has = (list: string[], v: string) => list.includes(v);
  return (
    <PublicLayout title={`${round.unitName} 征求意见`} css={receiptLookupCss}>
      <h1>{round.unitName}</h1>
      <p>
        先进性教育活动正在广泛征求意见。请您对本单位领导班子、党员队伍和各项工作提出意见和建议，帮助我们找准最突出、最紧迫、群众反映最强烈的问题。
      </p>
      <p class="m">不用登录，不记录您是谁，约需1分钟。</p>
      <UnitPublicLinks disclosurePath={props.disclosurePath} analysesPath={props.analysesPath} />
      <FormProblems heading="请修改以下内容后再提交：" errors={props.errors} notice={props.notice} />
      <form
        method="post"
        action={`/f/${round.id}/send`}
        data-page={sentBack(props) ? `/f/${round.id}` : undefined}
      >
        <input type="hidden" name="submissionId" value={props.submissionId} />
        <fieldset>
          <legend>您的身份（可不填）</legend>
          {Object.entries(respondentOptions).map(([v, label]) => (
            <Check type="radio" name="respondent" value={v} label={label} checked={values.respondent === v} />
          ))}
        </fieldset>
        <fieldset>
          <legend>意见涉及（可多选）</legend>
          {Object.entries(aboutOptions).map(([v, label]) => (
            <Check name="about" value={v} label={label} checked={has(values.about, v)} />
          ))}
        </fieldset>
        {focus.length > 0 && (
          <fieldset>
            <legend>您认为本单位哪些方面需要加强（可多选）</legend>
            {focus.map(([v, label]) => (
              <Check name="focus" value={v} label={label} checked={has(values.focus, v)} />
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>党员中存在哪些突出问题（可多选）</legend>
          {problemGroups.map((g) => (
            <div>
              <p class="g">{g.label}</p>
              {Object.entries(g.problems).map(([v, label]) => (
                <Check name="problems" value={v} label={label} checked={has(values.problems, v)} />
              ))}
            </div>
          ))}
        </fieldset>
        {round.form.questions.map((q) => (
          <fieldset>
            <legend>
              {q.label}
              {q.required ? '' : '（可不填）'}
            </legend>
            {q.type === 'text' ? (
              <input
                name={`q_${q.id}`}
                maxlength={textLimits.customText}
                value={String(values.answers[q.id] ?? '')}
              />
            ) : (
              (q.options ?? []).map((o) => (
                <Check
                  type={q.type === 'single' ? 'radio' : 'checkbox'}
                  name={`q_${q.id}`}
                  value={o}
                  label={o}
                  checked={([] as string[]).concat(values.answers[q.id] ?? []).includes(o)}
                />
              ))
            )}
          </fieldset>
        ))}
        <label for="opinion" class="t">
          意见（{textLimits.opinion}字以内）
        </label>
        <textarea id="opinion" name="opinion" rows={5} maxlength={textLimits.opinion}>
          {values.opinion}
        </textarea>
        <label for="suggestion" class="t">
          建议（{textLimits.suggestion}字以内）
        </label>
        <textarea id="suggestion" name="suggestion" rows={4} maxlength={textLimits.suggestion}>
          {values.suggestion}
        </textarea>
        <button type="submit">提交意见</button>
        <p class="m">本页不记录IP地址、设备信息和准确时间；文字中的手机号、身份证号、邮箱会被自动隐去。</p>
        <PromiseNote promised={round.promised} />
      </form>
      <ReceiptLookup roundId={round.id} />
      <script src={formScriptPath} defer />
    </PublicLayout>
  );
}
