import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileProblem, UsageError } from '../../../shared/errors.ts';
import { renderReport } from '../../../shared/report/page.ts';
import { buildReport } from '../../../shared/usecases/build-report.ts';
import { parseCommandArgs, parseSince, STORE_OPTIONS, STORE_OPTIONS_HELP } from '../args.ts';
import type { CliIO, Command } from '../command.ts';
import { downloadProgress } from '../progress.ts';
import { commandStory, openSession } from '../session.ts';
import { factsInTopic, knownTopic, parseFacts } from './history.ts';

const DEFAULT_OUT = 'factwatch-report.html';

const HELP = `Usage: factwatch report [--out FILE] [--open] [--since WHEN] [--published-since WHEN]
                        [--topic T] [--fact ID[,ID]] [--data-dir DIR | --table NAME]

Writes one self-contained HTML page of the story: what changed (was -> now, the
quoted evidence with publisher, time and link, other sources, accepted or not),
every fact with its baseline versions, timeline and a chart of observed values
against the baseline, and each feed's health. No script, no request to anywhere:
it opens offline, on a phone, light or dark as your system is.

Options:
  --out FILE            where to write it (default ${DEFAULT_OUT})
  --open                open it in your default browser afterwards
  --since WHEN          changes and findings from then on: 30m, 24h, 7d, 2w or 2025-08-01
                        (default: since the store was seeded)
  --published-since WHEN
                        only news published since then (a first run takes in a feed's
                        backlog in one day: this asks about the news, not the polling)
  --topic T             only the facts of this topic (deal, chips, fab, policy, market)
  --fact ID[,ID]        only these facts; a prefix names every fact under it (ai5)
${STORE_OPTIONS_HELP}

Examples:
  factwatch report --open
  factwatch report --since 7d --out week.html
  factwatch report --table factwatch-Store --topic chips
  factwatch report --fact ai5 --published-since 2025-08-01 --out ai5.html`;

/**
 * Opens a file in the system's browser; a machine without one gets the path to
 * open by hand. The opener either fails to start or exits non-zero (xdg-open with
 * no browser exits 3) within moments; a browser it started may run on, so the
 * wait is short and never holds the command.
 */
function openInBrowser(path: string, io: CliIO): Promise<void> {
  const url = pathToFileURL(path).href;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const note = () => io.err(`factwatch: note: could not start a browser (${command}); open ${url} yourself`);
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  return new Promise((done) => {
    const timer = setTimeout(done, 3000);
    child.on('error', () => {
      note();
      clearTimeout(timer);
      done();
    });
    child.on('exit', (code) => {
      if (code !== 0) note();
      clearTimeout(timer);
      done();
    });
    child.unref();
  });
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the story as one HTML page: changes, facts, charts, feed health',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandArgs('report', args, {
      ...STORE_OPTIONS,
      out: { type: 'string' },
      open: { type: 'boolean' },
      since: { type: 'string' },
      'published-since': { type: 'string' },
      topic: { type: 'string' },
      fact: { type: 'string' },
    });
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    // Every argument is checked before a database starts.
    const now = new Date();
    const since = values.since === undefined ? undefined : parseSince(values.since, now);
    const story = commandStory(values);
    const sheet = story.sheet.facts;
    const topic = values.topic === undefined ? undefined : knownTopic(values.topic, sheet);
    const publishedSince =
      values['published-since'] === undefined
        ? undefined
        : parseSince(values['published-since'], now, '--published-since');
    const facts =
      values.fact === undefined ? undefined : factsInTopic(parseFacts(values.fact, sheet), topic, sheet);
    const out = resolve(values.out ?? DEFAULT_OUT);
    if (values.out === '') throw new UsageError('--out: give a file name');
    const session = await openSession(values, downloadProgress(io), story);
    if (session.newStoreNote) io.err(session.newStoreNote);
    try {
      const data = await buildReport(session.store, {
        now,
        since,
        topic,
        ...(facts ? { facts } : {}),
        ...(publishedSince ? { publishedSince } : {}),
        title: session.story.sheet.title,
        location: session.location,
      });
      try {
        writeFileSync(out, renderReport(data));
      } catch (error) {
        throw new UsageError(`--out ${out}: cannot be written (${fileProblem(error)})`);
      }
      io.out(
        `Wrote ${out}: ${data.changes.length} change(s), ${data.facts.length} fact(s), ${data.feeds.length} feed(s). Open ${pathToFileURL(out).href}`,
      );
      if (values.open) await openInBrowser(out, io);
      return 0;
    } finally {
      await session.close();
    }
  },
};
