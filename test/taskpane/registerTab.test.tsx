/**
 * "Phổ cập" on an open workbook holding a household register: recognised, computed (levels and
 * the per-person findings with their rows), then the PC_* summary, the nine forms and Tổng hợp
 * inserted as new sheets; the register sheet is never touched.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookPort } from '../../src/taskpane/harness/memoryWorkbook';
import { many, registerRows } from '../fixtures/register';
import { renderApp } from './helpers';

function registerPort() {
  const rows = registerRows({
    title: 'Xã/phường: Xã Tân Lập',
    persons: [
      ...many(19, { nam: 2019, khoi: 1, bac: 'MN' }, 'A'),
      { nam: 2019, ten: 'Ở nhà' },
      ...many(10, { nam: 1995, bac: 'THPT' }, 'B'),
      { nam: 2030, ten: 'Sai năm' },
    ],
  });
  const width = Math.max(...rows.map((r) => r.length));
  return new MemoryWorkbookPort({ fileName: 'Xã Tân Lập.xlsx', sheets: [{ name: 'MauNhapLieu', origin: { row: 0, col: 0 }, values: rows.map((r) => [...r, ...Array(width - r.length).fill(null)]) }] });
}

test('Phổ cập tab: compute from the register, list findings by row, insert the sheets, never touch the register', async () => {
  const port = registerPort();
  const before = JSON.stringify(port.sheets[0]);
  renderApp({ port, tab: 'register' });
  await userEvent.click(screen.getByTestId('register-compute'));
  await waitFor(() => expect(screen.getByTestId('register-summary')).toBeInTheDocument());
  // 19 + 1 + 10 persons counted; the one born after the survey year is left out.
  expect(screen.getByTestId('register-summary')).toHaveTextContent('Xã Tân Lập (trang MauNhapLieu, năm điều tra 2025): 30 người được tính, 1 người không được tính vì lỗi');
  // 6-year-olds in grade 1: 19/20 = 95 % → TH has no 11- or 14-year-olds: not enough data; XMC 10/10.
  expect(screen.getByTestId('register-levels')).toHaveTextContent('Xóa mù chữMức độ 2');
  expect(screen.getByTestId('register-findings')).toHaveTextContent('dòng 35 (Nguyễn Văn Sai năm): năm sinh 2030 sau năm điều tra 2025');
  await userEvent.click(screen.getByText(/dòng 35/));
  expect(port.lastSelection).toEqual({ sheet: 'MauNhapLieu', address: 'G35' });
  await userEvent.click(screen.getByTestId('register-insert'));
  await waitFor(() => expect(screen.getByTestId('register-notice')).toHaveTextContent('Đã chèn 14 trang'));
  expect(port.sheets.map((s) => s.name)).toEqual(['MauNhapLieu', 'PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'TH-M1', 'TH-02', 'THCS-M1', 'THCS-TK', 'XMC-3', 'XMC-4', 'CMC-1', 'MN-01-TE', 'MN-02', 'Tổng hợp']);
  expect(JSON.stringify(port.sheets[0])).toBe(before);
  // Forms carry counts only.
  expect(JSON.stringify(port.sheets.slice(1))).not.toContain('Sai năm');
  expect(port.cell('TH-M1', 'F12')).toBe(20);
});

test('a workbook without a register says so', async () => {
  renderApp({ tab: 'register' });
  await userEvent.click(screen.getByTestId('register-compute'));
  await waitFor(() => expect(screen.getByTestId('register-none')).toBeInTheDocument());
});
