/**
 * The monthly cost of the default deployment, computed from measured request
 * counts and public on-demand prices (us-east-1, arm64, no free tier).
 */
export const PRICES = {
  asOf: '2026-11-28',
  region: 'us-east-1',
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  dynamoStorageGbMonth: 0.25,
  dynamoPitrGbMonth: 0.2,
  sqsRequest: 0.4 / 1e6,
  snsPublish: 0.5 / 1e6,
  snsEmail: 2 / 1e5,
  schedulerInvocation: 1 / 1e6,
  alarmMonth: 0.1,
  logsIngestGb: 0.5,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  s3StorageGbMonth: 0.023,
} as const;

export interface DefaultDeployment {
  feeds: number;
  cyclesPerMonth: number;
  newItemsPerMonth: number;
  alertEmailsPerMonth: number;
  alarms: number;
  /** Times the owner opens the story's page (each one serve-report call and one S3 GET). */
  reportViewsPerMonth: number;
}

/** 30 feeds every 30 minutes, ~20 new items a feed a day, 10 alert emails a month, 8 alarms. */
export const DEFAULT_DEPLOYMENT: DefaultDeployment = {
  feeds: 30,
  cyclesPerMonth: 48 * 30,
  newItemsPerMonth: 30 * 20 * 30,
  alertEmailsPerMonth: 10,
  // Five through the notifier, plus two on the notifier itself and on SNS deliveries.
  alarms: 8,
  reportViewsPerMonth: 100,
};

interface Measured {
  feeds: number;
  first: { dynamoReadUnits: number; dynamoWriteUnits: number; newItems: number };
  second: { dynamoReadUnits: number; dynamoWriteUnits: number };
}

/**
 * Dollars a month, itemised. DynamoDB units scale the measured unchanged cycle to
 * the deployment's feed count, plus the measured cost of each new item; Lambda
 * time is a conservative 512 MB × 2 s a poll batch. `total` assumes no free tier at
 * all; `totalWithAlwaysFreeTier` applies the free tier every account keeps.
 */
export function monthlyCost(measured: Measured, deployment: DefaultDeployment = DEFAULT_DEPLOYMENT) {
  const scale = deployment.feeds / measured.feeds;
  const perItem = {
    read:
      (measured.first.dynamoReadUnits - measured.second.dynamoReadUnits) /
      Math.max(1, measured.first.newItems),
    write:
      (measured.first.dynamoWriteUnits - measured.second.dynamoWriteUnits) /
      Math.max(1, measured.first.newItems),
  };
  const readUnits =
    measured.second.dynamoReadUnits * scale * deployment.cyclesPerMonth +
    perItem.read * deployment.newItemsPerMonth;
  const writeUnits =
    measured.second.dynamoWriteUnits * scale * deployment.cyclesPerMonth +
    perItem.write * deployment.newItemsPerMonth;
  const pollBatches = Math.ceil(deployment.feeds / 10);
  const invocations =
    deployment.cyclesPerMonth * (1 + pollBatches + 1) +
    deployment.newItemsPerMonth / 25 +
    deployment.reportViewsPerMonth;
  // The story's page: written after each alerting batch and with each daily digest, read per view.
  const reportPuts = deployment.alertEmailsPerMonth + 31;
  const gbSeconds =
    deployment.cyclesPerMonth * 0.5 * (0.3 + pollBatches * 2 + 0.3) +
    (deployment.newItemsPerMonth / 25) * 0.5 * 0.5;
  // Lambda's SQS pollers long-poll all the time: about 5 pollers × 3 requests a minute.
  const sqsRequests = 5 * 3 * 60 * 24 * 30 + deployment.cyclesPerMonth * (pollBatches * 3);
  const items = {
    lambda: invocations * PRICES.lambdaRequest + gbSeconds * PRICES.lambdaGbSecondArm,
    dynamodb:
      readUnits * PRICES.dynamoReadUnit +
      writeUnits * PRICES.dynamoWriteUnit +
      0.1 * (PRICES.dynamoStorageGbMonth + PRICES.dynamoPitrGbMonth),
    sqs: sqsRequests * PRICES.sqsRequest,
    sns:
      deployment.alertEmailsPerMonth * (PRICES.snsPublish + PRICES.snsEmail) +
      31 * (PRICES.snsPublish + PRICES.snsEmail),
    scheduler: deployment.cyclesPerMonth * 2 * PRICES.schedulerInvocation + 31 * PRICES.schedulerInvocation,
    cloudwatch: deployment.alarms * PRICES.alarmMonth + ((invocations * 2_000) / 1e9) * PRICES.logsIngestGb,
    s3:
      reportPuts * PRICES.s3Put +
      deployment.reportViewsPerMonth * PRICES.s3Get +
      0.0002 * PRICES.s3StorageGbMonth,
  };
  // AWS's always-free tier (every account, not only the first year): 10 alarms, 1M SQS
  // requests, 1M Lambda requests and 400k GB-s, 1M SNS publishes and 1k emails, 14M schedules.
  const alwaysFree = {
    ...items,
    lambda:
      Math.max(0, invocations - 1e6) * PRICES.lambdaRequest +
      Math.max(0, gbSeconds - 4e5) * PRICES.lambdaGbSecondArm,
    sqs: Math.max(0, sqsRequests - 1e6) * PRICES.sqsRequest,
    sns: 0,
    scheduler: 0,
    cloudwatch:
      Math.max(0, deployment.alarms - 10) * PRICES.alarmMonth +
      ((invocations * 2_000) / 1e9) * PRICES.logsIngestGb,
  };
  const round = (value: number) => Number(value.toFixed(4));
  const sum = (record: Record<string, number>) =>
    round(Object.values(record).reduce((total, value) => total + value, 0));
  return {
    total: sum(items),
    totalWithAlwaysFreeTier: sum(alwaysFree),
    items: Object.fromEntries(Object.entries(items).map(([key, value]) => [key, round(value)])),
    assumptions: {
      ...deployment,
      dynamoReadUnitsPerMonth: Math.round(readUnits),
      dynamoWriteUnitsPerMonth: Math.round(writeUnits),
      pricesAsOf: PRICES.asOf,
    },
  };
}
