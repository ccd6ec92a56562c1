/**
 * One formatter for a finding's figures (src/core/findings.ts figureText) in every host: a printed
 * rate that should be 23.300/23.942 = 97,3189…% reads "97,32%" in the CLI's text, in its JSON and in
 * both task-pane tabs — never "0,9732" in one and "97,32%" in another.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatHuman, formatJson } from '../../src/cli/commands/check';
import type { CrossCheckResult } from '../../src/core/crosscheck/types';
import type { Finding } from '../../src/core/findings';
import { figureText } from '../../src/core/findings';
import { fakeServices, renderApp } from './helpers';

// Hand-worked: 23300/23942 = 0.973189…; printed 97,35% travels as 0.9735.
const rate: Finding = {
  rule: 'ty_le_in_sai',
  severity: 'error',
  message: { vi: 'Phường Một, dòng 5: tỷ lệ in sai', en: 'Phường Một, row 5: misprinted rate' },
  file: 'a.xlsx',
  sheet: 'PC_MN5',
  cells: ['P22'],
  expected: 23300 / 23942,
  actual: 0.9735,
  detail: { unit: 'percent', decimals: 2 },
};
const count: Finding = { rule: 'tong_khop_cac_dong', severity: 'error', message: { vi: 'Số học sinh lệch', en: 'Pupils differ' }, file: 'a.xlsx', sheet: 'QUY_MO', cells: ['G8'], expected: 2210, actual: 2339 };

describe('figureText (core)', () => {
  test('a rate as a percentage with the rule\'s decimals, a count with thousands dots', () => {
    expect([figureText(rate, 'expected'), figureText(rate, 'actual')]).toEqual(['97,32%', '97,35%']);
    expect(figureText({ ...rate, detail: { unit: 'percent', decimals: 1 } }, 'expected')).toBe('97,3%');
    expect([figureText(count, 'expected'), figureText(count, 'actual')]).toEqual(['2.210', '2.339']);
  });
  test('other numbers keep four decimals; text as it is; nothing when there is no figure', () => {
    expect(figureText({ ...count, expected: 0.97325 }, 'expected')).toBe('0,9733');
    expect(figureText({ ...count, expected: '30-40' }, 'expected')).toBe('30-40');
    expect(figureText({ ...count, expected: null }, 'expected')).toBeNull();
    expect(figureText({ ...count, expected: undefined }, 'expected')).toBeNull();
    expect(figureText({ ...count, expected: Number.NaN }, 'expected')).toBeNull();
    expect(figureText({ ...count, expected: true }, 'expected')).toBe('TRUE');
  });
});

describe('the same figures in every host', () => {
  test('CLI text and JSON', () => {
    const text = formatHuman([{ file: 'a.xlsx', findings: [rate, count] }], 'vi');
    expect(text).toContain('(cần 97,32%; thấy 97,35%) [ty_le_in_sai]');
    expect(text).toContain('(cần 2.210; thấy 2.339) [tong_khop_cac_dong]');
    const json = JSON.parse(formatJson([{ file: 'a.xlsx', findings: [rate] }], 'vi'));
    // The machine value stays a fraction; the text is what people read.
    expect(json.findings[0]).toMatchObject({ expected: 23300 / 23942, actual: 0.9735, expectedText: '97,32%', actualText: '97,35%' });
  });

  test('task pane, Kiểm tra tab', async () => {
    renderApp({ services: fakeServices({ check: jest.fn(async () => ({ file: 'a.xlsx', recognised: [], unrecognised: [], findings: [rate] })) }) });
    await userEvent.click(screen.getByTestId('check-run'));
    expect(await screen.findByTestId('finding')).toHaveTextContent('Cần: 97,32%; có: 97,35%');
  });

  test('task pane, Đối chiếu tab', async () => {
    const result = {
      master: { file: 'master.xlsx', schoolYear: '2023-2024', schools: 1, unitMappings: 0 },
      submissions: [{ file: 'a.xlsx', index: 0, status: 'blocked', schools: ['79761201'], sheets: [], unrecognised: [], blocking: ['ty_le_in_sai'], findings: 1 }],
      findings: [rate],
      completeness: { expected: 1, submitted: 1, byCommune: [], byLevel: [], missing: [], wrongYear: [] },
      summarySheet: { name: 'Tổng hợp', blocks: [] },
    } as unknown as CrossCheckResult;
    renderApp({ tab: 'crosscheck', services: fakeServices({ crossCheck: jest.fn(async () => result) }) });
    const input = screen.getByTestId('cross-files') as HTMLInputElement;
    await userEvent.upload(input, [new File([new Uint8Array([80, 75, 3, 4])], 'a.xlsx')]);
    await userEvent.click(screen.getByTestId('cross-run'));
    expect(await screen.findByTestId('cross-results')).toHaveTextContent('Cần: 97,32%; có: 97,35%');
  });
});
