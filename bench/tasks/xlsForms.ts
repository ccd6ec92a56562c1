/**
 * Reading the PCGD system's forms as it exports them (issue 13): 300 forms (50 communes × TH-M1,
 * TH-02, THCS-TK, XMC-4, MN-02, MN-01-TE) written as legacy .xls (BIFF8) and as .xlsx by the test
 * builders (cached beside the corpus), each loaded and recognised (checkSnapshot → its form read).
 * Passes alternate (.xlsx, .xls, three of each; the best of each kept) like the school-workbook .xls
 * figures of ./xls.ts, and both formats must give the same 300 forms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadWorkbookFile } from '../../src/cli/xlsx';
import { checkSnapshot } from '../../src/core/rules';
import type { SheetSpec } from '../../test/fixtures/builder';
import { writeXlsx, xlsBytes } from '../../test/fixtures/builder';
import { mn01te, mn02, pct100, th02, thcsTk, thM1, xmc4 } from '../../test/fixtures/pcgdForms';
import { CORPUS_ROOT, emit, round, xlsAgainstXlsx } from './common';

const COMMUNES = 50;

function formsOf(i: number): [string, SheetSpec][] {
  const xa = `xã Số ${i + 1}`;
  const n = 100 + (i % 17);
  return [
    [`1. PCGD_2025_TH_M1_${xa}`, thM1({ commune: xa, year: 2025, tong: { 6: n, 11: n, 14: n }, ppc: { 6: n, 11: n, 14: n }, grade: { 1: { 6: [n - 2, 1, 0] } }, htctth: { 11: [n - 5, 1, 0], 14: [n - 2, 0, 0] } })],
    [`2. PCGD_2025_TH-02_${xa}`, th02({ commune: xa, year: 2025, h: n - 1, i: pct100(n - 1, n), j: n - 4, k: pct100(n - 4, n), level: 3 })],
    [`3. PCGD_THCS_2025_TK_${xa}`, thcsTk({ commune: xa, year: 2025, th: 3, xmc: 2, tn: 372, tnPct: 93, hocTiep: 352, hocTiepPct: 88, level: 2 })],
    [`4. TK_DATCHUAN_XMC_4_${xa}`, xmc4({ commune: xa, year: 2025, bands: [[2000, 1990, 1985], [4000, 3950, 3900], [9000, 8500, 8200]], level: 2 })],
    [`MN-02_2025_${xa}`, mn02({ commune: xa, year: 2025, f: n, g: n - 1, i: n, j: n - 2, level: 1 })],
    [`MN-01-TE_2025_${xa}`, mn01te({ commune: xa, year: 2025, version: i % 2 ? 'cu' : '2026', byAge: { 3: [n, n, n - 5, n - 9], 4: [n, n, n - 3, n - 6], 5: [n, n, n - 1, n - 3] } })],
  ];
}

(async () => {
  const dir = path.join(CORPUS_ROOT, 'pcgd-forms');
  const names = Array.from({ length: COMMUNES }, (_, i) => formsOf(i)).flat();
  if (!fs.existsSync(path.join(dir, 'DONE'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'xls'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'xlsx'), { recursive: true });
    for (const [name, spec] of names) {
      fs.writeFileSync(path.join(dir, 'xls', `${name}.xls`), xlsBytes([spec]));
      await writeXlsx(path.join(dir, 'xlsx', `${name}.xlsx`), [spec]);
    }
    fs.writeFileSync(path.join(dir, 'DONE'), 'ok\n');
  }
  const xls = names.map(([n]) => path.join(dir, 'xls', `${n}.xls`));
  const xlsx = names.map(([n]) => path.join(dir, 'xlsx', `${n}.xlsx`));
  const { best, count: forms } = await xlsAgainstXlsx(xlsx, xls, async (f) => checkSnapshot(await loadWorkbookFile(f), { fileName: f }).parsed.forms?.length ?? 0);
  emit({
    forms_xls_files: xls.length,
    forms_xls_300_s: round(best.xls, 2),
    forms_xlsx_300_s: round(best.xlsx, 2),
    forms_xls_over_xlsx: round(best.xls / best.xlsx, 2),
    forms_read: forms,
  });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
