/**
 * Every GD.* function as Excel calls it: the BUILT functions.js (webpack output) run in a context
 * whose only global is a stand-in CustomFunctions, each function called with the argument list
 * Excel builds from functions.json (test/functions/excelHost.ts: matrices, null for omitted
 * optionals, one array for a repeating parameter, the Invocation appended). Expected values are
 * worked out by hand in each case.
 */
import { ensureDist } from '../harness/dist';
import { GD_INFO, excelArguments } from '../../src/functions/registry';
import { blank, cellError, loadExcelHost, type ExcelHost, type FormulaArg } from './excelHost';

let host: ExcelHost;

beforeAll(() => {
  host = loadExcelHost(ensureDist());
}, 300_000);

const code = (v: unknown) => (v instanceof host.ErrorClass ? v.code : `not an error: ${JSON.stringify(v)}`);
const call = (id: string, ...args: (FormulaArg | undefined)[]) => host.call(id, args);
const callDesktop = (id: string, ...args: (FormulaArg | undefined)[]) => host.call(id, args, { blanks: 'desktop' });
/** One cell's value: Excel shows a 1×1 result in the formula's cell. */
const one = (id: string, ...args: (FormulaArg | undefined)[]) => {
  const r = call(id, ...args);
  return Array.isArray(r) ? (expect(r).toHaveLength(1), expect(r[0]).toHaveLength(1), r[0][0]) : r;
};
const col = (...xs: FormulaArg[]) => xs.map((x) => [x]) as FormulaArg[][];
const row = (...xs: FormulaArg[]) => [xs] as FormulaArg[][];

/** What Excel can show: a rectangle of numbers, text, booleans or CustomFunctions errors; never null/undefined/NaN. */
function expectShowable(id: string, v: unknown): void {
  const cells = Array.isArray(v) ? (v as unknown[][]) : [[v]];
  const width = cells[0]?.length;
  expect(cells.length).toBeGreaterThan(0);
  for (const line of cells) {
    expect(Array.isArray(line)).toBe(true);
    expect(line).toHaveLength(width);
    for (const c of line) {
      if (c instanceof host.ErrorClass) {
        expect(['#VALUE!', '#N/A', '#DIV/0!', '#NUM!', '#NULL!', '#NAME?', '#REF!']).toContain(c.code);
        continue;
      }
      const ok = (typeof c === 'number' && Number.isFinite(c)) || typeof c === 'string' || typeof c === 'boolean';
      if (!ok) throw new Error(`${id}: a cell Excel cannot show: ${String(c)} (${typeof c})`);
    }
  }
}

describe('the built functions.js and functions.json', () => {
  test('functions.js registers exactly the 19 ids of functions.json, once each, with no other global than CustomFunctions', () => {
    const ids = host.metadata.functions.map((f) => f.id);
    expect(ids).toHaveLength(19);
    expect(host.associated.slice().sort()).toEqual(ids.slice().sort());
    expect(new Set(host.associated).size).toBe(19);
  });

  test('functions.json carries no data-types flag (we use none; CustomFunctionsRuntime 1.4, office-js#3504, #4385)', () => {
    expect(Object.keys(host.metadata)).toEqual(['functions']);
  });

  test('a repeating parameter is last, optional (office-js#2732: a required repeating matrix fails to install) and one per function', () => {
    for (const f of host.metadata.functions) {
      const rep = f.parameters.filter((p) => p.repeating);
      expect(rep.length).toBeLessThanOrEqual(1);
      if (rep.length) {
        expect(f.parameters[f.parameters.length - 1]).toBe(rep[0]);
        expect(rep[0].optional).toBe(true);
      }
      // Optional parameters come after the required ones (Excel fills them from the left).
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  test('the parameter table the command line and formula tests use (src/functions/registry) is functions.json', () => {
    const fromJson = Object.fromEntries(
      host.metadata.functions.map((f) => [
        f.id,
        f.parameters.map((p) => ({
          name: p.name,
          kind: p.dimensionality === 'matrix' ? 'matrix' : p.type,
          ...(p.optional ? { optional: true } : {}),
          ...(p.repeating ? { repeating: true } : {}),
        })),
      ]),
    );
    const fromTable = Object.fromEntries(Object.entries(GD_INFO).map(([id, info]) => [id, info.parameters]));
    expect(fromTable).toEqual(fromJson);
  });

  test('the argument lists: matrices, null for what is left out, ONE array for the repeating values, the Invocation last', () => {
    const inv = { address: 'Sheet1!Z1', functionName: 'GD.PHOCAP_RATE' };
    expect(host.argumentsFor('PHOCAP_RATE', [9022, 9300])).toEqual([[[9022]], [[9300]], null, null, null, inv]);
    expect(host.argumentsFor('VN_NUMBER', [26254, '1'])).toEqual([[[26254]], 1, null, { ...inv, functionName: 'GD.VN_NUMBER' }]);
    expect(host.argumentsFor('SUM_CHECK', [1294, 300, row(500, 487)])).toEqual([[[1294]], [[[300]], [[500, 487]]], { ...inv, functionName: 'GD.SUM_CHECK' }]);
    expect(host.argumentsFor('SUM_CHECK', [col(1, blank)], { blanks: 'desktop' })).toEqual([[[1], [0]], [], { ...inv, functionName: 'GD.SUM_CHECK' }]);
    // src/functions/registry builds the same lists for the command line.
    for (const [id, args] of [['PHOCAP_RATE', [9022, 9300]], ['SUM_CHECK', [1294, 300, row(500, 487)]], ['CHANGE_TEXT', [12, 10, 'trường']]] as const) {
      const theirs = host.argumentsFor(id, args as unknown as FormulaArg[]);
      expect(excelArguments(GD_INFO[id].parameters, args as unknown as unknown[], theirs[theirs.length - 1] as object)).toEqual(theirs);
    }
  });
});

describe('settings shared by the task pane in the same runtime', () => {
  test('the built functions read the settings published on the global object (not a copy inside functions.js)', () => {
    const key = Symbol.for('baocao-gd.settings');
    // XMC M1 needs 90 % for mức 1: 94 % reaches it, until the office raises the threshold to 95 %.
    expect(one('PHOCAP_LEVEL', 'XMC', 0.94, 0)).toBe(1);
    let saved: object | null = { thresholdOverrides: [{ indicator: 'XMC_M1', level: 1, percent: 95 }] };
    host.global[key] = () => saved;
    try {
      expect(one('PHOCAP_LEVEL', 'XMC', 0.94, 0)).toBe(0);
      saved = null; // the workbook has no settings: the legal thresholds
      expect(one('PHOCAP_LEVEL', 'XMC', 0.94, 0)).toBe(1);
    } finally {
      delete host.global[key];
    }
  });
});

describe('each of the 19 functions, called as Excel calls it', () => {
  test('PHOCAP_RATE: 9.022 of 9.300 less 35 exempt; a column spills one rate per row; the optional deductions', () => {
    expect(one('PHOCAP_RATE', 9022, 9300, 35)).toBe(9022 / 9265);
    // 100 achieved of 130 less 5 exempt, 10 moved out, 15 deceased: 100 / 100.
    expect(one('PHOCAP_RATE', 100, 130, 5, 10, 15)).toBe(1);
    expect(call('PHOCAP_RATE', col(9, 18, 5), col(10, 20, 10))).toEqual([[0.9], [0.9], [0.5]]);
    // Numerator above the denominator → #NUM!; denominator used up by exemptions → #DIV/0!.
    expect(code(one('PHOCAP_RATE', 120, 100))).toBe('#NUM!');
    expect(code(one('PHOCAP_RATE', 5, 10, 10))).toBe('#DIV/0!');
  });

  test('PHOCAP_LEVEL: programme as text, rates as cells; a column of communes spills; blanks are "Chưa đủ dữ liệu"', () => {
    // TH: 98 % ≥ 90 (M1…), 90 % ≥ 90 (M3 11 tuổi), TRUE, 80 % ≥ 80 (M3 14 tuổi) → mức 3.
    expect(one('PHOCAP_LEVEL', 'TH', 0.98, 0.9, true, 0.8)).toBe(3);
    // MN5 ordinary commune: 95 % and 85 % meet 95/85 → 1; 90 % and 80 % do not → 0 (ĐBKK column left out: null).
    expect(call('PHOCAP_LEVEL', 'MN5', col(0.95, 0.9), col(0.85, 0.8))).toEqual([[1], [0]]);
    // The same 90 % / 80 % in an ĐBKK commune (third argument TRUE) → 1.
    expect(one('PHOCAP_LEVEL', 'MN5', 0.9, 0.8, true)).toBe(1);
    expect(one('PHOCAP_LEVEL', 'XMC', blank, 0.95)).toBe('Chưa đủ dữ liệu');
    expect(code(one('PHOCAP_LEVEL', 'PTTH', 1, 1))).toBe('#N/A');
  });

  test('PHOCAP_UNIT_LEVEL: a range of commune levels and the scope text', () => {
    // 9 of 10 communes at mức 3 (≥ 90 %) → the district is at mức 3 (ND 20 Điều 19); omitted scope = huyen.
    expect(one('PHOCAP_UNIT_LEVEL', 'TH', col(3, 3, 3, 3, 3, 3, 3, 3, 3, 2), 'huyen')).toBe(3);
    expect(one('PHOCAP_UNIT_LEVEL', 'TH', col(3, 3, 3, 3, 3, 3, 3, 3, 3, 2))).toBe(3);
    // Two districts at 3 and 2 → the province reaches only mức 2.
    expect(one('PHOCAP_UNIT_LEVEL', 'TH', row(3, 2), 'tinh')).toBe(2);
    expect(code(one('PHOCAP_UNIT_LEVEL', 'TH', row(1), 'xa'))).toBe('#N/A');
  });

  test('PERCENT, PER_CLASS, TEACHERS_PER_CLASS, PUPILS_PER_TEACHER', () => {
    expect(one('PERCENT', 1, 4)).toBe(0.25);
    expect(call('PERCENT', row(1, 3), row(4, 4))).toEqual([[0.25, 0.75]]);
    expect(one('PER_CLASS', 105, 3)).toBe(35);
    expect(one('TEACHERS_PER_CLASS', 45, 30)).toBe(1.5);
    expect(one('PUPILS_PER_TEACHER', 600, 24)).toBe(25);
    expect(code(one('PER_CLASS', 5, 0))).toBe('#DIV/0!');
  });

  test('CLASS_SIZE_CHECK and TEACHER_NORM', () => {
    // Tiểu học: at most 35 per class (TT 28/2020). 1.400/40 = 35 is within; 1.401/40 = 35,025 → 35,03.
    expect(call('CLASS_SIZE_CHECK', col(1400, 1401), col(40, 40), 'TH')).toEqual([['Trong định mức'], ['Vượt định mức (35,03 > 35)']]);
    expect(one('TEACHER_NORM', 'THCS')).toBe(1.9);
    // Tiểu học one session a day 1,2; the omitted sessions argument means two sessions: 1,5.
    expect(one('TEACHER_NORM', 'TH', 1)).toBe(1.2);
    expect(one('TEACHER_NORM', 'TH')).toBe(1.5);
  });

  test('CHANGE, CHANGE_PCT, CHANGE_TEXT (unit and kind are typed text, left out → null)', () => {
    expect(one('CHANGE', 12, 10)).toBe(2);
    expect(one('CHANGE_PCT', 12, 10)).toBe(0.2);
    expect(one('CHANGE_TEXT', 12, 10, 'trường')).toBe('tăng 02 trường');
    expect(one('CHANGE_TEXT', 0.9613, 0.9738, undefined, 'rate')).toBe('giảm 1,25 điểm phần trăm');
    expect(call('CHANGE_TEXT', col(5, 4), col(5, 6), 'lớp')).toEqual([['bằng năm học trước'], ['giảm 02 lớp']]);
  });

  test('VN_NUMBER, VN_PERCENT, VN_RATIO (decimals typed number: Excel converts "1"; leading_zero typed boolean)', () => {
    expect(one('VN_NUMBER', 26254)).toBe('26.254');
    expect(one('VN_NUMBER', 1.5, '1')).toBe('1,5');
    expect(one('VN_NUMBER', 2, undefined, true)).toBe('02');
    expect(one('VN_NUMBER', 2, undefined, 1)).toBe('02');
    // A decimals argument that is not a number never reaches the function: Excel shows #VALUE!.
    expect(code(one('VN_NUMBER', 2, 'hai'))).toBe('#VALUE!');
    expect(one('VN_PERCENT', 0.9737722612)).toBe('97,38%');
    expect(one('VN_RATIO', 2954, 6901, 1)).toBe('42,8% (2.954/6.901)');
  });

  test('SENTENCE', () => {
    // 2.954/6.901 = 42,805 % → 42,81 %; last year 41,61 % → up 1,20 points.
    expect(one('SENTENCE', 'Tỷ lệ huy động trẻ nhà trẻ', 2954, 6901, 0.4161)).toBe(
      'Tỷ lệ huy động trẻ nhà trẻ đạt 42,81% (2.954/6.901), tăng 1,20 điểm phần trăm so với năm học trước.',
    );
  });

  test('TREND spills a (n + 1) × 4 table', () => {
    expect(call('TREND', row(10, 12), row('2022-2023', '2023-2024'))).toEqual([
      ['Năm học', 'Giá trị', 'Tăng/giảm', 'Tỷ lệ tăng/giảm'],
      ['2022-2023', 10, '', ''],
      ['2023-2024', 12, 2, 0.2],
    ]);
  });

  test('SUM_CHECK: the repeating parts arrive as one array (this returned #VALUE! in Excel before)', () => {
    // 7.667 + 18.587 = 26.254.
    expect(one('SUM_CHECK', 26254, 7667, 18587)).toBe(true);
    // 300 + 500 + 487 = 1.287: the total 1.294 is 7 more.
    expect(one('SUM_CHECK', 1294, 300, 500, 487)).toBe('lệch +7');
    expect(one('SUM_CHECK', 1294, row(300, 500, 487))).toBe('lệch +7');
    expect(one('SUM_CHECK', 1294, 300, row(500, 487))).toBe('lệch +7');
    // A column of totals with a column per part, row by row: 4 + 6 = 10, 10 + 9 = 19 ≠ 20.
    expect(call('SUM_CHECK', col(10, 20), col(4, 10), col(6, 9))).toEqual([[true], ['lệch +1']]);
    // No parts: nothing adds up to 5.
    expect(one('SUM_CHECK', 5)).toBe('lệch +5');
    expect(code(one('SUM_CHECK', blank, 1))).toBe('#VALUE!');
  });

  test('BIRTH_YEAR', () => {
    // 2023-2024: a child of 5 is born in 2023 − 5 = 2018.
    expect(one('BIRTH_YEAR', '2023-2024', 5)).toBe(2018);
    expect(call('BIRTH_YEAR', '2023-2024', col(5, 6, 11, 14))).toEqual([[2018], [2017], [2012], [2009]]);
  });
});

describe('what every function returns, whatever Excel passes', () => {
  /** One ordinary call per function (the cases above), plus the same with ranges, blanks and errors in the cells. */
  const ORDINARY: Record<string, FormulaArg[]> = {
    PHOCAP_RATE: [9022, 9300, 35],
    PHOCAP_LEVEL: ['TH', 0.98, 0.9, true, 0.8],
    PHOCAP_UNIT_LEVEL: ['TH', col(3, 3, 2)],
    PERCENT: [1, 4],
    PER_CLASS: [105, 3],
    CLASS_SIZE_CHECK: [105, 3, 'TH'],
    TEACHERS_PER_CLASS: [45, 30],
    TEACHER_NORM: ['TH', 2],
    PUPILS_PER_TEACHER: [600, 24],
    CHANGE: [12, 10],
    CHANGE_PCT: [12, 10],
    CHANGE_TEXT: [12, 10, 'trường', 'count'],
    VN_NUMBER: [26254, 0, false],
    VN_PERCENT: [0.97, 2],
    VN_RATIO: [2954, 6901, 1],
    SENTENCE: ['Tỷ lệ', 2954, 6901, 0.4161, 2],
    TREND: [row(10, 12)],
    SUM_CHECK: [10, 4, 6],
    BIRTH_YEAR: ['2023-2024', 5],
  };

  test('the table covers all 19 functions', () => {
    expect(Object.keys(ORDINARY).sort()).toEqual(host.metadata.functions.map((f) => f.id).sort());
  });

  test.each(Object.keys(ORDINARY))('%s: a showable result on the web and on desktop, with blanks, ranges, error cells', (id) => {
    const f = host.metadata.functions.find((x) => x.id === id)!;
    const base = ORDINARY[id];
    const variants: FormulaArg[][] = [base];
    base.forEach((v, i) => {
      const p = f.parameters[Math.min(i, f.parameters.length - 1)];
      if (p.dimensionality !== 'matrix') return;
      variants.push(base.map((x, j) => (j === i ? blank : x)));
      if (!Array.isArray(v)) variants.push(base.map((x, j) => (j === i ? col(v, blank, 'chữ') : x)));
      variants.push(base.map((x, j) => (j === i ? cellError('#REF!') : x)));
    });
    for (const args of variants) {
      expectShowable(id, call(id, ...args));
      expectShowable(id, callDesktop(id, ...args));
    }
    // The ordinary call is never an error.
    const r = call(id, ...base);
    const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
    expect(cells.filter((c) => c instanceof host.ErrorClass)).toEqual([]);
    // An error in an input cell is Excel's result, without calling the function.
    const withError = f.parameters[0].dimensionality === 'matrix' ? [cellError('#REF!'), ...base.slice(1)] : null;
    if (withError) expect(code(one(id, ...withError))).toBe('#REF!');
  });

  test('a matrix result spills with the shape of its range argument', () => {
    const shapes: [string, FormulaArg[], [number, number]][] = [
      ['PHOCAP_RATE', [[[9, 18], [5, 1]], [[10, 20], [10, 2]]], [2, 2]],
      ['PERCENT', [row(1, 2, 3), 4], [1, 3]],
      ['VN_NUMBER', [col(1, 2, 3, 4)], [4, 1]],
      ['BIRTH_YEAR', ['2023-2024', row(5, 6)], [1, 2]],
      ['TREND', [col(1, 2, 3)], [4, 4]],
    ];
    for (const [id, args, [rows, cols]] of shapes) {
      const r = call(id, ...args) as unknown[][];
      expect([id, r.length, r[0].length]).toEqual([id, rows, cols]);
    }
    // Ranges of different shapes: one #VALUE! (never a partial spill).
    expect(code(call('PERCENT', col(1, 2), col(1, 2, 3)))).toBe('#VALUE!');
  });
});
