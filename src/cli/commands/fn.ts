/**
 * `baocao-gd fn ID ARG… [--json]`: call one GD.* function with literal arguments, as Excel would
 * (ranges as 2-D arrays, omitted optionals as null, a repeating parameter's values as one array, an
 * Invocation last), through the same wrappers (src/functions) and so the same core.
 */
import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';
import { GD_INFO, callAsExcel } from '../../functions/registry';
import { isExcelError } from '../../functions/args';

type Literal = number | string | boolean | null;

/** One literal: numbers (dot decimals), TRUE/FALSE, "quoted text", empty → blank, else text. */
export function parseLiteral(raw: string): Literal {
  const s = raw.trim();
  if (s === '') return null;
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s);
  const q = /^"(.*)"$/s.exec(s);
  if (q) return q[1].replace(/""/g, '"');
  return raw;
}

/** "[1,2;3,4]" → [[1,2],[3,4]]; anything else is a single literal. */
export function parseArgument(raw: string): Literal | Literal[][] {
  const s = raw.trim();
  if (s.startsWith('[') && s.endsWith(']')) {
    const body = s.slice(1, -1);
    const rows = body.split(';').map((row) => splitCells(row).map(parseLiteral));
    const width = rows[0].length;
    if (rows.some((r) => r.length !== width)) throw new Error(`Vùng không đều hàng / Ragged range: ${raw}`);
    return rows;
  }
  return parseLiteral(raw);
}

function splitCells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of row) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function jsonCell(v: unknown): unknown {
  if (isExcelError(v)) return { error: v.code };
  if (typeof v === 'number' && !Number.isFinite(v)) return { error: '#NUM!' };
  return v === undefined ? null : v;
}

function textCell(v: unknown): string {
  if (isExcelError(v)) return v.code;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null || v === undefined) return '';
  return String(v);
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const [id, ...raw] = args.positionals;
  const key = (id ?? '').toUpperCase().replace(/^GD\./, '');
  const info = GD_INFO[key];
  if (!info) {
    io.err(
      `Không có hàm "${id ?? ''}". Các hàm: ${Object.keys(GD_INFO).join(', ')}\n` +
        `Unknown function "${id ?? ''}". Usage: baocao-gd fn ID ARG… [--json]`,
    );
    return 2;
  }
  let parsed: (Literal | Literal[][])[];
  try {
    parsed = raw.map(parseArgument);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const max = info.parameters.some((p) => p.repeating) ? Infinity : info.parameters.length;
  if (parsed.length > max) {
    io.err(`GD.${key} nhận tối đa ${max} tham số, đã cho ${parsed.length} / GD.${key} takes at most ${max} arguments, got ${parsed.length}`);
    return 2;
  }
  let result: unknown;
  try {
    result = callAsExcel(key, parsed, { address: 'fn!A1', functionName: `GD.${key}` });
  } catch (e) {
    if (!isExcelError(e)) throw e;
    result = e;
  }
  // A 1×1 result is one cell in Excel: print it as a scalar.
  if (Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1) {
    result = result[0][0];
  }
  const cells: unknown[] = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  const errors = cells.filter(isExcelError);
  if (args.flags.json) {
    const out = Array.isArray(result) ? (result as unknown[][]).map((r) => r.map(jsonCell)) : jsonCell(result);
    io.out(JSON.stringify(out));
  } else if (Array.isArray(result)) {
    io.out((result as unknown[][]).map((r) => r.map(textCell).join('\t')).join('\n'));
  } else {
    io.out(textCell(result));
  }
  for (const e of errors.slice(0, 5)) {
    const reason = (e as { reason?: string }).reason;
    if (reason) io.err(`${(e as { code: string }).code}: ${reason}`);
  }
  return errors.length ? 1 : 0;
}
