/**
 * buildReport: parsed workbooks (+ open findings) → ReportModel. Pure; the hosts (task pane, CLI)
 * read the workbooks and run the checks, then render the model.
 */
import { Finding, Lang, SEVERITY_ORDER } from '../findings';
import { explainOverride } from '../indicators/levels';
import { withSheetConventions } from '../indicators/measures';
import type { AppliedOverride } from '../indicators/thresholds';
import { schoolYearText } from '../parse/schoolYear';
import { DEFAULT_SETTINGS, Settings, withDefaults } from '../settings';
import type { ParsedWorkbook, TemplateId } from '../sheets/types';
import { buildChatLuong } from './chatLuong';
import { ReportContext, sheetsOf, tr } from './context';
import { buildDinhDuong } from './dinhDuong';
import { buildDoiNgu } from './doiNgu';
import { ReportModel, ReportSection, SectionId, SkippedSection } from './model';
import { computePhoCap, buildPhoCap } from './phoCap';
import { buildQuyMo } from './quyMo';
import { buildXuHuong } from './trends';
import { buildAppendix } from './appendix';
import { buildFrame, communeWordOf, unitOf } from './frame';
import { previousYearOf, yearOverYearFindings } from './yearOverYear';

export interface ReportInput {
  current: ParsedWorkbook;
  /** Workbooks of earlier school years (for the trend section). */
  previous?: ParsedWorkbook[];
  /** Open findings of the current workbook (reader + checks). Blocking ones stop sentences. */
  findings?: Finding[];
  settings?: Partial<Settings>;
  lang?: Lang;
  /** School years shown in the trend section (default 5). */
  maxYears?: number;
  /** Findings listed in the Cảnh báo table (default 200; the JSON keeps all). */
  maxFindingRows?: number;
}

const SECTION_SHEETS: Record<Exclude<SectionId, 'xu_huong' | 'canh_bao'>, TemplateId[]> = {
  quy_mo: ['QUY_MO'],
  pho_cap: ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH'],
  chat_luong: ['KET_QUA'],
  dinh_duong: ['DINH_DUONG'],
  doi_ngu: ['DOI_NGU'],
};

export function schoolYearOf(wb: ParsedWorkbook, settings?: Partial<Settings>): string {
  for (const s of wb.sheets) if (s.metadata.schoolYear) return s.metadata.schoolYear;
  return schoolYearText(settings?.schoolYear) ?? settings?.schoolYear ?? '';
}

/** The unit as its sheets' "Đơn vị:" line names it ("Phòng GD&ĐT Quận 12" → "Quận 12"). */
function unitLineOf(wb: ParsedWorkbook): string {
  for (const s of wb.sheets) {
    const u = s.metadata.unit?.trim();
    if (u) return u.replace(/^(phòng|phong)\s+(giáo dục( và đào tạo)?|GD&?ĐT|GDĐT)\s+/i, '').trim() || u;
  }
  return '';
}

/** The unit's name: the settings', the "Đơn vị:" line's, else the title block's ("ỦY BAN NHÂN DÂN QUẬN 12" → "Quận 12"). */
export function unitNameOf(wb: ParsedWorkbook, settings?: Partial<Settings>): string {
  return unitOf({ wb, settings: settings?.document ?? {}, unitLine: unitLineOf(wb) }).name;
}

const PC_SHEETS: TemplateId[] = ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH'];

/** Names of the communes the phổ cập sheets list. */
export function communeNamesOf(wb: ParsedWorkbook): string[] {
  const names = new Set<string>();
  for (const t of PC_SHEETS) {
    for (const s of sheetsOf(wb, t)) {
      for (const r of s.records) {
        const v = r.fields.ten_xa?.value;
        if (typeof v === 'string' && v.trim()) names.add(v.trim());
      }
    }
  }
  return [...names];
}

function contextFor(wb: ParsedWorkbook, input: ReportInput, formulas: boolean, findings: Finding[]): ReportContext {
  const settings = withSheetConventions(withDefaults({ ...(input.settings ?? {}), lang: input.lang ?? input.settings?.lang ?? DEFAULT_SETTINGS.lang }), wb.sheets);
  return {
    wb,
    lang: settings.lang,
    settings,
    narrative: { lang: settings.lang, leadingZero: settings.leadingZero, decimals: settings.percentDecimals },
    findings,
    blocking: [],
    unitName: unitNameOf(wb, settings),
    communeWord: communeWordOf(communeNamesOf(wb), settings.lang),
    schoolYear: schoolYearOf(wb, input.settings),
    formulas,
    omitted: [],
  };
}

/**
 * The year-over-year warnings of `current` against the earlier workbooks (yearOverYear.ts), for
 * hosts that check without building the report (`baocao-gd check --previous`).
 */
export function yearOverYearOf(current: ParsedWorkbook, previous: ParsedWorkbook[], settings?: Partial<Settings>, lang?: Lang): Finding[] {
  const input: ReportInput = { current, previous, settings, lang };
  return yearOverYearFindings(contextFor(current, input, false, []), previous.map((wb) => contextFor(wb, input, false, [])));
}

export function buildReport(input: ReportInput): ReportModel {
  const findings = input.findings ?? input.current.findings;
  const ctx = contextFor(input.current, input, true, findings);
  const previous = (input.previous ?? []).map((wb) => contextFor(wb, input, false, []));
  const sections: ReportSection[] = [];
  const skipped: SkippedSection[] = [];
  const skip = (id: SectionId, reason: string) => skipped.push({ id, title: tr(ctx, `report.section.${id}`), reason });

  const builders: [Exclude<SectionId, 'xu_huong' | 'canh_bao'>, () => ReportSection | null][] = [
    ['quy_mo', () => buildQuyMo(ctx)],
    ['pho_cap', () => buildPhoCap(ctx, previousYearOf(ctx, previous))],
    ['chat_luong', () => buildChatLuong(ctx)],
    ['dinh_duong', () => buildDinhDuong(ctx)],
    ['doi_ngu', () => buildDoiNgu(ctx)],
  ];
  for (const [id, build] of builders) {
    const hasSheet = SECTION_SHEETS[id].some((t) => sheetsOf(ctx.wb, t).length > 0);
    const section = hasSheet ? build() : null;
    if (section) sections.push(section);
    else skip(id, tr(ctx, 'report.skipped_reason', { sheets: SECTION_SHEETS[id].join(', ') }));
  }
  const anyTrendSheet = ['QUY_MO', 'PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH', 'CHI_TIEU'].some((t) => sheetsOf(ctx.wb, t as TemplateId).length);
  if (anyTrendSheet) {
    const xh = buildXuHuong({ current: ctx, previous, maxYears: input.maxYears });
    if (xh) sections.push(xh);
    else skip('xu_huong', tr(ctx, 'report.xh.only_one_year'));
  } else skip('xu_huong', tr(ctx, 'report.skipped_reason', { sheets: 'QUY_MO, PC_*' }));

  const open = [...findings];
  for (const f of ctx.blocking) if (!open.includes(f)) open.push(f);
  // This year against the latest earlier year given: moves beyond the set share, levels that fell, schools new or gone.
  for (const f of yearOverYearFindings(ctx, previous)) if (!open.some((o) => o.rule === f.rule && o.message.vi === f.message.vi)) open.push(f);

  const overrides = new Map<string, string>();
  for (const res of computePhoCap(ctx)) {
    const used: AppliedOverride[] = [...(res.unit?.overridesUsed ?? []), ...res.communes.flatMap((c) => c.level?.overridesUsed ?? [])];
    for (const o of used) {
      const text = explainOverride(o)[ctx.lang];
      overrides.set(text, text);
    }
  }
  if (ctx.settings.mn5CompletionDenominator === 'ppc') overrides.set('mn5', tr(ctx, 'report.mn5_denominator_override'));
  if (ctx.settings.mn5CompletionDenominator === 'ppc6') overrides.set('mn5', tr(ctx, 'report.mn5_denominator_ppc6'));
  const files = [input.current.file, ...(input.previous ?? []).map((w) => w.file)];
  sections.push(buildAppendix(ctx, { findings: open, sections, overrides: [...overrides.values()], files, maxRows: input.maxFindingRows ?? 200 }));

  const year = ctx.schoolYear;
  const frame = buildFrame({ wb: ctx.wb, settings: ctx.settings.document, schoolYear: year, lang: ctx.lang, communeNames: communeNamesOf(ctx.wb), unitLine: unitLineOf(ctx.wb) });
  return {
    title: tr(ctx, 'report.title', { year: year || tr(ctx, 'report.year_unknown') }),
    frame,
    schoolYear: year,
    unit: ctx.unitName,
    lang: ctx.lang,
    sections,
    skippedSections: skipped,
    omittedFamilies: ctx.omitted.filter((o) => sections.some((s) => s.id === o.section)),
    findings: open.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
    overridesUsed: [...overrides.values()],
    files,
  };
}
