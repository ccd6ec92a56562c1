/**
 * The command line reads a province's thôn files on both cores (worker threads, one file at a time
 * each) and counts every file into its commune as it arrives, dropping its persons. That path must
 * give exactly what reading every file into memory and building each commune at once gives: the
 * same records, persons, duplicates, left-out counts and findings. Figures worked out by hand from
 * the person lists below (survey year 2025: age = 2025 − birth year).
 */
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runRegisters, registerSettings, splitAndRunRegisters, splitRegisters } from '../../src/cli/register';
import { expandInputs } from '../../src/cli/inputs';
import { readableWorkbook } from '../../src/cli/commands/check';
import { SCHOOL_ROWS, writeXlsx } from '../fixtures/workbook-files';
import { buildCommune } from '../../src/core/register/commune';
import { readRegisterBytes } from '../../src/xlsx/registerSource';
import { many, P, registerBytes } from '../fixtures/register';

const ROOT = path.join(__dirname, '..', '..');

// Xã Đông Sơn
const thon1: P[] = [
  // 6 tuổi (born 2019): 5 in grade 1, 1 not in school; the first is also listed in Thôn 2.
  { nam: 2019, ho: 'Lò Văn', ten: 'Sáu', ngay: 3, thang: 4, khoi: 1, lop: '1A' },
  ...many(4, { nam: 2019, khoi: 1, lop: '1A' }, 'DS6-'),
  { nam: 2019, ten: 'DS6-nha' },
  // 11 tuổi (born 2014): 4 finished primary, now in grade 6.
  ...many(4, { nam: 2014, khoi: 6, lop: '6A', bac: 'TH', namTn: '2024-2025' }, 'DS11-'),
];
const thon2: P[] = [
  ...many(3, { nam: 2019, khoi: 1, lop: '1B' }, 'DT6-'),
  // the same child as Thôn 1's first (name and date of birth): counted once.
  { nam: 2019, ho: 'Lò Văn', ten: 'Sáu', ngay: 3, thang: 4, khoi: 1, lop: '1B' },
  // no birth year: an error finding, left out of the counts.
  { nam: null, ten: 'DT-khong-nam' },
];
// A thôn file of another survey year: its 2 persons are left out with a finding.
const thon3: P[] = [...many(2, { nam: 2018, khoi: 1 }, 'CU-')];

// Xã Bắc Hà: 6 tuổi 2 in grade 1, 2 not in school.
const bacHa: P[] = [...many(2, { nam: 2019, khoi: 1, lop: '1A' }, 'BH6-'), ...many(2, { nam: 2019 }, 'BH6-nha-')];

let dir: string;
let workerScript: string;
const files: { commune: string; name: string; persons: P[]; format: 'xlsx' | 'xls'; year: number }[] = [
  { commune: 'Xã Đông Sơn', name: 'Thôn 1.xlsx', persons: thon1, format: 'xlsx', year: 2025 },
  { commune: 'Xã Đông Sơn', name: 'Thôn 2.xls', persons: thon2, format: 'xls', year: 2025 },
  { commune: 'Xã Đông Sơn', name: 'Thôn 3.xlsx', persons: thon3, format: 'xlsx', year: 2024 },
  { commune: 'Xã Bắc Hà', name: 'Bản Mường.xls', persons: bacHa, format: 'xls', year: 2025 },
];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-parallel-'));
  for (const f of files) {
    fs.mkdirSync(path.join(dir, f.commune), { recursive: true });
    fs.writeFileSync(path.join(dir, f.commune, f.name), registerBytes({ persons: f.persons, year: f.year }, f.format));
  }
  // The worker threads run the command line's bundle; built here from the sources under test.
  const cache = path.join(ROOT, 'node_modules', '.cache', 'test-register-worker');
  fs.mkdirSync(cache, { recursive: true });
  workerScript = path.join(cache, `main-${process.pid}.cjs`);
  await build({ entryPoints: [path.join(ROOT, 'src/cli/main.ts')], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
}, 60_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(workerScript, { force: true });
});

/** What a run says about its communes, findings included (rule, file, cells), without object identity. */
function summary(communes: Awaited<ReturnType<typeof runRegisters>>['communes']) {
  return communes.map((c) => ({
    name: c.name, year: c.year, persons: c.persons, excluded: c.excluded, duplicates: c.duplicates, thon: c.thon,
    files: c.files.map((f) => path.basename(f)), records: c.records,
    findings: c.findings.map((f) => ({ rule: f.rule, file: f.file && path.basename(f.file), cells: f.cells, vi: f.message.vi })),
  }));
}

describe('register files read on two worker threads, counted as they arrive', () => {
  it('gives the in-memory figures, worked out by hand', async () => {
    const parallel = await runRegisters([dir], { settings: {}, workers: 2, workerScript });
    const sequential = await runRegisters([dir], { settings: {}, workers: 1 });

    // In memory: every file read first, then each commune built from all its files at once.
    const settings = registerSettings({});
    const read = async (f: (typeof files)[number]) =>
      readRegisterBytes(new Uint8Array(fs.readFileSync(path.join(dir, f.commune, f.name))), { file: path.join(dir, f.commune, f.name), baseName: f.name, settings, assumeRegister: true } as never);
    const dongSon = buildCommune({ name: 'Xã Đông Sơn', nameSource: 'folder', files: await Promise.all(files.slice(0, 3).map(read)) }, settings, 60);
    const bacHaC = buildCommune({ name: 'Xã Bắc Hà', nameSource: 'folder', files: [await read(files[3])] }, settings, 60);
    const inMemory = [bacHaC, dongSon]; // folders in name order: "Xã Bắc Hà" before "Xã Đông Sơn"

    expect(parallel.readInWorkers).toBe(4);
    expect(sequential.readInWorkers).toBe(0);
    expect(summary(parallel.communes)).toEqual(summary(inMemory));
    expect(summary(sequential.communes)).toEqual(summary(inMemory));
    expect(parallel.findings.map((f) => f.rule)).toEqual(sequential.findings.map((f) => f.rule));
    expect(parallel.files.map((f) => path.basename(f.file))).toEqual(['Bản Mường.xls', 'Thôn 1.xlsx', 'Thôn 2.xls', 'Thôn 3.xlsx']);

    // By hand. Đông Sơn, 2025: 6-year-olds 5 + 1 (Thôn 1) + 3 (Thôn 2; the duplicate counted once) = 9,
    // in grade 1: 5 + 3 = 8; 11-year-olds 4, all finished primary.
    const [bh, ds] = parallel.communes;
    expect(ds.name).toBe('Xã Đông Sơn');
    expect(ds.year).toBe(2025);
    expect(ds.records.PC_TH).toMatchObject({ tre_6t: 9, mien_giam_6t: 0, tre_6t_lop1: 8, tre_11t: 4, tre_11t_htth: 4 });
    expect(ds.persons).toBe(13);
    expect(ds.duplicates).toBe(1);
    // Left out: the person without a birth year (1) and Thôn 3's two persons of 2024 (2).
    expect(ds.excluded).toBe(3);
    const rules = ds.findings.map((f) => f.rule);
    expect(rules).toEqual(['dk_nam_dieu_tra_khac', 'dk_trung_nguoi']);
    const dup = ds.findings[1];
    expect(path.basename(dup.file!)).toBe('Thôn 2.xls');
    // Thôn 1's first person sits in row 5 (headers in row 4), the duplicate in Thôn 2's row 8.
    expect(dup.message.vi).toContain('Thôn 1.xlsx');
    expect(dup.cells[0]).toMatch(/8$/);
    expect(parallel.findings.some((f) => f.rule === 'dk_thieu_nam_sinh')).toBe(true);
    // Bắc Hà: 4 six-year-olds, 2 in grade 1.
    expect(bh.records.PC_TH).toMatchObject({ tre_6t: 4, tre_6t_lop1: 2 });
    expect(bh.persons).toBe(4);
    expect(bh.excluded).toBe(0);
  }, 60_000);
});

describe('registers told apart from other files by the worker threads as they read them', () => {
  it('gives splitRegisters then runRegisters: the same split, communes and findings, each file read once', async () => {
    // Beside the registers: a school workbook in Bắc Hà's folder (not a register), a broken file in
    // Đông Sơn's folder (unreadable beside registers: counted as that commune's, with its finding; its
    // name sorts before the registers, so its kind waits on theirs) and one in a folder of its own.
    const mixed = fs.mkdtempSync(path.join(os.tmpdir(), 'register-split-'));
    try {
      fs.cpSync(dir, mixed, { recursive: true });
      fs.writeFileSync(path.join(mixed, 'Xã Bắc Hà', 'A trường.xlsx'), await writeXlsx([{ name: 'QUY_MO', rows: SCHOOL_ROWS }]));
      fs.writeFileSync(path.join(mixed, 'Xã Đông Sơn', 'Hỏng.xlsx'), Buffer.from('PK\x03\x04 not a zip at all'));
      fs.mkdirSync(path.join(mixed, 'Khác'));
      fs.writeFileSync(path.join(mixed, 'Khác', 'Hỏng.xls'), Buffer.alloc(600, 7));
      const paths = (await expandInputs([mixed])).paths;
      const before = await splitRegisters(paths, readableWorkbook);
      const beforeRun = await runRegisters(before.registers, { settings: {}, workers: 1 });
      const rel = (ps: string[]) => ps.map((p) => path.relative(mixed, p));
      // By hand: the four registers and the broken file beside them; the school workbook and the lone broken file are others.
      expect(rel(before.registers).sort()).toEqual(['Xã Bắc Hà/Bản Mường.xls', 'Xã Đông Sơn/Hỏng.xlsx', 'Xã Đông Sơn/Thôn 1.xlsx', 'Xã Đông Sơn/Thôn 2.xls', 'Xã Đông Sơn/Thôn 3.xlsx']);
      expect(rel(before.others).sort()).toEqual(['Khác/Hỏng.xls', 'Xã Bắc Hà/A trường.xlsx']);
      const findings = (r: typeof beforeRun) => r.findings.map((f) => [f.rule, f.file && path.relative(mixed, f.file), f.cells]);
      for (const workers of [2, 1]) {
        const after = await splitAndRunRegisters(paths, readableWorkbook, { settings: {}, workers, workerScript });
        expect(after.registers).toEqual(before.registers);
        expect(after.others).toEqual(before.others);
        expect(summary(after.run!.communes)).toEqual(summary(beforeRun.communes));
        expect(findings(after.run!)).toEqual(findings(beforeRun));
        expect(after.run!.unreadable).toEqual(beforeRun.unreadable);
        expect(after.run!.files.map((f) => f.file)).toEqual(beforeRun.files.map((f) => f.file));
        // Every file went through a worker once (registers and others alike), none was read on this thread first.
        expect(after.run!.readInWorkers).toBe(workers === 2 ? paths.length : 0);
      }
      expect(beforeRun.unreadable.map((p) => path.relative(mixed, p))).toEqual(['Xã Đông Sơn/Hỏng.xlsx']);
    } finally {
      fs.rmSync(mixed, { recursive: true, force: true });
    }
  }, 60_000);
});
