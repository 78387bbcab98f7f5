import type { AlertConfig } from '../model/alert-config.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const [hour, minute] = format.format(at).split(':').map(Number);
  return hour! * 60 + minute!;
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** True when `at` falls inside the quiet hours (which may wrap past midnight). */
export function inQuietHours(at: Date, config: Pick<AlertConfig, 'quietHours' | 'timeZone'>): boolean {
  if (!config.quietHours) return false;
  const now = localMinutes(at, config.timeZone);
  const start = toMinutes(config.quietHours.start);
  const end = toMinutes(config.quietHours.end);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When an SMS may go out: now, or when the quiet hours end (time-zone aware,
 * daylight-saving changes included, because it steps through real instants).
 *
 * @example
 * smsDueAt(new Date('2025-08-01T23:30:00Z'), { quietHours: { start: '22:00', end: '07:00' }, timeZone: 'UTC' }); // 2025-08-02T07:00Z
 */
export function smsDueAt(now: Date, config: Pick<AlertConfig, 'quietHours' | 'timeZone'>): Date {
  if (!inQuietHours(now, config)) return now;
  let at = new Date(Math.ceil(now.getTime() / 60_000) * 60_000);
  for (let step = 0; step < 48 * 60 && inQuietHours(at, config); step++) at = new Date(at.getTime() + 60_000);
  return at;
}
