import type { Group } from '../../domain/org';
import type { UnitOverview } from '../../domain/overview';
import { type Totals, totalsHeader, zoneTables } from '../../domain/overview-tables';
import { HBars } from './charts';

/** The whole zone for the office: by unit type and by supervision group, with every unit as XLSX or CSV. */
export function ZoneOverview(props: { campaignId: string; rows: UnitOverview[]; groups: Group[] }) {
  const { byType, byGroup } = zoneTables(props.rows, props.groups);
  const table = (lines: ({ label: string } & Totals)[], head: string) => (
    <table>
      <thead>
        <tr>
          <th>{head}</th>
          {totalsHeader.map((h) => (
            <th>{h}</th>
          ))}
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
            <td>
              {x.analysesApproved}/{x.analysesDue}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section>
      <h2>全区总览</h2>
      <p>
        导出每个单位的总览：
        <a href={`/api/campaigns/${props.campaignId}/overview?format=xlsx`}>Excel（XLSX）</a>
        {' · '}
        <a href={`/api/campaigns/${props.campaignId}/overview?format=csv`}>CSV</a>
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
