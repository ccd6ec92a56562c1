import { DEFAULT_SETTINGS, publishSettings, publishedSettings, withDefaults } from '../../src/core/settings';

describe('withDefaults', () => {
  test('settings read back from a workbook or a file: anything but an object means no settings', () => {
    for (const junk of ['chữ', 42, [1, 2], null]) expect(withDefaults(junk as never)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ thresholdOverrides: 'x' as never, nutritionTargets: 5 as never })).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ rateDecimals: 1 }).rateDecimals).toBe(1);
  });
});

describe('the report frame in the settings (a settings file is user input)', () => {
  test('text fields trimmed, lists from arrays or lines, wrong types dropped; the year-over-year share bounded', () => {
    const s = withDefaults({
      document: { signerName: '  Nguyễn Văn A ', number: '', recipients: ['Ủy ban nhân dân Quận 12', 3, ' '] as never, copyTo: 'Sở GDĐT\nCác trường' as never, date: 7 as never },
      yearOverYearShare: -1,
    });
    expect(s.document).toEqual({ signerName: 'Nguyễn Văn A', recipients: ['Ủy ban nhân dân Quận 12'], copyTo: ['Sở GDĐT', 'Các trường'] });
    expect(s.yearOverYearShare).toBe(0.33);
    expect(withDefaults({ document: 'x' as never }).document).toEqual({});
    expect(withDefaults({ yearOverYearShare: 0.5 }).yearOverYearShare).toBe(0.5);
  });
});

describe('settings published for the custom functions (shared runtime)', () => {
  afterEach(() => publishSettings(null));
  test('nothing published → undefined; a reader that throws → null; otherwise what it reads', () => {
    expect(publishedSettings()).toBeUndefined();
    publishSettings(() => ({ rateDecimals: 3 }));
    expect(publishedSettings()).toEqual({ rateDecimals: 3 });
    publishSettings(() => {
      throw new Error('Office not ready');
    });
    expect(publishedSettings()).toBeNull();
    publishSettings(null);
    expect(publishedSettings()).toBeUndefined();
  });
});
