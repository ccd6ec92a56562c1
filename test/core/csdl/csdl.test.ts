/**
 * CSDL statistics reports built from REAL-FORMS §4.2–4.3 and Appendix A, with the real exports'
 * quirks planted; figures and findings worked out by hand in the comments.
 */
import { readCsdlWorkbook } from '../../../src/core/csdl';
import { buildReport } from '../../../src/core/report/build';
import { checkSnapshot } from '../../../src/core/rules';
import { toSnapshot } from '../../fixtures/builder';
import type { SheetSpec } from '../../fixtures/builder';
import { csdl01mn, csdl02th, REAL_02TH } from '../../fixtures/csdl';

const FILE = '25012021-16vK7q-161121054027779_2020_bieu-02-th-dn.xlsx';

function withoutMerges(specs: SheetSpec[]): SheetSpec[] {
  return specs.map((s) => ({ ...s, merges: undefined }));
}

describe.each([
  ['with merged headers', (s: SheetSpec[]) => s],
  ['without merge information', withoutMerges],
])('02 TH with the real export\'s quirks (%s)', (_name, variant) => {
  const snap = toSnapshot(FILE, variant(csdl02th({ values: REAL_02TH, valueErrors: true })));
  const r = readCsdlWorkbook(snap)!;

  it('is recognised by its title and read by Mã số across sheets I, III, IV, V', () => {
    expect(r.bieu.template).toBe('CSDL-02TH');
    expect(r.missingSheets).toEqual([]);
    expect(r.schoolYear).toBe('2020-2021');
    expect(r.unit).toBeNull();
    expect([...r.byCode.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 132 }, (_, i) => i + 1));
  });

  it('reads ownership × nữ × DTTS columns from the headers', () => {
    const iii = r.sheets.find((s) => s.name === 'III')!;
    expect(iii.columns.map((c) => `${c.ownership}.${c.measure}`)).toEqual(['tong.ts', 'tong.nu', 'tong.dt', 'tong.dt_nu', 'cl.ts', 'cl.nu', 'cl.dt', 'cl.dt_nu', 'tt.ts', 'tt.nu', 'tt.dt', 'tt.dt_nu']);
    const iv = r.sheets.find((s) => s.name === 'IV')!;
    expect(iv.columns.filter((c) => c.ownership === 'cl').map((c) => c.measure)).toEqual(['ts', 'vc_khong_thoi_han', 'vc_co_thoi_han', 'hd', 'nu', 'dt', 'dt_nu']);
    const v = r.sheets.find((s) => s.name === 'V')!;
    expect(v.columns.filter((c) => c.ownership === 'tt').map((c) => c.measure)).toEqual(['ts', 'kien_co', 'ban_kien_co', 'tam']);
  });

  it('"#" and "?" are placeholders, never numbers', () => {
    const marks = r.findings.filter((f) => f.rule === 'csdl_o_giu_cho');
    expect(marks.map((f) => [f.sheet, f.actual, f.cells.length])).toEqual([['I', '?', 3], ['III', '#', 6]]);
  });

  it('cached #VALUE! in sheet V is a finding and is recomputed: Mã số 120 = 4 + 2 + 0 = 6', () => {
    const f = r.findings.filter((x) => x.rule === 'csdl_o_loi_cong_thuc');
    expect(f).toHaveLength(1);
    // Per row: the four total columns and the two ownership totals; 13 rows.
    expect(f[0].message.vi).toContain(`${13 * 6} ô`);
    const at = r.byCode.get(120)!;
    const col = at.sheet.columns.find((c) => c.ownership === 'tong' && c.measure === 'ts')!;
    expect(at.row.cells.get(col.col)!.value).toBe(6);
  });

  it('Mã số 37 (7, nữ 5) is not 38 + 39 (9, nữ 6): four errors (total and public column, all and nữ)', () => {
    const f = r.findings.filter((x) => x.rule === 'csdl_tong_khac_thanh_phan');
    expect(f.map((x) => [x.actual, x.expected])).toEqual([[7, 9], [5, 6], [7, 9], [5, 6]]);
    expect(f[0].cells[0]).toBe('E5');
  });

  it('the consistent parts raise nothing: 27 = 3 + 2, 37 = 5 + 2 by grade, 7 by age', () => {
    const f = r.findings.filter((x) => x.rule === 'csdl_tong_khac_thanh_phan' && !/Mã số 37 /.test(x.message.vi));
    expect(f).toEqual([]);
    expect(r.findings.filter((x) => ['csdl_nhom_vuot_cha', 'csdl_quan_he_vo_ly', 'csdl_so_huu_khac_tong'].includes(x.rule))).toEqual([]);
  });
});

describe('02 TH through the reader, the checks and the report', () => {
  const snap = toSnapshot(FILE, csdl02th({ values: REAL_02TH, valueErrors: true }));
  const { parsed, findings } = checkSnapshot(snap, { fileName: FILE });

  it('check lists the report\'s sheets as CSDL-02TH and builds a QUY_MO of aggregated rows', () => {
    expect(parsed.systemSheets!.map((s) => `${s.sheetName}:${s.template}`)).toEqual(['I:CSDL-02TH', 'III:CSDL-02TH', 'IV:CSDL-02TH', 'V:CSDL-02TH', 'Errors:CSDL-02TH']);
    expect(parsed.sheets.map((s) => s.template)).toEqual(['QUY_MO', 'DOI_NGU']);
    expect(parsed.unrecognised).toEqual([]);
  });

  it('the report says 1 school, 5 classes, 7 pupils in tiểu học công lập', () => {
    const model = buildReport({ current: parsed, findings });
    const q = model.sections.find((s) => s.id === 'quy_mo')!;
    const t = (q.data.totals as Record<string, Record<string, { so_truong: number; so_lop: number; so_hoc_sinh: number }>>).TH;
    expect(t.CL).toMatchObject({ so_truong: 1, so_lop: 5, so_hoc_sinh: 7 });
    expect(t.NCL).toBeUndefined();
    const d = model.sections.find((s) => s.id === 'doi_ngu');
    expect(d).toBeDefined();
  });
});

describe('a CSDL report whose formulas carry no value (a script or an exporter wrote them)', () => {
  it('is a finding naming the sheet and the cells, not a silent blank', () => {
    const snap = toSnapshot(FILE, csdl02th({ values: REAL_02TH }));
    const iii = snap.sheets.find((s) => s.name === 'III')!;
    iii.uncalculated = { cells: ['E12', 'F12'], count: 2 };
    const { findings } = checkSnapshot(snap, { fileName: FILE });
    const f = findings.filter((x) => x.rule === 'cong_thuc_chua_tinh');
    expect(f.map((x) => [x.sheet, x.cells, x.severity])).toEqual([['III', ['E12', 'F12'], 'error']]);
    expect(f[0].message.vi).toMatch(/E12, F12/);
    // The same report with its values: no such finding.
    expect(checkSnapshot(toSnapshot(FILE, csdl02th({ values: REAL_02TH })), { fileName: FILE }).findings.some((x) => x.rule === 'cong_thuc_chua_tinh')).toBe(false);
  });
});

describe('a report with a missing sheet, and relations that cannot hold', () => {
  it('a missing sheet IV is a finding and the staff figures are absent', () => {
    const snap = toSnapshot(FILE, csdl02th({ values: REAL_02TH, omit: ['IV'] }));
    const r = readCsdlWorkbook(snap)!;
    expect(r.missingSheets).toEqual(['IV']);
    expect(r.findings.filter((f) => f.rule === 'csdl_thieu_trang').map((f) => f.expected)).toEqual(['IV']);
    expect(r.byCode.has(79)).toBe(false);
  });

  it('pupils of Tư thục without a Tư thục school or class: two errors in that column', () => {
    const values = { ...REAL_02TH, 37: { cl: [7, 5, 0, 0], tt: [3, 1, 0, 0] }, 38: { cl: [7, 5, 0, 0], tt: [3, 1, 0, 0] }, 40: { cl: [5, 4], tt: [3, 1] }, 45: { cl: [1, 1], tt: [3, 1] }, 46: { cl: [3, 2], tt: [0, 0] }, 50: { cl: [1, 1], tt: [0, 0] }, 51: { cl: [2, 1], tt: [0, 0] } };
    const r = readCsdlWorkbook(toSnapshot(FILE, csdl02th({ values })))!;
    const f = r.findings.filter((x) => x.rule === 'csdl_quan_he_vo_ly');
    expect(f.map((x) => x.message.vi)).toEqual([
      expect.stringContaining('cột Tư thục: có 3 học sinh (Mã số 37) nhưng trường (Mã số 1)'),
      expect.stringContaining('cột Tư thục: có 3 học sinh (Mã số 37) nhưng lớp (Mã số 27)'),
    ]);
  });
});

describe('01 MN with the real export\'s inconsistencies (REAL-FORMS §4.3)', () => {
  /** Mã số 55 = 47 but 56 + 69 = 7 + 27; 83 = 23 (nữ 18) but 84 + 90 = 0 + 7; 101 = 7 but 3 + 1 + 0 + 6 + 0 = 10; row 90 Công lập nữ 6 < DTTS nữ 7. */
  const values = {
    1: { cl: [1], tt: [0], dl: [0] }, 15: { cl: [1], tt: [0], dl: [0] }, 16: { cl: [1], tt: [0], dl: [0] }, 17: { cl: [1], tt: [0], dl: [0] },
    55: { cl: [47], tt: [0], dl: [0] }, 56: { cl: [7], tt: [0], dl: [0] }, 69: { cl: [27], tt: [0], dl: [0] },
    83: { cl: [23, 18, 0, 0], tt: [0, 0, 0, 0], dl: [0, 0, 0, 0] }, 84: { cl: [0, 0, 0, 0] }, 90: { cl: [7, 6, 7, 7], tt: [0, 0, 0, 0], dl: [0, 0, 0, 0] }, 91: { cl: [7, 6, 7, 7] },
    101: { cl: [7, 6, 0, 0] }, 102: { cl: [3, 3, 0, 0] }, 103: { cl: [1, 1, 0, 0] }, 105: { cl: [6, 5, 0, 0] },
    112: { cl: [7, 0, 0, 0] }, 113: { cl: [1, 0, 0, 0] }, 116: { cl: [2, 0, 0, 0] },
  };
  const r = readCsdlWorkbook(toSnapshot('bieu-01-mn-dn_2020.xlsx', csdl01mn({ values })))!;

  it('is 01 MN with four ownership columns', () => {
    expect(r.bieu.template).toBe('CSDL-01MN');
    expect(r.sheets.find((s) => s.name === 'Học sinh')!.columns.filter((c) => c.measure === 'ts').map((c) => c.ownership)).toEqual(['tong', 'cl', 'tt', 'dl']);
    expect(r.missingSheets).toEqual(['Ngân sách']);
  });

  it('finds the three subtotals and the subgroup larger than its parent', () => {
    const sums = r.findings.filter((f) => f.rule === 'csdl_tong_khac_thanh_phan' && /Công lập – tổng số/.test(f.message.vi));
    expect(sums.map((f) => [f.message.vi.match(/Mã số (\d+)/)![1], f.actual, f.expected])).toEqual([['55', 47, 34], ['83', 23, 7], ['101', 7, 10]]);
    const sub = r.findings.filter((f) => f.rule === 'csdl_nhom_vuot_cha' && /Mã số 90 /.test(f.message.vi));
    expect(sub.map((f) => [f.actual, f.expected])).toEqual([[7, 6], [7, 6]]);
  });

  it('the nutrition of mẫu giáo (Mã số 112–116) becomes a DINH_DUONG row', () => {
    const { parsed } = checkSnapshot(toSnapshot('bieu-01-mn-dn_2020.xlsx', csdl01mn({ values })), { fileName: 'bieu-01-mn-dn_2020.xlsx' });
    const dd = parsed.sheets.find((s) => s.template === 'DINH_DUONG')!;
    expect(dd.records).toHaveLength(1);
    expect(dd.records[0].fields.tong_so_tre.value).toBe(7);
    expect(dd.records[0].fields.sdd_nhe_can.value).toBe(1);
    expect(dd.records[0].fields.thua_can_beo_phi.value).toBe(2);
  });
});
