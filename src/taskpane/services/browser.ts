/** Browser-only helpers (clipboard, download) used by the pane; no Office.js. */
import type { ClipboardContent } from './types';

/** Puts HTML and plain text on the clipboard, so Word pastes the formatting and Notepad the text. */
export async function copyToClipboard(content: ClipboardContent): Promise<void> {
  const nav = typeof navigator !== 'undefined' ? navigator : undefined;
  if (nav?.clipboard && typeof ClipboardItem !== 'undefined') {
    await nav.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([content.html], { type: 'text/html' }),
        'text/plain': new Blob([content.text], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  // Webviews without ClipboardItem (and Excel builds that block the async Clipboard API): a copy event carries both formats.
  await new Promise<void>((resolve, reject) => {
    const onCopy = (e: ClipboardEvent) => {
      e.clipboardData?.setData('text/html', content.html);
      e.clipboardData?.setData('text/plain', content.text);
      e.preventDefault();
    };
    document.addEventListener('copy', onCopy, { once: true });
    const ok = document.execCommand('copy');
    document.removeEventListener('copy', onCopy);
    if (ok) resolve();
    else reject(new Error('Clipboard unavailable'));
  });
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
