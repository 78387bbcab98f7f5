import * as z from 'zod';
import { SeveritySchema } from './values.ts';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

/** How alerts behave: thresholds, cooldown, quiet hours, the SMS cap, the digest. */
export const AlertConfigSchema = z.strictObject({
  /** changed/new findings of at least this severity alert; the rest go to the digest. */
  minSeverity: SeveritySchema.default('medium'),
  /** Hedged findings ("reportedly") alert too unless their confidence is below this. */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /**
   * An alert wakes someone by SMS only when its finding is at least this sure; a less
   * sure one (reported and carried over from a headline, or read far from its verb)
   * goes by email only. Plain statements are 1, "reportedly" 0.8, a headline's
   * subject carried into the body 0.8, both 0.64.
   */
  smsMinConfidence: z.number().min(0).max(1).default(0.75),
  /**
   * Old news never pages anyone: a change from an item published more than this many
   * hours before factwatch saw it goes to the digest only (null: no limit).
   */
  maxAlertAgeHours: z.number().int().min(1).max(8_760).nullable().default(48),
  /** What a feed already holds when it is first read goes to the digest only (false: it alerts). */
  quietFirstRead: z.boolean().default(true),
  /** After an alert about a fact, further alerts about it within this window go to the digest. */
  cooldownMinutes: z.number().int().min(0).max(10_080).default(360),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').default('UTC'),
  /** SMS falling due inside quiet hours are held and sent when they end; null: no quiet hours. */
  quietHours: z
    .strictObject({ start: ClockTime, end: ClockTime })
    .nullable()
    .default({ start: '22:00', end: '07:00' }),
  smsMonthlyCap: z.number().int().min(0).max(10_000).default(20),
  /** Local time of the daily digest. */
  digestTime: ClockTime.default('08:00'),
});
export type AlertConfig = z.infer<typeof AlertConfigSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
