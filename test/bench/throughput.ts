import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { BatchWriteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { handle } from 'hono/aws-lambda';
import { httpApiEvent } from '../support/lambda-events';
import { type BenchContext, mintReviewCodes, opinionBody } from './context';
import { httpClient, type LoadResult, load, quantile } from './load';

type Input = Record<string, unknown>;

/** Records the input of the next command of a kind that goes through the app's document client. */
function captureNext(ctx: BenchContext, name: string) {
  const db = ctx.deps.db as unknown as { send: (c: unknown, ...r: unknown[]) => Promise<unknown> };
  const original = db.send;
  let captured: Input | undefined;
  db.send = function (command: unknown, ...rest: unknown[]) {
    const c = command as { constructor: { name: string }; input: Input };
    if (!captured && c.constructor.name === name) captured = structuredClone(c.input);
    return original.call(this, command, ...rest);
  };
  return () => {
    db.send = original;
    if (!captured) throw new Error(`no ${name} was sent`);
    return captured;
  };
}

/** The same key with a fresh id after its last `#`: same partition, same length. */
const freshSk = (sk: string) => {
  const cut = sk.lastIndexOf('#') + 1;
  return (
    sk.slice(0, cut) +
    randomBytes(32)
      .toString('base64url')
      .slice(0, sk.length - cut)
  );
};

export interface Ratio {
  http: LoadResult;
  raw: LoadResult;
  ratio: number;
}

/** Alternates raw and HTTP runs (drift on a noisy machine falls on both) and compares their sums. */
async function compare(
  rounds: number,
  n: number,
  concurrency: number,
  raw: (i: number) => Promise<boolean>,
  http: (i: number) => Promise<boolean>,
): Promise<Ratio> {
  const results = { raw: [] as LoadResult[], http: [] as LoadResult[] };
  // A warm-up of each first (the emulator's JIT and both connection pools), not counted.
  const warm = Math.ceil(n / 5);
  await load(warm, concurrency, (i) => raw(rounds * n + i));
  await load(warm, concurrency, (i) => http(rounds * n + i));
  for (let r = 0; r < rounds; r++) {
    results.raw.push(await load(n, concurrency, (i) => raw(r * n + i)));
    results.http.push(await load(n, concurrency, (i) => http(r * n + i)));
  }
  const mean = (xs: LoadResult[]): LoadResult => ({
    perSecond: xs.reduce((s, x) => s + x.perSecond, 0) / xs.length,
    p50: xs.reduce((s, x) => s + x.p50, 0) / xs.length,
    p99: xs.reduce((s, x) => s + x.p99, 0) / xs.length,
    failures: xs.reduce((s, x) => s + x.failures, 0),
  });
  const [h, w] = [mean(results.http), mean(results.raw)];
  // The median of the rounds' ratios: one round caught by the machine's noise does not decide it.
  const ratios = results.http.map((x, i) => x.perSecond / (results.raw[i]?.perSecond ?? Number.NaN));
  return { http: h, raw: w, ratio: quantile(ratios, 0.5) };
}

type Post = (path: string, body: string) => Promise<{ status: number; body: string }>;
type Sizes = { n: number; concurrency: number; rounds: number };

/**
 * Figures 1 and 2: submissions per second through the HTTP API on
 * @hono/node-server against the raw DynamoDB writes they make, of the same
 * items, at the same concurrency, from the same process and client.
 */
export async function httpVsRaw(ctx: BenchContext, opts: Sizes) {
  const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const client = httpClient(`http://127.0.0.1:${port}`, opts.concurrency);
  try {
    return await againstRaw(ctx, opts, (path, body) => client.post(path, body));
  } finally {
    client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * The same, in process, as a Lambda instance runs the app: each submission an
 * API Gateway HTTP API event handed to the app's Lambda handler (no HTTP
 * server, no HTTP client), against the same raw writes.
 */
export async function inProcessVsRaw(ctx: BenchContext, opts: Sizes) {
  const handler = handle(ctx.app);
  const post: Post = async (path, body) => {
    const res = (await handler(
      httpApiEvent('POST', path, { body, contentType: 'application/json' }) as never,
      lambdaContext,
    )) as { statusCode: number; body?: string };
    return { status: res.statusCode, body: res.body ?? '' };
  };
  return againstRaw(ctx, opts, post);
}

const lambdaContext = {
  functionName: 'bench',
  awsRequestId: 'bench',
  getRemainingTimeInMillis: () => 10_000,
  callbackWaitsForEmptyEventLoop: false,
} as never;

/** Opinions and ballots sent through `post`, each against the raw writes it makes. */
async function againstRaw(ctx: BenchContext, opts: Sizes, post: Post) {
  const db = ctx.deps.db;
  const client = { post };
  {
    // Opinions: the PutItem the API makes, replayed with fresh ids.
    const opinionPath = `/api/public/rounds/${ctx.token}/opinions`;
    let done = captureNext(ctx, 'PutCommand');
    await client.post(opinionPath, opinionBody(-1));
    const put = done() as { Item: Input };
    const opinion = await compare(
      opts.rounds,
      opts.n,
      opts.concurrency,
      async () => {
        await db.send(
          new PutCommand({ ...put, Item: { ...put.Item, sk: freshSk(String(put.Item.sk)) } } as never),
        );
        return true;
      },
      async (i) => (await client.post(opinionPath, opinionBody(i))).status === 201,
    );

    // Ballots: the two-item transaction the API makes, on copies of a real unused code.
    const total = opts.rounds * opts.n + Math.ceil(opts.n / 5);
    const minted = await mintReviewCodes(ctx, total + 1);
    const [first, ...codes] = minted.codes;
    const ballotPath = `/api/public/review-sessions/${minted.sessionId}/ballots`;
    done = captureNext(ctx, 'TransactWriteCommand');
    const warm = await client.post(ballotPath, minted.castBody(first ?? ''));
    if (warm.status !== 201) throw new Error(`cast failed: ${warm.status} ${warm.body}`);
    const tx = done() as {
      TransactItems: { Update: { Key: Input; TableName: string }; Put: { Item: Input } }[];
    };
    const [update, putBallot] = tx.TransactItems;
    if (!update?.Update || !putBallot?.Put) throw new Error('unexpected cast transaction');
    const box = update.Update.TableName;
    const code = (await db.send(new GetCommand({ TableName: box, Key: update.Update.Key }))).Item as Input;
    const copies = Array.from({ length: total }, () => ({
      ...code,
      pk: `CODE#${randomBytes(32).toString('hex')}`.slice(0, String(code.pk).length),
      state: 'unused',
    }));
    for (let i = 0; i < copies.length; i += 25) {
      await db.send(
        new BatchWriteCommand({
          RequestItems: {
            [box]: copies.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
    const ballot = await compare(
      opts.rounds,
      opts.n,
      opts.concurrency,
      async (i) => {
        const copy = copies[i] as Input;
        await db.send(
          new TransactWriteCommand({
            ClientRequestToken: randomBytes(16).toString('base64url'),
            TransactItems: [
              { Update: { ...update.Update, Key: { pk: copy.pk, sk: copy.sk } } },
              {
                Put: {
                  ...putBallot.Put,
                  Item: { ...putBallot.Put.Item, sk: freshSk(String(putBallot.Put.Item.sk)) },
                },
              },
            ],
          } as never),
        );
        return true;
      },
      async (i) => (await client.post(ballotPath, minted.castBody(codes[i] ?? ''))).status === 201,
    );
    return { opinion, ballot };
  }
}
