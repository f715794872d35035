export * from './client.js';
export * from './errors.js';
export * from './redact.js';
export * from './retry-after.js';
export * from './token-bucket.js';
