/** Tiny argument parser: positionals plus --flag / --flag value / --flag=value (repeatable). */
import type { Lang } from '../core/findings';
import { t } from '../core/i18n';
import { schoolYearText } from '../core/parse';

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
  /** All values of repeatable options (e.g. several --previous). */
  multi: Record<string, string[]>;
}

/** Options that take a value; every other --x is a boolean flag. */
const VALUE_OPTIONS = new Set(['out', 'master', 'previous', 'lang', 'year', 'hierarchy', 'decimals', 'scope', 'settings', 'port', 'xa', 'dbkk', 'ds-xa', 'truong', 'workers', 'unit', 'mau-van-ban']);
/** Options after which every following non-flag word is a value too (--previous a.xlsx b.xlsx). */
const LIST_OPTIONS = new Set(['previous']);

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: {}, multi: {} };
  let listing: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      listing = null;
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let value: string | boolean = true;
      if (eq > 0) value = a.slice(eq + 1);
      else if (VALUE_OPTIONS.has(name) && i + 1 < argv.length) value = argv[++i];
      out.flags[name] = value;
      if (typeof value === 'string') (out.multi[name] ??= []).push(value);
      if (LIST_OPTIONS.has(name)) listing = name;
      continue;
    }
    if (listing) out.multi[listing].push(a);
    else out.positionals.push(a);
  }
  return out;
}

/** --year read by the one school-year parser ("2023 - 2024", "NH 2023-2024", 2023 → "2023-2024"); the message when unreadable. */
export function yearFlag(args: ParsedArgs, lang: Lang): { year?: string } | { error: string } {
  const raw = args.flags.year;
  if (typeof raw !== 'string') return {};
  const year = schoolYearText(raw);
  return year ? { year } : { error: t('parse.bad_school_year', lang, { raw }) };
}
