import type { Bilingual } from '../../findings';

/** Messages of the validation rules (src/core/rules). Numbers arrive already formatted. */
export const rules: Record<string, Bilingual> = {
  'rules.tong_khop_cac_dong': {
    vi: '{label} dòng Tổng ({actual}) khác tổng các dòng ({expected}), lệch {diff}',
    en: '{label}: the total row ({actual}) differs from the sum of the rows ({expected}) by {diff}',
  },
  'rules.trung_ma': {
    vi: '{header} "{key}" xuất hiện hai lần (dòng {first} và dòng {row})',
    en: '{header} "{key}" appears twice (rows {first} and {row})',
  },
  'rules.bo_phan_vuot_tong': {
    vi: '{where}: {left_label} ({left}) lớn hơn {right_label} ({right}), vượt {diff}',
    en: '{where}: {left_label} ({left}) exceeds {right_label} ({right}) by {diff}',
  },
  'rules.tong_hs_theo_khoi': {
    vi: '{where}: tổng học sinh các khối ({left}) khác {right_label} ({right}), lệch {diff}',
    en: '{where}: pupils by grade add up to {left}, not {right_label} ({right}); difference {diff}',
  },
  'rules.mn_nha_tre_mau_giao': {
    vi: '{where}: {left_label} = {left}, khác {right_label} ({right}), lệch {diff}',
    en: '{where}: {left_label} = {left}, not {right_label} ({right}); difference {diff}',
  },
  'rules.chuan_qg_can_kdcl': {
    vi: '{where}: trường đạt chuẩn quốc gia mức {when} nhưng kiểm định chất lượng cấp độ {left}; cần cấp độ {right} trở lên',
    en: '{where}: national standard level {when} but accreditation level {left}; level {right} or higher is required',
  },
  'rules.si_so_bat_thuong': {
    vi: '{where}: sĩ số bình quân {avg} học sinh/lớp ({pupils}/{classes}) là bất thường (ngoài khoảng {min}–{max}); kiểm tra số lớp và số học sinh',
    en: '{where}: average class size {avg} ({pupils}/{classes}) is implausible (outside {min}–{max}); check classes and pupils',
  },
  'rules.si_so_vuot_dinh_muc': {
    vi: '{where}: sĩ số bình quân {avg} học sinh/lớp vượt định mức {max} ({norm}, {source})',
    en: '{where}: average class size {avg} exceeds the maximum of {max} ({norm}, {source})',
  },
  'rules.gv_tren_lop_thap': {
    vi: '{where}: {ratio} giáo viên/lớp, thấp xa so với định mức {norm} ({label}, {source})',
    en: '{where}: {ratio} teachers per class, far below the norm of {norm} ({label}, {source})',
  },
  'rules.gv_tren_lop_cao': {
    vi: '{where}: {ratio} giáo viên/lớp, cao hơn định mức {norm} ({label}, {source})',
    en: '{where}: {ratio} teachers per class, above the norm of {norm} ({label}, {source})',
  },
  'rules.xa_khong_co_trong_danh_sach': {
    vi: '{where}: mã xã/phường "{code}" không có trong danh sách đơn vị hành chính',
    en: '{where}: commune code "{code}" is not in the list of communes',
  },
  'rules.mien_giam_vuot_doi_tuong': {
    vi: '{where}: số miễn giảm {left_label} ({left}) lớn hơn số đối tượng {right_label} ({right})',
    en: '{where}: exempt {left_label} ({left}) exceeds the cohort {right_label} ({right})',
  },
  'rules.dat_vuot_doi_tuong': {
    vi: '{where}: {left_label} ({left}) lớn hơn {right_label} ({right}), vượt {diff}',
    en: '{where}: {left_label} ({left}) exceeds {right_label} ({right}) by {diff}',
  },
  'rules.tre_11t_htth_dang_hoc': {
    vi: '{where}: trẻ 11 tuổi hoàn thành CTTH + đang học tiểu học ({left}) lớn hơn {right_label} ({right}), vượt {diff}',
    en: '{where}: 11-year-olds completed + still in primary ({left}) exceed {right_label} ({right}) by {diff}',
  },
  'rules.xmc_do_tuoi_long_nhau': {
    vi: '{where}: {left_label} ({left}) lớn hơn {right_label} ({right}), trong khi độ tuổi hẹp nằm trong độ tuổi rộng',
    en: '{where}: {left_label} ({left}) exceeds {right_label} ({right}), yet the narrow band lies inside the wide one',
  },
  'rules.xmc_m2_vuot_m1': {
    vi: '{where}: {left_label} ({left}) lớn hơn {right_label} ({right}); người biết chữ mức độ 2 cũng đạt mức độ 1',
    en: '{where}: {left_label} ({left}) exceeds {right_label} ({right}); level-2 literates also count at level 1',
  },
  'rules.vao_lop10_vuot_tn_thcs': {
    vi: '{where}: số vào lớp 10, GDTX, trung cấp ({left}) lớn hơn {right_label} ({right})',
    en: '{where}: entrants to grade 10 / GDTX / vocational ({left}) exceed {right_label} ({right})',
  },
  'rules.ty_le_in_sai': {
    vi: '{where}: {label} in {printed}, tính lại {numerator}/{denominator} = {computed}',
    en: '{where}: {label} printed {printed}, recomputed {numerator}/{denominator} = {computed}',
  },
  'rules.ty_le_in_sai_mau_khac': {
    vi: '{where}: {label} in {printed}, tính lại {numerator}/{denominator} = {computed} (có thể đã chia cho {alt}, cột {alt_label})',
    en: '{where}: {label} printed {printed}, recomputed {numerator}/{denominator} = {computed} (perhaps divided by {alt}, column {alt_label})',
  },
  'rules.ty_le_cat_bot': {
    vi: '{where}: {label} in {printed}, tính lại {numerator}/{denominator} = {computed} (in sai: cắt bớt thay vì làm tròn)',
    en: '{where}: {label} printed {printed}, recomputed {numerator}/{denominator} = {computed} (misprinted: truncated instead of rounded)',
  },
  'rules.muc_do_in_sai': {
    vi: '{where}: mức độ in sẵn "{printed}" khác mức độ tính lại ({computed}) cho chương trình {programme}',
    en: '{where}: printed level "{printed}" differs from the recomputed level ({computed}) for programme {programme}',
  },
  'rules.muc_do_khi_thieu_du_lieu': {
    vi: '{where}: ghi "{printed}" nhưng thiếu số liệu; xã chưa đủ dữ liệu phải ghi "Chưa đủ dữ liệu", không được ghi đạt',
    en: '{where}: states "{printed}" but data are missing; a commune without data is "Insufficient data", never achieved',
  },
  'rules.tong_loai_khac_tong_hs': {
    vi: '{where}: {set} cộng lại {left}, khác {right_label} ({right}), lệch {diff}',
    en: '{where}: {set} add up to {left}, not {right_label} ({right}); difference {diff}',
  },
  'rules.ket_qua_khac_quy_mo': {
    vi: '{where}: {actual} học sinh được đánh giá, trong khi QUY_MO ghi {expected} {what} ({other})',
    en: '{where}: {actual} pupils assessed while QUY_MO has {expected} {what} ({other})',
  },
  'rules.dd_cuoi_nam_khac_dau_nam': {
    vi: '{where}: {label} cuối năm {end}, nhưng đầu năm {start} − phục hồi {recovered} = {expected} (không có cột mới mắc)',
    en: '{where}: {label} at year end is {end}, but start {start} − recovered {recovered} = {expected} (no new-cases column)',
  },
  'rules.dd_vuot_chi_tieu': {
    vi: '{where}: {label} {rate} ({n}/{total}), chưa đạt chỉ tiêu dưới {target}',
    en: '{where}: {label} {rate} ({n}/{total}), target is below {target}',
  },
  'rules.dd_khac_quy_mo': {
    vi: 'Trường {code}: {weighed} trẻ được cân đo đầu năm, trong khi QUY_MO ghi {enrolled} trẻ ({other})',
    en: 'School {code}: {weighed} children weighed at the start, while QUY_MO has {enrolled} enrolled ({other})',
  },
  'rules.trinh_do_khac_tong': {
    vi: '{where}: các mức trình độ cộng lại {sum}, khác CBQL + GV ({staff}), lệch {diff}',
    en: '{where}: qualification counts add up to {sum}, not managers + teachers ({staff}); difference {diff}',
  },
  'rules.doi_ngu_khac_quy_mo': {
    vi: '{where}: {label} là {actual}, QUY_MO ghi {expected} ({other})',
    en: '{where}: {label} is {actual}, QUY_MO has {expected} ({other})',
  },
  'rules.thieu_nam_hoc': {
    vi: 'Không xác định được năm học của: {sheets}; ghi "Năm học: 2023-2024" trên tiêu đề, trong tên trang tính hoặc trong cài đặt',
    en: 'School year unknown for: {sheets}; write "Năm học: 2023-2024" in the title, the sheet name or the settings',
  },
  'rules.nam_hoc_khac_nhau': {
    vi: 'Các biểu trong tệp ghi năm học khác nhau ({list})',
    en: 'Sheets of the file give different school years ({list})',
  },
  'rules.dd_khac_quy_mo_toan_don_vi': {
    vi: 'Cả biểu: {weighed} trẻ được cân đo đầu năm, trong khi QUY_MO ghi {enrolled} trẻ mầm non ({rows} dòng; {other}), lệch {diff}',
    en: 'Whole sheet: {weighed} children weighed at the start, while QUY_MO has {enrolled} preschool children ({rows} rows; {other}); difference {diff}',
  },
  'rules.gv_dat_chuan_khac_trinh_do': {
    vi: '{where}: GV đạt chuẩn trình độ ghi {actual}, nhưng các cột trình độ cho {range} ({norm}: {at_or_above} người đạt chuẩn trong {counted} người được thống kê trình độ)',
    en: '{where}: teachers meeting the standard given as {actual}, but the qualification columns allow {range} ({norm}: {at_or_above} qualified of {counted} people counted)',
  },
  'rules.chi_tieu_khong_doc_duoc': {
    vi: '{where}: chỉ tiêu "{raw}" không đọc được (ghi dạng 95%, 96-97%, ≥ 95% hoặc Mức độ 3)',
    en: '{where}: target "{raw}" cannot be read (write 95%, 96-97%, ≥ 95% or Mức độ 3)',
  },
};
