/**
 * A minimal, hostile-input-safe zip reader for .xlsx: the central directory is parsed by hand (zip64
 * included), every entry is inflated in small slices with fflate's streaming inflater, and the
 * expanded size is counted as it grows, so a zip bomb is stopped at the limit whatever the headers
 * claim. Host-neutral (Uint8Array only): the command line and the task pane's worker share it.
 *
 * Lenient where Excel is lenient: a declared size that differs from the real one (what JSZip reports
 * as "uncompressed data size mismatch") is not an error; CRCs are not checked. Every failure is an
 * UnreadableFileError with a bilingual reason, never a library message.
 */
import { Inflate } from 'fflate';
import { UnreadableFileError } from './errors';
import { formatNumber } from '../core/format/vn';

/** A single zip entry may not expand beyond this (a 100.000-row sheet is ~15 MB of XML). */
export const MAX_ENTRY_UNCOMPRESSED_BYTES = 300 * 1024 * 1024;
/** All entries together may not expand beyond this. */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 600 * 1024 * 1024;
/** Compression ratios above this on entries larger than MIN_RATIO_CHECK_BYTES look like a zip bomb. */
export const MAX_COMPRESSION_RATIO = 200;
export const MIN_RATIO_CHECK_BYTES = 10 * 1024 * 1024;
/** More entries than this in one archive is refused (an .xlsx with 5.000 sheets has about 10.000). */
export const MAX_ZIP_ENTRIES = 100_000;

/** Compressed bytes handed to the inflater at a time: bounds what one step can expand to (~1.000×). */
const SLICE = 16 * 1024;
/**
 * Entries declared larger than this are streamed in slices even where the host has a native
 * whole-entry inflater: a 244 MB sheet inflated at once (plus the rows read before the cell limit
 * refuses it) peaked at 740 MB; streamed, the refusal stops the inflating (test/slow/huge-sheet).
 */
export const MAX_NATIVE_ENTRY_BYTES = 32 * 1024 * 1024;

export function mb(bytes: number): string {
  return formatNumber(bytes / (1024 * 1024), { decimals: 1, keepTrailingZeros: false });
}

export interface ZipEntry {
  /** Name as stored ("xl/worksheets/sheet1.xml"), backslashes turned into slashes. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u64(view: DataView, at: number): number {
  // Sizes above 2^53 are nonsense for a 50 MB file; they fail the limits below.
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

/**
 * A whole-entry raw inflater a host may provide (Node's zlib is native and needs no warm-up);
 * it must throw when the output would exceed `maxOutput` bytes.
 */
export type InflateRaw = (data: Uint8Array, maxOutput: number) => Uint8Array;

/** Entry names: UTF-8 when flagged, else CP437/Latin-1 (decoders made on first use). */
let decoders: { utf8: TextDecoder; latin1: TextDecoder } | null = null;
function nameDecoder(utf8Flag: boolean): TextDecoder {
  decoders ??= { utf8: new TextDecoder('utf-8'), latin1: new TextDecoder('latin1') };
  return utf8Flag ? decoders.utf8 : decoders.latin1;
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  readonly entries: ZipEntry[] = [];
  private inflatedTotal = 0;

  private constructor(
    readonly file: string,
    private readonly bytes: Uint8Array,
    private readonly inflateRaw?: InflateRaw,
  ) {}

  /** Parses the central directory; throws not_zip / corrupt_zip / zip_bomb (declared sizes). */
  static open(file: string, bytes: Uint8Array, inflateRaw?: InflateRaw): ZipArchive {
    const zip = new ZipArchive(file, bytes, inflateRaw);
    zip.readDirectory();
    return zip;
  }

  private corrupt(): never {
    throw new UnreadableFileError(this.file, 'corrupt_zip');
  }

  private readDirectory(): void {
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // The end-of-central-directory record sits in the last 22 + 65.535 bytes (comment).
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && view.getUint32(i, true) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) this.corrupt();
    let count = view.getUint16(eocd + 10, true);
    let cdSize = view.getUint32(eocd + 12, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) {
      const at = u64(view, eocd - 20 + 8);
      if (at + 56 > b.length || view.getUint32(at, true) !== SIG_EOCD64) this.corrupt();
      count = u64(view, at + 32);
      cdSize = u64(view, at + 40);
      cdOffset = u64(view, at + 48);
    }
    if (cdOffset + cdSize > b.length) this.corrupt();
    if (count > MAX_ZIP_ENTRIES) throw new UnreadableFileError(this.file, 'too_many_parts', { count: formatNumber(count), max: formatNumber(MAX_ZIP_ENTRIES) });
    let p = cdOffset;
    let total = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > b.length || view.getUint32(p, true) !== SIG_CENTRAL) this.corrupt();
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      let uncompressedSize = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen + commentLen > b.length) this.corrupt();
      const rawName = b.subarray(p + 46, nameEnd);
      let name = nameDecoder(!!(flags & 0x800)).decode(rawName).replace(/\\/g, '/').replace(/^\/+/, '');
      // zip64 extra field: the 0xFFFFFFFF fields follow in a fixed order.
      let e = nameEnd;
      while (e + 4 <= nameEnd + extraLen) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + len) (uncompressedSize = u64(view, q)), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (compressedSize = u64(view, q)), (q += 8);
          if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(view, q);
        }
        e += 4 + len;
      }
      p = nameEnd + extraLen + commentLen;
      if (name.endsWith('/')) continue; // a folder
      if (!name) name = `#${k}`;
      const entry: ZipEntry = { name, method, flags, compressedSize, uncompressedSize, localOffset };
      total += uncompressedSize;
      const ratio = compressedSize > 0 ? uncompressedSize / compressedSize : 0;
      if (uncompressedSize > MAX_ENTRY_UNCOMPRESSED_BYTES || total > MAX_TOTAL_UNCOMPRESSED_BYTES || (uncompressedSize > MIN_RATIO_CHECK_BYTES && ratio > MAX_COMPRESSION_RATIO)) {
        throw new UnreadableFileError(this.file, 'zip_bomb', { entry: name, size: mb(uncompressedSize) });
      }
      this.entries.push(entry);
      const key = name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  /** Entry by part name, case-insensitively (OOXML part names are). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The compressed bytes of an entry (after its local header). */
  private dataOf(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length) this.corrupt();
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (view.getUint32(at, true) !== SIG_LOCAL) this.corrupt();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > b.length) this.corrupt();
    return b.subarray(start, end);
  }

  /**
   * Inflates an entry, handing each piece to `onChunk` as it is produced; `onChunk` may throw to stop.
   * The real expanded size is checked as it grows (entry, total and ratio limits).
   */
  stream(name: string | ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    const entry = typeof name === 'string' ? this.entry(name) : name;
    if (!entry) return;
    if (entry.flags & 0x1) throw new UnreadableFileError(this.file, 'encrypted');
    const data = this.dataOf(entry);
    let produced = 0;
    const account = (n: number) => {
      produced += n;
      this.inflatedTotal += n;
      const ratio = data.length > 0 ? produced / data.length : 0;
      if (produced > MAX_ENTRY_UNCOMPRESSED_BYTES || this.inflatedTotal > MAX_TOTAL_UNCOMPRESSED_BYTES || (produced > MIN_RATIO_CHECK_BYTES && ratio > MAX_COMPRESSION_RATIO)) {
        throw new UnreadableFileError(this.file, 'zip_bomb', { entry: entry.name, size: mb(produced) });
      }
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += 1 << 20) {
        const piece = data.subarray(i, Math.min(data.length, i + (1 << 20)));
        account(piece.length);
        onChunk(piece);
      }
      return;
    }
    if (entry.method !== 8) throw new UnreadableFileError(this.file, 'corrupt_zip');
    if (this.inflateRaw && entry.uncompressedSize <= MAX_NATIVE_ENTRY_BYTES) {
      // What the limits allow this entry to expand to; one byte more means a bomb.
      const allowed = Math.min(MAX_ENTRY_UNCOMPRESSED_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES - this.inflatedTotal, Math.max(MIN_RATIO_CHECK_BYTES, data.length * MAX_COMPRESSION_RATIO));
      let out: Uint8Array;
      try {
        out = this.inflateRaw(data, allowed + 1);
      } catch (e) {
        if (e instanceof RangeError || /buffer|length|memory/i.test(e instanceof Error ? e.message : '')) {
          throw new UnreadableFileError(this.file, 'zip_bomb', { entry: entry.name, size: mb(allowed) });
        }
        throw new UnreadableFileError(this.file, 'corrupt_zip');
      }
      if (out.length > allowed) throw new UnreadableFileError(this.file, 'zip_bomb', { entry: entry.name, size: mb(out.length) });
      for (let i = 0; i < out.length; i += 1 << 20) {
        const piece = out.subarray(i, Math.min(out.length, i + (1 << 20)));
        account(piece.length);
        onChunk(piece);
      }
      return;
    }
    let failure: unknown = null;
    const inflater = new Inflate((chunk) => {
      if (failure) return;
      try {
        account(chunk.length);
        onChunk(chunk);
      } catch (e) {
        failure = e;
      }
    });
    try {
      for (let i = 0; i < data.length && !failure; i += SLICE) {
        const end = Math.min(data.length, i + SLICE);
        inflater.push(data.subarray(i, end), end === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (!failure) failure = e instanceof UnreadableFileError ? e : new UnreadableFileError(this.file, 'corrupt_zip');
    }
    if (failure) throw failure;
  }

  /** The whole entry as bytes (for the small parts: workbook, rels, styles). */
  bytesOf(name: string | ZipEntry): Uint8Array | null {
    const entry = typeof name === 'string' ? this.entry(name) : name;
    if (!entry) return null;
    const parts: Uint8Array[] = [];
    let n = 0;
    this.stream(entry, (c) => {
      parts.push(c.slice());
      n += c.length;
    });
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(n);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
