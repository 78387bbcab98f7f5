import { renderValue } from '../../facts/render-value.ts';
import { type BaselineVersion, listCurrentBaselines } from '../../store/baseline.ts';
import { STORE_OPTIONS_HELP } from '../args.ts';
import { listCommand } from '../list-command.ts';
import type { Column } from '../output.ts';

const COLUMNS: Column<BaselineVersion>[] = [
  { header: 'ID', value: (fact) => fact.id },
  { header: 'TOPIC', value: (fact) => fact.topic },
  {
    header: 'VALUE',
    value: (fact) =>
      fact.qualifier ? `${renderValue(fact.value)} (${fact.qualifier})` : renderValue(fact.value),
  },
  { header: 'V', value: (fact) => String(fact.version) },
  { header: 'SEVERITY', value: (fact) => fact.severity },
  { header: 'CLAIM', value: (fact) => fact.claim, maxWidth: 60 },
];

export const factsCommand = listCommand({
  name: 'facts',
  summary: 'list the current baseline facts',
  help: `Usage: factwatch facts [--format table|json] [--data-dir DIR | --table NAME]

Lists every baseline fact with its current value and version. Accepted changes
(factwatch accept) show as higher versions; earlier versions are kept.

Options:
  --format table|json   output for people (default) or one JSON array
${STORE_OPTIONS_HELP}

Examples:
  factwatch facts
  factwatch facts --format json | jq '.[] | select(.topic == "chips")'`,
  load: listCurrentBaselines,
  toJson: (fact) => fact,
  columns: COLUMNS,
});
