/**
 * The reader's cost follows the cells, not the coordinates: stray far cells, huge merges and
 * whole-column validations cost what the cells cost; cells keep what they hold (numbers that are
 * not numbers, dangling string references, uncalculated formulas are never silently blank).
 */
import { loadWorkbookBuffer } from '../../src/cli/xlsx';
import { openWorkbookBytes } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/core/sheets/read';
import { rawCell, rawRows, rawXlsx, SCHOOL_ROWS } from '../fixtures/workbook-files';

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = Date.now();
  const r = await f();
  return [r, Date.now() - t0];
};

describe('stray far cells', () => {
  test('XFD1048576 beside a small table: one more cell, the table reads as before', async () => {
    const buf = await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(SCHOOL_ROWS) + `<row r="1048576">${rawCell('XFD1048576', 'x')}</row>` }]);
    const [snap, ms] = await timed(() => loadWorkbookBuffer(buf, 'far.xlsx'));
    expect(ms).toBeLessThan(2000);
    const s = snap.sheets[0];
    expect(s.values.length).toBe(1_048_576);
    expect(s.values[1_048_575][16_383]).toBe('x');
    // Only the rows that exist are stored.
    expect(Object.keys(s.values).length).toBe(4);
    const parsed = readWorkbook(snap);
    expect(parsed.sheets[0].records.map((r) => r.fields.so_hoc_sinh.value)).toEqual([700]);
  });

  test('XFD1 and A20000: the header row is found, nothing between is built', async () => {
    const buf = await rawXlsx([{ name: 'QUY_MO', sheetData: `<row r="1">${rawCell('A1', 'Năm học: 2024 - 2025')}${rawCell('XFD1', 'y')}</row>` + rawRows(SCHOOL_ROWS.slice(1), { startRow: 2 }) + `<row r="20000">${rawCell('A20000', 'z')}</row>` }]);
    const [snap, ms] = await timed(() => loadWorkbookBuffer(buf, 'far2.xlsx'));
    expect(ms).toBeLessThan(2000);
    expect(Object.keys(snap.sheets[0].values).length).toBe(4);
    expect(readWorkbook(snap).sheets[0].metadata.schoolYear).toBe('2024-2025');
  });

  test('the stream hands over only existing cells, with their columns', async () => {
    const buf = await rawXlsx([{ name: 'S', sheetData: `<row r="3">${rawCell('B3', 1)}${rawCell('XFD3', 2)}</row>` }]);
    const source = await openWorkbookBytes(buf, 's.xlsx');
    const seen: [number, number[], unknown[]][] = [];
    const sum = source.readRows(source.sheets[0], (row) => {
      seen.push([row.index, row.cols.slice(0, row.length), row.values.slice(0, row.length)]);
    });
    expect(seen).toEqual([[2, [1, 16383], [1, 2]]]);
    expect(sum).toMatchObject({ cells: 2, rows: 1, maxRow: 2, maxCol: 16383 });
  });
});

describe('merged areas and validations over whole sheets', () => {
  test('<mergeCell ref="A10:XFD1048576"/> is clipped to the used cells', async () => {
    const rows = [...SCHOOL_ROWS, ...Array.from({ length: 8 }, (_, i) => ['7970001' + i, 'Trường ' + i, 'Tiểu học', '26001', 10, 300])];
    const buf = await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(rows), after: '<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>' }]);
    const [snap, ms] = await timed(() => loadWorkbookBuffer(buf, 'merge.xlsx'));
    expect(ms).toBeLessThan(2000);
    expect(snap.sheets[0].merges).toEqual(['A10:F11']);
    // Excel shows the first cell of a merge only: the values under it are dropped, and said.
    const parsed = readWorkbook(snap);
    expect(parsed.findings.find((f) => f.rule === 'o_gop_trong_du_lieu')?.message.vi).toContain('A10:F11');
  });

  test('data validations and conditional formats on whole columns are passed over', async () => {
    const dv = Array.from({ length: 50 }, (_, i) => `<dataValidation type="whole" sqref="H1:Q1048576 A${i + 1}:XFD1048576"><formula1>0</formula1></dataValidation>`).join('');
    const cf = '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>';
    const buf = await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(SCHOOL_ROWS), after: cf + `<dataValidations count="50">${dv}</dataValidations>` }]);
    const [snap, ms] = await timed(() => loadWorkbookBuffer(buf, 'dv.xlsx'));
    expect(ms).toBeLessThan(1000);
    expect(readWorkbook(snap).sheets[0].records).toHaveLength(1);
  });
});

describe('no cell silently blank', () => {
  test('a numeric cell holding "abc", "1e309" or "NaN" keeps its text and is a finding', async () => {
    const bad = `<row r="4"><c r="A4" t="inlineStr"><is><t>79700002</t></is></c><c r="B4" t="inlineStr"><is><t>Trường B</t></is></c><c r="E4"><v>1e309</v></c><c r="F4"><v>abc</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>79700003</t></is></c><c r="F5"><v>NaN</v></c></row>`;
    const buf = await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(SCHOOL_ROWS) + bad }]);
    const snap = await loadWorkbookBuffer(buf, 'nan.xlsx');
    expect([snap.sheets[0].values[3][4], snap.sheets[0].values[3][5], snap.sheets[0].values[4][5]]).toEqual(['1e309', 'abc', 'NaN']);
    const f = readWorkbook(snap).findings.filter((x) => x.rule === 'khong_phai_so');
    expect(f.flatMap((x) => x.cells).sort()).toEqual(['E4', 'F4', 'F5']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  test('a reference to a shared string that does not exist reads as #REF!, not as blank', async () => {
    const buf = await rawXlsx([{ name: 'S', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c></row>' }], { sharedStrings: ['ok'] });
    const snap = await loadWorkbookBuffer(buf, 'sst.xlsx');
    expect(snap.sheets[0].values[0]).toEqual(['ok', { error: '#REF!' }]);
  });

  test('formulas without cached values: plain sums computed and said, others named in an error finding', async () => {
    const data =
      rawRows(SCHOOL_ROWS) +
      `<row r="4"><c r="A4" t="inlineStr"><is><t>79700002</t></is></c><c r="B4" t="inlineStr"><is><t>Trường B</t></is></c><c r="C4" t="inlineStr"><is><t>Tiểu học</t></is></c><c r="E4"><v>10</v></c><c r="F4"><f>VLOOKUP(A4,Khac!A:B,2,0)</f></c></row>` +
      `<row r="5"><c r="B5" t="inlineStr"><is><t>Tổng cộng</t></is></c><c r="E5"><f>SUM(E3:E4)</f></c><c r="F5"><f>F3+F4</f></c></row>`;
    const snap = await loadWorkbookBuffer(await rawXlsx([{ name: 'QUY_MO', sheetData: data }]), 'f.xlsx');
    const s = snap.sheets[0];
    // E5 = 20 + 10 (worked out from the rows above); F5 waits on F4, which nothing can compute.
    expect(s.values[4][4]).toBe(30);
    expect(s.computed).toEqual({ cells: ['E5'], count: 1 });
    expect(s.uncalculated).toEqual({ cells: ['F4', 'F5'], count: 2 });
    const parsed = readWorkbook(snap);
    const un = parsed.findings.find((f) => f.rule === 'cong_thuc_chua_tinh')!;
    expect(un.severity).toBe('error');
    expect(un.cells).toEqual(['F4', 'F5']);
    expect(un.message.vi).toContain('hãy mở và lưu tệp trong Excel');
    expect(parsed.findings.find((f) => f.rule === 'cong_thuc_tu_tinh')?.cells).toEqual(['E5']);
  });

  test('two sheets named alike (Excel forbids it): both read, the second renamed', async () => {
    const buf = await rawXlsx([
      { name: 'QUY_MO', sheetData: rawRows(SCHOOL_ROWS) },
      { name: 'quy_mo', sheetData: rawRows([['x']]) },
    ]);
    const snap = await loadWorkbookBuffer(buf, 'dup.xlsx');
    expect(snap.sheets.map((s) => s.name)).toEqual(['QUY_MO', 'quy_mo (2)']);
  });
});

describe('a visible sheet wins over a hidden copy', () => {
  test('hidden last-year QUY_MO placed first: set aside, the visible sheet is used and named', async () => {
    const old = [['Năm học: 2023 - 2024'], ...SCHOOL_ROWS.slice(1, 2), ['79700001', 'Trường Tiểu học Lê Lợi', 'Tiểu học', '26001', 19, 650]];
    const buf = await rawXlsx([
      { name: 'QUY_MO 2023', sheetData: rawRows(old), state: 'hidden' },
      { name: 'QUY_MO', sheetData: rawRows(SCHOOL_ROWS) },
    ]);
    const parsed = readWorkbook(await loadWorkbookBuffer(buf, 'hidden.xlsx'));
    expect(parsed.sheets.map((s) => s.sheetName)).toEqual(['QUY_MO']);
    expect(parsed.sheets[0].metadata.schoolYear).toBe('2024-2025');
    expect(parsed.setAside).toEqual([{ sheet: 'QUY_MO 2023', template: 'QUY_MO', usedSheet: 'QUY_MO' }]);
    expect(parsed.findings.find((f) => f.rule === 'trang_an_bo_qua')?.message.vi).toBe('Trang ẩn "QUY_MO 2023" cũng là biểu QUY_MO: không dùng; đã dùng trang đang hiện "QUY_MO"');
  });
});

test('a second column with the same header is a finding naming both columns', async () => {
  const rows = [SCHOOL_ROWS[0], [...(SCHOOL_ROWS[1] as string[]), 'Số học sinh'], [...SCHOOL_ROWS[2], 710]];
  const parsed = readWorkbook(await loadWorkbookBuffer(await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(rows) }]), 'dup.xlsx'));
  const f = parsed.findings.find((x) => x.rule === 'cot_trung_tieu_de')!;
  expect(f.cells).toEqual(['G2', 'F2']);
  expect(f.message.vi).toContain('Cột G có cùng tiêu đề "Số học sinh" với cột F');
  expect(parsed.sheets[0].records[0].fields.so_hoc_sinh.value).toBe(700);
});
