import type { Principal } from '../../domain/account';
import { stageLabels } from '../../domain/campaign';
import { type Group, type Unit, unitTypeLabels } from '../../domain/org';
import { ConsoleLayout } from './layout';

/** A supervision group's units side by side, pending stage requests first. */
export function GroupPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  group: Group;
  units: Unit[];
}) {
  const units = [...props.units].sort(
    (a, b) => Number(Boolean(b.stageRequest)) - Number(Boolean(a.stageRequest)),
  );
  return (
    <ConsoleLayout title={props.group.name} who={props.who} csrf={props.csrf} flash={props.flash}>
      {props.group.note && <p>{props.group.note}</p>}
      <p>
        <a href={`/console/campaigns/${props.group.campaignId}`}>查看活动安排与规则设置</a>
      </p>
      <table>
        <thead>
          <tr>
            <th>单位</th>
            <th>类型</th>
            <th>阶段</th>
            <th>转段申请</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr>
              <td>
                <a href={`/console/units/${u.id}`}>{u.name}</a>
              </td>
              <td>{unitTypeLabels[u.type]}</td>
              <td>{stageLabels[u.stage]}</td>
              <td>{u.stageRequest ? `待审批：转入${stageLabels[u.stageRequest.to]}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}
