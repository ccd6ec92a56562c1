export { createCrossCheck, CrossCheckSession } from './engine';
export { buildSummarySheet, provenance } from './consolidate';
export type { ConsolidatedRow, SummaryInput } from './consolidate';
export type {
  Completeness,
  CompletenessGroup,
  CrossCheckOptions,
  CrossCheckResult,
  SchoolState,
  SchoolStatus,
  SubmissionInput,
  SubmissionStatus,
  SubmissionSummary,
  UnreadableSubmission,
} from './types';
