import type { Promised } from '../../domain/campaign';

/**
 * What the campaign promised the people answering this page, as it stood
 * when the page's round, session or evaluation opened (frozen since): groups
 * below k are never shown apart, and the 满意率 below which a unit must 补课.
 */
export function PromiseNote(props: { promised?: Promised | undefined; threshold?: boolean }) {
  const p = props.promised;
  if (!p) return null;
  return (
    <p class="m">
      统计结果中人数少于{p.anonymityK}人的群体不单独显示
      {props.threshold ? `；满意率低于${p.satisfactionThreshold}%的须补课` : ''}。这些规定开始收集后不再改动。
    </p>
  );
}
