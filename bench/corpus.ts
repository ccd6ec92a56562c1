/**
 * Deterministic province-scale corpus for `npm run bench` (written to bench/.corpus/, never committed).
 *
 * One province, 30 districts, 3.000 schools (mầm non, tiểu học, THCS, liên cấp). The office's master
 * lists every school; each school sends one workbook (QUY_MO + KET_QUA or DINH_DUONG + DOI_NGU) with the
 * usual title block and headers from src/core/sheets/templates.ts. A seeded PRNG adds the mess seen in
 * real files: numbers typed as text ("1.234"), unaccented headers, blanks, a wrong total, a wrong year,
 * a figure that differs from the master, a school that sends twice, a numeric school code.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATE_BY_ID } from '../src/core/sheets/templates';
import type { TemplateId } from '../src/core/sheets/types';

/** Bump when the generated files change: the cache in bench/.corpus/<version>/ is keyed by it. */
export const CORPUS_VERSION = 'v1';
export const SCHOOLS = 3000;
export const YEAR = '2024 - 2025';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Splits n into k non-negative parts with the given weights (sums exactly to n). */
  split(n: number, weights: number[]): number[] {
    const total = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.floor((n * w) / total));
    let rest = n - parts.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]++;
    return parts;
  }
}

type Cap = 'MN' | 'TH' | 'THCS' | 'TH-THCS';
type Row = Record<string, string | number | null>;

export interface School {
  ma_truong: string;
  ten_truong: string;
  cap_hoc: Cap;
  loai_hinh: string;
  ma_xa: string;
  ten_xa: string;
  district: number;
  quyMo: Row;
  ketQua: Row[];
  dinhDuong: Row[];
  doiNgu: Row;
}

const NAMES = [
  'Lê Lợi', 'Nguyễn Du', 'Trần Hưng Đạo', 'Lý Thường Kiệt', 'Quang Trung', 'Hai Bà Trưng', 'Võ Thị Sáu', 'Nguyễn Trãi',
  'Chu Văn An', 'Lê Quý Đôn', 'Phan Bội Châu', 'Nguyễn Bỉnh Khiêm', 'Kim Đồng', 'Hoa Sen', 'Sơn Ca', 'Họa Mi', 'Bình Minh',
  'Ánh Dương', 'Tuổi Thơ', 'Măng Non', 'Đoàn Thị Điểm', 'Trưng Vương', 'Lương Thế Vinh', 'Tô Hiến Thành', 'Yết Kiêu', 'Phù Đổng',
];
const CAP_PREFIX: Record<Cap, string> = { MN: 'Trường Mầm non', TH: 'Trường Tiểu học', THCS: 'Trường THCS', 'TH-THCS': 'Trường TH và THCS' };
const CAP_TEXT: Record<Cap, string> = { MN: 'Mầm non', TH: 'Tiểu học', THCS: 'Trung học cơ sở', 'TH-THCS': 'TH và THCS' };

function buildSchool(i: number, rng: Rng): School {
  const district = Math.floor(i / 100);
  const commune = Math.floor(i / 8);
  const r = rng.float();
  const cap: Cap = r < 0.35 ? 'MN' : r < 0.7 ? 'TH' : r < 0.95 ? 'THCS' : 'TH-THCS';
  const ma_truong = `79${String(700 + district).padStart(3, '0')}${String(i % 1000).padStart(3, '0')}`;
  const ten_truong = `${CAP_PREFIX[cap]} ${rng.pick(NAMES)}${i % 7 === 0 ? ` ${1 + (i % 3)}` : ''}`;
  const ma_xa = String(26000 + commune);
  const ten_xa = commune % 3 === 0 ? `Xã ${rng.pick(NAMES)}` : `Phường ${1 + (commune % 20)}`;
  const loai_hinh = cap === 'MN' && rng.chance(0.3) ? 'Tư thục' : 'Công lập';

  const grades = cap === 'TH' ? [1, 2, 3, 4, 5] : cap === 'THCS' ? [6, 7, 8, 9] : cap === 'TH-THCS' ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [];
  const q: Row = { ma_truong, ten_truong, cap_hoc: CAP_TEXT[cap], loai_hinh, ma_xa, ten_xa };
  let classes = 0;
  let pupils = 0;
  const byGrade: Record<number, number> = {};
  for (const g of grades) {
    const c = rng.int(2, 8);
    const p = c * rng.int(g <= 5 ? 28 : 32, g <= 5 ? 35 : 42);
    classes += c;
    pupils += p;
    byGrade[g] = p;
  }
  if (cap === 'MN') {
    const ntClasses = rng.int(1, 4);
    const mgClasses = rng.int(3, 10);
    const nt = ntClasses * rng.int(15, 25);
    const mg = mgClasses * rng.int(25, 35);
    classes = ntClasses + mgClasses;
    pupils = nt + mg;
    Object.assign(q, { so_lop: classes, so_hoc_sinh: pupils, tre_nha_tre: nt, tre_mau_giao: mg, tre_5_tuoi: Math.round(mg * 0.35) });
  } else {
    Object.assign(q, { so_lop: classes, so_hoc_sinh: pupils });
    for (const g of grades) q[`hs_lop_${g}`] = byGrade[g];
    if (cap !== 'THCS') q.hs_2_buoi = pupils - rng.int(0, Math.round(pupils * 0.05));
  }
  const norm = cap === 'MN' ? 2.2 : cap === 'THCS' ? 1.9 : 1.5;
  const cbql = rng.int(2, 3);
  const gv = Math.max(1, Math.round(classes * norm * (0.9 + rng.float() * 0.15)));
  const nv = rng.int(3, 12);
  const chuan = rng.pick([0, 0, 1, 1, 1, 2]);
  Object.assign(q, {
    hs_nu: Math.round(pupils * (0.46 + rng.float() * 0.06)),
    hs_dan_toc: rng.int(0, Math.round(pupils * 0.05)),
    hs_khuyet_tat: rng.int(0, 6),
    so_cbql: cbql,
    so_gv: gv,
    so_nv: nv,
    so_phong_hoc: classes + rng.int(0, 4),
    chuan_qg: chuan,
    kdcl: chuan === 0 ? rng.int(0, 2) : Math.min(4, chuan + 1 + rng.int(0, 1)),
  });

  const ketQua: Row[] = [];
  for (const g of grades) {
    const n = byGrade[g];
    const row: Row = { ma_truong, ten_truong, khoi: g, tong_so_hs: n };
    if (g <= 5) {
      const [htxs, htt, ht, cht] = rng.split(n, [0.25 + rng.float() * 0.1, 0.35, 0.38, 0.01 + rng.float() * 0.01]);
      Object.assign(row, { htxs, ty_le_htxs: htxs / n, htt, ty_le_htt: htt / n, ht, cht });
    } else {
      const [a, b, c, d] = rng.split(n, [0.3 + rng.float() * 0.1, 0.4, 0.28, 0.02]);
      const [e, f, h, k] = rng.split(n, [0.8, 0.15, 0.045, 0.005]);
      Object.assign(row, { hoc_tap_tot: a, hoc_tap_kha: b, hoc_tap_dat: c, hoc_tap_chua_dat: d, ren_luyen_tot: e, ren_luyen_kha: f, ren_luyen_dat: h, ren_luyen_chua_dat: k });
    }
    ketQua.push(row);
  }

  const dinhDuong: Row[] = [];
  if (cap === 'MN') {
    for (const nhom of ['Nhà trẻ', 'Mẫu giáo'] as const) {
      const total = nhom === 'Nhà trẻ' ? (q.tre_nha_tre as number) : (q.tre_mau_giao as number);
      for (const thoi of ['Đầu năm', 'Cuối năm']) {
        const f = thoi === 'Đầu năm' ? 1 : 0.6;
        dinhDuong.push({
          ma_truong,
          ten_truong,
          nhom_tuoi: nhom,
          thoi_diem: thoi,
          tong_so_tre: total,
          sdd_nhe_can: Math.round(total * 0.03 * f),
          sdd_thap_coi: Math.round(total * 0.04 * f),
          sdd_gay_com: Math.round(total * 0.01 * f),
          thua_can_beo_phi: Math.round(total * 0.06 * f),
        });
      }
    }
  }

  const staff = cbql + gv;
  const [thac_si, dai_hoc, cao_dang, trung_cap] = rng.split(staff, [0.08, 0.85, 0.05, 0.02]);
  const doiNgu: Row = {
    ma_truong,
    ten_truong,
    cap_hoc: CAP_TEXT[cap],
    loai_hinh,
    so_cbql: cbql,
    so_gv: gv,
    so_nv: nv,
    tien_si: 0,
    thac_si,
    dai_hoc,
    cao_dang,
    trung_cap,
    chua_qua_dao_tao: 0,
    cc_tin_hoc: Math.round(staff * 0.9),
    cc_ngoai_ngu: Math.round(staff * 0.7),
    dang_vien: Math.round(staff * 0.4),
  };
  return { ma_truong, ten_truong, cap_hoc: cap, loai_hinh, ma_xa, ten_xa, district, quyMo: q, ketQua, dinhDuong, doiNgu };
}

export function buildSchools(n = SCHOOLS, seed = 20242025): School[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => buildSchool(i, rng));
}

/* ---------------------------------------------------------------- writing */

const QUY_MO_FIELDS = [
  'ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ma_xa', 'ten_xa', 'so_lop', 'so_hoc_sinh',
  'hs_lop_1', 'hs_lop_2', 'hs_lop_3', 'hs_lop_4', 'hs_lop_5', 'hs_lop_6', 'hs_lop_7', 'hs_lop_8', 'hs_lop_9',
  'tre_nha_tre', 'tre_mau_giao', 'tre_5_tuoi', 'hs_nu', 'hs_dan_toc', 'hs_khuyet_tat', 'hs_2_buoi',
  'so_cbql', 'so_gv', 'so_nv', 'so_phong_hoc', 'chuan_qg', 'kdcl',
];
const KQ_TH = ['ma_truong', 'ten_truong', 'khoi', 'tong_so_hs', 'htxs', 'ty_le_htxs', 'htt', 'ty_le_htt', 'ht', 'cht'];
const KQ_THCS = ['ma_truong', 'ten_truong', 'khoi', 'tong_so_hs', 'hoc_tap_tot', 'hoc_tap_kha', 'hoc_tap_dat', 'hoc_tap_chua_dat', 'ren_luyen_tot', 'ren_luyen_kha', 'ren_luyen_dat', 'ren_luyen_chua_dat'];
const KQ_ALL = [...new Set([...KQ_TH, ...KQ_THCS])];
const DD_FIELDS = ['ma_truong', 'ten_truong', 'nhom_tuoi', 'thoi_diem', 'tong_so_tre', 'sdd_nhe_can', 'sdd_thap_coi', 'sdd_gay_com', 'thua_can_beo_phi'];
const DN_FIELDS = ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'so_cbql', 'so_gv', 'so_nv', 'tien_si', 'thac_si', 'dai_hoc', 'cao_dang', 'trung_cap', 'chua_qua_dao_tao', 'cc_tin_hoc', 'cc_ngoai_ngu', 'dang_vien'];
const TEXT_FIELDS = new Set(['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ma_xa', 'ten_xa', 'nhom_tuoi', 'thoi_diem', 'khoi']);

const TITLES: Partial<Record<TemplateId, string>> = {
  QUY_MO: 'THỐNG KÊ QUY MÔ TRƯỜNG, LỚP, HỌC SINH',
  KET_QUA: 'KẾT QUẢ ĐÁNH GIÁ HỌC SINH CUỐI NĂM HỌC',
  DINH_DUONG: 'KẾT QUẢ THEO DÕI SỨC KHỎE, DINH DƯỠNG TRẺ',
  DOI_NGU: 'THỐNG KÊ ĐỘI NGŨ CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN',
};

function unaccent(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

interface SheetOpts {
  unit: string;
  year: string;
  /** Header spelled without diacritics (typed on a keyboard without Vietnamese input). */
  unaccented?: boolean;
  /** Sum row under the records, over these fields. */
  totalOver?: string[];
}

function addSheet(wb: ExcelJS.Workbook, template: TemplateId, fields: string[], rows: Row[], o: SheetOpts): void {
  const def = TEMPLATE_BY_ID[template];
  const ws = wb.addWorksheet(template);
  const width = fields.length;
  ws.addRow(['UBND TỈNH MẪU']);
  ws.addRow(['SỞ GIÁO DỤC VÀ ĐÀO TẠO']);
  ws.addRow([]);
  ws.addRow([TITLES[template] ?? def.title.toUpperCase()]);
  ws.mergeCells(4, 1, 4, Math.max(2, width));
  ws.addRow([`Đơn vị: ${o.unit}`]);
  ws.addRow([`Năm học: ${o.year}`]);
  ws.addRow([]);
  const header = fields.map((id) => {
    const h = def.fields.find((f) => f.id === id)!.header;
    return o.unaccented ? unaccent(h) : h;
  });
  const headerRow = ws.addRow(header);
  headerRow.font = { bold: true };
  for (const r of rows) {
    const line = ws.addRow(fields.map((id) => (r[id] === undefined ? null : r[id])));
    fields.forEach((id, c) => {
      if (id.startsWith('ty_le_') && typeof r[id] === 'number') line.getCell(c + 1).numFmt = '0.00%';
    });
  }
  if (o.totalOver) {
    const sums = fields.map((id, c) => {
      if (c === 1) return 'Tổng cộng';
      if (!o.totalOver!.includes(id)) return null;
      let s = 0;
      let any = false;
      for (const r of rows) if (typeof r[id] === 'number') (s += r[id] as number), (any = true);
      return any ? s : null;
    });
    ws.addRow(sums).font = { bold: true };
  }
  ws.columns.forEach((col, c) => (col.width = TEXT_FIELDS.has(fields[c]) ? 22 : 11));
}

function sumFields(fields: string[]): string[] {
  return fields.filter((f) => !TEXT_FIELDS.has(f) && !f.startsWith('ty_le_') && f !== 'chuan_qg' && f !== 'kdcl');
}

export async function writeMaster(file: string, schools: School[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const unit = 'Tỉnh Mẫu';
  addSheet(wb, 'QUY_MO', QUY_MO_FIELDS, schools.map((s) => s.quyMo), { unit, year: YEAR, totalOver: sumFields(QUY_MO_FIELDS) });
  addSheet(wb, 'KET_QUA', KQ_ALL, schools.flatMap((s) => s.ketQua), { unit, year: YEAR });
  addSheet(wb, 'DINH_DUONG', DD_FIELDS, schools.flatMap((s) => s.dinhDuong), { unit, year: YEAR });
  addSheet(wb, 'DOI_NGU', DN_FIELDS, schools.map((s) => s.doiNgu), { unit, year: YEAR, totalOver: sumFields(DN_FIELDS) });
  await wb.xlsx.writeFile(file);
}

export type Mess = 'clean' | 'text_numbers' | 'unaccented' | 'blank' | 'wrong_total' | 'wrong_year' | 'differs' | 'numeric_code';

/** Which mess a school's file carries (about one file in five has one). */
export function messOf(i: number): Mess {
  const r = new Rng(7919 * (i + 1)).float();
  if (r < 0.04) return 'text_numbers';
  if (r < 0.06) return 'unaccented';
  if (r < 0.08) return 'blank';
  if (r < 0.1) return 'wrong_total';
  if (r < 0.11) return 'wrong_year';
  if (r < 0.14) return 'differs';
  if (r < 0.18) return 'numeric_code';
  return 'clean';
}

function withVnText(r: Row, fields: string[]): Row {
  const out = { ...r };
  for (const f of fields) if (typeof out[f] === 'number') out[f] = (out[f] as number).toLocaleString('de-DE');
  return out;
}

export async function writeSubmission(file: string, s: School, mess: Mess): Promise<void> {
  const wb = new ExcelJS.Workbook();
  let q: Row = { ...s.quyMo };
  let kq = s.ketQua.map((r) => ({ ...r }));
  let dn: Row = { ...s.doiNgu };
  const dd = s.dinhDuong.map((r) => ({ ...r }));
  const year = mess === 'wrong_year' ? '2023 - 2024' : YEAR;
  if (mess === 'text_numbers') {
    q = withVnText(q, ['so_hoc_sinh', 'hs_nu']);
    kq = kq.map((r) => withVnText(r, ['tong_so_hs']));
  }
  if (mess === 'blank') q.so_phong_hoc = null;
  if (mess === 'wrong_total') q.so_hoc_sinh = (q.so_hoc_sinh as number) + 7;
  if (mess === 'differs') dn = { ...dn, so_nv: (dn.so_nv as number) + 1 };
  if (mess === 'numeric_code') {
    q.ma_truong = Number(q.ma_truong);
    dn.ma_truong = Number(dn.ma_truong);
  }
  const unit = s.ten_truong;
  const unaccented = mess === 'unaccented';
  const qFields = QUY_MO_FIELDS.filter((f) => q[f] !== undefined);
  addSheet(wb, 'QUY_MO', qFields, [q], { unit, year, unaccented });
  if (kq.length) {
    const fields = s.cap_hoc === 'THCS' ? KQ_THCS : s.cap_hoc === 'TH' ? KQ_TH : KQ_ALL;
    addSheet(wb, 'KET_QUA', fields, kq, { unit, year, unaccented, totalOver: sumFields(fields) });
  }
  if (dd.length) addSheet(wb, 'DINH_DUONG', DD_FIELDS, dd, { unit, year, unaccented });
  addSheet(wb, 'DOI_NGU', DN_FIELDS, [dn], { unit, year, unaccented });
  await wb.xlsx.writeFile(file);
}

export interface Corpus {
  dir: string;
  master: string;
  submissionsDir: string;
  /** Every submission, sorted as the cross-check walks them. */
  submissions: string[];
}

function slug(s: string): string {
  return unaccent(s).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Writes (or reuses) bench/.corpus/<version>/: master.xlsx and submissions/<district>/<code>-<name>.xlsx.
 * Ten schools send their file twice (a copy named "-gui-lai"), so 3.000 files cover 2.990 schools.
 */
export async function ensureCorpus(root: string, log: (s: string) => void = () => {}): Promise<Corpus> {
  const dir = path.join(root, CORPUS_VERSION);
  const submissionsDir = path.join(dir, 'submissions');
  const master = path.join(dir, 'master.xlsx');
  const done = path.join(dir, 'DONE');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(submissionsDir, { recursive: true });
    const t0 = Date.now();
    const schools = buildSchools();
    await writeMaster(master, schools);
    const resend = new Set(Array.from({ length: 10 }, (_, k) => 137 + k * 293));
    let written = 0;
    for (let i = 0; i < schools.length; i++) {
      const s = schools[i];
      const d = path.join(submissionsDir, `quan-${String(s.district + 1).padStart(2, '0')}`);
      fs.mkdirSync(d, { recursive: true });
      // A re-sent file replaces the next school's, so that the total stays 3.000 files.
      if (resend.has(i - 1)) {
        const prev = schools[i - 1];
        await writeSubmission(path.join(d, `${prev.ma_truong}-${slug(prev.ten_truong)}-gui-lai.xlsx`), prev, 'clean');
      } else {
        await writeSubmission(path.join(d, `${s.ma_truong}-${slug(s.ten_truong)}.xlsx`), s, messOf(i));
      }
      if (++written % 500 === 0) log(`  corpus: ${written}/${schools.length} submissions (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    fs.writeFileSync(done, `${CORPUS_VERSION} ${new Date(0).toISOString()}\n`);
  }
  const submissions: string[] = [];
  const walk = (d: string) => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xlsx')) submissions.push(p);
    }
  };
  walk(submissionsDir);
  return { dir, master, submissionsDir, submissions };
}
