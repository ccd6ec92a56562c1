import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookPort } from '../../src/taskpane/harness/memoryWorkbook';
import type { CheckResult } from '../../src/taskpane/services/types';
import { deferred, fakeServices, finding, renderApp, snapshot } from './helpers';

const result = (): CheckResult => ({
  file: 'quan12.xlsx',
  recognised: [{ sheet: 'QUY_MO_TH', template: 'QUY_MO', title: { vi: 'Quy mô trường lớp', en: 'Network scale' }, rows: 2 }],
  unrecognised: ['Ghi chú'],
  findings: [
    finding({ rule: 'tong_khop', severity: 'error', sheet: 'QUY_MO_TH', cells: ['B3'], expected: 30, actual: 31, source: 'Thông tư 24/2018' }),
    finding({ rule: 'ty_le_cao', severity: 'warning', sheet: 'QUY_MO_TH', cells: ['B2'] }),
    finding({ rule: 'thieu_cot', severity: 'info', sheet: 'PC_TH', cells: ['A1'] }),
    finding({ rule: 'khong_nam_hoc', severity: 'warning', cells: [] }),
  ],
});

describe('Kiểm tra tab', () => {
  test('empty: without a workbook it says so and offers no check', () => {
    renderApp({ port: null });
    const panel = screen.getByRole('tabpanel', { name: 'Kiểm tra' });
    expect(within(panel).getByText(/Không có bảng tính nào/)).toBeInTheDocument();
    expect(within(panel).queryByTestId('check-run')).toBeNull();
  });

  test('loading: a spinner while the workbook is read and checked', async () => {
    const d = deferred<CheckResult>();
    renderApp({ services: fakeServices({ check: jest.fn(() => d.promise) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    expect(await screen.findByText('Đang đọc và kiểm tra bảng tính…')).toBeInTheDocument();
    expect(screen.getByTestId('check-run')).toBeDisabled();
    await act(async () => d.resolve(result()));
    expect(screen.queryByText('Đang đọc và kiểm tra bảng tính…')).toBeNull();
  });

  test('results: recognised sheets, counts, findings grouped by sheet with errors first', async () => {
    const services = fakeServices({ check: jest.fn(async () => result()) });
    const { port } = renderApp({ services });
    await userEvent.click(screen.getByTestId('check-run'));
    expect(await screen.findByTestId('check-summary')).toHaveTextContent('1 lỗi, 2 cảnh báo, 1 thông tin');
    expect(screen.getByText('QUY_MO_TH: Quy mô trường lớp, 2 dòng')).toBeInTheDocument();
    expect(screen.getByText('Trang không nhận ra: Ghi chú')).toBeInTheDocument();
    // The engine got what the port read.
    expect((services.check as jest.Mock).mock.calls[0][0]).toEqual(await port!.readSheets());
    const group = screen.getByRole('region', { name: 'QUY_MO_TH' });
    const items = within(group).getAllByTestId('finding');
    expect(items.map((i) => i.getAttribute('data-cell'))).toEqual(['QUY_MO_TH!B3', 'QUY_MO_TH!B2']);
    expect(items[0]).toHaveTextContent('Cần: 30; có: 31');
    expect(items[0]).toHaveTextContent('Căn cứ: Thông tư 24/2018');
    expect(screen.getByText('Toàn bảng tính (1)')).toBeInTheDocument();
  });

  test('click a finding → the port selects its first cell; Enter on a focused finding does the same', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    renderApp({ port, services: fakeServices({ check: jest.fn(async () => result()) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    const [first, second] = await screen.findAllByTestId('finding');
    await userEvent.click(first);
    await waitFor(() => expect(port.lastSelection).toEqual({ sheet: 'QUY_MO_TH', address: 'B3' }));
    second.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(port.lastSelection).toEqual({ sheet: 'QUY_MO_TH', address: 'B2' }));
  });

  test('filters by severity and by text', async () => {
    renderApp({ services: fakeServices({ check: jest.fn(async () => result()) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    await screen.findAllByTestId('finding');
    await userEvent.selectOptions(screen.getByTestId('severity-filter'), 'error');
    expect(screen.getAllByTestId('finding').map((f) => f.getAttribute('data-cell'))).toEqual(['QUY_MO_TH!B3']);
    await userEvent.selectOptions(screen.getByTestId('severity-filter'), 'all');
    await userEvent.type(screen.getByTestId('text-filter'), 'thieu_cot');
    expect(screen.getAllByTestId('finding').map((f) => f.getAttribute('data-cell'))).toEqual(['PC_TH!A1']);
    await userEvent.clear(screen.getByTestId('text-filter'));
    await userEvent.type(screen.getByTestId('text-filter'), 'zzz');
    expect(screen.getByText('Không có kết quả nào khớp bộ lọc.')).toBeInTheDocument();
  });

  test('a clean workbook says so; one with no template points to the templates tab', async () => {
    renderApp({ services: fakeServices({ check: jest.fn(async () => ({ file: 'x', recognised: [], unrecognised: ['Sheet1'], findings: [] })) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    expect(await screen.findByText('Không phát hiện lỗi số liệu.')).toBeInTheDocument();
    expect(screen.getByText(/Không tìm thấy biểu mẫu chuẩn nào/)).toBeInTheDocument();
  });

  test('error: the reason is shown and "Thử lại" runs the check again', async () => {
    const check = jest.fn().mockRejectedValueOnce(new Error('RichApi.Error: quá tải')).mockResolvedValueOnce(result());
    renderApp({ services: fakeServices({ check }) });
    await userEvent.click(screen.getByTestId('check-run'));
    expect(await screen.findByTestId('error-state')).toHaveTextContent('Chi tiết: RichApi.Error: quá tải');
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByTestId('check-summary')).toHaveTextContent('1 lỗi');
    expect(check).toHaveBeenCalledTimes(2);
  });

  test('a finding on a sheet that no longer exists shows why it cannot be selected', async () => {
    const r = result();
    r.findings = [finding({ rule: 'x', severity: 'error', sheet: 'Đã xóa', cells: ['C9'] })];
    renderApp({ services: fakeServices({ check: jest.fn(async () => r) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    await userEvent.click(await screen.findByTestId('finding'));
    expect(await screen.findByText(/Không chọn được ô Đã xóa!C9/)).toBeInTheDocument();
  });

  test('highlighting fills the listed cells without changing values', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    renderApp({ port, services: fakeServices({ check: jest.fn(async () => result()) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    await userEvent.click(await screen.findByRole('button', { name: 'Tô màu các ô có lỗi' }));
    expect(await screen.findByText('Đã tô màu 3 ô.')).toBeInTheDocument();
    expect(port.highlights.map((h) => [h.sheet, h.addresses])).toEqual([
      ['QUY_MO_TH', ['B3', 'B2']],
      ['PC_TH', ['A1']],
    ]);
    expect(port.cell('QUY_MO_TH', 'B3')).toBe(31);
  });

  test('a very long list shows the first 300 and says how many there are', async () => {
    const r = result();
    r.findings = Array.from({ length: 1234 }, (_, i) => finding({ rule: `r${i}`, severity: 'warning', sheet: 'QUY_MO_TH', cells: [`B${i + 2}`] }));
    renderApp({ services: fakeServices({ check: jest.fn(async () => r) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    expect(await screen.findByTestId('check-more')).toHaveTextContent('Đang hiện 300/1.234 kết quả');
    expect(screen.getAllByTestId('finding')).toHaveLength(300);
  });

  test('fractions keep enough decimals to show the difference (0,9732 vs 0,9735)', async () => {
    const r = result();
    r.findings = [finding({ rule: 'ty_le_in', severity: 'error', sheet: 'PC_MN5', cells: ['P22'], expected: 23300 / 23942, actual: 0.9735 })];
    renderApp({ services: fakeServices({ check: jest.fn(async () => r) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    expect(await screen.findByTestId('finding')).toHaveTextContent('Cần: 0,9732; có: 0,9735');
  });

  test('notes: one per cell with every message about it, values untouched', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    const r = result();
    r.findings.push(finding({ rule: 'trung', severity: 'warning', sheet: 'QUY_MO_TH', cells: ['B3'] }));
    renderApp({ port, services: fakeServices({ check: jest.fn(async () => r) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    await userEvent.click(await screen.findByRole('button', { name: 'Ghi chú vào các ô có lỗi' }));
    expect(await screen.findByText('Đã ghi chú vào 3 ô.')).toBeInTheDocument();
    const quyMo = port.notes.find((n) => n.sheet === 'QUY_MO_TH')!;
    expect(quyMo.notes.map((n) => n.address)).toEqual(['B3', 'B2']);
    expect(quyMo.notes[0].text).toBe('Báo cáo GD – Lỗi: vi tong_khop\nCảnh báo: vi trung');
    expect(port.cell('QUY_MO_TH', 'B3')).toBe(31);
  });
});
