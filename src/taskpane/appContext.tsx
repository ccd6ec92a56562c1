import { createContext, useContext } from 'react';
import type { Settings } from '../core/settings';
import type { WorkbookPort } from '../core/types';
import type { FileDelivery, Services } from './services/types';

export interface AppEnv {
  /** The workbook; null when the pane runs with none (plain browser without a harness). */
  port: WorkbookPort | null;
  services: Services;
  /** Custom functions (=GD.…) can run in this Excel. */
  customFunctions: boolean;
  settings: Settings;
  setSettings: (s: Settings) => void;
  /** What happens to a .docx or .xlsx the pane makes (download, or the browser app). */
  delivery: FileDelivery;
  /** Excel (the add-in) or the browser app, where the workbook is a copy of a picked file. */
  host: 'excel' | 'browser';
}

export const AppContext = createContext<AppEnv | null>(null);

export function useApp(): AppEnv {
  const env = useContext(AppContext);
  if (!env) throw new Error('useApp outside <AppContext.Provider>');
  return env;
}

/** Message of any thrown value, for error states. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
