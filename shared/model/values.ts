import * as z from 'zod';

/**
 * The value kinds of docs/contracts.md (observed and baseline values alike) and
 * severities. Types are inferred from the schemas so the two never drift apart.
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
