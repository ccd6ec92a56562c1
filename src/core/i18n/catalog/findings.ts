import type { Bilingual, Severity } from '../../findings';

/**
 * Every finding a user can see, like zod's issue codes: its rule id, and for each message it can
 * show, the severity and the text in Vietnamese and English. `RuleId` (src/core/findings.ts) is the
 * set of keys below, so a finding with an id or a message that is not listed here is a type error,
 * and test/core/findingCatalogue.test.ts checks every id is emitted somewhere with matching text.
 *
 * Rule ids are Vietnamese snake_case (spec/SHEETS.md) and stable: users filter on them, the CLI's
 * JSON carries them, tests name them. Never rename one.
 *
 * To add a finding, add one line in its group:
 *
 *     ten_moi: { 'area.ten_moi': error('Văn bản {x}', 'Text {x}') },
 *
 * then emit it: a rule record says `id: 'ten_moi', message: 'area.ten_moi'` (src/core/rules), other
 * code calls `finding('ten_moi', 'area.ten_moi', { x }, { file, sheet, cells })` (src/core/findings.ts).
 * The first message of an entry is its default; more messages are variants of the same check (a
 * different wording or severity). Placeholders {x} are the same in both languages, and numbers in
 * them arrive already formatted (src/core/format/vn).
 */
export interface FindingText extends Bilingual {
  severity: Severity;
}

const error = (vi: string, en: string): FindingText => ({ severity: 'error', vi, en });
const warning = (vi: string, en: string): FindingText => ({ severity: 'warning', vi, en });
const info = (vi: string, en: string): FindingText => ({ severity: 'info', vi, en });

/* One comparison (a part exceeds its whole) worded once, checked under four ids. */

/* Person findings counted in a report (counts only): one wording for every per-person id, by severity. */
const PERSON_SUMMARY_ERROR = error('{n} dòng của sổ đăng ký: {label}; chi tiết theo từng người: baocao-gd check hoặc thẻ Phổ cập', '{n} register rows: {label}; per-person details: baocao-gd check or the Phổ cập tab');
const PERSON_SUMMARY_WARNING = warning('{n} dòng của sổ đăng ký: {label}; chi tiết theo từng người: baocao-gd check hoặc thẻ Phổ cập', '{n} register rows: {label}; per-person details: baocao-gd check or the Phổ cập tab');

const PART_EXCEEDS_WHOLE = error('{where}: {left_label} ({left}) lớn hơn {right_label} ({right}), vượt {diff}', '{where}: {left_label} ({left}) exceeds {right_label} ({right}) by {diff}');

export const FINDINGS = {
  /* ---- The sheet reader (src/core/sheets/read.ts): cells and sheets it could not read as the template says */
  o_loi_excel: { 'sheets.excel_error': error('Cột "{header}": {n} ô chứa lỗi Excel (ví dụ {cell} = {raw}); giá trị coi như chưa báo cáo', 'Column "{header}": {n} cell(s) hold an Excel error (e.g. {cell} = {raw}); treated as not reported') },
  so_dang_van_ban: {
    'sheets.text_number': warning('Cột "{header}": {n} ô chứa số dạng văn bản (ví dụ {cell} = "{raw}", đọc là {value}); nên nhập dạng số', 'Column "{header}": {n} cell(s) hold numbers typed as text (e.g. {cell} = "{raw}", read as {value}); enter them as numbers'),
    'sheets.text_number_many': warning('Các cột {header}: {n} ô chứa số dạng văn bản (ví dụ {cell} = "{raw}", đọc là {value}); nên nhập dạng số', 'Columns {header}: {n} cells hold numbers typed as text (e.g. {cell} = "{raw}", read as {value}); enter them as numbers'),
  },
  so_viet_mo_ho: { 'sheets.ambiguous_number': warning('Cột "{header}": {n} ô có số viết mơ hồ (ví dụ {cell} = "{raw}" đã đọc là {value} theo quy ước dấu chấm phân cách hàng nghìn); kiểm tra lại', 'Column "{header}": {n} cell(s) hold an ambiguous number (e.g. {cell} = "{raw}" was read as {value}, "." taken as thousands separator); please verify') },
  khong_phai_so: { 'sheets.not_a_number': error('Cột "{header}": {n} ô không phải số (ví dụ {cell} = "{raw}"); giá trị coi như chưa báo cáo', 'Column "{header}": {n} cell(s) are not numbers (e.g. {cell} = "{raw}"); treated as not reported') },
  so_luong_am: { 'sheets.negative_count': error('Cột "{header}": {n} ô có số lượng âm (ví dụ {cell} = {value})', 'Column "{header}": {n} cell(s) hold a negative count (e.g. {cell} = {value})') },
  so_luong_khong_nguyen: { 'sheets.fractional_count': error('Cột "{header}": {n} ô có số lượng không nguyên (ví dụ {cell} = {value})', 'Column "{header}": {n} cell(s) hold a count that is not a whole number (e.g. {cell} = {value})') },
  gia_tri_ngoai_khoang: { 'sheets.out_of_range': error('Cột "{header}": {n} ô ngoài khoảng {min}–{max} (ví dụ {cell} = {value})', 'Column "{header}": {n} cell(s) outside {min}–{max} (e.g. {cell} = {value})') },
  gia_tri_ngoai_danh_muc: { 'sheets.unknown_value': warning('Cột "{header}": {n} ô có giá trị không thuộc danh mục (ví dụ {cell} = "{raw}"); giá trị hợp lệ: {allowed}', 'Column "{header}": {n} cell(s) hold a value outside the list (e.g. {cell} = "{raw}"); allowed: {allowed}') },
  ngay_khong_hop_le: { 'sheets.bad_date': warning('Cột "{header}": {n} ô không phải ngày hợp lệ (ví dụ {cell} = "{raw}")', 'Column "{header}": {n} cell(s) are not valid dates (e.g. {cell} = "{raw}")') },
  thieu_cot_bat_buoc: { 'sheets.missing_required': warning('Trang tính giống biểu {template} nhưng thiếu cột bắt buộc: {missing}; trang này không được kiểm tra', 'Sheet looks like template {template} but lacks required column(s): {missing}; it was not checked') },
  nam_hoc_khong_hop_le: { 'sheets.bad_school_year': error('Năm học "{raw}" không hợp lệ (cần dạng YYYY-YYYY+1, ví dụ 2023-2024)', 'School year "{raw}" is not valid (expected YYYY-YYYY+1, e.g. 2023-2024)') },
  o_gop_trong_du_lieu: { 'sheets.merged_data': warning('Vùng ô gộp {range} nằm trong dữ liệu: chỉ ô đầu có giá trị, các ô còn lại coi như chưa báo cáo', 'Merged area {range} lies inside the data: only its first cell has a value, the others count as not reported') },
  bieu_khong_co_du_lieu: { 'sheets.no_rows': warning('Biểu {template} không có dòng dữ liệu nào dưới tiêu đề', 'Template {template} has no data rows under its header') },
  khong_co_bieu_mau: {
    'sheets.no_template': error('Không tìm thấy biểu mẫu chuẩn nào trong tệp (đã xem {n} trang tính; tiêu đề cột cần nằm trong 15 dòng đầu)', 'No standard sheet found in the file ({n} sheet(s) examined; column headers must be within the first 15 rows)'),
    'crosscheck.khong_co_bieu_mau': error('Tệp {file} không có trang nào theo biểu mẫu chuẩn (các trang: {sheets}).', 'File {file} has no sheet in a standard template (sheets: {sheets}).'),
  },
  cong_thuc_chua_tinh: {
    'sheets.uncalculated': error(
      'Công thức chưa được tính ở {n} ô ({cells}): tệp lưu công thức mà không có kết quả, nên các ô này coi như trống. Công thức chưa được tính, hãy mở và lưu tệp trong Excel rồi kiểm tra lại',
      'Formulas not calculated in {n} cell(s) ({cells}): the file holds the formulas without their results, so these cells read as blank. Open the file in Excel, save it, and check again',
    ),
    'sheets.uncalculated_other': warning(
      'Công thức chưa được tính ở {n} ô ({cells}) của trang không theo biểu mẫu: các ô này coi như trống. Công thức chưa được tính, hãy mở và lưu tệp trong Excel',
      'Formulas not calculated in {n} cell(s) ({cells}) of a sheet outside the templates: these cells read as blank. Open the file in Excel and save it',
    ),
  },
  cong_thuc_tu_tinh: {
    'sheets.computed': info(
      'Công thức chưa được tính ở {n} ô ({cells}) là phép cộng đơn giản (SUM, a+b): Báo cáo GD đã tự tính giá trị. Nên mở và lưu tệp trong Excel',
      'Formulas not calculated in {n} cell(s) ({cells}) are plain sums (SUM, a+b): Báo cáo GD computed their values itself. Opening and saving the file in Excel is advised',
    ),
  },
  trang_an_bo_qua: { 'sheets.hidden_set_aside': warning('Trang ẩn "{hidden}" cũng là biểu {template}: không dùng; đã dùng trang đang hiện "{used}"', 'Hidden sheet "{hidden}" is also template {template}: not used; the visible sheet "{used}" was used') },
  trang_an_duoc_dung: { 'sheets.hidden_used': info('Biểu {template} được đọc từ trang đang bị ẩn "{sheet}" (không có trang hiện nào mang biểu này)', 'Template {template} was read from the hidden sheet "{sheet}" (no visible sheet carries it)') },
  cot_trung_tieu_de: {
    'sheets.duplicate_header': warning(
      'Cột {col} có cùng tiêu đề "{header}" với cột {first}: chỉ cột {first} được đọc, cột {col} bị bỏ qua; hãy đổi tên hoặc xóa cột trùng',
      'Column {col} has the same header "{header}" as column {first}: only column {first} is read, column {col} is ignored; rename or delete the duplicate column',
    ),
  },
  /* ---- The validation rules (src/core/rules/definitions.ts) */
  tong_khop_cac_dong: { 'rules.tong_khop_cac_dong': error('{label} dòng Tổng ({actual}) khác tổng các dòng ({expected}), lệch {diff}', '{label}: the total row ({actual}) differs from the sum of the rows ({expected}) by {diff}') },
  quy_mo_lan_dong_tong_hop: { 'rules.quy_mo_lan_dong_tong_hop': warning('Trang vừa có {schools} dòng từng trường (cột Số trường để trống, mỗi dòng là một trường) vừa có {n} dòng tổng hợp nhiều trường (dòng {rows}: {total} trường); kiểm tra để không đếm một trường hai lần', 'The sheet mixes {schools} school rows (Số trường blank, one school each) with {n} rows aggregating several schools (rows {rows}: {total} schools); check that no school is counted twice') },
  trung_ma: { 'rules.trung_ma': error('{header} "{key}" xuất hiện hai lần (dòng {first} và dòng {row})', '{header} "{key}" appears twice (rows {first} and {row})') },
  tong_hs_theo_khoi: { 'rules.tong_hs_theo_khoi': error('{where}: tổng học sinh các khối ({left}) khác {right_label} ({right}), lệch {diff}', '{where}: pupils by grade add up to {left}, not {right_label} ({right}); difference {diff}') },
  mn_nha_tre_mau_giao: { 'rules.mn_nha_tre_mau_giao': error('{where}: {left_label} = {left}, khác {right_label} ({right}), lệch {diff}', '{where}: {left_label} = {left}, not {right_label} ({right}); difference {diff}') },
  chuan_qg_can_kdcl: { 'rules.chuan_qg_can_kdcl': error('{where}: trường đạt chuẩn quốc gia mức {when} nhưng kiểm định chất lượng cấp độ {left}; cần cấp độ {right} trở lên', '{where}: national standard level {when} but accreditation level {left}; level {right} or higher is required') },
  si_so_bat_thuong: { 'rules.si_so_bat_thuong': error('{where}: sĩ số bình quân {avg} học sinh/lớp ({pupils}/{classes}) là bất thường (ngoài khoảng {min}–{max}); kiểm tra số lớp và số học sinh', '{where}: average class size {avg} ({pupils}/{classes}) is implausible (outside {min}–{max}); check classes and pupils') },
  si_so_vuot_dinh_muc: { 'rules.si_so_vuot_dinh_muc': warning('{where}: sĩ số bình quân {avg} học sinh/lớp vượt định mức {max} ({norm}, {source})', '{where}: average class size {avg} exceeds the maximum of {max} ({norm}, {source})') },
  gv_tren_lop: {
    'rules.gv_tren_lop_thap': warning('{where}: {ratio} giáo viên/lớp, thấp xa so với định mức {norm} ({label}, {source})', '{where}: {ratio} teachers per class, far below the norm of {norm} ({label}, {source})'),
    'rules.gv_tren_lop_cao': info('{where}: {ratio} giáo viên/lớp, cao hơn định mức {norm} ({label}, {source})', '{where}: {ratio} teachers per class, above the norm of {norm} ({label}, {source})'),
  },
  xa_khong_co_trong_danh_sach: { 'rules.xa_khong_co_trong_danh_sach': warning('{where}: mã xã/phường "{code}" không có trong danh sách đơn vị hành chính', '{where}: commune code "{code}" is not in the list of communes') },
  bo_phan_vuot_tong: { 'rules.bo_phan_vuot_tong': PART_EXCEEDS_WHOLE },
  mien_giam_vuot_doi_tuong: { 'rules.mien_giam_vuot_doi_tuong': error('{where}: số miễn giảm {left_label} ({left}) lớn hơn số đối tượng {right_label} ({right})', '{where}: exempt {left_label} ({left}) exceeds the cohort {right_label} ({right})') },
  dat_vuot_doi_tuong: { 'rules.dat_vuot_doi_tuong': PART_EXCEEDS_WHOLE },
  tre_11t_htth_dang_hoc: { 'rules.tre_11t_htth_dang_hoc': error('{where}: trẻ 11 tuổi hoàn thành CTTH + đang học tiểu học ({left}) lớn hơn {right_label} ({right}), vượt {diff}', '{where}: 11-year-olds completed + still in primary ({left}) exceed {right_label} ({right}) by {diff}') },
  vao_lop10_vuot_tn_thcs: { 'rules.vao_lop10_vuot_tn_thcs': warning('{where}: số vào lớp 10, GDTX, trung cấp ({left}) lớn hơn {right_label} ({right})', '{where}: entrants to grade 10 / GDTX / vocational ({left}) exceed {right_label} ({right})') },
  co_bang_vuot_dan_so: { 'rules.dat_vuot_doi_tuong': PART_EXCEEDS_WHOLE },
  tot_nghiep_vuot_lop12: { 'rules.bo_phan_vuot_tong': PART_EXCEEDS_WHOLE },
  xmc_do_tuoi_long_nhau: { 'rules.xmc_do_tuoi_long_nhau': error('{where}: {left_label} ({left}) lớn hơn {right_label} ({right}), trong khi độ tuổi hẹp nằm trong độ tuổi rộng', '{where}: {left_label} ({left}) exceeds {right_label} ({right}), yet the narrow band lies inside the wide one') },
  xmc_m2_vuot_m1: { 'rules.xmc_m2_vuot_m1': error('{where}: {left_label} ({left}) lớn hơn {right_label} ({right}); người biết chữ mức độ 2 cũng đạt mức độ 1', '{where}: {left_label} ({left}) exceeds {right_label} ({right}); level-2 literates also count at level 1') },
  ty_le_in_sai: {
    'rules.ty_le_in_sai': error('{where}: {label} in {printed}, tính lại {numerator}/{denominator} = {computed}', '{where}: {label} printed {printed}, recomputed {numerator}/{denominator} = {computed}'),
    'rules.ty_le_in_sai_mau_khac': error('{where}: {label} in {printed}, tính lại {numerator}/{denominator} = {computed} (có thể đã chia cho {alt}, cột {alt_label})', '{where}: {label} printed {printed}, recomputed {numerator}/{denominator} = {computed} (perhaps divided by {alt}, column {alt_label})'),
    'rules.ty_le_cat_bot': error('{where}: {label} in {printed}, tính lại {numerator}/{denominator} = {computed} (in sai: cắt bớt thay vì làm tròn)', '{where}: {label} printed {printed}, recomputed {numerator}/{denominator} = {computed} (misprinted: truncated instead of rounded)'),
  },
  muc_do_in_sai: {
    'rules.muc_do_in_sai': error('{where}: mức độ in sẵn "{printed}" khác mức độ tính lại ({computed}) cho chương trình {programme}', '{where}: printed level "{printed}" differs from the recomputed level ({computed}) for programme {programme}'),
    'rules.muc_do_khi_thieu_du_lieu': error('{where}: ghi "{printed}" nhưng thiếu số liệu; xã chưa đủ dữ liệu phải ghi "Chưa đủ dữ liệu", không được ghi đạt', '{where}: states "{printed}" but data are missing; a commune without data is "Insufficient data", never achieved'),
  },
  tong_loai_khac_tong_hs: { 'rules.tong_loai_khac_tong_hs': error('{where}: {set} cộng lại {left}, khác {right_label} ({right}), lệch {diff}', '{where}: {set} add up to {left}, not {right_label} ({right}); difference {diff}') },
  ket_qua_khac_quy_mo: { 'rules.ket_qua_khac_quy_mo': warning('{where}: {actual} học sinh được đánh giá, trong khi QUY_MO ghi {expected} {what} ({other})', '{where}: {actual} pupils assessed while QUY_MO has {expected} {what} ({other})') },
  dd_cuoi_nam_khac_dau_nam: { 'rules.dd_cuoi_nam_khac_dau_nam': warning('{where}: {label} cuối năm {end}, nhưng đầu năm {start} − phục hồi {recovered} = {expected} (không có cột mới mắc)', '{where}: {label} at year end is {end}, but start {start} − recovered {recovered} = {expected} (no new-cases column)') },
  dd_vuot_chi_tieu: { 'rules.dd_vuot_chi_tieu': warning('{where}: {label} {rate} ({n}/{total}), chưa đạt chỉ tiêu dưới {target}', '{where}: {label} {rate} ({n}/{total}), target is below {target}') },
  dd_khac_quy_mo: {
    'rules.dd_khac_quy_mo': warning('Trường {code}: {weighed} trẻ được cân đo đầu năm, trong khi QUY_MO ghi {enrolled} trẻ ({other})', 'School {code}: {weighed} children weighed at the start, while QUY_MO has {enrolled} enrolled ({other})'),
    'rules.dd_khac_quy_mo_toan_don_vi': warning('Cả biểu: {weighed} trẻ được cân đo đầu năm, trong khi QUY_MO ghi {enrolled} trẻ mầm non ({rows} dòng; {other}), lệch {diff}', 'Whole sheet: {weighed} children weighed at the start, while QUY_MO has {enrolled} preschool children ({rows} rows; {other}); difference {diff}'),
  },
  trinh_do_khac_tong: { 'rules.trinh_do_khac_tong': error('{where}: các mức trình độ cộng lại {sum}, khác CBQL + GV ({staff}), lệch {diff}', '{where}: qualification counts add up to {sum}, not managers + teachers ({staff}); difference {diff}') },
  gv_dat_chuan_khac_trinh_do: { 'rules.gv_dat_chuan_khac_trinh_do': error('{where}: GV đạt chuẩn trình độ ghi {actual}, nhưng các cột trình độ cho {range} ({norm}: {at_or_above} người đạt chuẩn trong {counted} người được thống kê trình độ)', '{where}: teachers meeting the standard given as {actual}, but the qualification columns allow {range} ({norm}: {at_or_above} qualified of {counted} people counted)') },
  doi_ngu_khac_quy_mo: { 'rules.doi_ngu_khac_quy_mo': warning('{where}: {label} là {actual}, QUY_MO ghi {expected} ({other})', '{where}: {label} is {actual}, QUY_MO has {expected} ({other})') },
  thieu_nam_hoc: { 'rules.thieu_nam_hoc': warning('Không xác định được năm học của: {sheets}; ghi "Năm học: 2023-2024" trên tiêu đề, trong tên trang tính hoặc trong cài đặt', 'School year unknown for: {sheets}; write "Năm học: 2023-2024" in the title, the sheet name or the settings') },
  nam_hoc_khac_nhau: { 'rules.nam_hoc_khac_nhau': warning('Các biểu trong tệp ghi năm học khác nhau ({list})', 'Sheets of the file give different school years ({list})') },
  chi_tieu_khong_doc_duoc: { 'rules.chi_tieu_khong_doc_duoc': warning('{where}: chỉ tiêu "{raw}" không đọc được (ghi dạng 95%, 96-97%, ≥ 95% hoặc Mức độ 3)', '{where}: target "{raw}" cannot be read (write 95%, 96-97%, ≥ 95% or Mức độ 3)') },
  /* ---- Year over year (src/core/report/yearOverYear.ts): this year's figures against the previous year's workbook */
  bien_dong_bat_thuong: {
    'yoy.figure': warning('{unit}: {label} năm học {year} là {cur}, năm học {prev_year} là {prev} ({change}), biến động quá {share} so với năm học trước; kiểm tra lại số liệu', '{unit}: {label} in {year} is {cur}, in {prev_year} {prev} ({change}), a change beyond {share} from the previous school year; please verify'),
  },
  muc_do_giam: {
    'yoy.level_drop': warning('{unit}: mức độ đạt chuẩn {programme} giảm từ {prev} (năm học {prev_year}) xuống {cur} (năm học {year}); kiểm tra lại số liệu', '{unit}: the level of {programme} fell from {prev} ({prev_year}) to {cur} ({year}); please verify'),
  },
  truong_moi: {
    'yoy.school_new': warning('{school}: có trong năm học {year} nhưng không có trong năm học {prev_year} (trường mới thành lập, đổi mã hay nhập nhầm?)', '{school}: present in {year} but not in {prev_year} (a new school, a changed code or an entry error?)'),
  },
  truong_khong_con: {
    'yoy.school_gone': warning('{school}: có trong năm học {prev_year} nhưng không có trong năm học {year} (giải thể, sáp nhập, đổi mã hay thiếu dòng?)', '{school}: present in {prev_year} but not in {year} (closed, merged, a changed code or a missing row?)'),
  },
  /* ---- The PCGD–XMC system's forms read as input (src/core/pcgdForms) */
  bieu_pc_o_khong_doc_duoc: { 'pcgd.o_khong_doc_duoc': error('{where}: ô {cell} ({label}) ghi "{raw}", không đọc được là số; coi như chưa báo cáo', '{where}: cell {cell} ({label}) holds "{raw}", which is not a number; treated as not reported') },
  bieu_pc_tong_khac: { 'pcgd.tong_khac': error('{where}: {label} ô {cell} ghi {actual}, nhưng cộng các ô {parts} được {expected}, lệch {diff}; dùng tổng các ô', '{where}: {label} in {cell} is {actual}, but cells {parts} add up to {expected} (difference {diff}); the sum of the cells is used') },
  bieu_pc_so_lieu_mau: { 'pcgd.so_lieu_mau': error('{where}: ô {cell} còn nội dung của mẫu biểu ("{text}"); số liệu mẫu phải được thay bằng số liệu của đơn vị trước khi dùng', '{where}: cell {cell} still holds the template\'s sample content ("{text}"); sample figures must be replaced by the unit\'s own before use') },
  bieu_pc_nhan_lech: { 'pcgd.nhan_lech': error('{where}: nhãn "{words}" nằm ở ô {found}, mẫu biểu để ở ô {expected}: biểu đã bị chèn hoặc xóa dòng, cột; số liệu của biểu không được đọc theo vị trí ô', '{where}: the label "{words}" is in {found}, the form has it in {expected}: rows or columns were inserted or deleted; the form\'s figures are not read by position') },
  bieu_pc_nam_sinh_lech: { 'pcgd.nam_sinh_lech': error('{where}: ô {cell} ghi năm sinh {actual}, nhưng trẻ {age} tuổi năm {year} sinh năm {expected}; bảng có thể là của năm khác hoặc cột đã bị dời', '{where}: cell {cell} gives birth year {actual}, but {age}-year-olds in {year} were born in {expected}; the table may be another year\'s, or the columns moved') },
  bieu_pc_khac_nam: { 'pcgd.khac_nam': error('{where}: biểu ghi thời điểm năm {actual} (ô {cell}), khác năm điều tra {expected} của lần tổng hợp này; số liệu của biểu không được tính', '{where}: the form is dated {actual} (cell {cell}), not the survey year {expected} being consolidated; its figures are not used') },
  bieu_pc_khong_ro_xa: { 'pcgd.khong_ro_xa': warning('Biểu {code}: không xác định được xã, phường (ô {cell} trống và tên tệp không có tên xã); biểu được tính như một đơn vị không tên', 'Form {code}: the commune is unknown (cell {cell} is blank and the file name carries no commune); the form counts as an unnamed unit') },
  bieu_pc_khong_tim_thay_dong: { 'pcgd.khong_tim_thay_dong': error('{where}: không tìm thấy dòng {rows} theo nhãn; biểu không được đọc', '{where}: row(s) {rows} not found by their labels; the form was not read') },
  bieu_pc_muc_do_khong_chinh_thuc: { 'pcgd.muc_do_khong_chinh_thuc': info('{where}: ô {cell} ghi "{text}": đây là điều kiện đội ngũ, cơ sở vật chất của phần mềm, không phải mức độ chính thức; mức độ được tính lại từ các tỷ lệ', '{where}: cell {cell} says "{text}": a staff/facility gate of the software, not an official level; the level is recomputed from the rates') },
  bieu_pc_khac_so_dang_ky: {
    'pcgd.khac_so_dang_ky': error('{where}: {label} (ô {cells}) ghi {actual}, sổ đăng ký của {commune} tính được {expected}, lệch {diff}; {rows}', '{where}: {label} ({cells}) says {actual}, the register of {commune} gives {expected}, difference {diff}; {rows}'),
    'pcgd.so_dang_ky_khac_nam': warning('{where}: biểu ghi năm {actual}, sổ đăng ký của {commune} là năm điều tra {expected}; biểu không được so với sổ đăng ký', '{where}: the form is dated {actual}, the register of {commune} is of survey year {expected}; the form is not compared with the register'),
  },
  bieu_pc_cmc1_mau_so: { 'pcgd.cmc1_mau_so': warning('{where}: {label} (ô {cell}) chia cho ô {den}, trong khi biểu CMC-1 chính thức chia mọi tỷ lệ của nhóm tuổi cho tổng dân số (ô {official})', '{where}: {label} (cell {cell}) divides by {den}, while the official CMC-1 divides every rate of the age band by the total population ({official})') },
  bieu_pc_trung: {
    'pcgd.trung_giong': warning('{commune}: biểu {code} có hai lần ({file} và {firstFile}), giống nhau; chỉ tính một lần', '{commune}: form {code} appears twice ({file} and {firstFile}), identical; counted once'),
    'pcgd.trung_khac': error('{commune}: biểu {code} có hai lần ({file} và {firstFile}) với số liệu khác nhau ({cells}); chỉ tính bản đầu, cần xác định bản đúng', '{commune}: form {code} appears twice ({file} and {firstFile}) with different figures ({cells}); only the first is used until the right copy is chosen'),
  },
  bieu_pc_lech_bieu_khac: { 'pcgd.lech_bieu_khac': error('{commune}: {label} là {actual} trên biểu {form} (ô {cell}) nhưng {expected} trên biểu {other} (ô {otherCell})', '{commune}: {label} is {actual} on form {form} (cell {cell}) but {expected} on form {other} (cell {otherCell})') },
  bieu_pc_muc_do_vuot_ty_le: { 'pcgd.muc_do_vuot_ty_le': error('{where}: mức độ in "{printed}" (ô {cell}) cao hơn mức mà các tỷ lệ của chính biểu cho phép ({computed}): {reason}', '{where}: the printed level "{printed}" (cell {cell}) is higher than the form\'s own rates allow ({computed}): {reason}') },
  bieu_pc_khong_kiem_duoc: { 'pcgd.khong_kiem_duoc': info('{commune} – {programme}: các biểu có ({forms}) không có {criteria}; mức độ {level} lấy theo mức in trên biểu trong phạm vi các tỷ lệ in cho phép, phần còn lại chưa kiểm được', '{commune} – {programme}: the forms given ({forms}) lack {criteria}; level {level} is the printed level as far as the printed rates support it, the rest could not be verified') },
  /* ---- The education database's statistics reports read as input (src/core/csdl) */
  csdl_thieu_trang: { 'csdl.thieu_trang': warning('Tệp {file}: báo cáo {report} thiếu trang {sheets}; các chỉ tiêu của trang đó không có trong báo cáo', 'File {file}: report {report} lacks sheet(s) {sheets}; their indicators are missing from the report') },
  csdl_o_giu_cho: { 'csdl.o_giu_cho': warning('{report}, trang {sheet}: {n} ô ghi "{mark}" thay cho số ({cells}); coi như không báo cáo, không phải số 0', '{report}, sheet {sheet}: {n} cell(s) hold "{mark}" instead of a number ({cells}); treated as not reported, not as 0') },
  csdl_o_loi_cong_thuc: { 'csdl.o_loi_cong_thuc': warning('{report}, trang {sheet}: {n} ô công thức lưu giá trị lỗi {error} ({cells}); {fixed} ô được tính lại từ các ô thành phần theo công thức của trang', '{report}, sheet {sheet}: {n} formula cell(s) hold the cached error {error} ({cells}); {fixed} were recomputed from their parts as the sheet\'s formula does') },
  csdl_khong_phai_so: { 'csdl.khong_phai_so': error('{report}, trang {sheet}: ô {cell} ghi "{raw}", không phải số; coi như không báo cáo', '{report}, sheet {sheet}: cell {cell} holds "{raw}", not a number; treated as not reported') },
  csdl_so_huu_khac_tong: { 'csdl.so_huu_khac_tong': error('{report}, trang {sheet}, Mã số {ma} ({label}), {measure}: cột Tổng số ghi {actual}, nhưng {parts} = {expected}', '{report}, sheet {sheet}, Mã số {ma} ({label}), {measure}: the total column says {actual}, but {parts} = {expected}') },
  csdl_nhom_vuot_cha: {
    'csdl.nhom_vuot_cha': error('{report}, trang {sheet}, Mã số {ma} ({label}): {part} ({partValue}) lớn hơn {whole} ({wholeValue}) của cùng loại hình; một nhóm con không thể lớn hơn nhóm chứa nó', '{report}, sheet {sheet}, Mã số {ma} ({label}): {part} ({partValue}) exceeds {whole} ({wholeValue}) of the same ownership; a subgroup cannot exceed its group'),
    'csdl.ma_vuot_cha': error('{report}, Mã số {ma} ({label}), {column}: {partValue} lớn hơn Mã số {whole} ({wholeLabel}) = {wholeValue}, là nhóm chứa nó', '{report}, Mã số {ma} ({label}), {column}: {partValue} exceeds Mã số {whole} ({wholeLabel}) = {wholeValue}, the group it belongs to'),
  },
  csdl_tong_khac_thanh_phan: { 'csdl.tong_khac_thanh_phan': error('{report}, Mã số {ma} ({label}), {column}: ghi {actual}, nhưng các Mã số {parts} cộng lại {expected}, lệch {diff}', '{report}, Mã số {ma} ({label}), {column}: says {actual}, but Mã số {parts} add up to {expected}; difference {diff}') },
  csdl_quan_he_vo_ly: { 'csdl.quan_he_vo_ly': error('{report}, cột {column}: có {n} {what} nhưng {without} bằng 0 hoặc để trống', '{report}, column {column}: {n} {what} but {without} is 0 or blank') },
  ds_truong_thieu_ma_xa: { 'csdl.ds_truong_thieu_ma_xa': warning('Danh sách trường: trường {code} ({name}) không có mã xã, phường (ô {cell}); trường này không gắn được với xã nào', 'School list: school {code} ({name}) has no commune code (cell {cell}); it cannot be placed in a commune') },
  /* ---- The cross-check of school submissions (src/core/crosscheck/engine.ts) and the hosts reading files */
  khong_doc_duoc_tep: { 'file.cannot_read': error('Không đọc được tệp {file}: {reason}', 'Cannot read file {file}: {reason}') },
  sai_nam_hoc: { 'crosscheck.sai_nam_hoc': error('Tệp {file} là số liệu năm học {actual} (trang {sheet}), không phải năm học {expected} đang tổng hợp.', 'File {file} holds school year {actual} (sheets {sheet}), not the school year {expected} being consolidated.') },
  khong_ro_nam_hoc: { 'crosscheck.khong_ro_nam_hoc': info('Tệp {file} không ghi năm học; coi như năm học {expected}.', 'File {file} does not state its school year; taken as {expected}.') },
  khong_co_ma_truong: { 'crosscheck.khong_co_ma_truong': error('Tệp {file} không có mã trường ở biểu nào (các biểu: {templates}), nên không biết là bài nộp của trường nào.', 'File {file} carries no school code in any template ({templates}), so the submitting school is unknown.') },
  truong_khong_co_trong_danh_sach: { 'crosscheck.truong_khong_co_trong_danh_sach': error('Mã trường {school} (tệp {file}, ô {sheet}!{cell}) không có trong danh sách trường của phòng.', 'School code {school} (file {file}, cell {sheet}!{cell}) is not in the office\'s list of schools.') },
  kiem_tra_that_bai: { 'crosscheck.rules_failed': warning('Không chạy được các phép kiểm tra trên tệp {file}: {error}', 'The checks could not run on {file}: {error}') },
  ma_da_sap_nhap: { 'crosscheck.ma_da_sap_nhap': info('Mã {old} trong tệp {file} đã sáp nhập vào {new}{date}; đối chiếu theo mã {new}.', 'Code {old} in {file} was merged into {new}{date}; compared as {new}.') },
  nop_trung: {
    'crosscheck.nop_trung_giong': warning('Trường {school} nộp hai lần: tệp {file} trùng tệp {firstFile}; hai bản giống nhau, chỉ tổng hợp bản đầu.', 'School {school} submitted twice: {file} repeats {firstFile}; the two copies are identical, only the first is consolidated.'),
    'crosscheck.nop_trung_khac': error('Trường {school} nộp hai lần: tệp {file} và tệp {firstFile} khác nhau ở {count} ô ({fields}); chưa tổng hợp bản nào, cần xác định bản đúng.', 'School {school} submitted twice: {file} and {firstFile} differ in {count} cells ({fields}); neither is consolidated until the right copy is chosen.'),
  },
  doi_chieu_khong_co_dong: { 'crosscheck.khong_co_dong': warning('Trường {school}: dòng {key} của biểu {template} (dòng {row} trong tệp nộp) không có trong danh sách của phòng.', 'School {school}: row {key} of {template} (row {row} of the submission) has no counterpart in the office master.') },
  doi_chieu_lech_ten: { 'crosscheck.lech_ten': warning('Trường {school}: "{field}" trong tệp nộp là "{actual}" (ô {sheet}!{cell}), danh sách của phòng ghi "{expected}" (ô {masterSheet}!{masterCell}); cùng mã nên vẫn đối chiếu.', 'School {school}: "{field}" is "{actual}" in the submission (cell {sheet}!{cell}) but "{expected}" in the office master (cell {masterSheet}!{masterCell}); same code, so still compared.') },
  doi_chieu_thieu_so_lieu: {
    'crosscheck.thieu_so_lieu': warning('Trường {school}{name}: "{field}" để trống trong tệp nộp (ô {sheet}!{cell}), danh sách của phòng ghi {expected} (ô {masterSheet}!{masterCell} tệp {masterFile}).', 'School {school}{name}: "{field}" is blank in the submission (cell {sheet}!{cell}) but {expected} in the office master (cell {masterSheet}!{masterCell} of {masterFile}).'),
    'crosscheck.thua_so_lieu': warning('Trường {school}{name}: "{field}" trong tệp nộp là {actual} (ô {sheet}!{cell}), danh sách của phòng để trống (ô {masterSheet}!{masterCell} tệp {masterFile}).', 'School {school}{name}: "{field}" is {actual} in the submission (cell {sheet}!{cell}) but blank in the office master (cell {masterSheet}!{masterCell} of {masterFile}).'),
  },
  doi_chieu_lech_so_lieu: { 'crosscheck.lech_so_lieu': error('Trường {school}{name}: "{field}" trong tệp nộp là {actual} (ô {sheet}!{cell}), danh sách của phòng ghi {expected} (ô {masterSheet}!{masterCell} tệp {masterFile}).', 'School {school}{name}: "{field}" is {actual} in the submission (cell {sheet}!{cell}) but {expected} in the office master (cell {masterSheet}!{masterCell} of {masterFile}).') },
  chua_nop: {
    'crosscheck.chua_nop': warning('Trường {school} {name} ({commune}) chưa nộp.', 'School {school} {name} ({commune}) has not submitted.'),
    'crosscheck.chua_nop_tep_hong': warning('Trường {school} {name} ({commune}) chưa có bài nộp dùng được; tệp {files} mang mã trường này nhưng không đọc được hoặc không có biểu mẫu.', 'School {school} {name} ({commune}) has no usable submission; file {files} carries its code but could not be read or has no template.'),
  },
  /* ---- The household register (src/core/register): files, persons, communes. The per-person ids also
   * carry the count-only wording the reports use (no name, no row). */
  dk_thieu_ho_ten: { 'register.dk_thieu_ho_ten': error('{file}, dòng {row}: thiếu họ tên đối tượng; người này không được tính', '{file}, row {row}: the person has no name; not counted'), 'register.person_summary': PERSON_SUMMARY_ERROR },
  dk_thieu_nam_sinh: { 'register.dk_thieu_nam_sinh': error('{file}, dòng {row} ({name}): năm sinh không hợp lệ hoặc bị thiếu ("{value}"); người này không được tính', '{file}, row {row} ({name}): birth year missing or invalid ("{value}"); not counted'), 'register.person_summary': PERSON_SUMMARY_ERROR },
  dk_nam_sinh_sau_nam_dieu_tra: { 'register.dk_nam_sinh_sau_nam_dieu_tra': error('{file}, dòng {row} ({name}): năm sinh {birth} sau năm điều tra {year}; người này không được tính', '{file}, row {row} ({name}): born {birth}, after the survey year {year}; not counted'), 'register.person_summary': PERSON_SUMMARY_ERROR },
  dk_tuoi_qua_120: { 'register.dk_tuoi_qua_120': error('{file}, dòng {row} ({name}): năm sinh {birth} cho tuổi {age}, trên 120; người này không được tính', '{file}, row {row} ({name}): born {birth}, age {age} is above 120; not counted'), 'register.person_summary': PERSON_SUMMARY_ERROR },
  dk_ngay_thang_sinh_sai: { 'register.dk_ngay_thang_sinh_sai': warning('{file}, dòng {row} ({name}): ngày/tháng sinh không có thật (ngày {day}, tháng {month}); tuổi vẫn tính theo năm sinh', '{file}, row {row} ({name}): impossible day/month of birth (day {day}, month {month}); age still counts by birth year'), 'register.person_summary_warning': PERSON_SUMMARY_WARNING },
  dk_vua_hoc_vua_bo_hoc: { 'register.dk_vua_hoc_vua_bo_hoc': error('{file}, dòng {row} ({name}): vừa có khối đang học vừa có "bỏ học lớp"; người này không được tính cho đến khi sửa', '{file}, row {row} ({name}): both in school and dropped out; not counted until corrected'), 'register.person_summary': PERSON_SUMMARY_ERROR },
  dk_lop_lech_tuoi: { 'register.dk_lop_lech_tuoi': warning('{file}, dòng {row} ({name}): {age} tuổi đang học lớp {grade}, lệch tuổi quá {gap} năm; kiểm tra năm sinh và khối học', '{file}, row {row} ({name}): aged {age} in grade {grade}, more than {gap} years from the usual age; check birth year and grade'), 'register.person_summary_warning': PERSON_SUMMARY_WARNING },
  dk_nam_tot_nghiep_sau_nam_dieu_tra: { 'register.dk_nam_tot_nghiep_sau_nam_dieu_tra': error('{file}, dòng {row} ({name}): năm tốt nghiệp "{value}" sau năm điều tra {year}; người này không được tính', '{file}, row {row} ({name}): graduation year "{value}" is after the survey year {year}; not counted'), 'register.person_summary': PERSON_SUMMARY_ERROR },
  dk_lop_xmc_duoi_15: { 'register.dk_lop_xmc_duoi_15': warning('{file}, dòng {row} ({name}): {age} tuổi nhưng có ghi lớp xóa mù chữ (chỉ dành cho người từ 15 tuổi)', '{file}, row {row} ({name}): aged {age} but has literacy-class entries (for people aged 15 and over)'), 'register.person_summary_warning': PERSON_SUMMARY_WARNING },
  dk_ma_truong_khong_co: { 'register.dk_ma_truong_khong_co': warning('{file}, dòng {row} ({name}): mã trường "{code}" không có trong danh mục trường', '{file}, row {row} ({name}): school code "{code}" is not in the school list'), 'register.person_summary_warning': PERSON_SUMMARY_WARNING },
  dk_trung_nguoi: { 'register.dk_trung_nguoi': error('{file}, dòng {row}: trùng họ tên và ngày sinh với {first_file}, dòng {first_row}; chỉ tính một lần', '{file}, row {row}: same name and date of birth as {first_file}, row {first_row}; counted once'), 'register.person_summary': PERSON_SUMMARY_ERROR },
  dk_nam_dieu_tra_khac: { 'register.dk_nam_dieu_tra_khac': error('{file}: năm điều tra {year} khác năm {expected} của các tệp thôn khác của {commune}; {n} người của tệp này không được tính', '{file}: survey year {year} differs from {expected}, the year of the other thôn files of {commune}; its {n} persons are not counted') },
  dk_con_nua: { 'register.dk_con_nua': info('{file}: còn {n} phát hiện "{what}" nữa không liệt kê', '{file}: {n} more "{what}" findings not listed') },
  dk_cot_doi_cho: { 'register.dk_cot_doi_cho': info('{file}: các cột không theo thứ tự chuẩn A–AY; đã nhận {n} cột theo tiêu đề', '{file}: columns are not in the standard A–AY order; {n} columns recognised by their headers') },
  dk_khong_co_dong_tieu_de: { 'register.dk_khong_co_dong_tieu_de': warning('{file}: không thấy dòng tiêu đề; đọc theo vị trí cột chuẩn A–AY của mẫu MauNhapLieu (dữ liệu từ dòng 5). Kiểm tra lại các cột', '{file}: no header row found; read by the standard A–AY positions of the MauNhapLieu sheet (data from row 5). Check the columns') },
  dk_khong_co_nam_dieu_tra: { 'register.dk_khong_co_nam_dieu_tra': error('{file}: không có năm điều tra (ô A2, tên tệp hoặc --year); không tính được tuổi, tệp bị bỏ qua', '{file}: no survey year (cell A2, the file name or --year); ages cannot be computed, the file is skipped') },
  dk_khong_phai_so_dang_ky: { 'register.dk_khong_phai_so_dang_ky': error('{file}: không có trang sổ đăng ký (MauNhapLieu / DATA hoặc dòng tiêu đề của sổ)', '{file}: no register sheet (MauNhapLieu / DATA or a register header row)') },
} satisfies Record<string, Record<string, FindingText>>;
