import type { Bilingual } from '../../findings';

/** Why a file could not be read (src/xlsx). The reader's findings are in ./findings.ts. */
export const sheets: Record<string, Bilingual> = {
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
