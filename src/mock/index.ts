export * from './faults.js';
export * from './random.js';
export * from './router.js';
export * from './server.js';
