/**
 * Communes read from registers → the standard summary sheets → the same reader, checks, levels and
 * report as any workbook of summary sheets. Levels are never computed here: they come from the
 * report's phổ cập section (src/core/report/phoCap → src/core/indicators).
 */
import { finding } from '../findings';
import type { Finding, MessageKeyOf, RuleId } from '../findings';
import { CATALOG, msg } from '../i18n';
import { formatNumber } from '../format/vn';
import { buildReport } from '../report/build';
import type { ReportModel } from '../report/model';
import { checkSnapshot } from '../rules';
import { withDefaults, type Settings } from '../settings';
import type { ParsedWorkbook } from '../sheets/types';
import type { WorkbookSnapshot } from '../types';
import type { CommuneRegister } from './commune';
import { DEFAULT_REGISTER_SETTINGS, registerSettingsUsed } from './settings';
import { schoolYearOfSurvey, summarySnapshot } from './summary';

export interface RegisterWorkbook {
  snapshot: WorkbookSnapshot;
  parsed: ParsedWorkbook;
  /** Findings of the summary sheets (checks on the aggregated counts). */
  findings: Finding[];
}

/**
 * The settings the summary sheets are read with: completion counted on the 6-year-olds (form MN-02,
 * the register default) makes the MN5 completion rate use that cohort as its denominator.
 */
export function registerEffectiveSettings(settings: Partial<Settings>): Partial<Settings> {
  const mn5 = settings.register?.mn5Completion ?? DEFAULT_REGISTER_SETTINGS.mn5Completion;
  return mn5 === 'tuoi-6' ? { ...settings, mn5CompletionDenominator: 'ppc6' } : settings;
}

export function registerWorkbook(communes: CommuneRegister[], settings: Partial<Settings>, fileName = 'so-dang-ky', unit?: string): RegisterWorkbook {
  const snapshot = summarySnapshot(communes, fileName, { unit });
  const { parsed, findings } = checkSnapshot(snapshot, { fileName, settings: withDefaults(registerEffectiveSettings(settings)) });
  return { snapshot, parsed, findings };
}

export type ProgrammeLevels = Record<'MN5' | 'TH' | 'THCS' | 'XMC', number | null>;

export interface PhoCapUnit {
  ma_xa: string | null;
  ten_xa: string | null;
  programme: string;
  level: number | null;
  rates: Record<string, number | null>;
  inputs: Record<string, number | null>;
}

/** The report's phổ cập data: each commune's level per programme, and the higher unit's. */
export function levelsOf(model: ReportModel): { communes: Map<string, ProgrammeLevels>; overall: ProgrammeLevels; units: PhoCapUnit[] } {
  const section = model.sections.find((s) => s.id === 'pho_cap');
  const data = (section?.data ?? { units: [], overall: {} }) as { units: PhoCapUnit[]; overall: Record<string, number | null> };
  const communes = new Map<string, ProgrammeLevels>();
  for (const u of data.units) {
    const key = u.ten_xa ?? u.ma_xa ?? '';
    const entry = communes.get(key) ?? { MN5: null, TH: null, THCS: null, XMC: null };
    if (u.programme in entry) entry[u.programme as keyof ProgrammeLevels] = u.level;
    communes.set(key, entry);
  }
  const o = data.overall;
  return { communes, overall: { MN5: o.MN5 ?? null, TH: o.TH ?? null, THCS: o.THCS ?? null, XMC: o.XMC ?? null }, units: data.units };
}

/** Report model of the communes (levels included), with the register's file findings and settings notes. */
export function registerReport(
  communes: CommuneRegister[],
  opts: { settings?: Partial<Settings>; lang?: 'vi' | 'en'; unit?: string; fileFindings?: Finding[]; previous?: ParsedWorkbook[] } = {},
): { model: ReportModel; workbook: RegisterWorkbook } {
  const given = opts.settings ?? {};
  const workbook = registerWorkbook(communes, given, 'so-dang-ky', opts.unit);
  const settings = registerEffectiveSettings(given);
  const year = communes.find((c) => c.year !== null)?.year ?? null;
  const model = buildReport({
    current: workbook.parsed,
    previous: opts.previous,
    findings: [...workbook.findings, ...countOnlyFindings(opts.fileFindings ?? [])],
    lang: opts.lang,
    settings: { ...settings, schoolYear: settings.schoolYear ?? schoolYearOfSurvey(year) },
  });
  // Every output that used a register says what was counted and under which open rules.
  const section = model.sections.find((s) => s.id === 'pho_cap');
  if (section) {
    for (const text of registerNotes(communes, settings, model.lang)) {
      section.content.push({ type: 'paragraph', index: section.paragraphs.length });
      section.paragraphs.push({ text, kind: 'bullet' });
    }
    section.data.register = registerJson(communes, settings, model.lang);
  }
  return { model, workbook };
}

/** Findings about files and communes are kept; findings about persons become counts per rule (no names, no rows). */
export const FILE_LEVEL_RULES = new Set<RuleId>(['khong_doc_duoc_tep', 'dk_nam_dieu_tra_khac', 'dk_khong_co_dong_tieu_de', 'dk_khong_co_nam_dieu_tra', 'dk_cot_doi_cho', 'dk_khong_phai_so_dang_ky']);

export function countOnlyFindings(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  const counts = new Map<RuleId, { n: number; severity: Finding['severity'] }>();
  for (const f of findings) {
    if (FILE_LEVEL_RULES.has(f.rule)) out.push(f);
    else if (f.rule !== 'dk_con_nua') {
      const c = counts.get(f.rule) ?? { n: 0, severity: f.severity };
      c.n++;
      counts.set(f.rule, c);
    }
  }
  for (const [rule, c] of counts) {
    const label = CATALOG[`register.rule.${rule}`] ?? { vi: rule, en: rule };
    const key = (c.severity === 'error' ? 'register.person_summary' : 'register.person_summary_warning') as MessageKeyOf<typeof rule>;
    const f = finding(rule, key, { n: formatNumber(c.n), label: '{label}' }, { cells: [], actual: c.n });
    out.push({ ...f, message: { vi: f.message.vi.replace('{label}', label.vi), en: f.message.en.replace('{label}', label.en) } });
  }
  return out;
}

/** Lines every register output carries: counts kept and left out, then each open rule and its value. */
export function registerNotes(communes: CommuneRegister[], settings: Partial<Settings>, lang: 'vi' | 'en'): string[] {
  const files = communes.reduce((s, c) => s + c.files.length, 0);
  const sum = (f: (c: CommuneRegister) => number) => formatNumber(communes.reduce((s, c) => s + f(c), 0));
  const out = [
    msg('register.report_note', { communes: communes.length, files, persons: sum((c) => c.persons), excluded: sum((c) => c.excluded), duplicates: sum((c) => c.duplicates) })[lang],
  ];
  for (const c of communes) out.push(communeLine(c, lang));
  for (const s of registerSettingsUsed(settings)) {
    out.push(msg('register.settings_used', { label: s.label[lang], value: s.value[lang], changed: s.isDefault ? '' : msg('register.setting_changed')[lang], source: s.source, status: s.status })[lang]);
  }
  return out;
}

/** Counts only (never names): per commune, files, persons, left out, ĐBKK and its source; the settings in force. */
export function registerJson(communes: CommuneRegister[], settings: Partial<Settings>, lang: 'vi' | 'en') {
  return {
    communes: communes.map((c) => ({
      ten_xa: c.name, ma_xa: c.code, nam_dieu_tra: c.year, files: c.files.length, thon: c.thon.length,
      persons: c.persons, excluded: c.excluded, duplicates: c.duplicates, dbkk: c.dbkk, dbkk_source: c.dbkkSource,
    })),
    settings: registerSettingsUsed(settings).map((s) => ({ key: s.key, value: s.value[lang], default: s.isDefault, source: s.source, status: s.status })),
  };
}

export function dbkkText(c: CommuneRegister, lang: 'vi' | 'en'): string {
  const key = c.dbkk ? `register.dbkk.${c.dbkkSource}` : c.dbkkSource === 'list' ? 'register.dbkk.list_no' : 'register.dbkk.default';
  return msg(key)[lang];
}

export function communeLine(c: CommuneRegister, lang: 'vi' | 'en'): string {
  return msg('register.summary', {
    commune: c.name, year: c.year ?? '–', files: c.files.length, persons: formatNumber(c.persons),
    excluded: formatNumber(c.excluded), duplicates: formatNumber(c.duplicates), dbkk: dbkkText(c, lang),
  })[lang];
}
