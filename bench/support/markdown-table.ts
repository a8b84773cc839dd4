// The results table of docs/benchmarks.md lives between these markers, so the
// prose around it is left alone when a bench rewrites its row.
export const TABLE_START = '<!-- bench-table:start -->';
export const TABLE_END = '<!-- bench-table:end -->';

export const TABLE_COLUMNS = ['Bench', 'Figure', 'Target', 'Result', 'Peak RSS (MB)', 'Date', 'Machine', 'Commit'];

/** One row of the table; `bench` is its key. */
export type TableRow = Record<(typeof TABLE_COLUMNS)[number], string> & { Bench: string };

/**
 * The document with `row` in the results table: replacing the row of the same
 * bench where there is one, else appended. Adds the table (at the end) if the
 * document has none.
 */
export function upsertTableRow(document: string, row: TableRow): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    const separator = document.length === 0 || document.endsWith('\n') ? '' : '\n';
    return `${document}${separator}\n${renderTable([row])}\n`;
  }
  const rows = parseRows(document.slice(start + TABLE_START.length, end));
  const index = rows.findIndex((existing) => existing.Bench === row.Bench);
  if (index >= 0) rows[index] = row;
  else rows.push(row);
  return `${document.slice(0, start)}${renderTable(rows)}${document.slice(end + TABLE_END.length)}`;
}

/** The row of `bench` in the document's results table, if it has one. */
export function findTableRow(document: string, bench: string): TableRow | undefined {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return parseRows(document.slice(start + TABLE_START.length, end)).find((row) => row.Bench === bench);
}

export function renderTable(rows: readonly TableRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [
    TABLE_START,
    line(TABLE_COLUMNS),
    `|${TABLE_COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((row) => line(TABLE_COLUMNS.map((column) => row[column] ?? ''))),
    TABLE_END,
  ].join('\n');
}

function parseRows(table: string): TableRow[] {
  const lines = table
    .split('\n')
    .map((text) => text.trim())
    .filter((text) => text.startsWith('|'));
  // The first line is the header, the second the |---| rule.
  return lines.slice(2).map((text) => {
    const cells = splitCells(text);
    return Object.fromEntries(TABLE_COLUMNS.map((column, i) => [column, cells[i] ?? ''])) as TableRow;
  });
}

// Cells are split on pipes that are not escaped as \|.
function splitCells(line: string): string[] {
  const inner = line.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
