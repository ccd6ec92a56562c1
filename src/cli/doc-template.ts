/**
 * An office's own Word template (.docx or .dotx) whose frame replaces ours (`report --mau-van-ban
 * FILE`): its text carries {{placeholders}} (TEMPLATE_PLACEHOLDERS in src/render/docx.ts) that the
 * report fills; {{noi_dung}} takes the body and must be there, or the report would lose its content.
 * The file is read once, checked before anything is written, and never written to.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Lang } from '../core/findings';
import { t } from '../core/i18n';
import { TEMPLATE_PLACEHOLDERS } from '../render/docx';

/** Word templates are small; anything larger is not one. */
const MAX_BYTES = 20 * 1024 * 1024;

export interface DocTemplate {
  file: string;
  bytes: Uint8Array;
  /** Placeholders the template carries, and those it leaves out (their content is not printed). */
  present: string[];
  missing: string[];
}

/** The text Word shows, paragraph by paragraph: a placeholder typed in Word may be split over runs. */
function paragraphTexts(xml: string): string[] {
  return xml.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** Reads and checks a template; a string is the bilingual-catalogue message to print (exit 2). */
export async function loadDocTemplate(file: string, lang: Lang): Promise<DocTemplate | string> {
  const name = path.basename(file);
  const st = await fs.stat(file).catch(() => null);
  if (!st?.isFile()) return t('report.cli.template_missing_file', lang, { file });
  if (st.size > MAX_BYTES) return t('report.cli.template_not_word', lang, { file: name });
  let bytes: Uint8Array;
  let xml: string;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
    const parts = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === '[Content_Types].xml' });
    if (!parts['word/document.xml'] || !parts['[Content_Types].xml']) return t('report.cli.template_not_word', lang, { file: name });
    xml = strFromU8(parts['word/document.xml']);
  } catch {
    return t('report.cli.template_not_word', lang, { file: name });
  }
  const text = paragraphTexts(xml).join('\n');
  const keys = Object.keys(TEMPLATE_PLACEHOLDERS);
  const present = keys.filter((k) => text.includes(`{{${k}}}`));
  if (!present.includes('noi_dung')) return t('report.cli.template_no_body', lang, { file: name });
  return { file, bytes, present, missing: keys.filter((k) => !present.includes(k)) };
}
