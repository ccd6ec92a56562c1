import * as F from '../../src/functions/functions';
import { setFunctionSettings } from '../../src/functions/args';

/** The code of an Excel error value (CustomFunctions.Error from the jest shim). */
const code = (v: unknown) => (v instanceof Error ? (v as any).code : `not an error: ${JSON.stringify(v)}`);
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return code(e);
  }
  return 'did not throw';
};

afterEach(() => setFunctionSettings({}));

describe('PHOCAP_RATE', () => {
  test('scalars (as Excel passes them: 1×1 matrices) and omitted optionals (null)', () => {
    expect(F.phocap_rate([[9022]], [[9300]], [[35]], null as any, null as any)).toEqual([[9022 / 9265]]);
    expect(F.phocap_rate([[7701]], [[7732]], [[28]])).toEqual([[7701 / 7704]]);
  });
  test('ranges apply per row and return the same shape', () => {
    const r = F.phocap_rate([[9022], [30360], [23300]], [[9300], [30780], [23942]], [[35], [126], [null]]);
    expect(r).toEqual([[9022 / 9265], [30360 / 30654], [23300 / 23942]]);
  });
  test('a single exempt cell is used for every row', () => {
    expect(F.phocap_rate([[9], [18]], [[12], [22]], [[2]])).toEqual([[0.9], [0.9]]);
  });
  test('shape mismatch → #VALUE!', () => {
    expect(thrown(() => F.phocap_rate([[1], [2]], [[3], [4], [5]]))).toBe('#VALUE!');
    expect(thrown(() => F.phocap_rate([[1, 2]], [[3], [4]]))).toBe('#VALUE!');
  });
  test('per-cell errors: #NUM!, #DIV/0!, #VALUE!', () => {
    const r = F.phocap_rate([[120], [-1], [5], ['mười'], [true]], [[100], [100], [10], [100], [100]], [[0], [0], [10], [0], [0]]);
    expect(r.map((row) => code(row[0]))).toEqual(['#NUM!', '#NUM!', '#DIV/0!', '#VALUE!', '#VALUE!']);
    expect((r[0][0] as any).reason).toContain('Tử số');
  });
  test('blank handling: all-blank row → "", one blank → #VALUE! (never a silent zero), desktop 0s → #DIV/0!', () => {
    expect(F.phocap_rate([[null]], [[null]])).toEqual([['']]);
    expect(F.phocap_rate([['']], [['  ']])).toEqual([['']]);
    expect(code(F.phocap_rate([[null]], [[100]])[0][0])).toBe('#VALUE!');
    expect(code(F.phocap_rate([[0]], [[0]])[0][0])).toBe('#DIV/0!');
  });
  test('Vietnamese numeric text is read: "9.022", "9.300"', () => {
    expect(F.phocap_rate([['9.022']], [['9.300']], [['35']])).toEqual([[9022 / 9265]]);
  });
});

describe('PHOCAP_LEVEL', () => {
  test('each programme, argument order of FUNCTIONS.md', () => {
    expect(F.phocap_level('MN5', [[0.95]], [[0.85]])).toEqual([[1]]);
    expect(F.phocap_level('MN5', [[0.9]], [[0.8]], [[true]])).toEqual([[1]]);
    expect(F.phocap_level('MN5', [[0.9]], [[0.8]], [[false]])).toEqual([[0]]);
    expect(F.phocap_level('TH', [[0.98]], [[0.9]], [[1]], [[0.8]])).toEqual([[3]]);
    expect(F.phocap_level('TH', [[0.98]], [[0.9]], [[true]], [[0.8]])).toEqual([[3]]);
    expect(F.phocap_level('TH', [[0.98]], [[0.8]], [[1]], [[0.7]], [[1]])).toEqual([[3]]);
    // the same rates in an ordinary commune: 14-year-olds 70 % < 80 % → Không đạt
    expect(F.phocap_level('TH', [[0.98]], [[0.8]], [[1]], [[0.7]], [[0]])).toEqual([[0]]);
    expect(F.phocap_level('THCS', [[2]], [[2]], [[0.95]], [[0.8]])).toEqual([[3]]);
    expect(F.phocap_level('THCS', [['Mức độ 1']], [['Không đạt']], [[0.95]], [[0.8]])).toEqual([[0]]);
    expect(F.phocap_level('XMC', [[0.9]], [[0.9]])).toEqual([[2]]);
    expect(F.phocap_level('XMC', [[0.9]], [[0.89]], [[true]])).toEqual([[1]]);
    expect(F.phocap_level('MN35', [[0.9]], [[0.85]], [[0.85]], [[0.85]])).toEqual([[1]]);
    expect(F.phocap_level('mn35', [[0.85]], [[0.8]], [[0.8]], [[0.8]], [['ĐBKK']])).toEqual([[1]]);
  });
  test('boundary: 90/100 meets TH M1, 0.8999999999 does not; percent text accepted', () => {
    expect(F.phocap_level('TH', [[0.9]], [[0]], [[0]], [[0.8]])).toEqual([[1]]);
    expect(F.phocap_level('TH', [[0.8999999999]], [[0]], [[0]], [[0.8]])).toEqual([[0]]);
    expect(F.phocap_level('TH', [['90%']], [[0]], [[0]], [['80,00%']])).toEqual([[1]]);
  });
  test('blank inputs → "Chưa đủ dữ liệu"; a column of communes spills', () => {
    expect(F.phocap_level('XMC', [[null]], [[0.95]])).toEqual([['Chưa đủ dữ liệu']]);
    const r = F.phocap_level('XMC', [[0.95], [0.91], [null], [0.5]], [[0.95], [0.8], [null], [null]]);
    expect(r).toEqual([[2], [1], ['Chưa đủ dữ liệu'], [0]]);
  });
  test('errors: unknown programme #N/A, rate > 1 #NUM!, text #VALUE!, level out of range #NUM!, extra argument #VALUE!', () => {
    expect(thrown(() => F.phocap_level('PTTH', [[1]], [[1]]))).toBe('#N/A');
    expect(code(F.phocap_level('XMC', [[97.38]], [[0.9]])[0][0])).toBe('#NUM!');
    expect(code(F.phocap_level('XMC', [['cao']], [[0.9]])[0][0])).toBe('#VALUE!');
    expect(code(F.phocap_level('THCS', [[4]], [[2]], [[0.9]], [[0.9]])[0][0])).toBe('#NUM!');
    expect(code(F.phocap_level('XMC', [[0.9]], [[0.9]], [[true]], [[0.5]])[0][0])).toBe('#VALUE!');
  });
  test('settings overrides reach the functions (task pane passes them)', () => {
    setFunctionSettings({ thresholdOverrides: [{ indicator: 'XMC_M1', level: 1, percent: 95 }] });
    expect(F.phocap_level('XMC', [[0.94]], [[0]])).toEqual([[0]]);
    setFunctionSettings({});
    expect(F.phocap_level('XMC', [[0.94]], [[0]])).toEqual([[1]]);
  });
});

describe('PHOCAP_UNIT_LEVEL', () => {
  const col = (xs: unknown[]) => xs.map((x) => [x]);
  test('huyen / tinh / tinh-2025 and the default scope', () => {
    expect(F.phocap_unit_level('TH', col([3, 3, 3, 3, 3, 3, 3, 3, 3, 2]), 'huyen')).toBe(3);
    expect(F.phocap_unit_level('TH', col([3, 3, 3, 3, 3, 3, 3, 3, 3, 2]))).toBe(3);
    expect(F.phocap_unit_level('TH', col([3, 2]), 'tinh')).toBe(2);
    expect(F.phocap_unit_level('XMC', col([...Array(81).fill(1), ...Array(19).fill(0)]), 'tinh-2025')).toBe(1);
    expect(F.phocap_unit_level('XMC', [['Mức độ 2', 'Mức độ 2', 'Không đạt']], 'huyen')).toBe(0);
  });
  test('MN35 2025 with the ĐBKK range', () => {
    const levels = col([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const dbkk = col([true, true, false, false, false, false, false, false, false, false]);
    expect(F.phocap_unit_level('MN35', levels, 'tinh-2025', dbkk)).toBe(1);
    expect(thrown(() => F.phocap_unit_level('MN35', levels, 'tinh-2025', col([true])))).not.toBe('did not throw');
    expect(thrown(() => F.phocap_unit_level('MN35', levels, 'tinh-2025', [[true, false]]))).toBe('#VALUE!');
  });
  test('blanks and "Chưa đủ dữ liệu" are no data', () => {
    expect(F.phocap_unit_level('TH', col([3, 3, 3, 3, 3, 3, 3, 3, 2, null]), 'huyen')).toBe('Chưa đủ dữ liệu');
    expect(F.phocap_unit_level('TH', col([3, 3, 3, 3, 3, 3, 3, 3, 3, 'Chưa đủ dữ liệu']), 'huyen')).toBe(3);
  });
  test('errors: unknown scope / programme / no rule #N/A, bad level #NUM!, text #VALUE!', () => {
    expect(thrown(() => F.phocap_unit_level('TH', [[1]], 'xa'))).toBe('#N/A');
    expect(thrown(() => F.phocap_unit_level('ABC', [[1]], 'huyen'))).toBe('#N/A');
    expect(thrown(() => F.phocap_unit_level('MN5', [[1]], 'tinh-2025'))).toBe('#N/A');
    expect(thrown(() => F.phocap_unit_level('XMC', [[3]], 'huyen'))).toBe('#NUM!');
    expect(thrown(() => F.phocap_unit_level('XMC', [['tốt']], 'huyen'))).toBe('#VALUE!');
  });
});

describe('PERCENT, PER_CLASS, TEACHERS_PER_CLASS, PUPILS_PER_TEACHER', () => {
  test('values', () => {
    expect(F.percent_([[43]], [[4094]])).toEqual([[43 / 4094]]);
    expect(F.per_class([[48112]], [[1300]])).toEqual([[48112 / 1300]]);
    expect(F.teachers_per_class([[57]], [[38]])).toEqual([[1.5]]);
    expect(F.pupils_per_teacher([[350]], [[14]])).toEqual([[25]]);
  });
  test('errors', () => {
    expect(code(F.percent_([[5]], [[4]])[0][0])).toBe('#NUM!');
    expect(code(F.per_class([[5]], [[0]])[0][0])).toBe('#DIV/0!');
    expect(code(F.teachers_per_class([[-1]], [[2]])[0][0])).toBe('#NUM!');
    expect(code(F.pupils_per_teacher([[false]], [[2]])[0][0])).toBe('#VALUE!');
  });
});

describe('CLASS_SIZE_CHECK and TEACHER_NORM', () => {
  test('class size', () => {
    expect(F.class_size_check([[1400], [1401]], [[40], [40]], [['TH']])).toEqual([['Trong định mức'], ['Vượt định mức (35,03 > 35)']]);
    expect(code(F.class_size_check([[10]], [[1]], [['ĐH']])[0][0])).toBe('#N/A');
    expect(code(F.class_size_check([[10]], [[0]], [['TH']])[0][0])).toBe('#DIV/0!');
  });
  test('teacher norm', () => {
    expect(F.teacher_norm([['TH'], ['TH'], ['THCS'], ['THPT'], ['NT'], ['MG']], [[1], [2], [null], [null], [null], [null]])).toEqual([[1.2], [1.5], [1.9], [2.25], [2.5], [2.2]]);
    expect(code(F.teacher_norm([['TH']], [[3]])[0][0])).toBe('#NUM!');
    expect(code(F.teacher_norm([['CĐ']])[0][0])).toBe('#N/A');
  });
});

describe('CHANGE, CHANGE_PCT, CHANGE_TEXT', () => {
  test('values and errors', () => {
    expect(F.change_([[12]], [[10]])).toEqual([[2]]);
    expect(F.change_pct([[12]], [[10]])).toEqual([[0.2]]);
    expect(code(F.change_pct([[1]], [[0]])[0][0])).toBe('#DIV/0!');
    expect(F.change_text([[12]], [[10]], 'trường')).toEqual([['tăng 02 trường']]);
    expect(F.change_text([[0.9613]], [[0.9738]], undefined, 'rate')).toEqual([['giảm 1,25 điểm phần trăm']]);
    expect(F.change_text([[5], [4]], [[5], [6]], 'lớp')).toEqual([['bằng năm học trước'], ['giảm 02 lớp']]);
    expect(thrown(() => F.change_text([[1]], [[2]], 'x', 'other'))).toBe('#N/A');
    expect(code(F.change_text([['abc']], [[2]])[0][0])).toBe('#VALUE!');
  });
});

describe('VN_NUMBER, VN_PERCENT, VN_RATIO', () => {
  test('formats', () => {
    expect(F.vn_number([[26254]])).toEqual([['26.254']]);
    expect(F.vn_number([[1.5]], 1)).toEqual([['1,5']]);
    expect(F.vn_number([[2]], undefined, true)).toEqual([['02']]);
    expect(F.vn_number([[null]])).toEqual([['']]);
    expect(F.vn_percent([[9022 / 9265]])).toEqual([['97,38%']]);
    expect(F.vn_percent([[0.428]], 1)).toEqual([['42,8%']]);
    expect(F.vn_ratio([[9022]], [[9265]])).toEqual([['97,38% (9.022/9.265)']]);
    expect(F.vn_ratio([[2954]], [[6901]], 1)).toEqual([['42,8% (2.954/6.901)']]);
  });
  test('errors', () => {
    expect(code(F.vn_ratio([[1]], [[0]])[0][0])).toBe('#DIV/0!');
    expect(code(F.vn_number([['x']])[0][0])).toBe('#VALUE!');
    expect(thrown(() => F.vn_percent([[0.5]], -1))).toBe('#NUM!');
  });
});

describe('SENTENCE, TREND, SUM_CHECK, BIRTH_YEAR', () => {
  test('sentence', () => {
    expect(F.sentence_([['Tỷ lệ huy động trẻ nhà trẻ']], [[2954]], [[6901]], [[0.4161]])).toEqual([
      ['Tỷ lệ huy động trẻ nhà trẻ đạt 42,81% (2.954/6.901), tăng 1,20 điểm phần trăm so với năm học trước.'],
    ]);
    expect(code(F.sentence_([[null]], [[1]], [[2]])[0][0])).toBe('#VALUE!');
  });
  test('trend spills (n + 1) × 4, row or column input', () => {
    const t = F.trend_([[10, 12]], [['2022-2023', '2023-2024']]);
    expect(t).toEqual([
      ['Năm học', 'Giá trị', 'Tăng/giảm', 'Tỷ lệ tăng/giảm'],
      ['2022-2023', 10, '', ''],
      ['2023-2024', 12, 2, 0.2],
    ]);
    expect(F.trend_([[10], [5]]).length).toBe(3);
    expect(code(F.trend_([[10], ['x']])[2][1])).toBe('#VALUE!');
    expect(thrown(() => F.trend_([[1, 2], [3, 4]]))).toBe('#VALUE!');
    expect(thrown(() => F.trend_([[1, 2]], [['2023-2024']]))).toBe('#VALUE!');
  });
  test('sum check: one total with parts, or a column of totals with columns of parts (parts as Excel passes them: one array)', () => {
    expect(F.sum_check([[26254]], [[[7667]], [[18587]]])).toEqual([[true]]);
    expect(F.sum_check([[1294]], [[[300, 500, 487]]])).toEqual([['lệch +7']]);
    expect(F.sum_check([[10], [20]], [[[4], [10]], [[6], [9]]])).toEqual([[true], ['lệch +1']]);
    expect(thrown(() => F.sum_check([[10], [20]], [[[4], [10], [1]]]))).toBe('#VALUE!');
    expect(code(F.sum_check([[null]], [[[1]]])[0][0])).toBe('#VALUE!');
  });
  test('birth year', () => {
    expect(F.birth_year([['2023-2024']], [[5], [6], [11], [14]])).toEqual([[2018], [2017], [2012], [2009]]);
    expect(code(F.birth_year([['2023-2025']], [[5]])[0][0])).toBe('#VALUE!');
    expect(code(F.birth_year([['2023-2024']], [[-2]])[0][0])).toBe('#NUM!');
  });
});
