import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { SameKeys } from './same-keys.ts';
import { type Severity, SeveritySchema, type Value, ValueSchema } from './values.ts';

export const FINDING_STATUSES = ['confirmed', 'changed', 'new', 'mentioned'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** One item's statement about one baseline fact: the `analyze` contract of docs/contracts.md. */
export interface Finding {
  itemId: string;
  factId: string;
  status: FindingStatus;
  observed: Value | null;
  baseline: Value | null;
  evidence: string;
  severity: Severity;
}

/** A finding as stored: the contract plus where and when it was seen. */
export interface StoredFinding extends Finding {
  findingId: string;
  topic: string;
  /** When the item version was first seen; deterministic, so re-analysing writes the same record. */
  observedAt: string;
  itemVersion: number;
  link?: string;
  source?: string;
  published?: string;
  /** The baseline version the finding was diffed against. */
  baselineVersion?: number;
  confidence?: number;
  /** From an item the feed held when first read (see StoredItem.backfill): digest only. */
  backfill?: boolean;
}

/**
 * When the news a finding comes from was published — or, for an item with no date, when it was seen: the time
 * `--published-since`, the report's order and its "latest" go by (a backlog is seen at once, published over weeks).
 */
export function newsTimeOf(finding: Pick<StoredFinding, 'published' | 'observedAt'>): string {
  return finding.published ?? finding.observedAt;
}

/** A short stable id for a finding, used by `factwatch accept --finding`. */
export function findingIdOf(factId: string, itemId: string, itemVersion: number): string {
  return createHash('sha256').update(`${factId}\n${itemId}\n${itemVersion}`).digest('hex').slice(0, 16);
}

/** A stored finding as it arrives on the table's stream (notify's event), validated at the edge. */
export const StoredFindingSchema = z.object({
  itemId: z.string().min(1),
  factId: z.string().min(1),
  status: z.enum(FINDING_STATUSES),
  observed: ValueSchema.nullable(),
  baseline: ValueSchema.nullable(),
  evidence: z.string(),
  severity: SeveritySchema,
  findingId: z.string().min(1),
  topic: z.string(),
  observedAt: z.string(),
  itemVersion: z.number().int().min(1),
  link: z.string().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
  baselineVersion: z.number().int().optional(),
  confidence: z.number().optional(),
  backfill: z.boolean().optional(),
}) satisfies z.ZodType<StoredFinding>;
const completeStoredFinding: SameKeys<StoredFinding, z.infer<typeof StoredFindingSchema>> = true;
void completeStoredFinding;
