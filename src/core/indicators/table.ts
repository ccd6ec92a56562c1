/**
 * The one indicator table (ARCHITECTURE "One concept, one table"): every phổ cập / xóa mù chữ
 * indicator as one row — programme, the SHEETS.md §4 field ids of its numerator, cohort and
 * deductions (miễn giảm, chuyển đi, chết), its ĐBKK age band, its thresholds by level and its legal
 * source — plus one row per programme (its sheet, levels, prerequisites).
 *
 * Everything else reads these rows: the printed rate columns of the templates (sheets/templates.ts),
 * the cohort checks (rules/definitions.ts), the commune levels (./communes.ts, used by the checks,
 * the report, the trends, the GD.* functions and the task pane), the report's phổ cập tables.
 * Every input layout (our PC_* sheets, the household register, the PCGD forms) maps its figures onto
 * these field ids and calls communeLevels().
 *
 * Adding an indicator is one row in INDICATORS (its fields must exist in the template). Tests add
 * one with `jest.isolateModules`: require this module, push the row, then require the consumers.
 */
import type { Bilingual } from '../findings';
import type { TemplateId } from '../sheets/types';

export type Programme = 'MN5' | 'MN35' | 'TH' | 'THCS' | 'XMC';
export type SourceStatus = 'CONFIRMED-LEGAL' | 'CONFIRMED-PRACTICE' | 'SECONDARY' | 'UNCONFIRMED';

export type IndicatorKind =
  /** A rate compared with a per-level threshold. */
  | 'threshold'
  /** A yes/no condition (shown as a rate that must be 100 %). */
  | 'condition'
  /** Printed on the forms, no legal threshold. */
  | 'info'
  /** A threshold the user must set (no legal default found). */
  | 'param';

export interface LevelThreshold {
  /** Percent for an ordinary commune. */
  normal: number;
  /** Percent for a xã ĐBKK. */
  dbkk: number;
  source: string;
  status: SourceStatus;
}

/**
 * Where a rate's figures are, as SHEETS.md field ids: Σ numerator / (cohort − exempt − deductions).
 * In a banded indicator (XMC) "{band}" in an id stands for the age band ("15_35").
 */
export interface CountFields {
  /** Summed. A blank or absent part makes the rate unknown, unless it is listed in `optional`. */
  numerator: string[];
  /** Numerator parts that may be blank or absent (counted as none): GDTX, trung cấp… */
  optional?: string[];
  /** The cohort before deductions (PPC's "tổng số"). */
  cohort: string;
  /** Miễn giảm (khuyết tật không có khả năng học tập); blank = none. Checked ≤ cohort. */
  exempt?: string;
  /** Other deductions from the cohort (chuyển đi, chết); blank or absent = none. */
  deductions?: string[];
}

/** Age bands of a banded indicator: the band of an ordinary and of a ĐBKK commune, and all bands the sheet has. */
export interface Bands {
  normal: string;
  dbkk: string;
  /** Every band the sheet carries (rate columns, checks), narrowest first. */
  all: string[];
  /** Bands shown in the report (in `all` order). */
  shown: string[];
}

/** Words of the report's sentences for this rate ("Tổng số {cohort} là …, {achieved} …, đạt …"). */
export interface Phrases {
  /** The cohort ("trẻ 5 tuổi"); {lo}/{hi} are the band's ages. */
  cohort?: Bilingual;
  /** What the numerator counts ("ra lớp"). */
  achieved?: Bilingual;
  /** Base of a rate without exempt ("học sinh lớp 12"). */
  base?: Bilingual;
  /** Numerator parts named one by one (PCBTH). */
  parts?: Record<string, Bilingual>;
}

export interface IndicatorDef {
  id: string;
  programme: Programme | 'PCBTH';
  kind: IndicatorKind;
  labelVi: string;
  labelEn: string;
  /** Human formula, Vietnamese terms as on the forms. */
  formula: string;
  /** Age or age band (ĐBKK band when it differs), as text. */
  cohort: string;
  cohortDbkk?: string;
  /** Thresholds by level; absent levels do not test this indicator. */
  levels: Partial<Record<1 | 2 | 3, LevelThreshold>>;
  source: string;
  status: SourceStatus;
  note?: string;
  /** The figures behind the rate (absent: no input layout carries them yet). */
  counts?: CountFields;
  /** Age bands (XMC): the ĐBKK commune's rate uses a narrower band. */
  bands?: Bands;
  /** Other figures when a setting says so (MN5 completion over PPC, or over the 6-year-olds as form MN-02, instead of the attending children). */
  variants?: { setting: 'mn5CompletionDenominator'; value: string; counts: CountFields }[];
  /** Column header in the report's phổ cập table ({band} → "15–25"). */
  column?: Bilingual;
  phrases?: Phrases;
}

export interface ProgrammeDef {
  id: Programme | 'PCBTH';
  /** Our summary sheet (SHEETS.md §4). */
  template: TemplateId;
  /** Highest commune level (0 = no commune level: PCBTH). */
  maxLevel: number;
  /** Programmes the commune must reach level 1 of first (THCS: TH and XMC). */
  prerequisites: Programme[];
  prerequisiteSource?: string;
  /** Counts without which a commune has no data for the programme (a printed level is then wrong). */
  dataFields: string[];
}

export const ND20 = 'Nghị định 20/2014/NĐ-CP';
export const ND277 = 'Nghị định 277/2025/NĐ-CP (theo phần mềm PCGD Nghệ An)';

/**
 * When the thresholds of a legal source apply (issue 14: each threshold row carries its validity period,
 * as the teacher norms do). ND 20/2014 is in force from 15/5/2014 (REGULATIONS.md §1). ND 277/2025 was
 * signed on 20/10/2025; its date of effect is not in our sources, so the signing date stands in for it and
 * the row says "unconfirmed" instead of inventing a date.
 */
export interface SourceValidity {
  from: string;
  fromConfirmed: boolean;
  to?: string;
}

export const SOURCE_VALIDITY: Record<string, SourceValidity> = {
  [ND20]: { from: '2014-05-15', fromConfirmed: true },
  [ND277]: { from: '2025-10-20', fromConfirmed: false },
};

/** How an ND 277 threshold is cited in the report: its status said, never a made-up date of effect. */
export const ND277_CITATION = 'Nghị định 277/2025/NĐ-CP (ngày hiệu lực chưa xác nhận)';

/**
 * Whether a source's thresholds apply on a date (YYYY-MM-DD): 'yes', 'no', or 'unconfirmed' when the
 * date is on or after the stand-in start of a source whose date of effect is unknown.
 */
export function sourceInForce(source: string, date: string | null): 'yes' | 'no' | 'unconfirmed' {
  const v = SOURCE_VALIDITY[source];
  if (!v || !date) return 'yes';
  if (date < v.from || (v.to && date > v.to)) return 'no';
  return v.fromConfirmed ? 'yes' : 'unconfirmed';
}

function lt(normal: number, dbkk: number, source: string, status: SourceStatus): LevelThreshold {
  return { normal, dbkk, source, status };
}

const b = (vi: string, en: string): Bilingual => ({ vi, en });

/** PPC(5): 5-year-olds minus the exempt, the moved away and the deceased (REGULATIONS §8.3). */
const PPC_5 = { cohort: 'tre_5t', exempt: 'mien_giam_5t', deductions: ['chuyen_di', 'chet'] };
const PPC_11 = { cohort: 'tre_11t', exempt: 'mien_giam_11t' };
const PPC_15_18 = { cohort: 'tre_15_18t', exempt: 'mien_giam_15_18t' };
const XMC_BAND_FIELDS = { cohort: 'dan_so_{band}', exempt: 'mien_giam_{band}' };
/** Age bands of xóa mù chữ (the XMC sheet carries each), narrowest first. */
export const XMC_BANDS = ['15_25', '15_35', '15_60'] as const;
const XMC_ALL_BANDS: string[] = [...XMC_BANDS];

export const PROGRAMME_TABLE: ProgrammeDef[] = [
  { id: 'MN5', template: 'PC_MN5', maxLevel: 1, prerequisites: [], dataFields: ['tre_5t', 'tre_5t_ra_lop'] },
  { id: 'MN35', template: 'PC_MN5', maxLevel: 1, prerequisites: [], dataFields: ['tre_3_5t', 'tre_3_5t_ra_lop'] },
  { id: 'TH', template: 'PC_TH', maxLevel: 3, prerequisites: [], dataFields: ['tre_6t', 'tre_11t', 'tre_11t_htth'] },
  {
    id: 'THCS', template: 'PC_THCS', maxLevel: 3, prerequisites: ['TH', 'XMC'], prerequisiteSource: `${ND20}, Điều 14`,
    dataFields: ['tre_15_18t', 'tre_15_18t_tn_thcs'],
  },
  { id: 'XMC', template: 'XMC', maxLevel: 2, prerequisites: [], dataFields: ['dan_so_15_35', 'biet_chu_m1_15_35'] },
  { id: 'PCBTH', template: 'PC_BTH', maxLevel: 0, prerequisites: [], dataFields: ['dan_so_18_21', 'co_bang_thpt'] },
];

/** The indicators, programme by programme; within a programme in the order of the forms and the report. */
export const INDICATORS: IndicatorDef[] = [
  {
    id: 'MN5_HUYDONG', programme: 'MN5', kind: 'threshold',
    labelVi: 'Tỷ lệ huy động trẻ 5 tuổi ra lớp', labelEn: 'Enrolment rate of 5-year-olds',
    formula: 'ra lớp(5) / PPC(5)', cohort: '5',
    levels: { 1: lt(95, 90, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 6`, status: 'CONFIRMED-LEGAL',
    counts: { numerator: ['tre_5t_ra_lop'], ...PPC_5 },
    column: b('Trẻ 5 tuổi ra lớp', '5-year-olds attending'),
    phrases: { cohort: b('trẻ 5 tuổi', '5-year-olds'), achieved: b('ra lớp', 'attending') },
  },
  {
    id: 'MN5_HOANTHANH', programme: 'MN5', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 5 tuổi hoàn thành chương trình GDMN', labelEn: 'Completion rate of the preschool programme, 5-year-olds',
    formula: 'HTCT GDMN(5) / đang học(5) [cài đặt: / PPC(5)]', cohort: '5',
    levels: { 1: lt(85, 80, `${ND20}, Điều 6`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 6`, status: 'CONFIRMED-LEGAL',
    note: 'Mẫu số (đang học hay PPC) chưa xác nhận; xem Settings.mn5CompletionDenominator.',
    counts: { numerator: ['tre_5t_hoan_thanh'], cohort: 'tre_5t_ra_lop' },
    variants: [
      { setting: 'mn5CompletionDenominator', value: 'ppc', counts: { numerator: ['tre_5t_hoan_thanh'], ...PPC_5 } },
      // Form MN-02: the 6-year-olds of the cohort who completed, over that cohort (K = J / I); household registers count it so.
      { setting: 'mn5CompletionDenominator', value: 'ppc6', counts: { numerator: ['tre_5t_hoan_thanh'], cohort: 'tre_6t_mn', exempt: 'mien_giam_6t_mn' } },
    ],
    column: b('Trẻ 5 tuổi hoàn thành CT GDMN', 'Completed preschool'),
    phrases: { cohort: b('trẻ 5 tuổi ra lớp', '5-year-olds attending'), achieved: b('hoàn thành chương trình giáo dục mầm non', 'completed the preschool programme') },
  },
  {
    id: 'MN35_HUYDONG', programme: 'MN35', kind: 'threshold',
    labelVi: 'Tỷ lệ huy động trẻ 3–5 tuổi ra lớp', labelEn: 'Enrolment rate of children aged 3–5',
    formula: 'ra lớp(3..5) / PPC(3..5)', cohort: '3–5',
    levels: { 1: lt(90, 85, ND277, 'SECONDARY') },
    source: ND277, status: 'SECONDARY',
    counts: { numerator: ['tre_3_5t_ra_lop'], cohort: 'tre_3_5t', exempt: 'mien_giam_3_5t' },
    phrases: { cohort: b('trẻ 3 đến 5 tuổi', 'children aged 3 to 5'), achieved: b('ra lớp', 'attending') },
  },
  ...[3, 4, 5].map(
    (age): IndicatorDef => ({
      id: `MN35_HT_${age}`, programme: 'MN35', kind: 'threshold',
      labelVi: `Tỷ lệ trẻ ${age} tuổi hoàn thành chương trình GDMN theo độ tuổi`, labelEn: `Age-appropriate completion, ${age}-year-olds`,
      formula: `HTCT theo độ tuổi(${age}) / đang học(${age})`, cohort: String(age),
      levels: { 1: lt(85, 80, ND277, 'SECONDARY') },
      source: ND277, status: 'SECONDARY',
      counts: { numerator: [`tre_${age}t_hoan_thanh_theo_do_tuoi`], cohort: age === 5 ? 'tre_5t_ra_lop' : `tre_${age}t_dang_hoc` },
    }),
  ),
  {
    id: 'TH_6_LOP1', programme: 'TH', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 6 tuổi vào lớp 1', labelEn: '6-year-olds in grade 1',
    formula: 'học lớp 1(6) / PPC(6)', cohort: '6',
    levels: {
      1: lt(90, 90, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL'),
      2: lt(95, 95, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: lt(98, 98, `${ND20}, Điều 11`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 9–11`, status: 'CONFIRMED-LEGAL',
    counts: { numerator: ['tre_6t_lop1'], cohort: 'tre_6t', exempt: 'mien_giam_6t' },
    column: b('Trẻ 6 tuổi vào lớp 1', '6-year-olds in grade 1'),
    phrases: { cohort: b('trẻ 6 tuổi', '6-year-olds'), achieved: b('học lớp 1', 'in grade 1') },
  },
  {
    id: 'TH_11_HTCT', programme: 'TH', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 11 tuổi hoàn thành chương trình tiểu học', labelEn: '11-year-olds who completed primary',
    formula: 'HTCTTH(11) / PPC(11)', cohort: '11',
    levels: {
      2: lt(80, 70, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: lt(90, 80, `${ND20}, Điều 11`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 10–11`, status: 'CONFIRMED-LEGAL',
    counts: { numerator: ['tre_11t_htth'], ...PPC_11 },
    column: b('Trẻ 11 tuổi HTCTTH', '11-year-olds completed primary'),
    phrases: { cohort: b('trẻ 11 tuổi', '11-year-olds'), achieved: b('hoàn thành chương trình tiểu học', 'completed primary') },
  },
  {
    id: 'TH_11_CONLAI', programme: 'TH', kind: 'condition',
    labelVi: 'Số trẻ 11 tuổi còn lại đang học tiểu học', labelEn: 'Every other 11-year-old still in primary school',
    formula: '(HTCTTH(11) + đang học TH(11)) / PPC(11) = 100%', cohort: '11',
    levels: {
      2: lt(100, 100, `${ND20}, Điều 10`, 'CONFIRMED-LEGAL'),
      3: lt(100, 100, `${ND20}, Điều 11`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 10–11`, status: 'CONFIRMED-LEGAL',
    counts: { numerator: ['tre_11t_htth', 'tre_11t_dang_hoc_th'], ...PPC_11 },
    column: b('Trẻ 11 tuổi HTCTTH hoặc đang học TH', '11-year-olds completed or in primary'),
  },
  {
    id: 'TH_14_HTCT', programme: 'TH', kind: 'threshold',
    labelVi: 'Tỷ lệ trẻ 14 tuổi hoàn thành chương trình tiểu học', labelEn: '14-year-olds who completed primary',
    formula: 'HTCTTH(14) / PPC(14)', cohort: '14',
    levels: { 1: lt(80, 70, `${ND20}, Điều 9`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 9`, status: 'CONFIRMED-LEGAL',
    counts: { numerator: ['tre_14t_htth'], cohort: 'tre_14t', exempt: 'mien_giam_14t' },
    column: b('Trẻ 14 tuổi HTCTTH', '14-year-olds completed primary'),
    phrases: { cohort: b('trẻ 14 tuổi', '14-year-olds'), achieved: b('hoàn thành chương trình tiểu học', 'completed primary') },
  },
  {
    id: 'TH_11_14_HTCT', programme: 'TH', kind: 'info',
    labelVi: 'Tỷ lệ trẻ 11–14 tuổi hoàn thành chương trình tiểu học', labelEn: 'Aged 11–14 who completed primary',
    formula: 'HTCTTH(11..14) / PPC(11..14)', cohort: '11–14', levels: {},
    source: 'Biểu TH-M1 dòng 43', status: 'CONFIRMED-PRACTICE',
    counts: { numerator: ['tre_11_14t_htth'], cohort: 'tre_11_14t', exempt: 'mien_giam_11_14t' },
    column: b('Trẻ 11–14 tuổi HTCTTH', 'Aged 11–14 completed primary'),
    phrases: { cohort: b('trẻ 11 đến 14 tuổi', '11–14-year-olds'), achieved: b('hoàn thành chương trình tiểu học', 'completed primary') },
  },
  {
    id: 'KT_TIEPCAN', programme: 'TH', kind: 'info',
    labelVi: 'Tỷ lệ trẻ khuyết tật có khả năng học tập được tiếp cận giáo dục', labelEn: 'Children with disabilities able to learn who access education',
    formula: 'KT tiếp cận GD / KT có khả năng học tập', cohort: 'theo chương trình', levels: {},
    source: 'Biểu TH-M1 dòng 44, THCS-M1 H41, MN-01-TE dòng 28', status: 'CONFIRMED-PRACTICE',
  },
  {
    id: 'THCS_HUYDONG_L6', programme: 'THCS', kind: 'info',
    labelVi: 'Tỷ lệ huy động học sinh hoàn thành chương trình tiểu học vào lớp 6', labelEn: 'Primary completers entering grade 6',
    formula: 'vào lớp 6 / HS HTCTTH năm trước', cohort: 'HS HTCTTH', levels: {},
    source: 'Biểu THCS-M2 (Nghị định 88/2001: 95% / 80%, đã hết hiệu lực)', status: 'CONFIRMED-PRACTICE',
    counts: { numerator: ['vao_lop6'], cohort: 'tn_th_nam_truoc' },
    column: b('HTCTTH vào lớp 6', 'Primary completers into grade 6'),
  },
  {
    id: 'THCS_TN_HANGNAM', programme: 'THCS', kind: 'info',
    labelVi: 'Tỷ lệ tốt nghiệp THCS hằng năm', labelEn: 'Annual lower-secondary graduation rate',
    formula: 'TN THCS / HS lớp 9 cuối năm', cohort: 'lớp 9', levels: {},
    source: 'Biểu THCS-M2 (Nghị định 88/2001: 90% / 75%, đã hết hiệu lực)', status: 'CONFIRMED-PRACTICE',
    counts: { numerator: ['tn_thcs'], cohort: 'hs_lop9' },
    column: b('Tốt nghiệp THCS hằng năm', 'Annual graduation'),
  },
  {
    id: 'THCS_15_18_TN', programme: 'THCS', kind: 'threshold',
    labelVi: 'Tỷ lệ thanh thiếu niên 15–18 tuổi có bằng tốt nghiệp THCS', labelEn: 'Aged 15–18 holding a lower-secondary diploma',
    formula: 'có bằng TN THCS(15..18) / PPC(15..18)', cohort: '15–18',
    levels: {
      1: lt(80, 70, `${ND20}, Điều 14`, 'CONFIRMED-LEGAL'),
      2: lt(90, 80, `${ND20}, Điều 15 (theo phần mềm PCGD Nghệ An)`, 'SECONDARY'),
      3: lt(95, 90, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL'),
    },
    source: `${ND20}, Điều 14–16`, status: 'CONFIRMED-LEGAL',
    counts: { numerator: ['tre_15_18t_tn_thcs'], ...PPC_15_18 },
    column: b('15–18 tuổi có bằng TN THCS', 'Aged 15–18 with diploma'),
    phrases: { cohort: b('thanh thiếu niên 15 đến 18 tuổi', 'young people aged 15–18'), achieved: b('có bằng tốt nghiệp trung học cơ sở', 'holding a lower-secondary diploma') },
  },
  {
    id: 'THCS_15_18_HOCTIEP', programme: 'THCS', kind: 'threshold',
    labelVi: 'Tỷ lệ 15–18 tuổi đã/đang học THPT, GDTX cấp THPT hoặc GDNN', labelEn: 'Aged 15–18 in (or through) upper secondary, GDTX or vocational education',
    formula: 'đã/đang học THPT–GDTX–GDNN(15..18) / PPC(15..18)', cohort: '15–18',
    levels: { 3: lt(80, 70, `${ND20}, Điều 16`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 16`, status: 'CONFIRMED-LEGAL',
    note: 'Tử số "đã hoặc đang học" hay "đang học" chưa xác nhận; xem Settings.thcsHocTiep.',
    counts: { numerator: ['tre_15_18t_hoc_tiep'], ...PPC_15_18 },
    column: b('15–18 tuổi học THPT, GDTX, GDNN', 'Aged 15–18 in upper secondary/vocational'),
    phrases: { cohort: b('thanh thiếu niên 15 đến 18 tuổi', 'young people aged 15–18'), achieved: b('đã và đang học THPT, GDTX, GDNN', 'in or through upper secondary/vocational') },
  },
  {
    id: 'XMC_M1', programme: 'XMC', kind: 'threshold',
    labelVi: 'Tỷ lệ người biết chữ mức độ 1', labelEn: 'Literate at level 1',
    formula: 'biết chữ M1(nhóm tuổi) / PPC(nhóm tuổi)', cohort: '15–35', cohortDbkk: '15–25',
    levels: { 1: lt(90, 90, `${ND20}, Điều 20`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 20`, status: 'CONFIRMED-LEGAL',
    note: 'Xã ĐBKK: nhóm tuổi hẹp hơn (15–25), cùng ngưỡng 90%.',
    counts: { numerator: ['biet_chu_m1_{band}'], ...XMC_BAND_FIELDS },
    bands: { normal: '15_35', dbkk: '15_25', all: XMC_ALL_BANDS, shown: ['15_25', '15_35', '15_60'] },
    column: b('Biết chữ mức độ 1 ({band} tuổi)', 'Literate L1 ({band})'),
    phrases: { cohort: b('dân từ {lo} đến {hi} tuổi', 'people aged {lo}–{hi}'), achieved: b('số người biết chữ mức độ 1 là', 'literate at level 1:') },
  },
  {
    id: 'XMC_M2', programme: 'XMC', kind: 'threshold',
    labelVi: 'Tỷ lệ người biết chữ mức độ 2', labelEn: 'Literate at level 2',
    formula: 'biết chữ M2(nhóm tuổi) / PPC(nhóm tuổi)', cohort: '15–60', cohortDbkk: '15–35',
    levels: { 2: lt(90, 90, `${ND20}, Điều 21`, 'CONFIRMED-LEGAL') },
    source: `${ND20}, Điều 21`, status: 'CONFIRMED-LEGAL',
    note: 'Xã ĐBKK: nhóm tuổi 15–35. Yêu cầu đạt M1 trước: chưa xác nhận (Settings.xmcM2RequiresM1).',
    counts: { numerator: ['biet_chu_m2_{band}'], ...XMC_BAND_FIELDS },
    bands: { normal: '15_60', dbkk: '15_35', all: XMC_ALL_BANDS, shown: ['15_35', '15_60'] },
    column: b('Biết chữ mức độ 2 ({band} tuổi)', 'Literate L2 ({band})'),
    phrases: { cohort: b('dân từ {lo} đến {hi} tuổi', 'people aged {lo}–{hi}'), achieved: b('số người biết chữ mức độ 2 là', 'literate at level 2:') },
  },
  {
    id: 'PCBTH_HUYDONG', programme: 'PCBTH', kind: 'param',
    labelVi: 'Tỷ lệ huy động học sinh tốt nghiệp THCS vào lớp 10 (THPT, GDTX, trung cấp)', labelEn: 'Lower-secondary graduates entering grade 10 (THPT, GDTX, vocational)',
    formula: '(vào THPT + GDTX + TC nghề) / TN THCS năm trước', cohort: 'HS TN THCS', levels: {},
    source: 'Công văn 3420/THPT, 10819/GDTrH; chỉ tiêu địa phương (TP.HCM 96–97%)', status: 'UNCONFIRMED',
    counts: { numerator: ['vao_lop10_thpt', 'vao_gdtx', 'vao_trung_cap'], optional: ['vao_gdtx', 'vao_trung_cap'], cohort: 'tn_thcs' },
    column: b('Huy động vào lớp 10', 'Entry to grade 10'),
    phrases: {
      base: b('học sinh tốt nghiệp trung học cơ sở', 'lower-secondary graduates'),
      parts: {
        vao_lop10_thpt: b('vào lớp 10 trung học phổ thông', 'into grade 10 (general)'),
        vao_gdtx: b('vào giáo dục thường xuyên', 'into continuing education'),
        vao_trung_cap: b('vào trung cấp', 'into vocational'),
      },
    },
  },
  {
    id: 'PCBTH_TN', programme: 'PCBTH', kind: 'info',
    labelVi: 'Tỷ lệ tốt nghiệp trung học hằng năm', labelEn: 'Annual upper-secondary graduation rate',
    formula: '(TN PT + TN GDTX) / HS lớp 12', cohort: 'lớp 12', levels: {},
    source: 'Báo cáo mẫu 000 §6.5', status: 'CONFIRMED-PRACTICE',
    counts: { numerator: ['tn_thpt', 'tn_gdtx'], optional: ['tn_gdtx'], cohort: 'hs_lop12' },
    column: b('Tốt nghiệp hằng năm', 'Annual graduation'),
    phrases: {
      base: b('học sinh lớp 12', 'grade-12 pupils'),
      parts: { tn_thpt: b('tốt nghiệp hệ phổ thông', 'general graduates'), tn_gdtx: b('tốt nghiệp hệ giáo dục thường xuyên', 'continuing-education graduates') },
    },
  },
  {
    id: 'PCBTH_HIEUQUA', programme: 'PCBTH', kind: 'param',
    labelVi: 'Tỷ lệ thanh niên 18–21 tuổi có bằng tốt nghiệp trung học', labelEn: 'Aged 18–21 holding an upper-secondary diploma',
    formula: 'có bằng THPT (PT + GDTX [+ TCCN/nghề])(18..21) / dân số(18..21)', cohort: '18–21', levels: {},
    source: 'Công văn 3420/THPT; chỉ tiêu địa phương (TP.HCM 95–96%)', status: 'UNCONFIRMED',
    counts: { numerator: ['co_bang_thpt', 'co_bang_gdtx', 'co_bang_tccn'], optional: ['co_bang_gdtx', 'co_bang_tccn'], cohort: 'dan_so_18_21' },
    column: b('Hiệu quả (18–21 tuổi có bằng)', 'Aged 18–21 with diploma'),
    phrases: {
      base: b('thanh niên 18 đến 21 tuổi', 'people aged 18–21'),
      parts: {
        co_bang_thpt: b('có bằng trung học phổ thông', 'with a general diploma'),
        co_bang_gdtx: b('có bằng hệ giáo dục thường xuyên', 'with a continuing-education diploma'),
        co_bang_tccn: b('có bằng trung cấp', 'with a vocational diploma'),
      },
    },
  },
];
