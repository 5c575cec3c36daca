import { allOpinions } from '../data/repos/opinions';
import { getReport } from '../data/repos/reports';
import type { Deps } from '../deps';
import type { PublicEvaluation } from '../domain/evaluation';
import type { PublicMeasure } from '../domain/rectification';
import type { Problem, ReportState } from '../domain/report';
import { publicDisclosureToken } from '../domain/report';
import type { Round } from '../domain/round';
import { publicRectification } from './public-rectification';

/** What a receipt holder may learn: that the opinion arrived, the problem it fed into, the report's state. */
export interface ReceiptStatus {
  found: boolean;
  problem?: Pick<Problem, 'title' | 'area'>;
  /** The rectification measures set against that problem, as the masses see them. */
  measures?: PublicMeasure[];
  /** How the masses rated the rectification, once an evaluation is counted. */
  evaluation?: PublicEvaluation;
  reportState?: ReportState;
  disclosureToken?: string;
}

/** Normalises a typed receipt (`xxxx xxxx`, lower case) to its printed form `XXXX-XXXX`. */
export function normalizeReceipt(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return /^[0-9A-Z]{8}$/.test(plain) ? `${plain.slice(0, 4)}-${plain.slice(4)}` : undefined;
}

/**
 * Looks up an opinion receipt within its round: whether the opinion is there,
 * which problem it was merged into, its measures, how the masses rated the
 * rectification, and whether the unit's report is out.
 * Nothing identifies the sender: the receipt is all there is to go on.
 */
export async function receiptStatus(deps: Deps, round: Round, receipt: string): Promise<ReceiptStatus> {
  const opinion = (await allOpinions(deps, round.unitId, round.id)).find((o) => o.receipt === receipt);
  if (!opinion) return { found: false };
  const [rectification, report] = await Promise.all([
    publicRectification(deps, round.unitId),
    getReport(deps, round.unitId),
  ]);
  const disclosureToken = publicDisclosureToken(report);
  const problem = rectification.problems.find((p) => p.opinionRefs.includes(opinion.ref));
  return {
    found: true,
    ...(problem ? { problem: { title: problem.title, area: problem.area }, measures: problem.measures } : {}),
    ...(rectification.evaluation ? { evaluation: rectification.evaluation } : {}),
    ...(report ? { reportState: report.state } : {}),
    ...(disclosureToken ? { disclosureToken } : {}),
  };
}
