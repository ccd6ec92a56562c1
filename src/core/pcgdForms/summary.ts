/**
 * Communes read from PCGD forms → our PC_MN5, PC_TH, PC_THCS and XMC sheets (one row per commune,
 * SHEETS.md §4 headers, the counts the forms gave) with the levels decided from the forms attached,
 * so that the report, its trends and its JSON see one model; and the lines that say, commune by
 * commune, whether a level was recomputed from counts or from printed rates and what could not be
 * verified.
 */
import type { Bilingual } from '../findings';
import { msg } from '../i18n';
import type { ReportModel } from '../report/model';
import { readSheet } from '../sheets/read';
import { TEMPLATE_BY_ID } from '../sheets/templates';
import type { ParsedSheet, SourceLevel, TemplateId } from '../sheets/types';
import type { CellValue, SheetSnapshot } from '../types';
import type { FormsRun } from './communes';
import { FORM_PROGRAMMES, levelLines } from './communes';
import type { Programme } from '../indicators/table';

const SHEETS: { template: TemplateId; programme: Programme; name: string }[] = [
  { template: 'PC_MN5', programme: 'MN5', name: 'PC_MN5 (PCGD)' },
  { template: 'PC_TH', programme: 'TH', name: 'PC_TH (PCGD)' },
  { template: 'PC_THCS', programme: 'THCS', name: 'PC_THCS (PCGD)' },
  { template: 'XMC', programme: 'XMC', name: 'XMC (PCGD)' },
];

export interface FormsWorkbook {
  snapshot: SheetSnapshot[];
  sheets: ParsedSheet[];
}

function schoolYear(year: number | null): string {
  return year === null ? '' : `${year}-${year + 1}`;
}

/** The summary sheets of the communes' form figures, read back with the decided levels attached. */
export function formsSheets(run: FormsRun, unit?: string): FormsWorkbook {
  const snapshot: SheetSnapshot[] = [];
  const sheets: ParsedSheet[] = [];
  for (const s of SHEETS) {
    const communes = run.communes.filter((c) => c.programmes[s.programme]);
    if (!communes.length) continue;
    const def = TEMPLATE_BY_ID[s.template];
    const present = new Set<string>();
    for (const c of communes) for (const p of FORM_PROGRAMMES) if (TEMPLATE_BY_ID[s.template] && c.programmes[p]) for (const f of Object.keys(c.programmes[p]!.counts)) present.add(f);
    // The template's required columns are always there (blank when no form gives them).
    const fields = ['ten_xa', 'dbkk', ...def.fields.filter((f) => f.type === 'count' && (present.has(f.id) || f.required)).map((f) => f.id)];
    const rows: CellValue[][] = [
      [def.title.toUpperCase()],
      [`Đơn vị: ${unit ?? run.unit.name ?? ''}`.trim()],
      [`Năm học: ${schoolYear(run.year)}`],
      [`Nguồn: ${run.readings.length} biểu của hệ thống PCGD–XMC (${communes.length} xã, phường)`],
      fields.map((id) => def.fields.find((f) => f.id === id)!.header),
    ];
    const levels: SourceLevel[] = [];
    for (const c of communes) {
      // Counts of the sheet's template from every programme of the commune (TH fields come with THCS-M2 too).
      const counts: Record<string, number | null> = {};
      for (const p of FORM_PROGRAMMES) Object.assign(counts, c.programmes[p]?.counts ?? {});
      rows.push(fields.map((id) => (id === 'ten_xa' ? c.name : id === 'dbkk' ? (c.dbkk ? 'có' : 'không') : counts[id] ?? null)));
      const cp = c.programmes[s.programme]!;
      levels.push({
        level: { ...cp.result, level: cp.level },
        rates: Object.fromEntries(Object.entries(cp.rates).map(([id, r]) => [id, r.value])),
        basis: cp.basis,
        unverified: cp.unverified,
      });
    }
    const width = fields.length;
    const sheet: SheetSnapshot = { name: s.name, origin: { row: 0, col: 0 }, values: rows.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill(null)]) };
    const parsed = readSheet(sheet, { fileName: 'PCGD', schoolYear: schoolYear(run.year) || undefined });
    if (!parsed) continue;
    if (parsed.records.length === levels.length) parsed.sourceLevels = levels;
    snapshot.push(sheet);
    sheets.push(parsed);
  }
  return { snapshot, sheets };
}

/** The phổ cập section says which levels were recomputed from counts and which from printed rates. */
export function addFormsNotes(model: ReportModel, run: FormsRun): void {
  const section = model.sections.find((s) => s.id === 'pho_cap');
  if (!section) return;
  const lines: Bilingual[] = [
    msg('pcgd.forms_note', { n: run.readings.length, communes: run.communes.length, year: run.year ?? '–' }),
    ...levelLines(run),
  ];
  for (const l of lines) {
    section.content.push({ type: 'paragraph', index: section.paragraphs.length });
    section.paragraphs.push({ text: l[model.lang], kind: 'bullet' });
  }
  section.data.forms = {
    year: run.year,
    files: [...new Set(run.readings.map((r) => r.file))].length,
    communes: run.communes.map((c) => ({
      ten_xa: c.name,
      dbkk: c.dbkk,
      forms: c.forms.map((f) => f.code),
      programmes: Object.fromEntries(Object.entries(c.programmes).map(([p, cp]) => [p, { level: cp!.level, basis: cp!.basis, unverified: cp!.unverified, capped: cp!.capped }])),
    })),
    overall: Object.fromEntries(Object.entries(run.unit.levels).map(([p, u]) => [p, u!.level])),
  };
}
