/**
 * A finding is one problem found in the data, at its cells, in both languages.
 * Shape modelled on DHIS2 validation results: which rule, how important, where, expected vs actual.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Finding {
  /** Rule id in Vietnamese snake_case, e.g. "tong_khop_cac_dong". */
  rule: string;
  severity: Severity;
  message: Bilingual;
  file?: string;
  sheet?: string;
  /** A1 addresses on `sheet` ("B12"). */
  cells: string[];
  expected?: number | string | boolean | null;
  actual?: number | string | boolean | null;
  /** School code, for cross-check findings. */
  school?: string;
  /** Field id the finding is about, when there is one. */
  field?: string;
  /** Legal source of the rule, when there is one. */
  source?: string;
  /** Extra machine-readable detail (e.g. the second cell of a cross-check). */
  detail?: Record<string, unknown>;
}

export type Lang = 'vi' | 'en';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** Findings flattened for JSON output in one language (CLI.md). */
export function findingToJson(f: Finding, lang: Lang) {
  return {
    rule: f.rule,
    severity: f.severity,
    file: f.file ?? null,
    sheet: f.sheet ?? null,
    cells: f.cells,
    message: f.message[lang],
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    ...(f.school !== undefined ? { school: f.school } : {}),
    ...(f.field !== undefined ? { field: f.field } : {}),
  };
}
