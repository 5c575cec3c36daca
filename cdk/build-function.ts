import { build, type Metafile } from 'esbuild';
import { bundling } from './bundling';

/**
 * Bundles one Lambda entry with CDK's settings into `outfile` (`index.mjs`
 * plus its source map). Returns the code's size in bytes (the map excluded)
 * and esbuild's metafile, for checks of what went in.
 */
export async function buildFunction(
  entry: string,
  outfile: string,
): Promise<{ bytes: number; metafile: Metafile }> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    mainFields: [...bundling.mainFields],
    external: [...bundling.externalModules],
    banner: { js: bundling.banner },
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .reduce((n, [, o]) => n + o.bytes, 0);
  return { bytes, metafile: result.metafile };
}
