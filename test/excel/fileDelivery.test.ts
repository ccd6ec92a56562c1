import { officeFileDelivery } from '../../src/excel/fileDelivery';

const APP = 'https://so-gd.example.gov.vn/baocao/app/';

afterEach(() => delete (globalThis as any).Office);

test('Windows and the web download from the pane', () => {
  expect(officeFileDelivery(APP, 'PC', () => true)).toEqual({ kind: 'download' });
  expect(officeFileDelivery(APP, 'OfficeOnline', () => true)).toEqual({ kind: 'download' });
  expect(officeFileDelivery(APP, null, () => false)).toEqual({ kind: 'download' });
});

test('Excel on Mac: the standalone app opens in the browser through openBrowserWindow (OpenBrowserWindowApi 1.1)', () => {
  const opened: string[] = [];
  (globalThis as any).Office = { context: { ui: { openBrowserWindow: (u: string) => opened.push(u) } } };
  const d = officeFileDelivery(APP, 'Mac', (name, version) => name === 'OpenBrowserWindowApi' && version === '1.1');
  expect(d.kind).toBe('open-browser');
  if (d.kind === 'open-browser') d.openApp();
  expect(opened).toEqual([APP]);
});

test('iPad or an old Mac build without OpenBrowserWindowApi: nothing can be opened, the pane says what to do', () => {
  expect(officeFileDelivery(APP, 'iOS', () => false)).toEqual({ kind: 'none' });
  expect(officeFileDelivery(APP, 'Mac', (n) => n === 'ExcelApi')).toEqual({ kind: 'none' });
});
