/**
 * A finding is one problem found in the data, at its cells, in both languages.
 * Shape modelled on DHIS2 validation results: which rule, how important, where, expected vs actual.
 * Its rule id is one of a closed set: the catalogue in i18n/catalog/findings.ts.
 */
import { formatNumber, formatPercent } from './format/vn';
import { fillBoth } from './i18n';
import type { MessageParams } from './i18n';
import { FINDINGS } from './i18n/catalog/findings';
import type { FindingText } from './i18n/catalog/findings';

export type Severity = 'error' | 'warning' | 'info';

/** Every rule id a finding can carry (reader, rules, cross-check, hosts). */
export type RuleId = keyof typeof FINDINGS;

/** The message keys of one rule id (its default wording and its variants). */
export type MessageKeyOf<I extends RuleId> = keyof (typeof FINDINGS)[I] & string;

/** Any finding message key. */
export type FindingMessageKey = { [I in RuleId]: MessageKeyOf<I> }[RuleId];

export const RULE_IDS = Object.keys(FINDINGS) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(FINDINGS, id);
}

/** The text and severity of one of an id's messages; undefined when the id does not own that key. */
export function findingText(rule: RuleId, key: string): FindingText | undefined {
  const messages: Record<string, FindingText> = FINDINGS[rule];
  return Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
}

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Finding {
  /** Rule id in Vietnamese snake_case, e.g. "tong_khop_cac_dong" (i18n/catalog/findings.ts). */
  rule: RuleId;
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

/**
 * A finding's expected or actual figure as people read it, the same in every host (CLI text and
 * JSON, task pane): a rate (the rule marks it `detail.unit = 'percent'`, values travel as fractions)
 * as a percentage with the rule's decimals, "97,32%"; a count with thousands dots, "2.210"; another
 * number with up to four decimals, "0,9732"; text as it is. Null when there is no figure.
 */
export function figureText(f: Finding, which: 'expected' | 'actual'): string | null {
  const v = f[which];
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return null;
  if (f.detail?.unit === 'percent') return formatPercent(v, typeof f.detail.decimals === 'number' ? f.detail.decimals : 2);
  return Number.isInteger(v) ? formatNumber(v) : formatNumber(v, { decimals: 4, keepTrailingZeros: false });
}

/** Findings flattened for JSON output in one language (CLI.md); figures also as people read them. */
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
    expectedText: figureText(f, 'expected'),
    actualText: figureText(f, 'actual'),
    ...(f.school !== undefined ? { school: f.school } : {}),
    ...(f.field !== undefined ? { field: f.field } : {}),
  };
}

/** Where a finding is and what it found; rule, severity and message come from the catalogue. */
export type FindingPlace = Omit<Finding, 'rule' | 'severity' | 'message'>;

/**
 * A finding from the catalogue: the id's message `key` filled with `params`, its severity from the
 * catalogue. The one way code outside the rule engine makes a finding.
 */
export function finding<I extends RuleId>(rule: I, key: MessageKeyOf<I>, params: MessageParams, place: FindingPlace): Finding {
  const text = findingText(rule, key)!;
  return { rule, severity: text.severity, message: fillBoth(text, params), ...place };
}
