/**
 * Id → implementation of every GD.* function, for hosts other than Excel (the command line, the
 * formula tests). The ids are the @customfunction ids of functions.ts.
 */
import * as F from './functions';

export type GdFunction = (...args: any[]) => any;

export const GD_FUNCTIONS: Record<string, GdFunction> = {
  PHOCAP_RATE: F.phocap_rate,
  PHOCAP_LEVEL: F.phocap_level,
  PHOCAP_UNIT_LEVEL: F.phocap_unit_level,
  PERCENT: F.percent_,
  PER_CLASS: F.per_class,
  CLASS_SIZE_CHECK: F.class_size_check,
  TEACHERS_PER_CLASS: F.teachers_per_class,
  TEACHER_NORM: F.teacher_norm,
  PUPILS_PER_TEACHER: F.pupils_per_teacher,
  CHANGE: F.change_,
  CHANGE_PCT: F.change_pct,
  CHANGE_TEXT: F.change_text,
  VN_NUMBER: F.vn_number,
  VN_PERCENT: F.vn_percent,
  VN_RATIO: F.vn_ratio,
  SENTENCE: F.sentence_,
  TREND: F.trend_,
  SUM_CHECK: F.sum_check,
  BIRTH_YEAR: F.birth_year,
};
