import type { TestProject } from 'vitest/node';
import { type RunningDynamo, startDynamoLocal } from '../../shared/local/dynamodb-local';

let dynamo: RunningDynamo | undefined;

/** Starts one in-memory DynamoDB Local for the whole run; each test file makes its own table on it. */
export async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  dynamo = await startDynamoLocal({ port: 0 });
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
