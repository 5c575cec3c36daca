import { build } from 'esbuild';
import { bundling, functionEntries } from './bundling';

/** `npm run build`: one esbuild bundle per Lambda entry into dist/, as CDK builds them. */
for (const [name, entry] of Object.entries(functionEntries)) {
  const result = await build({
    entryPoints: [entry],
    outfile: `dist/${name}/index.mjs`,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    external: [...bundling.externalModules],
    banner: { js: bundling.banner },
    metafile: true,
  });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`dist/${name}/index.mjs  ${(bytes / 1024).toFixed(0)} KiB (with source map)`);
}
