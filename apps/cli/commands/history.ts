import { nearest } from '../../../shared/config/suggest.ts';
import { UsageError } from '../../../shared/errors.ts';
import { renderValue } from '../../../shared/facts/render-value.ts';
import {
  FINDING_STATUSES,
  type FindingStatus,
  newsTimeOf,
  type StoredFinding,
} from '../../../shared/model/findings.ts';
import type { Fact } from '../../../shared/model/story.ts';
import { baselineHistory, listCurrentBaselines } from '../../../shared/store/baseline.ts';
import type { Store } from '../../../shared/store/client.ts';
import { findingsForFact, findingsInWindow } from '../../../shared/store/findings.ts';
import { acceptedVersionOf } from '../../../shared/usecases/build-report.ts';
import {
  oneOf,
  parseCommandArgs,
  parseList,
  parseSince,
  STORE_OPTIONS,
  STORE_OPTIONS_HELP,
} from '../args.ts';
import type { Command } from '../command.ts';
import { type Column, displayWidth, fitCell, renderCsv, renderTable } from '../output.ts';
import { downloadProgress } from '../progress.ts';
import { commandStory, openSession, sheetNote } from '../session.ts';

/** A finding as history lists it: with the baseline version its value was accepted as, if it was. */
export type HistoryFinding = StoredFinding & { acceptedVersion?: number };

/** The docs/contracts.md history record: a finding plus link, source, published, observedAt and acceptedVersion. */
export function historyRecord(finding: HistoryFinding) {
  const { itemId, factId, status, observed, baseline, evidence, severity } = finding;
  return {
    itemId,
    factId,
    status,
    observed,
    baseline,
    evidence,
    severity,
    topic: finding.topic,
    findingId: finding.findingId,
    link: finding.link ?? null,
    source: finding.source ?? null,
    published: finding.published ?? null,
    observedAt: finding.observedAt,
    acceptedVersion: finding.acceptedVersion ?? null,
    // How sure the reading is (0–1): under smsMinConfidence a high-severity change is emailed, not texted; under
    // minConfidence (0.5) it reaches the digest only.
    confidence: finding.confidence ?? null,
  };
}

/** "changed, accepted v2": a change adopted into the baseline says so where it is listed. */
const statusOf = (f: HistoryFinding) =>
  f.acceptedVersion ? `${f.status}, accepted v${f.acceptedVersion}` : f.status;

const COLUMNS: Column<HistoryFinding>[] = [
  { header: 'OBSERVED AT', value: (f) => f.observedAt.slice(0, 16).replace('T', ' ') },
  { header: 'PUBLISHED', value: (f) => f.published?.slice(0, 10) ?? '' },
  { header: 'FACT', value: (f) => f.factId },
  { header: 'STATUS', value: statusOf },
  {
    header: 'BASELINE -> OBSERVED',
    value: (f) => `${renderValue(f.baseline)} -> ${renderValue(f.observed)}`,
  },
  { header: 'SOURCE', value: (f) => f.source ?? '', maxWidth: 24 },
  { header: 'FINDING', value: (f) => f.findingId },
  { header: 'EVIDENCE', value: (f) => f.evidence, maxWidth: 70 },
];

const CSV_COLUMNS: Column<HistoryFinding>[] = [
  { header: 'observedAt', value: (f) => f.observedAt },
  { header: 'factId', value: (f) => f.factId },
  { header: 'topic', value: (f) => f.topic },
  { header: 'status', value: (f) => f.status },
  { header: 'severity', value: (f) => f.severity },
  { header: 'baseline', value: (f) => renderValue(f.baseline) },
  { header: 'observed', value: (f) => renderValue(f.observed) },
  { header: 'evidence', value: (f) => f.evidence },
  { header: 'source', value: (f) => f.source ?? '' },
  { header: 'link', value: (f) => f.link ?? '' },
  { header: 'published', value: (f) => f.published ?? '' },
  { header: 'itemId', value: (f) => f.itemId },
  { header: 'findingId', value: (f) => f.findingId },
  { header: 'acceptedVersion', value: (f) => (f.acceptedVersion ? String(f.acceptedVersion) : '') },
  { header: 'confidence', value: (f) => (f.confidence === undefined ? '' : String(f.confidence)) },
];

export interface HistoryQuery {
  /** Fact ids or prefixes ("ai5" is every ai5.* fact), as --fact gives them. */
  facts: string[];
  topic?: string;
  statuses: FindingStatus[];
  since?: Date;
  /** Only findings from items published on or after this (an item with no date counts from when it was seen). */
  publishedSince?: Date;
}

/**
 * Findings matching the filters, newest first (ties: the later published first). `--since` reaches back at most
 * to when the store was seeded — no finding is older than the store — so `999999w` costs what "since the start"
 * costs, not one query per month back to 17,000 BC.
 */
export async function queryHistory(store: Store, query: HistoryQuery): Promise<HistoryFinding[]> {
  const facts = await listCurrentBaselines(store);
  const factIds = factsOf(
    query.facts,
    facts.map((fact) => fact.id),
  );
  const seededAt = facts.map((fact) => fact.acceptedAt).sort()[0] ?? new Date().toISOString();
  const since = new Date(Math.max(query.since?.getTime() ?? 0, Date.parse(seededAt)));
  const statuses = query.statuses.length ? query.statuses : undefined;
  const found = factIds.length
    ? (await Promise.all(factIds.map((id) => findingsForFact(store, id, { since, statuses })))).flat()
    : await findingsInWindow(store, { since, statuses });
  const from = query.publishedSince?.toISOString();
  const listed = found
    .filter((finding) => query.topic === undefined || finding.topic === query.topic)
    .filter((finding) => from === undefined || newsTimeOf(finding) >= from);
  return (await withAcceptance(store, listed)).sort(
    (a, b) =>
      b.observedAt.localeCompare(a.observedAt) ||
      (b.published ?? '').localeCompare(a.published ?? '') ||
      a.factId.localeCompare(b.factId),
  );
}

/** Changes whose value was accepted into the baseline, marked with that version (one baseline read per fact). */
async function withAcceptance(store: Store, findings: StoredFinding[]): Promise<HistoryFinding[]> {
  const isChange = (finding: StoredFinding) => finding.status === 'changed' || finding.status === 'new';
  const factIds = [...new Set(findings.filter(isChange).map((finding) => finding.factId))];
  const versions = new Map(
    await Promise.all(factIds.map(async (id) => [id, await baselineHistory(store, id)] as const)),
  );
  return findings.map((finding) => {
    const accepted = isChange(finding)
      ? acceptedVersionOf(versions.get(finding.factId)!, finding)
      : undefined;
    return accepted ? { ...finding, acceptedVersion: accepted } : finding;
  });
}

/** The facts a prefix names: "ai5" (or "ai5.") is ai5.foundry and ai5.volume_production. */
export function factsUnder(prefix: string, known: readonly string[]): string[] {
  const head = prefix.endsWith('.') ? prefix : `${prefix}.`;
  return known.filter((id) => id.startsWith(head));
}

/**
 * --fact entries as fact ids: an id, or a prefix naming every fact under it ("ai5" or "ai5." is ai5.foundry and
 * ai5.volume_production); an entry that names none is one usage line, with the nearest id.
 */
export function factsOf(entries: readonly string[], known: readonly string[]): string[] {
  // Fact ids are lower case; "AI5" is typed from the news.
  const ids = entries
    .map((entry) => entry.toLowerCase())
    .flatMap((entry) => {
      if (known.includes(entry)) return [entry];
      const under = factsUnder(entry, known);
      if (under.length) return under;
      const guess = nearest(entry, [...known]);
      throw new UsageError(
        `--fact: no fact "${entry}"${guess ? ` (did you mean "${guess}"?)` : ''} (factwatch facts lists them)`,
      );
    });
  return [...new Set(ids)];
}

/** The facts of the sheet a command compares the store with (--baseline, cdk.json's, else the shipped story's). */
export type SheetFacts = readonly Pick<Fact, 'id' | 'topic'>[];

/** --fact's list, each entry checked against the command's fact sheet before any store starts. */
export function parseFacts(text: string, sheet: SheetFacts): string[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) throw new UsageError('--fact: give a fact id (factwatch facts lists them)');
  factsOf(
    entries,
    sheet.map((fact) => fact.id),
  );
  return entries;
}

/** --topic must name a topic of the command's fact sheet (checked before any store starts). */
export function knownTopic(topic: string, sheet: SheetFacts): string {
  const topics = [...new Set(sheet.map((fact) => fact.topic))];
  if (topics.includes(topic)) return topic;
  const guess = nearest(topic, topics);
  throw new UsageError(
    `--topic: no topic "${topic}"${guess ? ` (did you mean "${guess}"?)` : ''}; the topics are ${topics.join(', ')}`,
  );
}

/**
 * --fact entries as the fact sheet's ids. With --topic, the two keep the facts in both; when none is,
 * that is a slip ("--fact ai5 --topic fab"), said as one usage line rather than an empty answer.
 */
export function factsInTopic(
  entries: readonly string[],
  topic: string | undefined,
  sheet: SheetFacts,
): string[] {
  const ids = factsOf(
    entries,
    sheet.map((fact) => fact.id),
  );
  if (topic === undefined || ids.length === 0) return ids;
  const chosen = sheet.filter((fact) => ids.includes(fact.id));
  if (chosen.some((fact) => fact.topic === topic)) return ids;
  const topics = [...new Set(chosen.map((fact) => fact.topic))];
  throw new UsageError(
    `--fact ${entries.join(',')} and --topic ${topic} select no fact together: ${ids.join(', ')} ${ids.length > 1 ? 'are' : 'is'} in ${topics.length > 1 ? 'topics' : 'topic'} ${topics.join(', ')}`,
  );
}

const filtered = (query: HistoryQuery) =>
  query.facts.length > 0 ||
  query.topic !== undefined ||
  query.statuses.length > 0 ||
  query.since !== undefined ||
  query.publishedSince !== undefined;

/**
 * The table people read: a `mentioned` finding (a fact named, no value read) is noise beside the changes, so
 * without --status the table leaves those out and says how many; JSON and CSV, for scripts, keep every finding.
 */
function historyTable(
  findings: HistoryFinding[],
  query: HistoryQuery,
  location: string,
  width?: number,
): string {
  const hideMentions = query.statuses.length === 0;
  const shown = hideMentions ? findings.filter((finding) => finding.status !== 'mentioned') : findings;
  const hidden = findings.length - shown.length;
  const note = hidden
    ? `${hidden} mention(s) without a value not shown (--status mentioned, or --status confirmed,changed,new,mentioned, lists them).`
    : '';
  if (!shown.length)
    return [`No findings in ${location}${filtered(query) ? ' for these filters' : ''}.`, note]
      .filter(Boolean)
      .join('\n');
  const table = renderTable(shown, COLUMNS, width);
  const fits = width === undefined || table.split('\n').every((line) => displayWidth(line) <= width);
  return [fits ? table : historyCards(shown, width), note].filter(Boolean).join('\n');
}

/**
 * History on a terminal too narrow for its table (80 columns): each finding in three lines that fit — what was
 * read, where and when, and its evidence.
 *
 * @example
 * historyCards(findings, 80); // "2026-11-30 ai5.foundry changed TSMC -> Samsung+TSMC\n  finding 9cb8… · seen …"
 */
function historyCards(findings: HistoryFinding[], width: number): string {
  const indented = (text: string) => `  ${fitCell(text, width - 2)}`;
  return findings
    .map((finding) =>
      [
        fitCell(
          `${finding.published?.slice(0, 10) ?? '(undated)'} ${finding.factId} ${statusOf(finding)} ${renderValue(finding.baseline)} -> ${renderValue(finding.observed)}`,
          width,
        ),
        // (the finding id first: a long or wide source is what the width cuts, never the id accept needs)
        indented(
          `finding ${finding.findingId} · seen ${finding.observedAt.slice(0, 16).replace('T', ' ')} UTC · ${finding.source ?? 'unknown source'}`,
        ),
        indented(finding.evidence),
      ].join('\n'),
    )
    .join('\n');
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'what was observed about the facts, newest first',
  help: `Usage: factwatch history [--fact ID[,ID]] [--topic T] [--status S[,S]] [--since 30d]
                         [--published-since WHEN] [--format table|json|csv] [--data-dir DIR | --table NAME]

Lists stored findings (what an item said about a fact), newest seen first.

Options:
  --fact ID[,ID]        only these facts; a prefix names every fact under it
                        (ai5 is ai5.foundry and ai5.volume_production)
  --topic T             only facts of this topic (deal, chips, fab, policy, market)
  --status S[,S]        only these statuses: confirmed, changed, new, mentioned (the table
                        leaves out mentions without a value unless --status asks for them)
  --since WHEN          seen since: a duration back from now (30m, 24h, 7d, 2w) or a date
  --published-since WHEN
                        only items published since then (a first run takes in a feed's
                        backlog in one day: this asks about the news, not the polling)
  --format F            table (default), json (one array) or csv
${STORE_OPTIONS_HELP}

Examples:
  factwatch history --topic chips --status changed,new --since 2025-08-01
  factwatch history --fact ai5.foundry --format json
  factwatch history --fact ai5 --status changed,new --published-since 2025-08-01
  factwatch history --since 7d --format csv > last-week.csv`,
  async run(args, io) {
    const { values } = parseCommandArgs('history', args, {
      ...STORE_OPTIONS,
      fact: { type: 'string' },
      topic: { type: 'string' },
      status: { type: 'string' },
      since: { type: 'string' },
      'published-since': { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    // Validate every argument before starting a database.
    const format = oneOf('--format', values.format, ['table', 'json', 'csv'] as const, 'table');
    const story = commandStory(values);
    const sheet = story.sheet.facts;
    const query: HistoryQuery = {
      facts: values.fact === undefined ? [] : parseFacts(values.fact, sheet),
      topic: values.topic === undefined ? undefined : knownTopic(values.topic, sheet),
      statuses: parseList('--status', values.status, FINDING_STATUSES),
      since: values.since === undefined ? undefined : parseSince(values.since, new Date()),
      publishedSince:
        values['published-since'] === undefined
          ? undefined
          : parseSince(values['published-since'], new Date(), '--published-since'),
    };
    factsInTopic(query.facts, query.topic, sheet);
    const session = await openSession(values, format === 'table' ? downloadProgress(io) : undefined, story);
    if (session.newStoreNote) io.err(session.newStoreNote);
    try {
      const findings = await queryHistory(session.store, query);
      const note = await sheetNote(session.store, session.story, session.storeOption);
      if (note) io.err(note);
      if (format === 'json') io.out(JSON.stringify(findings.map(historyRecord), null, 2));
      else if (format === 'csv') io.out(renderCsv(findings, CSV_COLUMNS));
      else io.out(historyTable(findings, query, session.location, io.width));
      return 0;
    } finally {
      await session.close();
    }
  },
};
