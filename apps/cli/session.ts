import { existsSync, mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { displayPath, loadFeedsFile } from '../../shared/config/load.ts';
import { projectSettings, type Settings } from '../../shared/config/settings.ts';
import { SHIPPED_STORY } from '../../shared/config/story.ts';
import { checkFeedTopics, loadStorySheet } from '../../shared/config/story-sheet.ts';
import { fileProblem, StoreError, UsageError } from '../../shared/errors.ts';
import { renderValue } from '../../shared/facts/render-value.ts';
import { rulesPathFor } from '../../shared/facts/rules.ts';
import type { BaselineFile, FeedConfig } from '../../shared/model/story.ts';
import { seedBaseline, sheetDrift } from '../../shared/store/baseline.ts';
import { describeAwsError, ensureTable, openStore, type Store } from '../../shared/store/client.ts';
import { listFeeds, registerFeed } from '../../shared/store/feeds.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/store/table.ts';
import type { DownloadProgress } from '../local/dynamodb-local.ts';
import { DEFAULT_IDLE_SECONDS, openWarmDynamoDb } from '../local/warm-store.ts';

export const DEFAULT_DATA_DIR = '.factwatch';

const WHY_NOT_WRITABLE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'part of the path is a file',
};

/**
 * The local store's folder, created and proven writable before anything starts:
 * a file in its place, a read-only or full disk is one line naming the folder and
 * the cause (exit 2), not a Java error minutes later.
 *
 * @example
 * const dir = prepareDataDir('.factwatch'); // '/home/ana/project/.factwatch'
 */
export function prepareDataDir(dataDir: string): string {
  const path = resolve(dataDir);
  if (existsSync(path) && !statSync(path).isDirectory())
    throw new UsageError(`--data-dir ${path}: is a file, not a folder`);
  try {
    mkdirSync(path, { recursive: true });
    const probe = join(path, `.write-test-${process.pid}`);
    writeFileSync(probe, 'factwatch');
    unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new UsageError(
      `--data-dir ${path}: cannot be written (${WHY_NOT_WRITABLE[code] ?? fileProblem(error)})`,
      {
        cause: error,
      },
    );
  }
  return path;
}

/**
 * The store option a printed command needs to reach the same local store: none
 * for the default folder, else `--data-dir DIR` (quoted for a shell when needed).
 *
 * @example
 * storeOptionOf('/tmp/my store'); // "--data-dir '/tmp/my store'"
 */
export function storeOptionOf(dataDir: string | undefined): string {
  if (dataDir === undefined || resolve(dataDir) === resolve(DEFAULT_DATA_DIR)) return '';
  return `--data-dir ${shellPath(dataDir)}`;
}

/** A file's absolute path as a shell word, quoted when it needs to be. */
export function shellPath(path: string): string {
  const absolute = resolve(path);
  return /^[\w./@%+=:,-]+$/.test(absolute) ? absolute : `'${absolute.replace(/'/g, `'\\''`)}'`;
}

/** Said on stderr when --data-dir named a folder that did not exist: a typo would otherwise pass unseen. */
export const newStoreNote = (location: string) =>
  `factwatch: note: ${location} held no store; a new one was started there (is the folder's name right?)`;

/**
 * How long a local store's DynamoDB Local waits for the next command before it
 * stops (FACTWATCH_STORE_IDLE_SECONDS; 0: it stops with each command).
 *
 * @example
 * storeIdleSeconds({ FACTWATCH_STORE_IDLE_SECONDS: '60' }); // 60
 */
export function storeIdleSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.FACTWATCH_STORE_IDLE_SECONDS;
  if (text === undefined || text === '') return DEFAULT_IDLE_SECONDS;
  if (!/^\d+$/.test(text.trim()))
    throw new UsageError(
      `FACTWATCH_STORE_IDLE_SECONDS: "${text}" is not a whole number of seconds (0: stop after each command)`,
    );
  return Number(text.trim());
}

/** The story files a local command works with, and where the fact sheet came from. */
export interface LocalStory {
  sheetPath: string;
  sheet: BaselineFile;
  feeds: FeedConfig[];
  /** The sheet came from `--baseline`: commands that settle a drift must name it again. */
  fromFlag: boolean;
  /** The match rules the sheet is read with: its own rules.json beside it, else the shipped story's. */
  rulesPath: string;
}

/**
 * The fact sheet and feeds for this command: `--baseline` / `--feeds`, else
 * `baselineFile` / `feedsFile` of the settings (cdk.json), else the shipped story.
 *
 * @example
 * localStory({ baseline: 'my-baseline.json' }, projectSettings(process.cwd())).sheetPath; // 'my-baseline.json'
 */
export function localStory(flags: { baseline?: string; feeds?: string }, settings: Settings): LocalStory {
  const sheet = flags.baseline ? loadStorySheet(flags.baseline) : settings.baseline;
  const sheetPath = flags.baseline ?? settings.baselineFile;
  return {
    sheetPath,
    sheet,
    feeds: flags.feeds ? checkFeedTopics(loadFeedsFile(flags.feeds), sheet, flags.feeds) : settings.feeds,
    fromFlag: flags.baseline !== undefined,
    rulesPath: rulesPathFor(sheetPath),
  };
}

/** The story a store-touching command works with, resolved from its options and this folder's cdk.json. */
export function commandStory(options: SessionOptions & { feeds?: string }): LocalStory {
  return localStory(options, projectSettings(process.cwd()));
}

/** A store the CLI opened, and how to let go of it (stopping DynamoDB Local if it started one). */
export interface StoreSession {
  store: Store;
  /** Where the data lives, for messages: a folder or a table name. */
  location: string;
  /** The options that name this store in a command to copy ('' for the default store). */
  storeOption: string;
  /** Set when --data-dir named a folder that did not exist: a new store was started there. */
  newStoreNote?: string;
  /** The story this command compares the store with. */
  story: LocalStory;
  close(): Promise<void>;
}

export interface SessionOptions {
  'data-dir'?: string;
  table?: string;
  baseline?: string;
}

/**
 * Opens the local store (DynamoDB Local persisted under --data-dir, seeded with the
 * baseline and default feeds on first use) or, with --table, the deployed table.
 *
 * @example
 * const session = await openSession({ 'data-dir': '.factwatch' });
 * try { await listCurrentBaselines(session.store); } finally { await session.close(); }
 */
export async function openSession(
  options: SessionOptions,
  progress?: DownloadProgress,
  resolvedStory?: LocalStory,
): Promise<StoreSession> {
  if (options.table !== undefined && options['data-dir'] !== undefined) {
    throw new UsageError('--table and --data-dir cannot be used together: one store at a time');
  }
  const story = resolvedStory ?? commandStory(options);
  if (options.table !== undefined) return openDeployedTable(options.table, story);
  // A --data-dir that does not exist yet gets a new store, seeded (from --baseline, say); but it may be a typo,
  // and a new store answers "no findings" as if the data were gone: the session says it started one.
  const named = options['data-dir'];
  const isNew = named !== undefined && !existsSync(resolve(named));
  const session = await openLocalStore(prepareDataDir(named ?? DEFAULT_DATA_DIR), story, progress);
  return isNew
    ? {
        ...session,
        newStoreNote: newStoreNote(session.location),
      }
    : session;
}

async function openDeployedTable(tableName: string, story: LocalStory): Promise<StoreSession> {
  // DYNAMODB_ENDPOINT points every store at another endpoint, named tables included.
  const store = openStore({
    tableName,
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
  });
  try {
    await store.doc.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    store.doc.destroy();
    if (/region is missing/i.test((error as Error).message ?? ''))
      throw new UsageError(
        `--table ${tableName}: no AWS region is set; set AWS_REGION to the stack's region (e.g. AWS_REGION=eu-west-1) or use a profile that has one`,
      );
    throw new StoreError(`cannot reach table ${tableName}: ${describeAwsError(error)}`, { cause: error });
  }
  return {
    store,
    location: `table ${tableName}`,
    storeOption: `--table ${tableName}`,
    story,
    close: async () => store.doc.destroy(),
  };
}

async function openLocalStore(
  dataDir: string,
  story: LocalStory,
  progress?: DownloadProgress,
): Promise<StoreSession> {
  const dynamo = await openWarmDynamoDb({
    dbPath: resolve(dataDir, 'dynamodb'),
    idleSeconds: storeIdleSeconds(),
    progress,
  });
  const store = openStore({ tableName: DEFAULT_TABLE_NAME, endpoint: dynamo.endpoint });
  const close = async () => {
    store.doc.destroy();
    await dynamo.stop();
  };
  try {
    await ensureTable(store);
    await seedLocalStore(store, new Date(), story);
  } catch (error) {
    await close();
    throw error;
  }
  return { store, location: dataDir, storeOption: storeOptionOf(dataDir), story, close };
}

/**
 * A note line for each way the fact sheet and the store part — a value the sheet edited after the
 * store was seeded (how to settle it), facts the store holds that the sheet does not list (another
 * story's, or renamed) — or undefined when they agree.
 *
 * @example
 * const note = await sheetNote(session.store, session.story); if (note) io.err(note);
 */
export async function sheetNote(
  store: Store,
  story: Pick<LocalStory, 'sheet' | 'sheetPath' | 'fromFlag'>,
  storeOption = '',
): Promise<string | undefined> {
  const { disagree, notInSheet } = await sheetDrift(store, story.sheet.facts);
  const notes: string[] = [];
  // The command to copy names this store, or it would accept into the default one.
  const fromFile = `${story.fromFlag ? ` --baseline ${displayPath(story.sheetPath)}` : ''}${storeOption ? ` ${storeOption}` : ''}`;
  // Each with the file's value: the store's is what `facts` lists.
  const fileValue = (id: string) =>
    renderValue(story.sheet.facts.find((fact) => fact.id === id)?.value ?? null);
  if (disagree.length)
    notes.push(
      `factwatch: note: ${displayPath(story.sheetPath)} and the store disagree on ${disagree.map((id) => `${id} (the file: ${fileValue(id)})`).join(', ')}; the store keeps its values until you adopt the file's with: factwatch accept FACT_ID --from-file${fromFile}`,
    );
  if (notInSheet.length)
    notes.push(
      `factwatch: note: the store holds ${notInSheet.length} fact(s) ${displayPath(story.sheetPath)} does not list (${listed(notInSheet)}): they are kept, never compared with the news again; another story wants a store of its own (${storeOption.startsWith('--table') ? 'a new stack' : '--data-dir NEW'})`,
    );
  return notes.length ? notes.join('\n') : undefined;
}

/** The first few of a list, and how many more. */
const listed = (ids: readonly string[]) =>
  ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', ');

/** First use of a local store: the story's baseline and feeds. Never overwrites what is there. */
export async function seedLocalStore(
  store: Store,
  now: Date,
  story: Pick<LocalStory, 'sheet' | 'feeds'> = { sheet: SHIPPED_STORY.baseline, feeds: SHIPPED_STORY.feeds },
): Promise<void> {
  await seedBaseline(store, story.sheet.facts, now, story.sheet);
  if ((await listFeeds(store)).length > 0) return;
  for (const feed of story.feeds) await registerFeed(store, feed, now);
}
