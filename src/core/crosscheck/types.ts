import type { Bilingual, Finding, RuleId } from '../findings';
import type { SheetPlan, WorkbookSnapshot } from '../types';
import type { ParsedWorkbook, TemplateId } from '../sheets/types';
import type { UnitMap } from '../units';

/** A file the host could not open (corrupt, encrypted, .xls …): reported, never a crash. */
export interface UnreadableSubmission {
  file: string;
  reason: Bilingual;
}

/** What a host hands the engine for one file. */
export type SubmissionInput = WorkbookSnapshot | ParsedWorkbook | UnreadableSubmission;

export interface CrossCheckOptions {
  /** The template reader for WorkbookSnapshot inputs (default: readWorkbook). */
  read?: (snapshot: WorkbookSnapshot) => ParsedWorkbook;
  /** The rules run on each submission (default: validateWorkbook with default settings; false: none). */
  validate?: ((parsed: ParsedWorkbook) => Finding[]) | false;
  /** Expected school year ("2024-2025"); default: the master's. */
  schoolYear?: string;
  /** Mappings beyond the master's own DON_VI_SAP_NHAP sheet. */
  unitMap?: UnitMap;
  /** Apply only mappings effective on or before this ISO date; default: all. */
  asOf?: string;
  /** Language of the consolidation sheet's labels (default vi). */
  lang?: 'vi' | 'en';
}

/**
 * accepted: consolidated; blocked: has error findings (listed, not merged);
 * duplicate: an identical second copy (ignored); wrong_year, no_template, no_school, unreadable.
 */
export type SubmissionStatus = 'accepted' | 'blocked' | 'duplicate' | 'wrong_year' | 'no_template' | 'no_school' | 'unreadable';

export interface SubmissionSummary {
  file: string;
  /** Position in the order submissions were added. */
  index: number;
  status: SubmissionStatus;
  /** School codes after unit mapping. */
  schools: string[];
  schoolYear?: string;
  sheets: { name: string; template: TemplateId; rows: number }[];
  unrecognised: string[];
  /** Rule ids of the error findings that keep it out of the consolidation. */
  blocking: RuleId[];
  findings: number;
}

export type SchoolState = 'submitted' | 'wrong_year' | 'missing';

export interface CompletenessGroup {
  /** Commune code (after mapping) or cấp học code; '' when unknown. */
  key: string;
  name: string;
  expected: number;
  submitted: number;
  missing: { code: string; name: string }[];
}

export interface SchoolStatus {
  code: string;
  name: string;
  commune: string;
  level: string;
  state: SchoolState;
  /** Files submitted for this school (right year), in the order they came. */
  files: string[];
}

export interface Completeness {
  /** Every master school in master order, with its state. */
  schools: SchoolStatus[];
  expected: number;
  submitted: number;
  byCommune: CompletenessGroup[];
  byLevel: CompletenessGroup[];
  missing: { code: string; name: string; commune: string; level: string }[];
  /** Schools whose only submissions are for another school year. */
  wrongYear: string[];
}

export interface CrossCheckResult {
  master: { file: string; schoolYear?: string; schools: number; unitMappings: number };
  submissions: SubmissionSummary[];
  /** Every finding, grouped by school in master order; files without a school last. */
  findings: Finding[];
  completeness: Completeness;
  /** The office's "Tổng hợp" sheet built from the accepted submissions. */
  summarySheet: SheetPlan;
}
