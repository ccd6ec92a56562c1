/** Why a file could not be read, in Vietnamese and English (messages: xlsx.<code> in the catalogue). No parser imported here. */
import type { Bilingual } from '../core/findings';
import { msg } from '../core/i18n';

export type UnreadableCode =
  | 'missing'
  | 'not_a_file'
  | 'empty'
  | 'too_large'
  | 'xls'
  | 'encrypted'
  | 'not_zip'
  | 'corrupt_zip'
  | 'zip_bomb'
  | 'not_xlsx'
  | 'corrupt_xlsx'
  | 'too_many_cells'
  | 'too_many_rows'
  | 'too_many_strings';

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
