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
  'xlsx.too_many_sheets': {
    vi: 'sổ tính có {count} trang tính, vượt giới hạn {max}; hãy tách tệp',
    en: 'the workbook has {count} sheets, beyond the limit of {max}; split the file',
  },
  'xlsx.too_many_merges': {
    vi: 'sổ tính có hơn {max} vùng ô gộp (đến trang "{sheet}"); hãy bỏ gộp ô thừa rồi lưu lại',
    en: 'the workbook has more than {max} merged areas (up to sheet "{sheet}"); unmerge the unneeded cells and save again',
  },
  'xlsx.too_spread': {
    vi: 'trang "{sheet}" có ô nằm rải rác trên vùng quá rộng (đến ô {cell}; giới hạn {max} ô khi duyệt từng dòng); hãy xóa các ô thừa ở xa (Ctrl+End để tìm) rồi lưu lại',
    en: 'sheet "{sheet}" has cells spread over too wide an area (up to cell {cell}; limit {max} cells walked row by row); delete the stray far cells (Ctrl+End finds them) and save again',
  },
  'xlsx.too_many_cells_total': {
    vi: 'sổ tính quá lớn để đọc: có {count} ô, vượt {max} ô; hãy tách tệp hoặc xóa các dòng, cột thừa',
    en: 'the workbook is too large to read: {count} cells, beyond {max} cells; split the file or delete unused rows and columns',
  },
  'xlsx.too_many_merges_total': {
    vi: 'sổ tính có {count} vùng ô gộp, vượt giới hạn {max}; hãy bỏ gộp ô thừa rồi lưu lại',
    en: 'the workbook has {count} merged areas, beyond the limit of {max}; unmerge the unneeded cells and save again',
  },
};
