/**
 * 查询回执: the small look-up form at the foot of the opinion form, of the
 * closed round's page and of the thanks page. A plain GET, so it works
 * without JavaScript; the receipt can be typed in either case, with or
 * without its dash.
 */
export function ReceiptLookup(props: { roundId: string; typed?: string }) {
  return (
    <form method="get" action={`/f/${props.roundId}/receipt`} class="lk">
      <h2>查询回执</h2>
      <p class="m">提交过意见的，输入回执编号，查看意见归入了哪个问题、整改得怎么样。</p>
      <label class="t" for="lk-r">
        回执编号
      </label>
      <input id="lk-r" name="r" value={props.typed ?? ''} autocomplete="off" placeholder="XXXX-XXXX" />
      <button type="submit">查询</button>
    </form>
  );
}

export const receiptLookupCss =
  '.lk{background:#fff;border-radius:8px;padding:4px 12px 4px;margin:24px 0 0}.lk button{background:#5a5a5a}';
