/**
 * The register commands on the shipped samples (samples/registers: two communes, six thôn files):
 * `forms` writes every form and the Tổng hợp; `report --json` gives each commune's level and the
 * inputs behind its rates; `check` names each planted mistake at its row; no name reaches a report.
 */
import * as XLSX from '@e965/xlsx';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from '../../src/cli/args';
import { run as check } from '../../src/cli/commands/check';
import { run as forms } from '../../src/cli/commands/forms';
import { run as report } from '../../src/cli/commands/report';
import { captureIO } from '../../src/cli/io';

const SAMPLES = path.join(__dirname, '..', '..', 'samples', 'registers');
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'register-cli-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('baocao-gd forms', () => {
  it('writes nine forms per commune and Tong-hop.xlsx; exit 1 for the planted errors', async () => {
    const io = captureIO();
    const code = await forms(parseArgs([SAMPLES, '--out', path.join(dir, 'forms'), '--dbkk', 'Xã Tân Lập']), io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(1);
    for (const commune of ['Xã Tân Lập', 'Phường Hòa Bình']) {
      const files = await fs.readdir(path.join(dir, 'forms', commune));
      expect(files).toHaveLength(9);
      expect(files).toContain(`1. PCGD_2025_TH_M1_${commune}.xlsx`);
    }
    const wb = XLSX.read(await fs.readFile(path.join(dir, 'forms', 'Tong-hop.xlsx')));
    expect(wb.SheetNames).toEqual(['Tổng hợp', 'PC_MN5', 'PC_TH', 'PC_THCS', 'XMC']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Tổng hợp'], { header: 1 });
    const tanLap = rows.find((r) => r[1] === 'Xã Tân Lập')!;
    expect(tanLap[3]).toBe('có (theo cài đặt)');
    // Tân Lập: 420 + 380 + 300 rows + 1 planted duplicate; 2 left out for errors, the duplicate counted once.
    expect([tanLap[6], tanLap[7], tanLap[8]]).toEqual([1098, 2, 1]);
    const text = JSON.stringify(rows);
    expect(text).toContain('Người được miễn giảm');
  });
});

describe('baocao-gd forms --ds-xa LIST', () => {
  it('each commune says its ĐBKK status came from the commune list; an empty list is refused', async () => {
    const list = path.join(dir, 'ds-xa.csv');
    await fs.writeFile(list, 'Tên xã,ĐBKK\nXã Tân Lập,x\nPhường Hòa Bình,\n');
    const io = captureIO();
    await forms(parseArgs([SAMPLES, '--out', path.join(dir, 'forms-list'), '--ds-xa', list, '--json']), io);
    const json = JSON.parse(io.stdout.join('\n'));
    const by = Object.fromEntries(json.communes.map((c: { ten_xa: string; dbkk: boolean; dbkk_source: string }) => [c.ten_xa, [c.dbkk, c.dbkk_source]]));
    expect(by).toEqual({ 'Xã Tân Lập': [true, 'list'], 'Phường Hòa Bình': [false, 'list'] });
    const human = captureIO();
    await forms(parseArgs([SAMPLES, '--out', path.join(dir, 'forms-list2'), '--ds-xa', list]), human);
    expect(human.stdout.join('\n')).toContain('có (theo danh sách xã)');
    expect(human.stdout.join('\n')).toContain('không (theo danh sách xã)');
    await fs.writeFile(list, 'Tên xã;ĐBKK\n');
    const empty = captureIO();
    expect(await forms(parseArgs([SAMPLES, '--out', path.join(dir, 'forms-list3'), '--ds-xa', list]), empty)).toBe(2);
    expect(empty.stderr.join('\n')).toContain('không có xã nào');
  });
});

describe('--truong LIST that cannot be read', () => {
  it('is named from the catalogue, Vietnamese or English, and stops forms, report and check (exit 2)', async () => {
    const missing = path.join(dir, 'khong-co', 'ds-truong.csv');
    const vi = captureIO();
    expect(await forms(parseArgs([SAMPLES, '--out', path.join(dir, 'forms-truong'), '--truong', missing]), vi)).toBe(2);
    expect(vi.stderr.join('\n')).toContain(`Không đọc được danh mục trường ${missing}: `);
    const en = captureIO();
    expect(await report(parseArgs([SAMPLES, '--out', path.join(dir, 'report-truong'), '--truong', missing, '--lang', 'en']), en)).toBe(2);
    expect(en.stderr.join('\n')).toContain(`Cannot read the school list ${missing}: `);
    const c = captureIO();
    expect(await check(parseArgs([SAMPLES, '--truong', missing]), c)).toBe(2);
    expect(c.stderr.join('\n')).toContain('Không đọc được danh mục trường');
  });
});

describe('baocao-gd report FOLDER', () => {
  it('--json: phổ cập units keep ma_xa, ten_xa, programme, level, rates and gain inputs', async () => {
    const io = captureIO();
    const code = await report(parseArgs([SAMPLES, '--out', path.join(dir, 'report'), '--json']), io);
    expect(code).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    const pc = json.sections.find((s: { id: string }) => s.id === 'pho_cap');
    const units = pc.data.units as { ten_xa: string; programme: string; level: number | null; rates: Record<string, number | null>; inputs: Record<string, number> }[];
    expect(new Set(units.map((u) => u.ten_xa))).toEqual(new Set(['Xã Tân Lập', 'Phường Hòa Bình']));
    for (const u of units) {
      expect(Object.keys(u)).toEqual(expect.arrayContaining(['ma_xa', 'ten_xa', 'programme', 'level', 'rates', 'inputs']));
    }
    // The rate is the inputs' ratio (TH_6_LOP1 = tre_6t_lop1 / (tre_6t − mien_giam_6t)).
    const th = units.find((u) => u.ten_xa === 'Xã Tân Lập' && u.programme === 'TH')!;
    expect(th.rates.TH_6_LOP1).toBeCloseTo(th.inputs.tre_6t_lop1 / (th.inputs.tre_6t - th.inputs.mien_giam_6t), 12);
    expect(pc.data.register.communes).toHaveLength(2);
    // Counts only: no person's name in the report files.
    const html = await fs.readFile(json.files[1], 'utf8');
    expect(html).not.toMatch(/dòng \d+ \(/);
    expect(html).toContain('1 dòng của sổ đăng ký: thiếu họ tên');
  });

  it('text output names no "sheets used" when the report comes from registers only', async () => {
    const io = captureIO();
    expect(await report(parseArgs([SAMPLES, '--out', path.join(dir, 'report-text')]), io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('bao-cao-');
    expect(text).not.toContain('Trang tính đã dùng');
  });
});

describe('baocao-gd check FOLDER', () => {
  it('names each planted mistake at its row; exit 1', async () => {
    const io = captureIO();
    const code = await check(parseArgs([SAMPLES]), io);
    expect(code).toBe(1);
    const out = io.stdout.join('\n');
    expect(out).toContain('[MauNhapLieu!G15] Thôn Tây.xlsx, dòng 15');
    expect(out).toContain('[dk_thieu_ho_ten]');
    expect(out).toContain('[dk_trung_nguoi]');
    expect(out).toContain('[dk_vua_hoc_vua_bo_hoc]');
    expect(out).toContain('[dk_ngay_thang_sinh_sai]');
    expect(out.match(/\[dk_/g)).toHaveLength(5);
  });

  it('an unreadable file in a register folder: exit 2 with its reason, the others still read', async () => {
    const bad = path.join(dir, 'bad', 'Xã Hỏng');
    await fs.mkdir(bad, { recursive: true });
    await fs.writeFile(path.join(bad, 'Thôn 1.xls'), 'not a workbook');
    await fs.copyFile(path.join(SAMPLES, 'Xã Tân Lập', 'Thôn Đông.xlsx'), path.join(bad, 'Thôn 2.xlsx'));
    const io = captureIO();
    const code = await check(parseArgs([path.join(dir, 'bad')]), io);
    expect(code).toBe(2);
    expect(io.stdout.join('\n')).toContain('Không đọc được tệp Thôn 1.xls');
    expect(io.stdout.join('\n')).toContain('Xã Hỏng (2025): 1 tệp');
  });
});

describe('baocao-gd forms never writes over an input', () => {
  it('an --out that is a file: exit 2 and a message naming it, the file untouched', async () => {
    const file = path.join(dir, 'not-a-folder.txt');
    await fs.writeFile(file, 'giữ nguyên');
    const io = captureIO();
    const code = await forms(parseArgs([SAMPLES, '--out', file]), io);
    expect(code).toBe(2);
    const err = io.stderr.join('\n');
    expect(err).toContain(file);
    expect(err).toMatch(/thư mục/);
    expect(err).not.toMatch(/ENOTDIR|EEXIST|at .*\.ts/);
    expect(await fs.readFile(file, 'utf8')).toBe('giữ nguyên');
  });

  it('an input named as an output (a thôn file called Tong-hop.xlsx in --out): written beside it under a free name, said, input byte-identical', async () => {
    const out = path.join(dir, 'clash');
    await fs.mkdir(out, { recursive: true });
    const input = path.join(out, 'Tong-hop.xlsx');
    await fs.copyFile(path.join(SAMPLES, 'Xã Tân Lập', 'Thôn Đông.xlsx'), input);
    const before = await fs.readFile(input);
    const io = captureIO();
    const code = await forms(parseArgs([input, '--xa', 'Xã Tân Lập', '--out', out]), io);
    expect([0, 1]).toContain(code);
    expect(Buffer.compare(await fs.readFile(input), before)).toBe(0);
    const renamed = path.join(out, 'Tong-hop (2).xlsx');
    expect((await fs.stat(renamed)).isFile()).toBe(true);
    expect(io.stderr.join('\n')).toContain(renamed);
  });
});

describe('baocao-gd forms reads registers only', () => {
  it('a summary workbook beside the registers is named and skipped, never read as persons', async () => {
    const q12 = path.join(__dirname, '..', '..', 'samples', 'quan12-2023-2024.xlsx');
    const io = captureIO();
    const code = await forms(parseArgs([q12, SAMPLES, '--out', path.join(dir, 'mixed'), '--json']), io);
    expect([0, 1]).toContain(code);
    expect(io.stderr.join('\n')).toMatch(/Bỏ qua .*quan12-2023-2024\.xlsx: không phải sổ đăng ký/);
    const json = JSON.parse(io.stdout.join('\n'));
    // The two sample communes only (no commune named after the summary workbook's folder).
    expect(json.communes.map((c: { ten_xa: string }) => c.ten_xa).sort()).toEqual(['Phường Hòa Bình', 'Xã Tân Lập']);
    const alone = captureIO();
    expect(await forms(parseArgs([q12, '--out', path.join(dir, 'none')]), alone)).toBe(2);
    await expect(fs.stat(path.join(dir, 'none'))).rejects.toThrow();
  });
});
