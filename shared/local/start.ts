import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { ConfigError, loadConfig, loadLocalConfig, tableNames } from '../config/env';
import { createDynamoClient } from '../data/client';
import { ensureTables } from '../data/ensure-table';
import { seedDemo } from '../demo/seed';
import { createDeps } from '../deps';
import { demoBallotLinks, demoMemberLinks } from './demo-links';
import { JavaMissingError, type RunningDynamo, startDynamoLocal } from './dynamodb-local';
import { localSecrets } from './secrets';
import { streamPoller } from './stream-poller';

/**
 * `npm start`: DynamoDB Local (data under DATA_DIR) unless DYNAMODB_ENDPOINT
 * points elsewhere, the table, the demo data, and the app on PORT. Ctrl-C
 * stops the server and the Java process together.
 */
async function main() {
  // Local runs on the machine's Node 20 while Lambda runs 22; the SDK's notice about that is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const local = loadLocalConfig();
  let dynamo: RunningDynamo | undefined;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    dynamo = await startDynamoLocal({ port: local.DYNAMODB_PORT, dataDir: `${local.DATA_DIR}/dynamodb` });
    endpoint = dynamo.endpoint;
  }
  const stopDynamo = async () => dynamo?.stop();

  try {
    const config = loadConfig({
      AWS_REGION: 'local',
      ...localSecrets(local.DATA_DIR),
      PUBLIC_BASE_URL: `http://localhost:${local.PORT}`,
      ...process.env,
      DYNAMODB_ENDPOINT: endpoint,
    });
    const client = createDynamoClient({ region: config.AWS_REGION, endpoint });
    await ensureTables(client, tableNames(config));

    const deps = createDeps(config);
    const baseUrl = config.PUBLIC_BASE_URL;
    // The opinion table's stream feeds the live counts, as the aggregator Lambda does on AWS.
    const poller = streamPoller(deps, client, endpoint);
    // Seed before listening, so whatever answers /healthz already has its demo data; the demo's
    // reports are built once its opinions are in the live counts (as a leader would find them).
    const demo = local.SEED_DEMO
      ? await seedDemo(deps, baseUrl, { settle: () => poller.drain() })
      : { seededNow: false, lines: [], ballotLinks: [], memberLinks: [] };
    const ballotLines = [
      ...demoBallotLinks(local.DATA_DIR, demo.ballotLinks),
      ...demoMemberLinks(local.DATA_DIR, demo.memberLinks),
    ];
    poller.start(1000);

    const server = serve({ fetch: createApp(deps).fetch, port: local.PORT, hostname: '0.0.0.0' });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    console.log(
      [
        '',
        `先进性教育活动 意见征求与民主评议 — running at ${baseUrl}`,
        `DynamoDB: ${endpoint} (tables ${tableNames(config).main}, ${tableNames(config).ballotBox})${dynamo ? `, data in ${local.DATA_DIR}/dynamodb` : ''}`,
        demo.seededNow ? 'Demo data seeded.' : '',
        ...demo.lines,
        ...ballotLines,
        'Press Ctrl-C to stop.',
        '',
      ]
        .filter((l) => l !== '')
        .join('\n'),
    );

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping…`);
      server.close();
      await poller.stop();
      client.destroy();
      await stopDynamo();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (err) {
    await stopDynamo();
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof JavaMissingError || err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
