/**
 * Entry of the browser app (dist/app/index.html): no office.js, a workbook picked from disk.
 * The inline guard (src/taskpane/guard.js) has already replaced the page when the browser is too old.
 */
import { createRoot } from 'react-dom/client';
import { engineServices } from '../services/engine';
import { xlsxToSnapshot } from '../workers/xlsx';
import { AppPage } from './AppPage';
import { browserSettingsStore } from './settings';

declare global {
  interface Window {
    /** Set by the inline guard when this browser cannot run the bundle. */
    __BAOCAO_UNSUPPORTED__?: boolean;
    /** Set once the page has rendered (tests wait for it). */
    __BAOCAO_READY__?: boolean;
  }
}

if (!window.__BAOCAO_UNSUPPORTED__) {
  createRoot(document.getElementById('container')!).render(<AppPage services={engineServices} read={xlsxToSnapshot} store={browserSettingsStore()} />);
  window.__BAOCAO_READY__ = true;
}
