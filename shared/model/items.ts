import * as z from 'zod';
import type { SameKeys } from './same-keys.ts';

/**
 * One input line of `factwatch analyze` (docs/contracts.md). Unknown fields are allowed and
 * ignored, so feed output and labelled sets can be piped in as they are.
 */
export const AnalyzeItemSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  summary: z.string().optional(),
  content: z.string().optional(),
  link: z.string().optional(),
  published: z.string().optional(),
  source: z.string().optional(),
});
export type AnalyzeItemInput = z.infer<typeof AnalyzeItemSchema>;

/** A normalised feed item as the store keeps it. `key` is the stable dedupe key (sha256). */
export interface StoredItem {
  key: string;
  feedId: string;
  title: string;
  summary?: string;
  content?: string;
  link?: string;
  guid?: string;
  source?: string;
  /** ISO publish time (the fetch time when the feed gave none). */
  published: string;
  /** Hash of title + summary + content: a different hash under the same key is a publisher's edit. */
  contentHash: string;
  /** Items from different feeds that tell the same story share this id. */
  storyId?: string;
  language?: string;
  topics?: string[];
  categories?: string[];
  /**
   * The feed already held this item when factwatch first read the feed: old news to
   * factwatch, stored and analysed, but it never pages anyone.
   */
  backfill?: boolean;
  /** SEC EDGAR filings: accession number and form type (8-K, 10-Q …). */
  accessionNumber?: string;
  formType?: string;
}

/** The HEAD record: the item's latest version, plus what the edit replaced. */
export interface ItemHead extends StoredItem {
  version: number;
  firstSeenAt: string;
  /** When this version was first seen: findings are timed by it, so re-analysis is idempotent. */
  seenAt: string;
  previousTitle?: string;
  previousSummary?: string;
}

/**
 * The HEAD record as it arrives on the table's stream (analyze's event): validated at
 * the edge, the table's own key attributes dropped.
 */
export const ItemHeadSchema = z.object({
  key: z.string().min(1),
  feedId: z.string().min(1),
  title: z.string(),
  summary: z.string().optional(),
  content: z.string().optional(),
  link: z.string().optional(),
  guid: z.string().optional(),
  source: z.string().optional(),
  published: z.string(),
  contentHash: z.string(),
  storyId: z.string().optional(),
  language: z.string().optional(),
  topics: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  backfill: z.boolean().optional(),
  accessionNumber: z.string().optional(),
  formType: z.string().optional(),
  version: z.number().int().min(1),
  firstSeenAt: z.string(),
  seenAt: z.string(),
  previousTitle: z.string().optional(),
  previousSummary: z.string().optional(),
}) satisfies z.ZodType<ItemHead>;
const completeItemHead: SameKeys<ItemHead, z.infer<typeof ItemHeadSchema>> = true;
void completeItemHead;

/** A kept version of an item: the head as it was, until DynamoDB's TTL (`expiresAt`, epoch seconds) removes it. */
export const ItemVersionSchema = ItemHeadSchema.extend({ expiresAt: z.number().int() });
export type ItemVersion = z.infer<typeof ItemVersionSchema>;
