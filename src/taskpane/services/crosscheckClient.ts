/** Runs the cross-check in a Web Worker so the pane (and Excel) stay responsive. */
import type { CrossCheckResult } from '../../core/crosscheck/types';
import type { Settings } from '../../core/settings';
import type { WorkbookSnapshot } from '../../core/types';
import type { Progress, SchoolFile } from './types';

export function runCrossCheckInWorker(master: WorkbookSnapshot, files: SchoolFile[], settings: Settings, onProgress: (p: Progress) => void): Promise<CrossCheckResult> {
  if (typeof Worker === 'undefined') {
    return Promise.all([import('../workers/crosscheckJob'), import('../workers/xlsx')]).then(([job, xlsx]) =>
      job.runCrossCheckJob(master, files, settings, onProgress, xlsx.xlsxToSnapshot),
    );
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/crosscheck.worker.ts', import.meta.url));
    worker.onmessage = (e: MessageEvent) => {
      const m = e.data as { type: string; progress?: Progress; result?: CrossCheckResult; message?: string };
      if (m.type === 'progress' && m.progress) onProgress(m.progress);
      else if (m.type === 'done' && m.result) {
        worker.terminate();
        resolve(m.result);
      } else if (m.type === 'error') {
        worker.terminate();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'Worker failed'));
    };
    worker.postMessage({ master, files, settings }, files.map((f) => f.data));
  });
}
