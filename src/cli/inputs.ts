/**
 * Paths given on the command line → the files to read: a folder stands for the workbooks in it (and
 * in its sub-folders, a few levels deep), in name order; Office's lock files ("~$…") and hidden files
 * are skipped. Symbolic links to files and folders are followed (shared drives link sub-folders), each
 * real folder once, so a link loop ends. A path that does not exist, and a folder holding no workbook,
 * are kept as given, so that reading them says so (never a silent nothing).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const WORKBOOK = /\.(xlsx|xlsm|xls|htm|html|xml)$/i;

export async function expandPaths(paths: string[], depth = 4): Promise<string[]> {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = async (dir: string, d: number): Promise<void> => {
    const real = await fs.realpath(dir).catch(() => null);
    if (!real || walked.has(real)) return;
    walked.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const dirs: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const p = path.join(dir, e.name);
      let isFile = e.isFile();
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        const target = await fs.stat(p).catch(() => null);
        isFile = !!target?.isFile();
        isDir = !!target?.isDirectory();
      }
      if (isFile && WORKBOOK.test(e.name)) out.push(p);
      else if (isDir) dirs.push(p);
    }
    if (d < depth) for (const p of dirs) await walk(p, d + 1);
  };
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) {
      const before = out.length;
      await walk(p, 0);
      if (out.length === before) out.push(p);
    } else out.push(p);
  }
  return out;
}
