/**
 * Reading a large sheet (a household register of 30.000 rows) in few round trips: sync 1 loads the
 * sheet names and the active sheet's size and first rows; the caller's plan picks the sheet and the
 * columns worth reading; then the values of those columns only, in pieces each under Excel on the
 * web's 5 MB response cap (by estimated bytes and by cells), all pieces of one sync together under it.
 * A 30.000-row register therefore takes three syncs; a refused piece is halved and read again.
 */
import type { CellValue, ColumnsPlan, SelectedRead, SheetHead } from '../core/types';
import { isPayloadLimit } from './workbookPort';

/** Response budget per sync: below the 5 MB cap with room for JSON overhead. */
export const SYNC_BYTES = 4_400_000;
/** Cells per sync (a blank cell still costs about 3 bytes; text cells 10–30). */
export const SYNC_CELLS = 560_000;
const HEAD_ADDRESS = (rows: number) => `A1:CZ${rows}`;

function toValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** Contiguous runs of the selected columns: one range per run. */
function runs(columns: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

export async function readSelectedIn(
  ctx: Excel.RequestContext,
  headRows: number,
  plan: (heads: SheetHead[]) => ColumnsPlan | null,
  limits: { bytes?: number; cells?: number } = {},
): Promise<SelectedRead | null> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const headOf = (ws: Excel.Worksheet) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const head = ws.getRange(HEAD_ADDRESS(headRows));
    head.load('values');
    ws.load('name');
    return { ws, used, head };
  };
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  const active = headOf(ctx.workbook.worksheets.getActiveWorksheet());
  await sync();
  const toHead = (x: ReturnType<typeof headOf>): SheetHead => ({
    name: x.ws.name,
    rowCount: x.used.isNullObject ? 0 : x.used.rowIndex + x.used.rowCount,
    columnCount: x.used.isNullObject ? 0 : x.used.columnIndex + x.used.columnCount,
    head: (x.head.values as unknown[][]).map((r) => r.map(toValue)),
  });
  const heads = [toHead(active)];
  let chosen = plan(heads);
  if (!chosen) {
    // The register is not the active sheet: look at the others (one more round trip).
    const others = sheets.items.filter((s) => s.name !== active.ws.name).map((s) => headOf(s));
    if (!others.length) return null;
    await sync();
    heads.push(...others.map(toHead));
    chosen = plan(heads);
    if (!chosen) return null;
  }
  const head = heads.find((h) => h.name === chosen!.sheet)!;
  const ws = sheets.items.find((s) => s.name === chosen!.sheet) ?? active.ws;
  const total = Math.max(0, head.rowCount - chosen.fromRow);
  const width = Math.max(1, chosen.columns.length);
  const perSync = Math.max(1, Math.min(Math.floor((limits.bytes ?? SYNC_BYTES) / Math.max(1, chosen.bytesPerRow)), Math.floor((limits.cells ?? SYNC_CELLS) / width)));
  const rows: CellValue[][] = new Array(total);
  const spans = runs(chosen.columns);
  // Pieces of rows, each read in one sync (one range per column run).
  const queue: [number, number][] = [];
  for (let r = 0; r < total; r += perSync) queue.push([r, Math.min(total, r + perSync)]);
  while (queue.length) {
    const [r0, r1] = queue.shift()!;
    const ranges = spans.map(([c0, c1]) => {
      const rg = ws.getRangeByIndexes(chosen!.fromRow + r0, c0, r1 - r0, c1 - c0 + 1);
      rg.load('values');
      return { rg, c0 };
    });
    try {
      await sync();
    } catch (e) {
      if (!isPayloadLimit(e) || r1 - r0 <= 1) throw e;
      const mid = r0 + Math.floor((r1 - r0) / 2);
      queue.unshift([r0, mid], [mid, r1]);
      continue;
    }
    for (let i = r0; i < r1; i++) rows[i] = [];
    for (const { rg, c0 } of ranges) {
      const values = rg.values as unknown[][];
      for (let i = 0; i < values.length; i++) {
        const line = rows[r0 + i];
        const src = values[i];
        for (let k = 0; k < src.length; k++) line[c0 + k] = toValue(src[k]);
      }
    }
  }
  return { plan: chosen, head, rows, syncs };
}
