// Renders report pages to images, to look at the document as an office will print it:
// the .docx → PDF with LibreOffice (headless), then pages → PNG with pdftoppm (poppler).
//   node scripts/render-pages.mjs [FILE.docx] [--out DIR] [--pages N]
// Without a file it first writes the demo report (npx baocao-gd demo --out DIR/demo) and renders that.
// Writes DIR/<name>.pdf and DIR/<name>-<page>.png (default DIR out/pages, first 3 pages) and prints
// their paths. Needs `libreoffice` (or `soffice`) and `pdftoppm` on PATH; says so when they are missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const outDir = path.resolve(flag('--out', path.join(root, 'out', 'pages')));
const pages = Number(flag('--pages', '3')) || 3;
let docx = argv[0] ? path.resolve(argv[0]) : null;

function have(cmd, arg = '--version') {
  return spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
}
const office = ['libreoffice', 'soffice'].find((c) => have(c));
if (!office || !have('pdftoppm', '-v')) {
  console.error('Cần libreoffice (hoặc soffice) và pdftoppm (poppler-utils) để dựng ảnh trang. / Needs libreoffice and pdftoppm.');
  process.exit(2);
}

fs.mkdirSync(outDir, { recursive: true });
if (!docx) {
  const demoOut = path.join(outDir, 'demo');
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'baocao-gd.cjs'), 'demo', '--out', demoOut], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const found = fs.readdirSync(demoOut).find((f) => f.endsWith('.docx'));
  if (!found) {
    console.error('demo wrote no .docx');
    process.exit(1);
  }
  docx = path.join(demoOut, found);
}

// A private profile: a LibreOffice already open on the machine does not take the job over.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-lo-'));
const conv = spawnSync(office, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { encoding: 'utf8', timeout: 180000 });
fs.rmSync(profile, { recursive: true, force: true });
const base = path.basename(docx).replace(/\.docx$/i, '');
const pdf = path.join(outDir, base + '.pdf');
if (conv.status !== 0 || !fs.existsSync(pdf)) {
  console.error(conv.stderr || conv.stdout || 'LibreOffice could not convert the file');
  process.exit(1);
}
const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(pages), pdf, path.join(outDir, base)], { encoding: 'utf8' });
if (png.status !== 0) {
  console.error(png.stderr);
  process.exit(1);
}
console.log(pdf);
for (const f of fs.readdirSync(outDir).filter((f) => f.startsWith(base + '-') && f.endsWith('.png')).sort()) console.log(path.join(outDir, f));
