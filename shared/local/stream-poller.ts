import { iteratorExpired, mainTableStream, type StreamRead, type TableClient } from '../data/stream-reader';
import type { AggregatorDeps } from '../deps';
import { applyStream } from '../usecases/apply-stream';

/**
 * Under `npm start` (and in the tests), what the Lambda event source does on
 * AWS: reads the main table's stream from DynamoDB Local, shard by shard, and
 * hands each batch to the same aggregator code. A batch that
 * fails is read again from the same iterator on the next round; records
 * applied twice change nothing.
 */
export function streamPoller(deps: AggregatorDeps, client: TableClient, endpoint: string) {
  const stream = mainTableStream(deps.tableName, client, endpoint);
  const iterators = new Map<string, string | undefined>();
  const finished = new Set<string>();

  /** Reads every shard once; returns how many records it handed to the aggregator. */
  async function pollOnce(): Promise<number> {
    let seen = 0;
    for (const shardId of await stream.shards()) {
      if (finished.has(shardId)) continue;
      let iterator = iterators.get(shardId) || (await stream.start(shardId));
      while (iterator) {
        let out: StreamRead;
        try {
          out = await stream.read(iterator);
        } catch (err) {
          if (iteratorExpired(err)) iterators.delete(shardId);
          throw err;
        }
        const { records, next } = out;
        if (records.length > 0) {
          const failed = await applyStream(deps, records);
          // Keep the iterator: the next round reads the same batch again.
          if (failed.size > 0) break;
          seen += records.length;
        }
        iterators.set(shardId, next);
        if (!next) finished.add(shardId);
        if (records.length === 0) break;
        iterator = next;
      }
    }
    return seen;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    pollOnce,
    /** Reads until a round finds nothing new (the tests' way to wait for the counts). */
    async drain() {
      await running;
      while ((await pollOnce()) > 0) {
        // keep reading
      }
    },
    /** Polls every `ms` in the background until `stop()`. */
    start(ms = 1000) {
      const tick = () => {
        running = pollOnce()
          .catch((err: unknown) => deps.log.warn('stream poll failed', { error: (err as Error).name }))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, ms);
          });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      stream.destroy();
    },
  };
}
export type StreamPoller = ReturnType<typeof streamPoller>;
