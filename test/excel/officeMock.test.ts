/**
 * Load/sync discipline against office-addin-mock: its properties read as an error string until
 * load() and sync() were both called, so a missing load or a read before sync shows as wrong data.
 */
// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM dependencies
// jest cannot load; the enum is given here instead.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
// A require (not an import) so the mock above is registered before the module loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OfficeMockObject } = require('office-addin-mock') as typeof import('office-addin-mock');
import { highlightCellsIn, readSheetsIn, selectCellIn } from '../../src/excel/workbookPort';

const asCtx = (m: unknown) => m as Excel.RequestContext;

test('the mock itself refuses reads before load and before sync', async () => {
  const m: any = new OfficeMockObject({ range: { values: [[1]] } });
  expect(m.range.values).toBe('Error, property was not loaded');
  m.range.load('values');
  expect(m.range.values).toBe('Error, context.sync() was not called');
  await m.sync();
  expect(m.range.values).toEqual([[1]]);
});

test('readSheetsIn loads the used range before its one data sync and reads it after', async () => {
  const mock: any = new OfficeMockObject({
    workbook: {
      name: 'truong-a.xlsx',
      used: {
        address: 'PC_TH!B3:C4',
        rowIndex: 2,
        columnIndex: 1,
        rowCount: 2,
        columnCount: 2,
        values: [['Xã', 'Số trẻ'], ['A', 120]],
        valueTypes: [['String', 'String'], ['String', 'Double']],
        formulas: [['Xã', 'Số trẻ'], ['A', 120]],
        numberFormat: [['General', 'General'], ['General', '#,##0']],
      },
    },
  });
  Object.defineProperty(mock.workbook.used, 'isNullObject', { value: false });
  // Collections are not supported by office-addin-mock: a plain stand-in lists the one sheet.
  const sheet = { name: 'PC_TH', visibility: 'Visible', getUsedRangeOrNullObject: () => mock.workbook.used };
  mock.workbook.worksheets = { load: () => undefined, items: [sheet] };
  const snap = await readSheetsIn(asCtx(mock));
  expect(snap.fileName).toBe('truong-a.xlsx');
  expect(snap.sheets[0].origin).toEqual({ row: 2, col: 1 });
  expect(snap.sheets[0].values).toEqual([['Xã', 'Số trẻ'], ['A', 120]]);
  expect(snap.sheets[0].numberFormats![1][1]).toBe('#,##0');
});

test('selectCellIn and highlightCellsIn need no loads and sync once', async () => {
  let syncs = 0;
  const calls: string[] = [];
  const range = { select: () => calls.push('select'), format: { fill: { color: '' } } };
  const mock: any = new OfficeMockObject({
    workbook: {
      worksheets: {
        getItem: (name: string) => ({
          activate: () => calls.push(`activate ${name}`),
          getRange: (a: string) => (calls.push(`range ${a}`), range),
        }),
      },
    },
  });
  const realSync = mock.sync.bind(mock);
  mock.sync = async () => {
    syncs++;
    await realSync();
  };
  await selectCellIn(asCtx(mock), 'PC_TH', 'C4');
  await highlightCellsIn(asCtx(mock), 'PC_TH', ['C4'], '#FFC7CE');
  expect(calls).toEqual(['activate PC_TH', 'range C4', 'select', 'range C4']);
  expect(range.format.fill.color).toBe('#FFC7CE');
  expect(syncs).toBe(2);
});
