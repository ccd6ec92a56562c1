import type { Bilingual } from '../../findings';

/** Texts of the cross-check (SHEETS.md §9) besides its findings (those are in ./findings.ts). */
export const crosscheck: Record<string, Bilingual> = {
  'crosscheck.effective_from': { vi: ' từ ngày {date}', en: ' on {date}' },
  'crosscheck.master_no_schools': {
    vi: 'Tệp danh sách {file} không có biểu nào có mã trường (QUY_MO, KET_QUA, DOI_NGU…), không thể đối chiếu.',
    en: 'Master file {file} has no template with school codes (QUY_MO, KET_QUA, DOI_NGU…); nothing to compare with.',
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
    vi: 'Không tìm thấy bảng tính nào (.xlsx, .xlsm, .xls, .htm, .html, .xml) trong: {paths}',
    en: 'No workbook (.xlsx, .xlsm, .xls, .htm, .html, .xml) found in: {paths}',
  },
  'crosscheck.master_unreadable': {
    vi: 'Không đọc được tệp danh sách {file}: {reason}',
    en: 'Cannot read the master file {file}: {reason}',
  },
  'crosscheck.path_missing': { vi: 'không có tệp hoặc thư mục này', en: 'no such file or folder' },
  'crosscheck.folder_empty': {
    vi: 'thư mục này không có bảng tính nào (.xlsx, .xlsm, .xls, .htm, .html, .xml), kể cả trong các thư mục con; hãy kiểm tra các bài nộp đã được chép vào đúng thư mục chưa',
    en: 'this folder holds no workbook (.xlsx, .xlsm, .xls, .htm, .html, .xml), sub-folders included; check that the submissions were copied into the right folder',
  },
};
