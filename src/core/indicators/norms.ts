/**
 * Staffing and class-size norms (REGULATIONS §5, §8.3 NORMS/QUAL/ACCRED). Data, each with its source.
 */
export interface Norm {
  id: string;
  value: number;
  labelVi: string;
  labelEn: string;
  source: string;
  status: 'CONFIRMED-LEGAL' | 'CONFIRMED-PRACTICE' | 'SECONDARY' | 'UNCONFIRMED';
  /** First day the norm is in force (ISO date); absent = before every date we compare with. */
  validFrom?: string;
  /** Last day the norm is in force (ISO date); absent = still in force. */
  validTo?: string;
}

/** Maximum pupils per class / children per group, by level code used in CLASS_SIZE_CHECK. */
export const CLASS_SIZE_MAX: Record<string, Norm> = {
  TH: { id: 'TH', value: 35, labelVi: 'Tiểu học', labelEn: 'Primary', source: 'TT 28/2020/TT-BGDĐT, Điều 16 k1', status: 'CONFIRMED-LEGAL' },
  THCS: { id: 'THCS', value: 45, labelVi: 'Trung học cơ sở', labelEn: 'Lower secondary', source: 'TT 32/2020/TT-BGDĐT, Điều 16 k3', status: 'CONFIRMED-LEGAL' },
  THPT: { id: 'THPT', value: 45, labelVi: 'Trung học phổ thông', labelEn: 'Upper secondary', source: 'TT 32/2020/TT-BGDĐT, Điều 16 k3', status: 'CONFIRMED-LEGAL' },
  NT_3_12T: { id: 'NT_3_12T', value: 15, labelVi: 'Nhóm trẻ 3–12 tháng', labelEn: 'Crèche group 3–12 months', source: 'TT 52/2020/TT-BGDĐT, Điều 15', status: 'CONFIRMED-LEGAL' },
  NT_13_24T: { id: 'NT_13_24T', value: 20, labelVi: 'Nhóm trẻ 13–24 tháng', labelEn: 'Crèche group 13–24 months', source: 'TT 52/2020/TT-BGDĐT, Điều 15', status: 'CONFIRMED-LEGAL' },
  NT_25_36T: { id: 'NT_25_36T', value: 25, labelVi: 'Nhóm trẻ 25–36 tháng', labelEn: 'Crèche group 25–36 months', source: 'TT 52/2020/TT-BGDĐT, Điều 15', status: 'CONFIRMED-LEGAL' },
  MG_3_4T: { id: 'MG_3_4T', value: 25, labelVi: 'Lớp mẫu giáo 3–4 tuổi', labelEn: 'Kindergarten class 3–4 years', source: 'TT 52/2020/TT-BGDĐT, Điều 15', status: 'CONFIRMED-LEGAL' },
  MG_4_5T: { id: 'MG_4_5T', value: 30, labelVi: 'Lớp mẫu giáo 4–5 tuổi', labelEn: 'Kindergarten class 4–5 years', source: 'TT 52/2020/TT-BGDĐT, Điều 15', status: 'CONFIRMED-LEGAL' },
  MG_5_6T: { id: 'MG_5_6T', value: 35, labelVi: 'Lớp mẫu giáo 5–6 tuổi', labelEn: 'Kindergarten class 5–6 years', source: 'TT 52/2020/TT-BGDĐT, Điều 15', status: 'CONFIRMED-LEGAL' },
  /** Mixed MN school: the largest MG class size, used when a school's rows do not split groups. */
  MN: { id: 'MN', value: 35, labelVi: 'Mầm non (lớp mẫu giáo lớn nhất)', labelEn: 'Preschool (largest class)', source: 'TT 52/2020/TT-BGDĐT, Điều 15', status: 'CONFIRMED-LEGAL' },
};

/** Plausibility bounds of average class size (SHEETS.md §3): outside them the figure is an error. */
export const CLASS_SIZE_PLAUSIBLE = { min: 5, max: 60 };

/** TT 20/2023/TT-BGDĐT and TT 19/2023/TT-BGDĐT (30/10/2023) are in force from 16/12/2023 (REGULATIONS §5.2). */
const NORMS_2023_FROM = '2023-12-16';
const NORMS_2023_BEFORE = '2023-12-15';

/** Teachers per class (maximum staffing norm) in force now. Key: level or level + sessions. */
export const TEACHER_NORMS: Record<string, Norm> = {
  TH_1: { id: 'TH_1', value: 1.2, labelVi: 'Tiểu học, 1 buổi/ngày', labelEn: 'Primary, one session a day', source: 'TT 20/2023/TT-BGDĐT', status: 'CONFIRMED-LEGAL', validFrom: NORMS_2023_FROM },
  TH_2: { id: 'TH_2', value: 1.5, labelVi: 'Tiểu học, 2 buổi/ngày', labelEn: 'Primary, two sessions a day', source: 'TT 20/2023/TT-BGDĐT', status: 'CONFIRMED-LEGAL', validFrom: NORMS_2023_FROM },
  THCS: { id: 'THCS', value: 1.9, labelVi: 'Trung học cơ sở', labelEn: 'Lower secondary', source: 'TT 20/2023/TT-BGDĐT', status: 'CONFIRMED-LEGAL', validFrom: NORMS_2023_FROM },
  THPT: { id: 'THPT', value: 2.25, labelVi: 'Trung học phổ thông', labelEn: 'Upper secondary', source: 'TT 20/2023/TT-BGDĐT, Điều 17', status: 'CONFIRMED-LEGAL', validFrom: NORMS_2023_FROM },
  NT: { id: 'NT', value: 2.5, labelVi: 'Mầm non, nhóm trẻ', labelEn: 'Preschool, crèche group', source: 'TT 19/2023/TT-BGDĐT', status: 'CONFIRMED-LEGAL', validFrom: NORMS_2023_FROM },
  MG: { id: 'MG', value: 2.2, labelVi: 'Mầm non, lớp mẫu giáo', labelEn: 'Preschool, kindergarten class', source: 'TT 19/2023/TT-BGDĐT', status: 'CONFIRMED-LEGAL', validFrom: NORMS_2023_FROM },
};

/**
 * The norms the 2023 circulars replaced, in force until 15/12/2023 (REGULATIONS §5.2): TT 16/2017/TT-BGDĐT
 * for the schools (same values: TH 1,2 / 1,5, THCS 1,9, THPT 2,25; its start date is not in our sources, so
 * the row is open at the start) and TTLT 06/2015/TTLT-BGDĐT-BNV for preschool (named as TT 19/2023's
 * predecessor in REGULATIONS §8; its values are taken as TT 19/2023's, not checked against its text).
 */
export const TEACHER_NORMS_EARLIER: Record<string, Norm> = {
  TH_1: { ...TEACHER_NORMS.TH_1, source: 'TT 16/2017/TT-BGDĐT', validFrom: undefined, validTo: NORMS_2023_BEFORE },
  TH_2: { ...TEACHER_NORMS.TH_2, source: 'TT 16/2017/TT-BGDĐT', validFrom: undefined, validTo: NORMS_2023_BEFORE },
  THCS: { ...TEACHER_NORMS.THCS, source: 'TT 16/2017/TT-BGDĐT', validFrom: undefined, validTo: NORMS_2023_BEFORE },
  THPT: { ...TEACHER_NORMS.THPT, source: 'TT 16/2017/TT-BGDĐT', validFrom: undefined, validTo: NORMS_2023_BEFORE },
  NT: { ...TEACHER_NORMS.NT, source: 'TTLT 06/2015/TTLT-BGDĐT-BNV', status: 'UNCONFIRMED', validFrom: undefined, validTo: NORMS_2023_BEFORE },
  MG: { ...TEACHER_NORMS.MG, source: 'TTLT 06/2015/TTLT-BGDĐT-BNV', status: 'UNCONFIRMED', validFrom: undefined, validTo: NORMS_2023_BEFORE },
};

/** Every row of every norm, each with its validity period. */
const TEACHER_NORM_ROWS: Norm[] = [...Object.values(TEACHER_NORMS_EARLIER), ...Object.values(TEACHER_NORMS)];

/**
 * The day a school year is judged at: 31 May of its second calendar year, the end of the school year
 * the report describes ("2022-2023" → 2023-05-31). A norm that took effect during the year (TT 20/2023 on
 * 16/12/2023) applies to that year's report. Null when the text is not a school year.
 */
export function schoolYearReferenceDate(schoolYear: string | null | undefined): string | null {
  const m = /^\s*(\d{4})\s*[-–\/]\s*(\d{4})\s*$/.exec(schoolYear ?? '');
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return `${m[2]}-05-31`;
}

function inForce(n: Norm, date: string): boolean {
  return (!n.validFrom || n.validFrom <= date) && (!n.validTo || date <= n.validTo);
}

/**
 * The teacher norm in force for a school year (key as TEACHER_NORMS: TH_1, TH_2, THCS, THPT, NT, MG);
 * the current one when the year is unknown.
 */
export function teacherNormIn(key: string, schoolYear?: string | null): Norm | undefined {
  const date = schoolYearReferenceDate(schoolYear);
  if (!date) return TEACHER_NORMS[key];
  return TEACHER_NORM_ROWS.find((n) => n.id === key && inForce(n, date)) ?? TEACHER_NORMS[key];
}

/** Minimum qualification per level (Luật Giáo dục 2019, Điều 72 k1). Ordered lowest → highest. */
export const QUALIFICATION_ORDER = ['chua_qua_dao_tao', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'] as const;
export const QUALIFICATION_STANDARD: Record<string, Norm & { minimum: (typeof QUALIFICATION_ORDER)[number] }> = {
  MN: { id: 'MN', value: 0, minimum: 'cao_dang', labelVi: 'Mầm non: cao đẳng sư phạm trở lên', labelEn: 'Preschool: college degree or higher', source: 'khoản 1 Điều 72 Luật Giáo dục 2019', status: 'CONFIRMED-LEGAL' },
  TH: { id: 'TH', value: 0, minimum: 'dai_hoc', labelVi: 'Tiểu học: cử nhân trở lên', labelEn: 'Primary: bachelor or higher', source: 'khoản 1 Điều 72 Luật Giáo dục 2019', status: 'CONFIRMED-LEGAL' },
  THCS: { id: 'THCS', value: 0, minimum: 'dai_hoc', labelVi: 'THCS: cử nhân trở lên', labelEn: 'Lower secondary: bachelor or higher', source: 'khoản 1 Điều 72 Luật Giáo dục 2019', status: 'CONFIRMED-LEGAL' },
  THPT: { id: 'THPT', value: 0, minimum: 'dai_hoc', labelVi: 'THPT: cử nhân trở lên', labelEn: 'Upper secondary: bachelor or higher', source: 'khoản 1 Điều 72 Luật Giáo dục 2019', status: 'CONFIRMED-LEGAL' },
};

/** National-standard level → minimum accreditation level (TT 17/18/19-2018). */
export const CHUAN_QG_MIN_KDCL: Record<number, Norm> = {
  1: { id: 'CQG_1', value: 2, labelVi: 'Chuẩn quốc gia mức 1 cần kiểm định cấp độ ≥ 2', labelEn: 'National standard level 1 needs accreditation ≥ 2', source: 'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT', status: 'CONFIRMED-LEGAL' },
  2: { id: 'CQG_2', value: 3, labelVi: 'Chuẩn quốc gia mức 2 cần kiểm định cấp độ ≥ 3', labelEn: 'National standard level 2 needs accreditation ≥ 3', source: 'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT', status: 'CONFIRMED-LEGAL' },
};
