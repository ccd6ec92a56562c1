/**
 * The browser app's results workbook (src/xlsx/results.ts resultsWorkbookBytes): the picked file's
 * sheets as read (values, formulas with values, number formats, merges), the sheets the pane added
 * (styled), the fills and notes asked for, read back with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { resultsWorkbookBytes } from '../../src/xlsx/results';
import type { SheetSnapshot } from '../../src/core/types';

const source: SheetSnapshot = {
  name: 'QUY_MO_TH',
  origin: { row: 0, col: 0 },
  values: [
    ['Tên', 'Số trường', null],
    ['Công lập', 24, null],
    ['Ngoài công lập', 6, null],
    ['Tổng', 31, 0.5],
  ],
  formulas: [
    [null, null, null],
    [null, null, null],
    [null, null, null],
    [null, '=SUM(B2:B3)+1', null],
  ],
  numberFormats: [
    ['General', 'General', 'General'],
    ['General', '#,##0', 'General'],
    ['General', '#,##0', 'General'],
    ['General', '#,##0', '0.00%'],
  ],
  merges: ['A1:A1', 'C1:D1'],
};

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

test('the picked file\'s sheets, the added sheet and the user\'s fills and notes; the added sheet opens first', async () => {
  const bytes = await resultsWorkbookBytes({
    sheets: [
      { snapshot: source },
      { snapshot: { name: 'Ẩn', origin: { row: 2, col: 1 }, values: [['x']], hidden: true } },
      {
        snapshot: { name: 'Báo cáo 2023-2024', origin: { row: 0, col: 0 }, values: [] },
        plan: { name: 'ignored', blocks: [{ row: 0, col: 0, values: [['BÁO CÁO', "='QUY_MO_TH'!B4"]], isFormula: [[false, true]], results: [[null, 31]], rowStyles: { 0: { bold: true } } } as never] },
      },
    ],
    highlights: [{ sheet: 'quy_mo_th', addresses: ['B4', 'A2:A3'], color: '#FFC7CE' }],
    notes: [{ sheet: 'QUY_MO_TH', notes: [{ address: 'B4', text: 'Báo cáo GD – Lỗi: tổng 31 ≠ 30' }] }],
    activeSheet: 'Báo cáo 2023-2024',
  });
  const wb = await readBack(bytes);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['QUY_MO_TH', 'Ẩn', 'Báo cáo 2023-2024']);
  const ws = wb.getWorksheet('QUY_MO_TH')!;
  expect(ws.getCell('B2').value).toBe(24);
  expect(ws.getCell('B2').numFmt).toBe('#,##0');
  expect(ws.getCell('C4').numFmt).toBe('0.00%');
  // The formula stays a formula, with the value it had (31, as printed: the source's own mistake).
  expect(ws.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)+1', result: 31 });
  expect(ws.getCell('C1').isMerged).toBe(true);
  expect((ws.getCell('B4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect((ws.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect(ws.getCell('A4').fill).toBeUndefined();
  expect(String((ws.getCell('B4').note as unknown as { texts?: { text: string }[] })?.texts?.map((t) => t.text).join('') ?? ws.getCell('B4').note)).toContain('tổng 31 ≠ 30');
  expect(wb.getWorksheet('Ẩn')!.state).toBe('hidden');
  expect(wb.getWorksheet('Ẩn')!.getCell('B3').value).toBe('x');
  const report = wb.getWorksheet('Báo cáo 2023-2024')!;
  expect(report.getCell('A1').value).toBe('BÁO CÁO');
  expect(report.getCell('A1').font.bold).toBe(true);
  // The report's figure points at the copied source cell, with its value for readers that do not calculate.
  expect(report.getCell('B1').value).toEqual({ formula: "'QUY_MO_TH'!B4", result: 31 });
  expect(wb.views[0].activeTab).toBe(2);
});
