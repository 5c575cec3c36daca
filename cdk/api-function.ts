import type { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { bundling } from './bundling';

/** DynamoDB actions a function may send to one table; transactions need the actions of their parts. */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';

export interface AppFunctionProps {
  /** Path of the entry file under `functions/`. */
  entry: string;
  /** The variables the function's configuration reads (`configVariables`): it is given no other. */
  reads: readonly string[];
  environment?: Record<string, string>;
  /** Options for Node itself (NODE_OPTIONS), read by the runtime rather than our configuration. */
  nodeOptions?: string;
  /** Chosen per function in the API stack, with the reason beside it. */
  memorySize: number;
  timeout: Duration;
  /** Caps the function's instances and keeps them for it (a flood cannot starve other functions). */
  reservedConcurrentExecutions?: number;
}

/**
 * A Lambda function with the project's defaults: ARM64, Node 22, ESM bundle,
 * JSON logs kept 30 days. Source maps are shipped beside the bundle but not
 * turned on at runtime (`--enable-source-maps` nearly doubled the cold start);
 * an operator maps a stack frame with the uploaded map when one is needed.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  private readonly reads: readonly string[];

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.reads = props.reads;
    for (const name of Object.keys(props.environment ?? {})) this.check(name);
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      ...(props.reservedConcurrentExecutions
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
      environment: {
        ...props.environment,
        ...(props.nodeOptions ? { NODE_OPTIONS: props.nodeOptions } : {}),
      },
      bundling: {
        target: bundling.target,
        format: OutputFormat.ESM,
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        mainFields: [...bundling.mainFields],
        externalModules: [...bundling.externalModules],
        banner: bundling.banner,
      },
    });
  }

  /**
   * Names a table to the function (`variable`) and grants exactly the actions
   * its code sends there, on the table and its indexes. No Scan anywhere.
   */
  useTable(variable: 'TABLE_NAME' | 'BALLOT_BOX_TABLE_NAME', t: ITableV2, actions: TableAction[]): this {
    this.setVariable(variable, t.tableName);
    t.grant(this.fn, ...actions.map((a) => `dynamodb:${a}`));
    return this;
  }

  /** Passes a secret's ARN (never its value) and lets the function read it once at cold start. */
  useSecret(variable: 'SESSION_SECRET_ARN' | 'CODE_HASH_SECRET_ARN', secret: ISecret): this {
    this.setVariable(variable, secret.secretArn);
    secret.grantRead(this.fn);
    return this;
  }

  /** Sets one variable of the function's configuration; a variable it does not read is refused. */
  setVariable(name: string, value: string): this {
    this.check(name);
    this.fn.addEnvironment(name, value);
    return this;
  }

  /** A secret's ARN stands for the secret the configuration reads. */
  private check(name: string) {
    if (!this.reads.includes(name.replace(/_ARN$/, ''))) {
      throw new Error(`${this.node.id} does not read ${name}: its configuration has no such setting`);
    }
  }
}
