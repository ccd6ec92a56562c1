/**
 * The streamed plan writer (src/xlsx/write-stream.ts, used for the province "Tổng hợp") writes its own
 * SpreadsheetML: the file it writes must hold what ExcelJS's whole-workbook writer (plansWorkbook, the
 * reference) writes for the same plans, cell by cell, read back both by ExcelJS and by our own reader.
 */
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { buildSummarySheet } from '../../src/core/crosscheck/consolidate';
import { templateLayout } from '../../src/core/sheets/layout';
import { plansXlsxBytes } from '../../src/cli/xlsx-stream';
import { loadWorkbookBytes } from '../../src/xlsx/read';
import { plansWorkbook, type TextCuts, type WritablePlan } from '../../src/xlsx/write';
import { streamPlansXlsx } from '../../src/xlsx/write-stream';

const inflateRaw = (d: Uint8Array, max: number) => zlib.inflateRawSync(d, { maxOutputLength: max });

async function exceljsRead(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes as ArrayBuffer) as unknown as ArrayBuffer);
  return wb;
}

/** Every cell ExcelJS reads back, with what a user sees of it. */
function cellsOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const f = cell.font ?? {};
      out[cell.address] = {
        value: cell.value,
        numFmt: cell.numFmt ?? null,
        font: [f.name, f.size, !!f.bold, !!f.italic],
        fill: cell.fill ?? null,
        border: cell.border ? [cell.border.top?.style, cell.border.left?.style, cell.border.bottom?.style, cell.border.right?.style] : null,
        alignment: cell.alignment ? { ...cell.alignment } : null,
        merged: cell.isMerged,
      };
    }),
  );
  return out;
}

function sheetLook(ws: ExcelJS.Worksheet) {
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width);
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    if (row.height) heights[row.number] = row.height;
  });
  const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  return { name: ws.name, widths, heights, frozen: (ws.views ?? []).filter((v) => v.state === 'frozen').map((v) => (v as { ySplit?: number }).ySplit), validations: dv, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort() };
}

async function expectSameWorkbook(plans: WritablePlan[]) {
  const cutsRef: TextCuts = { n: 0 };
  const cutsOwn: TextCuts = { n: 0 };
  const reference = new Uint8Array((await plansWorkbook(plans, cutsRef).xlsx.writeBuffer()) as ArrayBuffer);
  const own = await plansXlsxBytes(plans, cutsOwn); // Node's zlib
  const portable = streamPlansXlsx(plans); // fflate
  expect(cutsOwn).toEqual(cutsRef);
  const ref = await exceljsRead(reference);
  for (const bytes of [own, portable]) {
    const back = await exceljsRead(bytes);
    expect(back.creator).toBe('Báo cáo GD');
    expect(back.worksheets.map((w) => w.name)).toEqual(ref.worksheets.map((w) => w.name));
    back.worksheets.forEach((ws, i) => {
      expect(sheetLook(ws)).toEqual(sheetLook(ref.worksheets[i]));
      expect(cellsOf(ws)).toEqual(cellsOf(ref.worksheets[i]));
    });
    // Our own reader (the one every command uses) sees the same sheets, values, formats, formulas, merges.
    const a = await loadWorkbookBytes(reference, 'ref.xlsx', { formulas: true, inflateRaw });
    const b = await loadWorkbookBytes(bytes, 'own.xlsx', { formulas: true, inflateRaw });
    expect(b.sheets.map((s) => ({ ...s, merges: [...(s.merges ?? [])].sort() }))).toEqual(a.sheets.map((s) => ({ ...s, merges: [...(s.merges ?? [])].sort() })));
  }
  return { own, ref };
}

test('a plan with every feature: the same cells, values and look as the ExcelJS writer', async () => {
  const t = templateLayout('QUY_MO', { schoolYear: '2024-2025' });
  const plan: WritablePlan = {
    name: 'Tổng hợp: 2024/2025',
    freezeRows: 2,
    columnWidths: { 0: 30, 1: 14, 2: 14, 3: 12, 5: 9.5 },
    rowHeights: { 1: 40, 9: 22, 30: 18 },
    validations: t.validations,
    blocks: [
      { row: 0, col: 0, values: [['BÁO CÁO <A&B> "x"', null, null]], mergeRows: true, style: { bold: true, fontSize: 14 } },
      {
        row: 1,
        col: 0,
        values: [['Xã', 'Tỷ lệ', 'Đạt', 'Tên'], ['Phường Một', '=Nguon!B2/Nguon!C2', '=B3>0.9', '=A3&" x"'], ['  khoảng trắng  ', 0.5, true, 'dòng\nhai'], [1e-7, -1234567.89, false, null]],
        isFormula: [[false, false, false, false], [false, true, true, true], [false, false, false, false], [false, false, false, false]],
        results: [[null, null, null, null], [null, 0.9738, true, 'Phường Một x'], [null, null, null, null], [null, null, null, null]],
        columnFormats: { 1: '0.00%', 3: '0.0' },
        style: { border: true },
        rowStyles: { 0: { bold: true, wrap: true, align: 'center', fill: '#ddebf7' }, 3: { italic: true, numberFormat: '#,##0.000' } },
      },
      // On the same rows, to the right, and one cell over the first block (its look is laid over).
      { row: 1, col: 3, values: [['Tổng', 'x'], [1234567, 'y']], columnFormats: { 0: '#,##0' }, rowStyles: { 1: { align: 'right' } } },
      { row: 5, col: 0, values: [['x'.repeat(32_770)], ['ctrl\u0001\u0007 chars\u007f'], ['=1+']], isFormula: [[false], [false], [true]] },
      { row: 12, col: 2, values: [[1, 2, 3]], mergeRows: true, style: { fill: '#FCE4D6', border: true } },
    ],
  };
  const other: WritablePlan = { name: 'tổng hợp: 2024/2025', blocks: [{ row: 0, col: 0, values: [['y']] }] };
  const { own } = await expectSameWorkbook([plan, other]);
  const back = await exceljsRead(own);
  // Worked out by hand from the plan, not from either file.
  const ws = back.worksheets[0];
  expect(back.worksheets.map((w) => w.name)).toEqual(['Tổng hợp- 2024-2025', 'tổng hợp- 2024-2025 (2)']);
  expect(ws.getCell('A1').value).toBe('BÁO CÁO <A&B> "x"');
  expect(ws.getCell('A1').isMerged && ws.getCell('C1').isMerged).toBe(true);
  expect(ws.getCell('B3').value).toEqual({ formula: 'Nguon!B2/Nguon!C2', result: 0.9738 });
  // D3: the first block's formula, then the second block's number over it (its format and alignment too).
  expect([ws.getCell('D3').value, ws.getCell('D3').numFmt, ws.getCell('D3').alignment?.horizontal, ws.getCell('D3').border?.left?.style]).toEqual([1234567, '#,##0', 'right', 'thin']);
  expect(ws.getCell('C3').value).toEqual({ formula: 'B3>0.9', result: true });
  expect(ws.getCell('A8').value).toEqual({ formula: '1+' });
  expect(ws.getCell('A4').value).toBe('  khoảng trắng  ');
  expect((ws.getCell('A6').value as string).length).toBe(32_767);
  expect(ws.getCell('A7').value).toBe('ctrl chars');
  expect(ws.getCell('D2').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
  expect(ws.getCell('D2').value).toBe('Tổng');
});

test('a literal "_x0041_" in a text stays literal for Excel and our reader (escaped as _x005F_)', async () => {
  const plan: WritablePlan = { name: 'S', blocks: [{ row: 0, col: 0, values: [['a_x0041_b']] }] };
  const snap = await loadWorkbookBytes(streamPlansXlsx([plan]), 'own.xlsx', { inflateRaw });
  expect(snap.sheets[0].values[0][0]).toBe('a_x0041_b');
});

test('the province summary sheet: the same file content as the ExcelJS writer', async () => {
  const layout = new Map([['QUY_MO' as const, { fields: ['ma_truong', 'ten_truong', 'so_lop', 'so_hoc_sinh'] }]]);
  const rows = Array.from({ length: 250 }, (_, i) => ({
    template: 'QUY_MO' as const,
    file: `quan-${i % 7}/${79700000 + i}.xlsx`,
    sheetName: i % 3 ? 'QUY_MO' : 'Quy mô',
    row: 5,
    columns: { ma_truong: 'A', ten_truong: 'B', so_lop: 'C', so_hoc_sinh: 'D' },
    values: { ma_truong: String(79700000 + i), ten_truong: `Trường số ${i}`, so_lop: 10 + (i % 5), so_hoc_sinh: i % 11 ? 300 + i : null },
    order: i,
  }));
  const plan = buildSummarySheet({
    lang: 'vi',
    schoolYear: '2024-2025',
    layout,
    rows,
    blocked: [{ file: 'x.xlsx', schools: ['79799999'], reasons: ['doi_chieu_lech_so_lieu'] }],
    missing: [{ code: '79700999', name: 'Trường chưa nộp', commune: 'Xã A', level: 'TH' }],
    expected: 252,
    acceptedSchools: 250,
  });
  const { own } = await expectSameWorkbook([plan]);
  const ws = (await exceljsRead(own)).worksheets[0];
  // Header on row 5 (title, counts, gap, template title), 250 rows, then the totals row.
  expect(ws.getCell('A5').value).toBe('STT');
  expect(ws.getCell('A255').value).toBe(250);
  // Số lớp 10..14 cycling over 250 schools: 50 × (10+11+12+13+14) = 3.000.
  expect(ws.getCell('D256').value).toBe(3000);
  expect(ws.getCell('D256').numFmt).toBe('#,##0');
});
