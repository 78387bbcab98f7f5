import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { fileOutbox, type Outbox } from '../alerts/outbox.ts';
import { ConfigError } from '../errors.ts';
import { userAgent } from '../feeds/user-agent.ts';
import { type AlertConfig, AlertConfigSchema } from '../model/alert-config.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type Store } from '../store/client.ts';
import { VERSION } from '../version.ts';
import { silenceLogs } from './log.ts';
import { parseEnvironment } from './parse-environment.ts';
import type { ReportSetup } from './report.ts';
import { closeStoreRuntimes, storeRuntimeFromEnvironment } from './store-environment.ts';

/** The environment every handler reads, validated once at cold start. */
const EnvironmentSchema = z.object({
  TABLE_NAME: z.string().min(3),
  TOPIC_ARN: z.string().optional(),
  POLL_QUEUE_URL: z.string().optional(),
  ALERT_CONFIG: z.string().optional(),
  FACTWATCH_CONTACT: z.string().optional(),
  /** Local runs only: DynamoDB Local and the SNS/SQS emulator. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  SNS_ENDPOINT: z.url().optional(),
  SQS_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().optional(),
});

/** Where a handler gets its runtime: from the λ's environment when deployed, from the local runner's own settings locally. */
export type RuntimeSource = () => Runtime;

/** Clients and settings shared by the handlers of one process. */
export interface Runtime {
  store: Store;
  sns: SNSClient;
  sqs: SQSClient;
  topicArn: string;
  pollQueueUrl: string;
  alertConfig: AlertConfig;
  userAgent: string;
  tableName: string;
  /** The store options of `factwatch accept` hints in emails (see AlertContext.acceptStore). */
  acceptStore: string | null;
  /** Local runs only: where messages are written before they are published. */
  outbox?: Outbox;
}

function client<T>(
  Client: new (config: object) => T,
  endpoint: string | undefined,
  region: string | undefined,
  extra: object = {},
): T {
  return new Client(
    endpoint
      ? { endpoint, region: region ?? LOCAL_REGION, credentials: LOCAL_CREDENTIALS, ...extra }
      : { region, ...extra },
  );
}

/**
 * A publish that hangs is cut after 8 s a try (three tries with backoff stay under the 30 s a follow-up, digest or
 * notice is claimed for, send-once.ts): a slow SNS then fails and is retried, rather than outliving its claim and
 * being sent twice.
 */
const SNS_TIMEOUTS = { requestHandler: { requestTimeout: 8_000, throwOnRequestTimeout: true } };

/**
 * The runtime for this environment. Handlers call it on every invocation; the
 * clients are built once per distinct environment and reused (warm starts).
 */
export function runtimeFromEnvironment(env: NodeJS.ProcessEnv): Runtime {
  const key = JSON.stringify([
    env.TABLE_NAME,
    env.TOPIC_ARN,
    env.POLL_QUEUE_URL,
    env.ALERT_CONFIG,
    env.DYNAMODB_ENDPOINT,
    env.SNS_ENDPOINT,
    env.SQS_ENDPOINT,
    env.FACTWATCH_ACCEPT_STORE,
    env.FACTWATCH_OUTBOX,
  ]);
  const cached = runtimes.get(key);
  if (cached) return cached;
  const vars = parseEnvironment(EnvironmentSchema, env);
  if (env.FACTWATCH_LOG === 'silent') silenceLogs();
  const alertConfig = AlertConfigSchema.safeParse(vars.ALERT_CONFIG ? JSON.parse(vars.ALERT_CONFIG) : {});
  if (!alertConfig.success)
    throw new ConfigError(`environment: ALERT_CONFIG: ${alertConfig.error.issues[0]!.message}`);
  const runtime: Runtime = {
    // One store client per environment, shared with the store-only runtime.
    store: storeRuntimeFromEnvironment(env).store,
    sns: client(SNSClient, vars.SNS_ENDPOINT, vars.AWS_REGION, SNS_TIMEOUTS),
    sqs: client(SQSClient, vars.SQS_ENDPOINT, vars.AWS_REGION),
    topicArn: vars.TOPIC_ARN ?? '',
    pollQueueUrl: vars.POLL_QUEUE_URL ?? '',
    alertConfig: alertConfig.data,
    userAgent: userAgent(VERSION, vars.FACTWATCH_CONTACT),
    tableName: vars.TABLE_NAME,
    acceptStore: acceptStoreOf(env, vars.TABLE_NAME),
    ...(env.FACTWATCH_LOCAL === '1' && env.FACTWATCH_OUTBOX
      ? { outbox: fileOutbox(env.FACTWATCH_OUTBOX) }
      : {}),
  };
  runtimes.set(key, runtime);
  return runtime;
}

const runtimes = new Map<string, Runtime>();

/**
 * Deployed: `--table NAME`. Local runs say it in FACTWATCH_ACCEPT_STORE: '' for the
 * default data dir, `--data-dir DIR` for another, `none` when nothing is kept (the demo).
 */
function acceptStoreOf(env: NodeJS.ProcessEnv, tableName: string): string | null {
  if (env.FACTWATCH_LOCAL !== '1') return `--table ${tableName}`;
  const local = env.FACTWATCH_ACCEPT_STORE ?? '';
  return local === 'none' ? null : local;
}

/** Drops cached runtimes and their connections (the local runner, between runs). */
export function closeRuntimes(): void {
  for (const runtime of runtimes.values()) {
    runtime.sns.destroy();
    runtime.sqs.destroy();
  }
  runtimes.clear();
  closeStoreRuntimes();
}

/** What the alert stages need from the runtime (notify and digest handlers), and the page's link when there is one. */
export function alertContextOf(runtime: Runtime, report?: ReportSetup) {
  return {
    store: runtime.store,
    sns: runtime.sns,
    topicArn: runtime.topicArn,
    config: runtime.alertConfig,
    now: () => new Date(),
    acceptStore: runtime.acceptStore,
    outbox: runtime.outbox,
    reportLink: report?.link,
  };
}
