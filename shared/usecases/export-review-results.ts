import { memberCategoryLabels } from '../domain/org';
import { percent } from '../domain/percent';
import {
  gradeLabels,
  markLabels,
  marksFor,
  type ReviewSession,
  satisfactionLabels,
  satisfactions,
} from '../domain/review';
import type { ResultsView } from '../domain/review-views';
import { toCsv } from '../domain/spreadsheet-cells';
import { voterGroupLabels, voterGroups } from '../domain/vote';
import { type Sheet, workbook } from './workbook';

const rate = (x: number | null) => (x === null ? '—' : percent(x));

/**
 * A counted session's results as rows, worded as on the console page: the
 * ballots, the leading team, then one row per member with the counts, the
 * rates and the organisation's determination. Figures the page withholds
 * (fewer than k) are withheld here too, with the reason.
 */
export function resultsRows(r: ResultsView, session: ReviewSession): string[][] {
  const t = r.tally;
  const columns = marksFor(t, 'mass');
  const determined = new Map(r.determinations.map((d) => [d.memberId, d]));
  const l = t.leadership;
  const withheldNote = t.withheld
    ? '收回的选票太少，为保护投票人，不公布票数'
    : t.membersWithheld
      ? '群众代表少于公布下限且有人选了“不了解”，各党员的票数不公布'
      : '';
  return [
    ['收回选票', `${t.ballots.total} 张（党员 ${t.ballots.member}，群众代表 ${t.ballots.mass}）`],
    [
      '领导班子满意度',
      l.combined
        ? satisfactions.map((s) => `${satisfactionLabels[s]} ${l.combined?.[s]}`).join('，')
        : '不公布',
      `满意率 ${rate(l.satisfactionRate)}${l.remedial ? '，需要补课' : ''}`,
    ],
    ...(withheldNote ? [[withheldNote]] : []),
    [],
    [
      '党员',
      '类别',
      ...columns.map((m) => markLabels[m]),
      '优秀率',
      '合格率',
      '提示',
      '组织评定',
      '评定理由',
    ],
    ...t.members.map((m) => {
      const d = determined.get(m.id);
      const category = session.members.find((x) => x.id === m.id)?.category;
      return [
        m.name,
        category ? memberCategoryLabels[category] : '',
        ...columns.map((c) => (m.combined ? String(m.combined[c]) : '—')),
        rate(m.excellentRate),
        rate(m.qualifiedRate),
        m.flagIncompetent ? '不合格票较多' : '',
        d ? gradeLabels[d.grade] : '',
        d?.reason ?? '',
      ];
    }),
  ];
}

/** Members' and mass representatives' votes side by side, when both reach k (else nothing). */
export function byGroupRows(r: ResultsView): string[][] {
  const t = r.tally;
  const shown = voterGroups.filter((g) => t.shownApart[g]);
  if (shown.length === 0 || t.membersWithheld) return [];
  return [
    ['党员', ...shown.flatMap((g) => marksFor(t, g).map((m) => `${voterGroupLabels[g]}：${markLabels[m]}`))],
    ...t.members.map((m) => [
      m.name,
      ...shown.flatMap((g) => marksFor(t, g).map((mark) => String(m.byGroup[g]?.[mark] ?? '—'))),
    ]),
  ];
}

const title = (session: ReviewSession) => `${session.unitName} 民主评议结果`;

/** The results as CSV: the console page's figures, then the two groups apart where shown. */
export function resultsCsv(r: ResultsView, session: ReviewSession): string {
  const apart = byGroupRows(r);
  return toCsv([[title(session)], ...resultsRows(r, session), ...(apart.length ? [[], ...apart] : [])]);
}

/** The results as XLSX: 评议结果, and 分别评议 where the two groups are shown apart. */
export function resultsXlsx(r: ResultsView, session: ReviewSession): Promise<Uint8Array<ArrayBuffer>> {
  const sheets: Sheet[] = [
    {
      name: '评议结果',
      title: title(session),
      rows: resultsRows(r, session),
      width: (i) => (i === 0 ? 16 : 12),
    },
  ];
  const apart = byGroupRows(r);
  if (apart.length) sheets.push({ name: '分别评议', rows: apart, width: (i) => (i === 0 ? 16 : 14) });
  return workbook(sheets);
}
