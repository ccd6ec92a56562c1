/**
 * Reads one register sheet from a row source, row by row (streaming: only the first rows are kept,
 * to find the header), into packed persons and findings. The row source is any host's reader:
 * rows of cell values with their 0-based row index, in order.
 */
import { columnLetter } from '../a1';
import { finding } from '../findings';
import type { Finding, FindingPlace, MessageKeyOf } from '../findings';
import { foldText } from '../sheets/normalize';
import type { CellValue } from '../types';
import { cellText, ColumnMap, findHeaderRow, isNumberingRow, standardColumns } from './columns';
import { classify, F, Person, PersonContext, PersonIssue } from './person';
import type { RegisterSettings } from './settings';

/** Rows searched for the header and the title block (REAL-FORMS §2.1: data from row 5). */
export const HEAD_ROWS = 20;
/** Person findings of one rule kept per file; the rest are counted in a summary finding. */
export const MAX_FINDINGS_PER_RULE = 200;

/** Persons of one file as parallel typed arrays (cheap to send between processes). */
export interface PackedPersons {
  n: number;
  age: Int16Array;
  flags: Int32Array;
  level: Int8Array;
  /** Index into RegisterFileResult.thon. */
  thon: Int16Array;
  /** 0-based sheet row. */
  row: Int32Array;
  /** Hash of folded full name + date of birth (duplicate detection); 0 when no name. */
  key: Float64Array;
}

export interface RegisterFileResult {
  file: string;
  sheet: string | null;
  /** The sheet is a register (by name or headers). */
  isRegister: boolean;
  year: number | null;
  yearSource: 'A2' | 'title' | 'file-name' | 'option' | null;
  /** "Xã/phường: …" and "Mã xã: …" title cells, when the file has them. */
  communeTitle: string | null;
  communeCode: string | null;
  thon: string[];
  /** Header row (1-based) or null when the standard positions were used. */
  headerRow: number | null;
  layout: 'headers' | 'standard';
  /** Column letter of the person's name (where duplicate findings point). */
  nameColumn: string | null;
  /** Rows read after the header; person rows; blank rows skipped; persons left out (error findings). */
  rowsRead: number;
  personRows: number;
  blankRows: number;
  excluded: number;
  persons: PackedPersons;
  findings: Finding[];
}

export interface RegisterFileOptions {
  file: string;
  /** File name without folders, for findings and the thôn fallback. */
  baseName: string;
  settings: RegisterSettings & { thcsHocTiep: 'da-hoac-dang' | 'dang' };
  /** --year: survey year when neither A2 nor the file name gives one. */
  year?: number;
  localSchools?: Set<string>;
  schoolList?: Set<string>;
}

/** First survey year in a text: "2025", "Năm điều tra: 2025", "2025-2026" → 2025. */
export function yearIn(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return v >= 1950 && v <= 2200 && Number.isInteger(v) ? v : null;
  const s = cellText(v);
  const m = s.match(/(?:^|\D)((?:19|20|21)\d{2})(?:\D|$)/);
  return m ? Number(m[1]) : null;
}

/** Sheet names of the national import sheet and the commune master (REAL-FORMS §2.1–2.2). */
export function isRegisterSheetName(name: string): boolean {
  const f = foldText(name).replace(/ /g, '');
  return f === 'maunhaplieu' || f === 'data';
}

function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

/** 52-bit key of a person (name + date of birth): collisions among a commune's 10⁴ people ≈ 10⁻⁸. */
export function personKey(name: string, d: number | null, m: number | null, y: number): number {
  const s = `${foldText(name)}|${d ?? ''}|${m ?? ''}|${y}`;
  return (fnv(s, 2166136261) & 0xfffff) * 4294967296 + fnv(s, 0x9747b28c) + 1;
}

class Packer {
  n = 0;
  private cap = 1024;
  age = new Int16Array(this.cap);
  flags = new Int32Array(this.cap);
  level = new Int8Array(this.cap);
  thon = new Int16Array(this.cap);
  row = new Int32Array(this.cap);
  key = new Float64Array(this.cap);
  push(age: number, flags: number, level: number, thon: number, row: number, key: number) {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.age[i] = age;
    this.flags[i] = flags;
    this.level[i] = level;
    this.thon[i] = thon;
    this.row[i] = row;
    this.key[i] = key;
  }
  private grow() {
    this.cap *= 2;
    const g = <T extends Int16Array | Int32Array | Int8Array | Float64Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(this.cap);
      b.set(a as never);
      return b;
    };
    this.age = g(this.age, Int16Array);
    this.flags = g(this.flags, Int32Array);
    this.level = g(this.level, Int8Array);
    this.thon = g(this.thon, Int16Array);
    this.row = g(this.row, Int32Array);
    this.key = g(this.key, Float64Array);
  }
  done(): PackedPersons {
    const n = this.n;
    return {
      n,
      age: this.age.slice(0, n),
      flags: this.flags.slice(0, n),
      level: this.level.slice(0, n),
      thon: this.thon.slice(0, n),
      row: this.row.slice(0, n),
      key: this.key.slice(0, n),
    };
  }
}

/**
 * Push rows in order (`row`), then `finish()`. Rows before the header are buffered (at most
 * HEAD_ROWS); every later row is classified and dropped.
 */
export class RegisterSheetReader {
  private head: CellValue[][] = [];
  private headDone = false;
  private columns: ColumnMap = {};
  private dataFrom = 4;
  private ctx: PersonContext | null = null;
  private packer = new Packer();
  private thonIndex = new Map<string, number>();
  private ruleCounts = new Map<string, number>();
  private issues: PersonIssue[] = [];
  readonly result: RegisterFileResult;

  constructor(private readonly opts: RegisterFileOptions, sheetName: string, byName: boolean) {
    this.result = {
      file: opts.file, sheet: sheetName, isRegister: byName, year: null, yearSource: null,
      communeTitle: null, communeCode: null, thon: [], headerRow: null, layout: 'standard', nameColumn: null,
      rowsRead: 0, personRows: 0, blankRows: 0, excluded: 0,
      persons: { n: 0, age: new Int16Array(0), flags: new Int32Array(0), level: new Int8Array(0), thon: new Int16Array(0), row: new Int32Array(0), key: new Float64Array(0) },
      findings: [],
    };
  }

  row(index: number, values: CellValue[]): void {
    if (!this.headDone) {
      if (index < HEAD_ROWS) {
        this.head[index] = values;
        return;
      }
      this.startData();
      if (!this.result.isRegister) return;
    }
    if (!this.ctx || index < this.dataFrom) return;
    this.dataRow(index, values);
  }

  /** Called after the last row. */
  finish(): RegisterFileResult {
    if (!this.headDone) this.startData();
    this.result.persons = this.packer.done();
    for (const [rule, n] of this.ruleCounts) {
      if (n > MAX_FINDINGS_PER_RULE) {
        this.result.findings.push(finding('dk_con_nua', 'register.dk_con_nua', { file: this.opts.baseName, what: rule, n: n - MAX_FINDINGS_PER_RULE }, this.place([])));
      }
    }
    return this.result;
  }

  private place(cells: string[], extra: Partial<FindingPlace> = {}): FindingPlace {
    return { file: this.opts.file, ...(this.result.sheet ? { sheet: this.result.sheet } : {}), cells, ...extra };
  }

  private startData(): void {
    this.headDone = true;
    const head = this.head;
    for (let r = 0; r < head.length; r++) if (!head[r]) head[r] = [];
    const found = findHeaderRow(head);
    const r = this.result;
    if (!found && !r.isRegister) return; // not a register sheet
    r.isRegister = true;

    // Title block: survey year (A2, else a title cell), commune name and code.
    for (let i = 0; i < Math.min(head.length, found ? found.row : 4); i++) {
      for (const v of head[i]) {
        const t = cellText(v);
        if (!t) continue;
        const m = t.match(/^\s*(xã\s*\/\s*phường|xã\s*,\s*phường|xã|phường|thị trấn)\s*[:：]\s*(.+)$/i);
        if (m && !r.communeTitle) r.communeTitle = m[2].trim();
        const code = t.match(/^\s*mã\s*(xã|phường|đơn vị)\s*[:：]\s*(\S+)/i);
        if (code && !r.communeCode) r.communeCode = code[2].trim();
      }
    }
    const a2 = head[1]?.[0];
    let year = yearIn(a2);
    if (year !== null) r.yearSource = 'A2';
    if (year === null) {
      for (let i = 0; i < Math.min(head.length, found ? found.row : 4) && year === null; i++) {
        for (const v of head[i]) {
          const t = cellText(v);
          if (/năm|nam dieu tra|năm học/i.test(t)) {
            year = yearIn(t);
            if (year !== null) {
              r.yearSource = 'title';
              break;
            }
          }
        }
      }
    }
    if (year === null) {
      year = yearIn(this.opts.baseName.replace(/\.[^.]+$/, ''));
      if (year !== null) r.yearSource = 'file-name';
    }
    if (year === null && this.opts.year !== undefined) {
      year = this.opts.year;
      r.yearSource = 'option';
    }
    r.year = year;

    if (found) {
      this.columns = found.columns;
      r.headerRow = found.row + 1;
      r.layout = 'headers';
      this.dataFrom = found.row + 1;
      if (found.reordered) r.findings.push(finding('dk_cot_doi_cho', 'register.dk_cot_doi_cho', { file: this.opts.baseName, n: found.matched }, this.place([])));
    } else {
      this.columns = standardColumns();
      this.dataFrom = 4;
      r.findings.push(finding('dk_khong_co_dong_tieu_de', 'register.dk_khong_co_dong_tieu_de', { file: this.opts.baseName }, this.place([])));
    }
    const nameCol = this.columns.ten ?? this.columns.ho_ten;
    r.nameColumn = nameCol === undefined ? null : columnLetter(nameCol);
    if (year === null) {
      r.findings.push(finding('dk_khong_co_nam_dieu_tra', 'register.dk_khong_co_nam_dieu_tra', { file: this.opts.baseName }, this.place(['A2'])));
      return;
    }
    this.ctx = {
      year,
      columns: this.columns,
      settings: this.opts.settings,
      localSchools: this.opts.localSchools,
      schoolList: this.opts.schoolList,
    };
    // Rows already buffered below the header are data.
    for (let i = this.dataFrom; i < head.length; i++) this.dataRow(i, head[i]);
    this.head = [];
  }

  private thonOf(values: CellValue[]): number {
    let name = '';
    const c = this.columns.thon;
    if (c !== undefined) name = cellText(values[c]);
    if (!name) {
      const addr = this.columns.dia_chi;
      const a = addr !== undefined ? cellText(values[addr]) : '';
      const i = a.indexOf(' - ');
      if (i > 0) name = a.slice(0, i).trim();
    }
    if (!name) name = thonFromFileName(this.opts.baseName);
    let idx = this.thonIndex.get(name);
    if (idx === undefined) {
      idx = this.result.thon.length;
      this.result.thon.push(name);
      this.thonIndex.set(name, idx);
    }
    return idx;
  }

  private dataRow(index: number, values: CellValue[]): void {
    const r = this.result;
    r.rowsRead++;
    if (!values.length || values.every((v) => v === null || v === undefined || v === '')) {
      r.blankRows++;
      return;
    }
    if (r.rowsRead === 1 && isNumberingRow(values)) return;
    const cols = this.columns;
    const personish = ['ten', 'ho_dem', 'ho_ten', 'nam_sinh'].some((id) => cols[id] !== undefined && cellText(values[cols[id]!]) !== '');
    if (!personish) {
      r.blankRows++;
      return;
    }
    r.personRows++;
    this.issues.length = 0;
    const p = classify(values, this.ctx!, this.issues);
    let excluded = p === null;
    for (const is of this.issues) {
      if (is.severity === 'error') excluded = true;
      const n = (this.ruleCounts.get(is.rule) ?? 0) + 1;
      this.ruleCounts.set(is.rule, n);
      if (n > MAX_FINDINGS_PER_RULE) continue;
      const cells = is.fields.filter((f) => cols[f] !== undefined).map((f) => `${columnLetter(cols[f]!)}${index + 1}`);
      r.findings.push(
        finding(is.rule, is.key as MessageKeyOf<typeof is.rule>, { file: this.opts.baseName, row: index + 1, name: personLabel(p, values, cols), ...is.params }, this.place(cells, { detail: { row: index + 1 } })),
      );
    }
    if (excluded || !p) {
      r.excluded++;
      return;
    }
    const key = p.name ? personKey(p.name, p.birth.d, p.birth.m, p.birth.y) : 0;
    this.packer.push(Math.max(-1, Math.min(p.age, 32000)), p.flags, p.level, this.thonOf(values), index, key);
  }
}

function personLabel(p: Person | null, values: CellValue[], cols: ColumnMap): string {
  if (p?.displayName) return p.displayName;
  const parts = ['ho_dem', 'ten', 'ho_ten'].map((id) => (cols[id] !== undefined ? cellText(values[cols[id]!]) : '')).filter(Boolean);
  return parts.join(' ') || '–';
}

/** "pcgd_nhapphieudieutra_2025_Bản Cháng.xls" → "Bản Cháng"; "Thon 3.xlsx" → "Thon 3". */
export function thonFromFileName(base: string): string {
  let s = base.replace(/\.[^.]+$/, '');
  s = s.replace(/pcgd_?nhapphieudieutra_?/i, '').replace(/(?:^|[_\s-])(19|20)\d{2}(?=$|[_\s-])/g, ' ');
  s = s.replace(/[_]+/g, ' ').trim();
  return s || base;
}

export { F };
