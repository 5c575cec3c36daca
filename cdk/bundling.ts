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
  /**
   * The DynamoDB client is bundled and minified with our code, as AWS recommends: loading the
   * runtime's SDK from its hundreds of files took about twice as long as importing our whole
   * bundle with it inside (BENCHMARKS.md, cold start). Secrets Manager is read once per cold
   * start of the console function only, through a dynamic import: it stays the runtime's.
   */
  externalModules: ['@aws-sdk/client-secrets-manager'],
  /** ESM bundles still meet CommonJS dependencies that call require(). */
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

/** One entry per Lambda function: its name and its file under `functions/`. */
export const functionEntries = {
  public: 'functions/public.ts',
  console: 'functions/console.ts',
  aggregator: 'functions/aggregator.ts',
} as const;
