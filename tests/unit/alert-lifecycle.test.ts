import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_STATUSES, SMS_STATES } from '../../shared/model/alerts.ts';
import { ALERT_WRITES, type AlertState, type AlertWrite } from '../../shared/store/alert-lifecycle.ts';

const writes = Object.entries(ALERT_WRITES) as Array<[string, AlertWrite]>;
const key = (state: AlertState) => ('status' in state ? `status:${state.status}` : `sms:${state.sms}`);

describe('the alert lifecycle table', () => {
  it('creates alerts only as pending, and reaches every status and SMS state (but the one no release writes now)', () => {
    const created = writes.filter(([, write]) => write.from.length === 0);
    const reached = new Set(writes.flatMap(([, write]) => write.to.map(key)));

    expect(created.map(([name]) => name)).toEqual(['create']);
    expect(created[0]![1].to.map(key)).toEqual(['status:pending']);
    // `suppressed`: earlier releases held a whole alert back by the cooldown; it is read, never written now.
    for (const status of ALERT_STATUSES.filter((status) => status !== 'suppressed'))
      expect(reached).toContain(`status:${status}`);
    for (const sms of SMS_STATES) expect(reached).toContain(`sms:${sms}`);
  });

  it('never moves a sent or suppressed alert to another status', () => {
    for (const [name, write] of writes) {
      const fromFinal = write.from.filter((state) => 'status' in state && state.status !== 'pending');
      const statusesAfter = write.to.filter((state) => 'status' in state).map(key);
      for (const state of fromFinal) expect(statusesAfter, name).toContain(key(state));
    }
  });

  it('guards every write that moves the status with a condition on the status it starts from', () => {
    for (const [name, write] of writes) {
      const movesStatus = write.to.some(
        (state) => 'status' in state && !write.from.map(key).includes(key(state)),
      );
      if (movesStatus && write.from.length) expect(write.condition, name).toMatch(/#status = :pending/);
    }
  });

  it('is what the store runs: alerts.ts writes no status condition of its own', () => {
    const source = readFileSync(join(import.meta.dirname, '../../shared/store/alerts.ts'), 'utf8');

    expect(source).not.toMatch(/ConditionExpression: ['`"][^'`"]*(#status|sms = )/);
    for (const name of ['create', 'corroborate', 'claim', 'claimSms', 'markSent'])
      expect(source).toContain(`ALERT_WRITES.${name}`);
  });
});
