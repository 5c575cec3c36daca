import type { Principal } from '../../domain/account';
import {
  type AnalysesDisclosure,
  analysesScopeLabels,
  analysesScopes,
} from '../../domain/analyses-disclosure';
import type { Unit } from '../../domain/org';
import {
  categoryLabel,
  editable,
  type SelfAnalysis,
  selfAnalysisStateLabels,
  teamAnalysisId,
} from '../../domain/self-analysis';
import { chinaTime } from './format';
import { ConsoleLayout, Csrf, PageLinks } from './layout';

/** One member's line: where their material stands and whether they hold a personal link. */
export interface AnalysisLine {
  memberId: string;
  memberName: string;
  category: string;
  state: SelfAnalysis['state'] | 'notStarted';
  material?: SelfAnalysis | undefined;
  hasLink: boolean;
}

/** The leading team's report: where it stands and the way to write, read or check it. */
function TeamLine(props: {
  unitId: string;
  team?: SelfAnalysis | undefined;
  canWrite: boolean;
  canCheck: boolean;
}) {
  const state = props.team?.state;
  const href = `/console/units/${props.unitId}/self-analyses/${teamAnalysisId(props.unitId)}`;
  const action =
    props.canWrite && editable(state)
      ? state
        ? '继续撰写'
        : '撰写'
      : props.canCheck && state === 'submitted'
        ? '审核'
        : '查看';
  return (
    <section class="card" id="team">
      <h2 style="margin-top:0">领导班子分析检查报告</h2>
      <p>
        状态：<strong>{selfAnalysisStateLabels[state ?? 'notStarted']}</strong>　<a href={href}>{action}</a>
      </p>
      <p class="muted">
        由领导班子撰写，督导组认可或退回；认可后随本单位分析评议报告公开（认可后再生成报告）。
      </p>
    </section>
  );
}

/**
 * 党性分析 of a unit: every member's state (未开始 / 草稿 / 已提交 / 已退回 / 已认可),
 * the submitted ones to read and approve or return with a comment, and for
 * the secretary the members' personal links (issue, print, replace, revoke).
 */
export function SelfAnalysesPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  unit: Unit;
  lines: AnalysisLine[];
  counts: { due: number; submitted: number; approved: number };
  canCheck: boolean;
  canCheckTeam: boolean;
  canWriteTeam: boolean;
  canManageLinks: boolean;
  /** The leading team's 领导班子分析检查报告, once started. */
  team?: SelfAnalysis | undefined;
  published?: AnalysesDisclosure | undefined;
  /** The unit-wide page of the published materials (`/a/{token}`), when published to the unit. */
  publishedLink?: string | undefined;
}) {
  const { unit, csrf } = props;
  const base = `/console/units/${unit.id}`;
  const waiting = props.lines.filter((l) => l.state === 'submitted');
  const withoutLink = props.lines.filter((l) => !l.hasLink).length;
  return (
    <ConsoleLayout title={`${unit.name} 党性分析`} who={props.who} csrf={csrf} flash={props.flash}>
      <PageLinks links={[[base, '返回单位']]} />
      <p>
        应参加 {props.counts.due} 人，已提交 {props.counts.submitted} 人，已认可 {props.counts.approved} 人。
        党员用个人链接撰写材料，提交后由党组织把关：认可的材料内容固定；深度不够的退回并写明意见，党员在同一链接上修改后再交。
      </p>
      {waiting.length > 0 && (
        <p class="flash">
          等待把关：
          {waiting.map((l, i) => (
            <>
              {i > 0 && '、'}
              <a href={`${base}/self-analyses/${l.memberId}`}>{l.memberName}</a>
            </>
          ))}
          {props.lines.some((l) => l.material?.submittedAt) && (
            <span class="muted">
              （最早提交于 {chinaTime(waiting.map((l) => l.material?.submittedAt ?? '').sort()[0])}）
            </span>
          )}
        </p>
      )}
      <TeamLine
        unitId={unit.id}
        team={props.team}
        canWrite={props.canWriteTeam}
        canCheck={props.canCheckTeam}
      />
      {props.canManageLinks && (
        <section class="card">
          <h2 style="margin-top:0">党员个人链接</h2>
          <p class="muted">
            每名党员一个链接（不是匿名的，与民主评议选票无关），打印成带二维码的纸条发给本人。纸条丢失或被别人看到的，重新发放，旧链接随即作废。
          </p>
          {withoutLink > 0 && (
            <form method="post" action={`${base}/member-links`} class="inline">
              <Csrf token={csrf} />
              <button type="submit">为 {withoutLink} 名党员发放个人链接</button>
            </form>
          )}{' '}
          {withoutLink < props.lines.length && <a href={`${base}/member-links/slips`}>打印个人链接纸条</a>}
        </section>
      )}
      <table class="cards">
        <thead>
          <tr>
            <th>党员</th>
            <th>类别</th>
            <th>材料</th>
            {props.canManageLinks && <th>个人链接</th>}
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr id={`a-${l.memberId}`}>
              <td data-label="党员">{l.memberName}</td>
              <td data-label="类别">{categoryLabel(l.category)}</td>
              <td data-label="材料">
                {l.material ? (
                  <a href={`${base}/self-analyses/${l.memberId}`}>{selfAnalysisStateLabels[l.state]}</a>
                ) : (
                  selfAnalysisStateLabels[l.state]
                )}
                {l.material?.enteredBy && <span class="muted">（代录）</span>}
                {!l.material && props.canCheck && unit.stage === 'appraisal' && (
                  <>
                    {' '}
                    <a href={`${base}/self-analyses/${l.memberId}`}>代录书面材料</a>
                  </>
                )}
              </td>
              {props.canManageLinks && (
                <td data-label="个人链接">
                  {l.hasLink ? '已发放' : '未发放'}
                  <form method="post" action={`${base}/members/${l.memberId}/link`} class="inline">
                    <Csrf token={csrf} />{' '}
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={`${l.hasLink ? '重新发放' : '发放'}个人链接：${l.memberName}`}
                    >
                      {l.hasLink ? '重新发放' : '发放'}
                    </button>
                  </form>
                  {l.hasLink && (
                    <form
                      method="post"
                      action={`${base}/members/${l.memberId}/link/revoke`}
                      class="inline"
                      data-confirm={`作废后 ${l.memberName} 的链接不能再打开，确定作废吗？`}
                    >
                      <Csrf token={csrf} />{' '}
                      <button type="submit" class="secondary" aria-label={`作废个人链接：${l.memberName}`}>
                        作废
                      </button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {props.canCheck && (
        <form method="post" action={`${base}/self-analyses/publish`} class="card">
          <Csrf token={csrf} />
          <h2 style="margin-top:0">适当范围公开</h2>
          {props.published ? (
            <p>
              {chinaTime(props.published.publishedAt)} 已公开 {props.published.content.materials.length} 份（
              {analysesScopeLabels[props.published.content.scope]}），本活动公示记录第{' '}
              {props.published.log.seq} 条。
              {props.publishedLink && (
                <>
                  公开页：<a href={props.publishedLink}>{props.publishedLink}</a>
                </>
              )}
            </p>
          ) : (
            <p class="muted">已认可的材料可以公开，接受党员和群众监督；评议票数不在其中。</p>
          )}
          <label for="scope">公开范围</label>
          <select id="scope" name="scope">
            {analysesScopes.map((s) => (
              <option value={s} selected={s === props.published?.content.scope}>
                {analysesScopeLabels[s]}
              </option>
            ))}
          </select>
          <p class="muted">
            公开全部 {props.counts.approved}{' '}
            份已认可的材料；以后又有认可的，再公开一次即可（每次记入公示记录）。
          </p>
          <button type="submit" disabled={props.counts.approved === 0}>
            {props.published ? '重新公开' : '公开已认可的材料'}
          </button>
        </form>
      )}
    </ConsoleLayout>
  );
}
