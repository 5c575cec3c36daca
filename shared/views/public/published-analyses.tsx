import type { AnalysesDisclosure } from '../../domain/analyses-disclosure';
import { categoryLabel } from '../../domain/self-analysis';

export const publishedCss = `.pub details{background:#fff;border-radius:8px;padding:6px 12px;margin:0 0 8px}
.pub summary{font-weight:600;min-height:36px}.pub .txt{white-space:pre-wrap;overflow-wrap:anywhere}
.pub .h{overflow-wrap:anywhere;font-family:monospace;font-size:.8em}`;

/**
 * The unit's approved 党性分析 materials as made public (适当范围公开): each
 * member's material, folded under their name, and the publication's
 * SHA-256 with its number in the campaign's publication log. No vote count.
 */
export function PublishedAnalyses(props: {
  disclosure: AnalysesDisclosure;
  /** The unit-wide page's own address (`/a/{token}`), to check it: none on a member's link. */
  pageUrl?: string | undefined;
}) {
  const d = props.disclosure;
  return (
    <section class="pub">
      <h2>{d.content.unitName} 党员党性分析材料（经党组织认可，公开接受监督）</h2>
      <p class="m">
        公开范围：{d.content.scope === 'unit' ? '本单位' : '本支部党员'}
        。对照材料中的问题和整改措施，欢迎监督。
      </p>
      {d.content.materials.map((m) => (
        <details>
          <summary>
            {m.memberName}（{categoryLabel(m.category)}）
          </summary>
          <p>
            <strong>查找的问题：</strong>
            <span class="txt">{m.content.problems}</span>
          </p>
          <p>
            <strong>原因剖析：</strong>
            <span class="txt">{m.content.causes}</span>
          </p>
          <p>
            <strong>整改措施：</strong>
            {m.content.measures.map((x) => `${x.action}（${x.deadline}前）`).join('；')}
          </p>
        </details>
      ))}
      <p class="m">
        本活动公示记录第 {d.log.seq} 条 · 内容 SHA-256：<span class="h">{d.sha256}</span>
      </p>
      {props.pageUrl && (
        <p class="m">
          核对方法：<span class="h">npm run verify -- {props.pageUrl}</span>，也可以在手机上
          <a href={`/v?l=${encodeURIComponent(props.pageUrl)}`}>核对</a>。
        </p>
      )}
    </section>
  );
}
