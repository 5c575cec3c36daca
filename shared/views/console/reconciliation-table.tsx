import { voterGroupLabels, voterGroups } from '../../domain/vote';
import type { ReconciliationView } from '../../domain/vote-count';
import { percent } from './format';

/** A vote's reconciliation (计票): codes, paper slips, ballots returned and turnout per voter group. */
export function ReconciliationTable(props: { reconciliation: ReconciliationView }) {
  const r = props.reconciliation;
  return (
    <>
      {r.void && <p class="flash error">收回票数多于发出票数，本次评议无效。</p>}
      {voterGroups
        .filter((g) => r.groups[g].overIssued > 0)
        .map((g) => (
          <p class="flash error">
            {voterGroupLabels[g]}发出选票（含纸质票）比应到人数多 {r.groups[g].overIssued}{' '}
            张，请核实多出的选票是否已收回或作废。
          </p>
        ))}
      <table>
        <thead>
          <tr>
            <th />
            <th>应到</th>
            <th>选票码 发出/已用/未用/作废</th>
            <th>纸质票发出</th>
            <th>收回 网上/纸质/合计</th>
            <th>参评率</th>
          </tr>
        </thead>
        <tbody>
          {voterGroups.map((g) => {
            const x = r.groups[g];
            return (
              <tr>
                <th>{voterGroupLabels[g]}</th>
                <td>{x.due}</td>
                <td>
                  {x.codes.issued} / {x.codes.used} / {x.codes.unused} / {x.codes.revoked}
                </td>
                <td>{x.paperIssued}</td>
                <td>
                  {x.ballots.online} / {x.ballots.paper} / {x.ballots.total}
                </td>
                <td>{x.turnout === null ? '—' : percent(x.turnout)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
