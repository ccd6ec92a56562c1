/**
 * Paths given on the command line → the files to read, one walk for `check`, `report` and
 * `crosscheck`: a folder stands for the workbooks in it and in its sub-folders (Explorer order,
 * Office's lock files "~$…" and hidden files skipped): .xlsx, .xlsm, .xls and the .htm/.html/.xml
 * exports of web systems. Symbolic links to files and folders are followed (shared drives link
 * sub-folders), each real folder once: a link loop ends there and is named as skipped, like a link to
 * nothing and an unreadable folder. Each real file is listed once. A path that does not exist, and a
 * folder holding no workbook, are kept in their place so that reading them says so (never a silent
 * nothing).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Bilingual } from '../core/findings';
import { msg } from '../core/i18n';

const WORKBOOK = /\.(xlsx|xlsm|xls|htm|html|xml)$/i;

export interface InputFile {
  path: string;
  /** Name used in findings: the base name, or the path inside the folder given (schools often all send "BaoCao.xlsx"). */
  name: string;
}

export interface ExpandedInputs {
  /** The workbooks found, in argument order, each real file once. */
  files: InputFile[];
  /** Arguments that are neither a file nor a folder. */
  missing: string[];
  /** Folders given that hold no workbook. */
  empty: string[];
  /** Entries inside the folders that were not followed (a broken link, a link loop, an unreadable folder), with why. */
  skipped: { path: string; reason: Bilingual }[];
  /** Everything in argument order: the files, and the missing paths and empty folders in their place. */
  paths: string[];
}

/** Explorer order: "BaoCao.xlsx" before "BaoCao (2).xlsx", "t2" before "t10". */
function byName(a: { name: string }, b: { name: string }): number {
  const stem = (n: string) => n.slice(0, n.length - path.extname(n).length);
  return stem(a.name).localeCompare(stem(b.name), 'vi', { numeric: true }) || a.name.localeCompare(b.name, 'vi');
}

/** Expands files and folders; `exclude` removes e.g. the cross-check's master when it sits in the same folder. */
export async function expandInputs(args: string[], exclude: string[] = []): Promise<ExpandedInputs> {
  const skip = new Set<string>();
  for (const p of exclude) {
    skip.add(path.resolve(p));
    const real = await fs.realpath(p).catch(() => null);
    if (real) skip.add(real);
  }
  const seen = new Set<string>();
  const walked = new Set<string>();
  const out: ExpandedInputs = { files: [], missing: [], empty: [], skipped: [], paths: [] };
  /** `real`: the file's real path when known already (a plain file in a folder whose real path is known). */
  const add = async (p: string, name: string, real?: string) => {
    const abs = path.resolve(p);
    real ??= (await fs.realpath(p).catch(() => null)) ?? abs;
    if (skip.has(abs) || skip.has(real) || seen.has(real)) return;
    seen.add(real);
    out.files.push({ path: p, name });
    out.paths.push(p);
  };
  const walk = async (root: string, dir: string) => {
    const real = await fs.realpath(dir).catch(() => null);
    if (!real) return;
    if (walked.has(real)) {
      out.skipped.push({ path: dir, reason: msg('walk.skipped_loop', { path: dir }) });
      return;
    }
    walked.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      out.skipped.push({ path: dir, reason: msg('walk.skipped_unreadable', { path: dir }) });
      return;
    }
    entries.sort(byName);
    for (const e of entries) {
      if (e.name.startsWith('~$') || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await fs.stat(p).catch(() => null);
        if (!target) {
          out.skipped.push({ path: p, reason: msg('walk.skipped_link', { path: p }) });
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) await walk(root, p);
      // A plain file (not a link) is where its folder really is: no system call per file (thousands of submissions).
      else if (isFile && WORKBOOK.test(e.name)) await add(p, path.relative(root, p).split(path.sep).join('/'), e.isSymbolicLink() ? undefined : path.join(real, e.name));
    }
  };
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => null);
    if (!stat) {
      out.missing.push(arg);
      out.paths.push(arg);
    } else if (stat.isDirectory()) {
      const before = out.files.length;
      await walk(arg, arg);
      if (out.files.length === before) {
        out.empty.push(arg);
        out.paths.push(arg);
      }
    } else await add(arg, path.basename(arg));
  }
  return out;
}

/** The paths to read for `check` and `report` (see expandInputs; `skipped` is for the caller to say). */
export async function expandPaths(args: string[]): Promise<string[]> {
  return (await expandInputs(args)).paths;
}
