import { createApp } from '../../shared/app';
import type { TestContext } from './test-env';

/** The app over a document client that records the name of every DynamoDB command it sends. */
export function countingApp(t: TestContext) {
  const sent: string[] = [];
  const send = t.deps.db.send.bind(t.deps.db);
  const db = Object.assign(Object.create(t.deps.db), {
    send: (command: { constructor: { name: string } }, ...rest: unknown[]) => {
      sent.push(command.constructor.name);
      return (send as (...a: unknown[]) => unknown)(command, ...rest);
    },
  });
  return { app: createApp({ ...t.deps, db }), sent };
}
