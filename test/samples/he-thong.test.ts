/**
 * samples/he-thong holds what its README says: PCGD forms of three communes as .xls with three
 * planted mistakes found at their cells, and a CSDL 02 TH report whose real quirks are findings.
 * Levels worked out by hand from the figures in scripts/build-system-samples.ts.
 */
import path from 'node:path';
import { run as check } from '../../src/cli/commands/check';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples', 'he-thong');

async function checkJson(p: string) {
  const io = captureIO();
  const code = await check(parseArgs([p, '--json']), io);
  return { code, json: JSON.parse(io.stdout.join('\n')) };
}
type F = { rule: string; file?: string; cells: string[] };
const at = (fs: F[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => `${path.basename(f.file ?? '')}!${f.cells[0]}`);

test('the PCGD forms: each recognised, the three planted mistakes at their cells, the levels', async () => {
  const { code, json } = await checkJson(path.join(SAMPLES, 'bieu-pcgd'));
  expect(json.files).toHaveLength(11);
  expect(json.files.every((f: { sheets: unknown[] }) => f.sheets.length === 1)).toBe(true);
  expect(at(json.findings, 'bieu_pc_muc_do_vuot_ty_le')).toEqual(['2. PCGD_2025_TH-02_xã Hưng Lộc.xls!T8']);
  expect(at(json.findings, 'ty_le_in_sai')).toEqual(['4. TK_DATCHUAN_XMC_4_xã Nghi Phú.xls!J8']);
  expect(at(json.findings, 'bieu_pc_so_lieu_mau')).toEqual(['4. TK_DATCHUAN_XMC_4_xã Nghi Phú.xls!A12']);
  const lv = Object.fromEntries(json.pcgd.communes.map((c: { ten_xa: string; programmes: Record<string, { level: number }> }) => [c.ten_xa, { TH: c.programmes.TH?.level, XMC: c.programmes.XMC?.level }]));
  expect(lv).toEqual({
    // TH-M1: 118/120 = 98,33% ≥ 98%, 11 tuổi 95/100 = 95%, 11–14 (95 + 88)/(100 + 90) = 96,32%: mức 3.
    // XMC-4: 15–60 biết chữ mức 2 10.300/11.000 = 93,64% ≥ 90%: mức 2.
    'phường Thành Vinh': { TH: 3, XMC: 2 },
    // TH-02 prints 96,50% (< 98%): mức 2, not the printed 3; XMC 8.200/9.000 = 91,11%: mức 2.
    'xã Hưng Lộc': { TH: 2, XMC: 2 },
    // 15–60: 7.300/8.000 = 91,25%: mức 2; TH-02 prints mức 2 with 99,01% and 94,74%.
    'xã Nghi Phú': { TH: 2, XMC: 2 },
  });
  expect(code).toBe(1);
});

test('the CSDL 02 TH report: placeholders, cached #VALUE! and the subtotal are findings', async () => {
  const { json } = await checkJson(path.join(SAMPLES, 'csdl'));
  expect(json.files[0].sheets.map((s: { template: string }) => s.template)).toContain('CSDL-02TH');
  const rules = new Set((json.findings as F[]).map((f) => f.rule));
  for (const r of ['csdl_o_giu_cho', 'csdl_o_loi_cong_thuc', 'csdl_tong_khac_thanh_phan']) expect(rules).toContain(r);
});
