/**
 * `--settings FILE.json`: the same Settings the task pane stores in the workbook (src/core/settings.ts),
 * checked key by key before use: a wrong type or an out-of-range number is refused with a message
 * naming the key ("rateDecimals" must be a whole number from 0 to 10), in both languages.
 */
import type { Lang } from '../core/findings';
import { msg, t } from '../core/i18n';
import type { Settings } from '../core/settings';
import { validateSettings } from '../core/settings';
import { readFileBytes, UnreadableFileError } from './xlsx';

/** The partial settings in the file, {} without a path, or a message (both languages) when it cannot be used. */
export async function readSettingsFile(path: string | undefined, lang: Lang): Promise<Partial<Settings> | string> {
  if (!path) return {};
  const both = (m: { vi: string; en: string }) => (lang === 'vi' ? `${m.vi}\n${m.en}` : `${m.en}\n${m.vi}`);
  let parsed: unknown;
  try {
    const bytes = await readFileBytes(path);
    parsed = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    const reason = e instanceof UnreadableFileError ? e.reason : msg('settings.not_json');
    return both({ vi: t('settings.cannot_read', 'vi', { file: path, reason: reason.vi }), en: t('settings.cannot_read', 'en', { file: path, reason: reason.en }) });
  }
  const p = validateSettings(parsed, msg);
  if (p) {
    if (!p.key) return both({ vi: t('settings.cannot_read', 'vi', { file: path, reason: p.problem.vi }), en: t('settings.cannot_read', 'en', { file: path, reason: p.problem.en }) });
    return both({ vi: t('settings.bad_key', 'vi', { file: path, key: p.key, problem: p.problem.vi }), en: t('settings.bad_key', 'en', { file: path, key: p.key, problem: p.problem.en }) });
  }
  return parsed as Partial<Settings>;
}
