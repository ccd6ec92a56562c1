/**
 * samples/he-thong/: what the national systems export, as legacy .xls (BIFF8) files.
 * - bieu-pcgd/: PCGD–XMC forms of three communes, one file per form and commune, named as the
 *   system names them, with three of the real files' mistakes planted (listed in the README below);
 * - csdl/: one CSDL "02 TH kỳ đầu năm" report with the real export's quirks ("#" and "?"
 *   placeholders, cached #VALUE! in sheet V, a subtotal that is not the sum of its parts).
 * The layouts are the test builders' (test/fixtures, written from REAL-FORMS.md). Deterministic:
 * rerunning rewrites the same bytes. Run by `npm run samples`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SheetSpec } from '../test/fixtures/builder';
import { xlsBytes } from '../test/fixtures/builder';
import { csdl02th, REAL_02TH } from '../test/fixtures/csdl';
import { mn01te, mn02, pct100, th02, thcsTk, thM1, xmc4 } from '../test/fixtures/pcgdForms';

const dir = path.join(process.cwd(), 'samples', 'he-thong');
const YEAR = 2025;

const TV = 'phường Thành Vinh';
const HL = 'xã Hưng Lộc';
const NP = 'xã Nghi Phú';

const files: [string, SheetSpec[]][] = [
  // phường Thành Vinh: clean. TH-M1: 6 tuổi 118/120 in lớp 1 (98,33%), 11 tuổi 95/100 HTCTTH, 14 tuổi 88/90.
  [`bieu-pcgd/1. PCGD_${YEAR}_TH_M1_${TV}.xls`, [thM1({
    commune: TV, year: YEAR, tong: { 6: 120, 11: 100, 14: 90 }, ppc: { 6: 120, 11: 100, 14: 90 },
    grade: { 1: { 6: [115, 3, 2] }, 5: { 11: [4, 1, 0] } }, htctth: { 11: [92, 3, 0], 14: [86, 2, 0] },
  })]],
  [`bieu-pcgd/2. PCGD_${YEAR}_TH-02_${TV}.xls`, [th02({ commune: TV, year: YEAR, h: 118, i: pct100(118, 120), j: 95, k: pct100(95, 100), level: 3 })]],
  [`bieu-pcgd/3. PCGD_THCS_${YEAR}_TK_${TV}.xls`, [thcsTk({ commune: TV, year: YEAR, th: 3, xmc: 2, tn: 372, tnPct: 93, hocTiep: 352, hocTiepPct: 88, level: 2 })]],
  [`bieu-pcgd/4. TK_DATCHUAN_XMC_4_${TV}.xls`, [xmc4({ commune: TV, year: YEAR, bands: [[2400, 2398, 2396], [5000, 4980, 4900], [11000, 10850, 10300]], level: 2 })]],
  [`bieu-pcgd/MN-02_${YEAR}_${TV}.xls`, [mn02({ commune: TV, year: YEAR, f: 148, g: 148, i: 152, j: 150, level: 1 })]],
  // xã Hưng Lộc: TH-02 prints level 3 but 96,50% of 6-year-olds in lớp 1 is below 98% (planted).
  [`bieu-pcgd/2. PCGD_${YEAR}_TH-02_${HL}.xls`, [th02({ commune: HL, year: YEAR, h: 193, i: 96.5, j: 184, k: 92, level: 3 })]],
  [`bieu-pcgd/4. TK_DATCHUAN_XMC_4_${HL}.xls`, [xmc4({ commune: HL, year: YEAR, bands: [[2000, 1990, 1985], [4000, 3950, 3900], [9000, 8500, 8200]], level: 2 })]],
  [`bieu-pcgd/MN-02_${YEAR}_${HL}.xls`, [mn02({ commune: HL, year: YEAR, f: 96, g: 95, i: 101, j: 99, level: 1 })]],
  // xã Nghi Phú: XMC-4 prints 99,50% in J8 where 3.560/3.600 = 98,89% (planted) and still carries the
  // template's red note in A12 (planted); MN-01-TE in the older master, one column left of the 2026 one.
  [`bieu-pcgd/2. PCGD_${YEAR}_TH-02_${NP}.xls`, [th02({ commune: NP, year: YEAR, h: 200, i: pct100(200, 202), j: 180, k: 94.74, level: 2 })]],
  [`bieu-pcgd/4. TK_DATCHUAN_XMC_4_${NP}.xls`, [xmc4({ commune: NP, year: YEAR, bands: [[1800, 1795, 1790], [3600, 3560, 3500], [8000, 7700, 7300]], level: 2, over: { J8: 99.5, A12: 'Số liệu trong bảng là số liệu làm mẫu' } })]],
  [`bieu-pcgd/MN-01-TE_${YEAR}_${NP}.xls`, [mn01te({ commune: NP, year: YEAR, version: 'cu', byAge: { 3: [80, 80, 75, 70], 4: [85, 84, 82, 80], 5: [90, 90, 89, 86] } })]],
  // The CSDL report of one primary school (REAL-FORMS §4.2, with its real mistakes).
  ['csdl/bieu-02-th-ky-dau-nam_2025-2026.xls', csdl02th({ values: REAL_02TH, valueErrors: true })],
];

rmSync(dir, { recursive: true, force: true });
for (const [name, specs] of files) {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, xlsBytes(specs));
}
writeFileSync(path.join(dir, 'README.md'), `# What the national systems export (samples, .xls)

Built by \`npm run samples\` (\`scripts/build-system-samples.ts\`, deterministic) from the layouts of
REAL-FORMS.md as the test builders write them (\`test/fixtures/pcgdForms.ts\`, \`test/fixtures/csdl.ts\`).
Every file is a legacy \`.xls\` (BIFF8), as the systems export them. Figures are invented.

**\`bieu-pcgd/\`**: the PCGD–XMC system's forms of three communes, survey year ${YEAR}, one file per form
and commune, named as the system names them (the commune comes from the title block or the file name).

| commune | forms |
|---|---|
| ${TV} | TH-M1, TH-02, THCS-TK, XMC-4, MN-02 (clean: TH mức 3 from TH-M1's counts, XMC mức 2, THCS mức 2, MN5 đạt) |
| ${HL} | TH-02, XMC-4, MN-02 |
| ${NP} | TH-02, XMC-4, MN-01-TE (older master, one column left of the 2026 one) |

Planted mistakes (the real files have each):

| file | cell | what |
|---|---|---|
| 2. PCGD_${YEAR}_TH-02_${HL}.xls | T8 | prints mức 3, but 96,50% of 6-year-olds in lớp 1 is below 98%: mức 2 |
| 4. TK_DATCHUAN_XMC_4_${NP}.xls | J8 | prints 99,50% where 3.560/3.600 = 98,89% |
| 4. TK_DATCHUAN_XMC_4_${NP}.xls | A12 | the template's note "Số liệu trong bảng là số liệu làm mẫu" left in |

TH-02 prints no 14-year-olds and no "11 tuổi còn lại đang học": where no TH-M1 is given (${HL}, ${NP}) the
TH level is the printed one as far as the printed rates support it, and the criteria left are named.

**\`csdl/bieu-02-th-ky-dau-nam_2025-2026.xls\`**: a CSDL "02 TH kỳ đầu năm" report of one primary school
with the real export's quirks: "?" in Mã số 25 and "#" in Mã số 76's DTTS columns (placeholders, never
numbers), cached #VALUE! in every formula of sheet V (recomputed from its parts), and a subtotal that is
not the sum of its parts: 7 pupils (nữ 5) in Mã số 37, but 9 (nữ 6) in Mã số 38 + 39 by area.

Try:

\`\`\`sh
npx baocao-gd check samples/he-thong/bieu-pcgd          # each form with its code, findings, every commune's levels
npx baocao-gd check samples/he-thong/csdl               # CSDL-02TH sheets, placeholders, #VALUE!, subgroups
npx baocao-gd report samples/he-thong --out out/he-thong --json
\`\`\`
`);
console.log(`samples/he-thong: ${files.length} files`);
