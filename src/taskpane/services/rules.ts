/** Adapter to the rules engine (src/core/rules). */
import type { Finding } from '../../core/findings';
import type { Settings } from '../../core/settings';
import type { ParsedWorkbook } from '../../core/sheets/types';
import { validateWorkbook } from '../../core/rules';

export function validate(parsed: ParsedWorkbook, settings: Settings): Finding[] {
  return validateWorkbook(parsed, { settings });
}
