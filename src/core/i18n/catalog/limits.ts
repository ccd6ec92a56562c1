/** Messages of the size limits on workbooks read from files (src/xlsx/limits.ts). */
export const limits: Record<string, { vi: string; en: string }> = {
  'xlsx.too_many_cells': {
    vi: 'sổ tính quá lớn để đọc: trang "{sheet}" làm tổng số ô vượt {max} ô (đã đếm {count}); hãy tách tệp hoặc xóa các dòng, cột thừa',
    en: 'the workbook is too large to read: sheet "{sheet}" takes the cell count beyond {max} cells ({count} counted); split the file or delete unused rows and columns',
  },
  'xlsx.too_many_rows': {
    vi: 'trang "{sheet}" có hơn {max} dòng, vượt giới hạn của Excel; tệp bị hỏng hoặc được tạo sai',
    en: 'sheet "{sheet}" has more than {max} rows, beyond Excel\'s own limit; the file is corrupt or was produced wrongly',
  },
  'xlsx.too_many_strings': {
    vi: 'bảng chuỗi dùng chung của tệp quá lớn ({count} chuỗi; giới hạn {max}); từ chối đọc để an toàn',
    en: 'the shared string table is too large ({count} strings; limit {max}); refused for safety',
  },
};
