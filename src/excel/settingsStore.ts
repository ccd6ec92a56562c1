/**
 * Settings kept in the workbook's add-in settings (Office.context.document.settings: they travel
 * with the file and never leave it), and shared with the custom functions. In the shared runtime
 * the pane and the functions run in one global scope, so the functions read these same document
 * settings through publishSettings (src/core/settings.ts); after a change Excel recalculates, so
 * every =GD.* cell uses the new values (custom functions are not volatile: nothing else would
 * call them again).
 */
import { publishSettings, type Settings, type SettingsStore } from '../core/settings';
import type { ExcelRun } from './workbookPort';

export const SETTINGS_KEY = 'baocao-gd.settings';

function documentSettings(): Office.Settings | null {
  try {
    return typeof Office !== 'undefined' ? Office.context?.document?.settings ?? null : null;
  } catch {
    return null;
  }
}

/** Recalculate every formula (ExcelApi 1.1): the =GD.* cells run again with the saved settings. */
export async function recalculateAll(run: ExcelRun): Promise<void> {
  await run(async (ctx) => {
    ctx.workbook.application.calculate('Full' as Excel.CalculationType);
    await ctx.sync();
  });
}

export interface OfficeSettingsOptions {
  /** How to run a batch against the workbook; Excel.run by default. */
  run?: ExcelRun;
}

export function officeSettingsStore(opts: OfficeSettingsOptions = {}): SettingsStore {
  const run: ExcelRun = opts.run ?? ((batch) => Excel.run(batch));
  return {
    load() {
      const raw = documentSettings()?.get(SETTINGS_KEY);
      return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Partial<Settings>) : null;
    },
    async save(s) {
      const settings = documentSettings();
      if (!settings) throw new Error('Office document settings are not available');
      settings.set(SETTINGS_KEY, s);
      await new Promise<void>((resolve, reject) =>
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
      );
      await recalculateAll(run);
    },
  };
}

/** The custom functions read the workbook's settings from now on (call as early as possible). */
export function shareWorkbookSettings(store: SettingsStore = officeSettingsStore()): void {
  publishSettings(() => store.load());
}
