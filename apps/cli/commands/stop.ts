import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../../shared/errors.ts';
import { runLockHolder } from '../../local/run-lock.ts';
import { stopWarmDynamoDb } from '../../local/warm-store.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_DATA_DIR } from '../session.ts';

const HELP = `Usage: factwatch stop [--data-dir DIR]

Stops the local store's DynamoDB Local now. After a command, it stays up for
10 minutes (FACTWATCH_STORE_IDLE_SECONDS) so that the next facts, history,
feeds or run starts at once, then stops by itself. Nothing is lost: the data
is on disk under DIR, and the next command starts it again.

Options:
  --data-dir DIR   local store folder (default .factwatch/)
  -h, --help       this help

Examples:
  factwatch stop
  factwatch stop --data-dir ~/stories/ai6`;

export const stopCommand: Command = {
  name: 'stop',
  summary: "stop the local store's DynamoDB Local now (it stops by itself when idle)",
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandArgs('stop', args, {
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const dataDir = resolve(values['data-dir'] ?? DEFAULT_DATA_DIR);
    if (!existsSync(dataDir)) throw new UsageError(`stop: no local store in ${dataDir}`);
    if (!statSync(dataDir).isDirectory())
      throw new UsageError(`--data-dir ${dataDir}: is a file, not a folder`);
    const runner = runLockHolder(dataDir);
    if (runner !== undefined)
      throw new UsageError(`stop: a factwatch run is using ${dataDir} (pid ${runner}); let it finish first`);
    const pid = await stopWarmDynamoDb(resolve(dataDir, 'dynamodb'));
    io.out(
      pid === undefined
        ? `No DynamoDB Local is running for ${dataDir}.`
        : `Stopped DynamoDB Local for ${dataDir} (pid ${pid}); the next command starts it again.`,
    );
    return 0;
  },
};
