import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync } from 'node:fs';
import type { Routing } from './routing.ts';

/** One message as it was handed to SNS: its bodies and its routing attributes. */
export interface OutboxEntry {
  subject: string;
  email: string;
  sms: string;
  default: string;
  routing: Routing;
}

/**
 * Where a local run writes each message before publishing it. The emulated SNS lives
 * in the CLI process, so a run killed after an alert was marked sent would take the
 * message with it; written here first (and flushed to disk), it is shown by the next
 * run instead. The deployed stack needs none: SNS itself is durable.
 */
export interface Outbox {
  record(entry: OutboxEntry): void;
}

/**
 * An outbox in a JSON Lines file, each entry synced to disk before `record` returns.
 *
 * @example
 * const outbox = fileOutbox('.factwatch/deliveries.jsonl');
 */
export function fileOutbox(path: string): Outbox {
  return {
    record(entry) {
      const fd = openSync(path, 'a');
      try {
        appendFileSync(fd, `${JSON.stringify(entry)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Every entry not yet shown (a torn last line, from a crash mid-write, is ignored). */
export function readOutbox(path: string): OutboxEntry[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line.trim() ? [JSON.parse(line) as OutboxEntry] : [];
      } catch {
        return [];
      }
    });
}

/** Forgets the entries once a run has shown them. */
export function clearOutbox(path: string): void {
  rmSync(path, { force: true });
}
