import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { type CfnStage, HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, type Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ballotBoxTable, type TableDefinition, table } from '../shared/data/table';
import { acknowledgeFindings } from './acknowledgments';
import { AppFunction } from './api-function';
import { functionEntries } from './bundling';

const str = (name: string) => ({ name, type: AttributeType.STRING });

/** A table from its one definition: on demand, deletion-protected, kept when the stack goes. */
function tableFrom(
  scope: Construct,
  id: string,
  def: TableDefinition,
  opts: { pointInTimeRecovery?: boolean } = {},
) {
  return new TableV2(scope, id, {
    partitionKey: str(def.partitionKey),
    sortKey: str(def.sortKey),
    globalSecondaryIndexes: def.indexes.map((i) => ({
      indexName: i.name,
      partitionKey: str(i.partitionKey),
      sortKey: str(i.sortKey),
      projectionType: ProjectionType[i.projection],
    })),
    ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
    ...(def.stream ? { dynamoStream: StreamViewType[def.stream] } : {}),
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: {
      pointInTimeRecoveryEnabled: opts.pointInTimeRecovery ?? def.pointInTimeRecovery,
    },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/** The tables (from the one definition), the API function and its HTTP API. */
export class AppraisalStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const data = tableFrom(this, 'Table', table);
    // The ballot box: no stream; point-in-time recovery only if the operator opts in (SECURITY.md).
    const ballotBox = tableFrom(this, 'BallotBox', ballotBoxTable, {
      pointInTimeRecovery: this.node.tryGetContext('ballotBoxPitr') === 'true',
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

    // Only the secrets' ARNs reach the function; it reads the values once at cold start.
    const api = new AppFunction(this, 'Api', {
      entry: functionEntries.api,
      environment: {
        SESSION_SECRET_ARN: secrets.secretArn,
        CODE_HASH_SECRET_ARN: codeSecret.secretArn,
      },
    }).bindTables(data, ballotBox);
    secrets.grantRead(api.fn);
    codeSecret.grantRead(api.fn);

    const httpApi = new HttpApi(this, 'HttpApi', {
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', api.fn),
    });
    // Links and QR codes are built from this origin, never from request headers: a custom domain
    // (`-c publicBaseUrl=https://…`) or else the API's own URL.
    const publicBaseUrl = this.node.tryGetContext('publicBaseUrl');
    api.fn.addEnvironment('PUBLIC_BASE_URL', publicBaseUrl ? String(publicBaseUrl) : httpApi.apiEndpoint);

    // The opinion stream's consumer: live counts per unit and round. Batches are folded in memory
    // (up to 1,000 records, gathered for up to 5 s); a failing batch is split in two until the bad
    // records are found, retried 10 times, then kept in a queue for an operator, never dropped.
    const aggregator = new AppFunction(this, 'Aggregator', {
      entry: functionEntries.aggregator,
      memorySize: 256,
      timeout: Duration.seconds(60),
    });
    aggregator.fn.addEnvironment('TABLE_NAME', data.tableName);
    // The aggregator reads and updates its aggregate items, nothing else.
    data.grant(aggregator.fn, 'dynamodb:GetItem', 'dynamodb:UpdateItem');
    const poisonRecords = new Queue(this, 'AggregatorFailures', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    aggregator.fn.addEventSource(
      new DynamoEventSource(data, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 1000,
        maxBatchingWindow: Duration.seconds(5),
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(poisonRecords),
      }),
    );

    // Stage throttling (the per-instance flood brake is not the only line), and an access log
    // that names no source IP or user agent.
    const accessLog = new LogGroup(this, 'ApiAccessLog', { retention: RetentionDays.ONE_MONTH });
    const stage = httpApi.defaultStage?.node.defaultChild as CfnStage;
    stage.defaultRouteSettings = {
      throttlingRateLimit: Number(this.node.tryGetContext('apiRateLimit') ?? 200),
      throttlingBurstLimit: Number(this.node.tryGetContext('apiBurstLimit') ?? 400),
    };
    stage.accessLogSettings = {
      destinationArn: accessLog.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        at: '$context.requestTime',
      }),
    };

    // Alarms, to one SNS topic an operator subscribes to.
    const alarms = new Topic(this, 'Alarms', { enforceSSL: true });
    const alarm = (id: string, metric: Metric, threshold: number, what: string) =>
      new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: what,
      }).addAlarmAction(new SnsAction(alarms));
    alarm('Api5xx', httpApi.metricServerError({ period: Duration.minutes(5) }), 5, 'API answered 5xx');
    alarm('ApiErrors', api.fn.metricErrors({ period: Duration.minutes(5) }), 3, 'API function errors');
    alarm(
      'ApiThrottles',
      api.fn.metricThrottles({ period: Duration.minutes(5) }),
      1,
      'API function throttled',
    );
    alarm(
      'AggregatorErrors',
      aggregator.fn.metricErrors({ period: Duration.minutes(5) }),
      3,
      'Aggregator errors',
    );
    alarm(
      'AggregatorIteratorAge',
      aggregator.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      5 * 60_000,
      'Live counts are more than 5 minutes behind the opinions',
    );
    alarm(
      'AggregatorFailuresQueued',
      poisonRecords.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      1,
      'Stream records the aggregator gave up on are waiting in the failure queue',
    );

    acknowledgeFindings(this);

    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topicArn });
    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: data.tableName });
    new CfnOutput(this, 'BallotBoxTableName', { value: ballotBox.tableName });
  }
}
