/**
 * The two things the reader does with formula text: translate a shared formula to a dependent cell
 * (what Excel does when it shows it), and compute the plain formulas that a file carries without a
 * cached value (=SUM(B2:B9), =B2+C2+D2): scripts and some exporters write formulas that nobody ever
 * calculated. Anything else stays uncalculated and becomes a finding. Host-neutral, no lookbehind
 * regexes (older Office webviews lack them).
 */
import type { CellValue } from '../core/types';
import { isCellError } from '../core/types';
import { columnIndex, columnLetter } from '../core/a1';

const REF = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])/g;

/** Applies `fn` to the parts of a formula outside string literals and quoted sheet names. */
function mapUnquoted(formula: string, fn: (part: string, atStart: boolean) => string): string {
  let out = '';
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      out += fn(formula.slice(start, i), start === 0);
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      start = i;
    } else i++;
  }
  return out + fn(formula.slice(start), start === 0);
}

/** Moves the relative references of `formula` by (dr, dc), as Excel fills a shared formula. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return mapUnquoted(formula, (part) =>
    part.replace(REF, (m, cAbs: string, col: string, rAbs: string, row: string, offset: number, whole: string) => {
      const prev = offset > 0 ? whole.charCodeAt(offset - 1) : 0;
      // Part of a longer name (LOG10, A1B2, _xlfn.X1) or a decimal: leave it.
      if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57) || prev === 95 || prev === 46) return m;
      let c = columnIndex(col);
      let r = Number(row) - 1;
      if (c < 0 || c > 16383 || r < 0 || r > 1048575) return m;
      if (!cAbs) c += dc;
      if (!rAbs) r += dr;
      if (c < 0 || r < 0 || c > 16383 || r > 1048575) return '#REF!';
      return `${cAbs}${columnLetter(c)}${rAbs}${r + 1}`;
    }),
  );
}

/* ---------------------------------------------------------------- plain formulas */

interface CellRef {
  r: number;
  c: number;
}

type Term = { kind: 'cell'; ref: CellRef; sign: 1 | -1 } | { kind: 'range'; from: CellRef; to: CellRef } | { kind: 'number'; value: number; sign: 1 | -1 };

export type PlainFormula = { kind: 'sum'; terms: Term[] } | { kind: 'add'; terms: Term[] };

function ref(text: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(text.trim());
  if (!m) return null;
  const c = columnIndex(m[1]);
  const r = Number(m[2]) - 1;
  return c >= 0 && c <= 16383 && r >= 0 && r <= 1048575 ? { r, c } : null;
}

/**
 * Recognises =SUM(refs and ranges, separated by , or ;) and =a+b-c over cells of the same sheet
 * (numbers allowed as terms). Anything else (other functions, other sheets, names) → null.
 */
export function parsePlainFormula(formula: string): PlainFormula | null {
  const f = formula.replace(/^=/, '').replace(/\s+/g, '');
  if (!f || f.length > 2000 || /[!'"]/.test(f)) return null;
  const sum = /^(?:_xlfn\.)?SUM\((.*)\)$/i.exec(f);
  if (sum) {
    const terms: Term[] = [];
    for (const arg of sum[1].split(/[,;]/)) {
      if (!arg) return null;
      const parts = arg.split(':');
      if (parts.length === 2) {
        const a = ref(parts[0]);
        const b = ref(parts[1]);
        if (!a || !b) return null;
        terms.push({ kind: 'range', from: { r: Math.min(a.r, b.r), c: Math.min(a.c, b.c) }, to: { r: Math.max(a.r, b.r), c: Math.max(a.c, b.c) } });
      } else if (parts.length === 1) {
        const a = ref(arg);
        if (a) terms.push({ kind: 'cell', ref: a, sign: 1 });
        else if (/^[0-9]+(\.[0-9]+)?$/.test(arg)) terms.push({ kind: 'number', value: Number(arg), sign: 1 });
        else return null;
      } else return null;
    }
    return { kind: 'sum', terms };
  }
  if (!/^[+-]?[$A-Za-z0-9.]+([+-][$A-Za-z0-9.]+)*$/.test(f)) return null;
  const terms: Term[] = [];
  for (const m of f.matchAll(/([+-]?)([$A-Za-z0-9.]+)/g)) {
    const sign = m[1] === '-' ? -1 : 1;
    const a = ref(m[2]);
    if (a) terms.push({ kind: 'cell', ref: a, sign });
    else if (/^[0-9]+(\.[0-9]+)?$/.test(m[2])) terms.push({ kind: 'number', value: Number(m[2]), sign });
    else return null;
  }
  // A single reference (=B2) is a copy, not a sum: still plain.
  return terms.length ? { kind: 'add', terms } : null;
}

/** What the evaluator needs from a sheet: a cell's value, and the existing cells of a range. */
export interface CellSource {
  value(r: number, c: number): CellValue | undefined;
  /** 0: an ordinary cell (or a formula already computed); 1: a formula still waiting; 2: a formula that cannot be computed. */
  pending(r: number, c: number): 0 | 1 | 2;
  /** Calls fn for each existing cell in the range; returns false when the budget ran out. */
  eachInRange(r0: number, c0: number, r1: number, c1: number, fn: (v: CellValue, r: number, c: number) => void): boolean;
}

const WAIT = Symbol('wait');

/** Evaluates a plain formula like Excel: SUM skips text and blanks in ranges; + treats blanks as 0. */
export function evaluatePlain(f: PlainFormula, src: CellSource): number | { error: string } | typeof WAIT | null {
  let total = 0;
  for (const t of f.terms) {
    if (t.kind === 'number') {
      total += t.sign * t.value;
      continue;
    }
    if (t.kind === 'range') {
      let wait = false;
      let failed = false;
      let err: string | null = null;
      const ok = src.eachInRange(t.from.r, t.from.c, t.to.r, t.to.c, (v, r, c) => {
        const p = src.pending(r, c);
        if (p === 2) failed = true;
        else if (p === 1) wait = true;
        else if (typeof v === 'number') total += v;
        else if (isCellError(v) && !err) err = v.error;
      });
      if (!ok || failed) return null;
      if (wait) return WAIT;
      if (err) return { error: err };
      continue;
    }
    const p = src.pending(t.ref.r, t.ref.c);
    if (p === 2) return null;
    if (p === 1) return WAIT;
    const v = src.value(t.ref.r, t.ref.c);
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number') total += t.sign * v;
    else if (typeof v === 'boolean') total += f.kind === 'add' ? t.sign * (v ? 1 : 0) : 0;
    else if (isCellError(v)) return { error: v.error };
    else if (typeof v === 'string') {
      if (f.kind === 'sum') continue; // SUM(A1) of a text: skipped by Excel too
      const n = Number(v.trim());
      if (v.trim() === '' || !Number.isFinite(n)) return { error: '#VALUE!' };
      total += t.sign * n;
    } else return null; // a date: leave it to Excel
  }
  return Number.isFinite(total) ? Number(total.toPrecision(15)) : { error: '#NUM!' };
}

export const PENDING = WAIT;
