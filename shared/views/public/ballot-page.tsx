import { memberCategories, memberCategoryLabels } from '../../domain/org';
import {
  markLabels,
  marksFor,
  type ReviewSession,
  satisfactionLabels,
  satisfactions,
} from '../../domain/review';
import { type VoterGroup, voterGroupLabels } from '../../domain/vote';
import { formScriptPath, sentBack } from './form-script';
import { FormProblems, PublicLayout } from './layout';
import { PromiseNote } from './promise-note';

// `.gr` (not `.g`, the layout's grey hint style): the four grades, each label on one line.
const css = `table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px}
td{padding:8px 6px;border-bottom:1px solid #eee;vertical-align:top}.n{font-weight:600}
h3{font-size:1em;margin:14px 0 4px;color:#a61b1b}tr.miss td{background:#fdecea}.miss-note{color:#8a1c1c;font-size:.9em}
.gr{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.2em,1fr));gap:0 8px}
.gr label{display:flex;align-items:center;min-height:44px;gap:6px;white-space:nowrap}
.gr input{width:22px;height:22px;margin:0;flex:none}`;

/** What the ballot shows back after a refused post: the marks as they were sent. */
export interface BallotValues {
  grades: Record<string, string>;
  satisfaction?: string | undefined;
  comment: string;
}

/** The secret ballot: every member with four grades (and 不了解 for mass representatives, where allowed), the leading team's satisfaction, an optional comment. */
export function BallotPage(props: {
  session: ReviewSession;
  code: string;
  voterGroup: VoterGroup;
  requestToken: string;
  values: BallotValues;
  errors: { path: string; message: string }[];
  notice?: string | undefined;
}) {
  const { session, values } = props;
  return (
    <PublicLayout title={`${session.unitName} 民主评议`} css={css} script={formScriptPath}>
      <h1>{session.unitName} 民主评议票</h1>
      <p>
        请您按照党员标准，对下列每位党员作出评价，并对单位领导班子作出满意度评价。本票无记名，系统不记录您是谁；每张选票只能投一次。
      </p>
      <p class="m">投票人类别：{voterGroupLabels[props.voterGroup]}</p>
      <FormProblems
        heading="请补全或修改以下内容："
        errors={props.errors}
        notice={props.notice}
        anchorOf={(path) =>
          path === 'satisfaction' ? 'q-sat' : path.startsWith('grades.') ? `m-${path.slice(7)}` : undefined
        }
      />
      <form
        method="post"
        action={`/b/${props.code}/cast`}
        data-page={sentBack(props) ? `/b/${props.code}` : undefined}
      >
        <input type="hidden" name="requestToken" value={props.requestToken} />
        <input type="hidden" name="voterGroup" value={props.voterGroup} />
        <input type="hidden" name="sessionId" value={session.id} />
        <h2>一、党员评议（共 {session.members.length} 人）</h2>
        <p
          class="m"
          id="progress"
          data-prefix="g_"
          data-total={String(session.members.length)}
          aria-live="polite"
        >
          请逐一评定，共 {session.members.length} 人
        </p>
        {marksFor(session, props.voterGroup).includes('unknown') && (
          <p class="m">对不熟悉的党员，可以选“不了解”，不计入该党员的优秀率、合格率。</p>
        )}
        {memberCategories.map((category) => {
          const members = session.members.filter((m) => m.category === category);
          if (members.length === 0) return null;
          return (
            <>
              <h3>{memberCategoryLabels[category]}</h3>
              <table>
                <tbody>
                  {members.map((m) => {
                    const missed =
                      props.errors.some((e) => e.path === `grades.${m.id}`) && !values.grades[m.id];
                    return (
                      <tr class={missed ? 'miss' : undefined} id={`m-${m.id}`}>
                        <td>
                          <span class="n">{m.name}</span>
                          {missed && <span class="miss-note">　← 请评定</span>}
                          <div class="gr" role="radiogroup" aria-label={`${m.name}的评定`}>
                            {marksFor(session, props.voterGroup).map((g) => (
                              <label>
                                <input
                                  type="radio"
                                  name={`g_${m.id}`}
                                  value={g}
                                  checked={values.grades[m.id] === g}
                                />
                                {markLabels[g]}
                              </label>
                            ))}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          );
        })}
        <fieldset id="q-sat" class={props.errors.some((e) => e.path === 'satisfaction') ? 'miss' : undefined}>
          <legend>二、对单位领导班子的评价</legend>
          {satisfactions.map((s) => (
            <label class="opt">
              <input type="radio" name="satisfaction" value={s} checked={values.satisfaction === s} />{' '}
              {satisfactionLabels[s]}
            </label>
          ))}
        </fieldset>
        {session.comments && (
          <div>
            <label for="comment" class="t">
              三、意见和建议（可不填，500字以内）
            </label>
            <textarea id="comment" name="comment" rows={3} maxlength={500}>
              {values.comment}
            </textarea>
          </div>
        )}
        <button type="submit">投票</button>
        <p class="m">投票后不能修改。本页不记录IP地址、设备信息和投票时间。</p>
        <PromiseNote promised={session.promised} threshold />
      </form>
    </PublicLayout>
  );
}

/** After casting: the receipt the voter may look for in the published list (a review ballot or an evaluation). */
export function BallotThanksPage(props: { receipt: string }) {
  return (
    <PublicLayout title="投票成功">
      <h1>投票成功，感谢您的参与！</h1>
      <p>您的选票已经收到。计票结束后将公布计入统计的选票回执编号，您的回执编号：</p>
      <p class="r">{props.receipt}</p>
      <p class="m">回执编号只能证明您的选票已计入，不能用来查出您投了什么、您是谁。</p>
    </PublicLayout>
  );
}

/** Where a voter types the code printed on the slip. */
export function CodeEntryPage(props: { error?: string | undefined }) {
  return (
    <PublicLayout title="民主评议 输入选票码">
      <h1>民主评议</h1>
      <p>请输入选票上的16位选票码（不区分大小写，可不输横线）。</p>
      {props.error && <p class="err">{props.error}</p>}
      <form method="get" action="/b">
        <input
          name="code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          placeholder="XXXX-XXXX-XXXX-XXXX"
        />
        <button type="submit">进入投票</button>
      </form>
    </PublicLayout>
  );
}
