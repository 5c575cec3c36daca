import type { PublicEvaluation } from '../../domain/evaluation';
import type { PublicMeasure } from '../../domain/rectification';
import { PublicLayout } from './layout';
import { EvaluationSummary, MeasuresList, measuresCss } from './measures-list';
import { ReceiptLookup, receiptLookupCss } from './receipt-lookup';
import { UnitPublicLinks } from './unit-links';

/** After sending: thanks and the receipt code, large, and how to look it up later. */
export function ThanksPage(props: { unitName: string; receipt: string; roundId?: string }) {
  return (
    <PublicLayout title="感谢您的意见">
      <h1>感谢您的意见！</h1>
      <p>
        您的意见已送达{props.unitName}，将与其他意见一起汇总分析，查找问题、制定整改措施，并在适当范围公开。
      </p>
      <p>回执编号：</p>
      <p class="r">{props.receipt}</p>
      <p class="m">回执编号只用于确认意见已收到，不能用来查出您是谁。</p>
      {props.roundId && (
        <>
          <p>
            <a href={`/f/${props.roundId}/receipt?r=${props.receipt}`}>查看这条意见的处理情况</a>
          </p>
          <p class="m">
            请记下或截图保存回执编号。以后再次扫描本单位的二维码，在页面最下方“查询回执”中输入编号，就能看到意见归入了哪个问题、整改得怎么样。
          </p>
        </>
      )}
    </PublicLayout>
  );
}

/** A round that is closed, not open yet, or unknown; keeps what the person typed so it is not lost. */
export function RoundNoticePage(props: {
  title: string;
  message: string;
  typed?: string | undefined;
  /** The unit's public disclosure, once its report is approved for everyone holding the QR link. */
  disclosurePath?: string | undefined;
  /** The unit's published 党性分析 materials, when published to the whole unit. */
  analysesPath?: string | undefined;
  /** The round, when the link is one (closed or not open yet): its receipts can still be looked up. */
  roundId?: string | undefined;
}) {
  return (
    <PublicLayout title={props.title} css={receiptLookupCss}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <UnitPublicLinks disclosurePath={props.disclosurePath} analysesPath={props.analysesPath} />
      {props.typed && (
        <div>
          <p class="m">您刚才填写的内容（可复制保存）：</p>
          <p style="white-space:pre-wrap;background:#fff;padding:10px;border-radius:8px">{props.typed}</p>
        </div>
      )}
      {props.roundId && <ReceiptLookup roundId={props.roundId} />}
    </PublicLayout>
  );
}

/** Looking up an opinion receipt: the problem it fed into and whether the report is out. */
export function ReceiptPage(props: {
  unitName: string;
  typed: string;
  result?:
    | {
        found: boolean;
        problem?: { title: string; area: string };
        measures?: PublicMeasure[];
        evaluation?: PublicEvaluation | undefined;
        reportState?: string;
        disclosurePath?: string;
      }
    | undefined;
  error?: string | undefined;
}) {
  const r = props.result;
  return (
    <PublicLayout title="查询回执" css={measuresCss}>
      <h1>查询意见回执</h1>
      <p class="m">{props.unitName}</p>
      <form method="get">
        <label class="t" for="r">
          回执编号
        </label>
        <input id="r" name="r" value={props.typed} autocomplete="off" placeholder="XXXX-XXXX" />
        <button type="submit">查询</button>
      </form>
      {props.error && <p class="err">{props.error}</p>}
      {r && !r.found && <p class="err">没有找到这张回执。请核对编号，并确认是在本单位提交的意见。</p>}
      {r?.found && (
        <div>
          <p>您的意见已收到。</p>
          <p>
            {r.problem
              ? `已归入问题：“${r.problem.title}”（${r.problem.area}）。`
              : '单位还在梳理归并意见，暂未归入具体问题。'}
          </p>
          {r.problem && r.measures && (
            <>
              <p>针对这个问题的整改措施：</p>
              <MeasuresList measures={r.measures} evaluation={r.evaluation} />
            </>
          )}
          {r.evaluation && <EvaluationSummary evaluation={r.evaluation} />}
          {r.disclosurePath && (
            <p>
              分析评议情况已公开：<a href={r.disclosurePath}>查看</a>
            </p>
          )}
        </div>
      )}
      <p class="m">查询不需要也不会记录您的任何身份信息。</p>
    </PublicLayout>
  );
}
