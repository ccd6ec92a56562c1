import type { Bilingual } from '../../findings';

/** Messages of the template reader (src/core/sheets). Numbers arrive already formatted. */
export const sheets: Record<string, Bilingual> = {
  'sheets.excel_error': {
    vi: 'Cột "{header}": {n} ô chứa lỗi Excel (ví dụ {cell} = {raw}); giá trị coi như chưa báo cáo',
    en: 'Column "{header}": {n} cell(s) hold an Excel error (e.g. {cell} = {raw}); treated as not reported',
  },
  'sheets.text_number': {
    vi: 'Cột "{header}": {n} ô chứa số dạng văn bản (ví dụ {cell} = "{raw}", đọc là {value}); nên nhập dạng số',
    en: 'Column "{header}": {n} cell(s) hold numbers typed as text (e.g. {cell} = "{raw}", read as {value}); enter them as numbers',
  },
  'sheets.text_number_many': {
    vi: 'Các cột {header}: {n} ô chứa số dạng văn bản (ví dụ {cell} = "{raw}", đọc là {value}); nên nhập dạng số',
    en: 'Columns {header}: {n} cells hold numbers typed as text (e.g. {cell} = "{raw}", read as {value}); enter them as numbers',
  },
  'sheets.ambiguous_number': {
    vi: 'Cột "{header}": {n} ô có số viết mơ hồ (ví dụ {cell} = "{raw}" đã đọc là {value} theo quy ước dấu chấm phân cách hàng nghìn); kiểm tra lại',
    en: 'Column "{header}": {n} cell(s) hold an ambiguous number (e.g. {cell} = "{raw}" was read as {value}, "." taken as thousands separator); please verify',
  },
  'sheets.not_a_number': {
    vi: 'Cột "{header}": {n} ô không phải số (ví dụ {cell} = "{raw}"); giá trị coi như chưa báo cáo',
    en: 'Column "{header}": {n} cell(s) are not numbers (e.g. {cell} = "{raw}"); treated as not reported',
  },
  'sheets.negative_count': {
    vi: 'Cột "{header}": {n} ô có số lượng âm (ví dụ {cell} = {value})',
    en: 'Column "{header}": {n} cell(s) hold a negative count (e.g. {cell} = {value})',
  },
  'sheets.fractional_count': {
    vi: 'Cột "{header}": {n} ô có số lượng không nguyên (ví dụ {cell} = {value})',
    en: 'Column "{header}": {n} cell(s) hold a count that is not a whole number (e.g. {cell} = {value})',
  },
  'sheets.out_of_range': {
    vi: 'Cột "{header}": {n} ô ngoài khoảng {min}–{max} (ví dụ {cell} = {value})',
    en: 'Column "{header}": {n} cell(s) outside {min}–{max} (e.g. {cell} = {value})',
  },
  'sheets.unknown_value': {
    vi: 'Cột "{header}": {n} ô có giá trị không thuộc danh mục (ví dụ {cell} = "{raw}"); giá trị hợp lệ: {allowed}',
    en: 'Column "{header}": {n} cell(s) hold a value outside the list (e.g. {cell} = "{raw}"); allowed: {allowed}',
  },
  'sheets.bad_date': {
    vi: 'Cột "{header}": {n} ô không phải ngày hợp lệ (ví dụ {cell} = "{raw}")',
    en: 'Column "{header}": {n} cell(s) are not valid dates (e.g. {cell} = "{raw}")',
  },
  'sheets.merged_data': {
    vi: 'Vùng ô gộp {range} nằm trong dữ liệu: chỉ ô đầu có giá trị, các ô còn lại coi như chưa báo cáo',
    en: 'Merged area {range} lies inside the data: only its first cell has a value, the others count as not reported',
  },
  'sheets.bad_school_year': {
    vi: 'Năm học "{raw}" không hợp lệ (cần dạng YYYY-YYYY+1, ví dụ 2023-2024)',
    en: 'School year "{raw}" is not valid (expected YYYY-YYYY+1, e.g. 2023-2024)',
  },
  'sheets.missing_required': {
    vi: 'Trang tính giống biểu {template} nhưng thiếu cột bắt buộc: {missing}; trang này không được kiểm tra',
    en: 'Sheet looks like template {template} but lacks required column(s): {missing}; it was not checked',
  },
  'sheets.no_template': {
    vi: 'Không tìm thấy biểu mẫu chuẩn nào trong tệp (đã xem {n} trang tính; tiêu đề cột cần nằm trong 15 dòng đầu)',
    en: 'No standard sheet found in the file ({n} sheet(s) examined; column headers must be within the first 15 rows)',
  },
  'sheets.no_rows': {
    vi: 'Biểu {template} không có dòng dữ liệu nào dưới tiêu đề',
    en: 'Template {template} has no data rows under its header',
  },
  'xlsx.missing': { vi: 'không tìm thấy tệp', en: 'file not found' },
  'xlsx.not_a_file': { vi: 'đây là thư mục, không phải tệp', en: 'this is a folder, not a file' },
  'xlsx.empty': { vi: 'tệp rỗng (0 byte)', en: 'the file is empty (0 bytes)' },
  'xlsx.too_large': { vi: 'tệp quá lớn ({size} MB; giới hạn {max} MB)', en: 'the file is too large ({size} MB; limit {max} MB)' },
  'xlsx.xls': {
    vi: 'đây là tệp Excel cũ (.xls) hoặc bị đổi đuôi; hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'this is a legacy Excel file (.xls) or was renamed; open it in Excel and save it as .xlsx',
  },
  'xlsx.encrypted': {
    vi: 'tệp được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu trong Excel rồi thử lại',
    en: 'the workbook is password-protected (encrypted); remove the password in Excel and try again',
  },
  'xlsx.not_zip': {
    vi: 'không phải tệp Excel .xlsx (có thể là CSV, HTML hoặc tệp khác bị đổi đuôi)',
    en: 'not an Excel .xlsx file (perhaps CSV, HTML or another file renamed)',
  },
  'xlsx.corrupt_zip': { vi: 'tệp .xlsx bị hỏng (không giải nén được)', en: 'the .xlsx file is corrupt (cannot be unzipped)' },
  'xlsx.zip_bomb': {
    vi: 'tệp có thành phần "{entry}" giải nén quá lớn ({size} MB); từ chối đọc để an toàn',
    en: 'the file has a part "{entry}" that expands too much ({size} MB); refused for safety',
  },
  'xlsx.not_xlsx': { vi: 'tệp nén không phải sổ tính Excel (thiếu xl/workbook.xml)', en: 'the archive is not an Excel workbook (no xl/workbook.xml)' },
  'xlsx.corrupt_xlsx': { vi: 'nội dung sổ tính bị hỏng ({detail})', en: 'the workbook content is corrupt ({detail})' },
  'xlsx.unopenable': { vi: 'tệp không mở được ({detail})', en: 'the file could not be opened ({detail})' },
};
