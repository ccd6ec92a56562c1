/**
 * Several files read as one unit's figures (a folder of PCGD forms, a CSDL report per cấp học, our
 * own sheets beside them): the PCGD forms of all files give every commune's figures and levels and
 * the higher unit's level; the CSDL reports of all files give one quy mô (one row per cấp học ×
 * loại hình); every other sheet is kept as it is. Host-neutral: the command line and the task pane
 * both call it on what their readers returned.
 */
import type { Finding } from './findings';
import { csdlDerivedSheets } from './csdl';
import { readSheet } from './sheets/read';
import { communesOfForms, formsSheets } from './pcgdForms';
import type { FormsRun } from './pcgdForms';
import type { Settings } from './settings';
import type { ParsedWorkbook } from './sheets/types';
import type { SheetSnapshot, WorkbookSnapshot } from './types';
import { validateWorkbook } from './rules';
import { parseSchoolYear } from './parse';

export interface LoadedInput {
  file: string;
  snapshot: WorkbookSnapshot;
  parsed: ParsedWorkbook;
  findings: Finding[];
}

export interface CombinedInput {
  parsed: ParsedWorkbook;
  findings: Finding[];
  /** Every sheet a report formula may point at (the files' own, and the sheets built from them). */
  sheets: SheetSnapshot[];
  forms: FormsRun | null;
}

/** Survey year (first year of the school year) from a "2025-2026" setting. */
export function surveyYearOf(schoolYear: string | undefined): number | null {
  if (!schoolYear) return null;
  const p = parseSchoolYear(schoolYear);
  return p && 'start' in p ? p.start : null;
}

export function combineInputs(items: LoadedInput[], opts: { settings?: Partial<Settings>; fileName?: string } = {}): CombinedInput {
  const forms = items.flatMap((i) => i.parsed.forms ?? []);
  const csdl = items.flatMap((i) => i.parsed.csdl ?? []);
  const findings = items.flatMap((i) => i.findings);
  const sheets: SheetSnapshot[] = items.flatMap((i) => i.snapshot.sheets);
  const parsedSheets = [];
  // One file's CSDL sheets stand as they are; several reports make one quy mô of all their rows.
  const several = csdl.length > 1;
  for (const i of items) {
    const derived = new Set((i.parsed.derivedSheets ?? []).map((s) => s.name));
    for (const s of i.parsed.sheets) if (!(several && derived.has(s.sheetName))) parsedSheets.push(s);
    if (!several) sheets.push(...(i.parsed.derivedSheets ?? []));
  }
  const extra: ParsedWorkbook = { file: opts.fileName ?? items.map((i) => i.file).join(', '), sheets: [], unrecognised: [], findings: [] };
  if (several) {
    for (const d of csdlDerivedSheets(csdl)) {
      const p = readSheet(d, { fileName: extra.file, schoolYear: opts.settings?.schoolYear ?? csdl.find((r) => r.schoolYear)?.schoolYear ?? undefined }, extra.findings);
      if (p) {
        extra.sheets.push(p);
        sheets.push(d);
      }
    }
  }
  let run: FormsRun | null = null;
  if (forms.length) {
    run = communesOfForms(forms, { settings: opts.settings, year: surveyYearOf(opts.settings?.schoolYear) });
    const ws = formsSheets(run);
    extra.sheets.push(...ws.sheets);
    sheets.push(...ws.snapshot);
    findings.push(...run.findings);
  }
  if (extra.sheets.length) findings.push(...extra.findings, ...validateWorkbook(extra, { settings: opts.settings }));
  const parsed: ParsedWorkbook = {
    file: extra.file,
    sheets: [...parsedSheets, ...extra.sheets],
    unrecognised: items.flatMap((i) => i.parsed.unrecognised),
    findings,
    systemSheets: items.flatMap((i) => i.parsed.systemSheets ?? []),
    forms,
    csdl,
    schoolLists: items.flatMap((i) => i.parsed.schoolLists ?? []),
  };
  // Hidden copies set aside in any file (a visible sheet won) stay said.
  const setAside = items.flatMap((i) => i.parsed.setAside ?? []);
  if (setAside.length) parsed.setAside = setAside;
  return { parsed, findings, sheets, forms: run };
}
