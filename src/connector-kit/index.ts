// What connectors (built-in and third-party) may import.
export * from './channel.js';
export * from './context.js';
export * from './cursor.js';
export * from './fulfillment.js';
export * from './logger.js';
export * from './map-raw.js';
export * from './shipments.js';
export * from './stock.js';
export * from './target.js';
export * from '../model/index.js';
export { HttpError, isHttpError, type HttpClient, type HttpResponse } from '../http/index.js';
export { TokenBucket, systemClock, type Clock } from '../http/token-bucket.js';
