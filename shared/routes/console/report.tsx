import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import { ApproveInput, ProblemInput, ReturnInput } from '../../domain/report';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { publicUrl } from '../../http/public-url';
import { saveProblem } from '../../usecases/problems';
import { publicationSheet } from '../../usecases/publication-sheet';
import { qrSvg } from '../../usecases/qr';
import { approveReport, buildReport, reportPage, returnReport, submitReport } from '../../usecases/report';
import { PublicationSheet } from '../../views/console/publication-sheet';
import { ReportPage } from '../../views/console/report-page';
import { page } from '../../views/page';
import { backAfter, field, requirePageContext } from './page-context';

const who = principalOf;

/** Console pages of the analysis report: the problem list, the report and its moves. */
export function consoleReportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const pagePath = (id: string) => `/console/units/${id}/report`;

  app.get('/console/units/:id/report', async (c) => {
    const viewer = requirePageContext(deps, c);
    const { unit, problems, report } = await reportPage(deps, viewer.who, c.req.param('id'));
    return c.html(
      page(
        <ReportPage
          {...viewer}
          unit={unit}
          problems={problems}
          report={report}
          publicLink={
            report?.token ? publicUrl(deps.config.PUBLIC_BASE_URL, `/p/${report.token}`) : undefined
          }
        />,
      ),
    );
  });

  // The printable 公示 sheet of an approved report: QR code, hashes, the log's head when printed.
  app.get('/console/units/:id/report/sheet', async (c) => {
    const { unit, report, head } = await publicationSheet(deps, who(c), c.req.param('id'));
    const link = publicUrl(deps.config.PUBLIC_BASE_URL, `/p/${report.token}`);
    c.header('cache-control', 'private, no-store');
    return c.html(
      page(
        <PublicationSheet
          unitName={unit.name}
          approvedAt={report.approvedAt ?? ''}
          link={link}
          qrSvg={await qrSvg(link)}
          sha256={report.sha256}
          entry={report.logSeq && report.logHash ? { seq: report.logSeq, hash: report.logHash } : undefined}
          head={head}
          back={pagePath(unit.id)}
        />,
      ),
    );
  });

  // Merging opinions ticked on the opinions page into a new problem.
  app.post('/console/units/:id/problems', async (c) => {
    const f = await readForm(c, { all: true });
    const id = c.req.param('id');
    const refs = [f.ref ?? []].flat().filter((r): r is string => typeof r === 'string');
    const text = (name: string) => (typeof f[name] === 'string' ? String(f[name]).trim() : '');
    const body = { title: text('title'), area: text('area'), opinionRefs: refs };
    return backAfter(c, pagePath(id), `已归并为问题（${refs.length}条意见）`, () =>
      saveProblem(deps, who(c), id, parseInput(ProblemInput, body)),
    );
  });

  app.post('/console/units/:id/report', async (c) => {
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '报告已生成', () => buildReport(deps, who(c), id));
  });
  app.post('/console/units/:id/report/submit', async (c) => {
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '已报督导组', () => submitReport(deps, who(c), id));
  });
  app.post('/console/units/:id/report/approve', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '已认可，报告已公开', () => {
      const input = parseInput(ApproveInput, {
        scope: field(f, 'scope'),
        publishExcellent: field(f, 'publishExcellent') === 'yes',
      });
      return approveReport(deps, who(c), id, input);
    });
  });
  app.post('/console/units/:id/report/return', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '已退回', () => {
      const { comment } = parseInput(ReturnInput, { comment: field(f, 'comment') });
      return returnReport(deps, who(c), id, comment);
    });
  });
  return app;
}
