/**
 * V8's heap growth for long runs over many small files (the province cross-check).
 *
 * Measured on the bench's 3.000 submissions (node 20, --trace-gc): nothing is retained per file, but
 * V8 sets its next full-collection limit from the live heap times a growing factor of up to 4, so the
 * dead rows of thousands of parsed files pile up in the old space before anyone collects them (peak
 * RSS ≈ 340 MB, for a parse-only loop too). Since the master index keeps compact rows (≈ 33 MB live
 * instead of ≈ 55 MB), a growing factor of 2 holds the peak at ≈ 235 MB for 6 full collections
 * (a factor of 1,5: ≈ 225 MB for 12, twice the collection time; V8's default: ≈ 340 MB for 3).
 * It only changes when V8 collects, never what is kept, and applies to this process from now on.
 */
import * as v8 from 'v8';

let done = false;

export function tightenHeapGrowth(): void {
  if (done) return;
  done = true;
  try {
    v8.setFlagsFromString('--heap-growing-percent=100');
  } catch {
    // A runtime without the flag keeps V8's defaults: slower to collect, never wrong.
  }
}
