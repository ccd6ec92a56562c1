/**
 * GD.PHOCAP_RATE element-wise over 1000×1000 ranges, called through the exported wrapper with the
 * 2-D arrays Excel passes. Best of five runs after a warm-up (JIT), one element = one rate.
 */
import { phocap_rate } from '../../src/functions/functions';
import { emit, round, seconds } from './common';

const N = 1000;
const grid = (f: (r: number, c: number) => number) => Array.from({ length: N }, (_, r) => Array.from({ length: N }, (_, c) => f(r, c)));
const achieved = grid((r, c) => 800 + ((r * 7 + c) % 150));
const cohort = grid((r, c) => 960 + ((r + c) % 40));
const exempt = grid((r, c) => (r + c) % 3);
const moved = grid((r, c) => (r * c) % 2);

let best = Infinity;
let bestCpu = Infinity;
let errors = 0;
phocap_rate(achieved.slice(0, 50), cohort.slice(0, 50), exempt.slice(0, 50), moved.slice(0, 50));
for (let k = 0; k < 5; k++) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out = phocap_rate(achieved, cohort, exempt, moved);
  best = Math.min(best, seconds(t0));
  const cpu = process.cpuUsage(cpu0);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
  if (out.length !== N || out[N - 1].length !== N) throw new Error('PHOCAP_RATE returned the wrong shape');
  errors = out.flat().filter((v) => typeof v !== 'number' || !(v >= 0 && v <= 1)).length;
}
if (errors) throw new Error(`PHOCAP_RATE: ${errors} elements not a rate in [0, 1]`);
// CPU time (this process, GC threads included) is the figure: on a shared machine wall time mostly
// measures the other jobs. The wall-clock rate is printed beside it.
emit({ functions_elements: N * N, functions_s: round(best), functions_cpu_s: round(bestCpu), functions_per_s: Math.round((N * N) / bestCpu), functions_wall_per_s: Math.round((N * N) / best) });
