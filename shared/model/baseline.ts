import type { Fact } from './story.ts';
import type { Value } from './values.ts';

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
