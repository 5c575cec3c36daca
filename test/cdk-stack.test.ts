import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppraisalStack } from '../cdk/stack';
import { ballotBoxTable, createTableInput, table } from '../shared/data/table';

describe('the CDK stack', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(new AppraisalStack(new App(), 'Test'));
  }, 120_000);

  it('builds the main table from the one definition', () => {
    const local = createTableInput(table, 'x');
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: local.KeySchema,
      AttributeDefinitions: Match.arrayEquals(local.AttributeDefinitions ?? []),
      GlobalSecondaryIndexes: (local.GlobalSecondaryIndexes ?? []).map((i) =>
        Match.objectLike({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection }),
      ),
      StreamSpecification: { StreamViewType: table.stream },
      TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
      BillingMode: table.billing,
    });
  });

  it('builds the ballot box without a stream, with a keys-only index and no point-in-time recovery', () => {
    const local = createTableInput(ballotBoxTable, 'x');
    expect(local.StreamSpecification).toBeUndefined();
    const tables = template.findResources('AWS::DynamoDB::GlobalTable');
    const boxes = Object.values(tables).filter(
      (r) => r.Properties.GlobalSecondaryIndexes?.[0]?.Projection?.ProjectionType === 'KEYS_ONLY',
    );
    expect(boxes).toHaveLength(1);
    const box = boxes[0]?.Properties;
    expect(box.StreamSpecification).toBeUndefined();
    expect(box.KeySchema).toEqual(local.KeySchema);
    expect(box.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: false });
    expect(box.DeletionProtectionEnabled ?? box.Replicas[0].DeletionProtectionEnabled).toBe(true);
  });

  it('runs the API on ARM64 Node 22 with the table bound', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          BALLOT_BOX_TABLE_NAME: Match.anyValue(),
        }),
      },
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
  });

  it('feeds the opinion stream to the aggregator with partial failures, bisecting and a failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: 5,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.resourceCountIs('AWS::SQS::Queue', 1);
  });

  it('passes only the secrets’ ARNs to the API, which may read just those two secrets', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function'));
    const api = fns.find((f) => f.Properties.Environment?.Variables?.SESSION_SECRET_ARN);
    expect(api).toBeDefined();
    const vars = api?.Properties.Environment.Variables ?? {};
    expect(Object.keys(vars)).not.toContain('SESSION_SECRET');
    expect(Object.keys(vars)).not.toContain('CODE_HASH_SECRET');
    // Source maps ship with the bundle but are not turned on at runtime (cold start).
    for (const f of fns)
      expect(JSON.stringify(f.Properties.Environment ?? {})).not.toContain('enable-source-maps');
    expect(JSON.stringify(template.toJSON())).not.toMatch(/resolve:secretsmanager/);
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('secretsmanager:GetSecretValue');
  });

  it('grants no Scan anywhere, and no delete or batch write on the ballot box', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const actions = statements.flatMap((st) => [st.Action].flat());
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => a.startsWith('dynamodb:') && a.includes('*'))).toEqual([]);
    // Queries on the indexes need the index ARNs too.
    expect(JSON.stringify(statements)).toContain('/index/*');
    const box = statements.filter((st) => JSON.stringify(st.Resource).includes('BallotBox'));
    expect(box.length).toBeGreaterThan(0);
    for (const st of box) {
      expect([st.Action].flat()).not.toContain('dynamodb:DeleteItem');
      expect([st.Action].flat()).not.toContain('dynamodb:BatchWriteItem');
    }
  });

  it('throttles the API stage, logs access without source IPs, and alarms to one topic', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage?.Properties.AccessLogSettings.Format).not.toMatch(/sourceIp|userAgent/);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
  });

  it('declares keys nowhere but the table definition', () => {
    const attributes = createTableInput(table, 'x').AttributeDefinitions?.map((a) => a.AttributeName);
    expect(attributes).toEqual(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);
    const boxAttributes = createTableInput(ballotBoxTable, 'x').AttributeDefinitions?.map(
      (a) => a.AttributeName,
    );
    expect(boxAttributes).toEqual(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
  });
});
