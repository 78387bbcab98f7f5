import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod';
import { ConfigError, fileProblem } from '../errors.ts';
import { type BaselineFile, BaselineFileSchema, type FeedConfig, FeedsFileSchema } from '../model/story.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The story factwatch ships: the Tesla–Samsung AI6 foundry deal. */
export const DEFAULT_STORY_DIR = join(here, 'stories', 'tesla-samsung');
export const DEFAULT_BASELINE_FILE = join(DEFAULT_STORY_DIR, 'baseline.json');
export const DEFAULT_FEEDS_FILE = join(DEFAULT_STORY_DIR, 'feeds.json');

/**
 * Reads and validates the baseline fact sheet.
 *
 * @example
 * const sheet = loadBaselineFile(DEFAULT_BASELINE_FILE);
 * sheet.facts.find((fact) => fact.id === 'deal.value')?.value; // { kind: 'money', amount: 16500000000, currency: 'USD' }
 */
export function loadBaselineFile(path: string = DEFAULT_BASELINE_FILE): BaselineFile {
  return parseWithSchema(BaselineFileSchema, readJsonFile(path), path, (root, index) => {
    const fact = (root as { facts?: Array<{ id?: unknown }> }).facts?.[index];
    return typeof fact?.id === 'string' ? `fact ${index + 1} ("${fact.id}")` : `fact ${index + 1}`;
  });
}

/**
 * Reads and validates a feeds file (a JSON array of feeds).
 *
 * @example
 * loadFeedsFile('my-feeds.json'); // [{ id: 'electrek-tesla', url: 'https://electrek.co/guides/tesla/feed/', … }]
 */
export function loadFeedsFile(path: string = DEFAULT_FEEDS_FILE): FeedConfig[] {
  return parseWithSchema(FeedsFileSchema, readJsonFile(path), path, (root, index) => {
    const feed = (root as Array<{ id?: unknown }>)[index];
    return typeof feed?.id === 'string' ? `entry ${index + 1} ("${feed.id}")` : `entry ${index + 1}`;
  });
}

/** Text without the byte-order mark an editor may put at its start. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a JSON file, turning a missing file or bad JSON into one ConfigError line. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${displayPath(path)}: cannot read file (${fileProblem(error)})`, { cause: error });
  }
  try {
    // A file saved by a Windows editor starts with a BOM, which JSON.parse refuses.
    return JSON.parse(withoutBom(text));
  } catch (error) {
    throw new ConfigError(`${displayPath(path)}: not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/**
 * Validates `data` and reports its problems on one line, `file: entry: field "a.b": message`, the
 * first four of them joined by "; " (a new fact sheet missing three fields says so at once, not
 * one round at a time). `describeEntry` names the list entry an issue sits in (the first numeric
 * path segment).
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  path: string,
  describeEntry?: (root: unknown, index: number) => string,
): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { issues } = result.error;
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => describeIssue(issue, data, describeEntry));
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (+${issues.length - MAX_ISSUES_SHOWN} more)` : '';
  throw new ConfigError(`${displayPath(path)}: ${shown.join('; ')}${more}`);
}

const MAX_ISSUES_SHOWN = 4;

function describeIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  describeEntry?: (root: unknown, index: number) => string,
): string {
  const parts: string[] = [];
  const fieldPath = [...issue.path];
  const entryAt = describeEntry ? fieldPath.findIndex((segment) => typeof segment === 'number') : -1;
  if (describeEntry && entryAt >= 0) {
    parts.push(describeEntry(data, fieldPath[entryAt] as number));
    fieldPath.splice(0, entryAt + 1);
  }
  if (fieldPath.length > 0) parts.push(`field "${fieldPath.map(String).join('.')}"`);
  return [...parts, issue.message].join(': ');
}

/** A path relative to the working directory when that is shorter, for one-line messages. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}
