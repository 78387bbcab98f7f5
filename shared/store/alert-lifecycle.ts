import type { AlertStatus, SmsState } from '../model/alerts.ts';

/** A state of the alert record: its status, or its SMS leg's state. */
export type AlertState = { status: AlertStatus } | { sms: SmsState };

/** One write of the alert lifecycle: the states it moves between and the condition DynamoDB checks. */
export interface AlertWrite {
  /** The states it may start from; empty: the record does not exist yet. */
  from: AlertState[];
  /** The states it leads to; the same as `from` when it moves no state (a lease, a source). */
  to: AlertState[];
  /** The ConditionExpression every such write carries; undefined: none (it runs under a lease). */
  condition?: string;
  /** Why the condition is what makes it safe. */
  why: string;
}

const pending: AlertState = { status: 'pending' };
const held: AlertState = { sms: 'held' };
const unleased = '(attribute_not_exists(leaseUntil) OR leaseUntil < :now)';

/**
 * The alert lifecycle as a table: every write shared/store/alerts.ts makes to an alert
 * record, from which states to which, under which condition. The store takes each
 * ConditionExpression from here, so this table is what runs (docs/architecture.md).
 */
export const ALERT_WRITES = {
  create: {
    from: [],
    to: [pending],
    condition: 'attribute_not_exists(pk)',
    why: 'one alert per (fact, observed value): a second source finds it there',
  },
  corroborate: {
    from: [pending, { status: 'sent' }, { status: 'suppressed' }],
    to: [pending, { status: 'sent' }, { status: 'suppressed' }],
    condition: 'attribute_exists(pk) AND NOT contains(sources, :name) AND size(sources) < :max',
    why: 'a source counts once, however often its item is redelivered; the list stays bounded',
  },
  claim: {
    from: [pending],
    to: [pending],
    condition: `#status = :pending AND ${unleased}`,
    why: 'one publisher at a time: a retry and a redelivery cannot both publish',
  },
  markSent: {
    from: [pending],
    to: [
      { status: 'sent' },
      { sms: 'none' },
      held,
      { sms: 'sent' },
      { sms: 'skipped' },
      { sms: 'cooldown' },
      { sms: 'denied' },
    ],
    condition: '#status = :pending',
    why: 'sent once, with the fact cooldown in the same transaction',
  },
  claimSms: {
    from: [held],
    to: [held],
    condition: `sms = :held AND ${unleased}`,
    why: 'one sender for a held SMS when quiet hours end',
  },
  settleSms: {
    from: [held],
    to: [{ sms: 'sent' }, { sms: 'skipped' }, { sms: 'denied' }],
    why: 'written only by the holder of the SMS lease',
  },
  release: {
    from: [pending, held],
    to: [pending, held],
    why: 'gives up a lease after a failed publish, so the next run tries at once',
  },
} as const satisfies Record<string, AlertWrite>;
