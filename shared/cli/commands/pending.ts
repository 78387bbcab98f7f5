import type { Command } from '../command.ts';

/**
 * A command of the CLI contract whose stage has not landed yet: it is listed in
 * help and answers honestly instead of pretending to work.
 */
export function pendingCommand(name: string, summary: string, usage: string): Command {
  const help = `Usage: ${usage}\n\n${summary}.\nNot yet available in this version of factwatch.`;
  return {
    name,
    summary: `${summary} (not yet available)`,
    help,
    async run(args, io) {
      if (args.includes('--help') || args.includes('-h')) {
        io.out(help);
        return 0;
      }
      io.err(`factwatch ${name}: not yet available in this version`);
      return 1;
    },
  };
}
