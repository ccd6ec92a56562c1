/**
 * Year-over-year checks (issue 14; data-quality practice compares each figure with last year's): with
 * an earlier school year's workbook given, every school and every commune of this year is set against
 * the same unit the year before (the latest earlier year given), and
 *
 * - a figure that moved by more than `settings.yearOverYearShare` of last year's value (default 0,33,
 *   i.e. ±33%) is a warning naming both values: a school's pupils and classes (QUY_MO), a commune's
 *   schools, pupils and classes (QUY_MO rows of the commune) and its phổ cập rates (PC_* sheets, as
 *   relative change of the rate, the same share);
 * - a commune whose phổ cập level fell (Mức độ 2 → Mức độ 1, Mức độ 1 → Không đạt) is a warning;
 * - a school present in one year and not in the other is named (new, or gone).
 *
 * A figure blank in either year is not compared (the checks of that year's sheet say so). "More than"
 * is strict and exact: |this − last| × 100 > share × 100 × last on the numbers' decimal text
 * (indicators/exact.ts), so a change of exactly 33% is not a finding. Last year's 0 against a
 * positive figure is a change "from 0" (always beyond any share).
 *
 * Schools are matched by ma_truong (else their name, spaces and case ignored); communes by ma_xa
 * (else their name). Rows that sum several schools (so_truong > 1, or neither code nor name) count
 * in their commune only.
 */
import type { Bilingual, Finding } from '../findings';
import { finding } from '../findings';
import { formatNumber, formatPercent, formatPercentOf } from '../format/vn';
import { toRational } from '../indicators/exact';
import type { Programme } from '../indicators/thresholds';
import { levelLabel } from '../indicators/levels';
import { msg } from '../i18n';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import type { ReportContext } from './context';
import { sheetsOf } from './context';
import { computePhoCap } from './phoCap';

/** The rule ids these checks emit (the CLI lists them apart). */
export const YEAR_OVER_YEAR_RULES: ReadonlySet<string> = new Set(['bien_dong_bat_thuong', 'muc_do_giam', 'truong_moi', 'truong_khong_con']);

/** |cur − prev| / prev > share, exactly on the numbers' decimal text; prev 0 and cur > 0 is beyond. */
export function beyondShare(cur: number, prev: number, share: number): boolean {
  if (prev === 0) return cur !== 0;
  const d = toRational(Math.abs(cur - prev) === 0 ? 0 : Math.abs(cur - prev));
  const p = toRational(Math.abs(prev));
  const s = toRational(share);
  // d.n/d.d > s.n/s.d · p.n/p.d  ⇔  d.n · s.d · p.d > s.n · p.n · d.d
  return d.n * s.d * p.d > s.n * p.n * d.d;
}

/** Exact |cur − prev| for the decimal texts (0,1 + 0,2 noise would otherwise leak in). */
function diff(cur: number, prev: number): number {
  return Number((cur - prev).toPrecision(15));
}

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function text(r: SheetRecord, field: string): string | null {
  const v = r.fields[field]?.value;
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s ? s : null;
}

function num(r: SheetRecord, field: string): number | null {
  const v = r.fields[field]?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

interface Tally {
  key: string;
  name: string;
  /** Sums; null once a row of the unit leaves the field blank. */
  figures: Record<string, number | null>;
  /** Where the unit's figure is (its first row's cell), this year. */
  sheet: string;
  cells: Record<string, string>;
}

const SCHOOL_FIELDS = ['so_hoc_sinh', 'so_lop'] as const;
const COMMUNE_FIELDS = ['so_truong', 'so_hoc_sinh', 'so_lop'] as const;

function add(t: Tally, field: string, v: number | null, r: SheetRecord, present: boolean) {
  if (!present) return;
  const old = t.figures[field];
  t.figures[field] = old === undefined ? v : old === null || v === null ? null : old + v;
  const addr = r.fields[field]?.address;
  if (addr && !t.cells[field]) t.cells[field] = addr;
}

function communeKey(r: SheetRecord): { key: string; name: string } | null {
  const code = text(r, 'ma_xa');
  const name = text(r, 'ten_xa');
  if (code) return { key: 'c:' + code, name: name ?? code };
  if (name) return { key: 'n:' + norm(name), name };
  return null;
}

/** Schools and communes of the QUY_MO sheets, with their summed figures. */
function scaleUnits(sheets: ParsedSheet[]): { schools: Map<string, Tally>; communes: Map<string, Tally> } {
  const schools = new Map<string, Tally>();
  const communes = new Map<string, Tally>();
  for (const sheet of sheets) {
    const has = (f: string) => !!sheet.columns[f];
    for (const r of sheet.records) {
      const code = text(r, 'ma_truong');
      const name = text(r, 'ten_truong');
      const several = (num(r, 'so_truong') ?? 1) > 1;
      const isSchool = !several && (code || name);
      if (isSchool) {
        const key = code ? 'c:' + code : 'n:' + norm(name!);
        let t = schools.get(key);
        if (!t) schools.set(key, (t = { key, name: name ?? code!, figures: {}, sheet: sheet.sheetName, cells: {} }));
        for (const f of SCHOOL_FIELDS) add(t, f, num(r, f), r, has(f));
      }
      const c = communeKey(r);
      if (!c) continue;
      let t = communes.get(c.key);
      if (!t) communes.set(c.key, (t = { key: c.key, name: c.name, figures: {}, sheet: sheet.sheetName, cells: {} }));
      // A school row counts one school; a summed row its so_truong.
      const n = has('so_truong') && num(r, 'so_truong') !== null ? num(r, 'so_truong') : isSchool ? 1 : null;
      add(t, 'so_truong', n, r, true);
      for (const f of ['so_hoc_sinh', 'so_lop']) add(t, f, num(r, f), r, has(f));
    }
  }
  return { schools, communes };
}

interface CommunePc {
  key: string;
  name: string;
  sheet: string;
  /** Rates by measure id: the fraction, its counts and the numerator's cell. */
  rates: Map<string, { num: number; den: number; label: Bilingual; cell?: string }>;
  levels: Map<Programme, number | null>;
}

function phoCapUnits(ctx: ReportContext): Map<string, CommunePc> {
  const out = new Map<string, CommunePc>();
  for (const res of computePhoCap(ctx)) {
    for (const c of res.communes) {
      const k = communeKey(c.record);
      if (!k) continue;
      let u = out.get(k.key);
      if (!u) out.set(k.key, (u = { key: k.key, name: k.name, sheet: res.sheet.sheetName, rates: new Map(), levels: new Map() }));
      for (const r of c.rates) {
        const n = r.num.value;
        const d = r.den.value;
        if (n === null || d === null || !(d > 0)) continue;
        u.rates.set(r.spec.id, { num: n, den: d, label: { vi: r.spec.indicator.labelVi, en: r.spec.indicator.labelEn }, cell: r.num.cells[0]?.address });
      }
      if (res.programme !== 'BTH' && c.level) u.levels.set(res.programme as Programme, c.level.level);
    }
  }
  return out;
}

/** The earlier year to compare with: the latest school year before this one (else the first given). */
export function previousYearOf(current: ReportContext, previous: ReportContext[]): ReportContext | null {
  const earlier = previous.filter((p) => p.schoolYear && current.schoolYear && p.schoolYear < current.schoolYear);
  if (earlier.length) return earlier.reduce((a, b) => (b.schoolYear > a.schoolYear ? b : a));
  if (!current.schoolYear) return previous.find((p) => !p.schoolYear) ?? null;
  return null;
}

function changeText(cur: number, prev: number): Bilingual {
  if (prev === 0) return msg('report.yoy.from_zero');
  const rel = Math.abs(diff(cur, prev)) / Math.abs(prev);
  const p = formatPercent(rel, 2, false);
  return msg(cur > prev ? 'report.yoy.up' : 'report.yoy.down', { p });
}

/** The level as every table says it (levelLabel: "Đạt" for MN5, "Mức độ k" otherwise). */
function levelWords(level: number, programme: Programme): Bilingual {
  return levelLabel(level, programme);
}

/** The warnings of this year against the previous one (none when no earlier year is given). */
export function yearOverYearFindings(current: ReportContext, previous: ReportContext[]): Finding[] {
  const prev = previousYearOf(current, previous);
  if (!prev) return [];
  const share = current.settings.yearOverYearShare;
  const shareText = formatPercent(share, 2, false);
  const years = { year: current.schoolYear || '–', prev_year: prev.schoolYear || '–' };
  const file = current.wb.file;
  const out: Finding[] = [];

  const now = scaleUnits(sheetsOf(current.wb, 'QUY_MO'));
  const before = scaleUnits(sheetsOf(prev.wb, 'QUY_MO'));
  const figureFindings = (a: Tally, b: Tally, fields: readonly string[]) => {
    for (const f of fields) {
      const cur = a.figures[f];
      const old = b.figures[f];
      if (cur === null || cur === undefined || old === null || old === undefined) continue;
      if (!beyondShare(cur, old, share)) continue;
      out.push(
        finding('bien_dong_bat_thuong', 'yoy.figure', {
          unit: a.name, label: msg(`report.yoy.${f}`), cur: formatNumber(cur), prev: formatNumber(old),
          change: changeText(cur, old), share: shareText, ...years,
        }, { file, sheet: a.sheet, cells: a.cells[f] ? [a.cells[f]] : [], field: f, detail: { previous: old, current: cur } }),
      );
    }
  };
  // Schools present both years only when both years list schools one by one.
  const bothListSchools = now.schools.size > 0 && before.schools.size > 0;
  if (bothListSchools) {
    for (const [k, a] of now.schools) {
      const b = before.schools.get(k);
      if (b) figureFindings(a, b, SCHOOL_FIELDS);
      else out.push(finding('truong_moi', 'yoy.school_new', { school: a.name, ...years }, { file, sheet: a.sheet, cells: [], detail: { school: a.name } }));
    }
    for (const [k, b] of before.schools) {
      if (!now.schools.has(k)) out.push(finding('truong_khong_con', 'yoy.school_gone', { school: b.name, ...years }, { file, cells: [], detail: { school: b.name } }));
    }
  }
  for (const [k, a] of now.communes) {
    const b = before.communes.get(k);
    if (b) figureFindings(a, b, COMMUNE_FIELDS);
  }

  const pcNow = phoCapUnits(current);
  const pcBefore = phoCapUnits(prev);
  for (const [k, a] of pcNow) {
    const b = pcBefore.get(k);
    if (!b) continue;
    for (const [id, r] of a.rates) {
      const o = b.rates.get(id);
      if (!o) continue;
      // Rates compared as rationals: (r.num/r.den − o.num/o.den) / (o.num/o.den) > share.
      const curRate = r.num * o.den;
      const oldRate = o.num * r.den;
      if (!beyondShare(curRate, oldRate, share)) continue;
      out.push(
        finding('bien_dong_bat_thuong', 'yoy.figure', {
          unit: a.name, label: { vi: r.label.vi.charAt(0).toLowerCase() + r.label.vi.slice(1), en: r.label.en.charAt(0).toLowerCase() + r.label.en.slice(1) },
          cur: formatPercentOf(r.num, r.den), prev: formatPercentOf(o.num, o.den),
          change: changeText(curRate, oldRate), share: shareText, ...years,
        }, { file, sheet: a.sheet, cells: r.cell ? [r.cell] : [], field: id, detail: { previous: o.num / o.den, current: r.num / r.den } }),
      );
    }
    for (const [p, lv] of a.levels) {
      const old = b.levels.get(p);
      if (lv === null || old === null || old === undefined || !(lv < old)) continue;
      out.push(
        finding('muc_do_giam', 'yoy.level_drop', {
          unit: a.name, programme: msg(`report.pc.short.${p}`), prev: levelWords(old, p), cur: levelWords(lv, p), ...years,
        }, { file, sheet: a.sheet, cells: [], detail: { previous: old, current: lv, programme: p } }),
      );
    }
  }
  return out;
}
