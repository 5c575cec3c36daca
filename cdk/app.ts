import { App } from 'aws-cdk-lib';
import { AppraisalStack } from './stack';

const app = new App();
new AppraisalStack(app, 'XjxAppraisal', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
