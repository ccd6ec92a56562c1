/**
 * The BUILT task pane (dist/) in Chromium (test/harness/browser.ts finds one), outside Office: the CDN office.js is served from
 * node_modules, every other non-local request is aborted (privacy rule), and an in-memory workbook
 * made from a sample is injected. Screenshots go to test-artifacts/ (gitignored).
 */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import os from 'os';
import * as XLSX from '@e965/xlsx';
import { loadWorkbookFile } from '../../src/cli/xlsx';
import type { WorkbookSnapshot } from '../../src/core/types';
import { ROOT, ensureDist } from '../harness/dist';
import { findBrowser, launchOptions } from '../harness/browser';
import { serveDir, type StaticServer } from '../harness/server';

const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/([\w.-]+\.js)$/;
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
/** office.js itself (not our code) opens this telemetry frame when loaded outside Office; it is blocked. */
const OFFICE_TELEMETRY = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const AS_PRINTED = path.join(ROOT, 'samples', 'as-printed', 'quan12-2023-2024-as-printed.xlsx');

jest.setTimeout(300_000);

let server: StaticServer;
let browser: Browser;
let snapshot: WorkbookSnapshot;

beforeAll(async () => {
  const dist = ensureDist();
  [server, browser, snapshot] = await Promise.all([
    serveDir(dist),
    chromium.launch(launchOptions(findBrowser())),
    loadWorkbookFile(AS_PRINTED),
  ]);
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

async function openPane(snap: WorkbookSnapshot | null): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // office.js and the files it loads from its own CDN folder come from the npm copy.
    const cdn = OFFICE_CDN.exec(url);
    if (cdn && fs.existsSync(path.join(OFFICE_DIST, cdn[1]))) return route.fulfill({ path: path.join(OFFICE_DIST, cdn[1]), contentType: 'text/javascript' });
    if (url.startsWith(server.url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((s) => {
    const w = window as any;
    if (s) w.__BAOCAO_SNAPSHOT__ = s;
    // The metadata plugin appends CustomFunctions.associate(...) to functions.js. office.js extends an
    // existing CustomFunctions object and sets its own associate: record each call, then pass it on.
    w.__ASSOCIATED__ = [];
    w.__FUNCTIONS__ = {};
    let officeAssociate: ((id: string, fn: unknown) => void) | undefined;
    const cf = {};
    Object.defineProperty(cf, 'associate', {
      configurable: true,
      get: () => (id: string, fn: unknown) => {
        w.__ASSOCIATED__.push(id);
        w.__FUNCTIONS__[id] = fn;
        officeAssociate?.(id, fn);
      },
      set: (f) => (officeAssociate = f),
    });
    w.CustomFunctions = cf;
  }, snap as unknown as object);
  await page.goto(`${server.url}taskpane.html`);
  await page.waitForFunction(() => (window as any).__BAOCAO_READY__ === true, null, { timeout: 60_000 });
  return { context, page, blocked, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

describe('task pane in chromium (built dist/)', () => {
  test('outside Office with no workbook: Vietnamese tabs, the no-workbook notice, no network beyond localhost', async () => {
    const { context, page, blocked, errors } = await openPane(null);
    try {
      for (const name of ['Kiểm tra', 'Đối chiếu', 'Báo cáo', 'Mẫu & Cài đặt']) await page.getByRole('tab', { name, exact: true }).waitFor();
      await page.getByRole('tabpanel', { name: 'Kiểm tra' }).getByText('Không có bảng tính nào để làm việc').waitFor();
      expect(errors).toEqual([]);
      // Nothing of ours went to the network: the only blocked requests are office.js's own.
      for (const u of blocked) expect(u).toMatch(OFFICE_TELEMETRY);
      // functions.js registered every custom function through the (stubbed) CustomFunctions.associate.
      const ids: string[] = await page.evaluate(() => (window as any).__ASSOCIATED__);
      const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'functions.json'), 'utf8'));
      expect(ids.sort()).toEqual(meta.functions.map((f: { id: string }) => f.id).sort());
      await shot(page, 'pane-no-workbook');
    } finally {
      await context.close();
    }
  });

  test('Kiểm tra on the as-printed Quận 12 sample finds the total row error; clicking it selects G13', async () => {
    // The sample prints 31 schools in the total row while its rows add up to 30 (seed 000).
    const quyMoTh = snapshot.sheets.find((s) => s.name === 'QUY_MO_TH')!;
    expect(quyMoTh.values[12 - quyMoTh.origin.row][6 - quyMoTh.origin.col]).toBe(31);

    const { context, page, errors } = await openPane(snapshot);
    try {
      await page.getByTestId('cf-notice').waitFor();
      // Only the selected tab's panel is shown.
      expect(await page.getByTestId('check-run').isVisible()).toBe(true);
      expect(await page.getByTestId('cross-run').isVisible()).toBe(false);
      expect(await page.getByTestId('report-build').isVisible()).toBe(false);
      await page.getByTestId('check-run').click();
      await page.getByTestId('check-summary').waitFor();
      const summary = await page.getByTestId('check-summary').textContent();
      expect(summary).toMatch(/^[1-9]\d* lỗi/);
      const finding = page.locator('[data-testid="finding"][data-cell="QUY_MO_TH!G13"]').first();
      await finding.waitFor();
      expect(await finding.textContent()).toContain('(31)');
      // Keyboard: focus the finding and press Enter.
      await finding.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window as any).__BAOCAO_PORT__.selections.length > 0);
      const sel = await page.evaluate(() => (window as any).__BAOCAO_PORT__.lastSelection);
      expect(sel).toEqual({ sheet: 'QUY_MO_TH', address: 'G13' });
      await expect(page.locator('[data-testid="harness-grid"]').getAttribute('data-sheet')).resolves.toBe('QUY_MO_TH');
      await expect(page.locator('td[data-address="G13"]').getAttribute('class')).resolves.toBe('selected');
      expect(await page.locator('td[data-address="G13"]').textContent()).toBe('31');
      // The filter narrows the list; a nonsense filter leaves none.
      await page.getByTestId('text-filter').fill('không-có-gì-như-thế');
      await page.getByText('Không có kết quả nào khớp bộ lọc.').waitFor();
      await page.getByTestId('text-filter').fill('');
      await shot(page, 'check-selected-G13');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('Báo cáo: insert the report sheet and see its cells; then switch to English', async () => {
    const { context, page, errors } = await openPane(snapshot);
    try {
      const before = snapshot.sheets.length;
      await page.getByRole('tab', { name: 'Báo cáo', exact: true }).click();
      await page.getByTestId('report-build').click();
      await page.getByTestId('report-preview').waitFor({ timeout: 60_000 });
      await page.getByTestId('report-insert').click();
      await page.getByTestId('report-notice').waitFor();
      const result = await page.evaluate(() => {
        const port = (window as any).__BAOCAO_PORT__;
        return { sheets: port.sheets.length, active: port.activeSheet, written: port.writes.map((w: any) => w.result) };
      });
      expect(result.sheets).toBe(before + 1);
      expect(result.written).toHaveLength(1);
      expect(result.active).toBe(result.written[0].sheetName);
      expect(result.active).toMatch(/^Báo cáo 2023-2024/);
      expect(await page.getByTestId('report-notice').textContent()).toContain(result.active);
      // The grid now shows the new sheet: the frame of an administrative document (NĐ 30/2020), the
      // issuing body's parent first, then "BÁO CÁO" and its subject with the school year.
      await expect(page.locator('[data-testid="harness-grid"]').getAttribute('data-sheet')).resolves.toBe(result.active);
      expect(await page.locator('td[data-address="A1"]').textContent()).toBe('UBND QUẬN 12');
      const columnA = await Promise.all(Array.from({ length: 12 }, (_, i) => page.locator(`td[data-address="A${i + 1}"]`).textContent()));
      expect(columnA).toContain('BÁO CÁO');
      expect(columnA.some((t) => /năm học 2023 - 2024/.test(t ?? ''))).toBe(true);
      await shot(page, 'report-inserted');
      // The Word file: the docx chunk loads on demand and the download is a zip (.docx).
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
      expect(download.suggestedFilename()).toBe(`${result.written[0].sheetName.replace(/ \(\d+\)$/, '')}.docx`);
      const docx = fs.readFileSync((await download.path())!);
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');

      await page.getByTestId('lang-switch').click();
      for (const name of ['Check', 'Cross-check', 'Report', 'Templates & Settings']) await page.getByRole('tab', { name, exact: true }).waitFor();
      await page.getByText('Insert the report sheet').waitFor();
      await shot(page, 'pane-english');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a threshold changed in Mẫu & Cài đặt reaches =GD.PHOCAP_LEVEL (functions.js and taskpane.js share one runtime, not their modules)', async () => {
    const { context, page, errors } = await openPane(snapshot);
    try {
      // XMC M1 needs 90 % for mức 1 (NĐ 20/2014): 94 % reaches it, as Excel would call the function.
      const level = () => page.evaluate(() => (window as any).__FUNCTIONS__.PHOCAP_LEVEL('XMC', [[0.94]], [[0]], null, null, null, { address: 'Sheet1!A1' })[0][0]);
      expect(await level()).toBe(1);
      await page.getByRole('tab', { name: 'Mẫu & Cài đặt', exact: true }).click();
      const select = page.getByTestId('override-indicator');
      const option = await select.locator('option').filter({ hasText: 'Tỷ lệ người biết chữ mức độ 1 – Mức độ 1 (90%' }).getAttribute('value');
      await select.selectOption(option!);
      await page.getByTestId('override-percent').fill('95');
      await page.getByTestId('override-add').click();
      await page.getByTestId('overrides').waitFor();
      expect(await level()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('Đối chiếu: school files (.xlsx and a legacy .xls) are read and compared in a Web Worker; the Tổng hợp sheet is written', async () => {
    const master = await loadWorkbookFile(path.join(ROOT, 'samples', 'quan12-2023-2024.xlsx'));
    const dir = path.join(ROOT, 'samples', 'submissions');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
    // One school sends the legacy .xls its system exports: the worker loads the .xls reader on demand.
    const source = files.find((f) => f.includes('79761201'))!;
    const first = await loadWorkbookFile(source);
    const wb = XLSX.utils.book_new();
    for (const s of first.sheets) {
      const ws = XLSX.utils.aoa_to_sheet(s.values.map((r) => (r ?? []).map((v) => (v === null ? undefined : v))));
      if (s.merges?.length) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
      XLSX.utils.book_append_sheet(wb, ws, s.name);
    }
    const xls = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pane-xls-')), 'truong-gui-xls.xls');
    fs.writeFileSync(xls, XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    files.push(xls);
    const { context, page, errors, blocked } = await openPane(master);
    try {
      await page.getByRole('tab', { name: 'Đối chiếu', exact: true }).click();
      await page.getByTestId('cross-files').setInputFiles(files);
      await page.getByText(`Đã chọn ${files.length} tệp`).waitFor();
      await page.getByTestId('cross-run').click();
      const results = page.getByTestId('cross-results');
      await results.waitFor({ timeout: 120_000 });
      expect(await results.textContent()).toMatch(/Đã nộp \d+\/\d+ trường/);
      for (const f of files) expect(await results.textContent()).toContain(path.basename(f));
      // Read, not refused: its line names the school it carries (79761201), with no "Không đọc được" badge.
      const xlsLine = await results.locator('li', { hasText: 'truong-gui-xls.xls' }).first().textContent();
      expect(xlsLine).not.toContain('Không đọc được');
      expect(xlsLine).toContain('79761201');
      await page.getByTestId('cross-write').click();
      await page.getByTestId('cross-written').waitFor();
      const active = await page.evaluate(() => (window as any).__BAOCAO_PORT__.activeSheet);
      expect(active).toMatch(/^Tổng hợp/);
      await shot(page, 'crosscheck-done');
      expect(errors).toEqual([]);
      for (const u of blocked) expect(u).toMatch(OFFICE_TELEMETRY);
    } finally {
      await context.close();
    }
  });
});

