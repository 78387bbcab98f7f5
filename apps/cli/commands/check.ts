import { projectSettings } from '../../../shared/config/settings.ts';
import { UsageError } from '../../../shared/errors.ts';
import { type CheckResult, checkFeed } from '../../../shared/feeds/check.ts';
import { userAgent } from '../../../shared/feeds/fetch.ts';
import { VERSION } from '../../../shared/version.ts';
import { oneOf, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';

const HELP = `Usage: factwatch check FILE|URL... [--format table|jsonl] [--follow] [--strict]

Validates feeds before you add them, through the poller's own stages (fetch with
its limits and SSRF rules for URLs, then decode, parse, normalise). One answer
per input; a broken feed is an answer with ok:false, never a crash.

Options:
  --format table|jsonl  for people (default) or one JSON object a line:
                        {"input","feedUrl","feeds","ok","format","encoding","items","title",
                         "warnings","error","sample"} (docs/contracts.md)
  --follow              when a URL is an HTML page that links feeds, check the first one
  --strict              exit 1 when any input failed (a CI step checking a feeds file);
                        without it, 0 whenever every input got its answer
  -h, --help            this help

Examples:
  factwatch check https://electrek.co/guides/tesla/feed/
  factwatch check tests/fixtures/feeds/*.xml --format jsonl | jq 'select(.ok | not)'
  factwatch check https://www.teslarati.com/ --follow
  factwatch check --strict $(jq -r '.[].url' my-feeds.json)`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate feeds before adding them',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'check',
      args,
      {
        format: { type: 'string' },
        follow: { type: 'boolean' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      Number.POSITIVE_INFINITY,
    );
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const format = oneOf('--format', values.format, ['table', 'jsonl'] as const, 'table');
    if (positionals.length === 0) throw new UsageError('check: give at least one FILE or URL');
    // The CLI is an entry point: the contact comes from its environment, else cdk.json's.
    const contact = process.env.FACTWATCH_CONTACT ?? projectSettings(process.cwd()).contact;
    const options = { userAgent: userAgent(VERSION, contact), follow: values.follow };
    // Files are read one after another; URLs a few at a time. Output keeps the input order.
    const results: CheckResult[] = new Array(positionals.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(4, positionals.length) }, async () => {
        while (next < positionals.length) {
          const index = next++;
          results[index] = await checkFeed(positionals[index]!, options);
        }
      }),
    );
    if (format === 'jsonl') io.out(results.map((result) => JSON.stringify(result)).join('\n'));
    else io.out(results.map(renderResult).join('\n\n'));
    return values.strict && results.some((result) => !result.ok) ? 1 : 0;
  },
};

/** One input's answer for people: OK/FAIL, what was read, warnings, the first items. */
export function renderResult(result: CheckResult): string {
  const lines = [`${result.ok ? 'OK  ' : 'FAIL'} ${result.input}`];
  if (result.ok && result.feedUrl && result.feedUrl !== result.input)
    lines.push(`     followed the feed ${result.feedUrl} (put this URL in feeds.json)`);
  if (!result.ok) for (const feed of result.feeds) lines.push(`     feed: ${feed}`);
  if (result.ok)
    lines.push(
      `     ${result.format}, ${result.encoding}, ${result.items} item(s): ${result.title ?? '(no title)'}`,
    );
  else lines.push(`     ${result.error}`);
  for (const warning of result.warnings) lines.push(`     warning: ${warning}`);
  for (const item of result.sample)
    lines.push(
      `     - ${item.published.slice(0, 16).replace('T', ' ')}  ${item.title}${item.link ? `  <${item.link}>` : ''}`,
    );
  return lines.join('\n');
}
