/** Public API of the validation rules. */
export { validateWorkbook, checkSnapshot } from './engine';
export type { ValidateOptions, CheckOptions } from './engine';
export { RULES, ruleCatalogue, TEACHERS_FAR_BELOW_SHARE, KET_QUA_QUY_MO_TOLERANCE, WEIGHED_ENROLLED_TOLERANCE } from './definitions';
export { fieldLabel, sideLabel, sideValue, where, fmt } from './helpers';
export type { RuleDef, CompareRule, RowRule, SheetRule, WorkbookRule, Side, Operator, MissingValueStrategy, RuleContext, Violation } from './types';
