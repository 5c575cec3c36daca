import type { Context } from 'hono';
import type { Deps } from '../../deps';
import { MintedCodes } from '../../domain/vote';
import { publicUrl } from '../../http/public-url';
import { qrSvg } from '../../usecases/qr';
import { SlipsPage } from '../../views/console/slips-page';
import { page } from '../../views/page';

/** The printable slips of codes just minted (any vote): shown once, never stored or cached. */
export async function slipsResponse(
  c: Context,
  deps: Deps,
  mintedBody: unknown,
  props: { unitName: string; title: string; back: string },
) {
  const minted = MintedCodes.parse(mintedBody);
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
