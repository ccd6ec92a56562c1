/**
 * The plan writer of src/xlsx/write.ts streamed to bytes (Node streams, so it lives with the command
 * line): for plans of tens of thousands of rows such as the province "Tổng hợp".
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import { uniqueSheetName } from '../core/sheetNames';
import { addValidations, writeBlockRow, type TextCuts, type WritablePlan } from '../xlsx/write';

/**
 * The same workbook as plansWorkbook, streamed row by row (ExcelJS's WorkbookWriter: each row is
 * serialised and dropped once written), for plans of tens of thousands of rows such as the province
 * "Tổng hợp": the whole-workbook model costs about 10 KB per row (≈ 450 MB for 40.000 rows), this
 * only the plan itself and the output bytes.
 */
export async function plansXlsxBytes(plans: WritablePlan[], cuts?: TextCuts): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'Báo cáo GD';
  const names: string[] = [];
  for (const plan of plans) {
    const name = uniqueSheetName(plan.name, names);
    names.push(name);
    const ws = wb.addWorksheet(name, plan.freezeRows ? { views: [{ state: 'frozen', ySplit: plan.freezeRows }] } : {});
    for (const [col, width] of Object.entries(plan.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
    // Rows must be written in order: each sheet row gathers the block rows that fall on it.
    const byRow = new Map<number, { block: WritablePlan['blocks'][number]; r: number }[]>();
    for (const block of plan.blocks) {
      block.values.forEach((_, r) => {
        const at = block.row + r + 1;
        const list = byRow.get(at);
        if (list) list.push({ block, r });
        else byRow.set(at, [{ block, r }]);
      });
    }
    for (const [r] of Object.entries(plan.rowHeights ?? {})) if (!byRow.has(Number(r) + 1)) byRow.set(Number(r) + 1, []);
    for (const at of [...byRow.keys()].sort((a, b) => a - b)) {
      const row = ws.getRow(at);
      for (const { block, r } of byRow.get(at)!) writeBlockRow(ws, row, block, r, cuts);
      const height = plan.rowHeights?.[at - 1];
      if (height !== undefined) row.height = height;
      row.commit();
    }
    addValidations(ws, plan);
    ws.commit();
  }
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
