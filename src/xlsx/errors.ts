/** Why a file could not be read, in Vietnamese and English (messages: xlsx.<code> in the catalogue). No parser imported here. */
import type { Bilingual } from '../core/findings';
import { msg } from '../core/i18n';

export type UnreadableCode =
  | 'missing'
  | 'not_a_file'
  | 'special_file'
  | 'no_access'
  | 'empty'
  | 'too_large'
  | 'xls'
  | 'encrypted'
  | 'not_zip'
  | 'corrupt_zip'
  | 'zip_bomb'
  | 'not_xlsx'
  | 'corrupt_xlsx'
  | 'corrupt_xls'
  | 'bad_xml'
  | 'outside_grid'
  | 'no_sheets'
  | 'text_file'
  | 'html_not_table'
  | 'unknown_format'
  | 'too_many_parts'
  | 'too_many_cells'
  | 'too_many_rows'
  | 'too_many_strings'
  | 'too_many_sheets'
  | 'too_many_merges'
  | 'too_spread'
  | 'too_many_cells_total'
  | 'too_many_merges_total';

export class UnreadableFileError extends Error {
  readonly reason: Bilingual;
  constructor(
    readonly file: string,
    readonly code: UnreadableCode,
    params: Record<string, string | number> = {},
  ) {
    const reason = msg(`xlsx.${code}`, params);
    super(`${file}: ${reason.vi} / ${reason.en}`);
    this.name = 'UnreadableFileError';
    this.reason = reason;
  }
}

/** Thrown when a limit is crossed; an UnreadableFileError, so every host reports it like a corrupt file. */
export class WorkbookTooLargeError extends UnreadableFileError {
  constructor(file: string, code: 'too_many_cells' | 'too_many_rows' | 'too_many_strings' | 'too_many_sheets' | 'too_many_merges' | 'too_spread' | 'too_many_cells_total' | 'too_many_merges_total', params: Record<string, string | number>) {
    // The messages of these codes live in catalog/limits.ts.
    super(file, code, params);
    this.name = 'WorkbookTooLargeError';
  }
}
