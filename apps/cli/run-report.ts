import { join } from 'node:path';
import type { AlertConfig } from '../../shared/model/alert-config.ts';
import type { FeedState } from '../../shared/model/feeds.ts';
import { type CycleSummary, type Delivery, MAX_RECORD_RUNS } from '../local/pipeline.ts';
import type { CliIO } from './command.ts';

/** What `run` says after a cycle, besides the deliveries themselves. */
export interface RunFacts {
  summary: CycleSummary;
  /** Every registered feed after the cycle, to explain why none was due. */
  feeds: FeedState[];
  demo: boolean;
  all: boolean;
  /** When SMS held by quiet hours go out, as the owner reads it ("07:00 UTC"); undefined outside quiet hours. */
  smsReleaseAt?: string;
  now: Date;
  /** Changes of this run that went to the digest only because they were old news. */
  oldNews?: number;
  maxAlertAgeHours?: number | null;
  /** SMS held by quiet hours in the store after the run, this run's and earlier runs'. */
  heldSmsInStore?: number;
  /** Changes of this run whose SMS the fact's cooldown held back (email only), as "fact value". */
  heldByCooldown?: string[];
  cooldownMinutes?: number;
  /** The options naming this run's store in a command to copy ('' for the default store). */
  storeOption?: string;
  /** The options another `run` needs to poll the same store and feeds ('' for the defaults). */
  rerunOptions?: string;
}

const clock = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const rerun = (facts: RunFacts) => (facts.rerunOptions ? ` ${facts.rerunOptions}` : '');

/**
 * Prints each delivery as the email or SMS subscriber received it.
 *
 * @example
 * printDeliveries(summary.deliveries, io);
 */
export function printDeliveries(deliveries: Delivery[], io: CliIO): void {
  for (const delivery of deliveries) {
    io.out(
      `--- ${delivery.channel === 'sms' ? 'SMS' : 'email'} (${delivery.attributes.kind}) ${'-'.repeat(50)}`,
    );
    if (delivery.channel === 'email') io.out(`Subject: ${delivery.subject}\n`);
    io.out(`${delivery.body}\n`);
  }
}

/**
 * The summary line, with SMS held by quiet hours counted and when they go out.
 *
 * @example
 * summaryLine(facts); // 'Summary: feeds 2 ok, 0 failed; …; alerts delivered: 4 email, 0 SMS; 3 SMS held by quiet hours until 07:00 UTC'
 */
export function summaryLine(facts: RunFacts): string {
  const { summary } = facts;
  // (a follow-up to an alert sent earlier is told apart: it is no new alert)
  const alerts = summary.deliveries.filter(
    (delivery) => delivery.attributes.kind === 'alert' && delivery.attributes.followUp !== 'yes',
  );
  const followUps = summary.deliveries.filter((delivery) => delivery.attributes.followUp === 'yes').length;
  const count = (channel: Delivery['channel']) => alerts.filter((d) => d.channel === channel).length;
  const held = alerts.filter((d) => d.channel === 'email' && d.attributes.sms === 'hold').length;
  const earlier = (facts.heldSmsInStore ?? 0) - held;
  return (
    `Summary: feeds ${summary.feedsPolled - summary.feedsFailed.length} ok, ${summary.feedsFailed.length} failed; ` +
    `${summary.newItems} new item(s), ${summary.editedItems} edited; ${summary.findings} finding(s); ` +
    `alerts delivered: ${count('email')} email, ${count('sms')} SMS` +
    (followUps ? `; ${followUps} follow-up email(s) to earlier alerts` : '') +
    (held ? `; ${held} SMS held by quiet hours until ${facts.smsReleaseAt ?? 'quiet hours end'}` : '') +
    // "…; 2 SMS of earlier runs still held": a later run says what is still waiting, not only the run that held it.
    (earlier > 0
      ? `; ${earlier} SMS of earlier runs still held by quiet hours${facts.smsReleaseAt ? ` until ${facts.smsReleaseAt}` : ''}`
      : '') +
    (summary.heldSms ? `; ${summary.heldSms} SMS released after quiet hours` : '') +
    (summary.setAside
      ? `; ${summary.setAside} stream record(s) set aside after failing ${MAX_RECORD_RUNS} runs (listed in failed-records.jsonl in the store folder)`
      : '')
  );
}

/**
 * Why a run with changes sent no alert for some: they were old news.
 *
 * @example
 * oldNewsAdvice(facts); // ['3 change(s) went to the digest only: old news (…)']
 */
export function oldNewsAdvice(facts: RunFacts): string[] {
  if (!facts.oldNews) return [];
  const age = facts.maxAlertAgeHours
    ? `, or published more than ${facts.maxAlertAgeHours} h before they were seen`
    : '';
  return [
    `${facts.oldNews} change(s) went to the digest only: old news (what the feeds held when factwatch first read them${age}). \`factwatch history${facts.storeOption ? ` ${facts.storeOption}` : ''}\` lists them.`,
  ];
}

/**
 * Why a high-severity change sent no SMS: its fact alerted within the cooldown, so it went by email only.
 *
 * @example
 * cooldownAdvice(facts); // ['1 change(s) went by email only, not SMS: their fact had alerted within the cooldown (…): deal.value $25B. …']
 */
export function cooldownAdvice(facts: RunFacts): string[] {
  const held = facts.heldByCooldown ?? [];
  if (!held.length) return [];
  const minutes = facts.cooldownMinutes ?? 0;
  const period = minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
  return [
    `${held.length} change(s) went by email only, not SMS: their fact had alerted within the cooldown (a fact texts at most once in ${period}): ${held.join(', ')}. \`factwatch history --status changed,new${facts.storeOption ? ` ${facts.storeOption}` : ''}\` lists them.`,
  ];
}

/** Why feeds failed, grouped by cause, with what to do about it. */
export function failureAdvice(facts: RunFacts): string[] {
  const { feedsFailed, feedsPolled } = facts.summary;
  if (feedsFailed.length === 0) return [];
  const blocked = feedsFailed.filter((failure) => failure.status === 'blocked');
  const network = feedsFailed.filter(
    (failure) => failure.status === 'network' || failure.status === 'timeout',
  );
  const lines: string[] = [];
  if (blocked.length)
    lines.push(
      `${blocked.length} feed(s) refused by the network safety rules (loopback, private, link-local and metadata addresses are never fetched): ${blocked.map((f) => f.feedId).join(', ')}`,
    );
  if (!facts.demo && network.length === feedsPolled)
    lines.push(
      'No feed could be reached (offline?). To see the whole pipeline work without a network: npm start -- --demo',
    );
  return lines;
}

/**
 * When no feed was polled: which feeds are backing off or held by their server,
 * until when, and how to retry now; or when the next feed falls due.
 */
export function nothingDueAdvice(facts: RunFacts): string[] {
  if (facts.summary.feedsPolled > 0 || facts.demo) return [];
  const nowIso = facts.now.toISOString();
  const held = facts.feeds.filter((feed) => feed.holdUntil && feed.holdUntil > nowIso);
  const lines = [
    held.length ? `No feed was polled: ${held.length} feed(s) are held back.` : 'No feed was due.',
  ];
  for (const feed of held) {
    const why =
      feed.holdReason === 'retry-after'
        ? 'its server asked to wait (Retry-After)'
        : `backing off after ${feed.errorCount} error(s): ${feed.lastError ?? feed.lastStatus ?? 'failed'}`;
    lines.push(`  ${feed.feedId} until ${clock(feed.holdUntil!)}: ${why}`);
  }
  if (held.some((feed) => feed.holdReason !== 'retry-after'))
    lines.push(
      `After fixing the cause, poll the backed-off feeds now with: factwatch run --retry-failed${rerun(facts)}`,
    );
  const next = facts.feeds
    .filter((feed) => !held.includes(feed))
    .map((feed) => feed.nextPollAt)
    .sort()[0];
  if (!facts.all && next)
    lines.push(
      `The next feed is due at ${clock(next)}. Poll every feed now with: factwatch run --all${rerun(facts)}`,
    );
  return lines;
}

/** What the demo is and is not: said before it runs and after. */
/** How the demo starts: in memory, or in the store folder it keeps. */
export const demoIntro = (keptIn?: string) =>
  `Demo: replaying a bundled sample (invented headlines) through the whole pipeline on loopback, ${keptIn ? `in a store kept in ${keptIn}` : 'in memory'}. Quiet hours are off so the SMS show at any hour.`;
export const DEMO_OUTRO =
  'The demo kept nothing: its store lived in memory and is gone, so there is nothing to accept. To try history, accept and report offline, keep it: npm start -- --demo --data-dir .factwatch-demo. `npm start` follows the real feeds in a store kept under .factwatch/.';

/**
 * The end of a demo that kept its store: what to try on it.
 *
 * @example
 * demoKeptOutro('.factwatch-demo'); // 'The demo kept its store in .factwatch-demo: …'
 */
export function demoKeptOutro(dataDir: string): string {
  const option = `--data-dir ${dataDir}`;
  return [
    `The demo kept its store in ${dataDir}: try what a user does next, offline —`,
    `  npx factwatch history ${option} --status changed,new`,
    `  npx factwatch facts ${option}`,
    `  npx factwatch accept FACT_ID --finding FINDING_ID ${option}   (ids from history)`,
    `  npx factwatch report ${option} --out ${join(dataDir, 'report.html')}`,
    `Running the demo again on it replays nothing new; delete ${dataDir} to start over.`,
  ].join('\n');
}

/**
 * When SMS held now go out, in the owner's time zone ("07:00 Europe/Berlin").
 *
 * @example
 * releaseTime(new Date('2025-08-01T07:00:00Z'), { timeZone: 'UTC' }); // '07:00 UTC'
 */
export function releaseTime(at: Date, config: Pick<AlertConfig, 'timeZone'>): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: config.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${time} ${config.timeZone}`;
}
