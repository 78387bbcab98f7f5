import { nearest } from '../../shared/config/suggest.ts';
import { FactwatchError, UsageError } from '../../shared/errors.ts';
import type { CliIO, Command } from './command.ts';
import { processIO } from './command.ts';

/**
 * The commands, each loaded only when it runs: `factwatch --help` and the quick
 * read commands do not pay for the SDKs, the emulator and the feed parser they
 * do not use.
 */
const COMMANDS: Array<{ name: string; summary: string; load: () => Promise<Command> }> = [
  {
    name: 'run',
    summary: 'poll due feeds, analyze, alert (one full local cycle)',
    load: async () => (await import('./commands/run.ts')).runCommand,
  },
  {
    name: 'analyze',
    summary: 'findings for JSONL items (no network, no database)',
    load: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  },
  {
    name: 'history',
    summary: 'what was observed about the facts, newest first',
    load: async () => (await import('./commands/history.ts')).historyCommand,
  },
  {
    name: 'facts',
    summary: 'list the current baseline facts',
    load: async () => (await import('./commands/facts.ts')).factsCommand,
  },
  {
    name: 'accept',
    summary: 'adopt an observed value as the new baseline',
    load: async () => (await import('./commands/accept.ts')).acceptCommand,
  },
  {
    name: 'feeds',
    summary: 'feed health: last status, last error, items seen, next poll',
    load: async () => (await import('./commands/feeds.ts')).feedsCommand,
  },
  {
    name: 'report',
    summary: 'write the story as one HTML page: changes, facts, charts, feed health',
    load: async () => (await import('./commands/report.ts')).reportCommand,
  },
  {
    name: 'stop',
    summary: "stop the local store's DynamoDB Local now (it stops by itself when idle)",
    load: async () => (await import('./commands/stop.ts')).stopCommand,
  },
  {
    name: 'check',
    summary: 'validate feeds before adding them',
    load: async () => (await import('./commands/check.ts')).checkCommand,
  },
];

/** The names `factwatch` answers to, for tests that check every command has help. */
export const COMMAND_NAMES = COMMANDS.map((command) => command.name);

export const MAIN_HELP = `factwatch: follow a news story and hear when what you rely on stops being true.

Usage: factwatch <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`).join('\n')}

Options:
  -h, --help      this help; "factwatch <command> --help" (or "factwatch help
                  <command>") for a command's own
  -v, --version   the version

Every command that touches the store takes --data-dir DIR (local store,
default .factwatch/) or --table NAME (the deployed table).

Examples:
  factwatch run --demo
  factwatch facts
  factwatch history --topic chips --status changed,new --since 2025-08-01
  factwatch feeds --format json`;

/**
 * Runs one CLI invocation and returns its exit code. Errors factwatch raises on
 * purpose print one line (exit 2 for bad input); anything else prints one line
 * too, with the stack only under FACTWATCH_DEBUG=1.
 *
 * @example
 * process.exitCode = await main(['facts', '--format', 'json']);
 */
export async function main(argv: string[], given: CliIO = processIO): Promise<number> {
  // COLUMNS, as shells export it, gives the width where stdout is not a terminal (a pager, a test).
  const columns = Number(process.env.COLUMNS);
  const io = given.width === undefined && columns > 0 ? { ...given, width: columns } : given;
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      // "factwatch help facts" is how git and npm ask for one command's help.
      if (name === 'help' && rest[0] !== undefined) {
        const topic = COMMANDS.find((candidate) => candidate.name === rest[0]);
        if (!topic) throw new UsageError(unknownCommand(rest[0]));
        return await (await topic.load()).run(['--help'], io);
      }
      io.out(MAIN_HELP);
      return name === undefined ? 2 : 0;
    }
    if (name === '-v' || name === '--version') {
      io.out(await readVersion());
      return 0;
    }
    const entry = COMMANDS.find((candidate) => candidate.name === name);
    if (!entry) throw new UsageError(unknownCommand(name));
    return await (await entry.load()).run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function unknownCommand(name: string): string {
  // A prefix that names one command ("hist") is a shortening, not a typo.
  const starts = name.length >= 2 ? COMMAND_NAMES.filter((command) => command.startsWith(name)) : [];
  const guess = starts.length === 1 ? starts[0] : nearest(name, COMMAND_NAMES);
  return guess
    ? `unknown command "${name}": did you mean "${guess}"? (factwatch --help lists the commands)`
    : `unknown command "${name}" (factwatch --help lists the commands)`;
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof FactwatchError) {
    io.err(`factwatch: ${printable(error.message)}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  io.err(`factwatch: unexpected error: ${printable(message ?? '')} (set FACTWATCH_DEBUG=1 for details)`);
  if (process.env.FACTWATCH_DEBUG === '1' && error instanceof Error) io.err(error.stack ?? '');
  return 1;
}

/**
 * An error line with control characters shown as escapes: a message may quote a
 * binary file or a hostile feed, and raw NULs or escape sequences must not reach
 * the terminal.
 *
 * @example
 * printable('bad \u0000\u001b[2J'); // 'bad \\x00\\x1b[2J'
 */
export function printable(line: string): string {
  return line.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point: they are escaped.
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (c) => {
      const code = c.charCodeAt(0);
      return code < 0x100
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
}

async function readVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
