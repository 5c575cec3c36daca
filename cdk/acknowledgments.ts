import { type Stack, Validations } from 'aws-cdk-lib';

/**
 * The cdk-nag findings the stacks accept, each with its reason. Everything
 * else the AwsSolutions and Serverless packs report is fixed in the stacks.
 */
export function acknowledgeDataFindings(stack: Stack) {
  Validations.of(stack).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'CODE_HASH_SECRET must never rotate during a campaign (issued ballot codes would stop matching); SESSION_SECRET is rotated by hand between campaigns, since rotating it ends every console session.',
  });
}

export function acknowledgeApiFindings(stack: Stack, imported: { tableArn: string; ballotBoxArn: string }) {
  const v = Validations.of(stack);
  const ack = (id: string, reason: string) => v.acknowledge({ id, reason });
  ack(
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'The basic execution role only lets a function write its own CloudWatch logs.',
  );
  ack(
    `AwsSolutions-IAM5[Resource::${imported.tableArn}/index/*]`,
    'Queries read the main table’s own two indexes (gsi1, gsi2), which the grant names by the table’s ARN.',
  );
  ack(
    `AwsSolutions-IAM5[Resource::${imported.ballotBoxArn}/index/*]`,
    'Code listings read the ballot box’s one keys-only index, which the grant names by the table’s ARN.',
  );
  ack(
    'AwsSolutions-L1',
    'Node.js 22 is the runtime the bundles target (esbuild target node22); move both together.',
  );
  ack('Serverless-LambdaLatestVersion', 'Node.js 22 is the runtime the bundles target; move both together.');
  ack(
    'AwsSolutions-APIG4',
    'The API authenticates console requests itself (session token, CSRF, origin and a policy per route); the masses’ routes are anonymous by design.',
  );
  ack(
    'AwsSolutions-SQS3',
    'This queue is the aggregator’s failure destination itself; it needs no dead-letter queue of its own.',
  );
  ack(
    'Serverless-SQSRedrivePolicy',
    'This queue is the aggregator’s failure destination itself; nothing consumes it automatically.',
  );
  ack(
    'Serverless-LambdaDLQ',
    'The API is invoked synchronously (a DLQ never applies); the aggregator’s stream mapping has an on-failure SQS destination.',
  );
  ack(
    'Serverless-LambdaTracing',
    'X-Ray would need a wildcard grant and adds cost; request ids tie logs together instead.',
  );
}
