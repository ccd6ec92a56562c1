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
  const findings: Finding[] = [];
  const files = input.files.filter((f) => f.isRegister);
  // The commune's year: the year most of its persons were surveyed in.
  const weight = new Map<number, number>();
  for (const f of files) if (f.year !== null) weight.set(f.year, (weight.get(f.year) ?? 0) + f.persons.n + 1);
  let year: number | null = null;
  for (const [y, w] of weight) if (year === null || w > weight.get(year)! || (w === weight.get(year)! && y > year)) year = y;

  let excluded = 0;
  const used: RegisterFileResult[] = [];
  for (const f of files) {
    excluded += f.excluded;
    if (f.year === null) continue;
    if (f.year !== year) {
      findings.push(
        finding('dk_nam_dieu_tra_khac', 'register.dk_nam_dieu_tra_khac', { file: baseName(f.file), year: f.year, commune: input.name, expected: year ?? '–', n: f.persons.n }, {
          file: f.file, ...(f.sheet ? { sheet: f.sheet } : {}), cells: ['A2'], expected: year, actual: f.year,
        }),
      );
      excluded += f.persons.n;
      continue;
    }
    used.push(f);
  }

  // Duplicates: same folded name and date of birth anywhere in the commune (counted once).
  const counts = emptyCounts();
  const thonNames = new Set<string>();
  let persons = 0;
  let duplicates = 0;
  for (const { file: f, keep } of countedPersons(used, (f, i, first) => {
    duplicates++;
    if (duplicates > 200) return;
    const p = f.persons;
    const cell = f.nameColumn ? `${f.nameColumn}${p.row[i] + 1}` : `A${p.row[i] + 1}`;
    findings.push(
      finding('dk_trung_nguoi', 'register.dk_trung_nguoi', { file: baseName(f.file), row: p.row[i] + 1, first_file: baseName(first.file.file), first_row: first.row + 1 }, {
        file: f.file, ...(f.sheet ? { sheet: f.sheet } : {}), cells: [cell],
        detail: { row: p.row[i] + 1, first: { file: first.file.file, row: first.row + 1 } },
      }),
    );
  })) {
    for (let i = 0; i < keep.length; i++) persons += keep[i];
    addPacked(counts, f.persons, (i) => keep[i] === 1);
    for (const t of f.thon) thonNames.add(t);
  }
  if (duplicates > 200) {
    findings.push(finding('dk_con_nua', 'register.dk_con_nua', { what: 'dk_trung_nguoi', n: duplicates - 200, file: input.name }, { cells: [] }));
  }

  const keys = [foldText(input.name), ...(input.code ? [foldText(input.code)] : [])];
  let isDbkk = false;
  let dbkkSource: CommuneRegister['dbkkSource'] = 'default';
  if (dbkk && keys.some((k) => dbkk.dbkk.has(k) || dbkk.dbkk.has(stripPrefix(k)))) {
    isDbkk = true;
    dbkkSource = dbkk.source;
  } else if (dbkk?.known && keys.some((k) => dbkk.known!.has(k) || dbkk.known!.has(stripPrefix(k)))) {
    dbkkSource = 'list';
  }

  return {
    name: input.name, code: input.code ?? null, nameSource: input.nameSource, dbkk: isDbkk, dbkkSource, year,
    files: files.map((f) => f.file), thon: [...thonNames], counts,
    records: recordsOf(counts, settings, xmcUpperAge),
    persons, excluded, duplicates, findings,
  };
}

/**
 * The persons a commune counts in each of its files of the survey year: everyone with a name and
 * date of birth seen first (a later copy anywhere in the commune is reported to onDuplicate).
 */
export function countedPersons(
  used: RegisterFileResult[],
  onDuplicate?: (file: RegisterFileResult, i: number, first: { file: RegisterFileResult; row: number }) => void,
): { file: RegisterFileResult; keep: Uint8Array }[] {
  const seen = new Map<number, { file: RegisterFileResult; row: number }>();
  return used.map((f) => {
    const p = f.persons;
    const keep = new Uint8Array(p.n);
    for (let i = 0; i < p.n; i++) {
      const k = p.key[i];
      if (k !== 0) {
        const first = seen.get(k);
        if (first) {
          onDuplicate?.(f, i, first);
          continue;
        }
        seen.set(k, { file: f, row: p.row[i] });
      }
      keep[i] = 1;
    }
    return { file: f, keep };
  });
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
