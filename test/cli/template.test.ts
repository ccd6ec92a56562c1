import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/commands/template';
import { run as runCheck } from '../../src/cli/commands/check';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';
import { templateLayout, templateIds } from '../../src/core/sheets/layout';
import { TEMPLATES } from '../../src/core/sheets/templates';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-tpl-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(fn: typeof run, ...argv: string[]) {
  const io = captureIO();
  const code = await fn(parseArgs(argv), io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('templateLayout (core)', () => {
  test('title block, header, sample row and validations', () => {
    const plan = templateLayout('QUY_MO', { schoolYear: '2024-2025', unit: 'Phòng GD&ĐT Quận Mẫu' });
    expect(plan.name).toBe('QUY_MO');
    expect(plan.blocks.find((b) => b.id === 'meta')?.values.map((r) => r[0])).toEqual(['Đơn vị: Phòng GD&ĐT Quận Mẫu', 'Năm học: 2024-2025']);
    const header = plan.blocks.find((b) => b.id === 'header')!;
    expect(header.style).toMatchObject({ bold: true, border: true });
    expect(header.values[0].slice(0, 3)).toEqual(['Mã trường', 'Tên trường', 'Cấp học']);
    const capCol = plan.fields.indexOf('cap_hoc');
    expect(plan.validations.find((v) => v.col === capCol)?.rule).toEqual({ kind: 'list', values: ['MN', 'TH', 'THCS', 'THPT', 'TH-THCS', 'THCS-THPT', 'TH-THCS-THPT', 'GDTX', 'GDCB'] });
    expect(plan.validations.find((v) => v.col === plan.fields.indexOf('so_lop'))?.rule).toEqual({ kind: 'whole', min: 0 });
    expect(plan.validations.find((v) => v.col === plan.fields.indexOf('kdcl'))?.rule).toEqual({ kind: 'whole', min: 0, max: 4 });
    // Printed (derived) columns are not offered in a blank template.
    expect(templateLayout('PC_TH').fields).not.toContain('ty_le_11t_htth');
    expect(templateLayout('PC_TH').validations.find((v) => v.col === templateLayout('PC_TH').fields.indexOf('dbkk'))?.rule).toEqual({ kind: 'list', values: ['có', 'không'] });
  });
  test('names', () => {
    expect(templateIds('all')).toHaveLength(TEMPLATES.length);
    expect(templateIds('pc-th')).toEqual(['PC_TH']);
    expect(templateIds('nope')).toBeNull();
  });
});

describe('baocao-gd template', () => {
  test('all templates: styled headers, data validation, and the file passes check', async () => {
    const out = path.join(dir, 'mau.xlsx');
    const r = await cli(run, 'all', '--out', out, '--year', '2024-2025');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(TEMPLATES.map((t) => t.sheetName));
    const ws = wb.getWorksheet('QUY_MO')!;
    expect(ws.getCell('A2').value).toMatch(/^Đơn vị:/);
    expect(ws.getCell('A3').value).toBe('Năm học: 2024-2025');
    expect(ws.getCell('A5').value).toBe('Mã trường');
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(ws.getCell('A5').border?.top?.style).toBe('thin');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(20);
    // Data validation survives the round trip: list on Cấp học (C), whole number on Số lớp.
    const c7 = ws.getCell('C7').dataValidation;
    expect(c7?.type).toBe('list');
    expect(String(c7?.formulae?.[0])).toContain('THCS');
    const soLopCol = String.fromCharCode(65 + templateLayout('QUY_MO').fields.indexOf('so_lop'));
    expect(ws.getCell(`${soLopCol}50`).dataValidation?.type).toBe('whole');
    // The sample rows are consistent: no error finding.
    const c = await cli(runCheck, out, '--json');
    expect(c.code).toBe(0);
    const json = JSON.parse(c.out);
    expect(json.files[0].sheets).toHaveLength(TEMPLATES.length);
    expect(json.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });
  test('unknown template or missing --out: exit 2 with the list of names', async () => {
    const r = await cli(run, 'NOPE', '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('QUY_MO');
    expect((await cli(run, 'QUY_MO')).code).toBe(2);
  });
});
