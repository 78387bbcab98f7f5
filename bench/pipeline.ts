import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import Parser from 'rss-parser';
import { fetch } from 'undici';
import { startDynamoDbLocal } from '../apps/local/dynamodb-local.ts';
import { startLocalPipeline } from '../apps/local/pipeline.ts';
import { DEFAULT_ALERT_CONFIG } from '../shared/config/alerts.ts';
import { loadBaselineFile } from '../shared/config/load.ts';
import { LOOPBACK_ALLOWED } from '../shared/feeds/guard.ts';
import { seedBaseline } from '../shared/store/baseline.ts';
import { ensureTable, openStore, type Store } from '../shared/store/client.ts';
import { registerFeed } from '../shared/store/feeds.ts';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 200);
const ITEMS = 50;
const HOSTS = 20;

const progress = (label: string, value: unknown) =>
  process.stderr.write(`bench: ${label} ${JSON.stringify(value)}\n`);

/** Counts DynamoDB requests and the capacity units they consumed (ReturnConsumedCapacity). */
export function meterDynamo(store: Store) {
  const meter = { requests: 0, readUnits: 0, writeUnits: 0 };
  const writes = /Put|Update|Delete|BatchWrite|TransactWrite/;
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (
        !('ReturnConsumedCapacity' in input) &&
        !/Describe|List|CreateTable|UpdateTimeToLive/.test(context.commandName ?? '')
      ) {
        input.ReturnConsumedCapacity = 'TOTAL';
      }
      const result = await next(args);
      meter.requests++;
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const units = [consumed ?? []]
        .flat()
        .reduce((sum: number, entry) => sum + ((entry as { CapacityUnits?: number }).CapacityUnits ?? 0), 0);
      if (writes.test(context.commandName ?? '')) meter.writeUnits += units;
      else meter.readUnits += units;
      return result;
    },
    { step: 'initialize', name: 'factwatchMeter' },
  );
  return {
    read: () => ({
      ...meter,
      readUnits: Math.round(meter.readUnits),
      writeUnits: Math.round(meter.writeUnits),
    }),
    reset: () => Object.assign(meter, { requests: 0, readUnits: 0, writeUnits: 0 }),
  };
}

function feedXml(feed: number): string {
  const items = Array.from(
    { length: ITEMS },
    (_, item) =>
      `<item><title>Market wrap ${feed}-${item}: chip stocks mixed as investors weigh outlook</title><link>https://bench.example/${feed}/${item}</link><guid>bench-${feed}-${item}</guid><pubDate>Mon, 01 Sep 2025 08:00:00 GMT</pubDate><description>Shares of chipmakers moved in a narrow range on ${feed}/${item} while traders waited for earnings and guidance from suppliers in Asia and the US.</description></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>https://bench.example/${feed}</link><description>bench</description>${items}</channel></rss>`;
}

/** 200 feeds of 50 items spread over 20 loopback servers (hosts), with ETags and 304s. */
async function startFeedHosts() {
  const bodies = Array.from({ length: FEEDS }, (_, feed) => feedXml(feed));
  let requests = 0;
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let host = 0; host < HOSTS; host++) {
    const server = createServer((request, response) => {
      requests++;
      const feed = Number(request.url?.slice(1));
      const etag = `"bench-${feed}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      response.end(bodies[feed]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  for (let feed = 0; feed < FEEDS; feed++)
    urls.push(`http://127.0.0.1:${(servers[feed % HOSTS]!.address() as AddressInfo).port}/${feed}`);
  return {
    urls,
    requests: () => requests,
    resetRequests: () => {
      requests = 0;
    },
    close: () => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))),
  };
}

/** The naive poller: unconditional GET, rss-parser, one PutItem per item, every time. */
async function naivePoll(urls: string[], store: Store, meter: ReturnType<typeof meterDynamo>) {
  const parser = new Parser();
  meter.reset();
  const started = performance.now();
  let httpRequests = 0;
  await Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      for (let index = worker; index < urls.length; index += 8) {
        const response = await fetch(urls[index]!);
        httpRequests++;
        const feed = await parser.parseString(await response.text());
        for (const item of feed.items) {
          await store.doc.send(
            new PutCommand({
              TableName: store.tableName,
              Item: {
                pk: `ITEM#${item.guid}`,
                sk: 'HEAD',
                title: item.title,
                link: item.link,
                summary: item.contentSnippet,
              },
            }),
          );
        }
      }
    }),
  );
  return {
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    httpRequests,
    ...rename(meter.read()),
  };
}

const rename = (meter: { requests: number; readUnits: number; writeUnits: number }) => ({
  dynamoRequests: meter.requests,
  dynamoReadUnits: meter.readUnits,
  dynamoWriteUnits: meter.writeUnits,
});

/**
 * poll.first / poll.second: a cycle of 200 feeds × 50 items through the whole local
 * pipeline (the deployed handlers), then the same feeds unchanged; naive.second: the
 * same second cycle by a naive poller.
 */
export async function benchPipeline() {
  const hosts = await startFeedHosts();
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  const store = openStore({ tableName: `bench-${randomUUID()}`, endpoint: dynamo.endpoint });
  try {
    await ensureTable(store);
    const now = new Date();
    await seedBaseline(store, loadBaselineFile().facts, now);
    for (const [index, url] of hosts.urls.entries())
      await registerFeed(store, { id: `bench-${index}`, url }, now);
    const pipeline = await startLocalPipeline(
      store,
      dynamo.endpoint,
      { ...DEFAULT_ALERT_CONFIG, quietHours: null },
      { network: LOOPBACK_ALLOWED },
    );
    const meter = meterDynamo(pipeline.runtime().store);
    const cycle = async () => {
      meter.reset();
      hosts.resetRequests();
      const started = performance.now();
      const summary = await pipeline.runCycle({ all: true });
      return {
        seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
        httpRequests: hosts.requests(),
        ...rename(meter.read()),
        newItems: summary.newItems,
        feedsFailed: summary.feedsFailed.length,
      };
    };
    const first = await cycle();
    progress('poll.first', first);
    const second = await cycle();
    progress('poll.second', second);
    // The naive poller does the same work every cycle (GET, parse, PutItem per item), so one
    // cycle on its own fresh DynamoDB Local is its second cycle.
    // The local pipeline points DYNAMODB_ENDPOINT at its own instance: the naive one is separate.
    delete process.env.DYNAMODB_ENDPOINT;
    const naiveDynamo = await startDynamoDbLocal({ inMemory: true });
    const naiveStore = openStore({ tableName: `naive-${randomUUID()}`, endpoint: naiveDynamo.endpoint });
    await ensureTable(naiveStore);
    const naiveSecond = await naivePoll(hosts.urls, naiveStore, meterDynamo(naiveStore));
    naiveStore.doc.destroy();
    await naiveDynamo.stop();
    progress('naive.second', naiveSecond);
    await pipeline.stop();
    progress('pipeline', 'stopped');
    return {
      poll: { first, second },
      naive: { second: naiveSecond },
      ratio: {
        dynamoRequestsNaiveOverOurs: Number(
          (naiveSecond.dynamoRequests / Math.max(1, second.dynamoRequests)).toFixed(1),
        ),
      },
    };
  } finally {
    store.doc.destroy();
    await dynamo.stop();
    await hosts.close();
  }
}
