import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The handlers' structured JSON logs (Powertools for AWS Lambda): one line per event,
 * with the feed id, item key and finding id as keys that CloudWatch Logs Insights and
 * the stack's metric filter (`$.message = "polled feed"`, `$.ok = false`) can query.
 */
export const logger = new Logger({ serviceName: 'factwatch' });

/** The local runner drives the handlers in its own process and prints its own summary. */
export function silenceLogs(): void {
  logger.setLogLevel('SILENT');
}
