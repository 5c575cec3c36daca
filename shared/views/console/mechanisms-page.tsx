import type { Principal } from '../../domain/account';
import { type Mechanism, mechanismKindLabels, mechanismKinds, type Practice } from '../../domain/mechanism';
import type { Unit } from '../../domain/org';
import { ConsoleLayout, Csrf, PageLinks } from './layout';
import { PracticeList } from './practice-list';

/** 长效机制与经验做法: the unit's mechanisms by kind and its good practice, with the forms to add both. */
export function MechanismsPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  unit: Unit;
  mechanisms: Mechanism[];
  practices: Practice[];
}) {
  const { unit, csrf } = props;
  const role = props.who.scope.role;
  const canWrite = role === 'leader' || role === 'office';
  const base = `/console/units/${unit.id}`;
  return (
    <ConsoleLayout title={`${unit.name} 长效机制与经验做法`} who={props.who} csrf={csrf} flash={props.flash}>
      <PageLinks
        links={[
          [base, '返回单位'],
          [`${base}/measures`, '整改措施'],
          [`/console/campaigns/${unit.campaignId}/typical`, '典型经验'],
        ]}
      />
      <h2>长效机制（{props.mechanisms.length}）</h2>
      {props.mechanisms.length === 0 && <p class="muted">还没有记录长效机制。</p>}
      {mechanismKinds.map((kind) => {
        const mine = props.mechanisms.filter((m) => m.kind === kind);
        return (
          mine.length > 0 && (
            <section class="card">
              <h3 style="margin-top:0">{mechanismKindLabels[kind]}</h3>
              {mine.map((m) => (
                <p>
                  <strong>{m.title}</strong>（{m.adoptedOn} 起施行）
                  <br />
                  {m.content}
                </p>
              ))}
            </section>
          )
        );
      })}
      {canWrite && (
        <form method="post" action={`${base}/mechanisms`} class="card">
          <Csrf token={csrf} />
          <h3 style="margin-top:0">记录一项长效机制</h3>
          <label for="kind">类别</label>
          <select id="kind" name="kind">
            {mechanismKinds.map((k) => (
              <option value={k}>{mechanismKindLabels[k]}</option>
            ))}
          </select>
          <label for="mtitle">制度名称</label>
          <input
            id="mtitle"
            name="title"
            required
            minlength={2}
            maxlength={100}
            placeholder="如：党员联系群众制度"
          />
          <label for="mcontent">主要内容</label>
          <textarea id="mcontent" name="content" rows={3} required minlength={4} maxlength={2000} />
          <label for="adoptedOn">施行日期</label>
          <input id="adoptedOn" name="adoptedOn" type="date" required />
          <button type="submit">保存</button>
        </form>
      )}
      <h2>经验做法（{props.practices.length}）</h2>
      <PracticeList practices={props.practices} csrf={csrf} canMark={role === 'office'} showUnit={false} />
      {canWrite && (
        <form method="post" action={`${base}/practices`} class="card">
          <Csrf token={csrf} />
          <h3 style="margin-top:0">报送经验做法</h3>
          <p class="muted">报送后由活动领导小组办公室选为典型经验，供各单位学习借鉴。</p>
          <label for="ptitle">标题</label>
          <input id="ptitle" name="title" required minlength={2} maxlength={100} />
          <label for="pcontent">做法和成效</label>
          <textarea id="pcontent" name="content" rows={5} required minlength={10} maxlength={5000} />
          <button type="submit">报送</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
