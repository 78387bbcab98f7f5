/**
 * Lambda event filter patterns for the table's stream, defined once: the CDK stack
 * attaches them to the event source mappings, and the local runner applies the same
 * patterns with `matchesFilter` before invoking the same handlers.
 */
export const STREAM_FILTERS = {
  /** Item inserts and edits: every write of an item's HEAD is a new version. */
  analyze: [
    {
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: { NewImage: { sk: { S: ['HEAD'] }, pk: { S: [{ prefix: 'ITEM#' }] } } },
    },
  ],
  /**
   * New findings with status changed|new (alerts) or confirmed (a follow-up to an alert the news since said
   * otherwise about), and feeds whose health just changed.
   */
  notify: [
    {
      eventName: ['INSERT'],
      dynamodb: { NewImage: { type: { S: ['finding'] }, status: { S: ['changed', 'new', 'confirmed'] } } },
    },
    {
      eventName: ['MODIFY'],
      dynamodb: {
        NewImage: { pk: { S: [{ prefix: 'FEED#' }] }, healthEvent: { S: ['unhealthy', 'recovered'] } },
      },
    },
  ],
} as const;

type Pattern = Record<string, unknown>;

/**
 * True when a stream record matches a Lambda filter pattern: the subset used here —
 * nested objects, lists of allowed values, `{ prefix }` and `{ exists }`.
 *
 * @example
 * matchesFilter(STREAM_FILTERS.analyze[0], record); // true for an item HEAD insert
 */
export function matchesFilter(pattern: Pattern, value: unknown): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const actual = (value as Record<string, unknown> | undefined)?.[key];
    if (Array.isArray(rule)) return rule.some((allowed) => matchesValue(allowed, actual));
    return typeof rule === 'object' && rule !== null && matchesFilter(rule as Pattern, actual);
  });
}

function matchesValue(allowed: unknown, actual: unknown): boolean {
  if (typeof allowed !== 'object' || allowed === null) return actual === allowed;
  const rule = allowed as { prefix?: string; exists?: boolean };
  if (rule.exists !== undefined) return (actual !== undefined) === rule.exists;
  if (rule.prefix !== undefined) return typeof actual === 'string' && actual.startsWith(rule.prefix);
  return false;
}

/** True when a record matches any of the patterns (Lambda ORs the filters of one source). */
export function matchesAnyFilter(patterns: readonly Pattern[], record: unknown): boolean {
  return patterns.some((pattern) => matchesFilter(pattern, record));
}
