/**
 * Id → implementation and parameters of every GD.* function, for hosts other than Excel (the
 * command line, the formula tests). The ids are the @customfunction ids of functions.ts; the
 * parameter list mirrors the functions.json that custom-functions-metadata generates from its JSDoc
 * (a test compares the two), so these hosts can call a function the way Excel does (callAsExcel).
 */
import * as F from './functions';

export type GdFunction = (...args: any[]) => any;

/** `matrix`: a cell or range arrives as a 2-D array; the others are Excel-coerced scalars. */
export type ParameterKind = 'matrix' | 'string' | 'number' | 'boolean';

export interface GdParameter {
  name: string;
  kind: ParameterKind;
  optional?: boolean;
  /** The last parameter may repeat: Excel passes all its values as ONE array. */
  repeating?: boolean;
}

export interface GdFunctionInfo {
  fn: GdFunction;
  parameters: GdParameter[];
}

const m = (name: string): GdParameter => ({ name, kind: 'matrix' });
const opt = (p: GdParameter): GdParameter => ({ ...p, optional: true });
const s = (name: string): GdParameter => ({ name, kind: 'string' });
const n = (name: string): GdParameter => ({ name, kind: 'number' });
const b = (name: string): GdParameter => ({ name, kind: 'boolean' });

export const GD_INFO: Record<string, GdFunctionInfo> = {
  PHOCAP_RATE: { fn: F.phocap_rate, parameters: [m('achieved'), m('cohort'), opt(m('exempt')), opt(m('moved_out')), opt(m('deceased'))] },
  PHOCAP_LEVEL: { fn: F.phocap_level, parameters: [s('programme'), m('a'), m('b'), opt(m('c')), opt(m('d')), opt(m('e'))] },
  PHOCAP_UNIT_LEVEL: { fn: F.phocap_unit_level, parameters: [s('programme'), m('levels'), opt(s('scope')), opt(m('dbkk'))] },
  PERCENT: { fn: F.percent_, parameters: [m('part'), m('whole')] },
  PER_CLASS: { fn: F.per_class, parameters: [m('pupils'), m('classes')] },
  CLASS_SIZE_CHECK: { fn: F.class_size_check, parameters: [m('pupils'), m('classes'), m('level')] },
  TEACHERS_PER_CLASS: { fn: F.teachers_per_class, parameters: [m('teachers'), m('classes')] },
  TEACHER_NORM: { fn: F.teacher_norm, parameters: [m('level'), opt(m('sessions'))] },
  PUPILS_PER_TEACHER: { fn: F.pupils_per_teacher, parameters: [m('pupils'), m('teachers')] },
  CHANGE: { fn: F.change_, parameters: [m('current'), m('previous')] },
  CHANGE_PCT: { fn: F.change_pct, parameters: [m('current'), m('previous')] },
  CHANGE_TEXT: { fn: F.change_text, parameters: [m('current'), m('previous'), opt(s('unit')), opt(s('kind'))] },
  VN_NUMBER: { fn: F.vn_number, parameters: [m('value'), opt(n('decimals')), opt(b('leading_zero'))] },
  VN_PERCENT: { fn: F.vn_percent, parameters: [m('fraction'), opt(n('decimals'))] },
  VN_RATIO: { fn: F.vn_ratio, parameters: [m('numerator'), m('denominator'), opt(n('decimals'))] },
  SENTENCE: { fn: F.sentence_, parameters: [m('label'), m('numerator'), m('denominator'), opt(m('previous_rate')), opt(n('decimals'))] },
  TREND: { fn: F.trend_, parameters: [m('values'), opt(m('years')), opt(s('kind'))] },
  SUM_CHECK: { fn: F.sum_check, parameters: [m('total'), { ...opt(m('parts')), repeating: true }] },
  BIRTH_YEAR: { fn: F.birth_year, parameters: [m('school_year'), m('age')] },
};

export const GD_FUNCTIONS: Record<string, GdFunction> = Object.fromEntries(Object.entries(GD_INFO).map(([id, info]) => [id, info.fn]));

/** What Excel appends to every call (CustomFunctions.Invocation); our functions do not read it. */
export interface Invocation {
  address?: string;
  functionName?: string;
}

/**
 * The argument list Excel builds for a formula's arguments (custom-functions-parameter-options.md):
 * a cell or range for a matrix parameter as a 2-D array (a scalar as 1×1), an omitted optional as
 * null, the values of a repeating parameter as ONE array (each a 2-D array), then the Invocation.
 */
export function excelArguments(parameters: GdParameter[], args: unknown[], invocation: Invocation): unknown[] {
  const asMatrix = (v: unknown) => (Array.isArray(v) ? v : [[v]]);
  const out: unknown[] = [];
  for (let i = 0; i < parameters.length; i++) {
    const p = parameters[i];
    if (p.repeating) {
      out.push(args.slice(i).map((v) => (p.kind === 'matrix' ? asMatrix(v ?? null) : v ?? null)));
      break;
    }
    const v = i < args.length && args[i] !== undefined ? args[i] : null;
    out.push(v !== null && p.kind === 'matrix' ? asMatrix(v) : v);
  }
  out.push(invocation);
  return out;
}

/** Call GD.<id> with formula arguments the way Excel does (see excelArguments). */
export function callAsExcel(id: string, args: unknown[], invocation: Invocation = { functionName: `GD.${id}` }): unknown {
  const info = GD_INFO[id];
  if (!info) throw new Error(`No GD function ${id}`);
  return info.fn(...excelArguments(info.parameters, args, invocation));
}
