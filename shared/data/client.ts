import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ClientOptions {
  region: string;
  /** DynamoDB Local or another non-AWS endpoint; unset on AWS. */
  endpoint?: string | undefined;
}

/**
 * The one place a DynamoDB client is built. Local endpoints get dummy
 * credentials so nobody needs an AWS profile to run the product.
 */
export function createDynamoClient({ region, endpoint }: ClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region,
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 }
      : {}),
  });
}

/** The document client the repositories send with (the app sees only this name). */
export type DocumentClient = DynamoDBDocumentClient;

/** Document client over `client`: plain JS values in and out, undefined attributes dropped. */
export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Whether a DynamoDB endpoint answers at all (a ListTables of one), for waiting on a starting local one. */
export async function endpointAnswers(endpoint: string): Promise<boolean> {
  const client = createDynamoClient({ region: 'local', endpoint });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}
