import { buildFunction } from './build-function';
import { functionEntries } from './bundling';

/** `npm run build`: one bundle per Lambda entry into dist/, as CDK builds them. */
for (const [name, entry] of Object.entries(functionEntries)) {
  const { bytes } = await buildFunction(entry, `dist/${name}/index.mjs`);
  console.log(`dist/${name}/index.mjs  ${(bytes / 1024).toFixed(0)} KiB (source map beside it)`);
}
