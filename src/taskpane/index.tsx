import { createRoot } from 'react-dom/client';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { publishSettings, withDefaults, type Settings, type SettingsStore } from '../core/settings';
import type { WorkbookPort, WorkbookSnapshot } from '../core/types';
import { MemoryWorkbookPort } from './harness/memoryWorkbook';
import { OfficeWorkbookPort, customFunctionsAvailable } from '../excel/workbookPort';
import { officeSettingsStore, shareWorkbookSettings } from '../excel/settingsStore';
import { officeFileDelivery } from '../excel/fileDelivery';
import type { FileDelivery } from './services/types';
import { App } from './components/App';
import { engineServices } from './services/engine';
import { memorySettingsStore } from './services/settingsStore';

declare global {
  interface Window {
    /** Browser harness (tests, demos): a workbook to use outside Excel. */
    __BAOCAO_SNAPSHOT__?: WorkbookSnapshot;
    __BAOCAO_PORT__?: WorkbookPort;
    /** Harness: pretend custom functions are available. */
    __BAOCAO_CF__?: boolean;
    /** Set once the pane has rendered (tests wait for it). */
    __BAOCAO_READY__?: boolean;
    /** Set by the inline guard (guard.js) when this webview cannot run the bundle. */
    __BAOCAO_UNSUPPORTED__?: boolean;
  }
}

function officeTheme(): Theme {
  const bg = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!bg) return webLightTheme;
  const n = parseInt(bg.replace('#', ''), 16);
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance < 128 ? webDarkTheme : webLightTheme;
}

function loadSettings(store: SettingsStore): Settings {
  try {
    return withDefaults(store.load() ?? {});
  } catch {
    return withDefaults();
  }
}

async function start(host: Office.HostType | null) {
  // The inline guard has replaced the page with what works instead: nothing to render.
  if (window.__BAOCAO_UNSUPPORTED__) return;
  const container = document.getElementById('container')!;
  let port: WorkbookPort | null;
  let store: SettingsStore;
  let customFunctions: boolean;
  let theme: Theme = webLightTheme;
  let gridHost: HTMLElement | null = null;
  let delivery: FileDelivery = { kind: 'download' };
  if (host) {
    // The standalone web app is served next to the pane (dist/app/): where Excel cannot download.
    delivery = officeFileDelivery(new URL('app/', document.baseURI).href);
    port = new OfficeWorkbookPort();
    store = officeSettingsStore();
    shareWorkbookSettings(store);
    customFunctions = customFunctionsAvailable();
    theme = officeTheme();
  } else {
    // Outside Office (office.js resolves with host null): use a harness workbook if one was given.
    const memory = memorySettingsStore();
    store = memory;
    publishSettings(() => memory.load());
    customFunctions = window.__BAOCAO_CF__ ?? false;
    port = window.__BAOCAO_PORT__ ?? null;
    if (!port && window.__BAOCAO_SNAPSHOT__) {
      gridHost = document.createElement('div');
      gridHost.id = 'harness-grid';
      document.body.appendChild(gridHost);
      document.body.classList.add('harness');
      const { mountHarnessGrid } = await import('./harness/HarnessGrid');
      const workbook: MemoryWorkbookPort = new MemoryWorkbookPort(window.__BAOCAO_SNAPSHOT__, { onChange: (p) => render(p) });
      const render = mountHarnessGrid(gridHost);
      render(workbook);
      port = workbook;
      window.__BAOCAO_PORT__ = workbook;
    }
  }
  createRoot(container).render(
    <App
      port={port}
      services={engineServices}
      customFunctions={customFunctions}
      initialSettings={loadSettings(store)}
      onSettingsChange={(s) => void store.save(s).catch(() => undefined)}
      theme={theme}
      delivery={delivery}
    />,
  );
  window.__BAOCAO_READY__ = true;
}

// The custom functions (functions.js, loaded just before this bundle in the same runtime) may run
// before Office.onReady: from now on they read the workbook's settings once Office has them.
shareWorkbookSettings();

Office.onReady((info) => void start(info.host ?? null));
