import { render } from '@testing-library/react';
import { MemoryWorkbookPort } from '../../src/taskpane/harness/memoryWorkbook';
import { withDefaults, type Settings } from '../../src/core/settings';
import type { WorkbookPort, WorkbookSnapshot } from '../../src/core/types';
import type { Finding, RuleId } from '../../src/core/findings';
import { App, type TabId } from '../../src/taskpane/components/App';
import type { FileDelivery, Services } from '../../src/taskpane/services/types';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
const g = globalThis as { ResizeObserver?: unknown };
if (!g.ResizeObserver) {
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export function snapshot(): WorkbookSnapshot {
  return {
    fileName: 'quan12.xlsx',
    sheets: [
      { name: 'QUY_MO_TH', origin: { row: 0, col: 0 }, values: [['Tên trường', 'Số trường'], ['A', 30], ['Tổng', 31]] },
      { name: 'PC_TH', origin: { row: 0, col: 0 }, values: [['Xã'], ['A']] },
    ],
  };
}

/**
 * A finding as the pane receives it. The pane shows whatever id it is given, so these tests use
 * stand-in ids (not in the finding catalogue) on purpose: nothing in the pane may depend on one.
 */
export function finding(partial: Partial<Omit<Finding, 'rule'>> & Pick<Finding, 'severity'> & { rule: string }): Finding {
  return { message: { vi: `vi ${partial.rule}`, en: `en ${partial.rule}` }, cells: [], ...partial, rule: partial.rule as RuleId };
}

/** A Services fake whose methods are jest mocks; override what a test needs. */
export function fakeServices(over: Partial<Services> = {}): Services {
  return {
    check: jest.fn(async () => ({ file: 'quan12.xlsx', recognised: [], unrecognised: [], findings: [] })),
    buildReport: jest.fn(async () => {
      throw new Error('not stubbed');
    }),
    reportDocx: jest.fn(async () => new Blob(['docx'])),
    inspectDocTemplate: jest.fn(async () => ({ ok: true as const, missing: [] })),
    tableClipboard: jest.fn(() => ({ html: '<table></table>', text: 'table' })),
    paragraphClipboard: jest.fn(() => ({ html: '<p>p</p>', text: 'p' })),
    crossCheck: jest.fn(async () => {
      throw new Error('not stubbed');
    }),
    templates: jest.fn(() => [{ id: 'PC_TH' as const, title: { vi: 'Phổ cập giáo dục tiểu học', en: 'Primary universalisation' } }]),
    templatePlan: jest.fn(() => ({ name: 'PC_TH', blocks: [{ row: 0, col: 0, values: [['Mã xã', 'Xã, phường']] }] })),
    thresholds: jest.fn(() => [{ indicator: 'TH_11_HTCT', label: { vi: 'Tỷ lệ trẻ 11 tuổi HTCT tiểu học', en: '11-year-olds completing primary' }, level: 2, percent: 80, source: 'Nghị định 20/2014/NĐ-CP, Điều 15' }]),
    ...over,
  };
}

export function renderApp(opts: { port?: WorkbookPort | null; services?: Services; tab?: TabId; customFunctions?: boolean; settings?: Partial<Settings>; onSettingsChange?: (s: Settings) => void; delivery?: FileDelivery } = {}) {
  const port = opts.port === undefined ? new MemoryWorkbookPort(snapshot()) : opts.port;
  const services = opts.services ?? fakeServices();
  const utils = render(
    <App
      port={port}
      services={services}
      customFunctions={opts.customFunctions ?? true}
      initialSettings={withDefaults(opts.settings)}
      onSettingsChange={opts.onSettingsChange}
      initialTab={opts.tab}
      delivery={opts.delivery}
    />,
  );
  return { ...utils, port, services };
}

/** A promise with its resolve/reject exposed, to hold a component in its loading state. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
