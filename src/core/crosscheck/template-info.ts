/**
 * What the cross-check needs to know about templates, read from the template table: which ones hold
 * rows per school (their key includes ma_truong), field labels for messages, which fields add up.
 */
import { fieldDef, TEMPLATE_BY_ID } from '../sheets/templates';
import type { ParsedSheet, TemplateId } from '../sheets/types';

/** Row key of a per-school template, or undefined when the template is not per school. */
export function schoolKey(template: TemplateId, columns: Record<string, string>): string[] | undefined {
  const key = TEMPLATE_BY_ID[template]?.key ?? [];
  if (!key.includes('ma_truong') || !('ma_truong' in columns)) return undefined;
  return key.filter((f) => f === 'ma_truong' || f in columns);
}

/** Order of the per-school templates in outputs. */
export const TEMPLATE_ORDER: TemplateId[] = ['QUY_MO', 'KET_QUA', 'DOI_NGU', 'DINH_DUONG'];

/** Compared elsewhere (the school year is checked once per sheet) or not a figure of the school. */
export const NOT_COMPARED = new Set(['nam_hoc']);

export function templateTitle(template: TemplateId, lang: 'vi' | 'en' = 'vi'): string {
  const def = TEMPLATE_BY_ID[template];
  if (!def) return template;
  return `${template}: ${lang === 'vi' ? def.title : def.titleEn}`;
}

/** The header as printed in the sheet when known (the user's words), else the template's. */
export function fieldLabel(template: TemplateId, field: string, sheet?: Pick<ParsedSheet, 'headers'>): string {
  return sheet?.headers?.[field] ?? fieldDef(template, field)?.header ?? field;
}

/** Counts add up across schools; levels, grades, codes and names do not. */
export function isSummable(template: TemplateId, field: string): boolean {
  return fieldDef(template, field)?.type === 'count';
}
