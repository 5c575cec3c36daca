/**
 * esbuild settings shared by CDK's NodejsFunction and `npm run build`, so what
 * `npm run build` produces is what CDK deploys.
 */
export const bundling = {
  target: 'node22',
  format: 'esm',
  minify: true,
  sourceMap: true,
  /** The Lambda runtime ships the AWS SDK v3; bundling it would only add cold-start time. */
  externalModules: ['@aws-sdk/*'],
  /** ESM bundles still meet CommonJS dependencies that call require(). */
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

/** One entry per Lambda function: its name and its file under `functions/`. */
export const functionEntries = { api: 'functions/api.ts', aggregator: 'functions/aggregator.ts' } as const;
