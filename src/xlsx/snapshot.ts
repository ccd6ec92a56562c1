/**
 * Row stream → SheetSnapshot, the random-access view the template reader uses. Sparse: a row that
 * holds no cell is a hole in `values`, and a cell far to the right of the others is stored alone
 * (a hole-y row), so a stray cell at XFD1048576 costs one cell, not a grid from A1. Within a row,
 * short gaps are filled with null (and 'General') so that ordinary rows look exactly as before.
 *
 * After the rows: merged areas are clipped to the used cells (A10:XFD1048576 over data in A1:F30
 * becomes A10:F30), values repeated inside a merge are dropped (Excel shows the first cell only), and
 * formulas without a cached value are computed where they are a plain SUM or a+b, else listed.
 */
import type { CellValue, SheetSnapshot } from '../core/types';
import { toA1 } from '../core/a1';
import { evaluatePlain, parsePlainFormula, PENDING, type CellSource } from './formula';
import type { RowStreamOptions, SheetInfo, WorkbookSource } from './rows';

/** A gap up to this many columns inside a row is filled; beyond it the far cell is stored alone. */
const DENSE_GAP = 256;
/** Work allowed for dropping repeated merge values and for computing formulas (cell visits). */
const WORK_BUDGET = 20_000_000;
/** Addresses kept per list (uncalculated, computed); the count says how many in all. */
const MAX_LISTED = 50;

function place<T>(line: T[], c: number, v: T, fill: T): void {
  const n = line.length;
  if (c >= n && c - n <= DENSE_GAP) {
    for (let k = n; k < c; k++) line.push(fill);
    line.push(v);
  } else line[c] = v;
}

function parseRange(ref: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => {
    let n = 0;
    for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const a = { r: Number(m[2]) - 1, c: col(m[1]) };
  const b = m[3] ? { r: Number(m[4]) - 1, c: col(m[3]) } : a;
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

/** Index of the first element ≥ x in a sorted array. */
function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function readSheetSnapshot(source: WorkbookSource, info: SheetInfo, opts: RowStreamOptions = {}): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const formulas: (string | null)[][] = [];
  const rowList: number[] = [];
  let sorted = true;
  const pending: { r: number; c: number; formula: string }[] = [];
  const withFormulas = !!opts.formulas;
  const summary = source.readRows(
    info,
    (row) => {
      const r = row.index;
      let line = values[r];
      let fline = formats[r];
      let xline = withFormulas ? formulas[r] : undefined;
      if (!line) {
        if (rowList.length && r < rowList[rowList.length - 1]) sorted = false;
        rowList.push(r);
        values[r] = line = [];
        formats[r] = fline = [];
        if (withFormulas) formulas[r] = xline = [];
      }
      for (let k = 0; k < row.length; k++) {
        const c = row.cols[k];
        place(line, c, row.values[k], null);
        place(fline!, c, row.formats[k] ?? 'General', 'General');
        const f = row.formulas[k];
        if (xline) place(xline, c, f === undefined ? null : `=${f}`, null);
        if (row.uncached[k] && f !== undefined) pending.push({ r, c, formula: f });
      }
    },
    opts,
  );
  if (!sorted) rowList.sort((a, b) => a - b);
  // A few blank rows between tables are filled with empty rows (what every consumer used to get);
  // a far stray cell leaves the rows between as holes (values[r] undefined).
  if (values.length - rowList.length <= 1000 + 10 * rowList.length) {
    for (let r = 0; r < values.length; r++) {
      if (values[r]) continue;
      values[r] = [];
      formats[r] = [];
      if (withFormulas) formulas[r] = [];
    }
  }
  let budget = WORK_BUDGET;

  // Merged areas, clipped to the cells in use.
  const merges: string[] = [];
  const pendingAt = new Set(pending.map((p) => p.r * 16384 + p.c));
  const hiddenPending = new Set<number>();
  const { maxRow, maxCol } = summary;
  for (const ref of summary.merges) {
    const m = parseRange(ref);
    if (!m || m.r0 > maxRow || m.c0 > maxCol) continue;
    const r1 = Math.min(m.r1, maxRow);
    const c1 = Math.min(m.c1, maxCol);
    if (r1 === m.r0 && c1 === m.c0) continue;
    merges.push(`${toA1(m.r0, m.c0)}:${toA1(r1, c1)}`);
    // Values written inside the merge besides its first cell are not shown by Excel: drop them.
    for (let i = lowerBound(rowList, m.r0); i < rowList.length && rowList[i] <= r1 && budget > 0; i++) {
      const r = rowList[i];
      const line = values[r];
      const end = Math.min(c1, line.length - 1);
      for (let c = m.c0; c <= end; c++) {
        budget--;
        if (r === m.r0 && c === m.c0) continue;
        if (line[c] !== undefined && line[c] !== null) line[c] = null;
        else if (pendingAt.has(r * 16384 + c)) hiddenPending.add(r * 16384 + c);
      }
    }
  }

  // Formulas without a cached value: compute the plain ones, list the rest.
  const computed: string[] = [];
  const uncalculated: string[] = [];
  // A formula hidden under a merge is dropped like any hidden value (its text stays in `formulas`).
  const live = hiddenPending.size ? pending.filter((p) => !hiddenPending.has(p.r * 16384 + p.c)) : pending;
  if (live.length) {
    const waiting = new Set(live.map((p) => p.r * 16384 + p.c));
    const failed = new Set<number>();
    const src: CellSource = {
      value: (r, c) => values[r]?.[c],
      pending: (r, c) => (waiting.has(r * 16384 + c) ? 1 : failed.has(r * 16384 + c) ? 2 : 0),
      eachInRange(r0, c0, r1, c1, fn) {
        for (let i = lowerBound(rowList, r0); i < rowList.length && rowList[i] <= r1; i++) {
          const r = rowList[i];
          const line = values[r];
          const end = Math.min(c1, line.length - 1);
          for (let c = c0; c <= end; c++) {
            if (--budget < 0) return false;
            const v = line[c];
            if (v !== undefined && v !== null) fn(v, r, c);
            else if (waiting.has(r * 16384 + c) || failed.has(r * 16384 + c)) fn(null, r, c);
          }
        }
        return true;
      },
    };
    let left = live.map((p) => ({ ...p, plain: parsePlainFormula(p.formula) }));
    // Formulas may use each other: repeat while something new gets its value.
    for (let round = 0; round < 50 && left.length; round++) {
      const still: typeof left = [];
      for (const p of left) {
        const result = p.plain && budget > 0 ? evaluatePlain(p.plain, src) : null;
        if (result === PENDING) {
          still.push(p);
          continue;
        }
        if (result === null) {
          uncalculated.push(toA1(p.r, p.c));
          waiting.delete(p.r * 16384 + p.c);
          failed.add(p.r * 16384 + p.c);
          continue;
        }
        values[p.r][p.c] = result as CellValue;
        waiting.delete(p.r * 16384 + p.c);
        computed.push(toA1(p.r, p.c));
      }
      if (still.length === left.length) {
        // A cycle: none of them can be computed.
        for (const p of still) uncalculated.push(toA1(p.r, p.c));
        left = [];
        break;
      }
      left = still;
    }
    for (const p of left) uncalculated.push(toA1(p.r, p.c));
  }

  const snap: SheetSnapshot = { name: info.name, origin: { row: 0, col: 0 }, values, numberFormats: formats };
  if (withFormulas) snap.formulas = formulas;
  if (merges.length) snap.merges = merges;
  if (info.state !== 'visible') snap.hidden = true;
  if (uncalculated.length) snap.uncalculated = { cells: sortA1(uncalculated).slice(0, MAX_LISTED), count: uncalculated.length };
  if (computed.length) snap.computed = { cells: sortA1(computed).slice(0, MAX_LISTED), count: computed.length };
  return snap;
}

/** Row-major order of A1 addresses (B2 before A3). */
function sortA1(cells: string[]): string[] {
  const key = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
    return Number(m[2]) * 20000 + c;
  };
  return cells.slice().sort((a, b) => key(a) - key(b));
}
