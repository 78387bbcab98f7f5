import type { CliIO } from '../../shared/cli/command.ts';
import { main } from '../../shared/cli/main.ts';

/** Runs the CLI in this process, capturing what it prints and its exit code. */
export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false };
  const code = await main(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
