/**
 * Validation rules as records, in the spirit of DHIS2 validation rules: a left side, an operator, a
 * right side, a missing-value strategy, an importance (severity), a message in both languages and a
 * legal source. Most rules are `compare` records evaluated by one engine; the few that need data from
 * several rows or sheets carry an evaluator function but are still listed, described and tested here.
 */
import type { Bilingual, Finding, FindingMessageKey, RuleId, Severity } from '../findings';
import type { Settings } from '../settings';
import type { ParsedSheet, ParsedWorkbook, SheetRecord, TemplateId } from '../sheets/types';

export type Operator = '==' | '<=' | '>=' | '<' | '>';

/**
 * What to do when values are blank (DHIS2's missing-value strategy), per side:
 * - skip-if-any-missing: evaluate only when every field of the side is present;
 * - skip-if-all-missing: sum the fields present, skip when none is;
 * - never-skip: blanks count as 0 (only for sides where blank really means none, e.g. optional deductions).
 */
export type MissingValueStrategy = 'skip-if-any-missing' | 'skip-if-all-missing' | 'never-skip';

/** Σ fields − Σ minus (+ constant). Fields in `minus` are optional deductions: blank = 0. */
export interface Side {
  fields?: string[];
  minus?: string[];
  constant?: number;
  strategy?: MissingValueStrategy;
}

export interface RuleContext {
  settings: Settings;
  /** Administrative codes of communes/wards (when known) for the school → commune check. */
  communeCodes?: Set<string>;
  file?: string;
}

interface RuleBase {
  /**
   * Vietnamese snake_case id from the finding catalogue (i18n/catalog/findings.ts); several records
   * may share an id when they are one check over different fields.
   */
  id: RuleId;
  /** The catalogue's severity of `message` (a test keeps the two equal; findings take the catalogue's). */
  severity: Severity;
  templates: TemplateId[];
  /** Fields read (all must exist in the sheet's columns for the rule to apply, unless `anyField`). */
  fields: string[];
  /** Key of the message among the id's messages in the finding catalogue. */
  message: FindingMessageKey;
  /** Legal source, when the rule comes from a regulation. */
  source?: string;
  /** What the rule checks, for the docs and the task pane's rule list. */
  description: Bilingual;
}

/** left operator right on each record (and on the total row). */
export interface CompareRule extends RuleBase {
  kind: 'compare';
  left: Side;
  operator: Operator;
  right: Side;
  /** Only rows whose field has one of these values (cap_hoc = MN; chuan_qg = 1). */
  when?: { field: string; in: (string | number | boolean)[] };
  /** The rule does not apply to a sheet that has this column (it changes what the fields mean). */
  unlessColumn?: string;
  /** Extra message parameters (e.g. a set's label). */
  params?: Record<string, Bilingual | string>;
  /** The rule still applies when only some of `fields` are columns of the sheet. */
  anyField?: boolean;
  /** Also evaluated on the printed total row (it is read, never trusted). */
  totalRow?: boolean;
}

export interface RowRule extends RuleBase {
  kind: 'row';
  evaluate(rec: SheetRecord, sheet: ParsedSheet, ctx: RuleContext, emit: Emit): void;
}

export interface SheetRule extends RuleBase {
  kind: 'sheet';
  evaluate(sheet: ParsedSheet, ctx: RuleContext, emit: Emit): void;
}

export interface WorkbookRule extends RuleBase {
  kind: 'workbook';
  evaluate(parsed: ParsedWorkbook, ctx: RuleContext, emit: WorkbookEmit): void;
}

export type RuleDef = CompareRule | RowRule | SheetRule | WorkbookRule;

/** What an evaluator reports; the engine adds rule id, severity, file, sheet and message. */
export interface Violation {
  cells: string[];
  /** Message parameters; a Bilingual value fills each language with its own text. */
  params: Record<string, string | number | Bilingual>;
  expected?: Finding['expected'];
  actual?: Finding['actual'];
  field?: string;
  /** Another of the id's messages (a variant, e.g. truncated instead of rounded), with its own severity. */
  message?: FindingMessageKey;
  detail?: Record<string, unknown>;
  /** The legal source of this finding when it depends on the figures (the norm in force that school year). */
  source?: string;
}

export type Emit = (v: Violation) => void;
export type WorkbookEmit = (v: Violation & { sheet?: string }) => void;
