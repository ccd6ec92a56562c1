/**
 * `report --settings FILE.json`: a threshold override changes the computed levels and every output
 * says which override was used. The sample's phường have TH 11-year-old completion between 96,36 %
 * and 98,43 % (PC_TH sheet), above the legal 90 % for mức độ 3; an office raising it to 99 % must
 * see every phường drop to mức độ 2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { captureIO } from '../../src/cli/io';

const sample = path.join(__dirname, '../../samples/quan12-2023-2024.xlsx');

async function reportJson(extra: string[]) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rep-settings-'));
  const io = captureIO();
  const code = await main(['report', sample, '--out', out, '--json', ...extra], io);
  return { code, json: code === 0 ? JSON.parse(io.stdout.join('')) : null, stderr: io.stderr.join('\n'), out };
}

test('a threshold override from --settings lowers the TH levels and is reported', async () => {
  const base = await reportJson([]);
  expect(base.code).toBe(0);
  const thBase = base.json.sections.find((s: any) => s.id === 'pho_cap').data.units.filter((u: any) => u.programme === 'TH');
  expect(thBase.length).toBe(11);
  expect(thBase.every((u: any) => u.level === 3)).toBe(true);

  const file = path.join(base.out, 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ thresholdOverrides: [{ indicator: 'TH_11_HTCT', level: 3, percent: 99, note: 'chỉ tiêu của tỉnh' }] }));
  const raised = await reportJson(['--settings', file]);
  expect(raised.code).toBe(0);
  const phoCap = raised.json.sections.find((s: any) => s.id === 'pho_cap');
  const th = phoCap.data.units.filter((u: any) => u.programme === 'TH');
  // Every phường's 11-year-old completion is below 99 %: none keeps mức độ 3, all still meet mức độ 2 (80 %).
  expect(th.every((u: any) => u.level === 2)).toBe(true);
  expect(phoCap.data.overall.TH).toBe(2);
  const html = fs.readFileSync(path.join(raised.out, 'bao-cao-2023-2024.html'), 'utf8');
  expect(html).toContain('TH_11_HTCT');
});

test('an unreadable settings file is exit 2 with a message, not a stack trace', async () => {
  const r = await reportJson(['--settings', '/nonexistent/settings.json']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/Không đọc được tệp cài đặt/);
});
