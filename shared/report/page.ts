import { renderValue } from '../facts/render-value.ts';
import type { AlertRecord } from '../model/alerts.ts';
import type { BaselineVersion } from '../model/baseline.ts';
import { type FeedState, feedHealthLabel } from '../model/feeds.ts';
import { newsTimeOf, type StoredFinding } from '../model/findings.ts';
import { type ChartPoint, type ChartStep, escapeMarkup, factChart, numberOf, valueAt } from './chart.ts';

/** One fact of the report: its current baseline, every version, and what was observed about it. */
export interface ReportFact {
  current: BaselineVersion;
  versions: BaselineVersion[];
  /** Newest first. */
  findings: StoredFinding[];
  /**
   * The latest observation with a value, by publication (then by when seen): a mention without a value says
   * nothing of the fact, and a feed's backlog is seen at once but published over weeks.
   */
  latest?: StoredFinding;
  /** The latest finding's value has since been adopted into the baseline (not an open change). */
  latestAccepted?: boolean;
}

/** One change of the window: the finding, the alert it raised (its sources), and whether it was accepted. */
export interface ReportChange {
  finding: StoredFinding;
  alert?: AlertRecord;
  accepted: boolean;
}

/** Everything the page shows, read from the store by the report use case. */
export interface ReportData {
  title: string;
  /** Where the data came from: a local folder or a table. */
  location: string;
  generatedAt: string;
  since?: string;
  topic?: string;
  /** Only news published since then (ISO). */
  publishedSince?: string;
  facts: ReportFact[];
  /** Newest first. */
  changes: ReportChange[];
  feeds: FeedState[];
}

/** Only http(s) links are links: anything else a feed sent is shown as text, never followed. */
function link(href: string | undefined, text: string): string {
  if (!href || !/^https?:\/\//i.test(href)) return escapeMarkup(text);
  return `<a href="${escapeMarkup(href)}" rel="noopener noreferrer nofollow">${escapeMarkup(text)}</a>`;
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#5b636e;--line:#d7dce2;--accent:#0b6bcb;--changed:#b3261e;--ok:#1b7f3b;--card:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--fg:#e6e9ed;--muted:#9aa4af;--line:#2c333b;--accent:#6cb4ff;--changed:#ff8a80;--ok:#7bd88f;--card:#1a1f25}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px}h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
.muted{color:var(--muted)}a{color:var(--accent);overflow-wrap:anywhere}
.change{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin:10px 0}
.was-now{font-weight:600}.was-now .now{color:var(--changed)}blockquote{margin:.4em 0;padding:.2em .8em;border-left:3px solid var(--line);overflow-wrap:anywhere}
.tag{display:inline-block;font-size:.8em;padding:0 6px;border-radius:10px;border:1px solid var(--line);margin-left:4px}
.tag.changed,.tag.new{color:var(--changed);border-color:var(--changed)}.tag.confirmed,.tag.accepted{color:var(--ok);border-color:var(--ok)}
details.fact{border-bottom:1px solid var(--line);padding:6px 0}details.fact>summary{cursor:pointer;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
.fact-label{font-weight:600;min-width:12em}.fact-value{font-variant-numeric:tabular-nums}
.timeline{list-style:none;padding:0;margin:.5em 0}.timeline li{padding:4px 0;border-top:1px dashed var(--line);overflow-wrap:anywhere}
svg.chart{width:100%;max-width:420px;height:auto;display:block;margin:.4em 0}svg.chart .baseline{stroke:var(--muted);stroke-width:2}
svg.chart .observed{fill:var(--accent)}svg.chart .axis{fill:var(--muted);font-size:10px}
.table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92em}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
td.error{overflow-wrap:anywhere;max-width:28em}.unhealthy{color:var(--changed)}
`;

function changeBlock(change: ReportChange, labels: ReadonlyMap<string, string>): string {
  const { finding, alert, accepted } = change;
  const sources = alert?.sources ?? (finding.source ? [finding.source] : []);
  const others = sources.filter((source) => source !== finding.source);
  return `<article class="change" data-fact="${escapeMarkup(finding.factId)}">
<div><strong>${escapeMarkup(labels.get(finding.factId) ?? finding.factId)}</strong> <span class="muted">${escapeMarkup(finding.factId)}</span><span class="tag ${finding.status}">${finding.status}</span>${accepted ? '<span class="tag accepted">accepted</span>' : ''}</div>
<div class="was-now">${escapeMarkup(renderValue(finding.baseline))} → <span class="now">${escapeMarkup(renderValue(finding.observed))}</span></div>
<blockquote lang="">${escapeMarkup(finding.evidence)}</blockquote>
<div class="muted">${link(finding.link, finding.source ?? 'source')}${finding.published ? ` · published ${escapeMarkup(day(finding.published))}` : ''} · seen ${escapeMarkup(day(finding.observedAt))}${others.length ? ` · also reported by ${escapeMarkup(others.join(', '))}` : ''}</div>
</article>`;
}

function chartOf(fact: ReportFact, now: string): string {
  const points: ChartPoint[] = fact.findings.flatMap((finding) => {
    const value = numberOf(finding.observed);
    return value === undefined
      ? []
      : [
          {
            // When the news told it: a first read of a feed's backlog is seen on one day, told over months.
            at: newsTimeOf(finding),
            value,
            label: `${renderValue(finding.observed)} · ${day(newsTimeOf(finding))} · ${finding.source ?? ''}`,
          },
        ];
  });
  const steps: ChartStep[] = fact.versions.map((version) => ({
    at: versionTime(version),
    value: numberOf(version.value) ?? null,
    label: `v${version.version}: ${renderValue(version.value)}`,
  }));
  // The value axis is written in the fact's own kind: the baseline's, else the first numeric finding's.
  const like = [fact.current.value, ...fact.findings.map((finding) => finding.observed)].find(
    (value) => numberOf(value) !== undefined,
  );
  return like
    ? factChart(points, steps, now, `${fact.current.label}: observed values against the baseline`, (value) =>
        renderValue(valueAt(like, value)),
      )
    : '';
}

/**
 * The latest finding, or — once its value is the baseline — the same, marked accepted rather than open. A
 * finding judged against an older version says which ("confirmed $16.5B, against v1"), in no colour: a green
 * "confirmed" beside a newer baseline would say the news confirms a value that is no longer the baseline.
 */
function latestTag(latest: StoredFinding, accepted: boolean, current: BaselineVersion): string {
  const said = `latest: ${latest.status} ${escapeMarkup(renderValue(latest.observed))}`;
  if (accepted) return `<span class="tag accepted">${said}, accepted</span>`;
  return renderValue(latest.baseline) !== renderValue(current.value)
    ? `<span class="tag">${said}, against an earlier baseline (${escapeMarkup(renderValue(latest.baseline))})</span>`
    : `<span class="tag ${latest.status}">${said}</span>`;
}

/** When a baseline version holds from: a seeded one from its sheet's day (the news before the store is read against it). */
const versionTime = (version: BaselineVersion) =>
  version.origin === 'seed' && version.asOf ? version.asOf : version.acceptedAt;

function factRow(fact: ReportFact, now: string): string {
  const { current } = fact;
  const latest = fact.latest;
  const events = [
    ...fact.findings.map((finding) => ({
      at: newsTimeOf(finding),
      html: `<li><span class="tag ${finding.status}">${finding.status}</span> ${escapeMarkup(renderValue(finding.observed))} <span class="muted">${escapeMarkup(day(newsTimeOf(finding)))} · ${link(finding.link, finding.source ?? 'source')}</span><br>${escapeMarkup(finding.evidence)}</li>`,
    })),
    ...fact.versions.map((version) => ({
      at: versionTime(version),
      html: `<li><span class="tag accepted">baseline v${version.version}</span> ${escapeMarkup(renderValue(version.value))} <span class="muted">${escapeMarkup(day(versionTime(version)))} · ${escapeMarkup(version.acceptedBy)} · ${escapeMarkup(version.reason)}</span></li>`,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return `<details class="fact" id="fact-${escapeMarkup(current.id)}" data-fact="${escapeMarkup(current.id)}">
<summary><span class="fact-label">${escapeMarkup(current.label)}</span><span class="fact-value">${escapeMarkup(renderValue(current.value))}</span><span class="muted">v${current.version} · ${escapeMarkup(current.acceptedBy)} · ${escapeMarkup(day(current.acceptedAt))} · ${escapeMarkup(current.reason)}</span>${latest ? latestTag(latest, fact.latestAccepted === true, current) : `<span class="muted">${fact.findings.length ? 'mentioned, no value read yet' : 'not observed yet'}</span>`}</summary>
<p class="muted">${escapeMarkup(current.claim)} (${escapeMarkup(current.id)}, ${current.severity} severity)</p>
${chartOf(fact, now)}
<ul class="timeline">${events.map((event) => event.html).join('')}</ul>
</details>`;
}

function feedRow(feed: FeedState): string {
  const label = feedHealthLabel(feed);
  const status = label === 'ok' ? 'healthy' : label;
  // The cell's colour: a feed failing now is marked as an unhealthy one is.
  const kind = status === 'healthy' || status === 'retired' ? status : 'unhealthy';
  return `<tr><td>${escapeMarkup(feed.feedId)}</td><td class="${kind}">${escapeMarkup(status)}</td><td>${escapeMarkup(feed.lastStatus)}</td><td>${escapeMarkup(day(feed.lastPolledAt))}</td><td class="error">${escapeMarkup(feed.lastError)}</td><td>${feed.itemsSeen}</td><td>${feed.retiredAt ? '' : escapeMarkup(day(feed.holdUntil ?? feed.nextPollAt))}</td></tr>`;
}

/**
 * The report: one self-contained HTML page (inline CSS and SVG, no script, no request
 * to anywhere), readable on a phone, light or dark as the reader's system is. Most
 * recent first: what changed in the window, every fact with its timeline and chart,
 * and the feeds' health. Every text from a feed is escaped; only http(s) links link.
 *
 * @example
 * writeFileSync('factwatch-report.html', renderReport(await buildReport(store, { now })));
 */
export function renderReport(data: ReportData): string {
  const labels = new Map(data.facts.map((fact) => [fact.current.id, fact.current.label]));
  const window = [
    data.since ? `since ${day(data.since)}` : 'since the start',
    data.publishedSince ? `news published since ${day(data.publishedSince)}` : '',
    data.topic ? `topic ${data.topic}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const observed = data.facts.some((fact) => fact.findings.length > 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>factwatch: ${escapeMarkup(data.title)}</title><style>${STYLE}</style></head>
<body><main>
<header><h1>${escapeMarkup(data.title)}</h1><p class="muted">factwatch report · ${escapeMarkup(window)} · generated ${escapeMarkup(day(data.generatedAt))} UTC from ${escapeMarkup(data.location)}</p></header>
${observed ? '' : '<p id="empty">Nothing has been observed yet: no item has said anything about these facts. Run <code>factwatch run</code> (or wait for the next poll) and open the report again.</p>'}
<section id="changes"><h2>What changed (${data.changes.length})</h2>
${data.changes.length ? data.changes.map((change) => changeBlock(change, labels)).join('\n') : '<p class="muted">No change in this window.</p>'}
</section>
<section id="facts"><h2>Every fact (${data.facts.length})</h2>
${[...data.facts]
  // by the label a reader scans, not the id ("Samsung foundry revenue uplift" sat among the "Deal …" rows)
  .sort((a, b) => a.current.label.localeCompare(b.current.label))
  .map((fact) => factRow(fact, data.generatedAt))
  .join('\n')}
</section>
<section id="feeds"><h2>Feed health (${data.feeds.length})</h2>
<div class="table-wrap"><table><thead><tr><th>feed</th><th>status</th><th>HTTP</th><th>last poll</th><th>last error</th><th>items</th><th>next poll</th></tr></thead>
<tbody>${data.feeds.map(feedRow).join('')}</tbody></table></div>
</section>
</main></body></html>
`;
}
