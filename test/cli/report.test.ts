/**
 * `baocao-gd report` on the Quận 12 sample: the three files are written; the .docx opens and holds
 * the headings, tables and paragraphs; the .xlsx report sheet's formulas, evaluated by HyperFormula
 * on the copied source sheets, give the figures printed in the .docx.
 */
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands/report';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';
import { FORBIDDEN, SAMPLES, thousands } from '../core/report/helpers';

let dir: string;
let stdout: string;
let docXml: string;

function xmlText(s: string): string {
  return s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Rows of every figures table of the docx (header rows, and the frame's borderless layout tables, excluded), each a list of cell texts. */
function docxBodyRows(xml: string): string[][] {
  const rows: string[][] = [];
  const tables = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).filter((tb) => tb.includes('<w:tblStyle w:val="BangSoLieu"/>'));
  for (const tr of tables.join('').match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? []) {
    if (tr.includes('<w:tblHeader')) continue;
    rows.push((tr.match(/<w:tc\b[\s\S]*?<\/w:tc>/g) ?? []).map(xmlText));
  }
  return rows;
}

function docxParagraphs(xml: string): string[] {
  const body = xml.replace(/<w:tbl\b[\s\S]*?<\/w:tbl>/g, '');
  return (body.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? []).map(xmlText).filter(Boolean);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-report-'));
  const io = captureIO();
  const code = await run(parseArgs([path.join(SAMPLES, 'quan12-2023-2024.xlsx'), '--previous', path.join(SAMPLES, 'quan12-2022-2023.xlsx'), '--out', dir]), io);
  expect(code).toBe(0);
  stdout = io.stdout.join('\n');
  const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'bao-cao-2023-2024.docx')));
  docXml = await zip.file('word/document.xml')!.async('string');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('names the families left out for want of columns (the sample has no rooms, no party members)', () => {
  const line = stdout.split('\n').find((l) => l.startsWith('Nội dung không đưa vào báo cáo do thiếu cột'));
  expect(line).toContain('Phòng học (biểu QUY_MO không có cột "Số phòng học")');
  expect(line).toContain('Đảng viên (biểu DOI_NGU không có cột "Đảng viên")');
  expect(docParagraphsText()).not.toMatch(/đảng viên|phòng học/i);
});

function docParagraphsText(): string {
  return docxParagraphs(docXml).join('\n');
}

it('prints where the three files are', () => {
  for (const ext of ['docx', 'html', 'xlsx']) expect(stdout).toContain(path.join(dir, `bao-cao-2023-2024.${ext}`));
  expect(stdout).toContain('Đã ghi báo cáo');
});

describe('.docx', () => {
  it('has the section headings, Times New Roman and justified paragraphs', async () => {
    const paras = docxParagraphs(docXml);
    // NĐ 30/2020, Phụ lục I: a section's number and title in capitals; the checks in an appendix after the signature
    for (const h of ['I. QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP', 'II. PHỔ CẬP GIÁO DỤC – XÓA MÙ CHỮ', 'VI. XU HƯỚNG QUA CÁC NĂM HỌC', 'Phụ lục', 'KIỂM TRA SỐ LIỆU']) expect(paras).toContain(h);
    expect(paras.indexOf('Phụ lục')).toBeGreaterThan(paras.indexOf('VI. XU HƯỚNG QUA CÁC NĂM HỌC'));
    // every count with its unit word (issue 14); 9.022/(9.300 − 35) = 97,38%
    expect(paras).toContain('- Tổng số trẻ 11 tuổi là 9.300 trẻ, miễn giảm 35 trẻ, hoàn thành chương trình tiểu học 9.022 trẻ, đạt 97,38%, tăng 0,26 điểm phần trăm so với năm học trước.');
    // with the earlier year the sentence goes on with the change: 2022–2023 8.913/(9.205 − 28) = 97,12%; 97,38 − 97,12 = 0,26
    expect(docXml).toContain('w:ascii="Times New Roman"');
    // justified body text comes from the Normal style (an office restyles it in Word)
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'bao-cao-2023-2024.docx')));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:default="1" w:styleId="Normal">[\s\S]*?<w:jc w:val="both"\/>[\s\S]*?<\/w:style>/);
    expect(docXml).toMatch(/<w:tblBorders>|<w:tcBorders>/);
  });

  it('has the tables: bold header row, numbers right-aligned', () => {
    const headerRow = (docXml.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? []).find((tr) => tr.includes('<w:tblHeader'))!;
    expect(xmlText(headerRow)).toContain('Cấp học');
    expect(headerRow).toContain('<w:b/>');
    const rows = docxBodyRows(docXml);
    const mn = rows.find((r) => r[0] === 'Cộng Mầm non')!;
    expect(mn).toContain(thousands(26254));
    const cell = (docXml.match(/<w:tc\b[\s\S]*?<\/w:tc>/g) ?? []).find((tc) => xmlText(tc) === thousands(26254))!;
    expect(cell).toContain('<w:jc w:val="right"/>');
  });

  it('no NaN/undefined/null/Infinity or raw float in the docx, html or stdout', async () => {
    const html = await fs.readFile(path.join(dir, 'bao-cao-2023-2024.html'), 'utf8');
    for (const text of [...docxParagraphs(docXml), ...docxBodyRows(docXml).flat(), stdout]) expect(text).not.toMatch(FORBIDDEN);
    expect(html.replace(/<[^>]+>/g, ' ')).not.toMatch(/NaN|undefined|\bnull\b|Infinity/);
    expect(html).toContain('<table');
  });
});

describe('.xlsx report sheet', () => {
  it('formulas evaluate (HyperFormula, on the copied source sheets) to the figures in the .docx', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'bao-cao-2023-2024.xlsx'));
    const report = wb.worksheets.find((w) => w.name.startsWith('Báo cáo'))!;
    expect(report.name).toBe('Báo cáo 2023-2024');
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['QUY_MO', 'PC_TH', 'PC_BTH']));

    const sheets: Record<string, (string | number | boolean | null)[][]> = {};
    for (const ws of wb.worksheets) {
      const data: (string | number | boolean | null)[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row: (string | number | boolean | null)[] = [];
        for (let c = 1; c <= ws.columnCount; c++) {
          const v = ws.getCell(r, c).value as ExcelJS.CellValue;
          if (v && typeof v === 'object' && 'formula' in v) row.push('=' + v.formula);
          else if (v instanceof Date) row.push(null);
          else if (v && typeof v === 'object') row.push(null);
          else row.push((v as string | number | boolean | null) ?? null);
        }
        data.push(row);
      }
      sheets[ws.name] = data;
    }
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
    const sheetId = hf.getSheetId(report.name)!;

    // Table body rows of the report sheet, in order: bordered cells without the header fill.
    const bodyRows: number[] = [];
    for (let r = 1; r <= report.rowCount; r++) {
      const c = report.getCell(r, 1);
      if (c.border?.top && !(c.fill && 'fgColor' in c.fill && c.fill.fgColor)) bodyRows.push(r);
    }
    const docRows = docxBodyRows(docXml);
    expect(bodyRows.length).toBe(docRows.length);

    const display = (v: number, fmt: string) => {
      if (fmt === '0.00%') {
        const h = Math.round(v * 10000 + 1e-9);
        return `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}%`;
      }
      if (fmt === '0.00') {
        const h = Math.round(v * 100 + 1e-9);
        return `${thousands(Math.floor(h / 100))},${String(h % 100).padStart(2, '0')}`;
      }
      return thousands(Math.round(v));
    };
    let checked = 0;
    bodyRows.forEach((r, i) => {
      for (let c = 1; c <= report.columnCount; c++) {
        const cell = report.getCell(r, c);
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (!v || typeof v !== 'object' || !('formula' in v)) continue;
        const got = hf.getCellValue({ sheet: sheetId, row: r - 1, col: c - 1 });
        expect(typeof got).toBe('number');
        // ExcelJS reads a cached <v>0</v> back as no result; the file itself holds the 0.
        expect(got as number).toBeCloseTo((v.result as number | undefined) ?? 0, 9);
        // A figure summed over some blank cells carries a '*' in Word (the footnote explains it); Excel shows the number.
        expect(display(got as number, cell.numFmt)).toBe(docRows[i][c - 1].replace(/\*$/, ''));
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(300);
    // a total points at the source column: =SUM('QUY_MO'!I11:I147) style
    const formulas = bodyRows.flatMap((r) => Array.from({ length: report.columnCount }, (_, c) => report.getCell(r, c + 1).value)).filter((v) => v && typeof v === 'object' && 'formula' in v) as ExcelJS.CellFormulaValue[];
    expect(formulas.some((f) => /^SUM\('QUY_MO'!I\d+:I\d+\)$/.test(f.formula))).toBe(true);
    expect(formulas.some((f) => f.formula.startsWith('SUMIFS('))).toBe(true);
    expect(formulas.some((f) => /^IFERROR\(.+,""\)$/.test(f.formula))).toBe(true);
    hf.destroy();
  });
});

describe('--json and exit codes', () => {
  it('--json gives sections with data per CLI.md', async () => {
    const io = captureIO();
    const code = await run(parseArgs([path.join(SAMPLES, 'quan12-2023-2024.xlsx'), '--out', dir, '--json']), io);
    expect(code).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.files).toHaveLength(3);
    const pc = json.sections.find((s: { id: string }) => s.id === 'pho_cap');
    expect(pc.tables).toBe(5);
    const u = pc.data.units.find((x: { programme: string; ma_xa: string }) => x.programme === 'TH');
    expect(Object.keys(u).sort()).toEqual(['inputs', 'level', 'ma_xa', 'programme', 'rates', 'ten_xa']);
    expect(pc.data.overall).toEqual({ MN5: 1, XMC: 2, TH: 3, THCS: 3 });
    const qm = json.sections.find((s: { id: string }) => s.id === 'quy_mo');
    expect(qm.data.totals.MN.tong.so_hoc_sinh).toBe(26254);
    expect(qm.data.pupils_by_level.TH.tong).toBe(48112);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity|undefined/);
    // every text in the JSON is formatted the Vietnamese way (numbers in `data` stay numbers)
    const walk = (x: unknown): void => {
      if (typeof x === 'string') expect(x).not.toMatch(FORBIDDEN);
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') Object.values(x).forEach(walk);
    };
    walk(json);
  });

  it('exit 2 when no standard sheet is found or the file cannot be read', async () => {
    const blank = path.join(dir, 'blank.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Ghi chú';
    await wb.xlsx.writeFile(blank);
    const io = captureIO();
    expect(await run(parseArgs([blank, '--out', dir]), io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Không tìm thấy biểu mẫu chuẩn nào trong blank.xlsx');
    const io2 = captureIO();
    expect(await run(parseArgs([path.join(dir, 'khong-co.xlsx'), '--out', dir]), io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('khong-co.xlsx');
  });

  it('--lang en writes English', async () => {
    const io = captureIO();
    const en = path.join(dir, 'en');
    expect(await run(parseArgs([path.join(SAMPLES, 'quan12-2023-2024.xlsx'), '--out', en, '--lang', 'en', '--json']), io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.sections[0].title).toBe('School network and enrolment');
  });
});
