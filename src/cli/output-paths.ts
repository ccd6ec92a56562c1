/**
 * Outputs never touch inputs. Before any command writes, each output path is resolved against every
 * input (the files read, the files inside the folders read, the settings file): the same path, the
 * same file reached through a symlink or a hard link (same device and inode), or a symlink at the
 * output path pointing at an input. Such an output gets the next free name ("bao-cao-2024-2025
 * (2).xlsx") and the command says so in both languages. Write failures (a file where a folder is
 * needed, no permission, a full disk) become a bilingual message naming the path, never EEXIST.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Bilingual } from '../core/findings';
import { msg } from '../core/i18n';

export interface InputIdentity {
  /** As given (for messages). */
  path: string;
  /** Canonical absolute path (symlinks resolved), when the file exists. */
  real: string | null;
  dev: number;
  ino: number;
}

/** Identities of input files (folders are expanded by the caller). Missing inputs keep their path. */
export async function inputIdentities(paths: string[]): Promise<InputIdentity[]> {
  const out: InputIdentity[] = [];
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    const real = await fs.realpath(p).catch(() => null);
    out.push({ path: p, real: real ?? path.resolve(p), dev: st?.dev ?? -1, ino: st?.ino ?? -1 });
  }
  return out;
}

/** The input an output path would overwrite, if any. */
export async function clashingInput(output: string, inputs: InputIdentity[]): Promise<InputIdentity | null> {
  const abs = path.resolve(output);
  // The folder may be reached through a symlink: compare canonical paths.
  const dirReal = await fs.realpath(path.dirname(abs)).catch(() => path.dirname(abs));
  const canonical = path.join(dirReal, path.basename(abs));
  const st = await fs.stat(abs).catch(() => null);
  const linkTarget = await fs.realpath(abs).catch(() => null);
  for (const inp of inputs) {
    if (inp.real && (inp.real === canonical || inp.real === linkTarget)) return inp;
    if (st && inp.ino >= 0 && st.dev === inp.dev && st.ino === inp.ino) return inp;
  }
  return null;
}

/** "name.xlsx" → "name (2).xlsx", "name (3).xlsx" … */
function numbered(p: string, k: number): string {
  const ext = path.extname(p);
  return `${p.slice(0, p.length - ext.length)} (${k})${ext}`;
}

export interface SafeOutput {
  path: string;
  /** Set when the requested path was an input: what it was, for the note. */
  clash?: { requested: string; input: string };
}

/**
 * The requested output path, or the first free numbered name when it would overwrite an input
 * (a free name clashes with no input and does not exist yet).
 */
export async function safeOutputPath(requested: string, inputs: InputIdentity[]): Promise<SafeOutput> {
  const clash = await clashingInput(requested, inputs);
  if (!clash) return { path: requested };
  for (let k = 2; k < 1000; k++) {
    const candidate = numbered(requested, k);
    const exists = await fs.lstat(candidate).then(
      () => true,
      () => false,
    );
    if (!exists && !(await clashingInput(candidate, inputs))) return { path: candidate, clash: { requested, input: clash.path } };
  }
  throw new OutputError(requested, 'output.clash_no_name', {});
}

/** The note a command prints when it wrote beside an input instead of over it. */
export function clashNote(out: SafeOutput): Bilingual | null {
  return out.clash ? msg('output.renamed', { requested: out.clash.requested, input: out.clash.input, written: out.path }) : null;
}

/** A write that failed, with its reason in both languages. */
export class OutputError extends Error {
  readonly reason: Bilingual;
  constructor(
    readonly target: string,
    key: string,
    params: Record<string, string>,
  ) {
    const reason = msg(key, { path: target, ...params });
    super(`${reason.vi} / ${reason.en}`);
    this.name = 'OutputError';
    this.reason = reason;
  }
}

/** Maps a system error of a write to its bilingual message (never the bare EEXIST/EACCES). */
export function outputErrorOf(target: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return new OutputError(target, 'output.not_a_folder', {});
    case 'EISDIR':
      return new OutputError(target, 'output.is_a_folder', {});
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new OutputError(target, 'output.no_permission', {});
    case 'ENOSPC':
    case 'EDQUOT':
      return new OutputError(target, 'output.disk_full', {});
    case 'ENAMETOOLONG':
    case 'EINVAL':
      return new OutputError(target, 'output.bad_name', {});
    default:
      return new OutputError(target, 'output.failed', {});
  }
}

/** Creates a folder for outputs; a bilingual OutputError when it cannot. */
export async function ensureFolder(dir: string): Promise<void> {
  const st = await fs.stat(dir).catch(() => null);
  if (st && !st.isDirectory()) throw new OutputError(dir, 'output.not_a_folder', {});
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw outputErrorOf(dir, e);
  }
}

/** Writes one output file; a bilingual OutputError when it cannot (the folder must exist). */
export async function writeOutput(file: string, data: Uint8Array | string): Promise<void> {
  const st = await fs.stat(file).catch(() => null);
  if (st?.isDirectory()) throw new OutputError(file, 'output.is_a_folder', {});
  if (st && !st.isFile()) throw new OutputError(file, 'output.special', {});
  try {
    await fs.writeFile(file, data);
  } catch (e) {
    throw outputErrorOf(file, e);
  }
}
