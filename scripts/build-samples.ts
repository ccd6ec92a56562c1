/**
 * Deterministic generator of the sample workbooks in samples/ (clean, as-printed, submissions).
 * Run: npm run samples   (node scripts/run-ts.mjs scripts/build-samples.ts)
 *
 * Every figure the seed reports print is reproduced exactly by the sums; everything else comes from a
 * seeded PRNG, so a rerun writes byte-identical files. samples/README.md says what is derived and
 * what is invented.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
if (!fs.existsSync(path.join(ROOT, 'package.json'))) throw new Error('run from the project root');
const OUT = path.join(ROOT, 'samples');

// ---------------------------------------------------------------------------------------------
// PRNG and integer allocation

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  jitter(w: number, spread: number): number {
    return w * (1 + spread * (this.next() * 2 - 1));
  }
  shuffle<T>(xs: T[]): T[] {
    const a = xs.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Largest-remainder apportionment: non-negative integers proportional to weights, summing to total. */
function allocate(total: number, weights: number[]): number[] {
  if (total < 0 || !Number.isInteger(total)) throw new Error(`allocate: bad total ${total}`);
  const w = weights.map((x) => Math.max(0, x));
  const s = sum(w);
  if (s === 0) {
    if (total === 0) return w.map(() => 0);
    throw new Error('allocate: zero weights');
  }
  const raw = w.map((x) => (total * x) / s);
  const base = raw.map(Math.floor);
  const rem = total - sum(base);
  const order = raw
    .map((r, i) => ({ i, f: r - Math.floor(r), w: w[i] }))
    .filter((o) => o.w > 0)
    .sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; k < rem; k++) base[order[k % order.length].i]++;
  return base;
}

/** Like allocate, but no share exceeds its cap (excess is redistributed). */
function allocateCapped(total: number, weights: number[], caps: number[]): number[] {
  if (total > sum(caps)) throw new Error(`allocateCapped: ${total} > caps ${sum(caps)}`);
  const out = weights.map(() => 0);
  let left = total;
  let active = weights.map((w, i) => (caps[i] > 0 && w > 0 ? i : -1)).filter((i) => i >= 0);
  if (active.length === 0) active = caps.map((c, i) => (c > 0 ? i : -1)).filter((i) => i >= 0);
  for (let guard = 0; left > 0 && guard < 100; guard++) {
    const part = allocate(left, active.map((i) => weights[i] || 1));
    left = 0;
    active.forEach((i, k) => {
      const room = caps[i] - out[i];
      const take = Math.min(room, part[k]);
      out[i] += take;
      left += part[k] - take;
    });
    active = active.filter((i) => out[i] < caps[i]);
    if (left > 0 && active.length === 0) throw new Error('allocateCapped: no room');
  }
  return out;
}

/** Splits n into parts by shares (fractions), the remainder going to index `rest`. */
function split(n: number, shares: number[], rest: number): number[] {
  const parts = shares.map((s) => Math.floor(n * s));
  parts[rest] = 0;
  parts[rest] = n - sum(parts);
  if (parts[rest] < 0) throw new Error('split: negative rest');
  return parts;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

// ---------------------------------------------------------------------------------------------
// Sheet writer: title block, one- or two-row header (merged groups), optional column-number row,
// data rows, optional printed total row, notes. Returns where everything went.

/** A cell value; `{ n, fmt }` is a number with its own display format (e.g. a rate printed with 1 decimal). */
type V = string | number | Date | null | undefined | { n: number; fmt: string };
type Kind = 'text' | 'code' | 'count' | 'pct' | 'date' | 'dec';
interface Col {
  key: string;
  header: string;
  group?: string;
  kind?: Kind;
  width?: number;
}
interface TableSpec {
  name: string;
  org?: [string, string];
  title: string;
  subtitle?: string;
  unit?: string;
  /** "2023 - 2024" as printed. */
  year?: string;
  reportDate?: string;
  cols: Col[];
  rows: Record<string, V>[];
  /** Printed total row: label goes into labelKey; sums are computed for `sumKeys` unless overridden. */
  total?: { label: string; labelKey: string; sumKeys?: string[]; values?: Record<string, V> };
  colNumbers?: boolean;
  notes?: string[];
  /** Extra metadata lines above the header (e.g. "Xã ĐBKK: không"). */
  extraMeta?: string[];
}
interface Placed {
  sheet: string;
  headerRows: number[];
  colLetter: Record<string, string>;
  rowOf: number[];
  totalRow?: number;
  cell(key: string, rowIndex: number | 'total'): string;
}

const ORG_Q12: [string, string] = ['ỦY BAN NHÂN DÂN QUẬN 12', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'];
const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function colLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function writeTable(wb: ExcelJS.Workbook, spec: TableSpec): Placed {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'normal' }] });
  const ncol = spec.cols.length;
  let r = 1;
  const org = spec.org ?? ORG_Q12;
  ws.getCell(r, 1).value = org[0];
  ws.getCell(r, 1).font = { name: FONT, size: 12 };
  r++;
  ws.getCell(r, 1).value = org[1];
  ws.getCell(r, 1).font = { name: FONT, size: 12, bold: true, underline: true };
  r += 2;
  ws.mergeCells(r, 1, r, Math.max(ncol, 2));
  ws.getCell(r, 1).value = spec.title;
  ws.getCell(r, 1).font = { name: FONT, size: 14, bold: true };
  ws.getCell(r, 1).alignment = { horizontal: 'center' };
  r++;
  if (spec.subtitle) {
    ws.mergeCells(r, 1, r, Math.max(ncol, 2));
    ws.getCell(r, 1).value = spec.subtitle;
    ws.getCell(r, 1).font = { name: FONT, size: 12, italic: true };
    ws.getCell(r, 1).alignment = { horizontal: 'center' };
    r++;
  }
  const meta: string[] = [];
  if (spec.unit) meta.push(`Đơn vị: ${spec.unit}`);
  if (spec.year) meta.push(`Năm học: ${spec.year}`);
  if (spec.reportDate) meta.push(`Thời điểm báo cáo: ${spec.reportDate}`);
  for (const m of [...meta, ...(spec.extraMeta ?? [])]) {
    ws.getCell(r, 1).value = m;
    ws.getCell(r, 1).font = { name: FONT, size: 12 };
    r++;
  }
  r++;
  const grouped = spec.cols.some((c) => c.group);
  const h1 = r;
  const headerRows = grouped ? [h1, h1 + 1] : [h1];
  const letters: Record<string, string> = {};
  spec.cols.forEach((c, i) => {
    letters[c.key] = colLetter(i + 1);
    ws.getColumn(i + 1).width = c.width ?? (c.kind === 'text' ? 30 : c.kind === 'code' ? 12 : 11);
  });
  const hstyle = (cell: ExcelJS.Cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  };
  if (!grouped) {
    spec.cols.forEach((c, i) => {
      const cell = ws.getCell(h1, i + 1);
      cell.value = c.header;
      hstyle(cell);
    });
  } else {
    let i = 0;
    while (i < ncol) {
      const c = spec.cols[i];
      if (!c.group) {
        ws.mergeCells(h1, i + 1, h1 + 1, i + 1);
        ws.getCell(h1, i + 1).value = c.header;
        hstyle(ws.getCell(h1, i + 1));
        hstyle(ws.getCell(h1 + 1, i + 1));
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < ncol && spec.cols[j + 1].group === c.group) j++;
      if (j > i) ws.mergeCells(h1, i + 1, h1, j + 1);
      ws.getCell(h1, i + 1).value = c.group;
      for (let k = i; k <= j; k++) {
        hstyle(ws.getCell(h1, k + 1));
        ws.getCell(h1 + 1, k + 1).value = spec.cols[k].header;
        hstyle(ws.getCell(h1 + 1, k + 1));
      }
      i = j + 1;
    }
  }
  ws.getRow(h1).height = 32;
  if (grouped) ws.getRow(h1 + 1).height = 45;
  r = h1 + headerRows.length;
  if (spec.colNumbers) {
    spec.cols.forEach((_, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = `(${i + 1})`;
      cell.font = { name: FONT, size: 10, italic: true };
      cell.alignment = { horizontal: 'center' };
      cell.border = BORDER;
    });
    r++;
  }
  const put = (row: number, c: Col, i: number, v: V, bold = false) => {
    const cell = ws.getCell(row, i + 1);
    const own = v !== null && typeof v === 'object' && !(v instanceof Date) ? v : undefined;
    if (own) cell.value = own.n;
    else if (v !== undefined && v !== null && v !== '') cell.value = v as ExcelJS.CellValue;
    cell.border = BORDER;
    cell.font = { name: FONT, size: 11, bold };
    switch (c.kind) {
      case 'code':
        cell.numFmt = '@';
        break;
      case 'count':
        cell.numFmt = '#,##0';
        break;
      case 'pct':
        cell.numFmt = '0.00%';
        break;
      case 'dec':
        cell.numFmt = '0.00';
        break;
      case 'date':
        cell.numFmt = 'dd/mm/yyyy';
        break;
      default:
        cell.alignment = { wrapText: false };
    }
    if (own) cell.numFmt = own.fmt;
  };
  const rowOf: number[] = [];
  for (const rec of spec.rows) {
    spec.cols.forEach((c, i) => put(r, c, i, rec[c.key]));
    rowOf.push(r);
    r++;
  }
  let totalRow: number | undefined;
  if (spec.total) {
    const t = spec.total;
    const sumKeys = t.sumKeys ?? spec.cols.filter((c) => c.kind === 'count').map((c) => c.key);
    spec.cols.forEach((c, i) => {
      let v: V;
      if (c.key === t.labelKey) v = t.label;
      else if (t.values && c.key in t.values) v = t.values[c.key];
      else if (sumKeys.includes(c.key)) {
        const xs = spec.rows.map((rec) => rec[c.key]).filter((x): x is number => typeof x === 'number');
        v = xs.length ? sum(xs) : undefined;
      }
      put(r, c, i, v, true);
    });
    totalRow = r;
    r++;
  }
  if (spec.notes?.length) {
    r++;
    for (const n of spec.notes) {
      ws.getCell(r, 1).value = n;
      ws.getCell(r, 1).font = { name: FONT, size: 11, italic: true };
      r++;
    }
  }
  ws.views = [{ state: 'frozen', ySplit: h1 + headerRows.length - 1 + (spec.colNumbers ? 1 : 0), xSplit: 0 }];
  return {
    sheet: spec.name,
    headerRows,
    colLetter: letters,
    rowOf,
    totalRow,
    cell(key, idx) {
      const row = idx === 'total' ? totalRow : rowOf[idx];
      if (row === undefined || !letters[key]) throw new Error(`no cell ${spec.name} ${key} ${idx}`);
      return `${letters[key]}${row}`;
    },
  };
}

const FIXED_DATE = new Date(Date.UTC(2024, 5, 30, 8, 0, 0));

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo GD – bộ sinh dữ liệu mẫu';
  wb.lastModifiedBy = 'Báo cáo GD – bộ sinh dữ liệu mẫu';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

/** ExcelJS stamps every zip entry with the current time; repack with a fixed date. */
async function deterministicBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  const date = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
  for (const name of Object.keys(src.files).sort(entryOrder)) {
    const f = src.files[name];
    if (f.dir) continue;
    out.file(name, await f.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
function entryOrder(a: string, b: string): number {
  // [Content_Types].xml first, as Excel writes it.
  const ka = a === '[Content_Types].xml' ? '' : a;
  const kb = b === '[Content_Types].xml' ? '' : b;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const written: string[] = [];
async function save(wb: ExcelJS.Workbook, rel: string): Promise<Buffer> {
  const buf = await deterministicBuffer(wb);
  const file = path.join(OUT, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  written.push(rel);
  return buf;
}

// ---------------------------------------------------------------------------------------------
// Quận 12: wards (11 phường until 30/6/2025, 5 after the illustrative 2025 merger)

interface Ward {
  code: string;
  name: string;
  /** Relative population weight (invented, roughly by ward size). */
  w: number;
}
const WARDS: Ward[] = [
  { code: '26764', name: 'Phường Thạnh Xuân', w: 0.08 },
  { code: '26767', name: 'Phường Thạnh Lộc', w: 0.075 },
  { code: '26770', name: 'Phường Hiệp Thành', w: 0.135 },
  { code: '26773', name: 'Phường Thới An', w: 0.09 },
  { code: '26776', name: 'Phường Tân Chánh Hiệp', w: 0.12 },
  { code: '26779', name: 'Phường An Phú Đông', w: 0.06 },
  { code: '26782', name: 'Phường Tân Thới Hiệp', w: 0.1 },
  { code: '26785', name: 'Phường Trung Mỹ Tây', w: 0.08 },
  { code: '26787', name: 'Phường Tân Hưng Thuận', w: 0.07 },
  { code: '26788', name: 'Phường Đông Hưng Thuận', w: 0.09 },
  { code: '26791', name: 'Phường Tân Thới Nhất', w: 0.1 },
];
const wardByCode = new Map(WARDS.map((w) => [w.code, w]));

/** Illustrative 2025 merger: each new phường keeps the code of its main constituent. */
const MERGER: { newCode: string; newName: string; old: string[] }[] = [
  { newCode: '26773', newName: 'Phường Thới An', old: ['26773', '26764'] },
  { newCode: '26779', newName: 'Phường An Phú Đông', old: ['26779', '26767'] },
  { newCode: '26782', newName: 'Phường Tân Thới Hiệp', old: ['26782', '26770'] },
  { newCode: '26785', newName: 'Phường Trung Mỹ Tây', old: ['26785', '26776'] },
  { newCode: '26788', newName: 'Phường Đông Hưng Thuận', old: ['26788', '26791', '26787'] },
];
const newWardOf = (oldCode: string) => MERGER.find((m) => m.old.includes(oldCode))!;

// ---------------------------------------------------------------------------------------------
// Schools of Quận 12, 2023-2024

type Loai = 'CL' | 'NCL' | 'DL';
interface School {
  ma: string;
  ten: string;
  cap: string;
  loai: Loai;
  xa: Ward;
  so_lop: number;
  so_hs: number;
  /** Pupils by grade, index 1..12 (undefined = not split). */
  lop?: number[];
  nha_tre?: number;
  mau_giao?: number;
  tre5?: number;
  hs_2_buoi: number;
  ban_tru?: number;
  cbql: number;
  gv: number;
  nv: number;
  chuan: number;
  kdcl: number;
  /** Facilities represented by an aggregated DL row. */
  co_so?: number;
  /** True for the TH school opened in 2023-2024 (absent the year before). */
  isNew?: boolean;
}

const MN_CL_NAMES = [
  'Hoa Đào', 'Hồng Yến', 'Sơn Ca 1', 'Sơn Ca 2', 'Sơn Ca 3', 'Sơn Ca 4', 'Sơn Ca 5', 'Sơn Ca 6', 'Sơn Ca 7',
  'Sơn Ca 8', 'Sơn Ca 9', 'Họa Mi 1', 'Họa Mi 2', 'Họa Mi 3', 'Hoa Đỗ Quyên', 'Bông Sen', 'Hoa Mai',
  'Hoa Hồng', 'Hoa Lan', 'Tuổi Thơ', 'Bình Minh', 'Vàng Anh', 'Rạng Đông',
];
const MN_NCL_NAMES = [
  'Ánh Sao', 'Bé Ngoan', 'Cầu Vồng', 'Hoa Cúc', 'Hoa Sữa', 'Thiên Thần', 'Mặt Trời Nhỏ', 'Ngôi Sao',
  'Hạnh Phúc', 'Tuổi Hồng', 'Búp Sen Xanh', 'Hoa Phượng', 'Thỏ Ngọc', 'Sao Mai', 'Hướng Dương', 'Trúc Xanh',
  'Mai Anh', 'Thế Giới Trẻ Thơ', 'Chồi Non', 'Hoa Thiên Lý', 'Nắng Mai', 'Ban Mai', 'Sóc Nâu', 'Bướm Vàng',
  'Hoa Ban', 'Tuổi Ngọc', 'Việt Mỹ', 'Sài Gòn Xanh', 'Hải Âu', 'Họa Mi Xanh', 'Gia Đình Nhỏ', 'Ngọc Lan',
  'Bình An', 'Thiên Ân', 'Phương Nam', 'Mầm Xanh', 'Hoa Anh Đào', 'Ước Mơ', 'Vườn Xanh', 'Tinh Tú',
  'Trăng Non', 'Bông Mai', 'Hoa Mười Giờ',
];
const TH_CL_NAMES = [
  'Võ Thị Sáu', 'Trần Quang Cơ', 'Võ Văn Tần', 'Lê Văn Thọ', 'Hồ Văn Thanh', 'Kim Đồng', 'Võ Thị Thừa',
  'Nguyễn Khuyến', 'Quang Trung', 'Quới Xuân', 'Nguyễn Thị Định', 'Nguyễn Thái Bình', 'Thuận Kiều',
  'Nguyễn Du', 'Nguyễn Văn Thệ', 'Nguyễn Trãi', 'Trương Định', 'Nguyễn Thị Minh Khai', 'Nguyễn An Khương',
  'Hà Huy Giáp', 'Phan Chu Trinh', 'Đinh Bộ Lĩnh', 'Trần Văn Ơn', 'Lê Lợi',
];
const TH_NCL_NAMES = ['Ngôi Sao Nhỏ', 'Việt Úc', 'Tuệ Đức', 'Hoa Sen', 'Thái Bình Dương', 'Tân Phú'];
const THCS_CL_NAMES = [
  'Nguyễn Chí Thanh', 'Nguyễn Hiền', 'Hà Huy Tập', 'Nguyễn Ảnh Thủ', 'Phan Bội Châu', 'Trần Hưng Đạo',
  'Nguyễn Huệ', 'Lương Thế Vinh', 'Nguyễn Trung Trực', 'Nguyễn Vĩnh Nghiệp', 'An Phú Đông', 'Trần Phú',
  'Lý Tự Trọng', 'Nguyễn Văn Trỗi', 'Thạnh Lộc',
];
const MULTI_NAMES = [
  'Bắc Sơn', 'Lạc Hồng', 'Ngọc Viễn Đông', 'Hoa Lư', 'Bạch Đằng', 'Phạm Ngũ Lão', 'Đông Dương',
  'Mạc Đĩnh Chi', 'Hồng Hà', 'Trí Đức', 'Nam Việt', 'Việt Anh',
];

/** Seed 000 lines 13–25 and 483–487: the figures the sums must reproduce. */
const SEED = {
  mn: { cl: 7667, ncl: 18587, total: 26254, nhaTre: 2954, mauGiao: 23300, clSchools: 23, nclSchools: 43, dl: 287 },
  th: { cl: 46002, ncl: 2110, total: 48112, buoi2: 14945, buoi2Cl: 12743 },
  thcs: { cl: 31008, ncl: 1452, total: 32460, buoi2: 9059, buoi2Cl: 7607, buoi2Ncl: 1452 },
  staffCl: {
    MN: { people: 847, gv: 518 },
    TH: { people: 1682, gv: 1334 },
    THCS: { people: 1416, gv: 1164 },
    GDCB: { people: 36, gv: 26 },
  },
};

/** Ward assignment: n schools spread over wards proportionally to weight, in a shuffled order. */
function spreadWards(rng: Rng, n: number): Ward[] {
  const counts = allocate(n, WARDS.map((w) => rng.jitter(w.w, 0.25)));
  const list: Ward[] = [];
  WARDS.forEach((w, i) => {
    for (let k = 0; k < counts[i]; k++) list.push(w);
  });
  return rng.shuffle(list);
}

function gradeSplit(rng: Rng, total: number, grades: number[], shape: number[]): number[] {
  const lop = new Array(13).fill(0) as number[];
  const parts = allocate(total, shape.map((s) => rng.jitter(s, 0.06)));
  grades.forEach((g, i) => (lop[g] = parts[i]));
  return lop;
}
const TH_SHAPE = [1.05, 1.01, 0.99, 0.98, 0.97];
const THCS_SHAPE = [1.06, 1.01, 0.97, 0.93];

function buildQuan12(): School[] {
  const rng = new Rng(20232024);
  const schools: School[] = [];

  // ---- Mầm non công lập: 23 schools, 7.667 children (820 nhà trẻ + 6.847 mẫu giáo)
  {
    const wards = spreadWards(rng, 23);
    const w = MN_CL_NAMES.map(() => rng.range(0.7, 1.3));
    const tot = allocate(SEED.mn.cl, w);
    const nt = allocateCapped(820, w.map((x) => rng.jitter(x, 0.3)), tot.map((t) => Math.floor(t * 0.25)));
    const mg = tot.map((t, i) => t - nt[i]);
    const t5 = allocateCapped(2620, mg, mg.map((m) => Math.floor(m * 0.45)));
    const lops = tot.map((_, i) => Math.ceil(nt[i] / 22) + Math.ceil(mg[i] / 29));
    const gv = allocate(SEED.staffCl.MN.gv, lops);
    const cbql = allocate(61, tot.map(() => 1));
    const nv = allocate(SEED.staffCl.MN.people - SEED.staffCl.MN.gv - 61, lops);
    MN_CL_NAMES.forEach((n, i) =>
      schools.push({
        ma: `79761${pad(i + 1, 3)}`,
        ten: `Trường Mầm non ${n}`,
        cap: 'MN',
        loai: 'CL',
        xa: wards[i],
        so_lop: lops[i],
        so_hs: tot[i],
        nha_tre: nt[i],
        mau_giao: mg[i],
        tre5: t5[i],
        hs_2_buoi: tot[i],
        ban_tru: tot[i],
        cbql: cbql[i],
        gv: gv[i],
        nv: nv[i],
        chuan: 0,
        kdcl: 0,
      }),
    );
  }
  // ---- Mầm non ngoài công lập: 43 schools, 11.020 children (1.190 nhà trẻ + 9.830 mẫu giáo)
  {
    const wards = spreadWards(rng, 43);
    const w = MN_NCL_NAMES.map(() => rng.range(0.5, 1.6));
    const tot = allocate(11020, w);
    const nt = allocateCapped(1190, w.map((x) => rng.jitter(x, 0.5)), tot.map((t) => Math.floor(t * 0.3)));
    const mg = tot.map((t, i) => t - nt[i]);
    const t5 = allocateCapped(3450, mg, mg.map((m) => Math.floor(m * 0.45)));
    MN_NCL_NAMES.forEach((n, i) => {
      const so_lop = Math.ceil(nt[i] / 20) + Math.ceil(mg[i] / 27);
      schools.push({
        ma: `79761${pad(101 + i, 3)}`,
        ten: `Trường Mầm non tư thục ${n}`,
        cap: 'MN',
        loai: 'NCL',
        xa: wards[i],
        so_lop,
        so_hs: tot[i],
        nha_tre: nt[i],
        mau_giao: mg[i],
        tre5: t5[i],
        hs_2_buoi: tot[i],
        ban_tru: tot[i],
        cbql: tot[i] > 300 ? 3 : 2,
        gv: Math.round(so_lop * rng.range(1.7, 2.1)),
        nv: Math.max(3, Math.round(so_lop * rng.range(0.6, 0.9))),
        chuan: 0,
        kdcl: 0,
      });
    });
  }
  // ---- Nhóm trẻ, lớp mẫu giáo độc lập: 287 facilities, 7.567 children (944 + 6.623), one row per phường
  {
    const coSo = allocate(SEED.mn.dl, WARDS.map((w) => rng.jitter(w.w, 0.2)));
    const tot = allocate(7567, coSo.map((c) => rng.jitter(c, 0.1)));
    const nt = allocate(944, coSo.map((c) => rng.jitter(c, 0.3)));
    const mg = tot.map((t, i) => t - nt[i]);
    const t5 = allocate(2760, mg);
    WARDS.forEach((wd, i) => {
      const so_lop = coSo[i] + Math.ceil(coSo[i] * rng.range(0.2, 0.45));
      schools.push({
        ma: `DL${wd.code}`,
        ten: `Nhóm trẻ, lớp mẫu giáo độc lập – ${wd.name} (${pad(coSo[i], 2)} cơ sở)`,
        cap: 'MN',
        loai: 'DL',
        xa: wd,
        so_lop,
        so_hs: tot[i],
        nha_tre: nt[i],
        mau_giao: mg[i],
        tre5: t5[i],
        hs_2_buoi: tot[i],
        ban_tru: tot[i],
        cbql: coSo[i],
        gv: Math.round(so_lop * rng.range(1.8, 2.05)),
        nv: coSo[i] + rng.int(0, 4),
        chuan: 0,
        kdcl: 0,
        co_so: coSo[i],
      });
    });
  }
  // ---- Tiểu học công lập: 24 schools (one opened this year: 10 classes), 46.002 pupils, 12.743 học 2 buổi
  {
    const wards = spreadWards(rng, 24);
    const w = TH_CL_NAMES.map((n) => (n === 'Lê Lợi' ? 0.17 : rng.range(0.75, 1.25)));
    const tot = allocate(SEED.th.cl, w);
    const lops = tot.map((t) => Math.ceil(t / 34.4));
    const w2 = TH_CL_NAMES.map(() => (rng.float() < 0.35 ? rng.range(0.8, 1) : rng.range(0, 0.35)));
    const b2 = allocateCapped(SEED.th.buoi2Cl, w2, tot);
    const gv = allocate(SEED.staffCl.TH.gv, lops);
    const cbql = allocate(68, tot.map((t) => (t > 1500 ? 3 : 2)));
    const nv = allocate(SEED.staffCl.TH.people - SEED.staffCl.TH.gv - 68, lops);
    TH_CL_NAMES.forEach((n, i) =>
      schools.push({
        ma: `79761${pad(201 + i, 3)}`,
        ten: `Trường Tiểu học ${n}`,
        cap: 'TH',
        loai: 'CL',
        xa: wards[i],
        so_lop: lops[i],
        so_hs: tot[i],
        lop: gradeSplit(rng, tot[i], [1, 2, 3, 4, 5], TH_SHAPE),
        hs_2_buoi: b2[i],
        cbql: cbql[i],
        gv: gv[i],
        nv: nv[i],
        chuan: 0,
        kdcl: 0,
        isNew: n === 'Lê Lợi',
      }),
    );
  }
  // ---- Tiểu học ngoài công lập: 6 schools (1.924) + the TH level of one multi-level school (186) = 2.110
  const multiTh = 186;
  const multiThcs = 96;
  {
    const wards = spreadWards(rng, 6);
    const tot = allocate(SEED.th.ncl - multiTh, TH_NCL_NAMES.map(() => rng.range(0.6, 1.4)));
    TH_NCL_NAMES.forEach((n, i) => {
      const so_lop = Math.ceil(tot[i] / 27);
      schools.push({
        ma: `79761${pad(251 + i, 3)}`,
        ten: `Trường Tiểu học tư thục ${n}`,
        cap: 'TH',
        loai: 'NCL',
        xa: wards[i],
        so_lop,
        so_hs: tot[i],
        lop: gradeSplit(rng, tot[i], [1, 2, 3, 4, 5], TH_SHAPE),
        hs_2_buoi: tot[i],
        cbql: 2,
        gv: Math.round(so_lop * rng.range(1.5, 1.8)),
        nv: rng.int(5, 10),
        chuan: 0,
        kdcl: 0,
      });
    });
  }
  // ---- THCS công lập: 15 schools, 31.008 pupils, 7.607 học 2 buổi
  {
    const wards = spreadWards(rng, 15);
    const tot = allocate(SEED.thcs.cl, THCS_CL_NAMES.map(() => rng.range(0.75, 1.25)));
    const lops = tot.map((t) => Math.ceil(t / 43.5));
    const w2 = THCS_CL_NAMES.map(() => (rng.float() < 0.4 ? rng.range(0.6, 1) : rng.range(0, 0.3)));
    const b2 = allocateCapped(SEED.thcs.buoi2Cl, w2, tot);
    const gv = allocate(SEED.staffCl.THCS.gv, lops);
    const cbql = allocate(41, tot.map(() => 1));
    const nv = allocate(SEED.staffCl.THCS.people - SEED.staffCl.THCS.gv - 41, lops);
    THCS_CL_NAMES.forEach((n, i) =>
      schools.push({
        ma: `79761${pad(301 + i, 3)}`,
        ten: `Trường THCS ${n}`,
        cap: 'THCS',
        loai: 'CL',
        xa: wards[i],
        so_lop: lops[i],
        so_hs: tot[i],
        lop: gradeSplit(rng, tot[i], [6, 7, 8, 9], THCS_SHAPE),
        hs_2_buoi: b2[i],
        cbql: cbql[i],
        gv: gv[i],
        nv: nv[i],
        chuan: 0,
        kdcl: 0,
      }),
    );
  }
  // ---- Multi-level private schools: 12 THCS-THPT (THCS level 1.356) + 1 TH-THCS-THPT (186 TH + 96 THCS)
  {
    const wards = spreadWards(rng, 13);
    const tot = allocate(SEED.thcs.ncl - multiThcs, MULTI_NAMES.map(() => rng.range(0.6, 1.4)));
    MULTI_NAMES.forEach((n, i) => {
      const so_lop = Math.max(4, Math.ceil(tot[i] / 30));
      schools.push({
        ma: `79761${pad(351 + i, 3)}`,
        ten: `Trường THCS và THPT ${n}`,
        cap: 'THCS-THPT',
        loai: 'NCL',
        xa: wards[i],
        so_lop,
        so_hs: tot[i],
        lop: gradeSplit(rng, tot[i], [6, 7, 8, 9], THCS_SHAPE),
        hs_2_buoi: tot[i],
        cbql: 2,
        gv: Math.round(so_lop * rng.range(1.9, 2.3)),
        nv: rng.int(4, 9),
        chuan: 0,
        kdcl: 0,
      });
    });
    const lopTh = gradeSplit(rng, multiTh, [1, 2, 3, 4, 5], TH_SHAPE);
    const lopThcs = gradeSplit(rng, multiThcs, [6, 7, 8, 9], THCS_SHAPE);
    const lop = lopTh.map((x, g) => x + lopThcs[g]);
    schools.push({
      ma: '79761363',
      ten: 'Trường Tiểu học, THCS và THPT Mỹ Việt',
      cap: 'TH-THCS-THPT',
      loai: 'NCL',
      xa: wards[12],
      so_lop: 8 + 4,
      so_hs: multiTh + multiThcs,
      lop,
      hs_2_buoi: multiTh + multiThcs,
      cbql: 3,
      gv: 26,
      nv: 9,
      chuan: 0,
      kdcl: 0,
    });
  }
  // ---- Directly managed units (seed 000 line 21, 487)
  schools.push({
    ma: '79761401',
    ten: 'Trường Chuyên biệt Ánh Dương',
    cap: 'GDCB',
    loai: 'CL',
    xa: wardByCode.get('26788')!,
    so_lop: 24,
    so_hs: 230,
    hs_2_buoi: 230,
    cbql: 3,
    gv: 26,
    nv: 7,
    chuan: 0,
    kdcl: 0,
  });
  schools.push({
    ma: '79761402',
    ten: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên Quận 12',
    cap: 'GDTX',
    loai: 'CL',
    xa: wardByCode.get('26770')!,
    so_lop: 127,
    so_hs: 5636,
    hs_2_buoi: 0,
    cbql: 4,
    gv: 142,
    nv: 31,
    chuan: 0,
    kdcl: 0,
  });

  assignQuality(rng, schools);
  return schools;
}

// ---------------------------------------------------------------------------------------------
// The 287 nhóm trẻ, lớp mẫu giáo độc lập (seed 000 line 13). The per-phường DL rows built above stay
// the internal unit (so the PRNG sequence of everything else is unchanged); each is written out as its
// facilities, one row each. A facility keeps its code, name, kind and classes in every year; its
// children are the year's phường figures split over fixed weights, so every sum stays exact.

const DL_NAMES = [
  'Hoa Mai', 'Sơn Ca', 'Họa Mi', 'Vàng Anh', 'Hoa Hồng', 'Thỏ Trắng', 'Bé Yêu', 'Mầm Xanh', 'Hoa Cúc', 'Hoa Sen',
  'Ngôi Sao', 'Mặt Trời', 'Hướng Dương', 'Bông Sen', 'Chim Non', 'Tuổi Thơ', 'Thiên Thần', 'Búp Bê', 'Hoa Lan',
  'Hoa Sứ', 'Ban Mai', 'Trúc Xanh', 'Nắng Hồng', 'Sao Sáng', 'Hải Âu', 'Sóc Nhỏ', 'Gấu Con', 'Hoa Phượng',
  'Măng Non', 'Hoa Đào', 'Thủy Tiên', 'Bồ Câu', 'Chích Bông', 'Hoàng Anh', 'Mai Vàng', 'Thảo Nguyên', 'Hồng Ân',
  'Thiên Ân', 'Bông Hồng Nhỏ', 'Cây Xanh', 'Ong Vàng', 'Khánh Linh', 'Bảo Ngọc', 'Minh Anh', 'An Khang',
];
/** Largest nhóm trẻ (TT 52/2020 Điều 15: 25 for 25–36 months) and lớp mẫu giáo kept under 35. */
const DL_NT_CAP = 25;
const DL_MG_CAP = 34;
const DL_CODE_FROM = 501;

interface DlFacility {
  ma: string;
  ten: string;
  kind: 'NT' | 'MG' | 'MIX';
  classes: number;
  w: number;
  nv: number;
}
const dlIdentity = new Map<string, DlFacility[]>();
let dlNext = 0;
const dlNamesUsed = new Set<string>();

/** Facilities of one phường's DL row (created once, in ward order, on the 2023-2024 figures). */
function dlFacilities(agg: School): DlFacility[] {
  const hit = dlIdentity.get(agg.xa.code);
  if (hit) return hit;
  const rng = new Rng(5000 + WARDS.indexOf(agg.xa));
  const n = agg.co_so!;
  const mixed = Math.min(n, agg.so_lop - n);
  const ntOnly = Math.round((n - mixed) * 0.25);
  const kinds = rng.shuffle([...Array(mixed).fill('MIX'), ...Array(ntOnly).fill('NT'), ...Array(n - mixed - ntOnly).fill('MG')] as DlFacility['kind'][]);
  const out = kinds.map((kind) => {
    const k = dlNext++;
    let base = DL_NAMES[rng.int(0, DL_NAMES.length - 1)];
    const prefix = kind === 'NT' ? 'Nhóm trẻ' : kind === 'MG' ? 'Lớp mẫu giáo' : rng.float() < 0.5 ? 'Nhóm trẻ, lớp mẫu giáo' : 'Lớp mầm non';
    let ten = `${prefix} ${base}`;
    for (let i = 2; dlNamesUsed.has(ten); i++) ten = `${prefix} ${base} ${i}`;
    dlNamesUsed.add(ten);
    base = ten;
    return { ma: `79761${pad(DL_CODE_FROM + k, 3)}`, ten: base, kind, classes: kind === 'MIX' ? 2 : 1, w: rng.range(0.6, 1.4), nv: rng.int(1, 2) };
  });
  dlIdentity.set(agg.xa.code, out);
  return out;
}

/** Splits `total` over facilities, each getting its minimum first and never more than its cap. */
function dlSplit(total: number, weights: number[], caps: number[], minimum: number[]): number[] {
  const firm = caps.map((c, i) => Math.min(minimum[i], c));
  if (sum(firm) > total) throw new Error(`dlSplit: ${total} < minimum ${sum(firm)}`);
  const rest = allocateCapped(total - sum(firm), weights.map((w, i) => (caps[i] > 0 ? w : 0)), caps.map((c, i) => c - firm[i]));
  return rest.map((x, i) => x + firm[i]);
}

/** One QUY_MO School per facility of a DL row; nhà trẻ, mẫu giáo and trẻ 5 tuổi sum to the row's. */
function expandDlRow(agg: School): School[] {
  const fs = dlFacilities(agg);
  const ntCap = fs.map((f) => (f.kind === 'MG' ? 0 : DL_NT_CAP));
  const mgCap = fs.map((f) => (f.kind === 'NT' ? 0 : DL_MG_CAP));
  // At least 5 children per group or class (SHEETS.md plausibility): 8 in a nhóm trẻ, 10 in a lớp, 2 + 10 in a mixed one.
  const nt = dlSplit(agg.nha_tre!, fs.map((f) => f.w), ntCap, fs.map((f) => (f.kind === 'NT' ? 8 : f.kind === 'MIX' ? 2 : 0)));
  const mg = dlSplit(agg.mau_giao!, fs.map((f) => f.w), mgCap, fs.map((f) => (f.kind === 'MG' ? 10 : f.kind === 'MIX' ? 10 : 0)));
  const t5 = allocateCapped(agg.tre5!, mg.map((m) => m || 0), mg.map((m) => Math.floor(m * 0.5)));
  return fs.map((f, i) => {
    const n = nt[i] + mg[i];
    return {
      ma: f.ma, ten: f.ten, cap: 'MN', loai: 'DL', xa: agg.xa, so_lop: f.classes, so_hs: n, nha_tre: nt[i], mau_giao: mg[i], tre5: t5[i],
      hs_2_buoi: n, ban_tru: n, cbql: 1, gv: 2 * f.classes, nv: f.nv, chuan: 0, kdcl: 0,
    };
  });
}

/** Schools as written to QUY_MO: each DL row replaced by its facilities. */
function expandDl(schools: School[]): School[] {
  return schools.flatMap((s) => (s.loai === 'DL' ? expandDlRow(s) : [s]));
}

/**
 * Chuẩn quốc gia and kiểm định (seed 000 lines 23–25): MN 9 CL + 3 NCL chuẩn, kiểm định 18/23 CL and
 * 15/43 NCL; TH 2 chuẩn, kiểm định 22/24 CL and 1/7 NCL; THCS 2 chuẩn, kiểm định 13/15.
 * chuẩn mức 1 needs kiểm định cấp độ ≥ 2, mức 2 needs ≥ 3.
 */
function assignQuality(rng: Rng, schools: School[]) {
  const pickSet = (list: School[], nChuan: number, nKd: number, chuan2 = 0) => {
    const order = rng.shuffle(list.filter((s) => !s.isNew));
    order.forEach((s, i) => {
      if (i < nChuan) {
        s.chuan = i < chuan2 ? 2 : 1;
        s.kdcl = s.chuan === 2 ? 3 : rng.int(2, 3);
      } else if (i < nKd) {
        s.kdcl = rng.int(1, 2);
      }
    });
  };
  const of = (cap: string, loai: Loai) => schools.filter((s) => s.cap === cap && s.loai === loai);
  pickSet(of('MN', 'CL'), 9, 18, 2);
  pickSet(of('MN', 'NCL'), 3, 15);
  pickSet(of('TH', 'CL'), 2, 22);
  pickSet(of('TH', 'NCL'), 0, 1);
  pickSet(of('THCS', 'CL'), 2, 13);
}

// ---------------------------------------------------------------------------------------------
// Phổ cập – xóa mù chữ per phường. District totals are inputs; each piece (cohort, exempt,
// shortfall) is apportioned separately, so every sum is exact and every phường stays coherent.

interface Band {
  ds: number;
  mg: number;
  /** Shortfall of biết chữ M1 against ds − mg. */
  s1: number;
  /** M1 − M2. */
  g2: number;
}
interface PcTotals {
  mn5: { tre: number; mg: number; raLopShort: number; htShort: number; tre35: number; mg35: number; raLop35Short: number };
  th: {
    tre6: number; mg6: number; short6: number;
    tre11: number; mg11: number; dangHoc11: number;
    tre14: number; mg14: number; short14: number;
    tre1213: number; mg1213: number; short1213: number;
    tre614: number; dangHoc614: number;
  };
  thcs: { tnTh: number; lop6Short: number; lop9: number; tnShort: number; tre1518: number; mg1518: number; tnShort1518: number; hocTiep: number };
  xmc: { b1525: Band; b2635: Band; b3660: Band };
  bth: { tnThcs: number; notCont: number; gdtx: number; tc: number; lop12: number; tnGdtx: number; lop12Short: number; ds1821: number; bangGdtx: number; khongBang: number };
}

/** Seed 000 §6 (lines 416–440). Bands 15–25 and 6-year-olds are generated; see README. */
const PC_2023: PcTotals = {
  mn5: { tre: 8684, mg: 0, raLopShort: 0, htShort: 0, tre35: 23942, mg35: 0, raLop35Short: 23942 - 23300 },
  th: {
    tre6: 9412, mg6: 20, short6: 21,
    tre11: 9300, mg11: 35, dangHoc11: 9300 - 35 - 9022,
    tre14: 7732, mg14: 28, short14: 7732 - 28 - 7701,
    tre1213: 30780 - 9300 - 7732, mg1213: 126 - 35 - 28, short1213: 30780 - 126 - 30360 - (9300 - 35 - 9022) - (7732 - 28 - 7701),
    tre614: 72539, dangHoc614: 42178,
  },
  thcs: { tnTh: 9069, lop6Short: 0, lop9: 7018, tnShort: 0, tre1518: 27475, mg1518: 0, tnShort1518: 27475 - 27096, hocTiep: 24893 },
  xmc: {
    b1525: { ds: 96418, mg: 152, s1: 20, g2: 10 },
    b2635: { ds: 200991 - 96418, mg: 336 - 152, s1: 200991 - 336 - 200601 - 20, g2: 200601 - 200575 - 10 },
    b3660: { ds: 453083 - 200991, mg: 793 - 336, s1: 453083 - 793 - 452098 - (200991 - 336 - 200601), g2: 452098 - 451894 - (200601 - 200575) },
  },
  bth: {
    tnThcs: 7018, notCont: 7018 - 5958 - 799 - 211, gdtx: 799, tc: 211,
    lop12: 6795, tnGdtx: 570, lop12Short: 6795 - 6204 - 570,
    ds1821: 27660, bangGdtx: 1629, khongBang: 27660 - 25031 - 1629,
  },
};

interface PcRow {
  ma_xa: string;
  ten_xa: string;
  [k: string]: string | number;
}

function buildPc(rng: Rng, t: PcTotals, wards: Ward[] = WARDS): Record<string, PcRow[]> {
  const n = wards.length;
  const base = wards.map((w) => w.w);
  const A = (total: number, spread: number) => allocate(total, base.map((b) => rng.jitter(b, spread)));
  const rows = (): PcRow[] => wards.map((w) => ({ ma_xa: w.code, ten_xa: w.name }));

  const mn5 = rows();
  {
    const tre = A(t.mn5.tre, 0.06);
    const mg = A(t.mn5.mg, 0.5);
    const s = A(t.mn5.raLopShort, 0.5);
    const h = A(t.mn5.htShort, 0.5);
    const tre35 = tre.map((x) => x * 2.76);
    const t35 = allocate(t.mn5.tre35, tre35.map((x) => rng.jitter(x, 0.03)));
    const mg35 = A(t.mn5.mg35, 0.5);
    const s35 = A(t.mn5.raLop35Short, 0.3);
    for (let i = 0; i < n; i++) {
      const raLop = tre[i] - mg[i] - s[i];
      Object.assign(mn5[i], {
        tre_5t: tre[i], mien_giam_5t: mg[i], tre_5t_ra_lop: raLop, tre_5t_hoan_thanh: raLop - h[i],
        tre_3_5t: t35[i], mien_giam_3_5t: mg35[i], tre_3_5t_ra_lop: t35[i] - mg35[i] - s35[i],
      });
    }
  }
  const th = rows();
  {
    const T = t.th;
    const tre6 = A(T.tre6, 0.06), mg6 = A(T.mg6, 0.6), s6 = A(T.short6, 0.6);
    const tre11 = A(T.tre11, 0.06), mg11 = A(T.mg11, 0.6), dh11 = A(T.dangHoc11, 0.4);
    const tre14 = A(T.tre14, 0.06), mg14 = A(T.mg14, 0.6), s14 = A(T.short14, 0.6);
    const tre1213 = A(T.tre1213, 0.05), mg1213 = A(T.mg1213, 0.6), s1213 = A(T.short1213, 0.6);
    const tre614x = A(T.tre614 - T.tre6 - T.tre11 - T.tre14 - T.tre1213, 0.05);
    const dh614 = A(T.dangHoc614, 0.05);
    for (let i = 0; i < n; i++) {
      const htth11 = tre11[i] - mg11[i] - dh11[i];
      const htth14 = tre14[i] - mg14[i] - s14[i];
      const tre1114 = tre11[i] + tre14[i] + tre1213[i];
      const mg1114 = mg11[i] + mg14[i] + mg1213[i];
      Object.assign(th[i], {
        tre_6t: tre6[i], mien_giam_6t: mg6[i], tre_6t_lop1: tre6[i] - mg6[i] - s6[i],
        tre_11t: tre11[i], mien_giam_11t: mg11[i], tre_11t_htth: htth11, tre_11t_dang_hoc_th: dh11[i],
        tre_14t: tre14[i], mien_giam_14t: mg14[i], tre_14t_htth: htth14,
        tre_11_14t: tre1114, mien_giam_11_14t: mg1114,
        tre_11_14t_htth: htth11 + htth14 + (tre1213[i] - mg1213[i] - s1213[i]),
        tre_6_14t: tre6[i] + tre11[i] + tre14[i] + tre1213[i] + tre614x[i],
        tre_6_14t_dang_hoc_th: dh614[i],
      });
    }
  }
  const thcs = rows();
  {
    const T = t.thcs;
    const tnTh = A(T.tnTh, 0.06), l6s = A(T.lop6Short, 0.5);
    const lop9 = A(T.lop9, 0.06), tns = A(T.tnShort, 0.5);
    const tre = A(T.tre1518, 0.05), mg = A(T.mg1518, 0.5), s = A(T.tnShort1518, 0.4);
    const hoc = allocate(T.hocTiep, tre.map((x) => rng.jitter(x, 0.03)));
    for (let i = 0; i < n; i++) {
      Object.assign(thcs[i], {
        tn_th_nam_truoc: tnTh[i], vao_lop6: tnTh[i] - l6s[i],
        hs_lop9: lop9[i], tn_thcs: lop9[i] - tns[i],
        tre_15_18t: tre[i], mien_giam_15_18t: mg[i], tre_15_18t_tn_thcs: tre[i] - mg[i] - s[i],
        tre_15_18t_hoc_tiep: hoc[i],
      });
    }
  }
  const xmc = rows();
  {
    const bands = [t.xmc.b1525, t.xmc.b2635, t.xmc.b3660].map((b) => ({
      ds: A(b.ds, 0.05), mg: A(b.mg, 0.5), s1: A(b.s1, 0.6), g2: A(b.g2, 0.6),
    }));
    for (let i = 0; i < n; i++) {
      const part = bands.map((b) => {
        const m1 = b.ds[i] - b.mg[i] - b.s1[i];
        return { ds: b.ds[i], mg: b.mg[i], m1, m2: m1 - b.g2[i] };
      });
      const cum = (k: number) => ({
        ds: sum(part.slice(0, k).map((p) => p.ds)),
        mg: sum(part.slice(0, k).map((p) => p.mg)),
        m1: sum(part.slice(0, k).map((p) => p.m1)),
        m2: sum(part.slice(0, k).map((p) => p.m2)),
      });
      const out: Record<string, number> = {};
      (['15_25', '15_35', '15_60'] as const).forEach((band, k) => {
        const c = cum(k + 1);
        out[`dan_so_${band}`] = c.ds;
        out[`mien_giam_${band}`] = c.mg;
        out[`biet_chu_m1_${band}`] = c.m1;
        out[`biet_chu_m2_${band}`] = c.m2;
      });
      Object.assign(xmc[i], out);
    }
  }
  const bth = rows();
  {
    const T = t.bth;
    // Same 15–18 cohort structure as PC_THCS: TN THCS per phường equals PC_THCS tn_thcs.
    const tn = (thcs.map((r) => r.tn_thcs as number));
    const nc = A(T.notCont, 0.5), gd = A(T.gdtx, 0.3), tc = A(T.tc, 0.4);
    const l12 = A(T.lop12, 0.06), tg = A(T.tnGdtx, 0.3), l12s = A(T.lop12Short, 0.5);
    const ds = A(T.ds1821, 0.05), bg = A(T.bangGdtx, 0.3), kb = A(T.khongBang, 0.2);
    for (let i = 0; i < n; i++) {
      Object.assign(bth[i], {
        tn_thcs: tn[i], vao_lop10_thpt: tn[i] - nc[i] - gd[i] - tc[i], vao_gdtx: gd[i], vao_trung_cap: tc[i],
        hs_lop12: l12[i], tn_thpt: l12[i] - tg[i] - l12s[i], tn_gdtx: tg[i],
        dan_so_18_21: ds[i], co_bang_thpt: ds[i] - bg[i] - kb[i], co_bang_gdtx: bg[i],
      });
    }
  }
  return { PC_MN5: mn5, PC_TH: th, PC_THCS: thcs, XMC: xmc, PC_BTH: bth };
}

/** Totals for another year: scale cohorts, redraw shortfalls (plausible, invented). */
function scalePc(rng: Rng, t: PcTotals, f: number): PcTotals {
  const s = (x: number, spread = 0.02) => Math.round(x * f * rng.jitter(1, spread));
  const small = (x: number) => Math.max(0, Math.round(x * rng.range(0.7, 1.4)));
  const band = (b: Band): Band => ({ ds: s(b.ds), mg: small(b.mg), s1: small(b.s1), g2: small(b.g2) });
  const tre11 = s(t.th.tre11), tre14 = s(t.th.tre14), tre1213 = s(t.th.tre1213), tre6 = s(t.th.tre6);
  const tn = s(t.bth.tnThcs);
  return {
    mn5: { tre: s(t.mn5.tre), mg: small(t.mn5.mg), raLopShort: small(6), htShort: small(4), tre35: s(t.mn5.tre35), mg35: small(3), raLop35Short: small(t.mn5.raLop35Short) },
    th: {
      tre6, mg6: small(t.th.mg6), short6: small(t.th.short6),
      tre11, mg11: small(t.th.mg11), dangHoc11: small(t.th.dangHoc11),
      tre14, mg14: small(t.th.mg14), short14: small(t.th.short14),
      tre1213, mg1213: small(t.th.mg1213), short1213: small(t.th.short1213),
      tre614: tre6 + tre11 + tre14 + tre1213 + s(t.th.tre614 - t.th.tre6 - t.th.tre11 - t.th.tre14 - t.th.tre1213),
      dangHoc614: s(t.th.dangHoc614),
    },
    thcs: { tnTh: s(t.thcs.tnTh), lop6Short: small(2), lop9: tn, tnShort: 0, tre1518: s(t.thcs.tre1518), mg1518: 0, tnShort1518: small(t.thcs.tnShort1518), hocTiep: s(t.thcs.hocTiep) },
    xmc: { b1525: band(t.xmc.b1525), b2635: band(t.xmc.b2635), b3660: band(t.xmc.b3660) },
    bth: {
      tnThcs: tn, notCont: small(t.bth.notCont), gdtx: s(t.bth.gdtx, 0.05), tc: s(t.bth.tc, 0.08),
      lop12: s(t.bth.lop12), tnGdtx: s(t.bth.tnGdtx, 0.05), lop12Short: small(t.bth.lop12Short),
      ds1821: s(t.bth.ds1821), bangGdtx: s(t.bth.bangGdtx, 0.05), khongBang: small(t.bth.khongBang),
    },
  };
}

/** Sums per-phường rows into the merged phường (2025 mapping). */
function mergePcRows(rows: PcRow[]): PcRow[] {
  return MERGER.map((m) => {
    const out: PcRow = { ma_xa: m.newCode, ten_xa: m.newName };
    for (const r of rows.filter((x) => m.old.includes(x.ma_xa))) {
      for (const [k, v] of Object.entries(r)) if (typeof v === 'number') out[k] = ((out[k] as number) ?? 0) + v;
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Column layouts (usual headers of spec/SHEETS.md, with diacritics)

const C = {
  stt: { key: 'stt', header: 'STT', kind: 'count', width: 5 } as Col,
  ma_truong: { key: 'ma_truong', header: 'Mã trường', kind: 'code', width: 11 } as Col,
  ten_truong: { key: 'ten_truong', header: 'Tên trường', kind: 'text', width: 42 } as Col,
  ma_xa: { key: 'ma_xa', header: 'Mã xã', kind: 'code', width: 8 } as Col,
  ten_xa: { key: 'ten_xa', header: 'Xã, phường', kind: 'text', width: 26 } as Col,
};
const cnt = (key: string, header: string, group?: string, width = 11): Col => ({ key, header, group, kind: 'count', width });
const pct = (key: string, header: string, group?: string): Col => ({ key, header, group, kind: 'pct', width: 11 });

const QUY_MO_COLS: Col[] = [
  C.stt, C.ma_truong, C.ten_truong,
  { key: 'cap_hoc', header: 'Cấp học', kind: 'text', width: 13 },
  { key: 'loai_hinh', header: 'Loại hình', kind: 'text', width: 9 },
  C.ma_xa, C.ten_xa,
  cnt('so_lop', 'Số lớp', undefined, 8),
  cnt('so_hoc_sinh', 'Số học sinh'),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((g) => cnt(`hs_lop_${g}`, `Lớp ${g}`, 'Số học sinh chia theo khối lớp', 8)),
  cnt('tre_nha_tre', 'Nhà trẻ', 'Mầm non', 9),
  cnt('tre_mau_giao', 'Mẫu giáo', 'Mầm non', 9),
  cnt('tre_5_tuoi', 'Trẻ 5 tuổi', 'Mầm non', 9),
  cnt('hs_2_buoi', 'Học 2 buổi/ngày'),
  cnt('hs_ban_tru', 'Bán trú', undefined, 9),
  cnt('so_cbql', 'CBQL', 'Đội ngũ', 8),
  cnt('so_gv', 'Giáo viên', 'Đội ngũ', 9),
  cnt('so_nv', 'Nhân viên', 'Đội ngũ', 9),
  { key: 'chuan_qg', header: 'Chuẩn quốc gia', kind: 'count', width: 9 },
  { key: 'kdcl', header: 'Kiểm định chất lượng', kind: 'count', width: 11 },
];
const QUY_MO_SUM = QUY_MO_COLS.filter((c) => c.kind === 'count' && !['stt', 'chuan_qg', 'kdcl'].includes(c.key)).map((c) => c.key);

function quyMoRow(s: School, i: number, xa?: { code: string; name: string }): Record<string, V> {
  const rec: Record<string, V> = {
    stt: i + 1,
    ma_truong: s.ma,
    ten_truong: s.ten,
    cap_hoc: s.cap,
    loai_hinh: s.loai,
    ma_xa: xa?.code ?? s.xa.code,
    ten_xa: xa?.name ?? s.xa.name,
    so_lop: s.so_lop,
    so_hoc_sinh: s.so_hs,
    tre_nha_tre: s.nha_tre,
    tre_mau_giao: s.mau_giao,
    tre_5_tuoi: s.tre5,
    hs_2_buoi: s.hs_2_buoi,
    hs_ban_tru: s.ban_tru,
    so_cbql: s.cbql,
    so_gv: s.gv,
    so_nv: s.nv,
    chuan_qg: s.chuan,
    kdcl: s.kdcl,
  };
  if (s.lop) for (let g = 1; g <= 9; g++) if (s.lop[g] || isLevelGrade(s.cap, g)) rec[`hs_lop_${g}`] = s.lop[g];
  return rec;
}
function isLevelGrade(cap: string, g: number): boolean {
  return (cap.includes('TH') && !cap.startsWith('THCS') && g <= 5) || (cap.includes('THCS') && g >= 6 && g <= 9);
}

const PC_COLS: Record<string, Col[]> = {
  PC_MN5: [
    C.stt, C.ma_xa, C.ten_xa,
    cnt('tre_5t', 'Tổng số trẻ 5 tuổi', 'Trẻ 5 tuổi'),
    cnt('mien_giam_5t', 'Miễn giảm', 'Trẻ 5 tuổi'),
    cnt('tre_5t_ra_lop', 'Ra lớp', 'Trẻ 5 tuổi'),
    cnt('tre_5t_hoan_thanh', 'Hoàn thành CT GDMN', 'Trẻ 5 tuổi'),
    cnt('tre_3_5t', 'Tổng số trẻ 3-5 tuổi', 'Trẻ 3-5 tuổi'),
    cnt('mien_giam_3_5t', 'Miễn giảm', 'Trẻ 3-5 tuổi'),
    cnt('tre_3_5t_ra_lop', 'Ra lớp', 'Trẻ 3-5 tuổi'),
  ],
  PC_TH: [
    C.stt, C.ma_xa, C.ten_xa,
    cnt('tre_6t', 'Tổng số', 'Trẻ 6 tuổi'),
    cnt('mien_giam_6t', 'Miễn giảm', 'Trẻ 6 tuổi'),
    cnt('tre_6t_lop1', 'Học lớp 1', 'Trẻ 6 tuổi'),
    cnt('tre_11t', 'Tổng số', 'Trẻ 11 tuổi'),
    cnt('mien_giam_11t', 'Miễn giảm', 'Trẻ 11 tuổi'),
    cnt('tre_11t_htth', 'Hoàn thành CTTH', 'Trẻ 11 tuổi'),
    cnt('tre_11t_dang_hoc_th', 'Đang học tiểu học', 'Trẻ 11 tuổi'),
    cnt('tre_14t', 'Tổng số', 'Trẻ 14 tuổi'),
    cnt('mien_giam_14t', 'Miễn giảm', 'Trẻ 14 tuổi'),
    cnt('tre_14t_htth', 'Hoàn thành CTTH', 'Trẻ 14 tuổi'),
    cnt('tre_11_14t', 'Tổng số', 'Trẻ 11-14 tuổi'),
    cnt('mien_giam_11_14t', 'Miễn giảm', 'Trẻ 11-14 tuổi'),
    cnt('tre_11_14t_htth', 'Hoàn thành CTTH', 'Trẻ 11-14 tuổi'),
    cnt('tre_6_14t', 'Tổng số', 'Trẻ 6-14 tuổi'),
    cnt('tre_6_14t_dang_hoc_th', 'Đang học tiểu học', 'Trẻ 6-14 tuổi'),
  ],
  PC_THCS: [
    C.stt, C.ma_xa, C.ten_xa,
    cnt('tn_th_nam_truoc', 'HS hoàn thành CTTH năm học trước', 'Huy động vào lớp 6'),
    cnt('vao_lop6', 'Vào lớp 6', 'Huy động vào lớp 6'),
    cnt('hs_lop9', 'HS lớp 9 cuối năm', 'Tốt nghiệp THCS'),
    cnt('tn_thcs', 'HS tốt nghiệp THCS', 'Tốt nghiệp THCS'),
    cnt('tre_15_18t', 'Tổng số', 'Thanh thiếu niên 15-18 tuổi'),
    cnt('mien_giam_15_18t', 'Miễn giảm 15-18 tuổi', 'Thanh thiếu niên 15-18 tuổi'),
    cnt('tre_15_18t_tn_thcs', 'Có bằng TN THCS', 'Thanh thiếu niên 15-18 tuổi'),
    cnt('tre_15_18t_hoc_tiep', 'Đã và đang học THPT, GDTX, GDNN', 'Thanh thiếu niên 15-18 tuổi'),
  ],
  XMC: [
    C.stt, C.ma_xa, C.ten_xa,
    ...(['15_25', '15_35', '15_60'] as const).flatMap((b) => {
      const g = `Độ tuổi ${b.replace('_', '-')}`;
      return [
        cnt(`dan_so_${b}`, 'Dân số', g),
        cnt(`mien_giam_${b}`, `Miễn giảm ${b.replace('_', '-')}`, g),
        cnt(`biet_chu_m1_${b}`, 'Biết chữ mức độ 1', g),
        cnt(`biet_chu_m2_${b}`, 'Biết chữ mức độ 2', g),
      ];
    }),
  ],
  PC_BTH: [
    C.stt, C.ma_xa, C.ten_xa,
    cnt('tn_thcs', 'Tốt nghiệp THCS', 'Huy động sau THCS'),
    cnt('vao_lop10_thpt', 'Vào lớp 10 THPT', 'Huy động sau THCS'),
    cnt('vao_gdtx', 'Vào GDTX', 'Huy động sau THCS'),
    cnt('vao_trung_cap', 'Vào trung cấp', 'Huy động sau THCS'),
    cnt('hs_lop12', 'HS lớp 12', 'Tốt nghiệp bậc trung học'),
    cnt('tn_thpt', 'Tốt nghiệp THPT', 'Tốt nghiệp bậc trung học'),
    cnt('tn_gdtx', 'Tốt nghiệp GDTX', 'Tốt nghiệp bậc trung học'),
    cnt('dan_so_18_21', 'Dân số 18-21 tuổi', 'Hiệu quả (18-21 tuổi)'),
    cnt('co_bang_thpt', 'Có bằng THPT', 'Hiệu quả (18-21 tuổi)'),
    cnt('co_bang_gdtx', 'Có bằng GDTX', 'Hiệu quả (18-21 tuổi)'),
  ],
};
const PC_TITLES: Record<string, string> = {
  PC_MN5: 'KẾT QUẢ PHỔ CẬP GIÁO DỤC MẦM NON CHO TRẺ EM 5 TUỔI',
  PC_TH: 'KẾT QUẢ PHỔ CẬP GIÁO DỤC TIỂU HỌC',
  PC_THCS: 'KẾT QUẢ PHỔ CẬP GIÁO DỤC TRUNG HỌC CƠ SỞ',
  XMC: 'KẾT QUẢ XÓA MÙ CHỮ',
  PC_BTH: 'KẾT QUẢ PHỔ CẬP GIÁO DỤC BẬC TRUNG HỌC',
};

const KQ_TH_COLS: Col[] = [
  C.stt, C.ma_truong, C.ten_truong,
  { key: 'khoi', header: 'Khối', kind: 'count', width: 6 },
  cnt('tong_so_hs', 'Tổng số HS'),
  cnt('htxs', 'Hoàn thành xuất sắc'),
  cnt('htt', 'Hoàn thành tốt'),
  cnt('ht', 'Hoàn thành'),
  cnt('cht', 'Chưa hoàn thành'),
  cnt('htctth', 'Hoàn thành chương trình tiểu học', undefined, 13),
];
const TT22 = (prefixKey: string, group: string): Col[] => [
  cnt(`${prefixKey}_tot`, 'Tốt', group, 8),
  cnt(`${prefixKey}_kha`, 'Khá', group, 8),
  cnt(`${prefixKey}_dat`, 'Đạt', group, 8),
  cnt(`${prefixKey}_chua_dat`, 'Chưa đạt', group, 8),
];
const KQ_TT22_COLS: Col[] = [
  C.stt, C.ma_truong, C.ten_truong,
  { key: 'khoi', header: 'Khối', kind: 'count', width: 6 },
  cnt('tong_so_hs', 'Tổng số HS'),
  ...TT22('hoc_tap', 'Kết quả học tập'),
  ...TT22('ren_luyen', 'Kết quả rèn luyện'),
];
const KQ_TT58_COLS: Col[] = [
  C.stt, C.ma_truong, C.ten_truong,
  { key: 'khoi', header: 'Khối', kind: 'count', width: 6 },
  cnt('tong_so_hs', 'Tổng số HS'),
  cnt('hoc_luc_gioi', 'Giỏi', 'Học lực', 8),
  cnt('hoc_luc_kha', 'Khá', 'Học lực', 8),
  cnt('hoc_luc_tb', 'Trung bình', 'Học lực', 9),
  cnt('hoc_luc_yeu', 'Yếu', 'Học lực', 8),
  cnt('hoc_luc_kem', 'Kém', 'Học lực', 8),
  cnt('hanh_kiem_tot', 'Tốt', 'Hạnh kiểm', 8),
  cnt('hanh_kiem_kha', 'Khá', 'Hạnh kiểm', 8),
  cnt('hanh_kiem_tb', 'Trung bình', 'Hạnh kiểm', 9),
  cnt('hanh_kiem_yeu', 'Yếu', 'Hạnh kiểm', 8),
  cnt('tn', 'Tốt nghiệp', undefined, 9),
];

const DD_KINDS = ['sdd_nhe_can', 'sdd_thap_coi', 'sdd_gay_com', 'thua_can_beo_phi'] as const;
const DINH_DUONG_COLS: Col[] = [
  C.stt, C.ma_truong, C.ten_truong,
  { key: 'nhom_tuoi', header: 'Nhóm tuổi', kind: 'text', width: 11 },
  { key: 'thoi_diem', header: 'Thời điểm', kind: 'text', width: 10 },
  cnt('tong_so_tre', 'Tổng số trẻ được cân đo'),
  cnt('sdd_nhe_can', 'SDD thể nhẹ cân', 'Số trẻ'),
  cnt('sdd_thap_coi', 'SDD thể thấp còi', 'Số trẻ'),
  cnt('sdd_gay_com', 'SDD thể gầy còm', 'Số trẻ'),
  cnt('thua_can_beo_phi', 'Thừa cân - béo phì', 'Số trẻ'),
  cnt('phuc_hoi_sdd_nhe_can', 'SDD thể nhẹ cân', 'Phục hồi'),
  cnt('phuc_hoi_sdd_thap_coi', 'SDD thể thấp còi', 'Phục hồi'),
  cnt('phuc_hoi_sdd_gay_com', 'SDD thể gầy còm', 'Phục hồi'),
  cnt('phuc_hoi_thua_can_beo_phi', 'Thừa cân - béo phì', 'Phục hồi'),
];

const QUAL = ['tien_si', 'thac_si', 'dai_hoc', 'cao_dang', 'trung_cap', 'chua_qua_dao_tao'] as const;
const DOI_NGU_COLS: Col[] = [
  C.stt, C.ma_truong, C.ten_truong,
  cnt('so_cbql', 'CBQL', 'Số lượng', 8),
  cnt('so_gv', 'Giáo viên', 'Số lượng', 9),
  cnt('so_nv', 'Nhân viên', 'Số lượng', 9),
  cnt('tien_si', 'Tiến sĩ', 'Trình độ chuyên môn (CBQL và GV)', 8),
  cnt('thac_si', 'Thạc sĩ', 'Trình độ chuyên môn (CBQL và GV)', 8),
  cnt('dai_hoc', 'Đại học', 'Trình độ chuyên môn (CBQL và GV)', 8),
  cnt('cao_dang', 'Cao đẳng', 'Trình độ chuyên môn (CBQL và GV)', 8),
  cnt('trung_cap', 'Trung cấp', 'Trình độ chuyên môn (CBQL và GV)', 9),
  cnt('chua_qua_dao_tao', 'Chưa qua đào tạo', 'Trình độ chuyên môn (CBQL và GV)', 10),
  cnt('cc_tin_hoc', 'Tin học', 'Chứng chỉ', 8),
  cnt('cc_ngoai_ngu', 'Ngoại ngữ', 'Chứng chỉ', 9),
];

const SAP_NHAP_COLS: Col[] = [
  C.stt,
  { key: 'ma_cu', header: 'Mã đơn vị cũ', kind: 'code', width: 12 },
  { key: 'ten_cu', header: 'Tên đơn vị cũ', kind: 'text', width: 28 },
  { key: 'ma_moi', header: 'Mã đơn vị mới', kind: 'code', width: 12 },
  { key: 'ten_moi', header: 'Tên đơn vị mới', kind: 'text', width: 28 },
  { key: 'hieu_luc', header: 'Ngày hiệu lực', kind: 'date', width: 12 },
];

// ---------------------------------------------------------------------------------------------
// Outcomes, nutrition, staff

function shares(n: number, fixed: [number, number][], rest: number, count: number): number[] {
  // fixed: [index, share]; the remainder goes to `rest`.
  const s = new Array(count).fill(0) as number[];
  for (const [i, f] of fixed) s[i] = f;
  const tot = sum(s);
  if (tot > 0.97) for (let i = 0; i < count; i++) s[i] = (s[i] * 0.97) / tot;
  return split(n, s, rest);
}

interface KqRow {
  [k: string]: V;
}
function kqTh(rng: Rng, schools: School[]): KqRow[] {
  const out: KqRow[] = [];
  for (const s of schools) {
    if (!s.lop) continue;
    for (let g = 1; g <= 5; g++) {
      const n = s.lop[g];
      if (!n) continue;
      const [htxs, htt, ht, cht] = shares(n, [[0, rng.range(0.38, 0.55)], [1, rng.range(0.2, 0.3)], [3, rng.range(0.001, 0.009)]], 2, 4);
      out.push({ ma_truong: s.ma, ten_truong: s.ten, khoi: g, tong_so_hs: n, htxs, htt, ht, cht, htctth: g === 5 ? n - cht : undefined });
    }
  }
  return out;
}
function tt22(rng: Rng, n: number): Record<string, number> {
  const [ht, hk, hd, hc] = shares(n, [[0, rng.range(0.33, 0.5)], [1, rng.range(0.3, 0.4)], [3, rng.range(0.005, 0.03)]], 2, 4);
  const [rt, rk, rd, rc] = shares(n, [[0, rng.range(0.82, 0.92)], [1, rng.range(0.06, 0.14)], [3, rng.range(0, 0.004)]], 2, 4);
  return {
    hoc_tap_tot: ht, hoc_tap_kha: hk, hoc_tap_dat: hd, hoc_tap_chua_dat: hc,
    ren_luyen_tot: rt, ren_luyen_kha: rk, ren_luyen_dat: rd, ren_luyen_chua_dat: rc,
  };
}
function kqThcs(rng: Rng, schools: School[]): KqRow[] {
  const out: KqRow[] = [];
  for (const s of schools) {
    if (!s.lop) continue;
    for (let g = 6; g <= 8; g++) {
      const n = s.lop[g];
      if (!n) continue;
      out.push({ ma_truong: s.ma, ten_truong: s.ten, khoi: g, tong_so_hs: n, ...tt22(rng, n) });
    }
  }
  return out;
}
function kqLop9(rng: Rng, schools: School[]): KqRow[] {
  const out: KqRow[] = [];
  for (const s of schools) {
    const n = s.lop?.[9];
    if (!n) continue;
    const [gioi, kha, tb, yeu, kem] = shares(n, [[0, rng.range(0.28, 0.45)], [1, rng.range(0.35, 0.45)], [3, rng.range(0.004, 0.02)], [4, rng.range(0, 0.002)]], 2, 5);
    const [hkt, hkk, hktb, hky] = shares(n, [[0, rng.range(0.88, 0.95)], [1, rng.range(0.04, 0.09)], [3, rng.range(0, 0.002)]], 2, 4);
    out.push({
      ma_truong: s.ma, ten_truong: s.ten, khoi: 9, tong_so_hs: n,
      hoc_luc_gioi: gioi, hoc_luc_kha: kha, hoc_luc_tb: tb, hoc_luc_yeu: yeu, hoc_luc_kem: kem,
      hanh_kiem_tot: hkt, hanh_kiem_kha: hkk, hanh_kiem_tb: hktb, hanh_kiem_yeu: hky,
      tn: n - kem - Math.ceil(yeu / 2),
    });
  }
  return out;
}

const GDTX_MA = '79761402';
const GDTX_TEN = 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên Quận 12';
/** Seed 000 lines 257–360 (khối 10, 11) with khối 11 completed so each set sums to 1.294 (clean). */
const GDTX_10_11_CLEAN: KqRow[] = [
  { ma_truong: GDTX_MA, ten_truong: GDTX_TEN, khoi: 10, tong_so_hs: 1924, hoc_tap_tot: 189, hoc_tap_kha: 657, hoc_tap_dat: 770, hoc_tap_chua_dat: 308, ren_luyen_tot: 1414, ren_luyen_kha: 447, ren_luyen_dat: 61, ren_luyen_chua_dat: 2 },
  { ma_truong: GDTX_MA, ten_truong: GDTX_TEN, khoi: 11, tong_so_hs: 1294, hoc_tap_tot: 213, hoc_tap_kha: 486, hoc_tap_dat: 457 + 7, hoc_tap_chua_dat: 131, ren_luyen_tot: 1027, ren_luyen_kha: 221, ren_luyen_dat: 43 + 3, ren_luyen_chua_dat: 0 },
];
/** Seed 000 lines 363–409 (khối 12, TT 58 scale): already consistent. */
const GDTX_12: KqRow = {
  ma_truong: GDTX_MA, ten_truong: GDTX_TEN, khoi: 12, tong_so_hs: 899,
  hoc_luc_gioi: 81, hoc_luc_kha: 473, hoc_luc_tb: 304, hoc_luc_yeu: 39, hoc_luc_kem: 2,
  hanh_kiem_tot: 833, hanh_kiem_kha: 58, hanh_kiem_tb: 8, hanh_kiem_yeu: 0,
};

/** Seed 000 lines 35–129 (đầu vào and phục hồi counts). Đầu ra is recomputed: 328 − 87 = 241, not 141. */
const NUTRITION = {
  'Nhà trẻ': { in: [43, 39, 18, 169], rec: [15, 12, 1, 19] },
  'Mẫu giáo': { in: [328, 259, 122, 2093], rec: [87, 94, 5, 422] },
};

function dinhDuong(rng: Rng, schools: School[]): KqRow[] {
  const mn = schools.filter((s) => s.cap === 'MN');
  const rows: KqRow[] = [];
  const per: Record<string, { inp: number[][]; rec: number[][] }> = {};
  for (const [group, d] of Object.entries(NUTRITION)) {
    const enrol = mn.map((s) => (group === 'Nhà trẻ' ? s.nha_tre! : s.mau_giao!));
    const inp = d.in.map((tot, k) => allocateCapped(tot, enrol.map((e) => rng.jitter(e, 0.6)), enrol.map((e) => Math.floor(e * (k === 3 ? 0.2 : 0.05)))));
    const rec = d.rec.map((tot, k) => allocateCapped(tot, inp[k].map((x) => rng.jitter(x, 0.3)), inp[k]));
    per[group] = { inp, rec };
  }
  const emit = (s: School, group: string, inp: number[], rec: number[]) => {
    const n = group === 'Nhà trẻ' ? s.nha_tre! : s.mau_giao!;
    if (!n) return;
    const base = { ma_truong: s.ma, ten_truong: s.ten, nhom_tuoi: group, tong_so_tre: n };
    const r1: KqRow = { ...base, thoi_diem: 'Đầu vào' };
    const r2: KqRow = { ...base, thoi_diem: 'Đầu ra' };
    DD_KINDS.forEach((k, j) => {
      r1[k] = inp[j];
      r2[k] = inp[j] - rec[j];
      r2[`phuc_hoi_${k}`] = rec[j];
    });
    rows.push(r1, r2);
  };
  for (const [i, s] of mn.entries()) {
    // A DL row's counts go to its facilities (own PRNG, so the year's sequence is unchanged).
    const facilities = s.loai === 'DL' ? expandDlRow(s) : null;
    const split = new Rng(7000 + i);
    for (const group of Object.keys(NUTRITION)) {
      const { inp, rec } = per[group];
      if (!facilities) {
        emit(s, group, inp.map((x) => x[i]), rec.map((x) => x[i]));
        continue;
      }
      const enrol = facilities.map((f) => (group === 'Nhà trẻ' ? f.nha_tre! : f.mau_giao!));
      const fin = inp.map((x) => allocateCapped(x[i], enrol.map((e) => split.jitter(e, 0.5)), enrol));
      const frec = rec.map((x, k) => allocateCapped(x[i], fin[k].map((v) => split.jitter(v, 0.3)), fin[k]));
      facilities.forEach((f, j) => emit(f, group, fin.map((x) => x[j]), frec.map((x) => x[j])));
    }
  }
  return rows;
}

/**
 * Public-sector staff qualifications (seed 000 lines 462–470): CBQL + GV = 3.215 people; tiến sĩ 01,
 * thạc sĩ 153; MN GV below cao đẳng 13 (505/518 đạt chuẩn); TH + THCS + Ánh Dương GV below đại học 134
 * (2.390/2.524); chứng chỉ tin học 3.200, ngoại ngữ 3.196. All CBQL hold at least đại học.
 */
function doiNgu(rng: Rng, schools: School[]): KqRow[] {
  const pub = schools.filter((s) => s.loai === 'CL' && s.cap !== 'GDTX');
  const n = pub.map((s) => s.cbql + s.gv);
  const idx = (pred: (s: School) => boolean) => pub.map((s, i) => (pred(s) ? i : -1)).filter((i) => i >= 0);
  const mnI = idx((s) => s.cap === 'MN');
  const thI = idx((s) => s.cap === 'TH');
  const thcsI = idx((s) => s.cap === 'THCS');
  const adI = idx((s) => s.cap === 'GDCB');
  const q: Record<string, number[]> = Object.fromEntries(QUAL.map((k) => [k, pub.map(() => 0)]));
  const put = (key: string, ids: number[], total: number, caps: number[]) => {
    const a = allocateCapped(total, ids.map((i) => rng.jitter(n[i], 0.5)), caps);
    ids.forEach((i, k) => (q[key][i] += a[k]));
  };
  q.tien_si[thcsI[rng.int(0, thcsI.length - 1)]] = 1;
  put('thac_si', mnI, 6, mnI.map((i) => pub[i].cbql));
  put('thac_si', thI, 60, thI.map((i) => Math.floor(n[i] * 0.2)));
  put('thac_si', thcsI, 85, thcsI.map((i) => Math.floor(n[i] * 0.2)));
  put('thac_si', adI, 2, adI.map((i) => 3));
  put('trung_cap', mnI, 13, mnI.map((i) => Math.floor(pub[i].gv * 0.2)));
  for (const i of mnI) q.cao_dang[i] = Math.round((pub[i].gv - q.trung_cap[i]) * rng.range(0.12, 0.3));
  const rest = [...thI, ...thcsI, ...adI];
  put('cao_dang', rest, 118, rest.map((i) => Math.floor(pub[i].gv * 0.15)));
  put('trung_cap', rest, 16, rest.map((i) => Math.floor(pub[i].gv * 0.03) + 1));
  for (let i = 0; i < pub.length; i++) {
    q.dai_hoc[i] = n[i] - q.tien_si[i] - q.thac_si[i] - q.cao_dang[i] - q.trung_cap[i] - q.chua_qua_dao_tao[i];
    if (q.dai_hoc[i] < pub[i].cbql - q.thac_si[i] - q.tien_si[i]) throw new Error('doiNgu: CBQL below đại học');
  }
  const noTin = allocateCapped(15, n.map((x) => rng.jitter(x, 0.5)), n.map(() => 3));
  const noNn = allocateCapped(19, n.map((x) => rng.jitter(x, 0.5)), n.map(() => 3));
  return pub.map((s, i) => ({
    ma_truong: s.ma, ten_truong: s.ten, so_cbql: s.cbql, so_gv: s.gv, so_nv: s.nv,
    ...Object.fromEntries(QUAL.map((k) => [k, q[k][i]])),
    cc_tin_hoc: n[i] - noTin[i], cc_ngoai_ngu: n[i] - noNn[i],
  }));
}

const numbered = <T extends Record<string, V>>(rows: T[]): T[] => rows.map((r, i) => ({ ...r, stt: i + 1 }));

// ---------------------------------------------------------------------------------------------
// Quận 12 workbooks

interface YearCtx {
  /** "2023 - 2024" as printed. */
  year: string;
  unit: string;
  org: [string, string];
  reportDate: string;
  pcDate: string;
}

function mergerRows(): Record<string, V>[] {
  const out: Record<string, V>[] = [];
  for (const m of MERGER) for (const o of m.old) {
    out.push({ ma_cu: o, ten_cu: wardByCode.get(o)!.name, ma_moi: m.newCode, ten_moi: m.newName, hieu_luc: new Date(Date.UTC(2025, 6, 1)) });
  }
  return numbered(out);
}

function addSapNhap(wb: ExcelJS.Workbook, ctx: YearCtx): Placed {
  return writeTable(wb, {
    name: 'DON_VI_SAP_NHAP',
    org: ctx.org,
    title: 'DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ SẮP XẾP, SÁP NHẬP',
    subtitle: '(Minh họa – dùng để so sánh số liệu giữa các năm học)',
    unit: ctx.unit,
    cols: SAP_NHAP_COLS,
    rows: mergerRows(),
    notes: ['Ghi chú: bảng sáp nhập mang tính minh họa, không phải danh sách chính thức theo Nghị quyết của UBTVQH.'],
  });
}

function addQuyMo(wb: ExcelJS.Workbook, ctx: YearCtx, schools: School[], xaOf?: (s: School) => { code: string; name: string }): Placed {
  return writeTable(wb, {
    name: 'QUY_MO',
    org: ctx.org,
    title: 'THỐNG KÊ QUY MÔ TRƯỜNG, LỚP, HỌC SINH',
    unit: ctx.unit,
    year: ctx.year,
    reportDate: ctx.reportDate,
    cols: QUY_MO_COLS,
    rows: expandDl(schools).map((s, i) => quyMoRow(s, i, xaOf?.(s))),
    total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: QUY_MO_SUM },
    notes: [
      'Ghi chú: trường phổ thông nhiều cấp học chỉ thống kê các cấp tiểu học, THCS do Phòng Giáo dục và Đào tạo quản lý.',
      'Nhóm trẻ, lớp mẫu giáo độc lập: mỗi cơ sở một dòng (loại hình DL); cột Số lớp là số nhóm, lớp.',
      'Chuẩn quốc gia: 0 = chưa đạt, 1 = mức độ 1, 2 = mức độ 2. Kiểm định chất lượng: cấp độ 0–4.',
    ],
  });
}

function addPc(wb: ExcelJS.Workbook, ctx: YearCtx, pc: Record<string, PcRow[]>, totalLabel = 'Toàn quận'): Record<string, Placed> {
  const out: Record<string, Placed> = {};
  for (const id of ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH']) {
    out[id] = writeTable(wb, {
      name: id,
      org: ctx.org,
      title: PC_TITLES[id],
      unit: ctx.unit,
      year: ctx.year,
      reportDate: ctx.pcDate,
      cols: PC_COLS[id],
      rows: numbered(pc[id] as unknown as Record<string, V>[]),
      total: { label: totalLabel, labelKey: 'ten_xa', sumKeys: PC_COLS[id].filter((c) => c.kind === 'count' && c.key !== 'stt').map((c) => c.key) },
      colNumbers: id === 'PC_THCS',
    });
  }
  return out;
}

function addOutcomes(wb: ExcelJS.Workbook, ctx: YearCtx, rng: Rng, schools: School[]): { th: KqRow[]; thcs: KqRow[] } {
  const thRows = numbered(kqTh(rng, schools));
  writeTable(wb, {
    name: 'KET_QUA_TH', org: ctx.org, unit: ctx.unit, year: ctx.year, reportDate: ctx.reportDate,
    title: 'KẾT QUẢ ĐÁNH GIÁ HỌC SINH TIỂU HỌC CUỐI NĂM HỌC',
    subtitle: '(Thông tư 27/2020/TT-BGDĐT)',
    cols: KQ_TH_COLS, rows: thRows,
    total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: ['tong_so_hs', 'htxs', 'htt', 'ht', 'cht', 'htctth'] },
  });
  const thcsRows = numbered(kqThcs(rng, schools));
  writeTable(wb, {
    name: 'KET_QUA_THCS', org: ctx.org, unit: ctx.unit, year: ctx.year, reportDate: ctx.reportDate,
    title: 'KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN HỌC SINH THCS (KHỐI 6, 7, 8)',
    subtitle: '(Thông tư 22/2021/TT-BGDĐT)',
    cols: KQ_TT22_COLS, rows: thcsRows,
    total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: KQ_TT22_COLS.filter((c) => c.kind === 'count' && !['stt', 'khoi'].includes(c.key)).map((c) => c.key) },
  });
  const l9 = numbered([...kqLop9(rng, schools), GDTX_12]);
  writeTable(wb, {
    name: 'KET_QUA_TT58', org: ctx.org, unit: ctx.unit, year: ctx.year, reportDate: ctx.reportDate,
    title: 'KẾT QUẢ HỌC LỰC, HẠNH KIỂM KHỐI 9 VÀ KHỐI 12 GDTX',
    subtitle: '(Thông tư 58/2011/TT-BGDĐT)',
    cols: KQ_TT58_COLS, rows: l9,
    total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: KQ_TT58_COLS.filter((c) => c.kind === 'count' && !['stt', 'khoi'].includes(c.key)).map((c) => c.key) },
  });
  writeTable(wb, {
    name: 'KET_QUA_GDTX', org: ctx.org, unit: ctx.unit, year: ctx.year, reportDate: ctx.reportDate,
    title: 'KẾT QUẢ HỌC TẬP, RÈN LUYỆN HỌC VIÊN GDTX KHỐI 10, KHỐI 11',
    cols: KQ_TT22_COLS, rows: numbered(GDTX_10_11_CLEAN),
    total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: KQ_TT22_COLS.filter((c) => c.kind === 'count' && !['stt', 'khoi'].includes(c.key)).map((c) => c.key) },
  });
  return { th: thRows, thcs: thcsRows };
}

function addNutrition(wb: ExcelJS.Workbook, ctx: YearCtx, rng: Rng, schools: School[]) {
  writeTable(wb, {
    name: 'DINH_DUONG', org: ctx.org, unit: ctx.unit, year: ctx.year, reportDate: ctx.reportDate,
    title: 'KẾT QUẢ CHĂM SÓC TRẺ SUY DINH DƯỠNG, THỪA CÂN – BÉO PHÌ',
    cols: DINH_DUONG_COLS, rows: numbered(dinhDuong(rng, schools)),
  });
}

function addStaff(wb: ExcelJS.Workbook, ctx: YearCtx, rng: Rng, schools: School[]) {
  writeTable(wb, {
    name: 'DOI_NGU', org: ctx.org, unit: ctx.unit, year: ctx.year, reportDate: ctx.reportDate,
    title: 'THỐNG KÊ ĐỘI NGŨ CÁN BỘ QUẢN LÝ, GIÁO VIÊN, NHÂN VIÊN (CÔNG LẬP)',
    cols: DOI_NGU_COLS, rows: numbered(doiNgu(rng, schools)),
    total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: DOI_NGU_COLS.filter((c) => c.kind === 'count' && c.key !== 'stt').map((c) => c.key) },
    colNumbers: true,
  });
}

const CTX_2023: YearCtx = { year: '2023 - 2024', unit: 'Quận 12', org: ORG_Q12, reportDate: '31/5/2024', pcDate: '30/9/2023' };
const CTX_2022: YearCtx = { year: '2022 - 2023', unit: 'Quận 12', org: ORG_Q12, reportDate: '31/5/2023', pcDate: '30/9/2022' };
const CTX_2024: YearCtx = {
  year: '2024 - 2025',
  unit: 'Các phường thuộc Quận 12 (cũ)',
  org: ['ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
  reportDate: '15/7/2025',
  pcDate: '30/9/2024',
};

async function buildQuan12Year(ctx: YearCtx, schools: School[], pc: Record<string, PcRow[]>, file: string, seed: number, opts: { merged?: boolean } = {}) {
  const rng = new Rng(seed);
  const wb = newWorkbook();
  const xaOf = opts.merged ? (s: School) => ({ code: newWardOf(s.xa.code).newCode, name: newWardOf(s.xa.code).newName }) : undefined;
  const placed = { QUY_MO: addQuyMo(wb, ctx, schools, xaOf), ...addPc(wb, ctx, pc, opts.merged ? 'Tổng cộng' : 'Toàn quận') };
  addNutrition(wb, ctx, rng, schools);
  const kq = addOutcomes(wb, ctx, rng, schools);
  addStaff(wb, ctx, rng, schools);
  addSapNhap(wb, ctx);
  await save(wb, file);
  return { placed, kq };
}

// ---------------------------------------------------------------------------------------------
// Other years: 2022-2023 (derived from the seed's "tăng …" statements, otherwise invented) and
// 2024-2025 (invented, after the illustrative merger of phường).

function scaleSchool(rng: Rng, s: School, f: number): School {
  const t: School = { ...s, lop: s.lop?.slice() };
  if (s.cap === 'GDTX' || s.cap === 'GDCB') return t;
  const n = Math.max(20, Math.round(s.so_hs * f));
  t.so_hs = n;
  if (s.cap === 'MN') {
    t.nha_tre = Math.min(n, Math.round(s.nha_tre! * f));
    t.mau_giao = n - t.nha_tre;
    t.tre5 = Math.min(t.mau_giao, Math.round(s.tre5! * f));
    t.hs_2_buoi = n;
    t.ban_tru = n;
    t.so_lop = s.loai === 'DL' ? s.so_lop : Math.ceil(t.nha_tre / 21) + Math.ceil(t.mau_giao / 28);
  } else {
    const thPart = s.lop ? sum(s.lop.slice(1, 6)) : 0;
    const thcsPart = s.lop ? sum(s.lop.slice(6, 10)) : 0;
    if (thPart && thcsPart) {
      const a = Math.round(thPart * f);
      const l1 = gradeSplit(rng, a, [1, 2, 3, 4, 5], TH_SHAPE);
      const l2 = gradeSplit(rng, n - a, [6, 7, 8, 9], THCS_SHAPE);
      t.lop = l1.map((x, g) => x + l2[g]);
    } else if (thPart) t.lop = gradeSplit(rng, n, [1, 2, 3, 4, 5], TH_SHAPE);
    else t.lop = gradeSplit(rng, n, [6, 7, 8, 9], THCS_SHAPE);
    t.hs_2_buoi = s.hs_2_buoi === s.so_hs ? n : Math.min(n, Math.round(s.hs_2_buoi * f * rng.range(0.9, 1.05)));
    const size = s.so_hs / s.so_lop;
    t.so_lop = Math.ceil(n / size);
  }
  t.gv = Math.max(2, s.gv + rng.int(-2, 2));
  return t;
}

function derive2022(schools: School[]): School[] {
  const rng = new Rng(20222023);
  const prev = schools.filter((s) => !s.isNew).map((s) => scaleSchool(rng, s, rng.range(0.96, 1.03)));
  const of = (cap: string, loai: Loai) => prev.filter((s) => s.cap === cap && s.loai === loai);
  // MN: chuẩn quốc gia 12 → 10 ("tăng 02 trường"): one công lập and one ngoài công lập got it this year.
  for (const loai of ['CL', 'NCL'] as const) {
    const s = of('MN', loai).filter((x) => x.chuan === 1)[0];
    s.chuan = 0;
  }
  // Kiểm định MN 33 → 27 ("tăng 06"): three công lập, three ngoài công lập accredited this year.
  for (const loai of ['CL', 'NCL'] as const) {
    of('MN', loai).filter((x) => x.kdcl > 0 && x.chuan === 0 && !wasChuan(schools, x)).slice(0, 3).forEach((x) => (x.kdcl = 0));
  }
  // TH: kiểm định 22 → 19 công lập and 1 → 0 ngoài công lập ("tăng 03 … và 01 …"); the new school did not exist.
  of('TH', 'CL').filter((x) => x.kdcl > 0 && x.chuan === 0).slice(0, 3).forEach((x) => (x.kdcl = 0));
  of('TH', 'NCL').filter((x) => x.kdcl > 0).forEach((x) => (x.kdcl = 0));
  // THCS: kiểm định 13 → 12 ("tăng 01").
  of('THCS', 'CL').filter((x) => x.kdcl > 0 && x.chuan === 0).slice(0, 1).forEach((x) => (x.kdcl = 0));
  return prev;
}
function wasChuan(schools: School[], s: School): boolean {
  return (schools.find((x) => x.ma === s.ma)?.chuan ?? 0) > 0;
}

function derive2024(schools: School[]): School[] {
  const rng = new Rng(20242025);
  const next = schools.map((s) => scaleSchool(rng, s, s.isNew ? 1.55 : rng.range(0.98, 1.04)));
  const mnCl = next.filter((s) => s.cap === 'MN' && s.loai === 'CL' && s.chuan === 0 && s.kdcl >= 2)[0];
  if (mnCl) mnCl.chuan = 1;
  const th = next.filter((s) => s.cap === 'TH' && s.loai === 'CL' && s.kdcl === 0 && !s.isNew)[0];
  if (th) th.kdcl = 1;
  return next;
}

// ---------------------------------------------------------------------------------------------
// As-printed variants: the seeds' own inconsistencies, where a sheet can show them.

interface Planted {
  id: string;
  file: string;
  sheet: string;
  cells: string[];
  seed: string;
  what: string;
  expected?: number | string;
  actual?: number | string;
  /** Text the Vietnamese message of the finding must contain (e.g. the suspected denominator). */
  hint?: string;
}
const planted: Planted[] = [];
/** Figures printed consistently next to the planted ones: no rate or sum finding may point at them. */
interface Control {
  id: string;
  file: string;
  sheet: string;
  cells: string[];
  seed: string;
  what: string;
  /** Rule ids that must not fire on these cells. */
  silent: string[];
}
const controls: Control[] = [];
/**
 * Rule ids (src/core/rules, src/core/sheets) that find each planted inconsistency, checked by running
 * the rules on these files; '' = no rule can see it yet (see README "Not detected").
 */
const RULE_OF: Record<string, string> = {
  q12_th_31_truong: 'tong_khop_cac_dong',
  q12_th_2buoi_ncl: 'bo_phan_vuot_tong',
  q12_mn35_97_35: 'ty_le_in_sai',
  q12_th14_99_99: 'ty_le_in_sai',
  q12_dd_141: 'dd_cuoi_nam_khac_dau_nam',
  q12_dd_25_52: 'ty_le_in_sai',
  q12_dd_truncated: 'ty_le_in_sai',
  q12_dd_truncated_phuc_hoi: 'ty_le_in_sai',
  q12_dd_weighed_vs_enrolled: 'dd_khac_quy_mo',
  q12_gdtx11_hoc_tap: 'tong_loai_khac_tong_hs',
  q12_gdtx11_ren_luyen: 'tong_loai_khac_tong_hs',
  q12_gdtx_tong: 'tong_loai_khac_tong_hs',
  q12_gv_mn_95_2: 'ty_le_in_sai',
  q3_mn_so_truong: 'tong_khop_cac_dong',
  q3_mn_so_gv: 'tong_khop_cac_dong',
  q3_th_so_hoc_sinh: 'tong_khop_cac_dong',
  q3_thcs_so_hoc_sinh: 'tong_khop_cac_dong',
  q3_thcs_ncl_si_so: 'si_so_bat_thuong',
  q3_nghe_pt_52_1: 'ty_le_in_sai',
  haian_mn_8289: 'mn_nha_tre_mau_giao',
  haian_th_si_so: 'si_so_vuot_dinh_muc',
  haian_thcs_si_so: 'si_so_vuot_dinh_muc',
  haian_mn_84_7: 'ty_le_in_sai',
};
const plant = (p: Planted) => {
  if (!(p.id in RULE_OF)) throw new Error(`no rule entry for ${p.id}`);
  planted.push(p);
};

/** Percentage rounded half-up to 2 decimals, as a number of percent (97.32). */
const pct2 = (num: number, den: number) => Math.round((num * 10000) / den) / 100;
/** A printed rate as Excel writes a percentage: the fraction with a % format (97,32% → 0.9732, "0.00%"). */
const asPct = (percent: number, decimals = 2): V => ({ n: Number((percent / 100).toPrecision(12)), fmt: decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%` });
const P2 = (num: number, den: number): V => asPct(pct2(num, den));

const AGG_QUY_MO_COLS: Col[] = [
  C.stt, C.ma_truong,
  { key: 'ten_truong', header: 'Tên đơn vị', kind: 'text', width: 34 },
  { key: 'cap_hoc', header: 'Cấp học', kind: 'text', width: 13 },
  { key: 'loai_hinh', header: 'Loại hình', kind: 'text', width: 9 },
  { key: 'ten_xa', header: 'Xã, phường', kind: 'text', width: 16 },
  cnt('so_truong', 'Số trường', undefined, 9),
  cnt('so_lop', 'Số lớp', undefined, 9),
  cnt('so_hoc_sinh', 'Số học sinh'),
];

function aggregate(schools: School[], pred: (s: School) => boolean) {
  const xs = schools.filter(pred);
  const f = (k: keyof School) => sum(xs.map((s) => (s[k] as number) ?? 0));
  return { n: xs.length, so_lop: f('so_lop'), so_hs: f('so_hs'), nt: f('nha_tre'), mg: f('mau_giao'), b2: f('hs_2_buoi'), cbql: f('cbql'), gv: f('gv'), nv: f('nv'), co_so: sum(xs.map((s) => s.co_so ?? 1)) };
}

async function buildQuan12AsPrinted(schools: School[], pc: Record<string, PcRow[]>) {
  const file = 'as-printed/quan12-2023-2024-as-printed.xlsx';
  const wb = newWorkbook();
  const ctx = CTX_2023;
  const base = { org: ctx.org, unit: ctx.unit, year: ctx.year, reportDate: ctx.reportDate };
  const staffCols = [cnt('so_cbql', 'CBQL', 'Đội ngũ', 8), cnt('so_gv', 'Giáo viên', 'Đội ngũ', 9), cnt('so_nv', 'Nhân viên', 'Đội ngũ', 9)];
  const row = (ma: string, ten: string, cap: string, loai: string, a: ReturnType<typeof aggregate>, extra: Record<string, V> = {}): Record<string, V> => ({
    ma_truong: ma, ten_truong: ten, cap_hoc: cap, loai_hinh: loai, ten_xa: 'Các phường', so_truong: a.co_so, so_lop: a.so_lop, so_hoc_sinh: a.so_hs,
    so_cbql: a.cbql, so_gv: a.gv, so_nv: a.nv, ...extra,
  });

  // ---- MN (consistent as printed: 353 cơ sở = 23 + 43 + 287; 26.254 = 7.667 + 18.587)
  {
    const cl = aggregate(schools, (s) => s.cap === 'MN' && s.loai === 'CL');
    const ncl = aggregate(schools, (s) => s.cap === 'MN' && s.loai === 'NCL');
    const dl = aggregate(expandDl(schools), (s) => s.cap === 'MN' && s.loai === 'DL');
    const mk = (a: typeof cl) => ({ tre_nha_tre: a.nt, tre_mau_giao: a.mg, hs_2_buoi: a.b2 });
    writeTable(wb, {
      name: 'QUY_MO_MN', ...base, title: 'QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP – MẦM NON (SỐ LIỆU NHƯ BÁO CÁO)',
      cols: [...AGG_QUY_MO_COLS, cnt('tre_nha_tre', 'Nhà trẻ'), cnt('tre_mau_giao', 'Mẫu giáo'), cnt('hs_2_buoi', 'Học 2 buổi/ngày'), ...staffCols],
      rows: numbered([
        row('Q12-MN-CL', 'Mầm non công lập', 'MN', 'CL', cl, mk(cl)),
        row('Q12-MN-NCL', 'Mầm non ngoài công lập', 'MN', 'NCL', ncl, mk(ncl)),
        row('Q12-MN-DL', 'Nhóm trẻ, lớp mẫu giáo độc lập', 'MN', 'DL', dl, mk(dl)),
      ]),
      total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: ['so_truong', 'so_lop', 'so_hoc_sinh', 'tre_nha_tre', 'tre_mau_giao', 'hs_2_buoi', 'so_cbql', 'so_gv', 'so_nv'] },
      notes: ['Số trường của dòng nhóm, lớp độc lập là số cơ sở (287).'],
    });
  }
  // ---- TH: "31 trường (24 … và 06 …)"; 2 buổi ngoài công lập 14.945 − 12.743 = 2.202 > 2.110
  {
    const cl = aggregate(schools, (s) => s.cap === 'TH' && s.loai === 'CL');
    const ncl = aggregate(schools, (s) => s.cap === 'TH' && s.loai === 'NCL');
    const multi = schools.find((s) => s.cap === 'TH-THCS-THPT')!;
    const multiTh = sum(multi.lop!.slice(1, 6));
    const nclHs = ncl.so_hs + multiTh;
    const p = writeTable(wb, {
      name: 'QUY_MO_TH', ...base, title: 'QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP – TIỂU HỌC (SỐ LIỆU NHƯ BÁO CÁO)',
      cols: [...AGG_QUY_MO_COLS, cnt('hs_2_buoi', 'Học 2 buổi/ngày'), ...staffCols],
      rows: numbered([
        row('Q12-TH-CL', 'Tiểu học công lập', 'TH', 'CL', cl, { hs_2_buoi: 12743 }),
        row('Q12-TH-NCL', 'Tiểu học ngoài công lập', 'TH', 'NCL', { ...ncl, so_hs: nclHs, so_lop: ncl.so_lop + 5 }, { hs_2_buoi: 14945 - 12743 }),
      ]),
      total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: ['so_lop', 'so_hoc_sinh', 'hs_2_buoi', 'so_cbql', 'so_gv', 'so_nv'], values: { so_truong: 31 } },
      notes: ['Số liệu chép đúng như báo cáo: "31 trường (24 trường công lập và 06 trường ngoài công lập)".'],
    });
    if (cl.so_hs !== 46002 || nclHs !== 2110) throw new Error('TH aggregates drifted');
    plant({ id: 'q12_th_31_truong', file, sheet: p.sheet, cells: [p.cell('so_truong', 'total'), p.cell('so_truong', 0), p.cell('so_truong', 1)], seed: '000 L17', what: 'Printed total "31 trường" but 24 công lập + 06 ngoài công lập = 30 (the multi-level school is not a row).', expected: 30, actual: 31 });
    plant({ id: 'q12_th_2buoi_ncl', file, sheet: p.sheet, cells: [p.cell('hs_2_buoi', 1), p.cell('so_hoc_sinh', 1)], seed: '000 L17', what: 'Học 2 buổi ngoài công lập 2.202 (= 14.945 − 12.743) exceeds the 2.110 ngoài công lập pupils.', expected: 2110, actual: 2202 });
  }
  // ---- THCS (consistent as printed)
  {
    const cl = aggregate(schools, (s) => s.cap === 'THCS' && s.loai === 'CL');
    const multi = aggregate(schools, (s) => s.cap.includes('THCS-THPT'));
    const multiThcs = sum(schools.filter((s) => s.cap.includes('THCS-THPT')).map((s) => sum(s.lop!.slice(6, 10))));
    writeTable(wb, {
      name: 'QUY_MO_THCS', ...base, title: 'QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP – TRUNG HỌC CƠ SỞ (SỐ LIỆU NHƯ BÁO CÁO)',
      cols: [...AGG_QUY_MO_COLS, cnt('hs_2_buoi', 'Học 2 buổi/ngày'), ...staffCols],
      rows: numbered([
        row('Q12-THCS-CL', 'THCS công lập', 'THCS', 'CL', cl, { hs_2_buoi: 7607 }),
        row('Q12-THCS-NCL', 'Trường phổ thông nhiều cấp (cấp THCS)', 'THCS-THPT', 'NCL', { ...multi, so_hs: multiThcs, so_lop: multi.so_lop - 8 }, { hs_2_buoi: 1452 }),
      ]),
      total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: ['so_truong', 'so_lop', 'so_hoc_sinh', 'hs_2_buoi', 'so_cbql', 'so_gv', 'so_nv'] },
    });
  }
  // ---- Phổ cập with printed rate columns (per phường rates correct; the district row as printed)
  const rateCols: Record<string, { col: Col; num: string[]; den: string; minus?: string; dec?: number }[]> = {
    PC_MN5: [
      { col: pct('ty_le_0_2t_ra_lop', 'Tỷ lệ huy động trẻ nhà trẻ'), num: ['tre_0_2t_ra_lop'], den: 'tre_0_2t', dec: 1 },
      { col: pct('ty_le_5t_ra_lop', 'Tỷ lệ trẻ 5 tuổi ra lớp'), num: ['tre_5t_ra_lop'], den: 'tre_5t', minus: 'mien_giam_5t' },
      { col: pct('ty_le_5t_hoan_thanh', 'Tỷ lệ trẻ 5 tuổi hoàn thành CT GDMN'), num: ['tre_5t_hoan_thanh'], den: 'tre_5t_ra_lop' },
      { col: pct('ty_le_3_5t_ra_lop', 'Tỷ lệ trẻ 3-5 tuổi ra lớp'), num: ['tre_3_5t_ra_lop'], den: 'tre_3_5t', minus: 'mien_giam_3_5t' },
    ],
    PC_TH: [
      { col: pct('ty_le_11t_htth', 'Tỷ lệ trẻ 11 tuổi hoàn thành CTTH'), num: ['tre_11t_htth'], den: 'tre_11t', minus: 'mien_giam_11t' },
      { col: pct('ty_le_14t_htth', 'Tỷ lệ trẻ 14 tuổi hoàn thành CTTH'), num: ['tre_14t_htth'], den: 'tre_14t', minus: 'mien_giam_14t' },
      { col: pct('ty_le_11_14t_htth', 'Tỷ lệ trẻ 11-14 tuổi hoàn thành CTTH'), num: ['tre_11_14t_htth'], den: 'tre_11_14t', minus: 'mien_giam_11_14t' },
    ],
    PC_THCS: [
      { col: pct('ty_le_vao_lop6', 'Tỷ lệ vào lớp 6'), num: ['vao_lop6'], den: 'tn_th_nam_truoc' },
      { col: pct('ty_le_tn_thcs', 'Tỷ lệ tốt nghiệp THCS'), num: ['tn_thcs'], den: 'hs_lop9' },
      { col: pct('ty_le_15_18t_tn_thcs', 'Tỷ lệ 15-18 tuổi có bằng TN THCS'), num: ['tre_15_18t_tn_thcs'], den: 'tre_15_18t', minus: 'mien_giam_15_18t' },
    ],
    XMC: (['15_35', '15_60'] as const).flatMap((b) => [
      { col: pct(`ty_le_m1_${b}`, `Tỷ lệ biết chữ mức độ 1 (${b.replace('_', '-')} tuổi)`), num: [`biet_chu_m1_${b}`], den: `dan_so_${b}`, minus: `mien_giam_${b}` },
      { col: pct(`ty_le_m2_${b}`, `Tỷ lệ biết chữ mức độ 2 (${b.replace('_', '-')} tuổi)`), num: [`biet_chu_m2_${b}`], den: `dan_so_${b}`, minus: `mien_giam_${b}` },
    ]),
    PC_BTH: [
      { col: pct('ty_le_huy_dong_lop10', 'Tỷ lệ huy động vào lớp 10'), num: ['vao_lop10_thpt', 'vao_gdtx', 'vao_trung_cap'], den: 'tn_thcs' },
      { col: pct('ty_le_tn_bth', 'Tỷ lệ tốt nghiệp bậc trung học'), num: ['tn_thpt', 'tn_gdtx'], den: 'hs_lop12' },
      { col: pct('ty_le_hieu_qua', 'Tỷ lệ hiệu quả'), num: ['co_bang_thpt', 'co_bang_gdtx'], den: 'dan_so_18_21' },
    ],
  };
  /** Printed district rates that differ from the recomputed ones (seed 000 L15, L431). */
  const printedTotal: Record<string, Record<string, number>> = { PC_MN5: { ty_le_3_5t_ra_lop: 97.35 }, PC_TH: { ty_le_14t_htth: 99.99 } };
  /** Nhà trẻ block of line 15 (2.954/6.901 = 42,8%, consistent): per phường invented, totals the seed's. */
  const extraCols: Record<string, Col[]> = { PC_MN5: [cnt('tre_0_2t', 'Tổng số', 'Trẻ 0-2 tuổi'), cnt('tre_0_2t_ra_lop', 'Ra lớp', 'Trẻ 0-2 tuổi')] };
  const nhaTre = (() => {
    const r = new Rng(6901);
    const w = pc.PC_MN5.map((x) => r.jitter(x.tre_5t as number, 0.1));
    const pop = allocate(6901, w);
    return { pop, att: allocateCapped(2954, pop.map((x) => r.jitter(x, 0.15)), pop) };
  })();
  for (const id of Object.keys(rateCols)) {
    const rc = rateCols[id];
    const rate = (r: Record<string, V>, x: (typeof rc)[number]) => {
      const num = sum(x.num.map((k) => r[k] as number));
      const den = (r[x.den] as number) - (x.minus ? (r[x.minus] as number) : 0);
      const d = x.dec ?? 2;
      return asPct(Math.round((num * 100 * 10 ** d) / den) / 10 ** d, d);
    };
    const src = (pc[id] as unknown as Record<string, V>[]).map((r, i) => (id === 'PC_MN5' ? { ...r, tre_0_2t: nhaTre.pop[i], tre_0_2t_ra_lop: nhaTre.att[i] } : r));
    const rows = numbered(src).map((r) => ({ ...r, ...Object.fromEntries(rc.map((x) => [x.col.key, rate(r, x)])) }));
    const countCols = [...PC_COLS[id], ...(extraCols[id] ?? [])];
    const sumKeys = countCols.filter((c) => c.kind === 'count' && c.key !== 'stt').map((c) => c.key);
    const totals: Record<string, V> = Object.fromEntries(sumKeys.map((k) => [k, sum(rows.map((r) => r[k] as number))]));
    for (const x of rc) totals[x.col.key] = printedTotal[id]?.[x.col.key] !== undefined ? asPct(printedTotal[id][x.col.key]) : rate(totals, x);
    if (id === 'PC_MN5' && (totals.tre_0_2t !== 6901 || totals.tre_0_2t_ra_lop !== 2954 || totals.tre_3_5t !== 23942 || totals.tre_5t !== 8684)) throw new Error('PC_MN5 as printed drifted');
    const p = writeTable(wb, {
      name: id, ...base, reportDate: ctx.pcDate, title: `${PC_TITLES[id]} (SỐ LIỆU NHƯ BÁO CÁO)`,
      cols: [...countCols, ...rc.map((x) => x.col)], rows,
      total: { label: 'Toàn quận', labelKey: 'ten_xa', sumKeys, values: totals },
    });
    if (id === 'PC_MN5') {
      controls.push({ id: 'q12_mn_nha_tre_42_8', file, sheet: id, cells: [p.cell('ty_le_0_2t_ra_lop', 'total')], seed: '000 L15', what: 'Nhà trẻ 42,8% = 2.954/6.901 (42,81%), printed with one decimal.', silent: ['ty_le_in_sai'] });
      controls.push({ id: 'q12_mn5_100', file, sheet: id, cells: [p.cell('ty_le_5t_ra_lop', 'total')], seed: '000 L15', what: '5 tuổi 100% = 8.684/8.684.', silent: ['ty_le_in_sai'] });
    }
    if (id === 'PC_MN5') plant({ id: 'q12_mn35_97_35', file, sheet: id, cells: [p.cell('ty_le_3_5t_ra_lop', 'total'), p.cell('tre_3_5t_ra_lop', 'total'), p.cell('tre_3_5t', 'total')], seed: '000 L15', what: 'Printed 97,35% for 23.300/23.942 (recomputes to 97,32%).', expected: 97.32, actual: 97.35 });
    if (id === 'PC_TH') plant({ id: 'q12_th14_99_99', file, sheet: id, cells: [p.cell('ty_le_14t_htth', 'total'), p.cell('tre_14t_htth', 'total'), p.cell('tre_14t', 'total'), p.cell('mien_giam_14t', 'total')], seed: '000 L431', what: 'Printed 99,99% for 7.701/(7.732 − 28) = 7.701/7.704 (recomputes to 99,96%).', expected: 99.96, actual: 99.99 });
  }
  // ---- Nutrition, district level, as printed (lines 35–129): 141 ≠ 328 − 87, 25,52%, truncated rates
  {
    const trunc = (num: number, den: number, dec = 2): V => asPct(Math.floor((num * 100 * 10 ** dec) / den) / 10 ** dec, dec);
    const lit = (x: number, dec = 2): V => asPct(x, dec);
    const cols: Col[] = [
      C.stt,
      { key: 'ten_truong', header: 'Tên đơn vị', kind: 'text', width: 26 },
      { key: 'nhom_tuoi', header: 'Nhóm tuổi', kind: 'text', width: 11 },
      { key: 'thoi_diem', header: 'Thời điểm', kind: 'text', width: 10 },
      cnt('tong_so_tre', 'Tổng số trẻ được cân đo'),
      ...DD_KINDS.map((k, i) => cnt(k, DINH_DUONG_COLS[6 + i].header, 'Số trẻ')),
      ...DD_KINDS.map((k, i) => cnt(`phuc_hoi_${k}`, DINH_DUONG_COLS[6 + i].header, 'Phục hồi')),
      ...DD_KINDS.map((k, i) => pct(`ty_le_${k}`, `Tỷ lệ ${DINH_DUONG_COLS[6 + i].header}`)),
      ...DD_KINDS.map((k, i) => pct(`ty_le_phuc_hoi_${k}`, `Tỷ lệ phục hồi ${DINH_DUONG_COLS[6 + i].header} (so với đầu vào)`)),
    ];
    const unitName = 'Các cơ sở GDMN Quận 12';
    const r = (nhom: string, td: string, tong: number, c: number[], rates: V[], rec?: number[], recRates?: V[]): Record<string, V> => {
      const o: Record<string, V> = { ten_truong: unitName, nhom_tuoi: nhom, thoi_diem: td, tong_so_tre: tong };
      DD_KINDS.forEach((k, i) => {
        o[k] = c[i];
        o[`ty_le_${k}`] = rates[i];
        if (rec) o[`phuc_hoi_${k}`] = rec[i];
        if (recRates) o[`ty_le_phuc_hoi_${k}`] = recRates[i];
      });
      return o;
    };
    const NT = 4094, MG = 25145;
    const rows = numbered([
      r('Nhà trẻ', 'Đầu vào', NT, [43, 39, 18, 169], [trunc(43, NT), trunc(39, NT), trunc(18, NT), trunc(169, NT)]),
      r('Nhà trẻ', 'Đầu ra', NT, [28, 27, 17, 150], [trunc(28, NT), trunc(27, NT), trunc(17, NT), trunc(150, NT)], [15, 12, 1, 19], [trunc(15, 43), trunc(12, 39), trunc(1, 18), trunc(19, 169)]),
      r('Mẫu giáo', 'Đầu vào', MG, [328, 259, 122, 2093], [lit(1.3, 1), trunc(259, MG), trunc(122, MG), trunc(2093, MG)]),
      r('Mẫu giáo', 'Đầu ra', MG, [141, 165, 117, 1671], [trunc(141, MG), trunc(165, MG), trunc(117, MG), trunc(1671, MG)], [87, 94, 5, 422], [lit(25.52), trunc(94, 259), trunc(5, 122), trunc(422, 2093)]),
    ]);
    const p = writeTable(wb, {
      name: 'DINH_DUONG', ...base, title: 'KẾT QUẢ CHĂM SÓC TRẺ SUY DINH DƯỠNG, THỪA CÂN – BÉO PHÌ (SỐ LIỆU NHƯ BÁO CÁO)',
      subtitle: '(tính đến thời điểm cuối tháng 5/2024)', cols, rows,
      notes: ['Tỷ lệ chép đúng như báo cáo (cắt bỏ chữ số thập phân thay vì làm tròn).'],
    });
    plant({ id: 'q12_dd_141', file, sheet: p.sheet, cells: [p.cell('sdd_nhe_can', 3), p.cell('sdd_nhe_can', 2), p.cell('phuc_hoi_sdd_nhe_can', 3)], seed: '000 L90/L105/L119', what: 'Mẫu giáo nhẹ cân đầu ra printed 141, but đầu vào 328 − phục hồi 87 = 241.', expected: 241, actual: 141 });
    plant({ id: 'q12_dd_25_52', file, sheet: p.sheet, cells: [p.cell('ty_le_phuc_hoi_sdd_nhe_can', 3)], seed: '000 L112', what: 'Phục hồi rate printed 25,52% for 87/328 (= 26,52%).', expected: 26.52, actual: 25.52 });
    const truncCells: string[] = [];
    const check = (key: string, idx: number, num: number, den: number) => {
      if (Math.floor((num * 10000) / den) !== Math.round((num * 10000) / den)) truncCells.push(p.cell(key, idx));
    };
    [[43, 39, 18, 169], [28, 27, 17, 150]].forEach((c, i) => DD_KINDS.forEach((k, j) => check(`ty_le_${k}`, i, c[j], NT)));
    [[259, 122, 2093], [141, 165, 117, 1671]].forEach((c, i) => (i === 0 ? DD_KINDS.slice(1) : DD_KINDS).forEach((k, j) => check(`ty_le_${k}`, i + 2, c[j], MG)));
    plant({ id: 'q12_dd_truncated', file, sheet: p.sheet, cells: truncCells.slice(), seed: '000 L36–129', what: `Rates "so với tổng số trẻ" truncated instead of rounded (${truncCells.length} cells).` });
    truncCells.length = 0;
    DD_KINDS.forEach((k, j) => check(`ty_le_phuc_hoi_${k}`, 1, [15, 12, 1, 19][j], [43, 39, 18, 169][j]));
    DD_KINDS.slice(1).forEach((k, j) => check(`ty_le_phuc_hoi_${k}`, 3, [94, 5, 422][j], [259, 122, 2093][j]));
    plant({ id: 'q12_dd_truncated_phuc_hoi', file, sheet: p.sheet, cells: truncCells.slice(), seed: '000 L66–71, L110–115', what: `Phục hồi rates (so với đầu vào) truncated instead of rounded (${truncCells.length} cells).` });
    plant({ id: 'q12_dd_weighed_vs_enrolled', file, sheet: p.sheet, cells: [p.cell('tong_so_tre', 0), p.cell('tong_so_tre', 2)], seed: '000 L45/L89 vs L13', what: 'Children weighed 4.094 + 25.145 = 29.239 vs 26.254 enrolled (QUY_MO_MN total, 2.954 nhà trẻ + 23.300 mẫu giáo).', expected: 26254, actual: 29239 });
  }
  // ---- GDTX khối 10/11 as printed: khối 11 categories short by 7 (học tập) and 3 (rèn luyện)
  {
    const k11 = { ...GDTX_10_11_CLEAN[1], hoc_tap_dat: 457, ren_luyen_dat: 43, ren_luyen_chua_dat: undefined };
    const rows = numbered([GDTX_10_11_CLEAN[0], k11]);
    const p = writeTable(wb, {
      name: 'KET_QUA_GDTX', ...base, title: 'KẾT QUẢ HỌC TẬP, RÈN LUYỆN KHỐI 10, KHỐI 11 (SỐ LIỆU NHƯ BÁO CÁO)',
      cols: KQ_TT22_COLS, rows,
      total: { label: 'Tổng', labelKey: 'ten_truong', sumKeys: KQ_TT22_COLS.filter((c) => c.kind === 'count' && !['stt', 'khoi'].includes(c.key)).map((c) => c.key) },
    });
    plant({ id: 'q12_gdtx11_hoc_tap', file, sheet: p.sheet, cells: [p.cell('tong_so_hs', 1), ...['tot', 'kha', 'dat', 'chua_dat'].map((k) => p.cell(`hoc_tap_${k}`, 1))], seed: '000 L287–296', what: 'Khối 11 học tập 213 + 486 + 457 + 131 = 1.287 ≠ 1.294 (short by 7).', expected: 1294, actual: 1287 });
    plant({ id: 'q12_gdtx11_ren_luyen', file, sheet: p.sheet, cells: [p.cell('tong_so_hs', 1), ...['tot', 'kha', 'dat', 'chua_dat'].map((k) => p.cell(`ren_luyen_${k}`, 1))], seed: '000 L340–349', what: 'Khối 11 rèn luyện 1.027 + 221 + 43 + (blank) = 1.291 ≠ 1.294 (short by 3; Chưa đạt blank).', expected: 1294, actual: 1291 });
    plant({ id: 'q12_gdtx_tong', file, sheet: p.sheet, cells: [p.cell('tong_so_hs', 'total'), p.cell('hoc_tap_dat', 'total'), p.cell('ren_luyen_dat', 'total')], seed: '000 L298–307, L351–360', what: 'The Tổng row inherits the gaps: học tập 3.211 and rèn luyện 3.215 against 3.218.', expected: 3218, actual: 3211 });
  }
  // ---- Staff as printed: "505/518 người, đạt 95,2%" (= 97,49%)
  {
    const pub = schools.filter((s) => s.loai === 'CL' && s.cap !== 'GDTX');
    const q = doiNgu(new Rng(2324 + 7), schools);
    const agg = (pred: (s: School) => boolean) => {
      const ids = pub.map((s, i) => (pred(s) ? i : -1)).filter((i) => i >= 0);
      const o: Record<string, number> = {};
      for (const k of ['so_cbql', 'so_gv', 'so_nv', ...QUAL, 'cc_tin_hoc', 'cc_ngoai_ngu']) o[k] = sum(ids.map((i) => q[i][k] as number));
      return o;
    };
    const mn = agg((s) => s.cap === 'MN');
    const pt = agg((s) => s.cap !== 'MN');
    const cols: Col[] = [
      ...DOI_NGU_COLS.slice(0, 3),
      { key: 'cap_hoc', header: 'Cấp học', kind: 'text', width: 9 },
      ...DOI_NGU_COLS.slice(3).filter((c) => !c.group || c.group !== 'Chứng chỉ'),
      cnt('gv_dat_chuan', 'GV đạt chuẩn trình độ'),
      { key: 'ty_le_gv_dat_chuan', header: 'Tỷ lệ GV đạt chuẩn trình độ', kind: 'pct', width: 11 },
    ];
    const mnDat = mn.so_gv - mn.trung_cap - mn.chua_qua_dao_tao;
    const ptDat = pt.so_gv - pt.cao_dang - pt.trung_cap - pt.chua_qua_dao_tao;
    if (mnDat !== 505 || ptDat !== 2390 || pt.so_gv !== 2524) throw new Error(`staff drift ${mnDat} ${ptDat} ${pt.so_gv}`);
    const p = writeTable(wb, {
      name: 'DOI_NGU', ...base, title: 'TRÌNH ĐỘ ĐỘI NGŨ CÔNG LẬP (SỐ LIỆU NHƯ BÁO CÁO)',
      cols,
      rows: numbered([
        { ma_truong: 'Q12-MN-CL', ten_truong: 'Mầm non công lập', cap_hoc: 'MN', ...mn, gv_dat_chuan: mnDat, ty_le_gv_dat_chuan: asPct(95.2, 1) },
        { ma_truong: 'Q12-PT-CL', ten_truong: 'Tiểu học, THCS công lập và Trường Chuyên biệt Ánh Dương', cap_hoc: 'TH-THCS', ...pt, gv_dat_chuan: ptDat, ty_le_gv_dat_chuan: asPct(94.7, 1) },
      ]),
      total: { label: 'Tổng cộng', labelKey: 'ten_truong' },
    });
    plant({ id: 'q12_gv_mn_95_2', file, sheet: p.sheet, cells: [p.cell('ty_le_gv_dat_chuan', 0), p.cell('gv_dat_chuan', 0), p.cell('so_gv', 0)], seed: '000 L465', what: 'Mầm non đạt chuẩn printed 95,2% for 505/518 (= 97,49%).', expected: 97.49, actual: 95.2 });
    controls.push({ id: 'q12_gv_pt_94_7', file, sheet: p.sheet, cells: [p.cell('ty_le_gv_dat_chuan', 1)], seed: '000 L466', what: 'TH + THCS 2.390/2.524 = 94,69%, printed 94,7%.', silent: ['ty_le_in_sai'] });
    controls.push({ id: 'q12_gv_dat_chuan_counts', file, sheet: p.sheet, cells: [p.cell('gv_dat_chuan', 0), p.cell('gv_dat_chuan', 1)], seed: '000 L465–466', what: 'GV đạt chuẩn 505 and 2.390 agree with the qualification columns (Luật Giáo dục 2019 Điều 72: MN cao đẳng, TH/THCS đại học).', silent: ['gv_dat_chuan_khac_trinh_do'] });
  }
  await save(wb, file);
}

/** Seed 001 (Quận 3, 2019-2020) scale block, lines 10–29, with its four failing totals. */
async function buildQuan3AsPrinted() {
  const file = 'as-printed/quan3-2019-2020-as-printed.xlsx';
  const wb = newWorkbook();
  const base = { org: ['ỦY BAN NHÂN DÂN QUẬN 3', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'] as [string, string], unit: 'Quận 3', year: '2019 - 2020' };
  const cols: Col[] = [...AGG_QUY_MO_COLS, cnt('so_cbql', 'CBQL', 'Đội ngũ', 8), cnt('so_gv', 'Giáo viên', 'Đội ngũ', 9)];
  const lv = [
    { id: 'MN', name: 'Mầm non', cl: [17, 192, 5328, 49, 397], ncl: [27, 237, 4125, 57, 456], tot: [34, 429, 9453, 106, 856] },
    { id: 'TH', name: 'Tiểu học', cl: [15, 408, 16221, 37, 589], ncl: [4, 63, 1909, 7, 93], tot: [19, 471, 17334, 44, 682] },
    { id: 'THCS', name: 'Trung học cơ sở', cl: [11, 331, 13232, 29, 619], ncl: [3, 101, 3, 6, 179], tot: [14, 432, 15141, 35, 798] },
  ];
  const keys = ['so_truong', 'so_lop', 'so_hoc_sinh', 'so_cbql', 'so_gv'];
  for (const l of lv) {
    const mk = (loai: string, v: number[]): Record<string, V> => ({
      ma_truong: `Q3-${l.id}-${loai}`, ten_truong: `${l.name} ${loai === 'CL' ? 'công lập' : 'ngoài công lập'}`, cap_hoc: l.id, loai_hinh: loai, ten_xa: 'Các phường',
      ...Object.fromEntries(keys.map((k, i) => [k, v[i]])),
    });
    const p = writeTable(wb, {
      name: `QUY_MO_${l.id}`, ...base, title: `QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP – ${l.name.toUpperCase()} (SỐ LIỆU NHƯ BÁO CÁO)`,
      cols, rows: numbered([mk('CL', l.cl), mk('NCL', l.ncl)]),
      total: { label: 'Tổng cộng', labelKey: 'ten_truong', values: Object.fromEntries(keys.map((k, i) => [k, l.tot[i]])) },
      notes: l.id === 'MN' ? ['Ngoài ra: 11 nhóm lớp độc lập tư thục (không tính trong các dòng trên).'] : undefined,
    });
    keys.forEach((k, i) => {
      const exp = l.cl[i] + l.ncl[i];
      if (exp === l.tot[i]) return;
      plant({ id: `q3_${l.id.toLowerCase()}_${k}`, file, sheet: p.sheet, cells: [p.cell(k, 'total'), p.cell(k, 0), p.cell(k, 1)], seed: '001 L10–29', what: `${l.name}: printed total ${l.tot[i]} ≠ ${l.cl[i]} + ${l.ncl[i]} = ${exp}.`, expected: exp, actual: l.tot[i] });
    });
    if (l.id === 'THCS') plant({ id: 'q3_thcs_ncl_si_so', file, sheet: p.sheet, cells: [p.cell('so_hoc_sinh', 1), p.cell('so_lop', 1)], seed: '001 L27', what: 'THCS ngoài công lập: 03 học sinh in 101 lớp (the "03" is the school count repeated; 15.141 − 13.232 = 1.909).', expected: '5–60 HS/lớp', actual: 0.03 });
  }
  // ---- Lines 88–91: TN THCS 3737/3747 = 99,73%; nghề phổ thông khá, giỏi 1704/3335 printed 52.1% (= 51,09%;
  // 1704/3273 = 52,06%: divided by those who passed), TB trở lên 3273/3335 = 98,1%.
  {
    const p = writeTable(wb, {
      name: 'KET_QUA_LOP9', ...base, title: 'KẾT QUẢ TỐT NGHIỆP THCS VÀ THI NGHỀ PHỔ THÔNG (SỐ LIỆU NHƯ BÁO CÁO)', subtitle: '(thi nghề phổ thông khóa ngày 07/7/2020)',
      cols: [
        C.stt, C.ma_truong,
        { key: 'ten_truong', header: 'Tên đơn vị', kind: 'text', width: 30 },
        { key: 'khoi', header: 'Khối', kind: 'count', width: 6 },
        cnt('tong_so_hs', 'Tổng số HS'),
        cnt('tn', 'Tốt nghiệp'),
        pct('ty_le_tn', 'Tỷ lệ tốt nghiệp'),
        cnt('nghe_pt_du_thi', 'Dự thi nghề phổ thông'),
        cnt('nghe_pt_dat', 'Nghề phổ thông từ trung bình trở lên', undefined, 14),
        pct('ty_le_nghe_pt_dat', 'Tỷ lệ nghề phổ thông từ trung bình trở lên'),
        cnt('nghe_pt_kha_gioi', 'Nghề phổ thông khá, giỏi'),
        pct('ty_le_nghe_pt_kha_gioi', 'Tỷ lệ nghề phổ thông khá, giỏi'),
      ],
      rows: numbered([{
        ma_truong: 'Q3-THCS', ten_truong: 'Trung học cơ sở (toàn quận)', khoi: 9, tong_so_hs: 3747, tn: 3737, ty_le_tn: asPct(99.73),
        nghe_pt_du_thi: 3335, nghe_pt_dat: 3273, ty_le_nghe_pt_dat: asPct(98.1, 1), nghe_pt_kha_gioi: 1704, ty_le_nghe_pt_kha_gioi: asPct(52.1, 1),
      }]),
      notes: ['Tỷ lệ chép đúng như báo cáo ("52.1%" in với dấu chấm thập phân).'],
    });
    plant({ id: 'q3_nghe_pt_52_1', file, sheet: p.sheet, cells: [p.cell('ty_le_nghe_pt_kha_gioi', 0), p.cell('nghe_pt_kha_gioi', 0), p.cell('nghe_pt_du_thi', 0)], seed: '001 L90', what: 'Nghề phổ thông khá, giỏi printed 52.1% for 1.704/3.335 (= 51,09%, 51,1% at one decimal); 1.704/3.273 = 52,06%: the author divided by those who passed.', expected: 51.1, actual: 52.1, hint: 'có thể đã chia cho 3.273' });
    controls.push({ id: 'q3_tn_thcs_99_73', file, sheet: p.sheet, cells: [p.cell('ty_le_tn', 0), p.cell('ty_le_nghe_pt_dat', 0)], seed: '001 L89, L91', what: 'TN THCS 3.737/3.747 = 99,73% and nghề TB trở lên 3.273/3.335 = 98,14% (98,1%) are right.', silent: ['ty_le_in_sai'] });
  }
  await save(wb, file);
}

/** Seed 002 (Hải An, Hải Phòng, plan 2023-2024). */
async function buildHaiAnAsPrinted() {
  const file = 'as-printed/haian-2023-2024-as-printed.xlsx';
  const wb = newWorkbook();
  const base = { org: ['ỦY BAN NHÂN DÂN QUẬN HẢI AN', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'] as [string, string], unit: 'Quận Hải An', year: '2023 - 2024' };
  const cols: Col[] = [
    ...AGG_QUY_MO_COLS,
    cnt('tre_nha_tre', 'Nhà trẻ', 'Mầm non', 9), cnt('tre_mau_giao', 'Mẫu giáo', 'Mầm non', 9), cnt('tre_5_tuoi', 'Trẻ 5 tuổi', 'Mầm non', 9),
  ];
  const p = writeTable(wb, {
    name: 'QUY_MO', ...base, title: 'CHỈ TIÊU QUY MÔ PHÁT TRIỂN NĂM HỌC 2023 - 2024 (SỐ LIỆU NHƯ KẾ HOẠCH)',
    cols,
    rows: numbered([
      { ma_truong: 'HA-MN', ten_truong: 'Mầm non (08 công lập, 15 ngoài công lập)', cap_hoc: 'MN', ten_xa: 'Các phường', so_truong: 23, so_hoc_sinh: 8289, tre_nha_tre: 1827, tre_mau_giao: 6333, tre_5_tuoi: 2285 },
      { ma_truong: 'HA-TH', ten_truong: 'Tiểu học', cap_hoc: 'TH', ten_xa: 'Các phường', so_lop: 294, so_hoc_sinh: 12324 },
      { ma_truong: 'HA-THCS', ten_truong: 'Trung học cơ sở', cap_hoc: 'THCS', ten_xa: 'Các phường', so_lop: 214, so_hoc_sinh: 10256 },
    ]),
    notes: ['Mầm non: số trẻ huy động ra lớp in trong kế hoạch là 8.289/9.785; không in số lớp. Ngoài ra 54 nhóm, lớp ngoài công lập được cấp phép.'],
  });
  plant({ id: 'haian_mn_8289', file, sheet: p.sheet, cells: [p.cell('so_hoc_sinh', 0), p.cell('tre_nha_tre', 0), p.cell('tre_mau_giao', 0)], seed: '002 L37', what: 'Số trẻ huy động 8.289 printed, but nhà trẻ 1.827 + mẫu giáo 6.333 = 8.160 (8.289 = 1.827 + 6.462, the MG population).', expected: 8160, actual: 8289 });
  plant({ id: 'haian_th_si_so', file, sheet: p.sheet, cells: [p.cell('so_hoc_sinh', 1), p.cell('so_lop', 1)], seed: '002 L39', what: 'Tiểu học 12.324 HS / 294 lớp = 41,92 HS/lớp, above the 35 maximum (TT 28/2020 Điều 16).', expected: 35, actual: 41.92 });
  plant({ id: 'haian_thcs_si_so', file, sheet: p.sheet, cells: [p.cell('so_hoc_sinh', 2), p.cell('so_lop', 2)], seed: '002 L41', what: 'THCS 10.256 HS / 214 lớp = 47,93 HS/lớp, above the 45 maximum (TT 32/2020 Điều 16).', expected: 45, actual: 47.93 });

  // Line 37: "Số trẻ huy động ra lớp: 8.289 trẻ/9.785 (84,7%). Trong đó: nhà trẻ 1.827/3.323 (55%); mẫu giáo
  // 6.333/6.462 (98%); 5 tuổi 2.285/2.285 (100%)". The parts give 8.160/9.785 = 83,39%.
  const mn5 = writeTable(wb, {
    name: 'PC_MN5', ...base, title: 'HUY ĐỘNG TRẺ MẦM NON RA LỚP (CHỈ TIÊU KẾ HOẠCH)',
    cols: [
      C.stt, C.ma_xa, C.ten_xa,
      cnt('tre_0_2t', 'Trẻ 0-2 tuổi'), cnt('tre_0_2t_ra_lop', 'Trẻ nhà trẻ ra lớp'),
      cnt('tre_3_5t', 'Trẻ 3-5 tuổi'), cnt('tre_3_5t_ra_lop', 'Trẻ 3-5 tuổi ra lớp'),
      cnt('tre_5t', 'Tổng số trẻ 5 tuổi'), cnt('tre_5t_ra_lop', 'Trẻ 5 tuổi ra lớp'),
      pct('ty_le_0_2t_ra_lop', 'Tỷ lệ huy động trẻ nhà trẻ'), pct('ty_le_3_5t_ra_lop', 'Tỷ lệ trẻ 3-5 tuổi ra lớp'), pct('ty_le_5t_ra_lop', 'Tỷ lệ trẻ 5 tuổi ra lớp'),
      pct('ty_le_0_5t_ra_lop', 'Tỷ lệ huy động trẻ mầm non'),
    ],
    rows: numbered([{
      ten_xa: 'Quận Hải An (các phường)', tre_0_2t: 3323, tre_0_2t_ra_lop: 1827, tre_3_5t: 6462, tre_3_5t_ra_lop: 6333, tre_5t: 2285, tre_5t_ra_lop: 2285,
      ty_le_0_2t_ra_lop: asPct(55, 0), ty_le_3_5t_ra_lop: asPct(98, 0), ty_le_5t_ra_lop: asPct(100, 0), ty_le_0_5t_ra_lop: asPct(84.7, 1),
    }]),
    notes: ['Tỷ lệ chép đúng như kế hoạch: 84,7% = 8.289/9.785, trong khi 1.827 + 6.333 = 8.160.'],
  });
  plant({ id: 'haian_mn_84_7', file, sheet: mn5.sheet, cells: [mn5.cell('ty_le_0_5t_ra_lop', 0), mn5.cell('tre_0_2t_ra_lop', 0), mn5.cell('tre_3_5t_ra_lop', 0)], seed: '002 L37', what: 'Printed 84,7% (= 8.289/9.785, the inconsistent total) where nhà trẻ + mẫu giáo give (1.827 + 6.333)/(3.323 + 6.462) = 8.160/9.785 = 83,39% (83,4% at one decimal).', expected: 83.4, actual: 84.7 });
  controls.push({ id: 'haian_mn_parts', file, sheet: mn5.sheet, cells: [mn5.cell('ty_le_0_2t_ra_lop', 0), mn5.cell('ty_le_3_5t_ra_lop', 0), mn5.cell('ty_le_5t_ra_lop', 0)], seed: '002 L37', what: 'Nhà trẻ 1.827/3.323 = 54,98% (55%), mẫu giáo 6.333/6.462 = 98,00% (98%), 5 tuổi 100% are right.', silent: ['ty_le_in_sai'] });

  const T = (ma: string, ten: string, muc: string, ghi?: string) => ({ ma_chi_tieu: ma, ten_chi_tieu: ten, muc_tieu: muc, don_vi_tinh: '%', nam_hoc: '2023-2024', ghi_chu: ghi });
  const targets = [
    T('MN_HUYDONG_NT', 'Tỷ lệ huy động trẻ nhà trẻ ra lớp', '55%', '1.827/3.323'),
    T('MN_HUYDONG_MG', 'Tỷ lệ huy động trẻ mẫu giáo ra lớp', '98%', '6.333/6.462'),
    T('MN5_HUYDONG', 'Tỷ lệ huy động trẻ 5 tuổi ra lớp', '100%', '2.285/2.285'),
    T('MN_HUYDONG', 'Tỷ lệ huy động trẻ ra lớp (nhà trẻ và mẫu giáo)', '84,7%', '8.289/9.785 (in trong kế hoạch; 1.827 + 6.333 = 8.160)'),
    T('MN_TU_PHUC_VU', 'Trẻ có kỹ năng tự phục vụ phù hợp độ tuổi', 'Trên 95%'),
    T('MN_5_LINH_VUC', 'Trẻ đạt mục tiêu 05 lĩnh vực phát triển', '86-95%'),
    T('MN_KENH_BINH_THUONG', 'Tỷ lệ trẻ kênh bình thường', '93-98%'),
    T('GV_DAT_CHUAN_MN_CL', 'Giáo viên mầm non công lập đạt chuẩn trình độ', '99-100%'),
    T('GV_DAT_CHUAN_MN_NCL', 'Giáo viên mầm non ngoài công lập đạt chuẩn trình độ', '61-62%'),
    T('GV_DAT_CHUAN_TH', 'Giáo viên tiểu học đạt chuẩn trình độ', '95-96%'),
    T('GV_DAT_CHUAN_THCS', 'Giáo viên THCS đạt chuẩn trình độ', '100%'),
    T('GV_TREN_CHUAN_MN_CL', 'Giáo viên mầm non công lập trên chuẩn (Đại học, Thạc sỹ)', '90-91%'),
    T('GV_TREN_CHUAN_TH', 'Giáo viên tiểu học trên chuẩn (Thạc sỹ)', '6-7%'),
    T('GV_TREN_CHUAN_THCS', 'Giáo viên THCS trên chuẩn (Thạc sỹ)', '13-14%'),
    T('TH_L1_4_HTXS', 'Lớp 1-4: Hoàn thành xuất sắc', '55-60%'),
    T('TH_L1_4_HTT', 'Lớp 1-4: Hoàn thành tốt', '10-15%'),
    T('TH_L1_4_HT', 'Lớp 1-4: Hoàn thành', '25-30%'),
    T('TH_L1_4_CHT', 'Lớp 1-4: Chưa hoàn thành', '0,5-1%'),
    T('TH_L5_MON_HTT', 'Lớp 5, môn học: Hoàn thành tốt', '65-70%'),
    T('TH_L5_MON_HT', 'Lớp 5, môn học: Hoàn thành', '25-30%'),
    T('TH_L5_MON_CHT', 'Lớp 5, môn học: Chưa hoàn thành', '0%'),
    T('TH_L5_NL_TOT', 'Lớp 5, năng lực: Tốt', '80-85%'),
    T('TH_L5_NL_DAT', 'Lớp 5, năng lực: Đạt', '10-14%'),
    T('TH_L5_NL_CCG', 'Lớp 5, năng lực: Cần cố gắng', '0,5-1%'),
    T('TH_L5_PC_TOT', 'Lớp 5, phẩm chất: Tốt', '85-90%'),
    T('TH_L5_PC_DAT', 'Lớp 5, phẩm chất: Đạt', '5-10%'),
    T('TH_L5_PC_CCG', 'Lớp 5, phẩm chất: Cần cố gắng', '0%'),
    T('THCS_L6_8_RL_TOT', 'Lớp 6-8, rèn luyện: Tốt', '95-97%'),
    T('THCS_L6_8_RL_KHA', 'Lớp 6-8, rèn luyện: Khá', '2,5-4,5%'),
    T('THCS_L6_8_RL_DAT', 'Lớp 6-8, rèn luyện: Đạt', '0,5%'),
    T('THCS_L6_8_RL_CHUA_DAT', 'Lớp 6-8, rèn luyện: Chưa đạt', '0%'),
    T('THCS_L6_8_HT_TOT', 'Lớp 6-8, học tập: Tốt', '55-60%'),
    T('THCS_L6_8_HT_KHA', 'Lớp 6-8, học tập: Khá', '30-33%'),
    T('THCS_L6_8_HT_DAT', 'Lớp 6-8, học tập: Đạt', '9-12%'),
    T('THCS_L6_8_HT_CHUA_DAT', 'Lớp 6-8, học tập: Chưa đạt', '0,5-1%'),
    T('THCS_L9_HK_TOT', 'Lớp 9, hạnh kiểm: Tốt', '95-97%'),
    T('THCS_L9_HK_KHA', 'Lớp 9, hạnh kiểm: Khá', '3-5%'),
    T('THCS_L9_HK_TB', 'Lớp 9, hạnh kiểm: Trung bình', '0%'),
    T('THCS_L9_HL_GIOI', 'Lớp 9, học lực: Giỏi', '65-68%'),
    T('THCS_L9_HL_KHA', 'Lớp 9, học lực: Khá', '26-28%'),
    T('THCS_L9_HL_TB', 'Lớp 9, học lực: Trung bình', '6-7%'),
    T('THCS_L9_HL_YEU', 'Lớp 9, học lực: Yếu', '0%'),
    T('THCS_TN', 'Tốt nghiệp THCS', '100%'),
    T('MN5_HOANTHANH', 'Phổ cập GDMN trẻ 5 tuổi: hoàn thành chương trình GDMN', '100%'),
    { ...T('PCGD_TH_MUC_DO', 'Phổ cập giáo dục tiểu học', 'Mức độ 3'), don_vi_tinh: 'mức độ' },
    { ...T('PCGD_THCS_MUC_DO', 'Phổ cập giáo dục THCS', 'Mức độ 3'), don_vi_tinh: 'mức độ' },
    { ...T('XMC_MUC_DO', 'Xóa mù chữ', 'Mức độ 2'), don_vi_tinh: 'mức độ' },
    T('PCBTH_HUYDONG', 'Phổ cập trung học và nghề: tiêu chuẩn huy động', '96-97%'),
    T('PCBTH_HIEUQUA', 'Phổ cập trung học và nghề: tiêu chuẩn hiệu quả', '95-96%'),
  ];
  const pc = writeTable(wb, {
    name: 'CHI_TIEU', ...base, title: 'CHỈ TIÊU KẾ HOẠCH NĂM HỌC 2023 - 2024',
    cols: [
      C.stt,
      { key: 'ma_chi_tieu', header: 'Mã chỉ tiêu', kind: 'code', width: 22 },
      { key: 'ten_chi_tieu', header: 'Tên chỉ tiêu', kind: 'text', width: 52 },
      { key: 'muc_tieu', header: 'Mục tiêu', kind: 'text', width: 12 },
      { key: 'don_vi_tinh', header: 'Đơn vị tính', kind: 'text', width: 9 },
      { key: 'nam_hoc', header: 'Năm học', kind: 'text', width: 10 },
      { key: 'ghi_chu', header: 'Ghi chú', kind: 'text', width: 40 },
    ],
    rows: numbered(targets),
  });
  controls.push({ id: 'haian_chi_tieu_levels', file, sheet: pc.sheet, cells: ['PCGD_TH_MUC_DO', 'PCGD_THCS_MUC_DO', 'XMC_MUC_DO'].map((m) => pc.cell('muc_tieu', targets.findIndex((t) => t.ma_chi_tieu === m))), seed: '002 L136–140', what: 'Level targets "Mức độ 3" / "Mức độ 2" are read as levels (parseTargetLevel).', silent: ['chi_tieu_khong_doc_duoc'] });
  await save(wb, file);
}

// ---------------------------------------------------------------------------------------------
// School submissions (SHEETS.md §9): a master for two phường and the schools' own files.

interface SubPlan {
  role: string;
  school: School;
  file: string;
  expect: string;
}

const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const slug = (t: string) => fold(t).replace(/^Trường\s+/i, '').replace(/^Truong\s+/i, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
const vnNumber = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const SUB_QUY_MO_KEYS = ['stt', 'ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ma_xa', 'ten_xa', 'so_lop', 'so_hoc_sinh', 'hs_lop_1', 'hs_lop_2', 'hs_lop_3', 'hs_lop_4', 'hs_lop_5', 'hs_lop_6', 'hs_lop_7', 'hs_lop_8', 'hs_lop_9', 'tre_nha_tre', 'tre_mau_giao', 'tre_5_tuoi', 'hs_2_buoi', 'hs_ban_tru', 'so_cbql', 'so_gv', 'so_nv', 'chuan_qg', 'kdcl'];
const SUB_QUY_MO_COLS = SUB_QUY_MO_KEYS.map((k) => QUY_MO_COLS.find((c) => c.key === k)!);

function schoolWorkbook(
  s: School,
  year: string,
  kq: { th: KqRow[]; thcs: KqRow[] },
  opts: { asciiReordered?: boolean; textNumbers?: boolean; tweak?: (q: Record<string, V>, kth: KqRow[], kthcs: KqRow[]) => void } = {},
): ExcelJS.Workbook {
  const wb = newWorkbook();
  const org: [string, string] = ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 12', s.ten.toUpperCase()];
  const base = { org, unit: s.ten, year, reportDate: year.startsWith('2023') ? '31/5/2024' : '31/5/2023' };
  const q = quyMoRow(s, 0);
  const kth = kq.th.filter((r) => r.ma_truong === s.ma).map((r, i) => ({ ...r, stt: i + 1 }));
  const kthcs = kq.thcs.filter((r) => r.ma_truong === s.ma).map((r, i) => ({ ...r, stt: i + 1 }));
  opts.tweak?.(q, kth, kthcs);
  let cols = SUB_QUY_MO_COLS.filter((c) => c.key === 'stt' || q[c.key] !== undefined || ['so_lop', 'so_hoc_sinh', 'so_cbql', 'so_gv', 'so_nv', 'chuan_qg', 'kdcl'].includes(c.key));
  if (opts.textNumbers) for (const c of cols) if (c.kind === 'count' && typeof q[c.key] === 'number' && c.key !== 'stt') q[c.key] = vnNumber(q[c.key] as number);
  const ascii = (cs: Col[]) => cs.map((c) => ({ ...c, header: fold(c.header), group: c.group ? fold(c.group) : undefined }));
  if (opts.asciiReordered) {
    // Reordered: name first, code later, staff before pupils; groups kept together.
    const order = ['stt', 'ten_truong', 'cap_hoc', 'ma_truong', 'ten_xa', 'ma_xa', 'loai_hinh', 'so_cbql', 'so_gv', 'so_nv', 'so_hoc_sinh', 'so_lop'];
    cols = [...order.map((k) => cols.find((c) => c.key === k)!).filter(Boolean), ...cols.filter((c) => !order.includes(c.key))];
    cols = ascii(cols);
  }
  writeTable(wb, { name: 'QUY_MO', ...base, title: 'THỐNG KÊ QUY MÔ TRƯỜNG, LỚP, HỌC SINH', cols, rows: [q] });
  if (kth.length) {
    const cols2 = KQ_TH_COLS.filter((c) => c.key !== 'htctth' || kth.some((r) => (r as KqRow).htctth !== undefined));
    writeTable(wb, { name: 'KET_QUA_TH', ...base, title: 'KẾT QUẢ ĐÁNH GIÁ HỌC SINH CUỐI NĂM HỌC', cols: opts.asciiReordered ? ascii(cols2) : cols2, rows: kth });
  }
  if (kthcs.length) {
    const cols3 = opts.asciiReordered ? ascii([...KQ_TT22_COLS.slice(0, 5), ...KQ_TT22_COLS.slice(9), ...KQ_TT22_COLS.slice(5, 9)]) : KQ_TT22_COLS;
    writeTable(wb, { name: 'KET_QUA_THCS', ...base, title: 'KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN (KHỐI 6, 7, 8)', cols: cols3, rows: kthcs });
  }
  return wb;
}

async function buildSubmissions(schools: School[], kq: { th: KqRow[]; thcs: KqRow[] }, schools2022: School[], kq2022: { th: KqRow[]; thcs: KqRow[] }) {
  const inWards = (s: School) => ['26770', '26776'].includes(s.xa.code);
  const pick = (pred: (s: School) => boolean, n: number) => {
    const a = schools.filter((s) => pred(s) && inWards(s));
    const b = schools.filter((s) => pred(s) && !inWards(s));
    return [...a, ...b].slice(0, n);
  };
  const mn = pick((s) => s.cap === 'MN' && s.loai === 'CL', 2);
  const thCl = pick((s) => s.cap === 'TH' && s.loai === 'CL' && !s.isNew, 5);
  const thNcl = pick((s) => s.cap === 'TH' && s.loai === 'NCL', 1);
  const thcs = pick((s) => s.cap === 'THCS' && s.loai === 'CL', 4);
  const master = [...mn, ...thCl, ...thNcl, ...thcs];
  const wardsUsed = [...new Set(master.map((s) => s.xa.name))];
  const outsider = schools.find((s) => s.cap === 'TH' && s.loai === 'CL' && !master.includes(s) && !inWards(s) && !s.isNew)!;

  // Master kept by the office.
  {
    const wb = newWorkbook();
    const base = { org: ORG_Q12, unit: `Quận 12 – cụm ${wardsUsed.join(', ')}`, year: '2023 - 2024', reportDate: '31/5/2024' };
    writeTable(wb, {
      name: 'QUY_MO', ...base, title: 'THỐNG KÊ QUY MÔ TRƯỜNG, LỚP, HỌC SINH (BẢN TỔNG HỢP CỦA PHÒNG)',
      cols: QUY_MO_COLS, rows: master.map((s, i) => quyMoRow(s, i)),
      total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: QUY_MO_SUM },
    });
    const th = numbered(kq.th.filter((r) => master.some((s) => s.ma === r.ma_truong)));
    writeTable(wb, { name: 'KET_QUA_TH', ...base, title: 'KẾT QUẢ ĐÁNH GIÁ HỌC SINH TIỂU HỌC CUỐI NĂM HỌC', cols: KQ_TH_COLS, rows: th, total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: ['tong_so_hs', 'htxs', 'htt', 'ht', 'cht', 'htctth'] } });
    const tc = numbered(kq.thcs.filter((r) => master.some((s) => s.ma === r.ma_truong)));
    writeTable(wb, { name: 'KET_QUA_THCS', ...base, title: 'KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN HỌC SINH THCS (KHỐI 6, 7, 8)', cols: KQ_TT22_COLS, rows: tc, total: { label: 'Tổng cộng', labelKey: 'ten_truong', sumKeys: KQ_TT22_COLS.filter((c) => c.kind === 'count' && !['stt', 'khoi'].includes(c.key)).map((c) => c.key) } });
    await save(wb, 'submissions/master-2023-2024.xlsx');
  }

  const [mnA, mnB] = mn;
  const [th1, th2, th3, th4, th5] = thCl;
  const [c1, c2, c3, c4] = thcs;
  const name = (s: School, suffix = '') => `submissions/${s.ma}_${slug(s.ten)}${suffix}.xlsx`;
  const plan: SubPlan[] = [];
  const Y = '2023 - 2024';
  const put = async (role: string, s: School, wb: ExcelJS.Workbook, expect: string, suffix = '') => {
    const file = name(s, suffix);
    await save(wb, file);
    plan.push({ role, school: s, file, expect });
  };
  await put('identical', th1, schoolWorkbook(th1, Y, kq), 'Khớp hoàn toàn với bản tổng hợp (không có phát hiện).');
  const gvB = th2.gv + 2;
  await put('differing', th2, schoolWorkbook(th2, Y, kq, { tweak: (q) => (q.so_gv = gvB) }), `Khác một số liệu: QUY_MO so_gv (Giáo viên) trường báo ${gvB}, bản tổng hợp ${th2.gv}.`);
  await put('ascii-reordered', c1, schoolWorkbook(c1, Y, kq, { asciiReordered: true }), 'Tiêu đề cột không dấu, thứ tự cột đảo: phải nhận dạng đúng mẫu và khớp hoàn toàn.');
  const old = schools2022.find((s) => s.ma === th3.ma)!;
  await put('wrong-year', th3, schoolWorkbook(old, '2022 - 2023', kq2022), 'Nộp nhầm năm học 2022 - 2023 (bản tổng hợp là 2023 - 2024): báo sai năm học, không đối chiếu số liệu.');
  await put('twice-first', c2, schoolWorkbook(c2, Y, kq), 'Nộp lần 1: khớp với bản tổng hợp.', '_lan1');
  const lopE = c2.so_lop + 1;
  await put('twice-second', c2, schoolWorkbook(c2, Y, kq, { tweak: (q) => (q.so_lop = lopE) }), `Nộp lần 2 (cùng mã trường): so_lop ${lopE} khác lần 1 và bản tổng hợp (${c2.so_lop}); báo nộp trùng.`, '_lan2');
  {
    const buf = await deterministicBuffer(schoolWorkbook(th4, Y, kq));
    const file = name(th4);
    fs.writeFileSync(path.join(OUT, file), buf.subarray(0, Math.floor(buf.length * 0.55)));
    written.push(file);
    plan.push({ role: 'corrupt', school: th4, file, expect: 'Tệp hỏng (zip bị cắt cụt): báo không đọc được tệp; trường này coi như chưa có bài nộp hợp lệ.' });
  }
  await put('unknown-code', outsider, schoolWorkbook(outsider, Y, kq), `Mã trường ${outsider.ma} không có trong bản tổng hợp (trường thuộc ${outsider.xa.name}).`);
  {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('Báo cáo');
    const lines = [
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 12',
      mnA.ten.toUpperCase(),
      '',
      'BÁO CÁO TÌNH HÌNH ĐẦU NĂM HỌC 2023 - 2024',
      `Nhà trường có ${mnA.so_lop} nhóm, lớp với ${vnNumber(mnA.so_hs)} trẻ; ${mnA.gv} giáo viên.`,
      '',
    ];
    lines.forEach((l, i) => (ws.getCell(i + 1, 1).value = l || null));
    const t = [['Nội dung', 'Số lượng', 'Ghi chú'], ['Số nhóm, lớp', mnA.so_lop, ''], ['Tổng số trẻ', mnA.so_hs, 'Đã cập nhật CSDL ngành'], ['Giáo viên', mnA.gv, '']];
    t.forEach((r, i) => r.forEach((v, j) => (ws.getCell(lines.length + 1 + i, j + 1).value = v as ExcelJS.CellValue)));
    await put('no-template', mnA, wb, 'Không có trang tính nào là mẫu biểu chuẩn (báo cáo dạng văn bản): báo không nhận dạng được mẫu; trường coi như chưa có bài nộp hợp lệ.', '_bao_cao');
  }
  await put('identical', mnB, schoolWorkbook(mnB, Y, kq), 'Khớp hoàn toàn.');
  await put('identical', c3, schoolWorkbook(c3, Y, kq), 'Khớp hoàn toàn.');
  await put('text-numbers', thNcl[0], schoolWorkbook(thNcl[0], Y, kq, { textNumbers: true }), 'Số liệu QUY_MO gõ dạng văn bản ("1.234"): khớp sau khi đọc số, kèm cảnh báo "số dạng văn bản" của bộ đọc.');
  const missing = [th5, c4];
  writeSubmissionsReadme(master, plan, missing, wardsUsed);
}

function writeSubmissionsReadme(master: School[], plan: SubPlan[], missing: School[], wards: string[]) {
  const L: string[] = [];
  L.push('# Bài nộp mẫu (samples/submissions)', '');
  L.push('Generated by `npm run samples` (scripts/build-samples.ts); do not edit by hand.', '');
  L.push(`\`master-2023-2024.xlsx\` is the office's master for ${master.length} schools of ${wards.join(', ')} (Quận 12, năm học 2023 - 2024): sheets QUY_MO (one row per school + Tổng cộng), KET_QUA_TH (khối 1–5) and KET_QUA_THCS (khối 6–8). Its figures are the same as in \`samples/quan12-2023-2024.xlsx\`.`, '');
  L.push('Each school file holds that school\'s own rows of the same templates (QUY_MO, and KET_QUA_TH or KET_QUA_THCS), with a title block naming the school and the year.', '');
  L.push('## Master schools', '', '| Mã trường | Tên trường | Cấp | Loại hình | Phường |', '|---|---|---|---|---|');
  for (const s of master) L.push(`| ${s.ma} | ${s.ten} | ${s.cap} | ${s.loai} | ${s.xa.name} |`);
  L.push('', '## Files and expected findings', '', '| File | School | Case | Expected |', '|---|---|---|---|');
  for (const p of plan) L.push(`| \`${p.file.replace('submissions/', '')}\` | ${p.school.ma} ${p.school.ten} | ${p.role} | ${p.expect} |`);
  L.push('', '## Schools of the master that did not submit', '');
  for (const s of missing) L.push(`- ${s.ma} ${s.ten}`);
  L.push('', 'The corrupt file and the file with no recognisable template are findings of their own; their schools have no valid submission either (a cross-check may list them under "chưa nộp" as well, with the reason).', '');
  L.push('## Rule ids (src/core/crosscheck, checked by running the engine on these files)', '');
  L.push('| Case | Status | Findings |', '|---|---|---|');
  L.push('| identical, ascii-reordered | accepted | none |');
  L.push('| text-numbers | accepted | `so_dang_van_ban` warnings from the reader (one per text cell), no difference |');
  L.push('| differing | blocked | `doi_chieu_lech_so_lieu` (field so_gv) |');
  L.push('| wrong-year | wrong_year | `sai_nam_hoc` (and the school is listed by `chua_nop`) |');
  L.push('| twice-second | blocked | `nop_trung` + `doi_chieu_lech_so_lieu` (field so_lop) |');
  L.push('| corrupt | unreadable | `khong_doc_duoc_tep` (school listed by `chua_nop`) |');
  L.push('| unknown-code | blocked | `truong_khong_co_trong_danh_sach` |');
  L.push('| no-template | no_template | `khong_co_bieu_mau` (school listed by `chua_nop`) |');
  L.push('| not submitted | – | `chua_nop` |');
  fs.writeFileSync(path.join(OUT, 'submissions', 'README.md'), L.join('\n') + '\n');
  written.push('submissions/README.md');
}

// ---------------------------------------------------------------------------------------------
// samples/README.md and samples/as-printed/planted.json

function writeReadme() {
  const json = planted.map((p) => ({ ...p, rule: RULE_OF[p.id] || null }));
  fs.writeFileSync(path.join(OUT, 'as-printed', 'planted.json'), JSON.stringify(json, null, 2) + '\n');
  written.push('as-printed/planted.json');
  fs.writeFileSync(path.join(OUT, 'as-printed', 'controls.json'), JSON.stringify(controls, null, 2) + '\n');
  written.push('as-printed/controls.json');
  const missing = planted.filter((p) => !RULE_OF[p.id]).map((p) => p.id);
  if (missing.length) throw new Error(`planted with no rule: ${missing.join(', ')}`);
  const row = (p: Planted) => `| ${p.id} | ${p.file.replace('as-printed/', '')} | ${p.sheet}!${p.cells.join(', ')} | ${p.seed} | ${p.what.replace(/\|/g, '/')} | \`${RULE_OF[p.id]}\`${p.hint ? ` ("${p.hint}")` : ''} |`;
  const controlRow = (c: Control) => `| ${c.id} | ${c.file.replace('as-printed/', '')} | ${c.sheet}!${c.cells.join(', ')} | ${c.seed} | ${c.what.replace(/\|/g, '/')} | ${c.silent.map((r) => '`' + r + '`').join(', ')} |`;
  const md = `# Sample workbooks

Built by \`npm run samples\` (= \`node scripts/run-ts.mjs scripts/build-samples.ts\`) from a seeded PRNG:
rerunning it rewrites every file byte for byte (fixed workbook dates, zip entries repacked with a fixed
timestamp). This README and \`as-printed/planted.json\` are generated too; edit the script, not them.

| File | What |
|---|---|
| \`quan12-2023-2024.xlsx\` | Quận 12 (TP.HCM), 11 phường, năm học 2023 - 2024, clean: every sum equals the figure printed in seed 000 |
| \`quan12-2022-2023.xlsx\` | the year before, derived from the seed's "tăng …" statements, otherwise invented |
| \`quan12-2024-2025.xlsx\` | the year after, **after the illustrative 2025 merger** (5 new phường, new unit codes) |
| \`as-printed/quan12-2023-2024-as-printed.xlsx\` | seed 000's own inconsistencies, where a sheet can show them |
| \`as-printed/quan3-2019-2020-as-printed.xlsx\` | seed 001 (Quận 3) scale block with its four failing totals |
| \`as-printed/haian-2023-2024-as-printed.xlsx\` | seed 002 (Hải An plan): MN total 8.289, class sizes, CHI_TIEU targets |
| \`submissions/\` | a master and the schools' own files for the cross-check (see \`submissions/README.md\`) |
| \`registers/\` | household registers, one file per thôn (see \`registers/README.md\`) |
| \`he-thong/\` | what the national systems export, as .xls: PCGD forms of three communes with three real mistakes planted, a CSDL 02 TH report with its real quirks (see \`he-thong/README.md\`) |

Sheets carry a title block ("ỦY BAN NHÂN DÂN QUẬN 12 / PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", title, "Đơn vị: Quận 12",
"Năm học: 2023 - 2024", "Thời điểm báo cáo: …"), a one- or two-row header with merged group cells using the
usual headers of \`src/core/sheets/templates.ts\` (with diacritics), an STT column, a printed total row
("Tổng cộng" / "Toàn quận") holding the correct sums (plain values, no formulas) and notes under the table.
PC_THCS and DOI_NGU have a column-number row "(1) (2) …" under the header. Codes are text cells.

## Quận 12, 2023 - 2024 (clean)

**Units.** The 11 phường have their real names; their 5-digit codes (26764 … 26791) follow the national
pattern but are *generated* (not checked against the official list). School codes \`79761nnn\` are text
(generated, CSDL-like: 001–023 MN công lập, 101–143 MN ngoài công lập, 201–224 TH công lập, 251–256 TH tư thục,
301–315 THCS, 351–363 multi-level, 401 Trường Chuyên biệt Ánh Dương, 402 TT GDNN-GDTX). Ward population
weights and every per-school / per-phường split are invented; the totals are the seed's.

**QUY_MO** (one row per school, ${'`'}cap_hoc${'`'} MN/TH/THCS/THCS-THPT/TH-THCS-THPT/GDCB/GDTX, ${'`'}loai_hinh${'`'} CL/NCL/DL):
- MN: 23 CL + 43 NCL schools + **287 nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập, one DL row each** (353 cơ sở, line 13):
  codes \`79761501\`–\`79761787\` (text), invented names ("Nhóm trẻ Hoa Mai", "Lớp mẫu giáo Sơn Ca", "Lớp mầm non …"),
  1 nhóm trẻ (≤ 25 trẻ) or 1 lớp mẫu giáo (≤ 34) or both, 5–35 children per group or class, 1 CBQL and 2 GV per group/class.
  The facilities of a phường share out that phường's invented figures (kept from the earlier per-phường rows, so every
  other figure of the workbook is unchanged); a facility keeps its code, name and classes in 2022-2023 and 2024-2025.
  Children 26.254 = CL 7.667 + NCL 18.587 (= 11.020 in NCL schools + 7.567 in DL groups) = nhà trẻ 2.954 + mẫu giáo 23.300.
  ${'`'}tre_5_tuoi${'`'} sums to 8.830 (the 5–6 tuổi base of line 138). All MN children học 2 buổi and bán trú (line 14).
- TH: 24 CL (one opened this year, 10 classes: line 176) + 6 NCL + the TH level of one multi-level school
  (TH-THCS-THPT, 186 TH + 96 THCS pupils). Pupils by grade (hs_lop_1…9) are given for every TH/THCS row, so
  **TH = Σ hs_lop_1..5 = 48.112 = 46.002 CL + 2.110 NCL** and **THCS = Σ hs_lop_6..9 = 32.460 = 31.008 CL + 1.452 NCL**
  (the 13 multi-level schools; the phòng reports only their TH/THCS levels).
- Học 2 buổi: TH CL 12.743; TH NCL 2.110 (all), so the clean TH total is **14.853, not the printed 14.945**
  (14.945 − 12.743 = 2.202 > 2.110 cannot be clean; the as-printed file keeps it). THCS 9.059 = CL 7.607 + NCL 1.452.
- Chuẩn quốc gia / kiểm định (values 0–2 / 0–4, chuẩn mức 1 ⇒ kdcl ≥ 2, mức 2 ⇒ kdcl ≥ 3):
  MN 9 CL + 3 NCL chuẩn (2 at mức 2), kdcl 18/23 CL and 15/43 NCL; TH 2 chuẩn, kdcl 22/24 CL (the new school has
  no cohort yet) and 1/7 NCL (6 NCL + the multi-level school); THCS 2 chuẩn, kdcl 13/15.
- Staff (CL): MN 847 people / 518 GV, TH 1.682 / 1.334, THCS 1.416 / 1.164, Ánh Dương 36 / 26 (lines 483–487).
  CBQL (61 / 68 / 41 / 3) are chosen so that CBQL + GV = 3.215, the undefined base of lines 462–470.
  NCL and DL staff are invented. Ánh Dương 24 lớp / 230 HS; TT GDNN-GDTX 127 lớp / 5.636 học viên (no grade split).
- Class sizes stay under the legal maxima; teachers per class follow the seed's staff (TH ≈ 1 GV/lớp), so
  \`gv_tren_lop\` gives a few realistic "far below the norm" warnings — they are not planted.

**PC_MN5, PC_TH, PC_THCS, XMC, PC_BTH**: one row per phường, a "Toàn quận" row; sums equal §6 exactly:
5 tuổi 8.684 / ra lớp 8.684 / hoàn thành 8.684 (miễn giảm 0); 3–5 tuổi 23.942 / 23.300; TH 6 tuổi 9.412 / 20 / 9.371
(generated); 11 tuổi 9.300 / 35 / 9.022 + 243 đang học TH; 14 tuổi 7.732 / 28 / 7.701; 11–14 tuổi 30.780 / 126 / 30.360;
6–14 tuổi 72.539 / 42.178 đang học TH; THCS 9.069 → 9.069 vào lớp 6; lớp 9 7.018 / TN 7.018; 15–18 tuổi 27.475 /
miễn giảm 0 / TN THCS 27.096 / học tiếp 24.893 (generated); XMC 15–35: 200.991 / 336 / 200.601 / 200.575; 15–60:
453.083 / 793 / 452.098 / 451.894; 15–25 generated (96.418 / 152 / 96.246 / 96.236), every band nested per phường;
PC_BTH 7.018 → 5.958 THPT + 799 GDTX + 211 trung cấp; lớp 12 6.795 → 6.204 + 570; 18–21 tuổi 27.660 → 25.031 + 1.629.
Every phường reaches XMC mức 2, TH mức 3 and THCS mức 3 (ND 20/2014; test/samples checks each one).

**DINH_DUONG**: one row per MN unit (CL, NCL, each DL facility) × nhóm tuổi × thời điểm (Đầu vào / Đầu ra, phục hồi on the
Đầu ra row). The SDD / thừa cân counts and phục hồi counts are the seed's (43, 39, 18, 169 / 15, 12, 1, 19;
328, 259, 122, 2.093 / 87, 94, 5, 422) spread over the units; đầu ra = đầu vào − phục hồi (so **241**, not 141).
The children weighed are the children enrolled (2.954 / 23.300), not the seed's 4.094 / 25.145 (29.239 > 26.254
enrolled is catalogued as an inconsistency; the as-printed file keeps it). Expect many \`dd_vuot_chi_tieu\`
warnings: the seed's own counts put the district above the 1 % SDD target (328/23.300 = 1,41 %).

**KET_QUA_TH** (TT 27/2020, khối 1–5, HTCTTH for lớp 5), **KET_QUA_THCS** (TT 22/2021, khối 6–8), **KET_QUA_TT58**
(lớp 9 học lực/hạnh kiểm/tốt nghiệp + GDTX khối 12 from lines 363–409), **KET_QUA_GDTX** (khối 10, 11, lines 257–360).
School distributions are invented; each tong_so_hs equals the school's hs_lop_k. GDTX khối 11 is completed in the
clean file (Đạt 457 → 464, rèn luyện Đạt 43 → 46, invented) so each category set sums to 1.294.

**DOI_NGU** (công lập only, as lines 462–487): qualifications count CBQL + GV; all CBQL hold at least đại học.
Tiến sĩ 1, thạc sĩ 153; MN GV below cao đẳng 13 ⇒ 505/518 đạt chuẩn; TH + THCS + Ánh Dương GV below đại học 134 ⇒
2.390/2.524; chứng chỉ tin học 3.200, ngoại ngữ 3.196 of 3.215.

**DON_VI_SAP_NHAP** (illustrative, not the official 2025 list; hiệu lực 01/07/2025); each new phường keeps the code
of its main constituent, so a trend that skips the mapping compares different areas under the same code:
${MERGER.map((m) => `- ${m.newCode} ${m.newName} ← ${m.old.map((o) => `${o} ${wardByCode.get(o)!.name}`).join(', ')}`).join('\n')}

## Quận 12, 2022 - 2023 (derived + invented)

Derived from seed 000 lines 23–25: MN chuẩn quốc gia 10 (8 CL + 2 NCL; "tăng 02"), MN kiểm định 27 (15 CL + 12 NCL;
"tăng 06" read as the total), TH kiểm định 19/23 CL and 0/6 NCL ("tăng 03 … và 01 …"; the new school did not exist),
THCS kiểm định 12/15 ("tăng 01"); TH and THCS chuẩn quốc gia unchanged (2, 2). Invented: pupils (each school × 0,96–1,03),
classes, teachers ± 2, all phổ cập figures (cohorts × 0,985, shortfalls redrawn), outcomes. Nutrition counts,
GDTX tables and staff qualification totals repeat 2023-2024's.

## Quận 12, 2024 - 2025 (invented, after the merger)

Same schools (pupils × 0,98–1,04; the new TH school grows), ma_xa/ten_xa of every school replaced by the **new**
phường; PC sheets have 5 rows (the 11 old phường summed into the new ones) and a "Tổng cộng" row. One more MN
chuẩn quốc gia and one more TH kiểm định. Title block: "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH / SỞ GIÁO DỤC VÀ ĐÀO TẠO",
"Đơn vị: Các phường thuộc Quận 12 (cũ)". Outcome sheets keep the 2023-2024 layout (lớp 9 on TT 58), a simplification.

## As-printed variants: planted inconsistencies

Aggregated QUY_MO sheets (one per cấp học: rows công lập / ngoài công lập [/ độc lập] + "Tổng cộng", pseudo codes
such as \`Q12-TH-CL\`, column "Số trường" = so_truong) reproduce the printed scale blocks. Rates are real Excel
percentages (fraction + "0.00%" format, "0.0%" where the seed prints one decimal). Every planted inconsistency is
found: \`test/samples/rules-on-samples.test.ts\` runs \`src/core/rules\` on these files and asserts each rule id at
its cells (and the quoted text of the message where one is given).

| id | file | where | seed line | what | rule |
|---|---|---|---|---|---|
${planted.map(row).join('\n')}

Printed figures next to them that are right (negative controls, \`as-printed/controls.json\`; the test asserts that
the listed rules stay silent on these cells):

| id | file | where | seed line | what | silent |
|---|---|---|---|---|---|
${controls.map(controlRow).join('\n')}

Also found on these files (true in the seeds, not planted): Quận 3 TH công lập 16.221/408 = 39,76 HS/lớp
(\`si_so_vuot_dinh_muc\`).

### Seed inconsistencies no sheet can show

The standard sheets hold counts per unit and the rates printed from them; these seed inconsistencies live in prose,
in money or in figures with no row of their own, so no template carries them:

- Seed 000: multi-level schools 13 (L19) / 11 (L626) / 12 (L638) — three counts of one thing in three paragraphs; "31 trường
  (24 + 06)" is shown (QUY_MO_TH) but L24's "01/07" and L504's "30" are prose; "01/40" (L446) and "100%" for 286/287 groups
  (L517), "100% phổ thông" vs 11/12 (L634/L638) — claims without a count column; money: 50.400.000 + 446.400.000 ≠ 652.400.000
  (L141), "2.704.00.000 đồng" (L454), 10,659 + 8,369 ≠ 19,029 tỷ (L600), "48,642" with no unit (L599), 215 vs 214 computers
  (L601/L604); 19.250 supported > 18.587 enrolled (L142, different dates); prizes 260 vs 257 and 1.115 vs 940 (L185–189);
  4.661 LĐTT > 3.981 staff (L568); the undefined 3.215 base (L462–470; the sample encodes it as CBQL + GV); 332 vs 353
  cơ sở and the truncated 60,53% LQTA (L138: no LQTA template); libraries 1 + 23 (L176); dates and section numbering.
- Seed 001: the 79-school headline (L10: no district row above the three levels); 45 vs 44 MN schools in the contest (L43)
  and 112 vs 106 CBQL trained (L40) — activity counts; 3.537 registered vs 3.335 sat the vocational exam (L92–98).
- Seed 002: CHI_TIEU "84,7%" (L37) is a target typed as text with no counts in the row; the same inconsistency is found in
  QUY_MO (\`mn_nha_tre_mau_giao\`) and PC_MN5 (\`ty_le_in_sai\`) above. Task 3 ending before it starts (L552) and the other
  planning-table and citation slips are not statistics.

## Determinism

\`test/samples/samples.test.ts\` re-reads the committed workbooks with ExcelJS and checks, with literal figures typed
from the seed text: the sums, each phường's level against the ND 20/2014 thresholds, the 2022-2023 differences and
every planted inconsistency listed above. \`test/samples/rules-on-samples.test.ts\` checks the rule ids and the controls.
`;
  fs.writeFileSync(path.join(OUT, 'README.md'), md);
  written.push('README.md');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const schools2023 = buildQuan12();
  const pc2023 = buildPc(new Rng(611), PC_2023);
  const y2023 = await buildQuan12Year(CTX_2023, schools2023, pc2023, 'quan12-2023-2024.xlsx', 2324);
  const pc2022 = buildPc(new Rng(612), scalePc(new Rng(22), PC_2023, 0.985));
  const schools2022 = derive2022(schools2023);
  const y2022 = await buildQuan12Year(CTX_2022, schools2022, pc2022, 'quan12-2022-2023.xlsx', 2223);
  const pc2024 = buildPc(new Rng(613), scalePc(new Rng(24), PC_2023, 1.012));
  const pc2024Merged = Object.fromEntries(Object.entries(pc2024).map(([k, rows]) => [k, mergePcRows(rows)]));
  await buildQuan12Year(CTX_2024, derive2024(schools2023), pc2024Merged, 'quan12-2024-2025.xlsx', 2425, { merged: true });
  await buildQuan12AsPrinted(schools2023, pc2023);
  await buildQuan3AsPrinted();
  await buildHaiAnAsPrinted();
  await buildSubmissions(schools2023, y2023.kq, schools2022, y2022.kq);
  writeReadme();
  for (const f of written) console.log(`wrote samples/${f}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
