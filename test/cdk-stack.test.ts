import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppraisalStack } from '../cdk/stack';
import { createTableInput, table } from '../shared/data/table';

describe('the CDK stack', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(new AppraisalStack(new App(), 'Test'));
  }, 120_000);

  it('builds the table from the one definition', () => {
    const local = createTableInput('x');
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: local.KeySchema,
      AttributeDefinitions: Match.arrayEquals(local.AttributeDefinitions ?? []),
      GlobalSecondaryIndexes: (local.GlobalSecondaryIndexes ?? []).map((i) =>
        Match.objectLike({ IndexName: i.IndexName, KeySchema: i.KeySchema }),
      ),
      StreamSpecification: { StreamViewType: table.stream },
      TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
      BillingMode: table.billing,
    });
  });

  it('runs the API on ARM64 Node 22 with the table bound', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
  });

  it('declares keys nowhere but the table definition', () => {
    const attributes = createTableInput('x').AttributeDefinitions?.map((a) => a.AttributeName);
    expect(attributes).toEqual(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);
  });
});
