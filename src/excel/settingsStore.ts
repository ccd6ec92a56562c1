/** Settings kept in the workbook's add-in settings (travel with the file, never leave it). */
import type { Settings, SettingsStore } from '../core/settings';

const KEY = 'baocao-gd.settings';

export function officeSettingsStore(): SettingsStore {
  return {
    load() {
      const raw = Office.context.document.settings.get(KEY);
      return raw && typeof raw === 'object' ? (raw as Partial<Settings>) : null;
    },
    save(s) {
      Office.context.document.settings.set(KEY, s);
      return new Promise((resolve, reject) =>
        Office.context.document.settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
      );
    },
  };
}
