import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiStack } from '../cdk/api-stack';
import { DataStack } from '../cdk/data-stack';
import { ballotBoxTable, createTableInput, table } from '../shared/data/table';
import { publicRoutePaths } from '../shared/http/public-paths';

describe('the CDK stacks', () => {
  let template: Template;
  let api: Template;
  beforeAll(() => {
    const app = new App();
    const data = new DataStack(app, 'TestData');
    api = Template.fromStack(new ApiStack(app, 'TestApi', { dataStackName: data.stackName }));
    template = Template.fromStack(data);
  }, 120_000);

  it('keeps all data in the stateful stack and none in the stateless one', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 2);
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::DynamoDB::Table', 'AWS::SecretsManager::Secret'])
      api.resourceCountIs(type, 0);
    for (const r of Object.values(template.findResources('AWS::DynamoDB::GlobalTable')))
      expect(r.DeletionPolicy).toBe('Retain');
    for (const r of Object.values(template.findResources('AWS::SecretsManager::Secret')))
      expect(r.DeletionPolicy).toBe('Retain');
  });

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

  /** Each function's resource, found by the entry its log group and handler belong to. */
  const functions = () => Object.entries(api.findResources('AWS::Lambda::Function'));
  const fnNamed = (name: string) => functions().find(([id]) => id.startsWith(name))?.[1];
  const statementsOf = (name: string) =>
    Object.values(api.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(name))
      .flatMap(
        (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
  const actionsOn = (name: string, table: 'Table' | 'BallotBox') =>
    statementsOf(name)
      .filter((st) => JSON.stringify(st.Resource).includes(`${table}`))
      .filter((st) => !(table === 'Table' && JSON.stringify(st.Resource).includes('BallotBox')))
      .flatMap((st) => [st.Action].flat())
      .filter((a) => a.startsWith('dynamodb:'))
      .sort();

  it('runs three functions on ARM64 Node 22, each with its memory, timeout and tables', () => {
    expect(functions()).toHaveLength(3);
    for (const [, f] of functions()) {
      expect(f.Properties.Runtime).toBe('nodejs22.x');
      expect(f.Properties.Architectures).toEqual(['arm64']);
      expect(f.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
    }
    expect(fnNamed('Public')?.Properties).toMatchObject({ MemorySize: 512, Timeout: 10 });
    expect(fnNamed('Public')?.Properties.ReservedConcurrentExecutions).toBe(100);
    expect(fnNamed('Console')?.Properties).toMatchObject({ MemorySize: 1024, Timeout: 29 });
    expect(fnNamed('Aggregator')?.Properties).toMatchObject({ MemorySize: 256, Timeout: 60 });
    expect(fnNamed('Aggregator')?.Properties.Environment.Variables.BALLOT_BOX_TABLE_NAME).toBeUndefined();
  });

  it('sends the public paths to the public function and everything else to the console', () => {
    api.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey as string,
    );
    expect(routes.sort()).toEqual(['$default', ...publicRoutePaths.map((p) => `ANY ${p}`)].sort());
    const integrations = Object.values(api.findResources('AWS::ApiGatewayV2::Integration'));
    expect(integrations).toHaveLength(2);
  });

  it('grants each function exactly the actions its code sends', () => {
    expect(actionsOn('Public', 'Table')).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(actionsOn('Public', 'BallotBox')).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    expect(actionsOn('Aggregator', 'Table')).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem']),
    );
    expect(actionsOn('Aggregator', 'BallotBox')).toEqual([]);
    // Stream reads are granted on the stream, not the table.
    const streamGrant = statementsOf('Aggregator').find((st) =>
      [st.Action].flat().includes('dynamodb:GetRecords'),
    );
    expect(JSON.stringify(streamGrant?.Resource)).toContain('StreamArn');
    expect(actionsOn('Console', 'BallotBox')).not.toContain('dynamodb:DeleteItem');
  });

  it('feeds the opinion stream to the aggregator with partial failures, bisecting and a failure queue', () => {
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: 5,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    api.resourceCountIs('AWS::SQS::Queue', 1);
  });

  it('passes only the secrets’ ARNs, and the public function only the one it uses', () => {
    const vars = (name: string) => Object.keys(fnNamed(name)?.Properties.Environment?.Variables ?? {});
    expect(vars('Console')).toEqual(expect.arrayContaining(['SESSION_SECRET_ARN', 'CODE_HASH_SECRET_ARN']));
    expect(vars('Public')).toContain('CODE_HASH_SECRET_ARN');
    expect(vars('Public')).not.toContain('SESSION_SECRET_ARN');
    for (const [, f] of functions()) {
      const names = Object.keys(f.Properties.Environment?.Variables ?? {});
      expect(names).not.toContain('SESSION_SECRET');
      expect(names).not.toContain('CODE_HASH_SECRET');
      // Source maps ship with the bundle but are not turned on at runtime (cold start).
      expect(JSON.stringify(f.Properties.Environment ?? {})).not.toContain('enable-source-maps');
    }
    expect(JSON.stringify(api.toJSON())).not.toMatch(/resolve:secretsmanager/);
    expect(JSON.stringify(statementsOf('Public'))).toContain('secretsmanager:GetSecretValue');
    expect(JSON.stringify(statementsOf('Aggregator'))).not.toContain('secretsmanager');
  });

  it('grants no Scan anywhere, and no delete or batch write on the ballot box', () => {
    const statements = Object.values(api.findResources('AWS::IAM::Policy')).flatMap(
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
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage?.Properties.AccessLogSettings.Format).not.toMatch(/sourceIp|userAgent/);
    api.resourceCountIs('AWS::SNS::Topic', 1);
    const alarms = Object.keys(api.findResources('AWS::CloudWatch::Alarm')).map((id) =>
      id.replace(/[0-9A-F]{8}$/, ''),
    );
    expect(alarms.sort()).toEqual(
      [
        'Api5xx',
        'PublicErrors',
        'PublicThrottles',
        'ConsoleErrors',
        'ConsoleThrottles',
        'AggregatorErrors',
        'AggregatorIteratorAge',
        'AggregatorFailuresQueued',
      ].sort(),
    );
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
