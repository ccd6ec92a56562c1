import type { Settings, SettingsStore } from '../../core/settings';

/** Settings kept in memory: the pane outside Excel (browser harness, tests). */
export function memorySettingsStore(initial: Partial<Settings> | null = null): SettingsStore {
  let saved = initial;
  return {
    load: () => saved,
    save: async (s) => {
      saved = s;
    },
  };
}
