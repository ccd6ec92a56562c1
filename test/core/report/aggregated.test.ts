/**
 * Summary sheets whose rows aggregate schools: a QUY_MO row whose "Số trường" says 23 is 23 schools
 * in the table, the sentences, the chuẩn quốc gia ratio, the trends and the Excel formulas. Expected
 * figures are the printed counts of the as-printed Quận 12 sample (seed 000 §I) and small sums done
 * by hand.
 */
import { buildReport } from '../../../src/core/report/build';
import type { ReportModel } from '../../../src/core/report/model';
import { checkSnapshot } from '../../../src/core/rules';
import type { CellValue } from '../../../src/core/types';
import { toSnapshot } from '../../fixtures/builder';
import { loadSample } from './helpers';

const section = (m: ReportModel, id: string) => m.sections.find((s) => s.id === id)!;
const text = (m: ReportModel, id: string) => section(m, id).paragraphs.map((p) => p.text).join('\n');

describe('as-printed Quận 12: rows are cấp học × loại hình with a "Số trường" column', () => {
  let model: ReportModel;
  beforeAll(async () => {
    const s = await loadSample('as-printed/quan12-2023-2024-as-printed.xlsx');
    model = buildReport({ current: s.parsed, findings: s.findings });
  });

  it('Mầm non is 23 công lập + 43 ngoài công lập schools and 287 nhóm, lớp độc lập (not "03 cơ sở")', () => {
    const totals = section(model, 'quy_mo').data.totals as Record<string, Record<string, { so_truong: number; so_lop: number; so_hoc_sinh: number }>>;
    expect(totals.MN.CL.so_truong).toBe(23);
    expect(totals.MN.NCL.so_truong).toBe(43);
    expect(totals.MN.DL.so_truong).toBe(287);
    expect(totals.MN.tong.so_truong).toBe(23 + 43 + 287);
    // The other figures of the rows are unchanged: classes 297 + 462 + 392, children 7.667 + 11.020 + 7.567.
    expect(totals.MN.tong.so_lop).toBe(297 + 462 + 392);
    expect(totals.MN.tong.so_hoc_sinh).toBe(7667 + 11020 + 7567);
    const t = text(model, 'quy_mo');
    expect(t).toContain('23 trường công lập');
    expect(t).toContain('43 trường ngoài công lập');
    expect(t).toMatch(/287 nhóm/);
    expect(t).not.toMatch(/Mầm non có 03 cơ sở/);
  });

  it('the table cell of Mầm non công lập reads 23 and its formula sums the Số trường column', () => {
    const table = section(model, 'quy_mo').tables[0];
    const row = table.rows.find((r) => r[0].text === 'Mầm non' && r[1].text === 'Công lập')!;
    expect(row[2].text).toBe('23');
    const src = row[2].source as { sheet?: string; address?: string; formula?: string };
    // One row: the source is the row's own Số trường cell (G11 of QUY_MO_MN).
    expect(src).toEqual({ sheet: 'QUY_MO_MN', address: 'G11' });
  });
});

/** A scale sheet without school codes: rows are cấp học × loại hình (how offices print it). */
function categorySheet(rows: CellValue[][], extraHeaders: string[] = [], year = '2024 - 2025'): ReturnType<typeof toSnapshot> {
  return toSnapshot('tong-hop.xlsx', [
    {
      name: 'Quy mô',
      rows: [
        ['QUY MÔ MẠNG LƯỚI TRƯỜNG LỚP'],
        [`Năm học: ${year}`],
        [],
        ['Cấp học', 'Loại hình', 'Số trường', 'Số lớp', 'Số học sinh', ...extraHeaders],
        ...rows,
      ],
    },
  ]);
}

describe('a sheet of category rows without school codes', () => {
  const snap = categorySheet(
    [
      ['Tiểu học', 'Công lập', 12, 300, 10000, 8],
      ['Tiểu học', 'Ngoài công lập', 3, 40, 1200, 1],
      ['THCS', 'Công lập', 7, 150, 6000, 5],
    ],
    ['Số trường đạt chuẩn quốc gia'],
  );
  const { parsed, findings } = checkSnapshot(snap, { fileName: 'tong-hop.xlsx' });
  const model = buildReport({ current: parsed, findings });

  it('is recognised as QUY_MO', () => {
    expect(parsed.sheets.map((s) => s.template)).toEqual(['QUY_MO']);
    expect(findings.filter((f) => f.rule === 'khong_co_bieu_mau')).toEqual([]);
  });

  it('counts 12 + 3 schools in tiểu học and writes the sum of the Số trường cells as the formula', () => {
    const totals = section(model, 'quy_mo').data.totals as Record<string, Record<string, { so_truong: number }>>;
    expect(totals.TH.tong.so_truong).toBe(15);
    expect(totals.THCS.tong.so_truong).toBe(7);
    const table = section(model, 'quy_mo').tables[0];
    const sub = table.rows.find((r) => r.some((c) => /Cộng tiểu học|Cộng Tiểu học/i.test(c.text)))!;
    expect(sub[2].text).toBe('15');
    const src = sub[2].source as { formula?: string };
    expect(src.formula).toMatch(/SUM/);
    expect(src.formula).toContain("'Quy mô'!C5");
  });

  it('the chuẩn quốc gia ratio is 9/15 schools, not 9/2 rows', () => {
    const table = section(model, 'quy_mo').tables[0];
    const sub = table.rows.find((r) => r.some((c) => /Cộng tiểu học/i.test(c.text)))!;
    expect(sub[10].text).toMatch(/^0?9\/15 \(60(,0+)?%\)$/);
    expect(text(model, 'quy_mo')).toMatch(/đạt chuẩn quốc gia là 0?9 trường/);
    const totals = section(model, 'quy_mo').data.totals as Record<string, Record<string, { chuan_qg: number; truong: number }>>;
    expect(totals.TH.tong.chuan_qg).toBe(8 + 1);
    expect(totals.TH.tong.truong).toBe(15);
  });

  it('trends compare schools, not rows', () => {
    const older = checkSnapshot(
      categorySheet([
        ['Tiểu học', 'Công lập', 11, 290, 9800],
        ['Tiểu học', 'Ngoài công lập', 3, 40, 1100],
        ['THCS', 'Công lập', 7, 148, 5900],
      ], [], '2023 - 2024'),
      { fileName: 'tong-hop-2023.xlsx' },
    );
    const withPrev = buildReport({ current: parsed, previous: [older.parsed], findings });
    const trend = withPrev.sections.find((s) => s.id === 'xu_huong');
    const all = JSON.stringify(trend ?? {});
    // 11 + 3 + 7 = 21 schools a year ago, 12 + 3 + 7 = 22 now.
    expect(all).toMatch(/\b21\b/);
    expect(all).toMatch(/\b22\b/);
  });
});

describe('a sheet mixing school rows and aggregated rows', () => {
  it('is a finding at the aggregated rows, and its schools are 1 + 1 + 287', () => {
    const snap = toSnapshot('lan.xlsx', [
      {
        name: 'QUY_MO',
        rows: [
          ['Năm học: 2024-2025'],
          ['Mã trường', 'Tên trường', 'Cấp học', 'Loại hình', 'Xã, phường', 'Số trường', 'Số lớp', 'Số học sinh'],
          ['79761001', 'MN Hoa Đào', 'MN', 'CL', 'Phường 1', null, 12, 300],
          ['79761003', 'MN Sơn Ca', 'MN', 'CL', 'Phường 1', null, 10, 260],
          ['', 'Nhóm, lớp độc lập', 'MN', 'DL', 'Các phường', 287, 392, 7567],
        ],
      },
    ]);
    const { parsed, findings } = checkSnapshot(snap, { fileName: 'lan.xlsx' });
    const f = findings.filter((x) => x.rule === 'quy_mo_lan_dong_tong_hop');
    expect(f).toHaveLength(1);
    expect(f[0].cells).toEqual(['F5']);
    expect(f[0].severity).toBe('warning');
    const model = buildReport({ current: parsed, findings });
    const totals = section(model, 'quy_mo').data.totals as Record<string, Record<string, { so_truong: number }>>;
    expect(totals.MN.CL.so_truong).toBe(2);
    expect(totals.MN.DL.so_truong).toBe(287);
  });
});
