import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import * as z from 'zod';

/**
 * The cold-start baseline: what a plain Hono function with the DynamoDB
 * client, the document client and zod costs, bundled with the same settings
 * as ours. It serves `GET /f/{token}` as ours does: check the token, read the
 * round, answer a small page.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: process.env.AWS_REGION,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
);
const Token = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
const app = new Hono().get('/f/:token', async (c) => {
  const token = Token.safeParse(c.req.param('token'));
  if (!token.success) return c.text('not found', 404);
  const out = await db.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `ROUND#${token.data}`, sk: 'META' } }),
  );
  return c.html(`<!doctype html><title>意见</title><p>${out.Item ? '请填写' : '不存在'}</p>`);
});

export const handler = handle(app);
