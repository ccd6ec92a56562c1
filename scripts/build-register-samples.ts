/**
 * samples/registers/: two communes' household registers, one file per thôn (MauNhapLieu layout;
 * .xlsx and one .xls each), survey year 2025, with a few planted mistakes the checks must find.
 * Deterministic: rerunning rewrites the same bytes. Run by `npm run samples`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateThon, registerFileBytes, registerSheetRows, Row } from './register-gen';

const root = path.join(path.dirname(path.dirname(__filename.includes('scripts') ? __filename : path.join(process.cwd(), 'scripts', 'x'))), 'samples', 'registers');
const dir = path.basename(root) === 'registers' ? root : path.join(process.cwd(), 'samples', 'registers');
const YEAR = 2025;

interface ThonSpec {
  commune: string;
  file: string;
  persons: number;
  seed: number;
  minority?: number;
  format: 'xlsx' | 'xls';
  title?: string;
  year?: number | string;
  plant?: (rows: Row[], all: Map<string, Row[]>) => string[];
}

const THON: ThonSpec[] = [
  { commune: 'Xã Tân Lập', file: 'Thôn Đông.xlsx', persons: 420, seed: 11, format: 'xlsx' },
  {
    commune: 'Xã Tân Lập', file: 'Thôn Tây.xlsx', persons: 380, seed: 12, format: 'xlsx', year: 'Năm điều tra: 2025',
    plant: (rows, all) => {
      const first = { ...all.get('Thôn Đông.xlsx')![0], tt: rows.length + 1 };
      rows.push(first);
      rows[10] = { ...rows[10], nam_sinh: YEAR + 2 };
      rows[20] = { ...rows[20], ho_dem: null, ten: null };
      return [
        `dòng ${rows.length + 4}: trùng họ tên và ngày sinh với Thôn Đông.xlsx dòng 5 (tính một lần)`,
        'dòng 15: năm sinh sau năm điều tra (không tính)',
        'dòng 25: thiếu họ tên (không tính)',
      ];
    },
  },
  { commune: 'Xã Tân Lập', file: 'pcgd_nhapphieudieutra_2025_Bản Cháng.xls', persons: 300, seed: 13, minority: 0.9, format: 'xls' },
  { commune: 'Phường Hòa Bình', file: 'Tổ 1.xlsx', persons: 500, seed: 21, format: 'xlsx', title: 'Xã/phường: Phường Hòa Bình' },
  {
    commune: 'Phường Hòa Bình', file: 'Tổ 2.xlsx', persons: 450, seed: 22, format: 'xlsx', title: 'Xã/phường: Phường Hòa Bình',
    plant: (rows) => {
      const i = rows.findIndex((r) => r.khoi_hoc === 3);
      rows[i] = { ...rows[i], bo_hoc_lop: 2, nam_bo_hoc: '2023-2024' };
      rows[30] = { ...rows[30], ngay_sinh: 31, thang_sinh: 2 };
      return [`dòng ${i + 5}: vừa đang học vừa bỏ học (không tính)`, 'dòng 35: ngày 31 tháng 2 (cảnh báo, vẫn tính)'];
    },
  },
  { commune: 'Phường Hòa Bình', file: 'Tổ 3.xls', persons: 400, seed: 23, format: 'xls', title: 'Xã/phường: Phường Hòa Bình' },
];

rmSync(dir, { recursive: true, force: true });
const all = new Map<string, Row[]>();
const planted: string[] = [];
for (const t of THON) {
  const rows = generateThon({ year: YEAR, persons: t.persons, seed: t.seed, thon: t.file.replace(/\.[^.]+$/, '').replace(/^pcgd_nhapphieudieutra_\d+_/, ''), minority: t.minority });
  all.set(t.file, rows);
  const notes = t.plant ? t.plant(rows, all) : [];
  for (const n of notes) planted.push(`| ${t.commune}/${t.file} | ${n} |`);
  mkdirSync(path.join(dir, t.commune), { recursive: true });
  writeFileSync(path.join(dir, t.commune, t.file), registerFileBytes(registerSheetRows(rows, { year: t.year ?? YEAR, title: t.title }), t.format));
}

writeFileSync(
  path.join(dir, 'README.md'),
  `# Sample household registers (sổ đăng ký phổ cập)

Built by \`npm run samples\` (\`scripts/build-register-samples.ts\`, seeded, deterministic). **Invented people**: names
are drawn from common name parts; no real person. Layout: the national import sheet \`MauNhapLieu\`
(REAL-FORMS §2.1): year in A2, headers in row 4, data from row 5, columns A–AY; one file per thôn, one
folder per commune.

| folder | files |
|---|---|
${[...new Set(THON.map((t) => t.commune))].map((c) => `| \`${c}/\` | ${THON.filter((t) => t.commune === c).map((t) => `\`${t.file}\` (${t.persons} người, .${t.format})`).join(', ')} |`).join('\n')}

Phường Hòa Bình's files name the commune in a title cell ("Xã/phường: …"); Xã Tân Lập's take the folder
name; "Thôn Tây" writes its year as text in A2 ("Năm điều tra: 2025"); Bản Cháng's file name carries the year.

Planted mistakes (the checks must find each at its row):

| file | row |
|---|---|
${planted.join('\n')}

Try:

\`\`\`sh
npx baocao-gd check samples/registers                      # findings per person, on your own screen
npx baocao-gd report samples/registers --out out/registers # report with each commune's levels (counts only)
npx baocao-gd forms samples/registers --out out/forms       # TH-M1, TH-02, THCS-M1, THCS-TK, XMC-3, XMC-4, CMC-1, MN-01-TE, MN-02 + Tong-hop.xlsx
npx baocao-gd forms samples/registers --out out/forms --dbkk "Xã Tân Lập"   # the same with Tân Lập as a ĐBKK commune
\`\`\`
`,
);
process.stdout.write(`samples/registers: ${THON.length} files\n`);
