/**
 * ReportModel → SheetPlan for the report worksheet ("Báo cáo 2023-2024"). Table figures are native
 * Excel formulas (en-US syntax, Office.js `formulas`) pointing at the source cells where the model
 * has one, with the computed value alongside (`results`) for hosts that cannot evaluate.
 */
import type { SheetPlan, WriteBlock } from '../types';
import { percentDisplayIsCut, truncateTo } from '../format/vn';
import { t } from '../i18n';
import { documentSections, headingText } from './document';
import type { ReportCell, ReportModel, ReportParagraph, ReportSection, ReportTable } from './model';

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

function cellFormat(c: ReportCell): string | null {
  if (c.value === undefined) return null;
  if (c.kind === 'rate') return NUMBER_FORMATS.rate;
  if (c.kind === 'ratio') return NUMBER_FORMATS.ratio;
  if (c.kind === 'count') return NUMBER_FORMATS.count;
  return null;
}

/**
 * A rate that '0.00%' would round up across a threshold (89,997% → "90,00%") is cut to its shown
 * decimals in the cell itself, ROUNDDOWN(…, 4), as every other display cuts it (format/vn.ts).
 */
function cutRate(c: ReportCell): boolean {
  return c.kind === 'rate' && typeof c.value === 'number' && percentDisplayIsCut(c.value * 100, 2);
}

function cellValue(c: ReportCell): { value: string | number | null; formula: boolean; result: number | null } {
  const cut = cutRate(c);
  if (c.value !== undefined && c.source) {
    let formula = 'formula' in c.source ? c.source.formula : `='${c.source.sheet.replace(/'/g, "''")}'!${c.source.address}`;
    if (cut) formula = `=IFERROR(ROUNDDOWN(${formula.slice(1)},4),"")`;
    return { value: formula, formula: true, result: cut ? truncateTo(c.value as number, 4) : c.value };
  }
  if (c.value !== undefined) return { value: cut ? truncateTo(c.value as number, 4) : c.value, formula: false, result: null };
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
  // The frame's two halves (Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục IV: ô 2–3 left, ô 1 and 4 right).
  const half = Math.max(1, Math.floor(width * 0.4));
  const pairRows = (id: string, left: [string, WriteBlock['style']][], right: [string, WriteBlock['style']][]) => {
    const n = Math.max(left.length, right.length);
    for (let i = 0; i < n; i++) {
      const [lt, ls] = left[i] ?? ['', {}];
      const [rt, rs] = right[i] ?? ['', {}];
      blocks.push({ id: `${id}:l${i}`, row, col: 0, values: [[lt, ...Array(half - 1).fill(null)]], mergeRows: true, style: { wrap: true, align: 'center', ...ls } });
      blocks.push({ id: `${id}:r${i}`, row, col: half, values: [[rt, ...Array(width - half - 1).fill(null)]], mergeRows: true, style: { wrap: true, align: 'center', ...rs } });
      row++;
    }
  };
  const paragraph = (p: ReportParagraph, id: string) => {
    const prefix = p.kind === 'bullet' ? '- ' : '';
    textRow(prefix + p.text, id, { italic: p.kind === 'note' || p.kind === 'blocked', bold: p.kind === 'heading', align: 'left' });
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

  const f = model.frame;
  const { main, appendices } = documentSections(model);
  const sectionRows = (sec: ReportSection) => {
    for (const ref of sec.content) {
      if (ref.type === 'table') table(sec.tables[ref.index]);
      else if (sec.paragraphs[ref.index].kind !== 'blocked') paragraph(sec.paragraphs[ref.index], `${sec.id}:p${ref.index}`);
    }
  };
  if (f) {
    pairRows(
      'frame',
      [...(f.parentBody ? [[f.parentBody, {}] as [string, WriteBlock['style']]] : []), [f.issuingBody, { bold: true }], [f.numberLine, {}]],
      [[t('report.frame.motto_1', model.lang), { bold: true }], [t('report.frame.motto_2', model.lang), { bold: true }], ...(f.parentBody ? [['', {}] as [string, WriteBlock['style']]] : []), [f.dateLine, { italic: true }]],
    );
    row++;
    textRow(f.docType, 'doc_type', { bold: true, fontSize: 14, align: 'center' });
    textRow(f.subject, 'subject', { bold: true, align: 'center' });
    if (f.recipients.length) textRow(`${t('report.frame.to', model.lang)}: ${f.recipients.join('; ')}`, 'to', { align: 'center' });
    row++;
    textRow(f.opening, 'opening', { align: 'left' });
  } else {
    textRow(model.title, 'title', { bold: true, fontSize: 14, align: 'center' });
    row++;
  }
  main.forEach((sec, si) => {
    textRow(headingText(sec, si), `${sec.id}:heading`, { bold: true });
    sectionRows(sec);
    row++;
  });
  if (f) {
    textRow(f.closing, 'closing', { align: 'left' });
    row++;
    const authority: [string, WriteBlock['style']][] = f.signer.authority ? [[f.signer.authority.toLocaleUpperCase('vi'), { bold: true }]] : [];
    pairRows(
      'signature',
      [[`${t('report.frame.copy_to', model.lang)}:`, { bold: true, italic: true, align: 'left' }], ...f.copyTo.map((c): [string, WriteBlock['style']] => [`- ${c}`, { align: 'left' }])],
      [...authority, [f.signer.title, { bold: true }], ['', {}], ['', {}], ['', {}], [f.signer.name ?? '', { bold: true }]],
    );
  }
  for (const sec of appendices) {
    row++;
    const [word, ...rest] = sec.title.split(/:\s*/);
    textRow(word, `${sec.id}:appendix`, { bold: true, align: 'center' });
    textRow((rest.join(': ') || sec.title).toLocaleUpperCase('vi'), `${sec.id}:heading`, { bold: true, align: 'center' });
    row++;
    sectionRows(sec);
  }
  return { name: reportSheetName(model), blocks, columnWidths: widths, rowHeights };
}
