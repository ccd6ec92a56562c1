/**
 * ReportModel → SheetPlan for the report worksheet ("Báo cáo 2023-2024"). Table figures are native
 * Excel formulas (en-US syntax, Office.js `formulas`) pointing at the source cells where the model
 * has one, with the computed value alongside (`results`) for hosts that cannot evaluate.
 */
import type { SheetPlan, WriteBlock } from '../types';
import { t } from '../i18n';
import type { ReportCell, ReportModel, ReportParagraph, ReportTable } from './model';

export interface ReportWriteBlock extends WriteBlock {
  /** Same shape as values: the figure each formula evaluates to (null where the cell is not a formula). */
  results?: (string | number | boolean | null)[][];
}

export interface ReportSheetPlan extends SheetPlan {
  blocks: ReportWriteBlock[];
  /** Heights in points for wrapped paragraph rows (0-based row index). */
  rowHeights?: Record<number, number>;
}

export const NUMBER_FORMATS = { count: '#,##0', rate: '0.00%', ratio: '0.00' } as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function cellFormat(c: ReportCell): string | null {
  if (c.value === undefined) return null;
  if (c.kind === 'rate') return NUMBER_FORMATS.rate;
  if (c.kind === 'ratio') return NUMBER_FORMATS.ratio;
  if (c.kind === 'count') return NUMBER_FORMATS.count;
  return null;
}

function cellValue(c: ReportCell): { value: string | number | null; formula: boolean; result: number | null } {
  if (c.value !== undefined && c.source) {
    const formula = 'formula' in c.source ? c.source.formula : `='${c.source.sheet.replace(/'/g, "''")}'!${c.source.address}`;
    return { value: formula, formula: true, result: c.value };
  }
  if (c.value !== undefined) return { value: c.value, formula: false, result: null };
  return { value: c.text, formula: false, result: null };
}

/** Characters per line of a merged paragraph row, for the row height estimate. */
function lineChars(widths: Record<number, number>, cols: number): number {
  let w = 0;
  for (let i = 0; i < cols; i++) w += widths[i] ?? 10;
  return Math.max(20, Math.floor(w * 1.1));
}

export function reportSheetName(model: ReportModel): string {
  const name = t('report.sheet_name', model.lang, { year: model.schoolYear || '' }).trim();
  // Excel: ≤ 31 characters, none of : \ / ? * [ ]
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}

export function reportToSheetPlan(model: ReportModel): ReportSheetPlan {
  const blocks: ReportWriteBlock[] = [];
  const width = Math.max(4, ...model.sections.flatMap((s) => s.tables.map((tb) => tb.columns.length)));
  const widths: Record<number, number> = {};
  const rowHeights: Record<number, number> = {};
  let row = 0;

  const measure = (tb: ReportTable) => {
    tb.columns.forEach((h, i) => {
      const longest = Math.max(...tb.rows.map((r) => (r[i]?.text ?? '').length), Math.min(h.length, 18));
      widths[i] = Math.min(48, Math.max(widths[i] ?? 8, longest + 2));
    });
  };
  for (const s of model.sections) s.tables.forEach(measure);
  for (let i = 0; i < width; i++) widths[i] ??= 12;
  const perLine = lineChars(widths, width);

  const textRow = (text: string, id: string, style: WriteBlock['style']) => {
    blocks.push({ id, row, col: 0, values: [[text, ...Array(width - 1).fill(null)]], mergeRows: true, style: { wrap: true, ...style } });
    const lines = Math.ceil(text.length / perLine);
    if (lines > 1) rowHeights[row] = Math.min(409, 17 * lines);
    row++;
  };
  const paragraph = (p: ReportParagraph, id: string) => {
    const prefix = p.kind === 'bullet' ? '- ' : '';
    textRow(prefix + p.text, id, { italic: p.kind === 'note' || p.kind === 'blocked', align: 'left' });
  };
  const table = (tb: ReportTable) => {
    textRow(tb.title, `${tb.id}:title`, { bold: true, italic: true });
    blocks.push({
      id: `${tb.id}:header`,
      row,
      col: 0,
      values: [tb.columns],
      style: { bold: true, border: true, wrap: true, fill: '#D9E1F2', align: 'center' },
    });
    rowHeights[row] = Math.min(90, 17 * Math.max(1, ...tb.columns.map((h, i) => Math.ceil(h.length / Math.max(6, (widths[i] ?? 10) - 1)))));
    row++;
    // Rows with the same number formats column by column go into one block (one 2-D assignment).
    let i = 0;
    while (i < tb.rows.length) {
      const sig = tb.rows[i].map(cellFormat).join('|') + (tb.totalRows?.includes(i) ? '|T' : '');
      let j = i + 1;
      while (j < tb.rows.length && tb.rows[j].map(cellFormat).join('|') + (tb.totalRows?.includes(j) ? '|T' : '') === sig) j++;
      const rows = tb.rows.slice(i, j);
      const cells = rows.map((r) => r.map(cellValue));
      const columnFormats: Record<number, string> = {};
      rows[0].forEach((c, k) => {
        const f = cellFormat(c);
        if (f) columnFormats[k] = f;
      });
      const anyFormula = cells.some((r) => r.some((c) => c.formula));
      blocks.push({
        id: `${tb.id}:rows:${i}`,
        row,
        col: 0,
        values: cells.map((r) => r.map((c) => c.value)),
        ...(anyFormula ? { isFormula: cells.map((r) => r.map((c) => c.formula)), results: cells.map((r) => r.map((c) => c.result)) } : {}),
        columnFormats,
        style: { border: true, ...(tb.totalRows?.includes(i) ? { bold: true } : {}) },
      });
      row += rows.length;
      i = j;
    }
    row++;
  };

  textRow(model.title, 'title', { bold: true, fontSize: 14, align: 'center' });
  const sub = [model.unit, model.schoolYear].filter(Boolean).join(' – ');
  if (sub) textRow(sub, 'subtitle', { italic: true, align: 'center' });
  row++;
  model.sections.forEach((s, si) => {
    textRow(`${ROMAN[si] ?? si + 1}. ${s.title}`, `${s.id}:heading`, { bold: true });
    for (const ref of s.content) {
      if (ref.type === 'table') table(s.tables[ref.index]);
      else paragraph(s.paragraphs[ref.index], `${s.id}:p${ref.index}`);
    }
    row++;
  });
  if (model.skippedSections.length) {
    textRow(t('report.skipped_list', model.lang, { list: model.skippedSections.map((s) => s.title).join('; ') }), 'skipped', { italic: true });
  }
  if (model.overridesUsed.length) {
    textRow(t('report.overrides', model.lang, { list: model.overridesUsed.join('; ') }), 'overrides', { italic: true });
  }
  return { name: reportSheetName(model), blocks, columnWidths: widths, rowHeights };
}
