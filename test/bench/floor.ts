import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/**
 * The cold-start floor: a function that only creates the DynamoDB document
 * client and sends one PutItem. Bundled with the same settings as ours, it is
 * what any function on this stack pays before doing anything of its own.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: process.env.AWS_REGION,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
);

export const handler = async () => {
  await db.send(
    new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: 'FLOOR', sk: String(Date.now()) } }),
  );
  return { statusCode: 200, body: '' };
};
