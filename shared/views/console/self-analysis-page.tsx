import type { Principal } from '../../domain/account';
import type { Unit } from '../../domain/org';
import {
  analysisLimits,
  categoryLabel,
  editable,
  type SelfAnalysis,
  selfAnalysisStateLabels,
} from '../../domain/self-analysis';
import { MaterialText, valuesOf } from '../public/member-page';
import { chinaTime } from './format';
import { ConsoleLayout, Csrf, PageLinks } from './layout';

/**
 * One member's 党性分析 in the console: the material to read; 认可 or 退回 (with
 * the comment the member will see) once submitted; and, while it may still
 * change, the secretary's form to type in the member's paper material.
 */
export function SelfAnalysisPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  unit: Unit;
  member: { id: string; name: string; category: string };
  material?: SelfAnalysis | undefined;
  canCheck: boolean;
  /** May type the text: a member's paper material (the secretary), the leading team's own report (the unit). */
  canType: boolean;
  /** The leading team's 领导班子分析检查报告 rather than a member's material. */
  team?: boolean | undefined;
  /** The secretary's text as sent, when it came back with a problem (nothing was stored). */
  typed?: SelfAnalysis['content'] | undefined;
}) {
  const { unit, csrf, material: m } = props;
  const text = props.typed ?? m?.content;
  const back = `/console/units/${unit.id}/self-analyses`;
  const here = `${back}/${props.member.id}`;
  const typing = props.canType && unit.stage === 'appraisal' && editable(m?.state);
  const words = props.team
    ? {
        title: `${unit.name} 领导班子分析检查报告`,
        form: '撰写领导班子分析检查报告',
        note: '领导班子对照群众意见和民主评议情况，查找问题、剖析原因、提出整改措施；提交后由督导组认可或退回，认可后随本单位分析评议报告公开。',
        submit: '提交督导组',
        approvedNote: '认可后报告内容固定，随本单位分析评议报告公开。',
        returnedTo: '退回意见（领导班子在本页看到）',
      }
    : {
        title: `${props.member.name} 的党性分析材料`,
        form: '代录书面材料',
        note: '党员交来纸质材料的，由党支部照录；记入操作记录，并在党员的链接上注明为代录。',
        submit: '录入并提交把关',
        approvedNote: '认可后材料内容固定，不能再改。',
        returnedTo: '退回意见（党员在本人链接上看到）',
      };
  const rows = Math.min(analysisLimits.measures, Math.max(3, (text?.measures.length ?? 0) + 1));
  return (
    <ConsoleLayout title={words.title} who={props.who} csrf={csrf} flash={props.flash}>
      <PageLinks links={[[back, '返回党性分析名单']]} />
      <p>
        {unit.name} · {props.team ? '领导班子' : categoryLabel(props.member.category)} · 状态：
        <strong>{selfAnalysisStateLabels[m?.state ?? 'notStarted']}</strong>
        {m?.submittedAt && `（${chinaTime(m.submittedAt)} 提交）`}
        {m?.enteredBy && '（党支部代录）'}
      </p>
      {m?.state === 'returned' && m.returnComment && (
        <p class="flash error">已退回，意见：{m.returnComment}</p>
      )}
      {m && m.state !== 'draft' && <MaterialText values={valuesOf(m)} />}
      {m?.state === 'approved' && (
        <p class="muted">
          {chinaTime(m.approvedAt)} 认可，内容已固定。SHA-256：<code>{m.sha256}</code>
        </p>
      )}
      {m?.state === 'submitted' && props.canCheck && (
        <div class="grid">
          <form method="post" action={`${here}/approve`} class="card">
            <Csrf token={csrf} />
            <h2 style="margin-top:0">认可</h2>
            <p class="muted">{words.approvedNote}</p>
            <button type="submit">认可这份材料</button>
          </form>
          <form method="post" action={`${here}/return`} class="card">
            <Csrf token={csrf} />
            <h2 style="margin-top:0">退回修改</h2>
            <label for="comment">{words.returnedTo}</label>
            <textarea id="comment" name="comment" required maxlength={analysisLimits.comment} />
            <button type="submit" class="secondary">
              退回
            </button>
          </form>
        </div>
      )}
      {typing && (
        <form method="post" action={`${here}/enter`} class="card">
          <Csrf token={csrf} />
          <h2 style="margin-top:0">{words.form}</h2>
          <p class="muted">{words.note}</p>
          <input type="hidden" name="version" value={String(m?.version ?? 0)} />
          <label for="problems">一、查找的问题</label>
          <textarea id="problems" name="problems" rows={5} maxlength={analysisLimits.text}>
            {text?.problems ?? ''}
          </textarea>
          <label for="causes">二、原因剖析</label>
          <textarea id="causes" name="causes" rows={4} maxlength={analysisLimits.text}>
            {text?.causes ?? ''}
          </textarea>
          <fieldset>
            <legend>三、努力方向和整改措施</legend>
            {Array.from({ length: rows }, (_, i) => (
              <div class="grid">
                <div>
                  <label for={`m${i}_a`}>措施{i + 1}</label>
                  <input id={`m${i}_a`} name={`m${i}_a`} value={text?.measures[i]?.action ?? ''} />
                </div>
                <div>
                  <label for={`m${i}_d`}>完成时限</label>
                  <input
                    id={`m${i}_d`}
                    name={`m${i}_d`}
                    type="date"
                    value={text?.measures[i]?.deadline ?? ''}
                  />
                </div>
              </div>
            ))}
          </fieldset>
          <button type="submit" name="intent" value="draft" class="secondary">
            存为草稿
          </button>{' '}
          <button type="submit" name="intent" value="submit">
            {words.submit}
          </button>
        </form>
      )}
    </ConsoleLayout>
  );
}
