import type { Principal } from '../../domain/account';
import { tallyText } from '../../domain/analysis-tally';
import { stageLabels } from '../../domain/campaign';
import { type Group, unitTypeLabels } from '../../domain/org';
import type { OverviewSort, UnitOverview } from '../../domain/overview';
import type { OverdueMeasures } from '../../domain/rectification';
import { reportStateLabels } from '../../domain/report';
import { supervisionTasks } from '../../domain/tasks';
import { HBars } from './charts';
import { percent } from './format';
import { ConsoleLayout } from './layout';
import { OverdueTable } from './overdue-table';
import { TasksList } from './tasks-list';

const columns: [OverviewSort | undefined, string][] = [
  ['name', '单位'],
  [undefined, '阶段'],
  ['opinions', '群众意见'],
  ['turnout', '参评率'],
  ['satisfaction', '班子满意率'],
  [undefined, '整改满意率'],
  [undefined, '党性分析'],
  [undefined, '提示'],
  ['waiting', '报告'],
];

/** A supervision group's units side by side: stage, opinions, turnout, 满意率, flags, report state; sortable. */
export function GroupPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  group: Group;
  rows: UnitOverview[];
  sort: OverviewSort;
  threshold: number;
  overdue: OverdueMeasures['items'];
}) {
  const { rows } = props;
  const rated = rows.filter((r) => r.satisfactionRate !== null);
  return (
    <ConsoleLayout title={props.group.name} who={props.who} csrf={props.csrf} flash={props.flash}>
      <TasksList tasks={supervisionTasks(rows, props.who.username)} />
      {props.group.note && <p>{props.group.note}</p>}
      <p>
        <a href={`/console/campaigns/${props.group.campaignId}`}>查看活动安排与规则设置</a>
        {' · '}
        <a href={`/console/campaigns/${props.group.campaignId}/typical`}>典型经验</a>
        {' · '}
        导出总览：
        <a href={`/api/groups/${props.group.id}/overview?format=xlsx&sort=${props.sort}`}>Excel（XLSX）</a>{' '}
        <a href={`/api/groups/${props.group.id}/overview?format=csv&sort=${props.sort}`}>CSV</a>
      </p>
      <table>
        <thead>
          <tr>
            {columns.map(([key, label]) => (
              <th>{key && key !== props.sort ? <a href={`?sort=${key}`}>{label}</a> : label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr>
              <td>
                <a href={`/console/units/${u.unitId}`}>{u.name}</a>
                <span class="muted">
                  （{unitTypeLabels[u.type as keyof typeof unitTypeLabels] ?? u.type}）
                </span>
              </td>
              <td>
                {stageLabels[u.stage as keyof typeof stageLabels] ?? u.stage}
                {u.stageRequested && <strong>　待审批转段</strong>}
              </td>
              <td>{u.opinions}</td>
              <td>{u.turnout === null ? '—' : percent(u.turnout)}</td>
              <td>{u.satisfactionRate === null ? '—' : percent(u.satisfactionRate)}</td>
              <td>{u.rectificationRate === null ? '—' : percent(u.rectificationRate)}</td>
              <td>{tallyText(u.analyses)}</td>
              <td>
                {[
                  u.remedial ? '需补课' : '',
                  u.incompetentFlags > 0 ? `不合格票较多${u.incompetentFlags}人` : '',
                  u.rectificationRemedial ? '整改测评未达标，需补课' : '',
                  u.overdueMeasures > 0 ? `整改措施超期${u.overdueMeasures}项` : '',
                ]
                  .filter(Boolean)
                  .join('，')}
              </td>
              <td>
                {u.reportState ? reportStateLabels[u.reportState] : '未生成'}
                {u.waitingDays !== null && `，已等${u.waitingDays}天`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <OverdueTable overdue={props.overdue} />
      {rated.length > 0 && (
        <>
          <h2>领导班子满意率（虚线为规定比例）</h2>
          <HBars
            title="各单位领导班子满意率"
            shares
            threshold={props.threshold}
            rows={rated.map((r) => ({ label: r.name, value: r.satisfactionRate }))}
          />
        </>
      )}
      <h2>收到的群众意见</h2>
      <HBars title="各单位收到的群众意见" rows={rows.map((r) => ({ label: r.name, value: r.opinions }))} />
    </ConsoleLayout>
  );
}
