import { FactwatchError, UsageError } from '../errors.ts';
import type { CliIO, Command } from './command.ts';
import { processIO } from './command.ts';
import { acceptCommand } from './commands/accept.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { checkCommand } from './commands/check.ts';
import { factsCommand } from './commands/facts.ts';
import { feedsCommand } from './commands/feeds.ts';
import { historyCommand } from './commands/history.ts';
import { runCommand } from './commands/run.ts';

const COMMANDS: Command[] = [
  runCommand,
  analyzeCommand,
  historyCommand,
  factsCommand,
  acceptCommand,
  feedsCommand,
  checkCommand,
];

export const MAIN_HELP = `factwatch: follow a news story and hear when what you rely on stops being true.

Usage: factwatch <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`).join('\n')}

Options:
  -h, --help      this help; "factwatch <command> --help" for a command's own
  -v, --version   the version

Every command that touches the store takes --data-dir DIR (local store,
default .factwatch/) or --table NAME (the deployed table).

Examples:
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
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.out(MAIN_HELP);
      return name === undefined ? 2 : 0;
    }
    if (name === '-v' || name === '--version') {
      io.out(await readVersion());
      return 0;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) throw new UsageError(`unknown command "${name}" (factwatch --help lists them)`);
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof FactwatchError) {
    io.err(`factwatch: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  io.err(`factwatch: unexpected error: ${message} (set FACTWATCH_DEBUG=1 for details)`);
  if (process.env.FACTWATCH_DEBUG === '1' && error instanceof Error) io.err(error.stack ?? '');
  return 1;
}

async function readVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
