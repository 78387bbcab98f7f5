import { type FeedState, listFeeds } from '../../store/feeds.ts';
import { oneOf, parseCommandArgs, STORE_OPTIONS } from '../args.ts';
import type { Command } from '../command.ts';
import { type Column, renderTable } from '../output.ts';
import { openSession } from '../session.ts';

/** The design.md `feeds --format json` record. */
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
    topics: feed.topics,
    language: feed.language ?? null,
  };
}

const COLUMNS: Column<FeedState>[] = [
  { header: 'ID', value: (feed) => feed.feedId },
  { header: 'HEALTH', value: (feed) => (feed.healthy ? 'ok' : 'UNHEALTHY') },
  { header: 'LAST', value: (feed) => feed.lastStatus ?? 'never polled' },
  { header: 'ITEMS', value: (feed) => String(feed.itemsSeen) },
  { header: 'NEXT POLL', value: (feed) => feed.nextPollAt.slice(0, 16).replace('T', ' ') },
  { header: 'LAST ERROR', value: (feed) => feed.lastError ?? '', maxWidth: 60 },
];

export const feedsCommand: Command = {
  name: 'feeds',
  summary: 'feed health: last status, last error, items seen, next poll',
  help: `Usage: factwatch feeds [--format table|json] [--data-dir DIR | --table NAME]

Shows every registered feed: healthy or not, the last HTTP status, the last
error on one line, how many items it has given, and when it is polled next.

Options:
  --format table|json   output for people (default) or one JSON array
  --data-dir DIR        local store folder (default .factwatch/)
  --table NAME          the deployed DynamoDB table (uses the AWS environment)
  -h, --help            this help

Examples:
  factwatch feeds
  factwatch feeds --format json | jq '.[] | select(.healthy | not)'`,
  async run(args, io) {
    const { values } = parseCommandArgs('feeds', args, { ...STORE_OPTIONS, format: { type: 'string' } });
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const format = oneOf('--format', values.format, ['table', 'json'] as const, 'table');
    const session = await openSession(values);
    try {
      const feeds = (await listFeeds(session.store)).sort((a, b) => a.feedId.localeCompare(b.feedId));
      io.out(
        format === 'json' ? JSON.stringify(feeds.map(feedRecord), null, 2) : renderTable(feeds, COLUMNS),
      );
      return 0;
    } finally {
      await session.close();
    }
  },
};
