import type { BaselineVersion } from '../model/baseline.ts';
import { newsTimeOf, type StoredFinding } from '../model/findings.ts';
import type { ReportChange, ReportData, ReportFact } from '../report/page.ts';
import { alertIdOf, canonicalValue, getAlert } from '../store/alerts.ts';
import { baselineHistory, listCurrentBaselines } from '../store/baseline.ts';
import type { Store } from '../store/client.ts';
import { listFeeds } from '../store/feeds.ts';
import { findingsForFact } from '../store/findings.ts';

/**
 * What the report covers: a window (default: since the store was seeded), a topic or some facts, the news
 * published since a time, and the story's title.
 */
export interface ReportScope {
  now: Date;
  since?: Date;
  topic?: string;
  /** Only these fact ids. */
  facts?: string[];
  /** Only findings from items published on or after this (an item with no date counts from when it was seen). */
  publishedSince?: Date;
  title: string;
  location: string;
}

/**
 * Build the report (the use case): every fact's baseline versions and findings, the
 * changes of the window with the alert each raised (its corroborating sources) and
 * whether its value was accepted since, and every feed's health.
 *
 * @example
 * const data = await buildReport(store, { now: new Date(), title: sheet.title, location: '.factwatch' });
 */
export async function buildReport(store: Store, scope: ReportScope): Promise<ReportData> {
  const all = await listCurrentBaselines(store);
  const current = all.filter(
    (fact) =>
      (scope.topic === undefined || fact.topic === scope.topic) &&
      (scope.facts === undefined || scope.facts.includes(fact.id)),
  );
  const from = scope.publishedSince?.toISOString();
  // When the store was seeded: over every fact, since the few kept may all have been accepted since.
  const seededAt = all.map((fact) => fact.acceptedAt).sort()[0] ?? scope.now.toISOString();
  const since = new Date(Math.max(scope.since?.getTime() ?? 0, Date.parse(seededAt)));
  const facts: ReportFact[] = await Promise.all(
    current.map(async (fact) => {
      const versions = await baselineHistory(store, fact.id);
      const findings = (await findingsForFact(store, fact.id, { since })).filter(
        (finding) => from === undefined || newsTimeOf(finding) >= from,
      );
      const latest = latestWithValue(findings);
      return {
        current: fact,
        versions,
        findings,
        ...(latest ? { latest } : {}),
        latestAccepted: latest !== undefined && acceptedVersionOf(versions, latest) !== undefined,
      };
    }),
  );
  // One entry per change (fact and value, the alert's unit), its newest telling; the other sources are listed under it.
  const seen = new Set<string>();
  const changes = await Promise.all(
    facts
      .flatMap((fact) =>
        fact.findings.filter((f) => f.status === 'changed' || f.status === 'new').map((f) => ({ fact, f })),
      )
      // Most recent news first: by publication (a backlog is seen at once but published over weeks).
      .sort(
        (a, b) =>
          newsTimeOf(b.f).localeCompare(newsTimeOf(a.f)) || b.f.observedAt.localeCompare(a.f.observedAt),
      )
      .filter(({ f }) => {
        const id = alertIdOf(f.factId, f.observed);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .map(async ({ fact, f }): Promise<ReportChange> => {
        const alert = await getAlert(store, alertIdOf(f.factId, f.observed));
        return {
          finding: f,
          ...(alert ? { alert } : {}),
          accepted: acceptedVersionOf(fact.versions, f) !== undefined,
        };
      }),
  );
  return {
    title: scope.title,
    location: scope.location,
    generatedAt: scope.now.toISOString(),
    ...(scope.since ? { since: since.toISOString() } : {}),
    ...(scope.topic ? { topic: scope.topic } : {}),
    ...(scope.publishedSince ? { publishedSince: scope.publishedSince.toISOString() } : {}),
    facts,
    changes,
    feeds: (await listFeeds(store)).sort((a, b) => a.feedId.localeCompare(b.feedId)),
  };
}

/** The newest observation with a value, by publication, then by when it was seen. */
function latestWithValue(findings: StoredFinding[]): StoredFinding | undefined {
  return findings
    .filter((finding) => finding.observed !== null)
    .sort(
      (a, b) => newsTimeOf(b).localeCompare(newsTimeOf(a)) || b.observedAt.localeCompare(a.observedAt),
    )[0];
}

/**
 * The baseline version a finding's value was adopted as: accepted from the finding itself, or — by
 * `accept --value` or `--from-file` — a version of the same value accepted after it was observed.
 *
 * @example
 * acceptedVersionOf(await baselineHistory(store, 'deal.value'), finding); // 2, or undefined
 */
export function acceptedVersionOf(versions: BaselineVersion[], finding: StoredFinding): number | undefined {
  return versions.find(
    (version) =>
      version.findingId === finding.findingId ||
      (finding.observed !== null &&
        version.acceptedAt >= finding.observedAt &&
        canonicalValue(version.value) === canonicalValue(finding.observed)),
  )?.version;
}
