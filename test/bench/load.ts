import http from 'node:http';

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  /** Operations whose outcome was not a success. */
  failures: number;
}

/** Runs `n` operations from `concurrency` workers; each returns whether it succeeded. */
export async function load(
  n: number,
  concurrency: number,
  op: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        if (!(await op(i))) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: n / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failures };
}

/**
 * A small keep-alive HTTP client: as little client-side work as Node allows,
 * so what is measured is the server, not the load generator.
 */
export function httpClient(origin: string, concurrency: number) {
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  return {
    /** A GET of a page, as a phone sends it. */
    get(path: string): Promise<{ status: number; body: string }> {
      return this.send('GET', path);
    },
    post(path: string, body: string): Promise<{ status: number; body: string }> {
      return this.send('POST', path, body);
    },
    send(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path,
            method,
            headers:
              body === undefined
                ? { accept: 'text/html' }
                : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
