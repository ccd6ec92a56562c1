/**
 * Where a file the pane makes (.docx, .xlsx) can go in this Excel. On Windows (WebView2) and on the
 * web a download link works. Excel on Mac and iPad host the pane in WKWebView, which ignores
 * downloads (office-js#2700, #3385; a WebKit bug); Microsoft's answer is
 * Office.context.ui.openBrowserWindow(url) to a page of one's own that makes the file in the real
 * browser (OpenBrowserWindowApi 1.1: Windows, Mac, iPad; not on the web). Ours is the standalone
 * web app the office hosts next to the add-in (dist/app/).
 */
import { officeSupports, type SupportsSet } from './workbookPort';

export type OfficeFileDelivery = { kind: 'download' } | { kind: 'open-browser'; openApp: () => void } | { kind: 'none' };

export function officeFileDelivery(appUrl: string, platform: string | null = currentPlatform(), supports: SupportsSet = officeSupports): OfficeFileDelivery {
  if (platform !== 'Mac' && platform !== 'iOS') return { kind: 'download' };
  if (!supports('OpenBrowserWindowApi', '1.1')) return { kind: 'none' };
  return { kind: 'open-browser', openApp: () => Office.context.ui.openBrowserWindow(appUrl) };
}

function currentPlatform(): string | null {
  try {
    return typeof Office !== 'undefined' && Office.context?.platform ? String(Office.context.platform) : null;
  } catch {
    return null;
  }
}
