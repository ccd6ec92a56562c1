import type { ParsedArgs } from '../args';
import type { CliIO } from '../io';

/** Placeholder until the command lands. */
export async function run(_args: ParsedArgs, io: CliIO): Promise<number> {
  io.err('Lệnh "crosscheck" chưa có trong phiên bản này. / The "crosscheck" command is not available yet.');
  return 2;
}
