import { renderValue } from '../facts/render-value.ts';
import type { AlertRecord } from '../model/alerts.ts';
import type { BaselineVersion } from '../model/baseline.ts';
import type { FeedState } from '../model/feeds.ts';
import { newsTimeOf, type StoredFinding } from '../model/findings.ts';
import { ellipsized } from '../text.ts';
import { fitGsm7, toGsm7 } from './gsm.ts';

/** What an alert message is made of. */
export interface AlertContent {
  fact: Pick<
    BaselineVersion,
    'id' | 'label' | 'topic' | 'version' | 'acceptedAt' | 'acceptedBy' | 'origin' | 'asOf'
  >;
  finding: StoredFinding;
  /** Every source that reported this change so far, the first one first. */
  sources: string[];
  /** The fact's recent findings, newest first. */
  history: StoredFinding[];
  /** The accept command's store options (`--table NAME`, `--data-dir DIR`, ''), so it can be pasted as it is; null: no hint. */
  acceptStore?: string | null;
  /** The private link to the story's page (deployed stacks): the email ends with it. */
  reportLink?: string;
  /**
   * A sure reading of another value (the baseline's, most often), published after the change's evidence and
   * already stored when the message is written: a denial in the same poll. The email tells both; no SMS goes.
   */
  saidOtherwise?: StoredFinding;
  /** No SMS goes because of it (a sure high-severity change that would have texted). */
  smsWithheld?: boolean;
}

/** The closing lines that point to the story's page, when there is one. */
const reportLines = (link: string | undefined) =>
  link ? ['', `The whole story, every fact and source: ${link}`] : [];

export interface RenderedMessage {
  subject: string;
  email: string;
  sms: string;
  default: string;
}

const SUBJECT_MAX = 100;
const utc = (iso: string | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'unknown time');
const change = (finding: StoredFinding) =>
  `${renderValue(finding.baseline)} -> ${renderValue(finding.observed)}`;

/**
 * The one-segment SMS: fact label, status, baseline -> observed, first source and
 * how many more. GSM-7 only, at most 160 characters, readable without the link.
 *
 * @example
 * renderSms(content); // 'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Korea JoongAng Daily, +2 srcs)'
 */
export function renderSms(content: AlertContent): string {
  const { fact, finding, sources } = content;
  const what =
    finding.status === 'new' ? `new: ${renderValue(finding.observed)}` : `changed: ${change(finding)}`;
  const head = toGsm7(`factwatch: ${fact.label} ${what}`);
  const first = toGsm7(sources[0] ?? finding.source ?? '') || 'source';
  const more = sources.length > 1 ? `, +${sources.length - 1} src${sources.length > 2 ? 's' : ''}` : '';
  const tail = ` (${first}${more})`;
  if (head.length + tail.length <= 160) return `${head}${tail}`;
  const shortTail = ` (${fitGsm7(first, 40)}${more})`;
  return `${fitGsm7(head, 160 - shortTail.length)}${shortTail}`;
}

/**
 * The plain-text email (SNS email is plain text): what changed, the quoted
 * evidence, source, link and time, corroboration, recent history, and the exact
 * `factwatch accept` command that adopts the change.
 */
export function renderEmail(content: AlertContent): { subject: string; body: string } {
  const { fact, finding, sources, history } = content;
  const what = finding.status === 'new' ? renderValue(finding.observed) : change(finding);
  // (the mark before the values: a long subject is cut at its end)
  const disputed = content.saidOtherwise ? ' (since said otherwise)' : '';
  const subject = ellipsized(`[factwatch] ${fact.label} ${finding.status}${disputed}: ${what}`, SUBJECT_MAX);
  const confidence =
    finding.confidence !== undefined && finding.confidence < 1
      ? // Why it is less sure is not kept (reported, subject named earlier or by description, value far from
        // its verb), and a plain sentence may score 0.9: the number alone, no claim about the sentence.
        ` (confidence ${finding.confidence.toFixed(2)} of 1)`
      : '';
  const lines = [
    `${fact.label} (${fact.id}) ${finding.status}${confidence}`,
    `  was: ${renderValue(finding.baseline)}   (${baselineOrigin(fact)})`,
    `  now: ${renderValue(finding.observed)}`,
    '',
    'Evidence',
    ...quotedLines(finding),
    ...saidOtherwiseLines(content.saidOtherwise, content.smsWithheld === true),
    '',
    sources.length > 1
      ? `Corroborated by ${sources.length - 1} more source(s): ${sources.slice(1).join(', ')}`
      : content.saidOtherwise
        ? 'Corroboration: no other source yet; a later report of this change, after the news that says otherwise, alerts again (by email only within the cooldown).'
        : 'Corroboration: no other source yet; later reports of the same change will not alert again, unless news of another value comes between.',
    '',
    `Recent history of ${fact.id}`,
    ...(history.length
      ? [...history]
          // by when the news told it, newest first (a feed's backlog is seen on one day)
          .sort((a, b) => newsTimeOf(b).localeCompare(newsTimeOf(a)))
          .slice(0, 8)
          .map(
            (past) =>
              `  ${newsTimeOf(past).slice(0, 10)}  ${past.status.padEnd(9)}  ${ellipsized(renderValue(past.observed), 24).padEnd(24)}  ${past.source ?? ''}`,
          )
      : ['  (none yet)']),
    ...acceptHint(content),
    '',
    `Severity ${finding.severity} - topic ${fact.topic} - finding ${finding.findingId}`,
    ...reportLines(content.reportLink),
  ];
  return { subject, body: lines.join('\n') };
}

/** The later reading that said otherwise, quoted as the evidence is; none: nothing. */
function saidOtherwiseLines(later: StoredFinding | undefined, smsWithheld: boolean): string[] {
  if (!later) return [];
  return [
    '',
    `Since then, other news says ${renderValue(later.observed)}${smsWithheld ? ' (so no SMS was sent)' : ''}`,
    ...quotedLines(later),
  ];
}

/** A finding quoted: its evidence, its source with when it was published and seen, and its link. */
function quotedLines(finding: StoredFinding): string[] {
  return [
    `  "${finding.evidence}"`,
    `  - ${finding.source ?? 'unknown source'}, published ${utc(finding.published)}, seen ${utc(finding.observedAt)}`,
    ...(finding.link ? [`  ${finding.link}`] : []),
  ];
}

/** What a follow-up is made of: the alert that was sent, and the later reading that says otherwise. */
export interface FollowUpContent {
  fact: AlertContent['fact'];
  /** The change the alert told. */
  change: StoredFinding;
  /** When the alert went out. */
  alertedAt: string;
  /** Its SMS leg: a held one will not go out now. */
  sms: NonNullable<AlertRecord['sms']>;
  saidOtherwise: StoredFinding;
  reportLink?: string;
}

/**
 * The follow-up to an alert that later news said otherwise about (a denial, a correction, a reversal): email
 * only. A later report restating the old value in passing is not always a denial, so nobody is woken for it.
 *
 * @example
 * renderFollowUp(content).subject; // '[factwatch] AI6 foundry: since said Samsung, after the alert Samsung -> TSMC'
 */
export function renderFollowUp(content: FollowUpContent): RenderedMessage {
  const { fact, change: told, saidOtherwise: later } = content;
  const now = renderValue(later.observed);
  const subject = ellipsized(
    `[factwatch] ${fact.label}: since said ${now}, after the alert ${change(told)}`,
    SUBJECT_MAX,
  );
  const lines = [
    `${fact.label} (${fact.id}): later news says ${now}`,
    '',
    `On ${utc(content.alertedAt)} factwatch alerted: ${told.status} ${change(told)}`,
    `  "${told.evidence}"`,
    `  - ${told.source ?? 'unknown source'}, published ${utc(told.published)}`,
    '',
    `Since then (a denial, a correction or a reversal, or a report restating ${now} in passing; read it):`,
    ...quotedLines(later),
    ...(content.sms === 'held'
      ? ['', 'The SMS held for quiet hours about this change will not be sent.']
      : []),
    '',
    `The baseline is still ${renderValue(told.baseline)} unless you accepted the change; this is a follow-up, not a new change.`,
    ...reportLines(content.reportLink),
  ];
  const sms = toGsm7(`factwatch: ${fact.label}: since said ${now} (${later.source ?? 'source'})`).slice(
    0,
    160,
  );
  return { subject, email: lines.join('\n'), sms, default: sms };
}

/** Where the baseline came from: the fact sheet (as of its date) or an accept (who, when). */
function baselineOrigin(fact: AlertContent['fact']): string {
  if (fact.origin === 'seed')
    return `baseline v${fact.version}, from the fact sheet${fact.asOf ? ` as of ${fact.asOf}` : ''}`;
  return `baseline v${fact.version}, accepted ${utc(fact.acceptedAt)} by ${fact.acceptedBy}`;
}

function acceptHint(content: AlertContent): string[] {
  if (content.acceptStore === null) return [];
  const store = content.acceptStore ? ` ${content.acceptStore}` : '';
  return [
    '',
    'To adopt this value as the new baseline:',
    `  factwatch accept ${content.fact.id} --finding ${content.finding.findingId}${store}`,
  ];
}

/** Both bodies plus the `default` one SNS needs with MessageStructure=json. */
export function renderAlert(content: AlertContent): RenderedMessage {
  const email = renderEmail(content);
  const sms = renderSms(content);
  return { subject: email.subject, email: email.body, sms, default: sms };
}

/** A findings digest: changes and confirmations grouped by topic, feed problems, or the weekly quiet line. */
export function renderDigest(input: {
  date: string;
  findings: StoredFinding[];
  unhealthyFeeds: FeedState[];
  /** The feeds the store follows, how many were polled in the last `hours`, and those hours. */
  watching: { feeds: number; polled: number; hours?: number };
  labels: Map<string, string>;
  quietWeek: boolean;
  reportLink?: string;
}): { subject: string; body: string } {
  const changes = input.findings.filter(
    (finding) => finding.status === 'changed' || finding.status === 'new',
  );
  const confirmations = input.findings.filter((finding) => finding.status === 'confirmed');
  const topics = [...new Set(input.findings.map((finding) => finding.topic))].sort();
  const lines: string[] = [];
  const { feeds, polled, hours = 24 } = input.watching;
  const notReading = polled === 0;
  if (notReading)
    lines.push(
      `Not reading the news: no feed was polled in the last ${hours} hours (${feeds} feed(s) followed). Check the poll schedule and \`factwatch feeds\` (backoff, Retry-After).`,
      '',
    );
  else if (input.quietWeek && input.findings.length === 0) {
    lines.push(
      `Still watching ${feeds} feed(s) (${polled} polled in the last ${hours} hours), nothing changed: no feed reported a change or a confirmation in the last 24 hours.`,
      '',
    );
  }
  for (const topic of topics) {
    lines.push(`== ${topic} ==`);
    for (const finding of input.findings.filter(
      (entry) => entry.topic === topic && entry.status !== 'mentioned',
    )) {
      const label = input.labels.get(finding.factId) ?? finding.factId;
      lines.push(
        `  ${finding.status.padEnd(9)} ${label}: ${finding.status === 'confirmed' ? renderValue(finding.observed) : change(finding)}  (${finding.source ?? 'unknown'})`,
      );
    }
    lines.push('');
  }
  if (input.unhealthyFeeds.length) {
    lines.push('== feed problems ==');
    for (const feed of input.unhealthyFeeds)
      lines.push(
        `  ${feed.feedId}: ${feed.lastError ?? feed.lastStatus ?? 'failing'} (${feed.errorCount} failures in a row)`,
      );
    lines.push('');
  }
  const subject = ellipsized(
    `[factwatch] digest ${input.date}: ${changes.length} change(s), ${confirmations.length} confirmation(s)${notReading ? `, no feed polled in ${hours} hours` : ''}`,
    SUBJECT_MAX,
  );
  return { subject, body: [lines.join('\n').trim(), ...reportLines(input.reportLink)].join('\n').trim() };
}
