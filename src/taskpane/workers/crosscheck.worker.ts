/// <reference lib="webworker" />
import { runCrossCheckJob } from './crosscheckJob';
import { xlsxToSnapshot } from './xlsx';

export interface CrossCheckRequest {
  master: import('../../core/types').WorkbookSnapshot;
  files: import('../services/types').SchoolFile[];
  settings: import('../../core/settings').Settings;
}

const ctx = self as unknown as DedicatedWorkerGlobalScope;
ctx.onmessage = async (e: MessageEvent<CrossCheckRequest>) => {
  const { master, files, settings } = e.data;
  try {
    const result = await runCrossCheckJob(master, files, settings, (p) => ctx.postMessage({ type: 'progress', progress: p }), xlsxToSnapshot);
    ctx.postMessage({ type: 'done', result });
  } catch (err) {
    ctx.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
