import type { Practice } from '../../domain/mechanism';
import { chinaTime } from './format';
import { Csrf } from './layout';

/** Good practice as cards; the office gets a button to mark each typical (典型经验) or take the mark back. */
export function PracticeList(props: {
  practices: Practice[];
  csrf: string;
  canMark: boolean;
  showUnit: boolean;
}) {
  if (props.practices.length === 0) return <p class="muted">暂无。</p>;
  return (
    <>
      {props.practices.map((p) => (
        <section class="card">
          <h3 style="margin-top:0">
            {p.title}
            {p.typical && <strong>　【典型经验】</strong>}
          </h3>
          <p class="muted">
            {props.showUnit && `${p.unitName}，`}
            {chinaTime(p.submittedAt)} 报送
          </p>
          <p style="white-space:pre-wrap">{p.content}</p>
          {props.canMark && (
            <form method="post" action={`/console/units/${p.unitId}/practices/${p.id}/typical`}>
              <Csrf token={props.csrf} />
              <input type="hidden" name="typical" value={p.typical ? 'false' : 'true'} />
              <button type="submit" class={p.typical ? 'secondary' : ''}>
                {p.typical ? '取消典型经验' : '选为典型经验'}
              </button>
            </form>
          )}
        </section>
      ))}
    </>
  );
}
