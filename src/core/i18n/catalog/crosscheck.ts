import type { Bilingual } from '../../findings';

/** Messages of the cross-check of school submissions against the office's master (SHEETS.md §9). */
export const crosscheck: Record<string, Bilingual> = {
  'crosscheck.lech_so_lieu': {
    vi: 'Trường {school}{name}: "{field}" trong tệp nộp là {actual} (ô {sheet}!{cell}), danh sách của phòng ghi {expected} (ô {masterSheet}!{masterCell} tệp {masterFile}).',
    en: 'School {school}{name}: "{field}" is {actual} in the submission (cell {sheet}!{cell}) but {expected} in the office master (cell {masterSheet}!{masterCell} of {masterFile}).',
  },
  'crosscheck.thieu_so_lieu': {
    vi: 'Trường {school}{name}: "{field}" để trống trong tệp nộp (ô {sheet}!{cell}), danh sách của phòng ghi {expected} (ô {masterSheet}!{masterCell} tệp {masterFile}).',
    en: 'School {school}{name}: "{field}" is blank in the submission (cell {sheet}!{cell}) but {expected} in the office master (cell {masterSheet}!{masterCell} of {masterFile}).',
  },
  'crosscheck.thua_so_lieu': {
    vi: 'Trường {school}{name}: "{field}" trong tệp nộp là {actual} (ô {sheet}!{cell}), danh sách của phòng để trống (ô {masterSheet}!{masterCell} tệp {masterFile}).',
    en: 'School {school}{name}: "{field}" is {actual} in the submission (cell {sheet}!{cell}) but blank in the office master (cell {masterSheet}!{masterCell} of {masterFile}).',
  },
  'crosscheck.lech_ten': {
    vi: 'Trường {school}: "{field}" trong tệp nộp là "{actual}" (ô {sheet}!{cell}), danh sách của phòng ghi "{expected}" (ô {masterSheet}!{masterCell}); cùng mã nên vẫn đối chiếu.',
    en: 'School {school}: "{field}" is "{actual}" in the submission (cell {sheet}!{cell}) but "{expected}" in the office master (cell {masterSheet}!{masterCell}); same code, so still compared.',
  },
  'crosscheck.khong_co_dong': {
    vi: 'Trường {school}: dòng {key} của biểu {template} (dòng {row} trong tệp nộp) không có trong danh sách của phòng.',
    en: 'School {school}: row {key} of {template} (row {row} of the submission) has no counterpart in the office master.',
  },
  'crosscheck.nop_trung_giong': {
    vi: 'Trường {school} nộp hai lần: tệp {file} trùng tệp {firstFile}; hai bản giống nhau, chỉ tổng hợp bản đầu.',
    en: 'School {school} submitted twice: {file} repeats {firstFile}; the two copies are identical, only the first is consolidated.',
  },
  'crosscheck.nop_trung_khac': {
    vi: 'Trường {school} nộp hai lần: tệp {file} và tệp {firstFile} khác nhau ở {count} ô ({fields}); chưa tổng hợp bản nào, cần xác định bản đúng.',
    en: 'School {school} submitted twice: {file} and {firstFile} differ in {count} cells ({fields}); neither is consolidated until the right copy is chosen.',
  },
  'crosscheck.sai_nam_hoc': {
    vi: 'Tệp {file} là số liệu năm học {actual} (trang {sheet}), không phải năm học {expected} đang tổng hợp.',
    en: 'File {file} holds school year {actual} (sheets {sheet}), not the school year {expected} being consolidated.',
  },
  'crosscheck.khong_ro_nam_hoc': {
    vi: 'Tệp {file} không ghi năm học; coi như năm học {expected}.',
    en: 'File {file} does not state its school year; taken as {expected}.',
  },
  'crosscheck.truong_khong_co_trong_danh_sach': {
    vi: 'Mã trường {school} (tệp {file}, ô {sheet}!{cell}) không có trong danh sách trường của phòng.',
    en: 'School code {school} (file {file}, cell {sheet}!{cell}) is not in the office\'s list of schools.',
  },
  'crosscheck.khong_doc_duoc_tep': {
    vi: 'Không đọc được tệp {file}: {reason}',
    en: 'Cannot read file {file}: {reason}',
  },
  'crosscheck.khong_co_bieu_mau': {
    vi: 'Tệp {file} không có trang nào theo biểu mẫu chuẩn (các trang: {sheets}).',
    en: 'File {file} has no sheet in a standard template (sheets: {sheets}).',
  },
  'crosscheck.khong_co_ma_truong': {
    vi: 'Tệp {file} không có mã trường ở biểu nào (các biểu: {templates}), nên không biết là bài nộp của trường nào.',
    en: 'File {file} carries no school code in any template ({templates}), so the submitting school is unknown.',
  },
  'crosscheck.chua_nop': {
    vi: 'Trường {school} {name} ({commune}) chưa nộp.',
    en: 'School {school} {name} ({commune}) has not submitted.',
  },
  'crosscheck.chua_nop_tep_hong': {
    vi: 'Trường {school} {name} ({commune}) chưa có bài nộp dùng được; tệp {files} mang mã trường này nhưng không đọc được hoặc không có biểu mẫu.',
    en: 'School {school} {name} ({commune}) has no usable submission; file {files} carries its code but could not be read or has no template.',
  },
  'crosscheck.ma_da_sap_nhap': {
    vi: 'Mã {old} trong tệp {file} đã sáp nhập vào {new}{date}; đối chiếu theo mã {new}.',
    en: 'Code {old} in {file} was merged into {new}{date}; compared as {new}.',
  },
  'crosscheck.effective_from': { vi: ' từ ngày {date}', en: ' on {date}' },
  'crosscheck.master_no_schools': {
    vi: 'Tệp danh sách {file} không có biểu nào có mã trường (QUY_MO, KET_QUA, DOI_NGU…), không thể đối chiếu.',
    en: 'Master file {file} has no template with school codes (QUY_MO, KET_QUA, DOI_NGU…); nothing to compare with.',
  },
  'crosscheck.rules_failed': {
    vi: 'Không chạy được các phép kiểm tra trên tệp {file}: {error}',
    en: 'The checks could not run on {file}: {error}',
  },
  'crosscheck.reader_failed': { vi: 'lỗi khi đọc: {error}', en: 'reading failed: {error}' },

  /* consolidation sheet */
  'crosscheck.sheet_name': { vi: 'Tổng hợp', en: 'Tổng hợp' },
  'crosscheck.sheet_title': {
    vi: 'TỔNG HỢP SỐ LIỆU CÁC TRƯỜNG NỘP – NĂM HỌC {year}',
    en: 'CONSOLIDATED SCHOOL SUBMISSIONS – SCHOOL YEAR {year}',
  },
  'crosscheck.sheet_counts': {
    vi: 'Đã tổng hợp {accepted}/{expected} trường; {blocked} bài nộp có lỗi chưa tổng hợp; {missing} trường chưa nộp.',
    en: 'Consolidated {accepted}/{expected} schools; {blocked} submissions with errors left out; {missing} schools have not submitted.',
  },
  'crosscheck.col_source': { vi: 'Nguồn (tệp, ô)', en: 'Source (file, cells)' },
  'crosscheck.col_no': { vi: 'STT', en: 'No.' },
  'crosscheck.row_total': { vi: 'Tổng cộng', en: 'Total' },
  'crosscheck.blocked_title': { vi: 'Bài nộp chưa tổng hợp (có lỗi cần xử lý)', en: 'Submissions not consolidated (errors to resolve)' },
  'crosscheck.col_file': { vi: 'Tệp', en: 'File' },
  'crosscheck.col_school': { vi: 'Mã trường', en: 'School code' },
  'crosscheck.col_commune': { vi: 'Xã, phường', en: 'Commune' },
  'crosscheck.col_reasons': { vi: 'Lý do', en: 'Reasons' },
  'crosscheck.missing_title': { vi: 'Trường chưa nộp', en: 'Schools that have not submitted' },

  /* completeness and console output */
  'crosscheck.completeness_title': { vi: 'Tình hình nộp bài', en: 'Submission completeness' },
  'crosscheck.by_commune': { vi: 'Theo xã/phường', en: 'By commune' },
  'crosscheck.by_level': { vi: 'Theo cấp học', en: 'By school level' },
  'crosscheck.col_unit': { vi: 'Đơn vị', en: 'Unit' },
  'crosscheck.col_submitted': { vi: 'Đã nộp', en: 'Submitted' },
  'crosscheck.col_missing': { vi: 'Chưa nộp', en: 'Missing' },
  'crosscheck.unknown_commune': { vi: '(chưa rõ xã)', en: '(commune unknown)' },
  'crosscheck.unknown_level': { vi: '(chưa rõ cấp học)', en: '(level unknown)' },
  'crosscheck.total': { vi: 'Tổng', en: 'Total' },
  'crosscheck.summary': {
    vi: 'Đối chiếu {files} tệp với {master} (năm học {year}): {submitted}/{expected} trường đã nộp, {accepted} bài nộp được tổng hợp, {blocked} bài nộp có lỗi, {unreadable} tệp không đọc được.',
    en: 'Cross-checked {files} files against {master} (school year {year}): {submitted}/{expected} schools submitted, {accepted} submissions consolidated, {blocked} with errors, {unreadable} unreadable files.',
  },
  'crosscheck.year_unknown': { vi: 'chưa rõ', en: 'unknown' },
  'crosscheck.findings_title': { vi: 'Phát hiện theo trường', en: 'Findings by school' },
  'crosscheck.no_school': { vi: 'Tệp không xác định được trường', en: 'Files with no identified school' },
  'crosscheck.office': { vi: 'Danh sách của phòng', en: 'Office master' },
  'crosscheck.no_findings': { vi: 'Không có phát hiện nào.', en: 'No findings.' },
  'crosscheck.missing_list': { vi: 'Chưa nộp: {list}', en: 'Missing: {list}' },
  'crosscheck.wrote': { vi: 'Đã ghi trang "{sheet}" vào {file}.', en: 'Wrote sheet "{sheet}" to {file}.' },
  'crosscheck.usage': {
    vi: 'Cách dùng: baocao-gd crosscheck --master DANH_SACH.xlsx TỆP_NỘP.xlsx|THƯ_MỤC… [--json] [--out TONG_HOP.xlsx] [--lang vi|en]',
    en: 'Usage: baocao-gd crosscheck --master MASTER.xlsx SUBMISSION.xlsx|FOLDER… [--json] [--out SUMMARY.xlsx] [--lang vi|en]',
  },
  'crosscheck.no_submissions': {
    vi: 'Không tìm thấy tệp .xlsx nào trong: {paths}',
    en: 'No .xlsx file found in: {paths}',
  },
  'crosscheck.master_unreadable': {
    vi: 'Không đọc được tệp danh sách {file}: {reason}',
    en: 'Cannot read the master file {file}: {reason}',
  },
  'crosscheck.path_missing': { vi: 'không có tệp hoặc thư mục này', en: 'no such file or folder' },
};
