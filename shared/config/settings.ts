import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { ConfigError } from '../errors.ts';
import { AlertConfigSchema } from '../model/alert-config.ts';
import type { BaselineFile, FeedConfig } from '../model/story.ts';
import { DEFAULT_BASELINE_FILE, loadFeedsFile } from './load.ts';
import { SHIPPED_STORY } from './story.ts';
import { checkFeedTopics, loadStorySheet } from './story-sheet.ts';

/**
 * The owner's settings: one set of keys, read by `cdk synth/deploy` from the CDK
 * context (`cdk.json` "context", or `-c key=value`) and by the local commands from the
 * same `cdk.json`, so a local run and the deployed stack behave alike.
 */
export const SETTING_KEYS = [
  'alertEmails',
  'alertPhones',
  'schedule',
  'digestTime',
  'timeZone',
  'quietHours',
  'smsMonthlyCap',
  'smsMinConfidence',
  'maxAlertAgeHours',
  'feedsFile',
  'baselineFile',
  'contact',
  'reportLinkVersion',
] as const;

/**
 * An EventBridge Scheduler expression that deploy would accept: `rate(1 minute)`,
 * `rate(5 minutes)`, `rate(2 days)` (singular unit for 1 only), or a six-field
 * `cron(…)` in which one of day-of-month and day-of-week is `?`.
 */
function isSchedule(expression: string): boolean {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const count = Number(rate[1]);
    return count >= 1 && (count === 1) === !rate[2]!.endsWith('s');
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (!cron) return false;
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== 6) return false;
  const [minute, hour, day, month, weekday, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const plain = /^[\d*,/-]+$/;
  return (
    plain.test(minute) &&
    plain.test(hour) &&
    /^[\d*,/?LW-]+$/.test(day) &&
    /^[\d*,/A-Za-z-]+$/.test(month) &&
    /^[\d*,/?A-Za-z#L-]+$/.test(weekday) &&
    plain.test(year) &&
    (day === '?') !== (weekday === '?')
  );
}

/** A list: a JSON array in cdk.json, or comma-separated on the command line. */
const List = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text.startsWith('[')) return JSON.parse(text);
  return text ? text.split(',').map((entry) => entry.trim()) : [];
}, z.array(z.string()));

/** Each entry once: the stack subscribes each address once, and a second one stopped synth with a stack trace. */
const unique = (what: string) => (list: string[], context: z.core.$RefinementCtx<string[]>) => {
  const seen = new Set<string>();
  const twice = list.find((entry) => seen.size === seen.add(entry.toLowerCase()).size);
  if (twice !== undefined) context.addIssue({ code: 'custom', message: `lists ${what} "${twice}" twice` });
};

/** A number written as one: "", " ", null, true or [] would be read as 0 or 1 by a plain coercion (an SMS cap of 0). */
const NumberText = z.preprocess(
  (value) =>
    typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? value : Number.NaN,
  z.coerce.number({ error: 'must be a number' }),
);

const SettingsSchema = z.strictObject({
  alertEmails: List.pipe(
    z.array(z.email('is not an email address')).superRefine(unique('the email')),
  ).default([]),
  alertPhones: List.pipe(
    z
      .array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, e.g. +15551234567'))
      .superRefine(unique('the phone')),
  ).default([]),
  /** EventBridge Scheduler expression for polling. */
  schedule: z
    .string()
    .refine(
      isSchedule,
      'must be rate(1 minute|hour|day), rate(N minutes|hours|days) with N ≥ 2, or cron(min hour day month weekday year)',
    )
    .default('rate(30 minutes)'),
  digestTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('08:00'),
  timeZone: z.string().default('UTC'),
  /** "22:00-07:00", or "off". */
  quietHours: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM-HH:MM or off')
    .default('22:00-07:00'),
  smsMonthlyCap: NumberText.pipe(z.number().int().min(0).max(10_000)).default(20),
  smsMinConfidence: NumberText.pipe(z.number().min(0).max(1)).default(0.75),
  /** Hours; "off" alerts on news of any age. */
  maxAlertAgeHours: z.union([z.literal('off'), z.coerce.number().int().min(1).max(8_760)]).default(48),
  feedsFile: z.string().optional(),
  /** The owner's own values for the story's facts (same ids and kinds as the shipped sheet). */
  baselineFile: z.string().optional(),
  /** Change it (1 → 2 …) and deploy to replace the report page's private link: the old one stops working. */
  reportLinkVersion: z.coerce.number().int().min(1).default(1),
  /** Who publishers can write to about factwatch's requests: an email or a URL, sent in the User-Agent. */
  contact: z
    .string()
    .trim()
    .regex(/^(?:[^\s@]+@[^\s@]+\.[^\s@]+|https?:\/\/\S+)$/, 'must be an email address or an http(s) URL')
    .optional(),
});

export interface Settings {
  alertEmails: string[];
  alertPhones: string[];
  schedule: string;
  digestTime: string;
  timeZone: string;
  alertConfig: z.infer<typeof AlertConfigSchema>;
  feeds: FeedConfig[];
  /** The fact sheet a new store is seeded from and the store is compared with, and its path. */
  baseline: BaselineFile;
  baselineFile: string;
  reportLinkVersion: number;
  contact?: string;
  /** What synth should say on stderr: settings that deploy fine but leave the owner worse off. */
  warnings: string[];
}

/** Hosts that refuse a client without a contact in its User-Agent. */
const CONTACT_REQUIRED = [/(^|\.)sec\.gov$/i];

function warningsFor(config: Omit<Settings, 'warnings'>): string[] {
  const warnings: string[] = [];
  if (config.alertEmails.length === 0 && config.alertPhones.length === 0)
    warnings.push(
      'no alertEmails or alertPhones: alerts, digests and notices will reach nobody (deploy with -c alertEmails=you@example.org)',
    );
  const needy = config.feeds.filter((feed) =>
    CONTACT_REQUIRED.some((host) => host.test(new URL(feed.url).hostname)),
  );
  if (!config.contact && needy.length)
    warnings.push(
      `no contact: ${needy.map((feed) => feed.id).join(', ')} refuse(s) clients whose User-Agent names no contact (deploy with -c contact=you@example.org)`,
    );
  return warnings;
}

/**
 * Keys the CDK CLI itself writes to cdk.context.json (`cdk acknowledge N` writes the first): not factwatch's
 * settings, and no typo of one.
 */
const CDK_CLI_KEYS: readonly string[] = ['acknowledged-issue-numbers'];

/**
 * Reads and validates the stack's context once. A wrong key or value is one
 * ConfigError line that names it.
 *
 * @example
 * const config = readSettings({ alertEmails: 'a@x.org,b@y.org', smsMonthlyCap: '10' });
 */
export function readSettings(context: Record<string, unknown>): Settings {
  const ours = Object.fromEntries(
    Object.entries(context).filter(
      ([key]) => !key.includes(':') && !key.startsWith('@') && !CDK_CLI_KEYS.includes(key),
    ),
  );
  const unknown = Object.keys(ours).filter((key) => !(SETTING_KEYS as readonly string[]).includes(key));
  if (unknown.length)
    throw new ConfigError(
      `context key "${unknown[0]}" is not one factwatch knows (${SETTING_KEYS.join(', ')})`,
    );
  let parsed: z.infer<typeof SettingsSchema>;
  try {
    const result = SettingsSchema.safeParse(ours);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new ConfigError(`context "${issue.path.join('.')}": ${issue.message}`);
    }
    parsed = result.data;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`context: ${(error as Error).message}`);
  }
  const [start, end] = parsed.quietHours === 'off' ? [] : parsed.quietHours.split('-');
  const alertConfig = AlertConfigSchema.safeParse({
    timeZone: parsed.timeZone,
    digestTime: parsed.digestTime,
    smsMonthlyCap: parsed.smsMonthlyCap,
    smsMinConfidence: parsed.smsMinConfidence,
    maxAlertAgeHours: parsed.maxAlertAgeHours === 'off' ? null : parsed.maxAlertAgeHours,
    quietHours: start && end ? { start, end } : null,
  });
  if (!alertConfig.success)
    throw new ConfigError(
      `context "${alertConfig.error.issues[0]!.path.join('.')}": ${alertConfig.error.issues[0]!.message}`,
    );
  const baseline = parsed.baselineFile ? loadStorySheet(parsed.baselineFile) : SHIPPED_STORY.baseline;
  const config = {
    alertEmails: parsed.alertEmails,
    alertPhones: parsed.alertPhones,
    schedule: parsed.schedule,
    digestTime: parsed.digestTime,
    timeZone: parsed.timeZone,
    alertConfig: alertConfig.data,
    feeds: parsed.feedsFile
      ? checkFeedTopics(loadFeedsFile(parsed.feedsFile), baseline, parsed.feedsFile)
      : SHIPPED_STORY.feeds,
    baseline,
    baselineFile: parsed.baselineFile ?? DEFAULT_BASELINE_FILE,
    reportLinkVersion: parsed.reportLinkVersion,
    ...(parsed.contact ? { contact: parsed.contact } : {}),
  };
  return { ...config, warnings: warningsFor(config) };
}

/**
 * The settings in `<folder>/cdk.json` ("context"), for the local commands; none
 * there, the defaults. A wrong value is one ConfigError line naming the file and key.
 *
 * @example
 * const settings = projectSettings(process.cwd());
 */
export function projectSettings(folder: string): Settings {
  const path = join(folder, 'cdk.json');
  if (!existsSync(path)) return readSettings({});
  let context: Record<string, unknown>;
  try {
    context = (JSON.parse(readFileSync(path, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
  } catch (error) {
    throw new ConfigError(`cdk.json: not valid JSON (${(error as Error).message})`);
  }
  try {
    return readSettings(context);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new ConfigError(`cdk.json: ${error.message.replace(/^config: /, '')}`);
    throw error;
  }
}
