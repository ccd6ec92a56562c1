/**
 * ReportModel → .docx bytes with the `docx` package (Node and browser: no fs here), in the form of an
 * administrative document: Nghị định 30/2020/NĐ-CP, Phụ lục I ("Thể thức, kỹ thuật trình bày văn
 * bản hành chính"), cited below as "NĐ30 I.<mục>.<khoản>". Layout of the first page (its Mục IV):
 *
 *     UBND QUẬN 12                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      ô 2 | ô 1
 *     PHÒNG GIÁO DỤC VÀ ĐÀO TẠO              Độc lập - Tự do - Hạnh phúc
 *         ────────                          ──────────────────────────
 *     Số:     /BC-GDĐT                Quận 12, ngày   tháng   năm 2024          ô 3 | ô 4
 *                               BÁO CÁO                                         ô 5a
 *                   Kết quả thống kê giáo dục năm học …
 *                         Kính gửi: …                                           ô 9a
 *     body (ô 6) … closing "./."
 *     Nơi nhận:                                   TRƯỞNG PHÒNG                 ô 9b | ô 7
 *     - Như trên;                                 (signature)
 *     - Lưu: VT, GDĐT.                            Nguyễn Văn A
 *
 * The appendix ("Phụ lục: Kiểm tra số liệu") follows on its own pages with its own page numbers
 * (NĐ30 I.III.1). Word styles (Normal, Heading 1–3, a caption, a table style) carry the look, so an
 * office restyles the whole document from Word's Styles pane; an office's own .docx/.dotx with
 * {{placeholders}} may replace the frame (reportToDocx's `template`).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  FileChild,
  Header,
  ImportedXmlComponent,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ParagraphChild,
  patchDocument,
  PatchType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ISectionOptions } from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { t } from '../core/i18n';
import type { DocumentFrame } from '../core/report/frame';
import type { ReportCell, ReportModel, ReportParagraph, ReportSection, ReportTable } from '../core/report/model';
import { documentSections, headingText } from '../core/report/document';
import { ColumnMeasure, fitColumns, longestWordTwips, textTwips } from './measure';

const FONT = 'Times New Roman'; // NĐ30 I.I.4: phông chữ Times New Roman, Unicode, màu đen

/** Sizes in points. */
const PT = {
  body: 14, // NĐ30 I.II.6.e: nội dung cỡ chữ 13–14
  motto1: 12, // NĐ30 I.II.1.a: Quốc hiệu in hoa, cỡ 12–13, đứng, đậm
  motto2: 13, // NĐ30 I.II.1.b: Tiêu ngữ in thường, cỡ 13–14, đứng, đậm (one size above the first line)
  body_name: 12, // NĐ30 I.II.2.b: tên cơ quan (and its parent) in hoa, cỡ 12–13
  number: 13, // NĐ30 I.II.3.c: "Số" cỡ 13, đứng
  date: 14, // NĐ30 I.II.4.c: địa danh và thời gian cỡ 13–14, nghiêng
  type: 14, // NĐ30 I.II.5.b: tên loại in hoa, trích yếu in thường, cỡ 13–14, đứng, đậm
  to: 14, // NĐ30 I.II.9.d: "Kính gửi" cỡ 13–14, đứng
  signer: 14, // NĐ30 I.II.7.đ: quyền hạn, chức vụ in hoa; họ tên in thường; cỡ 13–14, đứng, đậm
  copyToLabel: 12, // NĐ30 I.II.9.d: "Nơi nhận" cỡ 12, nghiêng, đậm
  copyTo: 11, // NĐ30 I.II.9.d: danh sách nơi nhận cỡ 11, đứng
  page: 13, // NĐ30 I.I.7: số trang cỡ 13–14, đứng, giữa lề trên, không hiện ở trang đầu
  appendixWord: 14, // NĐ30 I.III.1.b: từ "Phụ lục" cỡ 14, đứng, đậm; tên phụ lục in hoa cỡ 13–14
  table: 12,
} as const;
const half = (pt: number) => pt * 2;

/** Twips: 1 mm = 56.7 twips. */
const mm = (v: number) => Math.round(v * 56.7);
/** NĐ30 I.I.1–3: khổ A4 (210 × 297 mm), dọc; lề trên, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm. */
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(20), header: mm(10), footer: mm(10) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Landscape pages for tables too wide for portrait (NĐ30 I.I.2 allows the page across for tables). */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
/** NĐ30 I.II.6.e: lùi đầu dòng 1 cm hoặc 1,27 cm; cách đoạn tối thiểu 6 pt; dòng đơn đến 1,5 dòng. */
const INDENT = mm(10);
const PARA_AFTER = 120;
const LINE = 276;
/** The frame's two columns: issuing body (ô 2, ô 3) on the left, motto and date (ô 1, ô 4) on the right. */
const LEFT_COL = mm(66);
const RIGHT_COL = TEXT_WIDTH - LEFT_COL;
// left + right cell margins (1 mm each, set on every table too: LibreOffice does not always take them
// from the style) and a little room for bold Vietnamese letters the estimate of ./measure.ts misses
const CELL_PAD = 57 * 2 + 60;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

/* ------------------------------------------------------------------ styles */

const STYLE = { table: 'BangSoLieu', tableText: 'ChuTrongBang', caption: 'TenBang', note: 'GhiChu' } as const;

function xmlStyle(xml: string): ImportedXmlComponent {
  return ImportedXmlComponent.fromXmlString(xml);
}

const RPR = (sizePt: number, extra = '') =>
  `<w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}"/>${extra}<w:color w:val="000000"/><w:sz w:val="${half(sizePt)}"/><w:szCs w:val="${half(sizePt)}"/><w:lang w:val="vi-VN"/></w:rPr>`;

/** The document's styles, so that an office can restyle the report from Word's Styles pane. */
function styles() {
  return [
    // Normal: the body's paragraph (NĐ30 I.II.6.e).
    xmlStyle(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="${PARA_AFTER}" w:line="${LINE}" w:lineRule="auto"/><w:ind w:firstLine="${INDENT}"/><w:jc w:val="both"/></w:pPr>${RPR(PT.body)}</w:style>`),
    // Headings: "I. QUY MÔ …" in capitals, bold (NĐ30 I.II.6.đ, "số thứ tự và tiêu đề của mục: in hoa, đứng, đậm"); "1. …" in lower case, bold (khoản with a title).
    xmlStyle(`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="${PARA_AFTER}"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>${RPR(PT.body, '<w:b/><w:bCs/>')}</w:style>`),
    xmlStyle(`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="60" w:after="${PARA_AFTER}"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr>${RPR(PT.body, '<w:b/><w:bCs/>')}</w:style>`),
    xmlStyle(`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="60" w:after="${PARA_AFTER}"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr>${RPR(PT.body, '<w:b/><w:bCs/><w:i/><w:iCs/>')}</w:style>`),
    xmlStyle(`<w:style w:type="paragraph" w:styleId="${STYLE.caption}"><w:name w:val="Tên bảng"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>${RPR(PT.body, '<w:b/><w:bCs/>')}</w:style>`),
    xmlStyle(`<w:style w:type="paragraph" w:styleId="${STYLE.note}"><w:name w:val="Ghi chú"/><w:basedOn w:val="Normal"/><w:qFormat/>${RPR(PT.body - 1, '<w:i/><w:iCs/>')}</w:style>`),
    xmlStyle(`<w:style w:type="paragraph" w:styleId="${STYLE.tableText}"><w:name w:val="Chữ trong bảng"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>${RPR(PT.table)}</w:style>`),
    xmlStyle(`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>${RPR(PT.page)}</w:style>`),
    xmlStyle(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`),
    // The figures' table: full borders, bold header row (REPORT.md), repeated on each page.
    xmlStyle(
      `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Bảng số liệu"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
        `<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>` +
        `<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
        `<w:tblStylePr w:type="firstRow"><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:tblStylePr></w:style>`,
    ),
  ];
}

/* ------------------------------------------------------------------ runs and paragraphs */

interface RunOpts {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

function run(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({ text, font: FONT, ...(o.size ? { size: half(o.size) } : {}), bold: o.bold, italics: o.italics });
}

/** A frame line: centred, no indent, no space after. */
function frameLine(text: string, o: RunOpts & { after?: number; before?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, o)],
  });
}

/**
 * A short solid rule under a line of text, centred in a column: a paragraph whose bottom border is
 * as long as `length` twips (NĐ30 I.II.1.b the motto's: as long as the motto; I.II.2.b the
 * issuer's and I.II.5.b the subject's: 1/3 to 1/2 of the line).
 */
function rule(length: number, column: number): Paragraph {
  const side = Math.max(0, Math.floor((column - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side, firstLine: 0 },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: LINE_BORDER },
    children: [run('', { size: 2 })],
  });
}

/** A 6 pt gap after a table, so the next paragraph does not touch its bottom border. */
function spacer(): Paragraph {
  return new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT }, children: [] });
}

function borderlessCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children });
}

function layoutTable(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    // The frame's cells have no inner margins: the motto and the issuer's name need every millimetre.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

/* ------------------------------------------------------------------ the frame */

/** Ô 1–4: issuing body and number on the left, national motto and date on the right. */
function frameHeader(f: DocumentFrame, lang: ReportModel['lang']): Table {
  const motto1 = t('report.frame.motto_1', lang);
  const motto2 = t('report.frame.motto_2', lang);
  const left: Paragraph[] = [];
  if (f.parentBody) left.push(frameLine(f.parentBody, { size: PT.body_name }));
  left.push(frameLine(f.issuingBody, { size: PT.body_name, bold: true }));
  left.push(rule(Math.round(Math.min(textTwips(f.issuingBody, PT.body_name, true), LEFT_COL) * 0.4), LEFT_COL));
  const right: Paragraph[] = [frameLine(motto1, { size: PT.motto1, bold: true }), frameLine(motto2, { size: PT.motto2, bold: true }), rule(textTwips(motto2, PT.motto2, true), RIGHT_COL)];
  // When the issuer takes two lines (parent + body) the motto's rule sits one line higher: pad it.
  if (f.parentBody) right.push(frameLine('', { size: PT.body_name }));
  const row1 = new TableRow({ children: [borderlessCell(left, LEFT_COL), borderlessCell(right, RIGHT_COL)] });
  const row2 = new TableRow({
    children: [
      borderlessCell([frameLine(f.numberLine, { size: PT.number, before: 120 })], LEFT_COL),
      borderlessCell([frameLine(f.dateLine, { size: PT.date, italics: true, before: 120 })], RIGHT_COL),
    ],
  });
  return layoutTable([row1, row2], [LEFT_COL, RIGHT_COL]);
}

/** Ô 5a: "BÁO CÁO", the subject, a rule; ô 9a: "Kính gửi". */
function frameTitle(f: DocumentFrame, lang: ReportModel['lang']): Paragraph[] {
  const out = [
    frameLine(f.docType, { size: PT.type, bold: true, before: 360 }),
    frameLine(f.subject, { size: PT.type, bold: true }),
    rule(Math.round(Math.min(textTwips(f.subject, PT.type, true), TEXT_WIDTH) * 0.4), TEXT_WIDTH),
  ];
  const to = t('report.frame.to', lang);
  if (f.recipients.length === 1) {
    out.push(frameLine(`${to}: ${f.recipients[0]}`, { size: PT.to, before: 240, after: 240 }));
  } else if (f.recipients.length > 1) {
    // NĐ30 I.II.9.d: each recipient on its own line, "-" first, ";" after, "." after the last, the dashes under the colon.
    const lead = textTwips(`${to}: `, PT.to);
    const longest = Math.max(...f.recipients.map((r) => textTwips(`- ${r};`, PT.to)));
    const left = Math.max(0, Math.floor((TEXT_WIDTH - lead - longest) / 2));
    out.push(new Paragraph({ indent: { left, firstLine: 0 }, spacing: { before: 240, after: 0, line: LINE, lineRule: LineRuleType.AUTO }, children: [run(`${to}:`, { size: PT.to })] }));
    f.recipients.forEach((r, i) =>
      out.push(
        new Paragraph({
          indent: { left: left + lead, firstLine: 0 },
          spacing: { after: i === f.recipients.length - 1 ? 240 : 0, line: LINE, lineRule: LineRuleType.AUTO },
          children: [run(`- ${r}${i === f.recipients.length - 1 ? '.' : ';'}`, { size: PT.to })],
        }),
      ),
    );
  } else {
    out.push(new Paragraph({ indent: { firstLine: 0 }, spacing: { after: 120 }, children: [] }));
  }
  return out;
}

/** Ô 9b and ô 7: "Nơi nhận" on the left, the signer on the right (NĐ30 I.II.7, I.II.9). */
function frameSignature(f: DocumentFrame, lang: ReportModel['lang']): Table {
  const left = [
    new Paragraph({ indent: { firstLine: 0 }, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [run(`${t('report.frame.copy_to', lang)}:`, { size: PT.copyToLabel, bold: true, italics: true })] }),
    ...f.copyTo.map((c) => new Paragraph({ indent: { firstLine: 0 }, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [run(`- ${c}`, { size: PT.copyTo })] })),
  ];
  const right: Paragraph[] = [];
  if (f.signer.authority) right.push(frameLine(f.signer.authority.toLocaleUpperCase('vi'), { size: PT.signer, bold: true }));
  right.push(frameLine(f.signer.title, { size: PT.signer, bold: true }));
  // Room for the signature and the seal (ô 7c, ô 8).
  for (let i = 0; i < 4; i++) right.push(frameLine('', { size: PT.signer }));
  right.push(frameLine(f.signer.name ?? '', { size: PT.signer, bold: true }));
  return layoutTable([new TableRow({ cantSplit: true, children: [borderlessCell(left, LEFT_COL), borderlessCell(right, RIGHT_COL)] })], [LEFT_COL, RIGHT_COL]);
}

/* ------------------------------------------------------------------ body */

function isNumeric(c: ReportCell): boolean {
  return c.kind !== 'label' && (c.value !== undefined || /^[\d.,%/ ()–-]+$/.test(c.text.trim()));
}

function cellParagraph(text: string, o: { bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType]; size: number }): Paragraph {
  return new Paragraph({ style: STYLE.tableText, alignment: o.align, children: [run(text, { bold: o.bold, size: o.size })] });
}

interface PlacedTable {
  table: Table;
  landscape: boolean;
}

/** Column widths from the cells' text: the table fills the text width, in portrait when it fits. */
function measureTable(tb: ReportTable, sizePt: number): ColumnMeasure[] {
  return tb.columns.map((h, i) => {
    const cells = tb.rows.map((r) => r[i]).filter(Boolean);
    const bodyPref = Math.max(0, ...cells.map((c) => textTwips(c.text, sizePt, !!c.bold)));
    const bodyMin = Math.max(0, ...cells.map((c) => (isNumeric(c) ? textTwips(c.text.split(' ')[0], sizePt, !!c.bold) : longestWordTwips(c.text, sizePt, !!c.bold))));
    const headMin = longestWordTwips(h, sizePt, true);
    // A header wraps onto two or three lines rather than widen a column of short figures.
    const headPref = Math.min(textTwips(h, sizePt, true), Math.max(headMin, Math.ceil(textTwips(h, sizePt, true) / 3)));
    // Labels wrap at about 40 characters, long texts (messages) at about 70.
    const longest = Math.max(0, ...cells.map((c) => c.text.length));
    const prefCap = cells.some((c) => !isNumeric(c)) ? textTwips('x'.repeat(longest > 60 ? 70 : 40), sizePt) : Infinity;
    return { min: Math.max(bodyMin, headMin) + CELL_PAD, pref: Math.max(Math.min(bodyPref, prefCap), headPref, bodyMin, headMin) + CELL_PAD };
  });
}

function placeTable(tb: ReportTable, direct: boolean): PlacedTable {
  let size: number = PT.table;
  let landscape = false;
  let widths: number[] | null = null;
  // Inside an office's template (direct) there are no landscape pages of ours: a wide table takes a
  // smaller type on the portrait width instead.
  const pages = direct ? [{ width: TEXT_WIDTH, sizes: [PT.table, PT.table - 1, PT.table - 2, PT.table - 3, PT.table - 4] }] : [
    { width: TEXT_WIDTH, sizes: [PT.table, PT.table - 1, PT.table - 2] },
    { width: LANDSCAPE_TEXT_WIDTH, sizes: [PT.table, PT.table - 1, PT.table - 2] },
  ];
  for (const page of pages) {
    for (const s of page.sizes) {
      widths = fitColumns(measureTable(tb, s), page.width);
      if (widths) {
        size = s;
        landscape = page.width !== TEXT_WIDTH;
        break;
      }
    }
    if (widths) break;
  }
  if (!widths) {
    // Even across the page the longest words do not fit: shrink every column alike.
    const last = pages[pages.length - 1];
    size = last.sizes[last.sizes.length - 1];
    const m = measureTable(tb, size);
    const total = m.reduce((s, c) => s + c.min, 0);
    widths = m.map((c) => Math.floor((c.min * last.width) / total));
    landscape = last.width !== TEXT_WIDTH;
  }
  const cellOpts = (w: number) => ({ width: { size: w, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, ...(direct ? { borders: CELL_BORDERS } : {}) });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: tb.columns.map((h, i) => new TableCell({ ...cellOpts(widths![i]), children: [cellParagraph(h, { bold: true, align: AlignmentType.CENTER, size })] })),
  });
  const rows = tb.rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: r.map(
          (c, k) =>
            new TableCell({
              ...cellOpts(widths![k]),
              children: [cellParagraph(c.text, { bold: c.bold || tb.totalRows?.includes(i), align: isNumeric(c) ? AlignmentType.RIGHT : AlignmentType.LEFT, size })],
            }),
        ),
      }),
  );
  const table = new Table({
    style: STYLE.table,
    rows: [header, ...rows],
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
  });
  return { table, landscape };
}

function bodyParagraph(p: ReportParagraph): Paragraph {
  if (p.kind === 'heading') return new Paragraph({ style: p.level === 3 ? 'Heading3' : 'Heading2', children: [run(p.text)] });
  if (p.kind === 'note') return new Paragraph({ style: STYLE.note, children: [run(p.text)] });
  return new Paragraph({ children: [run((p.kind === 'bullet' ? '- ' : '') + p.text)] });
}

/** A run of pages in one orientation. */
interface Block {
  landscape: boolean;
  children: FileChild[];
  /** Starts the appendix: page numbers restart at 1 (NĐ30 I.III.1.đ). */
  restart?: boolean;
}

function sectionBlocks(s: ReportSection, index: number, blocks: Block[], direct: boolean): void {
  // A heading goes with what follows it. A table too wide for portrait goes, with the sub-heading
  // just before it, onto landscape pages after the section's text: the text stays on the pages it
  // belongs to (the first page is not left with the frame alone) and the orientation changes once.
  let pending: FileChild[] = [];
  const wide: FileChild[] = [];
  const push = (child: FileChild, sticky = false) => {
    if (sticky) {
      pending.push(child);
      return;
    }
    const items = [...pending, child];
    pending = [];
    const last = blocks[blocks.length - 1];
    if (last && !last.landscape) last.children.push(...items);
    else blocks.push({ landscape: false, children: items });
  };
  const heading = new Paragraph({ heading: 'Heading1', children: [run(headingText(s, index))] });
  push(heading, true);
  let afterWide = false;
  for (const ref of s.content) {
    const wasWide = afterWide;
    afterWide = false;
    if (ref.type === 'table') {
      const tb = s.tables[ref.index];
      const placed = placeTable(tb, direct);
      const items = [new Paragraph({ style: STYLE.caption, children: [run(tb.title)] }), placed.table, spacer()];
      if (placed.landscape) {
        // the section heading stays with the text; a sub-heading goes with its table
        const subs = pending.filter((c) => c !== heading);
        pending = pending.filter((c) => c === heading);
        wide.push(...subs, ...items);
        afterWide = true;
      } else for (const it of items) push(it);
    } else {
      const p = s.paragraphs[ref.index];
      if (p.kind === 'blocked') continue; // listed in the appendix, never in the body
      if (p.kind === 'note' && wasWide) {
        // a table's note (how to read its rows) stays under its table
        wide.push(bodyParagraph(p));
        afterWide = true;
      } else push(bodyParagraph(p), p.kind === 'heading');
    }
  }
  if (pending.length && !wide.length) {
    const last = blocks[blocks.length - 1];
    if (last && !last.landscape) last.children.push(...pending);
    else blocks.push({ landscape: false, children: pending });
  } else if (pending.length) wide.unshift(...pending);
  if (wide.length) blocks.push({ landscape: true, children: wide });
}

function appendixHead(model: ReportModel, s: ReportSection): Paragraph[] {
  const f = model.frame;
  const [word, ...rest] = s.title.split(/:\s*/);
  const title = (rest.join(': ') || s.title).toLocaleUpperCase('vi');
  const out = [frameLine(word, { size: PT.appendixWord, bold: true }), frameLine(title, { size: PT.type, bold: true })];
  if (f) {
    // NĐ30 I.III.1.c: "(Kèm theo văn bản số …/…-… ngày … tháng … năm …)", in italics under the title.
    const date = f.dateLine.replace(/^[^,]*,\s*/, '');
    out.push(frameLine(`(${t('report.frame.page_note', model.lang, { number: f.numberLine.replace(/^[^:]*: /, ''), date })})`, { size: PT.date, italics: true, after: 240 }));
  }
  return out;
}

function pageHeaders(): ISectionOptions['headers'] {
  return {
    default: new Header({ children: [new Paragraph({ style: 'Header', children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(PT.page) })] })] }),
    first: new Header({ children: [] }),
  };
}

function pageProps(landscape: boolean, opts: { titlePage: boolean; restart?: boolean }): ISectionOptions['properties'] {
  return {
    titlePage: opts.titlePage,
    page: {
      // The package swaps width and height itself for a landscape page.
      size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: MARGIN,
      ...(opts.restart ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}

export interface DocxOptions {
  /**
   * An office's own .docx or .dotx whose frame replaces ours: its text carries {{placeholders}}
   * (TEMPLATE_PLACEHOLDERS) that are filled in; {{noi_dung}} takes the body, {{phu_luc}} the appendix.
   */
  template?: Uint8Array;
}

/** The placeholders an office's template may carry, and what each receives. */
export const TEMPLATE_PLACEHOLDERS = {
  co_quan_chu_quan: 'cơ quan chủ quản (UBND QUẬN 12)',
  co_quan: 'cơ quan ban hành (PHÒNG GIÁO DỤC VÀ ĐÀO TẠO)',
  so: 'số, ký hiệu (Số: …/BC-GDĐT)',
  dia_danh_ngay: 'địa danh và ngày tháng',
  trich_yeu: 'trích yếu (tên báo cáo)',
  kinh_gui: 'Kính gửi',
  noi_dung: 'nội dung báo cáo (cả đoạn văn, bảng)',
  noi_nhan: 'danh sách nơi nhận',
  quyen_han: 'quyền hạn người ký (TM., KT.)',
  chuc_vu: 'chức vụ người ký',
  nguoi_ky: 'họ tên người ký',
  phu_luc: 'phụ lục kiểm tra số liệu',
} as const;

/** What an office's template offers: the places it carries and lacks, or why it cannot be used. */
export type TemplateInspection = { ok: true; present: string[]; missing: string[] } | { ok: false; reason: 'not_word' | 'no_body' };

/** The text Word shows, paragraph by paragraph: a placeholder typed in Word may be split over runs. */
function paragraphTexts(xml: string): string[] {
  return xml.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** Checks an office's .docx/.dotx before it is used: Word's package, and {{noi_dung}} for the body. */
export function inspectTemplate(bytes: Uint8Array): TemplateInspection {
  let xml: string;
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === '[Content_Types].xml' });
    if (!parts['word/document.xml'] || !parts['[Content_Types].xml']) return { ok: false, reason: 'not_word' };
    xml = strFromU8(parts['word/document.xml']);
  } catch {
    return { ok: false, reason: 'not_word' };
  }
  const text = paragraphTexts(xml).join('\n');
  const keys = Object.keys(TEMPLATE_PLACEHOLDERS);
  const present = keys.filter((k) => text.includes(`{{${k}}}`));
  if (!present.includes('noi_dung')) return { ok: false, reason: 'no_body' };
  return { ok: true, present, missing: keys.filter((k) => !present.includes(k)) };
}

function bodyBlocks(model: ReportModel, direct: boolean): { body: Block[]; appendix: Block[] } {
  const body: Block[] = [];
  const appendix: Block[] = [];
  const { main, appendices } = documentSections(model);
  if (model.frame) body.push({ landscape: false, children: [new Paragraph({ children: [run(model.frame.opening)] })] });
  main.forEach((s, i) => sectionBlocks(s, i, body, direct));
  if (model.frame) {
    const last = body[body.length - 1];
    const closing = new Paragraph({ children: [run(model.frame.closing)] });
    if (last && !last.landscape) last.children.push(closing);
    else body.push({ landscape: false, children: [closing] });
  }
  for (const s of appendices) {
    const blocks: Block[] = [{ landscape: false, restart: true, children: appendixHead(model, s) }];
    for (const ref of s.content) {
      if (ref.type === 'table') {
        const tb = s.tables[ref.index];
        const placed = placeTable(tb, direct);
        const last = blocks[blocks.length - 1];
        const caption = new Paragraph({ style: STYLE.caption, children: [run(tb.title)] });
        if (last.landscape === placed.landscape) last.children.push(caption, placed.table, spacer());
        else blocks.push({ landscape: placed.landscape, children: [caption, placed.table, spacer()] });
      } else {
        const p = s.paragraphs[ref.index];
        const last = blocks[blocks.length - 1];
        if (!last.landscape) last.children.push(bodyParagraph(p));
        else blocks.push({ landscape: false, children: [bodyParagraph(p)] });
      }
    }
    appendix.push(...blocks);
  }
  return { body, appendix };
}

export function reportToDocument(model: ReportModel): Document {
  const { body, appendix } = bodyBlocks(model, false);
  const first: FileChild[] = [];
  if (model.frame) first.push(frameHeader(model.frame, model.lang), ...frameTitle(model.frame, model.lang));
  else first.push(frameLine(model.title.toLocaleUpperCase('vi'), { size: PT.type, bold: true, after: 240 }));
  const sections: ISectionOptions[] = [];
  const blocks = [...body];
  if (blocks.length && !blocks[0].landscape) blocks[0] = { ...blocks[0], children: [...first, ...blocks[0].children] };
  else blocks.unshift({ landscape: false, children: first });
  // The signature follows the closing, on the body's last portrait pages.
  const tail: FileChild[] = model.frame ? [frameSignature(model.frame, model.lang)] : [];
  const lastPortrait = blocks[blocks.length - 1];
  if (tail.length) {
    if (lastPortrait.landscape) blocks.push({ landscape: false, children: tail });
    else lastPortrait.children.push(...tail);
  }
  blocks.forEach((b, i) => sections.push({ properties: pageProps(b.landscape, { titlePage: i === 0 }), headers: pageHeaders(), children: b.children }));
  appendix.forEach((b) => sections.push({ properties: pageProps(b.landscape, { titlePage: !!b.restart, restart: b.restart }), headers: pageHeaders(), children: b.children }));
  return new Document({
    creator: 'Báo cáo GD',
    title: model.frame ? `${model.frame.docType} ${model.frame.subject}` : model.title,
    styles: {
      default: { document: { run: { font: FONT, size: half(PT.body) } } },
      importedStyles: styles(),
    },
    sections,
  });
}

/** Word's content type of a template's main part and of a document's. */
const TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const DOCUMENT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** An office's template with its placeholders filled: the frame is theirs, the body ours. */
async function fromTemplate(model: ReportModel, template: Uint8Array): Promise<Uint8Array> {
  const f = model.frame;
  const { body, appendix } = bodyBlocks(model, true);
  const text = (s: string, o: RunOpts = {}): { type: typeof PatchType.PARAGRAPH; children: ParagraphChild[] } => ({ type: PatchType.PARAGRAPH, children: [new TextRun({ text: s, ...o })] });
  const lines = (items: string[]) => ({ type: PatchType.DOCUMENT, children: items.map((s) => new Paragraph({ indent: { firstLine: 0 }, spacing: { after: 0 }, children: [new TextRun(s)] })) });
  const patches: Record<string, ReturnType<typeof text> | { type: typeof PatchType.DOCUMENT; children: FileChild[] }> = {
    noi_dung: { type: PatchType.DOCUMENT, children: body.flatMap((b) => b.children) },
    phu_luc: { type: PatchType.DOCUMENT, children: appendix.flatMap((b) => b.children) },
  };
  if (f) {
    Object.assign(patches, {
      co_quan_chu_quan: text(f.parentBody ?? ''),
      co_quan: text(f.issuingBody),
      so: text(f.numberLine),
      dia_danh_ngay: text(f.dateLine),
      trich_yeu: text(f.subject),
      kinh_gui: text(f.recipients.join('; ')),
      noi_nhan: lines(f.copyTo.map((c) => `- ${c}`)),
      quyen_han: text(f.signer.authority ?? ''),
      chuc_vu: text(f.signer.title),
      nguoi_ky: text(f.signer.name ?? ''),
    });
  }
  const patched = await patchDocument({ outputType: 'uint8array', data: template, patches, keepOriginalStyles: true });
  const files = unzipSync(patched);
  // A .dotx patched is still a template to Word: declare its main part a document.
  const types = files['[Content_Types].xml'];
  if (types) files['[Content_Types].xml'] = strToU8(strFromU8(types).replace(TEMPLATE_MAIN, DOCUMENT_MAIN));
  // The body's own styles (table text, caption, table style) join the template's, theirs kept: a
  // paragraph naming a style the file lacks shows no text in LibreOffice (seen on a rendered page).
  const theirs = files['word/styles.xml'];
  if (theirs) {
    const ours = strFromU8(unzipSync(await Packer.pack(new Document({ styles: { importedStyles: styles() }, sections: [] }), 'uint8array'))['word/styles.xml']);
    files['word/styles.xml'] = strToU8(mergeStyles(strFromU8(theirs), ours));
  }
  return zipSync(files);
}

/** The template's styles.xml with every style of ours whose id it lacks appended. */
export function mergeStyles(theirs: string, ours: string): string {
  const idOf = (xml: string) => /w:styleId="([^"]+)"/.exec(xml)?.[1];
  const have = new Set([...theirs.matchAll(/<w:style\b[^>]*>/g)].map((m) => idOf(m[0])));
  const add = [...ours.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].map((m) => m[0]).filter((x) => {
    const id = idOf(x);
    return id && !have.has(id);
  });
  return add.length ? theirs.replace('</w:styles>', add.join('') + '</w:styles>') : theirs;
}

/** The .docx file as bytes (Uint8Array in both Node and the browser). */
export async function reportToDocx(model: ReportModel, opts: DocxOptions = {}): Promise<Uint8Array> {
  if (opts.template) return fromTemplate(model, opts.template);
  return Packer.pack(reportToDocument(model), 'uint8array');
}
