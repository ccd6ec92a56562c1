/**
 * Household registers from files and folders for the command line: which files form which commune
 * (a folder = one commune unless a title cell names it; --xa for loose files), reading them on both
 * cores (worker threads, one file at a time each, results as typed arrays moved back), and each file is
 * counted into its commune as it arrives, in the input order.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';
import type { Finding } from '../core/findings';
import { finding } from '../core/findings';
import { CommuneBuilder, CommuneList, CommuneRegister, DbkkLookup, parseCommuneList, stripPrefix } from '../core/register/commune';
import type { RegisterFileResult } from '../core/register/file';
import { DEFAULT_REGISTER_SETTINGS, RegisterSettings } from '../core/register/settings';
import type { Settings } from '../core/settings';
import { foldText } from '../core/sheets/normalize';
import { t } from '../core/i18n';
import { hasRegisterSheet, notARegister, readRegisterBytes, readRegisterIfAny } from '../xlsx/registerSource';
import { yearIn } from '../core/register/file';
import type { Lang } from '../core/findings';
import type { ParsedArgs } from './args';
import { readSettingsFile } from './settings-file';
import { UnreadableFileError } from '../xlsx/inspect';
import { nodeInflateRaw } from './xlsx';
import { formsAgainstRegisters } from '../core/pcgdForms';
import type { FormReading } from '../core/pcgdForms';

const EXT = /\.(xlsx|xls|xlsm)$/i;

export interface RegisterTask {
  file: string;
  /** Commune the file belongs to (folder name or --xa), before title cells are read. */
  commune: string;
  nameSource: 'folder' | 'option' | 'file';
}

export interface RegisterReadOptions {
  settings: Partial<Settings>;
  /** --year */
  year?: number;
  /** --xa: one commune for loose files. */
  xa?: string;
  /** School codes (--truong). */
  schoolList?: string[];
  /** Worker processes (default: the number of cores, at most 2 per the machine; 1 = in this process). */
  workers?: number;
}

/** Files under the given paths, grouped into communes: a folder's own files form one commune. */
export async function registerTasks(paths: string[], xa?: string): Promise<RegisterTask[]> {
  const out: RegisterTask[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      if (e.isFile() && EXT.test(e.name)) out.push({ file: p, commune: xa ?? path.basename(dir), nameSource: xa ? 'option' : 'folder' });
    }
    if (depth < 4) for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await walk(path.join(dir, e.name), depth + 1);
  };
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) await walk(p, 0);
    else out.push(fileTask(p, xa, !!st));
  }
  return out;
}

/** The task of one file path given as such: its folder's commune (or --xa). */
function fileTask(p: string, xa: string | undefined, exists: boolean): RegisterTask {
  return { file: p, commune: xa ?? path.basename(path.dirname(path.resolve(p))), nameSource: xa ? 'option' : exists ? 'folder' : 'file' };
}

export function registerSettings(settings: Partial<Settings>): RegisterSettings & { thcsHocTiep: 'da-hoac-dang' | 'dang' } {
  return { ...DEFAULT_REGISTER_SETTINGS, ...(settings.register ?? {}), thcsHocTiep: settings.thcsHocTiep ?? 'da-hoac-dang' };
}

/** One file, in this process. Unreadable files come back as a result holding an error finding. */
export async function readRegisterFile(file: string, opts: { settings: Partial<Settings>; year?: number; schoolList?: string[]; assumeRegister?: boolean }): Promise<RegisterFileResult> {
  const base = path.basename(file);
  const fileOpts = {
    file, baseName: base, settings: registerSettings(opts.settings), year: opts.year,
    schoolList: opts.schoolList ? new Set(opts.schoolList) : undefined,
  };
  try {
    const st = await fs.stat(file).catch(() => null);
    if (!st) throw new UnreadableFileError(file, 'missing');
    if (!st.isFile()) throw new UnreadableFileError(file, 'not_a_file');
    const bytes = new Uint8Array(await fs.readFile(file));
    return await readRegisterBytes(bytes, { ...fileOpts, assumeRegister: opts.assumeRegister, inflateRaw: nodeInflateRaw });
  } catch (e) {
    const res = notARegister(fileOpts);
    const reason = e instanceof UnreadableFileError ? e.reason : { vi: String((e as Error)?.message ?? e), en: String((e as Error)?.message ?? e) };
    res.findings = [finding('khong_doc_duoc_tep', 'file.cannot_read', { file: base, reason }, { file, cells: [], actual: e instanceof UnreadableFileError ? e.code : null })];
    (res as RegisterFileResult & { unreadable?: boolean }).unreadable = true;
    return res;
  }
}

/**
 * One file, in this process, when it is a household register (a register sheet inside, what
 * isRegisterFile tells); null for any other file, unreadable ones too (the caller decides about
 * those). The file is read and opened once for both.
 */
export async function readRegisterCandidate(file: string, opts: { settings: Partial<Settings>; year?: number; schoolList?: string[] }): Promise<RegisterFileResult | null> {
  if (!EXT.test(file)) return null;
  const st = await fs.stat(file).catch(() => null);
  if (!st?.isFile()) return null;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch {
    return null;
  }
  const fileOpts = {
    file, baseName: path.basename(file), settings: registerSettings(opts.settings), year: opts.year,
    schoolList: opts.schoolList ? new Set(opts.schoolList) : undefined, inflateRaw: nodeInflateRaw,
  };
  try {
    return await readRegisterIfAny(bytes, fileOpts);
  } catch {
    // A register sheet that cannot be read: its reader's finding, as readRegisterFile gives it.
    return readRegisterFile(file, { ...opts, assumeRegister: true });
  }
}

/** The bundle this code runs from (lib/baocao-gd.cjs): worker threads load it. Not under jest/ts. */
function bundlePath(): string | null {
  const f = typeof __filename === 'string' ? __filename : '';
  return f.endsWith('.cjs') && existsSync(f) ? f : null;
}

/** The typed arrays of a result, handed over to the main thread without a copy. */
function transferables(r: RegisterFileResult): ArrayBuffer[] {
  const p = r.persons;
  return [p.age, p.flags, p.level, p.thon, p.row, p.key].map((a) => a.buffer as ArrayBuffer).filter((b, i, all) => b.byteLength > 0 && all.indexOf(b) === i);
}

/**
 * Reads every file, one at a time per worker thread (both cores), and hands each result to
 * `onResult` in the input order (a result that arrives early waits for the ones before it: at most
 * one per worker). Nothing of a file is kept here once `onResult` returns.
 * `classify`: each file is read only when it is a register (readRegisterCandidate), its result null
 * otherwise; `onArrival` hears of each file as soon as it is read, before the files ahead of it.
 */
export async function forEachRegisterFile(
  tasks: RegisterTask[],
  opts: RegisterReadOptions & { workerScript?: string; classify?: boolean; onArrival?: (result: RegisterFileResult | null, index: number) => void },
  onResult: (result: RegisterFileResult | null, index: number) => void,
): Promise<{ inWorkers: number }> {
  const wanted = opts.workers ?? Math.min(2, os.cpus().length);
  const script = opts.workerScript ?? bundlePath();
  const payload = { settings: opts.settings, year: opts.year, schoolList: opts.schoolList, assumeRegister: true, classify: !!opts.classify };
  const readHere = (file: string) => (payload.classify ? readRegisterCandidate(file, payload) : readRegisterFile(file, payload));
  if (wanted <= 1 || !script || tasks.length < 2) {
    for (let i = 0; i < tasks.length; i++) {
      const r = await readHere(tasks[i].file);
      opts.onArrival?.(r, i);
      onResult(r, i);
    }
    return { inWorkers: 0 };
  }
  let inWorkers = 0;
  const ready = new Map<number, RegisterFileResult | null>();
  let delivered = 0;
  const deliver = (i: number, r: RegisterFileResult | null) => {
    opts.onArrival?.(r, i);
    ready.set(i, r);
    while (ready.has(delivered)) {
      const res = ready.get(delivered)!;
      ready.delete(delivered);
      onResult(res, delivered++);
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(wanted, tasks.length) }, async () => {
      let worker: Worker | null = new Worker(`require(${JSON.stringify(script)}).main(['__register-worker'])`, {
        eval: true,
        stdout: true, // nothing a worker prints may reach the command's output (--json)
        // Parsing allocates many short-lived objects: a larger young generation collects them in fewer passes.
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      });
      worker.on('error', () => undefined);
      worker.stdout.resume();
      const run = (w: Worker, i: number) =>
        new Promise<{ result: RegisterFileResult | null } | null>((resolve) => {
          const onMsg = (m: { i: number; result: RegisterFileResult | null }) => {
            if (m.i !== i) return;
            done();
            resolve({ result: m.result });
          };
          const onExit = () => {
            done();
            resolve(null);
          };
          const done = () => {
            w.off('message', onMsg);
            w.off('exit', onExit);
          };
          w.on('message', onMsg);
          w.once('exit', onExit);
          w.postMessage({ i, file: tasks[i].file, ...payload });
        });
      while (next < tasks.length) {
        const i = next++;
        const got = worker ? await run(worker, i) : null;
        let r: RegisterFileResult | null;
        if (got) {
          inWorkers++;
          r = got.result;
        } else {
          // A worker that dies (out of memory on a hostile file) costs that file only: read it here.
          worker = null;
          r = await readHere(tasks[i].file);
        }
        deliver(i, r);
      }
      if (worker) await worker.terminate();
    }),
  );
  return { inWorkers };
}

/** Body of a worker thread: read the files it is sent, send back the results (typed arrays moved, not copied). */
export async function registerWorkerMain(): Promise<number> {
  const port = parentPort;
  if (!port) return 2;
  return new Promise((resolve) => {
    port.on('message', async (m: { i: number; file: string; settings: Partial<Settings>; year?: number; schoolList?: string[]; assumeRegister?: boolean; classify?: boolean }) => {
      const result = m.classify ? await readRegisterCandidate(m.file, m) : await readRegisterFile(m.file, m);
      port.postMessage({ i: m.i, result }, result ? transferables(result) : []);
    });
    port.on('close', () => resolve(0));
  });
}

export function dbkkLookup(settings: Partial<Settings>, extra?: string[], list?: CommuneList): DbkkLookup | undefined {
  const names = [...(settings.dbkkXa ?? []), ...(extra ?? [])];
  if (!names.length) return list ? { dbkk: list.dbkk, known: list.known, source: 'list' } : undefined;
  const set = new Set<string>();
  for (const n of names) {
    const k = foldText(n);
    set.add(k);
    set.add(stripPrefix(k));
  }
  return { dbkk: set, source: 'settings', ...(list ? { list } : {}) };
}

export interface RegisterRun {
  files: RegisterFileResult[];
  communes: CommuneRegister[];
  /** File findings (reader, persons) and commune findings (year, duplicates). */
  findings: Finding[];
  unreadable: string[];
  /** Files read by worker threads (the rest in this thread). */
  readInWorkers: number;
}

type RunOptions = RegisterReadOptions & { dbkk?: string[]; communeList?: CommuneList; workerScript?: string; keepPersons?: boolean };

/**
 * Files → communes, each file counted into its commune as it is added (in the input order, so
 * duplicates and findings are those of a sequential read); a file's persons are dropped once counted
 * unless `keepPersons`. A title cell "Xã/phường: …" may join files of several folders.
 */
function registerCollector(opts: RunOptions) {
  const rs = registerSettings(opts.settings);
  const dbkk = dbkkLookup(opts.settings, opts.dbkk, opts.communeList);
  const xmcUpperAge = opts.settings.xmcUpperAge ?? 60;
  const groups = new Map<string, CommuneBuilder>();
  const files: RegisterFileResult[] = [];
  const fileFindings: Finding[] = [];
  const unreadable: string[] = [];
  return {
    add(f: RegisterFileResult, t: RegisterTask): void {
      const title = t.nameSource !== 'option' && f.communeTitle ? f.communeTitle : null;
      const name = title ?? t.commune;
      const key = stripPrefix(foldText(name));
      let g = groups.get(key);
      if (!g) {
        g = new CommuneBuilder({ name, code: null, nameSource: title ? 'title' : t.nameSource }, rs, xmcUpperAge, dbkk);
        groups.set(key, g);
      }
      if (f.communeCode && !g.code) g.code = f.communeCode;
      g.add(f);
      fileFindings.push(...f.findings);
      if ((f as RegisterFileResult & { unreadable?: boolean }).unreadable) unreadable.push(f.file);
      // Kept: what the file was (its name, sheet, year, counts of rows); its persons only when asked
      // (forms compared with the register name the rows behind a figure).
      files.push({ ...f, persons: opts.keepPersons ? f.persons : EMPTY_PERSONS, findings: [] });
    },
    finish(inWorkers: number): RegisterRun {
      const communes: CommuneRegister[] = [];
      for (const g of groups.values()) if (g.hasRegister) communes.push(g.finish());
      const findings = [...fileFindings, ...communes.flatMap((c) => c.findings)];
      return { files, communes, findings, unreadable, readInWorkers: inWorkers };
    },
  };
}

/**
 * Paths → communes: the files are read on both cores and each is counted into its commune as it
 * arrives (in the input order, so duplicates and findings are those of a sequential read); a file's
 * persons are dropped once counted unless `keepPersons`. A title cell "Xã/phường: …" may join files of several folders.
 */
export async function runRegisters(paths: string[], opts: RunOptions): Promise<RegisterRun> {
  const tasks = await registerTasks(paths, opts.xa);
  const collector = registerCollector(opts);
  const { inWorkers } = await forEachRegisterFile(tasks, opts, (f, i) => collector.add(f!, tasks[i]));
  return collector.finish(inWorkers);
}

/**
 * splitRegisters and runRegisters of its registers in one pass over the files: the worker threads
 * tell each file's kind as they open it, so the files are read once and both cores work from the
 * start (no reading of every file on this thread first). The same split and the same run: a file
 * that cannot be read at all is a register when its folder holds one, and is counted in its place.
 * Persons are kept (the caller drops them when no form needs them). `run` is null without registers.
 */
export async function splitAndRunRegisters(paths: string[], readable: (p: string) => Promise<boolean>, opts: RunOptions): Promise<{ registers: string[]; others: string[]; run: RegisterRun | null }> {
  const tasks: RegisterTask[] = [];
  for (const p of paths) tasks.push(fileTask(p, opts.xa, !!(await fs.stat(p).catch(() => null))));
  const folderOf = tasks.map((t) => path.dirname(path.resolve(t.file)));
  // Per folder: files not read yet, and whether one of them is a register (known as files arrive, in any order).
  const pending = new Map<string, number>();
  for (const f of folderOf) pending.set(f, (pending.get(f) ?? 0) + 1);
  const hasRegister = new Set<string>();
  const waiting = new Map<string, () => void>();
  const known = (folder: string) => hasRegister.has(folder) || pending.get(folder) === 0;
  const onArrival = (r: RegisterFileResult | null, i: number) => {
    const folder = folderOf[i];
    pending.set(folder, pending.get(folder)! - 1);
    if (r) hasRegister.add(folder);
    if (known(folder)) waiting.get(folder)?.();
  };
  const collector = registerCollector({ ...opts, keepPersons: true });
  const isRegister: boolean[] = new Array(tasks.length).fill(false);
  let count = 0;
  // Results are taken in the input order; one whose kind waits on its folder holds the ones after it.
  let queue: Promise<void> = Promise.resolve();
  const take = (r: RegisterFileResult | null, i: number) => {
    queue = queue.then(async () => {
      if (!r) {
        const folder = folderOf[i];
        if (!known(folder)) await new Promise<void>((resolve) => waiting.set(folder, resolve));
        if (!hasRegister.has(folder) || (await readable(tasks[i].file))) return;
      }
      isRegister[i] = true;
      if (r) {
        count++;
        collector.add(r, tasks[i]);
        return;
      }
      // Read here as runRegisters reads it (a folder given as such is walked).
      for (const t of await registerTasks([tasks[i].file], opts.xa)) {
        count++;
        collector.add(await readRegisterFile(t.file, { ...opts, assumeRegister: true }), t);
      }
    });
  };
  const { inWorkers } = await forEachRegisterFile(tasks, { ...opts, classify: true, onArrival }, take);
  await queue;
  const registers = paths.filter((_, i) => isRegister[i]);
  const others = paths.filter((_, i) => !isRegister[i]);
  return { registers, others, run: count ? collector.finish(inWorkers) : null };
}

const EMPTY_PERSONS: RegisterFileResult['persons'] = { n: 0, age: new Int16Array(0), flags: new Int32Array(0), level: new Int8Array(0), thon: new Int16Array(0), row: new Int32Array(0), key: new Float64Array(0) };

/** The PCGD forms of the communes whose registers were read, against those registers (findings at the forms' cells). */
export function formsAgainstRun(readings: FormReading[], reg: RegisterRun, settings: Partial<Settings>): Finding[] {
  const registers = reg.communes.map((c) => ({ register: c, files: reg.files.filter((f) => c.files.includes(f.file)) }));
  return formsAgainstRegisters(readings, registers, registerSettings(settings), settings.xmcUpperAge ?? 60);
}

/** Is this file a household register (a register sheet inside, whatever its extension)? */
export async function isRegisterFile(p: string): Promise<boolean> {
  const st = await fs.stat(p).catch(() => null);
  if (!st?.isFile() || !EXT.test(p)) return false;
  try {
    return await hasRegisterSheet(new Uint8Array(await fs.readFile(p)), nodeInflateRaw);
  } catch {
    return false;
  }
}

/**
 * Paths split into household registers and other inputs, by content. A file that cannot be read at
 * all beside register files of its folder is taken as part of that register (its reader says why).
 */
export async function splitRegisters(paths: string[], readable: (p: string) => Promise<boolean>): Promise<{ registers: string[]; others: string[] }> {
  const registers: string[] = [];
  const others: string[] = [];
  for (const p of paths) (await isRegisterFile(p) ? registers : others).push(p);
  const folders = new Set(registers.map((p) => path.dirname(path.resolve(p))));
  const rest: string[] = [];
  for (const p of others) {
    if (folders.has(path.dirname(path.resolve(p))) && !(await readable(p))) registers.push(p);
    else rest.push(p);
  }
  const order = new Map(paths.map((p, i) => [p, i]));
  registers.sort((a, b) => order.get(a)! - order.get(b)!);
  return { registers, others: rest };
}

export interface RegisterCliOptions {
  settings: Partial<Settings>;
  year?: number;
  xa?: string;
  dbkk?: string[];
  /** --ds-xa: the commune list (ĐBKK marks). */
  communeList?: CommuneList;
  schoolList?: string[];
  workers?: number;
}

/** Common flags of the register commands; a string is a message to print (exit 2). */
export async function registerOptions(args: ParsedArgs, lang: Lang): Promise<RegisterCliOptions | string> {
  const settings = await readSettingsFile(typeof args.flags.settings === 'string' ? args.flags.settings : undefined, lang);
  if (typeof settings === 'string') return settings;
  const year = typeof args.flags.year === 'string' ? yearIn(args.flags.year) ?? undefined : undefined;
  const dbkk = typeof args.flags.dbkk === 'string' ? args.flags.dbkk.split(/[,;]/).map((s) => s.trim()).filter(Boolean) : undefined;
  let schoolList: string[] | undefined;
  if (typeof args.flags.truong === 'string') {
    try {
      const text = await fs.readFile(args.flags.truong, 'utf8');
      schoolList = text.split(/[\r\n,;\t]+/).map((s) => s.trim()).filter((s) => s && !/^m[ãa]\s*tr/i.test(s));
    } catch (e) {
      return t('register.cli.school_list_unreadable', lang, { file: args.flags.truong, reason: (e as Error).message });
    }
  }
  let communeList: CommuneList | undefined;
  if (typeof args.flags['ds-xa'] === 'string') {
    try {
      communeList = parseCommuneList(await fs.readFile(args.flags['ds-xa'], 'utf8'));
    } catch (e) {
      return t('register.cli.commune_list_unreadable', lang, { file: args.flags['ds-xa'], reason: (e as Error).message });
    }
    if (!communeList.known.size) return t('register.cli.commune_list_empty', lang, { file: args.flags['ds-xa'] });
  }
  const workers = typeof args.flags.workers === 'string' ? Number(args.flags.workers) || undefined : undefined;
  return { settings, year, xa: typeof args.flags.xa === 'string' ? args.flags.xa : undefined, dbkk, communeList, schoolList, workers };
}
