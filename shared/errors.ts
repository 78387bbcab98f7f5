/**
 * The one errors module. Every error factwatch raises on purpose is a
 * `FactwatchError`; its message starts with the stage that raised it
 * (`config: …`, `store: …`, `fetch: 503 from https://…`) so a single line
 * tells the user where things went wrong. The CLI prints `message` alone for
 * these and exits with `exitCode`; anything else is a bug and gets a stack.
 *
 * @example
 * throw new ConfigError('feeds.json: entry 3 ("electrek"): field "url": Invalid URL');
 * // → "config: feeds.json: entry 3 ("electrek"): field "url": Invalid URL"
 */
export class FactwatchError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;

  constructor(stage: string, message: string, options?: { cause?: unknown }) {
    super(`${stage}: ${message}`, options);
    this.name = 'FactwatchError';
  }
}

/** Bad input from the user: arguments, files, values. Exit code 2. */
export class UsageError extends FactwatchError {
  override readonly exitCode = 2;

  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}

/** A feeds, baseline or stack config file that does not validate. Exit code 2. */
export class ConfigError extends FactwatchError {
  override readonly exitCode = 2;

  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options);
    this.name = 'ConfigError';
  }
}

/** The store could not be reached or answered unexpectedly. */
export class StoreError extends FactwatchError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options);
    this.name = 'StoreError';
  }
}

/** A local stand-in (DynamoDB Local, SNS emulator) could not be prepared or started. */
export class LocalStackError extends FactwatchError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('local', message, options);
    this.name = 'LocalStackError';
  }
}

/** Another process is using the local store (`run` holds it alone). Exit code 2: wait, or stop the other run. */
export class StoreBusyError extends FactwatchError {
  override readonly exitCode = 2;

  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options);
    this.name = 'StoreBusyError';
  }
}

/** A conditional write lost a race or found the record already there. */
export class ConflictError extends FactwatchError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options);
    this.name = 'ConflictError';
  }
}

/** True when `error` is an AWS SDK ConditionalCheckFailed (plain or inside a transaction). */
export function isConditionalCheckFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** Why a fetch failed, as data: the scheduler and `feeds` use it, not the message. */
export type FetchFailure =
  | 'blocked'
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'redirects'
  | 'not-a-feed'
  | 'parse'
  | 'empty';

/**
 * A feed could not be fetched or read. `message` reads `fetch: 503 from https://…`;
 * `failure` and `retryAfterSeconds` carry what the scheduler needs.
 */
export class FeedError extends FactwatchError {
  readonly failure: FetchFailure;
  readonly httpStatus?: number;
  readonly retryAfterSeconds?: number;

  constructor(
    stage: 'fetch' | 'decode' | 'parse',
    failure: FetchFailure,
    message: string,
    details: { httpStatus?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(stage, message, { cause: details.cause });
    this.name = 'FeedError';
    this.failure = failure;
    this.httpStatus = details.httpStatus;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** What a file system error code means, in the words a person acts on. */
const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'part of the path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
};

/**
 * Why a file could not be read or written, in words, the code after them ("no such file or folder, ENOENT").
 *
 * @example
 * fileProblem(Object.assign(new Error(), { code: 'EISDIR' })); // 'is a folder, not a file, EISDIR'
 */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return 'error';
  return FILE_PROBLEMS[code] ? `${FILE_PROBLEMS[code]}, ${code}` : code;
}
