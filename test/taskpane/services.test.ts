/** The real Services over src/core, on the shipped samples. */
import fs from 'fs';
import path from 'path';
import { loadWorkbookFile } from '../../src/cli/xlsx';
import { MemoryWorkbookPort } from '../../src/taskpane/harness/memoryWorkbook';
import { withDefaults } from '../../src/core/settings';
import { readWorkbook } from '../../src/core/sheets/read';
import { TEMPLATES } from '../../src/core/sheets/templates';
import { blankTemplatePlan, engineServices, thresholdList } from '../../src/taskpane/services/engine';
import { runCrossCheckJob } from '../../src/taskpane/workers/crosscheckJob';
import { xlsxToSnapshot } from '../../src/taskpane/workers/xlsx';

const ROOT = path.resolve(__dirname, '..', '..');
const sample = (rel: string) => path.join(ROOT, 'samples', rel);
const bytes = (file: string) => {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

test('check on the as-printed Quận 12 sample recognises its sheets and finds the total-row error at G13', async () => {
  const snap = await loadWorkbookFile(sample('as-printed/quan12-2023-2024-as-printed.xlsx'));
  const r = await engineServices.check(snap, withDefaults());
  expect(r.recognised.map((s) => s.sheet)).toContain('QUY_MO_TH');
  expect(r.recognised.find((s) => s.sheet === 'PC_TH')!.template).toBe('PC_TH');
  const g13 = r.findings.filter((f) => f.sheet === 'QUY_MO_TH' && f.cells.includes('G13'));
  expect(g13.some((f) => f.severity === 'error' && f.expected === 30 && f.actual === 31)).toBe(true);
});

test.each(TEMPLATES.map((t) => t.id))('a blank %s template inserted by the pane is recognised by the reader', async (id) => {
  const port = new MemoryWorkbookPort({ fileName: 'blank.xlsx', sheets: [] });
  const { sheetName } = await port.writeSheet(blankTemplatePlan(id, 'vi'));
  // A template needs one data row to count as a sheet with records; the header alone must still be recognised.
  const parsed = readWorkbook(await port.readSheets([sheetName]));
  expect(parsed.sheets.map((s) => s.template)).toEqual([id]);
});

test('the browser .xlsx reader gives the same cells as the command line reader', async () => {
  const file = sample('quan12-2023-2024.xlsx');
  const [ours, cli] = await Promise.all([xlsxToSnapshot('quan12-2023-2024.xlsx', bytes(file)), loadWorkbookFile(file)]);
  expect(ours.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
  for (let i = 0; i < cli.sheets.length; i++) {
    const a = ours.sheets[i];
    const b = cli.sheets[i];
    const at = (s: typeof a, r: number, c: number) => s.values[r - s.origin.row]?.[c - s.origin.col] ?? null;
    const rows = Math.max(a.origin.row + a.values.length, b.origin.row + b.values.length);
    const cols = Math.max(...a.values.map((r) => r.length), ...b.values.map((r) => r.length)) + 2;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect([b.name, r, c, at(a, r, c)]).toEqual([b.name, r, c, at(b, r, c)]);
  }
});

test('cross-check job: one progress step per file, unreadable bytes reported, not thrown', async () => {
  const master = await loadWorkbookFile(sample('quan12-2023-2024.xlsx'));
  const dir = sample('submissions');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, 3).map((f) => ({ name: f, data: bytes(path.join(dir, f)) }));
  files.push({ name: 'hong.xlsx', data: new TextEncoder().encode('không phải xlsx').buffer as ArrayBuffer });
  const steps: number[] = [];
  const result = await runCrossCheckJob(master, files, withDefaults(), (p) => steps.push(p.done), xlsxToSnapshot);
  expect(steps).toEqual([0, 1, 2, 3, 4]);
  expect(result.submissions.map((s) => s.file)).toEqual(files.map((f) => f.name));
  expect(result.submissions[3].status).toBe('unreadable');
  expect(result.submissions.slice(0, 3).every((s) => s.status !== 'unreadable')).toBe(true);
  expect(result.summarySheet.name).toMatch(/Tổng hợp/);
});

test('report: only the chosen sections, a sheet plan named after the school year', async () => {
  const snap = await loadWorkbookFile(sample('quan12-2023-2024.xlsx'));
  const b = await engineServices.buildReport(snap, withDefaults(), { sections: ['pho_cap', 'canh_bao'], years: 2, lang: 'vi' });
  expect(b.model.sections.map((s) => s.id)).toEqual(['pho_cap', 'canh_bao']);
  expect(b.plan.name).toMatch(/2023-2024/);
  const port = new MemoryWorkbookPort(snap);
  const { sheetName } = await port.writeSheet(b.plan);
  expect(port.sheet(sheetName)!.values.length).toBeGreaterThan(5);
  const table = b.model.sections[0].tables[0];
  const clip = engineServices.tableClipboard(table);
  expect(clip.html).toContain('<table');
  expect(clip.text.split('\n').length).toBeGreaterThanOrEqual(table.rows.length + 1);
});

test('legal thresholds are listed with their sources', () => {
  const list = thresholdList();
  expect(list.length).toBeGreaterThan(5);
  for (const th of list) {
    expect(th.source).toMatch(/\S/);
    expect(th.percent).toBeGreaterThan(0);
    expect(th.percent).toBeLessThanOrEqual(100);
  }
});

test('report with an earlier year\'s file: the trends section compares both school years', async () => {
  const snap = await loadWorkbookFile(sample('quan12-2023-2024.xlsx'));
  const prevFile = sample('quan12-2022-2023.xlsx');
  const without = await engineServices.buildReport(snap, withDefaults(), { sections: ['xu_huong'], years: 2, lang: 'vi' });
  const withPrev = await engineServices.buildReport(snap, withDefaults(), { sections: ['xu_huong'], years: 2, lang: 'vi', previous: [{ name: 'quan12-2022-2023.xlsx', data: bytes(prevFile) }] });
  const text = (b: typeof without) => JSON.stringify(b.model.sections.find((s) => s.id === 'xu_huong') ?? null);
  expect(withPrev.model.files.map((f) => path.basename(f))).toEqual(['quan12-2023-2024.xlsx', 'quan12-2022-2023.xlsx']);
  expect(text(withPrev)).toContain('2022-2023');
  expect(text(without)).not.toContain('2022-2023');
});
