/**
 * The direct BIFF8 value reader (src/xlsx/biff8.ts) gives exactly what SheetJS gives through
 * openXls: the same sheets (names, states), rows, cells (values, dates, formats) and summaries
 * (counts, merges), on every .xls shipped in samples/, on generated registers (cells as LABEL and as
 * shared strings split over CONTINUE records), on a stream written record by record with what Excel
 * writes and SheetJS's writer does not (RK, MULRK, formulas with cached values, a string split across
 * CONTINUE records changing width, the 1904 date system, a hidden sheet) and on the hostile corpus;
 * and it hands a stream it does not take back to SheetJS (openBiff8 null).
 */
import * as XLSX from '@e965/xlsx';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBiff8 } from '../../src/xlsx/biff8';
import { limitsWith } from '../../src/xlsx/limits';
import { openXls, workbookStream } from '../../src/xlsx/xls';
import type { WorkbookSource } from '../../src/xlsx/rows';
import { REGISTER_LIMITS } from '../../src/xlsx/registerSource';
import { generateThon, registerSheetRows } from '../../scripts/register-gen';
import { buildHostileCorpus } from '../robustness/hostile-corpus';

const ROOT = path.join(__dirname, '..', '..');
const LIMITS = limitsWith(REGISTER_LIMITS);

function dump(source: WorkbookSource): unknown {
  return {
    sheets: source.sheets,
    read: source.sheets.map((s) => {
      const rows: unknown[] = [];
      const summary = source.readRows(s, (r) => {
        const cells: unknown[] = [];
        for (let k = 0; k < r.length; k++) {
          const v = r.values[k];
          cells.push([r.cols[k], v instanceof Date ? `D:${v.toISOString()}` : v, r.formats[k] ?? null]);
        }
        rows.push([r.index, cells]);
      });
      return { rows, summary };
    }),
  };
}

async function outcome(bytes: Uint8Array, valuesOnly: boolean): Promise<unknown> {
  try {
    return dump(await openXls(bytes, 'x.xls', { limits: LIMITS, valuesOnly }));
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}

/** Both readers on the bytes; `taken`: the direct reader must take the file (not hand it to SheetJS). */
async function expectSame(bytes: Uint8Array, taken: boolean): Promise<void> {
  let stream: Uint8Array | null = null;
  try {
    stream = workbookStream(bytes);
  } catch {
    /* not a compound file: both say so below */
  }
  if (taken) expect(stream && openBiff8(stream, 'x.xls', { limits: LIMITS })).not.toBeNull();
  const viaSheetJs = await outcome(bytes, false);
  const direct = await outcome(bytes, true);
  expect(direct).toEqual(viaSheetJs);
}

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

const isCfb = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

describe('BIFF8 direct reader = SheetJS', () => {
  const samples = files(path.join(ROOT, 'samples'), /\.xls$/i).filter((f) => isCfb(fs.readFileSync(f)));
  test('there are .xls samples to compare', () => expect(samples.length).toBeGreaterThanOrEqual(5));
  test.each(samples.map((f) => [path.relative(ROOT, f), f]))('%s', async (_name, file) => {
    await expectSame(new Uint8Array(fs.readFileSync(file)), true);
  });

  test.each([
    ['LABEL cells', false],
    ['shared strings over CONTINUE records', true],
  ])('generated register, %s', async (_what, bookSST) => {
    const rows = registerSheetRows(generateThon({ year: 2025, persons: 600, seed: 7, thon: 'Thôn 7', minority: 0.5 }), { year: 2025 });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'MauNhapLieu');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Ghi chú'], [1, true, 'ư'.repeat(300)]]), 'Khác');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8', bookSST }) as ArrayBuffer);
    await expectSame(bytes, true);
  });

  test('a stream written record by record: RK, MULRK, formulas, CONTINUE, 1904 dates, a hidden sheet', async () => {
    const bytes = handWritten({});
    await expectSame(bytes, true);
    // What it holds, worked out from the records below: the SheetJS comparison alone would pass on two empty reads.
    const src = await openXls(bytes, 'x.xls', { limits: LIMITS, valuesOnly: true });
    expect(src.sheets.map((s) => [s.name, s.state])).toEqual([['MauNhapLieu', 'visible'], ['Ẩn', 'hidden']]);
    const got: Record<string, unknown> = {};
    src.readRows(src.sheets[0], (r) => {
      for (let k = 0; k < r.length; k++) got[`${r.index}:${r.cols[k]}`] = r.values[k] instanceof Date ? (r.values[k] as Date).toISOString().slice(0, 10) : r.values[k];
    });
    expect(got).toEqual({
      '0:0': 'Xã/phường: Tân Lập',
      '1:0': 2025, // RK integer
      '1:1': 12.34, // RK ×100
      '2:0': 1.5, '2:1': 7, '2:2': -3, // MULRK
      '3:0': 3, // formula, number
      '3:1': 'Bản Cháng', // formula, string (STRING record)
      '3:2': true, // formula, boolean
      '3:3': { error: '#DIV/0!' }, // formula, error
      '4:0': 'ab' + 'Đ'.repeat(3) + 'cd', // shared string over a CONTINUE, 8 then 16 bits
      '4:1': false, '4:2': { error: '#N/A' }, // BOOLERR
      '4:3': 'Lò Thị Ánh', // LABEL, 16 bits
      '5:0': '1904-01-02', // serial 1 in the 1904 system, a date format
    });
  });

  test('streams it does not take go to SheetJS', () => {
    const emptyResult = workbookStream(handWritten({ emptyFormulaString: true }))!;
    expect(openBiff8(emptyResult, 'x.xls', { limits: LIMITS })).toBeNull();
    const codepage = workbookStream(handWritten({ codepage: 1258 }))!;
    expect(openBiff8(codepage, 'x.xls', { limits: LIMITS })).toBeNull();
    const disorder = workbookStream(handWritten({ disorder: true }))!;
    expect(openBiff8(disorder, 'x.xls', { limits: LIMITS })).toBeNull();
  });

  test.each([[{ emptyFormulaString: true }], [{ codepage: 1258 }], [{ disorder: true }]])('handed back, still read as SheetJS reads it: %j', async (o) => {
    await expectSame(handWritten(o), false);
  });

  test('hostile corpus: the same rows or the same refusal', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biff8-hostile-'));
    try {
      await buildHostileCorpus(dir);
      const xls = files(dir, /\.xls$/i).filter((f) => fs.statSync(f).size < 64 << 20);
      expect(xls.length).toBeGreaterThan(0);
      for (const f of xls) await expectSame(new Uint8Array(fs.readFileSync(f)), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/* ------------------------------------------------------------ a BIFF8 stream, record by record */

function rec(type: number, body: number[]): number[] {
  return [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body];
}
const u16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];
const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
const f64 = (v: number) => Array.from(new Uint8Array(new Float64Array([v]).buffer));
const wide = (s: string) => [...s].flatMap((c) => u16(c.charCodeAt(0)));
const narrow = (s: string) => [...s].map((c) => c.charCodeAt(0));
const xlString = (s: string) => (/^[\x00-\xff]*$/.test(s) ? [...u16(s.length), 0, ...narrow(s)] : [...u16(s.length), 1, ...wide(s)]);
const cellHead = (r: number, c: number, xf: number) => [...u16(r), ...u16(c), ...u16(xf)];
/** RK: an integer (×4 + 2), optionally ×100 (+1). */
const rkInt = (v: number, x100 = false) => u32(((x100 ? Math.round(v * 100) : v) << 2) | 2 | (x100 ? 1 : 0));
const bof = (dt: number) => rec(0x0809, [...u16(0x0600), ...u16(dt), ...u16(0x0dbb), ...u16(0x07cc), ...u32(0), ...u32(0x0206)]);

function handWritten(o: { emptyFormulaString?: boolean; codepage?: number; disorder?: boolean }): Uint8Array {
  // XF 0..15 general, 16: general cell, 17: custom date format 164
  const xf = (fmt: number) => rec(0x00e0, [...u16(0), ...u16(fmt), ...u16(0x0001), ...new Array(14).fill(0)]);
  const xfs = [...Array.from({ length: 17 }, () => xf(0)), xf(164)].flat();
  // SST: "Xã/phường: Tân Lập" whole, then "abĐĐĐcd" starting 8-bit and carrying on 16-bit after a CONTINUE.
  const s1 = xlString('Xã/phường: Tân Lập');
  const sstHead = [...u32(2), ...u32(2), ...s1, ...u16(7), 0, ...narrow('ab')];
  const sstCont = [1, ...wide('ĐĐĐcd')];
  const sheetBody = (name: string, cells: number[]) => ({ name, cells });
  const formulaTail = [...u16(0), ...u32(0), ...u16(3), 0x1e, ...u16(1)]; // grbit, chn, cce = 3, PtgInt 1
  const main = sheetBody('MauNhapLieu', [
    ...rec(0x0200, [...u32(0), ...u32(6), ...u16(0), ...u16(4), ...u16(0)]),
    ...rec(0x00fd, [...cellHead(0, 0, 16), ...u32(0)]),
    ...(o.disorder ? rec(0x027e, [...cellHead(1, 1, 16), ...rkInt(12.34, true)]) : []),
    ...rec(0x027e, [...cellHead(1, 0, 16), ...rkInt(2025)]),
    ...(o.disorder ? [] : rec(0x027e, [...cellHead(1, 1, 16), ...rkInt(12.34, true)])),
    ...rec(0x00bd, [...u16(2), ...u16(0), ...u16(16), ...rkFloat(1.5), ...u16(16), ...rkInt(7), ...u16(16), ...rkInt(-3), ...u16(2)]),
    ...rec(0x0006, [...cellHead(3, 0, 16), ...f64(3), ...formulaTail]),
    ...rec(0x0006, [...cellHead(3, 1, 16), 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...formulaTail]),
    ...(o.emptyFormulaString ? rec(0x0207, [...u16(0), 0]) : rec(0x0207, xlString('Bản Cháng'))),
    ...rec(0x0006, [...cellHead(3, 2, 16), 1, 0, 1, 0, 0, 0, 0xff, 0xff, ...formulaTail]),
    ...rec(0x0006, [...cellHead(3, 3, 16), 2, 0, 0x07, 0, 0, 0, 0xff, 0xff, ...formulaTail]),
    ...rec(0x00fd, [...cellHead(4, 0, 16), ...u32(1)]),
    ...rec(0x0205, [...cellHead(4, 1, 16), 0, 0]),
    ...rec(0x0205, [...cellHead(4, 2, 16), 0x2a, 1]),
    ...rec(0x0204, [...cellHead(4, 3, 16), ...xlString('Lò Thị Ánh')]),
    ...rec(0x0203, [...cellHead(5, 0, 17), ...f64(1)]),
    ...rec(0x00e5, [...u16(1), ...u16(0), ...u16(0), ...u16(0), ...u16(3)]),
  ]);
  const hidden = sheetBody('Ẩn', [...rec(0x0200, [...u32(0), ...u32(1), ...u16(0), ...u16(1), ...u16(0)]), ...rec(0x0204, [...cellHead(0, 0, 16), ...xlString('x')])]);
  const sheets = [main, hidden];
  const boundLen = (name: string) => 4 + 8 + (/^[\x00-\xff]*$/.test(name) ? name.length : 2 * name.length);
  const globalsWithout = (positions: number[]) => [
    ...bof(0x0005),
    ...rec(0x0042, u16(o.codepage ?? 1200)),
    ...rec(0x0022, u16(1)),
    ...rec(0x041e, [...u16(164), ...xlString('dd/mm/yyyy')]),
    ...xfs,
    ...sheets.flatMap((s, i) => rec(0x0085, [...u32(positions[i] ?? 0), i === 1 ? 1 : 0, 0, s.name.length, /^[\x00-\xff]*$/.test(s.name) ? 0 : 1, ...(/^[\x00-\xff]*$/.test(s.name) ? narrow(s.name) : wide(s.name))])),
    ...rec(0x00fc, sstHead),
    ...rec(0x003c, sstCont),
    ...rec(0x000a, []),
  ];
  const globalsSize = globalsWithout([]).length;
  expect(sheets.reduce((n, s) => n + boundLen(s.name), 0)).toBeGreaterThan(0);
  const positions: number[] = [];
  let at = globalsSize;
  const streams = sheets.map((s) => {
    positions.push(at);
    const body = [...bof(0x0010), ...s.cells, ...rec(0x000a, [])];
    at += body.length;
    return body;
  });
  const stream = new Uint8Array([...globalsWithout(positions), ...streams.flat()]);
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'Workbook', stream);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
}

/** RK of a float whose low 34 bits of mantissa are zero (1.5 is). */
function rkFloat(v: number): number[] {
  const b = new Uint8Array(new Float64Array([v]).buffer);
  return [b[4] & 0xfc, b[5], b[6], b[7]];
}
