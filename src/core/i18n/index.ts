/**
 * The one vi/en message catalogue. Vietnamese first. Each area keeps its messages in its own
 * part file (catalog/*.ts) so that adding a rule touches one place; this module merges them.
 *
 * Message text uses {name} placeholders, filled by `t()`. Numbers passed in params should already
 * be formatted with src/core/format/vn (the catalogue never formats numbers itself).
 */
import type { Bilingual, Lang } from '../findings';
import { common } from './catalog/common';
import { indicators } from './catalog/indicators';
import { report } from './catalog/report';
import { crosscheck } from './catalog/crosscheck';
import { sheets } from './catalog/sheets';
import { rules } from './catalog/rules';
import { ui } from './catalog/ui';
import { limits } from './catalog/limits';

export type Catalog = Record<string, Bilingual>;

const parts: Catalog[] = [common, indicators, report, crosscheck, sheets, rules, ui, limits];

export const CATALOG: Catalog = Object.assign({}, ...parts);

/** Register a catalogue part (used by area modules that load lazily). Duplicate keys are a bug. */
export function registerMessages(part: Catalog): void {
  for (const key of Object.keys(part)) {
    if (key in CATALOG && CATALOG[key].vi !== part[key].vi) {
      throw new Error(`Message key registered twice with different text: ${key}`);
    }
    CATALOG[key] = part[key];
  }
}

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Both languages of a message, placeholders filled. */
export function msg(key: string, params: Record<string, string | number> = {}): Bilingual {
  const entry = CATALOG[key];
  if (!entry) throw new Error(`Unknown message key: ${key}`);
  return { vi: fill(entry.vi, params), en: fill(entry.en, params) };
}

/** One language of a message. */
export function t(key: string, lang: Lang = 'vi', params: Record<string, string | number> = {}): string {
  return msg(key, params)[lang];
}
