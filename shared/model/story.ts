import * as z from 'zod';
import { SeveritySchema, VALUE_KINDS, type ValueKind, ValueSchema } from './values.ts';

/** A story as its owner writes it: the baseline fact sheet and the feeds file. */

const FactIdSchema = z
  .string()
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, 'must look like "topic.name" (lower case)');

/** One baseline fact. `value` is null when the article states none yet (e.g. volume production dates). */
export const FactSchema = z.strictObject({
  id: FactIdSchema,
  topic: z.string().min(1),
  /** Short English label; SMS uses it because SMS carries no CJK. */
  label: z.string().min(1).max(40),
  claim: z.string().min(1),
  /** The kind of value observations of this fact carry (equals value.kind when value is set). */
  kind: z.enum(VALUE_KINDS as [ValueKind, ...ValueKind[]]),
  value: ValueSchema.nullable(),
  qualifier: z.string().optional(),
  severity: SeveritySchema,
});
export type Fact = z.infer<typeof FactSchema>;

/** A story's baseline fact sheet. Fact ids must be unique. */
export const BaselineFileSchema = z
  .strictObject({
    story: z.string().min(1),
    title: z.string().min(1),
    source: z.string().optional(),
    /** The day the sheet's claims are as of (`YYYY-MM-DD`): version 1 of every fact dates from it. */
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
      .optional(),
    facts: z.array(FactSchema).min(1),
  })
  .superRefine((sheet, ctx) => {
    const seen = new Set<string>();
    sheet.facts.forEach((fact, index) => {
      if (seen.has(fact.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['facts', index, 'id'],
          message: `duplicate fact id "${fact.id}"`,
        });
      }
      seen.add(fact.id);
      if (fact.value && fact.value.kind !== fact.kind) {
        ctx.addIssue({
          code: 'custom',
          path: ['facts', index, 'value', 'kind'],
          message: `value kind "${fact.value.kind}" differs from the fact's kind "${fact.kind}"`,
        });
      }
    });
  });
export type BaselineFile = z.infer<typeof BaselineFileSchema>;

/** One feed of the feeds file (docs/contracts.md: `{"id","url","topics"?,"language"?,"intervalMinutes"?}`). */
export const FeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"'),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
    .max(2048, 'must be at most 2048 characters'),
  topics: z.array(z.string().min(1)).optional(),
  language: z
    .string()
    // BCP 47 tags are case-insensitive: "EN" is "en".
    .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, 'must be a language tag such as "en", "zh" or "zh-TW"')
    .optional(),
  intervalMinutes: z.number().int().min(5).max(10080).optional(),
  title: z.string().optional(),
});
export type FeedConfig = z.infer<typeof FeedSchema>;

/**
 * The feeds file: a JSON array of at least one feed, with unique ids. An empty file would
 * retire every feed on the next run or deploy and stop every alert without an error, so
 * it is refused: a tracker is silenced on purpose (stop scheduling it), never by a slip.
 */
export const FeedsFileSchema = z
  .array(FeedSchema)
  .min(
    1,
    'lists no feed: factwatch would retire every feed and poll nothing. List at least one { "id", "url" }',
  )
  .superRefine((feeds, ctx) => {
    const seen = new Set<string>();
    feeds.forEach((feed, index) => {
      if (seen.has(feed.id))
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate feed id "${feed.id}"` });
      seen.add(feed.id);
    });
  });
