import { readFileSync } from 'node:fs';
import { displayPath, loadBaselineFile, withoutBom } from '../../../shared/config/load.ts';
import { projectSettings } from '../../../shared/config/settings.ts';
import { fileProblem, UsageError } from '../../../shared/errors.ts';
import { analyzeItem, contractFinding, createFactEngine } from '../../../shared/facts/analyze.ts';
import { renderValue } from '../../../shared/facts/render-value.ts';
import { loadRulesFile, rulesPathFor } from '../../../shared/facts/rules.ts';
import { TEXT_LIMITS } from '../../../shared/feeds/normalise.ts';
import type { Finding } from '../../../shared/model/findings.ts';
import { AnalyzeItemSchema } from '../../../shared/model/items.ts';
import { oneOf, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { type Column, renderTable } from '../output.ts';

const COLUMNS: Column<Finding>[] = [
  { header: 'ITEM', value: (f) => f.itemId, maxWidth: 16 },
  { header: 'FACT', value: (f) => f.factId },
  { header: 'STATUS', value: (f) => f.status },
  {
    header: 'BASELINE -> OBSERVED',
    value: (f) => `${renderValue(f.baseline)} -> ${renderValue(f.observed)}`,
  },
  { header: 'EVIDENCE', value: (f) => f.evidence, maxWidth: 70 },
];

/** Reads JSONL input, failing on the first bad line with its number. */
export function parseItemLines(text: string, source: string) {
  return withoutBom(text)
    .split('\n')
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      const where = `${source}:${index + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new UsageError(`analyze: ${where}: not valid JSON (${(error as Error).message})`);
      }
      const parsed = AnalyzeItemSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.length ? `field "${issue.path.join('.')}": ` : '';
        throw new UsageError(`analyze: ${where}: ${field}${issue.message}`);
      }
      return [parsed.data];
    });
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'findings for JSONL items (no network, no database)',
  help: `Usage: factwatch analyze [FILE|-] [--baseline FILE] [--rules FILE] [--format jsonl|table]

Reads items as JSONL, one {"id","title","summary"?,"content"?,"link"?,"published"?,"source"?}
a line (from FILE, or standard input with - or no FILE), and prints one finding a line:
{"itemId","factId","status","observed","baseline","evidence","severity"}. Status is
confirmed, changed, new or mentioned. An item with no finding prints nothing.

Options:
  --baseline FILE       another fact sheet (default: baselineFile in cdk.json, else
                        the shipped Tesla–Samsung sheet)
  --rules FILE          its match rules (default: rules.json beside the fact sheet)
  --format jsonl|table  JSONL for scripts (default) or a table for people, which
                        first names the fact sheet and rules it compared with

  -h, --help            this help

analyze reads the fact sheet file, not a store: values accepted into a store
(factwatch accept) are not what it compares with. It reads each item as the tracker
stores a feed item: a title past 500 characters, a summary past 2,000 or a content
past 20,000 is cut there (one line on standard error says how many were).

Examples:
  factwatch analyze tests/fixtures/facts/dev-set.jsonl
  echo '{"id":"1","title":"Intel wins Tesla AI5 order"}' | factwatch analyze - --format table`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'analyze',
      args,
      {
        baseline: { type: 'string' },
        rules: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      1,
    );
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const format = oneOf('--format', values.format, ['jsonl', 'table'] as const, 'jsonl');
    const baselinePath = values.baseline ?? projectSettings(process.cwd()).baselineFile;
    const sheet = loadBaselineFile(baselinePath);
    const rulesPath = rulesPathFor(baselinePath, values.rules);
    const engine = createFactEngine(sheet.facts, loadRulesFile(rulesPath));
    const input = positionals[0] ?? '-';
    // Someone who typed "factwatch analyze" alone would otherwise wait on a silent terminal.
    if (input === '-' && process.stdin.isTTY)
      io.err('analyze: reading JSONL items from standard input (Ctrl-D ends them)');
    const text = input === '-' ? readFileSync(0, 'utf8') : readInput(input);
    const where = input === '-' ? 'stdin' : displayPath(input);
    const { items, cut } = cappedAsStored(parseItemLines(text, where));
    // What the tracker reads: a feed item's fields are kept up to TEXT_LIMITS, so analyze cuts them alike.
    if (cut > 0)
      io.err(
        `analyze: ${cut} item(s) had a field longer than the tracker keeps; read as stored (title ${TEXT_LIMITS.title}, summary ${TEXT_LIMITS.summary.toLocaleString('en-US')}, content ${TEXT_LIMITS.content.toLocaleString('en-US')} characters)`,
      );
    // An empty input and one with no finding both print nothing as JSONL: say which it was.
    if (items.length === 0)
      io.err(`analyze: no items in ${input === '-' ? 'standard input' : where} (one JSON object a line)`);
    const findings = items.flatMap((item) => analyzeItem(item, engine).map(contractFinding));
    if (format === 'table') {
      // The file, not a store: an accepted change in a store is not what analyze compares with.
      io.out(
        `Compared with ${displayPath(baselinePath)}${sheet.asOf ? ` (as of ${sheet.asOf})` : ''}, rules ${displayPath(rulesPath)}`,
      );
      io.out(findings.length ? renderTable(findings, COLUMNS, io.width) : 'No findings.');
    } else if (findings.length) io.out(findings.map((finding) => JSON.stringify(finding)).join('\n'));
    return 0;
  },
};

/** Items with each field cut to what the feed reader stores (TEXT_LIMITS), and how many were cut. */
function cappedAsStored<T extends { title: string; summary?: string; content?: string }>(
  items: T[],
): { items: T[]; cut: number } {
  let cut = 0;
  const capped = items.map((item) => {
    const fields = {
      title: item.title.slice(0, TEXT_LIMITS.title),
      ...(item.summary === undefined ? {} : { summary: item.summary.slice(0, TEXT_LIMITS.summary) }),
      ...(item.content === undefined ? {} : { content: item.content.slice(0, TEXT_LIMITS.content) }),
    };
    const longer =
      fields.title.length < item.title.length ||
      (fields.summary?.length ?? 0) < (item.summary?.length ?? 0) ||
      (fields.content?.length ?? 0) < (item.content?.length ?? 0);
    if (!longer) return item;
    cut++;
    return { ...item, ...fields };
  });
  return { items: capped, cut };
}

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`analyze: ${path}: cannot read file (${fileProblem(error)})`);
  }
}
