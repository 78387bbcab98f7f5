/**
 * How messages reach subscribers: SNS MessageAttributes on every publish, and the
 * subscription filter policies that route on them. The CDK stack and the tests use
 * these exact policies.
 *
 * - `kind`: alert | digest | ops
 * - `severity`, `topic`, `factId`: of the fact (ops and digests: `none`)
 * - `email`: send | skip — skip for an SMS released after quiet hours (the email went already)
 * - `sms`: send | hold | skip — hold during quiet hours, skip past the monthly cap
 */
export const FILTER_POLICIES = {
  email: { kind: ['alert', 'digest', 'ops'], email: ['send'] },
  sms: { kind: ['alert'], severity: ['high'], sms: ['send'] },
} as const;

export type MessageKind = 'alert' | 'digest' | 'ops';

export interface Routing {
  kind: MessageKind;
  severity: string;
  topic: string;
  factId: string;
  email: 'send' | 'skip';
  sms: 'send' | 'hold' | 'skip';
  /** Set on a follow-up to an alert already sent (news since said otherwise): an alert's email, not a new alert. */
  followUp?: 'yes';
}

/** SNS MessageAttributes for a routing. */
export function messageAttributes(routing: Routing) {
  return Object.fromEntries(
    Object.entries(routing).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
  ) as Record<keyof Routing, { DataType: 'String'; StringValue: string }>;
}
