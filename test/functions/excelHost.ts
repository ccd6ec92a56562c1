/**
 * A stand-in for Excel's custom-functions host, for tests: it runs the BUILT functions.js (webpack
 * output, with the CustomFunctions.associate calls the metadata plugin injects) in a fresh V8 context
 * whose only global is a stand-in CustomFunctions, and calls each function the way Excel does,
 * driven by functions.json — not by our own source. The convention, from Microsoft's documentation
 * (office-js-docs-pr docs/excel/custom-functions-parameter-options.md, custom-functions-json.md,
 * custom-functions-json-autogeneration.md "Types") and office-js issues:
 * - a parameter with dimensionality "matrix" receives a 2-D array, rows first; a single value is 1×1;
 * - an optional parameter left out arrives as null (a TypeScript default never applies);
 * - a repeating parameter receives ALL its values as ONE array, each value itself a 2-D array for a
 *   matrix parameter (`number[][][]`);
 * - "Every custom function is automatically passed an invocation argument as the last input
 *   parameter, even if it's not explicitly declared" (after every declared parameter);
 * - a typed scalar parameter (number, string, boolean) is converted by Excel before the call; a
 *   value that cannot be converted gives #VALUE! without calling the function;
 * - an input cell holding an error is not passed (allowErrorForDataTypeAny is off): the error is the result;
 * - blank cells arrive as null on the web and as 0 in Excel desktop (office-js#4702, #5262, #1951).
 * The result of a matrix function spills: a rectangle of values; null would show as 0 (office-js#1503).
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';

export interface CfParameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
export interface CfFunction {
  id: string;
  name: string;
  description: string;
  parameters: CfParameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
export interface FunctionsJson {
  functions: CfFunction[];
  [flag: string]: unknown;
}

/** The ErrorCode enum of @types/custom-functions-runtime: the literal strings Excel shows. */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

/** A cell holding an Excel error, as a test writes it in a formula's arguments. */
export interface CellErrorInput {
  cellError: string;
}
export const cellError = (code: string): CellErrorInput => ({ cellError: code });
const isCellErrorInput = (v: unknown): v is CellErrorInput => typeof v === 'object' && v !== null && 'cellError' in v;

export type Blanks = 'web' | 'desktop';

/** What a test writes as a formula argument: a literal, a cell (use `blank` for an empty one) or a range. */
export type FormulaArg = number | string | boolean | null | CellErrorInput | FormulaArg[][];
/** An empty cell (distinct from an omitted argument, which is `undefined`). */
export const blank = null;

export interface Invocation {
  address: string;
  functionName: string;
}

export interface ExcelHost {
  metadata: FunctionsJson;
  /** Ids the built script registered through CustomFunctions.associate, in order. */
  associated: string[];
  /** The context's global object (in Excel's shared runtime, the one the task pane shares). */
  global: Record<string | symbol, unknown>;
  /** What the context's CustomFunctions.Error class is (to check the returned errors). */
  ErrorClass: typeof StandInError;
  /** =GD.<id>(args…) evaluated as Excel would: the spilled result, or an error cell. */
  call(id: string, args: (FormulaArg | undefined)[], opts?: { blanks?: Blanks; address?: string }): unknown;
  /** The raw argument list Excel would pass (for tests of the convention itself). */
  argumentsFor(id: string, args: (FormulaArg | undefined)[], opts?: { blanks?: Blanks; address?: string }): unknown[];
}

/** Excel's conversion of a value for a typed scalar parameter; undefined = cannot convert (#VALUE!). */
function coerce(type: string | undefined, v: unknown): unknown {
  if (v === null || type === undefined || type === 'any') return v;
  if (type === 'number') {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  }
  if (type === 'string') return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  if (type === 'boolean') {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    return undefined;
  }
  return v;
}

class NotCalled {
  constructor(readonly error: StandInError) {}
}

/** The argument list Excel builds from a formula's arguments, from the metadata alone. */
export function excelArgumentsFor(f: CfFunction, args: (FormulaArg | undefined)[], invocation: Invocation, blanks: Blanks = 'web', ErrorClass: typeof StandInError = StandInError): unknown[] {
  const blankCell = blanks === 'web' ? null : 0;
  const errorIn = (v: unknown): CellErrorInput | undefined =>
    isCellErrorInput(v) ? v : Array.isArray(v) ? (v.flat(2) as unknown[]).find(isCellErrorInput) : undefined;
  const matrix = (v: FormulaArg): unknown[][] => (Array.isArray(v) ? v.map((row) => row.map((c) => (c === null ? blankCell : c))) : [[v === null ? blankCell : v]]);
  const one = (p: CfParameter, v: FormulaArg | undefined): unknown => {
    if (v === undefined) return null; // omitted
    const err = errorIn(v);
    if (err) throw new NotCalled(new ErrorClass(err.cellError));
    if (p.dimensionality === 'matrix') return matrix(v);
    if (Array.isArray(v)) throw new Error(`a range for the scalar parameter ${p.name} of ${f.id}: not modelled`);
    const c = coerce(p.type, v === null ? blankCell : v);
    if (c === undefined) throw new NotCalled(new ErrorClass(ERROR_CODES.invalidValue));
    return c;
  };
  const out: unknown[] = [];
  f.parameters.forEach((p, i) => {
    if (p.repeating) out.push(args.slice(i).filter((v) => v !== undefined).map((v) => one(p, v)));
    else out.push(one(p, args[i]));
  });
  const declared = f.parameters.some((p) => p.repeating) ? Infinity : f.parameters.length;
  if (args.length > declared) throw new Error(`${f.id} takes ${declared} arguments; Excel refuses the formula`);
  const required = f.parameters.filter((p) => !p.optional && !p.repeating).length;
  if (args.filter((a, i) => i < required && a !== undefined).length < required) throw new Error(`${f.id} needs ${required} arguments; Excel refuses the formula`);
  out.push(invocation);
  return out;
}

/** A thrown CustomFunctions.Error becomes the cell's error; anything else thrown becomes #VALUE!. */
function settle(f: () => unknown, ErrorClass: typeof StandInError): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof NotCalled) return e.error;
    if (e instanceof ErrorClass) return e;
    return new ErrorClass(ERROR_CODES.invalidValue, `unhandled: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Loads dist/functions.js + dist/functions.json into a fresh context with only CustomFunctions. */
export function loadExcelHost(dist: string): ExcelHost {
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8')) as FunctionsJson;
  const script = fs.readFileSync(path.join(dist, 'functions.js'), 'utf8');
  const registered = new Map<string, (...a: unknown[]) => unknown>();
  const associated: string[] = [];
  const sandbox: Record<string | symbol, unknown> = {
    CustomFunctions: {
      associate(id: string, fn: (...a: unknown[]) => unknown) {
        associated.push(id);
        registered.set(id.toUpperCase(), fn);
      },
      Error: StandInError,
      ErrorCode: ERROR_CODES,
    },
  };
  vm.createContext(sandbox);
  vm.runInContext(script, sandbox, { filename: 'functions.js' });
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  const argumentsFor: ExcelHost['argumentsFor'] = (id, args, opts = {}) => {
    const f = byId.get(id);
    if (!f) throw new Error(`${id} is not in functions.json`);
    return excelArgumentsFor(f, args, { address: opts.address ?? 'Sheet1!Z1', functionName: `GD.${id}` }, opts.blanks);
  };
  return {
    metadata,
    associated,
    global: sandbox,
    ErrorClass: StandInError,
    argumentsFor,
    call(id, args, opts = {}) {
      const fn = registered.get(id);
      if (!fn) throw new Error(`${id} was never associated by functions.js`);
      return settle(() => fn(...argumentsFor(id, args, opts)), StandInError);
    },
  };
}
