// How much garbage an ordersync process may hold. V8 lets the old generation grow to up to four
// times what is live before it collects it; a pull's pages are garbage once committed, so a long
// pull carried ~100 MB of dead pages (peak RSS ~240 MiB at 300,000 orders against ~150 at 10,000,
// bench/FINDINGS.md §I). Growing by half what is live instead keeps the peak where a short pull
// has it, at the same speed: the live heap is small, so marking it more often costs little.
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 50;

/** Call once, first thing, in every process that runs ordersync (bin/ordersync.js, the bench's children). */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
