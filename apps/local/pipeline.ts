import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { analyzeHandler } from '../../functions/analyze.ts';
import { digestHandler } from '../../functions/digest.ts';
import { dispatchHandler } from '../../functions/dispatch.ts';
import { notifyHandler } from '../../functions/notify.ts';
import { pollHandler } from '../../functions/poll-feed.ts';
import { readOutbox } from '../../shared/alerts/outbox.ts';
import { publish } from '../../shared/alerts/publish.ts';
import { LocalStackError } from '../../shared/errors.ts';
import type { FactEngine } from '../../shared/facts/analyze.ts';
import type { NetworkPolicy } from '../../shared/feeds/guard.ts';
import type { AlertConfig } from '../../shared/model/alert-config.ts';
import type { BatchResponse } from '../../shared/runtime/batch.ts';
import { closeRuntimes, runtimeFromEnvironment } from '../../shared/runtime/environment.ts';
import { matchesAnyFilter, STREAM_FILTERS } from '../../shared/runtime/stream.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type Store } from '../../shared/store/client.ts';
import { listFeeds } from '../../shared/store/feeds.ts';
import { createAlertTopic, startSnsEmulator } from './sns-emulator.ts';

/** A message the emulated email or SMS subscriber received. */
export interface Delivery {
  channel: 'email' | 'sms';
  subject: string;
  body: string;
  attributes: Record<string, string>;
}

export interface CycleSummary {
  feedsPolled: number;
  /** Each failed feed with its error and its status class (`blocked` when the network safety rules refused it). */
  feedsFailed: Array<{ feedId: string; error: string; status: string }>;
  newItems: number;
  editedItems: number;
  findings: number;
  deliveries: Delivery[];
  heldSms: number;
  /** Messages an earlier, interrupted run published but never showed: delivered again through the emulator. */
  recovered: Delivery[];
  /** Stream records that failed in MAX_RECORD_RUNS runs over an hour, set aside (listed in failed-records.jsonl) this run. */
  setAside: number;
}

/** Runs a stream record may fail before it is set aside, as the deployed stack's retries end in its failure queue. */
export const MAX_RECORD_RUNS = 3;

const POLL_RETRIES = 3;

/** Called after each feed's poll: how many are done, of how many, and which feed it was. */
export type FeedProgress = (done: number, total: number, feedId: string) => void;

/**
 * The deployed pipeline, locally: an SNS topic with email and SMS queues
 * subscribed through the stack's filter policies, a poll queue, and the real
 * DynamoDB stream pumped into the same handlers through the same filters.
 */
export async function startLocalPipeline(
  store: Store,
  dynamoEndpoint: string,
  alertConfig: AlertConfig,
  settings: {
    /** Where the stream position is kept between runs, so a crashed run's writes are still processed. */
    checkpointFile?: string;
    /** The store options of the accept hint in emails ('' default store, `--data-dir DIR`, null: none). */
    acceptStore?: string | null;
    /** Networks the poll handler may fetch from: public only unless the demo or a test says so. */
    network?: NetworkPolicy;
    /** Where messages are written before they are published (see shared/alerts/outbox.ts); none: not kept. */
    outboxFile?: string;
    /** Who publishers can write to, for the polls' User-Agent (the `contact` setting). */
    contact?: string;
    /** The story's compiled rules (default: the shipped story's, as the deployed analyze λ has them). */
    engine?: FactEngine;
  } = {},
) {
  const emulator = await startSnsEmulator();
  const config = { endpoint: emulator.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const streams = new DynamoDBStreamsClient({
    endpoint: dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const queueUrl = async (name: string) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
  const { topicArn: TopicArn, subscribers } = await createAlertTopic(sns, sqs);
  const pollQueue = await queueUrl('poll-queue');
  // Where this pipeline's previous cycle left the stream (the checkpoint file keeps it across runs).
  let lastPosition: Checkpoint | undefined;
  // The handlers' settings, in the shape of the λ environment the stack gives them, passed to
  // them directly: this process's own environment is never changed.
  const environment: Record<string, string> = {
    TABLE_NAME: store.tableName,
    TOPIC_ARN: TopicArn,
    POLL_QUEUE_URL: pollQueue,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    SNS_ENDPOINT: emulator.endpoint,
    SQS_ENDPOINT: emulator.endpoint,
    ALERT_CONFIG: JSON.stringify(alertConfig),
    FACTWATCH_LOG: 'silent',
    FACTWATCH_LOCAL: '1',
    FACTWATCH_ACCEPT_STORE: settings.acceptStore === null ? 'none' : (settings.acceptStore ?? ''),
    FACTWATCH_OUTBOX: settings.outboxFile ?? '',
    ...(settings.contact ? { FACTWATCH_CONTACT: settings.contact } : {}),
  };
  const runtimeOf = () => runtimeFromEnvironment(environment);
  const handlers: StreamHandlers = {
    analyze: analyzeHandler(runtimeOf, settings.engine),
    notify: notifyHandler(runtimeOf),
  };
  const dispatch = dispatchHandler(runtimeOf);
  const poll = pollHandler(runtimeOf, { network: settings.network });
  const digest = digestHandler(runtimeOf);
  /** Delivers, through the emulator's topic and filter policies, what an interrupted run left unshown. */
  const recover = async (): Promise<Delivery[]> => {
    const pending = settings.outboxFile ? readOutbox(settings.outboxFile) : [];
    for (const entry of pending) await publish({ sns, topicArn: TopicArn }, entry, entry.routing);
    if (pending.length === 0) return [];
    return [
      ...(await receiveDeliveries(sqs, subscribers.email, 'email')),
      ...(await receiveDeliveries(sqs, subscribers.sms, 'sms')),
    ];
  };
  return {
    /** The runtime the handlers use (its clients), for benchmarks that meter their requests. */
    runtime: runtimeOf,
    /** One full cycle: dispatch, poll, stream → analyze → notify until quiet, housekeeping, deliveries. */
    async runCycle(options: {
      all?: boolean;
      /** Also poll feeds held back by an error backoff (never those a server's Retry-After holds). */
      retryFailed?: boolean;
      onFeedPolled?: FeedProgress;
    }): Promise<CycleSummary> {
      const recovered = await recover();
      const startedAt = new Date().toISOString();
      const cursor = await streamCursor(
        store,
        streams,
        readCheckpoint(settings.checkpointFile) ?? lastPosition,
      );
      const { queued } = await dispatch({
        all: options.all ?? false,
        retryFailed: options.retryFailed ?? false,
      });
      await drainPollQueue(sqs, pollQueue, queued, poll, options.onFeedPolled);
      const counts = await pumpStream(cursor, streams, handlers, settings.checkpointFile);

      lastPosition = { streamArn: cursor.streamArn, positions: Object.fromEntries(cursor.positions) };
      const housekeeping = (await digest({ task: 'housekeeping' })) as { heldSms?: number };
      const polled = (await listFeeds(store)).filter((feed) => (feed.lastPolledAt ?? '') >= startedAt);
      return {
        feedsPolled: polled.length,
        feedsFailed: polled
          .filter((feed) => feed.lastError)
          .map((feed) => ({ feedId: feed.feedId, error: feed.lastError!, status: feed.lastStatus ?? '' })),
        ...counts,
        deliveries: [
          ...(await receiveDeliveries(sqs, subscribers.email, 'email')),
          ...(await receiveDeliveries(sqs, subscribers.sms, 'sms')),
        ],
        heldSms: housekeeping.heldSms ?? 0,
        recovered,
      };
    },
    async stop() {
      closeRuntimes();
      for (const client of [sns, sqs, streams]) client.destroy();
      await emulator.stop();
    },
  };
}
export type LocalPipeline = Awaited<ReturnType<typeof startLocalPipeline>>;

const toSqsEvent = (messages: Message[]): SQSEvent => ({
  Records: messages.map(
    (message) =>
      ({
        messageId: message.MessageId!,
        receiptHandle: message.ReceiptHandle!,
        body: message.Body ?? '',
      }) as never,
  ),
});

/** Receives poll requests and hands them to the poll handler until the queue is empty; failures retry a few times. */
async function drainPollQueue(
  sqs: SQSClient,
  queueUrl: string,
  total: number,
  poll: (event: SQSEvent) => Promise<BatchResponse>,
  onProgress?: FeedProgress,
) {
  const attempts = new Map<string, number>();
  let done = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 60,
      }),
    );
    if (Messages.length === 0) return;
    const { batchItemFailures } = await poll(toSqsEvent(Messages));
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    for (const message of Messages) {
      const tries = (attempts.get(message.MessageId!) ?? 0) + 1;
      attempts.set(message.MessageId!, tries);
      if (failed.has(message.MessageId!) && tries < POLL_RETRIES) {
        await sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: queueUrl,
            ReceiptHandle: message.ReceiptHandle!,
            VisibilityTimeout: 0,
          }),
        );
        continue;
      }
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
      onProgress?.(++done, total, feedIdOf(message));
    }
  }
}

function feedIdOf(message: Message): string {
  try {
    return (JSON.parse(message.Body ?? '{}') as { feedId?: string }).feedId ?? '?';
  } catch {
    return '?';
  }
}

interface StreamCursor {
  streamArn: string;
  iterators: Map<string, string | undefined>;
  /** The last sequence number processed in each shard. */
  positions: Map<string, string>;
  /** The last sequence number read in each shard (processed once the handlers succeed). */
  read: Map<string, string>;
}

interface Checkpoint {
  streamArn: string;
  positions: Record<string, string>;
  /** Stream records (by sequence number) that failed: in how many runs, since when. */
  failedRuns?: Record<string, FailedRecord>;
}

function readCheckpoint(file: string | undefined): Checkpoint | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
  } catch {
    return undefined;
  }
}

function writeCheckpoint(
  file: string | undefined,
  cursor: StreamCursor,
  failedRuns?: Record<string, FailedRecord>,
): void {
  if (!file) return;
  const checkpoint: Checkpoint = {
    streamArn: cursor.streamArn,
    positions: Object.fromEntries(cursor.positions),
    ...(failedRuns && Object.keys(failedRuns).length ? { failedRuns } : {}),
  };
  writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${file}.tmp`, file);
}

/** Where the stream stands now: records written from here on belong to this cycle. */
async function streamCursor(
  store: Store,
  streams: DynamoDBStreamsClient,
  saved: Checkpoint | undefined,
): Promise<StreamCursor> {
  const { Table } = await store.doc.send(new DescribeTableCommand({ TableName: store.tableName }));
  const streamArn = Table!.LatestStreamArn!;
  const positions = new Map(saved?.streamArn === streamArn ? Object.entries(saved.positions) : []);
  const iterators = new Map<string, string | undefined>();
  for (const shard of await shardsOf(streams, streamArn)) {
    // Resume after what was processed; anything never processed is read from the start
    // (re-analysing is idempotent, and the filters ignore records that are not items or findings).
    const after = positions.get(shard);
    const request = after
      ? {
          StreamArn: streamArn,
          ShardId: shard,
          ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const,
          SequenceNumber: after,
        }
      : { StreamArn: streamArn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' as const };
    const { ShardIterator } = await streams.send(new GetShardIteratorCommand(request));
    iterators.set(shard, ShardIterator);
  }
  return { streamArn, iterators, positions, read: new Map() };
}

async function shardsOf(streams: DynamoDBStreamsClient, streamArn: string): Promise<string[]> {
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  return (StreamDescription?.Shards ?? []).map((shard) => shard.ShardId!);
}

/**
 * Reads the stream from the cursor and feeds analyze and notify through their
 * filters, in batches, until a full pass finds nothing new.
 */
/**
 * A record as Lambda delivers it, from one GetRecords gave: Lambda adds the stream ARN
 * and sends the creation time as epoch seconds (the SDK reads it as a Date).
 */
function asLambdaRecord(record: StreamRecord, streamArn: string) {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    ...record,
    eventSourceARN: streamArn,
    dynamodb: {
      ...record.dynamodb,
      ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
    },
  };
}

/** The stream handlers the local runner drives, made for its runtime. */
interface StreamHandlers {
  analyze: (event: DynamoDBStreamEvent) => Promise<BatchResponse | undefined>;
  notify: (event: DynamoDBStreamEvent) => Promise<BatchResponse | undefined>;
}

async function pumpStream(
  cursor: StreamCursor,
  streams: DynamoDBStreamsClient,
  handlers: StreamHandlers,
  checkpointFile?: string,
) {
  const counts = { newItems: 0, editedItems: 0, findings: 0, setAside: 0 };
  const failedRuns = readCheckpoint(checkpointFile)?.failedRuns ?? {};
  for (let quietPasses = 0; quietPasses < 2; ) {
    const records = await readNewRecords(cursor, streams);
    if (records.length === 0) {
      quietPasses++;
      continue;
    }
    quietPasses = 0;
    const event = (picked: StreamRecord[]) =>
      ({
        Records: picked.map((record) => asLambdaRecord(record, cursor.streamArn)),
      }) as unknown as DynamoDBStreamEvent;
    const forAnalyze = records.filter((record) => matchesAnyFilter(STREAM_FILTERS.analyze, record));
    const forNotify = records.filter((record) => matchesAnyFilter(STREAM_FILTERS.notify, record));
    counts.newItems += forAnalyze.filter((record) => record.eventName === 'INSERT').length;
    counts.editedItems += forAnalyze.filter((record) => record.eventName === 'MODIFY').length;
    counts.findings += records.filter(
      (record) => record.eventName === 'INSERT' && record.dynamodb?.NewImage?.type?.S === 'finding',
    ).length;
    for (const [stage, picked] of [
      ['analyze', forAnalyze],
      ['notify', forNotify],
    ] as const) {
      for (let start = 0; start < picked.length; start += 100) {
        counts.setAside += await runStage(
          stage,
          picked.slice(start, start + 100),
          (records) => handlers[stage](event(records)),
          { failedRuns, checkpointFile, cursor },
        );
      }
    }
    // Only now are these records processed: a crash before this line replays them next run.
    for (const [shard, sequence] of cursor.read) cursor.positions.set(shard, sequence);
    writeCheckpoint(checkpointFile, cursor, failedRuns);
  }
  return counts;
}

/**
 * Runs a stage over records in stream order. A record it cannot process stops the ones after it, which the
 * handler reports failed untried; it is tried again, with them, after each of the retry pauses (as Lambda retries a
 * failed batch at once). One that still fails is counted once a run against that record alone;
 * while it has failed in fewer than MAX_RECORD_RUNS runs, at least an hour apart from the first, the run fails
 * and the stream position stays before it. Past that it is set aside — listed in `failed-records.jsonl` beside
 * the checkpoint, as the deployed stack's retries end in its failure queue — and the records after it are run
 * again, so one record that can never be processed does not stop every later run nor take others with it.
 * Returns how many were set aside.
 */
export async function runStage(
  stage: string,
  records: StreamRecord[],
  invoke: (records: StreamRecord[]) => Promise<BatchResponse | undefined>,
  state: {
    failedRuns: Record<string, FailedRecord>;
    checkpointFile?: string;
    cursor: StreamCursor;
    /** The pauses before each retry of a failed record within the run (default RECORD_RETRY_DELAYS_MS). */
    retryDelaysMs?: readonly number[];
  },
): Promise<number> {
  let rest = records;
  let setAside = 0;
  while (rest.length) {
    const first = await firstFailure(rest, invoke, state.retryDelaysMs ?? RECORD_RETRY_DELAYS_MS);
    if (first < 0) return setAside;
    const sequence = rest[first]!.dynamodb!.SequenceNumber!;
    const now = Date.now();
    const seen = state.failedRuns[sequence] ?? { runs: 0, since: now };
    state.failedRuns[sequence] = { runs: seen.runs + 1, since: seen.since };
    const due = seen.runs + 1 >= MAX_RECORD_RUNS && now - seen.since >= SET_ASIDE_AFTER_MS;
    if (!state.checkpointFile || !due) {
      // The position stays where it was; only the count of failed runs moves on.
      writeCheckpoint(state.checkpointFile, state.cursor, state.failedRuns);
      throw new LocalStackError(
        `${stage} could not process ${rest.length - first} stream record(s); run again to retry them${state.checkpointFile ? ` (one that fails ${MAX_RECORD_RUNS} runs over an hour or more is then set aside)` : ''}`,
      );
    }
    appendFileSync(
      join(dirname(state.checkpointFile), 'failed-records.jsonl'),
      `${JSON.stringify({ stage, sequence, runs: seen.runs + 1, setAsideAt: new Date(now).toISOString() })}\n`,
    );
    delete state.failedRuns[sequence];
    setAside++;
    rest = rest.slice(first + 1);
  }
  return setAside;
}

/**
 * Lambda retries a failed stream batch at once, from the failed record on; so does a run, after these pauses, before
 * it counts the failure: a fault that passes (a store or SNS call refused under load) does not fail the run.
 */
export const RECORD_RETRY_DELAYS_MS = [250, 1_000] as const;

/**
 * Invokes a stage on records and, while one fails, again from it after each pause; the index in `records` of the
 * first that still fails, or -1 when every record went through.
 */
async function firstFailure(
  records: StreamRecord[],
  invoke: (records: StreamRecord[]) => Promise<BatchResponse | undefined>,
  retryDelaysMs: readonly number[],
): Promise<number> {
  let offset = 0;
  for (let attempt = 0; ; attempt++) {
    const rest = records.slice(offset);
    const failures = new Set(
      (await invoke(rest))?.batchItemFailures.map((failure) => failure.itemIdentifier),
    );
    const first = rest.findIndex((record) => failures.has(record.dynamodb?.SequenceNumber ?? ''));
    if (first < 0) return -1;
    offset += first;
    if (attempt >= retryDelaysMs.length) return offset;
    await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
  }
}

/** A stream record that failed: in how many runs, since when (ms). */
interface FailedRecord {
  runs: number;
  since: number;
}

/** A failing record is set aside only once its failures span this long: a store restarting is no poison record. */
const SET_ASIDE_AFTER_MS = 60 * 60_000;

async function readNewRecords(cursor: StreamCursor, streams: DynamoDBStreamsClient): Promise<StreamRecord[]> {
  for (const shard of await shardsOf(streams, cursor.streamArn)) {
    if (cursor.iterators.has(shard)) continue;
    // A shard opened during the cycle: read it from its start.
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: cursor.streamArn,
        ShardId: shard,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    cursor.iterators.set(shard, ShardIterator);
  }
  const records: StreamRecord[] = [];
  for (const [shard, iterator] of cursor.iterators) {
    let next = iterator;
    while (next) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: 1000 }));
      records.push(...(page.Records ?? []));
      const last = page.Records?.at(-1)?.dynamodb?.SequenceNumber;
      if (last) cursor.read.set(shard, last);
      next = page.NextShardIterator;
      if (!page.Records?.length) break;
    }
    cursor.iterators.set(shard, next);
  }
  return records;
}

/** Everything a subscriber queue holds, as deliveries (received and deleted). */
export async function receiveDeliveries(
  sqs: SQSClient,
  queueUrl: string,
  channel: 'email' | 'sms',
): Promise<Delivery[]> {
  const delivered: Delivery[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) return delivered;
    for (const message of Messages) {
      const envelope = JSON.parse(message.Body ?? '{}') as {
        Message?: string;
        Subject?: string;
        MessageAttributes?: Record<string, { Value: string }>;
      };
      // The emulator delivers the whole MessageStructure=json document; take this protocol's body, as SNS would.
      const bodies = JSON.parse(envelope.Message ?? '{}') as Record<string, string>;
      delivered.push({
        channel,
        subject: envelope.Subject ?? '',
        body: bodies[channel] ?? bodies.default ?? '',
        attributes: Object.fromEntries(
          Object.entries(envelope.MessageAttributes ?? {}).map(([key, value]) => [key, value.Value]),
        ),
      });
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
}
