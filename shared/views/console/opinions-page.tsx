import type { Principal } from '../../domain/account';
import {
  aboutOptions,
  focusAreas,
  problemGroups,
  problemLabels,
  respondentOptions,
} from '../../domain/opinion-form';
import type { OpinionListPage } from '../../domain/opinion-list';
import type { OpinionSummary } from '../../domain/opinion-summary';
import type { Unit } from '../../domain/org';
import { type Problem, problemAreaLabels } from '../../domain/report';
import { BreakdownBars as Bars } from './breakdown-bars';
import { DayColumns, HBars } from './charts';
import { ConsoleLayout, Csrf, PageLinks } from './layout';

const respondentLabels: Record<string, string> = { ...respondentOptions, unspecified: '未填身份' };

/** The unit's opinions: counts (problems most named first), a filtered list and exports. */
export function OpinionsPage(props: {
  who: Principal;
  csrf: string;
  unit: Unit;
  summary: OpinionSummary;
  list: OpinionListPage;
  /** The problem list: which problem each opinion is merged into, and where to merge more. */
  problems: Problem[];
  flash?: { ok?: string | undefined; error?: string | undefined };
  /** The unit's leader (or the office) may merge opinions into problems. */
  canMerge: boolean;
  /** The page's filters and position, to come back to after a merge. */
  query: string;
}) {
  const { unit, summary } = props;
  const mergedInto = new Map(props.problems.flatMap((p) => p.opinionRefs.map((r) => [r, p.title] as const)));
  const focusLabels = focusAreas[unit.type];
  const label = (labels: Record<string, string>, keys: string[]) =>
    keys.map((k) => labels[k] ?? k).join('、');
  const api = `/api/units/${unit.id}/opinions/export`;
  return (
    <ConsoleLayout title={`${unit.name} 群众意见`} who={props.who} csrf={props.csrf} flash={props.flash}>
      <PageLinks
        links={[
          [`/console/units/${unit.id}`, '返回单位'],
          [`/console/units/${unit.id}/report`, '问题清单和分析评议报告'],
        ]}
      />
      <p>
        共收到 {summary.total === null ? `不足${summary.k}份` : `${summary.total} 份`}意见。　导出：
        <a href={`${api}?format=xlsx`}>Excel（XLSX，含汇总）</a>　
        <a href={`${api}?format=csv`}>意见明细（CSV）</a>　
        <a href={`/api/units/${unit.id}/opinions/summary?format=csv`}>汇总（CSV）</a>
      </p>
      <h2>每天收到的意见</h2>
      {summary.days.length > 0 ? (
        <DayColumns days={summary.days} title="每天收到的意见数" />
      ) : (
        <p class="muted">还没有意见。</p>
      )}
      <h2>群众反映的突出问题（按党员类别）</h2>
      {problemGroups.map((g) => {
        const cells = summary.problems.filter((c) => c.key in g.problems && c.count !== 0);
        if (cells.length === 0) return null;
        return (
          <div>
            <h3>{g.label}</h3>
            <HBars
              title={`${g.label}的问题`}
              total={summary.total ?? undefined}
              rows={cells.map((c) => ({
                label: problemLabels[c.key] ?? c.key,
                value: c.count,
                note: `少于${summary.k}人`,
              }))}
            />
          </div>
        );
      })}
      <div class="grid">
        <Bars title="着力点" cells={summary.focus} labels={focusLabels} k={summary.k} total={summary.total} />
        <Bars
          title="意见涉及"
          cells={summary.about}
          labels={aboutOptions}
          k={summary.k}
          total={summary.total}
        />
        <Bars
          title="提意见的人"
          additive
          cells={summary.respondent}
          labels={respondentLabels}
          k={summary.k}
          total={summary.total}
        />
      </div>
      <h2>意见明细</h2>
      <form method="get" class="card">
        <div class="grid">
          <div>
            <label for="problem">问题</label>
            <select id="problem" name="problem">
              <option value="">全部</option>
              {Object.entries(problemLabels).map(([k, v]) => (
                <option value={k}>{v}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="focus">着力点</label>
            <select id="focus" name="focus">
              <option value="">全部</option>
              {Object.entries(focusLabels).map(([k, v]) => (
                <option value={k}>{v}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="about">涉及</label>
            <select id="about" name="about">
              <option value="">全部</option>
              {Object.entries(aboutOptions).map(([k, v]) => (
                <option value={k}>{v}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="respondent">身份</label>
            <select id="respondent" name="respondent">
              <option value="">全部</option>
              {Object.entries(respondentOptions).map(([k, v]) => (
                <option value={k}>{v}</option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit">筛选</button>
      </form>
      <form method="post" action={`/console/units/${unit.id}/problems`}>
        <Csrf token={props.csrf} />
        <input type="hidden" name="q" value={props.query} />
        <table class="cards">
          <thead>
            <tr>
              {props.canMerge && <th>归并</th>}
              <th>日期</th>
              <th>身份</th>
              <th>涉及 / 着力点 / 问题</th>
              <th>意见</th>
              <th>建议</th>
              <th>已归入</th>
            </tr>
          </thead>
          <tbody>
            {props.list.items.map((o) => (
              <tr>
                {props.canMerge && (
                  <td data-label="归并">
                    <input type="checkbox" name="ref" value={o.ref} aria-label="归并这条意见" />
                  </td>
                )}
                <td class="day" data-label="日期">
                  {o.day}
                </td>
                <td data-label="身份">
                  {o.respondentWithheld ? (
                    <span class="muted">不显示</span>
                  ) : o.respondent ? (
                    respondentLabels[o.respondent]
                  ) : (
                    '未填'
                  )}
                </td>
                <td data-label="涉及 / 着力点 / 问题">
                  {[
                    label(aboutOptions, o.about),
                    label(focusLabels, o.focus),
                    label(problemLabels, o.problems),
                  ]
                    .filter(Boolean)
                    .join(' / ')}
                </td>
                <td data-label="意见" style="white-space:pre-wrap">
                  {o.opinion}
                </td>
                <td data-label="建议" style="white-space:pre-wrap">
                  {o.suggestion}
                </td>
                <td data-label="已归入">{mergedInto.get(o.ref) ?? <span class="muted">未归并</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {props.canMerge && props.list.items.length > 0 && (
          <div class="card">
            <h2 style="margin-top:0">把勾选的意见归并为一个问题（梳理归并）</h2>
            <p class="muted">
              已归入别的问题的意见，归并到这里就从原来的问题中移出；拆分一个问题，就勾选它的部分意见归并为新问题。
            </p>
            <label for="pinto">归入</label>
            <select id="pinto" name="into">
              <option value="new">新问题（填写下面的问题和方面）</option>
              {props.problems.map((p) => (
                <option value={p.id}>
                  已有问题：{p.title}（{p.opinionRefs.length}条）
                </option>
              ))}
            </select>
            <div class="grid">
              <div>
                <label for="ptitle">问题</label>
                <input id="ptitle" name="title" minlength={2} maxlength={100} />
              </div>
              <div>
                <label for="parea">方面</label>
                <select id="parea" name="area">
                  {Object.entries(problemAreaLabels).map(([k, v]) => (
                    <option value={k}>{v}</option>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit">归并为问题</button>
          </div>
        )}
      </form>
      {props.list.withheld && <p class="flash">{props.list.withheld.message}</p>}
      {props.list.items.some((o) => o.respondentWithheld) && (
        <p class="muted">人数少于{summary.k}人的身份不显示，以免认出提意见的人。</p>
      )}
      {props.list.nextCursor && (
        <p>
          <a
            href={`?${props.query}${props.query ? '&' : ''}cursor=${encodeURIComponent(props.list.nextCursor)}`}
          >
            下一页
          </a>
        </p>
      )}
    </ConsoleLayout>
  );
}
