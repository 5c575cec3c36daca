import { App } from 'aws-cdk-lib';
import { ApiStack } from './api-stack';
import { DataStack } from './data-stack';

const app = new App();
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
// Data first (tables, secrets; all retained), then the replaceable API stack that uses them.
const data = new DataStack(app, 'XjxAppraisalData', { env });
new ApiStack(app, 'XjxAppraisalApi', { env, dataStackName: data.stackName }).addStackDependency(data);
