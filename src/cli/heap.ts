/**
 * V8's heap growth for long runs over many small files (the province cross-check).
 *
 * Measured on the bench's 3.000 submissions (node 20, --trace-gc): nothing is retained per file (the
 * one full collection near the end drops the heap from ≈ 220 MB to the ≈ 85 MB the master and the
 * kept rows need), but V8 sets its next full-collection limit from the live heap while the master
 * workbook is being read (≈ 55 MB) times a growing factor of up to 4, so the dead rows of thousands
 * of parsed files pile up in the old space to ≈ 230 MB before anyone collects them (RSS ≈ 340 MB,
 * for a parse-only loop too). A growing factor of 1,5 collects that garbage when it is ≈ 50 MB
 * instead of ≈ 150 MB (peak RSS ≈ 250 MB) for a handful more full collections of ≈ 50–100 ms each.
 * It only changes when V8 collects, never what is kept, and applies to this process from now on.
 */
import * as v8 from 'v8';

let done = false;

export function tightenHeapGrowth(): void {
  if (done) return;
  done = true;
  try {
    v8.setFlagsFromString('--heap-growing-percent=50');
  } catch {
    // A runtime without the flag keeps V8's defaults: slower to collect, never wrong.
  }
}
