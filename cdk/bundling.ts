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

/**
 * Node's options for the public function (NODE_OPTIONS). A 1 MB young generation: with V8's
 * default (up to 16 MB per semi-space) one instance's resident set grew from 85 MB after 100
 * requests to 112 MB by the thousandth and stayed there; with 1 MB it stays near 80 MB, at the
 * same request rate (the live heap after a collection is ~15 MB either way: nothing leaks).
 * The benchmark runs the bundle with these options (BENCHMARKS.md, warm memory).
 */
export const publicNodeOptions = '--max-semi-space-size=1';
