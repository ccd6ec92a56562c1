/** Settings of the browser app, kept in this browser's local storage (never sent anywhere). */
import type { Settings, SettingsStore } from '../../core/settings';

const KEY = 'baocao-gd.settings';

export function browserSettingsStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()): SettingsStore {
  let memory: Partial<Settings> | null = null;
  return {
    load() {
      try {
        const raw = storage?.getItem(KEY);
        const parsed = raw ? JSON.parse(raw) : memory;
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<Settings>) : null;
      } catch {
        return memory;
      }
    },
    async save(s) {
      memory = s;
      try {
        storage?.setItem(KEY, JSON.stringify(s));
      } catch {
        // Private browsing or a full storage: the settings last for this page only.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}
