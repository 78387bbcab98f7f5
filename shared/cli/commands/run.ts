import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_ALERT_CONFIG } from '../../config/alerts.ts';
import {
  DEFAULT_BASELINE_FILE,
  DEFAULT_FEEDS_FILE,
  loadBaselineFile,
  loadFeedsFile,
} from '../../config/load.ts';
import type { FeedConfig } from '../../config/schemas.ts';
import { FactwatchError, LocalStackError, UsageError } from '../../errors.ts';
import { startDemoServer } from '../../local/demo-server.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { type CycleSummary, type Delivery, startLocalPipeline } from '../../local/pipeline.ts';
import { seedBaseline } from '../../store/baseline.ts';
import { describeAwsError, ensureTable, openStore } from '../../store/client.ts';
import { registerFeed } from '../../store/feeds.ts';
import { DEFAULT_TABLE_NAME } from '../../store/table.ts';
import { parseCommandArgs } from '../args.ts';
import type { CliIO, Command } from '../command.ts';
import { DEFAULT_DATA_DIR } from '../session.ts';

const HELP = `Usage: factwatch run [--feeds FILE] [--alerts-out FILE] [--all] [--demo] [--data-dir DIR]

One full cycle of the pipeline on this machine, with the same handlers the AWS
stack runs: DynamoDB Local (kept under --data-dir) and an SNS/SQS emulator in
this process. Polls the feeds that are due, analyzes new and edited items,
alerts, then prints what the emulated email and SMS subscribers received.

Options:
  --feeds FILE        the feeds to poll (default: the shipped Tesla–Samsung feeds)
  --alerts-out FILE   also append delivered alerts as JSONL {"channel","subject","body","attributes"}
  --all               poll every feed now, ignoring intervals (never Retry-After or error backoff)
  --demo              replay a bundled sample through the whole pipeline, offline, in memory
  --data-dir DIR      local store folder (default .factwatch/)
  -h, --help          this help

Exit code 0 when the cycle completed, even if feeds failed (each is listed);
non-zero only when the pipeline itself could not run.

Examples:
  npm start                      # = factwatch run
  factwatch run --demo
  factwatch run --all --alerts-out alerts.jsonl`;

export const runCommand: Command = {
  name: 'run',
  summary: 'poll due feeds, analyze, alert (one full local cycle)',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandArgs('run', args, {
      feeds: { type: 'string' },
      'alerts-out': { type: 'string' },
      all: { type: 'boolean' },
      demo: { type: 'boolean' },
      'data-dir': { type: 'string' },
      table: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    if (values.table)
      throw new UsageError(
        'run: runs locally; a deployed stack polls on its own schedule (use history/feeds --table to read it)',
      );
    if (values.demo && values.feeds)
      throw new UsageError('run: --demo replays its own sample feeds; leave out --feeds');
    const feeds = values.demo ? undefined : loadFeedsFile(values.feeds ?? DEFAULT_FEEDS_FILE);
    const facts = loadBaselineFile(DEFAULT_BASELINE_FILE).facts;
    const demo = values.demo ? await startDemoServer() : undefined;
    if (demo) process.env.FACTWATCH_ALLOW_PRIVATE_NETWORKS = '1';
    const dataDir = resolve(values['data-dir'] ?? DEFAULT_DATA_DIR);
    let dynamo: RunningDynamoDb | undefined;
    try {
      dynamo = await startDynamoDbLocal(demo ? { inMemory: true } : { dbPath: resolve(dataDir, 'dynamodb') });
      const store = openStore({ tableName: DEFAULT_TABLE_NAME, endpoint: dynamo.endpoint });
      await ensureTable(store);
      const now = new Date();
      await seedBaseline(store, facts, now);
      for (const feed of demo?.feeds ?? (feeds as FeedConfig[])) await registerFeed(store, feed, now);
      // The demo is for seeing alerts: no quiet hours, so its SMS show up at any hour.
      const pipeline = await startLocalPipeline(
        store,
        dynamo.endpoint,
        demo ? { ...DEFAULT_ALERT_CONFIG, quietHours: null } : DEFAULT_ALERT_CONFIG,
        { checkpointFile: demo ? undefined : resolve(dataDir, 'stream-position.json') },
      );
      try {
        const summary = await pipeline
          .runCycle({ all: values.all || Boolean(demo), onFeedPolled: progressBar(io) })
          .catch((error: unknown) => {
            if (error instanceof FactwatchError) throw error;
            throw new LocalStackError(
              `the cycle stopped: ${describeAwsError(error)}. Nothing is lost: run again, and it continues where this run stopped`,
              { cause: error },
            );
          });
        report(summary, io, Boolean(demo));
        if (values['alerts-out']) writeAlerts(values['alerts-out'], summary.deliveries);
      } finally {
        store.doc.destroy();
        await pipeline.stop();
      }
      return 0;
    } finally {
      await dynamo?.stop();
      await demo?.close();
    }
  },
};

function progressBar(io: CliIO) {
  if (!io.isTTY) return undefined;
  return (done: number, total: number) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stderr.write(
      `\rpolling feeds [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    );
  };
}

function report(summary: CycleSummary, io: CliIO, demo: boolean): void {
  for (const delivery of summary.deliveries) {
    io.out(
      `--- ${delivery.channel === 'sms' ? 'SMS' : 'email'} (${delivery.attributes.kind}) ${'-'.repeat(50)}`,
    );
    if (delivery.channel === 'email') io.out(`Subject: ${delivery.subject}\n`);
    io.out(`${delivery.body}\n`);
  }
  if (summary.feedsFailed.length) {
    io.out('Feeds that failed this cycle:');
    for (const failure of summary.feedsFailed) io.out(`  ${failure.feedId}: ${failure.error}`);
  }
  const alerts = summary.deliveries.filter((delivery) => delivery.attributes.kind === 'alert');
  io.out(
    `Summary: feeds ${summary.feedsPolled - summary.feedsFailed.length} ok, ${summary.feedsFailed.length} failed; ` +
      `${summary.newItems} new item(s), ${summary.editedItems} edited; ${summary.findings} finding(s); ` +
      `alerts delivered: ${alerts.filter((d) => d.channel === 'email').length} email, ${alerts.filter((d) => d.channel === 'sms').length} SMS` +
      (summary.heldSms ? `; ${summary.heldSms} SMS released after quiet hours` : ''),
  );
  if (!demo && summary.feedsPolled > 0 && summary.feedsFailed.length === summary.feedsPolled) {
    io.out(
      'No feed could be reached (offline?). To see the whole pipeline work without a network: npm start -- --demo',
    );
  }
  if (!demo && summary.feedsPolled === 0)
    io.out('No feed was due. Poll every feed now with: factwatch run --all');
}

function writeAlerts(path: string, deliveries: Delivery[]): void {
  const lines = deliveries.map((delivery) =>
    JSON.stringify({
      channel: delivery.channel,
      subject: delivery.subject,
      body: delivery.body,
      attributes: delivery.attributes,
    }),
  );
  if (lines.length) appendFileSync(path, `${lines.join('\n')}\n`);
}
