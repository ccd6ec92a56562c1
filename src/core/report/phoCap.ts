/**
 * Section 2: Phổ cập giáo dục – xóa mù chữ. One table per programme (one row per commune with its
 * rates and level, a total row for the higher unit with its level), the "n/N xã, phường đạt chuẩn …"
 * line, the conclusion, and the seed-000 §6 style paragraph from the summed counts.
 * Levels come from src/core/indicators (communeLevel / unitLevel); this module only gathers inputs.
 */
import type { Bilingual } from '../findings';
import { formatNumber } from '../format/vn';
import { communeLevel, Level, LevelResult, unitLevel, UnitLevelResult } from '../indicators/levels';
import { INDICATOR_RULES, MAX_LEVEL, Programme } from '../indicators/thresholds';
import type { ParsedSheet, SheetRecord, TemplateId } from '../sheets/types';
import { addTable, firstSheet, guarded, ReportContext, tr } from './context';
import { add, anyPartial, cellsOf, Figure, rateCell, ratio, subtract, sumOf } from './figures';
import { labelCell, ReportCell, ReportSection, SectionBuilder } from './model';
import { capitalise, countText, percentText, rateSentence } from './narrative';

export type PcProgramme = 'MN5' | 'TH' | 'THCS' | 'XMC' | 'BTH';

interface RateSpec {
  id: string;
  /** Column header (vi, en). */
  col: Bilingual;
  num: string[];
  den: string[];
  /** Deductions from the denominator (blank = none). */
  minus?: string[];
  /** Feeds the level (by indicator id) or is shown for information only. */
  role: 'level' | 'info';
  /** Used for the level of ĐBKK communes only / of other communes only (XMC age bands). */
  dbkk?: boolean;
}

interface ProgrammeSpec {
  programme: PcProgramme;
  template: TemplateId;
  rates: (ctx: ReportContext) => RateSpec[];
}

const b = (vi: string, en: string): Bilingual => ({ vi, en });

function xmcRate(id: 'XMC_M1' | 'XMC_M2', band: string, dbkk?: boolean): RateSpec {
  const k = id === 'XMC_M1' ? 1 : 2;
  const h = band.replace('_', '–');
  return {
    id: `${id}_${band}`,
    col: b(`Biết chữ mức độ ${k} (${h} tuổi)`, `Literate L${k} (${h})`),
    num: [`biet_chu_m${k}_${band}`],
    den: [`dan_so_${band}`],
    minus: [`mien_giam_${band}`],
    role: dbkk === undefined ? 'info' : 'level',
    dbkk,
  };
}

export const PROGRAMMES: ProgrammeSpec[] = [
  {
    programme: 'MN5',
    template: 'PC_MN5',
    rates: (ctx) => [
      { id: 'MN5_HUYDONG', col: b('Trẻ 5 tuổi ra lớp', '5-year-olds attending'), num: ['tre_5t_ra_lop'], den: ['tre_5t'], minus: ['mien_giam_5t', 'chuyen_di', 'chet'], role: 'level' },
      ctx.settings.mn5CompletionDenominator === 'ppc'
        ? { id: 'MN5_HOANTHANH', col: b('Trẻ 5 tuổi hoàn thành CT GDMN', 'Completed preschool'), num: ['tre_5t_hoan_thanh'], den: ['tre_5t'], minus: ['mien_giam_5t', 'chuyen_di', 'chet'], role: 'level' }
        : { id: 'MN5_HOANTHANH', col: b('Trẻ 5 tuổi hoàn thành CT GDMN', 'Completed preschool'), num: ['tre_5t_hoan_thanh'], den: ['tre_5t_ra_lop'], role: 'level' },
    ],
  },
  {
    programme: 'XMC',
    template: 'XMC',
    rates: () => [
      // Ordinary communes: M1 on 15–35, M2 on 15–60; ĐBKK communes: M1 on 15–25, M2 on 15–35 (ND 20/2014 Đ20–21).
      { ...xmcRate('XMC_M1', '15_25', true) },
      { ...xmcRate('XMC_M1', '15_35', false) },
      { ...xmcRate('XMC_M2', '15_35', true) },
      { ...xmcRate('XMC_M1', '15_60') },
      { ...xmcRate('XMC_M2', '15_60', false) },
    ],
  },
  {
    programme: 'TH',
    template: 'PC_TH',
    rates: () => [
      { id: 'TH_6_LOP1', col: b('Trẻ 6 tuổi vào lớp 1', '6-year-olds in grade 1'), num: ['tre_6t_lop1'], den: ['tre_6t'], minus: ['mien_giam_6t'], role: 'level' },
      { id: 'TH_11_HTCT', col: b('Trẻ 11 tuổi HTCTTH', '11-year-olds completed primary'), num: ['tre_11t_htth'], den: ['tre_11t'], minus: ['mien_giam_11t'], role: 'level' },
      { id: 'TH_11_CONLAI', col: b('Trẻ 11 tuổi HTCTTH hoặc đang học TH', '11-year-olds completed or in primary'), num: ['tre_11t_htth', 'tre_11t_dang_hoc_th'], den: ['tre_11t'], minus: ['mien_giam_11t'], role: 'level' },
      { id: 'TH_14_HTCT', col: b('Trẻ 14 tuổi HTCTTH', '14-year-olds completed primary'), num: ['tre_14t_htth'], den: ['tre_14t'], minus: ['mien_giam_14t'], role: 'level' },
      { id: 'TH_11_14_HTCT', col: b('Trẻ 11–14 tuổi HTCTTH', 'Aged 11–14 completed primary'), num: ['tre_11_14t_htth'], den: ['tre_11_14t'], minus: ['mien_giam_11_14t'], role: 'info' },
    ],
  },
  {
    programme: 'THCS',
    template: 'PC_THCS',
    rates: () => [
      { id: 'THCS_HUYDONG_L6', col: b('HTCTTH vào lớp 6', 'Primary completers into grade 6'), num: ['vao_lop6'], den: ['tn_th_nam_truoc'], role: 'info' },
      { id: 'THCS_TN_HANGNAM', col: b('Tốt nghiệp THCS hằng năm', 'Annual graduation'), num: ['tn_thcs'], den: ['hs_lop9'], role: 'info' },
      { id: 'THCS_15_18_TN', col: b('15–18 tuổi có bằng TN THCS', 'Aged 15–18 with diploma'), num: ['tre_15_18t_tn_thcs'], den: ['tre_15_18t'], minus: ['mien_giam_15_18t'], role: 'level' },
      { id: 'THCS_15_18_HOCTIEP', col: b('15–18 tuổi học THPT, GDTX, GDNN', 'Aged 15–18 in upper secondary/vocational'), num: ['tre_15_18t_hoc_tiep'], den: ['tre_15_18t'], minus: ['mien_giam_15_18t'], role: 'level' },
    ],
  },
  {
    programme: 'BTH',
    template: 'PC_BTH',
    rates: () => [
      { id: 'PCBTH_HUYDONG', col: b('Huy động vào lớp 10', 'Entry to grade 10'), num: ['vao_lop10_thpt', 'vao_gdtx', 'vao_trung_cap'], den: ['tn_thcs'], role: 'info' },
      { id: 'PCBTH_TN', col: b('Tốt nghiệp hằng năm', 'Annual graduation'), num: ['tn_thpt', 'tn_gdtx'], den: ['hs_lop12'], role: 'info' },
      { id: 'PCBTH_HIEUQUA', col: b('Hiệu quả (18–21 tuổi có bằng)', 'Aged 18–21 with diploma'), num: ['co_bang_thpt', 'co_bang_gdtx', 'co_bang_tccn'], den: ['dan_so_18_21'], role: 'info' },
    ],
  },
];

/** Sum of the fields that the sheet has (optional numerator parts such as co_bang_tccn may be absent). */
function sumFields(sheet: ParsedSheet, recs: SheetRecord[], fields: string[], optional: boolean): Figure | null {
  const present = fields.filter((f) => sheet.columns[f]);
  if (!present.length) return null;
  return add(...present.map((f, i) => sumOf(sheet, recs, f, null, optional || i > 0)));
}

export interface RateFigures {
  spec: RateSpec;
  num: Figure;
  cohort: Figure;
  deductions: { field: string; fig: Figure }[];
  den: Figure;
  rate: Figure;
}

function rateFigures(sheet: ParsedSheet, recs: SheetRecord[], spec: RateSpec): RateFigures | null {
  // Every numerator field but the first is an optional part (GDTX, trung cấp…).
  const num = sumFields(sheet, recs, spec.num, false);
  const cohort = sumFields(sheet, recs, spec.den, false);
  if (!num || !cohort || !sheet.columns[spec.num[0]]) return null;
  const deductions = (spec.minus ?? []).filter((f) => sheet.columns[f]).map((f) => ({ field: f, fig: sumOf(sheet, recs, f, null, true) }));
  const den = deductions.length ? subtract(cohort, ...deductions.map((d) => d.fig)) : cohort;
  return { spec, num, cohort, deductions, den, rate: ratio(num, den) };
}

function rateInput(rf: RateFigures | null | undefined) {
  if (!rf) return undefined;
  return { numerator: rf.num.value, denominator: rf.den.value };
}

export interface CommuneResult {
  ma_xa: string | null;
  ten_xa: string | null;
  dbkk: boolean;
  record: SheetRecord;
  rates: RateFigures[];
  level: LevelResult | null;
}

export interface ProgrammeResult {
  programme: PcProgramme;
  sheet: ParsedSheet;
  specs: RateSpec[];
  communes: CommuneResult[];
  total: RateFigures[];
  unit: UnitLevelResult | null;
}

function codeOf(r: SheetRecord): string | null {
  const v = r.fields.ma_xa?.value;
  return v === null || v === undefined || v === '' ? null : String(v);
}

function nameOf(r: SheetRecord): string | null {
  const v = r.fields.ten_xa?.value;
  return v === null || v === undefined || v === '' ? null : String(v);
}

function levelRates(programme: PcProgramme, rates: RateFigures[], dbkk: boolean): Record<string, ReturnType<typeof rateInput>> {
  const out: Record<string, ReturnType<typeof rateInput>> = {};
  for (const r of rates) {
    if (r.spec.role !== 'level') continue;
    if (r.spec.dbkk !== undefined && r.spec.dbkk !== dbkk) continue;
    const id = programme === 'XMC' ? r.spec.id.replace(/_\d+_\d+$/, '') : r.spec.id;
    out[id] = rateInput(r);
  }
  return out;
}

/** Rates and levels of every programme sheet in the workbook (TH and XMC first: THCS needs them). */
export function computePhoCap(ctx: ReportContext): ProgrammeResult[] {
  const results = new Map<PcProgramme, ProgrammeResult>();
  const order: PcProgramme[] = ['MN5', 'TH', 'XMC', 'THCS', 'BTH'];
  for (const p of order) {
    const spec = PROGRAMMES.find((s) => s.programme === p)!;
    const sheet = firstSheet(ctx.wb, spec.template);
    if (!sheet) continue;
    const specs = spec.rates(ctx).filter((r) => sheet.columns[r.num[0]] && r.den.some((d) => sheet.columns[d]));
    const byCode = (prog: PcProgramme, code: string | null, name: string | null): Level | undefined => {
      const other = results.get(prog);
      if (!other) return undefined;
      const c = other.communes.find((x) => (code && x.ma_xa === code) || (!code && name && x.ten_xa === name));
      return c?.level ? c.level.level : undefined;
    };
    const communes: CommuneResult[] = sheet.records.map((record) => {
      const dbkk = record.fields.dbkk?.value === true;
      const rates = specs.map((s) => rateFigures(sheet, [record], s)).filter((x): x is RateFigures => !!x);
      let level: LevelResult | null = null;
      if (p !== 'BTH') {
        const ma = codeOf(record);
        const ten = nameOf(record);
        level = communeLevel(
          p as Programme,
          { rates: levelRates(p, rates, dbkk), prerequisites: p === 'THCS' ? { TH: byCode('TH', ma, ten) ?? null, XMC: byCode('XMC', ma, ten) ?? null } : undefined },
          { dbkk, settings: ctx.settings },
        );
      }
      return { ma_xa: codeOf(record), ten_xa: nameOf(record), dbkk, record, rates, level };
    });
    const total = specs.map((s) => rateFigures(sheet, sheet.records, s)).filter((x): x is RateFigures => !!x);
    const unit =
      p === 'BTH'
        ? null
        : unitLevel(
            p as Programme,
            communes.map((c) => ({ level: c.level?.level ?? null, dbkk: c.dbkk, id: c.ma_xa ?? undefined, name: c.ten_xa ?? undefined })),
            ctx.settings.aggregation,
            ctx.settings,
          );
    results.set(p, { programme: p, sheet, specs, communes, total, unit });
  }
  return PROGRAMMES.map((s) => results.get(s.programme)).filter((x): x is ProgrammeResult => !!x);
}

function levelText(ctx: ReportContext, programme: PcProgramme, level: Level | undefined): string {
  if (programme === 'BTH' || level === undefined) return '–';
  if (level === null) return tr(ctx, 'report.pc.level.no_data');
  if (level === 0) return tr(ctx, 'report.pc.level.none');
  if (MAX_LEVEL[programme as Programme] === 1) return tr(ctx, 'report.pc.level.met');
  return tr(ctx, 'report.pc.level.k', { k: level });
}

function programmeTitle(ctx: ReportContext, p: PcProgramme): string {
  return tr(ctx, `report.pc.programme.${p}`);
}

function programmeShort(ctx: ReportContext, p: PcProgramme): string {
  return tr(ctx, `report.pc.short.${p === 'BTH' ? 'TH' : p}`);
}

export function buildPhoCap(ctx: ReportContext): ReportSection | null {
  const results = computePhoCap(ctx);
  if (!results.length) return null;
  const sb = new SectionBuilder('pho_cap', tr(ctx, 'report.section.pho_cap'));
  const units: unknown[] = [];
  const overall: Record<string, Level> = {};
  const rateOpts = { formulas: ctx.formulas, decimals: ctx.settings.rateDecimals };

  for (const res of results) {
    const { programme: p, specs } = res;
    const hasLevel = p !== 'BTH';
    const columns = [tr(ctx, 'report.col.ma_xa'), tr(ctx, 'report.col.ten_xa'), ...specs.map((s) => s.col[ctx.lang]), ...(hasLevel ? [tr(ctx, 'report.col.level')] : [])];
    const rows: ReportCell[][] = res.communes.map((c) => {
      const cells = specs.map((s) => {
        const rf = c.rates.find((r) => r.spec === s);
        return rf ? rateCell(rf.rate, rateOpts) : labelCell('–');
      });
      return [labelCell(c.ma_xa ?? ''), labelCell(c.ten_xa ?? ''), ...cells, ...(hasLevel ? [labelCell(levelText(ctx, p, c.level?.level))] : [])];
    });
    rows.push([
      labelCell(''),
      labelCell(ctx.unitName || tr(ctx, 'report.pc.total_row'), true),
      ...specs.map((s) => {
        const rf = res.total.find((r) => r.spec === s);
        return rf ? { ...rateCell(rf.rate, rateOpts), bold: true } : labelCell('–');
      }),
      ...(hasLevel ? [labelCell(levelText(ctx, p, res.unit?.level), true)] : []),
    ]);
    addTable(ctx, sb, { id: `pho_cap_${p}`, title: programmeTitle(ctx, p), columns, rows, totalRows: [rows.length - 1] });

    for (const para of programmeParagraphs(ctx, res)) sb.paragraph(para);

    for (const c of res.communes) {
      const rates: Record<string, number | null> = {};
      for (const r of c.rates) rates[r.spec.id] = r.rate.value;
      units.push({ ma_xa: c.ma_xa, ten_xa: c.ten_xa, programme: p, level: hasLevel ? c.level?.level ?? null : null, rates });
    }
    if (hasLevel) overall[p] = res.unit?.level ?? null;
  }
  sb.section.data = { units, overall };
  return sb.build();
}

const COHORT: Record<string, Bilingual> = {
  tre_5t: b('trẻ 5 tuổi', '5-year-olds'),
  tre_6t: b('trẻ 6 tuổi', '6-year-olds'),
  tre_11t: b('trẻ 11 tuổi', '11-year-olds'),
  tre_14t: b('trẻ 14 tuổi', '14-year-olds'),
  tre_11_14t: b('trẻ 11 đến 14 tuổi', '11–14-year-olds'),
  tre_15_18t: b('thanh thiếu niên 15 đến 18 tuổi', 'young people aged 15–18'),
  dan_so_15_25: b('dân từ 15 đến 25 tuổi', 'people aged 15–25'),
  dan_so_15_35: b('dân từ 15 đến 35 tuổi', 'people aged 15–35'),
  dan_so_15_60: b('dân từ 15 đến 60 tuổi', 'people aged 15–60'),
  tre_5t_ra_lop: b('trẻ 5 tuổi ra lớp', '5-year-olds attending'),
};

const ACHIEVED: Record<string, Bilingual> = {
  tre_5t_ra_lop: b('ra lớp', 'attending'),
  tre_5t_hoan_thanh: b('hoàn thành chương trình giáo dục mầm non', 'completed the preschool programme'),
  tre_6t_lop1: b('học lớp 1', 'in grade 1'),
  tre_11t_htth: b('hoàn thành chương trình tiểu học', 'completed primary'),
  tre_14t_htth: b('hoàn thành chương trình tiểu học', 'completed primary'),
  tre_11_14t_htth: b('hoàn thành chương trình tiểu học', 'completed primary'),
  tre_15_18t_tn_thcs: b('có bằng tốt nghiệp trung học cơ sở', 'holding a lower-secondary diploma'),
  tre_15_18t_hoc_tiep: b('đã và đang học THPT, GDTX, GDNN', 'in or through upper secondary/vocational'),
  biet_chu_m1: b('số người biết chữ mức độ 1 là', 'literate at level 1:'),
  biet_chu_m2: b('số người biết chữ mức độ 2 là', 'literate at level 2:'),
};

const DEDUCTION: Record<string, Bilingual> = {
  mien_giam: b('miễn giảm', 'exempt'),
  chuyen_di: b('chuyển đi', 'moved away'),
  chet: b('chết', 'deceased'),
};

const PART_LABEL: Record<string, Bilingual> = {
  vao_lop10_thpt: b('vào lớp 10 trung học phổ thông', 'into grade 10 (general)'),
  vao_gdtx: b('vào giáo dục thường xuyên', 'into continuing education'),
  vao_trung_cap: b('vào trung cấp', 'into vocational'),
  tn_thpt: b('tốt nghiệp hệ phổ thông', 'general graduates'),
  tn_gdtx: b('tốt nghiệp hệ giáo dục thường xuyên', 'continuing-education graduates'),
  co_bang_thpt: b('có bằng trung học phổ thông', 'with a general diploma'),
  co_bang_gdtx: b('có bằng hệ giáo dục thường xuyên', 'with a continuing-education diploma'),
  co_bang_tccn: b('có bằng trung cấp', 'with a vocational diploma'),
};

const BASE_LABEL: Record<string, Bilingual> = {
  tn_thcs: b('học sinh tốt nghiệp trung học cơ sở', 'lower-secondary graduates'),
  hs_lop12: b('học sinh lớp 12', 'grade-12 pupils'),
  dan_so_18_21: b('thanh niên 18 đến 21 tuổi', 'people aged 18–21'),
};

function label(map: Record<string, Bilingual>, key: string, ctx: ReportContext): string {
  const k = Object.keys(map).find((x) => key === x || key.startsWith(x + '_'));
  return k ? map[k][ctx.lang] : key;
}

/** "Tổng số trẻ 11 tuổi là 9.300, miễn giảm 35, hoàn thành chương trình tiểu học 9.022, đạt 97,38%." */
function cohortSentence(ctx: ReportContext, group: RateFigures[]): string | null {
  const first = group[0];
  // A total over communes of which some left the cell blank is not the unit's figure.
  if (first.cohort.value === null || group.some((rf) => anyPartial(rf.rate, rf.cohort, ...rf.deductions.map((d) => d.fig)))) return null;
  const decimals = ctx.settings.rateDecimals;
  const pieces: string[] = [];
  for (const d of first.deductions) {
    if (d.fig.value === null) return null;
    // "miễn giảm 0" says nothing; the deduction is named only when there is one.
    if (d.fig.value === 0) continue;
    pieces.push(`${label(DEDUCTION, d.field, ctx)} ${formatNumber(d.fig.value)}`);
  }
  const achieved: string[] = [];
  for (const rf of group) {
    if (rf.num.value === null || rf.den.value === null) continue;
    const p = percentText(rf.num.value, rf.den.value, decimals);
    if (!p) continue;
    const what = label(ACHIEVED, rf.spec.num[0], ctx);
    achieved.push(ctx.lang === 'vi' ? `${what} ${formatNumber(rf.num.value)}, đạt ${p}` : `${what} ${formatNumber(rf.num.value)}, i.e. ${p}`);
  }
  if (!achieved.length) return null;
  const cohort = label(COHORT, first.spec.den[0], ctx);
  const head = ctx.lang === 'vi' ? `Tổng số ${cohort} là ${formatNumber(first.cohort.value)}` : `${capitalise(cohort)}: ${formatNumber(first.cohort.value)} in total`;
  return [head, ...pieces].join(', ') + ', ' + achieved.join('; ') + '.';
}

/** "Tỷ lệ huy động vào lớp 10: tổng số học sinh tốt nghiệp THCS là 7.018, vào lớp 10 … 5.958, …, đạt 99,29%." */
function partsSentence(ctx: ReportContext, rf: RateFigures): string | null {
  if (rf.num.value === null || rf.den.value === null || anyPartial(rf.rate)) return null;
  const p = percentText(rf.num.value, rf.den.value, ctx.settings.rateDecimals);
  if (!p) return null;
  const parts: string[] = [];
  let sum = 0;
  const sheet = ctx.wb.sheets.find((s) => rf.num.cells.some((c) => c.sheet === s.sheetName));
  for (const f of rf.spec.num) {
    if (!sheet?.columns[f]) continue;
    const fig = sumOf(sheet, sheet.records, f, null, true);
    if (fig.value === null) return null;
    sum += fig.value;
    parts.push(`${label(PART_LABEL, f, ctx)} ${formatNumber(fig.value)}`);
  }
  // The parts are printed only when they add up to the numerator the rate uses.
  if (sum !== rf.num.value) return null;
  const rule = INDICATOR_RULES[rf.spec.id];
  const metric = rule ? (ctx.lang === 'vi' ? rule.labelVi : rule.labelEn) : rf.spec.col[ctx.lang];
  const base = label(BASE_LABEL, rf.spec.den[0], ctx);
  return tr(ctx, 'report.pc.parts_sentence', { metric, base, total: formatNumber(rf.den.value), parts: parts.join(', '), p });
}

function metricOf(ctx: ReportContext, id: string, fallback: Bilingual): string {
  const rule = INDICATOR_RULES[id];
  const text = rule ? (ctx.lang === 'vi' ? rule.labelVi : rule.labelEn) : fallback[ctx.lang];
  return ctx.lang === 'vi' ? text.replace(/^Tỷ lệ\s+/i, '') : text;
}

function programmeParagraphs(ctx: ReportContext, res: ProgrammeResult) {
  const out = [];
  const p = res.programme;
  const topic = programmeTitle(ctx, p);
  const o = { ...ctx.narrative, decimals: ctx.settings.rateDecimals };

  const cohortGroups: RateFigures[][] = [];
  const rateOnly: RateFigures[] = [];
  const partsOnly: RateFigures[] = [];
  if (p === 'BTH') partsOnly.push(...res.total);
  else {
    for (const rf of res.total) {
      if (rf.spec.id === 'TH_11_CONLAI') continue;
      if (!rf.spec.minus) {
        rateOnly.push(rf);
        continue;
      }
      const g = cohortGroups.find((x) => x[0].spec.den[0] === rf.spec.den[0]);
      if (g) g.push(rf);
      else cohortGroups.push([rf]);
    }
  }
  for (const g of cohortGroups) {
    out.push(guarded(ctx, topic, cellsOf(...g.map((r) => r.rate)), () => cohortSentence(ctx, g), 'bullet'));
  }
  for (const rf of rateOnly) {
    out.push(
      guarded(ctx, topic, cellsOf(rf.rate), () => {
        if (rf.num.value === null || rf.den.value === null || anyPartial(rf.rate)) return null;
        const s = rateSentence(metricOf(ctx, rf.spec.id, rf.spec.col), rf.num.value, rf.den.value, o);
        return s ? s + '.' : null;
      }, 'bullet'),
    );
  }
  for (const rf of partsOnly) out.push(guarded(ctx, topic, cellsOf(rf.rate), () => partsSentence(ctx, rf), 'bullet'));

  if (res.unit && p !== 'BTH') {
    const prog = p as Programme;
    const max = MAX_LEVEL[prog];
    const N = res.communes.length;
    const short = programmeShort(ctx, p);
    const lines: string[] = [];
    const levels = res.communes.map((c) => c.level?.level ?? null);
    const ks = new Set<number>([max]);
    if (res.unit.level && res.unit.level < max) ks.add(res.unit.level);
    for (const k of [...ks].sort((a, b2) => b2 - a)) {
      const n = levels.filter((l) => l !== null && l >= k).length;
      const nText = countText(n, ctx.narrative);
      const NText = countText(N, ctx.narrative);
      lines.push(max === 1 ? tr(ctx, 'report.pc.communes_line_nolevel', { n: nText, N: NText, programme: short }) : tr(ctx, 'report.pc.communes_line', { n: nText, N: NText, programme: short, k }));
    }
    const unitName = ctx.unitName || tr(ctx, 'report.unit_unknown');
    const level = res.unit.level;
    let conclusion: string;
    if (level === null) conclusion = tr(ctx, 'report.pc.conclusion_no_data', { unit: unitName, programme: short });
    else if (level === 0) conclusion = tr(ctx, 'report.pc.conclusion_none', { unit: unitName, programme: short });
    else if (max === 1) conclusion = tr(ctx, 'report.pc.conclusion_met', { unit: unitName, programme: short });
    else conclusion = tr(ctx, 'report.pc.conclusion_level', { unit: unitName, programme: short, k: level });
    const levelCells = cellsOf(...res.communes.flatMap((c) => c.rates.filter((r) => r.spec.role === 'level').map((r) => r.rate)));
    for (const line of lines) out.push(guarded(ctx, topic, levelCells, () => line));
    out.push(guarded(ctx, topic, levelCells, () => conclusion));
  }
  return out;
}
