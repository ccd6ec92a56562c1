/**
 * A folder of forms → the report: every commune's level (from counts, or from printed rates where
 * the commune sent no age matrix), the higher unit's level, and the lines that say which.
 */
import { addFormsNotes, communesOfForms, formsSheets, readFormSheet } from '../../../src/core/pcgdForms';
import type { FormReading } from '../../../src/core/pcgdForms';
import { buildReport } from '../../../src/core/report/build';
import { toSheetSnapshot } from '../../fixtures/builder';
import type { SheetSpec } from '../../fixtures/builder';
import { th02, thM1 } from '../../fixtures/pcgdForms';

function read(spec: SheetSpec, file: string): FormReading {
  return readFormSheet(toSheetSnapshot(spec), file)!;
}

const m1 = read(thM1({
  commune: 'phường Thành Vinh', year: 2025,
  tong: { 6: 120, 11: 100, 14: 90 }, ppc: { 6: 120, 11: 100, 12: 105, 13: 98, 14: 90 },
  grade: { 1: { 6: [115, 3, 2] }, 5: { 11: [9, 1, 0] } },
  htctth: { 11: [85, 5, 0], 12: [95, 3, 1], 13: [93, 2, 0], 14: [86, 2, 0] },
}), '1. PCGD_2025_TH_M1_phường Thành Vinh.xls');
// Xã Hưng Lộc sent TH-02 only: 96,50% of 6-year-olds in lớp 1 → at most level 2 (printed 2).
const hl = read(th02({ commune: 'xã Hưng Lộc', year: 2025, h: 193, i: 96.5, j: 184, k: 92, level: 2 }), '2. PCGD_2025_TH-02_xã Hưng Lộc.xls');
// Xã Nghi Phú: TH-02 prints 88,00% of 6-year-olds (< 90%): level 0 whatever else.
const np = read(th02({ commune: 'xã Nghi Phú', year: 2025, h: 88, i: 88, j: 90, k: 90, level: 'Không đạt' }), '2. PCGD_2025_TH-02_xã Nghi Phú.xls');

describe('three communes\' TH forms', () => {
  const run = communesOfForms([m1, hl, np]);
  const ws = formsSheets(run, 'Tỉnh Nghệ An');
  const model = buildReport({ current: { file: 'PCGD', sheets: ws.sheets, unrecognised: [], findings: [] }, findings: run.findings });
  addFormsNotes(model, run);
  const pc = model.sections.find((s) => s.id === 'pho_cap')!;
  const units = (pc.data.units as { ten_xa: string; programme: string; level: number | null; basis?: string; rates: Record<string, number | null> }[]).filter((u) => u.programme === 'TH');

  it('levels: Thành Vinh 3 from counts, Hưng Lộc 2 from printed rates, Nghi Phú 0', () => {
    expect(units.map((u) => [u.ten_xa, u.level, u.basis])).toEqual([
      ['phường Thành Vinh', 3, 'counts'],
      ['xã Hưng Lộc', 2, 'printed-rates'],
      ['xã Nghi Phú', 0, 'printed-rates'],
    ]);
    expect(units[1].rates.TH_6_LOP1).toBeCloseTo(0.965, 6);
  });

  it('the higher unit: 2 of 3 communes at level ≥ 1 is 66,67% < 90%: Không đạt', () => {
    expect((pc.data.overall as Record<string, number | null>).TH).toBe(0);
    expect(run.unit.levels.TH!.level).toBe(0);
  });

  it('the section says which level came from what, and what could not be verified', () => {
    const text = pc.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('phường Thành Vinh – TH: Mức độ 3 (tính lại từ số liệu đếm trên biểu TH-M1)');
    expect(text).toMatch(/xã Hưng Lộc – TH: Mức độ 2 \(tính lại từ các tỷ lệ in trên biểu TH-02.*\); chưa kiểm được: tỷ lệ trẻ 14 tuổi hoàn thành chương trình tiểu học; số trẻ 11 tuổi còn lại đang học tiểu học/);
  });
});
