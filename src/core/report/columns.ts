/**
 * Report tables from column specs (ARCHITECTURE "A table is a list of column specs"): a column is
 * {key, header, cell}; a row is whatever the section computes (figures of a group of schools, a
 * commune, a year…); each cell comes from its column, and a column with nothing for a row gets the
 * table's filler. Adding a column is one line in the section's column list (plus its header in the
 * catalogue); no row can come out narrower or wider than the header.
 */
import { t } from '../i18n';
import type { Lang } from '../findings';
import type { ReportCell, ReportTable } from './model';
import { missingCell } from './model';

export interface ColumnSpec<R, C> {
  /** Stable id of the column (a field id or a figure's name), unique in its table. */
  key: string;
  /** Header in the report's language. */
  header: (ctx: C) => string;
  /** The row's cell; undefined when the row has nothing for this column (the table's filler is written). */
  cell: (row: R, ctx: C) => ReportCell | undefined;
}

/** Header from the message catalogue. */
export function catalogHeader(key: string): (ctx: { lang: Lang }) => string {
  return (ctx) => t(key, ctx.lang);
}

export interface TableOptions {
  id: string;
  title: string;
  /** Rows (0-based) that are totals, printed bold. */
  totalRows?: number[];
  /** Written where a column has nothing for a row (default "–"). */
  filler?: () => ReportCell;
}

/** The table: the headers of the columns, one cell per column in every row. */
export function tableOf<R, C>(columns: ColumnSpec<R, C>[], rows: R[], ctx: C, opts: TableOptions): ReportTable {
  const keys = new Set<string>();
  for (const c of columns) {
    if (keys.has(c.key)) throw new Error(`Report table ${opts.id}: column "${c.key}" twice`);
    keys.add(c.key);
  }
  const filler = opts.filler ?? missingCell;
  const table: ReportTable = {
    id: opts.id,
    title: opts.title,
    columns: columns.map((c) => c.header(ctx)),
    rows: rows.map((r) => columns.map((c) => c.cell(r, ctx) ?? filler())),
  };
  if (opts.totalRows) table.totalRows = opts.totalRows;
  return table;
}

/** A row that names its cells by column key (tables whose rows differ in kind: counts, then rates). */
export type KeyedRow = Record<string, ReportCell | undefined>;

/** A column whose cell the row names by the column's key. */
export function keyedColumn<C>(key: string, header: (ctx: C) => string): ColumnSpec<KeyedRow, C> {
  return { key, header, cell: (r) => r[key] };
}

/** A keyed row; a key that no column has is a bug (the cell would be lost), stopped here. */
export function keyedRow<C>(columns: ColumnSpec<KeyedRow, C>[], cells: KeyedRow): KeyedRow {
  for (const k of Object.keys(cells)) {
    if (!columns.some((c) => c.key === k)) throw new Error(`Report row: no column "${k}"`);
  }
  return cells;
}
