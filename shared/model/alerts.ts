import * as z from 'zod';
import { type StoredFinding, StoredFindingSchema } from './findings.ts';
import type { SameKeys } from './same-keys.ts';
import { type Severity, SeveritySchema, type Value, ValueSchema } from './values.ts';

/**
 * Where an alert is: pending until SNS accepted it, then sent. `suppressed` is what earlier releases wrote when
 * the fact's cooldown held a whole alert back (digest only); a cooldown now holds back only the SMS.
 */
export const ALERT_STATUSES = ['pending', 'sent', 'suppressed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * Its SMS leg: none (email only), held for quiet hours, then sent or skipped (cap, confidence), held back by
 * the fact's cooldown (another value of a fact that alerted within it goes by email only), or denied: news as sure
 * as smsMinConfidence said otherwise before it went out (a denial in the same poll, or while it was held).
 */
export const SMS_STATES = ['none', 'held', 'sent', 'skipped', 'cooldown', 'denied'] as const;
export type SmsState = (typeof SMS_STATES)[number];

/** One alert per (fact, observed value) and episode; later sources only raise its corroboration count. */
export interface AlertRecord {
  alertId: string;
  factId: string;
  observed: Value | null;
  severity: Severity;
  topic: string;
  findingId: string;
  /**
   * pending until SNS accepted it (the record is written before publishing: an
   * exactly-once effect); suppressed when the fact's cooldown held it back.
   */
  status: AlertStatus;
  /** The SMS leg: held in quiet hours, skipped past the monthly cap or below high severity. */
  sms?: SmsState;
  smsDueAt?: string;
  /** Whoever holds an unexpired lease is the one publisher. */
  leaseUntil?: string;
  /** Publishes that failed, and the last one's error: past MAX_PUBLISH_ATTEMPTS, housekeeping gives it up. */
  failedAttempts?: number;
  lastFailure?: string;
  createdAt: string;
  sentAt?: string;
  messageId?: string;
  /** Every source that reported this change, the first one included. */
  sources: string[];
  corroborations: number;
  /** The finding that raised the alert, as it was: the message is rendered from it. */
  finding?: StoredFinding;
}

/** An alert record as the store keeps it, checked on every read. */
export const AlertRecordSchema = z.object({
  alertId: z.string().min(1),
  factId: z.string().min(1),
  observed: ValueSchema.nullable(),
  severity: SeveritySchema,
  topic: z.string(),
  findingId: z.string(),
  status: z.enum(ALERT_STATUSES),
  sms: z.enum(SMS_STATES).optional(),
  smsDueAt: z.string().optional(),
  leaseUntil: z.string().optional(),
  failedAttempts: z.number().int().min(0).optional(),
  lastFailure: z.string().optional(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  messageId: z.string().optional(),
  sources: z.array(z.string()),
  corroborations: z.number().int().min(0),
  finding: StoredFindingSchema.optional(),
}) satisfies z.ZodType<AlertRecord>;
const alertComplete: SameKeys<AlertRecord, z.infer<typeof AlertRecordSchema>> = true;
void alertComplete;
