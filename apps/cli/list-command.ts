import type { Store } from '../../shared/store/client.ts';
import { oneOf, parseCommandArgs, STORE_OPTIONS } from './args.ts';
import type { Command } from './command.ts';
import { type Column, renderTable } from './output.ts';
import { downloadProgress } from './progress.ts';
import { openSession, sheetNote } from './session.ts';

/**
 * A command that lists records from the store as a table or one JSON array
 * (`facts`, `feeds`): options, help and the session handled once. With `positional`,
 * one optional argument narrows the list (`facts deal.value` lists that fact's versions).
 *
 * @example
 * listCommand({ name: 'feeds', summary, help, load: listFeeds, toJson: feedRecord, columns });
 */
export function listCommand<Row>(spec: {
  name: string;
  summary: string;
  help: string;
  load: (store: Store, argument?: string) => Promise<Row[]>;
  toJson: (row: Row) => unknown;
  columns: Column<Row>[];
  /** The optional argument: its name in errors, and the columns when it is given. */
  positional?: { name: string; columns: Column<Row>[] };
  /** The rows are facts: say on stderr when the fact sheet and the store disagree. */
  readsFacts?: boolean;
}): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(
        spec.name,
        args,
        { ...STORE_OPTIONS, format: { type: 'string' } },
        spec.positional ? 1 : 0,
      );
      const argument = positionals[0];
      if (values.help) {
        io.out(spec.help);
        return 0;
      }
      const format = oneOf('--format', values.format, ['table', 'json'] as const, 'table');
      // Scripts reading JSON get nothing but the JSON, not even the one-time download notice.
      const session = await openSession(values, format === 'json' ? undefined : downloadProgress(io));
      if (session.newStoreNote) io.err(session.newStoreNote);
      try {
        const rows = await spec.load(session.store, argument);
        const note = spec.readsFacts
          ? await sheetNote(session.store, session.story, session.storeOption)
          : undefined;
        if (note) io.err(note);
        const columns = argument && spec.positional ? spec.positional.columns : spec.columns;
        io.out(
          format === 'json'
            ? JSON.stringify(rows.map(spec.toJson), null, 2)
            : renderTable(rows, columns, io.width),
        );
        return 0;
      } finally {
        await session.close();
      }
    },
  };
}
