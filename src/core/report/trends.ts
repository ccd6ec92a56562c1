/**
 * Section 6: Xu hướng. Headline figures of the last N school years side by side with the change
 * ("tăng 02 trường", "tăng 1,20 điểm phần trăm"); communes mapped through DON_VI_SAP_NHAP (old units
 * summed into their new unit) before comparing; plan vs actual when a CHI_TIEU sheet is present.
 */
import { formatNumber, formatPercentOf } from '../format/vn';
import { schoolYearText } from '../parse/schoolYear';
import { parseTargetRange } from '../sheets/templates';
import type { ParsedWorkbook, SheetRecord } from '../sheets/types';
import { buildUnitMap, mapCode, mergeUnitMaps, normaliseCode, UnitMap } from '../units';
import { catalogHeader, keyedColumn, keyedRow, tableOf } from './columns';
import type { ColumnSpec, KeyedRow } from './columns';
import { firstSheet, guarded, ReportContext, tr } from './context';
import { cellsOf, countCell, criteriaFor, Figure, rateCell, sumOf } from './figures';
import { labelCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { countChangeText, countText, rateChangeText } from './narrative';
import { computePhoCap } from './phoCap';
import { capLabel, groupScale, levelPupils, loaiOf, lowerFirst, scaleFigures } from './quyMo';

export interface Headline {
  id: string;
  label: string;
  kind: 'count' | 'rate';
  /** Word after a count change ("trường"). */
  unit: string;
  fig: Figure;
}

/** Headline figures of one workbook, keyed by a stable id (also the ids CHI_TIEU targets use). */
export function headlines(ctx: ReportContext): Headline[] {
  const out: Headline[] = [];
  const sheet = firstSheet(ctx.wb, 'QUY_MO');
  const word = (k: string) => tr(ctx, `report.word.${k}`);
  if (sheet) {
    const g = groupScale(sheet);
    const total = scaleFigures(sheet, sheet.records, null);
    // Nhóm, lớp độc lập are facilities, not schools: the count is then of "cơ sở".
    const anyDl = sheet.records.some((r) => loaiOf(r) === 'DL');
    out.push({ id: 'so_truong', label: tr(ctx, anyDl ? 'report.xh.ind.so_co_so' : 'report.xh.ind.so_truong'), kind: 'count', unit: word(anyDl ? 'co_so' : 'truong'), fig: total.so_truong });
    out.push({ id: 'so_hoc_sinh', label: tr(ctx, 'report.xh.ind.so_hoc_sinh'), kind: 'count', unit: word('hoc_sinh'), fig: total.so_hoc_sinh });
    out.push({ id: 'so_gv', label: tr(ctx, 'report.xh.ind.so_gv'), kind: 'count', unit: word('nguoi'), fig: total.so_gv });
    for (const cap of g.caps) {
      const recs = g.byCap.get(cap)!;
      const f = scaleFigures(sheet, recs, criteriaFor(sheet, recs, ['cap_hoc']));
      const lowered = lowerFirst(ctx, capLabel(ctx, cap));
      const of = (ind: string) => tr(ctx, 'report.xh.ind.of', { ind: tr(ctx, `report.xh.ind.${ind}`), cap: lowered });
      const dl = recs.some((r) => loaiOf(r) === 'DL');
      out.push({ id: `so_truong_${cap}`, label: of(dl ? 'so_co_so' : 'so_truong'), kind: 'count', unit: word(dl ? 'co_so' : 'truong'), fig: f.so_truong });
      out.push({ id: `so_lop_${cap}`, label: of(cap === 'MN' ? 'so_nhom_lop' : 'so_lop'), kind: 'count', unit: word(cap === 'MN' ? 'nhom_lop' : 'lop'), fig: f.so_lop });
      // The pupils of a level include its grades in multi-level schools, as the quy mô section says.
      const level = levelPupils(sheet, cap, null);
      const pupils = level && level.fig.value !== null ? level.fig : f.so_hoc_sinh;
      out.push({ id: `so_hoc_sinh_${cap}`, label: of('so_hoc_sinh'), kind: 'count', unit: word(cap === 'MN' ? 'tre' : cap === 'GDTX' ? 'hoc_vien' : 'hoc_sinh'), fig: pupils });
      if (recs.some((r) => loaiOf(r) !== 'DL')) {
        out.push({ id: `chuan_qg_${cap}`, label: of('chuan_qg'), kind: 'count', unit: word('truong'), fig: f.chuan_qg });
        out.push({ id: `kdcl_${cap}`, label: of('kdcl'), kind: 'count', unit: word('truong'), fig: f.kdcl });
      }
      if (f.hai_buoi.value !== null && cap !== 'GDTX') out.push({ id: `hai_buoi_${cap}`, label: of('hai_buoi'), kind: 'rate', unit: '', fig: f.hai_buoi });
    }
  }
  for (const res of computePhoCap(ctx)) {
    for (const rf of res.total) {
      out.push({ id: rf.spec.id, label: rf.spec.column[ctx.lang], kind: 'rate', unit: '', fig: rf.rate });
    }
  }
  return out;
}

function yearOf(wb: ParsedWorkbook): string | undefined {
  for (const s of wb.sheets) if (s.metadata.schoolYear) return s.metadata.schoolYear;
  return undefined;
}

function figureCell(ctx: ReportContext, h: Headline): ReportCell {
  return h.kind === 'rate' ? rateCell(h.fig, { formulas: ctx.formulas, decimals: ctx.settings.rateDecimals }) : countCell(h.fig, { formulas: ctx.formulas });
}

function changeCell(ctx: ReportContext, h: Headline, prev: Headline | undefined): string | null {
  if (!prev) return null;
  const o = { ...ctx.narrative, decimals: h.kind === 'rate' ? ctx.settings.rateDecimals : 0 };
  if (h.kind === 'rate') {
    const a = h.fig;
    const b = prev.fig;
    if (a.num?.value == null || a.den?.value == null || b.num?.value == null || b.den?.value == null) return null;
    return rateChangeText({ num: a.num.value, den: a.den.value }, { num: b.num.value, den: b.den.value }, o, true);
  }
  if (h.fig.value === null || prev.fig.value === null) return null;
  return countChangeText(h.fig.value, prev.fig.value, h.unit, o, true);
}

interface UnitRow {
  code: string;
  name: string;
  perYear: Map<string, { schools: number; pupils: number | null }>;
  mergedFrom: Set<string>;
}

/** Schools and pupils per commune per year, old communes summed into their new code. */
function unitRows(years: { year: string; ctx: ReportContext }[], map: UnitMap): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const { year, ctx } of years) {
    const sheet = firstSheet(ctx.wb, 'QUY_MO');
    if (!sheet || !sheet.columns.ma_xa) continue;
    const groups = new Map<string, SheetRecord[]>();
    for (const r of sheet.records) {
      const code = normaliseCode(r.fields.ma_xa?.value);
      if (!code) continue;
      const to = mapCode(map, code);
      (groups.get(to) ?? groups.set(to, []).get(to)!).push(r);
      const row = rows.get(to) ?? { code: to, name: '', perYear: new Map(), mergedFrom: new Set<string>() };
      if (to !== code) row.mergedFrom.add(code);
      const name = r.fields.ten_xa?.value;
      if (to === code && typeof name === 'string' && name) row.name = name;
      rows.set(to, row);
    }
    for (const [to, recs] of groups) {
      const pupils = sumOf(sheet, recs, 'so_hoc_sinh');
      const schools = scaleFigures(sheet, recs, null).so_truong.value;
      rows.get(to)!.perYear.set(year, { schools: schools ?? recs.length, pupils: pupils.value });
    }
  }
  for (const row of rows.values()) {
    if (!row.name) {
      for (const list of map.byOld.values()) for (const m of list) if (m.to === row.code && m.toName) row.name = m.toName;
    }
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** A row of the trend table: a headline figure in each year shown, and its last change. */
interface TrendRow {
  label: string;
  years: (Headline | undefined)[];
  change: string | null;
}

type TrendColumn = ColumnSpec<TrendRow, ReportContext>;
type UnitColumn = ColumnSpec<UnitRow, ReportContext>;

export interface TrendInput {
  current: ReportContext;
  previous: ReportContext[];
  /** How many school years to show (default 5). */
  maxYears?: number;
}

export function buildXuHuong(input: TrendInput): ReportSection | null {
  const ctx = input.current;
  const sb = new SectionBuilder('xu_huong', tr(ctx, 'report.section.xu_huong'));
  const all = [ctx, ...input.previous].map((c) => ({ ctx: c, year: yearOf(c.wb) ?? c.schoolYear }));
  const seen = new Set<string>();
  const years = all
    .filter((y) => y.year && !seen.has(y.year) && seen.add(y.year))
    .sort((a, b) => a.year.localeCompare(b.year));
  const currentIdx = years.findIndex((y) => y.ctx === ctx);
  const shown = years.slice(0, currentIdx + 1).slice(-(input.maxYears ?? 5));
  const data: Record<string, unknown> = { years: shown.map((y) => y.year) };
  const byYear = shown.map((y) => ({ ...y, h: new Map(headlines(y.ctx).map((h) => [h.id, h])) }));
  const cur = byYear[byYear.length - 1];

  if (byYear.length >= 2 && cur) {
    const prev = byYear[byYear.length - 2];
    const ids = [...cur.h.keys()].filter((id) => byYear.some((y) => y !== cur && y.h.has(id)));
    const rows: TrendRow[] = [];
    const series: Record<string, unknown> = {};
    for (const id of ids) {
      const h = cur.h.get(id)!;
      rows.push({ label: h.label, years: byYear.map((y) => y.h.get(id)), change: changeCell(ctx, h, prev.h.get(id)) });
      series[id] = byYear.map((y) => y.h.get(id)?.fig.value ?? null);
    }
    const columns: TrendColumn[] = [
      { key: 'chi_so', header: catalogHeader('report.col.chi_so'), cell: (r) => labelCell(r.label) },
      ...byYear.map((y, i): TrendColumn => ({ key: y.year, header: () => y.year, cell: (r) => r.years[i] && figureCell(y.ctx, r.years[i]!) })),
      { key: 'thay_doi', header: catalogHeader('report.col.thay_doi'), cell: (r) => labelCell(r.change ?? '–') },
    ];
    sb.table(tableOf(columns, rows, ctx, { id: 'xu_huong', title: tr(ctx, 'report.xh.table'), filler: () => labelCell('–') }));
    data.series = series;
    for (const p of summaryParagraphs(ctx, cur.year, cur.h, prev.h)) sb.paragraph(p);

    const map = mergeUnitMaps(...byYear.map((y) => buildUnitMap(y.ctx.wb)));
    const units = unitRows(byYear, map);
    if (units.length) {
      const count = (n: number | null | undefined): ReportCell | undefined => (n === null || n === undefined ? undefined : { text: formatNumber(n), value: n, kind: 'count' });
      const columns: UnitColumn[] = [
        { key: 'ma_xa', header: catalogHeader('report.col.ma_xa'), cell: (u) => labelCell(u.code) },
        { key: 'ten_xa', header: catalogHeader('report.col.ten_xa'), cell: (u) => labelCell(u.name) },
        ...byYear.flatMap((y): UnitColumn[] => [
          { key: `so_truong_${y.year}`, header: (c) => `${tr(c, 'report.col.so_truong')} ${y.year}`, cell: (u) => count(u.perYear.get(y.year)?.schools) },
          { key: `so_hoc_sinh_${y.year}`, header: (c) => `${tr(c, 'report.col.so_hoc_sinh')} ${y.year}`, cell: (u) => count(u.perYear.get(y.year)?.pupils) },
        ]),
      ];
      sb.table(tableOf(columns, units, ctx, { id: 'xu_huong_don_vi', title: tr(ctx, 'report.xh.units_table'), filler: () => labelCell('–') }));
      const merged = units.filter((u) => u.mergedFrom.size);
      if (merged.length) {
        sb.paragraph({ text: tr(ctx, 'report.xh.merged_note', { list: merged.map((u) => `${[...u.mergedFrom].join(', ')} → ${u.code}${u.name ? ' ' + u.name : ''}`).join('; ') }), kind: 'note' });
      }
      data.units = units.map((u) => ({ ma_xa: u.code, ten_xa: u.name, merged_from: [...u.mergedFrom], years: Object.fromEntries([...u.perYear].map(([y, v]) => [y, v])) }));
    }
  }

  const plan = planVsActual(ctx, cur ? cur.h : new Map(headlines(ctx).map((h) => [h.id, h])));
  if (plan) {
    sb.table(plan.table);
    sb.paragraph(plan.paragraph);
    data.plan = plan.data;
  }
  sb.section.data = data;
  // One school year and no plan: nothing to compare; the section is left out (the CLI says why).
  if (!sb.section.content.length) return null;
  return sb.build();
}

/** Plan vs actual: one row per CHI_TIEU target. */
const PLAN_COLUMNS: ColumnSpec<KeyedRow, ReportContext>[] = ['chi_so', 'ke_hoach', 'thuc_hien', 'so_sanh_kh'].map((k) => keyedColumn<ReportContext>(k, catalogHeader(`report.col.${k}`)));

function planVsActual(ctx: ReportContext, h: Map<string, Headline>) {
  const sheet = firstSheet(ctx.wb, 'CHI_TIEU');
  if (!sheet) return null;
  const rows: KeyedRow[] = [];
  const data: unknown[] = [];
  let met = 0;
  let total = 0;
  for (const r of sheet.records) {
    const year = r.fields.nam_hoc?.value;
    if (typeof year === 'string' && year && ctx.schoolYear && schoolYearText(year) !== ctx.schoolYear) continue;
    const id = normaliseCode(r.fields.ma_chi_tieu?.value);
    const name = r.fields.ten_chi_tieu?.value;
    const target = r.fields.muc_tieu?.raw;
    const headline = id ? h.get(id) : undefined;
    const range = parseTargetRange(typeof target === 'number' || typeof target === 'string' ? target : null, headline?.kind === 'rate');
    const label = typeof name === 'string' && name ? name : headline?.label ?? id ?? '';
    const targetText = typeof r.fields.muc_tieu?.value === 'string' ? (r.fields.muc_tieu.value as string) : range ? rangeText(range) : '–';
    let actualCell: ReportCell = labelCell('–');
    let verdict = '–';
    let ok: boolean | null = null;
    if (headline && headline.fig.value !== null) {
      actualCell = headline.kind === 'rate' ? rateCell(headline.fig, { formulas: ctx.formulas, decimals: ctx.settings.rateDecimals }) : countCell(headline.fig, { formulas: ctx.formulas });
      if (range) {
        const v = headline.fig.value;
        const upperOnly = range.min === 0 || range.min === -Infinity;
        ok = upperOnly && range.max !== Infinity ? v <= range.max + 1e-12 : v >= range.min - 1e-12;
        verdict = tr(ctx, ok ? 'report.xh.plan_met' : 'report.xh.plan_missed');
        total++;
        if (ok) met++;
      }
    }
    rows.push(keyedRow(PLAN_COLUMNS, { chi_so: labelCell(label), ke_hoach: labelCell(targetText), thuc_hien: actualCell, so_sanh_kh: labelCell(verdict) }));
    data.push({ ma_chi_tieu: id, ten_chi_tieu: label, muc_tieu: targetText, thuc_hien: headline?.fig.value ?? null, dat: ok });
  }
  if (!rows.length) return null;
  return {
    table: tableOf(PLAN_COLUMNS, rows, ctx, { id: 'ke_hoach_thuc_hien', title: tr(ctx, 'report.xh.plan_table', { year: ctx.schoolYear }) }),
    paragraph: total ? tr(ctx, 'report.xh.plan_sentence', { met: formatNumber(met, { leadingZero: ctx.narrative.leadingZero }), total: formatNumber(total, { leadingZero: ctx.narrative.leadingZero }) }) : null,
    data,
  };
}

function rangeText(r: { min: number; max: number; percent: boolean }): string {
  const f = (n: number) => (r.percent ? formatPercentOf(n, 1, 0) : formatNumber(n));
  if (r.max === Infinity || (r.percent && r.max === 1 && r.min < 1)) return `≥ ${f(r.min)}`;
  if (r.min === -Infinity || (r.percent && r.min === 0 && r.max > 0)) return `≤ ${f(r.max)}`;
  return r.min === r.max ? f(r.min) : `${f(r.min)} – ${f(r.max)}`;
}


/** The levels whose change the summary names, and the phổ cập rates it names (first present of each group). */
const SUMMARY_LEVELS = ['MN', 'TH', 'THCS', 'THPT'];
const SUMMARY_RATES = [['MN5_HUYDONG'], ['TH_11_HTCT'], ['THCS_15_18_TN'], ['XMC_M2_15_60', 'XMC_M2_15_35']];

/**
 * The paragraph under the trend table: only the changes a report states (schools, pupils, chuẩn
 * quốc gia, the main phổ cập rates), in the seeds' words ("tăng 02 trường so với năm học trước").
 */
function summaryParagraphs(ctx: ReportContext, year: string, cur: Map<string, Headline>, prev: Map<string, Headline>) {
  const out = [];
  const same = tr(ctx, 'indicators.change.same');
  const change = (h: Headline) => changeCell(ctx, h, prev.get(h.id));
  // a whole percentage stays whole in a sentence ("100%", issue 14); other rates as the table prints them
  const whole = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9;
  const value = (h: Headline) =>
    h.kind === 'count' ? countText(h.fig.value as number, ctx.narrative) : whole(h.fig.value as number) ? formatPercentOf(Math.round((h.fig.value as number) * 100), 100, 0) : figureCell(ctx, h).text;
  const known = (h: Headline | undefined): h is Headline => !!h && h.fig.value !== null && !!change(h);
  const long = (c: string) => (c === same ? c : `${c} ${tr(ctx, 'indicators.change.vs_previous')}`);
  const brief = (c: string) => (c === same ? tr(ctx, 'report.xh.unchanged') : c);

  const schools = cur.get('so_truong');
  const pupils = cur.get('so_hoc_sinh');
  if (known(schools) && known(pupils)) {
    const levels = SUMMARY_LEVELS.map((c) => cur.get(`so_hoc_sinh_${c}`)).filter(known);
    out.push(
      guarded(ctx, tr(ctx, 'report.section.xu_huong'), cellsOf(schools.fig, pupils.fig, ...levels.map((h) => h.fig)), () => {
        const detail = levels.map((h) => tr(ctx, 'report.xh.sum_level', { cap: lowerFirst(ctx, capLabel(ctx, h.id.replace('so_hoc_sinh_', ''))), change: brief(change(h)!) }));
        return tr(ctx, 'report.xh.sum_scale', {
          year,
          schools: `${value(schools)} ${schools.unit === tr(ctx, 'report.word.co_so') ? tr(ctx, 'report.word.co_so_gd') : schools.unit}`,
          schoolsChange: long(change(schools)!),
          pupils: value(pupils),
          pupilsChange: brief(change(pupils)!),
          detail: detail.length ? ` (${detail.join(', ')})` : '',
        });
      }),
    );
  }

  const qg = SUMMARY_LEVELS.map((c) => cur.get(`chuan_qg_${c}`)).filter(known).filter((h) => (h.fig.value ?? 0) > 0 || (prev.get(h.id)?.fig.value ?? 0) > 0);
  if (qg.length) {
    out.push(
      guarded(ctx, tr(ctx, 'report.xh.ind.chuan_qg'), cellsOf(...qg.map((h) => h.fig)), () =>
        tr(ctx, 'report.xh.sum_qg', {
          list: qg
            .map((h) => tr(ctx, 'report.xh.sum_qg_item', { cap: lowerFirst(ctx, capLabel(ctx, h.id.replace('chuan_qg_', ''))), v: value(h), change: brief(change(h)!) }))
            .join('; '),
        }),
      ),
    );
  }

  const rates = SUMMARY_RATES.map((ids) => ids.map((id) => cur.get(id)).find(known)).filter((h): h is Headline => !!h);
  if (rates.length) {
    out.push(
      guarded(ctx, tr(ctx, 'report.section.pho_cap'), cellsOf(...rates.map((h) => h.fig)), () =>
        tr(ctx, 'report.xh.sum_rates', {
          list: rates.map((h) => tr(ctx, 'report.xh.sum_rate_item', { metric: tr(ctx, `report.xh.metric.${h.id}`), v: value(h), change: brief(change(h)!) })).join('; '),
        }),
      ),
    );
  }
  return out;
}
