import { findTableRow, renderTable, TABLE_END, TABLE_START, type TableRow, upsertTableRow } from './markdown-table';

const row = (bench: string, figure: string): TableRow => ({
  Bench: bench,
  Figure: figure,
  Target: 't',
  Result: 'pass',
  'Peak RSS (MB)': 'ingest 120',
  Date: '2026-11-22',
  Machine: '2 cores, 23.5 GB, load 1.2',
  Commit: 'abc1234',
});

const doc = (rows: TableRow[]) => `# Benchmarks\n\nIntro.\n\n${renderTable(rows)}\n\n## After\n\nText.\n`;

describe('upsertTableRow', () => {
  it('replaces the row of the same bench in place and keeps the prose around the table', () => {
    const before = doc([row('pg-ceiling', '4,000 commits/s'), row('scim-create', 'old')]);
    const after = upsertTableRow(before, row('pg-ceiling', '4,100 commits/s'));
    expect(after).toBe(doc([row('pg-ceiling', '4,100 commits/s'), row('scim-create', 'old')]));
  });

  it('appends a bench that has no row yet', () => {
    const after = upsertTableRow(doc([row('pg-ceiling', 'a')]), row('big-group', 'b'));
    expect(after).toBe(doc([row('pg-ceiling', 'a'), row('big-group', 'b')]));
  });

  it('fills an empty table', () => {
    expect(upsertTableRow(doc([]), row('events-read', 'x'))).toBe(doc([row('events-read', 'x')]));
  });

  it('escapes pipes in cells and reads them back unescaped', () => {
    const once = upsertTableRow(doc([]), row('scim-create', 'c=1 | c=10'));
    expect(once).toContain('c=1 \\| c=10');
    const twice = upsertTableRow(once, row('pg-ceiling', 'y'));
    expect(twice).toBe(doc([row('scim-create', 'c=1 | c=10'), row('pg-ceiling', 'y')]));
  });

  it('adds the table at the end of a document without one', () => {
    const after = upsertTableRow('# Benchmarks\n', row('pg-ceiling', 'z'));
    expect(after.startsWith('# Benchmarks\n\n')).toBe(true);
    expect(after).toContain(TABLE_START);
    expect(after.trimEnd().endsWith(TABLE_END)).toBe(true);
    expect(upsertTableRow(after, row('pg-ceiling', 'w'))).not.toContain('| z |');
  });
});

describe('findTableRow', () => {
  it('finds a bench’s row, or nothing', () => {
    const document = doc([row('pg-ceiling', '4,100 commits/s'), row('scim-create', 'x')]);
    expect(findTableRow(document, 'pg-ceiling')?.Figure).toBe('4,100 commits/s');
    expect(findTableRow(document, 'big-group')).toBeUndefined();
    expect(findTableRow('# no table', 'pg-ceiling')).toBeUndefined();
  });
});
