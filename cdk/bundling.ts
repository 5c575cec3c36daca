/**
 * esbuild settings shared by CDK's NodejsFunction, `npm run build`, the
 * bundle smoke test and the benchmark, so what they run is what CDK deploys.
 */
export const bundling = {
  target: 'node22',
  format: 'esm',
  minify: true,
  sourceMap: true,
  /** What CDK passes for ESM output: prefer packages' ES module builds. */
  mainFields: ['module', 'main'],
  /** The Lambda runtime ships the AWS SDK v3; bundling it would only add cold-start time. */
  externalModules: ['@aws-sdk/*'],
  /** ESM bundles still meet CommonJS dependencies that call require(). */
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

/** One entry per Lambda function: its name and its file under `functions/`. */
export const functionEntries = {
  public: 'functions/public.ts',
  console: 'functions/console.ts',
  aggregator: 'functions/aggregator.ts',
} as const;
