/**
 * What every section builder needs: the parsed workbook, settings, language, the open findings and
 * the rule "a sentence whose inputs fail a blocking check is not written; the finding is listed".
 */
import type { Finding, Lang } from '../findings';
import { t } from '../i18n';
import type { Settings } from '../settings';
import { fieldDef } from '../sheets/templates';
import type { ParsedSheet, ParsedWorkbook, TemplateId } from '../sheets/types';
import type { CellRef } from './figures';
import type { ReportParagraph, ReportTable, SectionBuilder, SectionId } from './model';
import type { NarrativeOptions } from './narrative';

export interface ReportContext {
  wb: ParsedWorkbook;
  lang: Lang;
  settings: Settings;
  narrative: NarrativeOptions;
  /** Open findings of the current workbook. */
  findings: Finding[];
  /** Findings that stopped a sentence (listed in the Cảnh báo section). */
  blocking: Finding[];
  unitName: string;
  /** How the communes are called in sentences: "phường", "xã", "xã, phường". */
  communeWord: string;
  schoolYear: string;
  /** Write formulas for figures of this workbook (false for older years' workbooks). */
  formulas: boolean;
  /** Families of figures left out of the document (their columns are absent): listed by the CLI. */
  omitted: OmittedFamily[];
}

/** A family of figures (party members, rooms, …) the document leaves out, and why. */
export interface OmittedFamily {
  section: SectionId;
  family: string;
  reason: string;
}

/**
 * Records that a family was left out because its sheet lacks the columns: the document stays
 * silent, the CLI and the JSON name it (as with sections without a sheet).
 */
export function omitFamily(ctx: ReportContext, section: SectionId, familyKey: string, template: TemplateId, fields: string[], reason?: string): void {
  const family = tr(ctx, `report.family.${familyKey}`);
  if (ctx.omitted.some((o) => o.section === section && o.family === family)) return;
  const headers = fields.map((f) => `"${fieldDef(template, f)?.header ?? f}"`).join(', ');
  ctx.omitted.push({ section, family, reason: reason ?? tr(ctx, 'report.family.missing', { sheet: template, fields: headers }) });
}

export function tr(ctx: Pick<ReportContext, 'lang'>, key: string, params: Record<string, string | number> = {}): string {
  return t(key, ctx.lang, params);
}

export function sheetsOf(wb: ParsedWorkbook, template: TemplateId): ParsedSheet[] {
  return wb.sheets.filter((s) => s.template === template && s.records.length > 0);
}

export function firstSheet(wb: ParsedWorkbook, template: TemplateId): ParsedSheet | undefined {
  return sheetsOf(wb, template)[0];
}

function columnOf(address: string): string {
  return address.replace(/\d+$/, '');
}

function rowOf(address: string): number {
  return Number(address.replace(/^[A-Z]+/, ''));
}

/**
 * Error findings that touch any of the input cells: the same cell, or the printed total row of the
 * same column (a total that disagrees with its rows puts the rows' sum in doubt too).
 */
export function blockingFindings(ctx: ReportContext, cells: CellRef[]): Finding[] {
  if (!cells.length) return [];
  const exact = new Set(cells.map((c) => `${c.sheet}!${c.address}`));
  const columns = new Set(cells.map((c) => `${c.sheet}!${columnOf(c.address)}`));
  const totalRows = new Map<string, number>();
  for (const s of ctx.wb.sheets) if (s.totalRow) totalRows.set(s.sheetName, s.totalRow.row);
  return ctx.findings.filter((f) => {
    if (f.severity !== 'error' || !f.sheet) return false;
    return f.cells.some((a) => {
      if (exact.has(`${f.sheet}!${a}`)) return true;
      const tr = totalRows.get(f.sheet!);
      return tr !== undefined && rowOf(a) === tr && columns.has(`${f.sheet}!${columnOf(a)}`);
    });
  });
}

/**
 * A paragraph from `write()` unless its inputs fail a blocking check; then a "not written" note
 * naming the finding, and the finding goes to the Cảnh báo section.
 */
export function guarded(
  ctx: ReportContext,
  topic: string,
  cells: CellRef[],
  write: () => string | null,
  kind: ReportParagraph['kind'] = 'text',
): ReportParagraph | null {
  const blocking = blockingFindings(ctx, cells);
  if (blocking.length) {
    for (const f of blocking) if (!ctx.blocking.includes(f)) ctx.blocking.push(f);
    const message = blocking[0].message[ctx.lang];
    return { text: tr(ctx, 'report.blocked', { topic, message }), kind: 'blocked', blockedBy: { topic, message }, sources: cells.slice(0, 50) };
  }
  const text = write();
  if (!text) return null;
  return { text, kind, sources: cells.slice(0, 50) };
}

/** Adds the table, then the footnote when some figure sums only the rows that reported. */
export function addTable(ctx: ReportContext, sb: SectionBuilder, table: ReportTable): void {
  sb.table(table);
  if (table.rows.some((r) => r.some((c) => c.partial))) sb.paragraph({ text: tr(ctx, 'report.partial_note'), kind: 'note' });
}
