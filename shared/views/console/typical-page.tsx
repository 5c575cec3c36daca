import type { Principal } from '../../domain/account';
import type { Practice } from '../../domain/mechanism';
import { ConsoleLayout } from './layout';
import { PracticeList } from './practice-list';

/** 典型经验: what the office marked typical, for every unit; the office also sees everything submitted. */
export function TypicalPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  campaignId: string;
  typical: Practice[];
  submitted: Practice[] | undefined;
}) {
  const office = props.who.scope.role === 'office';
  return (
    <ConsoleLayout title="典型经验" who={props.who} csrf={props.csrf} flash={props.flash}>
      <p>
        <a href={`/console/campaigns/${props.campaignId}`}>返回活动</a>
      </p>
      <p class="muted">对已经成熟的典型经验和成功做法，及时加以推广，供各单位学习借鉴。</p>
      <PracticeList practices={props.typical} csrf={props.csrf} canMark={office} showUnit />
      {props.submitted && (
        <>
          <h2>各单位报送的经验做法（{props.submitted.length}）</h2>
          <PracticeList
            practices={props.submitted.filter((p) => !p.typical)}
            csrf={props.csrf}
            canMark
            showUnit
          />
        </>
      )}
    </ConsoleLayout>
  );
}
