/**
 * The office's summary sheet ("Tổng hợp") from the accepted submissions, as a SheetPlan any host can
 * write. Every row names the file and cells it came from; submissions with errors are listed below,
 * never merged silently.
 */
import { formatNumber } from '../format/vn';
import { t } from '../i18n';
import type { SheetPlan, WriteBlock } from '../types';
import type { TemplateId } from '../sheets/types';
import { fieldLabel, isSummable, TEMPLATE_ORDER, templateTitle } from './template-info';
import type { TemplateLayout } from './master';
import type { Scalar } from './values';

export interface ConsolidatedRow {
  template: TemplateId;
  file: string;
  sheetName: string;
  row: number;
  columns: Record<string, string>;
  values: Record<string, Scalar>;
  /** School position in the master. */
  order: number;
}

export interface SummaryInput {
  lang: 'vi' | 'en';
  schoolYear?: string;
  /** The master's column order and headers per template, so the summary looks like the office's sheet. */
  layout: Map<TemplateId, TemplateLayout>;
  rows: ConsolidatedRow[];
  blocked: { file: string; schools: string[]; reasons: string[] }[];
  missing: { code: string; name: string; commune: string; level: string }[];
  expected: number;
  acceptedSchools: number;
}

type Cell = string | number | boolean | null;

/** "[truong_a.xlsx]QUY_MO!A5:T5", the way Excel writes a reference into another workbook. */
export function provenance(row: Pick<ConsolidatedRow, 'file' | 'sheetName' | 'row' | 'columns'>, fields: string[]): string {
  const letters = fields.map((f) => row.columns[f]).filter((c): c is string => !!c);
  const sorted = letters.sort((a, b) => a.length - b.length || a.localeCompare(b));
  const range = sorted.length === 0 ? `${row.row}:${row.row}` : sorted.length === 1 ? `${sorted[0]}${row.row}` : `${sorted[0]}${row.row}:${sorted[sorted.length - 1]}${row.row}`;
  const sheet = /^[\p{L}\p{N}_]+$/u.test(row.sheetName) ? row.sheetName : `'${row.sheetName.replace(/'/g, "''")}'`;
  return `[${row.file}]${sheet}!${range}`;
}

export function buildSummarySheet(input: SummaryInput): SheetPlan {
  const { lang } = input;
  const blocks: WriteBlock[] = [];
  let at = 0;
  let widest = 1;
  /** Blocks are stacked down the sheet; a heading sits directly on its table (gap 0). */
  const push = (block: WriteBlock, gap = 1) => {
    blocks.push(block);
    at += block.values.length + gap;
    widest = Math.max(widest, ...block.values.map((r) => r.length));
  };

  push({
    id: 'title',
    row: at,
    col: 0,
    values: [
      [t('crosscheck.sheet_title', lang, { year: input.schoolYear ?? t('crosscheck.year_unknown', lang) })],
      [
        t('crosscheck.sheet_counts', lang, {
          accepted: formatNumber(input.acceptedSchools),
          expected: formatNumber(input.expected),
          blocked: formatNumber(input.blocked.length),
          missing: formatNumber(input.missing.length),
        }),
      ],
    ],
    rowStyles: { 0: { bold: true, fontSize: 13 }, 1: { italic: true } },
  });

  const templates = [...new Set(input.rows.map((r) => r.template))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  for (const template of templates) {
    const rows = input.rows.filter((r) => r.template === template).sort((a, b) => a.order - b.order || a.file.localeCompare(b.file) || a.row - b.row);
    const present = new Set(rows.flatMap((r) => Object.keys(r.columns)));
    const layout = input.layout.get(template);
    const masterOrder = layout?.fields ?? [];
    const fields = [...masterOrder.filter((f) => present.has(f)), ...[...present].filter((f) => !masterOrder.includes(f)).sort()];
    const header: Cell[] = [t('crosscheck.col_no', lang), ...fields.map((f) => fieldLabel(template, f, layout)), t('crosscheck.col_source', lang)];
    const body: Cell[][] = rows.map((r, i) => [i + 1, ...fields.map((f) => r.values[f] ?? null), provenance(r, fields)]);
    const totals: Cell[] = [t('crosscheck.row_total', lang)];
    const formats: Record<number, string> = {};
    fields.forEach((f, i) => {
      const numbers = rows.map((r) => r.values[f]).filter((v): v is number => typeof v === 'number');
      const summable = isSummable(template, f) && numbers.length > 0 && rows.every((r) => typeof r.values[f] === 'number' || r.values[f] === null || r.values[f] === undefined);
      totals.push(summable ? numbers.reduce((a, b) => a + b, 0) : null);
      if (summable) formats[i + 1] = '#,##0';
    });
    totals.push(null);
    push({ id: `${template}-title`, row: at, col: 0, values: [[templateTitle(template, lang)]], rowStyles: { 0: { bold: true } } }, 0);
    push({
      id: template,
      row: at,
      col: 0,
      values: [header, ...body, totals],
      style: { border: true },
      rowStyles: { 0: { bold: true, wrap: true, align: 'center', fill: '#DDEBF7' }, [body.length + 1]: { bold: true } },
      columnFormats: formats,
    });
  }

  if (input.blocked.length > 0) {
    push({ id: 'blocked-title', row: at, col: 0, values: [[t('crosscheck.blocked_title', lang)]], rowStyles: { 0: { bold: true } } }, 0);
    push({
      id: 'blocked',
      row: at,
      col: 0,
      values: [
        [t('crosscheck.col_file', lang), t('crosscheck.col_school', lang), t('crosscheck.col_reasons', lang)],
        ...input.blocked.map((b) => [b.file, b.schools.join(', '), b.reasons.join(', ')]),
      ],
      style: { border: true },
      rowStyles: { 0: { bold: true, fill: '#FCE4D6' } },
    });
  }

  if (input.missing.length > 0) {
    push({ id: 'missing-title', row: at, col: 0, values: [[t('crosscheck.missing_title', lang)]], rowStyles: { 0: { bold: true } } }, 0);
    push({
      id: 'missing',
      row: at,
      col: 0,
      values: [
        [t('crosscheck.col_school', lang), fieldLabel('QUY_MO', 'ten_truong'), t('crosscheck.col_commune', lang), fieldLabel('QUY_MO', 'cap_hoc')],
        ...input.missing.map((m) => [m.code, m.name, m.commune, m.level]),
      ],
      style: { border: true },
      rowStyles: { 0: { bold: true } },
    });
  }

  const columnWidths: Record<number, number> = { 0: 8 };
  for (let c = 1; c < widest; c++) columnWidths[c] = 14;
  return { name: t('crosscheck.sheet_name', lang), blocks, columnWidths };
}

function rank(t: TemplateId): number {
  const i = TEMPLATE_ORDER.indexOf(t);
  return i < 0 ? TEMPLATE_ORDER.length : i;
}
