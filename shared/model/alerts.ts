import type { StoredFinding } from './findings.ts';
import type { Severity, Value } from './values.ts';

/** One alert per (fact, observed value); later sources only raise its corroboration count. */
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
  status: 'pending' | 'sent' | 'suppressed';
  /** The SMS leg: held in quiet hours, skipped past the monthly cap or below high severity. */
  sms?: 'none' | 'held' | 'sent' | 'skipped';
  smsDueAt?: string;
  /** Whoever holds an unexpired lease is the one publisher. */
  leaseUntil?: string;
  createdAt: string;
  sentAt?: string;
  messageId?: string;
  /** Every source that reported this change, the first one included. */
  sources: string[];
  corroborations: number;
  /** The finding that raised the alert, as it was: the message is rendered from it. */
  finding?: StoredFinding;
}
