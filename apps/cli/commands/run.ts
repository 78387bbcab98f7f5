import {
  accessSync,
  appendFileSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { clearOutbox } from '../../../shared/alerts/outbox.ts';
import { smsDueAt } from '../../../shared/alerts/quiet-hours.ts';
import { REPLAY_ALERT_CONFIG } from '../../../shared/config/alerts.ts';
import { DEFAULT_BASELINE_FILE } from '../../../shared/config/load.ts';
import { projectSettings, readSettings } from '../../../shared/config/settings.ts';
import { SHIPPED_STORY } from '../../../shared/config/story.ts';
import { FactwatchError, fileProblem, LocalStackError, UsageError } from '../../../shared/errors.ts';
import { createFactEngine } from '../../../shared/facts/analyze.ts';
import { renderValue } from '../../../shared/facts/render-value.ts';
import { DEFAULT_RULES_FILE } from '../../../shared/facts/rules.ts';
import { rulesAt } from '../../../shared/facts/shipped-rules.ts';
import { LOOPBACK_ALLOWED, PUBLIC_ONLY } from '../../../shared/feeds/guard.ts';
import type { AlertConfig } from '../../../shared/model/alert-config.ts';
import type { FeedConfig } from '../../../shared/model/story.ts';
import { heldSmsSummary } from '../../../shared/store/alerts.ts';
import { seedBaseline } from '../../../shared/store/baseline.ts';
import { describeAwsError, ensureTable, openStore, type Store } from '../../../shared/store/client.ts';
import { listFeeds, syncFeeds } from '../../../shared/store/feeds.ts';
import { findingsInWindow } from '../../../shared/store/findings.ts';
import { DEFAULT_TABLE_NAME } from '../../../shared/store/table.ts';
import { changesHeldByCooldown, isOldNews } from '../../../shared/usecases/notify-finding.ts';
import {
  type FeedFileServer,
  type ServedFile,
  startDemoServer,
  startFeedFileServer,
} from '../../local/demo-server.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import {
  type CycleSummary,
  type Delivery,
  type LocalPipeline,
  startLocalPipeline,
} from '../../local/pipeline.ts';
import { acquireRunLock } from '../../local/run-lock.ts';
import { openWarmDynamoDb } from '../../local/warm-store.ts';
import { parseCommandArgs } from '../args.ts';
import type { CliIO, Command } from '../command.ts';
import { downloadProgress, feedProgress } from '../progress.ts';
import {
  cooldownAdvice,
  DEMO_OUTRO,
  demoIntro,
  demoKeptOutro,
  failureAdvice,
  nothingDueAdvice,
  oldNewsAdvice,
  printDeliveries,
  releaseTime,
  summaryLine,
} from '../run-report.ts';
import {
  DEFAULT_DATA_DIR,
  type LocalStory,
  localStory,
  newStoreNote,
  prepareDataDir,
  sheetNote,
  shellPath,
  storeIdleSeconds,
  storeOptionOf,
} from '../session.ts';

const HELP = `Usage: factwatch run [--feeds FILE] [--baseline FILE] [--alerts-out FILE] [--all] [--retry-failed] [--demo]
                     [--replay FEED_FILE]... [--quiet-hours HH:MM-HH:MM|off] [--time-zone ZONE] [--data-dir DIR]

One full cycle of the pipeline on this machine, with the same handlers the AWS
stack runs: DynamoDB Local (kept under --data-dir) and an SNS/SQS emulator in
this process. Polls the feeds that are due, analyzes new and edited items,
alerts, then prints what the emulated email and SMS subscribers received.

Options:
  --feeds FILE        the feeds to poll (default: feedsFile in cdk.json, else the shipped feeds)
  --baseline FILE     the fact sheet to seed a new store from and compare the store with
                      (default: baselineFile in cdk.json, else the shipped one)
  --alerts-out FILE   also append delivered alerts as JSONL {"channel","subject","body","attributes"}
  --all               poll every feed now, ignoring intervals (never Retry-After or error backoff)
  --retry-failed      also poll feeds backing off after errors, once you fixed the cause
                      (a server's Retry-After is still honoured)
  --demo              replay a bundled sample through the whole pipeline, offline (quiet
                      hours off); in memory, or kept with --data-dir NEW_FOLDER so that
                      history, accept and report can be tried on it
  --replay FEED_FILE  read your own RSS or Atom file(s) through the whole pipeline,
                      served on loopback like the demo (quiet hours off, every item may
                      alert): rehearse a story's alerts, history and accept before you
                      deploy. Edit a file and run again on the same --data-dir to see
                      what a new item does. Repeat it for several files.
  --quiet-hours HH:MM-HH:MM|off
                      SMS quiet hours for this run, e.g. 22:00-07:00
  --time-zone ZONE    IANA time zone of the quiet hours for this run, e.g. Europe/Berlin
  --data-dir DIR      local store folder (default .factwatch/)
  -h, --help          this help

Settings (quiet hours, time zone, SMS cap, feeds file, contact …) come from cdk.json
"context" in this folder, the same keys the deployed stack reads; the options above
override them for one run.

Exit code 0 when the cycle completed, even if feeds failed (each is listed);
non-zero only when the pipeline itself could not run.

Examples:
  npm start                      # = factwatch run
  factwatch run --demo
  factwatch run --demo --data-dir .factwatch-demo
  factwatch run --replay my-feed.xml --data-dir .factwatch-rehearsal
  factwatch run --all --alerts-out alerts.jsonl`;

export const runCommand: Command = {
  name: 'run',
  summary: 'poll due feeds, analyze, alert (one full local cycle)',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandArgs('run', args, {
      feeds: { type: 'string' },
      baseline: { type: 'string' },
      'alerts-out': { type: 'string' },
      all: { type: 'boolean' },
      'retry-failed': { type: 'boolean' },
      demo: { type: 'boolean' },
      replay: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      'quiet-hours': { type: 'string' },
      'time-zone': { type: 'string' },
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
    if (values.demo && (values.feeds || values.baseline || values.replay))
      throw new UsageError(
        'run: --demo replays its own sample feeds and fact sheet; leave out --feeds, --baseline and --replay',
      );
    if (values.replay && values.feeds)
      throw new UsageError('run: --replay reads the feed files it names; leave out --feeds');
    const replayFiles = values.replay ? replayedFiles(values.replay) : undefined;
    // Checked before anything is polled: a cycle's alerts must not be lost to a path found bad at its end.
    if (values['alerts-out'] !== undefined) checkAppendable('--alerts-out', values['alerts-out']);
    const settings = projectSettings(process.cwd());
    const overrides = runOverrides(values['quiet-hours'], values['time-zone']);
    // The demo is the shipped story, whatever this folder's settings say.
    const story = values.demo
      ? {
          sheetPath: DEFAULT_BASELINE_FILE,
          sheet: SHIPPED_STORY.baseline,
          feeds: SHIPPED_STORY.feeds,
          fromFlag: false,
          rulesPath: DEFAULT_RULES_FILE,
        }
      : localStory(values, settings);
    const dataDir = resolve(values['data-dir'] ?? DEFAULT_DATA_DIR);
    // The demo and a replay serve their feeds on loopback, and read every item as news.
    const replaying = Boolean(values.demo || replayFiles);
    // A --data-dir that does not exist gets a new store, whose first read of each feed is old news: a typo in a
    // cron line would swallow the changes of that cycle unseen, so the run says it started one.
    const newStore = values['data-dir'] !== undefined && !replaying && !existsSync(dataDir);
    // The demo keeps its store only when given a folder of its own, so history, accept and report can be tried offline.
    const keep = !replaying || values['data-dir'] !== undefined;
    const mode = values.demo ? 'demo' : 'replay';
    if (replaying && keep) claimSampleDataDir(dataDir, mode);
    else if (!replaying)
      for (const kind of ['demo', 'replay'] as const)
        if (existsSync(resolve(dataDir, markerOf(kind))))
          throw new UsageError(
            `run: ${dataDir} holds the ${kind}'s store, not one that follows the real feeds; give another --data-dir, or delete ${dataDir}`,
          );
    const keptIn = keep ? values['data-dir'] : undefined;
    // Messages are written here before they are published, and cleared once shown: a run
    // that dies in between leaves them for the next run to show. The in-memory demo keeps nothing.
    const outbox = keep ? resolve(dataDir, 'deliveries.jsonl') : undefined;
    // The demo is for seeing alerts: no quiet hours, so its SMS show up at any hour, and its
    // sample (old news, read for the first time) alerts as if it had just been published. A replay
    // rehearses this folder's settings (SMS cap and confidence, time zone, cooldown) in the same way.
    const alertConfig: AlertConfig = {
      ...(values.demo
        ? REPLAY_ALERT_CONFIG
        : replaying
          ? asReplayed(settings.alertConfig)
          : settings.alertConfig),
      ...overrides,
    };
    // One run per store: a second one would poll the same feeds and race for the same alerts. (Taken before
    // the feed server starts: a refused run must not leave a server holding the process open.)
    const releaseLock = keep ? acquireRunLock(prepareDataDir(dataDir)) : undefined;
    // Ctrl-C or SIGTERM mid-run: say what it means, let go of the store's lock; exit 128 + the signal's number.
    const interrupted = (signal: NodeJS.Signals) => {
      io.err(keep ? INTERRUPTED : INTERRUPTED_IN_MEMORY);
      releaseLock?.();
      process.exit(signal === 'SIGTERM' ? 143 : 130);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    let feedServer: FeedFileServer | undefined;
    let dynamo: RunningDynamoDb | undefined;
    try {
      feedServer = values.demo
        ? await startDemoServer()
        : replayFiles
          ? await startFeedFileServer(replayFiles)
          : undefined;
      if (feedServer)
        io.out(
          values.demo
            ? demoIntro(keptIn)
            : replayIntro(replayFiles!, keptIn, alertConfig.quietHours !== null),
        );
      if (newStore) io.err(newStoreNote(dataDir));
      dynamo = await startRunStore(keep ? dataDir : undefined, io);
      const store = openStore({ tableName: DEFAULT_TABLE_NAME, endpoint: dynamo.endpoint });
      await ensureTable(store);
      const now = new Date();
      await reconcileStory(
        store,
        story,
        { feeds: feedServer?.feeds, sampleSheet: Boolean(values.demo) },
        now,
        io,
        storeOptionOf(values['data-dir']),
      );
      const pipeline = await startLocalPipeline(store, dynamo.endpoint, alertConfig, {
        checkpointFile: keep ? resolve(dataDir, 'stream-position.json') : undefined,
        acceptStore: keep ? storeOptionOf(values['data-dir']) : null,
        // The demo's and a replay's feed server listens on loopback; real runs reach the public internet only.
        network: feedServer ? LOOPBACK_ALLOWED : PUBLIC_ONLY,
        outboxFile: outbox,
        contact: process.env.FACTWATCH_CONTACT ?? settings.contact,
        engine: createFactEngine(story.sheet.facts, rulesAt(story.rulesPath)),
      });
      try {
        const summary = await runOneCycle(pipeline, {
          // A replay reads its files every time it is asked to, a file fixed after a parse error too.
          all: values.all || replaying,
          retryFailed: values['retry-failed'] || replaying,
          onFeedPolled: feedProgress(io),
        });
        const finishedAt = new Date();
        const heldSms = await heldSmsSummary(store);
        // This run's changes, read once for both lines about changes that sent no alert.
        const changes = await findingsInWindow(store, { since: now, statuses: ['changed', 'new'] });
        const facts = {
          summary,
          feeds: (await listFeeds(store)).filter((feed) => !feed.retiredAt),
          demo: replaying,
          all: Boolean(values.all),
          // When the held SMS go: the time each was given when held, not this run's quiet hours.
          smsReleaseAt: releaseTime(
            heldSms.firstDueAt ? new Date(heldSms.firstDueAt) : smsDueAt(finishedAt, alertConfig),
            alertConfig,
          ),
          oldNews: changes.filter((finding) => isOldNews(finding, alertConfig)).length,
          heldByCooldown: (await changesHeldByCooldown(store, changes, now, alertConfig, finishedAt)).map(
            (change) => `${change.factId} ${renderValue(change.observed)}`,
          ),
          cooldownMinutes: alertConfig.cooldownMinutes,
          heldSmsInStore: heldSms.count,
          storeOption: storeOptionOf(values['data-dir']),
          rerunOptions: [
            storeOptionOf(values['data-dir']),
            values.feeds ? `--feeds ${shellPath(values.feeds)}` : '',
            values.baseline ? `--baseline ${shellPath(values.baseline)}` : '',
          ]
            .filter(Boolean)
            .join(' '),
          maxAlertAgeHours: alertConfig.maxAlertAgeHours,
          now: finishedAt,
        };
        printRunReport(facts, io);
        if (values.demo) io.out(keep ? demoKeptOutro(values['data-dir']!) : DEMO_OUTRO);
        else if (feedServer) io.out(replayOutro(keptIn));
        if (values['alerts-out'])
          writeAlerts(values['alerts-out'], [...summary.recovered, ...summary.deliveries]);
        if (outbox) clearOutbox(outbox);
      } finally {
        store.doc.destroy();
        await pipeline.stop();
      }
      return 0;
    } finally {
      process.removeListener('SIGINT', interrupted);
      process.removeListener('SIGTERM', interrupted);
      await dynamo?.stop();
      await feedServer?.close();
      releaseLock?.();
    }
  },
};

/**
 * Said when a run is stopped: what it stored stays, alerts it wrote but did not show are shown by the next run
 * (the outbox), and the next run polls what this one did not reach.
 */
const INTERRUPTED =
  'factwatch: run interrupted; nothing is lost: the next run continues where this one stopped (and shows any alert this one did not)';
const INTERRUPTED_IN_MEMORY = 'factwatch: run interrupted (its store was in memory: nothing was kept)';

/**
 * The files of --replay as feeds: each must be readable now (not found bad after a DynamoDB start), each gets
 * the id `replay-<file name>`.
 */
function replayedFiles(paths: readonly string[]): ServedFile[] {
  const taken = new Set<string>();
  // The same file named twice is one feed.
  const unique = [...new Map(paths.map((path) => [resolve(path), path])).values()];
  return unique.map((path) => {
    try {
      if (!statSync(path).isFile()) throw new UsageError(`--replay ${path}: is not a file`);
      // (readable is all that is asked here: the feed server reads it when polled)
      accessSync(path, constants.R_OK);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--replay ${path}: cannot be read (${fileProblem(error)})`);
    }
    const stem = basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '');
    let id = `replay-${stem || 'feed'}`;
    for (let n = 2; taken.has(id); n++) id = `replay-${stem || 'feed'}-${n}`;
    taken.add(id);
    return { id, path: resolve(path) };
  });
}

/** How a replay starts: which files, in memory or in the store folder it keeps. */
const replayIntro = (files: readonly ServedFile[], keptIn: string | undefined, quietHours: boolean) =>
  `Replay: reading ${files.length} feed file(s) (${files.map((file) => basename(file.path)).join(', ')}) through the whole pipeline on loopback, ${keptIn ? `in a store kept in ${keptIn}` : 'in memory'}. ${quietHours ? 'Every item may alert, as if just published; SMS keep the quiet hours given' : 'Quiet hours are off and every item may alert, as if just published'}; the SMS cap, confidence and time zone are this folder's settings.`;

/** This folder's alert settings for a replay: its items alert as if just published, at any hour. */
const asReplayed = (config: AlertConfig): AlertConfig => ({
  ...config,
  quietHours: REPLAY_ALERT_CONFIG.quietHours,
  quietFirstRead: REPLAY_ALERT_CONFIG.quietFirstRead,
  maxAlertAgeHours: REPLAY_ALERT_CONFIG.maxAlertAgeHours,
});

/** The end of a replay: what a kept store allows, or that nothing was kept. */
const replayOutro = (keptIn?: string) =>
  keptIn
    ? `The replay kept its store in ${keptIn}: edit a file and run the same command again to see what a new item does; history, facts, accept and report take ${storeOptionOf(keptIn)}.`
    : 'The replay kept nothing (its store lived in memory). To try history, accept and report on it, or to see what an edited file does on a second run, give it a store: --data-dir NEW_FOLDER.';

/** Marks a demo's or a replay's store, so that neither writes its files into a store that follows the real feeds. */
const markerOf = (kind: 'demo' | 'replay') => `${kind}-store`;

/**
 * A folder the demo (or a replay) may keep its store in: a new or empty one (marked as
 * its), or one an earlier demo (replay) kept. Anything else is someone's real store.
 */
function claimSampleDataDir(dataDir: string, kind: 'demo' | 'replay'): void {
  const marker = resolve(dataDir, markerOf(kind));
  if (existsSync(marker)) return;
  if (dataDir === resolve(DEFAULT_DATA_DIR))
    throw new UsageError(
      `--${kind} --data-dir ${dataDir}: is where \`npm start\` keeps the real feeds' store; give another folder, e.g. --data-dir .factwatch-${kind}`,
    );
  if (existsSync(dataDir) && statSync(dataDir).isDirectory() && readdirSync(dataDir).length > 0)
    throw new UsageError(
      `--${kind} --data-dir ${dataDir}: holds a store that is not a ${kind}'s; give a new folder, e.g. --data-dir .factwatch-${kind}`,
    );
  writeFileSync(resolve(prepareDataDir(dataDir), markerOf(kind)), `kept by factwatch run --${kind}\n`);
}

/**
 * The store a run works on: the data dir's warm DynamoDB Local, shared with facts/
 * history/feeds so they can read while it polls; none (the demo): one in memory.
 */
async function startRunStore(dataDir: string | undefined, io: CliIO): Promise<RunningDynamoDb> {
  const progress = downloadProgress(io);
  if (dataDir === undefined) return startDynamoDbLocal({ inMemory: true, progress });
  return openWarmDynamoDb({
    dbPath: resolve(dataDir, 'dynamodb'),
    idleSeconds: storeIdleSeconds(),
    progress,
  });
}

/** The store made the story files': baseline seeded, feeds synced (retired, restored), drift noted. */
async function reconcileStory(
  store: Store,
  story: LocalStory,
  served: { feeds: FeedConfig[] | undefined; sampleSheet: boolean },
  now: Date,
  io: CliIO,
  storeOption: string,
): Promise<void> {
  await seedBaseline(store, story.sheet.facts, now, story.sheet);
  // The demo's sheet is its own and fixed; a replay's is the owner's (--baseline), whose edits are noted.
  const note = served.sampleSheet ? undefined : await sheetNote(store, story, storeOption);
  if (note) io.err(note);
  const synced = await syncFeeds(store, served.feeds ?? story.feeds, now);
  if (synced.retired.length)
    io.out(
      `Retired ${synced.retired.length} feed(s) no longer ${served.feeds ? 'given with --replay' : 'in the feeds file'} (not polled again; their history is kept): ${synced.retired.join(', ')}`,
    );
  if (synced.restored.length) io.out(`Back in the feeds file, polled again: ${synced.restored.join(', ')}`);
  // The demo's and a replay's server takes a new port each run: its feeds "move" every time, which is no news.
  if (synced.moved.length && !served.feeds)
    io.out(
      `New URL in the feeds file, polled now (the old URL's errors and backoff forgotten): ${synced.moved.join(', ')}`,
    );
}

/** One cycle; a failure that is not ours to explain says that nothing is lost and how to go on. */
async function runOneCycle(
  pipeline: LocalPipeline,
  options: Parameters<LocalPipeline['runCycle']>[0],
): Promise<CycleSummary> {
  try {
    return await pipeline.runCycle(options);
  } catch (error) {
    if (error instanceof FactwatchError) throw error;
    throw new LocalStackError(
      `the cycle stopped: ${describeAwsError(error)}. Nothing is lost: run again, and it continues where this run stopped`,
      { cause: error },
    );
  }
}

/** What the emulated subscribers received, the failed feeds, the summary line and the advice. */
function printRunReport(facts: Parameters<typeof summaryLine>[0], io: CliIO): void {
  const { summary } = facts;
  if (summary.recovered.length) {
    io.out(`Delivered by an earlier run that stopped before showing them (${summary.recovered.length}):`);
    printDeliveries(summary.recovered, io);
    io.out('--- this run ---');
  }
  printDeliveries(summary.deliveries, io);
  if (summary.feedsFailed.length) {
    io.out('Feeds that failed this cycle:');
    for (const failure of summary.feedsFailed) io.out(`  ${failure.feedId}: ${failure.error}`);
  }
  io.out(summaryLine(facts));
  for (const line of [
    ...oldNewsAdvice(facts),
    ...cooldownAdvice(facts),
    ...failureAdvice(facts),
    ...nothingDueAdvice(facts),
  ])
    io.out(line);
}

/** --quiet-hours and --time-zone, checked as the settings are, for this run only. */
function runOverrides(quietHours?: string, timeZone?: string): Partial<AlertConfig> {
  const overrides: Partial<AlertConfig> = {};
  const check = (flag: string, key: string, value: string) => {
    try {
      return readSettings({ [key]: value }).alertConfig;
    } catch (error) {
      throw new UsageError(`${flag}: ${(error as Error).message.replace(/^config: context "[^"]+": /, '')}`);
    }
  };
  if (quietHours !== undefined)
    overrides.quietHours = check('--quiet-hours', 'quietHours', quietHours).quietHours;
  if (timeZone !== undefined) overrides.timeZone = check('--time-zone', 'timeZone', timeZone).timeZone;
  return overrides;
}

/** A file this run may append to (created empty if new), or one usage line saying why not. */
function checkAppendable(flag: string, path: string): void {
  try {
    closeSync(openSync(path, 'a'));
  } catch (error) {
    throw new UsageError(`${flag} ${path}: cannot be written (${fileProblem(error)})`);
  }
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
