import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors.ts';
import { type FeedState, FeedStateSchema } from '../model/feeds.ts';
import type { FeedConfig } from '../model/story.ts';
import type { Store } from './client.ts';
import { CONDITION_FAILED, whenCondition } from './conditional.ts';
import { queryAll, recordOf } from './query.ts';

export const DEFAULT_INTERVAL_MINUTES = 30;
const FEEDS_INDEX_KEY = 'FEEDS';

const feedKey = (feedId: string) => ({ pk: `FEED#${feedId}`, sk: 'STATE' });
const dueSortKey = (nextPollAt: string, feedId: string) => `${nextPollAt}#${feedId}`;
/** Sorts after every due time: a retired feed stays listed but is never due. */
const retiredSortKey = (feedId: string) => `~retired#${feedId}`;

/**
 * Adds a feed from the feeds file, or refreshes its url/topics/interval. Poll state
 * (validators, errors, next poll) is created once and kept by a re-register, unless
 * the URL changed (see refreshFeed).
 *
 * @example
 * await registerFeed(store, { id: 'electrek-tesla', url: 'https://electrek.co/guides/tesla/feed/' }, new Date());
 */
export async function registerFeed(store: Store, feed: FeedConfig, now: Date): Promise<FeedState> {
  const nowIso = now.toISOString();
  const { Attributes: before } = await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: feedKey(feed.id),
      UpdateExpression: [
        'SET feedId = :id, #url = :url, topics = :topics, intervalMinutes = :interval, #language = :language',
        'nextPollAt = if_not_exists(nextPollAt, :now), errorCount = if_not_exists(errorCount, :zero)',
        'itemsSeen = if_not_exists(itemsSeen, :zero), healthy = if_not_exists(healthy, :true)',
        '#revision = if_not_exists(#revision, :zero), gsi1pk = :feeds',
        'gsi1sk = if_not_exists(gsi1sk, :dueKey)',
      ].join(', '),
      ExpressionAttributeNames: { '#url': 'url', '#language': 'language', '#revision': 'revision' },
      ExpressionAttributeValues: {
        ':id': feed.id,
        ':url': feed.url,
        ':topics': feed.topics ?? [],
        ':interval': feed.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
        ':language': feed.language ?? 'en',
        ':now': nowIso,
        ':zero': 0,
        ':true': true,
        ':feeds': FEEDS_INDEX_KEY,
        ':dueKey': dueSortKey(nowIso, feed.id),
      },
      ReturnValues: 'ALL_OLD',
    }),
  );
  const urlChanged = before !== undefined && before.url !== feed.url;
  if (before?.retiredAt || urlChanged) return refreshFeed(store, feed.id, now, urlChanged);
  return (await getFeedState(store, feed.id))!;
}

/**
 * A feed due now: a retired one back in the feeds file (its old state and history
 * kept), or one whose URL the owner changed. A new URL is a new cause: the old
 * URL's backoff, error, redirect target and cache validators say nothing about it,
 * and what it holds when first read is backfill, as for a new feed.
 */
async function refreshFeed(store: Store, feedId: string, now: Date, urlChanged: boolean): Promise<FeedState> {
  const forget = urlChanged
    ? ' REMOVE retiredAt, permanentUrl, etag, lastModified, holdUntil, holdReason, lastError, lastStatus, lastWarnings, filledAt'
    : ' REMOVE retiredAt';
  const { Attributes } = await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: feedKey(feedId),
      UpdateExpression: `SET gsi1sk = :dueKey, nextPollAt = :now, #revision = #revision + :one${urlChanged ? ', errorCount = :zero' : ''}${forget}`,
      ExpressionAttributeNames: { '#revision': 'revision' },
      ExpressionAttributeValues: {
        ':dueKey': dueSortKey(now.toISOString(), feedId),
        ':now': now.toISOString(),
        ':one': 1,
        ...(urlChanged ? { ':zero': 0 } : {}),
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return recordOf(FeedStateSchema, Attributes ?? {});
}

/**
 * Makes the store's feeds the feeds file's: each feed in `feeds` is registered (a
 * retired one comes back), each other feed is retired — never polled again, its
 * items, findings and state kept and listed by `feeds` as retired. The revision
 * moves, so a poll in flight cannot put a retired feed back in the due index.
 *
 * @example
 * const { retired } = await syncFeeds(store, loadFeedsFile(path), new Date());
 */
export async function syncFeeds(
  store: Store,
  feeds: readonly FeedConfig[],
  now: Date,
): Promise<{ retired: string[]; restored: string[]; moved: string[] }> {
  const before = new Map((await listFeeds(store)).map((feed) => [feed.feedId, feed]));
  const restored: string[] = [];
  const moved: string[] = [];
  for (const feed of feeds) {
    const old = before.get(feed.id);
    if (old?.retiredAt) restored.push(feed.id);
    if (old && old.url !== feed.url) moved.push(feed.id);
    await registerFeed(store, feed, now);
  }
  const wanted = new Set(feeds.map((feed) => feed.id));
  const retired = [...before.values()].filter((feed) => !wanted.has(feed.feedId) && !feed.retiredAt);
  for (const feed of retired)
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: feedKey(feed.feedId),
        UpdateExpression: 'SET retiredAt = :now, gsi1sk = :retired, #revision = #revision + :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#revision': 'revision' },
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':retired': retiredSortKey(feed.feedId),
          ':one': 1,
        },
      }),
    );
  return { retired: retired.map((feed) => feed.feedId).sort(), restored, moved };
}

/** One feed's state, or undefined when the feed was never registered. */
export async function getFeedState(store: Store, feedId: string): Promise<FeedState | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: feedKey(feedId) }));
  return Item ? recordOf(FeedStateSchema, Item) : undefined;
}

/** Every registered feed, by next poll time. */
export async function listFeeds(store: Store): Promise<FeedState[]> {
  const records = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :feeds',
    ExpressionAttributeValues: { ':feeds': FEEDS_INDEX_KEY },
  });
  return records.map((record) => recordOf(FeedStateSchema, record));
}

/**
 * Feeds whose next poll is at or before `now` (access pattern 1: all due feeds).
 *
 * @example
 * const due = await listDueFeeds(store, new Date());
 */
export async function listDueFeeds(store: Store, now: Date): Promise<FeedState[]> {
  const records = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :feeds AND gsi1sk <= :until',
    // '~' sorts after '#' and every id character: every feed due at exactly `now` is included.
    ExpressionAttributeValues: { ':feeds': FEEDS_INDEX_KEY, ':until': `${now.toISOString()}~` },
  });
  return records.map((record) => recordOf(FeedStateSchema, record));
}

/** Fields a poll may set; '' removes a field (an error cleared, a health event consumed). */
export type FeedPollUpdate = Partial<
  Omit<
    Pick<
      FeedState,
      | 'etag'
      | 'lastModified'
      | 'permanentUrl'
      | 'nextPollAt'
      | 'lastPolledAt'
      | 'filledAt'
      | 'lastStatus'
      | 'lastError'
      | 'errorCount'
      | 'healthy'
      | 'healthEvent'
      | 'healthEventAt'
      | 'holdUntil'
    >,
    'healthEvent'
  >
> & {
  healthEvent?: FeedState['healthEvent'] | '';
  holdReason?: FeedState['holdReason'] | '';
  lastWarnings?: string[] | '';
  itemsSeenDelta?: number;
};

/**
 * Saves the outcome of one poll. Fails with ConflictError when another poller saved
 * since `state` was read, so two concurrent polls never silently lose validators.
 * A `lastError` of '' clears the stored error.
 */
export async function saveFeedPoll(
  store: Store,
  state: FeedState,
  update: FeedPollUpdate,
): Promise<FeedState> {
  const { itemsSeenDelta = 0, ...fields } = update;
  const names: Record<string, string> = { '#revision': 'revision', '#itemsSeen': 'itemsSeen' };
  const values: Record<string, unknown> = {
    ':expected': state.revision,
    ':one': 1,
    ':delta': itemsSeenDelta,
  };
  const sets = ['#revision = #revision + :one', '#itemsSeen = #itemsSeen + :delta'];
  const removes: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    if (value === '') {
      removes.push(`#${field}`);
      continue;
    }
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  if (fields.nextPollAt && !state.retiredAt) {
    values[':dueKey'] = dueSortKey(fields.nextPollAt, state.feedId);
    sets.push('gsi1sk = :dueKey');
  }
  const expression = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
  const saved = await whenCondition(() =>
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: feedKey(state.feedId),
        UpdateExpression: expression,
        ConditionExpression: '#revision = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    ),
  );
  if (saved === CONDITION_FAILED)
    throw new ConflictError(`feed ${state.feedId} changed since revision ${state.revision}`);
  return recordOf(FeedStateSchema, saved.Attributes ?? {});
}
