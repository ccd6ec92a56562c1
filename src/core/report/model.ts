/**
 * ReportModel: the report as data (sections → tables of cells with provenance + paragraphs).
 * Every renderer (report worksheet, .docx, HTML/clipboard, JSON) reads only this model.
 */
import type { Finding, Lang } from '../findings';
import type { DocumentFrame } from './frame';

export type SectionId = 'quy_mo' | 'pho_cap' | 'chat_luong' | 'dinh_duong' | 'doi_ngu' | 'xu_huong' | 'canh_bao';

export const SECTION_ORDER: SectionId[] = ['quy_mo', 'pho_cap', 'chat_luong', 'dinh_duong', 'doi_ngu', 'xu_huong', 'canh_bao'];

/** Where a figure comes from: one source cell, or an en-US Excel formula over source sheets. */
export type CellSource = { sheet: string; address: string } | { formula: string };

export type CellKind = 'text' | 'count' | 'rate' | 'ratio' | 'label';

export interface ReportCell {
  /** Display text, already formatted the Vietnamese way ("26.254", "97,38%"). */
  text: string;
  /** Numeric value behind the text (a fraction for rates); absent for labels and missing figures. */
  value?: number;
  kind?: CellKind;
  source?: CellSource;
  bold?: boolean;
  /** The figure sums only the rows that reported (some cells were blank); text carries a mark. */
  partial?: boolean;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  rows: ReportCell[][];
  /** Rows (0-based within rows) that are totals, printed bold. */
  totalRows?: number[];
}

export interface ParagraphSource {
  sheet: string;
  address: string;
}

export interface ReportParagraph {
  text: string;
  sources?: ParagraphSource[];
  /**
   * 'blocked': the sentence was not written because its inputs fail a blocking check (shown in the
   * pane and listed in the appendix, never in the document's body); 'heading': a sub-heading
   * (Heading 2, or Heading 3 with `level: 3`).
   */
  kind?: 'text' | 'bullet' | 'blocked' | 'note' | 'heading';
  level?: 2 | 3;
  /** For 'blocked': what was not written and the finding that stopped it (the appendix lists them). */
  blockedBy?: { topic: string; message: string };
}

/** Order of tables and paragraphs inside a section ("each table is followed by its paragraph"). */
export type ContentRef = { type: 'table'; index: number } | { type: 'paragraph'; index: number };

export interface ReportSection {
  id: SectionId;
  title: string;
  tables: ReportTable[];
  paragraphs: ReportParagraph[];
  content: ContentRef[];
  data: Record<string, unknown>;
  /** Why the section was not built (its sheet is absent). */
  skipped?: string;
  /** An appendix (Phụ lục): printed after the signature, on its own pages. */
  appendix?: boolean;
}

export interface SkippedSection {
  id: SectionId;
  title: string;
  reason: string;
}

export interface ReportModel {
  title: string;
  /** Issuing body, number, date, recipients, signer (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
  frame?: DocumentFrame;
  schoolYear: string;
  unit: string;
  lang: Lang;
  sections: ReportSection[];
  skippedSections: SkippedSection[];
  /** Families of figures left out because their columns are absent (the CLI lists them). */
  omittedFamilies?: { section: SectionId; family: string; reason: string }[];
  /** Findings that are still open (validation + blocked sentences). */
  findings: Finding[];
  /** Settings that differ from the defaults and were used (thresholds, denominators). */
  overridesUsed: string[];
  /** Source files, newest first. */
  files: string[];
}

/** Every row has one cell per column; a table built any other way is a bug, stopped here. */
export function assertTableShape(table: ReportTable): void {
  table.rows.forEach((r, i) => {
    if (r.length !== table.columns.length) {
      throw new Error(`Report table ${table.id}: row ${i + 1} has ${r.length} cells for ${table.columns.length} columns`);
    }
  });
}

/** Section under construction: keeps the content order while tables and paragraphs are added. */
export class SectionBuilder {
  readonly section: ReportSection;

  constructor(id: SectionId, title: string) {
    this.section = { id, title, tables: [], paragraphs: [], content: [], data: {} };
  }

  table(t: ReportTable): this {
    assertTableShape(t);
    this.section.content.push({ type: 'table', index: this.section.tables.length });
    this.section.tables.push(t);
    return this;
  }

  paragraph(p: ReportParagraph | string | null | undefined): this {
    if (p === null || p === undefined) return this;
    const para = typeof p === 'string' ? { text: p } : p;
    if (!para.text) return this;
    this.section.content.push({ type: 'paragraph', index: this.section.paragraphs.length });
    this.section.paragraphs.push(para);
    return this;
  }

  build(): ReportSection {
    return this.section;
  }
}

export function labelCell(text: string, bold = false): ReportCell {
  return { text, kind: 'label', ...(bold ? { bold } : {}) };
}

/** Missing figure: a dash, never 0, never "NaN". */
export const MISSING_TEXT = '–';

export function missingCell(): ReportCell {
  return { text: MISSING_TEXT, kind: 'text' };
}
