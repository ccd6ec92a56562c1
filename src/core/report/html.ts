/**
 * ReportModel → HTML: a standalone document, and each table or paragraph alone as an HTML fragment
 * plus plain text (the two clipboard formats; Word keeps the fragment's borders and alignment).
 */
import { t } from '../i18n';
import type { ReportCell, ReportModel, ReportParagraph, ReportSection, ReportTable } from './model';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FONT = "font-family:'Times New Roman',serif;font-size:13pt";
const CELL = 'border:1px solid #000;padding:2pt 4pt;vertical-align:middle';

function isNumeric(c: ReportCell): boolean {
  return c.value !== undefined || /^[\d.,%/ ()–-]+$/.test(c.text.trim());
}

export function tableToHtml(tb: ReportTable): string {
  const head = tb.columns.map((h) => `<th style="${CELL};font-weight:bold;text-align:center;background:#D9E1F2">${escapeHtml(h)}</th>`).join('');
  const body = tb.rows
    .map((r, i) => {
      const bold = tb.totalRows?.includes(i);
      const tds = r
        .map((c) => `<td style="${CELL};text-align:${isNumeric(c) && c.kind !== 'label' ? 'right' : 'left'}${bold || c.bold ? ';font-weight:bold' : ''}">${escapeHtml(c.text)}</td>`)
        .join('');
      return `<tr>${tds}</tr>`;
    })
    .join('\n');
  return (
    `<p style="${FONT};font-weight:bold;font-style:italic;margin:6pt 0 3pt">${escapeHtml(tb.title)}</p>\n` +
    `<table data-id="${escapeHtml(tb.id)}" style="border-collapse:collapse;${FONT}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

/** Tab-separated, one line per row: pastes into Excel as cells and into Word as text. */
export function tableToText(tb: ReportTable): string {
  return [tb.title, tb.columns.join('\t'), ...tb.rows.map((r) => r.map((c) => c.text).join('\t'))].join('\n');
}

export function paragraphToHtml(p: ReportParagraph): string {
  const style = `${FONT};text-align:justify;margin:0 0 6pt${p.kind === 'note' || p.kind === 'blocked' ? ';font-style:italic' : ''}`;
  return `<p style="${style}">${p.kind === 'bullet' ? '- ' : ''}${escapeHtml(p.text)}</p>`;
}

export function paragraphToText(p: ReportParagraph): string {
  return (p.kind === 'bullet' ? '- ' : '') + p.text;
}

export interface ClipboardItem {
  html: string;
  text: string;
}

/** Clipboard payload of one table or paragraph of a section. */
export function clipboardItem(section: ReportSection, ref: { type: 'table' | 'paragraph'; index: number }): ClipboardItem {
  if (ref.type === 'table') {
    const tb = section.tables[ref.index];
    return { html: tableToHtml(tb), text: tableToText(tb) };
  }
  const p = section.paragraphs[ref.index];
  return { html: paragraphToHtml(p), text: paragraphToText(p) };
}

export function sectionToHtml(s: ReportSection, index: number): string {
  const parts = [`<h2 style="${FONT};font-size:14pt;font-weight:bold">${ROMAN[index] ?? index + 1}. ${escapeHtml(s.title)}</h2>`];
  for (const ref of s.content) parts.push(ref.type === 'table' ? tableToHtml(s.tables[ref.index]) : paragraphToHtml(s.paragraphs[ref.index]));
  return parts.join('\n');
}

export function reportToHtml(model: ReportModel): string {
  const sub = [model.unit, model.schoolYear].filter(Boolean).join(' – ');
  const foot: string[] = [];
  if (model.skippedSections.length) foot.push(paragraphToHtml({ text: t('report.skipped_list', model.lang, { list: model.skippedSections.map((s) => s.title).join('; ') }), kind: 'note' }));
  if (model.overridesUsed.length) foot.push(paragraphToHtml({ text: t('report.overrides', model.lang, { list: model.overridesUsed.join('; ') }), kind: 'note' }));
  if (model.files.length) foot.push(paragraphToHtml({ text: t('report.generated_from', model.lang, { files: model.files.map((f) => f.split(/[\\/]/).pop()).join(', ') }), kind: 'note' }));
  return `<!DOCTYPE html>
<html lang="${model.lang}">
<head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title>
<style>body{${FONT};max-width:1100px;margin:24px auto;line-height:1.4} table{margin-bottom:8pt}</style></head>
<body>
<h1 style="${FONT};font-size:15pt;font-weight:bold;text-align:center">${escapeHtml(model.title)}</h1>
${sub ? `<p style="${FONT};text-align:center;font-style:italic">${escapeHtml(sub)}</p>` : ''}
${model.sections.map(sectionToHtml).join('\n')}
${foot.join('\n')}
</body>
</html>
`;
}
