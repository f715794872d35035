#!/usr/bin/env node
import { boundHeapGrowth } from '../dist/src/cli/heap.js';
import { main } from '../dist/src/cli/main.js';

boundHeapGrowth();
process.exitCode = await main(process.argv);
