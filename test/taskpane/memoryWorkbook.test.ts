import { MemoryWorkbookPort } from '../../src/taskpane/harness/memoryWorkbook';
import type { WorkbookSnapshot } from '../../src/core/types';

const snapshot = (): WorkbookSnapshot => ({
  fileName: 'quan12.xlsx',
  sheets: [
    { name: 'PC_TH', origin: { row: 2, col: 1 }, values: [['Xã', 'Số trẻ'], ['Tân Chánh Hiệp', 1200]] },
    { name: 'Báo cáo 2023-2024', origin: { row: 0, col: 0 }, values: [['old']] },
  ],
});

describe('MemoryWorkbookPort', () => {
  test('reads copies: changing the returned snapshot does not change the workbook', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    expect(await port.listSheets()).toEqual(['PC_TH', 'Báo cáo 2023-2024']);
    const read = await port.readSheets(['pc_th']);
    expect(read.sheets.map((s) => s.name)).toEqual(['PC_TH']);
    read.sheets[0].values[1][1] = 0;
    expect(port.cell('PC_TH', 'C4')).toBe(1200);
  });

  test('writeSheet never overwrites: it adds "(2)" and records formulas apart from values', async () => {
    const changes: number[] = [];
    const port = new MemoryWorkbookPort(snapshot(), { onChange: (p) => changes.push(p.sheets.length) });
    const result = await port.writeSheet({
      name: 'Báo cáo 2023-2024',
      blocks: [
        { row: 0, col: 0, values: [['Tiêu đề', null, null]], mergeRows: true },
        { row: 2, col: 1, values: [['Tỷ lệ', '=PC_TH!C4/2']], isFormula: [[false, true]], columnFormats: { 1: '0.00%' } },
      ],
    });
    expect(result).toEqual({ sheetName: 'Báo cáo 2023-2024 (2)', cellsWritten: 5, blocks: 2 });
    expect(port.cell('Báo cáo 2023-2024', 'A1')).toBe('old');
    const s = port.sheet('Báo cáo 2023-2024 (2)')!;
    expect(s.values[2][1]).toBe('Tỷ lệ');
    expect(s.values[2][2]).toBeNull();
    expect(s.formulas![2][2]).toBe('=PC_TH!C4/2');
    expect(s.numberFormats![2][2]).toBe('0.00%');
    expect(s.merges).toEqual(['A1:C1']);
    expect(port.activeSheet).toBe('Báo cáo 2023-2024 (2)');
    expect(changes).toEqual([3]);
  });

  test('selectCell records the selection and rejects unknown sheets or bad addresses', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    await port.selectCell('pc_th', 'C4');
    expect(port.lastSelection).toEqual({ sheet: 'PC_TH', address: 'C4' });
    await expect(port.selectCell('Không có', 'A1')).rejects.toThrow('Không có');
    await expect(port.selectCell('PC_TH', 'hello')).rejects.toThrow();
    expect(port.selections).toHaveLength(1);
  });

  test('highlights and notes are recorded without touching values', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    await port.highlightCells('PC_TH', ['C4'], '#FFC7CE');
    await port.addNotes('PC_TH', [{ address: 'C4', text: 'Kiểm tra lại' }]);
    expect(port.highlights).toEqual([{ sheet: 'PC_TH', addresses: ['C4'], color: '#FFC7CE' }]);
    expect(port.notes[0].notes[0].text).toBe('Kiểm tra lại');
    expect(port.cell('PC_TH', 'C4')).toBe(1200);
  });

  test('formula cells of a report plan show the value the plan says they evaluate to', async () => {
    const port = new MemoryWorkbookPort(snapshot());
    const block = { row: 0, col: 0, values: [['Tỷ lệ', '=PC_TH!C4/2']], isFormula: [[false, true]], results: [[null, 600]] };
    const { sheetName } = await port.writeSheet({ name: 'R', blocks: [block] });
    expect(port.cell(sheetName, 'B1')).toBe(600);
    expect(port.sheet(sheetName)!.formulas![0][1]).toBe('=PC_TH!C4/2');
  });
});

