import { PublicLayout } from './layout';

/** After sending: thanks and the receipt code. */
export function ThanksPage(props: { unitName: string; receipt: string }) {
  return (
    <PublicLayout title="感谢您的意见">
      <h1>感谢您的意见！</h1>
      <p>
        您的意见已送达{props.unitName}，将与其他意见一起汇总分析，查找问题、制定整改措施，并在适当范围公开。
      </p>
      <p>回执编号：</p>
      <p class="r">{props.receipt}</p>
      <p class="m">回执编号只用于确认意见已收到，不能用来查出您是谁。</p>
    </PublicLayout>
  );
}

/** A round that is closed, not open yet, or unknown; keeps what the person typed so it is not lost. */
export function RoundNoticePage(props: { title: string; message: string; typed?: string | undefined }) {
  return (
    <PublicLayout title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.typed && (
        <div>
          <p class="m">您刚才填写的内容（可复制保存）：</p>
          <p style="white-space:pre-wrap;background:#fff;padding:10px;border-radius:8px">{props.typed}</p>
        </div>
      )}
    </PublicLayout>
  );
}
