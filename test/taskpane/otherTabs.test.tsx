import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookPort } from '../../src/taskpane/harness/memoryWorkbook';
import type { CrossCheckResult } from '../../src/core/crosscheck/types';
import type { ReportModel } from '../../src/core/report/model';
import type { Settings } from '../../src/core/settings';
import { UnavailableError, type Progress, type ReportBuild } from '../../src/taskpane/services/types';
import { deferred, fakeServices, finding, renderApp, snapshot } from './helpers';

function blobText(b: Blob): Promise<string> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });
}

function crossResult(): CrossCheckResult {
  return {
    master: { file: 'quan12.xlsx', schoolYear: '2023-2024', schools: 3, unitMappings: 0 },
    submissions: [
      { file: 'a.xlsx', index: 0, status: 'accepted', schools: ['79761201'], sheets: [], unrecognised: [], blocking: [], findings: 0 },
      { file: 'b.xlsx', index: 1, status: 'wrong_year', schools: ['79761202'], sheets: [], unrecognised: [], blocking: [], findings: 1 },
    ],
    findings: [finding({ rule: 'sai_nam_hoc', severity: 'error', file: 'b.xlsx', sheet: 'QUY_MO', cells: ['B2'] })],
    completeness: { expected: 3, submitted: 1, byCommune: [], byLevel: [{ key: 'TH', name: 'Tiểu học', expected: 3, submitted: 1, missing: [] }], missing: [{ code: '79761203', name: 'Tiểu học Võ Văn Tần', commune: '', level: 'TH' }], wrongYear: ['79761202'] },
    summarySheet: { name: 'Tổng hợp', blocks: [{ row: 0, col: 0, values: [['Mã trường', 'Số lớp'], ['79761201', 20]] }] },
  } as unknown as CrossCheckResult;
}

async function chooseFiles(names: string[]) {
  const input = screen.getByTestId('cross-files') as HTMLInputElement;
  const files = names.map((n) => new File([new Uint8Array([80, 75, 3, 4])], n, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  await userEvent.upload(input, files);
}

describe('Đối chiếu tab', () => {
  test('empty: no file chosen, the run button is disabled', () => {
    renderApp({ tab: 'crosscheck' });
    expect(screen.getByTestId('cross-chosen')).toHaveTextContent('Chưa chọn tệp nào.');
    expect(screen.getByTestId('cross-run')).toBeDisabled();
  });

  test('running: progress per file, then results, completeness and the Tổng hợp sheet', async () => {
    const d = deferred<CrossCheckResult>();
    let report: (p: Progress) => void = () => undefined;
    const crossCheck = jest.fn((_m, files, _s, onProgress) => {
      report = onProgress;
      expect(files.map((f: { name: string }) => f.name)).toEqual(['a.xlsx', 'b.xlsx']);
      return d.promise;
    });
    const port = new MemoryWorkbookPort(snapshot());
    renderApp({ port, tab: 'crosscheck', services: fakeServices({ crossCheck }) });
    await chooseFiles(['a.xlsx', 'b.xlsx']);
    expect(screen.getByTestId('cross-chosen')).toHaveTextContent('Đã chọn 2 tệp');
    await userEvent.click(screen.getByTestId('cross-run'));
    await waitFor(() => expect(crossCheck).toHaveBeenCalled());
    act(() => report({ done: 1, total: 2, file: 'a.xlsx' }));
    expect(screen.getByTestId('progress')).toHaveTextContent('Đang đối chiếu tệp 1/2…');
    await act(async () => d.resolve(crossResult()));
    const results = await screen.findByTestId('cross-results');
    expect(results).toHaveTextContent('Đã nộp 1/3 trường');
    expect(results).toHaveTextContent('Chưa nộp: Tiểu học Võ Văn Tần');
    expect(screen.getByTestId('cross-byLevel')).toHaveTextContent('Tiểu học: 1/3');
    expect(screen.queryByTestId('cross-byCommune')).toBeNull();
    expect(within(results).getByText('Đã tổng hợp')).toBeInTheDocument();
    expect(within(results).getByText('Sai năm học')).toBeInTheDocument();
    expect(results).toHaveTextContent('Chênh lệch và lỗi (1)');
    await userEvent.click(screen.getByTestId('cross-write'));
    expect(await screen.findByTestId('cross-written')).toHaveTextContent('Đã ghi trang "Tổng hợp" (4 ô).');
    expect(port.cell('Tổng hợp', 'A2')).toBe('79761201');
  });

  test('error and unavailable states', async () => {
    const crossCheck = jest.fn().mockRejectedValueOnce(new Error('Tệp hỏng')).mockRejectedValueOnce(new UnavailableError('Cross-check'));
    renderApp({ tab: 'crosscheck', services: fakeServices({ crossCheck }) });
    await chooseFiles(['a.xlsx']);
    await userEvent.click(screen.getByTestId('cross-run'));
    expect(await screen.findByTestId('error-state')).toHaveTextContent('Tệp hỏng');
    await userEvent.click(screen.getByTestId('cross-run'));
    expect(await screen.findByText('Chức năng đối chiếu chưa sẵn sàng trong phiên bản này.')).toBeInTheDocument();
  });
});

function model(): ReportModel {
  return {
    title: 'BÁO CÁO 2023-2024',
    schoolYear: '2023-2024',
    unit: 'Quận 12',
    lang: 'vi',
    sections: [
      {
        id: 'pho_cap',
        title: 'Phổ cập giáo dục – xóa mù chữ',
        tables: [{ id: 't1', title: 'Phổ cập tiểu học', columns: ['Xã', 'Tỷ lệ'], rows: [[{ text: 'A', kind: 'label' }, { text: '97,38%', kind: 'rate', value: 0.9738 }]] }],
        paragraphs: [{ text: 'Tổng số trẻ 11 tuổi là 9.300.' }],
        content: [
          { type: 'table', index: 0 },
          { type: 'paragraph', index: 0 },
        ],
        data: {},
      },
    ],
    skippedSections: [{ id: 'dinh_duong', title: 'Dinh dưỡng', reason: 'thiếu DINH_DUONG' }],
    findings: [finding({ rule: 'x', severity: 'error' })],
    overridesUsed: [],
    files: ['quan12.xlsx'],
  };
}
const build = (): ReportBuild => ({ model: model(), plan: { name: 'Báo cáo 2023-2024', blocks: [{ row: 0, col: 0, values: [['BÁO CÁO 2023-2024']] }] } });

describe('Báo cáo tab', () => {
  test('loading, then a preview; insert writes a new sheet and says where', async () => {
    const d = deferred<ReportBuild>();
    const buildReport = jest.fn(() => d.promise);
    const port = new MemoryWorkbookPort(snapshot());
    renderApp({ port, tab: 'report', services: fakeServices({ buildReport }) });
    await userEvent.upload(screen.getByTestId('report-previous') as HTMLInputElement, new File([new Uint8Array([1, 2, 3])], 'quan12-2022-2023.xlsx'));
    expect(screen.getByTestId('report-previous-chosen')).toHaveTextContent('quan12-2022-2023.xlsx');
    await userEvent.click(screen.getByTestId('section-dinh_duong'));
    await userEvent.selectOptions(screen.getByTestId('report-years'), '3');
    await userEvent.click(screen.getByTestId('report-build'));
    expect(await screen.findByText('Đang lập báo cáo…')).toBeInTheDocument();
    const req = (buildReport.mock.calls[0] as unknown[])[2] as { sections: string[]; years: number; lang: string; previous: { name: string; data: ArrayBuffer }[] };
    expect(req.previous.map((p) => [p.name, p.data.byteLength])).toEqual([['quan12-2022-2023.xlsx', 3]]);
    expect(req.sections).toEqual(['quy_mo', 'pho_cap', 'chat_luong', 'doi_ngu', 'xu_huong', 'canh_bao']);
    expect(req.years).toBe(3);
    await act(async () => d.resolve(build()));
    const preview = await screen.findByTestId('report-preview');
    expect(within(preview).getByText('97,38%')).toBeInTheDocument();
    expect(preview).toHaveTextContent('Bỏ qua (thiếu biểu mẫu): Dinh dưỡng');
    expect(preview).toHaveTextContent('1 cảnh báo số liệu còn mở');
    await userEvent.click(screen.getByTestId('report-insert'));
    expect(await screen.findByTestId('report-notice')).toHaveTextContent('Đã chèn trang "Báo cáo 2023-2024" (1 ô).');
    expect(port.cell('Báo cáo 2023-2024', 'A1')).toBe('BÁO CÁO 2023-2024');
  });

  test('copy puts HTML and plain text on the clipboard', async () => {
    const written: Record<string, string>[] = [];
    class FakeClipboardItem {
      constructor(readonly items: Record<string, Blob>) {}
    }
    (globalThis as any).ClipboardItem = FakeClipboardItem;
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        write: async (items: FakeClipboardItem[]) => {
          for (const it of items) {
            const out: Record<string, string> = {};
            for (const [type, blob] of Object.entries(it.items)) out[type] = await blobText(blob);
            written.push(out);
          }
        },
      },
    });
    const services = fakeServices({ buildReport: jest.fn(async () => build()), tableClipboard: jest.fn(() => ({ html: '<table><tr><td>97,38%</td></tr></table>', text: 'Xã\tTỷ lệ' })) });
    renderApp({ tab: 'report', services });
    await user.click(screen.getByTestId('report-build'));
    await user.click(await screen.findByRole('button', { name: 'Sao chép: Phổ cập tiểu học' }));
    expect(await screen.findByTestId('report-notice')).toHaveTextContent('Đã sao chép');
    expect(written).toEqual([{ 'text/html': '<table><tr><td>97,38%</td></tr></table>', 'text/plain': 'Xã\tTỷ lệ' }]);
    expect((services.tableClipboard as jest.Mock).mock.calls[0][0].title).toBe('Phổ cập tiểu học');
    delete (globalThis as any).ClipboardItem;
  });

  test('the clipboard API rejects (Excel builds that block it): the copy event carries the content instead', async () => {
    (globalThis as any).ClipboardItem = class {
      constructor(readonly items: Record<string, Blob>) {}
    };
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { write: async () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } });
    const copied: Record<string, string> = {};
    const exec = jest.fn(() => {
      const data = { setData: (type: string, v: string) => void (copied[type] = v) };
      document.dispatchEvent(Object.assign(new Event('copy'), { clipboardData: data }));
      return true;
    });
    (document as any).execCommand = exec;
    try {
      const services = fakeServices({ buildReport: jest.fn(async () => build()), tableClipboard: jest.fn(() => ({ html: '<table><tr><td>97,38%</td></tr></table>', text: '97,38%' })) });
      renderApp({ tab: 'report', services });
      await userEvent.click(screen.getByTestId('report-build'));
      await userEvent.click(await screen.findByRole('button', { name: 'Sao chép: Phổ cập tiểu học' }));
      expect(await screen.findByTestId('report-notice')).toHaveTextContent('Đã sao chép');
      expect(exec).toHaveBeenCalledWith('copy');
      expect(copied).toEqual({ 'text/html': '<table><tr><td>97,38%</td></tr></table>', 'text/plain': '97,38%' });
    } finally {
      delete (globalThis as any).ClipboardItem;
      delete (document as any).execCommand;
    }
  });

  test('both clipboard paths blocked: the content is shown selected for the user\'s own Ctrl+C, never lost', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    (document as any).execCommand = jest.fn(() => false);
    try {
      const services = fakeServices({ buildReport: jest.fn(async () => build()), tableClipboard: jest.fn(() => ({ html: '<table><tr><td>97,38%</td></tr></table>', text: '97,38%' })) });
      renderApp({ tab: 'report', services });
      await userEvent.click(screen.getByTestId('report-build'));
      await userEvent.click(await screen.findByRole('button', { name: 'Sao chép: Phổ cập tiểu học' }));
      const box = await screen.findByTestId('report-manual-copy');
      expect(box).toHaveTextContent('nhấn Ctrl+C (⌘C trên Mac)');
      const region = within(box).getByRole('region', { name: 'Nội dung để sao chép' });
      expect(region.querySelector('td')).toHaveTextContent('97,38%');
      expect(window.getSelection()!.toString()).toBe('97,38%');
      expect(screen.queryByTestId('report-notice')).toBeNull();
    } finally {
      delete (document as any).execCommand;
    }
  });

  test('an office\'s own Word template: checked when chosen, its bytes go to the .docx; a template without {{noi_dung}} is refused with what to do', async () => {
    const inspectDocTemplate = jest.fn(async (bytes: Uint8Array) => (bytes.length === 4 ? { ok: true as const, missing: ['kinh_gui'] } : { ok: false as const, reason: 'no_body' as const }));
    const services = fakeServices({ buildReport: jest.fn(async () => build()), inspectDocTemplate });
    (URL as any).createObjectURL = jest.fn(() => 'blob:x');
    (URL as any).revokeObjectURL = jest.fn();
    renderApp({ tab: 'report', services });
    expect(screen.getByTestId('report-template-chosen')).toHaveTextContent('khung văn bản theo Nghị định 30/2020');
    // Refused: nothing chosen, the notice says what to do.
    await userEvent.upload(screen.getByTestId('report-template') as HTMLInputElement, new File([new Uint8Array([1, 2, 3])], 'mau-cu.docx'));
    expect(await screen.findByText(/Mẫu mau-cu\.docx không có chỗ đặt nội dung \{\{noi_dung\}\}; hãy gõ/)).toBeInTheDocument();
    expect(screen.getByTestId('report-template-chosen')).toHaveTextContent('Nghị định 30/2020');
    // Accepted: named, with the places it lacks; the .docx is made with its bytes.
    await userEvent.upload(screen.getByTestId('report-template') as HTMLInputElement, new File([new Uint8Array([9, 8, 7, 6])], 'mau-phong.dotx'));
    expect(await screen.findByText(/Tệp Word dùng mẫu mau-phong\.dotx; chỗ mẫu không có nên không điền: \{\{kinh_gui\}\}\./)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('report-build'));
    await userEvent.click(await screen.findByTestId('report-docx'));
    const call = (services.reportDocx as jest.Mock).mock.calls[0] as unknown[];
    expect(Array.from(call[2] as Uint8Array)).toEqual([9, 8, 7, 6]);
    // Removed: back to the NĐ 30 frame.
    await userEvent.click(screen.getByTestId('report-template-clear'));
    await userEvent.click(screen.getByTestId('report-docx'));
    expect(((services.reportDocx as jest.Mock).mock.calls[1] as unknown[])[2]).toBeUndefined();
  });

  test('.docx where the pane cannot download (Excel on Mac): what to do, and the browser app one click away', async () => {
    const openApp = jest.fn();
    const services = fakeServices({ buildReport: jest.fn(async () => build()) });
    renderApp({ tab: 'report', services, delivery: { kind: 'open-browser', openApp } });
    await userEvent.click(screen.getByTestId('report-build'));
    await userEvent.click(await screen.findByTestId('report-docx'));
    expect(services.reportDocx).not.toHaveBeenCalled();
    expect(screen.getByTestId('report-no-download')).toHaveTextContent('Excel trên máy Mac không tải được tệp từ ngăn này');
    await userEvent.click(screen.getByTestId('report-open-browser'));
    expect(openApp).toHaveBeenCalledTimes(1);
  });

  test('.docx where nothing can be opened either (iPad without OpenBrowserWindowApi): the steps, no button', async () => {
    const services = fakeServices({ buildReport: jest.fn(async () => build()) });
    renderApp({ tab: 'report', services, delivery: { kind: 'none' } });
    await userEvent.click(screen.getByTestId('report-build'));
    await userEvent.click(await screen.findByTestId('report-docx'));
    expect(screen.getByTestId('report-no-download')).toHaveTextContent('"Chèn trang báo cáo"');
    expect(screen.queryByTestId('report-open-browser')).toBeNull();
  });

  test('no section chosen: a warning and no build; unavailable builder: a notice; failure: an error', async () => {
    const buildReport = jest.fn().mockRejectedValueOnce(new UnavailableError('Report')).mockRejectedValueOnce(new Error('Hết bộ nhớ'));
    renderApp({ tab: 'report', services: fakeServices({ buildReport }) });
    for (const id of ['quy_mo', 'pho_cap', 'chat_luong', 'dinh_duong', 'doi_ngu', 'xu_huong', 'canh_bao']) await userEvent.click(screen.getByTestId(`section-${id}`));
    expect(screen.getByText('Hãy chọn ít nhất một phần.')).toBeInTheDocument();
    expect(screen.getByTestId('report-build')).toBeDisabled();
    await userEvent.click(screen.getByTestId('section-quy_mo'));
    await userEvent.click(screen.getByTestId('report-build'));
    expect(await screen.findByTestId('report-unavailable')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('report-build'));
    expect(await screen.findByTestId('error-state')).toHaveTextContent('Hết bộ nhớ');
  });
});

describe('Mẫu & Cài đặt tab', () => {
  test('insert a blank template into a new sheet', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    renderApp({ port, tab: 'settings' });
    await userEvent.click(screen.getByTestId('template-PC_TH'));
    expect(await screen.findByTestId('settings-notice')).toHaveTextContent('Đã chèn mẫu vào trang "PC_TH (2)".');
    expect(port.cell('PC_TH (2)', 'B1')).toBe('Xã, phường');
  });

  test('hierarchy, number display and threshold overrides change the settings, with the legal source shown', async () => {
    const changes: Settings[] = [];
    renderApp({ tab: 'settings', onSettingsChange: (s) => changes.push(s) });
    await userEvent.click(screen.getByLabelText('Xã – huyện – tỉnh'));
    expect(changes.at(-1)!.hierarchy).toBe('xa-huyen-tinh');

    expect(screen.getByTestId('number-example')).toHaveTextContent('Ví dụ: 97,38%; 02 trường; 26.254');
    await userEvent.selectOptions(screen.getByTestId('rate-decimals'), '1');
    await userEvent.click(screen.getByTestId('leading-zero'));
    expect(screen.getByTestId('number-example')).toHaveTextContent('Ví dụ: 97,4%; 2 trường; 26.254');
    expect(changes.at(-1)!.rateDecimals).toBe(1);
    expect(changes.at(-1)!.leadingZero).toBe(false);

    await userEvent.type(screen.getByTestId('override-percent'), '120');
    await userEvent.click(screen.getByTestId('override-add'));
    expect(screen.getByText('Ngưỡng phải là số từ 0 đến 100.')).toBeInTheDocument();
    await userEvent.clear(screen.getByTestId('override-percent'));
    await userEvent.type(screen.getByTestId('override-percent'), '85,5');
    await userEvent.type(screen.getByTestId('override-note'), 'Quyết định 12/QĐ-UBND');
    await userEvent.click(screen.getByTestId('override-add'));
    expect(changes.at(-1)!.thresholdOverrides).toEqual([{ indicator: 'TH_11_HTCT', level: 2, percent: 85.5, note: 'Quyết định 12/QĐ-UBND' }]);
    const row = within(screen.getByTestId('overrides')).getByText(/Tỷ lệ trẻ 11 tuổi HTCT tiểu học, mức 2: 85,5%/);
    expect(row).toHaveTextContent('(quy định: 80%, Nghị định 20/2014/NĐ-CP, Điều 15)');
    await userEvent.click(screen.getByRole('button', { name: 'Bỏ' }));
    expect(changes.at(-1)!.thresholdOverrides).toEqual([]);
  });

  test('the report frame (NĐ 30/2020) is saved once: signer, recipients one per line; a cleared field is dropped', async () => {
    const changes: Settings[] = [];
    renderApp({ tab: 'settings', onSettingsChange: (s) => changes.push(s) });
    expect(screen.getByTestId('frame-settings')).toHaveTextContent('Văn bản báo cáo (Nghị định 30/2020/NĐ-CP)');
    await userEvent.type(screen.getByTestId('frame-signerName'), 'Nguyễn Văn A');
    expect(changes.at(-1)!.document.signerName).toBe('Nguyễn Văn A');
    await userEvent.type(screen.getByTestId('frame-recipients'), 'Ủy ban nhân dân Quận 12{enter}Sở Giáo dục và Đào tạo');
    expect(changes.at(-1)!.document.recipients).toEqual(['Ủy ban nhân dân Quận 12', 'Sở Giáo dục và Đào tạo']);
    await userEvent.clear(screen.getByTestId('frame-signerName'));
    expect(changes.at(-1)!.document).not.toHaveProperty('signerName');
  });
});

describe('App shell', () => {
  test('switching to English translates the tabs and the pane, and is saved in the settings', async () => {
    const changes: Settings[] = [];
    renderApp({ onSettingsChange: (s) => changes.push(s) });
    expect(screen.getByRole('tab', { name: 'Kiểm tra' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('lang-switch'));
    for (const name of ['Check', 'Cross-check', 'Report', 'Templates & Settings']) expect(screen.getByRole('tab', { name })).toBeInTheDocument();
    expect(screen.getByTestId('check-run')).toHaveTextContent('Check the data');
    expect(changes.at(-1)!.lang).toBe('en');
  });

  test('the custom-functions notice shows only where they cannot run', () => {
    const { unmount } = renderApp({ customFunctions: false });
    expect(screen.getByTestId('cf-notice')).toHaveTextContent('không chạy được hàm tùy chỉnh');
    unmount();
    renderApp({ customFunctions: true });
    expect(screen.queryByTestId('cf-notice')).toBeNull();
  });

  test('tabs are focusable and Enter opens the focused tab', async () => {
    renderApp();
    // Arrow-key movement between tabs is Fluent's (tabster), which needs a real layout; see the browser test.
    screen.getByRole('tab', { name: 'Báo cáo' }).focus();
    expect(screen.getByRole('tab', { name: 'Báo cáo' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: 'Báo cáo' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('report-build')).toBeVisible();
    expect(document.getElementById('panel-check')).not.toBeVisible();
    expect(screen.getByTestId('check-run')).not.toBeVisible();
  });
});
