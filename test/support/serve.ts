import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TestContext } from './test-env';

/** Serves a test app on a free loopback port, for browser tests. */
export async function serveApp(t: TestContext): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
