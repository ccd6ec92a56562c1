/**
 * The standard sheets of spec/SHEETS.md as data: every field with its usual header, aliases, type and
 * enum synonyms. The reader, the rules, the blank-template writer and the docs all read these tables;
 * adding a field means adding one line here (plus its test).
 */
import type { FieldDef, FieldType, TemplateDef, TemplateId } from './types';
import { parseLevel } from '../parse/level';
import { parseVnNumber } from '../parse/number';
import { indicatorMeasure, minusOf } from '../indicators/measures';
import { XMC_BANDS } from '../indicators/table';

type Extra = Partial<Omit<FieldDef, 'id' | 'header' | 'type'>>;

function field(id: string, type: FieldType, header: string, aliases: string[] = [], extra: Extra = {}): FieldDef {
  return { id, type, header, ...(aliases.length ? { aliases } : {}), ...extra };
}
const count = (id: string, header: string, aliases: string[] = [], extra: Extra = {}) => field(id, 'count', header, aliases, extra);
const text = (id: string, header: string, aliases: string[] = [], extra: Extra = {}) => field(id, 'text', header, aliases, extra);
const code = (id: string, header: string, aliases: string[] = [], extra: Extra = {}) => field(id, 'code', header, aliases, extra);

/** A printed rate column "Tỷ lệ …": numerator / (denominator − minus). */
function rate(id: string, header: string, aliases: string[], numerator: string[], denominator: string[], minus: string[] = [], en?: string): FieldDef {
  return field(id, 'rate', header, aliases, { printed: true, rateOf: { numerator, denominator, ...(minus.length ? { minus } : {}) }, ...(en ? { en } : {}) });
}

/** The printed rate column of an indicator: its figures are the indicator table's (indicators/table.ts). */
function indicatorRate(id: string, indicator: string, header: string, aliases: string[], en?: string, band?: string): FieldDef {
  const m = indicatorMeasure(indicator, band);
  return rate(id, header, aliases, m.fields.numerator, [m.fields.cohort], minusOf(m.fields), en);
}

/* ---------------------------------------------------------------- enums */

export const CAP_HOC_VALUES: Record<string, string[]> = {
  MN: ['Mầm non', 'Mẫu giáo', 'Nhà trẻ', 'GDMN', 'Trường mầm non'],
  TH: ['Tiểu học', 'Cấp 1', 'Cấp I', 'GDTH'],
  THCS: ['Trung học cơ sở', 'Cấp 2', 'Cấp II'],
  THPT: ['Trung học phổ thông', 'Cấp 3', 'Cấp III'],
  'TH-THCS': ['TH và THCS', 'Tiểu học và THCS', 'Tiểu học - THCS', 'Tiểu học và trung học cơ sở', 'Liên cấp', 'Liên cấp TH-THCS', 'TH, THCS', 'TH&THCS'],
  'THCS-THPT': ['THCS và THPT', 'Liên cấp THCS-THPT', 'THCS, THPT', 'THCS&THPT', 'Trung học'],
  'TH-THCS-THPT': ['TH, THCS và THPT', 'Liên cấp TH-THCS-THPT', 'Phổ thông nhiều cấp học', 'Nhiều cấp học', 'TH-THCS và THPT'],
  GDTX: ['Giáo dục thường xuyên', 'GDNN-GDTX', 'TT GDNN-GDTX', 'Trung tâm GDNN-GDTX', 'Trung tâm GDTX'],
  GDCB: ['Chuyên biệt', 'Giáo dục chuyên biệt', 'Trường chuyên biệt', 'GD chuyên biệt'],
};

export const LOAI_HINH_VALUES: Record<string, string[]> = {
  CL: ['Công lập', 'Cong lap', 'Trường công lập'],
  NCL: ['Ngoài công lập', 'Tư thục', 'Dân lập', 'Tư thục, dân lập', 'Ngoài CL', 'Trường tư thục'],
  DL: ['Độc lập', 'Nhóm lớp độc lập', 'Nhóm/lớp độc lập', 'Nhóm, lớp độc lập', 'Nhóm trẻ độc lập', 'Lớp mẫu giáo độc lập', 'Nhóm trẻ, lớp mẫu giáo độc lập', 'NLĐL'],
};

export const NHOM_TUOI_VALUES: Record<string, string[]> = {
  NT: ['Nhà trẻ', 'Nhóm trẻ', 'Trẻ nhà trẻ'],
  MG: ['Mẫu giáo', 'Lớp mẫu giáo', 'Trẻ mẫu giáo'],
  TONG: ['Toàn trường', 'Chung', 'Cả trường'],
};

export const THOI_DIEM_VALUES: Record<string, string[]> = {
  dau_nam: ['Đầu năm', 'Đầu vào', 'Đầu năm học', 'Đầu kỳ', 'Lần 1'],
  cuoi_nam: ['Cuối năm', 'Đầu ra', 'Cuối năm học', 'Cuối kỳ', 'Lần cuối'],
  phuc_hoi: ['Phục hồi', 'Đã phục hồi', 'Phục hồi (đã xóa)', 'Đã xóa'],
};

const cap_hoc = field('cap_hoc', 'enum', 'Cấp học', ['Bậc học', 'Cấp', 'Cấp học/Loại trường'], { values: CAP_HOC_VALUES, en: 'Education level', sample: 'TH' });
const loai_hinh = field('loai_hinh', 'enum', 'Loại hình', ['Loại hình trường', 'Loại trường', 'Công lập/Ngoài công lập', 'CL/NCL'], { values: LOAI_HINH_VALUES, en: 'Ownership', sample: 'CL' });
const ma_truong = code('ma_truong', 'Mã trường', ['Mã đơn vị', 'Mã CSGD', 'Mã trường học', 'Mã số trường', 'Mã cơ sở giáo dục', 'Mã CSDL', 'Mã'], { required: true, en: 'School code', sample: '79771401' });
const ten_truong = text('ten_truong', 'Tên trường', ['Tên đơn vị', 'Trường', 'Tên trường học', 'Tên cơ sở giáo dục', 'Tên CSGD', 'Đơn vị', 'Cơ sở giáo dục'], { required: true, en: 'School name', sample: 'Trường Tiểu học Mẫu' });
const ma_xa = code('ma_xa', 'Mã xã', ['Mã phường', 'Mã xã/phường', 'Mã phường/xã', 'Mã xã, phường', 'Mã ĐVHC', 'Mã đơn vị hành chính'], { en: 'Commune code', sample: '26881' });
const ten_xa = text('ten_xa', 'Xã, phường', ['Phường', 'Xã', 'Tên xã', 'Tên phường', 'Xã/phường', 'Phường/xã', 'Phường, xã', 'Tên xã/phường', 'Tên xã, phường', 'Tên phường/xã', 'Đơn vị hành chính', 'Xã/phường/thị trấn', 'Xã, phường, thị trấn'], { en: 'Commune/ward', sample: 'Phường Mẫu' });
const dbkk = field('dbkk', 'bool', 'Xã ĐBKK', ['ĐBKK', 'Đặc biệt khó khăn', 'Xã đặc biệt khó khăn', 'Xã ĐBKK (có/không)', 'Xã vùng ĐBKK'], { blankAs: false, en: 'Especially disadvantaged commune', sample: 'không' });
const nam_hoc = text('nam_hoc', 'Năm học', ['Năm', 'Năm báo cáo'], { en: 'School year' });
const chuyen_di = count('chuyen_di', 'Chuyển đi', ['Số chuyển đi', 'Trẻ chuyển đi'], { en: 'Moved away' });
const chet = count('chet', 'Chết', ['Số chết', 'Trẻ chết', 'Đã chết'], { en: 'Deceased' });
const muc_do = field('muc_do', 'level', 'Mức độ đạt chuẩn', ['Mức độ', 'Mức đạt chuẩn', 'Đạt chuẩn mức độ', 'Kết quả', 'Mức độ đạt', 'Đạt mức độ'], { printed: true, min: 0, max: 3, en: 'Level achieved (printed)' });

/* ---------------------------------------------------------------- QUY_MO */

const gradeFields: FieldDef[] = Array.from({ length: 12 }, (_, i) => {
  const k = i + 1;
  return count(`hs_lop_${k}`, `Lớp ${k}`, [`HS lớp ${k}`, `Khối ${k}`, `Học sinh lớp ${k}`, `Số HS lớp ${k}`, `Khối lớp ${k}`], { en: `Grade ${k} pupils` });
});

const QUY_MO: TemplateDef = {
  id: 'QUY_MO',
  title: 'Quy mô trường lớp',
  titleEn: 'Network scale (schools, classes, pupils)',
  rowUnit: 'trường',
  sheetName: 'QUY_MO',
  key: ['ma_truong'],
  requireOneOf: [['ma_xa', 'ten_xa']],
  // A summary whose rows are categories (cấp học × loại hình, or communes) has no school code.
  alsoQualifies: [{ required: ['so_truong', 'so_lop', 'so_hoc_sinh'], requireOneOf: [['cap_hoc', 'loai_hinh', 'ma_xa', 'ten_xa', 'ten_truong']] }],
  fields: [
    ma_truong,
    ten_truong,
    cap_hoc,
    loai_hinh,
    ma_xa,
    ten_xa,
    count('so_truong', 'Số trường', ['Số cơ sở', 'Số đơn vị', 'Tổng số trường'], { en: 'Schools (aggregated rows; a school row counts 1)' }),
    count('so_lop', 'Số lớp', ['Số nhóm, lớp', 'Số nhóm/lớp', 'Số lớp/nhóm', 'Tổng số lớp', 'Số nhóm lớp', 'Lớp', 'TS lớp', 'Số lớp, nhóm'], { required: true, en: 'Classes', sample: 20 }),
    count('so_hoc_sinh', 'Số học sinh', ['Số trẻ', 'Tổng số HS', 'TS HS', 'Tổng số học sinh', 'Số HS', 'Tổng số trẻ', 'Học sinh', 'Số học sinh, trẻ', 'Số trẻ, học sinh', 'Tổng số học sinh, trẻ'], { required: true, en: 'Pupils', sample: 700 }),
    ...gradeFields,
    count('tre_nha_tre', 'Nhà trẻ', ['Trẻ nhà trẻ', 'Số trẻ nhà trẻ', 'Nhóm trẻ', 'Trẻ nhóm trẻ'], { en: 'Crèche children' }),
    count('tre_mau_giao', 'Mẫu giáo', ['Trẻ mẫu giáo', 'Số trẻ mẫu giáo', 'Lớp mẫu giáo'], { en: 'Kindergarten children' }),
    count('tre_5_tuoi', 'Trẻ 5 tuổi', ['MG 5-6 tuổi', 'Mẫu giáo 5-6 tuổi', 'Trẻ 5-6 tuổi', 'Trẻ mẫu giáo 5 tuổi', '5 tuổi'], { en: 'Five-year-olds' }),
    count('hs_nu', 'Nữ', ['HS nữ', 'Học sinh nữ', 'Số HS nữ', 'Trẻ nữ', 'Trong đó nữ'], { en: 'Girls' }),
    count('hs_dan_toc', 'Dân tộc', ['HS dân tộc', 'Dân tộc thiểu số', 'HS dân tộc thiểu số', 'Trẻ dân tộc'], { en: 'Ethnic minority pupils' }),
    count('hs_khuyet_tat', 'Khuyết tật', ['Khuyết tật hòa nhập', 'HS khuyết tật', 'Khuyết tật (hòa nhập)', 'Trẻ khuyết tật', 'HS khuyết tật hòa nhập'], { en: 'Pupils with disabilities (inclusive)' }),
    count('hs_2_buoi', 'Học 2 buổi/ngày', ['2 buổi/ngày', 'Học 2 buổi', 'HS học 2 buổi/ngày', 'Số HS học 2 buổi/ngày', 'Hai buổi/ngày', 'Học 2 buổi/ ngày'], { en: 'Two sessions a day' }),
    count('hs_ban_tru', 'Bán trú', ['HS bán trú', 'Học bán trú', 'Số HS bán trú', 'Trẻ bán trú'], { en: 'Boarding at lunch' }),
    count('so_cbql', 'CBQL', ['Cán bộ quản lý', 'Số CBQL', 'Quản lý'], { en: 'Managers' }),
    count('so_gv', 'Giáo viên', ['GV', 'Số giáo viên', 'Số GV', 'Tổng số giáo viên'], { en: 'Teachers' }),
    count('so_nv', 'Nhân viên', ['NV', 'Số nhân viên', 'Số NV'], { en: 'Support staff' }),
    count('so_truong_chuan_qg', 'Số trường đạt chuẩn quốc gia', ['Số trường đạt chuẩn QG', 'Số trường chuẩn quốc gia', 'Trường đạt chuẩn quốc gia (số trường)', 'Số trường đạt CQG'], { en: 'Schools at the national standard (aggregated rows)' }),
    count('so_truong_kdcl', 'Số trường đạt kiểm định chất lượng', ['Số trường đạt KĐCL', 'Số trường được kiểm định', 'Số trường kiểm định chất lượng', 'Số trường đạt kiểm định'], { en: 'Accredited schools (aggregated rows)' }),
    count('so_phong_hoc', 'Số phòng học', ['Phòng học', 'Tổng số phòng học'], { en: 'Classrooms' }),
    field('chuan_qg', 'number', 'Chuẩn quốc gia', ['Chuẩn quốc gia (mức độ)', 'Đạt chuẩn quốc gia', 'Mức chuẩn quốc gia', 'Trường chuẩn quốc gia', 'CQG', 'Chuẩn QG'], { blankAs: 0, min: 0, max: 2, en: 'National standard level (0–2)', sample: 1 }),
    field('kdcl', 'number', 'Kiểm định chất lượng', ['Kiểm định chất lượng (cấp độ)', 'Kiểm định CLGD', 'KĐCL', 'Cấp độ kiểm định', 'Kiểm định chất lượng giáo dục', 'Cấp độ KĐCL'], { min: 0, max: 4, en: 'Accreditation level (0–4)', sample: 2 }),
    nam_hoc,
  ],
};

/* ---------------------------------------------------------------- phổ cập */

const communeKey = { key: ['ma_xa'], requireOneOf: [['ma_xa', 'ten_xa']] };
/** ma_xa/ten_xa are "one of the two required" on commune sheets. */
const communeFields: FieldDef[] = [ma_xa, ten_xa, dbkk];

const PC_MN5: TemplateDef = {
  id: 'PC_MN5',
  title: 'Phổ cập giáo dục mầm non cho trẻ em 5 tuổi',
  titleEn: 'Universal preschool education for 5-year-olds',
  rowUnit: 'xã',
  sheetName: 'PC_MN5',
  ...communeKey,
  fields: [
    ...communeFields,
    count('tre_5t', 'Tổng số trẻ 5 tuổi', ['Trẻ 5 tuổi', 'Số trẻ 5 tuổi', 'Dân số 5 tuổi', 'Tổng số trẻ em 5 tuổi', 'Trẻ em 5 tuổi'], { required: true, en: '5-year-olds (cohort)', sample: 800 }),
    count('mien_giam_5t', 'Miễn giảm 5 tuổi', ['Miễn giảm', 'Trẻ 5 tuổi miễn giảm', 'Khuyết tật không có khả năng học tập', 'Số trẻ miễn giảm'], { en: 'Exempt', sample: 2 }),
    count('tre_5t_ra_lop', 'Trẻ 5 tuổi ra lớp', ['Ra lớp', 'Trẻ 5 tuổi đang học', 'Số trẻ 5 tuổi ra lớp', 'Trẻ 5 tuổi đến lớp', 'Đang học', 'Trẻ em 5 tuổi đến lớp', 'Ra lớp, đang học'], { required: true, en: 'Attending', sample: 797 }),
    count('tre_5t_hoan_thanh', 'Trẻ 5 tuổi hoàn thành CT GDMN', ['Hoàn thành chương trình GDMN', 'Hoàn thành CT GDMN', 'Trẻ 5 tuổi hoàn thành chương trình GDMN', 'HTCT GDMN', 'Hoàn thành chương trình giáo dục mầm non', 'Hoàn thành'], { en: 'Completed the preschool programme', sample: 790 }),
    chuyen_di,
    chet,
    count('tre_3_5t', 'Trẻ 3-5 tuổi', ['Tổng số trẻ 3-5 tuổi', 'Trẻ em 3-5 tuổi', 'Dân số 3-5 tuổi', 'Trẻ từ 3 đến 5 tuổi'], { en: '3–5-year-olds' }),
    count('mien_giam_3_5t', 'Miễn giảm 3-5 tuổi', ['Trẻ 3-5 tuổi miễn giảm'], { en: 'Exempt 3–5' }),
    count('tre_3_5t_ra_lop', 'Trẻ 3-5 tuổi ra lớp', ['Trẻ 3-5 tuổi đang học', 'Trẻ 3-5 tuổi đến lớp'], { en: '3–5 attending' }),
    count('tre_0_2t', 'Trẻ 0-2 tuổi', ['Trẻ độ tuổi nhà trẻ', 'Tổng số trẻ 0-2 tuổi', 'Trẻ em 0-2 tuổi', 'Dân số 0-2 tuổi', 'Trẻ trong độ tuổi nhà trẻ'], { en: '0–2-year-olds (crèche age)' }),
    // Denominator of the completion rate when it is counted on the 6-year-olds (form MN-02, register input).
    count('tre_6t_mn', 'Trẻ 6 tuổi (mẫu số hoàn thành CT GDMN)', [], { en: '6-year-olds (denominator of preschool completion, MN-02)' }),
    count('mien_giam_6t_mn', 'Miễn giảm 6 tuổi (mẫu số hoàn thành CT GDMN)', [], { en: 'Exempt 6-year-olds (MN-02 completion)' }),
    count('tre_0_2t_ra_lop', 'Trẻ nhà trẻ ra lớp', ['Trẻ 0-2 tuổi ra lớp', 'Trẻ nhà trẻ được huy động', 'Trẻ 0-2 tuổi đến lớp', 'Trẻ nhà trẻ đến lớp'], { en: 'Crèche-age children attending' }),
    // Attending 5-year-olds are tre_5t_ra_lop above.
    ...[3, 4, 5].flatMap((a) => [
      ...(a === 5 ? [] : [count(`tre_${a}t_dang_hoc`, `Trẻ ${a} tuổi đang học`, [`Trẻ ${a} tuổi ra lớp`, `Trẻ ${a} tuổi đến lớp`], { en: `${a}-year-olds attending` })]),
      count(`tre_${a}t_hoan_thanh_theo_do_tuoi`, `Trẻ ${a} tuổi hoàn thành CT theo độ tuổi`, [`Trẻ ${a} tuổi hoàn thành chương trình theo độ tuổi`, `Hoàn thành CT ${a} tuổi`], { en: `${a}-year-olds completing the age programme` }),
    ]),
    indicatorRate('ty_le_5t_ra_lop', 'MN5_HUYDONG', 'Tỷ lệ trẻ 5 tuổi ra lớp', ['Tỷ lệ ra lớp', 'Tỷ lệ huy động', 'Tỷ lệ huy động trẻ 5 tuổi', 'Tỷ lệ trẻ 5 tuổi đến lớp'], '5-year-olds attending, % (printed)'),
    indicatorRate('ty_le_3_5t_ra_lop', 'MN35_HUYDONG', 'Tỷ lệ trẻ 3-5 tuổi ra lớp', ['Tỷ lệ trẻ 3-5 tuổi đến lớp', 'Tỷ lệ trẻ 3-5 tuổi học mẫu giáo', 'Tỷ lệ huy động trẻ 3-5 tuổi', 'Tỷ lệ trẻ từ 3-5 tuổi học mẫu giáo', 'Tỷ lệ trẻ 3-5 tuổi đang học'], '3–5-year-olds attending, % (printed)'),
    rate('ty_le_0_2t_ra_lop', 'Tỷ lệ huy động trẻ nhà trẻ', ['Tỷ lệ trẻ nhà trẻ ra lớp', 'Tỷ lệ trẻ 0-2 tuổi ra lớp', 'Tỷ lệ huy động trẻ 0-2 tuổi', 'Tỷ lệ trẻ nhà trẻ đến lớp'], ['tre_0_2t_ra_lop'], ['tre_0_2t'], [], 'Crèche-age children attending, % (printed)'),
    rate('ty_le_0_5t_ra_lop', 'Tỷ lệ huy động trẻ mầm non', ['Tỷ lệ huy động trẻ ra lớp', 'Tỷ lệ trẻ mầm non ra lớp', 'Tỷ lệ huy động trẻ nhà trẻ và mẫu giáo', 'Tỷ lệ trẻ 0-5 tuổi ra lớp'], ['tre_0_2t_ra_lop', 'tre_3_5t_ra_lop'], ['tre_0_2t', 'tre_3_5t'], ['mien_giam_3_5t'], 'Preschool-age children attending (crèche + kindergarten), % (printed)'),
    indicatorRate('ty_le_5t_hoan_thanh', 'MN5_HOANTHANH', 'Tỷ lệ trẻ 5 tuổi hoàn thành CT GDMN', ['Tỷ lệ hoàn thành', 'Tỷ lệ hoàn thành chương trình GDMN', 'Tỷ lệ HTCT GDMN'], 'Completion, % of attending (printed)'),
    muc_do,
    nam_hoc,
  ],
};

const PC_TH: TemplateDef = {
  id: 'PC_TH',
  title: 'Phổ cập giáo dục tiểu học',
  titleEn: 'Universal primary education',
  rowUnit: 'xã',
  sheetName: 'PC_TH',
  ...communeKey,
  fields: [
    ...communeFields,
    count('tre_6t', 'Trẻ 6 tuổi', ['Tổng số trẻ 6 tuổi', 'Số trẻ 6 tuổi', 'Dân số 6 tuổi'], { required: true, en: '6-year-olds', sample: 900 }),
    count('mien_giam_6t', 'Miễn giảm 6 tuổi', ['Trẻ 6 tuổi miễn giảm'], { en: 'Exempt 6', sample: 1 }),
    count('tre_6t_lop1', 'Trẻ 6 tuổi học lớp 1', ['6 tuổi học lớp 1', 'Trẻ 6 tuổi vào lớp 1', 'Số trẻ 6 tuổi học lớp 1', 'Trẻ 6 tuổi đang học lớp 1'], { required: true, en: '6-year-olds in grade 1', sample: 895 }),
    count('tre_11t', 'Trẻ 11 tuổi', ['Tổng số trẻ 11 tuổi', 'Số trẻ 11 tuổi', 'Dân số 11 tuổi'], { required: true, en: '11-year-olds', sample: 850 }),
    count('mien_giam_11t', 'Miễn giảm 11 tuổi', ['Trẻ 11 tuổi miễn giảm'], { en: 'Exempt 11', sample: 2 }),
    count('tre_11t_htth', 'Trẻ 11 tuổi hoàn thành CTTH', ['11 tuổi hoàn thành CTTH', 'Trẻ 11 tuổi HTCTTH', 'Trẻ 11 tuổi hoàn thành chương trình tiểu học', '11 tuổi HTCTTH'], { required: true, en: '11-year-olds completed primary', sample: 830 }),
    count('tre_11t_dang_hoc_th', 'Trẻ 11 tuổi đang học tiểu học', ['11 tuổi còn lại đang học tiểu học', 'Trẻ 11 tuổi còn lại đang học tiểu học', 'Trẻ 11 tuổi đang học TH', '11 tuổi đang học tiểu học'], { en: '11-year-olds still in primary', sample: 18 }),
    count('tre_14t', 'Trẻ 14 tuổi', ['Tổng số trẻ 14 tuổi', 'Số trẻ 14 tuổi', 'Dân số 14 tuổi'], { en: '14-year-olds', sample: 780 }),
    count('mien_giam_14t', 'Miễn giảm 14 tuổi', ['Trẻ 14 tuổi miễn giảm'], { en: 'Exempt 14', sample: 3 }),
    count('tre_14t_htth', 'Trẻ 14 tuổi hoàn thành CTTH', ['14 tuổi hoàn thành CTTH', 'Trẻ 14 tuổi HTCTTH', 'Trẻ 14 tuổi hoàn thành chương trình tiểu học', '14 tuổi HTCTTH'], { en: '14-year-olds completed primary', sample: 776 }),
    count('tre_11_14t', 'Trẻ 11-14 tuổi', ['Tổng số trẻ 11-14 tuổi', 'Trẻ từ 11 đến 14 tuổi'], { en: '11–14-year-olds' }),
    count('mien_giam_11_14t', 'Miễn giảm 11-14 tuổi', ['Trẻ 11-14 tuổi miễn giảm'], { en: 'Exempt 11–14' }),
    count('tre_11_14t_htth', 'Trẻ 11-14 tuổi hoàn thành CTTH', ['Trẻ 11-14 tuổi HTCTTH', '11-14 tuổi hoàn thành CTTH'], { en: '11–14 completed primary' }),
    count('tre_6_14t', 'Trẻ 6-14 tuổi', ['Tổng số trẻ 6-14 tuổi', 'Trẻ từ 6 đến 14 tuổi', 'Trẻ 6-14 tuổi phải phổ cập'], { en: '6–14-year-olds' }),
    count('tre_6_14t_dang_hoc_th', 'Trẻ 6-14 tuổi đang học tiểu học', ['6-14 tuổi đang học tiểu học', 'Trẻ 6-14 tuổi đang học TH'], { en: '6–14 in primary' }),
    indicatorRate('ty_le_6t_lop1', 'TH_6_LOP1', 'Tỷ lệ trẻ 6 tuổi học lớp 1', ['Tỷ lệ 6 tuổi học lớp 1', 'Tỷ lệ trẻ 6 tuổi vào lớp 1']),
    indicatorRate('ty_le_11t_htth', 'TH_11_HTCT', 'Tỷ lệ trẻ 11 tuổi hoàn thành CTTH', ['Tỷ lệ 11 tuổi HTCTTH', 'Tỷ lệ trẻ 11 tuổi HTCTTH', 'Tỷ lệ 11 tuổi hoàn thành CTTH']),
    indicatorRate('ty_le_14t_htth', 'TH_14_HTCT', 'Tỷ lệ trẻ 14 tuổi hoàn thành CTTH', ['Tỷ lệ 14 tuổi HTCTTH', 'Tỷ lệ trẻ 14 tuổi HTCTTH', 'Tỷ lệ 14 tuổi hoàn thành CTTH']),
    indicatorRate('ty_le_11_14t_htth', 'TH_11_14_HTCT', 'Tỷ lệ trẻ 11-14 tuổi hoàn thành CTTH', ['Tỷ lệ 11-14 tuổi HTCTTH']),
    muc_do,
    nam_hoc,
  ],
};

const PC_THCS: TemplateDef = {
  id: 'PC_THCS',
  title: 'Phổ cập giáo dục trung học cơ sở',
  titleEn: 'Universal lower-secondary education',
  rowUnit: 'xã',
  sheetName: 'PC_THCS',
  ...communeKey,
  fields: [
    ...communeFields,
    count('tn_th_nam_truoc', 'HS hoàn thành CTTH năm học trước', ['Hoàn thành CTTH năm trước', 'HS HTCTTH năm học trước', 'HS hoàn thành chương trình tiểu học năm học trước', 'Hoàn thành chương trình tiểu học năm học trước'], { en: 'Completed primary last year', sample: 900 }),
    count('vao_lop6', 'Vào lớp 6', ['HS vào lớp 6', 'Số HS vào lớp 6', 'Tuyển mới lớp 6', 'Huy động vào lớp 6'], { en: 'Entered grade 6', sample: 900 }),
    count('hs_lop9', 'HS lớp 9 cuối năm', ['HS lớp 9', 'Học sinh lớp 9', 'Số HS lớp 9', 'Lớp 9 cuối năm'], { en: 'Grade 9 at year end', sample: 700 }),
    count('tn_thcs', 'Tốt nghiệp THCS', ['HS tốt nghiệp THCS', 'Số HS tốt nghiệp THCS', 'TN THCS', 'Tốt nghiệp trung học cơ sở'], { en: 'Lower-secondary graduates', sample: 700 }),
    count('tre_15_18t', 'Thanh thiếu niên 15-18 tuổi', ['Tổng số 15-18 tuổi', 'Dân số 15-18 tuổi', 'Độ tuổi 15-18', 'Số người 15-18 tuổi', '15-18 tuổi', 'Trẻ 15-18 tuổi'], { required: true, en: '15–18-year-olds', sample: 3000 }),
    count('mien_giam_15_18t', 'Miễn giảm 15-18 tuổi', ['15-18 tuổi miễn giảm'], { en: 'Exempt 15–18', sample: 5 }),
    count('tre_15_18t_tn_thcs', '15-18 tuổi có bằng TN THCS', ['Có bằng TN THCS', '15-18 tuổi tốt nghiệp THCS', 'Có bằng tốt nghiệp THCS', '15-18 tuổi có bằng tốt nghiệp THCS'], { required: true, en: '15–18 with lower-secondary diploma', sample: 2950 }),
    count('tre_15_18t_hoc_tiep', '15-18 tuổi đang học THPT, GDTX, GDNN', ['Đã và đang học THPT, GDTX, GDNN', '15-18 tuổi học tiếp', 'Đang học THPT, GDTX, GDNN', 'Học tiếp', '15-18 tuổi đã, đang học THPT, GDTX, GDNN'], { en: '15–18 in upper secondary / vocational', sample: 2700 }),
    indicatorRate('ty_le_vao_lop6', 'THCS_HUYDONG_L6', 'Tỷ lệ vào lớp 6', ['Tỷ lệ huy động vào lớp 6']),
    indicatorRate('ty_le_tn_thcs', 'THCS_TN_HANGNAM', 'Tỷ lệ tốt nghiệp THCS', ['Tỷ lệ TN THCS']),
    indicatorRate('ty_le_15_18t_tn_thcs', 'THCS_15_18_TN', 'Tỷ lệ 15-18 tuổi có bằng TN THCS', ['Tỷ lệ 15-18 tuổi tốt nghiệp THCS']),
    indicatorRate('ty_le_15_18t_hoc_tiep', 'THCS_15_18_HOCTIEP', 'Tỷ lệ 15-18 tuổi học tiếp', ['Tỷ lệ 15-18 tuổi đang học THPT, GDTX, GDNN']),
    muc_do,
    nam_hoc,
  ],
};

export { XMC_BANDS };

function xmcBand(band: string): FieldDef[] {
  const h = band.replace('_', '-');
  const [lo, hi] = band.split('_');
  return [
    count(`dan_so_${band}`, `Dân số ${h} tuổi`, [`Dân số ${h}`, `Dân số độ tuổi ${h}`, `Tổng số dân ${h} tuổi`, `Tổng số người ${h} tuổi`, `Dân số từ ${lo} đến ${hi} tuổi`, `Số người ${h} tuổi`], { required: band !== '15_25', en: `Population ${h}`, sample: band === '15_25' ? 9000 : band === '15_35' ? 18000 : 40000 }),
    count(`mien_giam_${band}`, `Miễn giảm ${h} tuổi`, [`Miễn giảm ${h}`, `Số miễn giảm ${h} tuổi`], { en: `Exempt ${h}`, sample: band === '15_25' ? 10 : band === '15_35' ? 30 : 70 }),
    count(`biet_chu_m1_${band}`, `Biết chữ mức độ 1 (${h} tuổi)`, [`Biết chữ mức độ 1 ${h}`, `Biết chữ mức 1 ${h}`, `Biết chữ M1 ${h}`, `Biết chữ mức độ 1 ${h} tuổi`, `${h} tuổi biết chữ mức độ 1`, `Biết chữ mức độ 1 độ tuổi ${h}`], { required: band !== '15_25', en: `Literate level 1, ${h}`, sample: band === '15_25' ? 8980 : band === '15_35' ? 17950 : 39800 }),
    count(`biet_chu_m2_${band}`, `Biết chữ mức độ 2 (${h} tuổi)`, [`Biết chữ mức độ 2 ${h}`, `Biết chữ mức 2 ${h}`, `Biết chữ M2 ${h}`, `Biết chữ mức độ 2 ${h} tuổi`, `${h} tuổi biết chữ mức độ 2`, `Biết chữ mức độ 2 độ tuổi ${h}`], { en: `Literate level 2, ${h}`, sample: band === '15_25' ? 8970 : band === '15_35' ? 17900 : 39500 }),
    indicatorRate(`ty_le_m1_${band}`, 'XMC_M1', `Tỷ lệ biết chữ mức độ 1 (${h} tuổi)`, [`Tỷ lệ biết chữ mức độ 1 ${h}`, `Tỷ lệ M1 ${h}`, `Tỷ lệ biết chữ M1 ${h}`], undefined, band),
    indicatorRate(`ty_le_m2_${band}`, 'XMC_M2', `Tỷ lệ biết chữ mức độ 2 (${h} tuổi)`, [`Tỷ lệ biết chữ mức độ 2 ${h}`, `Tỷ lệ M2 ${h}`, `Tỷ lệ biết chữ M2 ${h}`], undefined, band),
  ];
}

const XMC: TemplateDef = {
  id: 'XMC',
  title: 'Xóa mù chữ',
  titleEn: 'Adult literacy',
  rowUnit: 'xã',
  sheetName: 'XMC',
  ...communeKey,
  fields: [...communeFields, ...XMC_BANDS.flatMap(xmcBand), muc_do, nam_hoc],
};

const PC_BTH: TemplateDef = {
  id: 'PC_BTH',
  title: 'Phổ cập giáo dục bậc trung học',
  titleEn: 'Universal secondary education (HCMC)',
  rowUnit: 'xã',
  sheetName: 'PC_BTH',
  ...communeKey,
  fields: [
    ...communeFields,
    count('tn_thcs', 'Tốt nghiệp THCS', ['HS tốt nghiệp THCS', 'TN THCS', 'Tốt nghiệp THCS năm học trước'], { required: true, en: 'Lower-secondary graduates', sample: 700 }),
    count('vao_lop10_thpt', 'Vào lớp 10 THPT', ['Vào lớp 10', 'Vào lớp 10 các trường THPT', 'Vào THPT', 'Vào lớp 10 trung học phổ thông'], { required: true, en: 'Entered grade 10 (general)', sample: 590 }),
    count('vao_gdtx', 'Vào GDTX', ['Vào lớp 10 GDTX', 'Vào các lớp GDTX', 'Vào giáo dục thường xuyên'], { en: 'Entered continuing education', sample: 80 }),
    count('vao_trung_cap', 'Vào trung cấp', ['Vào trung cấp nghề', 'Vào các lớp trung cấp', 'Vào TCN', 'Vào trung cấp, GDNN'], { en: 'Entered vocational', sample: 20 }),
    count('hs_lop12', 'HS lớp 12', ['Học sinh lớp 12', 'Số HS lớp 12', 'Lớp 12'], { en: 'Grade 12', sample: 680 }),
    count('tn_thpt', 'Tốt nghiệp THPT', ['TN THPT', 'Tốt nghiệp hệ phổ thông', 'TN hệ phổ thông'], { en: 'Upper-secondary graduates (general)', sample: 620 }),
    count('tn_gdtx', 'Tốt nghiệp GDTX', ['TN GDTX', 'Tốt nghiệp hệ GDTX', 'TN hệ GDTX'], { en: 'Graduates (continuing education)', sample: 57 }),
    count('dan_so_18_21', 'Dân số 18-21 tuổi', ['Thanh niên 18-21 tuổi', 'Độ tuổi 18-21', 'Tổng số 18-21 tuổi', '18-21 tuổi'], { required: true, en: '18–21-year-olds', sample: 2800 }),
    count('co_bang_thpt', 'Có bằng THPT', ['Có bằng tốt nghiệp THPT', 'Có bằng TN THPT', 'Có bằng THPT hệ phổ thông'], { required: true, en: 'Upper-secondary diploma', sample: 2500 }),
    count('co_bang_gdtx', 'Có bằng GDTX', ['Có bằng THPT hệ GDTX', 'Có bằng tốt nghiệp GDTX', 'Có bằng TN GDTX'], { en: 'Continuing-education diploma', sample: 160 }),
    count('co_bang_tccn', 'Có bằng TCCN', ['Có bằng trung cấp', 'Có bằng trung cấp nghề', 'Có bằng TCN'], { en: 'Vocational diploma' }),
    indicatorRate('ty_le_huy_dong_lop10', 'PCBTH_HUYDONG', 'Tỷ lệ huy động vào lớp 10', ['Tỷ lệ huy động', 'Tỷ lệ vào lớp 10']),
    indicatorRate('ty_le_tn_bth', 'PCBTH_TN', 'Tỷ lệ tốt nghiệp bậc trung học', ['Tỷ lệ tốt nghiệp', 'Tỷ lệ TN bậc trung học']),
    indicatorRate('ty_le_hieu_qua', 'PCBTH_HIEUQUA', 'Tỷ lệ hiệu quả', ['Tỷ lệ 18-21 tuổi có bằng', 'Tỷ lệ có bằng 18-21 tuổi']),
    muc_do,
    nam_hoc,
  ],
};

/* ---------------------------------------------------------------- KET_QUA */

/** Category sets of KET_QUA (SHEETS.md §5). Each set sums to tong_so_hs. */
export const KET_QUA_SETS: { id: string; label: string; labelEn: string; source: string; fields: string[] }[] = [
  { id: 'tt27', label: 'Đánh giá tiểu học (TT 27/2020)', labelEn: 'Primary assessment (TT 27/2020)', source: 'TT 27/2020/TT-BGDĐT', fields: ['htxs', 'htt', 'ht', 'cht'] },
  { id: 'hoc_tap', label: 'Kết quả học tập (TT 22/2021)', labelEn: 'Learning results (TT 22/2021)', source: 'TT 22/2021/TT-BGDĐT, Điều 9', fields: ['hoc_tap_tot', 'hoc_tap_kha', 'hoc_tap_dat', 'hoc_tap_chua_dat'] },
  { id: 'ren_luyen', label: 'Kết quả rèn luyện (TT 22/2021)', labelEn: 'Conduct results (TT 22/2021)', source: 'TT 22/2021/TT-BGDĐT, Điều 9', fields: ['ren_luyen_tot', 'ren_luyen_kha', 'ren_luyen_dat', 'ren_luyen_chua_dat'] },
  { id: 'hoc_luc', label: 'Học lực (TT 58/2011)', labelEn: 'Academic grade (TT 58/2011)', source: 'TT 58/2011/TT-BGDĐT, Điều 13', fields: ['hoc_luc_gioi', 'hoc_luc_kha', 'hoc_luc_tb', 'hoc_luc_yeu', 'hoc_luc_kem'] },
  { id: 'hanh_kiem', label: 'Hạnh kiểm (TT 58/2011)', labelEn: 'Conduct (TT 58/2011)', source: 'TT 58/2011/TT-BGDĐT', fields: ['hanh_kiem_tot', 'hanh_kiem_kha', 'hanh_kiem_tb', 'hanh_kiem_yeu'] },
];

/** A count column and, beside it, its printed percentage (group "Tốt" over "SL | %"). */
function category(id: string, header: string, aliases: string[], group: string | undefined, en: string): FieldDef[] {
  const extra = group ? { group } : {};
  return [
    count(id, header, aliases, { ...extra, en }),
    rate(`ty_le_${id}`, `Tỷ lệ ${header}`, aliases.map((a) => `Tỷ lệ ${a}`), [id], ['tong_so_hs'], [], `${en}, % (printed)`),
  ].map((f) => (group ? { ...f, group } : f));
}

const KET_QUA: TemplateDef = {
  id: 'KET_QUA',
  title: 'Kết quả học tập, rèn luyện',
  titleEn: 'Learning outcomes',
  rowUnit: 'trường × khối',
  sheetName: 'KET_QUA',
  key: ['ma_truong', 'khoi'],
  requireOneOf: [['ma_truong', 'ten_truong']],
  fields: [
    { ...ma_truong, required: false },
    { ...ten_truong, required: false },
    field('khoi', 'number', 'Khối', ['Lớp', 'Khối lớp', 'Khối/Lớp'], { required: true, min: 1, max: 12, en: 'Grade', sample: 5 }),
    count('tong_so_hs', 'Tổng số HS', ['Tổng số học sinh', 'Số học sinh', 'TS HS', 'Sĩ số', 'Số HS', 'Tổng số', 'Tổng số HS được đánh giá', 'Số HS được đánh giá', 'Số học viên', 'Tổng số học viên'], { required: true, en: 'Pupils assessed', sample: 150 }),
    ...category('htxs', 'Hoàn thành xuất sắc', ['HTXS'], undefined, 'Outstanding completion'),
    ...category('htt', 'Hoàn thành tốt', ['HTT'], undefined, 'Good completion'),
    ...category('ht', 'Hoàn thành', ['HT'], undefined, 'Completed'),
    ...category('cht', 'Chưa hoàn thành', ['CHT'], undefined, 'Not completed'),
    count('htct_lop', 'Hoàn thành chương trình lớp học', ['HTCT lớp học', 'Hoàn thành CT lớp học'], { en: 'Completed the grade programme' }),
    count('htctth', 'Hoàn thành chương trình tiểu học', ['HTCTTH', 'Hoàn thành CTTH'], { en: 'Completed primary' }),
    ...(['hoc_tap', 'ren_luyen'] as const).flatMap((set) => {
      const G = set === 'hoc_tap' ? 'Kết quả học tập' : 'Kết quả rèn luyện';
      const short = set === 'hoc_tap' ? 'Học tập' : 'Rèn luyện';
      const en = set === 'hoc_tap' ? 'Learning' : 'Conduct';
      return [
        ['tot', 'Tốt', 'good'],
        ['kha', 'Khá', 'fair'],
        ['dat', 'Đạt', 'pass'],
        ['chua_dat', 'Chưa đạt', 'not passed'],
      ].flatMap(([k, h, e]) => category(`${set}_${k}`, `${short} ${h}`, [`${G} ${h}`, `${set === 'hoc_tap' ? 'HT' : 'RL'} ${h}`, `${h} ${short}`], undefined, `${en}: ${e}`));
    }),
    ...[
      ['gioi', 'Giỏi', 'excellent'],
      ['kha', 'Khá', 'good'],
      ['tb', 'Trung bình', 'average'],
      ['yeu', 'Yếu', 'weak'],
      ['kem', 'Kém', 'poor'],
    ].flatMap(([k, h, e]) => category(`hoc_luc_${k}`, `Học lực ${h}`, [`HL ${h}`, ...(k === 'tb' ? ['Học lực TB', 'HL TB'] : [])], undefined, `Academic: ${e}`)),
    ...[
      ['tot', 'Tốt', 'good'],
      ['kha', 'Khá', 'fair'],
      ['tb', 'Trung bình', 'average'],
      ['yeu', 'Yếu', 'weak'],
    ].flatMap(([k, h, e]) => category(`hanh_kiem_${k}`, `Hạnh kiểm ${h}`, [`HK ${h}`, ...(k === 'tb' ? ['Hạnh kiểm TB', 'HK TB'] : [])], undefined, `Behaviour: ${e}`)),
    count('len_lop', 'Lên lớp', ['Được lên lớp', 'Số HS lên lớp'], { en: 'Promoted' }),
    count('luu_ban', 'Lưu ban', ['Ở lại lớp', 'Số HS lưu ban', 'Lưu ban, ở lại lớp'], { en: 'Repeating' }),
    count('bo_hoc', 'Bỏ học', ['Số HS bỏ học', 'HS bỏ học'], { en: 'Dropped out' }),
    count('tn', 'Tốt nghiệp', ['Số HS tốt nghiệp', 'Được công nhận tốt nghiệp', 'TN'], { en: 'Graduated' }),
    rate('ty_le_tn', 'Tỷ lệ tốt nghiệp', ['Tỷ lệ TN', 'Tỷ lệ HS tốt nghiệp', 'Tỷ lệ được công nhận tốt nghiệp'], ['tn'], ['tong_so_hs'], [], 'Graduated, % (printed)'),
    count('nghe_pt_du_thi', 'Dự thi nghề phổ thông', ['Số HS dự thi nghề phổ thông', 'Dự thi nghề PT', 'Nghề phổ thông dự thi', 'Số HS dự thi nghề'], { en: 'Sat the general vocational exam' }),
    count('nghe_pt_dat', 'Nghề phổ thông từ trung bình trở lên', ['Nghề PT từ trung bình trở lên', 'Nghề phổ thông TB trở lên', 'Nghề PT TB trở lên', 'Nghề phổ thông đạt', 'Đạt nghề phổ thông'], { en: 'Vocational exam: average or better' }),
    count('nghe_pt_kha_gioi', 'Nghề phổ thông khá, giỏi', ['Nghề PT khá, giỏi', 'Nghề phổ thông loại khá, giỏi', 'Nghề PT loại khá, giỏi', 'Nghề phổ thông khá giỏi'], { en: 'Vocational exam: good or excellent' }),
    rate('ty_le_nghe_pt_dat', 'Tỷ lệ nghề phổ thông từ trung bình trở lên', ['Tỷ lệ nghề PT từ trung bình trở lên', 'Tỷ lệ nghề phổ thông TB trở lên', 'Tỷ lệ nghề PT TB trở lên'], ['nghe_pt_dat'], ['nghe_pt_du_thi'], [], 'Vocational exam average or better, % of candidates (printed)'),
    rate('ty_le_nghe_pt_kha_gioi', 'Tỷ lệ nghề phổ thông khá, giỏi', ['Tỷ lệ nghề PT khá, giỏi', 'Tỷ lệ nghề phổ thông loại khá, giỏi', 'Tỷ lệ nghề PT loại khá, giỏi'], ['nghe_pt_kha_gioi'], ['nghe_pt_du_thi'], [], 'Vocational exam good or excellent, % of candidates (printed)'),
    { ...cap_hoc, sample: undefined },
    nam_hoc,
  ],
};

/* ---------------------------------------------------------------- DINH_DUONG */

export const NUTRITION_FIELDS = ['sdd_nhe_can', 'sdd_thap_coi', 'sdd_gay_com', 'thua_can_beo_phi'] as const;
const nutritionHeaders: Record<string, [string, string[], string]> = {
  sdd_nhe_can: ['SDD thể nhẹ cân', ['Trẻ SDD thể nhẹ cân', 'Suy dinh dưỡng thể nhẹ cân', 'Nhẹ cân', 'SDD nhẹ cân'], 'Underweight'],
  sdd_thap_coi: ['SDD thể thấp còi', ['Trẻ SDD thể thấp còi', 'Suy dinh dưỡng thể thấp còi', 'Thấp còi', 'SDD thấp còi'], 'Stunted'],
  sdd_gay_com: ['SDD thể gầy còm', ['Trẻ SDD thể gầy còm', 'Suy dinh dưỡng thể gầy còm', 'Gầy còm', 'SDD thể còi', 'Trẻ SDD thể còi', 'Thể còi', 'SDD gầy còm', 'SDD thể còm'], 'Wasted'],
  thua_can_beo_phi: ['Thừa cân, béo phì', ['Trẻ thừa cân - béo phì', 'Thừa cân - béo phì', 'Thừa cân béo phì', 'Béo phì', 'Trẻ thừa cân, béo phì', 'Dư cân, béo phì', 'TCBP'], 'Overweight/obese'],
};

const DINH_DUONG: TemplateDef = {
  id: 'DINH_DUONG',
  title: 'Theo dõi sức khỏe, dinh dưỡng trẻ',
  titleEn: 'Child nutrition',
  rowUnit: 'trường × nhóm tuổi × thời điểm',
  sheetName: 'DINH_DUONG',
  key: ['ma_truong', 'nhom_tuoi', 'thoi_diem'],
  requireOneOf: [['ma_truong', 'ten_truong']],
  fields: [
    { ...ma_truong, required: false, sample: '79771201' },
    { ...ten_truong, required: false, sample: 'Trường Mầm non Mẫu' },
    field('nhom_tuoi', 'enum', 'Nhóm tuổi', ['Độ tuổi', 'Nhà trẻ/Mẫu giáo', 'Nhóm', 'Khối'], { values: NHOM_TUOI_VALUES, en: 'Age group', sample: 'MG' }),
    field('thoi_diem', 'enum', 'Thời điểm', ['Thời điểm cân đo', 'Đợt', 'Đợt cân đo', 'Kỳ'], { values: THOI_DIEM_VALUES, en: 'Phase', sample: 'dau_nam' }),
    count('tong_so_tre', 'Tổng số trẻ được cân đo', ['Tổng số trẻ', 'Số trẻ được cân đo', 'Trẻ được cân đo', 'Số trẻ cân đo', 'Tổng số'], { required: true, en: 'Children weighed', sample: 400 }),
    ...NUTRITION_FIELDS.map((id) => count(id, nutritionHeaders[id][0], nutritionHeaders[id][1], { required: id === 'sdd_nhe_can', en: nutritionHeaders[id][2], sample: id === 'thua_can_beo_phi' ? 20 : 4 })),
    ...NUTRITION_FIELDS.map((id) =>
      count(`phuc_hoi_${id}`, `Phục hồi ${nutritionHeaders[id][0]}`, [...nutritionHeaders[id][1].map((a) => `Phục hồi ${a}`), `${nutritionHeaders[id][0]} phục hồi`, `${nutritionHeaders[id][0]} đã xóa`], { en: `Recovered: ${nutritionHeaders[id][2]}` }),
    ),
    ...NUTRITION_FIELDS.map((id) =>
      count(`moi_mac_${id}`, `Mới mắc ${nutritionHeaders[id][0]}`, [...nutritionHeaders[id][1].map((a) => `Mới mắc ${a}`), `${nutritionHeaders[id][0]} mới mắc`], { en: `New cases: ${nutritionHeaders[id][2]}` }),
    ),
    ...NUTRITION_FIELDS.map((id) => rate(`ty_le_${id}`, `Tỷ lệ ${nutritionHeaders[id][0]}`, nutritionHeaders[id][1].map((a) => `Tỷ lệ ${a}`), [id], ['tong_so_tre'])),
    // Recovered over the start-of-year cases: the rules read the denominator on the "Đầu vào" row (PHUC_HOI_RATES).
    ...NUTRITION_FIELDS.map((id) => {
      const [h, aliases, en] = nutritionHeaders[id];
      const names = [h, ...aliases];
      return rate(
        `ty_le_phuc_hoi_${id}`,
        `Tỷ lệ phục hồi ${h}`,
        names.flatMap((a) => [`Tỷ lệ phục hồi ${a} (so với đầu vào)`, `Tỷ lệ phục hồi ${a} so với đầu vào`, `Tỷ lệ ${a} phục hồi`, `Tỷ lệ ${a} đã phục hồi`]).concat(aliases.map((a) => `Tỷ lệ phục hồi ${a}`)),
        [`phuc_hoi_${id}`],
        [id],
        [],
        `Recovered, % of start-of-year ${en.toLowerCase()} (printed)`,
      );
    }),
    nam_hoc,
  ],
};

/* ---------------------------------------------------------------- DOI_NGU */

export const QUALIFICATION_FIELDS = ['tien_si', 'thac_si', 'dai_hoc', 'cao_dang', 'trung_cap', 'chua_qua_dao_tao'] as const;

const DOI_NGU: TemplateDef = {
  id: 'DOI_NGU',
  title: 'Đội ngũ cán bộ, giáo viên, nhân viên',
  titleEn: 'Staff and qualifications',
  rowUnit: 'trường',
  sheetName: 'DOI_NGU',
  key: ['ma_truong'],
  fields: [
    ma_truong,
    { ...ten_truong, required: false },
    cap_hoc,
    loai_hinh,
    count('so_cbql', 'CBQL', ['Cán bộ quản lý', 'Số CBQL', 'Quản lý'], { required: true, en: 'Managers', sample: 3 }),
    count('so_gv', 'Giáo viên', ['GV', 'Số giáo viên', 'Số GV', 'Tổng số giáo viên'], { required: true, en: 'Teachers', sample: 30 }),
    count('so_nv', 'Nhân viên', ['NV', 'Số nhân viên', 'Số NV'], { en: 'Support staff', sample: 6 }),
    count('tien_si', 'Tiến sĩ', ['TS'], { en: 'Doctorate', sample: 0 }),
    count('thac_si', 'Thạc sĩ', ['ThS'], { en: 'Master', sample: 3 }),
    count('dai_hoc', 'Đại học', ['ĐH', 'Cử nhân'], { required: true, en: 'Bachelor', sample: 28 }),
    count('cao_dang', 'Cao đẳng', ['CĐ'], { en: 'College', sample: 2 }),
    count('trung_cap', 'Trung cấp', ['TC', 'THSP', 'Trung học sư phạm'], { en: 'Secondary vocational', sample: 0 }),
    count('chua_qua_dao_tao', 'Chưa qua đào tạo', ['Chưa đạt trình độ', 'Khác', 'Chưa qua ĐT', 'Dưới trung cấp'], { en: 'Untrained', sample: 0 }),
    count('gv_dat_chuan', 'GV đạt chuẩn trình độ', ['Giáo viên đạt chuẩn trình độ', 'Giáo viên đạt chuẩn trình độ đào tạo', 'GV đạt chuẩn trình độ đào tạo', 'Số GV đạt chuẩn', 'GV đạt chuẩn', 'Đạt chuẩn trình độ'], { en: 'Teachers meeting the qualification standard (Luật Giáo dục 2019, Điều 72)' }),
    rate('ty_le_gv_dat_chuan', 'Tỷ lệ GV đạt chuẩn trình độ', ['Tỷ lệ giáo viên đạt chuẩn trình độ', 'Tỷ lệ giáo viên đạt chuẩn trình độ đào tạo', 'Tỷ lệ GV đạt chuẩn trình độ đào tạo', 'Tỷ lệ GV đạt chuẩn', 'Tỷ lệ đạt chuẩn trình độ', 'Tỷ lệ đạt chuẩn'], ['gv_dat_chuan'], ['so_gv'], [], 'Teachers meeting the standard, % (printed)'),
    count('cc_tin_hoc', 'Chứng chỉ tin học', ['Tin học', 'CC tin học', 'Có chứng chỉ tin học'], { en: 'IT certificate' }),
    count('cc_ngoai_ngu', 'Chứng chỉ ngoại ngữ', ['Ngoại ngữ', 'CC ngoại ngữ', 'Có chứng chỉ ngoại ngữ'], { en: 'Language certificate' }),
    count('dang_vien', 'Đảng viên', ['Số đảng viên'], { en: 'Party members' }),
    ...[
      ['tot', 'Tốt', 'good'],
      ['kha', 'Khá', 'fair'],
      ['dat', 'Đạt', 'pass'],
      ['chua_dat', 'Chưa đạt', 'not passed'],
    ].map(([k, h, e]) => count(`chuan_nn_${k}`, `Chuẩn nghề nghiệp ${h}`, [`CNN ${h}`, `Chuẩn NN ${h}`, `Đánh giá chuẩn nghề nghiệp ${h}`], { en: `Professional standard: ${e}` })),
    nam_hoc,
  ],
};

/* ---------------------------------------------------------------- DON_VI_SAP_NHAP, CHI_TIEU */

const DON_VI_SAP_NHAP: TemplateDef = {
  id: 'DON_VI_SAP_NHAP',
  title: 'Đơn vị sáp nhập',
  titleEn: 'Merged units mapping',
  rowUnit: 'đơn vị cũ',
  sheetName: 'DON_VI_SAP_NHAP',
  key: ['ma_cu'],
  fields: [
    code('ma_cu', 'Mã đơn vị cũ', ['Mã cũ', 'Mã xã cũ', 'Mã trường cũ', 'Mã đơn vị trước sáp nhập'], { required: true, en: 'Old code', sample: '26884' }),
    text('ten_cu', 'Tên đơn vị cũ', ['Tên cũ', 'Đơn vị cũ', 'Tên xã cũ', 'Tên trường cũ'], { en: 'Old name', sample: 'Phường Cũ' }),
    code('ma_moi', 'Mã đơn vị mới', ['Mã mới', 'Mã xã mới', 'Mã trường mới', 'Mã đơn vị sau sáp nhập'], { required: true, en: 'New code', sample: '26881' }),
    text('ten_moi', 'Tên đơn vị mới', ['Tên mới', 'Đơn vị mới', 'Tên xã mới', 'Tên trường mới'], { en: 'New name', sample: 'Phường Mới' }),
    field('hieu_luc', 'date', 'Hiệu lực', ['Ngày hiệu lực', 'Có hiệu lực từ', 'Ngày sáp nhập', 'Hiệu lực từ ngày'], { en: 'In force from', sample: '2025-07-01' }),
  ],
};

const CHI_TIEU: TemplateDef = {
  id: 'CHI_TIEU',
  title: 'Chỉ tiêu kế hoạch',
  titleEn: 'Targets (plan)',
  rowUnit: 'chỉ tiêu',
  sheetName: 'CHI_TIEU',
  key: ['ma_chi_tieu', 'nam_hoc'],
  requireOneOf: [['ma_chi_tieu', 'ten_chi_tieu']],
  fields: [
    code('ma_chi_tieu', 'Mã chỉ tiêu', ['Mã', 'Mã chỉ số', 'ID chỉ tiêu'], { en: 'Indicator id', sample: 'TH_11_HTCT' }),
    text('ten_chi_tieu', 'Tên chỉ tiêu', ['Chỉ tiêu', 'Nội dung', 'Nội dung chỉ tiêu', 'Chỉ số', 'Tên chỉ số'], { en: 'Indicator', sample: 'Tỷ lệ trẻ 11 tuổi hoàn thành CTTH' }),
    text('muc_tieu', 'Mục tiêu', ['Kế hoạch', 'Chỉ tiêu kế hoạch', 'Giá trị mục tiêu', 'Chỉ tiêu năm học', 'Chỉ tiêu giao', 'Mức chỉ tiêu', 'Kế hoạch năm học'], { required: true, en: 'Target value or range ("96-97%")', sample: '96-97%' }),
    text('don_vi_tinh', 'Đơn vị tính', ['ĐVT'], { en: 'Unit', sample: '%' }),
    { ...nam_hoc, sample: '2023-2024' },
    text('ghi_chu', 'Ghi chú', [], { en: 'Note' }),
  ],
};

export const TEMPLATES: TemplateDef[] = [QUY_MO, PC_MN5, PC_TH, PC_THCS, XMC, PC_BTH, KET_QUA, DINH_DUONG, DOI_NGU, DON_VI_SAP_NHAP, CHI_TIEU];

export const TEMPLATE_BY_ID: Record<TemplateId, TemplateDef> = Object.fromEntries(TEMPLATES.map((t) => [t.id, t])) as Record<TemplateId, TemplateDef>;

const fieldIndexCache = new Map<TemplateId, Map<string, FieldDef>>();
/** Field definition by template and id (indexed once). */
export function fieldDef(template: TemplateId, id: string): FieldDef | undefined {
  let idx = fieldIndexCache.get(template);
  if (!idx) {
    idx = new Map(TEMPLATE_BY_ID[template].fields.map((f) => [f.id, f]));
    fieldIndexCache.set(template, idx);
  }
  return idx.get(id);
}

/** Fields whose absence makes a sheet not this template. */
export function requiredFields(t: TemplateDef): string[] {
  return t.fields.filter((f) => f.required).map((f) => f.id);
}

/* ---------------------------------------------------------------- targets */

export interface TargetRange {
  /** Fractions for percent targets (96% → 0.96), plain numbers otherwise. */
  min: number;
  max: number;
  percent: boolean;
}

/**
 * A CHI_TIEU target as typed: "96-97%", "≥ 95%", "95%", 0.96 (percent-formatted cell), "100".
 * Returns null when the text is not a target.
 */
export function parseTargetRange(value: unknown, percentHint = false): TargetRange | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { min: value, max: value, percent: percentHint };
  }
  if (typeof value !== 'string') return null;
  let s = value.normalize('NFC').trim();
  if (!s) return null;
  const percent = s.includes('%') || percentHint;
  s = s.replace(/%/g, '').trim();
  const scale = (n: number) => (percent ? Number((n / 100).toPrecision(15)) : n);
  // A count target "1.500" is 1.500 pupils; a percent target "96.5" is 96,5%.
  const num = (t: string) => {
    const p = parseVnNumber(t, !percent);
    return p && !p.percent && p.value >= 0 ? p.value : null;
  };
  const ge = s.match(/^(?:≥|>=|>|từ|trên|tối thiểu|ít nhất)\s*(.+)$/i);
  if (ge) {
    const n = num(ge[1]);
    return n === null ? null : { min: scale(n), max: percent ? 1 : Infinity, percent };
  }
  const le = s.match(/^(?:≤|<=|<|dưới|tối đa|không quá)\s*(.+)$/i);
  if (le) {
    const n = num(le[1]);
    return n === null ? null : { min: percent ? 0 : -Infinity, max: scale(n), percent };
  }
  const range = s.match(/^(.+?)\s*(?:-|–|—|đến)\s*(.+)$/);
  if (range) {
    const a = num(range[1]);
    const b = num(range[2]);
    if (a === null || b === null) return null;
    return { min: scale(Math.min(a, b)), max: scale(Math.max(a, b)), percent };
  }
  const n = num(s);
  return n === null ? null : { min: scale(n), max: scale(n), percent };
}

/** A CHI_TIEU level target: "Mức độ 3", "mức 2", "Đạt chuẩn mức độ 2", "Đạt chuẩn" (= mức độ 1). */
export interface TargetLevel {
  level: number;
}

/**
 * Reads a level target (phổ cập, xóa mù chữ, chuẩn quốc gia) so that plan vs actual can compare
 * levels; null when the text is not a level. "Đạt chuẩn" / "Đạt" alone is the first level.
 */
export function parseTargetLevel(value: unknown): TargetLevel | null {
  // A bare number in a target cell is a count or a rate, not a level.
  if (typeof value !== 'string' || /^\s*\d+\s*$/.test(value)) return null;
  const level = parseLevel(value);
  return typeof level === 'number' ? { level } : null;
}
