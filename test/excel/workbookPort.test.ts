import {
  HIGHLIGHT_CHUNK,
  NOTES_CHUNK,
  OfficeWorkbookPort,
  addNotesIn,
  charsToPoints,
  customFunctionsAvailable,
  highlightCellsIn,
  listSheetsIn,
  readSheetsIn,
  selectCellIn,
  writeSheetIn,
} from '../../src/excel/workbookPort';
import type { SheetPlan, WriteBlock } from '../../src/core/types';
import { FakeContext, fakeContext } from './fakeExcel';
import { columnLetter } from '../../src/core/a1';

const asCtx = (f: FakeContext) => f as unknown as Excel.RequestContext;
const all = () => true;

describe('the fake enforces load/sync like Office.js', () => {
  test('reading an unloaded or unsynced property throws', async () => {
    const f = fakeContext({ A: [[1]] });
    const sheets = f.workbook.worksheets;
    expect(() => sheets.items).toThrow('PropertyNotLoaded');
    sheets.load('items/name');
    expect(() => sheets.items).toThrow('PropertyNotLoaded');
    await f.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['A']);
    expect(() => sheets.items[0].visibility).toThrow('PropertyNotLoaded');
  });
});

describe('readSheetsIn', () => {
  function workbook() {
    const f = fakeContext({}, 'quan12.xlsx');
    const pc = f.workbook.worksheets.add('PC_TH');
    pc.put(2, 1, [
      ['Tên xã', 'Số trẻ 11 tuổi', 'HTCT'],
      ['Xã A', 120, { error: '#REF!' }],
      ['Xã B', null, 'mười'],
    ]);
    pc.set(4, 3, 250, '=SUM(C4:C5)', '#,##0');
    const hidden = f.workbook.worksheets.add('Ẩn');
    hidden.visibilityValue = 'Hidden';
    hidden.put(0, 0, [['x']]);
    f.workbook.worksheets.add('Trống');
    return f;
  }

  test('values, error cells, blanks, formulas, formats and origin of every sheet in two syncs', async () => {
    const f = workbook();
    const snap = await readSheetsIn(asCtx(f));
    expect(f.syncCount).toBe(2);
    expect(snap.fileName).toBe('quan12.xlsx');
    expect(snap.sheets.map((s) => s.name)).toEqual(['PC_TH', 'Ẩn', 'Trống']);
    const pc = snap.sheets[0];
    expect(pc.origin).toEqual({ row: 2, col: 1 });
    expect(pc.values[1]).toEqual(['Xã A', 120, { error: '#REF!' }]);
    expect(pc.values[2]).toEqual(['Xã B', null, 250]);
    expect(pc.formulas![2][2]).toBe('=SUM(C4:C5)');
    expect(pc.formulas![1][1]).toBeNull();
    expect(pc.numberFormats![2][2]).toBe('#,##0');
    expect(snap.sheets[1].hidden).toBe(true);
    expect(snap.sheets[2]).toEqual({ name: 'Trống', origin: { row: 0, col: 0 }, values: [], hidden: false });
  });

  test('only the named sheets (case-insensitive), still two syncs', async () => {
    const f = workbook();
    const snap = await readSheetsIn(asCtx(f), ['pc_th']);
    expect(snap.sheets.map((s) => s.name)).toEqual(['PC_TH']);
    expect(f.syncCount).toBe(2);
  });

  test('merged areas when asked', async () => {
    const f = workbook();
    f.merges.push({ sheet: 'PC_TH', address: 'B3:D3', across: false });
    const snap = await readSheetsIn(asCtx(f), ['PC_TH'], { merges: true });
    expect(snap.sheets[0].merges).toEqual(['B3:D3']);
    expect(f.syncCount).toBe(2);
  });

  test('too large for one response (Excel on the web): read again in row chunks, same cells', async () => {
    const build = () => {
      const f = fakeContext();
      for (let s = 0; s < 3; s++) {
        const ws = f.workbook.worksheets.add(`T${s}`);
        ws.grid = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (r === 0 ? `Cột ${c}` : r * 100 + c)));
      }
      return f;
    };
    const plain = await readSheetsIn(asCtx(build()));
    const f = build();
    f.payloadLimitCells = 4 * 5000; // 4 data arrays × 5.000 cells per response
    const chunked = await readSheetsIn(asCtx(f), undefined, { chunkCells: 5000 });
    expect(chunked).toEqual(plain);
    // 1 names + 1 refused + 1 sizes + 3 sheets × 2 chunks of 500 rows
    expect(f.syncCount).toBe(3 + 6);
  });

  test('other errors are not retried', async () => {
    const f = fakeContext({ A: [[1]] });
    const sync = f.sync.bind(f);
    let n = 0;
    f.sync = async () => {
      if (++n === 2) throw Object.assign(new Error('boom'), { code: 'GeneralException' });
      return sync();
    };
    await expect(readSheetsIn(asCtx(f))).rejects.toThrow('boom');
    expect(n).toBe(2);
  });

  test('a response still too large at the first block size: the block is halved until it fits, same cells', async () => {
    const build = () => {
      const f = fakeContext();
      const ws = f.workbook.worksheets.add('Lớn');
      ws.grid = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
      return f;
    };
    const plain = await readSheetsIn(asCtx(build()));
    const f = build();
    f.payloadLimitCells = 4 * 1000; // 4 data arrays × 1.000 cells per response
    const chunked = await readSheetsIn(asCtx(f), undefined, { chunkCells: 5000 });
    expect(chunked).toEqual(plain);
    // 500 rows (5.000 cells) refused, then 250, then 125 refused; 63 rows (630 cells) fit: 16 blocks.
    // 1 names + 1 refused + 1 sizes + 3 refused + 16 blocks.
    expect(f.syncCount).toBe(3 + 3 + 16);
  });

  test('a sheet whose values Excel withholds (5.000.000-cell read limit: values null) is read in blocks; the others in the same sync', async () => {
    const build = () => {
      const f = fakeContext();
      f.workbook.worksheets.add('Nhỏ').put(0, 0, [['a', 1]]);
      const big = f.workbook.worksheets.add('Lớn');
      big.grid = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (r === 0 ? `Cột ${c}` : r * 10 + c)));
      return f;
    };
    const plain = await readSheetsIn(asCtx(build()));
    const f = build();
    f.readLimitCells = 10_000; // stands for 5.000.000: the 30.000-cell sheet comes back with values null
    const snap = await readSheetsIn(asCtx(f), undefined, { maxReadCells: 10_000 });
    expect(snap).toEqual(plain);
    expect(snap.sheets[1].values).toHaveLength(3000);
    // 1 names + 1 data (the big sheet withheld) + 3 blocks of 1.000 rows.
    expect(f.syncCount).toBe(2 + 3);
  });

  test('a used range far beyond the data (stray formatting at row 1.048.576) is refused with a message naming it, before any block read', async () => {
    const f = fakeContext();
    const ws = f.workbook.worksheets.add('Rác');
    ws.put(0, 0, [['Tên', 'Số']]);
    ws.set(99, 49, 'x'); // used range A1:AX100 = 5.000 cells
    f.readLimitCells = 100;
    await expect(readSheetsIn(asCtx(f), undefined, { maxReadCells: 100, maxSheetCells: 1000 })).rejects.toThrow(
      'Trang "Rác" có vùng dữ liệu A1:AX100 (5.000 ô), quá giới hạn đọc 1.000 ô. Thường do định dạng hay ô thừa ở xa bảng: nhấn Ctrl+End',
    );
    expect(f.syncCount).toBe(2);
  });

  test('a single row Excel cannot return is named, never an endless retry', async () => {
    const f = fakeContext();
    f.workbook.worksheets.add('Dài').put(0, 0, [['a', 'b', 'c', 'd']]);
    f.payloadLimitCells = 3; // even one row of 4 cells × 4 arrays is too much
    await expect(readSheetsIn(asCtx(f), undefined, { chunkCells: 4 })).rejects.toThrow('hàng 1 của trang "Dài"');
  });

  test('a large workbook (20 sheets × 5.000 rows) is read in the same two syncs', async () => {
    const f = fakeContext();
    for (let s = 0; s < 20; s++) {
      const ws = f.workbook.worksheets.add(`Trường ${s + 1}`);
      ws.grid = Array.from({ length: 5000 }, (_, r) => Array.from({ length: 8 }, (_, c) => (c === 0 ? `Dòng ${r}` : r * c)));
    }
    const snap = await readSheetsIn(asCtx(f));
    expect(f.syncCount).toBe(2);
    expect(snap.sheets).toHaveLength(20);
    expect(snap.sheets[19].values).toHaveLength(5000);
    expect(snap.sheets[19].values[4999][7]).toBe(4999 * 7);
  });
});

describe('writeSheetIn', () => {
  const plan = (name = 'Báo cáo 2023-2024'): SheetPlan => ({
    name,
    columnWidths: { 0: 30, 1: 12, 2: 12 },
    freezeRows: 1,
    blocks: [
      { id: 'title', row: 0, col: 0, values: [['BÁO CÁO KẾT QUẢ NĂM HỌC 2023-2024', null, null]], mergeRows: true, style: { bold: true, fontSize: 14 } },
      {
        id: 'table',
        row: 2,
        col: 0,
        values: [
          ['Xã', 'Số trẻ', 'Tỷ lệ'],
          ['Xã A', 120, '=PC_TH!C4/PC_TH!C3'],
          ['Xã B', 26254, 0.9738],
        ],
        isFormula: [[false, false, false], [false, false, true], [false, false, false]],
        style: { border: true },
        rowStyles: { 0: { bold: true, fill: '#D9E1F2', align: 'center' } },
        columnFormats: { 1: '#,##0', 2: '0.00%' },
      },
      { id: 'para', row: 6, col: 0, values: [['Tổng số trẻ 11 tuổi là 9.300, miễn giảm 35, hoàn thành chương trình tiểu học 9.022, đạt 97,38%.', null, null]], mergeRows: true, style: { wrap: true } },
      { id: 'tbl', row: 8, col: 0, values: [['Mã', 'Tên'], ['26254', '- mục']], asTable: true },
    ],
  });

  test('a new sheet with a unique name; the existing sheet is untouched', async () => {
    const f = fakeContext({ 'Báo cáo 2023-2024': [['của người dùng']] });
    const result = await writeSheetIn(asCtx(f), plan(), { supports: all });
    expect(result.sheetName).toBe('Báo cáo 2023-2024 (2)');
    expect(result.blocks).toBe(4);
    expect(result.cellsWritten).toBe(3 + 9 + 3 + 4);
    expect(f.workbook.worksheets.getItem('Báo cáo 2023-2024').cell(0, 0)).toBe('của người dùng');
    expect(f.activeSheet).toBe('Báo cáo 2023-2024 (2)');
  });

  test('two syncs, one values/formulas assignment per block, calculation and screen suspended once', async () => {
    const f = fakeContext();
    await writeSheetIn(asCtx(f), plan(), { supports: all });
    expect(f.syncCount).toBeLessThanOrEqual(4);
    expect(f.syncCount).toBe(2);
    const data = f.assignments.filter((a) => a.prop !== 'numberFormat');
    expect(data.map((a) => [a.address, a.prop])).toEqual([
      ['A1:C1', 'values'],
      ['A3:C5', 'formulas'],
      ['A7:C7', 'values'],
      ['A9:B10', 'values'],
    ]);
    expect(f.assignments.filter((a) => a.prop === 'numberFormat').map((a) => a.address)).toEqual(['A3:C5']);
    expect(f.suspended).toEqual({ calculation: 1, screen: 1 });
  });

  test('cells: formulas kept as formulas, numeric-looking text kept as text, formats per column', async () => {
    const f = fakeContext();
    const { sheetName } = await writeSheetIn(asCtx(f), plan(), { supports: all });
    const ws = f.workbook.worksheets.getItem(sheetName);
    expect(ws.formulaGrid[3][2]).toBe('=PC_TH!C4/PC_TH!C3');
    expect(ws.cell(4, 1)).toBe(26254);
    expect(ws.cell(9, 0)).toBe('26254'); // text: the fake strips the apostrophe the way Excel does
    expect(ws.cell(9, 1)).toBe('- mục');
    expect(ws.formatGrid[4][2]).toBe('0.00%');
    expect(ws.formatGrid[4][1]).toBe('#,##0');
    expect(ws.formatGrid[4][0]).toBe('General');
  });

  test('formatting: bold header row with fill, borders, merges of paragraph rows, widths, table, freeze', async () => {
    const f = fakeContext();
    await writeSheetIn(asCtx(f), plan(), { supports: all });
    const fmt = (address: string, prop: string) => f.formats.filter((x) => x.address === address && x.prop === prop).map((x) => x.value);
    expect(fmt('A3:C3', 'font.bold')).toEqual([true]);
    expect(fmt('A3:C3', 'fill.color')).toEqual(['#D9E1F2']);
    expect(fmt('A3:C3', 'horizontalAlignment')).toEqual(['Center']);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal']) {
      expect(fmt('A3:C5', `border.${edge}.style`)).toEqual(['Continuous']);
    }
    expect(f.merges.map((m) => [m.address, m.across])).toEqual([['A1:C1', true], ['A7:C7', true]]);
    expect(fmt('A7:C7', 'wrapText')).toEqual([true]);
    expect(fmt('A7', 'rowHeight')[0]).toBeGreaterThan(15); // 98 characters over 54 → 2 lines
    expect(fmt('A1', 'columnWidth')).toEqual([charsToPoints(30)]);
    expect(f.tables).toEqual([{ sheet: 'Báo cáo 2023-2024', address: 'A9:B10', hasHeaders: true }]);
    expect(f.formats.find((x) => x.prop === 'freezeRows')?.value).toBe(1);
  });

  test('8.43 characters is Excel\'s default 48-point column', () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0);
  });

  test('without ExcelApi 1.9 the screen is not suspended (old hosts) and the write still works', async () => {
    const f = fakeContext();
    await writeSheetIn(asCtx(f), plan(), { supports: (n, v) => n === 'ExcelApi' && Number(v.split('.')[1]) <= 7 });
    expect(f.suspended).toEqual({ calculation: 1, screen: 0 });
    expect(f.syncCount).toBe(2);
  });

  test('a large report (300 blocks, 20.000 rows) still takes two syncs and one assignment per block', async () => {
    const blocks: WriteBlock[] = [];
    let row = 0;
    for (let b = 0; b < 300; b++) {
      const rows = b % 10 === 0 ? 500 : 50;
      blocks.push({ row, col: 0, values: Array.from({ length: rows }, (_, r) => [`Trường ${r}`, r, r * 2, r / 1000]), columnFormats: { 3: '0.00%' } });
      row += rows + 1;
    }
    expect(row).toBeGreaterThan(20000);
    const f = fakeContext();
    const res = await writeSheetIn(asCtx(f), { name: 'Tổng hợp', blocks }, { supports: all });
    expect(f.syncCount).toBe(2);
    expect(f.assignments.filter((a) => a.prop === 'values')).toHaveLength(300);
    expect(f.assignments.filter((a) => a.prop === 'numberFormat')).toHaveLength(300);
    expect(res.cellsWritten).toBe(blocks.reduce((n, b) => n + b.values.length * 4, 0));
  });

  test('row heights given by a report plan are used instead of the estimate', async () => {
    const f = fakeContext();
    const p = { ...plan(), rowHeights: { 6: 45 } };
    await writeSheetIn(asCtx(f), p, { supports: all });
    const heights = f.formats.filter((x) => x.prop === 'rowHeight').map((x) => [x.address, x.value]);
    expect(heights).toEqual([['A7', 45]]);
    expect(f.syncCount).toBe(2);
  });

  test('too large for one request (Excel on the web): written again in pieces, same cells, one new sheet', async () => {
    const blocks: WriteBlock[] = [
      { row: 0, col: 0, values: [['Tiêu đề', null, null]], mergeRows: true, style: { bold: true } },
      { row: 2, col: 0, values: Array.from({ length: 3000 }, (_, r) => [`Trường ${r}`, r, r / 3000]), columnFormats: { 2: '0.00%' }, rowStyles: { 0: { bold: true } }, asTable: true },
      { row: 3004, col: 0, values: Array.from({ length: 900 }, (_, r) => [r, `=A${r + 1}*2`, null]), isFormula: Array.from({ length: 900 }, () => [false, true, false]) },
    ];
    const reference = fakeContext({ Cũ: [['x']] });
    await writeSheetIn(asCtx(reference), { name: 'Tổng hợp', blocks }, { supports: all });
    const f = fakeContext({ Cũ: [['x']] });
    f.requestLimitCells = 2000;
    const res = await writeSheetIn(asCtx(f), { name: 'Tổng hợp', blocks }, { supports: all, chunkCells: 2000 });
    expect(res.sheetName).toBe('Tổng hợp');
    expect(f.workbook.worksheets.sheets.map((s) => s.sheetName)).toEqual(['Cũ', 'Tổng hợp']);
    const a = f.workbook.worksheets.getItem('Tổng hợp');
    const b = reference.workbook.worksheets.getItem('Tổng hợp');
    expect(a.grid).toEqual(b.grid);
    expect(a.formulaGrid).toEqual(b.formulaGrid);
    expect(a.formatGrid).toEqual(b.formatGrid);
    expect(f.largestRequestCells).toBeLessThanOrEqual(2000);
    expect(f.tables).toEqual(reference.tables);
    expect(f.merges).toEqual(reference.merges);
    // 1 names + 1 refused + 1 names, then pieces of ≤ 2.000 cells (values, plus formats where the block has them)
    const sent = 3 + 3000 * 3 * 2 + 900 * 3;
    expect(f.syncCount).toBeGreaterThanOrEqual(3 + Math.ceil(sent / 2000));
    expect(f.syncCount).toBeLessThanOrEqual(3 + Math.ceil(sent / 2000) + 3);
  });

  test('a piece still too large at the first size is halved until it fits: same sheet, every request within the limit', async () => {
    const blocks: WriteBlock[] = [
      { row: 0, col: 0, values: [['Tiêu đề', null]], mergeRows: true },
      { row: 2, col: 0, values: Array.from({ length: 2000 }, (_, r) => [`Trường ${r}`, r]), columnFormats: { 1: '#,##0' } },
    ];
    const reference = fakeContext();
    await writeSheetIn(asCtx(reference), { name: 'Tổng hợp', blocks }, { supports: all });
    const f = fakeContext();
    f.requestLimitCells = 1000;
    const res = await writeSheetIn(asCtx(f), { name: 'Tổng hợp', blocks }, { supports: all, chunkCells: 40_000 });
    expect(res.sheetName).toBe('Tổng hợp');
    expect(f.workbook.worksheets.getItem('Tổng hợp').grid).toEqual(reference.workbook.worksheets.getItem('Tổng hợp').grid);
    expect(f.workbook.worksheets.getItem('Tổng hợp').formatGrid).toEqual(reference.workbook.worksheets.getItem('Tổng hợp').formatGrid);
    expect(f.largestRequestCells).toBeLessThanOrEqual(1000);
    expect(f.workbook.worksheets.sheets.map((s) => s.sheetName)).toEqual(['Tổng hợp']);
  });

  test('when Excel refuses even one row, the error names the sheet in both languages', async () => {
    const f = fakeContext();
    f.requestLimitCells = 1;
    await expect(writeSheetIn(asCtx(f), { name: 'X', blocks: [{ row: 0, col: 0, values: [['a', 'b', 'c']] }] }, { supports: all, chunkCells: 100 })).rejects.toThrow(
      'Excel từ chối ghi ngay cả một hàng của trang "X"',
    );
  });

  test('a template plan\'s data-entry checks become Excel data validation (ExcelApi 1.8), in the same two syncs', async () => {
    const { templateLayout } = await import('../../src/core/sheets/layout');
    const plan = templateLayout('QUY_MO', { sample: false, rows: 100 });
    const f = fakeContext();
    await writeSheetIn(asCtx(f), plan, { supports: all });
    expect(f.syncCount).toBe(2);
    const rules = f.formats.filter((x) => x.prop === 'dataValidation.rule');
    expect(rules).toHaveLength(plan.validations.length);
    const capHoc = plan.fields.indexOf('cap_hoc');
    const capRule = rules.find((x) => x.address.startsWith(`${columnLetter(capHoc)}${plan.sampleRow + 1}:`))!;
    expect((capRule.value as { list: { source: string } }).list.source.split(',')).toEqual((plan.validations.find((v) => v.col === capHoc)!.rule as { values: string[] }).values);
    expect(f.formats.filter((x) => x.prop === 'dataValidation.errorAlert').every((x) => (x.value as { showAlert: boolean }).showAlert)).toBe(true);
    // Older hosts: no validation, the template is still written.
    const old = fakeContext();
    await writeSheetIn(asCtx(old), plan, { supports: (n, v) => n === 'ExcelApi' && Number(v.split('.')[1]) <= 7 });
    expect(old.formats.filter((x) => x.prop.startsWith('dataValidation'))).toEqual([]);
    expect(old.syncCount).toBe(2);
  });

  test('ragged rows are padded to one rectangle (one assignment, not one per row)', async () => {
    const f = fakeContext();
    await writeSheetIn(asCtx(f), { name: 'X', blocks: [{ row: 0, col: 0, values: [['a', 'b', 'c'], ['d']] }] }, { supports: all });
    expect(f.assignments).toEqual([{ sheet: 'X', address: 'A1:C2', prop: 'values', rows: 2, cols: 3 }]);
  });
});

describe('select, highlight, list', () => {
  test('selectCell activates the sheet and selects the cell in one sync', async () => {
    const f = fakeContext({ A: [[1]], PC_TH: [[1, 2]] });
    await selectCellIn(asCtx(f), 'PC_TH', 'D12');
    expect(f.syncCount).toBe(1);
    expect(f.activeSheet).toBe('PC_TH');
    expect(f.selected).toEqual({ sheet: 'PC_TH', address: 'D12' });
  });

  test('a bad address is refused before any Excel call', async () => {
    const f = fakeContext({ A: [[1]] });
    await expect(selectCellIn(asCtx(f), 'A', 'not a cell')).rejects.toThrow('not a cell');
    expect(f.syncCount).toBe(0);
  });

  test('highlight fills cells in one sync and never changes values', async () => {
    const f = fakeContext({ A: [[1, 2, 3]] });
    await highlightCellsIn(asCtx(f), 'A', ['A1', 'C1'], '#FFC7CE');
    expect(f.syncCount).toBe(1);
    expect(f.formats.filter((x) => x.prop === 'fill.color').map((x) => x.address)).toEqual(['A1', 'C1']);
    expect(f.assignments).toEqual([]);
    expect(f.workbook.worksheets.getItem('A').grid[0]).toEqual([1, 2, 3]);
  });

  test('thousands of highlighted cells go in requests of at most HIGHLIGHT_CHUNK, halved when Excel refuses one', async () => {
    const f = fakeContext({ A: [[1]] });
    const cells = Array.from({ length: 5000 }, (_, i) => `B${i + 1}`);
    await highlightCellsIn(asCtx(f), 'A', cells, '#FFC7CE');
    expect(HIGHLIGHT_CHUNK).toBe(2000);
    expect(f.syncCount).toBe(3);
    expect(f.formats.filter((x) => x.prop === 'fill.color').map((x) => x.address)).toEqual(cells);
    const g = fakeContext({ A: [[1]] });
    g.requestLimitOps = 700;
    await highlightCellsIn(asCtx(g), 'A', cells, '#FFC7CE');
    expect(g.formats.filter((x) => x.prop === 'fill.color').map((x) => x.address)).toEqual(cells);
    expect(g.largestRequestOps).toBeLessThanOrEqual(700);
  });

  test('notes go in requests of at most NOTES_CHUNK comments, halved when Excel refuses one', async () => {
    const f = fakeContext({ A: [[1]] });
    const notes = Array.from({ length: 450 }, (_, i) => ({ address: `C${i + 1}`, text: `Báo cáo GD – Lỗi: dòng ${i + 1}` }));
    await addNotesIn(asCtx(f), 'A', notes);
    expect(NOTES_CHUNK).toBe(200);
    expect(f.syncCount).toBe(3);
    const g = fakeContext({ A: [[1]] });
    g.requestLimitOps = 60;
    await addNotesIn(asCtx(g), 'A', notes);
    expect(g.comments.map((c) => c.address)).toEqual(notes.map((n) => `'A'!${n.address}`));
    expect(g.largestRequestOps).toBeLessThanOrEqual(60);
  });

  test('listSheets in one sync', async () => {
    const f = fakeContext({ B: [[1]], A: [[1]] });
    expect(await listSheetsIn(asCtx(f))).toEqual(['B', 'A']);
    expect(f.syncCount).toBe(1);
  });
});

describe('OfficeWorkbookPort', () => {
  test('runs each operation in the batch function it is given', async () => {
    const f = fakeContext({ PC_TH: [['Xã', 'Số'], ['A', 1]] });
    let batches = 0;
    const port = new OfficeWorkbookPort(async (batch) => {
      batches++;
      return batch(asCtx(f));
    }, all);
    expect(await port.listSheets()).toEqual(['PC_TH']);
    const snap = await port.readSheets();
    expect(snap.sheets[0].values[1]).toEqual(['A', 1]);
    const res = await port.writeSheet({ name: 'PC_TH', blocks: [{ row: 0, col: 0, values: [['x']] }] });
    expect(res.sheetName).toBe('PC_TH (2)');
    await port.selectCell('PC_TH', 'B2');
    await port.addNotes('PC_TH', [{ address: 'B2', text: 'Kiểm tra' }]);
    expect(f.comments).toEqual([{ address: "'PC_TH'!B2", text: 'Kiểm tra' }]);
    expect(batches).toBe(5);
  });

  test('notes on an Excel without comments (ExcelApi < 1.10) are refused in both languages, before any Excel call', async () => {
    let batches = 0;
    const port = new OfficeWorkbookPort(async (b) => (batches++, b(asCtx(fakeContext()))), (n, v) => n === 'ExcelApi' && Number(v.split('.')[1]) <= 9);
    await expect(port.addNotes('A', [{ address: 'A1', text: 'x' }])).rejects.toThrow('chưa ghi chú vào ô được (cần ExcelApi 1.10). / This Excel cannot add cell comments');
    expect(batches).toBe(0);
  });

  test('custom functions are reported available only when CustomFunctionsRuntime 1.1 is supported', () => {
    expect(customFunctionsAvailable((n, v) => n === 'CustomFunctionsRuntime' && v === '1.1')).toBe(true);
    expect(customFunctionsAvailable((n) => n === 'ExcelApi')).toBe(false);
    // Outside Office (no global Office) the default check says no.
    expect(customFunctionsAvailable()).toBe(false);
  });
});

describe('the real report of the Quận 12 sample through the fake Excel', () => {
  test('two syncs, one data assignment per non-empty block, formulas only through `formulas`', async () => {
    const { loadWorkbookFile } = await import('../../src/cli/xlsx');
    const { engineServices } = await import('../../src/taskpane/services/engine');
    const { withDefaults } = await import('../../src/core/settings');
    const { SECTION_ORDER } = await import('../../src/core/report/model');
    const snap = await loadWorkbookFile(require('path').join(__dirname, '..', '..', 'samples', 'quan12-2023-2024.xlsx'));
    const { plan } = await engineServices.buildReport(snap, withDefaults(), { sections: SECTION_ORDER.slice(), years: 2, lang: 'vi' });
    const f = fakeContext({ QUY_MO: [['x']] });
    const res = await writeSheetIn(asCtx(f), plan, { supports: all });
    expect(f.syncCount).toBe(2);
    const nonEmpty = plan.blocks.filter((b) => b.values.length && b.values.some((r) => r.length));
    const data = f.assignments.filter((a) => a.prop !== 'numberFormat');
    expect(data).toHaveLength(nonEmpty.length);
    const withFormulas = nonEmpty.filter((b) => b.isFormula?.some((r) => r.some(Boolean)));
    expect(withFormulas.length).toBeGreaterThan(0); // the report points at its source cells
    expect(data.filter((a) => a.prop === 'formulas')).toHaveLength(withFormulas.length);
    expect(res.sheetName).toBe(plan.name);
  });
});
