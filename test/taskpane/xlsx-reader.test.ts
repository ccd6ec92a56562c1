/**
 * Files picked in the pane go through the same reader as the command line (src/xlsx/read.ts): the same
 * refusals and bilingual reasons, and a cross-check message that names the file once, not twice.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import path from 'path';
import { loadWorkbookBuffer, loadWorkbookFile, UnreadableFileError } from '../../src/cli/xlsx';
import { withDefaults } from '../../src/core/settings';
import { runCrossCheckJob } from '../../src/taskpane/workers/crosscheckJob';
import { xlsxToSnapshot } from '../../src/taskpane/workers/xlsx';

const sample = (rel: string) => path.resolve(__dirname, '..', '..', 'samples', rel);
const arrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** An OLE2 compound file header followed by filler: what a legacy .xls renamed to .xlsx starts with. */
function renamedXls(): Buffer {
  const b = Buffer.alloc(4096, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  b.write('Workbook', 1024, 'utf16le');
  return b;
}

/** The same header with the stream names of a password-protected workbook. */
function encrypted(): Buffer {
  const b = renamedXls();
  b.write('EncryptionInfo', 2048, 'utf16le');
  return b;
}

async function zipBomb(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('QUY_MO').addRow(['Mã trường', 'Tên trường']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(12 * 1024 * 1024, 0x20));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function refusal(p: Promise<unknown>): Promise<UnreadableFileError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UnreadableFileError);
  return e as UnreadableFileError;
}

describe('a file refused in the pane gets the same bilingual reason as on the command line', () => {
  test.each([
    ['renamed .xls', 'xls', async () => renamedXls()],
    ['encrypted workbook', 'encrypted', async () => encrypted()],
    ['zip bomb', 'zip_bomb', zipBomb],
    ['empty file', 'empty', async () => Buffer.alloc(0)],
  ])('%s', async (_label, code, make) => {
    const bytes = await make();
    const pane = await refusal(xlsxToSnapshot('truong.xlsx', arrayBuffer(bytes)));
    const cli = await refusal(loadWorkbookBuffer(bytes, 'truong.xlsx'));
    expect(pane.code).toBe(code);
    expect(pane.reason).toEqual(cli.reason);
    expect(pane.reason.vi).not.toBe(pane.reason.en);
  });
});

describe('cross-check job: an unreadable file is named once in the finding', () => {
  let master: Awaited<ReturnType<typeof loadWorkbookFile>>;
  beforeAll(async () => {
    master = await loadWorkbookFile(sample('quan12-2023-2024.xlsx'));
  });

  const once = (text: string, phrase: string) => text.split(phrase).length - 1;

  test('a renamed .xls: "Không đọc được tệp cu.xlsx" once, followed by the reader\'s reason in each language', async () => {
    const result = await runCrossCheckJob(master, [{ name: 'cu.xlsx', data: arrayBuffer(renamedXls()) }], withDefaults(), () => {}, xlsxToSnapshot);
    const f = result.findings.find((x) => x.file === 'cu.xlsx' && x.rule === 'khong_doc_duoc_tep');
    expect(f).toBeDefined();
    expect(once(f!.message.vi, 'Không đọc được tệp')).toBe(1);
    expect(once(f!.message.en, 'Cannot read file')).toBe(1);
    expect(f!.message.vi).toContain('cu.xlsx: đây là tệp Excel cũ (.xls)');
    expect(f!.message.en).toContain('cu.xlsx: this is a legacy Excel file (.xls)');
  });

  test('an error that is not the reader\'s own is still bilingual and not doubled', async () => {
    const boom = async () => {
      throw new Error('hỏng bộ nhớ');
    };
    const result = await runCrossCheckJob(master, [{ name: 'x.xlsx', data: new ArrayBuffer(8) }], withDefaults(), () => {}, boom);
    const f = result.findings.find((x) => x.file === 'x.xlsx')!;
    expect(f.message.vi).toBe('Không đọc được tệp x.xlsx: tệp không mở được (hỏng bộ nhớ)');
    expect(f.message.en).toBe('Cannot read file x.xlsx: the file could not be opened (hỏng bộ nhớ)');
  });
});

describe('the pane keeps formulas', () => {
  test('each cell of a shared formula gets its own translated formula and cached result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow([1, null]);
    ws.addRow([2, null]);
    ws.addRow([3, null]);
    ws.fillFormula('B1:B3', 'A1*2', [2, 4, 6]);
    const snap = await xlsxToSnapshot('f.xlsx', arrayBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
    const s = snap.sheets[0];
    expect(s.values).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    expect(s.formulas).toEqual([
      [null, '=A1*2'],
      [null, '=A2*2'],
      [null, '=A3*2'],
    ]);
    // The command line reads the values only.
    expect((await loadWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'f.xlsx')).sheets[0].formulas).toBeUndefined();
  });

});
