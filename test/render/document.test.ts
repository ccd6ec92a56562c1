/**
 * The report is the document an office files (issue 14): the .docx of the Quận 12 sample, read back
 * as text, carries the frame of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), names
 * the unit its title block names, keeps tool text out of the body, and says its figures in the seeds'
 * sentences. Expected figures are recomputed here from the sample's (= seed 000's) counts.
 */
import JSZip from 'jszip';
import { buildReport } from '../../src/core/report/build';
import type { ReportModel } from '../../src/core/report/model';
import { reportToDocx } from '../../src/render/docx';
import { loadSample, sheet, workbook } from '../core/report/helpers';

interface Docx {
  xml: string;
  styles: string;
  /** Paragraph texts in document order (table cells included). */
  paragraphs: string[];
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

async function docxOf(model: ReportModel): Promise<Docx> {
  const zip = await JSZip.loadAsync(await reportToDocx(model));
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const paragraphs = (xml.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? []).map((p) => decode(p.replace(/<[^>]+>/g, '')));
  return { xml, styles, paragraphs };
}

/** The body: everything before the appendix ("Phụ lục" on its own line). */
function bodyOf(d: Docx): string[] {
  const end = d.paragraphs.indexOf('Phụ lục');
  return end < 0 ? d.paragraphs : d.paragraphs.slice(0, end);
}

let model: ReportModel;
let doc: Docx;
let cur: Awaited<ReturnType<typeof loadSample>>;

// Two sample workbooks read and a .docx written: slow on a loaded machine (the full suite runs in parallel).
beforeAll(async () => {
  cur = await loadSample('quan12-2023-2024.xlsx');
  const prev = await loadSample('quan12-2022-2023.xlsx');
  model = buildReport({ current: cur.parsed, previous: [prev.parsed], findings: cur.findings });
  doc = await docxOf(model);
}, 240000);

describe('the frame of Nghị định 30/2020/NĐ-CP, Phụ lục I', () => {
  it('issuing body and its parent from the title block (A1–A2), the motto, number and date, type and subject', () => {
    const p = doc.paragraphs;
    // A1 "ỦY BAN NHÂN DÂN QUẬN 12" is the parent: written with its common abbreviation (Mục II khoản 2 điểm a).
    expect(p.slice(0, 3)).toEqual(['UBND QUẬN 12', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', '']);
    expect(p).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(p).toContain('Độc lập - Tự do - Hạnh phúc');
    // number left blank for the clerk; symbol BC (Báo cáo) - GDĐT (the office)
    expect(p.some((t) => /^Số: \s+\/BC-GDĐT$/.test(t))).toBe(true);
    // a place named by a number keeps its full name (Mục II khoản 4 điểm a); day and month left blank; the year the school year ends
    expect(p.some((t) => /^Quận 12, ngày\s+tháng\s+năm 2024$/.test(t))).toBe(true);
    const type = p.indexOf('BÁO CÁO');
    expect(type).toBeGreaterThan(0);
    expect(p[type + 1]).toBe('Kết quả thống kê giáo dục năm học 2023 - 2024');
    expect(p).toContain('Kính gửi: Ủy ban nhân dân Quận 12');
  });

  it('the date line is in italics and the motto in bold capitals', () => {
    const date = doc.xml.match(/<w:p\b(?:(?!<\/w:p>)[\s\S])*?Quận 12, ngày[\s\S]*?<\/w:p>/)![0];
    expect(date).toContain('<w:i/>');
    const motto = doc.xml.match(/<w:p\b(?:(?!<\/w:p>)[\s\S])*?CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<\/w:t>[\s\S]*?<\/w:p>/)![0];
    expect(motto).toContain('<w:b/>');
  });

  it('Nơi nhận and the signer after the closing sentence, which names the unit and ends "./."', () => {
    const p = doc.paragraphs;
    const closing = p.findIndex((t) => t.startsWith('Trên đây là báo cáo'));
    expect(p[closing]).toBe('Trên đây là báo cáo kết quả thống kê giáo dục năm học 2023 - 2024 của Phòng Giáo dục và Đào tạo Quận 12./.');
    expect(p.slice(closing + 1, closing + 4)).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT, GDĐT.']);
    expect(p.slice(closing).indexOf('TRƯỞNG PHÒNG')).toBeGreaterThan(0);
    expect(p.indexOf('Phụ lục')).toBeGreaterThan(closing);
  });

  it('A4 portrait, margins 20/20/30/20 mm, page numbers centred at the top from page 2', () => {
    const first = doc.xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/)![0];
    expect(first).toMatch(/<w:pgSz w:w="1190[67]" w:h="16840" w:orient="portrait"\/>/);
    expect(first).toContain('w:top="1134"');
    expect(first).toContain('w:bottom="1134"');
    expect(first).toContain('w:left="1701"');
    expect(first).toContain('w:right="1134"');
    // a different first page, whose header is empty; the other pages' header holds the PAGE field
    expect(first).toContain('<w:titlePg/>');
    expect(first).toMatch(/<w:headerReference w:type="first"/);
  });

  it('Word styles: Normal in Times New Roman 14 pt, justified, first line indented 1 cm; Heading 1–3; a table style', () => {
    const normal = doc.styles.match(/<w:style w:type="paragraph" w:default="1" w:styleId="Normal">[\s\S]*?<\/w:style>/)![0];
    expect(normal).toContain('w:ascii="Times New Roman"');
    expect(normal).toContain('<w:sz w:val="28"/>');
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toMatch(/<w:ind w:firstLine="56[57]"\/>/);
    for (const h of ['Heading1', 'Heading2', 'Heading3']) expect(doc.styles).toContain(`w:styleId="${h}"`);
    expect(doc.styles).toMatch(/<w:style w:type="table" w:styleId="BangSoLieu">/);
    expect(doc.xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc.xml).toContain('<w:tblStyle w:val="BangSoLieu"/>');
  });

  it('tables fill the text width with columns sized by their content (never all equal)', () => {
    for (const tbl of doc.xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.filter((t) => t.includes('BangSoLieu'))) {
      const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const total = cols.reduce((a, b) => a + b, 0);
      // portrait text width 210 − 30 − 20 mm, landscape 297 − 30 − 20 mm (in twips)
      expect([9072, 9071, 14005, 14004]).toContain(total);
      if (cols.length > 3) expect(new Set(cols).size).toBeGreaterThan(1);
    }
  });
});

describe('sentences of the seeds\' shape, figures of the Quận 12 sample (= seed 000) recomputed by hand', () => {
  const body = () => bodyOf(doc).join('\n');

  it('phổ cập with unit words on every count and two decimals: 9.022/(9.300 − 35) = 97,38%', () => {
    // 9022 / 9265 = 0,973772… → 97,38%
    expect(body()).toContain('- Tổng số trẻ 11 tuổi là 9.300 trẻ, miễn giảm 35 trẻ, hoàn thành chương trình tiểu học 9.022 trẻ, đạt 97,38%, tăng 0,26 điểm phần trăm so với năm học trước.');
    // with the earlier year the sentence goes on with the change: 2022–2023 8.913/(9.205 − 28) = 97,12%; 97,38 − 97,12 = 0,26
    // xóa mù chữ 15–60: (451.894)/(453.083 − 793 = 452.290) = 0,999124… → 99,91%
    // 2022–2023: 441.491/(442.514 − 653) = 99,92%; 99,91 − 99,92 = −0,01
    expect(body()).toContain('số người biết chữ mức độ 2 là 451.894 người, đạt 99,91%, giảm 0,01 điểm phần trăm so với năm học trước.');
  });

  it('a whole percentage stays whole in the text: 8.684/8.684 → 100%, never "100,00%" in a sentence', () => {
    // 2022–2023: 8.683/8.690 = 99,92%; 100 − 99,92 = 0,08
    expect(body()).toContain('- Tổng số trẻ 5 tuổi là 8.684 trẻ, ra lớp 8.684 trẻ, đạt 100%, tăng 0,08 điểm phần trăm so với năm học trước.');
    const sentences = bodyOf(doc).filter((t) => t.length > 60);
    expect(sentences.join('\n')).not.toContain('100,00%');
  });

  it('"x/y trường" by sector with leading zeros as seed 000 writes them', () => {
    // seed 000 line 23: 12 trường đạt chuẩn quốc gia (09 công lập, 03 ngoài công lập); kiểm định 18/23 công lập, 15/43 ngoài công lập
    expect(body()).toContain('Tổng số trường mầm non đạt chuẩn quốc gia là 12 trường (09 trường công lập và 03 trường ngoài công lập)');
    expect(body()).toContain('(18/23 trường công lập, 15/43 trường ngoài công lập)');
    // 18 + 15 = 33
    expect(body()).toContain('trường đạt kiểm định chất lượng giáo dục có 33 trường');
  });

  it('conclusions name the unit; the communes are "11/11 phường"', () => {
    expect(body()).toContain('11/11 phường đạt chuẩn phổ cập giáo dục tiểu học mức độ 3.');
    expect(body()).toContain('Kết luận: Quận 12 đạt chuẩn phổ cập giáo dục tiểu học mức độ 3.');
  });
});

describe('page layout', () => {
  it('the first page carries text: a table too wide for portrait follows its section\'s text on landscape pages, with its note', () => {
    const p = doc.paragraphs;
    const text = p.findIndex((t) => t.startsWith('Mầm non có 353 cơ sở'));
    const caption = p.indexOf('Quy mô trường, lớp, học sinh theo cấp học và loại hình');
    const note = p.findIndex((t) => t.startsWith('Dòng "Trường nhiều cấp học'));
    expect(text).toBeGreaterThan(p.indexOf('I. QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP'));
    expect(caption).toBeGreaterThan(text);
    expect(note).toBeGreaterThan(caption);
    // the first section (portrait, page 1 on) ends after the text and before the wide table
    const firstBreak = doc.xml.indexOf('<w:sectPr');
    expect(doc.xml.indexOf('Mầm non có 353 cơ sở')).toBeLessThan(firstBreak);
    expect(doc.xml.indexOf('Quy mô trường, lớp, học sinh theo cấp học và loại hình')).toBeGreaterThan(firstBreak);
  });
});

describe('the unit is named as its title block names it', () => {
  it('without a "Đơn vị:" line, A1 "ỦY BAN NHÂN DÂN QUẬN 12" names the unit in the frame, the text and the conclusions', async () => {
    const pc = sheet('PC_MN5', ['ma_xa', 'ten_xa', 'tre_5t', 'mien_giam_5t', 'tre_5t_ra_lop', 'tre_5t_hoan_thanh'], [
      ['26764', 'Phường Thạnh Xuân', 800, 0, 800, 800],
      ['26767', 'Phường Thạnh Lộc', 700, 0, 700, 700],
    ]);
    delete pc.metadata.unit;
    pc.metadata.titleBlock = ['ỦY BAN NHÂN DÂN QUẬN 12', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'];
    const m = buildReport({ current: workbook('q12.xlsx', [pc]) });
    expect(m.unit).toBe('Quận 12');
    const d = await docxOf(m);
    const text = d.paragraphs.join('\n');
    expect(text).toContain('Kết luận: Quận 12 đạt chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi.');
    expect(text).not.toMatch(/\bđơn vị đạt chuẩn|Toàn đơn vị/);
    // every commune is a phường: "2/2 phường", never "xã, phường"
    expect(text).toContain('02/02 phường đạt chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi.');
    expect(text).not.toContain('xã, phường');
  });
});

describe('no tool text in the body', () => {
  const SHEET_CODES = /\b(QUY_MO|PC_MN5|PC_TH|PC_THCS|PC_BTH|XMC_|KET_QUA|DINH_DUONG|DOI_NGU|DON_VI_SAP_NHAP|CHI_TIEU)\b/;

  it('no command options, sheet codes, finding counts, cell addresses or "not written" notes', () => {
    const body = bodyOf(doc).join('\n');
    expect(body).not.toMatch(/--[a-z]/);
    expect(body).not.toMatch(SHEET_CODES);
    expect(body).not.toMatch(/\d+ lỗi|\d+ cảnh báo|\d+ thông tin/);
    expect(body).not.toMatch(/[A-Z_]+![A-Z]+\d+/);
    expect(body).not.toContain('Chưa viết nhận định');
    expect(body).not.toContain('Các phần không lập');
    expect(body).not.toMatch(/Số trẻ \/ |Điều 72 k1/);
  });

  it('the checks are in the appendix, phrased for the reader (sheets by their titles)', () => {
    const p = doc.paragraphs;
    const start = p.indexOf('Phụ lục');
    expect(p[start + 1]).toBe('KIỂM TRA SỐ LIỆU');
    expect(p[start + 2]).toMatch(/^\(Kèm theo Báo cáo số\s+\/BC-GDĐT ngày\s+tháng\s+năm 2024\)$/);
    const appendix = p.slice(start).join('\n');
    expect(appendix).toContain('Quy mô trường lớp');
    expect(appendix).not.toMatch(SHEET_CODES);
  });

  it('a report of one school year leaves the trend section out silently', async () => {
    const one = buildReport({ current: cur.parsed, findings: cur.findings });
    expect(one.sections.map((s) => s.id)).not.toContain('xu_huong');
    expect(one.skippedSections.map((s) => s.id)).toContain('xu_huong');
    const body = bodyOf(await docxOf(one)).join('\n');
    expect(body).not.toMatch(/--previous|một năm học/);
  });
});
