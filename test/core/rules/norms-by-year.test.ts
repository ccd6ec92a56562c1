/**
 * Norms by school year (issue 14): each teacher norm row carries its validity period, and the one in
 * force for the report's school year is used and cited. TT 20/2023 and TT 19/2023 are in force from
 * 16/12/2023 (REGULATIONS §5.2); before, TT 16/2017 (schools) and TTLT 06/2015 (preschool). A school
 * year is judged at its end, 31 May of its second year: 2022–2023 → 31/5/2023 (earlier norm),
 * 2023–2024 → 31/5/2024 (the 2023 circulars).
 */
import { schoolYearReferenceDate, teacherNormIn, TEACHER_NORMS } from '../../../src/core/indicators/norms';
import { checkSnapshot } from '../../../src/core/rules';
import { buildReport } from '../../../src/core/report/build';
import { toSnapshot } from '../../fixtures/builder';
import { buildSheets, cleanData } from '../../fixtures/clean';

describe('teacher norms by school year', () => {
  test('the reference day of a school year', () => {
    expect(schoolYearReferenceDate('2023-2024')).toBe('2024-05-31');
    expect(schoolYearReferenceDate('2022 - 2023')).toBe('2023-05-31');
    expect(schoolYearReferenceDate('2023-2023')).toBeNull();
    expect(schoolYearReferenceDate(undefined)).toBeNull();
  });

  test('the row in force: earlier circulars up to 2022–2023, the 2023 ones from 2023–2024', () => {
    for (const y of ['2021-2022', '2022-2023']) {
      expect(teacherNormIn('THCS', y)!.source).toBe('TT 16/2017/TT-BGDĐT');
      expect(teacherNormIn('TH_2', y)!.source).toBe('TT 16/2017/TT-BGDĐT');
      expect(teacherNormIn('MG', y)!.source).toBe('TTLT 06/2015/TTLT-BGDĐT-BNV');
    }
    for (const y of ['2023-2024', '2024-2025']) {
      expect(teacherNormIn('THCS', y)!.source).toBe('TT 20/2023/TT-BGDĐT');
      expect(teacherNormIn('MG', y)!.source).toBe('TT 19/2023/TT-BGDĐT');
    }
    // the values did not change (REGULATIONS §5.2): 1,9 GV/lớp THCS, 1,5 TH two sessions
    expect(teacherNormIn('THCS', '2022-2023')!.value).toBe(1.9);
    expect(teacherNormIn('TH_2', '2022-2023')!.value).toBe(1.5);
    // no year: the norm in force now
    expect(teacherNormIn('THCS', null)).toBe(TEACHER_NORMS.THCS);
    // every row says when it holds; the periods of one norm meet without a gap
    expect(TEACHER_NORMS.THCS.validFrom).toBe('2023-12-16');
    expect(teacherNormIn('THCS', '2022-2023')!.validTo).toBe('2023-12-15');
  });

  function findingsFor(year: string) {
    const d = cleanData();
    for (const s of Object.values(d)) if (s.opts?.title) s.opts.title = ['Đơn vị: Phòng GD&ĐT Quận Mẫu', `Năm học: ${year.replace('-', ' - ')}`];
    // the THCS school (row 3): 40 teachers for 20 classes = 2 GV/lớp > 1,9; total 42 + 22 + 40 = 104
    d.QUY_MO.rows[2].so_gv = 40;
    d.QUY_MO.opts.total = { ...(d.QUY_MO.opts.total as object), so_gv: 102 - 38 + 40 };
    return checkSnapshot(toSnapshot(`${year}.xlsx`, buildSheets(d)));
  }

  test('the check and the report of 2022–2023 cite TT 16/2017; of 2023–2024 TT 20/2023', () => {
    const old = findingsFor('2022-2023');
    const f22 = old.findings.find((f) => f.rule === 'gv_tren_lop')!;
    expect(f22.message.vi).toContain('2 giáo viên/lớp, cao hơn định mức 1,9 (Trung học cơ sở, TT 16/2017/TT-BGDĐT)');
    expect(f22.source).toBe('TT 16/2017/TT-BGDĐT');
    const now = findingsFor('2023-2024');
    const f23 = now.findings.find((f) => f.rule === 'gv_tren_lop')!;
    expect(f23.message.vi).toContain('2 giáo viên/lớp, cao hơn định mức 1,9 (Trung học cơ sở, TT 20/2023/TT-BGDĐT)');
    expect(f23.source).toBe('TT 20/2023/TT-BGDĐT');
    // the report's appendix cites the same
    const text = (r: ReturnType<typeof findingsFor>) =>
      buildReport({ current: r.parsed, findings: r.findings }).sections.find((s) => s.id === 'canh_bao')!.tables.flatMap((t) => t.rows.flatMap((row) => row.map((c) => c.text))).join('\n');
    expect(text(old)).toContain('TT 16/2017/TT-BGDĐT');
    expect(text(old)).not.toContain('TT 20/2023');
    expect(text(now)).toContain('TT 20/2023/TT-BGDĐT');
  });
});
