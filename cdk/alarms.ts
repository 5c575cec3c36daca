import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

const fiveMinutes = { period: Duration.minutes(5) };

/**
 * The alarms an operator needs, all to one SNS topic they subscribe to: the
 * API's 5xx, each request function's errors and throttles, the aggregator's
 * errors and lag, and stream records waiting in its failure queue.
 */
export function addAlarms(
  scope: Construct,
  parts: {
    api: HttpApi;
    requestFunctions: Record<string, IFunction>;
    aggregator: IFunction;
    failures: IQueue;
  },
): Topic {
  const topic = new Topic(scope, 'Alarms', { enforceSSL: true });
  const alarm = (id: string, metric: Metric, threshold: number, what: string) =>
    new Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: what,
    }).addAlarmAction(new SnsAction(topic));

  alarm('Api5xx', parts.api.metricServerError(fiveMinutes), 5, 'API answered 5xx');
  for (const [name, fn] of Object.entries(parts.requestFunctions)) {
    alarm(`${name}Errors`, fn.metricErrors(fiveMinutes), 3, `${name} function errors`);
    // Throttled: the reserved concurrency or the account's limit was reached; people saw 5xx.
    alarm(`${name}Throttles`, fn.metricThrottles(fiveMinutes), 1, `${name} function throttled`);
  }
  alarm('AggregatorErrors', parts.aggregator.metricErrors(fiveMinutes), 3, 'Aggregator errors');
  alarm(
    'AggregatorIteratorAge',
    parts.aggregator.metric('IteratorAge', { statistic: 'Maximum', ...fiveMinutes }),
    5 * 60_000,
    'Live counts are more than 5 minutes behind the opinions',
  );
  alarm(
    'AggregatorFailuresQueued',
    parts.failures.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    1,
    'Stream records the aggregator gave up on are waiting in the failure queue',
  );
  return topic;
}
