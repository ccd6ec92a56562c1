/** Section 1: Quy mô mạng lưới trường lớp, per cấp học × loại hình (REPORT.md §1). */
import { CATALOG } from '../i18n';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import { firstSheet, guarded, ReportContext, tr } from './context';
import {
  add,
  cellsOf,
  countAtLeast,
  countCell,
  countOf,
  criteriaFor,
  Criterion,
  Figure,
  quotientCell,
  rateCell,
  ratio,
  sumOf,
} from './figures';
import { labelCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { capitalise, countText, fractionWithPercent, partsText, rateSentence } from './narrative';

export const CAP_ORDER = ['MN', 'TH', 'THCS', 'THPT', 'TH-THCS', 'THCS-THPT', 'TH-THCS-THPT', 'GDTX', 'GDCB'];
export const LOAI_ORDER = ['CL', 'NCL', 'DL'];
const COUNT_FIELDS = ['so_lop', 'so_hoc_sinh', 'so_cbql', 'so_gv', 'so_nv', 'hs_2_buoi'] as const;

export function capOf(r: SheetRecord): string {
  const v = r.fields.cap_hoc?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : '?';
}

export function loaiOf(r: SheetRecord): string {
  const v = r.fields.loai_hinh?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : '?';
}

export function capLabel(ctx: Pick<ReportContext, 'lang'>, cap: string): string {
  const key = `report.cap.${cap}`;
  return CATALOG[key] ? tr(ctx, key) : cap === '?' ? tr(ctx, 'report.cap.other') : cap;
}

export function loaiLabel(ctx: Pick<ReportContext, 'lang'>, loai: string): string {
  const key = `report.loai.${loai}`;
  return CATALOG[key] ? tr(ctx, key) : tr(ctx, 'report.loai.other');
}

function ordered(keys: Iterable<string>, order: string[]): string[] {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface ScaleFigures {
  so_truong: Figure;
  so_lop: Figure;
  so_hoc_sinh: Figure;
  so_cbql: Figure;
  so_gv: Figure;
  so_nv: Figure;
  hs_2_buoi: Figure;
  chuan_qg: Figure;
  kdcl: Figure;
  si_so: Figure;
  hai_buoi: Figure;
}

/** The scale figures of a group of QUY_MO rows (whole sheet, one cấp học, or cấp học × loại hình). */
export function scaleFigures(sheet: ParsedSheet, recs: SheetRecord[], crits: Criterion[] | null): ScaleFigures {
  const sums = Object.fromEntries(COUNT_FIELDS.map((f) => [f, sumOf(sheet, recs, f, crits)])) as Record<(typeof COUNT_FIELDS)[number], Figure>;
  const keyField = sheet.columns.ma_truong ? 'ma_truong' : 'ten_truong';
  return {
    so_truong: countOf(sheet, recs, keyField, crits),
    ...sums,
    chuan_qg: countAtLeast(sheet, recs, 'chuan_qg', 1, crits),
    kdcl: countAtLeast(sheet, recs, 'kdcl', 1, crits),
    si_so: ratio(sums.so_hoc_sinh, sums.so_lop),
    hai_buoi: ratio(sums.hs_2_buoi, sums.so_hoc_sinh),
  };
}

function fractionCell(part: Figure, whole: Figure, decimals: number): ReportCell {
  if (part.value === null || whole.value === null) return { text: '–', kind: 'text' };
  return { text: fractionWithPercent(part.value, whole.value, { decimals }), kind: 'text' };
}

function rowCells(ctx: ReportContext, f: ScaleFigures): ReportCell[] {
  const o = { formulas: ctx.formulas, decimals: ctx.settings.ratioDecimals };
  const r = { formulas: ctx.formulas, decimals: ctx.settings.percentDecimals };
  return [
    countCell(f.so_truong, o),
    countCell(f.so_lop, o),
    countCell(f.so_hoc_sinh, o),
    countCell(f.so_cbql, o),
    countCell(f.so_gv, o),
    countCell(f.so_nv, o),
    quotientCell(f.si_so, o),
    rateCell(f.hai_buoi, r),
    fractionCell(f.chuan_qg, f.so_truong, ctx.settings.percentDecimals),
    fractionCell(f.kdcl, f.so_truong, ctx.settings.percentDecimals),
  ];
}

function figureValues(f: ScaleFigures): Record<string, number | null> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
}

const LEVEL_GRADES: Record<string, number[]> = { TH: [1, 2, 3, 4, 5], THCS: [6, 7, 8, 9], THPT: [10, 11, 12] };

/** Multi-level schools whose grades include `level` (TH-THCS-THPT has a TH part). */
function containsLevel(cap: string, level: string): boolean {
  return cap !== level && cap.split('-').includes(level);
}

/**
 * Pupils of one level across single-level and multi-level schools (the latter from their per-grade
 * columns), for one loại hình or all; null when a multi-level school has no per-grade split.
 */
export function levelPupils(sheet: ParsedSheet, level: string, loai: string | null): { fig: Figure; multi: SheetRecord[] } | null {
  const grades = LEVEL_GRADES[level];
  if (!grades) return null;
  const match = (r: SheetRecord) => loai === null || loaiOf(r) === loai;
  const single = sheet.records.filter((r) => capOf(r) === level && match(r));
  const multi = sheet.records.filter((r) => containsLevel(capOf(r), level) && match(r));
  const anyMulti = sheet.records.some((r) => containsLevel(capOf(r), level));
  if (!anyMulti || (!single.length && !multi.length)) return null;
  const gradeFields = grades.map((g) => `hs_lop_${g}`).filter((f) => sheet.columns[f]);
  if (!gradeFields.length) return null;
  const parts: Figure[] = [];
  if (single.length) parts.push(sumOf(sheet, single, 'so_hoc_sinh', criteriaFor(sheet, single, loai === null ? ['cap_hoc'] : ['cap_hoc', 'loai_hinh'])));
  for (const f of gradeFields) parts.push(sumOf(sheet, multi, f, null, true));
  return { fig: add(...parts), multi };
}

export interface ScaleGroups {
  sheet: ParsedSheet;
  caps: string[];
  byCap: Map<string, SheetRecord[]>;
  byCapLoai: Map<string, Map<string, SheetRecord[]>>;
}

export function groupScale(sheet: ParsedSheet): ScaleGroups {
  const byCap = new Map<string, SheetRecord[]>();
  const byCapLoai = new Map<string, Map<string, SheetRecord[]>>();
  for (const r of sheet.records) {
    const cap = capOf(r);
    const loai = loaiOf(r);
    (byCap.get(cap) ?? byCap.set(cap, []).get(cap)!).push(r);
    const m = byCapLoai.get(cap) ?? byCapLoai.set(cap, new Map()).get(cap)!;
    (m.get(loai) ?? m.set(loai, []).get(loai)!).push(r);
  }
  return { sheet, caps: ordered(byCap.keys(), CAP_ORDER), byCap, byCapLoai };
}

export function buildQuyMo(ctx: ReportContext): ReportSection | null {
  const sheet = firstSheet(ctx.wb, 'QUY_MO');
  if (!sheet) return null;
  const sb = new SectionBuilder('quy_mo', tr(ctx, 'report.section.quy_mo'));
  const g = groupScale(sheet);
  const rows: ReportCell[][] = [];
  const totalRows: number[] = [];
  const data: Record<string, Record<string, Record<string, number | null>>> = {};
  const perCap = new Map<string, { all: ScaleFigures; parts: { loai: string; f: ScaleFigures }[] }>();

  for (const cap of g.caps) {
    const capRecs = g.byCap.get(cap)!;
    const loaiMap = g.byCapLoai.get(cap)!;
    const loais = ordered(loaiMap.keys(), LOAI_ORDER);
    const parts: { loai: string; f: ScaleFigures }[] = [];
    data[cap] = {};
    for (const loai of loais) {
      const recs = loaiMap.get(loai)!;
      const f = scaleFigures(sheet, recs, criteriaFor(sheet, recs, ['cap_hoc', 'loai_hinh']));
      parts.push({ loai, f });
      data[cap][loai] = figureValues(f);
      rows.push([labelCell(capLabel(ctx, cap)), labelCell(loaiLabel(ctx, loai)), ...rowCells(ctx, f)]);
    }
    const all = scaleFigures(sheet, capRecs, criteriaFor(sheet, capRecs, ['cap_hoc']));
    data[cap].tong = figureValues(all);
    if (loais.length > 1) {
      totalRows.push(rows.length);
      rows.push([labelCell(tr(ctx, 'report.subtotal', { name: capLabel(ctx, cap) }), true), labelCell(''), ...rowCells(ctx, all)]);
    }
    perCap.set(cap, { all, parts });
  }
  const total = scaleFigures(sheet, sheet.records, null);
  totalRows.push(rows.length);
  rows.push([labelCell(tr(ctx, 'report.total'), true), labelCell(''), ...rowCells(ctx, total)]);
  const levels: Record<string, Record<string, number | null>> = {};
  for (const level of ['TH', 'THCS', 'THPT']) {
    const all = levelPupils(sheet, level, null);
    if (!all) continue;
    levels[level] = { tong: all.fig.value };
    for (const loai of LOAI_ORDER) {
      const lp = levelPupils(sheet, level, loai);
      if (lp) levels[level][loai] = lp.fig.value;
    }
  }
  sb.section.data = { totals: data, total: figureValues(total), pupils_by_level: levels };

  sb.table({
    id: 'quy_mo',
    title: tr(ctx, 'report.quy_mo.table'),
    columns: [
      'report.col.cap_hoc', 'report.col.loai_hinh', 'report.col.so_truong', 'report.col.so_lop', 'report.col.so_hoc_sinh',
      'report.col.so_cbql', 'report.col.so_gv', 'report.col.so_nv', 'report.col.si_so', 'report.col.hai_buoi',
      'report.col.chuan_qg', 'report.col.kdcl',
    ].map((k) => tr(ctx, k)),
    rows,
    totalRows,
  });

  for (const cap of g.caps) {
    const { all, parts } = perCap.get(cap)!;
    for (const p of levelParagraphs(ctx, cap, all, parts, sheet)) sb.paragraph(p);
  }
  return sb.build();
}

function levelParagraphs(ctx: ReportContext, cap: string, all: ScaleFigures, parts: { loai: string; f: ScaleFigures }[], sheet?: ParsedSheet) {
  const o = ctx.narrative;
  const name = capLabel(ctx, cap);
  const lower = ctx.lang === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
  const pupilWord = tr(ctx, cap === 'MN' ? 'report.word.tre' : 'report.word.hoc_sinh');
  const partLabel = (loai: string) => {
    const l = loaiLabel(ctx, loai);
    return ctx.lang === 'vi' ? l.toLocaleLowerCase('vi') : l;
  };
  const out = [];

  const byLevel = sheet ? levelPupils(sheet, cap, null) : null;
  const levelLoais = byLevel && sheet ? ordered(sheet.records.filter((r) => capOf(r) === cap || containsLevel(capOf(r), cap)).map(loaiOf), LOAI_ORDER) : [];
  const levelParts = sheet ? levelLoais.map((loai) => ({ loai, lp: levelPupils(sheet, cap, loai) })) : [];
  out.push(
    guarded(ctx, name, cellsOf(all.so_truong, byLevel?.fig ?? all.so_hoc_sinh), () => {
      if (all.so_truong.value === null || all.so_hoc_sinh.value === null) return null;
      const schoolUnit = tr(ctx, parts.some((p) => p.loai === 'DL') ? 'report.word.co_so' : 'report.word.truong');
      const schools =
        (parts.length > 1 ? partsText(all.so_truong.value, schoolUnit, parts.map((p) => ({ label: partLabel(p.loai), value: p.f.so_truong.value ?? 0 })), o) : null) ??
        `${countText(all.so_truong.value, o)} ${schoolUnit}`;
      if (byLevel && byLevel.fig.value !== null) {
        // Multi-level schools add their pupils of this level (seed 000: 48.112 tiểu học incl. one all-through school).
        const known = levelParts.every((p) => p.lp?.fig.value !== null && p.lp?.fig.value !== undefined);
        const pupils =
          (levelParts.length > 1 && known ? partsText(byLevel.fig.value, pupilWord, levelParts.map((p) => ({ label: partLabel(p.loai), value: p.lp!.fig.value as number })), o) : null) ??
          `${countText(byLevel.fig.value, o)} ${pupilWord}`;
        const multi = countText(byLevel.multi.length, o);
        return ctx.lang === 'vi'
          ? `${name} có ${schools}, ngoài ra có ${multi} trường nhiều cấp học có cấp ${lower}; tổng số ${pupilWord} ${lower} là ${pupils}.`
          : `${name}: ${schools}, plus ${multi} multi-level schools with ${lower} grades; ${pupils} in total.`;
      }
      const known = parts.every((p) => p.f.so_hoc_sinh.value !== null);
      const pupils =
        (parts.length > 1 && known ? partsText(all.so_hoc_sinh.value, pupilWord, parts.map((p) => ({ label: partLabel(p.loai), value: p.f.so_hoc_sinh.value as number })), o) : null) ??
        `${countText(all.so_hoc_sinh.value, o)} ${pupilWord}`;
      return ctx.lang === 'vi'
        ? `${name} có ${schools}, tổng số ${pupilWord} là ${pupils}.`
        : `${name}: ${schools}; ${pupils} in total.`;
    }),
  );

  out.push(
    guarded(ctx, name, cellsOf(all.so_hoc_sinh, all.so_lop), () => {
      const { value } = all.si_so;
      if (value === null || all.so_hoc_sinh.value === null || all.so_lop.value === null) return null;
      return tr(ctx, 'report.quy_mo.class_size', {
        cap: lower,
        unit: pupilWord,
        v: quotientCell(all.si_so, { decimals: ctx.settings.ratioDecimals }).text,
        pupils: countText(all.so_hoc_sinh.value, { leadingZero: false }),
        classes: countText(all.so_lop.value, { leadingZero: false }),
      });
    }),
  );

  out.push(
    guarded(ctx, name, cellsOf(all.hs_2_buoi, all.so_hoc_sinh), () => {
      if (all.hs_2_buoi.value === null || all.so_hoc_sinh.value === null) return null;
      const s = rateSentence(
        ctx.lang === 'vi' ? `${pupilWord} ${lower} học 02 buổi/ngày` : `two sessions a day, ${lower}`,
        all.hs_2_buoi.value,
        all.so_hoc_sinh.value,
        { ...o, decimals: ctx.settings.percentDecimals },
      );
      return s ? s + '.' : null;
    }),
  );

  out.push(
    guarded(ctx, name, cellsOf(all.chuan_qg, all.kdcl), () => {
      if (all.chuan_qg.value === null || all.kdcl.value === null || all.so_truong.value === null) return null;
      const schoolUnit = tr(ctx, 'report.word.truong');
      const qgParts = parts.length > 1 ? partsText(all.chuan_qg.value, schoolUnit, parts.map((p) => ({ label: partLabel(p.loai), value: p.f.chuan_qg.value ?? 0 })), o) : null;
      const kd = parts
        .filter((p) => p.f.so_truong.value)
        .map((p) => `${fractionWithPercent(p.f.kdcl.value ?? 0, p.f.so_truong.value as number, { decimals: ctx.settings.percentDecimals, leadingZero: o.leadingZero })} ${schoolUnit} ${partLabel(p.loai)}`)
        .join(', ');
      return capitalise(
        tr(ctx, 'report.quy_mo.chuan_qg', {
          cap: lower,
          n: qgParts ?? `${countText(all.chuan_qg.value, o)} ${schoolUnit}`,
          kd,
        }),
      );
    }),
  );
  return out;
}
