/** `--settings FILE.json`: the same Settings the task pane stores in the workbook (src/core/settings.ts). */
import { promises as fs } from 'node:fs';
import type { Lang } from '../core/findings';
import type { Settings } from '../core/settings';

/** The partial settings in the file, {} without a path, or a message (vi/en) when it cannot be read. */
export async function readSettingsFile(path: string | undefined, lang: Lang): Promise<Partial<Settings> | string> {
  if (!path) return {};
  try {
    const parsed = JSON.parse(await fs.readFile(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Partial<Settings>;
  } catch (e) {
    return lang === 'vi' ? `Không đọc được tệp cài đặt ${path}: ${(e as Error).message}` : `Cannot read settings file ${path}: ${(e as Error).message}`;
  }
}
