/** Browser-only helpers (clipboard, download) used by the pane; no Office.js. */
import type { ClipboardContent } from './types';

/** Neither clipboard path worked: the pane shows the content selected for Ctrl+C instead. */
export class ClipboardBlockedError extends Error {
  constructor(readonly content: ClipboardContent) {
    super('Clipboard unavailable');
    this.name = 'ClipboardBlockedError';
  }
}

/** The copy-event path: a `copy` event carries both formats (webviews without ClipboardItem). */
function copyWithEvent(content: ClipboardContent): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', content.html);
    e.clipboardData?.setData('text/plain', content.text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy, { once: true });
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/**
 * Puts HTML and plain text on the clipboard, so Word pastes the formatting and Notepad the text.
 * The async Clipboard API first; when it is missing or rejects (Excel builds and webviews that block
 * it, a denied permission), the copy event; when both fail, ClipboardBlockedError.
 */
export async function copyToClipboard(content: ClipboardContent): Promise<void> {
  const nav = typeof navigator !== 'undefined' ? navigator : undefined;
  if (nav?.clipboard && typeof nav.clipboard.write === 'function' && typeof ClipboardItem !== 'undefined') {
    try {
      await nav.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([content.html], { type: 'text/html' }),
          'text/plain': new Blob([content.text], { type: 'text/plain' }),
        }),
      ]);
      return;
    } catch {
      // Fall through to the copy event.
    }
  }
  if (copyWithEvent(content)) return;
  throw new ClipboardBlockedError(content);
}

/** Selects an element's contents, so the user's own Ctrl+C copies them with their formatting. */
export function selectContents(el: HTMLElement): void {
  const sel = typeof window !== 'undefined' ? window.getSelection() : null;
  if (!sel || typeof document.createRange !== 'function') return;
  const range = document.createRange();
  range.selectNodeContents(el);
  sel.removeAllRanges();
  sel.addRange(range);
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file's bytes; FileReader where Blob.arrayBuffer is missing (older webviews, jsdom). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}
