/**
 * A small pull scanner over XML text fed in chunks (SAX-style), for the parts of an .xlsx. It keeps no
 * tree and no element stack, so nesting depth costs nothing; it expands only the five predefined
 * entities and character references (never a DOCTYPE's own entities: no billion laughs). A construct
 * larger than MAX_TOKEN characters (a tag, or a text the handler asked for) stops the scan.
 */
import { UnreadableFileError } from './errors';

/** Longest tag or wanted text kept while waiting for its end (Excel's longest cell text is 32.767). */
export const MAX_TOKEN = 8 * 1024 * 1024;

export interface XmlHandler {
  /** A start tag (also called for an empty element, with selfClosing = true). `name` has no prefix. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities expanded; only called while `wantText` is true. */
  text(text: string): void;
  wantText: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Expands &lt; &gt; &amp; &quot; &apos; &#NN; &#xHH; (unknown entities are kept as written). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return ENTITIES[e] ?? m;
  });
}

/** _xHHHH_ escapes that Excel writes for control characters in cell text. */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The value of attribute `name` (exact, prefix included when given) in a tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  let i = 0;
  const n = attrs.length;
  while (i < n) {
    // Skip whitespace.
    let c = attrs.charCodeAt(i);
    while (i < n && (c === 32 || c === 9 || c === 10 || c === 13)) c = attrs.charCodeAt(++i);
    if (i >= n) return undefined;
    const start = i;
    while (i < n) {
      c = attrs.charCodeAt(i);
      if (c === 61 /* = */ || c === 32 || c === 9 || c === 10 || c === 13 || c === 47 /* / */) break;
      i++;
    }
    const key = attrs.slice(start, i);
    while (i < n && attrs.charCodeAt(i) !== 61) {
      const d = attrs.charCodeAt(i);
      if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
      i++;
    }
    if (attrs.charCodeAt(i) !== 61) {
      if (i === start) i++; // a stray character: skip it
      continue;
    }
    i++;
    while (i < n && (attrs.charCodeAt(i) === 32 || attrs.charCodeAt(i) === 9 || attrs.charCodeAt(i) === 10 || attrs.charCodeAt(i) === 13)) i++;
    const q = attrs.charCodeAt(i);
    let value: string;
    if (q === 34 || q === 39) {
      const end = attrs.indexOf(q === 34 ? '"' : "'", i + 1);
      const stop = end < 0 ? n : end;
      value = attrs.slice(i + 1, stop);
      i = stop + 1;
    } else {
      const s = i;
      while (i < n && attrs.charCodeAt(i) > 32) i++;
      value = attrs.slice(s, i);
    }
    if (key === name) return value.indexOf('&') < 0 ? value : decodeEntities(value);
  }
  return undefined;
}

/** Local name of a tag name ("x:c" → "c"). */
function localName(tag: string): string {
  const k = tag.indexOf(':');
  return k < 0 ? tag : tag.slice(k + 1);
}

export class XmlScanner {
  private buf = '';
  private pos = 0;
  private readonly decoder: TextDecoder;
  private first = true;

  constructor(
    private readonly handler: XmlHandler,
    private readonly file: string,
  ) {
    this.decoder = new TextDecoder('utf-8');
  }

  private decoderFor: TextDecoder | null = null;

  /** Feeds raw bytes (UTF-8, or UTF-16 when the part starts with a byte-order mark). */
  feedBytes(chunk: Uint8Array, last = false): void {
    if (this.first) {
      this.first = false;
      if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        this.decoderFor = new TextDecoder(chunk[0] === 0xff ? 'utf-16le' : 'utf-16be');
      }
    }
    const dec = this.decoderFor ?? this.decoder;
    this.feed(dec.decode(chunk, { stream: !last }));
  }

  private corrupt(what: string): never {
    throw new UnreadableFileError(this.file, 'bad_xml', { what });
  }

  /** Feeds decoded text. */
  feed(text: string): void {
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos) + text;
      this.pos = 0;
    } else this.buf += text;
    this.run();
    if (this.buf.length - this.pos > MAX_TOKEN) this.corrupt('token');
  }

  /** End of input: whatever is left unfinished is ignored (a truncated part reads as far as it goes). */
  end(): void {
    const rest = this.buf.slice(this.pos);
    if (rest && this.handler.wantText) {
      const lt = rest.indexOf('<');
      this.handler.text(decodeEntities(lt < 0 ? rest : rest.slice(0, lt)));
    }
    this.buf = '';
    this.pos = 0;
  }

  private run(): void {
    const h = this.handler;
    const buf = this.buf;
    const n = buf.length;
    let pos = this.pos;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end: only keep it when the handler wants it (it may continue in the next chunk).
        if (!h.wantText) pos = n;
        break;
      }
      if (lt > pos && h.wantText) {
        const raw = buf.slice(pos, lt);
        h.text(raw.indexOf('&') < 0 ? raw : decodeEntities(raw));
      }
      pos = lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 !== c1) break; // '<' is the last character: wait
      if (c1 === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const e = buf.indexOf('-->', lt + 4);
          if (e < 0) break;
          pos = e + 3;
          continue;
        }
        if (buf.startsWith('<![CDATA[', lt)) {
          const e = buf.indexOf(']]>', lt + 9);
          if (e < 0) break;
          if (h.wantText) h.text(buf.slice(lt + 9, e));
          pos = e + 3;
          continue;
        }
        if (lt + 9 > n) break;
        // <!DOCTYPE …> with an optional [internal subset]: skipped whole, never expanded.
        const br = buf.indexOf('[', lt);
        const gt = buf.indexOf('>', lt);
        if (gt < 0) break;
        if (br >= 0 && br < gt) {
          const e = buf.indexOf(']', br);
          if (e < 0) break;
          const g2 = buf.indexOf('>', e);
          if (g2 < 0) break;
          pos = g2 + 1;
        } else pos = gt + 1;
        continue;
      }
      if (c1 === 63 /* ? */) {
        const e = buf.indexOf('?>', lt + 2);
        if (e < 0) break;
        pos = e + 2;
        continue;
      }
      // A tag: find its '>' outside quotes.
      let gt = buf.indexOf('>', lt + 1);
      if (gt < 0) break;
      let quoted = false;
      for (let i = lt + 1; i < gt; i++) {
        const c = buf.charCodeAt(i);
        if (c === 34 || c === 39) {
          quoted = true;
          break;
        }
      }
      if (quoted) {
        gt = -1;
        let i = lt + 1;
        while (i < n) {
          const c = buf.charCodeAt(i);
          if (c === 34 || c === 39) {
            const e = buf.indexOf(c === 34 ? '"' : "'", i + 1);
            if (e < 0) break;
            i = e + 1;
            continue;
          }
          if (c === 62) {
            gt = i;
            break;
          }
          i++;
        }
        if (gt < 0) break;
      }
      if (c1 === 47 /* / */) {
        let e = gt;
        while (e > lt + 2 && buf.charCodeAt(e - 1) <= 32) e--;
        h.close(localName(buf.slice(lt + 2, e)));
      } else {
        let self = buf.charCodeAt(gt - 1) === 47;
        const end = self ? gt - 1 : gt;
        let s = lt + 1;
        while (s < end) {
          const c = buf.charCodeAt(s);
          if (c === 32 || c === 9 || c === 10 || c === 13) break;
          s++;
        }
        const name = localName(buf.slice(lt + 1, s));
        if (name === '') self = false;
        h.open(name, s < end ? buf.slice(s, end) : '', self);
        if (self) h.close(name);
      }
      pos = gt + 1;
    }
    this.pos = pos;
  }
}

/** Scans a whole small part given as bytes. */
export function scanXml(bytes: Uint8Array, file: string, handler: XmlHandler): void {
  const s = new XmlScanner(handler, file);
  s.feedBytes(bytes, true);
  s.end();
}
