/**
 * One reader for every file: the same small workbook written as .xlsx, legacy .xls (BIFF8), an HTML
 * table and an XML Spreadsheet 2003 reads into the same snapshot, whatever the file is named; the
 * format is picked by content.
 */
import { loadWorkbookBuffer } from '../../src/cli/xlsx';
import { loadWorkbookBytes } from '../../src/xlsx/read';
import type { CellValue, WorkbookSnapshot } from '../../src/core/types';
import { readWorkbook } from '../../src/core/sheets/read';
import { FixtureSheet, rawRows, rawXlsx, writeHtml, writeXls, writeXlsx } from '../fixtures/workbook-files';

const FIXTURE: FixtureSheet[] = [
  {
    name: 'QUY_MO',
    rows: [
      ['BÁO CÁO QUY MÔ', null, null, null, null, null],
      ['Năm học: 2024 - 2025'],
      ['Mã trường', 'Tên trường', 'Cấp học', 'Mã xã', 'Số lớp', 'Số học sinh'],
      ['79700001', 'Trường Tiểu học Lê Lợi', 'Tiểu học', '26001', 20, 700],
      ['79700002', 'Trường THCS Nguyễn Du', 'THCS', '26002', 12.5, 480],
      [null, null, null, null, null, null, true],
    ],
    merges: ['A1:F1'],
  },
  { name: 'Cũ', rows: [['năm trước'], [1, 2, 3]], hidden: true },
];

/** Cells as "A1=value" for comparison, whatever the grid's shape. */
function cells(snap: WorkbookSnapshot) {
  return snap.sheets.map((s) => {
    const out: string[] = [];
    s.values.forEach((row, r) =>
      row?.forEach((v: CellValue, c) => {
        if (v !== null && v !== undefined) out.push(`${String.fromCharCode(65 + c)}${r + 1}=${JSON.stringify(v)}`);
      }),
    );
    return { name: s.name, hidden: !!s.hidden, merges: s.merges ?? [], cells: out };
  });
}

describe('the same workbook in every format reads into the same snapshot', () => {
  let expected: ReturnType<typeof cells>;
  beforeAll(async () => {
    expected = cells(await loadWorkbookBuffer(await writeXlsx(FIXTURE), 'x.xlsx'));
  });

  test('the .xlsx itself: values, merge, hidden sheet as written', () => {
    expect(expected[0].cells).toContain('B4="Trường Tiểu học Lê Lợi"');
    expect(expected[0].cells).toContain('E5=12.5');
    expect(expected[0].cells).toContain('G6=true');
    expect(expected[0].merges).toEqual(['A1:F1']);
    expect(expected[1]).toMatchObject({ name: 'Cũ', hidden: true, cells: ['A1="năm trước"', 'A2=1', 'B2=2', 'C2=3'] });
  });

  test.each([
    ['legacy .xls (BIFF8)', 'truong.xls', 'xls', () => writeXls(FIXTURE)],
    ['.xls renamed .xlsx', 'truong.xlsx', 'xls', () => writeXls(FIXTURE)],
    ['XML Spreadsheet 2003 named .xls', 'xuat.xls', 'xml2003', () => writeXls(FIXTURE, 'xlml')],
  ])('%s', async (_label, name, format, make) => {
    const snap = await loadWorkbookBuffer(make(), name);
    expect(snap.format).toBe(format);
    expect(cells(snap)).toEqual(expected);
  });

  test('.xlsx renamed .xls is read as .xlsx', async () => {
    const snap = await loadWorkbookBuffer(await writeXlsx(FIXTURE), 'truong.xls');
    expect(snap.format).toBe('xlsx');
    expect(cells(snap)).toEqual(expected);
  });

  test('an HTML table named .xls: the same cells and merges (sheets named by their caption, hidden state not carried by HTML)', async () => {
    const snap = await loadWorkbookBuffer(writeHtml(FIXTURE), 'xuat-excel.xls');
    expect(snap.format).toBe('html');
    expect(cells(snap)).toEqual(expected.map((s) => ({ ...s, hidden: false })));
  });

  test('the template reader finds the same QUY_MO records in each format', async () => {
    const files: [Buffer, string][] = [
      [await writeXlsx(FIXTURE), 'a.xlsx'],
      [writeXls(FIXTURE), 'a.xls'],
      [writeHtml(FIXTURE), 'a.xls'],
    ];
    for (const [buf, name] of files) {
      const parsed = readWorkbook(await loadWorkbookBuffer(buf, name));
      const qm = parsed.sheets.find((s) => s.template === 'QUY_MO')!;
      expect(qm.records.map((r) => [r.fields.ma_truong.value, r.fields.so_hoc_sinh.value])).toEqual([
        ['79700001', 700],
        ['79700002', 480],
      ]);
    }
  });

  test('the pane (portable inflater) and the command line (native zlib) read the same', async () => {
    const buf = await writeXlsx(FIXTURE);
    expect(cells(await loadWorkbookBytes(buf, 'x.xlsx'))).toEqual(expected);
  });

  test('rows and cells without r= attributes (valid OOXML) are numbered in order', async () => {
    const buf = await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(FIXTURE[0].rows, { noRefs: true }), after: '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>' }]);
    const snap = await loadWorkbookBuffer(buf, 'no-r.xlsx');
    expect(cells(snap)[0]).toEqual(expected[0]);
  });
});
