/**
 * Formula injection: names typed by schools ("=HYPERLINK(…)", "+1+1", "-2+3", "@SUM(…)") travel into
 * what the add-in and the command line write. They must arrive as text, never as formulas:
 * - the report .xlsx written by `baocao-gd report`,
 * - the Tổng hợp .xlsx written by `baocao-gd crosscheck --out`,
 * - the SheetPlan → Office.js write path (OfficeWorkbookPort on the fake Excel): isFormula false,
 *   and the fake (which refuses a formula written through `values`) ends up holding the text.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { captureIO } from '../../src/cli/io';
import { loadWorkbookFile } from '../../src/cli/xlsx';
import { createCrossCheck } from '../../src/core/crosscheck';
import { buildReport } from '../../src/core/report/build';
import { reportToSheetPlan } from '../../src/core/report/sheetPlan';
import { checkSnapshot } from '../../src/core/rules';
import type { SheetPlan } from '../../src/core/types';
import { writeSheetIn } from '../../src/excel/workbookPort';
import { FakeContext } from '../excel/fakeExcel';

const PAYLOADS = ['=HYPERLINK("http://example.invalid/x","Bấm vào đây")', '+1+1', '-2+3', '@SUM(A1:A2)', "=cmd|' /C calc'!A0", '=1+1'];
/** Text that must never appear inside a formula written by us. */
const MARKERS = ['HYPERLINK', 'example.invalid', 'cmd|', '@SUM', '+1+1', '-2+3', '1+1'];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inject-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A school workbook whose names, communes and unit are payloads. */
async function writeHostileWorkbook(file: string, schools: number[] = [0, 1, 2, 3, 4, 5], unit = PAYLOADS[0]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const q = wb.addWorksheet('QUY_MO');
  q.addRow([`Đơn vị: ${unit}`]);
  q.addRow(['Năm học: 2024 - 2025']);
  q.addRow(['Mã trường', 'Tên trường', 'Cấp học', 'Loại hình', 'Mã xã', 'Xã, phường', 'Số lớp', 'Số học sinh', 'Lớp 1', 'Lớp 2', 'Lớp 3', 'Lớp 4', 'Lớp 5', 'CBQL', 'Giáo viên', 'Nhân viên']);
  for (const i of schools) q.addRow([`7970000${i}`, PAYLOADS[i], 'Tiểu học', 'Công lập', `2600${i}`, PAYLOADS[(i + 1) % PAYLOADS.length], 20, 700, 140, 140, 140, 140, 140, 2, 30, 5]);
  const d = wb.addWorksheet('DOI_NGU');
  d.addRow(['Năm học: 2024 - 2025']);
  d.addRow(['Mã trường', 'Tên trường', 'CBQL', 'Giáo viên', 'Nhân viên', 'Thạc sĩ', 'Đại học', 'Cao đẳng']);
  for (const i of schools) d.addRow([`7970000${i}`, PAYLOADS[i], 2, 30, 5, 2, 29, 1]);
  await wb.xlsx.writeFile(file);
}

/** Every formula in every worksheet of an .xlsx (the raw <f> elements, entities decoded). */
async function formulasIn(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)) out.push(m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return out;
}

/** Cells holding exactly a payload, as ExcelJS reads them back: [value type, formula?]. */
async function payloadCells(file: string): Promise<{ sheet: string; address: string; type: number; formula?: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: { sheet: string; address: string; type: number; formula?: string }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // shows the master cell's value
        const v = cell.value as unknown;
        const text = typeof v === 'string' ? v : (v as { formula?: string })?.formula ? `=${(v as { formula: string }).formula}` : null;
        if (text && PAYLOADS.some((p) => text.includes(p.replace(/^=/, '')))) out.push({ sheet: ws.name, address: cell.address, type: cell.type, formula: cell.formula || undefined });
      }),
    ),
  );
  return out;
}

function expectNoInjectedFormula(formulas: string[]): void {
  for (const f of formulas) for (const m of MARKERS) expect(`${f}`).not.toContain(m);
}

test('baocao-gd report: names written into the report .xlsx stay text', async () => {
  const file = path.join(dir, 'hostile.xlsx');
  await writeHostileWorkbook(file);
  const out = path.join(dir, 'report');
  const io = captureIO();
  const code = await main(['report', file, '--out', out], io);
  expect(io.stderr.join('\n')).toBe('');
  expect(code).toBe(0);
  const xlsx = fs.readdirSync(out).find((f) => f.endsWith('.xlsx'))!;
  const formulas = await formulasIn(path.join(out, xlsx));
  expect(formulas.length).toBeGreaterThan(0); // the report does write formulas: the check is not vacuous
  expectNoInjectedFormula(formulas);
  const cells = await payloadCells(path.join(out, xlsx));
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) {
    expect(c.formula).toBeUndefined();
    expect(c.type).toBe(ExcelJS.ValueType.String);
  }
});

test('baocao-gd crosscheck --out: names in the Tổng hợp workbook stay text', async () => {
  const master = path.join(dir, 'master.xlsx');
  await writeHostileWorkbook(master);
  const subs = path.join(dir, 'subs');
  fs.mkdirSync(subs, { recursive: true });
  for (const i of [0, 1, 2, 3, 4, 5]) await writeHostileWorkbook(path.join(subs, `truong-${i}.xlsx`), [i], PAYLOADS[i]);
  const out = path.join(dir, 'tong-hop.xlsx');
  const io = captureIO();
  await main(['crosscheck', '--master', master, subs, '--out', out], io);
  expect(fs.existsSync(out)).toBe(true);
  expectNoInjectedFormula(await formulasIn(out));
  const cells = await payloadCells(out);
  expect(cells.length).toBeGreaterThanOrEqual(PAYLOADS.length);
  for (const c of cells) {
    expect(c.formula).toBeUndefined();
    expect(c.type).toBe(ExcelJS.ValueType.String);
  }
});

describe('SheetPlan → Office.js (fake Excel)', () => {
  async function plans(): Promise<SheetPlan[]> {
    const file = path.join(dir, 'plan.xlsx');
    await writeHostileWorkbook(file);
    const snapshot = await loadWorkbookFile(file);
    const { parsed, findings } = checkSnapshot(snapshot);
    const report = reportToSheetPlan(buildReport({ current: parsed, findings }));
    const session = createCrossCheck(snapshot);
    for (const i of [0, 1, 2, 3, 4, 5]) {
      const f = path.join(dir, `plan-sub-${i}.xlsx`);
      await writeHostileWorkbook(f, [i], PAYLOADS[i]);
      session.addSubmission({ ...(await loadWorkbookFile(f)), fileName: `plan-sub-${i}.xlsx` });
    }
    return [report, session.finish().summarySheet];
  }

  test('no block marks a payload cell as a formula, and Excel receives it as text', async () => {
    for (const plan of await plans()) {
      let seen = 0;
      for (const b of plan.blocks) {
        b.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v !== 'string') return;
            if (b.isFormula?.[r]?.[c]) for (const m of MARKERS) expect(v).not.toContain(m);
            else if (PAYLOADS.some((p) => v.includes(p))) seen++;
          }),
        );
      }
      expect(seen).toBeGreaterThan(0);

      const ctx = new FakeContext('Book1.xlsx');
      const result = await writeSheetIn(ctx as unknown as Excel.RequestContext, plan, { supports: () => true });
      const ws = ctx.workbook.worksheets.getItem(result.sheetName);
      let texts = 0;
      ws.grid.forEach((line, r) =>
        line.forEach((v, c) => {
          const formula = ws.formulaGrid[r]?.[c];
          if (formula) for (const m of MARKERS) expect(formula).not.toContain(m);
          if (typeof v === 'string' && PAYLOADS.some((p) => v.includes(p))) texts++;
        }),
      );
      expect(texts).toBe(seen);
    }
  });
});
