/**
 * The appendix "Phụ lục: Kiểm tra số liệu": the checks' open findings and the statements left out
 * of the body because their inputs fail a check, phrased for the reader of the document: a sheet is
 * named by its title, never by its code; no cell addresses, no counts of findings, no command
 * options. The body of the report carries none of this (spec/REPORT.md §7).
 */
import { Finding, SEVERITY_ORDER } from '../findings';
import { TEMPLATE_BY_ID } from '../sheets/templates';
import type { TemplateId } from '../sheets/types';
import { catalogHeader, tableOf } from './columns';
import type { ColumnSpec } from './columns';
import { ReportContext, tr } from './context';
import { labelCell, ReportSection, SectionBuilder } from './model';
import { countText } from './narrative';

/** "QUY_MO" → "Quy mô trường lớp" wherever a message names a sheet by its code. */
export function withoutSheetCodes(text: string, lang: 'vi' | 'en'): string {
  let out = text;
  for (const [id, def] of Object.entries(TEMPLATE_BY_ID)) {
    const title = lang === 'vi' ? def.title : def.titleEn;
    const where = lang === 'vi' ? 'biểu' : 'sheet';
    out = out
      .replace(new RegExp(`\\b${id}!\\$?([A-Z]{1,3})\\$?(\\d+)`, 'g'), (_m, col: string, r: string) => `${where} "${title}" (${lang === 'vi' ? 'ô' : 'cell'} ${col}${r})`)
      .replace(new RegExp(`\\b${id}\\b`, 'g'), `"${title}"`);
  }
  return out;
}

function sheetTitle(ctx: ReportContext, f: Finding): string {
  const sheet = f.sheet ? ctx.wb.sheets.find((s) => s.sheetName === f.sheet) : undefined;
  const def = sheet ? TEMPLATE_BY_ID[sheet.template as TemplateId] : undefined;
  if (def) return ctx.lang === 'vi' ? def.title : def.titleEn;
  return f.sheet ? withoutSheetCodes(f.sheet, ctx.lang) : '';
}

/** One finding per row: its number, the sheet by its title, what to review, how urgent. */
const COLUMNS: ColumnSpec<{ f: Finding; i: number }, ReportContext>[] = [
  { key: 'stt', header: catalogHeader('report.col.stt'), cell: ({ i }) => ({ text: String(i + 1), value: i + 1, kind: 'count' }) },
  { key: 'bieu', header: catalogHeader('report.col.bieu'), cell: ({ f }, ctx) => labelCell(sheetTitle(ctx, f)) },
  { key: 'noi_dung', header: catalogHeader('report.col.noi_dung'), cell: ({ f }, ctx) => labelCell(withoutSheetCodes(f.message[ctx.lang], ctx.lang)) },
  { key: 'muc_do', header: catalogHeader('report.col.muc_do'), cell: ({ f }, ctx) => labelCell(tr(ctx, `report.cb.level.${f.severity}`)) },
];

export interface AppendixInput {
  findings: Finding[];
  /** Sections of the body: their blocked statements are listed here. */
  sections: ReportSection[];
  overrides: string[];
  files: string[];
  maxRows: number;
}

export function buildAppendix(ctx: ReportContext, input: AppendixInput): ReportSection {
  const sb = new SectionBuilder('canh_bao', tr(ctx, 'report.section.canh_bao'));
  sb.section.appendix = true;
  const sorted = [...input.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of sorted) counts[f.severity]++;
  sb.section.data = { counts, findings: sorted.length };

  const blocked = new Map<string, string>();
  for (const s of input.sections) {
    for (const p of s.paragraphs) {
      if (p.kind !== 'blocked' || !p.blockedBy) continue;
      const text = tr(ctx, 'report.cb.blocked_item', { topic: p.blockedBy.topic, message: withoutSheetCodes(p.blockedBy.message, ctx.lang) });
      blocked.set(text, text);
    }
  }

  if (!sorted.length && !blocked.size) sb.paragraph(tr(ctx, 'report.cb.none'));
  else sb.paragraph(tr(ctx, 'report.cb.intro'));

  if (sorted.length) {
    const rows = sorted.slice(0, input.maxRows).map((f, i) => ({ f, i }));
    sb.table(tableOf(COLUMNS, rows, ctx, { id: 'canh_bao', title: tr(ctx, 'report.cb.table') }));
    if (sorted.length > input.maxRows) sb.paragraph({ text: tr(ctx, 'report.cb.more', { n: countText(sorted.length - input.maxRows, { leadingZero: false }) }), kind: 'note' });
  }
  if (blocked.size) {
    sb.paragraph(tr(ctx, 'report.cb.blocked_intro'));
    for (const text of blocked.values()) sb.paragraph({ text, kind: 'bullet' });
  }
  if (input.overrides.length) sb.paragraph(tr(ctx, 'report.cb.overrides', { list: input.overrides.join('; ') }));
  const files = input.files.map((f) => f.split(/[\\/]/).pop()).filter(Boolean);
  if (files.length) sb.paragraph({ text: tr(ctx, 'report.cb.files', { files: files.join(', ') }), kind: 'note' });
  return sb.build();
}
