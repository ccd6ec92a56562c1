/**
 * The one reader of a level written by a person: printed level columns, CHI_TIEU targets, the
 * prerequisite and unit levels given to GD.PHOCAP_LEVEL / GD.PHOCAP_UNIT_LEVEL.
 */
import { foldText } from '../sheets/normalize';

/**
 * "Mức độ 3", "mức 2", "MĐ3", "M3", "Đạt chuẩn mức III", "Level 2", "3", "II" → k; "Đạt", "Đạt chuẩn",
 * "Achieved" → 1; "Không đạt", "Chưa đạt", "Not achieved", "0" → 0; "Chưa đủ dữ liệu", "Insufficient
 * data" → 'no_data'; a number → itself (the caller checks its range); anything else → null.
 */
export function parseLevel(value: unknown): number | 'no_data' | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = foldText(value);
  if (/chua du du lieu|thieu du lieu|khong du du lieu|insufficient data|no data/.test(s)) return 'no_data';
  if (/^(khong dat|chua dat|khong|not achieved|not met)$/.test(s) || s === '0') return 0;
  const m = s.match(/(?:muc do|muc|md|m|level)\s*(\d|i{1,3})\b/) ?? s.match(/^(\d|i{1,3})$/);
  if (m) return /^\d$/.test(m[1]) ? Number(m[1]) : m[1].length;
  if (/^(dat( chuan)?|achieved|met|meets the standard)$/.test(s)) return 1;
  return null;
}
