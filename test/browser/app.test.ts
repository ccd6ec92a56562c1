/**
 * The standalone web app (dist/app, "Báo cáo GD trên trình duyệt") in Chromium, with real file
 * uploads and downloads (.xlsx, and a legacy .xls built as BIFF8 by the test builder): no office.js,
 * no request beyond 127.0.0.1, the picked file never changed.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, ensureDist } from '../harness/dist';
import { findBrowser, launchOptions } from '../harness/browser';
import { serveDir, type StaticServer } from '../harness/server';
import { writeXls, type FixtureSheet, type FixtureValue } from '../fixtures/workbook-files';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const AS_PRINTED = path.join(ROOT, 'samples', 'as-printed', 'quan12-2023-2024-as-printed.xlsx');
const MASTER = path.join(ROOT, 'samples', 'submissions', 'master-2023-2024.xlsx');
const SUBMISSION = path.join(ROOT, 'samples', 'submissions', '79761201_Tieu_hoc_Vo_Thi_Sau.xlsx');

jest.setTimeout(300_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dist = ensureDist();
  [server, browser] = await Promise.all([serveDir(path.join(dist, 'app'), 'index.html'), chromium.launch(launchOptions(findBrowser()))]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  blocked: string[];
  errors: string[];
}

async function openApp(init?: () => void): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, serviceWorkers: 'block' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  if (init) await page.addInitScript(init);
  await page.goto(server.url);
  return { context, page, blocked, errors };
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

async function upload(page: Page, file: string) {
  await page.getByTestId('app-file').setInputFiles(file);
  await page.getByTestId('app-status').getByText(`Đang làm việc trên bản sao của ${path.basename(file)}`).waitFor({ timeout: 60_000 });
}

describe('Báo cáo GD trên trình duyệt (built dist/app)', () => {
  test('a workbook picked from disk: the findings with their cells, a click shows the cell, the report as .docx and the results as .xlsx', async () => {
    const before = sha(AS_PRINTED);
    const { context, page, blocked, errors } = await openApp();
    try {
      await page.waitForFunction(() => (window as any).__BAOCAO_READY__ === true);
      expect(await page.title()).toBe('Báo cáo GD trên trình duyệt');
      await upload(page, AS_PRINTED);
      // The grid shows the workbook's first sheet.
      await page.locator('[data-testid="harness-grid"]').waitFor();

      // Kiểm tra: the seed report's total row prints 31 schools where its rows add up to 30 (G13).
      await page.getByTestId('check-run').click();
      await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('check-summary').textContent()).toMatch(/^[1-9]\d* lỗi/);
      const finding = page.locator('[data-testid="finding"][data-cell="QUY_MO_TH!G13"]').first();
      await finding.waitFor();
      await finding.click();
      await expect(page.locator('[data-testid="harness-grid"]').getAttribute('data-sheet')).resolves.toBe('QUY_MO_TH');
      await expect(page.locator('td[data-address="G13"]').getAttribute('class')).resolves.toContain('selected');
      expect(await page.locator('td[data-address="G13"]').textContent()).toBe('31');
      // Highlight: the cells of the findings are filled in the grid (and later in the results file).
      await page.getByRole('button', { name: 'Tô màu các ô có lỗi' }).click();
      await expect(page.locator('td[data-address="G13"]').getAttribute('style')).resolves.toContain('background');
      await shot(page, 'app-check');

      // Báo cáo: build, insert the report sheet into the copy, download the .docx.
      await page.getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await page.getByTestId('report-build').click();
      await page.getByTestId('report-preview').waitFor({ timeout: 120_000 });
      await page.getByTestId('report-insert').click();
      await page.getByTestId('report-notice').waitFor();
      const sheet = await page.locator('[data-testid="harness-grid"]').getAttribute('data-sheet');
      expect(sheet).toMatch(/^Báo cáo 2023-2024/);
      const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
      const zip = await JSZip.loadAsync(fs.readFileSync((await docx.path())!));
      const documentXml = await zip.file('word/document.xml')!.async('string');
      expect(documentXml).toContain('năm học 2023 - 2024');
      expect(docx.suggestedFilename()).toMatch(/\.docx$/);

      // The results: a new .xlsx that ExcelJS reads, with the file's sheets, the report sheet, the fill.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('app-download').click()]);
      expect(xlsx.suggestedFilename()).toBe('quan12-2023-2024-as-printed-ket-qua.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
      const original = new ExcelJS.Workbook();
      await original.xlsx.readFile(AS_PRINTED);
      expect(wb.worksheets.map((w) => w.name)).toEqual([...original.worksheets.map((w) => w.name), sheet]);
      expect(wb.getWorksheet('QUY_MO_TH')!.getCell('G13').value).toBe(31);
      expect((wb.getWorksheet('QUY_MO_TH')!.getCell('G13').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
      const report = wb.getWorksheet(sheet!)!;
      // The frame of an administrative document (NĐ 30/2020): "BÁO CÁO" and its subject with the school year.
      const columnA = Array.from({ length: 12 }, (_, i) => String(report.getCell(`A${i + 1}`).value ?? ''));
      expect(columnA).toContain('BÁO CÁO');
      expect(columnA.some((t) => /năm học 2023 - 2024/.test(t))).toBe(true);
      // Its figures are formulas pointing at the copied source sheets, with their values.
      const formulas: string[] = [];
      report.eachRow((row) => row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push((cell.value as ExcelJS.CellFormulaValue).formula);
      }));
      expect(formulas.length).toBeGreaterThan(10);
      expect(formulas.some((f) => /QUY_MO/.test(f))).toBe(true);

      // The picked file is untouched; nothing went beyond 127.0.0.1.
      expect(sha(AS_PRINTED)).toBe(before);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a legacy .xls picked from disk (BIFF8, as offices on old Excel save it): its sheets in the grid, the same findings with their cells, the results as .xlsx', async () => {
    // The as-printed sample written again as BIFF8 by the test builder (values as Excel shows them).
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(AS_PRINTED);
    const sheets: FixtureSheet[] = original.worksheets.map((ws) => {
      const rows: FixtureValue[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        const line: FixtureValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = cell.value as unknown;
          const plain = v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v && typeof v === 'object' && 'richText' in (v as object) ? cell.text : v;
          line[c - 1] = typeof plain === 'string' || typeof plain === 'number' || typeof plain === 'boolean' ? plain : null;
        });
        rows[r - 1] = Array.from(line, (x) => x ?? null);
      });
      return { name: ws.name, rows: Array.from(rows, (x) => x ?? []) };
    });
    const xls = path.join(ARTIFACTS, 'quan12-2023-2024-as-printed.xls');
    fs.writeFileSync(xls, writeXls(sheets, 'biff8'));
    const bytes = fs.readFileSync(xls);
    // A real compound file (OLE2 signature), not an .xlsx renamed.
    expect([...bytes.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const before = sha(xls);
    const { context, page, blocked, errors } = await openApp();
    try {
      await upload(page, xls);
      // Every sheet of the file is a tab of the grid, in the file's order.
      await page.locator('[data-testid="harness-grid"]').waitFor();
      const tabs = await page.locator('.workbook-grid [role="tab"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')));
      expect(tabs).toEqual(original.worksheets.map((w) => w.name));

      // The same finding as from the .xlsx: the total row prints 31 schools where its rows add up to 30 (G13).
      await page.getByTestId('check-run').click();
      await page.getByTestId('check-summary').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('check-summary').textContent()).toMatch(/^[1-9]\d* lỗi/);
      const finding = page.locator('[data-testid="finding"][data-cell="QUY_MO_TH!G13"]').first();
      await finding.waitFor();
      await finding.click();
      await expect(page.locator('[data-testid="harness-grid"]').getAttribute('data-sheet')).resolves.toBe('QUY_MO_TH');
      expect(await page.locator('td[data-address="G13"]').textContent()).toBe('31');
      await shot(page, 'app-check-xls');

      // The results are an .xlsx (never written over the .xls) that ExcelJS reads, with the file's sheets.
      const [out] = await Promise.all([page.waitForEvent('download'), page.getByTestId('app-download').click()]);
      expect(out.suggestedFilename()).toBe('quan12-2023-2024-as-printed-ket-qua.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync((await out.path())!) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));
      expect(wb.getWorksheet('QUY_MO_TH')!.getCell('G13').value).toBe(31);

      expect(sha(xls)).toBe(before);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the office\'s master and a school\'s submission: cross-checked, its findings name the file and cells, Tổng hợp in the results', async () => {
    const { context, page, blocked, errors } = await openApp();
    try {
      await upload(page, MASTER);
      await page.getByRole('tab', { name: 'Đối chiếu', exact: true }).click();
      await page.getByTestId('cross-files').setInputFiles([SUBMISSION]);
      await page.getByTestId('cross-run').click();
      const results = page.getByTestId('cross-results');
      await results.waitFor({ timeout: 120_000 });
      const text = (await results.textContent())!;
      expect(text).toMatch(/Đã nộp 1\/\d+ trường/);
      expect(text).toContain(path.basename(SUBMISSION));
      // Each finding names its file and the cell it is about (here the master's rows of schools that did not submit).
      expect(text).toMatch(/master-2023-2024\.xlsx · QUY_MO!B\d+/);
      await page.getByTestId('cross-write').click();
      await page.getByTestId('cross-written').waitFor();
      expect(await page.locator('[data-testid="harness-grid"]').getAttribute('data-sheet')).toMatch(/^Tổng hợp/);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('app-download').click()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
      expect(wb.worksheets.some((w) => /^Tổng hợp/.test(w.name))).toBe(true);
      await shot(page, 'app-crosscheck');
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a file that is not a workbook: a clear message in Vietnamese, the page keeps working', async () => {
    const bad = path.join(ARTIFACTS, 'khong-phai-so-tinh.xlsx');
    fs.writeFileSync(bad, 'đây không phải là tệp Excel');
    const { context, page, errors } = await openApp();
    try {
      await page.getByTestId('app-file').setInputFiles(bad);
      const error = page.getByTestId('app-error');
      await error.waitFor({ timeout: 60_000 });
      expect(await error.textContent()).toContain('Không mở được khong-phai-so-tinh.xlsx');
      await upload(page, AS_PRINTED);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('in a browser too old for the bundle (simulated: no optional chaining), the guard names the browsers that work', async () => {
    const { context, page } = await openApp(() => {
      const Real = window.Function;
      // An engine that cannot parse `?.` refuses the guard's syntax probe, as Internet Explorer would.
      (window as any).Function = function (...args: string[]) {
        if (/\?\./.test(args[args.length - 1])) throw new SyntaxError('Expected identifier');
        return Real(...args);
      };
    });
    try {
      await page.locator('#unsupported').waitFor();
      expect(await page.locator('#unsupported').textContent()).toContain('Trình duyệt này quá cũ để chạy Báo cáo GD');
      expect(await page.evaluate(() => (window as any).__BAOCAO_READY__)).toBeUndefined();
      expect(await page.getByTestId('app-choose').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
