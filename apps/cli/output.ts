import { removeUnsafe } from '../../shared/feeds/clean-text.ts';

/**
 * Output for people (aligned tables) and for scripts (JSON, CSV). Columns are
 * declared once per command and used for both table and CSV.
 */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  /** Truncate table cells beyond this width (CSV is never truncated). */
  maxWidth?: number;
}

/**
 * An aligned plain-text table, one row per line.
 *
 * @example
 * renderTable([{ id: 'deal.value' }], [{ header: 'ID', value: (r) => r.id }]); // "ID\ndeal.value"
 */
export function renderTable<Row>(rows: Row[], columns: Column<Row>[], width?: number): string {
  const texts = rows.map((row) => columns.map((column) => column.value(row)));
  const fitted = (last: number | undefined) =>
    texts.map((line) =>
      line.map((text, index) =>
        fitCell(text, index === columns.length - 1 && last !== undefined ? last : columns[index]!.maxWidth),
      ),
    );
  let cells = fitted(undefined);
  const widthsOf = (table: string[][]) =>
    columns.map((column, index) =>
      Math.max(displayWidth(column.header), ...table.map((line) => displayWidth(line[index]!))),
    );
  let widths = widthsOf(cells);
  // On a narrow terminal the last column (evidence, a claim) gives way, down to 16 columns, so rows do not wrap.
  const total = widths.reduce((sum, each) => sum + each, 0) + 2 * (columns.length - 1);
  const lastColumn = columns.at(-1);
  if (width !== undefined && total > width && lastColumn?.maxWidth !== undefined) {
    cells = fitted(Math.max(16, width - (total - widths.at(-1)!)));
    widths = widthsOf(cells);
  }
  const pad = (text: string, index: number) =>
    index === columns.length - 1 ? text : text + ' '.repeat(widths[index]! - displayWidth(text));
  const lines = [
    columns.map((column, index) => pad(column.header, index)),
    ...cells.map((line) => line.map(pad)),
  ];
  return lines.map((line) => line.join('  ').trimEnd()).join('\n');
}

/**
 * RFC 4180 CSV with a header line. A cell that a spreadsheet would run as a
 * formula (it starts with = + - @, or a tab or carriage return) gets a leading
 * apostrophe, so a headline such as `=HYPERLINK(…)` stays text.
 *
 * @example
 * renderCsv([{ t: '=1+1' }], [{ header: 't', value: (r) => r.t }]); // "t\n'=1+1"
 */
export function renderCsv<Row>(rows: Row[], columns: Column<Row>[]): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const cell = (text: string) => quote(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  const lines = [columns.map((column) => cell(column.header))];
  for (const row of rows) lines.push(columns.map((column) => cell(removeUnsafe(column.value(row)))));
  return lines.map((line) => line.join(',')).join('\n');
}

/** Text on one line, cut to `maxWidth` terminal columns with an ellipsis. */
export function fitCell(text: string, maxWidth?: number): string {
  const oneLine = removeUnsafe(text).replace(/\s+/g, ' ').trim();
  if (!maxWidth || displayWidth(oneLine) <= maxWidth) return oneLine;
  let out = '';
  for (const char of oneLine) {
    if (displayWidth(`${out}${char}`) > maxWidth - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** Terminal columns: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}
