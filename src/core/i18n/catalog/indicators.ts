import type { Bilingual } from '../../findings';

/** Messages of the indicator engine and the GD.* functions. Vietnamese first. */
export const indicators: Record<string, Bilingual> = {
  'indicators.error.blank': { vi: 'Thiếu số liệu ({name}): ô trống', en: 'Missing value ({name}): blank cell' },
  'indicators.error.non_numeric': { vi: 'Giá trị không phải là số ({name})', en: 'Not a number ({name})' },
  'indicators.error.negative': { vi: 'Số âm không hợp lệ ({name} = {value})', en: 'Negative value not allowed ({name} = {value})' },
  'indicators.error.numerator_gt_denominator': {
    vi: 'Tử số ({numerator}) lớn hơn mẫu số ({denominator})',
    en: 'Numerator ({numerator}) larger than denominator ({denominator})',
  },
  'indicators.error.zero_denominator': { vi: 'Mẫu số bằng 0 hoặc âm ({name})', en: 'Denominator is zero or negative ({name})' },
  'indicators.error.unknown_name': { vi: 'Không nhận ra {name}: "{value}"', en: 'Unknown {name}: "{value}"' },
  'indicators.error.out_of_range': { vi: 'Giá trị ngoài phạm vi ({name} = {value})', en: 'Value out of range ({name} = {value})' },
  'indicators.error.shape': {
    vi: 'Các vùng ô phải cùng kích thước ({a} và {b})',
    en: 'All ranges must have the same shape ({a} and {b})',
  },
  'indicators.error.no_rule': {
    vi: 'Chưa có ngưỡng công nhận {programme} cho phạm vi "{scope}"; đặt ngưỡng trong cài đặt ({id})',
    en: 'No recognition threshold for {programme} at scope "{scope}"; set one in the settings ({id})',
  },
  'indicators.change.up': { vi: 'tăng {amount}', en: 'up {amount}' },
  'indicators.change.down': { vi: 'giảm {amount}', en: 'down {amount}' },
  'indicators.change.same': { vi: 'bằng năm học trước', en: 'same as the previous school year' },
  'indicators.change.points': { vi: 'điểm phần trăm', en: 'percentage points' },
  'indicators.change.vs_previous': { vi: 'so với năm học trước', en: 'compared with the previous school year' },
  'indicators.sentence': { vi: '{label} đạt {value}', en: '{label}: {value}' },
  'indicators.trend.year': { vi: 'Năm học', en: 'School year' },
  'indicators.trend.value': { vi: 'Giá trị', en: 'Value' },
  'indicators.trend.change': { vi: 'Tăng/giảm', en: 'Change' },
  'indicators.trend.change_points': { vi: 'Tăng/giảm (điểm %)', en: 'Change (points)' },
  'indicators.trend.change_pct': { vi: 'Tỷ lệ tăng/giảm', en: 'Change (%)' },
  'indicators.class_size.ok': { vi: 'Trong định mức', en: 'Within the norm' },
  'indicators.class_size.over': { vi: 'Vượt định mức ({value} > {max})', en: 'Above the norm ({value} > {max})' },
  'indicators.sum_check.diff': { vi: 'lệch {diff}', en: 'off by {diff}' },
  'indicators.criterion.pass': { vi: 'đạt', en: 'met' },
  'indicators.criterion.fail': { vi: 'không đạt', en: 'not met' },
  'indicators.criterion.missing': { vi: 'chưa đủ dữ liệu', en: 'insufficient data' },
  'indicators.criterion.invalid': { vi: 'số liệu không hợp lệ', en: 'invalid data' },
  'indicators.criterion.line': {
    vi: 'Mức độ {level} – {label}: {value}, yêu cầu ≥ {threshold} ({source}): {status}',
    en: 'Level {level} – {label}: {value}, required ≥ {threshold} ({source}): {status}',
  },
  'indicators.criterion.prereq': {
    vi: 'Mức độ {level} – điều kiện {programme} đạt mức độ {required}: hiện {value}: {status}',
    en: 'Level {level} – prerequisite {programme} at level {required}: now {value}: {status}',
  },
  'indicators.share.line': {
    vi: 'Mức độ {level}: {count}/{total} {units} đạt ({share}), yêu cầu ≥ {threshold} ({source}): {status}',
    en: 'Level {level}: {count}/{total} {units} reached it ({share}), required ≥ {threshold} ({source}): {status}',
  },
  'indicators.override.used': {
    vi: 'Dùng ngưỡng theo cài đặt: {indicator} mức độ {level}: {percent} (mặc định {default}){note}',
    en: 'Threshold from settings: {indicator} level {level}: {percent} (default {default}){note}',
  },
  'indicators.units.xa': { vi: 'xã', en: 'communes' },
  'indicators.units.huyen': { vi: 'huyện', en: 'districts' },
};
