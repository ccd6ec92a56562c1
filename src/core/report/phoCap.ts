/**
 * Section 2: Phổ cập giáo dục – xóa mù chữ. One table per programme (one row per commune with its
 * rates and level, a total row for the higher unit with its level), the "n/N xã, phường đạt chuẩn …"
 * line, the conclusion, and the seed-000 §6 style paragraph from the summed counts.
 * Rates and columns come from the indicator table (indicators/table.ts), the commune levels from
 * levelsOfCommunes (the same path as the printed-level check), the unit's from unitLevel.
 */
import type { Bilingual } from '../findings';
import { formatNumber } from '../format/vn';
import { levelsOfCommunes } from '../indicators/communes';
import { Level, levelLabel, LevelResult, unitLevel, UnitLevelResult } from '../indicators/levels';
import { minusOf, programmeDef, programmeMeasures } from '../indicators/measures';
import type { Measure } from '../indicators/measures';
import { MAX_LEVEL, Programme } from '../indicators/thresholds';
import { ND277, ND277_CITATION, sourceInForce } from '../indicators/table';
import { schoolYearReferenceDate } from '../indicators/norms';
import { communesOfSheet } from '../sheets/communes';
import { TEMPLATE_BY_ID } from '../sheets/templates';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import { catalogHeader, tableOf } from './columns';
import type { ColumnSpec } from './columns';
import { addTable, firstSheet, guarded, omitFamily, ReportContext, tr } from './context';
import { add, anyPartial, cellsOf, Figure, rateCell, ratio, subtract, sumOf } from './figures';
import { labelCell, ReportCell, ReportParagraph, ReportSection, SectionBuilder } from './model';
import { capitalise, countText, percentText, rateChangeText, rateSentence } from './narrative';

export type PcProgramme = 'MN5' | 'TH' | 'THCS' | 'XMC' | 'BTH';

/** The report's phổ cập tables, in order; PCBTH is reported as "BTH" (rates only, no commune level). */
const REPORT_PROGRAMMES: { programme: PcProgramme; id: Programme | 'PCBTH' }[] = [
  { programme: 'MN5', id: 'MN5' },
  { programme: 'XMC', id: 'XMC' },
  { programme: 'TH', id: 'TH' },
  { programme: 'THCS', id: 'THCS' },
  { programme: 'BTH', id: 'PCBTH' },
];

const b = (vi: string, en: string): Bilingual => ({ vi, en });

/** Σ numerator parts: a part the sheet lacks is none when optional, else the rate cannot be computed. */
function numeratorFigure(sheet: ParsedSheet, recs: SheetRecord[], m: Measure): Figure | null {
  const optional = new Set(m.fields.optional ?? []);
  const parts: Figure[] = [];
  for (const f of m.fields.numerator) {
    if (sheet.columns[f]) parts.push(sumOf(sheet, recs, f, null, optional.has(f)));
    else if (!optional.has(f)) return null;
  }
  return parts.length ? add(...parts) : null;
}

export interface RateFigures {
  spec: Measure;
  num: Figure;
  cohort: Figure;
  deductions: { field: string; fig: Figure }[];
  den: Figure;
  rate: Figure;
}

/** The measure's rate over some rows, as figures with provenance (the same sum as measures.rateCounts). */
function rateFigures(sheet: ParsedSheet, recs: SheetRecord[], spec: Measure): RateFigures | null {
  const num = numeratorFigure(sheet, recs, spec);
  const cohort = sumOf(sheet, recs, spec.fields.cohort);
  if (!num || !sheet.columns[spec.fields.cohort]) return null;
  const deductions = minusOf(spec.fields).filter((f) => sheet.columns[f]).map((f) => ({ field: f, fig: sumOf(sheet, recs, f, null, true) }));
  const den = deductions.length ? subtract(cohort, ...deductions.map((d) => d.fig)) : cohort;
  return { spec, num, cohort, deductions, den, rate: ratio(num, den) };
}

/** The counts behind a commune's rates: every count field of its record, by SHEETS.md field id. */
function inputsOf(sheet: ParsedSheet, record: SheetRecord): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of TEMPLATE_BY_ID[sheet.template].fields) {
    if (f.type !== 'count' || !sheet.columns[f.id]) continue;
    const v = record.fields[f.id]?.value;
    out[f.id] = typeof v === 'number' ? v : null;
  }
  return out;
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
  specs: Measure[];
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

/** Rates and levels of every programme sheet in the workbook; the levels come from indicators/communes. */
export function computePhoCap(ctx: ReportContext): ProgrammeResult[] {
  const present = REPORT_PROGRAMMES.map((p) => ({ ...p, sheet: firstSheet(ctx.wb, programmeDef(p.id).template) })).filter(
    (p): p is typeof p & { sheet: ParsedSheet } => !!p.sheet,
  );
  const withLevels = present.filter((p) => p.id !== 'PCBTH');
  const levels = levelsOfCommunes(withLevels.map((p) => ({ programme: p.id as Programme, communes: communesOfSheet(p.sheet) })), ctx.settings);
  return present.map(({ programme: p, id, sheet }) => {
    const specs = programmeMeasures(id, ctx.settings).filter((m) => sheet.columns[m.fields.numerator[0]] && sheet.columns[m.fields.cohort]);
    // A sheet built from the PCGD forms carries the levels decided from them (some from printed rates).
    const results = id === 'PCBTH' ? null : sheet.sourceLevels ? sheet.sourceLevels.map((x) => ({ level: x.level })) : levels[withLevels.findIndex((x) => x.id === id)];
    const communes: CommuneResult[] = sheet.records.map((record, k) => ({
      ma_xa: codeOf(record),
      ten_xa: nameOf(record),
      dbkk: record.fields.dbkk?.value === true,
      record,
      rates: specs.map((s) => rateFigures(sheet, [record], s)).filter((x): x is RateFigures => !!x),
      level: results ? results[k].level : null,
    }));
    const total = specs.map((s) => rateFigures(sheet, sheet.records, s)).filter((x): x is RateFigures => !!x);
    const unit =
      id === 'PCBTH'
        ? null
        : unitLevel(
            id as Programme,
            communes.map((c) => ({ level: c.level?.level ?? null, dbkk: c.dbkk, id: c.ma_xa ?? undefined, name: c.ten_xa ?? undefined })),
            ctx.settings.aggregation,
            ctx.settings,
          );
    return { programme: p, sheet, specs, communes, total, unit };
  });
}

/** A row of a phổ cập table: a commune, or the whole unit (bold). */
interface PhoCapRow {
  ma_xa: ReportCell;
  ten_xa: ReportCell;
  rates: RateFigures[];
  level: ReportCell;
  bold: boolean;
}

type PhoCapColumn = ColumnSpec<PhoCapRow, ReportContext>;

/** Columns of a phổ cập table: the commune, its rates (one per measure of the indicator table), its level. */
const COMMUNE_COLUMNS: PhoCapColumn[] = [
  { key: 'ma_xa', header: catalogHeader('report.col.ma_xa'), cell: (r) => r.ma_xa },
  { key: 'ten_xa', header: catalogHeader('report.col.ten_xa'), cell: (r) => r.ten_xa },
];
const LEVEL_COLUMN: PhoCapColumn = { key: 'level', header: catalogHeader('report.col.level'), cell: (r) => r.level };

function rateColumn(m: Measure): PhoCapColumn {
  return {
    key: m.id,
    header: (ctx) => m.column[ctx.lang],
    cell: (r, ctx) => {
      const rf = r.rates.find((x) => x.spec === m);
      if (!rf) return undefined;
      const cell = rateCell(rf.rate, { formulas: ctx.formulas, decimals: ctx.settings.rateDecimals });
      return r.bold ? { ...cell, bold: true } : cell;
    },
  };
}

function levelText(ctx: ReportContext, programme: PcProgramme, level: Level | undefined): string {
  if (programme === 'BTH' || level === undefined) return '–';
  // One label source for levels (indicators/levels.ts): tables, CLI, pane and the year-over-year warnings agree.
  return levelLabel(level, programme as Programme)[ctx.lang];
}

function programmeTitle(ctx: ReportContext, p: PcProgramme): string {
  return tr(ctx, `report.pc.programme.${p}`);
}

function programmeShort(ctx: ReportContext, p: PcProgramme): string {
  return tr(ctx, `report.pc.short.${p === 'BTH' ? 'TH' : p}`);
}

/** The unit's totals of an earlier year, by measure id, for "tăng … so với năm học trước" in the same sentence. */
export type PreviousTotals = Map<string, { num: number; den: number }>;

function totalsOf(results: ProgrammeResult[], extra: RateFigures[] = []): PreviousTotals {
  const out: PreviousTotals = new Map();
  for (const rf of [...results.flatMap((r) => r.total), ...extra]) {
    if (rf.num.value !== null && rf.den.value !== null && rf.den.value > 0 && !anyPartial(rf.rate)) out.set(rf.spec.id, { num: rf.num.value, den: rf.den.value });
  }
  return out;
}

export function buildPhoCap(ctx: ReportContext, previous?: ReportContext | null): ReportSection | null {
  const results = computePhoCap(ctx);
  if (!results.length) return null;
  const prevResults = previous ? computePhoCap(previous) : [];
  const prev = totalsOf(prevResults, prevResults.flatMap((r) => (r.programme === 'MN5' ? mn35Figures(r.sheet) : [])));
  const sb = new SectionBuilder('pho_cap', tr(ctx, 'report.section.pho_cap'));
  const units: unknown[] = [];
  const overall: Record<string, Level> = {};

  for (const res of results) {
    const { programme: p, specs } = res;
    const hasLevel = p !== 'BTH';
    const rows: PhoCapRow[] = [
      ...res.communes.map((c) => ({ ma_xa: labelCell(c.ma_xa ?? ''), ten_xa: labelCell(c.ten_xa ?? ''), rates: c.rates, level: labelCell(levelText(ctx, p, c.level?.level)), bold: false })),
      { ma_xa: labelCell(''), ten_xa: labelCell(ctx.unitName || tr(ctx, 'report.pc.total_row'), true), rates: res.total, level: labelCell(levelText(ctx, p, res.unit?.level), true), bold: true },
    ];
    const columns = [...COMMUNE_COLUMNS, ...specs.map(rateColumn), ...(hasLevel ? [LEVEL_COLUMN] : [])];
    addTable(ctx, sb, tableOf(columns, rows, ctx, { id: `pho_cap_${p}`, title: programmeTitle(ctx, p), totalRows: [rows.length - 1], filler: () => labelCell('–') }));

    for (const para of programmeParagraphs(ctx, res, prev)) sb.paragraph(para);

    for (const c of res.communes) {
      const rates: Record<string, number | null> = {};
      for (const r of c.rates) rates[r.spec.id] = r.rate.value;
      const k = res.communes.indexOf(c);
      const decided = res.sheet.sourceLevels?.[k];
      if (decided) for (const [id, v] of Object.entries(decided.rates)) if (!(id in rates) || rates[id] === null) rates[id] = v;
      units.push({ ma_xa: c.ma_xa, ten_xa: c.ten_xa, programme: p, level: hasLevel ? c.level?.level ?? null : null, rates, inputs: inputsOf(res.sheet, c.record), ...(decided ? { basis: decided.basis, unverified: decided.unverified } : {}) });
    }
    if (hasLevel) overall[p] = res.unit?.level ?? null;
  }
  sb.section.data = { units, overall };
  return sb.build();
}

/** Words for the deductions from a cohort ("miễn giảm 35, chuyển đi 2"). */
const DEDUCTION: Record<string, Bilingual> = {
  mien_giam: b('miễn giảm', 'exempt'),
  chuyen_di: b('chuyển đi', 'moved away'),
  chet: b('chết', 'deceased'),
};

function deductionWord(ctx: ReportContext, field: string): string {
  const k = Object.keys(DEDUCTION).find((x) => field === x || field.startsWith(x + '_'));
  return k ? DEDUCTION[k][ctx.lang] : field;
}

/** A phrase of the measure (indicator table), else the field id. */
function phrase(ctx: ReportContext, text: Bilingual | undefined, fallback: string): string {
  return text ? text[ctx.lang] : fallback;
}

/** "Tổng số trẻ 11 tuổi là 9.300, miễn giảm 35, hoàn thành chương trình tiểu học 9.022, đạt 97,38%." */
function cohortSentence(ctx: ReportContext, group: RateFigures[], prev: PreviousTotals = new Map()): string | null {
  const first = group[0];
  // A total over communes of which some left the cell blank is not the unit's figure.
  if (first.cohort.value === null || group.some((rf) => anyPartial(rf.rate, rf.cohort, ...rf.deductions.map((d) => d.fig)))) return null;
  const decimals = ctx.settings.rateDecimals;
  const cohort = phrase(ctx, first.spec.phrases.cohort, first.spec.fields.cohort);
  // every count carries its unit word, as seed 000 §6 writes them ("9.300 học sinh, … 35 trẻ")
  const n = counted(ctx, cohort);
  const pieces: string[] = [];
  for (const d of first.deductions) {
    if (d.fig.value === null) return null;
    // "miễn giảm 0" says nothing; the deduction is named only when there is one.
    if (d.fig.value === 0) continue;
    pieces.push(`${deductionWord(ctx, d.field)} ${n(d.fig.value)}`);
  }
  const achieved: string[] = [];
  for (const rf of group) {
    if (rf.num.value === null || rf.den.value === null) continue;
    const p = percentText(rf.num.value, rf.den.value, decimals);
    if (!p) continue;
    const what = phrase(ctx, rf.spec.phrases.achieved, rf.spec.fields.numerator[0]);
    const change = comparison(ctx, rf, prev);
    achieved.push((ctx.lang === 'vi' ? `${what} ${n(rf.num.value)}, đạt ${p}` : `${what} ${formatNumber(rf.num.value)}, i.e. ${p}`) + change);
  }
  if (!achieved.length) return null;
  const head = ctx.lang === 'vi' ? `Tổng số ${cohort} là ${n(first.cohort.value)}` : `${capitalise(cohort)}: ${formatNumber(first.cohort.value)} in total`;
  return [head, ...pieces].join(', ') + ', ' + achieved.join('; ') + '.';
}

/** ", tăng 0,26 điểm phần trăm so với năm học trước" when the earlier year gives the same rate; else nothing. */
function comparison(ctx: ReportContext, rf: RateFigures, prev: PreviousTotals): string {
  const before = prev.get(rf.spec.id);
  if (!before || rf.num.value === null || rf.den.value === null) return '';
  const text = rateChangeText({ num: rf.num.value, den: rf.den.value }, before, { ...ctx.narrative, decimals: ctx.settings.rateDecimals });
  return text ? `, ${text}` : '';
}

/** The unit word of a group of people as the phrase names it: "trẻ 6 tuổi" → trẻ, "học sinh lớp 12" → học sinh, else người. */
export function unitWordOf(group: string): string {
  const s = group.normalize('NFC').toLocaleLowerCase('vi').replace(/^(tổng số|số)\s+/, '');
  if (s.startsWith('trẻ')) return 'trẻ';
  if (s.startsWith('học sinh')) return 'học sinh';
  return 'người';
}

/** A count with the unit word of the group (Vietnamese text only): "9.300 trẻ". */
function counted(ctx: ReportContext, group: string): (n: number) => string {
  const unit = ctx.lang === 'vi' ? unitWordOf(group) : '';
  return (v: number) => (unit ? `${formatNumber(v)} ${unit}` : formatNumber(v));
}

/** "Tỷ lệ huy động vào lớp 10: tổng số học sinh tốt nghiệp THCS là 7.018, vào lớp 10 … 5.958, …, đạt 99,29%." */
function partsSentence(ctx: ReportContext, rf: RateFigures, prev: PreviousTotals): string | null {
  if (rf.num.value === null || rf.den.value === null || anyPartial(rf.rate)) return null;
  const p = percentText(rf.num.value, rf.den.value, ctx.settings.rateDecimals);
  if (!p) return null;
  const parts: string[] = [];
  let sum = 0;
  const base = phrase(ctx, rf.spec.phrases.base, rf.spec.fields.cohort);
  const n = counted(ctx, base);
  const sheet = ctx.wb.sheets.find((s) => rf.num.cells.some((c) => c.sheet === s.sheetName));
  for (const f of rf.spec.fields.numerator) {
    if (!sheet?.columns[f]) continue;
    const fig = sumOf(sheet, sheet.records, f, null, true);
    if (fig.value === null) return null;
    sum += fig.value;
    parts.push(`${phrase(ctx, rf.spec.phrases.parts?.[f], f)} ${n(fig.value)}`);
  }
  // The parts are printed only when they add up to the numerator the rate uses.
  if (sum !== rf.num.value) return null;
  const rule = rf.spec.indicator;
  const metric = ctx.lang === 'vi' ? rule.labelVi : rule.labelEn;
  return tr(ctx, 'report.pc.parts_sentence', { metric, base, total: n(rf.den.value), parts: parts.join(', '), p }).replace(/\.$/, '') + comparison(ctx, rf, prev) + '.';
}

function metricOf(ctx: ReportContext, m: Measure): string {
  const text = ctx.lang === 'vi' ? m.indicator.labelVi : m.indicator.labelEn;
  return ctx.lang === 'vi' ? text.replace(/^Tỷ lệ\s+/i, '') : text;
}

function programmeParagraphs(ctx: ReportContext, res: ProgrammeResult, prev: PreviousTotals) {
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
      // A condition (all other 11-year-olds still in primary) is no sentence of its own.
      if (rf.spec.indicator.kind === 'condition') continue;
      if (!minusOf(rf.spec.fields).length) {
        rateOnly.push(rf);
        continue;
      }
      const g = cohortGroups.find((x) => x[0].spec.fields.cohort === rf.spec.fields.cohort);
      if (g) g.push(rf);
      else cohortGroups.push([rf]);
    }
  }
  for (const g of cohortGroups) {
    out.push(guarded(ctx, topic, cellsOf(...g.map((r) => r.rate)), () => cohortSentence(ctx, g, prev), 'bullet'));
  }
  for (const rf of rateOnly) {
    out.push(
      guarded(ctx, topic, cellsOf(rf.rate), () => {
        if (rf.num.value === null || rf.den.value === null || anyPartial(rf.rate)) return null;
        const s = rateSentence(metricOf(ctx, rf.spec), rf.num.value, rf.den.value, o);
        return s ? s + comparison(ctx, rf, prev) + '.' : null;
      }, 'bullet'),
    );
  }
  for (const rf of partsOnly) out.push(guarded(ctx, topic, cellsOf(rf.rate), () => partsSentence(ctx, rf, prev), 'bullet'));
  if (p === 'MN5') out.push(...mn35Paragraphs(ctx, res, prev));

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
      lines.push(max === 1 ? tr(ctx, 'report.pc.communes_line_nolevel', { n: nText, N: NText, xa: ctx.communeWord, programme: short }) : tr(ctx, 'report.pc.communes_line', { n: nText, N: NText, xa: ctx.communeWord, programme: short, k }));
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

/** The 3–5 block of PC_MN5 (Nghị định 277/2025): attendance over the cohort less the exempt. */
function mn35Figures(sheet: ParsedSheet): RateFigures[] {
  const m = programmeMeasures('MN35').find((x) => x.id === 'MN35_HUYDONG');
  const rf = m ? rateFigures(sheet, sheet.records, m) : null;
  return rf ? [rf] : [];
}

/** Per-age fields the MN35 commune level needs besides attendance (indicators/table.ts MN35_HT_*). */
const MN35_LEVEL_FIELDS = ['tre_3t_dang_hoc', 'tre_4t_dang_hoc', 'tre_3t_hoan_thanh_theo_do_tuoi', 'tre_4t_hoan_thanh_theo_do_tuoi', 'tre_5t_hoan_thanh_theo_do_tuoi'];

/**
 * "Tổng số trẻ 3 đến 5 tuổi là 23.942 trẻ, miễn giảm …, ra lớp 23.300 trẻ, đạt 97,32%" (seed 000 §I.1
 * prints 23.300/23.942), and, when the sheet carries the per-age completion, the communes meeting the
 * MN35 thresholds (ND 277/2025; its date of effect is not in our sources, so the line says so).
 */
function mn35Paragraphs(ctx: ReportContext, res: ProgrammeResult, prev: PreviousTotals): ReportParagraph[] {
  const sheet = res.sheet;
  const topic = tr(ctx, 'report.family.mn35');
  if (!sheet.columns.tre_3_5t || !sheet.columns.tre_3_5t_ra_lop) {
    omitFamily(ctx, 'pho_cap', 'mn35', 'PC_MN5', ['tre_3_5t', 'tre_3_5t_ra_lop']);
    return [];
  }
  const out: (ReportParagraph | null)[] = [];
  for (const rf of mn35Figures(sheet)) out.push(guarded(ctx, topic, cellsOf(rf.rate), () => cohortSentence(ctx, [rf], prev), 'bullet'));
  const missing = MN35_LEVEL_FIELDS.filter((f) => !sheet.columns[f]);
  // ND 277/2025's thresholds are used only for a school year that ends after its (stand-in) start.
  if (sourceInForce(ND277, schoolYearReferenceDate(ctx.schoolYear)) === 'no') {
    if (!missing.length) omitFamily(ctx, 'pho_cap', 'mn35_level', 'PC_MN5', [], tr(ctx, 'report.family.mn35_not_in_force', { year: ctx.schoolYear }));
  } else if (missing.length) {
    omitFamily(ctx, 'pho_cap', 'mn35_level', 'PC_MN5', missing);
  } else {
    const levels = levelsOfCommunes([{ programme: 'MN35', communes: communesOfSheet(sheet) }], ctx.settings)[0].map((r) => r.level.level);
    const cells = cellsOf(...MN35_LEVEL_FIELDS.map((f) => sumOf(sheet, sheet.records, f)));
    out.push(
      guarded(ctx, topic, cells, () => {
        // A commune without the data is "chưa đủ dữ liệu", never counted as meeting the standard.
        if (levels.some((l) => l === null)) return null;
        const n = levels.filter((l) => (l ?? 0) >= 1).length;
        return tr(ctx, 'report.pc.mn35_line', { n: countText(n, ctx.narrative), N: countText(levels.length, ctx.narrative), xa: ctx.communeWord, source: ND277_CITATION });
      }),
    );
  }
  return out.filter((x): x is ReportParagraph => !!x);
}
