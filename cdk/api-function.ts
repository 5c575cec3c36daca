import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundling } from './bundling';

/** What every function that reads and writes items needs (transactions are made of these). */
const itemActions = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

export interface AppFunctionProps {
  /** Path of the entry file under `functions/`. */
  entry: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * A Lambda function with the project's defaults: ARM64, Node 22, ESM bundle,
 * JSON logs kept 30 days. Source maps are shipped beside the bundle but not
 * turned on at runtime (`--enable-source-maps` nearly doubled the cold start);
 * an operator maps a stack frame with the uploaded map when one is needed.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
      environment: { ...props.environment },
      bundling: {
        target: bundling.target,
        format: OutputFormat.ESM,
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        externalModules: [...bundling.externalModules],
        banner: bundling.banner,
      },
    });
  }

  /**
   * Sets the tables' names and grants exactly the item actions the app's code
   * sends (no Scan; deletes only where a code path deletes), on the tables and
   * their indexes.
   */
  bindTables(main: ITableV2, ballotBox: ITableV2): this {
    this.fn.addEnvironment('TABLE_NAME', main.tableName);
    this.fn.addEnvironment('BALLOT_BOX_TABLE_NAME', ballotBox.tableName);
    // Main: DeleteItem for sign-in attempts and an import's rollback; BatchWriteItem for imports.
    main.grant(this.fn, ...itemActions, 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem');
    // Ballot box: codes, ballots and paper entries are never deleted; codes are read in batches.
    ballotBox.grant(this.fn, ...itemActions, 'dynamodb:BatchGetItem');
    return this;
  }
}
