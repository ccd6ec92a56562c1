/**
 * The one folder walk of `check`, `report` and `crosscheck` (src/cli/inputs.ts), on a real folder
 * tree with symbolic links made by the test.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandSubmissionPaths } from '../../src/cli/crosscheck-files';
import { expandInputs, expandPaths } from '../../src/cli/inputs';

let dir: string;
const touch = async (...parts: string[]) => {
  const p = path.join(dir, ...parts);
  await fs.mkdir(path.dirname(p), { recursive: true });
  await fs.writeFile(p, 'x');
  return p;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcgd-inputs-'));
  // nop/: workbooks of every kind the readers take, and what is not one.
  for (const f of ['t10.xlsx', 't2.xlsx', 'a.xlsm', 'b.xls', 'c.htm', 'd.html', 'e.XML', 'ghi-chu.txt', '~$t2.xlsx', '.an.xlsx']) await touch('nop', f);
  await touch('nop', 'xa-b', 'sau', 'BaoCao.xlsx');
  await touch('chung', 'BaoCao.xlsx');
  // A shared drive's linked sub-folder, a link back up (a loop), a link to nothing.
  await fs.symlink(path.join(dir, 'chung'), path.join(dir, 'nop', 'lien-ket'));
  await fs.symlink(path.join(dir, 'nop'), path.join(dir, 'nop', 'xa-b', 'vong'));
  await fs.symlink(path.join(dir, 'khong-ton-tai'), path.join(dir, 'nop', 'gay'));
  await fs.mkdir(path.join(dir, 'rong'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('a folder: every workbook kind in Explorer order, sub-folders and linked folders followed once, lock, hidden and other files left out', async () => {
  const r = await expandInputs([path.join(dir, 'nop')]);
  // "t2" before "t10"; the linked folder "lien-ket" in its place; xa-b/vong leads back to nop/ (walked).
  expect(r.files.map((f) => f.name)).toEqual(['a.xlsm', 'b.xls', 'c.htm', 'd.html', 'e.XML', 'lien-ket/BaoCao.xlsx', 't2.xlsx', 't10.xlsx', 'xa-b/sau/BaoCao.xlsx']);
  expect(r.missing).toEqual([]);
  expect(r.empty).toEqual([]);
  // What was not followed is named, in Vietnamese and English.
  expect(r.skipped.map((s) => path.relative(dir, s.path))).toEqual(['nop/gay', 'nop/xa-b/vong']);
  expect(r.skipped[0].reason.vi).toContain('liên kết');
  expect(r.skipped[1].reason.en).toContain('link loop');
});

test('arguments: a missing path and a folder without a workbook keep their place, a file given twice (or through a link) once', async () => {
  const chung = path.join(dir, 'chung', 'BaoCao.xlsx');
  const missing = path.join(dir, 'khong-co');
  const empty = path.join(dir, 'rong');
  const paths = await expandPaths([missing, chung, empty, path.join(dir, 'nop', 'lien-ket', 'BaoCao.xlsx'), chung]);
  expect(paths).toEqual([missing, chung, empty]);
  const r = await expandInputs([missing, empty]);
  expect([r.missing, r.empty, r.files]).toEqual([[missing], [empty], []]);
});

test('the cross-check walks the same way, without its master', async () => {
  const master = path.join(dir, 'nop', 't2.xlsx');
  const { files, skipped } = await expandSubmissionPaths([path.join(dir, 'nop')], [master]);
  expect(files.map((f) => f.name)).toEqual(['a.xlsm', 'b.xls', 'c.htm', 'd.html', 'e.XML', 'lien-ket/BaoCao.xlsx', 't10.xlsx', 'xa-b/sau/BaoCao.xlsx']);
  expect(skipped).toHaveLength(2);
});
