import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { captureIO } from '../../src/cli/io';
import { parseArgument } from '../../src/cli/commands/fn';

async function fn(...args: string[]) {
  const io = captureIO();
  const code = await main(['fn', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('baocao-gd fn (in process)', () => {
  test('PHOCAP_RATE 9022 9300 35 --json prints the full-precision fraction', async () => {
    const r = await fn('PHOCAP_RATE', '9022', '9300', '35', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toBe(9022 / 9265);
    expect(r.out).toMatch(/^0\.97377226/);
  });
  test('VN_RATIO 2954 6901 1 prints 42,8% (2.954/6.901)', async () => {
    const r = await fn('VN_RATIO', '2954', '6901', '1');
    expect(r).toEqual({ code: 0, out: '42,8% (2.954/6.901)', err: '' });
  });
  test('text results in --json are JSON strings', async () => {
    expect((await fn('VN_PERCENT', '0.9737722612', '--json')).out).toBe('"97,38%"');
    expect((await fn('CHANGE_TEXT', '12', '10', 'trường')).out).toBe('tăng 02 trường');
    expect((await fn('PHOCAP_LEVEL', 'TH', '0.98', '0.9', 'TRUE', '0.8')).out).toBe('3');
    expect((await fn('PHOCAP_LEVEL', 'XMC', '', '0.9')).out).toBe('Chưa đủ dữ liệu');
    expect((await fn('SUM_CHECK', '1294', '[300,500,487]', '--json')).out).toBe('"lệch +7"');
    expect((await fn('BIRTH_YEAR', '2023-2024', '5')).out).toBe('2018');
  });
  test('ranges: [a,b;c,d] literals give [[…]] results with per-cell errors', async () => {
    const r = await fn('PHOCAP_RATE', '[9,18;5,1]', '[10,20;10,0]', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual([[0.9, 0.9], [0.5, { error: '#DIV/0!' }]]);
    const t = await fn('TREND', '[10,12]', '["2022-2023","2023-2024"]', '--json');
    expect(JSON.parse(t.out)).toEqual([
      ['Năm học', 'Giá trị', 'Tăng/giảm', 'Tỷ lệ tăng/giảm'],
      ['2022-2023', 10, '', ''],
      ['2023-2024', 12, 2, 0.2],
    ]);
  });
  test('Excel errors print as {"error":…} and exit 1, with the reason on stderr', async () => {
    const r = await fn('PHOCAP_RATE', '9300', '9022', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ error: '#NUM!' });
    expect(r.err).toContain('Tử số');
    const t = await fn('PHOCAP_RATE', '1', '0');
    expect(t).toMatchObject({ code: 1, out: '#DIV/0!' });
    expect((await fn('PHOCAP_LEVEL', 'ABC', '1', '1', '--json')).out).toBe('{"error":"#N/A"}');
    expect((await fn('PERCENT', 'abc', '3')).out).toBe('#VALUE!');
  });
  test('SUM_CHECK with several parts: called as Excel calls it (the parts as one array)', async () => {
    // 300 + 500 + 487 = 1.287, the total 1.294 is 7 more; 7.667 + 18.587 = 26.254.
    expect((await fn('SUM_CHECK', '1294', '300', '500', '487')).out).toBe('lệch +7');
    expect((await fn('SUM_CHECK', '1294', '300', '[500,487]')).out).toBe('lệch +7');
    expect((await fn('SUM_CHECK', '26254', '7667', '18587', '--json')).out).toBe('true');
  });
  test('more arguments than the function takes → exit 2, as Excel refuses the formula', async () => {
    const r = await fn('PERCENT', '1', '2', '3');
    expect(r.code).toBe(2);
    expect(r.err).toContain('tối đa 2 tham số');
  });
  test('unknown function → exit 2 with the list', async () => {
    const r = await fn('RATE', '1', '2');
    expect(r.code).toBe(2);
    expect(r.err).toContain('PHOCAP_RATE');
  });
  test('literal parsing', () => {
    expect(parseArgument('[1,2;3,4]')).toEqual([[1, 2], [3, 4]]);
    expect(parseArgument('[TRUE,"a,b";,2.5]')).toEqual([[true, 'a,b'], [null, 2.5]]);
    expect(parseArgument('-3')).toBe(-3);
    expect(parseArgument('97,38%')).toBe('97,38%');
    expect(() => parseArgument('[1,2;3]')).toThrow();
  });
});

describe('baocao-gd fn through bin/baocao-gd.cjs', () => {
  const root = path.join(__dirname, '../..');
  test('PHOCAP_RATE --json and VN_RATIO, and the exit code of an error', () => {
    // Rebuild the bundle first: the launcher only watches src/core and src/cli for staleness.
    execFileSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], { cwd: root });
    const bin = path.join(root, 'bin/baocao-gd.cjs');
    const a = spawnSync(process.execPath, [bin, 'fn', 'PHOCAP_RATE', '9022', '9300', '35', '--json'], { cwd: root, encoding: 'utf8' });
    expect(a.status).toBe(0);
    expect(Number(a.stdout.trim())).toBe(9022 / 9265);
    const b = spawnSync(process.execPath, [bin, 'fn', 'VN_RATIO', '2954', '6901', '1'], { cwd: root, encoding: 'utf8' });
    expect(b.stdout.trim()).toBe('42,8% (2.954/6.901)');
    const c = spawnSync(process.execPath, [bin, 'fn', 'PHOCAP_RATE', '5', '3', '--json'], { cwd: root, encoding: 'utf8' });
    expect(c.status).toBe(1);
    expect(c.stdout.trim()).toBe('{"error":"#NUM!"}');
  });
});
