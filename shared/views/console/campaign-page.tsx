import type { Principal } from '../../domain/account';
import { type Campaign, stageLabels, stages } from '../../domain/campaign';
import { type Group, type Unit, unitTypeLabels, unitTypes } from '../../domain/org';
import type { UnitOverview } from '../../domain/overview';
import type { OverdueMeasures } from '../../domain/rectification';
import { supervisionTasks } from '../../domain/tasks';
import { chinaTime, percent, shareText } from './format';
import { ConsoleLayout, Csrf } from './layout';
import { OverdueTable } from './overdue-table';
import { TasksList } from './tasks-list';
import { ZoneOverview } from './zone-overview';

interface Props {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  campaign: Campaign;
  groups: Group[];
  units: Unit[];
  /** The office's zone-wide overview. */
  overview?: UnitOverview[] | undefined;
  /** The office's zone-wide overdue measures. */
  overdue?: OverdueMeasures['items'] | undefined;
}

/** A campaign: stage windows and settings, its supervision groups and its units. */
export function CampaignPage({ who, csrf, flash, campaign, groups, units, overview, overdue }: Props) {
  const office = who.scope.role === 'office';
  const settings = campaign.settings;
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return (
    <ConsoleLayout title={campaign.name} who={who} csrf={csrf} flash={flash}>
      {overview && <TasksList tasks={supervisionTasks(overview, who.username)} />}
      {overview && <ZoneOverview campaignId={campaign.id} rows={overview} groups={groups} />}
      {overdue && <OverdueTable overdue={overdue} />}
      <p>
        <a href={`/console/campaigns/${campaign.id}/typical`}>典型经验</a>
        {office && '（选出各单位报送的经验做法，供各单位学习借鉴）'}
      </p>
      <h2>阶段安排</h2>
      <table>
        <tbody>
          {stages.map((st) => (
            <tr>
              <th>{stageLabels[st]}</th>
              <td>
                {campaign.stages[st].start} 至 {campaign.stages[st].end}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>规则设置</h2>
      {office ? (
        <form method="post" action={`/console/campaigns/${campaign.id}/settings`} class="card">
          <Csrf token={csrf} />
          {campaign.settingsFrozenAt && (
            <p class="flash">
              {chinaTime(campaign.settingsFrozenAt)}{' '}
              起已开始收集意见或投票，以下规则已经冻结，不能再改：群众是在这些规则下填写和投票的。
            </p>
          )}
          <fieldset disabled={Boolean(campaign.settingsFrozenAt)} style="border:0;padding:0;margin:0">
            <div class="grid">
              <div>
                <label for="anonymityK">少于几人不单独公布（匿名保护）</label>
                <input
                  id="anonymityK"
                  name="anonymityK"
                  type="number"
                  min="2"
                  max="50"
                  value={String(settings.anonymityK)}
                />
              </div>
              <div>
                <label for="satisfactionThreshold">满意率低于（%）需补课</label>
                <input
                  id="satisfactionThreshold"
                  name="satisfactionThreshold"
                  type="number"
                  min="0"
                  max="100"
                  step="0.1"
                  value={String(settings.satisfactionThreshold)}
                />
              </div>
              <div>
                <label for="excellentCap">“优秀”比例上限（如 1/3）</label>
                <input id="excellentCap" name="excellentCap" value={shareText(settings.excellentCap)} />
              </div>
              <div>
                <label for="incompetentShareThreshold">“不合格”票占比达到（如 1/3）需关注</label>
                <input
                  id="incompetentShareThreshold"
                  name="incompetentShareThreshold"
                  value={shareText(settings.incompetentShareThreshold)}
                />
              </div>
              <div>
                <label for="quorum">评议会到会比例（如 4/5）</label>
                <input id="quorum" name="quorum" value={shareText(settings.quorum)} />
              </div>
            </div>
            <label>
              <input type="checkbox" name="massUnknown" value="yes" checked={settings.massUnknown} />{' '}
              民主评议时群众代表可以对不熟悉的党员选“不了解”（之后新开的评议生效，不计入优秀率、合格率）
            </label>
            <button type="submit">保存设置</button>
          </fieldset>
        </form>
      ) : (
        <p>
          少于 {settings.anonymityK} 人的群体不单独公布；满意率低于 {settings.satisfactionThreshold}%
          需补课；“优秀”不超过 {percent(settings.excellentCap)}；评议会到会不少于应到人数的{' '}
          {percent(settings.quorum)}；“不合格”票占比达到 {percent(settings.incompetentShareThreshold)}{' '}
          需关注；群众代表{settings.massUnknown ? '可以' : '不能'}对党员选“不了解”。
        </p>
      )}

      {groups.length > 0 && <h2>督导组</h2>}
      {groups.length > 0 && (
        <ul>
          {groups.map((g) => (
            <li>
              <a href={`/console/groups/${g.id}`}>{g.name}</a>
              {g.note ? `：${g.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {office && (
        <form method="post" action={`/console/campaigns/${campaign.id}/groups`} class="card">
          <Csrf token={csrf} />
          <label for="groupName">新增督导组</label>
          <input id="groupName" name="name" placeholder="第七督导组" required />
          <button type="submit">新增</button>
        </form>
      )}

      <h2>参加单位（{units.length}）</h2>
      <table>
        <thead>
          <tr>
            <th>单位</th>
            <th>类型</th>
            <th>督导组</th>
            <th>阶段</th>
            <th>应到党员/群众代表</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr>
              <td>
                <a href={`/console/units/${u.id}`}>{u.name}</a>
              </td>
              <td>{unitTypeLabels[u.type]}</td>
              <td>{groupName.get(u.groupId) ?? ''}</td>
              <td>
                {stageLabels[u.stage]}
                {u.stageRequest ? `（申请转入${stageLabels[u.stageRequest.to]}）` : ''}
              </td>
              <td>
                {u.membersDue} / {u.massRepresentativesDue}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {office && (
        <form method="post" action={`/console/campaigns/${campaign.id}/units`} class="card">
          <Csrf token={csrf} />
          <h2 style="margin-top:0">新增参加单位</h2>
          <div class="grid">
            <div>
              <label for="uname">单位名称</label>
              <input id="uname" name="name" required />
            </div>
            <div>
              <label for="utype">类型</label>
              <select id="utype" name="type">
                {unitTypes.map((t) => (
                  <option value={t}>{unitTypeLabels[t]}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="uorg">党组织</label>
              <input id="uorg" name="partyOrganization" required />
            </div>
            <div>
              <label for="utitle">第一责任人职务</label>
              <input id="utitle" name="responsibleTitle" value="党支部书记" required />
            </div>
            <div>
              <label for="udue">应到党员数</label>
              <input id="udue" name="membersDue" type="number" min="0" required />
            </div>
            <div>
              <label for="umass">群众代表数</label>
              <input id="umass" name="massRepresentativesDue" type="number" min="0" required />
            </div>
            <div>
              <label for="ugroup">督导组</label>
              <select id="ugroup" name="groupId">
                {groups.map((g) => (
                  <option value={g.id}>{g.name}</option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit">新增单位</button>
        </form>
      )}
      {office && (
        <form
          method="post"
          action={`/console/campaigns/${campaign.id}/units/import`}
          enctype="multipart/form-data"
          class="card"
        >
          <Csrf token={csrf} />
          <h2 style="margin-top:0">从 CSV 导入单位</h2>
          <p class="muted">
            表头：单位名称,类型,党组织,第一责任人职务,应到党员数,群众代表数,督导组。Excel 另存为“CSV
            UTF-8”。全部校验通过才导入。
          </p>
          <label for="units-csv">单位名单 CSV 文件</label>
          <input id="units-csv" type="file" name="file" accept=".csv,text/csv" required />
          <button type="submit">导入</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
