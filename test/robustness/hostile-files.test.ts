/**
 * Hostile and broken .xlsx files through the real loader (src/cli/xlsx.ts) and the size limits
 * (src/xlsx/limits.ts): each is refused with a clear bilingual reason or read without a crash,
 * in bounded time; nothing escapes as a stack trace. The full-scale cases are in test/slow/.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkbookBuffer, loadWorkbookFile, UnreadableFileError } from '../../src/cli/xlsx';
import { MAX_WORKBOOK_CELLS, WorkbookTooLargeError } from '../../src/xlsx/limits';
import { checkFileLimits, checkWorkbookLimits } from '../../src/xlsx/read';
import { crossCheckFiles } from '../../src/cli/crosscheck-files';
import { readWorkbook } from '../../src/core/sheets/read';
import { validateWorkbook } from '../../src/core/rules';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A small valid school workbook (QUY_MO header + one row) as bytes. */
async function schoolWorkbook(name = 'Trường Tiểu học Lê Lợi', extraRows: (string | number)[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('QUY_MO');
  ws.addRow(['Năm học: 2024 - 2025']);
  ws.addRow(['Mã trường', 'Tên trường', 'Cấp học', 'Mã xã', 'Số lớp', 'Số học sinh']);
  ws.addRow(['79700001', name, 'Tiểu học', '26001', 20, 700]);
  for (const r of extraRows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Replace (or add) zip entries of a valid workbook. */
async function withEntries(base: Buffer, entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

async function refusal(p: Promise<unknown>): Promise<UnreadableFileError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableFileError);
    return e as UnreadableFileError;
  }
  throw new Error('the file was not refused');
}

describe('zip bomb', () => {
  test('a sheet that expands 1.000-fold to 12 MB is refused before ExcelJS, with a reason in both languages', async () => {
    const bomb = await withEntries(await schoolWorkbook(), { 'xl/worksheets/sheet1.xml': Buffer.alloc(12 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(file, bomb);
    const started = Date.now();
    const e = await refusal(loadWorkbookFile(file));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(e.code).toBe('zip_bomb');
    expect(e.reason.vi).toMatch(/giải nén quá lớn/);
    expect(e.reason.en).toMatch(/expands too much/);
    expect(e.reason.vi).toContain('xl/worksheets/sheet1.xml');
  });

  test('in a cross-check the bomb is one unreadable submission among good ones, not a crash', async () => {
    const master = path.join(dir, 'master.xlsx');
    fs.writeFileSync(master, await schoolWorkbook());
    const sub = path.join(dir, 'subs');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, 'a-good.xlsx'), await schoolWorkbook());
    fs.writeFileSync(path.join(sub, 'b-bomb.xlsx'), await withEntries(await schoolWorkbook(), { 'xl/worksheets/sheet1.xml': Buffer.alloc(12 * 1024 * 1024, 0x20) }));
    const run = await crossCheckFiles(master, [sub]);
    const status = Object.fromEntries(run.result.submissions.map((s) => [s.file, s.status]));
    expect(status['b-bomb.xlsx']).toBe('unreadable');
    expect(status['a-good.xlsx']).not.toBe('unreadable');
    const f = run.result.findings.find((x) => x.file === 'b-bomb.xlsx');
    expect(f?.severity).toBe('error');
    expect(f?.message.vi).toMatch(/giải nén quá lớn/);
  });
});

describe('cell, row and shared-string limits (src/xlsx/limits)', () => {
  test('counts the cells, rows and shared strings of a normal workbook', async () => {
    const counts = await checkFileLimits('ok.xlsx', await schoolWorkbook());
    // Header row 6 cells + data row 6 + the title cell.
    expect(counts.cells).toBe(13);
    expect(counts.sheets).toEqual([{ name: 'QUY_MO', entry: 'xl/worksheets/sheet1.xml', cells: 13, rows: 3 }]);
    expect(counts.sharedStrings).toBeGreaterThan(0);
  });

  test('a workbook above the cell limit is refused naming the sheet, the count and the limit', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ['7970' + i, 'Trường ' + i, 'Tiểu học', '26001', 20, 700]);
    const zip = await schoolWorkbook(undefined, rows);
    let e: unknown;
    try {
      await checkWorkbookLimits('lon.xlsx', zip, { cells: 100, rows: 1_000, sharedStrings: 1_000 });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(WorkbookTooLargeError);
    expect(e).toBeInstanceOf(UnreadableFileError);
    const r = (e as WorkbookTooLargeError).reason;
    expect(r.vi).toContain('"QUY_MO"');
    expect(r.vi).toContain('vượt 100 ô');
    expect(r.en).toContain('beyond 100 cells');
  });

  test('rows are counted even when a hostile <dimension> says A1:A1, and tags split across chunks count once', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><x:c r="B${i + 1}"><v>1</v></x:c></row>`).join('');
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A1"/><cols><col min="1" max="2"/></cols><sheetData>${rows}</sheetData></worksheet>`;
    const zip = await withEntries(await schoolWorkbook(), { 'xl/worksheets/sheet1.xml': sheet });
    const counts = await checkWorkbookLimits('x.xlsx', zip);
    expect(counts.sheets[0]).toMatchObject({ cells: 6000, rows: 3000 });
    await expect(checkWorkbookLimits('x.xlsx', zip, { cells: MAX_WORKBOOK_CELLS, rows: 2999, sharedStrings: 1000 })).rejects.toThrow(/hơn 2\.999 dòng/);
  });

  test('a shared string table with more entries than the limit is refused', async () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(5000)}</sst>`;
    const zip = await withEntries(await schoolWorkbook(), { 'xl/sharedStrings.xml': sst });
    await expect(checkWorkbookLimits('s.xlsx', zip, { cells: MAX_WORKBOOK_CELLS, rows: 1000, sharedStrings: 4999 })).rejects.toThrow(/5\.000 chuỗi/);
  });
});

describe('malformed and extreme content', () => {
  test('deeply nested XML in the shared strings and the sheet: refused as corrupt or read, never a crash', async () => {
    const depth = 20_000;
    const nested = '<r><t>a</t>'.repeat(depth) + '</r>'.repeat(depth);
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si>${nested}</si></sst>`;
    const deepSheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>${'<extLst><ext>'.repeat(depth)}${'</ext></extLst>'.repeat(depth)}</worksheet>`;
    const cases: Record<string, string>[] = [{ 'xl/sharedStrings.xml': sst }, { 'xl/worksheets/sheet1.xml': deepSheet }];
    for (const entries of cases) {
      const buf = await withEntries(await schoolWorkbook(), entries);
      const started = Date.now();
      try {
        const snap = await loadWorkbookBuffer(buf, 'deep.xlsx');
        expect(() => validateWorkbook(readWorkbook(snap))).not.toThrow();
      } catch (e) {
        expect(e).toBeInstanceOf(UnreadableFileError);
        expect((e as UnreadableFileError).reason.vi).toMatch(/hỏng|quá lớn/);
      }
      expect(Date.now() - started).toBeLessThan(20_000);
    }
  });

  test('truncated, not-a-zip and renamed files: a reason, never a stack trace', async () => {
    const good = await schoolWorkbook();
    const cases: [string, Buffer][] = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['html', Buffer.from('<html><body>Báo cáo</body></html>')],
      ['csv', Buffer.from('Mã trường;Số học sinh\n79700001;700\n')],
      ['garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
      ['zip-without-workbook', await (async () => { const z = new JSZip(); z.file('a.txt', 'x'); return z.generateAsync({ type: 'nodebuffer' }); })()],
    ];
    for (const [name, buf] of cases) {
      const e = await refusal(loadWorkbookBuffer(buf, `${name}.xlsx`));
      expect(e.reason.vi.length).toBeGreaterThan(10);
      expect(e.reason.en.length).toBeGreaterThan(10);
      expect(e.reason.vi).not.toMatch(/\bat \w+ \(|undefined|NaN/);
    }
  });

  test('very long texts (a 200.000-character name, a 32.767-character header) are read and checked quickly', async () => {
    const long = 'Trường Tiểu học '.repeat(12_500);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('QUY_MO');
    ws.addRow(['Năm học: 2024 - 2025']);
    ws.addRow(['Mã trường', 'Tên trường', 'Cấp học', 'Mã xã', 'Số lớp', 'Số học sinh', 'x'.repeat(32_767)]);
    ws.addRow(['79700001', long, 'Tiểu học', '26001', 20, 700, 'y'.repeat(32_767)]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const started = Date.now();
    const parsed = readWorkbook(await loadWorkbookBuffer(buf, 'long.xlsx'));
    const findings = [...parsed.findings, ...validateWorkbook(parsed)];
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(parsed.sheets.map((s) => s.template)).toEqual(['QUY_MO']);
    expect(parsed.sheets[0].records[0].fields.ten_truong.value).toBe(long.trim());
    for (const f of findings) expect(f.message.vi.length).toBeLessThan(5_000);
  });
});
