import type { Bilingual } from '../../findings';

/** Why a file could not be read (src/xlsx). The reader's findings are in ./findings.ts. */
export const sheets: Record<string, Bilingual> = {
  'xlsx.missing': { vi: 'không tìm thấy tệp; hãy kiểm tra lại đường dẫn', en: 'file not found; check the path' },
  'xlsx.not_a_file': { vi: 'đây là thư mục, không phải tệp; hãy chỉ ra tệp Excel bên trong', en: 'this is a folder, not a file; give the Excel file inside it' },
  'xlsx.special_file': {
    vi: 'đây không phải tệp thường (thiết bị, ống dẫn hay ổ cắm của hệ thống); hãy chỉ ra một tệp Excel',
    en: 'this is not a regular file (a device, pipe or socket of the system); give an Excel file',
  },
  'xlsx.no_access': {
    vi: 'không có quyền đọc tệp; hãy kiểm tra quyền truy cập hoặc đóng chương trình đang khóa tệp',
    en: 'no permission to read the file; check its permissions or close the program that locks it',
  },
  'xlsx.empty': { vi: 'tệp rỗng (0 byte); hãy xin lại tệp từ người gửi', en: 'the file is empty (0 bytes); ask the sender for the file again' },
  'xlsx.too_large': { vi: 'tệp quá lớn ({size} MB; giới hạn {max} MB)', en: 'the file is too large ({size} MB; limit {max} MB)' },
  'xlsx.xls': {
    vi: 'đây là tệp Excel cũ (.xls) nhưng không đọc được (hỏng, hoặc không phải sổ tính); hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'this is a legacy Excel file (.xls) but it cannot be read (corrupt, or not a workbook); open it in Excel and save it as .xlsx',
  },
  'xlsx.corrupt_xls': {
    vi: 'tệp Excel cũ (.xls) bị hỏng, không đọc được; hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'the legacy Excel file (.xls) is corrupt and cannot be read; open it in Excel and save it as .xlsx',
  },
  'xlsx.encrypted': {
    vi: 'tệp được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu trong Excel rồi thử lại',
    en: 'the workbook is password-protected (encrypted); remove the password in Excel and try again',
  },
  'xlsx.not_zip': {
    vi: 'không phải tệp Excel .xlsx (có thể là CSV, HTML hoặc tệp khác bị đổi đuôi)',
    en: 'not an Excel .xlsx file (perhaps CSV, HTML or another file renamed)',
  },
  'xlsx.text_file': {
    vi: 'đây là tệp văn bản (CSV, TXT…), không phải tệp Excel; hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'this is a text file (CSV, TXT…), not an Excel file; open it in Excel and save it as .xlsx',
  },
  'xlsx.unknown_format': {
    vi: 'không phải tệp Excel (.xlsx hay .xls) và không nhận ra định dạng; hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'not an Excel file (.xlsx or .xls) and the format is not recognised; open it in Excel and save it as .xlsx',
  },
  'xlsx.html_not_table': {
    vi: 'đây là trang web (HTML) mang đuôi Excel nhưng không có bảng đọc được; hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'this is a web page (HTML) named as an Excel file but it holds no readable table; open it in Excel and save it as .xlsx',
  },
  'xlsx.corrupt_zip': {
    vi: 'tệp .xlsx bị hỏng (không giải nén được); hãy mở bằng Excel, lưu lại rồi thử lại',
    en: 'the .xlsx file is corrupt (cannot be unzipped); open it in Excel, save it again and retry',
  },
  'xlsx.zip_bomb': {
    vi: 'tệp có thành phần "{entry}" giải nén quá lớn ({size} MB); từ chối đọc để an toàn',
    en: 'the file has a part "{entry}" that expands too much ({size} MB); refused for safety',
  },
  'xlsx.too_many_parts': {
    vi: 'tệp nén có quá nhiều thành phần ({count}; giới hạn {max}); từ chối đọc để an toàn',
    en: 'the archive has too many parts ({count}; limit {max}); refused for safety',
  },
  'xlsx.not_xlsx': {
    vi: 'tệp nén không phải sổ tính Excel (thiếu xl/workbook.xml); hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'the archive is not an Excel workbook (no xl/workbook.xml); open it in Excel and save it as .xlsx',
  },
  'xlsx.no_sheets': {
    vi: 'sổ tính không có trang tính nào đọc được; hãy mở bằng Excel, kiểm tra rồi lưu lại',
    en: 'the workbook has no worksheet that can be read; open it in Excel, check it and save it again',
  },
  'xlsx.corrupt_xlsx': {
    vi: 'nội dung sổ tính bị hỏng, không đọc được; hãy mở bằng Excel, lưu lại rồi thử lại',
    en: 'the workbook content is corrupt and cannot be read; open it in Excel, save it again and retry',
  },
  'xlsx.bad_xml': {
    vi: 'nội dung sổ tính bị hỏng (một phần XML quá dài hoặc không kết thúc); hãy mở bằng Excel, lưu lại rồi thử lại',
    en: 'the workbook content is corrupt (an XML part too long or unterminated); open it in Excel, save it again and retry',
  },
  'xlsx.outside_grid': {
    vi: 'trang "{sheet}" có ô {cell} nằm ngoài lưới của Excel (tối đa XFD1048576); tệp được tạo sai, hãy xuất lại tệp',
    en: 'sheet "{sheet}" has a cell {cell} outside Excel\'s grid (at most XFD1048576); the file was produced wrongly, export it again',
  },
  'xlsx.unopenable': { vi: 'tệp không mở được ({detail})', en: 'the file could not be opened ({detail})' },
};
