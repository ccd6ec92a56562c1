/**
 * Public API of the indicator engine, used by the GD.* functions, the report, the checks, the task
 * pane and the command line: one formula, one implementation.
 */
export {
  phocapRate, percent, ratio, perClass, teachersPerClass, pupilsPerTeacher, change, changePct,
  calcError, isCalcError, exactSubtract,
} from './rates';
export type { RateResult, RateValue, CalcError, CalcErrorReason, ExcelErrorCode, NumInput, NumberResult } from './rates';

export { communeLevel, unitLevel, levelLabel, explainOverride } from './levels';
export type {
  Level, RateInput, CommuneInputs, LevelOptions, LevelResult, CriterionResult, CriterionStatus,
  UnitInput, UnitLevelResult, ShareCheck,
} from './levels';

export {
  INDICATOR_RULES, PROGRAMME_INDICATORS, AGGREGATION_RULES, PROGRAMMES, MAX_LEVEL, PCBTH_DISTRICT_SHARE,
  resolveThreshold, resolveAggregation, resolveParam, aggregationIndicatorId,
} from './thresholds';
export type {
  Programme, SourceStatus, IndicatorRule, IndicatorKind, LevelThreshold, AggregationRule, ShareRule,
  AppliedOverride, ResolvedThreshold,
} from './thresholds';

export { meetsPercent, fractionMeetsPercent, shareMeets, toRational } from './exact';

export {
  changeText, sentence, trend, sumCheck, birthYear, schoolYearStart, classSizeCheck, classSizeNorm, teacherNorm,
} from './text';
export type { ChangeKind, ChangeTextOptions, SentenceOptions, TrendCell, ClassSizeResult } from './text';

export { CLASS_SIZE_MAX, CLASS_SIZE_PLAUSIBLE, TEACHER_NORMS, QUALIFICATION_ORDER, QUALIFICATION_STANDARD, CHUAN_QG_MIN_KDCL } from './norms';
export type { Norm } from './norms';

export { communeLevels, levelsOfCommunes, levelArguments, CommuneIndex } from './communes';
export type { CommuneInput, CommuneResult, CommuneRate, CommuneLevelOptions, ProgrammeCommunes, LevelArgument } from './communes';
export { INDICATORS, PROGRAMME_TABLE, XMC_BANDS } from './table';
export type { IndicatorDef, ProgrammeDef, CountFields, Bands, Phrases } from './table';
export { programmeMeasures, allMeasures, indicatorMeasure, levelMeasure, rateCounts, countFieldsOf, minusOf, programmeDef, fieldsOf } from './measures';
export type { Measure, CommuneCounts, RateCounts } from './measures';
