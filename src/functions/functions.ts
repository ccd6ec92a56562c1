/**
 * The GD.* custom functions (spec/FUNCTIONS.md): thin wrappers over src/core/indicators. The
 * custom-functions-metadata plugin reads the JSDoc below and injects CustomFunctions.associate.
 * Parameters that may receive a range are any[][] so they apply element-wise and spill.
 */
import {
  birthYear,
  change,
  changePct,
  changeText,
  classSizeCheck,
  communeLevel,
  isCalcError,
  levelArguments,
  percent,
  perClass,
  phocapRate,
  pupilsPerTeacher,
  sentence,
  sumCheck,
  teacherNorm,
  teachersPerClass,
  trend,
  unitLevel,
} from '../core/indicators';
import type { CommuneInputs, Level, NumInput, Programme, RateResult, UnitInput } from '../core/indicators';
import { formatNumber, formatPercent, formatRatio } from '../core/format/vn';
import { msg } from '../core/i18n';
import type { AggregationScope } from '../core/settings';
import {
  excelError,
  flatten,
  fromCalc,
  getFunctionSettings,
  isBlank,
  isMatrix,
  lift,
  numbers,
  safe,
  toBool,
  toInt,
  toLevel,
  toNum,
  toProgramme,
  toText,
} from './args';

type NumberFn = (...v: NumInput[]) => RateResult | { ok: true; value: number } | import('../core/indicators').CalcError;

/** Element-wise numeric function: "" for an all-blank element, the value or an error otherwise. */
function numeric(args: unknown[], names: string[], required: number, f: NumberFn): any[][] {
  return lift(args, (...cells) => {
    const n = numbers(cells, names, required);
    if (isCalcError(n)) return n;
    if ('blank' in n) return '';
    const r = f(...n.values);
    return r.ok ? r.value : r;
  }) as any[][];
}

/**
 * Tỷ lệ phổ cập: đạt / (tổng số − miễn giảm − chuyển đi − chết) / Universalisation rate: achieved / (cohort − exempt − moved out − deceased).
 * @customfunction PHOCAP_RATE
 * @param achieved Số đạt (tử số) / Number achieved (numerator)
 * @param cohort Tổng số trong độ tuổi / Cohort total
 * @param [exempt] Số miễn giảm (khuyết tật không có khả năng học) / Exempted (disabled, unable to learn)
 * @param [moved_out] Số chuyển đi / Moved out
 * @param [deceased] Số chết / Deceased
 * @returns Tỷ lệ dạng phân số (0,9738) / Rate as a fraction (0.9738)
 */
export function phocap_rate(achieved: any[][], cohort: any[][], exempt?: any[][], moved_out?: any[][], deceased?: any[][]): any[][] {
  return numeric([achieved, cohort, exempt, moved_out, deceased], ['achieved', 'cohort', 'exempt', 'moved_out', 'deceased'], 2, phocapRate);
}

function levelCell(programme: Programme, cells: unknown[]): unknown {
  const args = levelArguments(programme);
  const dbkk = toBool(cells[args.length], 'dbkk');
  if (isCalcError(dbkk)) return dbkk;
  for (let i = args.length + 1; i < cells.length; i++) {
    if (!isBlank(cells[i])) return excelError('#VALUE!', msg('indicators.error.out_of_range', { name: `tham số ${i + 2}`, value: String(cells[i]) }).vi);
  }
  const inputs: CommuneInputs = { rates: {}, prerequisites: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const cell = cells[i];
    if (arg.kind === 'prerequisite') {
      const lv = toLevel(cell, arg.programme, `PREREQ_${arg.programme}`);
      if (isCalcError(lv)) return lv;
      inputs.prerequisites![arg.programme] = lv;
      continue;
    }
    if (arg.condition && typeof cell === 'boolean') {
      inputs.rates[arg.indicator] = cell;
      continue;
    }
    const v = toNum(cell, arg.indicator);
    if (isCalcError(v)) return v;
    inputs.rates[arg.indicator] = v;
  }
  const r = communeLevel(programme, inputs, { dbkk: dbkk ?? false, settings: getFunctionSettings() });
  if (r.errors.length) return r.errors[0].error;
  return r.level === null ? r.label.vi : r.level;
}

/**
 * Mức độ phổ cập của xã theo các tỷ lệ (0 = Không đạt; "Chưa đủ dữ liệu" khi thiếu số liệu) / Commune level from its rates (0 = not achieved).
 * @customfunction PHOCAP_LEVEL
 * @param programme Chương trình: "MN5", "MN35", "TH", "THCS", "XMC" / Programme
 * @param a MN5: huy động 5 tuổi; MN35: huy động 3–5 tuổi; TH: 6 tuổi vào lớp 1; THCS: mức PCGD TH; XMC: biết chữ M1 / First rate or level
 * @param b MN5: hoàn thành CTGDMN; MN35: hoàn thành 3 tuổi; TH: 11 tuổi HTCTTH; THCS: mức XMC; XMC: biết chữ M2 / Second rate or level
 * @param [c] MN5, XMC: xã ĐBKK; MN35: hoàn thành 4 tuổi; TH: 11 tuổi HTCTTH hoặc đang học TH; THCS: 15–18 tuổi có bằng TN THCS / Third rate or ĐBKK
 * @param [d] MN35: hoàn thành 5 tuổi; TH: 14 tuổi HTCTTH; THCS: 15–18 tuổi đã/đang học THPT–GDTX–GDNN / Fourth rate
 * @param [e] MN35, TH, THCS: xã ĐBKK (TRUE/1) / Extremely disadvantaged commune (TRUE/1)
 * @returns Mức độ 0–3 hoặc "Chưa đủ dữ liệu" / Level 0–3 or "Chưa đủ dữ liệu"
 */
export function phocap_level(programme: string, a: any[][], b: any[][], c?: any[][], d?: any[][], e?: any[][]): any[][] {
  const p = toProgramme(programme);
  return lift([a, b, c, d, e], (...cells) => levelCell(p, cells)) as any[][];
}

function toScope(x: unknown): AggregationScope {
  const s = (toText(x) ?? getFunctionSettings().aggregation).toLowerCase().replace(/\s+/g, '');
  const map: Record<string, AggregationScope> = { huyen: 'huyen', 'huyện': 'huyen', tinh: 'tinh', 'tỉnh': 'tinh', 'tinh-2025': 'tinh-2025', 'tỉnh-2025': 'tinh-2025', tinh2025: 'tinh-2025' };
  const scope = map[s];
  if (!scope) throw excelError('#N/A', msg('indicators.error.unknown_name', { name: 'phạm vi (huyen, tinh, tinh-2025)', value: String(x) }).vi);
  return scope;
}

/**
 * Mức độ của đơn vị cấp trên theo tỷ lệ xã (huyện) đạt từng mức / Level of the higher unit from the share of communes (districts) at each level.
 * @customfunction PHOCAP_UNIT_LEVEL
 * @param programme Chương trình: "MN5", "MN35", "TH", "THCS", "XMC" / Programme
 * @param levels Vùng mức độ của các xã (hoặc các huyện khi phạm vi "tinh"); ô trống = chưa có số liệu / Levels of the lower units; blank = no data
 * @param [scope] "huyen" (xã → huyện, NĐ 20), "tinh" (huyện → tỉnh, NĐ 20), "tinh-2025" (xã → tỉnh) / Aggregation scope
 * @param [dbkk] Vùng đánh dấu xã ĐBKK, cùng kích thước (cần cho MN35 "tinh-2025") / ĐBKK flags, same shape as levels
 * @returns Mức độ 0–3 hoặc "Chưa đủ dữ liệu" / Level 0–3 or "Chưa đủ dữ liệu"
 */
export function phocap_unit_level(programme: string, levels: any[][], scope?: string, dbkk?: any[][]): any {
  const p = toProgramme(programme);
  const sc = toScope(scope);
  const cells = flatten(levels);
  const flags = isBlank(dbkk) || (isMatrix(dbkk) && dbkk.length === 1 && dbkk[0].length === 1 && isBlank(dbkk[0][0])) ? null : flatten(dbkk);
  if (flags && flags.length !== cells.length) {
    throw excelError('#VALUE!', msg('indicators.error.shape', { a: String(cells.length), b: String(flags.length) }).vi);
  }
  const units: UnitInput[] = [];
  for (let i = 0; i < cells.length; i++) {
    const lv = toLevel(cells[i], p, `ô ${i + 1}`);
    if (isCalcError(lv)) throw fromCalc(lv);
    const f = flags ? toBool(flags[i], 'dbkk') : false;
    if (isCalcError(f)) throw fromCalc(f);
    units.push({ level: lv as Level, dbkk: !!f });
  }
  const r = unitLevel(p, units, sc, getFunctionSettings());
  if (r.noRule) throw excelError('#N/A', r.explanation[r.explanation.length - 1 - r.overridesUsed.length].vi);
  return r.level === null ? r.label.vi : r.level;
}

/**
 * Tỷ lệ phần trăm: phần / tổng (dạng phân số) / Percentage: part / whole (as a fraction).
 * @customfunction PERCENT
 * @param part Phần (tử số) / Part (numerator)
 * @param whole Tổng (mẫu số) / Whole (denominator)
 * @returns Tỷ lệ dạng phân số / Fraction
 */
export function percent_(part: any[][], whole: any[][]): any[][] {
  return numeric([part, whole], ['part', 'whole'], 2, percent);
}

/**
 * Sĩ số bình quân: số học sinh / số lớp / Average class size: pupils / classes.
 * @customfunction PER_CLASS
 * @param pupils Số học sinh (trẻ) / Pupils (children)
 * @param classes Số lớp (nhóm) / Classes (groups)
 * @returns Học sinh bình quân mỗi lớp / Pupils per class
 */
export function per_class(pupils: any[][], classes: any[][]): any[][] {
  return numeric([pupils, classes], ['pupils', 'classes'], 2, perClass);
}

/**
 * Kiểm tra sĩ số bình quân theo định mức (TT 28/2020, 32/2020, 52/2020) / Checks average class size against the legal maximum.
 * @customfunction CLASS_SIZE_CHECK
 * @param pupils Số học sinh (trẻ) / Pupils (children)
 * @param classes Số lớp (nhóm) / Classes (groups)
 * @param level Cấp học: "TH", "THCS", "THPT", "NT_3_12T", "NT_13_24T", "NT_25_36T", "MG_3_4T", "MG_4_5T", "MG_5_6T" / School level
 * @returns "Trong định mức" hoặc "Vượt định mức (n > max)" / Within or above the norm
 */
export function class_size_check(pupils: any[][], classes: any[][], level: any[][]): any[][] {
  const decimals = getFunctionSettings().ratioDecimals;
  return lift([pupils, classes, level], (p, c, l) => {
    const lv = toText(l);
    if (lv === null) return excelError('#N/A', msg('indicators.error.unknown_name', { name: 'cấp học', value: '' }).vi);
    const n = numbers([p, c], ['pupils', 'classes']);
    if (isCalcError(n)) return n;
    if ('blank' in n) return '';
    const r = classSizeCheck(n.values[0], n.values[1], lv, 'vi', decimals);
    return isCalcError(r) ? r : r.text;
  }) as any[][];
}

/**
 * Tỷ lệ giáo viên/lớp (không phải phần trăm) / Teachers per class (a ratio, not a percentage).
 * @customfunction TEACHERS_PER_CLASS
 * @param teachers Số giáo viên / Teachers
 * @param classes Số lớp / Classes
 * @returns Giáo viên mỗi lớp / Teachers per class
 */
export function teachers_per_class(teachers: any[][], classes: any[][]): any[][] {
  return numeric([teachers, classes], ['teachers', 'classes'], 2, teachersPerClass);
}

/**
 * Định mức giáo viên/lớp theo TT 20/2023 và TT 19/2023 / Legal teachers-per-class norm (TT 20/2023, TT 19/2023).
 * @customfunction TEACHER_NORM
 * @param level Cấp học: "TH", "THCS", "THPT", "NT" (nhóm trẻ), "MG" (lớp mẫu giáo) / School level
 * @param [sessions] Số buổi/ngày cho tiểu học: 1 hoặc 2 (mặc định 2) / Sessions per day for primary: 1 or 2 (default 2)
 * @returns Định mức (1,2 / 1,5 / 1,9 / 2,25 / 2,5 / 2,2) / The norm
 */
export function teacher_norm(level: any[][], sessions?: any[][]): any[][] {
  return lift([level, sessions], (l, s) => {
    const lv = toText(l);
    if (lv === null) return excelError('#N/A', msg('indicators.error.unknown_name', { name: 'cấp học', value: '' }).vi);
    const n = toNum(s, 'sessions');
    if (isCalcError(n)) return n;
    const r = teacherNorm(lv, n);
    return isCalcError(r) ? r : r.value;
  }) as any[][];
}

/**
 * Số học sinh bình quân mỗi giáo viên / Pupils per teacher.
 * @customfunction PUPILS_PER_TEACHER
 * @param pupils Số học sinh / Pupils
 * @param teachers Số giáo viên / Teachers
 * @returns Học sinh mỗi giáo viên / Pupils per teacher
 */
export function pupils_per_teacher(pupils: any[][], teachers: any[][]): any[][] {
  return numeric([pupils, teachers], ['pupils', 'teachers'], 2, pupilsPerTeacher);
}

/**
 * Mức tăng/giảm: hiện tại − trước / Change: current − previous.
 * @customfunction CHANGE
 * @param current Giá trị năm nay / Current value
 * @param previous Giá trị năm trước / Previous value
 * @returns Chênh lệch / Difference
 */
export function change_(current: any[][], previous: any[][]): any[][] {
  return numeric([current, previous], ['current', 'previous'], 2, change);
}

/**
 * Tỷ lệ tăng/giảm: (hiện tại − trước) / trước / Relative change: (current − previous) / previous.
 * @customfunction CHANGE_PCT
 * @param current Giá trị năm nay / Current value
 * @param previous Giá trị năm trước / Previous value
 * @returns Tỷ lệ tăng/giảm dạng phân số / Relative change as a fraction
 */
export function change_pct(current: any[][], previous: any[][]): any[][] {
  return numeric([current, previous], ['current', 'previous'], 2, changePct);
}

function toKind(x: unknown): 'count' | 'rate' {
  const s = (toText(x) ?? 'count').toLowerCase();
  if (s === 'count' || s === 'so' || s === 'số' || s === 'số lượng') return 'count';
  if (s === 'rate' || s === 'ty le' || s === 'tỷ lệ' || s === 'tỉ lệ' || s === '%') return 'rate';
  throw excelError('#N/A', msg('indicators.error.unknown_name', { name: 'kiểu ("count", "rate")', value: String(x) }).vi);
}

/**
 * Câu tăng/giảm: "tăng 02 trường", "giảm 1,25 điểm phần trăm", "bằng năm học trước" / Change as Vietnamese text.
 * @customfunction CHANGE_TEXT
 * @param current Giá trị năm nay (tỷ lệ dạng phân số khi kiểu "rate") / Current value (fraction for "rate")
 * @param previous Giá trị năm trước / Previous value
 * @param [unit] Đơn vị: "trường", "học sinh"… / Unit word
 * @param [kind] "count" (số lượng, mặc định) hoặc "rate" (tỷ lệ, tính bằng điểm phần trăm) / "count" (default) or "rate"
 * @returns Câu tăng/giảm / Change text
 */
export function change_text(current: any[][], previous: any[][], unit?: string, kind?: string): any[][] {
  const k = toKind(kind);
  const u = toText(unit) ?? undefined;
  const s = getFunctionSettings();
  return lift([current, previous], (c, p) => {
    const n = numbers([c, p], ['current', 'previous']);
    if (isCalcError(n)) return n;
    if ('blank' in n) return '';
    return changeText(n.values[0], n.values[1], {
      unit: u, kind: k, leadingZero: s.leadingZero, decimals: k === 'rate' ? s.rateDecimals : 0,
    });
  }) as any[][];
}

/**
 * Số theo cách viết Việt Nam: "26.254", "1,5", "02" / Number written the Vietnamese way.
 * @customfunction VN_NUMBER
 * @param value Giá trị / Value
 * @param [decimals] Số chữ số thập phân (mặc định 0) / Decimals (default 0)
 * @param [leading_zero] Thêm số 0 trước số nhỏ hơn 10 ("02") / Pad numbers below 10 with a zero
 * @returns Chuỗi số / Number text
 */
export function vn_number(value: any[][], decimals?: number, leading_zero?: boolean): any[][] {
  const d = toInt(decimals, 'decimals', 0, 0, 10);
  const lz = toBool(leading_zero, 'leading_zero');
  if (isCalcError(lz)) throw fromCalc(lz);
  return lift([value], (v) => {
    const n = toNum(v, 'value');
    if (isCalcError(n)) return n;
    if (n === null) return '';
    return formatNumber(n, { decimals: d, leadingZero: !!lz });
  }) as any[][];
}

/**
 * Phần trăm theo cách viết Việt Nam: 0,97377 → "97,38%" / Percentage written the Vietnamese way.
 * @customfunction VN_PERCENT
 * @param fraction Tỷ lệ dạng phân số / Fraction
 * @param [decimals] Số chữ số thập phân (mặc định 2) / Decimals (default 2)
 * @returns Chuỗi phần trăm / Percent text
 */
export function vn_percent(fraction: any[][], decimals?: number): any[][] {
  const d = toInt(decimals, 'decimals', getFunctionSettings().percentDecimals, 0, 10);
  return lift([fraction], (v) => {
    const n = toNum(v, 'fraction');
    if (isCalcError(n)) return n;
    if (n === null) return '';
    return formatPercent(n, d);
  }) as any[][];
}

/**
 * Tỷ lệ kèm số liệu: "97,38% (9.022/9.265)" / Rate with its counts.
 * @customfunction VN_RATIO
 * @param numerator Tử số / Numerator
 * @param denominator Mẫu số / Denominator
 * @param [decimals] Số chữ số thập phân (mặc định 2) / Decimals (default 2)
 * @returns Chuỗi tỷ lệ / Ratio text
 */
export function vn_ratio(numerator: any[][], denominator: any[][], decimals?: number): any[][] {
  const d = toInt(decimals, 'decimals', getFunctionSettings().rateDecimals, 0, 10);
  return lift([numerator, denominator], (a, b) => {
    const n = numbers([a, b], ['numerator', 'denominator']);
    if (isCalcError(n)) return n;
    if ('blank' in n) return '';
    const [x, y] = n.values as number[];
    if (y === 0) return excelError('#DIV/0!', msg('indicators.error.zero_denominator', { name: 'denominator' }).vi);
    return formatRatio(x, y, d);
  }) as any[][];
}

/**
 * Câu báo cáo: "Tỷ lệ … đạt 42,81% (2.954/6.901), tăng 1,20 điểm phần trăm so với năm học trước." / Report sentence with rate, counts and change.
 * @customfunction SENTENCE
 * @param label Tên chỉ tiêu, ví dụ "Tỷ lệ huy động trẻ nhà trẻ" / Indicator label
 * @param numerator Tử số / Numerator
 * @param denominator Mẫu số / Denominator
 * @param [previous_rate] Tỷ lệ năm học trước (phân số) / Previous school year's rate (fraction)
 * @param [decimals] Số chữ số thập phân (mặc định 2) / Decimals (default 2)
 * @returns Câu tiếng Việt / Vietnamese sentence
 */
export function sentence_(label: any[][], numerator: any[][], denominator: any[][], previous_rate?: any[][], decimals?: number): any[][] {
  const d = toInt(decimals, 'decimals', getFunctionSettings().rateDecimals, 0, 10);
  return lift([label, numerator, denominator, previous_rate], (l, a, b, p) => {
    const text = toText(l);
    const n = numbers([a, b, p], ['numerator', 'denominator', 'previous_rate'], 2);
    if (isCalcError(n)) return n;
    if ('blank' in n) return '';
    if (text === null) return excelError('#VALUE!', msg('indicators.error.blank', { name: 'label' }).vi);
    return sentence(text, n.values[0], n.values[1], { previousRate: n.values[2], decimals: d });
  }) as any[][];
}

/**
 * Bảng xu hướng qua các năm: Năm học, Giá trị, Tăng/giảm, Tỷ lệ tăng/giảm / Trend table over school years.
 * @customfunction TREND
 * @param values Các giá trị theo năm (một hàng hoặc một cột) / Values by year (one row or column)
 * @param [years] Các năm học, cùng số ô / School years, same count
 * @param [kind] "count" (mặc định) hoặc "rate" (tăng/giảm tính bằng điểm phần trăm) / "count" (default) or "rate"
 * @returns Bảng tràn ô / Spilled table
 */
export function trend_(values: any[][], years?: any[][], kind?: string): any[][] {
  const k = toKind(kind);
  const cells = flatten(values);
  if (isMatrix(values) && values.length > 1 && values[0].length > 1) {
    throw excelError('#VALUE!', msg('indicators.error.shape', { a: `${values.length}×${values[0].length}`, b: '1×n' }).vi);
  }
  const ys = isBlank(years) || (isMatrix(years) && years.length === 1 && years[0].length === 1 && isBlank(years[0][0]) && cells.length > 1) ? null : flatten(years);
  if (ys && ys.length !== cells.length) {
    throw excelError('#VALUE!', msg('indicators.error.shape', { a: String(cells.length), b: String(ys.length) }).vi);
  }
  const nums: NumInput[] = [];
  const bad = new Map<number, unknown>();
  cells.forEach((c, i) => {
    const n = toNum(c, 'value');
    if (isCalcError(n)) {
      bad.set(i, fromCalc(n));
      nums.push(null);
    } else nums.push(n);
  });
  const table = trend(nums, ys ? ys.map((y) => (isBlank(y) ? null : (y as string | number))) : undefined, k);
  return table.map((row, r) =>
    row.map((cell, c) => (r > 0 && c === 1 && bad.has(r - 1) ? bad.get(r - 1) : safe(() => cell))),
  ) as any[][];
}

/**
 * Kiểm tra tổng: TRUE khi tổng bằng tổng các phần, nếu không thì "lệch +7" / Sum check: TRUE, or the difference as text.
 * Excel passes a repeating parameter's values as ONE array (one matrix per argument), never spread.
 * @customfunction SUM_CHECK
 * @param total Ô tổng (hoặc cột tổng) / Total cell (or column of totals)
 * @param [parts] Các phần (ô hoặc vùng) / Parts (cells or ranges)
 * @returns TRUE hoặc "lệch ±n" / TRUE or "lệch ±n"
 */
export function sum_check(total: any[][], parts?: any[][][]): any[][] {
  // No parts at all: Excel sends an empty list (or null); a total then has nothing to equal.
  const list: unknown[] = Array.isArray(parts) ? parts : isBlank(parts) ? [] : [parts];
  const single = !isMatrix(total) || (total.length === 1 && total[0].length === 1);
  const toParts = (cells: unknown[]): NumInput[] | import('../core/indicators').CalcError => {
    const out: NumInput[] = [];
    for (const c of cells) {
      const n = toNum(c, 'part');
      if (isCalcError(n)) return n;
      out.push(n);
    }
    return out;
  };
  if (single) {
    const t = toNum(flatten(total)[0], 'total');
    const ps = toParts(list.flatMap((p) => flatten(p)));
    return [[safe(() => (isCalcError(t) ? t : isCalcError(ps) ? ps : sumCheck(t, ps)))]] as any[][];
  }
  return lift([total, ...list], (t, ...ps) => {
    const tn = toNum(t, 'total');
    if (isCalcError(tn)) return tn;
    const pn = toParts(ps);
    if (isCalcError(pn)) return pn;
    return sumCheck(tn, pn);
  }) as any[][];
}

/**
 * Năm sinh của độ tuổi trong năm học: ("2023-2024"; 5) → 2018 / Birth year of an age cohort in a school year.
 * @customfunction BIRTH_YEAR
 * @param school_year Năm học "2023-2024" (hoặc năm đầu 2023) / School year "2023-2024" (or its first year)
 * @param age Tuổi (tính theo năm) / Age (counted by calendar year)
 * @returns Năm sinh / Birth year
 */
export function birth_year(school_year: any[][], age: any[][]): any[][] {
  return lift([school_year, age], (y, a) => {
    if (isBlank(y) && isBlank(a)) return '';
    if (isBlank(y)) return excelError('#VALUE!', msg('indicators.error.blank', { name: 'school_year' }).vi);
    const ys = typeof y === 'number' ? y : toText(y);
    if (ys === null) return excelError('#VALUE!', msg('indicators.error.non_numeric', { name: 'school_year' }).vi);
    const n = toNum(a, 'age');
    if (isCalcError(n)) return n;
    return birthYear(ys, n);
  }) as any[][];
}
