import * as z from 'zod';
import type { SameKeys } from './same-keys.ts';
import { type Fact, FactSchema } from './story.ts';
import { type Value, ValueSchema } from './values.ts';

/** One version of a fact's baseline. Versions are only ever added, never replaced. */
export interface BaselineVersion extends Omit<Fact, 'value'> {
  value: Value | null;
  version: number;
  acceptedAt: string;
  acceptedBy: string;
  reason: string;
  origin: 'seed' | 'accept';
  /** For a seeded version: the day the fact sheet's claims are as of (`YYYY-MM-DD`). */
  asOf?: string;
  /** The finding whose observed value was accepted, when there was one. */
  findingId?: string;
}

/** A baseline version as the store keeps it, checked on every read. */
export const BaselineVersionSchema = z.object({
  ...FactSchema.shape,
  value: ValueSchema.nullable(),
  version: z.number().int().min(1),
  acceptedAt: z.string(),
  acceptedBy: z.string(),
  reason: z.string(),
  origin: z.enum(['seed', 'accept']),
  asOf: z.string().optional(),
  findingId: z.string().optional(),
}) satisfies z.ZodType<BaselineVersion>;
const baselineComplete: SameKeys<BaselineVersion, z.infer<typeof BaselineVersionSchema>> = true;
void baselineComplete;
