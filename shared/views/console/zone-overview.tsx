import type { Group } from '../../domain/org';
import { unitTypeLabels } from '../../domain/org';
import type { UnitOverview } from '../../domain/overview';
import { HBars } from './charts';

/** Sums of a set of units' overview lines. */
function totals(rows: UnitOverview[]) {
  return {
    units: rows.length,
    opinions: rows.reduce((s, r) => s + r.opinions, 0),
    approved: rows.filter((r) => r.reportState === 'approved').length,
    waiting: rows.filter((r) => r.reportState === 'submitted').length,
    remedial: rows.filter((r) => r.remedial).length,
  };
}

/** The whole zone for the office: by unit type and by supervision group, with the CSV of every unit. */
export function ZoneOverview(props: { campaignId: string; rows: UnitOverview[]; groups: Group[] }) {
  const byType = Object.entries(unitTypeLabels)
    .map(([type, label]) => ({ label, ...totals(props.rows.filter((r) => r.type === type)) }))
    .filter((x) => x.units > 0);
  const byGroup = props.groups.map((g) => ({
    label: g.name,
    ...totals(props.rows.filter((r) => r.groupId === g.id)),
  }));
  const table = (lines: ({ label: string } & ReturnType<typeof totals>)[], head: string) => (
    <table>
      <thead>
        <tr>
          <th>{head}</th>
          <th>单位</th>
          <th>群众意见</th>
          <th>报告已认可</th>
          <th>待认可</th>
          <th>需补课</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((x) => (
          <tr>
            <td>{x.label}</td>
            <td>{x.units}</td>
            <td>{x.opinions}</td>
            <td>{x.approved}</td>
            <td>{x.waiting}</td>
            <td>{x.remedial}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section>
      <h2>全区总览</h2>
      <p>
        <a href={`/api/campaigns/${props.campaignId}/overview?format=csv`}>导出每个单位的总览（CSV）</a>
      </p>
      {table(byType, '单位类型')}
      {table(byGroup, '督导组')}
      <HBars
        title="各督导组收到的群众意见"
        rows={byGroup.map((g) => ({ label: g.label, value: g.opinions }))}
      />
    </section>
  );
}
