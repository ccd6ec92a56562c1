/** `baocao-gd demo`: checks the samples, cross-checks the submissions, writes the report. Exit 0. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, findSamplesDir } from '../../src/cli/commands/demo';
import { parseArgs } from '../../src/cli/args';
import { captureIO } from '../../src/cli/io';
import { FORBIDDEN } from '../core/report/helpers';

it('runs the whole job on the shipped samples', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-demo-'));
  try {
    const io = captureIO();
    expect(await run(parseArgs(['--out', dir]), io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(findSamplesDir()).toBe(path.resolve(__dirname, '..', '..', 'samples'));
    expect(out).toMatch(/quan12-2023-2024\.xlsx: \d+ biểu nhận ra, \d+ lỗi, \d+ cảnh báo\./);
    expect(out).toMatch(/as-printed/);
    expect(out).toMatch(/Đối chiếu \d+ bài nộp với tệp tổng hợp: \d+ lỗi, \d+ cảnh báo\./);
    for (const ext of ['docx', 'html', 'xlsx']) {
      const f = path.join(dir, `bao-cao-2023-2024.${ext}`);
      expect(out).toContain(f);
      expect((await fs.stat(f)).size).toBeGreaterThan(1000);
    }
    expect(out).toContain('Kết luận: Quận 12 đạt chuẩn phổ cập giáo dục tiểu học mức độ 3.');
    expect(out).not.toMatch(FORBIDDEN);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 240000);
