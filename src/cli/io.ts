import { msg } from '../core/i18n';

/** Output sink of a CLI command, so tests can capture what a command prints. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

export function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
  };
}

/** The one line printed for an error no command expected (the inputs are never written, so they are unchanged). */
export function unexpectedMessage(e: unknown, lang: 'vi' | 'en'): string {
  const reason = (e as { reason?: { vi: string; en: string } })?.reason;
  if (reason && typeof reason.vi === 'string') return reason[lang];
  const kind = e instanceof Error ? e.name || 'Error' : typeof e;
  const m = msg('cli.unexpected', { kind });
  return lang === 'vi' ? `${m.vi}\n${m.en}` : `${m.en}\n${m.vi}`;
}
