import { nearest } from '../../../shared/config/suggest.ts';
import { UsageError } from '../../../shared/errors.ts';
import { renderValue } from '../../../shared/facts/render-value.ts';
import type { BaselineVersion } from '../../../shared/model/baseline.ts';
import { newsTimeOf, type StoredFinding } from '../../../shared/model/findings.ts';
import { baselineHistory, listCurrentBaselines } from '../../../shared/store/baseline.ts';
import type { Store } from '../../../shared/store/client.ts';
import { findingsForFact } from '../../../shared/store/findings.ts';
import { STORE_OPTIONS_HELP } from '../args.ts';
import { listCommand } from '../list-command.ts';
import type { Column } from '../output.ts';
import { factsUnder } from './history.ts';

const shownValue = (fact: BaselineVersion) =>
  fact.qualifier ? `${renderValue(fact.value)} (${fact.qualifier})` : renderValue(fact.value);

/** A current baseline with the newest reading of it in the news, if any. */
type FactRow = BaselineVersion & { latest?: StoredFinding };

/** "changed $22B (2026-11-30)": what the newest news read, when it was published; "-" before any. */
const latestOf = (fact: FactRow) =>
  fact.latest
    ? `${fact.latest.status} ${renderValue(fact.latest.observed)} (${newsTimeOf(fact.latest).slice(0, 10)})`
    : '-';

const COLUMNS: Column<FactRow>[] = [
  { header: 'ID', value: (fact) => fact.id },
  { header: 'TOPIC', value: (fact) => fact.topic },
  { header: 'VALUE', value: shownValue },
  { header: 'V', value: (fact) => String(fact.version) },
  { header: 'SEVERITY', value: (fact) => fact.severity },
  // "Which facts now differ from the sheet?": the newest reading beside the value it is compared with.
  { header: 'LATEST NEWS', value: latestOf, maxWidth: 36 },
  { header: 'CLAIM', value: (fact) => fact.claim, maxWidth: 60 },
];

/** One fact's versions: what each said, who made it, when, why and from which finding. */
const VERSION_COLUMNS: Column<BaselineVersion>[] = [
  { header: 'V', value: (fact) => String(fact.version) },
  { header: 'VALUE', value: shownValue },
  {
    header: 'ORIGIN',
    value: (fact) => (fact.origin === 'seed' ? `fact sheet as of ${fact.asOf ?? '?'}` : 'accept'),
  },
  { header: 'AT', value: (fact) => `${fact.acceptedAt.slice(0, 16).replace('T', ' ')} UTC` },
  { header: 'BY', value: (fact) => fact.acceptedBy },
  { header: 'FINDING', value: (fact) => fact.findingId ?? '-' },
  { header: 'REASON', value: (fact) => fact.reason, maxWidth: 50 },
];

async function loadFacts(store: Store, factId?: string): Promise<FactRow[]> {
  if (!factId) return withLatest(store, await listCurrentBaselines(store));
  const versions = await baselineHistory(store, factId);
  if (versions.length === 0) {
    const known = (await listCurrentBaselines(store)).map((fact) => fact.id);
    const under = factsUnder(factId, known);
    const guess = under.length ? undefined : nearest(factId, known);
    throw new UsageError(
      under.length
        ? `facts: "${factId}" names ${under.length} facts (${under.join(', ')}); give one to list its versions`
        : `facts: no fact "${factId}"${guess ? ` (did you mean "${guess}"?)` : ''} (factwatch facts lists them)`,
    );
  }
  return versions;
}

/** Readings weighed for a fact's newest: the newest seen, of which the newest by publication is taken. */
const LATEST_WINDOW = 40;

/** Each fact with its newest reading (confirmed, changed or new) by publication, among the last ones seen. */
async function withLatest(store: Store, facts: BaselineVersion[]): Promise<FactRow[]> {
  return Promise.all(
    facts.map(async (fact) => {
      // (no status in the query: with one it reads every finding of the fact; without, the newest LATEST_WINDOW)
      const readings = await findingsForFact(store, fact.id, { since: new Date(0) }, LATEST_WINDOW);
      const latest = readings
        .filter((reading) => reading.status !== 'mentioned')
        .sort((a, b) => newsTimeOf(b).localeCompare(newsTimeOf(a)))[0];
      return latest ? { ...fact, latest } : fact;
    }),
  );
}

export const factsCommand = listCommand({
  name: 'facts',
  summary: "list the current baseline facts, or one fact's versions",
  help: `Usage: factwatch facts [FACT_ID] [--format table|json] [--data-dir DIR | --table NAME]

Lists every baseline fact with its current value and version, and the newest
reading of it in the news (LATEST NEWS; JSON: latest). Accepted changes
(factwatch accept) show as higher versions; earlier versions are kept: give a
FACT_ID to list all of its versions, with who made each, when, why and from
which finding.

Options:
  --format table|json   output for people (default) or one JSON array
${STORE_OPTIONS_HELP}

Examples:
  factwatch facts
  factwatch facts deal.value
  factwatch facts --format json | jq '.[] | select(.topic == "chips")'`,
  load: loadFacts,
  toJson: ({ latest, ...fact }) =>
    latest === undefined
      ? fact
      : {
          ...fact,
          latest: {
            status: latest.status,
            observed: latest.observed,
            published: latest.published ?? null,
            findingId: latest.findingId,
          },
        },
  columns: COLUMNS,
  positional: { name: 'FACT_ID', columns: VERSION_COLUMNS },
  readsFacts: true,
});
