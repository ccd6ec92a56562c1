/**
 * One commune from its thôn files: one survey year (files of another year are left out with a
 * finding), duplicates across the files counted once, persons with an error finding left out, then
 * the counts, the §4 records and the commune's ĐBKK status with where it came from.
 */
import { finding } from '../findings';
import type { Finding } from '../findings';
import { foldText } from '../sheets/normalize';
import { addPacked, AgeCounts, CommuneRecords, emptyCounts, recordsOf } from './aggregate';
import type { RegisterFileResult } from './file';
import type { RegisterSettings } from './settings';

export interface CommuneInput {
  name: string;
  code?: string | null;
  /** Where the name came from: a title cell, the folder, --xa, or the file. */
  nameSource: 'title' | 'folder' | 'option' | 'file';
  files: RegisterFileResult[];
}

export interface DbkkLookup {
  /** Folded names and codes of the ĐBKK communes (settings or a commune list). */
  dbkk: Set<string>;
  /** Communes known to the list (to say "not ĐBKK per the list" rather than "not in the list"). */
  known?: Set<string>;
  source: 'settings' | 'list';
  /** A commune list beside the settings: asked when the settings do not name the commune. */
  list?: CommuneList;
}

/** A commune list (danh sách xã): every commune it names, and those marked ĐBKK. Folded names and codes. */
export interface CommuneList {
  dbkk: Set<string>;
  known: Set<string>;
}

const DBKK_NO = new Set(['', '0', 'khong', 'k', 'no', 'false', 'sai']);
const HEADER_FIRST = new Set(['ten', 'ten xa', 'ten xa phuong', 'ten don vi', 'ma', 'ma xa', 'ma don vi', 'stt', 'tt', 'xa', 'xa phuong', 'don vi']);

/**
 * A commune list as text (CSV, tab- or semicolon-separated, one commune a line): its name or code
 * (or both: "Mã xã; Tên xã"), then a ĐBKK mark ("x", "có", "1", "ĐBKK"; blank, "0" or "không" = not
 * ĐBKK). A list of one column names the ĐBKK communes. A header line ("Tên xã; ĐBKK") and a leading
 * STT column are skipped.
 */
export function parseCommuneList(text: string): CommuneList & { communes: number } {
  const dbkk = new Set<string>();
  const known = new Set<string>();
  let communes = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const folded = line.split(/[,;\t]/).map((c) => foldText(c.trim().replace(/^"(.*)"$/, '$1')));
    if (!folded.some((f) => f !== '') || HEADER_FIRST.has(folded[0])) continue;
    const names = (folded.length > 1 ? folded.slice(0, -1) : folded).filter((f) => f !== '' && !/^\d{1,3}$/.test(f));
    if (!names.length) continue;
    const isDbkk = folded.length === 1 || !DBKK_NO.has(folded[folded.length - 1]);
    communes++;
    for (const n of names) {
      for (const k of [n, stripPrefix(n)]) {
        known.add(k);
        if (isDbkk) dbkk.add(k);
      }
    }
  }
  return { dbkk, known, communes };
}

export interface CommuneRegister {
  name: string;
  code: string | null;
  nameSource: CommuneInput['nameSource'];
  dbkk: boolean;
  /** 'settings' / 'list': found there; 'default': not listed anywhere, so not ĐBKK. */
  dbkkSource: 'settings' | 'list' | 'default';
  year: number | null;
  files: string[];
  thon: string[];
  counts: AgeCounts;
  records: CommuneRecords;
  /** Persons counted, left out (error findings or a file of another year), duplicates counted once. */
  persons: number;
  excluded: number;
  duplicates: number;
  findings: Finding[];
}

export function buildCommune(
  input: CommuneInput,
  settings: RegisterSettings,
  xmcUpperAge: number,
  dbkk?: DbkkLookup,
): CommuneRegister {
  const b = new CommuneBuilder(input, settings, xmcUpperAge, dbkk);
  for (const f of input.files) b.add(f);
  return b.finish();
}

/** Persons of one survey year in a commune: counts, the duplicate keys seen, the files behind them. */
interface YearPart {
  counts: AgeCounts;
  /** Person key → file ordinal (in `files`) × 2^21 + 0-based row of its first sighting. */
  seen: Map<number, number>;
  files: string[];
  thon: Set<string>;
  persons: number;
  duplicates: number;
  findings: Finding[];
}

const ROW_SPAN = 2 ** 21; // rows per sheet ≤ 1.048.576 < 2^21

/**
 * A commune built file by file, in the files' order: each file's persons are counted and dropped as
 * it arrives (only the duplicate keys stay), so a province is never held in memory. Files of each
 * survey year are counted apart; `finish` keeps the year most persons were surveyed in and leaves
 * the other years' files out with a finding, exactly as reading all files first would.
 */
export class CommuneBuilder {
  private readonly parts = new Map<number, YearPart>();
  private readonly weight = new Map<number, number>();
  /** Register files in order, with what a year finding needs. */
  private readonly registerFiles: { file: string; sheet: string | null; year: number | null; n: number }[] = [];
  private excludedInFiles = 0;
  code: string | null;

  constructor(
    private readonly input: Omit<CommuneInput, 'files'>,
    private readonly settings: RegisterSettings,
    private readonly xmcUpperAge: number,
    private readonly dbkk?: DbkkLookup,
  ) {
    this.code = input.code ?? null;
  }

  /** Has a register file been added? */
  get hasRegister(): boolean {
    return this.registerFiles.length > 0;
  }

  /** Counts one file; its packed persons are not kept. */
  add(f: RegisterFileResult): void {
    if (!f.isRegister) return;
    this.registerFiles.push({ file: f.file, sheet: f.sheet, year: f.year, n: f.persons.n });
    this.excludedInFiles += f.excluded;
    if (f.year === null) return;
    this.weight.set(f.year, (this.weight.get(f.year) ?? 0) + f.persons.n + 1);
    let part = this.parts.get(f.year);
    if (!part) {
      part = { counts: emptyCounts(), seen: new Map(), files: [], thon: new Set(), persons: 0, duplicates: 0, findings: [] };
      this.parts.set(f.year, part);
    }
    // Duplicates: same folded name and date of birth anywhere in the commune (counted once).
    const ordinal = part.files.length;
    part.files.push(f.file);
    const p = f.persons;
    const yearPart = part;
    const keep = firstSightings(part.seen, ordinal, p, (i, first) => {
      yearPart.duplicates++;
      if (yearPart.duplicates > 200) return;
      const firstFile = yearPart.files[Math.floor(first / ROW_SPAN)];
      const firstRow = first % ROW_SPAN;
      const cell = f.nameColumn ? `${f.nameColumn}${p.row[i] + 1}` : `A${p.row[i] + 1}`;
      yearPart.findings.push(
        finding('dk_trung_nguoi', 'register.dk_trung_nguoi', { file: baseName(f.file), row: p.row[i] + 1, first_file: baseName(firstFile), first_row: firstRow + 1 }, {
          file: f.file, ...(f.sheet ? { sheet: f.sheet } : {}), cells: [cell],
          detail: { row: p.row[i] + 1, first: { file: firstFile, row: firstRow + 1 } },
        }),
      );
    });
    for (let i = 0; i < keep.length; i++) part.persons += keep[i];
    addPacked(part.counts, p, (i) => keep[i] === 1);
    for (const t of f.thon) part.thon.add(t);
  }

  finish(): CommuneRegister {
    const input = this.input;
    // The commune's year: the year most of its persons were surveyed in.
    let year: number | null = null;
    for (const [y, w] of this.weight) if (year === null || w > this.weight.get(year)! || (w === this.weight.get(year)! && y > year)) year = y;
    const findings: Finding[] = [];
    let excluded = this.excludedInFiles;
    for (const f of this.registerFiles) {
      if (f.year === null || f.year === year) continue;
      findings.push(
        finding('dk_nam_dieu_tra_khac', 'register.dk_nam_dieu_tra_khac', { file: baseName(f.file), year: f.year, commune: input.name, expected: year ?? '–', n: f.n }, {
          file: f.file, ...(f.sheet ? { sheet: f.sheet } : {}), cells: ['A2'], expected: year, actual: f.year,
        }),
      );
      excluded += f.n;
    }
    const part = year === null ? undefined : this.parts.get(year);
    const counts = part?.counts ?? emptyCounts();
    const duplicates = part?.duplicates ?? 0;
    if (part) findings.push(...part.findings);
    if (duplicates > 200) {
      findings.push(finding('dk_con_nua', 'register.dk_con_nua', { what: 'dk_trung_nguoi', n: duplicates - 200, file: input.name }, { cells: [] }));
    }

    const keys = [foldText(input.name), ...(this.code ? [foldText(this.code)] : [])];
    const dbkk = this.dbkk;
    let isDbkk = false;
    let dbkkSource: CommuneRegister['dbkkSource'] = 'default';
    const inSet = (set: Set<string> | undefined) => !!set && keys.some((k) => set.has(k) || set.has(stripPrefix(k)));
    if (dbkk && inSet(dbkk.dbkk)) {
      isDbkk = true;
      dbkkSource = dbkk.source;
    } else if (inSet(dbkk?.list?.dbkk)) {
      isDbkk = true;
      dbkkSource = 'list';
    } else if (inSet(dbkk?.known) || inSet(dbkk?.list?.known)) {
      dbkkSource = 'list';
    }
    this.parts.clear();

    return {
      name: input.name, code: this.code, nameSource: input.nameSource, dbkk: isDbkk, dbkkSource, year,
      files: this.registerFiles.map((f) => f.file), thon: [...(part?.thon ?? [])], counts,
      records: recordsOf(counts, this.settings, this.xmcUpperAge),
      persons: part?.persons ?? 0, excluded, duplicates, findings,
    };
  }
}

/**
 * Marks the persons of one file seen first in the commune (1 in the result): a person with a name
 * and date of birth already in `seen` is reported to onDuplicate with where it was first seen
 * (file ordinal × ROW_SPAN + row); `seen` learns the new ones.
 */
function firstSightings(seen: Map<number, number>, ordinal: number, p: RegisterFileResult['persons'], onDuplicate?: (i: number, first: number) => void): Uint8Array {
  const keep = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const k = p.key[i];
    if (k !== 0) {
      const first = seen.get(k);
      if (first !== undefined) {
        onDuplicate?.(i, first);
        continue;
      }
      seen.set(k, ordinal * ROW_SPAN + p.row[i]);
    }
    keep[i] = 1;
  }
  return keep;
}

/**
 * The persons a commune counts in each of its files of the survey year: everyone with a name and
 * date of birth seen first (a later copy anywhere in the commune is reported to onDuplicate).
 */
export function countedPersons(
  used: RegisterFileResult[],
  onDuplicate?: (file: RegisterFileResult, i: number, first: { file: RegisterFileResult; row: number }) => void,
): { file: RegisterFileResult; keep: Uint8Array }[] {
  const seen = new Map<number, number>();
  return used.map((f, ordinal) => ({
    file: f,
    keep: firstSightings(seen, ordinal, f.persons, onDuplicate && ((i, first) => onDuplicate(f, i, { file: used[Math.floor(first / ROW_SPAN)], row: first % ROW_SPAN }))),
  }));
}

/** The register files a commune counts: register sheets of its survey year. */
export function filesOfYear(files: RegisterFileResult[], year: number | null): RegisterFileResult[] {
  return files.filter((f) => f.isRegister && f.year !== null && f.year === year);
}

/** "xa tan lap" → "tan lap": lists write the name with or without "xã"/"phường". */
export function stripPrefix(folded: string): string {
  return folded.replace(/^(xa|phuong|thi tran)\s+/, '');
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
