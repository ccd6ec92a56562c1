/**
 * The one .xlsx writer (src/xlsx/write.ts): Excel's sheet-name rules and one look for every plan the
 * command line writes (report, summary, templates), checked on the file read back.
 */
import ExcelJS from 'exceljs';
import { templateLayout } from '../../src/core/sheets/layout';
import { plansXlsxBytes } from '../../src/cli/xlsx-stream';
import { addPlanSheet, addSnapshotSheet, FONT_NAME, newWorkbook, plansWorkbook } from '../../src/xlsx/write';
import type { TextCuts } from '../../src/xlsx/write';
import type { WritablePlan } from '../../src/xlsx/write';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

/** The look of the two-block "Báo cáo" plans below, read back: title font, header fill and border, formula with its result. */
function expectReportLook(ws: ExcelJS.Worksheet): void {
  expect(ws.getCell('A1').font).toMatchObject({ name: FONT_NAME, size: 14, bold: true });
  expect(ws.getCell('A3').font).toMatchObject({ name: FONT_NAME, size: 12 });
  expect(ws.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
  expect(ws.getCell('B2').border?.bottom?.style).toBe('thin');
  expect(ws.getCell('B3').numFmt).toBe('0.00%');
  expect(ws.getCell('B3').value).toEqual({ formula: 'Nguon!B2/Nguon!C2', result: 0.9738 });
}

const plan = (name: string): WritablePlan => ({ name, blocks: [{ row: 0, col: 0, values: [['x']] }] });

test('sheet names follow Excel: ≤ 31 characters, no : \\ / ? * [ ], unique ignoring case, never "History"', async () => {
  const wb = await roundTrip(
    plansWorkbook([plan('Tổng hợp: 2023/2024 [A]'), plan('History'), plan('Báo cáo'), plan('BÁO CÁO'), plan('Báo cáo kết quả phổ cập giáo dục năm học 2023-2024')]),
  );
  const names = wb.worksheets.map((w) => w.name);
  expect(names).toEqual(['Tổng hợp- 2023-2024 -A-', 'History (2)', 'Báo cáo', 'BÁO CÁO (2)', 'Báo cáo kết quả phổ cập giáo dụ']); // the first 31 characters
  for (const n of names) {
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[:\\/?*[\]]/);
  }
});

test('one look: font, header fill and border, formats, merged titles, frozen rows, formulas with results', async () => {
  const report: WritablePlan = {
    name: 'Báo cáo',
    freezeRows: 2,
    columnWidths: { 0: 30 },
    rowHeights: { 1: 40 },
    blocks: [
      { row: 0, col: 0, values: [['BÁO CÁO', null]], mergeRows: true, style: { bold: true, fontSize: 14 } },
      { row: 1, col: 0, values: [['Xã', 'Tỷ lệ'], ['Phường Một', '=Nguon!B2/Nguon!C2']], isFormula: [[false, false], [false, true]], results: [[null, null], [null, 0.9738]], columnFormats: { 1: '0.00%' }, rowStyles: { 0: { bold: true, fill: '#ddebf7', border: true } } },
    ],
  };
  const wb = newWorkbook();
  addSnapshotSheet(wb, { name: 'Nguon', origin: { row: 1, col: 1 }, values: [[9022, 9265]] });
  addPlanSheet(wb, report);
  const back = await roundTrip(wb);
  expect(back.creator).toBe('Báo cáo GD');
  const src = back.getWorksheet('Nguon')!;
  expect([src.getCell('B2').value, src.getCell('C2').value]).toEqual([9022, 9265]);
  const ws = back.getWorksheet('Báo cáo')!;
  expectReportLook(ws);
  expect(ws.getCell('A1').isMerged && ws.getCell('B1').isMerged).toBe(true);
  expect(ws.getColumn(1).width).toBe(30);
  expect(ws.getRow(2).height).toBe(40);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
});

test('a template plan keeps its data validation', async () => {
  const t = templateLayout('QUY_MO', { schoolYear: '2024-2025' });
  const ws = (await roundTrip(plansWorkbook([t]))).getWorksheet('QUY_MO')!;
  const cap = String.fromCharCode(65 + t.fields.indexOf('cap_hoc'));
  expect(ws.getCell(`${cap}${t.headerRow + 3}`).dataValidation?.type).toBe('list');
  expect(ws.getCell(`${String.fromCharCode(65 + t.headerRow)}1`).font?.name).toBe(FONT_NAME);
});

test('the streamed writer (large summaries) writes the same look: blocks sharing a row, merges, formulas, heights, frozen rows, validation, cut texts', async () => {
  const t = templateLayout('QUY_MO', { schoolYear: '2024-2025' });
  const long = 'x'.repeat(32_770);
  const report: WritablePlan = {
    name: 'Tổng hợp: 2024/2025',
    freezeRows: 2,
    columnWidths: { 0: 30, 3: 12 },
    rowHeights: { 1: 40, 9: 22 },
    validations: t.validations,
    blocks: [
      { row: 0, col: 0, values: [['BÁO CÁO', null]], mergeRows: true, style: { bold: true, fontSize: 14 } },
      { row: 1, col: 0, values: [['Xã', 'Tỷ lệ'], ['Phường Một', '=Nguon!B2/Nguon!C2']], isFormula: [[false, false], [false, true]], results: [[null, null], [null, 0.9738]], columnFormats: { 1: '0.00%' }, rowStyles: { 0: { bold: true, fill: '#ddebf7', border: true } } },
      // A second block on rows 2–3, to the right of the first: both land on the same sheet rows.
      { row: 1, col: 3, values: [['Tổng'], [1234567]], style: { border: true }, columnFormats: { 0: '#,##0' } },
      { row: 5, col: 0, values: [[long]] },
    ],
  };
  const cuts: TextCuts = { n: 0 };
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(await plansXlsxBytes([report, { name: 'tổng hợp: 2024/2025', blocks: [{ row: 0, col: 0, values: [['y']] }] }], cuts)) as unknown as ArrayBuffer);
  expect(back.worksheets.map((w) => w.name)).toEqual(['Tổng hợp- 2024-2025', 'tổng hợp- 2024-2025 (2)']);
  const ws = back.worksheets[0];
  expect(ws.getCell('A1').value).toBe('BÁO CÁO');
  expectReportLook(ws);
  expect([ws.getCell('D2').value, ws.getCell('D3').value, ws.getCell('D3').numFmt, ws.getCell('D3').border?.left?.style]).toEqual(['Tổng', 1234567, '#,##0', 'thin']);
  expect(ws.getCell('A1').isMerged && ws.getCell('B1').isMerged).toBe(true);
  expect([ws.getColumn(1).width, ws.getColumn(4).width]).toEqual([30, 12]);
  expect([ws.getRow(2).height, ws.getRow(10).height]).toEqual([40, 22]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  const cap = String.fromCharCode(65 + t.fields.indexOf('cap_hoc'));
  expect(ws.getCell(`${cap}${t.headerRow + 3}`).dataValidation?.type).toBe('list');
  // 32.770 characters: cut to Excel's 32.767 (ending "…") and counted for the caller to say so.
  expect((ws.getCell('A6').value as string).length).toBe(32_767);
  expect(cuts).toEqual({ n: 1, first: 'Tổng hợp- 2024-2025!A6' });
  expect(back.worksheets[1].getCell('A1').value).toBe('y');
});
