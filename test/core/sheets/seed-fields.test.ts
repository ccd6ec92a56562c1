/**
 * Fields added for the seeds' printed figures (PC_MN5 crèche and 3–5 rates, DINH_DUONG phục hồi rates,
 * DOI_NGU GV đạt chuẩn, KET_QUA tốt nghiệp and nghề phổ thông) and level targets of CHI_TIEU.
 */
import { matchHeader } from '../../../src/core/sheets/read';
import { parseTargetLevel, parseTargetRange, TEMPLATES } from '../../../src/core/sheets/templates';

const fieldOf = (template: string, header: string) => matchHeader(header).find((m) => m.template === template)?.field ?? null;

describe('headers as printed in the seeds and the samples', () => {
  test.each([
    ['PC_MN5', 'Tỷ lệ trẻ 3-5 tuổi ra lớp', 'ty_le_3_5t_ra_lop'],
    ['PC_MN5', 'Tỉ lệ trẻ từ 3-5 tuổi học mẫu giáo', 'ty_le_3_5t_ra_lop'],
    ['PC_MN5', 'Tỷ lệ huy động trẻ nhà trẻ', 'ty_le_0_2t_ra_lop'],
    ['PC_MN5', 'Trẻ 0-2 tuổi', 'tre_0_2t'],
    ['PC_MN5', 'Trẻ nhà trẻ ra lớp', 'tre_0_2t_ra_lop'],
    ['PC_MN5', 'Tỷ lệ huy động trẻ ra lớp', 'ty_le_0_5t_ra_lop'],
    ['DINH_DUONG', 'Tỷ lệ phục hồi SDD thể nhẹ cân (so với đầu vào)', 'ty_le_phuc_hoi_sdd_nhe_can'],
    ['DINH_DUONG', 'Ty le phuc hoi Thua can - beo phi (so voi dau vao)', 'ty_le_phuc_hoi_thua_can_beo_phi'],
    ['DINH_DUONG', 'Tỷ lệ SDD thể nhẹ cân', 'ty_le_sdd_nhe_can'],
    ['DOI_NGU', 'GV đạt chuẩn trình độ', 'gv_dat_chuan'],
    ['DOI_NGU', 'Tỷ lệ giáo viên đạt chuẩn trình độ đào tạo', 'ty_le_gv_dat_chuan'],
    ['KET_QUA', 'Tỷ lệ tốt nghiệp', 'ty_le_tn'],
    ['KET_QUA', 'Dự thi nghề phổ thông', 'nghe_pt_du_thi'],
    ['KET_QUA', 'Nghề PT khá, giỏi', 'nghe_pt_kha_gioi'],
    ['KET_QUA', 'Tỷ lệ nghề phổ thông khá, giỏi', 'ty_le_nghe_pt_kha_gioi'],
  ])('%s: "%s" → %s', (template, header, field) => {
    expect(fieldOf(template, header)).toBe(field);
  });

  test('a rate header never lands on its count and the other way round', () => {
    expect(fieldOf('DOI_NGU', 'Tỷ lệ GV đạt chuẩn trình độ')).not.toBe('gv_dat_chuan');
    expect(fieldOf('DINH_DUONG', 'Phục hồi SDD thể nhẹ cân')).toBe('phuc_hoi_sdd_nhe_can');
  });

  test('the new rates are printed rates with their numerator and denominator', () => {
    const f = (t: string, id: string) => TEMPLATES.find((x) => x.id === t)!.fields.find((x) => x.id === id)!;
    expect(f('PC_MN5', 'ty_le_3_5t_ra_lop')).toMatchObject({ type: 'rate', printed: true, rateOf: { numerator: ['tre_3_5t_ra_lop'], denominator: ['tre_3_5t'], minus: ['mien_giam_3_5t'] } });
    expect(f('DOI_NGU', 'ty_le_gv_dat_chuan')).toMatchObject({ printed: true, rateOf: { numerator: ['gv_dat_chuan'], denominator: ['so_gv'] } });
    expect(f('DINH_DUONG', 'ty_le_phuc_hoi_sdd_gay_com')).toMatchObject({ printed: true, rateOf: { numerator: ['phuc_hoi_sdd_gay_com'], denominator: ['sdd_gay_com'] } });
  });

  test('field ids stay unique within each template', () => {
    for (const t of TEMPLATES) {
      const ids = t.fields.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('parseTargetLevel', () => {
  test.each([
    ['Mức độ 3', 3],
    ['mức 2', 2],
    ['MỨC ĐỘ 1', 1],
    ['Đạt chuẩn mức độ 2', 2],
    ['Đạt mức độ 3', 3],
    ['Mức độ III', 3],
    ['Đạt chuẩn', 1],
    ['Muc do 2', 2],
  ])('"%s" → %i', (text, level) => {
    expect(parseTargetLevel(text)).toEqual({ level });
  });
  test.each([['96-97%'], ['Mức độ'], ['mức khá'], ['3'], [''], ['Trên 95%']])('"%s" is not a level', (text) => {
    expect(parseTargetLevel(text)).toBeNull();
  });
  test('non-text values are not levels; ranges still parse as ranges', () => {
    expect(parseTargetLevel(3)).toBeNull();
    expect(parseTargetLevel(null)).toBeNull();
    expect(parseTargetRange('Mức độ 3')).toBeNull();
  });
});
