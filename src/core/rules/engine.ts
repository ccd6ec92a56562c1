/**
 * The rule engine: applies the rule records of ./definitions to a parsed workbook and turns each
 * violation into a Finding (rule, severity, message vi/en, file, sheet, cells, expected, actual).
 */
import type { Bilingual, Finding, RuleId } from '../findings';
import { findingText } from '../findings';
import { fillBoth } from '../i18n';
import { withDefaults } from '../settings';
import { withSheetConventions } from '../indicators/measures';
import type { Settings } from '../settings';
import type { WorkbookSnapshot } from '../types';
import { readWorkbook } from '../sheets/read';
import type { ReadOptions } from '../sheets/read';
import type { ParsedSheet, ParsedWorkbook } from '../sheets/types';
import type { CompareRule, RuleContext, RuleDef, Side, Violation } from './types';
import { RULES } from './definitions';
import { fmt, holds, sideLabel, sideNumber, sideValue, where } from './helpers';

/* ---------------------------------------------------------------- applicability (computed once per sheet) */

function compareFields(r: CompareRule): string[] {
  const out = new Set<string>([...(r.left.fields ?? []), ...(r.right.fields ?? [])]);
  if (r.when) out.add(r.when.field);
  return [...out];
}

function applies(rule: RuleDef, sheet: ParsedSheet): boolean {
  if (!rule.templates.includes(sheet.template)) return false;
  if (rule.kind === 'compare' && rule.unlessColumn && sheet.columns[rule.unlessColumn]) return false;
  if (rule.kind === 'compare') {
    const fields = compareFields(rule);
    if (rule.anyField) {
      const side = (s: Side) => !s.fields?.length || s.fields.some((f) => sheet.columns[f]);
      return side(rule.left) && side(rule.right) && (!rule.when || !!sheet.columns[rule.when.field]);
    }
    return fields.every((f) => sheet.columns[f]);
  }
  return rule.fields.every((f) => sheet.columns[f]);
}

/* ---------------------------------------------------------------- findings */

function toFinding(rule: RuleDef, v: Violation, ctx: RuleContext, sheetName: string | undefined): Finding {
  const key = v.message ?? rule.message;
  const text = findingText(rule.id, key);
  // A message of another id is a bug in a rule record: loud in tests, never a wrong severity.
  if (!text) throw new Error(`Rule ${rule.id} emitted message ${key}, which is not one of its messages in the finding catalogue`);
  const f: Finding = {
    rule: rule.id,
    severity: text.severity,
    message: fillBoth(text, v.params),
    file: ctx.file,
    sheet: sheetName,
    cells: v.cells,
    expected: v.expected ?? null,
    actual: v.actual ?? null,
  };
  const fieldId = v.field ?? (rule.kind === 'compare' ? rule.left.fields?.[0] : undefined);
  if (fieldId) f.field = fieldId;
  if (v.source ?? rule.source) f.source = v.source ?? rule.source;
  if (v.detail) f.detail = v.detail;
  return f;
}

function evaluateCompare(rule: CompareRule, sheet: ParsedSheet, emit: (v: Violation) => void): void {
  let labels: [ReturnType<typeof sideLabel>, ReturnType<typeof sideLabel>] | null = null;
  const extra: Record<string, string | Bilingual> = rule.params ?? {};
  const rows = rule.totalRow && sheet.totalRow ? [...sheet.records, sheet.totalRow] : sheet.records;
  for (const rec of rows) {
    if (rule.when) {
      const w = rec.fields[rule.when.field]?.value;
      if (w === null || w === undefined || !rule.when.in.includes(w as string | number | boolean)) continue;
    }
    const lv = sideNumber(rec, rule.left);
    if (lv === null) continue;
    const rv = sideNumber(rec, rule.right);
    if (rv === null || holds(lv, rule.operator, rv)) continue;
    const l = sideValue(rec, rule.left);
    const r = sideValue(rec, rule.right);
    if (l.value === null || r.value === null) continue;
    emit({
      cells: [...new Set([...l.cells, ...r.cells])],
      params: {
        ...extra,
        where: where(sheet, rec),
        left_label: (labels ??= [sideLabel(sheet, rule.left), sideLabel(sheet, rule.right)])[0],
        right_label: labels[1],
        left: fmt(l.value),
        right: fmt(r.value),
        diff: fmt(Math.abs(l.value - r.value)),
        when: rule.when ? String(rec.fields[rule.when.field]?.value ?? '') : '',
      },
      expected: r.value,
      actual: l.value,
    });
  }
}

/* ---------------------------------------------------------------- entry points */

export interface ValidateOptions {
  settings?: Partial<Settings>;
  /** Known commune/ward codes (ma_xa); enables the "school's commune not in the list" check. */
  communeCodes?: Iterable<string>;
  /** Run only these rule ids (default: all). */
  only?: RuleId[];
}

/** Every rule on every recognised sheet. Reading findings are not repeated here (see checkSnapshot). */
export function validateWorkbook(parsed: ParsedWorkbook, opts: ValidateOptions = {}): Finding[] {
  const ctx: RuleContext = {
    settings: withSheetConventions(withDefaults(opts.settings), parsed.sheets),
    communeCodes: opts.communeCodes ? new Set([...opts.communeCodes].map((c) => String(c).trim())) : undefined,
    file: parsed.file,
  };
  const only = opts.only ? new Set(opts.only) : null;
  const rules = only ? RULES.filter((r) => only.has(r.id)) : RULES;
  const findings: Finding[] = [];
  for (const sheet of parsed.sheets) {
    const rowRules: Extract<RuleDef, { kind: 'row' }>[] = [];
    for (const rule of rules) {
      if (rule.kind === 'workbook' || !applies(rule, sheet)) continue;
      const emit = (v: Violation) => findings.push(toFinding(rule, v, ctx, sheet.sheetName));
      if (rule.kind === 'compare') evaluateCompare(rule, sheet, emit);
      else if (rule.kind === 'sheet') rule.evaluate(sheet, ctx, emit);
      else rowRules.push(rule);
    }
    if (rowRules.length) {
      const emits = rowRules.map((rule) => (v: Violation) => findings.push(toFinding(rule, v, ctx, sheet.sheetName)));
      for (const rec of sheet.records) for (let i = 0; i < rowRules.length; i++) rowRules[i].evaluate(rec, sheet, ctx, emits[i]);
    }
  }
  for (const rule of rules) {
    if (rule.kind !== 'workbook') continue;
    if (!parsed.sheets.some((s) => rule.templates.includes(s.template))) continue;
    rule.evaluate(parsed, ctx, (v) => findings.push(toFinding(rule, v, ctx, v.sheet)));
  }
  return findings;
}

export interface CheckOptions extends ReadOptions, ValidateOptions {}

/** Read a snapshot and validate it: the one call the CLI, the task pane and the cross-check share. */
export function checkSnapshot(snapshot: WorkbookSnapshot, opts: CheckOptions = {}): { parsed: ParsedWorkbook; findings: Finding[] } {
  const schoolYear = opts.schoolYear ?? opts.settings?.schoolYear;
  const parsed = readWorkbook(snapshot, { schoolYear, fileName: opts.fileName });
  const findings = [...parsed.findings, ...validateWorkbook(parsed, opts)];
  return { parsed, findings };
}
