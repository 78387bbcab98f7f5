/** Lambda's partial batch response: the records to retry. */
export interface BatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/**
 * Runs `handle` on each record in order and reports the ones that failed, so
 * Lambda retries only those (SQS) or from the first failure on (streams, where
 * order matters: every record after a failure is reported too).
 *
 * @example
 * return processBatch(event.Records, (record) => record.messageId, handleMessage, { ordered: false });
 */
export async function processBatch<R>(
  records: R[],
  idOf: (record: R) => string,
  handle: (record: R) => Promise<void>,
  options: { ordered: boolean; onError?: (error: unknown, record: R) => void },
): Promise<BatchResponse> {
  const failures: string[] = [];
  for (const record of records) {
    if (options.ordered && failures.length > 0) {
      failures.push(idOf(record));
      continue;
    }
    try {
      await handle(record);
    } catch (error) {
      options.onError?.(error, record);
      failures.push(idOf(record));
    }
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}

/** One structured log line (CloudWatch Logs Insights can query the fields). */
export function logJson(
  level: 'info' | 'warn' | 'error',
  message: string,
  fields: Record<string, unknown> = {},
): void {
  // The local runner drives the handlers in its own process and prints its own summary.
  if (process.env.FACTWATCH_LOG === 'silent') return;
  const line = JSON.stringify({ level, message, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}
