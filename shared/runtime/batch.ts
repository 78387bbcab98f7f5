import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from './log.ts';
import { StreamRecordSchema } from './stream-record.ts';

/** Lambda's partial batch response: the records to retry. */
export interface BatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/** A record not handled because an earlier one in the same ordered batch failed. */
class SkippedAfterFailure extends Error {
  override name = 'SkippedAfterFailure';
}

/**
 * Runs `handle` on the new image of each stream record, validated at the edge: the
 * record by StreamRecordSchema (which unmarshalls the image), the
 * image by `schema`. Powertools' batch processor reports the failures. A stream is
 * ordered: once a record fails, the later ones are not handled but reported too, so
 * Lambda retries from the first failure on, in the order they came. A record with no
 * new image (a removal) is skipped.
 *
 * @example
 * return processStreamImages(event, ItemHeadSchema, 'analyze', async (item) => { … });
 */
export async function processStreamImages<T>(
  event: DynamoDBStreamEvent,
  schema: z.ZodType<T>,
  stage: string,
  handle: (image: T) => Promise<void>,
): Promise<BatchResponse> {
  let failed = false;
  const recordHandler = async (record: DynamoDBRecord) => {
    if (failed) throw new SkippedAfterFailure(`${stage}: an earlier record of the batch failed`);
    try {
      const image = StreamRecordSchema.parse(record).dynamodb.NewImage;
      if (image) await handle(schema.parse(image));
    } catch (error) {
      failed = true;
      logger.error(`${stage} failed`, {
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error: String(error),
      });
      throw error;
    }
  };
  return processPartialResponse(event, recordHandler, new BatchProcessor(EventType.DynamoDBStreams), {
    processInParallel: false,
    // Every record failing is a partial response too: Lambda retries them, as it would any other.
    throwOnFullBatchFailure: false,
  });
}
