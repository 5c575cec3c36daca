import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../deps';
import type { AppEnv } from '../../http/env';
import { validationHook } from '../../http/validation';
import { accountRoutes } from './accounts';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { campaignRoutes } from './campaigns';
import { countingRoutes } from './counting';
import { evaluationCodeRoutes, evaluationRoutes } from './evaluations';
import { groupRoutes } from './groups';
import { measureRoutes } from './measures';
import { mechanismRoutes } from './mechanisms';
import { memberRoutes } from './members';
import { opinionRoutes } from './opinions';
import { overviewRoutes } from './overview';
import { reportRoutes } from './reports';
import { reviewCodeRoutes } from './review-codes';
import { reviewResultsRoutes } from './review-results';
import { reviewSessionRoutes } from './review-sessions';
import { roundRoutes } from './rounds';
import { selfAnalysisRoutes } from './self-analyses';
import { unitRoutes } from './units';

/** The console's JSON API (`/api/...`), one sub-app per resource. */
export function apiRoutes(deps: Deps) {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.route('/', authRoutes(deps));
  api.route('/', campaignRoutes(deps));
  api.route('/', groupRoutes(deps));
  api.route('/', unitRoutes(deps));
  api.route('/', memberRoutes(deps));
  api.route('/', selfAnalysisRoutes(deps));
  api.route('/', accountRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', roundRoutes(deps));
  api.route('/', opinionRoutes(deps));
  api.route('/', reviewSessionRoutes(deps));
  api.route('/', reviewCodeRoutes(deps));
  api.route('/', countingRoutes(deps));
  api.route('/', reviewResultsRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.route('/', overviewRoutes(deps));
  api.route('/', measureRoutes(deps));
  api.route('/', evaluationRoutes(deps));
  api.route('/', evaluationCodeRoutes(deps));
  api.route('/', mechanismRoutes(deps));
  return api;
}
