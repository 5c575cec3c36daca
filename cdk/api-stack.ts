import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { configVariables } from '../shared/config/env';
import { ballotBoxTable, table } from '../shared/data/table';
import { publicRoutePaths } from '../shared/http/public-paths';
import { acknowledgeApiFindings } from './acknowledgments';
import { addAlarms } from './alarms';
import { AppFunction } from './api-function';
import { functionEntries, publicNodeOptions } from './bundling';
import { dataExports } from './data-stack';

export interface ApiStackProps extends StackProps {
  /** The data stack's name: its tables and secrets are imported by the names it exports them under. */
  dataStackName: string;
}

/**
 * The stateless stack: the three functions, the HTTP API and the alarms. It
 * holds no data, so it can be replaced (or torn down) without touching the
 * tables or the secrets in the data stack.
 */
export class ApiStack extends Stack {
  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const names = dataExports(props.dataStackName);
    const imported = (name: string) => Fn.importValue(name);
    const main = TableV2.fromTableAttributes(this, 'Table', {
      tableArn: imported(names.tableArn),
      tableStreamArn: imported(names.tableStreamArn),
      globalIndexes: table.indexes.map((i) => i.name),
    });
    const ballotBox = TableV2.fromTableAttributes(this, 'BallotBox', {
      tableArn: imported(names.ballotBoxArn),
      globalIndexes: ballotBoxTable.indexes.map((i) => i.name),
    });
    const sessionSecret = Secret.fromSecretCompleteArn(this, 'AppSecrets', imported(names.sessionSecretArn));
    const codeSecret = Secret.fromSecretCompleteArn(this, 'CodeHashSecret', imported(names.codeSecretArn));
    const context = (key: string, fallback: number) => Number(this.node.tryGetContext(key) ?? fallback);

    // The masses' pages and submissions. 512 MB: Lambda gives CPU in proportion to memory, and the
    // cold start (import + first request) is what a person scanning a QR code waits for; the work
    // itself is one or two DynamoDB requests. 10 s: a request waits at most for its few SDK retries.
    // Reserved concurrency caps it (and keeps that much for it): a flood of one round cannot take
    // the account's whole concurrency from the console and the aggregator.
    const publicFn = new AppFunction(this, 'Public', {
      entry: functionEntries.public,
      reads: configVariables.public,
      memorySize: 512,
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: context('publicConcurrency', 100),
      nodeOptions: publicNodeOptions,
    })
      // Reads rounds, reports, sessions and the disclosure index; puts opinions.
      .useTable('TABLE_NAME', main, ['GetItem', 'Query', 'PutItem'])
      // Reads a code; casting is a transaction of the code's update and the ballot's put.
      .useTable('BALLOT_BOX_TABLE_NAME', ballotBox, ['GetItem', 'UpdateItem', 'PutItem'])
      // Hashes codes and receipts; it signs no sessions, so it never gets SESSION_SECRET.
      .useSecret('CODE_HASH_SECRET_ARN', codeSecret);

    // Signed-in pages and the API. 1024 MB, 29 s (API Gateway's own limit): exports build a zone's
    // XLSX in memory and slips pages draw many QR codes; exceljs loads only when an export does.
    const consoleFn = new AppFunction(this, 'Console', {
      entry: functionEntries.console,
      reads: configVariables.console,
      memorySize: 1024,
      timeout: Duration.seconds(29),
    })
      // DeleteItem for sign-in attempts and an import's rollback; BatchWriteItem for imports.
      .useTable('TABLE_NAME', main, [
        'GetItem',
        'Query',
        'PutItem',
        'UpdateItem',
        'ConditionCheckItem',
        'DeleteItem',
        'BatchWriteItem',
      ])
      // Codes, ballots and paper entries are never deleted; codes are read in batches.
      .useTable('BALLOT_BOX_TABLE_NAME', ballotBox, [
        'GetItem',
        'BatchGetItem',
        'Query',
        'PutItem',
        'UpdateItem',
        'ConditionCheckItem',
      ])
      .useSecret('SESSION_SECRET_ARN', sessionSecret)
      .useSecret('CODE_HASH_SECRET_ARN', codeSecret);

    // Every path the public function serves goes to it; everything else to the console.
    const httpApi = new HttpApi(this, 'HttpApi', {
      defaultIntegration: new HttpLambdaIntegration('ConsoleIntegration', consoleFn.fn),
    });
    const publicIntegration = new HttpLambdaIntegration('PublicIntegration', publicFn.fn);
    for (const path of publicRoutePaths) {
      httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration: publicIntegration });
    }
    // Links and QR codes are built from this origin, never from request headers: a custom domain
    // (`-c publicBaseUrl=https://…`) or else the API's own URL.
    const publicBaseUrl = String(this.node.tryGetContext('publicBaseUrl') ?? httpApi.apiEndpoint);
    for (const f of [publicFn, consoleFn]) f.setVariable('PUBLIC_BASE_URL', publicBaseUrl);

    // The opinion stream's consumer: live counts per unit and round. 256 MB, 60 s: a batch of up to
    // 1,000 records is folded in memory and written as a few updates. Batches gather for up to 5 s;
    // a failing batch is split in two until the bad records are found, retried 10 times, then kept
    // in a queue for an operator, never dropped. Stream reads are granted on the stream itself.
    const aggregator = new AppFunction(this, 'Aggregator', {
      entry: functionEntries.aggregator,
      reads: configVariables.aggregator,
      memorySize: 256,
      timeout: Duration.seconds(60),
    }).useTable('TABLE_NAME', main, ['GetItem', 'UpdateItem']);
    const failures = new Queue(this, 'AggregatorFailures', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    aggregator.fn.addEventSource(
      new DynamoEventSource(main, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 1000,
        maxBatchingWindow: Duration.seconds(5),
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(failures),
      }),
    );

    // Stage throttling (the per-instance flood brake is not the only line), and an access log
    // that names no source IP or user agent.
    const accessLog = new LogGroup(this, 'ApiAccessLog', { retention: RetentionDays.ONE_MONTH });
    const stage = httpApi.defaultStage?.node.defaultChild as CfnStage;
    stage.defaultRouteSettings = {
      throttlingRateLimit: context('apiRateLimit', 200),
      throttlingBurstLimit: context('apiBurstLimit', 400),
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

    const alarms = addAlarms(this, {
      api: httpApi,
      requestFunctions: { Public: publicFn.fn, Console: consoleFn.fn },
      aggregator: aggregator.fn,
      failures,
    });
    acknowledgeApiFindings(this, names);

    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topicArn });
    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint });
  }
}
