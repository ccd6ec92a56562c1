import type { Settings } from '../../core/settings';

/** Where the pane keeps the user's settings: the workbook in Excel, memory elsewhere. */
export interface SettingsStore {
  load(): Partial<Settings> | null;
  save(s: Settings): Promise<void>;
}

export function memorySettingsStore(initial: Partial<Settings> | null = null): SettingsStore {
  let saved = initial;
  return {
    load: () => saved,
    save: async (s) => {
      saved = s;
    },
  };
}
