import type { OverdueMeasures } from '../../domain/rectification';

/** Measures past their deadline and not done, across units, earliest deadline first. */
export function OverdueTable(props: { overdue: OverdueMeasures['items'] }) {
  return (
    <>
      <h2>超期未完成的整改措施（{props.overdue.length}）</h2>
      {props.overdue.length === 0 ? (
        <p class="muted">没有超过完成时限的整改措施。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>单位</th>
              <th>整改措施</th>
              <th>责任岗位</th>
              <th>完成时限</th>
              <th>已超期</th>
            </tr>
          </thead>
          <tbody>
            {props.overdue.map((o) => (
              <tr>
                <td>
                  <a href={`/console/units/${o.unitId}/measures`}>{o.unitName}</a>
                </td>
                <td>{o.measure.action}</td>
                <td>{o.measure.post}</td>
                <td>{o.measure.deadline}</td>
                <td>{o.daysLate}天</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
