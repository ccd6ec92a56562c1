/**
 * The command line on what the national systems export: a folder of PCGD forms (one file per form
 * and commune) and a CSDL report. check lists each sheet with its template id; report --json keeps
 * the phổ cập units and the quy mô totals.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as check } from '../../src/cli/commands/check';
import { run as report } from '../../src/cli/commands/report';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';
import { writeXlsx } from '../fixtures/builder';
import { th02, thM1, xmc4 } from '../fixtures/pcgdForms';
import { csdl02th, REAL_02TH } from '../fixtures/csdl';

let dir: string;
const forms = () => path.join(dir, 'bieu');
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-forms-'));
  await fs.mkdir(forms());
  await writeXlsx(path.join(forms(), '1. PCGD_2025_TH_M1_phường Thành Vinh.xlsx'), [thM1({
    commune: 'phường Thành Vinh', year: 2025, tong: { 6: 120 }, ppc: { 6: 120, 11: 100, 14: 90 },
    grade: { 1: { 6: [115, 3, 2] }, 5: { 11: [9, 1, 0] } }, htctth: { 11: [85, 5, 0], 14: [86, 2, 0] },
  })]);
  await writeXlsx(path.join(forms(), '2. PCGD_2025_TH-02_xã Hưng Lộc.xlsx'), [th02({ commune: 'xã Hưng Lộc', year: 2025, h: 193, i: 96.5, j: 184, k: 92, level: 3 })]);
  await writeXlsx(path.join(forms(), '4. TK_DATCHUAN_XMC_4_xã Hưng Lộc.xlsx'), [xmc4({ commune: 'xã Hưng Lộc', year: 2025, bands: [[2000, 1990, 1985], [4000, 3950, 3900], [9000, 8500, 8200]], level: 2 })]);
  await writeXlsx(path.join(dir, 'bieu-02-th-dn_2025.xlsx'), csdl02th({ values: REAL_02TH, valueErrors: true }));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(cmd: typeof check, ...argv: string[]) {
  const io = captureIO();
  const code = await cmd(parseArgs(argv), io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

test('check FOLDER lists each form with its code and the communes\' levels', async () => {
  const r = await cli(check, forms(), '--json');
  const json = JSON.parse(r.out);
  expect(json.files.map((f: { sheets: { template: string }[] }) => f.sheets.map((s) => s.template))).toEqual([['TH-M1'], ['TH-02'], ['XMC-4']]);
  expect(json.pcgd.communes.map((c: { ten_xa: string; programmes: Record<string, { level: number }> }) => [c.ten_xa, c.programmes.TH?.level ?? null, c.programmes.XMC?.level ?? null])).toEqual([
    ['phường Thành Vinh', 3, null],
    // 96,50% < 98%: at most 2; XMC 8.200/9.000 = 91,11% ≥ 90%: level 2.
    ['xã Hưng Lộc', 2, 2],
  ]);
  expect(json.findings.filter((f: { rule: string }) => f.rule === 'bieu_pc_muc_do_vuot_ty_le').map((f: { cells: string[] }) => f.cells)).toEqual([['T8']]);
  expect(r.code).toBe(1);
  const human = await cli(check, forms());
  expect(human.out).toContain('TH-02 → TH-02 (1 dòng)');
  expect(human.out).toContain('xã Hưng Lộc – TH: Mức độ 2');
});

test('check on a CSDL report lists its sheets as CSDL-02TH', async () => {
  const r = await cli(check, path.join(dir, 'bieu-02-th-dn_2025.xlsx'), '--json');
  const json = JSON.parse(r.out);
  expect(json.files[0].sheets.map((s: { name: string; template: string }) => `${s.name}:${s.template}`)).toEqual([
    'I:CSDL-02TH', 'III:CSDL-02TH', 'IV:CSDL-02TH', 'V:CSDL-02TH', 'Errors:CSDL-02TH', 'QUY_MO (CSDL):QUY_MO', 'DOI_NGU (CSDL):DOI_NGU',
  ]);
  expect(json.findings.some((f: { rule: string }) => f.rule === 'csdl_tong_khac_thanh_phan')).toBe(true);
});

test('report on the folder and the CSDL report: phổ cập units and quy mô totals in --json', async () => {
  const out = path.join(dir, 'out');
  const r = await cli(report, forms(), path.join(dir, 'bieu-02-th-dn_2025.xlsx'), '--out', out, '--json');
  expect(r.err).toBe('');
  const json = JSON.parse(r.out);
  const pc = json.sections.find((s: { id: string }) => s.id === 'pho_cap');
  const th = pc.data.units.filter((u: { programme: string }) => u.programme === 'TH');
  expect(th.map((u: { ten_xa: string; level: number }) => [u.ten_xa, u.level])).toEqual([['phường Thành Vinh', 3], ['xã Hưng Lộc', 2]]);
  expect(Object.keys(th[0])).toEqual(expect.arrayContaining(['ma_xa', 'ten_xa', 'programme', 'level', 'rates', 'inputs']));
  expect(th[0].inputs.tre_6t).toBe(120);
  const qm = json.sections.find((s: { id: string }) => s.id === 'quy_mo');
  expect(qm.data.totals.TH.CL).toMatchObject({ so_truong: 1, so_lop: 5, so_hoc_sinh: 7 });
  await expect(fs.stat(path.join(out, 'bao-cao-2025-2026.xlsx'))).resolves.toBeTruthy();
});

test('check on a commune\'s register and its form: each form count that differs from the register is an error naming the register rows', async () => {
  const { mn02 } = await import('../fixtures/pcgdForms');
  const { many, registerBytes } = await import('../fixtures/register');
  const xa = path.join(dir, 'Tân Lập');
  await fs.mkdir(xa);
  // Register rows 5–14: ten 5-year-olds in kindergarten; rows 15–16: two at home (PPC 12, attending 10).
  await fs.writeFile(path.join(xa, 'Thôn A.xlsx'), registerBytes({ persons: [...many(10, { nam: 2020, khoi: 'MG', lop: 'Lá 1' }, 'N5-'), ...many(2, { nam: 2020 }, 'N5-nha-')], year: 2025 }));
  // The form says 11 attend (G7) of 12.
  await writeXlsx(path.join(xa, 'MN-02_2025_xã Tân Lập.xlsx'), [mn02({ commune: 'xã Tân Lập', year: 2025, f: 12, g: 11, i: 0, j: 0, level: 1 })]);
  const r = await cli(check, xa, '--json');
  const f = JSON.parse(r.out).findings.filter((x: { rule: string }) => x.rule === 'bieu_pc_khac_so_dang_ky');
  expect(f.map((x: { cells: string[]; expected: number; actual: number }) => [x.cells, x.actual, x.expected])).toEqual([[['G7'], 11, 10]]);
  expect(f[0].message).toContain('Thôn A.xlsx dòng 5–14');
});

test('report on a commune\'s register and its form: the report is the form\'s, with the difference from the register among its findings', async () => {
  const xa = path.join(dir, 'Tân Lập');
  const out = path.join(dir, 'out-reg');
  const r = await cli(report, xa, '--out', out, '--json');
  const json = JSON.parse(r.out);
  const f = json.findings.filter((x: { rule: string }) => x.rule === 'bieu_pc_khac_so_dang_ky');
  // The form's G7 says 11 attend; the register's rows 5–14 are 10 (set up by the check test above).
  expect(f.map((x: { cells: string[]; expected: number; actual: number }) => [x.cells, x.actual, x.expected])).toEqual([[['G7'], 11, 10]]);
});
