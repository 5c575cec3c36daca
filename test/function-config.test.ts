import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppFunction } from '../cdk/api-function';
import { ApiStack } from '../cdk/api-stack';
import { functionEntries, publicNodeOptions } from '../cdk/bundling';
import { DataStack } from '../cdk/data-stack';
import { configVariables } from '../shared/config/env';

describe('the stack gives each function only the variables its configuration reads', () => {
  let api: Template;
  beforeAll(() => {
    const app = new App();
    const data = new DataStack(app, 'TestData');
    api = Template.fromStack(new ApiStack(app, 'TestApi', { dataStackName: data.stackName }));
  }, 120_000);

  const variablesOf = (name: string) => {
    const [, fn] =
      Object.entries(api.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith(name)) ?? [];
    return Object.keys(fn?.Properties.Environment?.Variables ?? {}).sort();
  };

  it('passes the public function its tables, code-hash secret and origin, and Node its options', () => {
    expect(variablesOf('Public')).toEqual([
      'BALLOT_BOX_TABLE_NAME',
      'CODE_HASH_SECRET_ARN',
      'NODE_OPTIONS',
      'PUBLIC_BASE_URL',
      'TABLE_NAME',
    ]);
    const [, fn] =
      Object.entries(api.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('Public')) ??
      [];
    // Read by the runtime, not our configuration: exactly what the benchmark measured.
    expect(fn?.Properties.Environment?.Variables?.NODE_OPTIONS).toBe(publicNodeOptions);
  });

  it('passes the console its tables, both secrets and the origin', () => {
    expect(variablesOf('Console')).toEqual([
      'BALLOT_BOX_TABLE_NAME',
      'CODE_HASH_SECRET_ARN',
      'PUBLIC_BASE_URL',
      'SESSION_SECRET_ARN',
      'TABLE_NAME',
    ]);
  });

  it('passes the aggregator its table alone', () => {
    expect(variablesOf('Aggregator')).toEqual(['TABLE_NAME']);
  });

  it('refuses to give a function a variable its configuration does not read', () => {
    const fn = new AppFunction(new Stack(new App(), 'Refuse'), 'Aggregator', {
      entry: functionEntries.aggregator,
      reads: configVariables.aggregator,
      memorySize: 256,
      timeout: Duration.seconds(60),
    });
    expect(() => fn.setVariable('PUBLIC_BASE_URL', 'https://x.invalid')).toThrow(
      /does not read PUBLIC_BASE_URL/,
    );
    expect(() => fn.setVariable('LOG_LEVEL', 'warn')).not.toThrow();
  });
});
