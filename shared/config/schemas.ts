import { z } from 'zod';

/**
 * zod schemas for everything factwatch reads from a file or an event: the
 * value kinds of docs/contracts.md, the baseline fact sheet and the feeds file.
 * Types are inferred from the schemas so the two never drift apart.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const STATUS_VOCABULARY = [
  'active',
  'planned',
  'delayed',
  'cancelled',
  'ended',
  'restarted',
  'completed',
  'released',
] as const;

/** One observed or baseline value, in the shapes fixed by docs/contracts.md. */
/** "at least $16.5B", "up to 20": an observed value may be a bound rather than a point. */
const bound = z.enum(['atLeast', 'atMost']).optional();

export const ValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('money'),
    amount: finite,
    currency: z.string().regex(/^[A-Z]{3}$/),
    bound,
  }),
  z.strictObject({ kind: z.literal('percent'), value: finite, bound }),
  z.strictObject({
    kind: z.literal('year'),
    value: z.number().int().min(1900).max(2200),
    month: z.number().int().min(1).max(12).optional(),
    bound,
  }),
  z.strictObject({ kind: z.literal('count'), value: finite, bound }),
  z.strictObject({ kind: z.literal('quantity'), value: finite, unit: z.string().min(1) }),
  z.strictObject({ kind: z.literal('ratio'), value: finite }),
  z.strictObject({ kind: z.literal('node'), value: finite }),
  z.strictObject({ kind: z.literal('entities'), values: z.array(z.string().min(1)).min(1) }),
  z.strictObject({
    kind: z.literal('status'),
    value: z.enum(STATUS_VOCABULARY),
    /** When the status took effect, `YYYY-MM` or `YYYY-MM-DD`, if known. */
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .optional(),
  }),
  z.strictObject({ kind: z.literal('place'), value: z.string().min(1) }),
]);
export type Value = z.infer<typeof ValueSchema>;
export type ValueKind = Value['kind'];
export const VALUE_KINDS = ValueSchema.options.map((option) => option.shape.kind.value);

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

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
  language: z.string().min(2).max(16).optional(),
  intervalMinutes: z.number().int().min(5).max(10080).optional(),
  title: z.string().optional(),
});
export type FeedConfig = z.infer<typeof FeedSchema>;

/** The feeds file: a JSON array of feeds with unique ids. */
export const FeedsFileSchema = z.array(FeedSchema).superRefine((feeds, ctx) => {
  const seen = new Set<string>();
  feeds.forEach((feed, index) => {
    if (seen.has(feed.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate feed id "${feed.id}"` });
    seen.add(feed.id);
  });
});
