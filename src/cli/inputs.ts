/**
 * Paths given on the command line → the files to read: a folder stands for the workbooks in it (and
 * in its sub-folders, a few levels deep), in name order; Office's lock files ("~$…") and hidden files
 * are skipped. A path that does not exist is kept, so that reading it says so.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const WORKBOOK = /\.(xlsx|xlsm|xls|htm|html|xml)$/i;

export async function expandPaths(paths: string[], depth = 4): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, d: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const p = path.join(dir, e.name);
      if (e.isFile() && WORKBOOK.test(e.name)) out.push(p);
    }
    if (d < depth) for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await walk(path.join(dir, e.name), d + 1);
  };
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) await walk(p, 0);
    else out.push(p);
  }
  return out;
}
