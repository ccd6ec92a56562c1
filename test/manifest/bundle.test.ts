/**
 * The initial task-pane JavaScript (the scripts taskpane.html loads) stays small: ExcelJS and docx load
 * only on demand, and the whole initial set is ≤ 400 KB gzip.
 */
import fs from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { ensureDist } from '../harness/dist';

let dist: string;
let initial: string[];
beforeAll(() => {
  dist = ensureDist();
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  initial = Array.from(html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g), (m) => m[1]).filter((src) => !/^https?:/.test(src));
}, 240_000);

test('taskpane.html loads the task-pane bundle (and the functions when they exist), nothing else of ours', () => {
  expect(initial).toContain('taskpane.js');
  const expected = fs.existsSync(path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts')) ? ['functions.js', 'taskpane.js'] : ['taskpane.js'];
  expect(initial.slice().sort()).toEqual(expected);
});

test('initial JavaScript is at most 400 KB gzip', () => {
  const total = initial.reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(dist, f))).length, 0);
  expect(total).toBeLessThanOrEqual(400 * 1024);
  expect(total).toBeGreaterThan(10 * 1024); // the check reads real bundles, not empty files
});

test('ExcelJS and docx are not in the initial bundles but in lazy chunks', () => {
  const markers = { exceljs: 'xl/worksheets', docx: 'word/document.xml' };
  const chunks = fs.readdirSync(path.join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
  for (const [lib, marker] of Object.entries(markers)) {
    for (const f of initial) expect([lib, f, fs.readFileSync(path.join(dist, f), 'utf8').includes(marker)]).toEqual([lib, f, false]);
    expect([lib, chunks.some((c) => fs.readFileSync(path.join(dist, 'chunks', c), 'utf8').includes(marker))]).toEqual([lib, true]);
  }
});
