import { startDynamoLocal } from '../../shared/local/dynamodb-local';
import { benchContext } from './context';
import { httpVsRaw } from './throughput';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dynamo = await startDynamoLocal({ port: 0 });
try {
  const ctx = await benchContext(dynamo);
  const r = await httpVsRaw(ctx, { n: Number(process.argv[2] ?? 500), concurrency: Number(process.argv[3] ?? 16), rounds: 2 });
  console.log(JSON.stringify(r, null, 1));
  ctx.client.destroy();
} finally { await dynamo.stop(); }
