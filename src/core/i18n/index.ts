/**
 * The one vi/en message catalogue. Vietnamese first. Each area keeps its messages in its own
 * part file (catalog/*.ts); every finding a user can see (id, severity, both texts) is in
 * catalog/findings.ts, so adding a rule touches one place; this module merges them.
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
import { FINDINGS } from './catalog/findings';
import { ui } from './catalog/ui';
import { limits } from './catalog/limits';
import { pcgd } from './catalog/pcgd';
import { register } from './catalog/register';
import { files } from './catalog/files';

export type Catalog = Record<string, Bilingual>;

/** The findings' messages, by message key (an id's entries are its message keys). */
const findingMessages: Catalog = {};
for (const messages of Object.values(FINDINGS) as Record<string, Bilingual>[]) {
  for (const [key, text] of Object.entries(messages)) findingMessages[key] = { vi: text.vi, en: text.en };
}

const parts: Catalog[] = [common, indicators, report, crosscheck, sheets, findingMessages, ui, limits, pcgd, register, files];

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

/** Message parameters; a Bilingual value fills each language with its own text. */
export type MessageParams = Record<string, string | number | Bilingual>;

/** Fill both languages of a text; Bilingual parameters give each language its own words. */
export function fillBoth(text: Bilingual, params: MessageParams = {}): Bilingual {
  const vi: Record<string, string | number> = {};
  const en: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'object' && v !== null) {
      vi[k] = v.vi;
      en[k] = v.en;
    } else vi[k] = en[k] = v;
  }
  return { vi: fill(text.vi, vi), en: fill(text.en, en) };
}

/** Both languages of a message, placeholders filled. */
export function msg(key: string, params: MessageParams = {}): Bilingual {
  const entry = CATALOG[key];
  if (!entry) throw new Error(`Unknown message key: ${key}`);
  return fillBoth(entry, params);
}

/** One language of a message. */
export function t(key: string, lang: Lang = 'vi', params: Record<string, string | number> = {}): string {
  return msg(key, params)[lang];
}
