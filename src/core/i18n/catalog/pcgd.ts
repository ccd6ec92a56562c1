import type { Bilingual } from '../../findings';

/**
 * Words of the national systems' exports read as input (src/core/pcgdForms, src/core/csdl) that are
 * not findings: where a figure sits, how a level was decided. The findings are in ./findings.ts.
 */
export const pcgd: Record<string, Bilingual> = {
  'pcgd.where': { vi: 'Biểu {code}, {unit}', en: 'Form {code}, {unit}' },
  'pcgd.where_no_unit': { vi: 'Biểu {code}', en: 'Form {code}' },
  'pcgd.basis.counts': { vi: 'tính lại từ số liệu đếm trên biểu {forms}', en: 'recomputed from the counts of form {forms}' },
  'pcgd.basis.printed_rates': { vi: 'tính lại từ các tỷ lệ in trên biểu {forms} (biểu không có số đối tượng)', en: 'recomputed from the rates printed on form {forms} (the form prints no cohort)' },
  'pcgd.basis.mixed': { vi: 'tính lại từ số liệu đếm và tỷ lệ in trên biểu {forms}', en: 'recomputed from the counts and the printed rates of form {forms}' },
  'pcgd.basis.none': { vi: 'không có số liệu để tính', en: 'no figures to compute it from' },
  'pcgd.level_line': {
    vi: '{commune} – {programme}: {level} ({basis}){unverified}.',
    en: '{commune} – {programme}: {level} ({basis}){unverified}.',
  },
  'pcgd.unit_line': { vi: 'Đơn vị cấp trên – {programme}: {level}', en: 'Higher unit – {programme}: {level}' },
  'pcgd.unverified': { vi: '; chưa kiểm được: {criteria}', en: '; not verifiable: {criteria}' },
  'pcgd.capped': { vi: ', theo mức in trên biểu vì các tiêu chí còn lại không có trên biểu', en: ', the printed level, as the other criteria are not on the form' },
  'pcgd.forms_note': {
    vi: 'Số liệu phổ cập lấy từ {n} biểu của hệ thống PCGD–XMC ({communes} xã, phường; năm điều tra {year}).',
    en: 'Phổ cập figures read from {n} forms of the PCGD–XMC system ({communes} communes; survey year {year}).',
  },
};
