import type { Bilingual } from '../../findings';

/** Messages of the household register (src/core/register) and its commands. Vietnamese first. */
export const register: Record<string, Bilingual> = {
  'register.dk_thieu_ho_ten': {
    vi: '{file}, dòng {row}: thiếu họ tên đối tượng; người này không được tính',
    en: '{file}, row {row}: the person has no name; not counted',
  },
  'register.dk_thieu_nam_sinh': {
    vi: '{file}, dòng {row} ({name}): năm sinh không hợp lệ hoặc bị thiếu ("{value}"); người này không được tính',
    en: '{file}, row {row} ({name}): birth year missing or invalid ("{value}"); not counted',
  },
  'register.dk_nam_sinh_sau_nam_dieu_tra': {
    vi: '{file}, dòng {row} ({name}): năm sinh {birth} sau năm điều tra {year}; người này không được tính',
    en: '{file}, row {row} ({name}): born {birth}, after the survey year {year}; not counted',
  },
  'register.dk_tuoi_qua_120': {
    vi: '{file}, dòng {row} ({name}): năm sinh {birth} cho tuổi {age}, trên 120; người này không được tính',
    en: '{file}, row {row} ({name}): born {birth}, age {age} is above 120; not counted',
  },
  'register.dk_ngay_thang_sinh_sai': {
    vi: '{file}, dòng {row} ({name}): ngày/tháng sinh không có thật (ngày {day}, tháng {month}); tuổi vẫn tính theo năm sinh',
    en: '{file}, row {row} ({name}): impossible day/month of birth (day {day}, month {month}); age still counts by birth year',
  },
  'register.dk_vua_hoc_vua_bo_hoc': {
    vi: '{file}, dòng {row} ({name}): vừa có khối đang học vừa có "bỏ học lớp"; người này không được tính cho đến khi sửa',
    en: '{file}, row {row} ({name}): both in school and dropped out; not counted until corrected',
  },
  'register.dk_lop_lech_tuoi': {
    vi: '{file}, dòng {row} ({name}): {age} tuổi đang học lớp {grade}, lệch tuổi quá {gap} năm; kiểm tra năm sinh và khối học',
    en: '{file}, row {row} ({name}): aged {age} in grade {grade}, more than {gap} years from the usual age; check birth year and grade',
  },
  'register.dk_nam_tot_nghiep_sau_nam_dieu_tra': {
    vi: '{file}, dòng {row} ({name}): năm tốt nghiệp "{value}" sau năm điều tra {year}; người này không được tính',
    en: '{file}, row {row} ({name}): graduation year "{value}" is after the survey year {year}; not counted',
  },
  'register.dk_lop_xmc_duoi_15': {
    vi: '{file}, dòng {row} ({name}): {age} tuổi nhưng có ghi lớp xóa mù chữ (chỉ dành cho người từ 15 tuổi)',
    en: '{file}, row {row} ({name}): aged {age} but has literacy-class entries (for people aged 15 and over)',
  },
  'register.dk_ma_truong_khong_co': {
    vi: '{file}, dòng {row} ({name}): mã trường "{code}" không có trong danh mục trường',
    en: '{file}, row {row} ({name}): school code "{code}" is not in the school list',
  },
  'register.dk_trung_nguoi': {
    vi: '{file}, dòng {row}: trùng họ tên và ngày sinh với {first_file}, dòng {first_row}; chỉ tính một lần',
    en: '{file}, row {row}: same name and date of birth as {first_file}, row {first_row}; counted once',
  },
  'register.dk_nam_dieu_tra_khac': {
    vi: '{file}: năm điều tra {year} khác năm {expected} của các tệp thôn khác của {commune}; {n} người của tệp này không được tính',
    en: '{file}: survey year {year} differs from {expected}, the year of the other thôn files of {commune}; its {n} persons are not counted',
  },
  'register.dk_con_nua': {
    vi: '{file}: còn {n} phát hiện "{rule}" nữa không liệt kê',
    en: '{file}: {n} more "{rule}" findings not listed',
  },
  'register.dk_cot_doi_cho': {
    vi: '{file}: các cột không theo thứ tự chuẩn A–AY; đã nhận {n} cột theo tiêu đề',
    en: '{file}: columns are not in the standard A–AY order; {n} columns recognised by their headers',
  },
  'register.dk_khong_co_dong_tieu_de': {
    vi: '{file}: không thấy dòng tiêu đề; đọc theo vị trí cột chuẩn A–AY của mẫu MauNhapLieu (dữ liệu từ dòng 5). Kiểm tra lại các cột',
    en: '{file}: no header row found; read by the standard A–AY positions of the MauNhapLieu sheet (data from row 5). Check the columns',
  },
  'register.dk_khong_co_nam_dieu_tra': {
    vi: '{file}: không có năm điều tra (ô A2, tên tệp hoặc --year); không tính được tuổi, tệp bị bỏ qua',
    en: '{file}: no survey year (cell A2, the file name or --year); ages cannot be computed, the file is skipped',
  },
  'register.dk_khong_phai_so_dang_ky': {
    vi: '{file}: không có trang sổ đăng ký (MauNhapLieu / DATA hoặc dòng tiêu đề của sổ)',
    en: '{file}: no register sheet (MauNhapLieu / DATA or a register header row)',
  },
  'register.person_summary': {
    vi: '{n} dòng của sổ đăng ký: {label}; chi tiết theo từng người: baocao-gd check hoặc thẻ Phổ cập',
    en: '{n} register rows: {label}; per-person details: baocao-gd check or the Phổ cập tab',
  },
  'register.rule.dk_thieu_ho_ten': { vi: 'thiếu họ tên', en: 'no name' },
  'register.rule.dk_thieu_nam_sinh': { vi: 'thiếu hoặc sai năm sinh', en: 'missing or invalid birth year' },
  'register.rule.dk_nam_sinh_sau_nam_dieu_tra': { vi: 'năm sinh sau năm điều tra', en: 'born after the survey year' },
  'register.rule.dk_tuoi_qua_120': { vi: 'tuổi trên 120', en: 'age above 120' },
  'register.rule.dk_ngay_thang_sinh_sai': { vi: 'ngày/tháng sinh không có thật', en: 'impossible day/month of birth' },
  'register.rule.dk_vua_hoc_vua_bo_hoc': { vi: 'vừa đang học vừa bỏ học', en: 'in school and dropped out' },
  'register.rule.dk_lop_lech_tuoi': { vi: 'lớp lệch tuổi', en: 'grade far from age' },
  'register.rule.dk_nam_tot_nghiep_sau_nam_dieu_tra': { vi: 'năm tốt nghiệp sau năm điều tra', en: 'graduation after the survey year' },
  'register.rule.dk_lop_xmc_duoi_15': { vi: 'lớp xóa mù chữ dưới 15 tuổi', en: 'literacy class under 15' },
  'register.rule.dk_ma_truong_khong_co': { vi: 'mã trường không có trong danh mục', en: 'school code not in the list' },
  'register.rule.dk_trung_nguoi': { vi: 'trùng người (họ tên và ngày sinh)', en: 'the same person twice' },
  'register.summary': {
    vi: '{commune} ({year}): {files} tệp, {persons} người được tính, {excluded} người không được tính vì lỗi, {duplicates} người trùng chỉ tính một lần; ĐBKK: {dbkk}',
    en: '{commune} ({year}): {files} file(s), {persons} persons counted, {excluded} left out for errors, {duplicates} duplicates counted once; ĐBKK: {dbkk}',
  },
  'register.dbkk.settings': { vi: 'có (theo cài đặt)', en: 'yes (settings)' },
  'register.dbkk.list': { vi: 'có (theo danh sách xã)', en: 'yes (commune list)' },
  'register.dbkk.list_no': { vi: 'không (theo danh sách xã)', en: 'no (commune list)' },
  'register.dbkk.default': { vi: 'không (không có trong cài đặt hay danh sách xã ĐBKK)', en: 'no (not in the settings or a ĐBKK list)' },
  'register.settings_used': {
    vi: 'Quy tắc đếm từ sổ đăng ký (cài đặt): {label}: {value}{changed} — nguồn: {source} [{status}]',
    en: 'Register counting rule (setting): {label}: {value}{changed} — source: {source} [{status}]',
  },
  'register.setting_changed': { vi: ' (đã đổi so với mặc định)', en: ' (changed from the default)' },
  'register.report_note': {
    vi: 'Số liệu phổ cập lấy từ sổ đăng ký của {communes} xã, phường ({files} tệp thôn): {persons} người được tính, {excluded} người không được tính vì lỗi, {duplicates} người trùng chỉ tính một lần.',
    en: 'Phổ cập figures come from the registers of {communes} commune(s) ({files} thôn files): {persons} persons counted, {excluded} left out for errors, {duplicates} duplicates counted once.',
  },
  'register.cli.forms_written': { vi: 'Đã ghi biểu mẫu của {n} xã, phường vào {dir}:', en: 'Forms of {n} commune(s) written to {dir}:' },
  'register.cli.forms_usage': {
    vi: 'Cách dùng: baocao-gd forms THƯ_MỤC|TỆP… --out THƯ_MỤC [--xa TÊN] [--year 2025] [--settings TỆP.json]',
    en: 'Usage: baocao-gd forms FOLDER|FILE… --out DIR [--xa NAME] [--year 2025] [--settings FILE.json]',
  },
  'register.cli.no_register': { vi: 'Không có sổ đăng ký nào đọc được trong: {paths}', en: 'No readable register in: {paths}' },
  'register.cli.commune_line': {
    vi: '  {commune}: MN5 {mn5}, TH {th}, THCS {thcs}, XMC {xmc}',
    en: '  {commune}: MN5 {mn5}, TH {th}, THCS {thcs}, XMC {xmc}',
  },
  'ui.tab.register': { vi: 'Phổ cập', en: 'Phổ cập' },
  'ui.register.intro': {
    vi: 'Tính số liệu phổ cập – XMC từ sổ đăng ký (trang MauNhapLieu hoặc DATA) đang mở: số người theo độ tuổi, mức độ đạt chuẩn, các biểu của hệ thống PCGD. Sổ đăng ký không bị sửa.',
    en: 'Phổ cập – XMC figures from the open household register (sheet MauNhapLieu or DATA): counts by age, levels, the PCGD system forms. The register is never changed.',
  },
  'ui.register.compute': { vi: 'Tính từ sổ đăng ký', en: 'Compute from the register' },
  'ui.register.insert': { vi: 'Chèn tổng hợp và các biểu', en: 'Insert summary and forms' },
  'ui.register.reading': { vi: 'Đang đọc sổ đăng ký…', en: 'Reading the register…' },
  'ui.register.none': { vi: 'Sổ tính này không có trang sổ đăng ký (MauNhapLieu / DATA hoặc dòng tiêu đề của sổ).', en: 'This workbook has no register sheet (MauNhapLieu / DATA or a register header row).' },
  'ui.register.unsupported': { vi: 'Phiên bản Excel này không đọc được sổ đăng ký theo từng phần.', en: 'This Excel cannot read the register in pieces.' },
  'ui.register.summary': {
    vi: '{commune} (trang {sheet}, năm điều tra {year}): {persons} người được tính, {excluded} người không được tính vì lỗi, {duplicates} người trùng; đọc trong {syncs} lượt.',
    en: '{commune} (sheet {sheet}, survey year {year}): {persons} persons counted, {excluded} left out for errors, {duplicates} duplicates; read in {syncs} round trips.',
  },
  'ui.register.inserted': { vi: 'Đã chèn {n} trang: {sheets}', en: 'Inserted {n} sheets: {sheets}' },
  'ui.register.programme.MN5': { vi: 'PCGD mầm non 5 tuổi', en: 'Preschool (5-year-olds)' },
  'ui.register.programme.TH': { vi: 'PCGD tiểu học', en: 'Primary' },
  'ui.register.programme.THCS': { vi: 'PCGD THCS', en: 'Lower secondary' },
  'ui.register.programme.XMC': { vi: 'Xóa mù chữ', en: 'Literacy' },
  'ui.register.level.no_data': { vi: 'Chưa đủ dữ liệu', en: 'Not enough data' },
  'ui.register.level.none': { vi: 'Không đạt', en: 'Not met' },
  'ui.register.level.met': { vi: 'Đạt', en: 'Met' },
  'ui.register.level.k': { vi: 'Mức độ {k}', en: 'Level {k}' },
};
