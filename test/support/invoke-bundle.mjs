// Runs in a fresh, plain Node process (no tsx, no test runner): imports one
// Lambda bundle exactly as built and invokes its handler with each event in
// turn, as the Lambda runtime would. Usage:
//   node invoke-bundle.mjs <bundle.mjs> <events.json>
// Prints one JSON line: { importMs, results: [{ ms, response }] }.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventsFile] = process.argv.slice(2);
const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
const context = {
  functionName: 'smoke',
  awsRequestId: 'smoke-request',
  getRemainingTimeInMillis: () => 10_000,
  callbackWaitsForEmptyEventLoop: false,
};

const started = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const importMs = performance.now() - started;
const results = [];
for (const event of events) {
  const t0 = performance.now();
  const response = await handler(event, context);
  results.push({ ms: performance.now() - t0, response });
}
process.stdout.write(`${JSON.stringify({ importMs, results })}\n`);
// The SDK keeps sockets open; the runtime would freeze the process here.
process.exit(0);
