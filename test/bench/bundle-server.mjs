// Runs in a plain Node process: serves one Lambda bundle over HTTP, turning
// each request into an API Gateway HTTP API event (payload 2.0) for its
// handler, many at once. Usage: node bundle-server.mjs <bundle.mjs>
// Prints {"port": n, "rssMb": n} when listening (its resident set after the import); on the IPC message "peak" answers
// {"peakRssMb": n} (the process's peak resident set, from getrusage); on "rss", {"rssMb": n} (its resident set now).
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const [bundle] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);
const context = {
  functionName: 'bench',
  awsRequestId: 'bench',
  getRemainingTimeInMillis: () => 10_000,
  callbackWaitsForEmptyEventLoop: false,
};
let n = 0;
const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const url = new URL(req.url ?? '/', 'http://bench.invalid');
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: { ...headers, host: 'bench.invalid', 'x-forwarded-proto': 'https' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.invalid',
      domainPrefix: 'bench',
      http: {
        method: req.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: 'bench',
      },
      requestId: `bench-${++n}`,
      routeKey: '$default',
      stage: '$default',
      time: '26/Nov/2026:10:00:00 +0000',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
    body: Buffer.concat(chunks).toString('utf8'),
  };
  const r = await handler(event, context);
  res.writeHead(r.statusCode, r.headers ?? {});
  res.end(r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64') : (r.body ?? ''));
});
server.listen(0, '127.0.0.1', () => {
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(`${JSON.stringify({ port: server.address().port, rssMb })}\n`);
});
process.on('message', (m) => {
  if (m === 'peak') process.send?.({ peakRssMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20 });
  if (m === 'rss') {
    // After a full collection when the process allows one (--expose-gc): what the instance keeps.
    globalThis.gc?.();
    const u = process.memoryUsage();
    process.send?.({
      rssMb: u.rss / 2 ** 20,
      heapUsedMb: u.heapUsed / 2 ** 20,
      heapTotalMb: u.heapTotal / 2 ** 20,
    });
  }
});
process.on('disconnect', () => process.exit(0));
