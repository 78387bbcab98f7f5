import { htmlToText } from '../shared/feeds/clean-text.ts';

const MB = 1024 * 1024;

/** The traps of tests/unit/feeds-clean-text.test.ts, 1 MB each, plus ordinary article HTML. */
const INPUTS: Record<string, string> = {
  unclosedComments: '<!--'.repeat(MB / 4),
  unclosedScripts: '<script>'.repeat(MB / 8),
  unclosedTags: '<a href="x" '.repeat(MB / 12),
  nestedEntities: '&amp;'.repeat(MB / 5),
  cdataOpeners: '<![CDATA['.repeat(MB / 9),
  articleHtml:
    '<p>Tesla &amp; <b>Samsung</b> sign a <a href="https://example.org">$16.5 billion</a> deal.</p>'.repeat(
      MB / 96,
    ),
};

/**
 * HTML-to-text throughput on 1 MB of each known trap: milliseconds for 1 MB (best
 * of five) and MB/s. Regex stripping took 11 s for 100 KB of `<!--`.
 */
export function benchCleanText(): Record<string, { msPerMB: number; mbPerSecond: number }> {
  const results: Record<string, { msPerMB: number; mbPerSecond: number }> = {};
  for (const [name, html] of Object.entries(INPUTS)) {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      htmlToText(html, 20_000);
      best = Math.min(best, performance.now() - started);
    }
    const megabytes = html.length / MB;
    results[name] = {
      msPerMB: Number((best / megabytes).toFixed(1)),
      mbPerSecond: Number((megabytes / (best / 1000)).toFixed(1)),
    };
  }
  return results;
}
