/**
 * ReportModel → .docx bytes with the `docx` package (Node and browser: no fs here).
 * Nghị định 30/2020/NĐ-CP style: Times New Roman 13 pt, headings, tables with full borders, bold
 * header row, numbers right-aligned, paragraphs justified.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { t } from '../core/i18n';
import type { ReportCell, ReportModel, ReportParagraph, ReportTable } from '../core/report/model';

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function run(text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: opts.size ?? SIZE, bold: opts.bold, italics: opts.italics });
}

function isNumeric(c: ReportCell): boolean {
  return c.kind !== 'label' && (c.value !== undefined || /^[\d.,%/ ()–-]+$/.test(c.text.trim()));
}

function cell(text: string, opts: { bold?: boolean; header?: boolean; right?: boolean; size?: number }): TableCell {
  return new TableCell({
    borders: BORDERS,
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E1F2' } } : {}),
    children: [
      new Paragraph({
        alignment: opts.header ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [run(text, { bold: opts.bold || opts.header, size: opts.size })],
      }),
    ],
  });
}

function table(tb: ReportTable): (Paragraph | Table)[] {
  // Wide tables use a smaller font so that they fit a portrait A4 page.
  const size = tb.columns.length > 8 ? 20 : tb.columns.length > 5 ? 22 : SIZE;
  const header = new TableRow({ tableHeader: true, children: tb.columns.map((h) => cell(h, { header: true, size })) });
  const rows = tb.rows.map(
    (r, i) =>
      new TableRow({
        children: r.map((c) => cell(c.text, { bold: c.bold || tb.totalRows?.includes(i), right: isNumeric(c), size })),
      }),
  );
  return [
    new Paragraph({ spacing: { before: 120, after: 60 }, children: [run(tb.title, { bold: true, italics: true })] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
    new Paragraph({ children: [] }),
  ];
}

function paragraph(p: ReportParagraph): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    indent: { firstLine: 567 },
    children: [run((p.kind === 'bullet' ? '- ' : '') + p.text, { italics: p.kind === 'note' || p.kind === 'blocked' })],
  });
}

export function reportToDocument(model: ReportModel): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(model.title, { bold: true, size: 28 })] }),
  ];
  const sub = [model.unit, model.schoolYear].filter(Boolean).join(' – ');
  if (sub) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(sub, { italics: true })] }));
  model.sections.forEach((s, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [run(`${ROMAN[i] ?? i + 1}. ${s.title}`, { bold: true })] }));
    for (const ref of s.content) {
      if (ref.type === 'table') children.push(...table(s.tables[ref.index]));
      else children.push(paragraph(s.paragraphs[ref.index]));
    }
  });
  if (model.skippedSections.length) {
    children.push(paragraph({ text: t('report.skipped_list', model.lang, { list: model.skippedSections.map((s) => s.title).join('; ') }), kind: 'note' }));
  }
  if (model.overridesUsed.length) {
    children.push(paragraph({ text: t('report.overrides', model.lang, { list: model.overridesUsed.join('; ') }), kind: 'note' }));
  }
  return new Document({
    creator: 'Báo cáo GD',
    title: model.title,
    styles: {
      default: { document: { run: { font: FONT, size: SIZE } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: SIZE, bold: true, color: '000000' } },
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 28, bold: true, color: '000000' } },
      ],
    },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
}

/** The .docx file as bytes (Uint8Array in both Node and the browser). */
export async function reportToDocx(model: ReportModel): Promise<Uint8Array> {
  return Packer.pack(reportToDocument(model), 'uint8array');
}
