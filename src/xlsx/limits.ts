/**
 * Size limits checked on the zip before ExcelJS builds its object model. ExcelJS holds every cell as
 * an object (about 0,8 KB each, measured: 500.000 cells → 454 MB peak; a 1.000.000-row sheet of five
 * columns → 3,3 GB and 98 s), so a workbook must be refused by counting, not by trying.
 *
 * The counts come from streaming the inflated sheet XML in chunks (bounded memory) and counting
 * <c> and <row> elements: the <dimension> element could lie or be missing. The check stops at the
 * first limit crossed.
 *
 * Limits (documented in README "Giới hạn / Limits"):
 * - MAX_WORKBOOK_CELLS = 1.000.000 non-empty cells over all sheets (a province master of 3.000 schools
 *   with QUY_MO, KET_QUA, DINH_DUONG and DOI_NGU is about 250.000 cells, measured on the bench corpus);
 * - MAX_SHEET_ROWS = 1.048.576 rows per sheet (Excel's own maximum);
 * - MAX_SHARED_STRINGS = 1.000.000 entries in the shared string table.
 * File size, zip-bomb ratio and expanded size are checked by inspectBytes in ./inspect.
 * Host-neutral: the XML is streamed with JSZip's internal stream (no Node streams or Buffer).
 */
import type JSZip from 'jszip';
import { formatNumber } from '../core/format/vn';
import { inspectBytes, UnreadableFileError } from './inspect';

export const MAX_WORKBOOK_CELLS = 1_000_000;
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHARED_STRINGS = 1_000_000;

export interface WorkbookLimits {
  cells: number;
  rows: number;
  sharedStrings: number;
}

export const DEFAULT_LIMITS: WorkbookLimits = { cells: MAX_WORKBOOK_CELLS, rows: MAX_SHEET_ROWS, sharedStrings: MAX_SHARED_STRINGS };

export interface WorkbookCounts {
  cells: number;
  sheets: { name: string; entry: string; cells: number; rows: number }[];
  sharedStrings: number;
}

/** Thrown when a limit is crossed; an UnreadableFileError, so every host reports it like a corrupt file. */
export class WorkbookTooLargeError extends UnreadableFileError {
  constructor(file: string, code: 'too_many_cells' | 'too_many_rows' | 'too_many_strings', params: Record<string, string | number>) {
    // The messages of these codes live in catalog/limits.ts.
    super(file, code, params);
    this.name = 'WorkbookTooLargeError';
  }
}

const LT = 0x3c;
const COLON = 0x3a;

function sameBytes(buf: Uint8Array, from: number, to: number, code: number[]): boolean {
  if (to - from !== code.length) return false;
  for (let k = 0; k < code.length; k++) if (buf[from + k] !== code[k]) return false;
  return true;
}

function isDelimiter(b: number): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

/**
 * Counts start tags by local name (<c …>, <x:c …>) in a stream of XML bytes. A tag split across two
 * chunks is carried over (tag names are short).
 */
class TagCounter {
  private carry: Uint8Array = new Uint8Array(0);
  readonly counts: Record<string, number>;
  private readonly codes: [string, number[]][];
  constructor(names: string[]) {
    this.counts = Object.fromEntries(names.map((n) => [n, 0]));
    this.codes = names.map((n) => [n, Array.from(n, (ch) => ch.charCodeAt(0))]);
  }
  feed(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry.length) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = new Uint8Array(0);
    }
    let i = buf.indexOf(LT);
    while (i !== -1) {
      let j = i + 1;
      while (j < buf.length && j - i < 40 && !isDelimiter(buf[j])) j++;
      if (j >= buf.length) {
        this.carry = buf.slice(i);
        return;
      }
      let start = i + 1;
      for (let k = start; k < j; k++) {
        if (buf[k] === COLON) {
          start = k + 1;
          break;
        }
      }
      for (const [name, code] of this.codes) if (sameBytes(buf, start, j, code)) this.counts[name]++;
      i = buf.indexOf(LT, j);
    }
  }
}

/** JSZip's own stream (StreamHelper): works in browsers and workers, unlike nodeStream. Untyped in jszip's .d.ts. */
interface ZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', fn: (e: Error) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/** Streams one zip entry through a TagCounter; `check` may throw to stop early. */
function countTags(zip: JSZip, entry: string, names: string[], check: (counts: Record<string, number>) => void): Promise<Record<string, number>> {
  const file = zip.file(entry);
  const counter = new TagCounter(names);
  if (!file) return Promise.resolve(counter.counts);
  return new Promise((resolve, reject) => {
    const stream = (file as unknown as { internalStream(type: 'uint8array'): ZipStream }).internalStream('uint8array');
    let failed = false;
    stream
      .on('data', (chunk) => {
        if (failed) return;
        try {
          counter.feed(chunk);
          check(counter.counts);
        } catch (e) {
          // Stop inflating: nothing reads the stream any more.
          failed = true;
          stream.pause();
          reject(e);
        }
      })
      .on('error', (e) => {
        if (!failed) reject(e);
      })
      .on('end', () => {
        if (!failed) resolve(counter.counts);
      })
      .resume();
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m?.[1];
}

/** Worksheet entries in workbook order with their names (entry name when the workbook part is odd). */
async function worksheetEntries(zip: JSZip): Promise<{ name: string; entry: string }[]> {
  const entries = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n));
  const named: { name: string; entry: string }[] = [];
  try {
    const wbXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    const targets = new Map<string, string>();
    for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const rid = /\br:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? attr(m[0], 'id');
      const entry = rid ? targets.get(rid) : undefined;
      if (entry && entries.includes(entry)) named.push({ name: attr(m[0], 'name') ?? entry, entry });
    }
  } catch {
    /* fall back to entry names */
  }
  for (const entry of entries) if (!named.some((n) => n.entry === entry)) named.push({ name: entry.replace(/^.*\//, ''), entry });
  return named;
}

/** Counts cells, rows and shared strings; throws WorkbookTooLargeError at the first limit crossed. */
export async function checkWorkbookLimits(file: string, zip: JSZip, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<WorkbookCounts> {
  const counts: WorkbookCounts = { cells: 0, sheets: [], sharedStrings: 0 };
  const ss = await countTags(zip, 'xl/sharedStrings.xml', ['si'], (c) => {
    if (c.si > limits.sharedStrings) throw new WorkbookTooLargeError(file, 'too_many_strings', { count: formatNumber(c.si), max: formatNumber(limits.sharedStrings) });
  });
  counts.sharedStrings = ss.si;
  for (const { name, entry } of await worksheetEntries(zip)) {
    const before = counts.cells;
    const c = await countTags(zip, entry, ['c', 'row'], (c) => {
      if (c.row > limits.rows) throw new WorkbookTooLargeError(file, 'too_many_rows', { sheet: name, max: formatNumber(limits.rows) });
      if (before + c.c > limits.cells) throw new WorkbookTooLargeError(file, 'too_many_cells', { sheet: name, count: formatNumber(before + c.c), max: formatNumber(limits.cells) });
    });
    counts.cells += c.c;
    counts.sheets.push({ name, entry, cells: c.c, rows: c.row });
  }
  return counts;
}

/** inspectBytes (size, .xls, encryption, zip bomb) then the cell/row/string limits, on the raw bytes. */
export async function checkFileLimits(file: string, bytes: Uint8Array, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<WorkbookCounts> {
  return checkWorkbookLimits(file, await inspectBytes(file, bytes), limits);
}
