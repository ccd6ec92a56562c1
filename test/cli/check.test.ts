import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from '../../src/cli/commands/check';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';
import { loadWorkbookFile, UnreadableFileError } from '../../src/cli/xlsx';
import { writeXlsx, templateSheet } from '../fixtures/builder';
import { cleanSheets } from '../fixtures/clean';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-check-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function check(...argv: string[]) {
  const io = captureIO();
  const code = await run(parseArgs(argv), io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const p = (name: string) => path.join(dir, name);
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|TypeError|ReferenceError/);

describe('check on good files', () => {
  test('a clean workbook: exit 0, JSON per CLI.md', async () => {
    await writeXlsx(p('clean.xlsx'), cleanSheets());
    const r = await check(p('clean.xlsx'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['files', 'findings']);
    expect(json.files[0].file).toBe(p('clean.xlsx'));
    expect(json.files[0].sheets[0]).toEqual({ name: 'QUY_MO', template: 'QUY_MO', rows: 3 });
    expect(json.findings).toEqual([]);
  });

  test('an error finding: exit 1, human output names file, sheet, cell, expected and actual', async () => {
    const sheets = cleanSheets();
    sheets[0].rows[7][6] = 2339; // printed total of Số học sinh (rows sum to 2.210)
    await writeXlsx(p('total.xlsx'), sheets);
    const r = await check(p('total.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Tệp: ${p('total.xlsx')}`);
    expect(r.out).toContain('Trang QUY_MO');
    expect(r.out).toContain('[QUY_MO!G8] Số học sinh dòng Tổng (2.339) khác tổng các dòng (2.210), lệch 129 (cần 2.210; thấy 2.339) [tong_khop_cac_dong]');
    const en = await check(p('total.xlsx'), '--lang', 'en', '--json');
    const f = JSON.parse(en.out).findings[0];
    expect(f).toMatchObject({ rule: 'tong_khop_cac_dong', severity: 'error', sheet: 'QUY_MO', cells: ['G8'], expected: 2210, actual: 2339 });
    expect(f.message).toContain('differs from the sum of the rows');
  });
});

describe('bad files: findings or "cannot read" with exit 2, never a stack trace', () => {
  test('corrupt zip, renamed .xls, encrypted, empty, not a zip, missing, zip without a workbook', async () => {
    await fs.writeFile(p('corrupt.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(p('old.xlsx'), Buffer.concat([ole, Buffer.alloc(1024, 0)]));
    await fs.writeFile(p('secret.xlsx'), Buffer.concat([ole, Buffer.alloc(512, 0), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512, 0)]));
    await fs.writeFile(p('empty.xlsx'), '');
    await fs.writeFile(p('table.xlsx'), 'Mã trường;Tên trường\n01;A\n');
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    await fs.writeFile(p('doc.xlsx'), await docx.generateAsync({ type: 'nodebuffer' }));
    const expected: Record<string, RegExp> = {
      'corrupt.xlsx': /bị hỏng/,
      'old.xlsx': /\.xls/,
      'secret.xlsx': /mật khẩu/,
      'empty.xlsx': /rỗng/,
      'table.xlsx': /không phải tệp Excel/,
      'missing.xlsx': /không tìm thấy/,
      'doc.xlsx': /xl\/workbook\.xml/,
    };
    for (const [name, re] of Object.entries(expected)) {
      const r = await check(p(name));
      expect(r.code).toBe(2);
      expect(r.out).toMatch(re);
      noStack(r.out + r.err);
    }
    await expect(loadWorkbookFile(p('secret.xlsx'))).rejects.toMatchObject({ code: 'encrypted', reason: { en: expect.stringContaining('password') } });
    await expect(loadWorkbookFile(p('old.xlsx'))).rejects.toBeInstanceOf(UnreadableFileError);
  });

  test('a zip bomb is refused before ExcelJS sees it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(12 * 1024 * 1024, 0x20));
    await fs.writeFile(p('bomb.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const r = await check(p('bomb.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('xl/worksheets/sheet1.xml');
    expect(r.out).toMatch(/từ chối đọc để an toàn/);
  });

  test('one unreadable file among good ones: exit 2, the others still reported', async () => {
    await writeXlsx(p('good.xlsx'), cleanSheets());
    const r = await check(p('good.xlsx'), p('missing.xlsx'), '--json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { sheets: unknown[] }) => f.sheets.length)).toEqual([11, 0]);
    expect(json.findings).toEqual([expect.objectContaining({ rule: 'khong_doc_duoc_tep', severity: 'error', file: p('missing.xlsx') })]);
  });

  test('no recognisable header: an error finding, exit 1', async () => {
    await writeXlsx(p('notes.xlsx'), [{ name: 'Ghi chú', rows: [['Biên bản họp'], ['Nội dung', 'Người trình bày'], ['Tổng kết', 'A']] }]);
    const r = await check(p('notes.xlsx'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings.map((f: { rule: string }) => f.rule)).toEqual(['khong_co_bieu_mau']);
  });

  test('merged cells across data and formulas with #REF!', async () => {
    const spec = templateSheet('QUY_MO', [
      { ma_truong: 'A1', ten_truong: 'Trường A', ten_xa: 'Phường Một', so_lop: 10, so_hoc_sinh: 300 },
      { ma_truong: 'A2', ten_truong: 'Trường B', ten_xa: null, so_lop: { error: '#REF!' }, so_hoc_sinh: 310 },
      { ma_truong: 'A3', ten_truong: 'Trường C', ten_xa: null, so_lop: 9, so_hoc_sinh: 280 },
    ]);
    spec.merges = ['C2:C4'];
    spec.formulas = { D3: '=Sheet9!#REF!' };
    await writeXlsx(p('merged.xlsx'), [spec]);
    const r = await check(p('merged.xlsx'), '--json');
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.out).findings.map((f: { rule: string; cells: string[] }) => `${f.rule}@${f.cells[0]}`);
    expect(rules).toEqual(expect.arrayContaining(['o_loi_excel@D3', 'o_gop_trong_du_lieu@C2']));
  });

  test('a 100.000-row sheet is read and checked', async () => {
    const file = p('big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const ws = wb.addWorksheet('QUY_MO');
    ws.addRow(['Mã trường', 'Tên trường', 'Xã, phường', 'Số lớp', 'Số học sinh']).commit();
    for (let i = 0; i < 100000; i++) ws.addRow([`T${i}`, `Trường ${i}`, 'Phường Một', 10, i === 99999 ? 9999 : 300]).commit();
    ws.commit();
    await wb.commit();
    const t0 = Date.now();
    const r = await check(file, '--json', '--year', '2023-2024');
    const ms = Date.now() - t0;
    const json = JSON.parse(r.out);
    expect(json.files[0].sheets[0]).toEqual({ name: 'QUY_MO', template: 'QUY_MO', rows: 100000 });
    // 9.999 pupils in 10 classes is implausible.
    expect(json.findings.map((f: { rule: string; cells: string[] }) => `${f.rule}@${f.cells[0]}`)).toEqual(['si_so_bat_thuong@E100001']);
    expect(r.code).toBe(1);
    expect(ms).toBeLessThan(60000);
  }, 120000);
});
