/**
 * The one rule table of phổ cập / xóa mù chữ thresholds (REGULATIONS §8.1, §8.2), as data.
 * Every number names its legal source and how sure we are of it. Percentages are "at least" (≥).
 * Users may override any threshold in Settings.thresholdOverrides; resolve*() report which were used.
 */
import type { AggregationScope, Settings, ThresholdOverride } from '../settings';

export type Programme = 'MN5' | 'MN35' | 'TH' | 'THCS' | 'XMC';
export const PROGRAMMES: readonly Programme[] = ['MN5', 'MN35', 'TH', 'THCS', 'XMC'];
export type SourceStatus = 'CONFIRMED-LEGAL' | 'CONFIRMED-PRACTICE' | 'SECONDARY' | 'UNCONFIRMED';

/** Highest commune level of each programme (0 = Không đạt). */
export const MAX_LEVEL: Record<Programme, number> = { MN5: 1, MN35: 1, TH: 3, THCS: 3, XMC: 2 };

export interface LevelThreshold {
  /** Percent for an ordinary commune. */
  normal: number;
  /** Percent for a xã ĐBKK. */
  dbkk: number;
  source: string;
  status: SourceStatus;
}

export type IndicatorKind =
  /** A rate compared with a per-level threshold. */
  | 'threshold'
  /** A yes/no condition (shown as a rate that must be 100 %). */
  | 'condition'
  /** Printed on the forms, no legal threshold. */
  | 'info'
  /** A threshold the user must set (no legal default found). */
  | 'param';

export interface IndicatorRule {
  id: string;
  programme: Programme | 'PCBTH';
  kind: IndicatorKind;
  labelVi: string;
  labelEn: string;
  /** Human formula, Vietnamese terms as on the forms. */
  formula: string;
  /** Age or age band (ĐBKK band when it differs). */
  cohort: string;
  cohortDbkk?: string;
  /** Thresholds by level; absent levels do not test this indicator. */
  levels: Partial<Record<1 | 2 | 3, LevelThreshold>>;
  source: string;
  status: SourceStatus;
  note?: string;
}

const ND20 = 'Nghị định 20/2014/NĐ-CP';
const ND277 = 'Nghị định 277/2025/NĐ-CP (theo phần mềm PCGD Nghệ An)';

function lt(normal: number, dbkk: number, source: string, status: SourceStatus): LevelThreshold {
  return { normal, dbkk, source, status };
}

export const INDICATOR_RULES: Record<string, IndicatorRule> = {
  MN5_HUYDONG: {
    id: 'MN5_HUYDONG', programme: 'MN5', kind: 'threshold',
    labelVi: 'Tỷ lệ huy động trẻ 5 tuổi ra lớp', labelEn: 'Enrolment rate of 5-year-olds',
    formula: 'ra lớp(5) / PPC(5)', cohort: '5',
    levels: { 1: lt(95, 90, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 6`, status: 'CONFIRMED-LEGAL',
  },
  MN5_HOANTHANH: {
    id: 'MN5_HOANTHANH', programme: 'MN5', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 5 tuổi hoàn thành chương trình GDMN', labelEn: 'Completion rate of the preschool programme, 5-year-olds',
    formula: 'HTCT GDMN(5) / đang học(5) [cài đặt: / PPC(5)]', cohort: '5',
    levels: { 1: lt(85, 80, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 6`, status: 'CONFIRMED-LEGAL',
    note: 'Mẫu số (đang học hay PPC) chưa xác nhận; xem Settings.mn5CompletionDenominator.',
  },
  MN35_HUYDONG: {
    id: 'MN35_HUYDONG', programme: 'MN35', kind: 'threshold',
    labelVi: 'Tỷ lệ huy động trẻ 3–5 tuổi ra lớp', labelEn: 'Enrolment rate of children aged 3–5',
    formula: 'ra lớp(3..5) / PPC(3..5)', cohort: '3–5',
    levels: { 1: lt(90, 85, ND277, 'SECONDARY') },
    source: ND277, status: 'SECONDARY',
  },
  MN35_HT_3: {
    id: 'MN35_HT_3', programme: 'MN35', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 3 tuổi hoàn thành chương trình GDMN theo độ tuổi', labelEn: 'Age-appropriate completion, 3-year-olds',
    formula: 'HTCT theo độ tuổi(3) / đang học(3)', cohort: '3',
    levels: { 1: lt(85, 80, ND277, 'SECONDARY') },
    source: ND277, status: 'SECONDARY',
  },
  MN35_HT_4: {
    id: 'MN35_HT_4', programme: 'MN35', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 4 tuổi hoàn thành chương trình GDMN theo độ tuổi', labelEn: 'Age-appropriate completion, 4-year-olds',
    formula: 'HTCT theo độ tuổi(4) / đang học(4)', cohort: '4',
    levels: { 1: lt(85, 80, ND277, 'SECONDARY') },
    source: ND277, status: 'SECONDARY',
  },
  MN35_HT_5: {
    id: 'MN35_HT_5', programme: 'MN35', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 5 tuổi hoàn thành chương trình GDMN theo độ tuổi', labelEn: 'Age-appropriate completion, 5-year-olds',
    formula: 'HTCT theo độ tuổi(5) / đang học(5)', cohort: '5',
    levels: { 1: lt(85, 80, ND277, 'SECONDARY') },
    source: ND277, status: 'SECONDARY',
  },
  TH_6_LOP1: {
    id: 'TH_6_LOP1', programme: 'TH', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 6 tuổi vào lớp 1', labelEn: '6-year-olds in grade 1',
    formula: 'học lớp 1(6) / PPC(6)', cohort: '6',
    levels: {
      1: lt(90, 90, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL'),
      2: lt(95, 95, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: lt(98, 98, `${ND20}, Điều 11`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 9–11`, status: 'CONFIRMED-LEGAL',
  },
  TH_14_HTCT: {
    id: 'TH_14_HTCT', programme: 'TH', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 14 tuổi hoàn thành chương trình tiểu học', labelEn: '14-year-olds who completed primary',
    formula: 'HTCTTH(14) / PPC(14)', cohort: '14',
    levels: { 1: lt(80, 70, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 9`, status: 'CONFIRMED-LEGAL',
  },
  TH_11_HTCT: {
    id: 'TH_11_HTCT', programme: 'TH', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 11 tuổi hoàn thành chương trình tiểu học', labelEn: '11-year-olds who completed primary',
    formula: 'HTCTTH(11) / PPC(11)', cohort: '11',
    levels: {
      2: lt(80, 70, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: lt(90, 80, `${ND20}, Điều 11`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 10–11`, status: 'CONFIRMED-LEGAL',
  },
  TH_11_CONLAI: {
    id: 'TH_11_CONLAI', programme: 'TH', kind: 'condition',
    labelVi: 'Số trẻ 11 tuổi còn lại đang học tiểu học', labelEn: 'Every other 11-year-old still in primary school',
    formula: '(HTCTTH(11) + đang học TH(11)) / PPC(11) = 100%', cohort: '11',
    levels: {
      2: lt(100, 100, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: lt(100, 100, `${ND20}, Điều 11`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 10–11`, status: 'CONFIRMED-LEGAL',
  },
  TH_11_14_HTCT: {
    id: 'TH_11_14_HTCT', programme: 'TH', kind: 'info',
    labelVi: 'Tỷ lệ trẻ 11–14 tuổi hoàn thành chương trình tiểu học', labelEn: 'Aged 11–14 who completed primary',
    formula: 'HTCTTH(11..14) / PPC(11..14)', cohort: '11–14', levels: {},
    source: 'Biểu TH-M1 dòng 43', status: 'CONFIRMED-PRACTICE',
  },
  THCS_15_18_TN: {
    id: 'THCS_15_18_TN', programme: 'THCS', kind: 'threshold',
    labelVi: 'Tỷ lệ thanh thiếu niên 15–18 tuổi có bằng tốt nghiệp THCS', labelEn: 'Aged 15–18 holding a lower-secondary diploma',
    formula: 'có bằng TN THCS(15..18) / PPC(15..18)', cohort: '15–18',
    levels: {
      1: lt(80, 70, `${ND20}, Điều 14`, 'CONFIRMED-LEGAL'),
      2: lt(90, 80, `${ND20}, Điều 15 (theo phần mềm PCGD Nghệ An)`, 'SECONDARY'),
      3: lt(95, 90, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 14–16`, status: 'CONFIRMED-LEGAL',
  },
  THCS_15_18_HOCTIEP: {
    id: 'THCS_15_18_HOCTIEP', programme: 'THCS', kind: 'threshold',
    labelVi: 'Tỷ lệ 15–18 tuổi đã/đang học THPT, GDTX cấp THPT hoặc GDNN', labelEn: 'Aged 15–18 in (or through) upper secondary, GDTX or vocational education',
    formula: 'đã/đang học THPT–GDTX–GDNN(15..18) / PPC(15..18)', cohort: '15–18',
    levels: { 3: lt(80, 70, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 16`, status: 'CONFIRMED-LEGAL',
    note: 'Tử số "đã hoặc đang học" hay "đang học" chưa xác nhận; xem Settings.thcsHocTiep.',
  },
  THCS_HUYDONG_L6: {
    id: 'THCS_HUYDONG_L6', programme: 'THCS', kind: 'info',
    labelVi: 'Tỷ lệ huy động học sinh hoàn thành chương trình tiểu học vào lớp 6', labelEn: 'Primary completers entering grade 6',
    formula: 'vào lớp 6 / HS HTCTTH năm trước', cohort: 'HS HTCTTH', levels: {},
    source: 'Biểu THCS-M2 (Nghị định 88/2001: 95% / 80%, đã hết hiệu lực)', status: 'CONFIRMED-PRACTICE',
  },
  THCS_TN_HANGNAM: {
    id: 'THCS_TN_HANGNAM', programme: 'THCS', kind: 'info',
    labelVi: 'Tỷ lệ tốt nghiệp THCS hằng năm', labelEn: 'Annual lower-secondary graduation rate',
    formula: 'TN THCS / HS lớp 9 cuối năm', cohort: 'lớp 9', levels: {},
    source: 'Biểu THCS-M2 (Nghị định 88/2001: 90% / 75%, đã hết hiệu lực)', status: 'CONFIRMED-PRACTICE',
  },
  XMC_M1: {
    id: 'XMC_M1', programme: 'XMC', kind: 'threshold',
    labelVi: 'Tỷ lệ người biết chữ mức độ 1', labelEn: 'Literate at level 1',
    formula: 'biết chữ M1(nhóm tuổi) / PPC(nhóm tuổi)', cohort: '15–35', cohortDbkk: '15–25',
    levels: { 1: lt(90, 90, `${ND20}, Điều 20`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 20`, status: 'CONFIRMED-LEGAL',
    note: 'Xã ĐBKK: nhóm tuổi hẹp hơn (15–25), cùng ngưỡng 90%.',
  },
  XMC_M2: {
    id: 'XMC_M2', programme: 'XMC', kind: 'threshold',
    labelVi: 'Tỷ lệ người biết chữ mức độ 2', labelEn: 'Literate at level 2',
    formula: 'biết chữ M2(nhóm tuổi) / PPC(nhóm tuổi)', cohort: '15–60', cohortDbkk: '15–35',
    levels: { 2: lt(90, 90, `${ND20}, Điều 21`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 21`, status: 'CONFIRMED-LEGAL',
    note: 'Xã ĐBKK: nhóm tuổi 15–35. Yêu cầu đạt M1 trước: chưa xác nhận (Settings.xmcM2RequiresM1).',
  },
  KT_TIEPCAN: {
    id: 'KT_TIEPCAN', programme: 'TH', kind: 'info',
    labelVi: 'Tỷ lệ trẻ khuyết tật có khả năng học tập được tiếp cận giáo dục', labelEn: 'Children with disabilities able to learn who access education',
    formula: 'KT tiếp cận GD / KT có khả năng học tập', cohort: 'theo chương trình', levels: {},
    source: 'Biểu TH-M1 dòng 44, THCS-M1 H41, MN-01-TE dòng 28', status: 'CONFIRMED-PRACTICE',
  },
  PCBTH_HUYDONG: {
    id: 'PCBTH_HUYDONG', programme: 'PCBTH', kind: 'param',
    labelVi: 'Tỷ lệ huy động học sinh tốt nghiệp THCS vào lớp 10 (THPT, GDTX, trung cấp)', labelEn: 'Lower-secondary graduates entering grade 10 (THPT, GDTX, vocational)',
    formula: '(vào THPT + GDTX + TC nghề) / TN THCS năm trước', cohort: 'HS TN THCS', levels: {},
    source: 'Công văn 3420/THPT, 10819/GDTrH; chỉ tiêu địa phương (TP.HCM 96–97%)', status: 'UNCONFIRMED',
  },
  PCBTH_TN: {
    id: 'PCBTH_TN', programme: 'PCBTH', kind: 'info',
    labelVi: 'Tỷ lệ tốt nghiệp trung học hằng năm', labelEn: 'Annual upper-secondary graduation rate',
    formula: '(TN PT + TN GDTX) / HS lớp 12', cohort: 'lớp 12', levels: {},
    source: 'Báo cáo mẫu 000 §6.5', status: 'CONFIRMED-PRACTICE',
  },
  PCBTH_HIEUQUA: {
    id: 'PCBTH_HIEUQUA', programme: 'PCBTH', kind: 'param',
    labelVi: 'Tỷ lệ thanh niên 18–21 tuổi có bằng tốt nghiệp trung học', labelEn: 'Aged 18–21 holding an upper-secondary diploma',
    formula: 'có bằng THPT (PT + GDTX [+ TCCN/nghề])(18..21) / dân số(18..21)', cohort: '18–21', levels: {},
    source: 'Công văn 3420/THPT; chỉ tiêu địa phương (TP.HCM 95–96%)', status: 'UNCONFIRMED',
  },
};

/** Commune-level indicators tested for each programme, in display order. */
export const PROGRAMME_INDICATORS: Record<Programme, string[]> = {
  MN5: ['MN5_HUYDONG', 'MN5_HOANTHANH'],
  MN35: ['MN35_HUYDONG', 'MN35_HT_3', 'MN35_HT_4', 'MN35_HT_5'],
  TH: ['TH_6_LOP1', 'TH_11_HTCT', 'TH_11_CONLAI', 'TH_14_HTCT'],
  THCS: ['THCS_15_18_TN', 'THCS_15_18_HOCTIEP'],
  XMC: ['XMC_M1', 'XMC_M2'],
};

/* ------------------------------------------------------------- aggregation */

export interface ShareRule {
  /** Percent of lower units at level ≥ k. */
  percent: number;
  /** Which lower units count: all, only ĐBKK communes, or only the others. */
  group: 'all' | 'dbkk' | 'other';
  source: string;
  status: SourceStatus;
}

export interface AggregationRule {
  programme: Programme;
  scope: AggregationScope;
  /** Per level, all share rules must hold (MN35 2025 has two groups). Empty → no rule known. */
  levels: Partial<Record<1 | 2 | 3, ShareRule[]>>;
  note?: string;
}

const ND142 = 'Nghị định 142/2025/NĐ-CP (theo phần mềm PCGD Nghệ An, PROVINCE_RECOGNITION_ND142_2025)';

function share(percent: number, source: string, status: SourceStatus, group: ShareRule['group'] = 'all'): ShareRule[] {
  return [{ percent, group, source, status }];
}

/** Key `${programme}/${scope}`. */
export const AGGREGATION_RULES: Record<string, AggregationRule> = {
  'MN5/huyen': { programme: 'MN5', scope: 'huyen', levels: { 1: share(90, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') } },
  'MN5/tinh': { programme: 'MN5', scope: 'tinh', levels: { 1: share(100, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') } },
  'MN5/tinh-2025': {
    programme: 'MN5', scope: 'tinh-2025', levels: {},
    note: 'Chưa tìm thấy ngưỡng công nhận cấp tỉnh trực tiếp từ xã; đặt ngưỡng trong cài đặt (AGG_MN5).',
  },
  'MN35/huyen': { programme: 'MN35', scope: 'huyen', levels: {}, note: 'Nghị định 277/2025 công nhận cấp tỉnh trực tiếp từ xã.' },
  'MN35/tinh': { programme: 'MN35', scope: 'tinh', levels: {}, note: 'Nghị định 277/2025 công nhận cấp tỉnh trực tiếp từ xã.' },
  'MN35/tinh-2025': {
    programme: 'MN35', scope: 'tinh-2025',
    levels: {
      1: [
        { percent: 85, group: 'dbkk', source: ND277, status: 'SECONDARY' },
        { percent: 90, group: 'other', source: ND277, status: 'SECONDARY' },
      ],
    },
  },
  'TH/huyen': {
    programme: 'TH', scope: 'huyen',
    levels: {
      1: share(90, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL'),
      2: share(90, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: share(90, `${ND20}, Điều 11 (theo phần mềm PCGD Nghệ An)`, 'SECONDARY'),
    },
  },
  'TH/tinh': {
    programme: 'TH', scope: 'tinh',
    levels: {
      1: share(100, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL'),
      2: share(100, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: share(100, `${ND20}, Điều 11`, 'UNCONFIRMED'),
    },
  },
  'TH/tinh-2025': {
    programme: 'TH', scope: 'tinh-2025',
    levels: { 1: share(90, ND142, 'SECONDARY'), 2: share(90, ND142, 'SECONDARY'), 3: share(90, ND142, 'SECONDARY') },
  },
  'THCS/huyen': {
    programme: 'THCS', scope: 'huyen',
    levels: {
      1: share(90, `${ND20}, Điều 14`, 'CONFIRMED-LEGAL'),
      2: share(95, `${ND20}, Điều 15 (theo phần mềm PCGD Nghệ An)`, 'SECONDARY'),
      3: share(100, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL'),
    },
  },
  'THCS/tinh': {
    programme: 'THCS', scope: 'tinh',
    levels: {
      1: share(100, `${ND20}, Điều 14`, 'CONFIRMED-LEGAL'),
      2: share(100, `${ND20}, Điều 15`, 'UNCONFIRMED'),
      3: share(100, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL'),
    },
  },
  'THCS/tinh-2025': {
    programme: 'THCS', scope: 'tinh-2025',
    levels: { 1: share(90, ND142, 'SECONDARY'), 2: share(95, ND142, 'SECONDARY'), 3: share(100, ND142, 'SECONDARY') },
  },
  'XMC/huyen': {
    programme: 'XMC', scope: 'huyen',
    levels: { 1: share(90, `${ND20}, Điều 20`, 'CONFIRMED-LEGAL'), 2: share(90, `${ND20}, Điều 21`, 'CONFIRMED-LEGAL') },
  },
  'XMC/tinh': {
    programme: 'XMC', scope: 'tinh',
    levels: { 1: share(90, `${ND20}, Điều 20`, 'CONFIRMED-LEGAL'), 2: share(100, `${ND20}, Điều 21`, 'CONFIRMED-LEGAL') },
  },
  'XMC/tinh-2025': {
    programme: 'XMC', scope: 'tinh-2025',
    levels: { 1: share(81, ND142, 'SECONDARY'), 2: share(90, ND142, 'SECONDARY') },
  },
};

/** PCBTH district rule (CV 10819/GDTrH): share of communes meeting PCBTH. */
export const PCBTH_DISTRICT_SHARE = {
  normal: 90,
  difficult: 75,
  source: 'Công văn 10819/GDTrH (7/12/2004)',
  status: 'CONFIRMED-LEGAL' as SourceStatus,
};

/* --------------------------------------------------------------- overrides */

/** An override that changed a threshold used in a computation. */
export interface AppliedOverride {
  indicator: string;
  level: number;
  dbkk?: boolean;
  scope?: AggregationScope;
  group?: ShareRule['group'];
  /** Legal default in percent (null when the table has none). */
  defaultPercent: number | null;
  percent: number;
  note?: string;
}

export interface ResolvedThreshold {
  percent: number;
  source: string;
  status: SourceStatus;
  override?: AppliedOverride;
}

function validOverride(o: ThresholdOverride): boolean {
  return Number.isFinite(o.percent) && o.percent >= 0 && o.percent <= 100;
}

function findOverride(
  settings: Partial<Pick<Settings, 'thresholdOverrides'>> | undefined,
  indicator: string,
  level: number,
  dbkk: boolean | undefined,
  scope?: AggregationScope,
): ThresholdOverride | undefined {
  const list = settings?.thresholdOverrides ?? [];
  // Last matching entry wins, and an exact ĐBKK/scope match beats a general one.
  let best: ThresholdOverride | undefined;
  let bestScore = -1;
  for (const o of list) {
    if (o.indicator !== indicator || o.level !== level || !validOverride(o)) continue;
    if (o.dbkk !== undefined && dbkk !== undefined && o.dbkk !== dbkk) continue;
    if (o.dbkk !== undefined && dbkk === undefined) continue;
    if (o.scope !== undefined && o.scope !== scope) continue;
    const score = (o.dbkk !== undefined ? 1 : 0) + (o.scope !== undefined ? 2 : 0);
    if (score >= bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** Commune threshold of `indicator` at `level`, after overrides; null when the indicator has none. */
export function resolveThreshold(
  indicator: string,
  level: number,
  dbkk: boolean,
  settings?: Partial<Pick<Settings, 'thresholdOverrides'>>,
): ResolvedThreshold | null {
  const rule = INDICATOR_RULES[indicator];
  if (!rule) return null;
  const def = rule.levels[level as 1 | 2 | 3];
  const o = findOverride(settings, indicator, level, dbkk);
  if (o) {
    return {
      percent: o.percent,
      source: o.note ? `Cài đặt người dùng: ${o.note}` : 'Cài đặt người dùng',
      status: def?.status ?? rule.status,
      override: {
        indicator, level, dbkk, defaultPercent: def ? (dbkk ? def.dbkk : def.normal) : null, percent: o.percent, note: o.note,
      },
    };
  }
  if (!def) return null;
  return { percent: dbkk ? def.dbkk : def.normal, source: def.source, status: def.status };
}

/** Id used in overrides for an aggregation threshold: AGG_<programme>. */
export function aggregationIndicatorId(programme: Programme): string {
  return `AGG_${programme}`;
}

/** Share rules of one level of the higher unit, after overrides (an override applies per group via dbkk). */
export function resolveAggregation(
  programme: Programme,
  scope: AggregationScope,
  level: number,
  settings?: Partial<Pick<Settings, 'thresholdOverrides'>>,
): { rules: (ShareRule & { override?: AppliedOverride })[] } | null {
  const rule = AGGREGATION_RULES[`${programme}/${scope}`];
  const id = aggregationIndicatorId(programme);
  const defaults = rule?.levels[level as 1 | 2 | 3];
  if (defaults && defaults.length) {
    return {
      rules: defaults.map((r) => {
        const dbkk = r.group === 'all' ? undefined : r.group === 'dbkk';
        const o = findOverride(settings, id, level, dbkk, scope);
        if (!o) return r;
        return {
          ...r,
          percent: o.percent,
          source: o.note ? `Cài đặt người dùng: ${o.note}` : 'Cài đặt người dùng',
          override: { indicator: id, level, scope, group: r.group, dbkk, defaultPercent: r.percent, percent: o.percent, note: o.note },
        };
      }),
    };
  }
  // No legal default: a user override alone can define the rule (all lower units).
  const o = findOverride(settings, id, level, undefined, scope);
  if (!o) return null;
  return {
    rules: [{
      percent: o.percent, group: 'all', status: 'UNCONFIRMED',
      source: o.note ? `Cài đặt người dùng: ${o.note}` : 'Cài đặt người dùng',
      override: { indicator: id, level, scope, group: 'all', defaultPercent: null, percent: o.percent, note: o.note },
    }],
  };
}

/** Threshold of a PCBTH parameter indicator; exists only when the user set one. */
export function resolveParam(indicator: string, settings?: Partial<Pick<Settings, 'thresholdOverrides'>>, dbkk = false): ResolvedThreshold | null {
  return resolveThreshold(indicator, 1, dbkk, settings);
}
