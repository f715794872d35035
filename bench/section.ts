// Child process: runs one benchmark section and answers its rows.
import type { Row } from './lib/report.js';
import type { Sizes } from './lib/sizes.js';
import { serveHandlers } from './lib/worker.js';

const SECTIONS: Record<string, () => Promise<{ run(sizes: Sizes): Promise<Row[]> }>> = {
  pull: () => import('./sections/pull.js'),
  'ledger-write': () => import('./sections/ledger-write.js'),
  memory: () => import('./sections/memory.js'),
  'push-overhead': () => import('./sections/push-overhead.js'),
  'push-rate': () => import('./sections/push-rate.js'),
  status: () => import('./sections/status.js'),
  stock: () => import('./sections/stock.js'),
};

serveHandlers({
  async run(input: { section: string; sizes: Sizes }): Promise<Row[]> {
    const load = SECTIONS[input.section];
    if (!load) throw new Error(`no section ${input.section}`);
    return (await load()).run(input.sizes);
  },
});
