/**
 * `baocao-gd`: the engine on .xlsx files from Node (spec/CLI.md).
 * Each command lives in src/cli/commands/<name>.ts and exports `run(args, io)`.
 */
import { parseArgs, ParsedArgs } from './args';
import { CliIO, processIO, unexpectedMessage } from './io';

type Command = (args: ParsedArgs, io: CliIO) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./commands/demo')).run,
  check: async () => (await import('./commands/check')).run,
  crosscheck: async () => (await import('./commands/crosscheck')).run,
  report: async () => (await import('./commands/report')).run,
  template: async () => (await import('./commands/template')).run,
  fn: async () => (await import('./commands/fn')).run,
  app: async () => (await import('./commands/app')).run,
  forms: async () => (await import('./commands/forms')).run,
};

const USAGE = `Cách dùng / Usage: baocao-gd <lệnh> [tham số]
  demo [--out DIR]                                   chạy mẫu: kiểm tra, đối chiếu, báo cáo
  check FILE.xlsx… [--json]                          kiểm tra các biểu mẫu chuẩn
  crosscheck --master MASTER.xlsx SUBMISSION… [--json] đối chiếu bài nộp của trường
  report FILE.xlsx [--previous OLDER.xlsx…] [--out DIR] [--settings CAI-DAT.json] [--mau-van-ban MAU.dotx] [--json]  lập báo cáo (.docx, .html, .xlsx)
  template NAME|all --out FILE.xlsx                  ghi biểu mẫu trống
  fn ID ARG… [--json]                                gọi một hàm GD.*
  app [--port N]                                     mở Báo cáo GD trên trình duyệt (127.0.0.1)
  forms THƯ_MỤC|TỆP… --out DIR [--xa TÊN] [--year N] [--dbkk "Xã A,…"|--ds-xa DS.csv]  biểu mẫu PCGD từ sổ đăng ký
  (check và report cũng nhận thư mục/tệp sổ đăng ký .xls/.xlsx)
  Tùy chọn chung / common: --lang vi|en`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '__register-worker') return (await import('./register')).registerWorkerMain();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Lệnh không có: ${name} / Unknown command: ${name}\n${USAGE}`);
    return 2;
  }
  const run = await load();
  const lang = rest.includes('en') && rest.some((a, i) => (a === '--lang' && rest[i + 1] === 'en') || a === '--lang=en') ? 'en' : 'vi';
  try {
    return await run(parseArgs(rest), io);
  } catch (e) {
    // Never a stack trace, a library message or a bare system error: what happened, in both languages.
    io.err(unexpectedMessage(e, lang));
    return 2;
  }
}

