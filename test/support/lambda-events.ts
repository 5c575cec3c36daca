import type { APIGatewayProxyEventV2, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

const domain = 'abc123.execute-api.cn-north-1.amazonaws.com.cn';

/**
 * An API Gateway HTTP API event (payload format 2.0) as the gateway sends it:
 * lower-case headers, cookies apart, the body base64-encoded when it is a
 * form post (the gateway does so for anything not text or JSON).
 */
export function httpApiEvent(
  method: string,
  path: string,
  opts: { query?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const base64 = opts.body !== undefined && !/json|text\/plain/.test(opts.contentType ?? '');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: opts.query ?? '',
    headers: {
      host: domain,
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '443',
      'user-agent': 'Mozilla/5.0 (Linux; Android 10) MicroMessenger/8.0',
      ...(opts.contentType ? { 'content-type': opts.contentType } : {}),
      ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
      ...opts.headers,
    },
    ...(opts.query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(opts.query)) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: domain,
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'smoke' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: '26/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    isBase64Encoded: base64,
    ...(opts.body !== undefined
      ? { body: base64 ? Buffer.from(opts.body).toString('base64') : opts.body }
      : {}),
  };
}

/** A DynamoDB stream event as Lambda delivers it, from records read off the stream. */
export function streamEvent(records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}

/** What an HTTP API handler answers. */
export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}
