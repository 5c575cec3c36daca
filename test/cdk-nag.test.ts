import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ApiStack } from '../cdk/api-stack';
import { DataStack } from '../cdk/data-stack';

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in either stack (AwsSolutions and Serverless packs)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'nag-'));
    const app = new App({ outdir });
    new ApiStack(app, 'NagApi', { dataStackName: new DataStack(app, 'NagData').stackName });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    Validations.of(app).addPlugins(new ServerlessChecks(app));
    let failure = '';
    try {
      app.synth();
    } catch (err) {
      failure = String(err);
    }
    const reportFile = join(outdir, 'validation-report.json');
    const report = existsSync(reportFile)
      ? (JSON.parse(readFileSync(reportFile, 'utf8')) as {
          pluginReports: {
            violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
          }[];
        })
      : { pluginReports: [] };
    const findings = report.pluginReports.flatMap((p) =>
      p.violations.map(
        (v) => `${v.ruleName}: ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`,
      ),
    );
    expect(findings).toEqual([]);
    expect(failure).toBe('');
  }, 180_000);
});
