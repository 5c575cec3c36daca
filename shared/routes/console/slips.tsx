import type { Context } from 'hono';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import { type CodeBatch, MintInput, RevokeInput } from '../../domain/vote';
import type { AppEnv } from '../../http/env';
import { publicUrl } from '../../http/public-url';
import { qrSvg } from '../../usecases/qr';
import { SlipsPage } from '../../views/console/slips-page';
import { page } from '../../views/page';
import { mintedCodes } from '../api/vote-codes';
import { backAfter, field, numberField } from './page-context';

/**
 * Like `backAfter`, for a form whose success leads somewhere of its own (a
 * new session's page, the next slip, a batch's slips): runs the use case and
 * goes where it answers, or back to `fallback` with the error the person can correct.
 */
export async function onwardAfter(c: Context, fallback: string, run: () => Promise<string>) {
  let onward: string | undefined;
  const failed = await backAfter(c, fallback, '', async () => {
    onward = await run();
  });
  return onward === undefined ? failed : c.redirect(onward, 303);
}

/** The mint form: a voter group, how many codes, and whether more than the voters due is confirmed. */
export const mintInput = (form: Record<string, unknown>) =>
  parseInput(MintInput, {
    voterGroup: field(form, 'voterGroup'),
    count: numberField(form, 'count'),
    confirmExcess: field(form, 'confirmExcess') === 'yes',
  });

/** The revoke form: one typed code, or else every unused code of a voter group. */
export function revokeInput(form: Record<string, unknown>) {
  const code = field(form, 'code');
  return parseInput(RevokeInput, code ? { code } : { voterGroup: field(form, 'voterGroup') });
}

/**
 * Minting from the console is Post/Redirect/Get: the form mints a batch and
 * redirects to the batch's slips page (under `pageBase`), which can be
 * reloaded and reprinted without minting again; a refusal goes `back`.
 */
export function mintAndRedirect(
  c: Context<AppEnv>,
  form: Record<string, unknown>,
  paths: { pageBase: string; back: string },
  mint: (input: MintInput) => Promise<{ batch: CodeBatch }>,
) {
  return onwardAfter(c, paths.back, async () => {
    const { batch } = await mint(mintInput(form));
    return `${paths.pageBase}/slips/${batch.id}`;
  });
}

/** A minted batch's printable slips, as just read again: never cached, nothing minted. */
export async function slipsResponse(
  c: Context<AppEnv>,
  deps: Deps,
  batch: { batch: CodeBatch; codes: string[] },
  props: { unitName: string; title: string; back: string },
) {
  const minted = mintedCodes(deps, batch);
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
