import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { table } from '../shared/data/table';
import { AppFunction } from './api-function';
import { functionEntries } from './bundling';

const str = (name: string) => ({ name, type: AttributeType.STRING });

/** The table (from the one definition), the API function and its HTTP API. */
export class AppraisalStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const data = new TableV2(this, 'Table', {
      partitionKey: str(table.partitionKey),
      sortKey: str(table.sortKey),
      globalSecondaryIndexes: table.indexes.map((i) => ({
        indexName: i.name,
        partitionKey: str(i.partitionKey),
        sortKey: str(i.sortKey),
      })),
      timeToLiveAttribute: table.ttlAttribute,
      dynamoStream: StreamViewType[table.stream],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Generated once at first deploy and kept: rotating CODE_HASH_SECRET would orphan issued ballot codes.
    const secrets = new Secret(this, 'AppSecrets', {
      generateSecretString: {
        secretStringTemplate: JSON.stringify({}),
        generateStringKey: 'SESSION_SECRET',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const codeSecret = new Secret(this, 'CodeHashSecret', {
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const api = new AppFunction(this, 'Api', {
      entry: functionEntries.api,
      environment: {
        SESSION_SECRET: secrets.secretValueFromJson('SESSION_SECRET').unsafeUnwrap(),
        CODE_HASH_SECRET: codeSecret.secretValue.unsafeUnwrap(),
        ...(this.node.tryGetContext('publicBaseUrl')
          ? { PUBLIC_BASE_URL: String(this.node.tryGetContext('publicBaseUrl')) }
          : {}),
      },
    }).bindTable(data);

    const httpApi = new HttpApi(this, 'HttpApi', {
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', api.fn),
    });

    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: data.tableName });
  }
}
