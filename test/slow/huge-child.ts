/**
 * Child process of huge-sheet.test.ts (bundled with esbuild and run alone, so its peak RSS is its own):
 * `write ROWS FILE` writes a QUY_MO sheet with the ExcelJS streaming writer; `check FILE` runs the
 * real loader (which refuses a workbook over the limits before ExcelJS builds it), then read → validate;
 * prints one JSON line.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { loadWorkbookBuffer, UnreadableFileError } from '../../src/cli/xlsx';
import { checkFileLimits } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/core/sheets/read';
import { validateWorkbook } from '../../src/core/rules';

function peakMb(): number {
  const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

async function write(rows: number, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('QUY_MO');
  ws.addRow(['Năm học: 2024 - 2025']).commit();
  ws.addRow(['Mã trường', 'Tên trường', 'Mã xã', 'Số lớp', 'Số học sinh']).commit();
  for (let i = 0; i < rows; i++) ws.addRow([String(79_000_000 + i), `Trường ${i}`, String(26_000 + (i % 900)), 10 + (i % 20), 300 + (i % 500)]).commit();
  ws.commit();
  await wb.commit();
}

async function check(file: string): Promise<Record<string, unknown>> {
  const t0 = Date.now();
  const buf = fs.readFileSync(file);
  try {
    // The real loader applies the limits itself; counted again only to report the cell count.
    const parsed = readWorkbook(await loadWorkbookBuffer(buf, file));
    const counts = await checkFileLimits(file, buf);
    const findings = validateWorkbook(parsed);
    return { ok: true, cells: counts.cells, records: parsed.sheets[0]?.records.length ?? 0, findings: findings.length, ms: Date.now() - t0, peakMb: peakMb() };
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    return { ok: false, vi: e.reason.vi, en: e.reason.en, ms: Date.now() - t0, peakMb: peakMb() };
  }
}

(async () => {
  const [cmd, a, b] = process.argv.slice(2);
  const out = cmd === 'write' ? (await write(Number(a), b), { written: Number(a) }) : await check(a);
  process.stdout.write(JSON.stringify(out) + '\n');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
