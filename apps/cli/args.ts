import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../../shared/errors.ts';
import { impossibleDate } from '../../shared/feeds/feed-dates.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every store-touching command accepts. */
export const STORE_OPTIONS = {
  'data-dir': { type: 'string' },
  table: { type: 'string' },
  baseline: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

/** The help lines for STORE_OPTIONS, the same in every command that has them. */
export const STORE_OPTIONS_HELP = `  --data-dir DIR        local store folder (default .factwatch/)
  --table NAME          the deployed DynamoDB table (uses the AWS environment)
  --baseline FILE       the fact sheet to seed and compare with (default: baselineFile
                        in cdk.json, else the shipped story's)
  -h, --help            this help`;

/**
 * node:util parseArgs, strict, with its errors turned into one-line UsageErrors.
 * `maxPositionals` is how many plain arguments the command takes (none unless
 * said): a stray word is an error, not silently ignored.
 *
 * @example
 * parseCommandArgs('history', ['--since', '7d'], { since: { type: 'string' } }); // { values: { since: '7d' }, positionals: [] }
 */
export function parseCommandArgs<O extends OptionSpec>(
  command: string,
  args: string[],
  options: O,
  maxPositionals = 0,
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
    // (--help answers whatever else was typed, as it does for a stray argument)
    if (!(parsed.values as { help?: boolean }).help) givenOnce(command, args, options);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '');
    // "--since -5d": parseArgs calls a value that begins with "-" ambiguous; say which value and how to give it.
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
    if (ambiguous) {
      const value = args[args.indexOf(ambiguous[1]!) + 1] ?? '';
      throw new UsageError(
        `${command}: ${ambiguous[1]}: "${value}" begins with "-"; if it is the value, write ${ambiguous[1]}=${value} (see factwatch ${command} --help)`,
      );
    }
    throw new UsageError(`${command}: ${message} (see factwatch ${command} --help)`);
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined && !(parsed.values as { help?: boolean }).help)
    throw new UsageError(`${command}: unexpected argument "${extra}" (see factwatch ${command} --help)`);
  return parsed;
}

/**
 * "--since 5d … --since 30d": parseArgs keeps the last silently, so a pasted command that repeats an
 * option with another value would answer a question the user did not ask. One value, or one usage line.
 */
function givenOnce(command: string, args: string[], options: OptionSpec): void {
  const { tokens } = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  const seen = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind !== 'option' || options[token.name]?.multiple) continue;
    if (seen.has(token.name) && seen.get(token.name) !== token.value)
      throw new UsageError(
        `${command}: --${token.name} is given twice (${[seen.get(token.name), token.value].map((value) => JSON.stringify(value ?? true)).join(' and ')}); give it once (see factwatch ${command} --help)`,
      );
    seen.set(token.name, token.value);
  }
}

/**
 * A choice among fixed values, defaulting when absent.
 *
 * @example
 * oneOf('--format', 'csv', ['table', 'json', 'csv'], 'table'); // 'csv'
 */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag}: "${value}" is not one of ${allowed.join(', ')}`);
}

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * `--since` as a point in time: a duration back from now (`30m`, `24h`, `7d`, `2w`)
 * or a date (`2025-08-01`, or a full ISO time; UTC unless it names its zone) not in the future.
 *
 * @example
 * parseSince('7d', new Date('2025-08-08T00:00:00Z')); // 2025-08-01T00:00:00.000Z
 */
export function parseSince(text: string, now: Date, flag = '--since'): Date {
  const trimmed = text.trim();
  const duration = /^(\d{1,6})([mhdw])$/.exec(trimmed);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * DURATION_UNITS[duration[2]!]!);
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (day) {
    // JavaScript rolls 2025-02-30 over to 2 March; a calendar has no such day.
    if (impossibleDate(trimmed.slice(0, 10)))
      throw new UsageError(`${flag}: ${trimmed.slice(0, 10)} is not a date of the calendar`);
    // A date, or a time with no zone, is UTC, as every time factwatch prints (not this machine's zone).
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed);
    const parsed = new Date(
      trimmed.length === 10 ? `${trimmed}T00:00:00Z` : `${trimmed.replace(' ', 'T')}${zoned ? '' : 'Z'}`,
    );
    // A year typed wrong (2026-12-… for 2025-12-…) is the usual slip: say so rather than answer nothing.
    if (parsed.getTime() > now.getTime())
      throw new UsageError(
        `${flag}: ${trimmed} is in the future (it is ${now.toISOString().slice(0, 10)} now)`,
      );
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  throw new UsageError(`${flag}: "${text}" is neither a duration (30m, 24h, 7d, 2w) nor a date (2025-08-01)`);
}

/** A comma-separated list option (`--status changed,new`), each entry checked. */
export function parseList<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T[] {
  if (value === undefined) return [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // An empty list would silently mean "no filter", the opposite of what was typed.
  if (!entries.length) throw new UsageError(`${flag}: give one or more of ${allowed.join(', ')}`);
  for (const entry of entries) oneOf(flag, entry, allowed, allowed[0]!);
  return entries as T[];
}
