import type { Principal } from '../../domain/account';
import type { Unit } from '../../domain/org';
import { type Problem, problemAreaLabels, type Report, reportStateLabels } from '../../domain/report';
import { versionOf } from '../../domain/version';
import { chinaTime } from './format';
import { ConsoleLayout, Csrf } from './layout';

/** A draft problem's title, in the form its row's area and 保存 belong to (`pf-{id}`), from the version shown. */
function ProblemEdit(props: { unitId: string; problem: Problem; csrf: string }) {
  const p = props.problem;
  return (
    <form method="post" action={`/console/units/${props.unitId}/problems/${p.id}`} id={`pf-${p.id}`}>
      <Csrf token={props.csrf} />
      <input type="hidden" name="version" value={String(versionOf(p))} />
      <input name="title" value={p.title} required minlength={2} maxlength={100} aria-label="问题" />
    </form>
  );
}

/** The unit's problem list and analysis report: build, submit, approve or return, and its public link. */
export function ReportPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  unit: Unit;
  problems: Problem[];
  report?: Report | undefined;
  publicLink?: string | undefined;
}) {
  const { unit, report, csrf } = props;
  const role = props.who.scope.role;
  const canDraft = role === 'leader' || role === 'office';
  const canDecide = role === 'supervisor' || role === 'office';
  const base = `/console/units/${unit.id}/report`;
  const state = report?.state;
  const editable = canDraft && (state === undefined || state === 'draft');
  return (
    <ConsoleLayout title={`${unit.name} 分析评议报告`} who={props.who} csrf={csrf} flash={props.flash}>
      <p>
        <a href={`/console/units/${unit.id}`}>返回单位</a>　
        <a href={`/console/units/${unit.id}/opinions`}>群众意见（归并为问题）</a>
      </p>
      <h2>问题清单（按反映人数排列）</h2>
      {props.problems.length === 0 ? (
        <p class="muted">还没有问题。在“群众意见”页勾选意见，归并为问题。</p>
      ) : (
        <>
          {editable && (
            <p class="muted">
              报督导组之前可以改名、改方面、删除；要移动或拆分意见，到“群众意见”页勾选意见，归入另一个问题或新问题。
            </p>
          )}
          <table>
            <thead>
              <tr>
                <th>问题</th>
                <th>方面</th>
                <th>归并的意见</th>
                {editable && <th>删除</th>}
              </tr>
            </thead>
            <tbody>
              {props.problems.map((p) => (
                <tr id={`p-${p.id}`}>
                  <td>{editable ? <ProblemEdit unitId={unit.id} problem={p} csrf={csrf} /> : p.title}</td>
                  <td>
                    {editable ? (
                      <>
                        <select name="area" form={`pf-${p.id}`} aria-label="方面">
                          {Object.entries(problemAreaLabels).map(([k, v]) => (
                            <option value={k} selected={k === p.area}>
                              {v}
                            </option>
                          ))}
                        </select>
                        <button type="submit" form={`pf-${p.id}`} class="secondary">
                          保存
                        </button>
                      </>
                    ) : (
                      problemAreaLabels[p.area]
                    )}
                  </td>
                  <td>{p.opinionRefs.length}</td>
                  {editable && (
                    <td>
                      <form method="post" action={`/console/units/${unit.id}/problems/${p.id}/delete`}>
                        <Csrf token={csrf} />
                        <input type="hidden" name="version" value={String(versionOf(p))} />
                        <button type="submit" class="secondary" aria-label={`删除问题：${p.title}`}>
                          删除
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>报告</h2>
      {report ? (
        <p>
          状态：<strong>{reportStateLabels[report.state]}</strong>；{chinaTime(report.builtAt)} 由{' '}
          {report.builtBy} 生成，群众意见 {report.published.opinions.total ?? '少于k'} 条，问题{' '}
          {report.published.problems.length} 个，民主评议 {report.published.reviews.length} 次。
          <br />
          <span class="muted">
            SHA-256：<code>{report.sha256}</code>
          </span>
        </p>
      ) : (
        <p class="muted">还没有生成报告。</p>
      )}
      {report?.returnComment && state === 'draft' && (
        <p class="flash error">督导组退回意见：{report.returnComment}</p>
      )}
      {state === 'approved' && props.publicLink && (
        <p class="flash">
          已经督导组认可（{report?.approvedBy}，{chinaTime(report?.approvedAt ?? '')}），公开范围：
          {report?.scope === 'public' ? '持本单位二维码的所有人' : '本单位'}。公开页面：
          <a href={props.publicLink}>{props.publicLink}</a>（<a href={`${base}/sheet`}>打印公示单</a>）
          <br />
          下一步：<a href={`/console/units/${unit.id}/measures`}>针对问题制定整改措施</a>
        </p>
      )}
      {canDraft && (state === undefined || state === 'draft') && (
        <div class="grid">
          <form method="post" action={base} class="card">
            <Csrf token={csrf} />
            <p>按现有意见和评议结果重新统计，生成报告草稿（数字以逐条重新统计为准）。</p>
            <button type="submit">{report ? '重新生成报告' : '生成报告'}</button>
          </form>
          {report && (
            <form method="get" action={`${base}/preview`} class="card">
              <input type="hidden" name="for" value="submit" />
              <p>报督导组把关认可。先看群众将看到的页面，核对后在页面最下方确认报送。</p>
              <button type="submit">预览并报督导组</button>
            </form>
          )}
        </div>
      )}
      {canDecide && state === 'submitted' && (
        <div class="grid">
          <form method="get" action={`${base}/preview`} class="card">
            <input type="hidden" name="for" value="approve" />
            <h2 style="margin-top:0">认可并公开</h2>
            <label for="scope">公开范围</label>
            <select id="scope" name="scope">
              <option value="public">持本单位二维码的所有人</option>
              <option value="unit">仅本单位（单独链接）</option>
            </select>
            <label style="font-weight:normal">
              <input type="checkbox" name="publishExcellent" value="yes" /> 同时公开评定为优秀的党员姓名
            </label>
            <p class="muted">
              其他党员的评议票数和评定等次不公开，由党组织向本人反馈。先看公开后的页面，核对后确认。
            </p>
            <button type="submit">预览并认可</button>
          </form>
          <form method="post" action={`${base}/return`} class="card">
            <Csrf token={csrf} />
            <h2 style="margin-top:0">退回修改</h2>
            <label for="comment">意见</label>
            <textarea id="comment" name="comment" required />
            <button type="submit" class="secondary">
              退回
            </button>
          </form>
        </div>
      )}
    </ConsoleLayout>
  );
}
