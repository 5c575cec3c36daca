import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import { ApproveInput, ProblemChange, ProblemInput, ReturnInput } from '../../domain/report';
import { VersionQuery } from '../../domain/version';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { publicUrl } from '../../http/public-url';
import { deleteProblem, listProblems, mergeOpinions, saveProblem } from '../../usecases/problems';
import { publicationSheet } from '../../usecases/publication-sheet';
import { qrSvg } from '../../usecases/qr';
import { buildReport, reportPage, returnReport, submitReport } from '../../usecases/report';
import { approveReport, reportPreview } from '../../usecases/report-approval';
import { PublicationSheet } from '../../views/console/publication-sheet';
import { ReportPage } from '../../views/console/report-page';
import { ReportPreview } from '../../views/console/report-preview';
import { page } from '../../views/page';
import { backAfter, field, numberField, requirePageContext } from './page-context';
import { readVersion } from './read-version';

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

  // The page the public will get, before 报督导组 (?for=submit) or 认可 (?for=approve&scope=…), with the confirmation.
  app.get('/console/units/:id/report/preview', async (c) => {
    const viewer = requirePageContext(deps, c);
    const approving = c.req.query('for') === 'approve';
    const publishExcellent = approving && c.req.query('publishExcellent') === 'yes';
    const { unit, published, sha256, stale } = await reportPreview(deps, viewer.who, c.req.param('id'), {
      publishExcellent,
    });
    const { scope } = approving
      ? parseInput(ApproveInput, { scope: c.req.query('scope') })
      : { scope: 'unit' as const };
    c.header('cache-control', 'private, no-store');
    return c.html(
      page(
        <ReportPreview
          csrf={viewer.csrf}
          unitId={unit.id}
          published={published}
          sha256={sha256}
          at={deps.now().toISOString()}
          stale={stale}
          step={approving ? { kind: 'approve', scope, publishExcellent } : { kind: 'submit' }}
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

  // Merging the opinions ticked on the opinions page into a new problem or one on the list (moving them
  // from the one they were in); back to the same page of opinions, filters kept.
  app.post('/console/units/:id/problems', async (c) => {
    const f = await readForm(c, { all: true });
    const id = c.req.param('id');
    const refs = [f.ref ?? []].flat().filter((r): r is string => typeof r === 'string');
    const into = field(f, 'into');
    const back = new URLSearchParams(field(f, 'q'));
    back.delete('ok');
    back.delete('error');
    return backAfter(
      c,
      `/console/units/${id}/opinions?${back.toString()}`,
      `已归并（${refs.length}条意见）`,
      () =>
        mergeOpinions(
          deps,
          who(c),
          id,
          refs,
          into && into !== 'new'
            ? { problemId: into }
            : parseInput(ProblemInput, { title: field(f, 'title'), area: field(f, 'area'), opinionRefs: [] }),
        ),
    );
  });

  // Renaming a problem or changing its area, from the version shown.
  app.post('/console/units/:id/problems/:problemId', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const problemId = c.req.param('problemId');
    return backAfter(c, `${pagePath(id)}#p-${problemId}`, '问题已修改', async () => {
      const before = (await listProblems(deps, who(c), id)).find((p) => p.id === problemId);
      const change = parseInput(ProblemChange, {
        title: field(f, 'title'),
        area: field(f, 'area'),
        opinionRefs: before?.opinionRefs ?? [],
        version: numberField(f, 'version'),
      });
      return saveProblem(deps, who(c), id, change, problemId);
    });
  });

  app.post('/console/units/:id/problems/:problemId/delete', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '问题已删除，其中的意见可以重新归并', () => {
      const { version } = parseInput(VersionQuery, readVersion(f));
      return deleteProblem(deps, who(c), id, c.req.param('problemId'), version);
    });
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
