/**
 * One settings store that the pane and the custom functions read: the workbook's document
 * settings (Office.context.document.settings), shared with the functions through the runtime's
 * global object, and a recalculation after every change. The last test shows a =GD.PHOCAP_LEVEL
 * cell and the report agreeing after a threshold override, commune by commune.
 */
import path from 'path';
import { publishSettings, withDefaults, type Settings } from '../../src/core/settings';
import { SETTINGS_KEY, officeSettingsStore, shareWorkbookSettings } from '../../src/excel/settingsStore';
import { callAsExcel } from '../../src/functions/registry';
import { fakeContext } from './fakeExcel';

/** Office.context.document.settings as office.js keeps it: an in-memory copy, saved on saveAsync. */
function fakeOffice(initial: Record<string, unknown> = {}) {
  const memory = { ...initial };
  const saved: Record<string, unknown>[] = [];
  let failSave = false;
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      document: {
        settings: {
          get: (k: string) => memory[k] ?? null,
          set: (k: string, v: unknown) => void (memory[k] = v),
          saveAsync: (cb: (r: { status: string; error?: Error }) => void) => {
            if (failSave) return cb({ status: 'failed', error: new Error('The document is read-only') });
            saved.push(JSON.parse(JSON.stringify(memory)));
            cb({ status: 'succeeded' });
          },
        },
      },
    },
  };
  (globalThis as any).Office = office;
  return { memory, saved, failing: () => (failSave = true) };
}

afterEach(() => {
  delete (globalThis as any).Office;
  publishSettings(null);
});

const OVERRIDE = { indicator: 'TH_11_HTCT', level: 3, percent: 98, note: 'Quyết định của UBND tỉnh (thử)' };

describe('officeSettingsStore', () => {
  test('saves in the workbook (document settings, then saveAsync) and asks Excel to recalculate the formulas once', async () => {
    const doc = fakeOffice();
    const ctx = fakeContext();
    const store = officeSettingsStore({ run: (batch) => batch(ctx as unknown as Excel.RequestContext) });
    expect(store.load()).toBeNull();
    const s = withDefaults({ thresholdOverrides: [OVERRIDE] });
    await store.save(s);
    expect(doc.saved).toEqual([{ [SETTINGS_KEY]: JSON.parse(JSON.stringify(s)) }]);
    expect(store.load()).toEqual(s);
    expect(ctx.calculations).toEqual(['Full']);
    expect(ctx.syncCount).toBe(1);
  });

  test('a workbook that cannot be saved: the error reaches the caller and nothing is recalculated', async () => {
    const doc = fakeOffice();
    doc.failing();
    const ctx = fakeContext();
    const store = officeSettingsStore({ run: (batch) => batch(ctx as unknown as Excel.RequestContext) });
    await expect(store.save(withDefaults())).rejects.toThrow('read-only');
    expect(ctx.calculations).toEqual([]);
  });

  test('outside Office, and with junk in the document, load gives no settings instead of failing', () => {
    expect(officeSettingsStore().load()).toBeNull();
    fakeOffice({ [SETTINGS_KEY]: 'không phải cài đặt' });
    expect(officeSettingsStore().load()).toBeNull();
    fakeOffice({ [SETTINGS_KEY]: [1, 2] });
    expect(officeSettingsStore().load()).toBeNull();
  });
});

describe('the custom functions read the workbook settings the pane saved', () => {
  // XMC M1 needs 90 % for mức 1 by default: 94 % reaches it; with the threshold at 95 % it does not.
  const xmc = () => callAsExcel('PHOCAP_LEVEL', ['XMC', 0.94, 0]);

  test('before and after an override, and junk settings fall back to the legal thresholds', async () => {
    fakeOffice();
    const ctx = fakeContext();
    const store = officeSettingsStore({ run: (batch) => batch(ctx as unknown as Excel.RequestContext) });
    shareWorkbookSettings(store);
    expect(xmc()).toEqual([[1]]);
    await store.save(withDefaults({ thresholdOverrides: [{ indicator: 'XMC_M1', level: 1, percent: 95 }] }));
    expect(xmc()).toEqual([[0]]);
    (globalThis as any).Office.context.document.settings.set(SETTINGS_KEY, { thresholdOverrides: 'nonsense' });
    expect(xmc()).toEqual([[1]]);
  });

  test('a =GD.PHOCAP_LEVEL cell and the report agree, commune by commune, after a threshold override', async () => {
    const { loadWorkbookFile } = await import('../../src/cli/xlsx');
    const { engineServices } = await import('../../src/taskpane/services/engine');
    const snapshot = await loadWorkbookFile(path.join(__dirname, '..', '..', 'samples', 'quan12-2023-2024.xlsx'));
    fakeOffice();
    const ctx = fakeContext();
    const store = officeSettingsStore({ run: (batch) => batch(ctx as unknown as Excel.RequestContext) });
    shareWorkbookSettings(store);

    type Unit = { ma_xa: string; ten_xa: string; programme: string; level: number | null; rates: Record<string, number> };
    const thUnits = async (settings: Settings): Promise<Unit[]> => {
      const { model } = await engineServices.buildReport(snapshot, settings, { sections: ['pho_cap'], years: 1, lang: 'vi' });
      const data = model.sections.find((s) => s.id === 'pho_cap')!.data as { units: Unit[] };
      return data.units.filter((u) => u.programme === 'TH');
    };
    // The cell a user would type beside each commune: =GD.PHOCAP_LEVEL("TH"; 6 tuổi; 11 tuổi; còn lại; 14 tuổi).
    const cell = (u: Unit) => (callAsExcel('PHOCAP_LEVEL', ['TH', u.rates.TH_6_LOP1, u.rates.TH_11_HTCT, u.rates.TH_11_CONLAI, u.rates.TH_14_HTCT]) as unknown[][])[0][0];

    const before = await thUnits(store.load() ? withDefaults(store.load()!) : withDefaults());
    expect(before.length).toBeGreaterThan(5);
    for (const u of before) expect([u.ten_xa, cell(u)]).toEqual([u.ten_xa, u.level]);

    // The pane saves the override in the workbook; the report is built from the same settings.
    const overridden = withDefaults({ thresholdOverrides: [OVERRIDE] });
    await store.save(overridden);
    const after = await thUnits(withDefaults(store.load()!));
    for (const u of after) expect([u.ten_xa, cell(u)]).toEqual([u.ten_xa, u.level]);
    // Phường Thạnh Xuân: 11-year-olds 97,01 % completed TH, below the overridden 98 % for mức 3.
    const thanhXuan = after.find((u) => u.ten_xa === 'Phường Thạnh Xuân')!;
    expect(thanhXuan.rates.TH_11_HTCT).toBeLessThan(0.98);
    expect(before.find((u) => u.ten_xa === 'Phường Thạnh Xuân')!.level).toBe(3);
    expect(cell(thanhXuan)).toBeLessThan(3);
    // The override changed some communes and left those at or above 98 % at mức 3.
    expect(after.filter((u, i) => u.level !== before[i].level).length).toBeGreaterThan(0);
    for (const u of after.filter((x) => x.rates.TH_11_HTCT >= 0.98)) expect(cell(u)).toBe(3);
  });
});
