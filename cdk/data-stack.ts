import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ballotBoxTable, type TableDefinition, table } from '../shared/data/table';
import { acknowledgeDataFindings } from './acknowledgments';

/**
 * The names the data stack exports its tables' and secrets' ARNs under, from
 * its stack name. The API stack imports them by these names (not CDK's
 * generated ones), so a reference is readable and stable across deploys.
 */
export const dataExports = (dataStackName: string) => ({
  tableArn: `${dataStackName}-TableArn`,
  tableStreamArn: `${dataStackName}-TableStreamArn`,
  ballotBoxArn: `${dataStackName}-BallotBoxArn`,
  sessionSecretArn: `${dataStackName}-SessionSecretArn`,
  codeSecretArn: `${dataStackName}-CodeSecretArn`,
});

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

/**
 * The stateful stack: both tables (from the one definition) and the two
 * secrets. Everything here is retained; the API stack can be replaced or torn
 * down without touching it.
 */
export class DataStack extends Stack {
  readonly main: TableV2;
  readonly ballotBox: TableV2;
  /** JSON `{ "SESSION_SECRET": … }`: signs console sessions. */
  readonly sessionSecret: Secret;
  /** Keys the hashes of ballot codes and receipts. */
  readonly codeSecret: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.main = tableFrom(this, 'Table', table);
    // The ballot box: no stream; point-in-time recovery only if the operator opts in (SECURITY.md).
    this.ballotBox = tableFrom(this, 'BallotBox', ballotBoxTable, {
      pointInTimeRecovery: this.node.tryGetContext('ballotBoxPitr') === 'true',
    });

    // Generated once at first deploy and kept: rotating CODE_HASH_SECRET would orphan issued ballot codes.
    this.sessionSecret = new Secret(this, 'AppSecrets', {
      generateSecretString: {
        secretStringTemplate: JSON.stringify({}),
        generateStringKey: 'SESSION_SECRET',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.codeSecret = new Secret(this, 'CodeHashSecret', {
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    acknowledgeDataFindings(this);

    new CfnOutput(this, 'TableName', { value: this.main.tableName });
    new CfnOutput(this, 'BallotBoxTableName', { value: this.ballotBox.tableName });
    // What the API stack imports, under names of our choosing (see dataExports).
    const names = dataExports(this.stackName);
    const exported: [string, string][] = [
      [names.tableArn, this.main.tableArn],
      [names.tableStreamArn, this.main.tableStreamArn ?? ''],
      [names.ballotBoxArn, this.ballotBox.tableArn],
      [names.sessionSecretArn, this.sessionSecret.secretArn],
      [names.codeSecretArn, this.codeSecret.secretArn],
    ];
    for (const [name, value] of exported)
      new CfnOutput(this, name.split('-').at(-1) ?? name, { value, exportName: name });
  }
}
