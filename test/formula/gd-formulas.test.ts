import { CellError, DetailedCellError, HyperFormula } from 'hyperformula';
import { build, generateMetadata, Metadata, registerGdFunctions } from './hf-bridge';

let meta: Metadata;
let hf: HyperFormula | null = null;

beforeAll(async () => {
  meta = await generateMetadata();
  registerGdFunctions(meta);
}, 120000);
afterEach(() => {
  hf?.destroy();
  hf = null;
});

const cell = (h: HyperFormula, a1: string) => h.getCellValue(h.simpleCellAddressFromString(a1, 0)!);

describe('metadata generated from src/functions/functions.ts', () => {
  const IDS = [
    'PHOCAP_RATE', 'PHOCAP_LEVEL', 'PHOCAP_UNIT_LEVEL', 'PERCENT', 'PER_CLASS', 'CLASS_SIZE_CHECK',
    'TEACHERS_PER_CLASS', 'TEACHER_NORM', 'PUPILS_PER_TEACHER', 'CHANGE', 'CHANGE_PCT', 'CHANGE_TEXT',
    'VN_NUMBER', 'VN_PERCENT', 'VN_RATIO', 'SENTENCE', 'TREND', 'SUM_CHECK', 'BIRTH_YEAR',
  ];
  test('has the 19 ids of FUNCTIONS.md, no generator errors', () => {
    expect(meta.errors).toEqual([]);
    expect(meta.json.functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
  });
  test('every description and parameter help is Vietnamese first, then English', () => {
    const vi = /[ăâđêôơưáàảãạếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
    for (const f of meta.json.functions) {
      const [first, ...rest] = f.description.split(' / ');
      expect(first).toMatch(vi);
      expect(rest.join(' / ').length).toBeGreaterThan(5);
      for (const p of f.parameters) expect((p as any).description).toContain(' / ');
    }
  });
});

describe('formulas evaluated by HyperFormula through the generated registration', () => {
  test('=GD.PHOCAP_RATE over ranges spills one rate per row (seed 000 §6)', () => {
    // HyperFormula rounds results to 10 significant digits (its precisionRounding), hence 9 decimals.
    // Rows: [achieved, cohort, exempt] — TH 11 tuổi, TH 14 tuổi, TH 11–14, XMC M1 15–35, MG 3–5.
    hf = build([
      ['achieved', 'cohort', 'exempt'],
      [9022, 9300, 35],
      [7701, 7732, 28],
      [30360, 30780, 126],
      [200601, 200991, 336],
      [23300, 23942, null],
      ['=GD.PHOCAP_RATE(A2:A6,B2:B6,C2:C6)'],
    ]);
    expect(cell(hf, 'A7')).toBeCloseTo(9022 / 9265, 9);
    expect(cell(hf, 'A8')).toBeCloseTo(7701 / 7704, 9);
    expect(cell(hf, 'A9')).toBeCloseTo(30360 / 30654, 9);
    expect(cell(hf, 'A10')).toBeCloseTo(200601 / 200655, 9);
    expect(cell(hf, 'A11')).toBeCloseTo(23300 / 23942, 9);
  });

  test('Vietnamese separators: ";" between arguments and "," as the decimal mark', () => {
    hf = build([[9022, 9300, 35], ['=GD.PHOCAP_RATE(A1;B1;C1)', '=GD.VN_PERCENT(0,97377;2)', '=GD.VN_NUMBER(1234,5;1)']], 'vi');
    expect(cell(hf, 'A2')).toBeCloseTo(9022 / 9265, 9);
    expect(cell(hf, 'B2')).toBe('97,38%');
    expect(cell(hf, 'C2')).toBe('1.234,5');
  });

  test('errors come back as Excel errors, per cell inside a spill', () => {
    hf = build([
      [10, 100, 0, null, '=GD.PHOCAP_RATE(A1:A4,B1:B4,C1:C4)', '=GD.PHOCAP_RATE(A1:A4,B1:B2)'],
      [120, 100, 0, null, null, '=GD.PHOCAP_LEVEL("ABC",0.9,0.9)'],
      [-1, 100, 0, null, null, '=GD.PHOCAP_RATE("mười",100)'],
      [5, 10, 10, null, null, '=GD.PHOCAP_RATE("9.022","9.300","35")'],
    ]);
    expect(cell(hf, 'E1')).toBeCloseTo(0.1, 9);
    expect((cell(hf, 'E2') as DetailedCellError).value).toBe('#NUM!'); // 120 > 100
    expect((cell(hf, 'E3') as DetailedCellError).value).toBe('#NUM!'); // negative count
    expect((cell(hf, 'E4') as DetailedCellError).value).toBe('#DIV/0!'); // 10 − 10 = 0
    expect((cell(hf, 'F1') as DetailedCellError).value).toBe('#VALUE!'); // 4 rows vs 2 rows
    expect((cell(hf, 'F2') as DetailedCellError).value).toBe('#N/A'); // unknown programme
    expect((cell(hf, 'F3') as DetailedCellError).value).toBe('#VALUE!'); // text that is no number
    expect(cell(hf, 'F4')).toBeCloseTo(9022 / 9265, 9); // Vietnamese numeric text is read
  });

  test('TREND spills a table; SUM_CHECK and BIRTH_YEAR; a level and a unit level', () => {
    hf = build([
      [10, 12, 9],
      ['2021-2022', '2022-2023', '2023-2024'],
      ['=GD.TREND(A1:C1,A2:C2)'],
      [], [], [],
      ['=GD.SUM_CHECK(1294,A1:C1)', '=GD.SUM_CHECK(31,A1:C1)', '=GD.BIRTH_YEAR("2023-2024",5)'],
      ['=GD.PHOCAP_LEVEL("TH",0.98,0.9,TRUE(),0.8)', '=GD.PHOCAP_LEVEL("TH",0.98,0.9,TRUE())'],
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 2],
      ['=GD.PHOCAP_UNIT_LEVEL("TH",A9:J9,"huyen")', '=GD.PHOCAP_UNIT_LEVEL("THCS",A9:J9,"huyen")'],
    ]);
    expect(cell(hf, 'A3')).toBe('Năm học');
    expect(cell(hf, 'D3')).toBe('Tỷ lệ tăng/giảm');
    expect(cell(hf, 'A5')).toBe('2022-2023');
    expect(cell(hf, 'C5')).toBe(2); // 12 − 10
    expect(cell(hf, 'D6')).toBeCloseTo(-0.25, 9); // (9 − 12) / 12
    // 10 + 12 + 9 = 31: 1294 − 31 = 1263.
    expect(cell(hf, 'A7')).toBe('lệch +1.263');
    expect(cell(hf, 'B7')).toBe(true);
    expect(cell(hf, 'C7')).toBe(2018);
    expect(cell(hf, 'A8')).toBe(3);
    expect(cell(hf, 'B8')).toBe('Chưa đủ dữ liệu');
    // 9 of 10 communes at M3 = 90 %: TH needs 90 % → M3; THCS M3 needs 100 %, M2 95 % → 10/10 at ≥2 → M2.
    expect(cell(hf, 'A10')).toBe(3);
    expect(cell(hf, 'B10')).toBe(2);
  });

  test('SUM_CHECK with several parts (a repeating parameter: one array, as Excel passes it), Vietnamese separators', () => {
    hf = build([
      [26254, 7667, 18587, 1294, 300, 500, 487],
      ['=GD.SUM_CHECK(A1;B1;C1)', '=GD.SUM_CHECK(D1;E1;F1;G1)', '=GD.SUM_CHECK(D1;E1:F1;G1)', '=GD.SUM_CHECK(D1)'],
    ], 'vi');
    // 7.667 + 18.587 = 26.254; 300 + 500 + 487 = 1.287 = 1.294 − 7; no parts → 1.294 − 0.
    expect(cell(hf, 'A2')).toBe(true);
    expect(cell(hf, 'B2')).toBe('lệch +7');
    expect(cell(hf, 'C2')).toBe('lệch +7');
    expect(cell(hf, 'D2')).toBe('lệch +1.294');
  });

  test('built-in functions still work next to ours', () => {
    hf = build([['=SUM(1,2)', '=GD.CHANGE(5,3)']]);
    expect(cell(hf, 'A1')).toBe(3);
    expect(cell(hf, 'B1')).toBe(2);
    expect(CellError).toBeDefined();
  });
});
