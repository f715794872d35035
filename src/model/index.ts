export * from './money.js';
export * from './order.js';
export * from './stock.js';
export * from './event.js';
