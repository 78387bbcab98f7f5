import { type FeedState, feedHealthLabel } from '../../../shared/model/feeds.ts';
import { listFeeds } from '../../../shared/store/feeds.ts';
import { STORE_OPTIONS_HELP } from '../args.ts';
import { listCommand } from '../list-command.ts';
import type { Column } from '../output.ts';

/** The docs/contracts.md `feeds --format json` record. */
export function feedRecord(feed: FeedState) {
  return {
    id: feed.feedId,
    url: feed.permanentUrl ?? feed.url,
    healthy: feed.healthy,
    lastStatus: feed.lastStatus ?? null,
    lastError: feed.lastError ?? null,
    nextPollAt: feed.nextPollAt,
    itemsSeen: feed.itemsSeen,
    lastPolledAt: feed.lastPolledAt ?? null,
    errorCount: feed.errorCount,
    warnings: feed.lastWarnings ?? [],
    topics: feed.topics,
    language: feed.language ?? null,
    retiredAt: feed.retiredAt ?? null,
  };
}

const COLUMNS: Column<FeedState>[] = [
  { header: 'ID', value: (feed) => feed.feedId },
  {
    header: 'HEALTH',
    // Upper case where it needs a look: the table's one alarm.
    value: (feed) => feedHealthLabel(feed).replace(/^unhealthy$/, 'UNHEALTHY'),
  },
  { header: 'LAST', value: (feed) => feed.lastStatus ?? 'never polled' },
  { header: 'ITEMS', value: (feed) => String(feed.itemsSeen) },
  {
    header: 'NEXT POLL',
    value: (feed) =>
      feed.retiredAt
        ? `retired ${feed.retiredAt.slice(0, 10)}`
        : feed.nextPollAt.slice(0, 16).replace('T', ' '),
  },
  {
    header: 'LAST ERROR / WARNING',
    value: (feed) => feed.lastError ?? (feed.lastWarnings?.[0] ? `warning: ${feed.lastWarnings[0]}` : ''),
    maxWidth: 60,
  },
];

export const feedsCommand = listCommand({
  name: 'feeds',
  summary: 'feed health: last status, last error, items seen, next poll',
  help: `Usage: factwatch feeds [--format table|json] [--data-dir DIR | --table NAME]

Shows every registered feed: healthy or not, the last HTTP status, the last
error on one line, how many items it has given, and when it is polled next.

Options:
  --format table|json   output for people (default) or one JSON array
${STORE_OPTIONS_HELP}

Examples:
  factwatch feeds
  factwatch feeds --format json | jq '.[] | select(.healthy | not)'`,
  load: async (store) => (await listFeeds(store)).sort((a, b) => a.feedId.localeCompare(b.feedId)),
  toJson: feedRecord,
  columns: COLUMNS,
});
