/**
 * An office's own Word template (.docx or .dotx) whose frame replaces ours (`report --mau-van-ban
 * FILE`): its text carries {{placeholders}} (TEMPLATE_PLACEHOLDERS in src/render/docx.ts) that the
 * report fills; {{noi_dung}} takes the body and must be there, or the report would lose its content.
 * The file is read once, checked (inspectTemplate, shared with the task pane) before anything is
 * written, and never written to.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../core/findings';
import { t } from '../core/i18n';
import { inspectTemplate } from '../render/docx';

/** Word templates are small; anything larger is not one. */
const MAX_BYTES = 20 * 1024 * 1024;

export interface DocTemplate {
  file: string;
  bytes: Uint8Array;
  /** Placeholders the template carries, and those it leaves out (their content is not printed). */
  present: string[];
  missing: string[];
}

/** Reads and checks a template; a string is the catalogue message to print (exit 2). */
export async function loadDocTemplate(file: string, lang: Lang): Promise<DocTemplate | string> {
  const name = path.basename(file);
  const st = await fs.stat(file).catch(() => null);
  if (!st?.isFile()) return t('report.cli.template_missing_file', lang, { file });
  if (st.size > MAX_BYTES) return t('report.cli.template_not_word', lang, { file: name });
  const bytes = new Uint8Array(await fs.readFile(file));
  const r = inspectTemplate(bytes);
  if (!r.ok) return t(r.reason === 'no_body' ? 'report.cli.template_no_body' : 'report.cli.template_not_word', lang, { file: name });
  return { file, bytes, present: r.present, missing: r.missing };
}
