/**
 * ReportModel → HTML: a standalone document, and each table or paragraph alone as an HTML fragment
 * plus plain text (the two clipboard formats; Word keeps the fragment's borders and alignment).
 */
import { t } from '../i18n';
import { documentSections, headingText } from './document';
import type { DocumentFrame } from './frame';
import type { ReportCell, ReportModel, ReportParagraph, ReportSection, ReportTable } from './model';

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
  if (p.kind === 'heading') return `<h${(p.level ?? 2) + 1} style="${FONT};font-size:14pt;font-weight:bold;margin:6pt 0${p.level === 3 ? ';font-style:italic' : ''}">${escapeHtml(p.text)}</h${(p.level ?? 2) + 1}>`;
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
  const parts = [`<h2 style="${FONT};font-size:14pt;font-weight:bold">${escapeHtml(headingText(s, index))}</h2>`];
  for (const ref of s.content) {
    if (ref.type === 'table') parts.push(tableToHtml(s.tables[ref.index]));
    else if (s.paragraphs[ref.index].kind !== 'blocked') parts.push(paragraphToHtml(s.paragraphs[ref.index]));
  }
  return parts.join('\n');
}

const CENTER = 'text-align:center;margin:0';

/** The frame of Nghị định 30/2020/NĐ-CP, Phụ lục I (sizes and places as in src/render/docx.ts). */
function frameHead(f: DocumentFrame, lang: ReportModel['lang']): string {
  const cell = 'vertical-align:top;padding:0;border:none';
  const left = [
    f.parentBody ? `<p style="${FONT};font-size:12pt;${CENTER}">${escapeHtml(f.parentBody)}</p>` : '',
    `<p style="${FONT};font-size:12pt;font-weight:bold;${CENTER}">${escapeHtml(f.issuingBody)}</p>`,
    `<hr style="width:35%;margin:2pt auto 0;border:0;border-top:1px solid #000">`,
  ].join('');
  const right = [
    `<p style="${FONT};font-size:12pt;font-weight:bold;${CENTER}">${escapeHtml(t('report.frame.motto_1', lang))}</p>`,
    `<p style="${FONT};font-size:13pt;font-weight:bold;${CENTER}"><span style="border-bottom:1px solid #000;padding-bottom:2pt">${escapeHtml(t('report.frame.motto_2', lang))}</span></p>`,
  ].join('');
  const to = t('report.frame.to', lang);
  const recipients =
    f.recipients.length === 1
      ? `<p style="${FONT};font-size:14pt;${CENTER};margin:12pt 0">${escapeHtml(`${to}: ${f.recipients[0]}`)}</p>`
      : f.recipients.length > 1
        ? `<table style="margin:12pt auto;border-collapse:collapse"><tr><td style="${FONT};font-size:14pt;vertical-align:top;border:none;padding:0 4pt 0 0">${escapeHtml(to)}:</td><td style="${FONT};font-size:14pt;border:none;padding:0">${f.recipients
            .map((r, i) => `- ${escapeHtml(r)}${i === f.recipients.length - 1 ? '.' : ';'}`)
            .join('<br>')}</td></tr></table>`
        : '';
  return `<table class="frame" style="width:100%;border-collapse:collapse"><tr><td style="${cell};width:41%">${left}</td><td style="${cell}">${right}</td></tr>
<tr><td style="${cell};padding-top:6pt"><p style="${FONT};${CENTER}">${escapeHtml(f.numberLine)}</p></td><td style="${cell};padding-top:6pt"><p style="${FONT};font-size:14pt;font-style:italic;${CENTER}">${escapeHtml(f.dateLine)}</p></td></tr></table>
<p style="${FONT};font-size:14pt;font-weight:bold;${CENTER};margin-top:18pt">${escapeHtml(f.docType)}</p>
<p style="${FONT};font-size:14pt;font-weight:bold;${CENTER}">${escapeHtml(f.subject)}</p>
<hr style="width:25%;margin:2pt auto 0;border:0;border-top:1px solid #000">
${recipients}`;
}

function frameSignature(f: DocumentFrame, lang: ReportModel['lang']): string {
  const cell = 'vertical-align:top;padding:0;border:none';
  const left = `<p style="${FONT};font-size:12pt;font-weight:bold;font-style:italic;margin:0">${escapeHtml(t('report.frame.copy_to', lang))}:</p>${f.copyTo
    .map((c) => `<p style="${FONT};font-size:11pt;margin:0">- ${escapeHtml(c)}</p>`)
    .join('')}`;
  const right = [
    f.signer.authority ? `<p style="${FONT};font-size:14pt;font-weight:bold;${CENTER}">${escapeHtml(f.signer.authority.toLocaleUpperCase('vi'))}</p>` : '',
    `<p style="${FONT};font-size:14pt;font-weight:bold;${CENTER}">${escapeHtml(f.signer.title)}</p>`,
    `<p style="${FONT};${CENTER};height:72pt"></p>`,
    `<p style="${FONT};font-size:14pt;font-weight:bold;${CENTER}">${escapeHtml(f.signer.name ?? '')}</p>`,
  ].join('');
  return `<table class="frame" style="width:100%;border-collapse:collapse;margin-top:12pt;page-break-inside:avoid"><tr><td style="${cell};width:41%">${left}</td><td style="${cell}">${right}</td></tr></table>`;
}

function appendixToHtml(model: ReportModel, s: ReportSection): string {
  const [word, ...rest] = s.title.split(/:\s*/);
  const title = (rest.join(': ') || s.title).toLocaleUpperCase('vi');
  const f = model.frame;
  const parts = [
    `<section class="appendix" style="page-break-before:always">`,
    `<p style="${FONT};font-size:14pt;font-weight:bold;${CENTER}">${escapeHtml(word)}</p>`,
    `<p style="${FONT};font-size:14pt;font-weight:bold;${CENTER}">${escapeHtml(title)}</p>`,
  ];
  if (f) {
    const date = f.dateLine.replace(/^[^,]*,\s*/, '');
    parts.push(`<p style="${FONT};font-size:14pt;font-style:italic;${CENTER};margin-bottom:12pt">(${escapeHtml(t('report.frame.page_note', model.lang, { number: f.numberLine.replace(/^[^:]*: /, ''), date }))})</p>`);
  }
  for (const ref of s.content) parts.push(ref.type === 'table' ? tableToHtml(s.tables[ref.index]) : paragraphToHtml(s.paragraphs[ref.index]));
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * The whole report as one page: A4, the margins of NĐ 30/2020 (Phụ lục I, Mục I: trên, dưới 20 mm,
 * trái 30 mm, phải 20 mm), page numbers centred at the top from page 2 when printed.
 */
export function reportToHtml(model: ReportModel): string {
  const { main, appendices } = documentSections(model);
  const f = model.frame;
  const head = f ? frameHead(f, model.lang) : `<h1 style="${FONT};font-size:15pt;font-weight:bold;text-align:center">${escapeHtml(model.title)}</h1>`;
  const opening = f ? paragraphToHtml({ text: f.opening }) : '';
  const closing = f ? paragraphToHtml({ text: f.closing }) + frameSignature(f, model.lang) : '';
  return `<!DOCTYPE html>
<html lang="${model.lang}">
<head><meta charset="utf-8"><title>${escapeHtml(f ? `${f.docType} ${f.subject}` : model.title)}</title>
<style>
@page { size: A4; margin: 20mm 20mm 20mm 30mm; @top-center { content: counter(page); font-family: 'Times New Roman', serif; font-size: 13pt } }
@page :first { @top-center { content: none } }
body{${FONT};max-width:160mm;margin:24px auto;line-height:1.3}
p{text-indent:10mm}
.frame p, table p{text-indent:0}
table{margin-bottom:8pt}
@media print { body{margin:0;max-width:none} }
</style></head>
<body>
${head}
${opening}
${main.map(sectionToHtml).join('\n')}
${closing}
${appendices.map((s) => appendixToHtml(model, s)).join('\n')}
</body>
</html>
`;
}
