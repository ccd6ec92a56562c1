/**
 * Every case of the hostile corpus (test/robustness/hostile-corpus.ts) through `check`, `report`, `forms` and
 * `crosscheck` (as a submission and as the master): exit 0, 1 or 2 only, a clear message in
 * Vietnamese and English naming the file, never a stack trace or a library's words, bounded time,
 * inputs byte-identical afterwards. Then the folder and output cases: symlinked folders, link loops,
 * outputs that would overwrite inputs, outputs that cannot be written, hostile settings files; and
 * one child process that runs the whole corpus and reports its peak memory.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { captureIO } from '../../src/cli/io';
import { buildHostileCorpus, HOSTILE_CASE_IDS, HostileCase, masterRows } from './hostile-corpus';
import { rawRows, rawXlsx, SCHOOL_ROWS } from '../fixtures/workbook-files';

let dir: string;
let corpus: HostileCase[];
let master: string;
let out: string;

/** Library and system words that must never reach the user. */
const LEAKS = /\n\s+at .+:\d+:\d+|TypeError|ReferenceError|RangeError|Cannot read properties|Bug :|Invalid row number|already exists|richText|E(EXIST|ACCES|NOENT|ISDIR|NOTDIR)\b|undefined|\[object Object\]/;

async function cli(...argv: string[]) {
  const io = captureIO();
  const t0 = Date.now();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), ms: Date.now() - t0 };
}

/** A digest of every file under a folder (links not followed): what must not change. */
function digest(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[path.relative(root, p)] = createHash('sha1').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-cli-'));
  corpus = await buildHostileCorpus(path.join(dir, 'corpus'));
  master = path.join(dir, 'master.xlsx');
  fs.writeFileSync(master, await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(masterRows()) }]));
  out = path.join(dir, 'out');
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the corpus holds every case of issue 11, in the listed order', () => {
  const optional = new Set(['fifo', 'dev-zero']);
  expect(corpus.map((c) => c.id)).toEqual(HOSTILE_CASE_IDS.filter((id) => !optional.has(id) || corpus.some((c) => c.id === id)));
  for (const id of ['stray-xfd1048576', 'stray-xfd1-a20000', 'merge-a10-xfd1048576', 'validation-whole-columns', 'conditional-whole-sheet', 'sheets-3000', 'rows-without-r', 'size-mismatch', 'dangling-shared-string', 'duplicate-sheet-names', 'long-text-32771', 'uncalculated-formulas', 'hidden-last-year-first', 'not-numbers', 'duplicate-header', 'xls-biff8', 'html-table-as-xls', 'folder-named-xlsx']) {
    expect(corpus.map((c) => c.id)).toContain(id);
  }
});

describe('each hostile file through check, report and crosscheck', () => {
  test.each(HOSTILE_CASE_IDS)('%s', async (id) => {
    const c = corpus.find((x) => x.id === id);
    if (!c) return; // a case this system cannot build (no mkfifo, no /dev/zero)
    const file = path.join(dir, 'corpus', c.file);
    const before = digest(path.join(dir, 'corpus'));
    const label = `${c.id} (${c.what})`;

    // check, in both languages
    const vi = await cli('check', file, '--json');
    const en = await cli('check', file, '--json', '--lang', 'en');
    for (const r of [vi, en]) {
      expect([label, c.check.includes(r.code) ? r.code : `exit ${r.code}: ${r.out.slice(0, 400)}`]).toEqual([label, r.code]);
      expect([label, LEAKS.test(r.out + r.err)]).toEqual([label, false]);
      expect(r.ms).toBeLessThan(60_000);
    }
    const viText = JSON.parse(vi.out).findings.map((f: { message: string }) => f.message).join('\n');
    const enText = JSON.parse(en.out).findings.map((f: { message: string }) => f.message).join('\n');
    if (c.vi) expect([label, viText]).toEqual([label, expect.stringMatching(c.vi)]);
    if (c.en) expect([label, enText]).toEqual([label, expect.stringMatching(c.en)]);
    if (!c.readable) {
      // A refusal names the file and says what to do (or why nothing can be done).
      expect(viText).toContain(c.file);
      expect([label, viText]).toEqual([label, expect.stringMatching(/hãy|từ chối/)]);
      expect([label, enText]).toEqual([label, expect.stringMatching(/Cannot read file .*(;|refused)/)]);
    }

    // report
    const rep = await cli('report', file, '--out', path.join(out, c.id));
    expect([label, [0, 2].includes(rep.code)]).toEqual([label, true]);
    expect([label, LEAKS.test(rep.out + rep.err)]).toEqual([label, false]);
    if (!c.readable) expect(rep.code).toBe(2);

    // crosscheck: as a submission, then as the master
    const asSub = await cli('crosscheck', '--master', master, file);
    const asMaster = await cli('crosscheck', '--master', file, master);
    for (const r of [asSub, asMaster]) {
      expect([label, [0, 1, 2].includes(r.code)]).toEqual([label, true]);
      expect([label, LEAKS.test(r.out + r.err)]).toEqual([label, false]);
    }
    if (!c.readable) expect([asSub.code, asMaster.code]).toEqual([2, 2]);

    // forms: the household-register reader on the same file (none of them is a register)
    const fm = await cli('forms', file, '--out', path.join(out, `${c.id}-forms`));
    expect([label, fm.code]).toEqual([label, 2]);
    expect([label, LEAKS.test(fm.out + fm.err)]).toEqual([label, false]);
    expect([label, fm.err]).toEqual([label, expect.stringMatching(/\S/)]);
    expect(fm.ms).toBeLessThan(60_000);

    expect(digest(path.join(dir, 'corpus'))).toEqual(before);
  }, 120_000);
});

describe('what the hostile cases say', () => {
  test('a report from a 32.771-character cell: cut to Excel\'s 32.767 and said', async () => {
    const r = await cli('report', path.join(dir, 'corpus', 'long-text-32771.xlsx'), '--out', path.join(out, 'long'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/1 ô có văn bản dài hơn giới hạn 32\.767 ký tự của Excel đã được cắt bớt/);
  });

  test('a report on a workbook whose current sheet follows a hidden old copy says which sheet it used', async () => {
    const r = await cli('report', path.join(dir, 'corpus', 'hidden-last-year-first.xlsx'), '--out', path.join(out, 'hidden'), '--json');
    const json = JSON.parse(r.out);
    expect(json.sources).toEqual([{ template: 'QUY_MO', sheet: 'QUY_MO', hidden: false }]);
    expect(json.setAside).toEqual([{ sheet: 'QUY_MO 2023', template: 'QUY_MO', usedSheet: 'QUY_MO' }]);
    expect(json.files[0]).toMatch(/bao-cao-2024-2025\.docx$/);
  });

  test('a report on a sheet named "History": written, the copy renamed and the formulas following it', async () => {
    const r = await cli('report', path.join(dir, 'corpus', 'sheet-named-history.xlsx'), '--out', path.join(out, 'history'));
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'history', 'bao-cao-2024-2025.xlsx'))).toBe(true);
  });
});

describe('folders', () => {
  test('a submissions sub-folder reached through a symlink is followed once; a loop and a broken link are named', async () => {
    const root = path.join(dir, 'nop');
    const real = path.join(dir, 'shared-drive', 'truong-b');
    fs.mkdirSync(real, { recursive: true });
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(real, 'b.xlsx'), await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows([SCHOOL_ROWS[0], SCHOOL_ROWS[1], ['79700002', 'Trường THCS Nguyễn Du', 'THCS', '26002', 12, 480]]) }]));
    fs.writeFileSync(path.join(root, 'a.xlsx'), await rawXlsx([{ name: 'QUY_MO', sheetData: rawRows(SCHOOL_ROWS) }]));
    fs.symlinkSync(real, path.join(root, 'truong-b'));
    fs.symlinkSync(root, path.join(root, 'vong-lap'));
    fs.symlinkSync(path.join(dir, 'khong-co'), path.join(root, 'hong.xlsx'));
    const r = await cli('crosscheck', '--master', master, root, '--json');
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string }) => f.file).sort()).toEqual(['a.xlsx', 'truong-b/b.xlsx']);
    expect(json.completeness.submitted).toBe(2);
    expect(json.skipped.map((s: { path: string }) => path.basename(s.path)).sort()).toEqual(['hong.xlsx', 'vong-lap']);
    expect(json.skipped.find((s: { path: string }) => s.path.endsWith('vong-lap')).reason).toMatch(/liên kết vòng/);
    const text = await cli('crosscheck', '--master', master, root);
    expect(text.out).toMatch(/Bỏ qua .*hong\.xlsx: liên kết tắt/);
  });
});

describe('outputs never touch inputs', () => {
  test('report bao-cao-2024-2025.xlsx --out <its folder>: the input stays, the report goes beside it and says so', async () => {
    const folder = path.join(dir, 'same-folder');
    fs.mkdirSync(folder);
    const input = path.join(folder, 'bao-cao-2024-2025.xlsx');
    fs.copyFileSync(path.join(dir, 'corpus', 'rows-without-r.xlsx'), input);
    const before = digest(folder);
    const r = await cli('report', input, '--out', folder);
    expect(r.code).toBe(0);
    expect(digest(folder)['bao-cao-2024-2025.xlsx']).toBe(before['bao-cao-2024-2025.xlsx']);
    expect(r.err).toContain(`trùng với tệp đầu vào ${input}: không ghi đè, đã ghi vào ${path.join(folder, 'bao-cao-2024-2025 (2).xlsx')}`);
    expect(fs.existsSync(path.join(folder, 'bao-cao-2024-2025 (2).xlsx'))).toBe(true);
  });

  test('report without --out writes into a new folder, not over the input in the current folder', async () => {
    const folder = path.join(dir, 'cwd');
    fs.mkdirSync(folder);
    const input = path.join(folder, 'bao-cao-2024-2025.xlsx');
    fs.copyFileSync(path.join(dir, 'corpus', 'rows-without-r.xlsx'), input);
    const before = digest(folder);
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      const r = await cli('report', 'bao-cao-2024-2025.xlsx');
      expect(r.code).toBe(0);
      expect(r.out).toContain(path.join('bao-cao-2024-2025', 'bao-cao-2024-2025.xlsx'));
    } finally {
      process.chdir(cwd);
    }
    expect(digest(folder)['bao-cao-2024-2025.xlsx']).toBe(before['bao-cao-2024-2025.xlsx']);
    expect(fs.statSync(path.join(folder, 'bao-cao-2024-2025')).isDirectory()).toBe(true);
  });

  test('an output reached through a hard link or a symlink to the input is not written over', async () => {
    const folder = path.join(dir, 'links');
    fs.mkdirSync(folder);
    const input = path.join(folder, 'nguon.xlsx');
    fs.copyFileSync(path.join(dir, 'corpus', 'rows-without-r.xlsx'), input);
    const outDir = path.join(folder, 'ra');
    fs.mkdirSync(outDir);
    fs.linkSync(input, path.join(outDir, 'bao-cao-2024-2025.xlsx'));
    fs.symlinkSync(input, path.join(outDir, 'bao-cao-2024-2025.html'));
    const before = createHash('sha1').update(fs.readFileSync(input)).digest('hex');
    const r = await cli('report', input, '--out', outDir);
    expect(r.code).toBe(0);
    expect(createHash('sha1').update(fs.readFileSync(input)).digest('hex')).toBe(before);
    expect(r.err.split('\n').filter((l) => /không ghi đè/.test(l))).toHaveLength(2);
  });

  test('crosscheck --out master.xlsx keeps the master and writes the Tổng hợp beside it', async () => {
    const folder = path.join(dir, 'cc');
    fs.mkdirSync(folder);
    const m = path.join(folder, 'master.xlsx');
    fs.copyFileSync(master, m);
    const sub = path.join(folder, 'truong.xlsx');
    fs.copyFileSync(path.join(dir, 'corpus', 'rows-without-r.xlsx'), sub);
    const before = digest(folder);
    const r = await cli('crosscheck', '--master', m, sub, '--out', m);
    expect([0, 1]).toContain(r.code);
    const after = digest(folder);
    expect(after['master.xlsx']).toBe(before['master.xlsx']);
    expect(after['truong.xlsx']).toBe(before['truong.xlsx']);
    expect(after['master (2).xlsx']).toBeDefined();
    expect(r.err).toMatch(/trùng với tệp đầu vào/);
    // And a submission named as the output is protected the same way.
    const r2 = await cli('crosscheck', '--master', m, sub, '--out', sub);
    expect(digest(folder)['truong.xlsx']).toBe(before['truong.xlsx']);
    expect(r2.err).toMatch(/không ghi đè/);
  });

  test('--out that cannot be written: a bilingual message naming the path, exit 2, never EEXIST', async () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    const input = path.join(dir, 'corpus', 'rows-without-r.xlsx');
    const r = await cli('report', input, '--out', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Không ghi được vào ${file}: đã có một tệp trùng tên ở chỗ cần một thư mục; hãy chọn --out khác`);
    const en = await cli('report', input, '--out', path.join(file, 'sub'), '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/^Cannot write to .*a-file.*: a file of that name is where a folder is needed/);
    const cc = await cli('crosscheck', '--master', master, input, '--out', path.join(dir, 'corpus'));
    expect(cc.code).toBe(2);
    expect(cc.err).toMatch(/đó là một thư mục/);
    const tpl = await cli('template', 'QUY_MO', '--out', path.join(file, 'x.xlsx'));
    expect(tpl.code).toBe(2);
    expect(tpl.err).toMatch(/Không ghi được vào .*a-file/);
  });
});

describe('--settings is checked key by key', () => {
  test.each([
    ['{"rateDecimals": 200}', /"rateDecimals" phải là số nguyên từ 0 đến 10 \(đang là 200\)/, /"rateDecimals" must be a whole number from 0 to 10 \(it is 200\)/],
    ['{"nutritionTargets": "cao"}', /"nutritionTargets" phải là một đối tượng/, /"nutritionTargets" must be an object/],
    ['{"thresholdOverrides": [{"indicator": "TH_11_HTCT", "level": 1, "percent": "90"}]}', /"thresholdOverrides\[0\]\.percent" phải là số từ 0 đến 100/, /must be a number from 0 to 100/],
    ['{"rateDecimal": 2}', /"rateDecimal" không phải khóa cài đặt nào/, /"rateDecimal" is not a setting/],
    ['[1, 2]', /nội dung phải là một đối tượng JSON/, /must be a JSON object/],
    ['{"lang": ', /không phải JSON hợp lệ/, /not valid JSON/],
  ])('%s', async (json, vi, en) => {
    const f = path.join(dir, `settings-${createHash('sha1').update(json).digest('hex').slice(0, 8)}.json`);
    fs.writeFileSync(f, json);
    const input = path.join(dir, 'corpus', 'rows-without-r.xlsx');
    for (const cmd of ['check', 'report']) {
      const r = await cli(cmd, input, '--settings', f, '--out', path.join(out, 'settings'));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(vi);
      expect(r.err).toMatch(en);
    }
  });
});

test('the whole corpus in one process stays far below 1 GB and 60 s per file', async () => {
  const bundle = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'hostile', 'run-corpus.cjs');
  await build({ entryPoints: [path.join(__dirname, 'hostile-run.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
  const res = JSON.parse(execFileSync(process.execPath, [bundle, path.join(dir, 'corpus'), master, path.join(out, 'child')], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop()!);
  expect(res.cases).toBe(corpus.length);
  expect(res.maxRssMb).toBeLessThan(1024);
  expect(res.maxS).toBeLessThan(60);
  expect(res.codes.every((c: number) => c === 0 || c === 1 || c === 2)).toBe(true);
}, 300_000);
