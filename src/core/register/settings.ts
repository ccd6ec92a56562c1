/**
 * The counting rules that the law leaves open when a register is turned into phổ cập figures, as
 * one table: each a setting with its default, the alternatives, its source and how sure we are
 * (REGULATIONS.md §0 tags). Every output computed from a register lists the rows of this table it
 * used, with the value in force (registerSettingsUsed).
 */
import type { SourceStatus } from '../indicators/thresholds';
import type { Settings } from '../settings';

export interface RegisterSettings {
  /** Who counts in the cohort (PPC): thường trú only, or thường trú and tạm trú. */
  residence: 'thuong-tru' | 'thuong-tru-tam-tru';
  /** Who is exempt (miễn giảm): disabled without learning capacity, or every disabled person. */
  exempt: 'kt-khong-kha-nang-hoc' | 'moi-kt';
  /** Preschool completion counted on the 6-year-olds (form MN-02) or on the 5-year-olds. */
  mn5Completion: 'tuoi-6' | 'tuoi-5';
  /** A pupil now in grade 10–12 counts as holding the THCS diploma. */
  tnThcsFromGrade10: boolean;
  /** "Tái mù chữ mức k" makes the person illiterate at level k whatever the grades say. */
  relapseOverrides: boolean;
  /** Grade-for-age gap (years) above which "grade far from age" warns. */
  gradeAgeGap: number;
}

export const DEFAULT_REGISTER_SETTINGS: RegisterSettings = {
  residence: 'thuong-tru',
  exempt: 'kt-khong-kha-nang-hoc',
  mn5Completion: 'tuoi-6',
  tnThcsFromGrade10: true,
  relapseOverrides: true,
  gradeAgeGap: 3,
};

export interface RegisterSettingRow {
  key: keyof RegisterSettings | 'xmcUpperAge' | 'thcsHocTiep' | 'dbkk';
  labelVi: string;
  labelEn: string;
  /** Default value and what each value means. */
  values: Record<string, { vi: string; en: string }>;
  source: string;
  status: SourceStatus;
}

/** One row per open rule (REGULATIONS §2.3, §8.3; REAL-FORMS §3). */
export const REGISTER_SETTING_ROWS: RegisterSettingRow[] = [
  {
    key: 'residence',
    labelVi: 'Diện phải phổ cập theo cư trú', labelEn: 'Residence counted in the cohort',
    values: {
      'thuong-tru': { vi: 'chỉ người thường trú (ô Diện cư trú trống được coi là thường trú)', en: 'permanent residents only (a blank residence cell counts as permanent)' },
      'thuong-tru-tam-tru': { vi: 'thường trú và tạm trú', en: 'permanent and temporary residents' },
    },
    source: 'REGULATIONS §2.3, §8.3 PPC (thực tiễn); phần mềm PCGD Nghệ An `_is_ppc`', status: 'CONFIRMED-PRACTICE',
  },
  {
    key: 'exempt',
    labelVi: 'Người được miễn giảm', labelEn: 'Who is exempt',
    values: {
      'kt-khong-kha-nang-hoc': { vi: 'người khuyết tật không có khả năng học tập', en: 'disabled people without learning capacity' },
      'moi-kt': { vi: 'mọi người khuyết tật (như công cụ trungtuyen/PCGDXMC)', en: 'every disabled person (as the trungtuyen tool does)' },
    },
    source: 'Hướng dẫn PCGD 2025 "PPC = Tổng số − khuyết tật − chuyển đi − chết" (REGULATIONS §2.3); điều khoản pháp lý chưa xác nhận', status: 'UNCONFIRMED',
  },
  {
    key: 'mn5Completion',
    labelVi: 'Trẻ hoàn thành chương trình GDMN tính trên', labelEn: 'Preschool completion counted on',
    values: {
      'tuoi-6': { vi: 'trẻ 6 tuổi thuộc diện phải phổ cập đã hoàn thành (biểu MN-02), mẫu số = trẻ 6 tuổi phải phổ cập', en: '6-year-olds of the cohort who completed (form MN-02), over the 6-year-old cohort' },
      'tuoi-5': { vi: 'trẻ 5 tuổi đã hoàn thành (mẫu số theo cài đặt mẫu số hoàn thành MN5)', en: '5-year-olds who completed (denominator per the MN5 completion setting)' },
    },
    source: 'Biểu MN-02 cột I, J, K (REAL-FORMS §1.6, phần mềm PCGD Nghệ An `_fill_mn02`)', status: 'SECONDARY',
  },
  {
    key: 'tnThcsFromGrade10',
    labelVi: 'Đang học lớp 10–12 được tính là có bằng TN THCS', labelEn: 'Pupils in grades 10–12 count as holding the THCS diploma',
    values: { true: { vi: 'có', en: 'yes' }, false: { vi: 'không, chỉ theo cột Bậc tốt nghiệp', en: 'no, only the "Bậc tốt nghiệp" column' } },
    source: 'Phần mềm PCGD Nghệ An (TN THCS: "status, or grade ≥ 10", REAL-FORMS §3)', status: 'SECONDARY',
  },
  {
    key: 'relapseOverrides',
    labelVi: 'Cột "Tái mù chữ mức" đưa người đó về mù chữ ở mức ghi', labelEn: '"Tái mù chữ mức k" makes the person illiterate at level k',
    values: { true: { vi: 'có', en: 'yes' }, false: { vi: 'không', en: 'no' } },
    source: 'Công cụ trungtuyen/PCGDXMC `computeOne` (REAL-FORMS §2.2)', status: 'SECONDARY',
  },
  {
    key: 'gradeAgeGap',
    labelVi: 'Lớp lệch tuổi quá (năm) thì cảnh báo', labelEn: 'Grade-for-age gap that warns (years)',
    values: {},
    source: 'Luật Giáo dục 2019 Điều 28 (tuổi vào lớp 1 là 6); ngưỡng cảnh báo do văn phòng đặt', status: 'UNCONFIRMED',
  },
  {
    key: 'thcsHocTiep',
    labelVi: '15–18 tuổi học tiếp THPT, GDTX, GDNN tính', labelEn: 'Aged 15–18 continuing counts',
    values: {
      'da-hoac-dang': { vi: 'đã hoặc đang học', en: 'finished or studying' },
      dang: { vi: 'chỉ đang học', en: 'studying now only' },
    },
    source: 'NĐ 20/2014 Điều 16 ("đang học"); hướng dẫn Nghệ An 2025 "đã/đang học" (REGULATIONS §1.3)', status: 'UNCONFIRMED',
  },
  {
    key: 'xmcUpperAge',
    labelVi: 'Tuổi cao nhất của nhóm XMC 15–60', labelEn: 'Upper age of the XMC 15–60 band',
    values: {},
    source: 'NĐ 20/2014 Điều 21 (60; dự thảo 2023 đề xuất 62, REGULATIONS §3.1)', status: 'CONFIRMED-LEGAL',
  },
  {
    key: 'dbkk',
    labelVi: 'Xã ĐBKK', labelEn: 'ĐBKK commune',
    values: {},
    source: 'Sổ đăng ký không ghi ĐBKK: lấy từ cài đặt (danh sách xã ĐBKK) hoặc danh sách xã (REGULATIONS §8.3 DBKK)', status: 'CONFIRMED-PRACTICE',
  },
];

export function registerSettingsOf(settings: Partial<Settings> & { register?: Partial<RegisterSettings> }): RegisterSettings {
  return { ...DEFAULT_REGISTER_SETTINGS, ...(settings.register ?? {}) };
}

export interface SettingUsed {
  key: string;
  label: { vi: string; en: string };
  value: { vi: string; en: string };
  isDefault: boolean;
  source: string;
  status: SourceStatus;
}

/** The open rules with the value in force, for every output computed from a register. */
export function registerSettingsUsed(settings: Partial<Settings> & { register?: Partial<RegisterSettings> }): SettingUsed[] {
  const r = registerSettingsOf(settings);
  const all: Record<string, unknown> = {
    ...r,
    xmcUpperAge: settings.xmcUpperAge ?? 60,
    thcsHocTiep: settings.thcsHocTiep ?? 'da-hoac-dang',
  };
  const defaults: Record<string, unknown> = { ...DEFAULT_REGISTER_SETTINGS, xmcUpperAge: 60, thcsHocTiep: 'da-hoac-dang' };
  return REGISTER_SETTING_ROWS.filter((row) => row.key !== 'dbkk').map((row) => {
    const v = all[row.key];
    const text = row.values[String(v)] ?? { vi: String(v), en: String(v) };
    return {
      key: row.key, label: { vi: row.labelVi, en: row.labelEn }, value: text,
      isDefault: v === defaults[row.key], source: row.source, status: row.status,
    };
  });
}
