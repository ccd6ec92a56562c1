/**
 * Bad input from the national systems is a finding, never a crash: a PCGD form of another year, a
 * form whose labels moved, a CSDL report with a missing sheet, an ".xls" that is really an HTML page
 * (the "Excel export" of many web systems). Every file is written as the systems give it (.xls).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as check } from '../../src/cli/commands/check';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';
import { xlsBytes } from '../fixtures/builder';
import { th02 } from '../fixtures/pcgdForms';
import { csdl02th, REAL_02TH } from '../fixtures/csdl';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-bad-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function checkJson(...argv: string[]) {
  const io = captureIO();
  const code = await check(parseArgs([...argv, '--json']), io);
  expect(io.stderr.join('\n')).not.toMatch(/Lỗi không mong đợi|Unexpected error|\bat \w+ \(/);
  return { code, json: JSON.parse(io.stdout.join('\n')) };
}

type F = { rule: string; file?: string; cells: string[]; expected: unknown; actual: unknown; message: string };

test('a TH-02 of 2024 among forms of 2025: an error at its date cell, and its commune is left out', async () => {
  const d = path.join(dir, 'nam');
  await fs.mkdir(d);
  await fs.writeFile(path.join(d, 'TH-02_xã A.xls'), xlsBytes([th02({ commune: 'xã A', year: 2025, h: 100, i: 100, j: 90, k: 90, level: 3 })]));
  await fs.writeFile(path.join(d, 'TH-02_xã B.xls'), xlsBytes([th02({ commune: 'xã B', year: 2025, h: 100, i: 100, j: 90, k: 90, level: 3 })]));
  await fs.writeFile(path.join(d, 'TH-02_xã C.xls'), xlsBytes([th02({ commune: 'xã C', year: 2024, h: 100, i: 100, j: 90, k: 90, level: 3 })]));
  const { code, json } = await checkJson(d);
  const f = (json.findings as F[]).filter((x) => x.rule === 'bieu_pc_khac_nam');
  expect(f.map((x) => [path.basename(x.file ?? ''), x.cells, x.actual, x.expected])).toEqual([['TH-02_xã C.xls', ['C2'], 2024, 2025]]);
  expect(json.pcgd.communes.map((c: { ten_xa: string }) => c.ten_xa)).toEqual(['xã A', 'xã B']);
  expect(code).toBe(1);
});

test('a TH-02 with a column inserted before H: its labels moved, an error, and its figures are not used', async () => {
  const d = path.join(dir, 'lech');
  await fs.mkdir(d);
  const spec = th02({ commune: 'xã D', year: 2025, h: 100, i: 100, j: 90, k: 90, level: 3 });
  spec.rows = spec.rows.map((r) => [...r.slice(0, 7), null, ...r.slice(7)]);
  await fs.writeFile(path.join(d, 'TH-02_xã D.xls'), xlsBytes([spec]));
  const { code, json } = await checkJson(d);
  const f = (json.findings as F[]).filter((x) => x.rule === 'bieu_pc_nhan_lech');
  // "Trẻ 6 tuổi vào lớp 1" now in I7 where the form has it in H7.
  expect(f[0].cells).toEqual(['I7', 'H7']);
  expect(json.pcgd.communes.flatMap((c: { programmes: Record<string, unknown> }) => Object.keys(c.programmes))).toEqual([]);
  expect(code).toBe(1);
});

test('a CSDL 02 TH report without its sheet IV: one finding naming the sheet', async () => {
  const p = path.join(dir, 'bieu-02-th_thieu-IV.xls');
  await fs.writeFile(p, xlsBytes(csdl02th({ values: REAL_02TH, omit: ['IV'] })));
  const { code, json } = await checkJson(p);
  const f = (json.findings as F[]).filter((x) => x.rule === 'csdl_thieu_trang');
  expect(f.map((x) => x.expected)).toEqual(['IV']);
  expect(code).toBe(1);
});

/** A web system's "Xuất Excel": an HTML page holding the form as a table, saved as .xls. */
function htmlOf(rows: unknown[][]): string {
  const esc = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return `<html><head><meta charset="utf-8"></head><body><table>${rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
}

test('an ".xls" that is an HTML table of a TH-02 is read as that form (by content, not by name)', async () => {
  const d = path.join(dir, 'html');
  await fs.mkdir(d);
  // 96,50% of the 6-year-olds in lớp 1 (< 98%): mức 2, not the printed 3.
  const spec = th02({ commune: 'xã E', year: 2025, h: 193, i: 96.5, j: 184, k: 92, level: 3 });
  await fs.writeFile(path.join(d, 'TH-02_xã E.xls'), htmlOf(spec.rows));
  const { json } = await checkJson(d);
  expect(json.files[0].sheets.map((s: { template: string }) => s.template)).toEqual(['TH-02']);
  expect(json.pcgd.communes.map((c: { ten_xa: string; programmes: Record<string, { level: number }> }) => [c.ten_xa, c.programmes.TH.level])).toEqual([['xã E', 2]]);
  expect((json.findings as F[]).filter((x) => x.rule === 'bieu_pc_muc_do_vuot_ty_le').map((x) => x.cells)).toEqual([['T8']]);
});

test('an ".xls" that is an HTML page without a table (an expired session\'s page): the file cannot be read, said in Vietnamese, exit 2', async () => {
  const p = path.join(dir, 'MN-02_xã F.xls');
  await fs.writeFile(p, '<!DOCTYPE html><html><body><h1>Phiên làm việc đã hết hạn</h1><p>Vui lòng đăng nhập lại.</p></body></html>');
  const { code, json } = await checkJson(p);
  const f = (json.findings as F[]).filter((x) => x.rule === 'khong_doc_duoc_tep');
  expect(f).toHaveLength(1);
  expect(f[0].message).toMatch(/HTML/);
  expect(code).toBe(2);
});
