import type { Context } from 'hono';
import type { Deps } from '../../deps';
import { MintedCodes } from '../../domain/vote';
import type { AppEnv } from '../../http/env';
import { publicUrl } from '../../http/public-url';
import { qrSvg } from '../../usecases/qr';
import { SlipsPage } from '../../views/console/slips-page';
import { page } from '../../views/page';
import { apiData, back, type InternalApi } from './internal-api';
import { field, numberField } from './page-context';

/**
 * Minting from the console is Post/Redirect/Get: the form mints a batch and
 * redirects to the batch's slips page, which can be reloaded and reprinted
 * without minting again. `apiBase` is the vote's API path, `pageBase` its page.
 */
export async function mintAndRedirect(
  c: Context<AppEnv>,
  api: InternalApi,
  form: Record<string, unknown>,
  paths: { apiBase: string; pageBase: string; back: string },
) {
  const result = await api(c, 'POST', `${paths.apiBase}/codes`, {
    voterGroup: field(form, 'voterGroup'),
    count: numberField(form, 'count'),
    confirmExcess: field(form, 'confirmExcess') === 'yes',
  });
  if (!result.ok) return back(c, paths.back, result, '');
  return c.redirect(`${paths.pageBase}/slips/${MintedCodes.parse(result.body).batchId}`, 303);
}

/** A minted batch's printable slips, read again from the API: never cached, nothing minted. */
export async function slipsResponse(
  c: Context<AppEnv>,
  deps: Deps,
  api: InternalApi,
  batchPath: string,
  props: { unitName: string; title: string; back: string },
) {
  const minted = MintedCodes.parse(apiData(await api(c, 'GET', batchPath)));
  const slips = await Promise.all(
    minted.codes.map(async (x) => ({ code: x.code, svg: await qrSvg(x.link) })),
  );
  c.header('cache-control', 'no-store');
  return c.html(
    page(
      <SlipsPage
        {...props}
        voterGroup={minted.voterGroup}
        slips={slips}
        entryUrl={publicUrl(deps.config.PUBLIC_BASE_URL, '/b')}
      />,
    ),
  );
}
