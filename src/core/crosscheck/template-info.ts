/**
 * What the cross-check needs to know about templates: which ones hold one row per school (and
 * their row key), field labels for messages, which fields add up in a total.
 * TODO(templates): read these from src/core/sheets/templates.ts once it lands.
 */
import type { TemplateId } from '../sheets/types';

const SCHOOL_KEYS: Partial<Record<TemplateId, string[]>> = {
  QUY_MO: ['ma_truong'],
  KET_QUA: ['ma_truong', 'khoi'],
  DOI_NGU: ['ma_truong'],
  DINH_DUONG: ['ma_truong', 'nhom_tuoi', 'thoi_diem'],
};

/** Row key of a per-school template, or undefined when the template is not per school. */
export function schoolKey(template: TemplateId, columns: Record<string, string>): string[] | undefined {
  const key = SCHOOL_KEYS[template];
  if (key) return key.filter((f) => f === 'ma_truong' || f in columns);
  return 'ma_truong' in columns ? ['ma_truong'] : undefined;
}

export const TEMPLATE_ORDER: TemplateId[] = ['QUY_MO', 'KET_QUA', 'DOI_NGU', 'DINH_DUONG'];

export function templateTitle(template: TemplateId): string {
  return template;
}

export function fieldLabel(_template: TemplateId, field: string): string {
  return field;
}

const NOT_SUMMED = new Set(['khoi', 'chuan_qg', 'kdcl', 'nhom_tuoi', 'thoi_diem', 'cap_hoc', 'loai_hinh', 'ma_xa']);

/** Counts add up across schools; levels, grades and codes do not. */
export function isSummable(_template: TemplateId, field: string): boolean {
  return !NOT_SUMMED.has(field) && !field.startsWith('ma_') && !field.startsWith('ten_');
}
