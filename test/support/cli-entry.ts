import { boundHeapGrowth } from '../../src/cli/heap.js';
import { main } from '../../src/cli/main.js';

boundHeapGrowth(); // as bin/ordersync.js does
process.exitCode = await main(process.argv);
