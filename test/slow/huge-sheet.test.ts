/**
 * A 1.000.000-row sheet (5.000.000 cells, 34 MB on disk, 244 MB of XML) is refused by the documented
 * cell limit (src/xlsx/limits.ts, MAX_WORKBOOK_CELLS) with a clear message and bounded memory,
 * instead of the 3,3 GB and 98 s ExcelJS needs to load it. A 100.000-row sheet (500.000 cells, under
 * the limit) is read and checked to the end. Each case runs in a child process to measure its peak RSS.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'node_modules', '.cache', 'slow-tests', 'huge-child.cjs');
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huge-'));
  await build({ entryPoints: [path.join(__dirname, 'huge-child.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function child(...args: string[]): Record<string, any> {
  const out = execFileSync(process.execPath, [bundle, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

test('1.000.000 rows: refused with the limit named, in bounded memory and time', () => {
  const file = path.join(dir, 'mot-trieu-dong.xlsx');
  child('write', '1000000', file);
  const r = child('check', file);
  expect(r.ok).toBe(false);
  expect(r.vi).toContain('"QUY_MO"');
  expect(r.vi).toContain('1.000.000 ô');
  expect(r.vi).toMatch(/tách tệp/);
  expect(r.en).toContain('beyond 1.000.000 cells');
  expect(r.peakMb).toBeLessThan(400);
  expect(r.ms).toBeLessThan(60_000);
}, 300_000);

test('100.000 rows (500.000 cells, under the limit): read and checked to the end', () => {
  const file = path.join(dir, 'tram-nghin-dong.xlsx');
  child('write', '100000', file);
  const r = child('check', file);
  expect(r).toMatchObject({ ok: true, cells: 1 + 5 + 500_000, records: 100_000 });
  expect(r.peakMb).toBeLessThan(1500);
}, 300_000);
