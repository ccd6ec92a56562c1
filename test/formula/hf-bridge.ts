/**
 * Test-only HyperFormula host for the GD.* functions (HyperFormula is GPL-3.0: never import it from
 * src/). The registration is generated from the metadata that custom-functions-metadata produces for
 * src/functions/functions.ts, so formulas use exactly the ids, parameter kinds and JS functions that
 * Excel gets through the webpack plugin's CustomFunctions.associate calls.
 */
import path from 'node:path';
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import * as functions from '../../src/functions/functions';
import { isExcelError } from '../../src/functions/args';
import { excelArgumentsFor, type CfFunction, type FormulaArg } from '../functions/excelHost';

export type { CfFunction, CfParameter } from '../functions/excelHost';
export interface Metadata {
  json: { functions: CfFunction[] };
  associate: { id: string; functionName: string }[];
  errors: string[];
}

export async function generateMetadata(): Promise<Metadata> {
  // Loaded lazily: the generator pulls in the TypeScript compiler.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const gen = require('custom-functions-metadata');
  const file = path.join(__dirname, '../../src/functions/functions.ts');
  const r = await gen.generateCustomFunctionsMetadata(file, false);
  return { json: JSON.parse(r.metadataJson), associate: r.associate, errors: r.errors };
}

const ERROR_TYPES: Record<string, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#N/A': ErrorType.NA,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#REF!': ErrorType.REF,
  '#NAME?': ErrorType.NAME,
};

function toCellError(e: unknown): CellError {
  const err = e as { code?: string; message?: string; reason?: string };
  return new CellError(ERROR_TYPES[err.code ?? ''] ?? ErrorType.VALUE, err.reason ?? err.message);
}

/** HyperFormula value → what Excel hands a custom function (blank → null, as on the web). */
function fromHf(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return v;
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: unknown }).val;
  return v;
}

function toHf(v: unknown): unknown {
  if (isExcelError(v)) return toCellError(v);
  if (v === null || v === undefined) return 0;
  return v;
}

let registered = false;

/** Register every GD.* function of the metadata once per process. */
export function registerGdFunctions(meta: Metadata): string[] {
  const byId = new Map(meta.associate.map((a) => [a.id, a.functionName]));
  const implementedFunctions: Record<string, any> = {};
  const translations: Record<string, string> = {};
  const methods: Record<string, (this: FunctionPlugin, ast: any, state: any) => unknown> = {};
  for (const f of meta.json.functions) {
    const name = `GD.${f.id}`;
    const jsName = byId.get(f.id)!;
    const impl = (functions as Record<string, (...a: unknown[]) => unknown>)[jsName];
    if (typeof impl !== 'function') throw new Error(`No JS function ${jsName} for ${f.id}`);
    const parameters = f.parameters.map((p) => ({
      argumentType:
        p.dimensionality === 'matrix' ? FunctionArgumentType.ANY
          : p.type === 'number' ? FunctionArgumentType.NUMBER
            : p.type === 'boolean' ? FunctionArgumentType.BOOLEAN
              : p.type === 'string' ? FunctionArgumentType.STRING
                : FunctionArgumentType.SCALAR,
      optionalArg: !!p.optional || !!p.repeating,
    }));
    const method = `gd_${f.id}`;
    const sizeMethod = `gd_size_${f.id}`;
    implementedFunctions[name] = {
      method,
      parameters,
      vectorizationForbidden: true,
      ...(f.parameters.some((p) => p.repeating) ? { repeatLastArgs: 1 } : {}),
      ...(f.result.dimensionality === 'matrix' ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };
    translations[name] = name;
    methods[method] = function (this: FunctionPlugin, ast: any, state: any) {
      return (this as any).runFunction(ast.args, state, (this as any).metadata(name), (...args: unknown[]) => {
        // HyperFormula spreads a repeating parameter's values and leaves omitted optionals undefined;
        // Excel passes them as one array and as null, and appends an Invocation (excelArgumentsFor).
        const formulaArgs = args.map((a) => (a instanceof SimpleRangeValue ? a.data.map((row) => row.map(fromHf)) : a === undefined ? undefined : fromHf(a)));
        const bad = formulaArgs.flat(2).find((a) => a instanceof CellError);
        if (bad) return bad;
        try {
          const out = impl(...excelArgumentsFor(f, formulaArgs as (FormulaArg | undefined)[], { address: 'Sheet1!A1', functionName: name }));
          if (Array.isArray(out)) return SimpleRangeValue.onlyValues(out.map((r: unknown[]) => r.map(toHf)) as any);
          return toHf(out);
        } catch (e) {
          if (isExcelError(e)) return toCellError(e);
          throw e;
        }
      });
    };
    // Size of the spill, known before evaluation: HyperFormula needs it, Excel does not.
    methods[sizeMethod] = function (this: FunctionPlugin, ast: any, state: any) {
      const sizes: ArraySize[] = ast.args.map((a: any) => (this as any).arraySizeForAst(a, state));
      if (f.id === 'TREND') {
        const s = sizes[0];
        return new ArraySize(4, Math.max(s.width, s.height) + 1);
      }
      const considered = f.id === 'SUM_CHECK' ? sizes.slice(0, 1) : sizes;
      const big = considered.filter((s) => s.width * s.height > 1);
      // Ranges of different shapes give one #VALUE!, as in Excel.
      const same = big.every((s) => s.width === big[0].width && s.height === big[0].height);
      return big.length && same ? new ArraySize(big[0].width, big[0].height) : new ArraySize(1, 1);
    };
  }
  if (!registered) {
    class GdPlugin extends FunctionPlugin {}
    Object.assign(GdPlugin.prototype, methods);
    (GdPlugin as any).implementedFunctions = implementedFunctions;
    HyperFormula.registerFunctionPlugin(GdPlugin as any, { enGB: translations });
    registered = true;
  }
  return Object.keys(implementedFunctions);
}

export function build(sheet: unknown[][], locale: 'en' | 'vi' = 'en'): HyperFormula {
  return HyperFormula.buildFromArray(sheet as any, {
    licenseKey: 'gpl-v3',
    ...(locale === 'vi' ? { functionArgSeparator: ';', decimalSeparator: ',', thousandSeparator: '.' } : {}),
  } as any);
}
