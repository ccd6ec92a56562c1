/** Section 1: Quy mô mạng lưới trường lớp, per cấp học × loại hình (REPORT.md §1). */
import { CATALOG } from '../i18n';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import { catalogHeader, tableOf } from './columns';
import type { ColumnSpec } from './columns';
import { addTable, firstSheet, guarded, omitFamily, ReportContext, tr } from './context';
import {
  add,
  anyPartial,
  cellsOf,
  constant,
  countAtLeast,
  countCell,
  criteriaFor,
  Criterion,
  Figure,
  quotientCell,
  rateCell,
  ratio,
  schoolsAtLeast,
  schoolsOf,
  sumOf,
} from './figures';
import { labelCell, missingCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { capitalise, countText, fractionText, partsText, percentText, rateSentence } from './narrative';

export const CAP_ORDER = ['MN', 'TH', 'THCS', 'THPT', 'TH-THCS', 'THCS-THPT', 'TH-THCS-THPT', 'GDTX', 'GDCB'];
export const LOAI_ORDER = ['CL', 'NCL', 'DL'];
/** Schools teaching several levels: their pupils are split by grade into the levels they teach. */
export const MULTI_CAPS = ['TH-THCS', 'THCS-THPT', 'TH-THCS-THPT'];
/** Centres and special schools: one sentence naming them (seed 000 §I.4). */
const OTHER_CAPS = ['GDTX', 'GDCB'];
/** Levels where "học 02 buổi/ngày" is not a thing (continuing education runs courses, not school days). */
const NO_TWO_SESSIONS = ['GDTX'];
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

/** "Tiểu học" → "tiểu học"; acronyms after the first letter are kept ("liên cấp THCS-THPT"). */
export function lowerFirst(ctx: Pick<ReportContext, 'lang'>, s: string): string {
  return ctx.lang === 'vi' ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
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
  /** Schools that can be recognised (nhóm, lớp độc lập cannot): the denominator of chuẩn/kiểm định. */
  truong: Figure;
  chuan_qg: Figure;
  kdcl: Figure;
  si_so: Figure;
  hai_buoi: Figure;
}

/** The scale figures of a group of QUY_MO rows (whole sheet, one cấp học, or cấp học × loại hình). */
export function scaleFigures(sheet: ParsedSheet, recs: SheetRecord[], crits: Criterion[] | null): ScaleFigures {
  const sums = Object.fromEntries(COUNT_FIELDS.map((f) => [f, sumOf(sheet, recs, f, crits)])) as Record<(typeof COUNT_FIELDS)[number], Figure>;
  const keyField = sheet.columns.ma_truong ? 'ma_truong' : 'ten_truong';
  const schools = recs.filter((r) => loaiOf(r) !== 'DL');
  const allSchools = schools.length === recs.length;
  const sc = allSchools ? crits : null;
  return {
    so_truong: schoolsOf(sheet, recs, keyField, crits),
    ...sums,
    truong: allSchools ? schoolsOf(sheet, recs, keyField, crits) : schoolsOf(sheet, schools, keyField, null),
    chuan_qg: schools.length ? schoolsAtLeast(sheet, schools, 'chuan_qg', 'so_truong_chuan_qg', sc) : constant(0),
    kdcl: schools.length ? schoolsAtLeast(sheet, schools, 'kdcl', 'so_truong_kdcl', sc) : constant(0),
    si_so: ratio(sums.so_hoc_sinh, sums.so_lop),
    hai_buoi: ratio(sums.hs_2_buoi, sums.so_hoc_sinh),
  };
}

const LEVEL_GRADES: Record<string, number[]> = { TH: [1, 2, 3, 4, 5], THCS: [6, 7, 8, 9], THPT: [10, 11, 12] };

/** Multi-level schools whose grades include `level` (TH-THCS-THPT has a TH part). */
function containsLevel(cap: string, level: string): boolean {
  return cap !== level && cap.split('-').includes(level);
}

/** The share of one level in some multi-level schools, from their per-grade columns. */
export interface LevelShare {
  recs: SheetRecord[];
  schools: Figure;
  /** null when a school gives no pupil of this level in its grade columns (no split). */
  pupils: Figure;
  /** Pupils of this level on two sessions: known when each school has all or none of its pupils on two sessions. */
  twoSessions: Figure;
}

function levelShare(sheet: ParsedSheet, level: string, recs: SheetRecord[]): LevelShare {
  const keyField = sheet.columns.ma_truong ? 'ma_truong' : 'ten_truong';
  const grades = (LEVEL_GRADES[level] ?? []).map((g) => `hs_lop_${g}`).filter((f) => sheet.columns[f]);
  const schools = schoolsOf(sheet, recs, keyField, null);
  const split = (r: SheetRecord) => grades.some((g) => typeof r.fields[g]?.value === 'number');
  if (!grades.length || !recs.length || !recs.every(split)) {
    return { recs, schools, pupils: { value: null, expr: null, cells: [] }, twoSessions: { value: null, expr: null, cells: [] } };
  }
  const pupilsOf = (rs: SheetRecord[]) => add(...grades.map((g) => sumOf(sheet, rs, g, null, true)));
  const pupils = pupilsOf(recs);
  const all: SheetRecord[] = [];
  let known = true;
  for (const r of recs) {
    const two = r.fields.hs_2_buoi?.value;
    const total = r.fields.so_hoc_sinh?.value;
    if (typeof two !== 'number' || typeof total !== 'number') known = false;
    else if (two === total && two > 0) all.push(r);
    else if (two !== 0) known = false;
  }
  const cells = cellsOf(...recs.map((r) => sumOf(sheet, [r], 'hs_2_buoi')), ...recs.map((r) => sumOf(sheet, [r], 'so_hoc_sinh')));
  const twoSessions: Figure = !known ? { value: null, expr: null, cells } : all.length ? { ...pupilsOf(all), cells: [...pupilsOf(all).cells, ...cells] } : { ...constant(0), cells };
  return { recs, schools, pupils, twoSessions };
}

/**
 * Pupils of one level across single-level and multi-level schools (the latter from their per-grade
 * columns), for one loại hình or all; null when no multi-level school teaches this level.
 */
export function levelPupils(sheet: ParsedSheet, level: string, loai: string | null): { fig: Figure; multi: SheetRecord[] } | null {
  if (!LEVEL_GRADES[level]) return null;
  const match = (r: SheetRecord) => loai === null || loaiOf(r) === loai;
  const single = sheet.records.filter((r) => capOf(r) === level && match(r));
  const multi = sheet.records.filter((r) => containsLevel(capOf(r), level) && match(r));
  const anyMulti = sheet.records.some((r) => containsLevel(capOf(r), level));
  if (!anyMulti || (!single.length && !multi.length)) return null;
  const parts: Figure[] = [];
  if (single.length) parts.push(sumOf(sheet, single, 'so_hoc_sinh', criteriaFor(sheet, single, loai === null ? ['cap_hoc'] : ['cap_hoc', 'loai_hinh'])));
  if (multi.length) parts.push(levelShare(sheet, level, multi).pupils);
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

function fractionCell(part: Figure, whole: Figure, decimals: number): ReportCell {
  if (part.value === null || whole.value === null || whole.value === 0) return missingCell();
  const p = percentText(part.value, whole.value, decimals);
  return { text: `${fractionText(part.value, whole.value)}${p ? ` (${p})` : ''}`, kind: 'text' };
}

/** A row of the quy mô table: its labels and the figures it has (a figure it lacks is a dash). */
export interface QuyMoRow {
  label: ReportCell;
  loai: ReportCell;
  cap: string;
  fig: Partial<ScaleFigures>;
}

type QuyMoColumn = ColumnSpec<QuyMoRow, ReportContext>;

/** A count column of the quy mô table. */
function countColumn(key: keyof ScaleFigures): QuyMoColumn {
  return { key, header: catalogHeader(`report.col.${key}`), cell: (r, ctx) => r.fig[key] && countCell(r.fig[key]!, { formulas: ctx.formulas, decimals: ctx.settings.ratioDecimals }) };
}

/** The columns of the quy mô table, in order (REPORT.md §1). */
export const QUY_MO_COLUMNS: QuyMoColumn[] = [
  { key: 'cap_hoc', header: catalogHeader('report.col.cap_hoc'), cell: (r) => r.label },
  { key: 'loai_hinh', header: catalogHeader('report.col.loai_hinh'), cell: (r) => r.loai },
  countColumn('so_truong'),
  countColumn('so_lop'),
  countColumn('so_hoc_sinh'),
  countColumn('so_cbql'),
  countColumn('so_gv'),
  countColumn('so_nv'),
  { key: 'si_so', header: catalogHeader('report.col.si_so'), cell: (r, ctx) => r.fig.si_so && quotientCell(r.fig.si_so, { formulas: ctx.formulas, decimals: ctx.settings.ratioDecimals }) },
  {
    key: 'hai_buoi',
    header: catalogHeader('report.col.hai_buoi'),
    cell: (r, ctx) => r.fig.hai_buoi && (NO_TWO_SESSIONS.includes(r.cap) ? missingCell() : rateCell(r.fig.hai_buoi, { formulas: ctx.formulas, decimals: ctx.settings.percentDecimals })),
  },
  { key: 'chuan_qg', header: catalogHeader('report.col.chuan_qg'), cell: (r, ctx) => r.fig.chuan_qg && r.fig.truong && fractionCell(r.fig.chuan_qg, r.fig.truong, ctx.settings.percentDecimals) },
  { key: 'kdcl', header: catalogHeader('report.col.kdcl'), cell: (r, ctx) => r.fig.kdcl && r.fig.truong && fractionCell(r.fig.kdcl, r.fig.truong, ctx.settings.percentDecimals) },
];

function figureValues(f: ScaleFigures): Record<string, number | null> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
}

/** One level (MN, TH, THCS, THPT or another single cấp): its schools by loại hình and, for TH/THCS/THPT, the multi-level schools' share. */
interface LevelBlock {
  cap: string;
  all: ScaleFigures;
  parts: { loai: string; f: ScaleFigures }[];
  shares: { loai: string; s: LevelShare }[];
  /** Pupils of the level including the shares (null without shares). */
  levelPupils: Figure | null;
  levelPupilsByLoai: { loai: string; fig: Figure }[];
  levelTwoSessions: Figure | null;
}

export function buildQuyMo(ctx: ReportContext): ReportSection | null {
  const sheet = firstSheet(ctx.wb, 'QUY_MO');
  if (!sheet) return null;
  const sb = new SectionBuilder('quy_mo', tr(ctx, 'report.section.quy_mo'));
  const g = groupScale(sheet);
  const rows: QuyMoRow[] = [];
  const totalRows: number[] = [];
  const data: Record<string, Record<string, Record<string, number | null>>> = {};
  const blocks = new Map<string, LevelBlock>();
  const levels: Record<string, Record<string, number | null>> = {};
  let hasShares = false;

  const subtotal = (label: string, f: ScaleFigures, cap: string) => {
    totalRows.push(rows.length);
    rows.push({ label: labelCell(label, true), loai: labelCell(''), cap, fig: f });
  };
  const multiCaps = g.caps.filter((c) => MULTI_CAPS.includes(c));

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
      rows.push({ label: labelCell(capLabel(ctx, cap)), loai: labelCell(loaiLabel(ctx, loai)), cap, fig: f });
    }
    const all = scaleFigures(sheet, capRecs, criteriaFor(sheet, capRecs, ['cap_hoc']));
    data[cap].tong = figureValues(all);
    const name = capLabel(ctx, cap);
    const multiRecs = LEVEL_GRADES[cap] ? sheet.records.filter((x) => containsLevel(capOf(x), cap)) : [];
    if (loais.length > 1) subtotal(tr(ctx, multiRecs.length ? 'report.quy_mo.subtotal_single' : 'report.subtotal', { name: multiRecs.length ? lowerFirst(ctx, name) : name }), all, cap);
    const block: LevelBlock = { cap, all, parts, shares: [], levelPupils: null, levelPupilsByLoai: [], levelTwoSessions: null };
    if (multiRecs.length) {
      hasShares = true;
      for (const loai of ordered(multiRecs.map(loaiOf), LOAI_ORDER)) {
        const s = levelShare(sheet, cap, multiRecs.filter((x) => loaiOf(x) === loai));
        block.shares.push({ loai, s });
        rows.push({
          label: labelCell(tr(ctx, 'report.quy_mo.share_row', { cap: lowerFirst(ctx, name) })),
          loai: labelCell(loaiLabel(ctx, loai)),
          cap,
          fig: { so_truong: s.schools, so_hoc_sinh: s.pupils, hai_buoi: ratio(s.twoSessions, s.pupils) },
        });
      }
      block.levelPupils = add(all.so_hoc_sinh, ...block.shares.map((x) => x.s.pupils));
      block.levelTwoSessions = add(all.hs_2_buoi, ...block.shares.map((x) => x.s.twoSessions));
      for (const loai of ordered([...loais, ...block.shares.map((x) => x.loai)], LOAI_ORDER)) {
        const p = parts.find((x) => x.loai === loai);
        const sh = block.shares.find((x) => x.loai === loai);
        block.levelPupilsByLoai.push({ loai, fig: add(...(p ? [p.f.so_hoc_sinh] : []), ...(sh ? [sh.s.pupils] : [])) });
      }
      const schools = add(all.so_truong, ...block.shares.map((x) => x.s.schools));
      totalRows.push(rows.length);
      rows.push({
        label: labelCell(tr(ctx, 'report.quy_mo.level_total', { name }), true),
        loai: labelCell(''),
        cap,
        fig: { so_truong: schools, so_hoc_sinh: block.levelPupils, hai_buoi: ratio(block.levelTwoSessions, block.levelPupils) },
      });
      levels[cap] = { tong: block.levelPupils.value, ...Object.fromEntries(block.levelPupilsByLoai.map((x) => [x.loai, x.fig.value])) };
    }
    blocks.set(cap, block);
    if (multiCaps.length > 1 && cap === multiCaps[multiCaps.length - 1]) {
      const recs = sheet.records.filter((x) => MULTI_CAPS.includes(capOf(x)));
      subtotal(tr(ctx, 'report.quy_mo.subtotal_multi'), scaleFigures(sheet, recs, null), cap);
    }
  }
  const total = scaleFigures(sheet, sheet.records, null);
  totalRows.push(rows.length);
  // Across levels only counts add up: an average class size or a two-session share of preschool,
  // primary and secondary together means nothing, so the unit's row leaves them out (a dash).
  const { si_so: _siSo, hai_buoi: _haiBuoi, ...totalCounts } = total;
  rows.push({ label: labelCell(tr(ctx, 'report.total'), true), loai: labelCell(''), cap: '', fig: totalCounts });
  sb.section.data = { totals: data, total: figureValues(total), pupils_by_level: levels };

  addTable(ctx, sb, tableOf(QUY_MO_COLUMNS, rows, ctx, { id: 'quy_mo', title: tr(ctx, 'report.quy_mo.table'), totalRows }));
  if (hasShares) sb.paragraph({ text: tr(ctx, 'report.quy_mo.share_note'), kind: 'note' });

  for (const cap of g.caps) {
    if (MULTI_CAPS.includes(cap) || OTHER_CAPS.includes(cap)) continue;
    for (const p of levelParagraphs(ctx, blocks.get(cap)!)) sb.paragraph(p);
  }
  const multi = g.caps.filter((c) => MULTI_CAPS.includes(c));
  if (multi.length) sb.paragraph(groupParagraph(ctx, sheet, g, multi, 'multi'));
  const other = g.caps.filter((c) => OTHER_CAPS.includes(c));
  if (other.length) sb.paragraph(groupParagraph(ctx, sheet, g, other, 'other'));
  sb.paragraph(standardsOfUnit(ctx, sheet, g));
  sb.paragraph(roomsParagraph(ctx, sheet, g));
  return sb.build();
}

/**
 * Chuẩn quốc gia for the whole unit across its levels, by sector, in seed 000's words ("trường công
 * lập đạt 18/23 trường, 15/43 trường ngoài công lập"), and the schools at mức độ 2. Schools only (nhóm,
 * lớp độc lập are not recognised) of the levels that have a national standard (TT 17/18/19-2018, TT
 * 13/2018 for multi-level schools): continuing-education centres and special schools are left out.
 */
function standardsOfUnit(ctx: ReportContext, sheet: ParsedSheet, g: ScaleGroups) {
  if (!sheet.columns.chuan_qg && !sheet.columns.so_truong_chuan_qg) {
    omitFamily(ctx, 'quy_mo', 'chuan_qg_toan_don_vi', 'QUY_MO', ['chuan_qg']);
    return null;
  }
  const caps = g.caps.filter((c) => !OTHER_CAPS.includes(c) && c !== '?');
  const recs = caps.flatMap((c) => g.byCap.get(c)!).filter((r) => loaiOf(r) !== 'DL');
  // One level alone: its own sentence above already says it all.
  if (caps.length < 2 || !recs.length) return null;
  const loais = ordered(recs.map(loaiOf), LOAI_ORDER);
  const whole = scaleFigures(sheet, recs, null);
  const parts = loais.map((loai) => ({ loai, f: scaleFigures(sheet, recs.filter((r) => loaiOf(r) === loai), null) }));
  const aggregated = sheet.columns.so_truong && recs.some((r) => typeof r.fields.so_truong?.value === 'number');
  // Mức độ 2 is read from each school's level; an aggregated row gives no level split.
  const level2 = aggregated || !sheet.columns.chuan_qg ? null : countAtLeast(sheet, recs, 'chuan_qg', 2);
  const topic = tr(ctx, 'report.family.chuan_qg_toan_don_vi');
  return guarded(ctx, topic, cellsOf(whole.chuan_qg, whole.truong, ...(level2 ? [level2] : [])), () => {
    const n = whole.chuan_qg.value;
    const den = whole.truong.value;
    if (n === null || den === null || !(den > 0) || parts.some((p) => p.f.chuan_qg.value === null || p.f.truong.value === null)) return null;
    const o = ctx.narrative;
    const school = tr(ctx, 'report.word.truong');
    const items = parts.map((p, i) => {
      const frac = fractionText(p.f.chuan_qg.value as number, p.f.truong.value as number, o.leadingZero);
      const loai = lowerFirst(ctx, loaiLabel(ctx, p.loai));
      // "trường công lập đạt 18/23 trường, 15/43 trường ngoài công lập" (seed 000 §I.5)
      return tr(ctx, i === 0 ? 'report.quy_mo.unit_qg_first' : 'report.quy_mo.unit_qg_item', { frac, school, loai });
    });
    const level2Text =
      level2 && level2.value !== null
        ? level2.value > 0
          ? tr(ctx, 'report.quy_mo.unit_qg_level2', { n: countText(level2.value, o) })
          : tr(ctx, 'report.quy_mo.unit_qg_level2_none')
        : '';
    return tr(ctx, 'report.quy_mo.unit_qg', {
      frac: fractionText(n, den, o.leadingZero),
      p: percentText(n, den, ctx.settings.percentDecimals)!,
      detail: parts.length > 1 ? tr(ctx, 'report.quy_mo.unit_qg_detail', { list: items.join(', ') }) : '',
      level2: level2Text,
    });
  });
}

/** Classrooms (so_phong_hoc): the total, by level, and rooms per class. */
function roomsParagraph(ctx: ReportContext, sheet: ParsedSheet, g: ScaleGroups) {
  if (!sheet.columns.so_phong_hoc) {
    omitFamily(ctx, 'quy_mo', 'phong_hoc', 'QUY_MO', ['so_phong_hoc']);
    return null;
  }
  const rooms = sumOf(sheet, sheet.records, 'so_phong_hoc');
  const classes = sumOf(sheet, sheet.records, 'so_lop');
  const byCap = g.caps.map((cap) => ({ cap, fig: sumOf(sheet, g.byCap.get(cap)!, 'so_phong_hoc', criteriaFor(sheet, g.byCap.get(cap)!, ['cap_hoc'])) }));
  return guarded(ctx, tr(ctx, 'report.family.phong_hoc'), cellsOf(rooms, classes), () => {
    // A school that left its rooms blank makes the total unknown: no sentence rather than a short one.
    if (rooms.value === null || anyPartial(rooms) || byCap.some((x) => x.fig.value === null)) return null;
    const o = ctx.narrative;
    const word = tr(ctx, 'report.word.phong');
    const parts = byCap.length > 1 ? partsText(rooms.value, word, byCap.map((x) => ({ label: lowerFirst(ctx, capLabel(ctx, x.cap)), value: x.fig.value as number })), o) : null;
    const total = parts ?? `${countText(rooms.value, o)} ${word}`;
    const perClass =
      classes.value !== null && classes.value > 0 && !anyPartial(classes)
        ? tr(ctx, 'report.quy_mo.rooms_per_class', { v: quotientCell(ratio(rooms, classes), { decimals: ctx.settings.ratioDecimals }).text, rooms: countText(rooms.value, { leadingZero: false }), classes: countText(classes.value, { leadingZero: false }) })
        : '';
    return tr(ctx, 'report.quy_mo.rooms', { total, perClass });
  });
}

function pupilWordOf(ctx: ReportContext, cap: string): string {
  return tr(ctx, cap === 'MN' ? 'report.word.tre' : cap === 'GDTX' ? 'report.word.hoc_vien' : 'report.word.hoc_sinh');
}

/** "24 trường công lập và 06 trường ngoài công lập"; DL facilities are nhóm, lớp, never "trường". */
function schoolList(ctx: ReportContext, parts: { loai: string; n: number }[]): string {
  const items = parts
    .filter((p) => p.n > 0)
    .map((p) => tr(ctx, p.loai === 'DL' ? 'report.quy_mo.list_dl' : 'report.quy_mo.list_item', { n: countText(p.n, ctx.narrative), loai: lowerFirst(ctx, loaiLabel(ctx, p.loai)) }));
  return joinList(ctx, items);
}

/** "a, b và c" / "a, b and c". */
export function joinList(ctx: Pick<ReportContext, 'lang'>, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${tr(ctx, 'report.word.va')} ${items[items.length - 1]}`;
}

/** "100% học sinh tiểu học học 02 buổi/ngày" / "Chưa có …" / "Tỷ lệ … đạt p (x/y)". */
function twoSessionsSentence(ctx: ReportContext, who: string, num: number, den: number, word: string): string | null {
  if (!(den > 0)) return null;
  if (num === den) return tr(ctx, 'report.quy_mo.two_all', { who, n: countText(den, { leadingZero: false }), word });
  if (num === 0) return tr(ctx, 'report.quy_mo.two_none', { who });
  const s = rateSentence(tr(ctx, 'report.quy_mo.two_metric', { who }), num, den, { ...ctx.narrative, decimals: ctx.settings.percentDecimals });
  return s ? s + '.' : null;
}

function levelParagraphs(ctx: ReportContext, b: LevelBlock) {
  const { cap, all, parts, shares } = b;
  const o = ctx.narrative;
  const name = capLabel(ctx, cap);
  const lower = lowerFirst(ctx, name);
  const pupilWord = pupilWordOf(ctx, cap);
  const partLabel = (loai: string) => lowerFirst(ctx, loaiLabel(ctx, loai));
  const out = [];
  const shareSchools = shares.reduce((n, x) => n + (x.s.schools.value ?? 0), 0);
  const pupilsFig = b.levelPupils ?? all.so_hoc_sinh;

  out.push(
    guarded(ctx, name, cellsOf(all.so_truong, pupilsFig), () => {
      if (all.so_truong.value === null || pupilsFig.value === null || anyPartial(pupilsFig)) return null;
      const unit = tr(ctx, parts.some((p) => p.loai === 'DL') ? 'report.word.co_so' : 'report.word.truong');
      const list = schoolList(ctx, parts.map((p) => ({ loai: p.loai, n: p.f.so_truong.value ?? 0 })));
      const schools =
        parts.length > 1 || parts.some((p) => p.loai === 'DL')
          ? `${countText(all.so_truong.value, o)} ${unit} (${list})`
          : list || `${countText(all.so_truong.value, o)} ${unit}`;
      const byLoai = b.levelPupils ? b.levelPupilsByLoai.map((x) => ({ loai: x.loai, fig: x.fig })) : parts.map((p) => ({ loai: p.loai, fig: p.f.so_hoc_sinh }));
      const known = byLoai.every((x) => x.fig.value !== null);
      const pupils =
        (byLoai.length > 1 && known ? partsText(pupilsFig.value, pupilWord, byLoai.map((x) => ({ label: partLabel(x.loai), value: x.fig.value as number })), o) : null) ??
        `${countText(pupilsFig.value, o)} ${pupilWord}`;
      const extra = shareSchools > 0 ? tr(ctx, 'report.quy_mo.plus_multi', { n: countText(shareSchools, o), cap: lower }) : '';
      return tr(ctx, 'report.quy_mo.scale', { name, schools, extra, word: pupilWord, cap: lower, pupils });
    }),
  );

  out.push(
    guarded(ctx, name, cellsOf(all.so_hoc_sinh, all.so_lop), () => {
      if (all.si_so.value === null || all.so_hoc_sinh.value === null || all.so_lop.value === null || anyPartial(all.si_so)) return null;
      // The multi-level schools' classes are not split by level: the average covers the single-level schools.
      return tr(ctx, shares.length ? 'report.quy_mo.class_size_single' : 'report.quy_mo.class_size', {
        cap: lower,
        unit: pupilWord,
        v: quotientCell(all.si_so, { decimals: ctx.settings.ratioDecimals }).text,
        pupils: countText(all.so_hoc_sinh.value, { leadingZero: false }),
        classes: countText(all.so_lop.value, { leadingZero: false }),
      });
    }),
  );

  if (!NO_TWO_SESSIONS.includes(cap)) {
    const withShares = b.levelTwoSessions && b.levelTwoSessions.value !== null && b.levelPupils?.value != null;
    const num = withShares ? b.levelTwoSessions! : all.hs_2_buoi;
    const den = withShares ? b.levelPupils! : all.so_hoc_sinh;
    out.push(
      guarded(ctx, name, cellsOf(num, den), () => {
        if (num.value === null || den.value === null || anyPartial(num, den)) return null;
        const who = tr(ctx, shares.length && !withShares ? 'report.quy_mo.single_schools' : 'report.quy_mo.who', { word: pupilWord, cap: lower });
        return twoSessionsSentence(ctx, who, num.value, den.value, pupilWord);
      }),
    );
  }

  const recognised = parts.filter((p) => p.loai !== 'DL');
  if (recognised.length) {
    out.push(
      guarded(ctx, name, cellsOf(all.chuan_qg, all.kdcl), () => {
        // Aggregated rows may give the schools at chuẩn quốc gia and not the accredited ones (or the reverse).
        if (all.chuan_qg.value === null && all.kdcl.value === null) return null;
        return capitalise(standardsText(ctx, lower, all, recognised));
      }),
    );
  }
  return out;
}

/** Chuẩn quốc gia and kiểm định of one level in the seeds' words; zero is "chưa có", never "0 trường". */
function standardsText(ctx: ReportContext, lower: string, all: ScaleFigures, parts: { loai: string; f: ScaleFigures }[]): string {
  const o = ctx.narrative;
  const school = tr(ctx, 'report.word.truong');
  const item = (n: string, loai: string) => tr(ctx, 'report.quy_mo.list_item', { n, loai: lowerFirst(ctx, loaiLabel(ctx, loai)) });
  const qg = all.chuan_qg.value ?? 0;
  const kd = all.kdcl.value ?? 0;
  let first: string;
  if (all.chuan_qg.value === null) first = '';
  else if (qg === 0) first = tr(ctx, 'report.quy_mo.qg_none', { cap: lower });
  else {
    const nonZero = parts.filter((p) => (p.f.chuan_qg.value ?? 0) > 0);
    const detail =
      nonZero.length === 1
        ? item(countText(qg, o), nonZero[0].loai)
        : `${countText(qg, o)} ${school} (${joinList(ctx, nonZero.map((p) => item(countText(p.f.chuan_qg.value ?? 0, o), p.loai)))})`;
    first = tr(ctx, 'report.quy_mo.qg', { cap: lower, detail });
  }
  let second: string;
  if (all.kdcl.value === null) second = '';
  else if (kd === 0) second = tr(ctx, 'report.quy_mo.kd_none');
  else {
    const each = parts
      .filter((p) => (p.f.truong.value ?? 0) > 0 && (p.f.kdcl.value ?? 0) > 0)
      .map((p) => item(fractionText(p.f.kdcl.value ?? 0, p.f.truong.value as number, o.leadingZero), p.loai));
    second = parts.length > 1 || each.length !== 1 ? tr(ctx, 'report.quy_mo.kd', { n: countText(kd, o), detail: ` (${each.join(', ')})` }) : tr(ctx, 'report.quy_mo.kd_one', { detail: each[0] });
  }
  return `${[first, second].filter(Boolean).join('; ')}.`;
}

/**
 * One sentence for a group of levels with few schools each: the multi-level schools, or the centres
 * and special schools (named when there are at most three, as seed 000 §I.4 does).
 */
function groupParagraph(ctx: ReportContext, sheet: ParsedSheet, g: ScaleGroups, caps: string[], kind: 'multi' | 'other') {
  const recs = caps.flatMap((c) => g.byCap.get(c)!);
  const f = scaleFigures(sheet, recs, null);
  const topic = tr(ctx, `report.quy_mo.group_${kind}`);
  return guarded(ctx, topic, cellsOf(f.so_truong, f.so_lop, f.so_hoc_sinh, f.hs_2_buoi), () => {
    const o = ctx.narrative;
    if (kind === 'other') {
      const items: string[] = [];
      for (const cap of caps) {
        const cr = g.byCap.get(cap)!;
        const cf = scaleFigures(sheet, cr, null);
        const word = pupilWordOf(ctx, cap);
        const named = cr.length <= 3 && !cr.some((x) => typeof x.fields.so_truong?.value === 'number' && x.fields.so_truong.value > 1) && cr.every((x) => typeof x.fields.ten_truong?.value === 'string' && (x.fields.ten_truong.value as string).trim());
        if (named) {
          for (const x of cr) {
            const one = scaleFigures(sheet, [x], null);
            if (one.so_lop.value === null || one.so_hoc_sinh.value === null) return null;
            items.push(tr(ctx, 'report.quy_mo.unit_item', { name: (x.fields.ten_truong!.value as string).trim(), classes: countText(one.so_lop.value, { leadingZero: false }), pupils: countText(one.so_hoc_sinh.value, { leadingZero: false }), word }));
          }
        } else {
          if (cf.so_lop.value === null || cf.so_hoc_sinh.value === null || anyPartial(cf.so_lop, cf.so_hoc_sinh)) return null;
          items.push(tr(ctx, 'report.quy_mo.cap_item', { n: countText(cf.so_truong.value ?? cr.length, o), cap: lowerFirst(ctx, capLabel(ctx, cap)), classes: countText(cf.so_lop.value, { leadingZero: false }), pupils: countText(cf.so_hoc_sinh.value, { leadingZero: false }), word }));
        }
      }
      const heading = capitalise(joinList(ctx, caps.map((c) => lowerFirst(ctx, capLabel(ctx, c)))));
      return tr(ctx, 'report.quy_mo.other_sentence', { heading, n: countText(f.so_truong.value ?? recs.length, o), list: items.join('; ') });
    }
    if (f.so_lop.value === null || f.so_hoc_sinh.value === null || anyPartial(f.so_lop, f.so_hoc_sinh)) return null;
    const loais = ordered(recs.map(loaiOf), LOAI_ORDER);
    const byCap = caps.map((c) => tr(ctx, 'report.quy_mo.list_item', { n: countText(scaleFigures(sheet, g.byCap.get(c)!, null).so_truong.value ?? g.byCap.get(c)!.length, o), loai: lowerFirst(ctx, capLabel(ctx, c)) }));
    const loaiText = loais.length === 1 ? ` ${lowerFirst(ctx, loaiLabel(ctx, loais[0]))}` : '';
    const schools = caps.length > 1 ? `${countText(f.so_truong.value ?? recs.length, o)} ${tr(ctx, 'report.word.truong')}${loaiText} (${joinList(ctx, byCap)})` : `${byCap[0]}${loaiText}`;
    const clauses: string[] = [];
    if (f.hs_2_buoi.value !== null && !anyPartial(f.hs_2_buoi)) {
      const s = twoSessionsSentence(ctx, tr(ctx, 'report.word.hoc_sinh'), f.hs_2_buoi.value, f.so_hoc_sinh.value, tr(ctx, 'report.word.hoc_sinh'));
      if (s) clauses.push(lowerFirst(ctx, s.replace(/\.$/, '')));
    }
    const recognised = ordered(recs.map(loaiOf), LOAI_ORDER)
      .filter((l) => l !== 'DL')
      .map((loai) => ({ loai, f: scaleFigures(sheet, recs.filter((x) => loaiOf(x) === loai), null) }));
    if (recognised.length && f.chuan_qg.value !== null && f.kdcl.value !== null) {
      const qg = f.chuan_qg.value;
      const kd = f.kdcl.value;
      if (qg === 0 && kd === 0) clauses.push(tr(ctx, 'report.quy_mo.qg_kd_none'));
      else clauses.push(tr(ctx, 'report.quy_mo.qg_kd', { qg: fractionText(qg, f.truong.value ?? 0, o.leadingZero), kd: fractionText(kd, f.truong.value ?? 0, o.leadingZero) }));
    }
    return tr(ctx, 'report.quy_mo.multi_sentence', {
      schools,
      classes: countText(f.so_lop.value, { leadingZero: false }),
      pupils: countText(f.so_hoc_sinh.value, { leadingZero: false }),
      rest: clauses.length ? '; ' + clauses.join('; ') : '',
    });
  });
}
