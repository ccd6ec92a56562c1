import type { Bilingual } from '../../findings';

export const common: Record<string, Bilingual> = {
  'severity.error': { vi: 'Lỗi', en: 'Error' },
  'severity.warning': { vi: 'Cảnh báo', en: 'Warning' },
  'severity.info': { vi: 'Thông tin', en: 'Info' },
  'level.none': { vi: 'Không đạt', en: 'Not achieved' },
  'level.no_data': { vi: 'Chưa đủ dữ liệu', en: 'Insufficient data' },
  'level.k': { vi: 'Mức độ {k}', en: 'Level {k}' },
  'level.met': { vi: 'Đạt', en: 'Achieved' },
  'parse.bad_school_year': { vi: 'Không đọc được năm học "{raw}" (ghi dạng 2023-2024).', en: 'Cannot read the school year "{raw}" (write it as 2023-2024).' },
};
