// How much garbage an ordersync process may hold. V8 lets the old generation grow to up to four
// times what is live before it collects it; a pull's pages are garbage once committed, so a long
// pull carried ~100 MB of dead pages (peak RSS 239 MiB pulling 300,000 orders, 167 pulling
// 10,000: bench/FINDINGS.md §I). Growing by half of what is live keeps a long pull's peak near a
// short one's (161 and 151 MiB) at the same speed: a pull's live heap is small (~30 MB), so
// marking it more often costs little.
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 50;

/** Call once, first thing, in every process that runs ordersync: bin/ordersync.js, the tests' CLI entry, the bench's children. */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
